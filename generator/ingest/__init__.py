"""Read every supported input format into Articles (first version: .txt and .jsonl).

PLACEHOLDER owned by the ingest work: keeps the public signature ``read_corpus``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from generator.model import Article, PartialDate, Skipped


def read_corpus(paths: Sequence[Path], *, root: Path | None = None) -> Iterator[Article | Skipped]:
    """Yield one Article or Skipped per input item under ``paths`` (folders recursively)."""
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            rel = str(file.relative_to(root)) if root and file.is_relative_to(root) else str(file)
            if file.suffix == ".txt":
                text = file.read_text(encoding="utf-8", errors="replace")
                yield Article(id=hashlib.sha1(text.encode()).hexdigest()[:16], path=rel, text=text)
            elif file.suffix == ".jsonl":
                for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
                    item = json.loads(line)
                    text = item.get("text") or ""
                    yield Article(id=str(item.get("id") or hashlib.sha1(text.encode()).hexdigest()[:16]),
                                  path=f"{rel}#{n}", text=text, title=item.get("title"),
                                  published=PartialDate.parse(item.get("published")))
            else:
                yield Skipped(rel, f"unknown format '{file.suffix}'")
