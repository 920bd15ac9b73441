"""The timelines a reader sees on the real pile's thread pages, against Timeline17's gold.

``benchmarks.timeline`` scores the dates a thread's *articles* make most salient; this scores
the dates of the entries its *page* shows (``story.timeline``'s cut of ``max_timeline``
entries), for the thread holding most of each gold timeline's collection, in the gold
timeline's date range. A page that spends its entries on one day (every source of a saga
recalls its first) shows few dates and scores low, whatever the salience ranking found.
Used by ``benchmarks.briefing``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from benchmarks import _common
from benchmarks import timeline as gold_timelines

_ENTRY_DATE = re.compile(r'dg-event__date[^>]*datetime="([^"]+)"')


def figures(workdir: Path) -> list[str]:
    """One Markdown list line, or none when the Timeline17 set or the build is missing."""
    folder = _common.eval_dir(gold_timelines.EVAL_SET)
    report = workdir / "build-report.json"
    if folder is None or not report.exists():
        return []
    stories = json.loads(report.read_text("utf-8"))["stories"]
    story_of = {a: s["id"] for s in stories for a in s["articles"]}
    scores, dates = [], []
    for name, gold_path in gold_timelines.gold_tasks(folder):
        page = _page(workdir, story_of, name)
        if page is None:
            continue
        shown = _ENTRY_DATE.findall(page.read_text("utf-8"))
        gold = gold_timelines.read_gold(gold_path)
        first, last = min(gold), max(gold)
        days = {d for d in shown if len(d) == len("2010-04-20") and first <= d <= last}
        scores.append(gold_timelines.date_f1(days, set(gold)))
        dates.append(len(set(shown)))
    if not scores:
        return []
    return [f"- Thread pages' timelines, for the {len(scores)} Timeline17 gold timelines (the "
            f"page of the thread holding most of each collection): {sum(dates) / len(dates):.1f} "
            f"distinct dates on average; their day dates against the gold dates, mean Date-F1 "
            f"{sum(scores) / len(scores):.3f} (the page shows up to `max_timeline` entries, "
            "more dates than most gold timelines have, so precision bounds it)"]


def _page(workdir: Path, story_of: dict[str, str], collection: str) -> Path | None:
    """The page of the story holding most of the collection's articles, if built."""
    own = Counter(story_of[a] for a in story_of if a.startswith(f"t17-{collection}-"))
    if not own:
        return None
    page = workdir / "docs" / "stories" / f"{own.most_common(1)[0][0]}.md"
    return page if page.exists() else None
