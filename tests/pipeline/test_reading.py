"""Reading through the cache: unchanged files and lines are not read again."""

from __future__ import annotations

from generator import pipeline, report
from generator.config import Settings
from tests.pipeline.conftest import DAY


def test_unchanged_files_are_not_read_again(project: Settings) -> None:
    content = project.root / "content"
    (content / "dump.jsonl").write_text(
        '{"id": "ccba80bb5989e172", "title": "Same id as a sample", "text": "Talks."}\n'
        '{"title": "Ferry fares", "text": "Fares rise in spring, the operator said."}\n',
        encoding="utf-8")
    (content / "notes.bin").write_bytes(b"\x00\x01 binary")
    # Units read: every file but the JSON Lines dump, and each of the dump's two lines.
    units = len([p for p in content.iterdir() if not p.name.startswith(".")]) - 1 + 2
    cold, warm, edited = (pipeline.BuildStats() for _ in range(3))
    first = pipeline.run(project, today=DAY, stats=cold)
    second = pipeline.run(project, today=DAY, stats=warm)
    assert (cold.computed["ingest"], warm.computed["ingest"], warm.reused["ingest"]) == (
        units, 0, units)
    assert report.to_json(first) == report.to_json(second)
    ids = [a["id"] for a in report.to_json(second)["articles"]]
    assert len(ids) == len(set(ids)), "ids stay unique across files read from the cache"
    assert "ccba80bb5989e172-2" in ids, "the dump's first id collides with a sample's"
    assert [s.path for s in second.skipped] == [s.path for s in first.skipped]
    with (content / "dump.jsonl").open("a", encoding="utf-8") as dump:
        dump.write('{"title": "Dam approved", "text": "The dam plan was approved on Monday."}\n')
    third = pipeline.run(project, today=DAY, stats=edited)
    assert (edited.computed["ingest"], edited.reused["ingest"]) == (1, units), (
        "only the appended line is read")
    titles = {a["title"] for a in report.to_json(third)["articles"]}
    assert "Dam approved" in titles
