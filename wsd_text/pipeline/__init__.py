"""wsd-text's spaCy components; importing this package registers their factories."""
from . import segments  # noqa: F401
