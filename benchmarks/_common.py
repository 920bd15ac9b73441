"""Shared helpers for benchmark scripts: where the eval data lies, and BENCHMARKS.md sections.

The evaluation data is never copied into the repo (several sets are copyrighted news). Each
benchmark finds it at ``../shared/eval`` beside the checkout, or at ``$NEWS_DIGEST_EVAL``, and
skips cleanly (exit 0, one line) when it is absent.
"""

from __future__ import annotations

import os
import platform
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS_MD = REPO / "BENCHMARKS.md"


def eval_dir(name: str) -> Path | None:
    """The folder of eval set ``name`` (e.g. ``ecbplus-stories``), or None when absent."""
    base = Path(os.environ.get("NEWS_DIGEST_EVAL", REPO.parent / "shared" / "eval"))
    folder = base / name
    return folder if folder.is_dir() else None


def require_eval(name: str) -> Path:
    """Like ``eval_dir`` but exits 0 with a message when the set is absent."""
    folder = eval_dir(name)
    if folder is None:
        print(f"skipped: eval set '{name}' not found (looked in ../shared/eval and "
              "$NEWS_DIGEST_EVAL)")
        sys.exit(0)
    return folder


def machine() -> str:
    """One line describing where the figures were measured."""
    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"


def record(section: str, markdown: str) -> None:
    """Replace (or append) section ``section`` of BENCHMARKS.md with ``markdown``.

    Sections are delimited by HTML comments so each benchmark owns its own part of the file.
    """
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    block = f"{start}\n{markdown.strip()}\n{end}"
    text = BENCHMARKS_MD.read_text(encoding="utf-8") if BENCHMARKS_MD.exists() else (
        "# Benchmarks\n\nFigures as measured on this project's machines, with the command that "
        "produced each. Machines are small (2 cores) and noisy: compare ratios measured in the "
        "same run.\n")
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else (
        text.rstrip() + "\n\n" + block + "\n")
    BENCHMARKS_MD.write_text(text, encoding="utf-8")
