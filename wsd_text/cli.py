"""The ``wsd-text`` command: thin subcommands over the library functions the notebooks use."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import replace
from pathlib import Path

from . import __version__
from .errors import WsdError

log = logging.getLogger("wsd_text")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line (tests call this directly)."""
    parser = argparse.ArgumentParser(
        prog="wsd-text", description="Who speaks, who is silent, who is missing in Dutch meeting reports.")
    parser.add_argument("--version", action="version", version=f"wsd-text {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="store_true", help="show debug messages")
    common.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (_add_analyse, _add_evaluate, _add_report, _add_export, _add_import, _add_agree, _add_pseudonymise):
        add(sub, common)
    return parser.parse_args(argv)


def _add_settings_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--settings", type=Path, help="YAML file overriding default settings key by key")
    parser.add_argument("--model", help="spaCy pipeline: 'blank' (default) or an installed nl_core_news_*")


def _add_scale_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default: 1)")
    parser.add_argument("--scheduler", help="address of a Dask scheduler to analyse on (e.g. tcp://host:8786)")


def _add_pseudonym_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pseudonymise", action="store_true",
                        help="replace person names by consistent pseudonyms (needs --key)")
    parser.add_argument("--key", type=Path, help="pseudonym key file (JSON), kept outside the output")


def _add_analyse(sub, common) -> None:
    p = sub.add_parser("analyse", parents=[common], help="analyse reports and write JSON records and tables")
    p.add_argument("paths", nargs="+", type=Path, help="report files or folders (searched recursively)")
    p.add_argument("--out", type=Path, default=Path("results"), help="output folder (default: results)")
    _add_settings_options(p)
    _add_scale_options(p)
    _add_pseudonym_options(p)
    p.set_defaults(func=_cmd_analyse)


def _add_evaluate(sub, common) -> None:
    p = sub.add_parser("evaluate", parents=[common], help="score records against gold (ANNOTATION.md §7)")
    p.add_argument("pred", type=Path, help="folder of predicted JSON records")
    p.add_argument("--gold", type=Path, help="folder of gold records (default: ../shared/gold)")
    p.add_argument("--json", action="store_true", help="print machine-readable figures")
    p.set_defaults(func=_cmd_evaluate)


def _add_report(sub, common) -> None:
    p = sub.add_parser("report", parents=[common],
                       help="write the organiser's report: one self-contained HTML page in Dutch")
    p.add_argument("paths", nargs="+", type=Path,
                   help="report files or folders to analyse, or a folder of JSON records written by 'analyse'")
    p.add_argument("--out", type=Path, default=Path("report.html"), help="HTML file to write (default: report.html)")
    _add_settings_options(p)
    _add_scale_options(p)
    _add_pseudonym_options(p)
    p.set_defaults(func=_cmd_report)


def _add_export(sub, common) -> None:
    p = sub.add_parser("export", parents=[common],
                       help="export reports to REFI-QDA (.qdpx project, .qdc codebook) or tables (csv, xlsx)")
    p.add_argument("paths", nargs="+", type=Path, help="report files or folders (searched recursively)")
    p.add_argument("--format", required=True, choices=("qdpx", "qdc", "csv", "xlsx"), help="what to write")
    p.add_argument("--out", type=Path, required=True, help="file to write (a folder for csv)")
    _add_settings_options(p)
    _add_scale_options(p)
    _add_pseudonym_options(p)
    p.set_defaults(func=_cmd_export)


def _add_import(sub, common) -> None:
    p = sub.add_parser("import", parents=[common],
                       help="write the JSON records of a REFI-QDA project (.qdpx), e.g. after coding in a QDA tool")
    p.add_argument("project", type=Path, help="a .qdpx project (written by 'export' or by a QDA tool)")
    p.add_argument("--out", type=Path, required=True, help="folder to write the JSON records to")
    p.set_defaults(func=_cmd_import)


def _add_agree(sub, common) -> None:
    p = sub.add_parser("agree", parents=[common],
                       help="agreement of two codings (kappa, alpha, 95%% CI) per field")
    for name in ("a", "b"):
        p.add_argument(name, type=Path, help="a folder of JSON records or a .qdpx project")
    p.add_argument("--csv", type=Path, help="also write the table as CSV to this file")
    p.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples (default: 1000)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default: 0)")
    p.set_defaults(func=_cmd_agree)


def _add_pseudonymise(sub, common) -> None:
    p = sub.add_parser("pseudonymise", parents=[common],
                       help="replace person names in a folder of JSON records (or restore them)")
    p.add_argument("records", type=Path, help="folder of JSON records")
    p.add_argument("--out", type=Path, required=True, help="folder to write the records to")
    p.add_argument("--key", type=Path, required=True, help="key file (JSON), outside --out; extended if it exists")
    p.add_argument("--reverse", action="store_true", help="restore the names with the key")
    p.set_defaults(func=_cmd_pseudonymise)


def settings_from_args(args: argparse.Namespace):
    """The `Settings` the command line asks for."""
    from .settings import Settings

    overrides = {"model": args.model} if getattr(args, "model", None) else {}
    if getattr(args, "settings", None):
        return Settings.from_file(args.settings, **overrides)
    return Settings(**overrides)


def _cmd_analyse(args) -> int:
    from .analyse import analyse_paths

    _check_key_option(args)
    settings = replace(settings_from_args(args), pseudonymise=True) if args.pseudonymise else settings_from_args(args)
    # Bad files are logged by the library as they are found (once, also with --quiet).
    result = analyse_paths(args.paths, out=args.out, settings=settings, progress=not args.quiet,
                           jobs=args.jobs, scheduler=args.scheduler, pseudonym_key=args.key)
    if not args.quiet:
        print(f"{len(result.records)} report(s) analysed ({result.reused} unchanged, reused), "
              f"{len(result.errors)} error(s); output in {args.out}")
    return 0 if result.ok else 1


def _cmd_evaluate(args) -> int:
    from .evaluate import default_gold_dir, evaluate_records, format_table, load_records

    gold = args.gold or default_gold_dir()
    if gold is None:
        print("error: no gold folder given and ../shared/gold does not exist; use --gold", file=sys.stderr)
        return 1
    scores = evaluate_records(_records(args.pred, load_records), _records(gold, load_records))
    if not any(report["predicted"] for report in scores.per_report):
        raise ValueError(f"{args.pred}: none of its records is of a report in {gold} "
                         "(records are paired by their 'report' id, the file name of the report).")
    print(json.dumps(scores.to_dict(), indent=2) if args.json else format_table(scores))
    return 0


def _records(path: Path, load) -> list[dict]:
    """The records ``load`` reads from ``path``; none is a mistake worth saying."""
    records = load(path)
    if not records:
        raise ValueError(f"{path}: no JSON records found (*.json files with a 'report' key, "
                         "as 'wsd-text analyse' writes them).")
    return records


def _cmd_report(args) -> int:
    from .corpus import analyse_corpus
    from .export.atomic import check_output_file
    from .export.html import write_report

    _check_key_option(args)
    check_output_file(args.out)  # before the analysis, which may take long
    corpus = analyse_corpus(args.paths, settings=settings_from_args(args), progress=not args.quiet,
                            jobs=args.jobs, scheduler=args.scheduler)
    if not len(corpus):
        log.error("no report could be analysed and no records were found; nothing to report on")
        return 1
    key = _pseudonym_key(args)
    if key is not None:
        from .pseudonymise import pseudonymise_tables

        corpus = pseudonymise_tables(corpus, key)
        key.save(args.key, args.out)
    write_report(corpus, args.out)
    if not args.quiet:
        print(f"report on {len(corpus)} report(s) written to {args.out}")
    return 0


def _check_key_option(args) -> None:
    """Refuse ``--key`` without ``--pseudonymise``: the names would stay in the output."""
    if args.key is not None and not args.pseudonymise:
        raise ValueError("--key is used only with --pseudonymise; add --pseudonymise to replace "
                         "person names, or leave out --key.")


def _pseudonym_key(args):
    """The key that ``--pseudonymise --key`` asks for (read or new), else None."""
    if not args.pseudonymise:
        return None
    from .pseudonymise import check_key_location, load_key

    if args.key is None:
        raise ValueError("--pseudonymise needs --key KEYFILE (outside the output), to keep the pseudonyms reversible.")
    check_key_location(args.key, args.out)
    return load_key(args.key)


def _cmd_export(args) -> int:
    from .analyse import analyse_paths
    from .export.atomic import check_output_file, check_output_folder
    from .export.qdpx import write_qdc, write_run_qdpx
    from .export.tables import write_tables
    from .pseudonymise import pseudonymise_records

    _check_key_option(args)
    (check_output_folder if args.format == "csv" else check_output_file)(args.out)
    key, settings = _pseudonym_key(args), settings_from_args(args)
    run = analyse_paths(args.paths, settings=settings, progress=not args.quiet, jobs=args.jobs,
                        scheduler=args.scheduler, pseudonym_key=args.key)
    if not run.ok:
        return 1
    records = run.records
    if key is not None and args.format != "qdpx":  # qdpx pseudonymises texts and records together
        records = pseudonymise_records(records, key)
    if args.format == "qdpx":
        written = [write_run_qdpx(run.records, run.sources, args.out, settings, key)]
    elif args.format == "qdc":
        written = [write_qdc(records, args.out)]
    else:
        written = write_tables(records, args.out, args.format, run.errors)
    if key is not None:
        key.save(args.key, args.out)
    if not args.quiet:
        print(f"{len(run.records)} report(s) exported, {len(run.errors)} error(s); wrote {len(written)} file(s) to {args.out}")
    return 0


def _cmd_import(args) -> int:
    from .export.atomic import check_output_folder
    from .export.json import write_records
    from .export.qdpx_read import read_qdpx

    check_output_folder(args.out)
    records = read_qdpx(args.project).records
    if not records:
        raise ValueError(f"{args.project}: the project holds no text sources, so there are no records to write.")
    written = write_records(records, args.out)
    if not args.quiet:
        print(f"{len(written)} record(s) read from {args.project} and written to {args.out}")
    return 0


def _cmd_agree(args) -> int:
    from .agree import agree, format_agreements, load_coding, write_agreements_csv

    result = agree(_records(args.a, load_coding), _records(args.b, load_coding),
                   resamples=args.resamples, seed=args.seed)
    if not result.n_reports:
        raise ValueError(f"{args.a} and {args.b} have no report in common "
                         "(records are paired by their 'report' id); nothing to compare.")
    print(format_agreements(result))
    if args.csv:
        write_agreements_csv(result, args.csv)
    return 0


def _cmd_pseudonymise(args) -> int:
    from .pseudonymise import pseudonymise_folder

    written = pseudonymise_folder(args.records, args.out, args.key, reverse=args.reverse)
    if not args.quiet:
        print(f"{'restored' if args.reverse else 'pseudonymised'} {len(written) - (not args.reverse)} record(s) into {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``wsd-text`` console script; returns the exit code."""
    args = parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.ERROR if args.quiet else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s")  # other libraries' messages
    handler = _log_to_stderr(level)
    try:
        return args.func(args)
    except (WsdError, ValueError, OSError) as exc:  # caller mistakes: one line, no traceback
        log.debug("traceback", exc_info=True)
        print(f"error: {_message(exc)}", file=sys.stderr)
        return 1
    finally:  # main() may run many times in one process (tests, notebooks)
        log.removeHandler(handler)
        log.propagate = True


def _log_to_stderr(level: int) -> logging.Handler:
    """wsd-text's messages on standard error as ``error: leeg.txt: empty file``, each once."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LowerCaseLevel("%(levelname)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(level)
    log.propagate = False
    return handler


class _LowerCaseLevel(logging.Formatter):
    """``error: leeg.txt: empty file``, in the voice of the CLI's own messages."""

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace(record.levelname, record.levelname.lower(), 1)


def _message(exc: Exception) -> str:
    """One line in the voice "<file>: <reason>"; an OS error names its file that way too."""
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror[0].lower()}{exc.strerror[1:]}"
    return " ".join(str(exc).split())


if __name__ == "__main__":
    sys.exit(main())
