"""Beyond one machine: the per-report analysis as a Dask bag.

Each partition builds the spaCy pipeline once (cached per worker process) and analyses its
files; results come back in input order, so a Dask run writes the same output as a local one.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

from .analyse import analyse_file
from .settings import Settings


def analyse_bag(files: list[Path], settings: Settings | None = None, npartitions: int | None = None):
    """A `dask.bag.Bag` of `Record` or `InputError`, one item per file, in order.

    Examples
    --------
    >>> bag = analyse_bag([Path("corpus/000_a2d3b59cfc4ed371.txt")])
    >>> bag.compute(scheduler="synchronous")[0].report
    '000_a2d3b59cfc4ed371.txt'
    """
    import dask.bag as db

    files = [Path(f) for f in files]
    npartitions = npartitions or max(1, min(len(files), 64))
    return db.from_sequence(files, npartitions=npartitions).map(partial(analyse_file, settings=settings or Settings()))


def analyse_on_dask(files: list[Path], settings: Settings, scheduler: str) -> list:
    """Run `analyse_bag` on the Dask scheduler at ``scheduler`` (e.g. ``tcp://10.0.0.5:8786``)."""
    from dask.distributed import Client

    with Client(scheduler) as client:
        return analyse_bag(files, settings).compute(scheduler=client.get)
