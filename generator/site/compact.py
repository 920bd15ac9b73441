"""Rendered pages without the template's indentation: the same document, fewer bytes.

Material's templates indent deeply and leave blank lines wherever a Jinja block renders
nothing; on a name page that was about 3 KB of its 15 KB (a fifth of every page, so a fifth
of a site that must stay under GitHub Pages' 1 GB at 100,000 articles, issue 17). Between
tags, a run of whitespace that holds a line break renders exactly as one line break does
(HTML collapses it to a single space), so each such run becomes one ``\\n``. Only text between
tags changes: tags and their attributes, comments, and the whole of ``pre``, ``textarea``,
``code``, ``script`` and ``style`` elements (where whitespace may be kept or mean something)
are copied as they are. Runs without a line break are left alone, so the spacing between
words never changes.

``CompactHtml`` applies this to each page MkDocs renders; a page reused by ``render`` was
compacted when it was rendered, so a rebuild's site still equals a cold build's.
"""

from __future__ import annotations

import re

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

PLUGIN_NAME = "digest-compact"
"""The key under which ``CompactHtml`` is added to MkDocs' plugins (not a configured plugin)."""

_KEPT = re.compile(
    r"<!--.*?-->"  # comments: a '>' inside one must not end a tag
    r"|<(pre|textarea|code|script|style)\b.*?</\1\s*>"  # whitespace may matter inside these
    r"|<[^>]*>",  # any other tag, attributes untouched
    re.S | re.I)
_BROKEN_RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def compact(html: str) -> str:
    """``html`` with every whitespace run holding a line break, between tags, cut to ``\\n``."""
    parts: list[str] = []
    pos = 0
    for kept in _KEPT.finditer(html):
        parts.append(_BROKEN_RUN.sub("\n", html[pos:kept.start()]))
        parts.append(kept.group(0))
        pos = kept.end()
    parts.append(_BROKEN_RUN.sub("\n", html[pos:]))
    return "".join(parts)


class _NoOptions(Config):  # type: ignore[no-untyped-call]  # MkDocs: untyped hook
    """``CompactHtml`` takes no options (MkDocs wants a config class per plugin)."""


class CompactHtml(BasePlugin[_NoOptions]):  # type: ignore[no-untyped-call]
    """Compacts each rendered page (MkDocs' ``post_page`` event)."""

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Return the page's HTML compacted."""
        return compact(output)
