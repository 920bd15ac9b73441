"""Raw HTML blocks set aside before Markdown's slow HTML parser reads them.

Our pages are mostly raw HTML written by our own templates (story heads, timelines, source
rows, name listings), between a few Markdown headings. Python-Markdown finds raw HTML blocks
with ``html.parser`` in pure Python, and MkDocs parses every page once more the same way to
collect anchor ids: on a 1%-new rebuild of 10,000 synthetic articles those two parsers were 14
of the 16 s spent converting Markdown, and most of a cold site build.

``RawBlocks`` runs just before them and stores every top-level chunk (lines between blank
lines) that is one complete block-level element, exactly as Markdown's own ``html_block``
preprocessor would have stored it, in the same stash; the later stages then see only a
placeholder. What counts as complete mirrors ``markdown.htmlparser.HTMLExtractor``: a start
tag of a block-level element at the start of the chunk opens it, start tags push onto a stack
(``<hr>`` and ``<x/>`` do not), an end tag pops down to its own name (an end tag never opened
is ignored), and the element must close exactly at the chunk's end. Anything else (Markdown,
an element that runs on across blank lines, text after a closing tag) is left to Markdown,
and from the first such chunk holding a tag on, the rest of the page too, so a block Markdown
would have read differently is never set aside. ``tests/site/test_rawhtml.py`` checks that
pages convert to the same HTML with and without it.

Ids inside a set-aside block are not seen by MkDocs' anchor check (which only reports at
``info`` level by default); every link on our pages is written by our templates.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

PRIORITY = 25
"""After whitespace normalisation (30), before MkDocs' anchor scan (21) and ``html_block``
(20): preprocessors run from the highest priority down."""

_TOKEN = re.compile(
    r"<!--.*?-->"  # a comment: its contents are no tags
    r"|<(script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>"  # raw text
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S)
_START = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)[\s/>]")
_EMPTY = frozenset({"hr"})
"""Start tags Markdown's extractor treats as complete in themselves (``empty_tags``)."""


class RawBlocks(Extension):  # type: ignore[misc]  # Markdown is untyped
    """Registers ``SetAside`` (a Markdown extension MkDocs passes to every page)."""

    def extendMarkdown(self, md: Markdown) -> None:  # Markdown's API name
        """Add the preprocessor."""
        md.preprocessors.register(SetAside(md), "digest_raw_blocks", PRIORITY)


class SetAside(Preprocessor):  # type: ignore[misc]  # Markdown is untyped
    """Stores complete top-level raw HTML blocks in the stash (module docstring)."""

    def run(self, lines: list[str]) -> list[str]:
        """The page's lines with each complete raw block replaced by its placeholder."""
        out: list[str] = []
        block: list[str] = []  # the lines of the element being read, blank ones included
        element: _Element | None = None
        reading = True  # until a chunk Markdown might read differently
        for blank, piece in _pieces(lines):
            if blank:
                (block if element else out).extend(piece)
                continue
            text = "\n".join(piece)
            if element is None:
                if not (reading and self.md.is_block_level(_first_tag(text))):
                    out.extend(piece)
                    reading = reading and "<" not in text
                    continue
                element = _Element()
            block.extend(piece)
            state = element.read(text)
            if state == _OPEN:
                continue
            if state == _CLOSED:  # stored as html_block stores a block before a blank line
                out.append(self.md.htmlStash.store("\n".join(block) + "\n"))
            else:
                out.extend(block)
                reading = False
            block, element = [], None
        out.extend(block)  # an element never closed: Markdown's to read
        return out


def _pieces(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """The lines as runs of blank and of non-blank lines, in order: ``(blank, lines)``."""
    pieces: list[tuple[bool, list[str]]] = []
    for line in lines:
        blank = not line.strip()
        if pieces and pieces[-1][0] == blank:
            pieces[-1][1].append(line)
        else:
            pieces.append((blank, [line]))
    return pieces


def _first_tag(text: str) -> str:
    """The name of the start tag the chunk opens with ('' when it does not)."""
    match = _START.match(text)
    return match.group(1).lower() if match else ""


_OPEN, _CLOSED, _OTHER = "open", "closed", "other"


class _Element:
    """Reads an element chunk by chunk, as Markdown's extractor keeps its stack of tags."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.started = False

    def read(self, text: str) -> str:
        """How the element stands at the end of ``text``, its next chunk.

        ``_CLOSED``: it closes exactly there; ``_OPEN``: it is still open; ``_OTHER``: it
        closed before (text follows it) or the chunk does not open with it.
        """
        for token in _TOKEN.finditer(text):
            closing, name, rest = token.group(2), token.group(3), token.group(4)
            if name is None:  # a comment or raw text element: opaque
                if not self.started:
                    return _OTHER
                continue
            name = name.lower()
            if closing:
                if name in self.stack:
                    while self.stack.pop() != name:
                        pass
                if not self.stack:
                    return _CLOSED if self.started and token.end() == len(text) else _OTHER
            elif name not in _EMPTY and not (rest or "").rstrip().endswith("/"):
                self.stack.append(name)
                self.started = True
            elif not self.stack:
                return _OTHER
        return _OPEN if self.stack else _OTHER
