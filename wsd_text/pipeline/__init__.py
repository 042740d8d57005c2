"""wsd-text's spaCy components; importing this package registers their factories."""
from . import segments  # noqa: F401
from . import themes  # noqa: F401
from . import voices  # noqa: F401
from . import persons  # noqa: F401
from . import roles  # noqa: F401
from . import speech  # noqa: F401
from . import perspective  # noqa: F401
from . import quotes  # noqa: F401
from . import actors  # noqa: F401
