"""Write the Markdown pages of the site.

PLACEHOLDER owned by the site work: keeps the public signature ``write_pages``.
"""

from __future__ import annotations

import html
from pathlib import Path

from generator.model import Analysis


def write_pages(analysis: Analysis, docs_dir: Path) -> list[Path]:
    """One page per story plus a home page (escaped text, no templates yet)."""
    (docs_dir / "stories").mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    lines = ["# Briefing", ""]
    for story in analysis.stories:
        page = docs_dir / "stories" / f"{story.id}.md"
        body = [f"# {html.escape(story.title)}", "", html.escape(story.summary), "", "## Sources", ""]
        body += [f"- {html.escape(s.primary.title or s.id)}" for s in story.sources]
        page.write_text("\n".join(body) + "\n", encoding="utf-8")
        written.append(page)
        lines.append(f"- [{html.escape(story.title)}](stories/{story.id}.md)")
    index = docs_dir / "index.md"
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [index, *written]
