"""Figures: one per function, headless, Dutch labels, fixed colour-blind-safe colours."""
import sys
import warnings

import matplotlib.colors as mcolors
import pytest
from matplotlib.figure import Figure
from test_tables import sample_records

from wsd_text import Corpus, plots


@pytest.fixture(scope="module")
def corpus():
    return Corpus.from_records(sample_records())


def _figures(c: Corpus) -> dict[str, Figure]:
    return {
        "voices": plots.plot_voices(c.voices, c.reports), "counts": plots.plot_status_counts(c.voices),
        "time": plots.plot_status_over_time(c.voices, c.reports), "speakers": plots.plot_speakers(c.actors, c.quotes),
        "themes": plots.plot_theme_voices(c.themes, c.voices),
    }


def _texts(fig: Figure) -> set[str]:
    return {t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))}


def test_plots_every_figure_renders_headless_with_dutch_titles(corpus, tmp_path):
    figures = _figures(corpus)
    titles = {key: fig.axes[0].get_title() for key, fig in figures.items()}
    assert titles["voices"] == "Welke stemmen klonken per verslag"
    assert titles["counts"] == "Hoe vaak klonk elke stem, over alle verslagen"
    assert titles["time"].startswith("Welke stemmen klonken door de tijd")
    assert titles["themes"] == "Welke stemmen klonken bij welk thema"
    for key, fig in figures.items():
        fig.savefig(tmp_path / f"{key}.png")
        assert (tmp_path / f"{key}.png").stat().st_size > 5_000
    # Built without pyplot: nothing left open, nothing shown.
    assert "matplotlib.pyplot" not in sys.modules or not sys.modules["matplotlib.pyplot"].get_fignums()


def test_plots_voice_heatmap_colours_cells_by_status_and_outlines_flagged(corpus):
    fig = plots.plot_voices(corpus.voices, corpus.reports)
    ax = fig.axes[0]
    image = ax.images[0]
    cafe_informal = image.cmap(image.norm(image.get_array()[0, 1]))
    assert mcolors.to_hex(cafe_informal) == plots.STATUS_COLOURS["present"].lower()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kenniscafé schulden en armoede", "werkplaats.txt",
                                                            "Platform jeugd"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["formeel", "informeel", "eigen ervaring",
                                                            "kinderen en\njongeren"]
    outlined = [p for p in ax.patches if mcolors.to_hex(p.get_edgecolor()) == plots.FLAGGED_COLOUR.lower()]
    assert len(outlined) == 2
    assert "aanwezig, zweeg\ngemist volgens\nverslag" in _texts(fig)


def test_plots_status_counts_stack_to_the_number_of_reports(corpus):
    ax = plots.plot_status_counts(corpus.voices).axes[0]
    ends = {}
    for bar in ax.patches:
        y = round(bar.get_y(), 3)
        ends[y] = max(ends.get(y, 0), bar.get_x() + bar.get_width())
    assert set(ends.values()) == {3}
    assert ax.get_xlabel() == "aantal verslagen"
    colours = {mcolors.to_hex(b.get_facecolor()) for b in ax.patches}
    assert colours <= {c.lower() for c in plots.STATUS_COLOURS.values()}


def test_plots_status_over_time_leaves_out_undated_reports(corpus):
    ax = plots.plot_status_over_time(corpus.voices, corpus.reports).axes[0]
    assert "(1 verslag(en) zonder datum niet getoond)" in ax.get_title()
    assert sum(len(c.get_offsets()) for c in ax.collections) == 2 * 4


def test_plots_status_over_time_one_date_still_has_a_time_axis(tmp_path):
    one = Corpus.from_records(sample_records()[:1])
    fig = plots.plot_status_over_time(one.voices, one.reports)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(tmp_path / "tijd.png")
    assert len(fig.axes[0].get_xticks()) >= 2


def test_plots_speakers_bars_per_perspective_in_fixed_colours(corpus):
    fig = plots.plot_speakers(corpus.actors, corpus.quotes)
    speakers, quotes, words = fig.axes
    assert [b.get_width() for b in speakers.patches] == [2, 0, 1, 0, 0, 0]
    assert [b.get_width() for b in words.patches] == [18, 0, 7, 0, 0, 8]
    assert [mcolors.to_hex(b.get_facecolor()) for b in quotes.patches] == [
        plots.PERSPECTIVE_COLOURS[p].lower() for p in plots.PERSPECTIVE_LABELS]


def test_plots_theme_voices_labels_themes_from_the_codebook(corpus):
    ax = plots.plot_theme_voices(corpus.themes, corpus.voices).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Schulden", "Armoede"]
    assert "2 van 2" in _texts(ax.figure)


def test_plots_empty_corpus_gives_figures_that_say_why():
    texts = set().union(*(_texts(fig) for fig in _figures(Corpus.from_records([])).values()))
    assert {"Geen verslagen.", "Geen van de verslagen heeft een datum.", "Geen thema's gevonden."} <= texts


@pytest.mark.parametrize("dates", [("2022-10-27", "2026-03-12"), ("2019-01-05", "2019-01-20"), ("2001-06-01", "2025-06-01")])
def test_plots_time_axis_picks_ticks_without_warnings(dates):
    from dataclasses import replace
    records = [replace(r, event_date=d) for r, d in zip(sample_records(), dates)]
    c = Corpus.from_records(records)
    fig = plots.plot_status_over_time(c.voices, c.reports)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plots.figure_png(fig)
    assert len([t for t in fig.axes[0].get_xticklabels() if t.get_text()]) >= 2
