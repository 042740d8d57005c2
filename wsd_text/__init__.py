"""wsd-text: who speaks, who is silent and who is missing in Dutch meeting reports."""
import logging

__version__ = "0.1.0"

from .analyse import RunResult, analyse_paths, analyse_report  # noqa: E402
from .ingest import read_report  # noqa: E402
from .records import Record  # noqa: E402
from .report import Report  # noqa: E402
from .settings import Settings  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):
    """`Corpus` and `analyse_corpus` on first use: they need pandas, which every analysis
    process (and every ``--jobs`` worker) would otherwise load at start-up for nothing."""
    if name in ("Corpus", "analyse_corpus"):
        from . import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["Report", "Record", "RunResult", "Settings", "read_report", "analyse_report",
           "analyse_paths", "analyse_corpus", "Corpus", "__version__"]
