"""Raw HTML blocks set aside before Markdown: the same HTML, without the slow parser."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from generator.model import Analysis
from generator.site import pages, rawhtml
from tests.conftest import thread_story
from tests.site.test_pages import hostile_analysis, rich_analysis, wide_story

EXTENSIONS = ["toc", "tables", "fenced_code"]  # what MkDocs' own pages use, and ours


def convert(text: str, *, set_aside: bool) -> str:
    extra = [rawhtml.RawBlocks()] if set_aside else []
    return markdown.Markdown(extensions=[*EXTENSIONS, *extra]).convert(text)


def stored(text: str) -> int:
    """How many blocks ``SetAside`` alone puts in the stash."""
    md = markdown.Markdown()
    rawhtml.SetAside(md).run(text.split("\n"))
    return len(md.htmlStash.rawHtmlBlocks)


CASES = {
    "blocks between headings": "## A\n\n<div class=\"x\">\n<p>one</p>\n</div>\n\n## B\n\n"
                               "<ul>\n<li>two</li>\n</ul>\n",
    "an element across blank lines": "<div>\n<p>a</p>\n\n<p>b</p>\n\n</div>\n\nText *here*.\n",
    "text after the closing tag": "<div>a</div> and *more*\n\n<p>x</p>\n",
    "inline html in a paragraph": "Some <span>inline</span> text\n\n<div>b</div>\n",
    "an inline tag opens the line": "<span>not a block</span>\n\n<div>c</div>\n",
    "nested same tags": "<div><div>in</div>\n<div>out</div></div>\n\n# H\n",
    "void and self-closing tags": "<div>\n<hr>\n<br>\n<img src=\"a.png\" alt=\"\"/>\n</div>\n",
    "a comment and a script": "<!-- note -->\n\n<div>\n<!-- <p> -->\n<script>if (a < b) "
                              "{ x('</p>'); }</script>\n</div>\n",
    "an element never closed": "<div>\n<p>open\n\n## Heading\n",
    "an end tag never opened": "<div>\n</span>\n<p>x</p>\n</div>\n\n**b**\n",
    "entities and attributes": "<p title=\"a &gt; b\" data-x='1'>&#36;5 &amp; &lt;b&gt;</p>\n",
    "a block at the end": "# T\n\n<section id=\"s\">\n<h3>t</h3>\n</section>",
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_html_is_the_same_with_and_without(name: str) -> None:
    text = CASES[name]
    assert convert(text, set_aside=True) == convert(text, set_aside=False)


def test_complete_blocks_are_set_aside_and_doubtful_ones_left_to_markdown() -> None:
    assert stored(CASES["blocks between headings"]) == 2
    assert stored(CASES["an element across blank lines"]) == 1
    assert stored(CASES["text after the closing tag"]) == 0  # and nothing after it either
    assert stored(CASES["an inline tag opens the line"]) == 0
    assert stored(CASES["an element never closed"]) == 0


def _pages(tmp_path: Path, analysis: Analysis, config: Path) -> list[Path]:
    return pages.write_pages(analysis, tmp_path / "docs", config_file=config)


@pytest.mark.parametrize("analysis", [
    rich_analysis(), hostile_analysis(),
    Analysis((), (thread_story((3, 5, 2, 1, 1)), wide_story(300))),
], ids=["rich", "hostile", "thread and wide"])
def test_every_page_we_write_converts_to_the_same_html(tmp_path: Path, config: Path,
                                                      analysis: Analysis) -> None:
    written = _pages(tmp_path, analysis, config)
    aside = 0
    for path in written:
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        assert convert(body, set_aside=True) == convert(body, set_aside=False), path.name
        aside += stored(body)
    assert aside > len(written)  # most of what we write is set aside
