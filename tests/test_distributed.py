"""The Dask bag path gives the same results as the local map (skipped without Dask)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from generator import distributed as distributed_module  # noqa: E402
from generator import pipeline, report  # noqa: E402
from generator.cli import cli  # noqa: E402
from generator.config import BuildSettings, Settings, load_settings  # noqa: E402
from generator.distributed import bag_map, bag_mapper  # noqa: E402
from generator.errors import ConfigError  # noqa: E402
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


def _analyze(runner: CliRunner, content: Path, *extra: str) -> Result:
    return runner.invoke(cli, ["analyze", str(content), "--json", "-q", *extra])


def test_scheduler_flag_runs_on_that_cluster(client: object, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SAMPLES, tmp_path / "content")
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    local = _analyze(runner, tmp_path / "content")
    shutil.rmtree(tmp_path / ".digest-cache")
    address = client.scheduler.address  # type: ignore[attr-defined]
    maps: list[int] = []
    bag = distributed_module.bag_map
    monkeypatch.setattr(distributed_module, "bag_map",
                        lambda func, items, **kw: maps.append(len(items)) or bag(func, items, **kw))
    on_dask = _analyze(runner, tmp_path / "content", "--scheduler", address)
    assert on_dask.exit_code == 0, on_dask.output
    assert maps and sum(maps) >= 5, "the per-article stages went to the cluster"
    assert json.loads(on_dask.stdout) == json.loads(local.stdout)


def test_scheduler_in_digest_yml(tmp_path: Path) -> None:
    (tmp_path / "digest.yml").write_text("build:\n  scheduler: tcp://10.0.0.5:8786\n")
    assert load_settings(tmp_path).build.scheduler == "tcp://10.0.0.5:8786"
    (tmp_path / "digest.yml").write_text("build:\n  scheduler: 8786\n")
    with pytest.raises(ConfigError, match=r"build\.scheduler"):
        load_settings(tmp_path)


def test_unreachable_scheduler_is_one_line(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SAMPLES, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(distributed_module, "CONNECT_TIMEOUT", "1s")
    settings = Settings(root=tmp_path, build=BuildSettings(scheduler="tcp://127.0.0.1:9"))
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler at 'tcp://127"):
        pipeline.run(settings)


@pytest.mark.slow
def test_scheduler_local_starts_a_local_cluster(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SAMPLES, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    local = _analyze(runner, tmp_path / "content")
    shutil.rmtree(tmp_path / ".digest-cache")
    on_dask = _analyze(runner, tmp_path / "content", "--scheduler", "local")
    assert on_dask.exit_code == 0, on_dask.output
    assert json.loads(on_dask.stdout) == json.loads(local.stdout)
