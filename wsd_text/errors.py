"""Error messages in one voice: name the file or parameter, what was expected, what was given."""
from __future__ import annotations

from pathlib import Path


class WsdError(Exception):
    """Base class of every error wsd-text raises on purpose."""


class InputError(WsdError):
    """One input file cannot be analysed; a corpus run records it and goes on."""

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")

    def __reduce__(self):
        # Rebuilt from (path, reason) so errors cross process boundaries (--jobs, Dask).
        return (type(self), (self.path, self.reason))


def bad_choice(parameter: str, allowed, got) -> ValueError:
    """The error for a parameter given a value outside its allowed set."""
    options = ", ".join(repr(a) for a in allowed)
    return ValueError(f"The {parameter!r} parameter must be one of {options}. Got {got!r} instead.")


def bad_keys(source: str, unknown, allowed) -> ValueError:
    """The error for a data or settings file with keys the loader does not know."""
    return ValueError(
        f"{source}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
        f"allowed keys are {', '.join(sorted(allowed))}."
    )
