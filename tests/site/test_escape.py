"""escape: every payload renders as exactly its own text, in every context it can reach."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils import meta

from generator.site import escape

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
PAYLOADS: list[str] = json.loads((HOSTILE / "payloads.json").read_text(encoding="utf-8"))

# Far more Markdown extensions than the site enables: the escape must hold even if someone
# turns them on later. Snippets gets a base path so an include would visibly succeed.
EXTENSIONS = [
    "abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc", "admonition",
    "pymdownx.snippets", "pymdownx.magiclink", "pymdownx.mark", "pymdownx.caret",
    "pymdownx.tilde", "pymdownx.keys", "pymdownx.arithmatex", "pymdownx.critic",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.emoji", "pymdownx.betterem",
    "pymdownx.smartsymbols", "pymdownx.inlinehilite",
]
CONFIG = {"pymdownx.snippets": {"base_path": ["/"], "check_paths": False}}


class _Tree(HTMLParser):
    """Collects tags, attributes and text of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append("!--")


_MD = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIG)


def render(source: str) -> _Tree:
    html = _MD.reset().convert(source)
    tree = _Tree()
    tree.feed(html)
    return tree


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_renders_as_itself_in_markdown(payload: str) -> None:
    tree = render(str(escape.text(payload)))
    assert tree.tags == ["p"]
    assert tree.attrs == []
    assert "".join(tree.text) == escape.clean(payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_renders_as_itself_in_a_raw_html_block(payload: str) -> None:
    safe = escape.text(payload)
    tree = render(f'<div class="x">\n<p title="{safe}">{safe}</p>\n</div>')
    assert tree.tags == ["div", "p"]
    assert tree.attrs == [("class", "x"), ("title", escape.clean(payload))]
    assert "".join(tree.text).strip() == escape.clean(payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_at_the_start_of_a_line_makes_no_block(payload: str) -> None:
    tree = render(f"{escape.text(payload)}\n\n{escape.text(payload)}")
    assert tree.tags == ["p", "p"]


@pytest.mark.parametrize("value", ["01st", "the 21st century", "2nd and 3rd", "4th"])
def test_ordinals_stay_text(value: str) -> None:
    tree = render(str(escape.text(value)))
    assert tree.tags == ["p"]
    assert "".join(tree.text) == value


@settings(max_examples=120, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_any_text_renders_as_itself(value: str) -> None:
    tree = render(str(escape.text(value)))
    assert set(tree.tags) <= {"p"}
    assert "".join(tree.text).strip() == escape.clean(value)


@pytest.mark.parametrize(("value", "expected"), [
    ("a  b\n\tc", "a b c"),
    ("x\x02wzxhzdk:0\x03y", "xwzxhzdk:0y"),
    ("\u202eevil\u202c", "evil"),
    ("line\u2028sep\u2029para\x85nel", "line sep para nel"),
    ("e\u0301", "\u00e9"),
])
def test_clean_folds_space_and_drops_controls(value: str, expected: str) -> None:
    assert escape.clean(value) == expected


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_holds_no_html_or_template_syntax(payload: str) -> None:
    value = escape.plain(payload)
    assert not set(value) & set("<>&\"'`{}\\\n\r")
    assert len(value) <= escape.MAX_PLAIN


def test_plain_keeps_ordinary_headlines_and_cuts_long_ones() -> None:
    assert escape.plain("Rubio: no U.S. troops (for now)") == "Rubio: no U.S. troops (for now)"
    assert escape.plain("x" * 500).endswith("\u2026")
    assert len(escape.plain("x" * 500)) == escape.MAX_PLAIN


@pytest.mark.parametrize("payload", PAYLOADS)
def test_front_matter_cannot_be_broken(payload: str) -> None:
    block = str(escape.front_matter({"title": payload, "tags": [payload, "Mexico"],
                                     "hide": ["navigation"]}))
    fences = [line for line in block.splitlines() if re.fullmatch(r"(---|\.\.\.)\s*", line)]
    assert fences == ["---", "---"]
    body, data = meta.get_data(block + "# body\n")
    assert body == "# body\n"
    assert data == {"title": escape.plain(payload), "tags": [escape.plain(payload), "Mexico"],
                    "hide": ["navigation"]}
    assert yaml.safe_load(block.strip("-\n")) == data


def test_front_matter_refuses_unknown_types() -> None:
    with pytest.raises(TypeError):
        escape.front_matter({"when": object()})


@pytest.mark.parametrize(("value", "expected"), [
    ("https://example.com/a/b?x=1&y=2#z", "https://example.com/a/b?x=1&amp;y=2#z"),
    ("http://example.com", "http://example.com"),
    ("  https://example.com/ ", "https://example.com/"),
    ("HTTPS://EXAMPLE.COM/", "HTTPS://EXAMPLE.COM/"),
    ("https://example.com/a\"onmouseover=\"x", "https://example.com/a%22onmouseover=%22x"),
    ("https://example.com/x) [y](javascript:z)", None),
    ("https://example.com/x)[y](javascript:z)", "https://example.com/x%29%5By%5D%28javascript:z%29"),
    ("https://example.com/<script>", "https://example.com/%3Cscript%3E"),
    ("https://example.com/{{config}}", "https://example.com/%7B%7Bconfig%7D%7D"),
    ("https://example.com/*a*_b_`c`", "https://example.com/%2Aa%2A_b_%60c%60"),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    (" javascript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox", None),
    ("file:///etc/passwd", None),
    ("//evil.invalid/x", None),
    ("/relative/path", None),
    ("https://user:pass@example.com/", None),
    ("https://", None),
    ("https://exa mple.com/", None),
    ("https://example.com/\x00", None),
    ("", None),
    (None, None),
])
def test_url_keeps_only_safe_http_urls(value: str | None, expected: str | None) -> None:
    result = escape.url(value)
    assert (str(result) if result is not None else None) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("https://www.elpais.com/x", "elpais.com"),
    ("https://news.example.org", "news.example.org"),
    ("javascript:alert(1)", None),
    (None, None),
])
def test_host(value: str | None, expected: str | None) -> None:
    assert escape.host(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("Claudia Sheinbaum", "claudia-sheinbaum"),
    ("José Ramón de la Fuente", "jose-ramon-de-la-fuente"),
    ("../../etc/passwd", "etc-passwd"),
    ("<script>", "script"),
    ("東京", "item"),
    ("", "item"),
])
def test_slug(value: str, expected: str) -> None:
    assert escape.slug(value) == expected
