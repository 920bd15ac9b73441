"""The Dask bag path gives the same results as the local map (skipped without Dask)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from generator import pipeline, report  # noqa: E402
from generator.config import Settings  # noqa: E402
from generator.distributed import bag_map, bag_mapper  # noqa: E402
from tests.conftest import SAMPLES  # noqa: E402


def shout(text: str) -> str:
    return text.upper()


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    # In-process workers: the real scheduler and task serialisation, without the 10+ s it
    # takes to start worker processes that import the whole stack.
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def test_bag_map_keeps_order_on_local_cluster(client: object) -> None:
    texts = [f"Report number {i} from the council." for i in range(450)]
    assert bag_map(shout, texts, partitions=7) == [shout(t) for t in texts]


def test_bag_map_empty() -> None:
    assert bag_map(shout, [], scheduler="sync") == []


def test_pipeline_on_dask_equals_local(client: object, tmp_path: Path) -> None:
    shutil.copytree(SAMPLES, tmp_path / "local" / "content")
    shutil.copytree(SAMPLES, tmp_path / "dask" / "content")
    day = dt.date(2025, 11, 20)
    local = pipeline.run(Settings(root=tmp_path / "local"), today=day)
    stats = pipeline.BuildStats()
    on_dask = pipeline.run(Settings(root=tmp_path / "dask"), today=day, stats=stats,
                           mapper=bag_mapper())
    assert stats.computed["clean"] == 5
    assert report.to_json(on_dask) == report.to_json(local)
