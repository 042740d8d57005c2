"""The command line: parse_args, exit codes, and the evaluate table."""
from pathlib import Path

import pytest

from wsd_text import __version__
from wsd_text.cli import main, parse_args

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


def test_cli_parse_args_analyse_defaults():
    args = parse_args(["analyse", "corpus"])
    assert args.command == "analyse" and args.out == Path("results") and not args.quiet


def test_cli_version(capsys):
    with pytest.raises(SystemExit) as stop:
        parse_args(["--version"])
    assert stop.value.code == 0 and __version__ in capsys.readouterr().out


def test_cli_analyse_exits_nonzero_only_when_nothing_was_analysed(tmp_path, capsys):
    assert main(["analyse", str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "-q"]) == 1
    assert "missing: no such file or folder" in capsys.readouterr().err
    good = tmp_path / "ok.txt"
    good.write_text("Verslag\n\nDe deelnemers spraken over schulden en armoede in de wijk.", encoding="utf-8")
    assert main(["analyse", str(good), str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "-q"]) == 0


def test_cli_rejects_an_unknown_model(tmp_path, capsys):
    assert main(["analyse", str(CORPUS), "--out", str(tmp_path), "--model", "en_core_web_sm", "-q"]) == 1
    assert "'model' parameter must be one of" in capsys.readouterr().err


@pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold is not beside the project")
def test_cli_evaluate_prints_the_scoring_table(tmp_path, capsys):
    main(["analyse", str(CORPUS), "--out", str(tmp_path), "-q"])
    capsys.readouterr()
    assert main(["evaluate", str(tmp_path), "--gold", str(GOLD)]) == 0
    table = capsys.readouterr().out
    for measure in ("speakers", "perspective", "quotes", "attribution", "voice_status", "flagged_missing", "themes"):
        assert measure in table


@pytest.mark.parametrize("command", ["analyse", "report", "export"])
def test_cli_scale_options_on_every_corpus_command(command):
    extra = ["--format", "csv", "--out", "x"] if command == "export" else []
    args = parse_args([command, "corpus", "-j", "2", *extra])
    assert args.jobs == 2 and args.scheduler is None
