"""The build report: every input accounted for; ``to_json`` is the ``digest analyze`` contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.model import Analysis, Article, PartialDate


def to_json(analysis: Analysis) -> dict[str, Any]:
    """The analysis in exactly the JSON shape of DESIGN.md."""
    duplicate_of = analysis.duplicate_of()
    return {
        "articles": [_article(a, duplicate_of.get(a.id)) for a in analysis.articles],
        "stories": [
            {
                "id": story.id,
                "title": story.title,
                "articles": [a.id for s in story.sources for a in s.articles],
                "events": [
                    {"id": e.id, "title": e.title, "first": _date(e.first),
                     "last": _date(e.last), "articles": list(e.articles)}
                    for e in story.events
                ],
                "timeline": [
                    {"date": str(e.date), "text": e.text, "sources": list(e.sources),
                     **({"disputed": [{"source": s, "date": str(d)} for s, d in e.disputed]}
                        if e.disputed else {})}
                    for e in story.timeline
                ],
                "quotes": [
                    {"speaker": q.speaker, "role": q.role, "text": q.text,
                     "sources": list(q.sources),
                     **({"said_on": str(q.said_on)} if q.said_on else {})}
                    for q in story.quotes
                ],
            }
            for story in analysis.stories
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in analysis.skipped],
    }


def _date(date: PartialDate | None) -> str | None:
    return str(date) if date else None


def _article(article: Article, duplicate_of: str | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "published": str(article.published) if article.published else None,
        "outlet": article.outlet,
        "url": article.url,
        "duplicate_of": duplicate_of,
    }


def summary_line(analysis: Analysis, seconds: float, *,
                 index_per_story: float | None = None) -> str:
    """The one-line summary the build ends with (search-index bytes per story when built)."""
    copies = len(analysis.duplicate_of())
    timings = dict(analysis.timings)
    render = timings.get("render")
    pipeline = sum(v for k, v in timings.items() if k not in ("pages", "render"))
    split = f" (pipeline {pipeline:.1f}s, render {render:.1f}s)" if render is not None else ""
    if index_per_story:
        split += f", search index {index_per_story / 1024:.1f} KB per story"
    return (f"Read {_count(len(analysis.articles), 'article')}, skipped "
            f"{len(analysis.skipped)}, folded {_count(copies, 'duplicate')}, "
            f"{_count(len(analysis.stories), 'story', 'stories')} in {seconds:.1f} seconds{split}")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def write_report(analysis: Analysis, path: Path, *,
                 index_per_story: float | None = None) -> None:
    """Write the machine-readable report: inputs and outcomes, timings, articles' notes.

    The notes are those cleaning and reconcile left (a repaired encoding, a doubted date).
    """
    data = to_json(analysis)
    outcomes = [{"path": a["path"], "outcome": "duplicate" if a["duplicate_of"] else "article",
                 "id": a["id"]} for a in data["articles"]]
    outcomes += [{"path": s["path"], "outcome": "skipped", "reason": s["reason"]}
                 for s in data["skipped"]]
    report = {"inputs": outcomes, "skipped": data["skipped"],
              "stories": [{"id": s["id"], "articles": s["articles"]} for s in data["stories"]],
              "timings": {k: round(v, 3) for k, v in analysis.timings},
              "notes": [{"path": a.path, "note": note} for a in analysis.articles
                        for note in a.notes]}
    if index_per_story is not None:
        report["search_index_bytes_per_story"] = round(index_per_story)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
