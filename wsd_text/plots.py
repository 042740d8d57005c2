"""Figures of a corpus, one function per figure, each returning a matplotlib `Figure`.

Figures are built on `matplotlib.figure.Figure` directly, never through pyplot: no
global state and no GUI backend, so they render headless (Agg) in tests, in the
organiser's report and on servers, and still display in a notebook. Colours come from
the Okabe–Ito palette (safe for the common forms of colour blindness) with one fixed
colour per perspective and per status; every label is in Dutch.
"""
from __future__ import annotations

import io
import textwrap
from functools import lru_cache

import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.dates import AutoDateLocator, DateFormatter
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from . import tables
from .codebook import load_codebook
from .records import ACTOR_PERSPECTIVES, PERSPECTIVES, STATUSES

PERSPECTIVE_LABELS = {"formal": "formeel", "informal": "informeel", "lived_experience": "eigen ervaring",
                      "child": "kinderen en jongeren", "mixed": "gemengd", "unknown": "onbekend"}
STATUS_LABELS = {"voiced": "aan het woord", "present": "aanwezig, zweeg", "mentioned": "alleen over gesproken",
                 "absent": "afwezig"}
FLAGGED_LABEL = "gemist volgens verslag"

# Okabe & Ito (2008), "Color Universal Design". Statuses run from dark blue (heard) to
# light grey (absent) so their order also reads in grey print; vermillion marks a voice
# the report itself calls missing and is used for nothing else.
PERSPECTIVE_COLOURS = {"formal": "#0072B2", "informal": "#009E73", "lived_experience": "#E69F00",
                       "child": "#CC79A7", "mixed": "#56B4E9", "unknown": "#999999"}
STATUS_COLOURS = {"voiced": "#0072B2", "present": "#56B4E9", "mentioned": "#F0E442", "absent": "#E8E8E8"}
FLAGGED_COLOUR = "#D55E00"
_DARK = {"voiced"}  # statuses whose colour needs white text


def plot_voices(voices: pd.DataFrame, reports: pd.DataFrame | None = None) -> Figure:
    """Heatmap report × perspective of the voice status; voices flagged missing are outlined.

    Parameters
    ----------
    voices : DataFrame
        `Corpus.voices`.
    reports : DataFrame, optional
        `Corpus.reports`; when given, rows are labelled with the report titles.

    Examples
    --------
    >>> from wsd_text import Corpus, Record
    >>> corpus = Corpus.from_records([Record("a.txt", "Kenniscafé armoede", None, None, None, None)])
    >>> plot_voices(corpus.voices, corpus.reports).axes[0].get_title()
    'Welke stemmen klonken per verslag'
    """
    matrix = tables.voice_matrix(voices)
    fig = _figure(10, 1.8 + 0.55 * max(len(matrix), 1))
    ax = fig.add_subplot()
    ax.set_title("Welke stemmen klonken per verslag")
    if matrix.empty:
        return _note(ax, "Geen verslagen.")
    codes = matrix.apply(lambda column: column.cat.codes).to_numpy()
    ax.imshow(codes, cmap=ListedColormap([STATUS_COLOURS[s] for s in STATUSES]), vmin=-0.5,
              vmax=len(STATUSES) - 0.5, aspect="auto")
    flagged = voices.set_index(["report", "perspective"])["flagged_missing"]
    for (row, report), (col, perspective) in _cells(matrix):
        status = matrix.iat[row, col]
        text = _wrap(STATUS_LABELS[status])
        if flagged.get((report, perspective), False):
            text += "\n" + _wrap(FLAGGED_LABEL)
            ax.add_patch(Rectangle((col - 0.47, row - 0.45), 0.94, 0.9, fill=False, lw=2.5, ec=FLAGGED_COLOUR))
        ax.text(col, row, text, ha="center", va="center", fontsize=7.5,
                color="white" if status in _DARK else "black")
    _perspective_columns(ax)
    ax.set_yticks(range(len(matrix)), _report_labels(matrix.index, reports))
    ax.tick_params(length=0)
    ax.set_xlabel("perspectief")
    ax.set_ylabel("verslag")
    _legend(fig, [*(Patch(fc=STATUS_COLOURS[s], ec="#666666", label=STATUS_LABELS[s]) for s in STATUSES),
                  Patch(fc="white", ec=FLAGGED_COLOUR, lw=2.5, label=FLAGGED_LABEL)])
    return fig


def plot_status_counts(voices: pd.DataFrame) -> Figure:
    """Stacked bars: in how many reports each perspective was heard, present, mentioned, absent.

    Examples
    --------
    >>> from wsd_text import Corpus, Record
    >>> corpus = Corpus.from_records([Record("a.txt", "Werkplaats schulden", None, None, None, None)])
    >>> plot_status_counts(corpus.voices).axes[0].get_xlabel()
    'aantal verslagen'
    """
    counts = tables.status_counts(voices)
    fig = _figure(10, 3.6)
    ax = fig.add_subplot()
    ax.set_title("Hoe vaak klonk elke stem, over alle verslagen")
    labels = [PERSPECTIVE_LABELS[p] for p in counts.index]
    left = pd.Series(0, index=counts.index)
    for status in STATUSES:
        bars = ax.barh(labels, counts[status], left=left, color=STATUS_COLOURS[status], ec="white",
                       label=STATUS_LABELS[status])
        ax.bar_label(bars, labels=[str(n) if n else "" for n in counts[status]], label_type="center",
                     color="white" if status in _DARK else "black", fontsize=9)
        left += counts[status]
    ax.invert_yaxis()
    ax.set_xlabel("aantal verslagen")
    ax.set_ylabel("perspectief")
    ax.xaxis.get_major_locator().set_params(integer=True)
    _legend(fig, ax.get_legend_handles_labels()[0])
    return fig


def plot_status_over_time(voices: pd.DataFrame, reports: pd.DataFrame) -> Figure:
    """Per perspective, the status in each dated report along a time axis.

    Reports without a date are left out and counted in the subtitle.

    Examples
    --------
    >>> from wsd_text import Corpus, Record
    >>> corpus = Corpus.from_records([Record("a.txt", "Kenniscafé", "2019-03-12", None, None, None)])
    >>> plot_status_over_time(corpus.voices, corpus.reports).axes[0].get_xlabel()
    'datum'
    """
    dated = voices.merge(reports[["report", "date"]], on="report").dropna(subset=["date"])
    undated = reports["date"].isna().sum()
    fig = _figure(10, 3.6)
    ax = fig.add_subplot()
    ax.set_title("Welke stemmen klonken door de tijd"
                 + (f"\n({undated} verslag(en) zonder datum niet getoond)" if undated else ""))
    if dated.empty:
        return _note(ax, "Geen van de verslagen heeft een datum.")
    rows = dated["perspective"].cat.codes
    for status in STATUSES:
        chosen = dated["status"] == status
        ax.scatter(dated.loc[chosen, "date"], rows[chosen], s=140, color=STATUS_COLOURS[status],
                   edgecolors=[FLAGGED_COLOUR if f else "#666666" for f in dated.loc[chosen, "flagged_missing"]],
                   linewidths=[2.5 if f else 0.8 for f in dated.loc[chosen, "flagged_missing"]],
                   label=STATUS_LABELS[status], zorder=3)
    ax.set_yticks(range(len(PERSPECTIVES)), [PERSPECTIVE_LABELS[p] for p in PERSPECTIVES])
    ax.set_ylim(len(PERSPECTIVES) - 0.5, -0.5)
    if dated["date"].nunique() == 1:  # a zero-width date range leaves the date locator without ticks
        ax.set_xlim(dated["date"].iloc[0] - pd.Timedelta(days=45), dated["date"].iloc[0] + pd.Timedelta(days=45))
    ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=8))  # the default minticks fails on ~4 years
    ax.xaxis.set_major_formatter(DateFormatter("%d-%m-%Y"))
    ax.grid(axis="x", color="#DDDDDD", zorder=0)
    ax.set_xlabel("datum")
    ax.set_ylabel("perspectief")
    _legend(fig, [*ax.get_legend_handles_labels()[0],
                  Patch(fc="white", ec=FLAGGED_COLOUR, lw=2.5, label=FLAGGED_LABEL)])
    return fig


def plot_speakers(actors: pd.DataFrame, quotes: pd.DataFrame) -> Figure:
    """Per perspective: speaking actors, quotes and words quoted, side by side.

    Examples
    --------
    >>> from wsd_text import Corpus, Record
    >>> corpus = Corpus.from_records([])
    >>> [ax.get_title() for ax in plot_speakers(corpus.actors, corpus.quotes).axes]
    ['Sprekers', 'Citaten', 'Geciteerde woorden']
    """
    counts = tables.speaker_counts(actors, quotes)
    fig = _figure(11, 3.4)
    fig.suptitle("Wie is hoeveel aan het woord, per perspectief")
    labels = [PERSPECTIVE_LABELS[p] for p in ACTOR_PERSPECTIVES]
    colours = [PERSPECTIVE_COLOURS[p] for p in ACTOR_PERSPECTIVES]
    for i, (column, title) in enumerate((("speakers", "Sprekers"), ("quotes", "Citaten"),
                                         ("words_quoted", "Geciteerde woorden"))):
        ax = fig.add_subplot(1, 3, i + 1)
        bars = ax.barh(labels, counts[column], color=colours)
        ax.bar_label(bars, padding=2, fontsize=9)
        ax.set_title(title)
        ax.set_xlabel("aantal")
        ax.invert_yaxis()
        ax.margins(x=0.18)
        ax.xaxis.get_major_locator().set_params(integer=True)
        if i:
            ax.tick_params(labelleft=False)
    return fig


def plot_theme_voices(themes: pd.DataFrame, voices: pd.DataFrame) -> Figure:
    """Heatmap theme × perspective: in how many of the reports on a theme the perspective spoke.

    Examples
    --------
    >>> from wsd_text import Corpus, Record
    >>> corpus = Corpus.from_records([])
    >>> plot_theme_voices(corpus.themes, corpus.voices).axes[0].get_title()
    'Welke stemmen klonken bij welk thema'
    """
    table = tables.theme_voices(themes, voices)
    fig = _figure(10, 1.8 + 0.38 * max(len(table), 1))
    ax = fig.add_subplot()
    ax.set_title("Welke stemmen klonken bij welk thema")
    if table.empty:
        return _note(ax, "Geen thema's gevonden.")
    voiced = table[list(PERSPECTIVES)]
    share = voiced.div(table["reports"], axis=0)
    ax.imshow(share.to_numpy(), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for (row, _), (col, _) in _cells(voiced):
        count = voiced.iat[row, col]
        ax.text(col, row, f"{count} van {table['reports'].iat[row]}", ha="center", va="center", fontsize=8,
                color="white" if share.iat[row, col] > 0.6 else "black" if count else "#888888")
    _perspective_columns(ax)
    ax.set_yticks(range(len(table)), [theme_label(code) for code in table.index])
    ax.tick_params(length=0)
    ax.set_xlabel("perspectief aan het woord (aantal verslagen over het thema)")
    ax.set_ylabel("thema")
    return fig


def theme_label(code: str) -> str:
    """The label the default codebook gives a theme code; a code it lacks is made readable.

    Examples
    --------
    >>> theme_label("financiele_gezondheid"), theme_label("eigen_code")
    ('Financiële gezondheid', 'eigen code')
    """
    return _codebook_labels().get(code, code.replace("_", " "))


@lru_cache(maxsize=1)
def _codebook_labels() -> dict[str, str]:
    """Code -> label of the default codebook (read once)."""
    return {c.code: c.label for c in load_codebook().codes}


def _perspective_columns(ax) -> None:
    """The four perspectives as column labels above a heatmap."""
    ax.set_xticks(range(len(PERSPECTIVES)), [_wrap(PERSPECTIVE_LABELS[p]) for p in PERSPECTIVES])
    ax.xaxis.tick_top()


def _wrap(label: str) -> str:
    """A label broken over lines narrow enough for one heatmap cell."""
    return textwrap.fill(label, 15)


def figure_png(fig: Figure, dpi: float = 100) -> bytes:
    """A figure as PNG bytes.

    Examples
    --------
    >>> figure_png(Figure(figsize=(1, 1)))[:4]
    b'\\x89PNG'
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


class _NotebookFigure(Figure):
    """A `Figure` that a notebook shows as PNG by itself: without pyplot no display hook is set up."""

    def _repr_png_(self) -> bytes:
        return figure_png(self)


def _figure(width: float, height: float) -> Figure:
    """A headless figure with room for long Dutch labels."""
    return _NotebookFigure(figsize=(width, height), layout="constrained", dpi=100)


def _note(ax, text: str) -> Figure:
    """Say in the axes why there is nothing to draw, so an empty corpus still gives a readable figure."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=11, color="#444444", transform=ax.transAxes)
    return ax.figure


def _legend(fig: Figure, handles) -> None:
    """One legend row under the plot."""
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 5), frameon=False, fontsize=9)


def _cells(matrix: pd.DataFrame):
    """Every ((row, index label), (column, column label)) of a table, for cell annotations."""
    return ((r, c) for r in enumerate(matrix.index) for c in enumerate(matrix.columns))


def _report_labels(report_ids, reports: pd.DataFrame | None) -> list[str]:
    """Report titles shortened to one line, falling back to the file name."""
    titles = dict(zip(reports["report"], reports["title"])) if reports is not None else {}
    return [textwrap.shorten(_or(titles.get(r), r), 48, placeholder=" …") for r in report_ids]


def _or(text, fallback: str) -> str:
    """``text`` when it is a string, else ``fallback`` (pandas' NA has no truth value)."""
    return text if isinstance(text, str) else fallback
