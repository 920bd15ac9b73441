"""The build report: every input accounted for, and the notes left on articles."""

from __future__ import annotations

import json
from pathlib import Path

from generator import report
from generator.model import Analysis, KeyQuote, Story
from tests.conftest import make_article


def test_report_lists_the_notes_left_on_articles(tmp_path: Path) -> None:
    doubted = make_article(id="a", path="a.json", notes=("publication date 2025-06-30 kept",))
    plain = make_article(id="b", path="b.json")
    path = tmp_path / "build-report.json"
    report.write_report(Analysis(articles=(doubted, plain), stories=()), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["notes"] == [{"path": "a.json", "note": "publication date 2025-06-30 kept"}]
    assert [i["outcome"] for i in data["inputs"]] == ["article", "article"]


def test_analysis_json_quotes_carry_the_speakers_role() -> None:
    quotes = (KeyQuote("Mike Reyes", "We will rebuild the bridge.", ("a",), role="Texas Rep."),
              KeyQuote("Ana Lima", "Not this year.", ("a",)))
    story = Story(id="bridge", title="Bridge", summary="", sources=(), quotes=quotes)
    data = report.to_json(Analysis(articles=(make_article(id="a"),), stories=(story,)))
    roles = [(q["speaker"], q["role"]) for q in data["stories"][0]["quotes"]]
    assert roles == [("Mike Reyes", "Texas Rep."), ("Ana Lima", None)]
