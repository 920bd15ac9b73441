"""The build report: every input accounted for, and the notes left on articles."""

from __future__ import annotations

import json
from pathlib import Path

from generator import report
from generator.model import Analysis
from tests.conftest import make_article


def test_report_lists_the_notes_left_on_articles(tmp_path: Path) -> None:
    doubted = make_article(id="a", path="a.json", notes=("publication date 2025-06-30 kept",))
    plain = make_article(id="b", path="b.json")
    path = tmp_path / "build-report.json"
    report.write_report(Analysis(articles=(doubted, plain), stories=()), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["notes"] == [{"path": "a.json", "note": "publication date 2025-06-30 kept"}]
    assert [i["outcome"] for i in data["inputs"]] == ["article", "article"]
