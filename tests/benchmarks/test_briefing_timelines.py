"""The page-timeline figure of the real-pile audit, on a made-up build and gold set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import briefing_timelines


def _page(dates: list[str]) -> str:
    return "\n".join(f'<time class="dg-event__date" datetime="{d}">{d}</time>' for d in dates)


@pytest.fixture
def gold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "eval" / "tls-timeline17-crisis"
    (folder / "gold").mkdir(parents=True)
    (folder / "t17_topics.tsv").write_text(
        "t17_folder\tgold_timeline\tarticles_available\nspill_x\tgold/x.txt\tyes\n")
    (folder / "gold" / "x.txt").write_text(
        "2010-04-20\nThe rig exploded.\n-----\n2010-05-02\nA relief well.\n-----\n"
        "2010-07-15\nThe well was capped.\n")
    monkeypatch.setenv("NEWS_DIGEST_EVAL", str(tmp_path / "eval"))
    return tmp_path


def _build(root: Path, dates: list[str]) -> Path:
    build = root / "build"
    (build / "docs" / "stories").mkdir(parents=True, exist_ok=True)
    report = {"stories": [{"id": "saga", "articles": ["t17-spill_x-1", "t17-spill_x-2"]},
                          {"id": "other", "articles": ["t17-spill_x-3", "x"]}]}
    (build / "build-report.json").write_text(json.dumps(report))
    (build / "docs" / "stories" / "saga.md").write_text(_page(dates))
    return build


def test_a_page_of_one_day_scores_below_one_that_spreads(gold: Path) -> None:
    one_day = briefing_timelines.figures(_build(gold, ["2010-04-20"] * 3))
    spread = briefing_timelines.figures(_build(gold, ["2010-04-20", "2010-05-02", "2010-07-15"]))
    assert "1.0 distinct dates" in one_day[0] and "Date-F1 0.500" in one_day[0]
    assert "3.0 distinct dates" in spread[0] and "Date-F1 1.000" in spread[0]


def test_nothing_without_the_gold_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWS_DIGEST_EVAL", str(tmp_path / "none"))
    assert briefing_timelines.figures(_build(tmp_path, ["2010-04-20"])) == []
