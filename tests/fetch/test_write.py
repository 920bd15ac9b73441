"""Fetched articles as Markdown files: safe front matter, stable names, never overwritten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator.fetch.pages import decode, html_to_text
from generator.fetch.state import FetchState, load_state, save_state
from generator.fetch.write import FetchedArticle, write_article
from generator.ingest import read_corpus
from generator.model import Article
from tests.fetch.conftest import HOSTILE_TITLE

NOW = dt.datetime(2025, 11, 15, 6, 0, tzinfo=dt.UTC)


def article(**fields: object) -> FetchedArticle:
    base: dict[str, object] = {
        "url": "https://www.herald.test/a", "text": "First paragraph.\n\nSecond.",
        "title": "Tram line approved", "published": "2025-11-14T08:00:00Z",
        "outlet": "Herald", "author": "Ana Ruiz", "language": "en", "fetched": NOW,
        "feed": "https://www.herald.test/rss"}
    base.update(fields)
    return FetchedArticle(**base)  # type: ignore[arg-type]


def test_file_name_and_ingest_reads_every_field(tmp_path: Path) -> None:
    path, new = write_article(article(), tmp_path)
    assert new
    assert path.relative_to(tmp_path).as_posix() == "herald.test/2025-11-14-tram-line-approved.md"
    (read,) = read_corpus([tmp_path])
    assert isinstance(read, Article)
    assert (read.title, str(read.published), read.outlet, read.url, read.language) == (
        "Tram line approved", "2025-11-14", "Herald", "https://www.herald.test/a", "en")
    assert read.text == "First paragraph.\n\nSecond."


def test_same_name_never_overwrites(tmp_path: Path) -> None:
    first, _ = write_article(article(), tmp_path)
    second, _ = write_article(article(url="https://www.herald.test/b"), tmp_path)
    assert first.name == "2025-11-14-tram-line-approved.md"
    assert second.name == "2025-11-14-tram-line-approved-2.md"
    again, new = write_article(article(url="https://www.herald.test/b"), tmp_path)
    assert (again, new) == (second, False)  # the same article is found, not written twice


def test_undated_untitled_article_uses_fetch_day_and_url(tmp_path: Path) -> None:
    path, _ = write_article(article(title=None, published="sometime",
                                    url="https://herald.test/news/ferry-strike.html"), tmp_path)
    assert path.name == "2025-11-15-ferry-strike.md"


def test_hostile_fields_cannot_break_the_front_matter(tmp_path: Path) -> None:
    path, _ = write_article(article(title=HOSTILE_TITLE, author="x\n---\nurl: evil",
                                    text="---\ntitle: fake\n---\n\x00body"), tmp_path)
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["url"] == "https://www.herald.test/a"
    assert front["title"] == " ".join(HOSTILE_TITLE.split())
    assert front["author"] == "x --- url: evil"
    assert "\x00" not in text
    (read,) = read_corpus([tmp_path])
    assert isinstance(read, Article) and read.title == front["title"]


def test_feed_html_becomes_plain_paragraphs() -> None:
    html = ("<p>One <b>bold</b> claim.</p><script>alert(1)</script><div>Two<br>lines</div>"
            "<figure><img src=x onerror=alert(2)><figcaption>Caption</figcaption></figure>")
    assert html_to_text(html) == "One bold claim.\n\nTwo\n\nlines"
    assert html_to_text("plain text only") == "plain text only"
    assert html_to_text("") == ""


def test_decode_prefers_valid_utf8_over_a_wrong_label() -> None:
    assert decode("café".encode(), "iso-8859-1") == "café"
    sentence = "Le café du coin a fermé ses portes après trente ans."
    assert decode(sentence.encode("cp1252"), "utf-8") == sentence
    assert decode("café".encode("cp1252"), None) == "café"
    assert decode(b"<meta charset='koi8-r'>\xf0\xd2\xc9", None).endswith("При")


def test_state_round_trip_and_unreadable_state(tmp_path: Path) -> None:
    state = FetchState()
    state.mark_seen(["https://h.test/a"], "h.test/a.md")
    path = tmp_path / "cache" / "fetch-state.json"
    save_state(state, path)
    assert load_state(path, fetch_dir=tmp_path).seen("https://h.test/a") == "h.test/a.md"
    path.write_text("{not json", encoding="utf-8")
    assert load_state(path, fetch_dir=tmp_path / "none").seen("https://h.test/a") is None
