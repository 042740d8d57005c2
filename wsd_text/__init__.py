"""wsd-text: who speaks, who is silent and who is missing in Dutch meeting reports."""
import logging

__version__ = "0.1.0"

from .analyse import RunResult, analyse_paths, analyse_report  # noqa: E402
from .corpus import Corpus, analyse_corpus  # noqa: E402
from .ingest import read_report  # noqa: E402
from .records import Record  # noqa: E402
from .report import Report  # noqa: E402
from .settings import Settings  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Report", "Record", "RunResult", "Settings", "read_report", "analyse_report",
           "analyse_paths", "analyse_corpus", "Corpus", "__version__"]
