"""The ``wsd-text`` command: thin subcommands over the library functions the notebooks use."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from . import __version__

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
    for add in (_add_analyse, _add_evaluate, _add_report):
        add(sub, common)
    return parser.parse_args(argv)


def _add_settings_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--settings", type=Path, help="YAML file overriding default settings key by key")
    parser.add_argument("--model", help="spaCy pipeline: 'blank' (default) or an installed nl_core_news_*")


def _add_scale_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default: 1)")
    parser.add_argument("--scheduler", help="address of a Dask scheduler to analyse on (e.g. tcp://host:8786)")


def _add_analyse(sub, common) -> None:
    p = sub.add_parser("analyse", parents=[common], help="analyse reports and write JSON records and tables")
    p.add_argument("paths", nargs="+", type=Path, help="report files or folders (searched recursively)")
    p.add_argument("--out", type=Path, default=Path("results"), help="output folder (default: results)")
    _add_settings_options(p)
    _add_scale_options(p)
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
    p.set_defaults(func=_cmd_report)


def settings_from_args(args: argparse.Namespace):
    """The `Settings` the command line asks for."""
    from .settings import Settings

    overrides = {"model": args.model} if getattr(args, "model", None) else {}
    if getattr(args, "settings", None):
        return Settings.from_file(args.settings, **overrides)
    return Settings(**overrides)


def _cmd_analyse(args) -> int:
    from .analyse import analyse_paths

    result = analyse_paths(args.paths, out=args.out, settings=settings_from_args(args), progress=not args.quiet,
                           jobs=args.jobs, scheduler=args.scheduler)
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
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
    scores = evaluate_records(load_records(args.pred), load_records(gold))
    print(json.dumps(scores.to_dict(), indent=2) if args.json else format_table(scores))
    return 0


def _cmd_report(args) -> int:
    from .corpus import analyse_corpus
    from .export.html import write_report

    corpus = analyse_corpus(args.paths, settings=settings_from_args(args), progress=not args.quiet)
    for error in corpus.errors.itertuples():
        print(f"error: {error.file}: {error.reason}", file=sys.stderr)
    if not len(corpus):
        return 1
    write_report(corpus, args.out)
    if not args.quiet:
        print(f"report on {len(corpus)} report(s) written to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``wsd-text`` console script; returns the exit code."""
    args = parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.ERROR if args.quiet else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s")
    try:
        return args.func(args)
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
