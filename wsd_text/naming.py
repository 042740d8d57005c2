"""Unique names: the first free one of a few candidates, then numbered ones."""
from __future__ import annotations

import itertools
from collections.abc import Callable


def first_free(names: list[str], numbered: Callable[[int], str], taken: set[str],
               key: Callable[[str], str] = str) -> str:
    """The first of ``names``, else of ``numbered(2)``, ``numbered(3)``, … whose ``key`` is not
    in ``taken``; it is added to ``taken``.

    Examples
    --------
    >>> taken = {"verslag"}
    >>> first_free(["verslag"], lambda n: f"verslag-{n}", taken), sorted(taken)
    ('verslag-2', ['verslag', 'verslag-2'])

    The numbered names are made one at a time: a list of them all would make n names cost
    n² steps.
    """
    chosen = next(c for c in itertools.chain(names, map(numbered, itertools.count(2))) if key(c) not in taken)
    taken.add(key(chosen))
    return chosen
