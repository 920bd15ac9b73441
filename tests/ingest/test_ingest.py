"""Readers: every format, encoding and failure mode on named fixture files (tests/data/ingest)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from generator import ingest
from generator.ingest import base, decode, markdown
from generator.model import Article, PartialDate, Skipped

DATA = Path(__file__).parents[1] / "data" / "ingest"


def read(*names: str) -> list[Article | Skipped]:
    return list(ingest.read_corpus([DATA / n for n in names], root=DATA))


def articles(*names: str) -> list[Article]:
    return [a for a in read(*names) if isinstance(a, Article)]


def skipped(*names: str) -> list[Skipped]:
    return [s for s in read(*names) if isinstance(s, Skipped)]


# --- registry and walking -------------------------------------------------------------------

def test_registry_maps_every_documented_suffix() -> None:
    for suffix in (".txt", ".html", ".htm", ".md", ".json", ".jsonl", ".ndjson", ".xml",
                   ".rss", ".atom"):
        assert suffix in ingest.READERS


def test_folders_are_read_recursively_sorted_without_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story text here.")
    (tmp_path / "a.txt").write_text("First story text here.")
    (tmp_path / ".hidden.txt").write_text("Hidden story text.")
    (tmp_path / ".git" / "x.txt").write_text("Git internals.")
    items = list(ingest.read_corpus([tmp_path], root=tmp_path))
    assert [i.path for i in items] == ["a.txt", "b/two.txt"]


def test_paths_outside_root_stay_absolute(tmp_path: Path) -> None:
    file = tmp_path / "x.txt"
    file.write_text("A story outside the content root.")
    (item,) = ingest.read_corpus([file], root=tmp_path / "elsewhere")
    assert item.path == file.as_posix()


def test_whole_fixture_folder_accounts_for_every_file() -> None:
    items = list(ingest.read_corpus([DATA], root=DATA))
    files = {p.name for p in DATA.iterdir()}
    assert {i.path.split("#")[0] for i in items} == files
    ids = [i.id for i in items if isinstance(i, Article)]
    assert len(ids) == len(set(ids))


# --- plain text and encodings -----------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected", "note"), [
    ("utf8_bom.txt", "Naïve plan for the harbour is dropped.", None),
    ("utf16_bom.txt", "Zürich council votes for new tram line.", None),
    ("legacy_cp1252.txt", "The café owner said “we re-open Monday” – after the storm in São Paulo.",
     "decoded as cp1252"),
    ("mojibake.txt", "The minister met officials in México and Bogotá on Monday.",
     "repaired garbled characters (mojibake)"),
    ("compressed.txt.gz", "Bridge reopens after repairs", None),
])
def test_text_encodings(name: str, expected: str, note: str | None) -> None:
    (article,) = articles(name)
    assert expected in article.text
    assert "\ufeff" not in article.text
    if note:
        assert note in article.notes


def test_utf16_without_bom_is_detected() -> None:
    text, _ = decode.decode("Port workers end their strike.".encode("utf-16-le"))
    assert text == "Port workers end their strike."


@pytest.mark.parametrize(("name", "reason"), [
    ("picture.png", "binary file (PNG image), not text"),
    ("notes.docx", "binary file (ZIP archive (or .docx/.xlsx)), not text"),
    ("random.bin", "binary file (contains NUL bytes), not text"),
    ("blank.txt", "empty file"),
    ("spreadsheet.csv", "unknown format '.csv'"),
    ("not_a_feed.xml", "XML file that is not an RSS or Atom feed"),
])
def test_unreadable_files_are_skipped_with_a_reason(name: str, reason: str) -> None:
    assert skipped(name) == [Skipped(name, reason)]


def test_broken_gzip_is_skipped() -> None:
    (item,) = skipped("broken.gz")
    assert item.reason.startswith("not a valid gzip file")


def test_gzip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "MAX_BYTES", 1000)
    with pytest.raises(decode.DecodeError, match="too large"):
        decode.gunzip(gzip.compress(b"a" * 5000))


def test_ids_hash_normalised_text_and_are_made_unique(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Same   story\ntext.")
    (tmp_path / "b.txt").write_text("Same story text.")
    first, second = ingest.read_corpus([tmp_path], root=tmp_path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == base.article_id("Same story text.")
    assert second.id == f"{first.id}-2"


# --- HTML -----------------------------------------------------------------------------------

def test_html_main_text_and_metadata() -> None:
    (article,) = articles("article_page.html")
    assert article.title == "Port strike ends after 12 days as dockworkers accept deal"
    assert article.published == PartialDate(2025, 10, 2)
    assert article.outlet == "Harbour Herald"
    assert article.url == "https://harbourherald.example/business/port-strike-ends"
    assert "78 percent of members" in article.text
    for chrome in ("Privacy", "Ferry fares", "window.dataLayer", "Subscribe", "All rights"):
        assert chrome not in article.text
    assert article.found("published") == "metadata"


def test_html_without_article_text_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (item,) = ingest.read_corpus([tmp_path / "empty.html"], root=tmp_path)
    assert item == Skipped("empty.html", "no article text found in the HTML page")


# --- Markdown -------------------------------------------------------------------------------

def test_markdown_front_matter_fields() -> None:
    (article,) = articles("with_front_matter.md")
    assert article.title == "Wildfire forces evacuation of hill towns"
    assert article.published == PartialDate(2025, 8, 14)
    assert article.outlet == "Mountain Post"
    assert article.url == "https://mountainpost.example/wildfire-evacuation"
    assert article.author == "Kim Lee, Raj Patel"
    assert ("tags", "['fire', 'weather']") in article.meta
    assert "pushed east, driven by strong winds. See the evacuation map for details." in (
        article.text)
    assert "**" not in article.text and "smoke.jpg" not in article.text


def test_markdown_broken_front_matter_is_noted_and_body_read() -> None:
    (article,) = articles("broken_front_matter.md")
    assert article.text.startswith("The river rose above its banks")
    assert article.title is None
    assert any("front matter is not valid YAML" in n for n in article.notes)


def test_markdown_front_matter_with_an_impossible_date_is_noted_and_body_read() -> None:
    # PyYAML reads 2025-13-45 as a timestamp and raises ValueError, not a YAMLError.
    doc = base.Document(path="x.md", text="---\ndate: 2025-13-45\n---\nThe river rose.\n",
                        suffix=".md")
    (article,) = list(markdown.read(doc))
    assert article.text.startswith("The river rose")
    assert any("front matter is not valid YAML" in n for n in article.notes)


def test_markdown_unclosed_front_matter(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("---\ntitle: Oops\nThe body follows without a fence.\n")
    (article,) = ingest.read_corpus([tmp_path / "x.md"], root=tmp_path)
    assert isinstance(article, Article)
    assert "front matter block is not closed with '---'" in article.notes


# --- JSON -----------------------------------------------------------------------------------

def test_jsonl_lines_aliases_and_bad_lines() -> None:
    items = read("articles.jsonl")
    by_path = {i.path: i for i in items}
    first = by_path["articles.jsonl#1"]
    assert isinstance(first, Article)
    assert (first.id, first.outlet, first.published) == (
        "wire-001", "Finance Daily", PartialDate(2025, 9, 18))
    assert ("section", "markets") in first.meta
    second = by_path["articles.jsonl#2"]
    assert isinstance(second, Article)
    assert (second.outlet, second.published, second.language) == (
        "Alpine Times", PartialDate(2025, 12, 2), "en")
    assert by_path["articles.jsonl#3"] == Skipped(
        "articles.jsonl#3", "line 3: not valid JSON (Unterminated string starting at)")
    assert by_path["articles.jsonl#4"].reason.startswith("line 4: no text")  # type: ignore[union-attr]
    assert by_path["articles.jsonl#6"] == Skipped("articles.jsonl#6", "line 6: not a JSON object")
    last = by_path["articles.jsonl#7"]
    assert isinstance(last, Article) and last.published == PartialDate(2025, 11)
    assert "articles.jsonl#5" not in by_path  # blank line


def test_newsapi_dump() -> None:
    first, second = articles("newsapi_dump.json")
    assert first.outlet == "Reuters"
    assert first.published == PartialDate(2025, 7, 21)
    assert first.path == "newsapi_dump.json#1"
    assert "[+2310 chars]" not in first.text
    assert second.text == "More than 30,000 runners took part in the city marathon on Sunday."
    assert second.outlet == "Daily Planet"


def test_json_array_and_single_object() -> None:
    items = read("array.json", "single.json")
    assert isinstance(items[0], Article)
    assert (items[0].id, items[0].title, items[0].url) == (
        "17", "Rail workers announce weekend strike", "https://rail.example/strike")
    assert items[1] == Skipped("array.json#2",
                               "item 2: no text (expected one of text, body, content)")
    assert isinstance(items[2], Article) and items[2].path == "single.json"


def test_broken_pretty_json_is_one_skip(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('{\n  "title": "a",\n  "text": "b"\n  "oops": 1\n}\n')
    (item,) = ingest.read_corpus([tmp_path / "x.json"], root=tmp_path)
    assert isinstance(item, Skipped) and item.reason.startswith("not valid JSON")


# --- feeds ----------------------------------------------------------------------------------

def test_rss_entries() -> None:
    first, second, third = read("feed_rss.xml")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.path == "feed_rss.xml#1"
    assert first.text.startswith("The city council voted 7-2")  # full content, not summary
    assert (first.outlet, first.url, first.published, first.author) == (
        "Valley Gazette", "https://valleygazette.example/2025/03/bus-routes",
        PartialDate(2025, 3, 11), "Tom Baker")
    assert second.text == "The central library reopened on Monday after six months of repairs."
    assert third == Skipped("feed_rss.xml#3", "entry 3: no content or summary")


def test_atom_entry_and_gzipped_feed() -> None:
    (atom,) = articles("feed.atom")
    assert atom.published == PartialDate(2025, 6, 1)
    assert atom.outlet == "North Coast Wire"
    assert "Negotiators will meet again in July." in atom.text
    assert len(articles("feed.xml.gz")) == 2


def test_feed_detected_by_content_whatever_the_suffix(tmp_path: Path) -> None:
    (tmp_path / "export.txt").write_bytes((DATA / "feed.atom").read_bytes())
    (item,) = ingest.read_corpus([tmp_path / "export.txt"], root=tmp_path)
    assert isinstance(item, Article) and item.path == "export.txt#1"


# --- dates from metadata --------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("2025-11-14", PartialDate(2025, 11, 14)),
    ("2025-11-14T08:00:00+01:00", PartialDate(2025, 11, 14)),
    ("2025-11", PartialDate(2025, 11)),
    ("Fri, 14 Nov 2025 08:00:00 GMT", PartialDate(2025, 11, 14)),
    ("November 14, 2025", PartialDate(2025, 11, 14)),
    ("Nov 2025", PartialDate(2025, 11)),
    ("yesterday-ish", None),
    ("", None),
    (None, None),
])
def test_parse_date(value: str | None, expected: PartialDate | None) -> None:
    assert base.parse_date(value) == expected


def test_missing_file_and_fifo_are_skipped(tmp_path: Path) -> None:
    import os
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(ingest.read_corpus([tmp_path / "gone.txt", tmp_path / "pipe.txt"], root=tmp_path))
    assert items[0].path == "gone.txt" and items[0].reason.startswith("unreadable")  # type: ignore[union-attr]
    assert items[1] == Skipped("pipe.txt", "not a regular file")


def test_a_reader_bug_becomes_a_skip(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(doc: base.Document) -> list[Article]:
        raise RuntimeError("boom")

    monkeypatch.setitem(ingest.READERS, ".txt", broken)
    (tmp_path / "a.txt").write_text("Some text.")
    assert list(ingest.read_corpus([tmp_path], root=tmp_path)) == [
        Skipped("a.txt", "could not be read (RuntimeError: boom)")]


def test_wordpress_export_with_html_bodies() -> None:
    (article,) = articles("wordpress_posts.json")
    assert article.id == "4821"
    assert article.title == "New ferry timetable starts in March"
    assert article.url == "https://islandnews.example/2025/02/17/ferry-timetable/"
    assert article.published == PartialDate(2025, 2, 17)
    assert article.text == ("The island ferry will run every 40 minutes from March 3, the operator "
                            "said.\n\nEvening sailings are extended to 11 p.m.")


def test_markdown_toml_front_matter() -> None:
    (article,) = articles("hugo_toml.md")
    assert (article.title, article.published, article.outlet) == (
        "Glacier retreat measured at record pace", PartialDate(2025, 9, 30), "Alpine Times")
    assert article.text.startswith("Scientists measured a record retreat")


def test_yaml_alias_bomb_is_read_in_bounded_time() -> None:
    (article,) = articles("yaml_alias_bomb.md")
    assert article.text == "Body text of the bomb."
    assert all(len(value) <= base.MAX_META_VALUE for _, value in article.meta)


def test_html_metadata_from_json_ld() -> None:
    (article,) = articles("jsonld_page.htm")
    assert (article.title, article.published, article.outlet, article.author) == (
        "Mayor resigns over budget row", PartialDate(2024, 2, 29), "Riverside Courier",
        "Priya Nair")
    assert article.text.startswith("The mayor of Riverside resigned on Thursday evening")
    assert "cookies" not in article.text and "newsletter" not in article.text


def test_parallel_read_gives_the_same_items_in_the_same_order() -> None:
    sequential = list(ingest.read_corpus([DATA], root=DATA))
    assert list(ingest.read_corpus([DATA], root=DATA, workers=2)) == sequential


def test_research_dump_with_document_creation_time(tmp_path: Path) -> None:
    (tmp_path / "t.json").write_text(
        '[{"uid": "7", "dct": "2011-01-25", "text": "Protests grew."}]')
    (article,) = ingest.read_corpus([tmp_path / "t.json"], root=tmp_path)
    assert isinstance(article, Article)
    assert (article.id, article.published) == ("7", PartialDate(2011, 1, 25))


def test_relocated_items_get_the_new_path() -> None:
    items = [Article(id="x", path="old/feed.xml#1", text="One."),
             Article(id="y", path="old/feed.xml#2", text="Two."),
             Skipped("old/feed.xml#3", "entry 3: no content or summary")]
    moved = ingest.relocated(items, "old/feed.xml", "new/2025/feed.xml")
    assert [i.path for i in moved] == ["new/2025/feed.xml#1", "new/2025/feed.xml#2",
                                       "new/2025/feed.xml#3"]
    assert [i.path for i in ingest.relocated(items, "old/feed.xml", "old/feed.xml")] == [
        i.path for i in items]


def test_target_key_is_the_format_and_bytes_not_the_path(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Same bytes.")
    (tmp_path / "y.txt").write_text("Same bytes.")
    (tmp_path / "y.md").write_text("Same bytes.")
    key = ingest.target_key((tmp_path / "a" / "x.txt", tmp_path))
    assert key is not None and key == ingest.target_key((tmp_path / "y.txt", tmp_path))
    assert key != ingest.target_key((tmp_path / "y.md", tmp_path)), "another reader"
