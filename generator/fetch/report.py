"""The fetch report: every source's outcome and every skipped entry's reason.

``fetch-report.json`` is written next to ``build-report.json`` (never inside the site), and one
summary line goes to the terminal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

REPORT_FILE = "fetch-report.json"

Status = Literal["ok", "not_modified", "failed"]


@dataclass(frozen=True, slots=True)
class SkippedEntry:
    """An entry of a source that gave no article, and why."""

    entry: str
    """The entry's URL, or ``entry 3`` when it had none."""
    reason: str
    retry: bool = False
    """Transient (a timeout, a 5xx): tried again on the next run."""


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    """What one source gave in one run."""

    url: str
    name: str | None
    kind: str
    status: Status
    reason: str | None = None
    """Why the source failed (one line)."""
    written: tuple[str, ...] = ()
    """Files written, relative to the fetch folder."""
    already: int = 0
    """Entries whose article was fetched on an earlier run."""
    skipped: tuple[SkippedEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class FetchReport:
    """A whole ``digest fetch`` run."""

    outcomes: tuple[SourceOutcome, ...]
    started: str
    seconds: float

    @property
    def failed(self) -> int:
        """Sources that gave nothing usable."""
        return sum(o.status == "failed" for o in self.outcomes)

    @property
    def worked(self) -> int:
        """Sources that answered (new entries, nothing new, or not modified)."""
        return len(self.outcomes) - self.failed

    @property
    def new(self) -> int:
        """Articles written."""
        return sum(len(o.written) for o in self.outcomes)


def to_json(report: FetchReport) -> dict[str, Any]:
    """The report as written to ``fetch-report.json``."""
    return {
        "started": report.started,
        "seconds": round(report.seconds, 2),
        "sources": [{
            "url": o.url, "name": o.name, "kind": o.kind, "status": o.status,
            "reason": o.reason, "new": list(o.written), "already_fetched": o.already,
            "skipped": [{"entry": s.entry, "reason": s.reason, "retry": s.retry}
                        for s in o.skipped],
        } for o in report.outcomes],
        "summary": {"sources": len(report.outcomes), "ok": report.worked,
                    "failed": report.failed, "new_articles": report.new,
                    "not_modified": sum(o.status == "not_modified" for o in report.outcomes),
                    "skipped_entries": sum(len(o.skipped) for o in report.outcomes)},
    }


def write_report(report: FetchReport, path: Path) -> None:
    """Write ``fetch-report.json``."""
    path.write_text(json.dumps(to_json(report), indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")


def summary_line(report: FetchReport) -> str:
    """One line: sources ok/failed, new articles, not modified, skipped entries, time."""
    summary = to_json(report)["summary"]
    return (f"Fetched {summary['sources']} sources in {report.seconds:.1f} s: "
            f"{summary['ok']} ok, {summary['failed']} failed, "
            f"{summary['new_articles']} new articles, {summary['not_modified']} not modified, "
            f"{summary['skipped_entries']} entries skipped (see {REPORT_FILE})")
