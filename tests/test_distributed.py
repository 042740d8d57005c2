"""The per-report analysis on Dask: a local cluster gives the same records as one process."""
from pathlib import Path

import pytest

from wsd_text.analyse import analyse_paths

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
distributed = pytest.importorskip("dask.distributed")


def test_distributed_local_cluster_matches_one_process(tmp_path):
    local = analyse_paths([CORPUS], progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = analyse_paths([CORPUS], progress=False, scheduler=cluster.scheduler_address)
    assert [r.to_dict() for r in remote.records] == [r.to_dict() for r in local.records]


def test_distributed_bag_reports_bad_files_as_errors(tmp_path):
    from wsd_text.distributed import analyse_bag

    (tmp_path / "leeg.txt").write_bytes(b"")
    items = analyse_bag([tmp_path / "leeg.txt", CORPUS / "000_a2d3b59cfc4ed371.txt"]).compute(scheduler="synchronous")
    assert str(items[0]) == "leeg.txt: empty file" and items[1].report == "000_a2d3b59cfc4ed371.txt"
