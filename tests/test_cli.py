"""The command line: parse_args, exit codes, and the evaluate table."""
import subprocess
import sys
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


REPORT = "Verslag\n\nDe wethouder opende de bijeenkomst en de deelnemers spraken over armoede in de wijk."


@pytest.fixture
def reports(tmp_path):
    """One good report and one empty file in a folder."""
    folder = tmp_path / "verslagen"
    folder.mkdir()
    (folder / "goed.txt").write_text(REPORT, encoding="utf-8")
    (folder / "leeg.txt").write_bytes(b"")
    return folder


@pytest.mark.parametrize("quiet", [[], ["-q"]])
def test_cli_prints_each_bad_file_once(reports, tmp_path, quiet):
    # In a process of its own: pytest's log capture would hide a second, logged copy.
    run = subprocess.run([sys.executable, "-m", "wsd_text.cli", "analyse", str(reports), "--out", str(tmp_path / "o"),
                          *quiet], capture_output=True, text=True, check=False)
    assert run.returncode == 0
    assert run.stderr.count("leeg.txt") == 1 and "error: leeg.txt: empty file" in run.stderr


def test_cli_quiet_silences_the_progress_bar(reports, tmp_path, capsys, monkeypatch):
    main(["analyse", str(reports), "--out", str(tmp_path / "log")])
    assert "analyse: " not in capsys.readouterr().err  # standard error is no terminal here: no bar debris
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    main(["analyse", str(reports), "--out", str(tmp_path / "o")])
    assert "analyse: " in capsys.readouterr().err  # tqdm writes to standard error
    main(["analyse", str(reports), "--out", str(tmp_path / "o2"), "-q"])
    captured = capsys.readouterr()
    assert "analyse: " not in captured.err and "%|" not in captured.err and captured.out == ""


@pytest.mark.parametrize("command", ["analyse", "report", "export"])
def test_cli_refuses_key_without_pseudonymise(reports, tmp_path, capsys, command):
    extra = ["--format", "csv"] if command == "export" else []
    out = tmp_path / ("o.html" if command == "report" else "o")
    assert main([command, str(reports), "--out", str(out), "--key", str(tmp_path / "key.json"), *extra, "-q"]) == 1
    assert "--key is used only with --pseudonymise" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("argv, message", [
    (["report", "{reports}", "--out", "{tmp}"], "{tmp}: is a folder; give the name of a file to write."),
    (["analyse", "{reports}", "--out", "{reports}/goed.txt"], "{reports}/goed.txt: is a file, not a folder"),
    (["export", "{reports}", "--format", "qdpx", "--out", "{tmp}"], "{tmp}: is a folder"),
    (["export", "{reports}", "--format", "csv", "--out", "{reports}/goed.txt"], "is a file, not a folder"),
    (["import", "{tmp}/weg.qdpx", "--out", "{tmp}/o"], "{tmp}/weg.qdpx: no such file or directory"),
])
def test_cli_output_and_input_mistakes_give_one_line(reports, tmp_path, capsys, argv, message):
    fill = {"reports": reports, "tmp": tmp_path}
    assert main([a.format(**fill) for a in argv] + ["-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message.format(**fill) in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("command", ["evaluate", "agree"])
def test_cli_evaluate_and_agree_say_when_there_are_no_records(reports, tmp_path, capsys, command):
    empty = tmp_path / "leeg"
    empty.mkdir()
    argv = [command, str(empty), "--gold", str(empty)] if command == "evaluate" else [command, str(empty), str(empty)]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert f"error: {empty}: no JSON records found" in captured.err and captured.out == ""


def test_cli_agree_says_when_the_codings_share_no_report(tmp_path, capsys):
    from test_tables import sample_records

    from wsd_text.export.json import write_records

    write_records(sample_records()[:1], tmp_path / "a")
    write_records(sample_records()[1:], tmp_path / "b")
    assert main(["agree", str(tmp_path / "a"), str(tmp_path / "b")]) == 1
    assert "have no report in common" in capsys.readouterr().err


def test_cli_export_of_a_record_folder_does_not_analyse_its_report_page(reports, tmp_path, capsys):
    (reports / "leeg.txt").unlink()
    assert main(["analyse", str(reports), "--out", str(tmp_path / "results"), "-q"]) == 0
    assert main(["export", str(tmp_path / "results"), "--format", "csv", "--out", str(tmp_path / "csv"), "-q"]) == 1
    assert "folder holds no report files" in capsys.readouterr().err and not (tmp_path / "csv").exists()


def test_cli_export_qdpx_and_import_of_reports_with_the_same_name(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "verslag.txt").write_text(REPORT, encoding="utf-8")
    project = tmp_path / "project.qdpx"
    assert main(["export", str(tmp_path / "in"), "--format", "qdpx", "--out", str(project), "-q"]) == 0
    assert main(["import", str(project), "--out", str(tmp_path / "records")]) == 0
    assert "2 record(s) read from" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "records").glob("*.json")) == ["a__verslag.json", "b__verslag.json"]
    from wsd_text import Corpus

    stored = Corpus.from_json_folder(tmp_path / "records")
    assert stored.reports["report"].tolist() == ["a/verslag.txt", "b/verslag.txt"]


def test_cli_import_of_a_broken_project_gives_one_line(tmp_path, capsys):
    import zipfile

    with zipfile.ZipFile(tmp_path / "kapot.qdpx", "w") as archive:
        archive.writestr("project.qde", "<Project><Sources>")
    assert main(["import", str(tmp_path / "kapot.qdpx"), "--out", str(tmp_path / "o"), "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: kapot.qdpx: project.qde is not well-formed XML") and len(err.splitlines()) == 1
    assert not (tmp_path / "o").exists()
