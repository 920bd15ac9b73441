"""The per-article cache: hits, misses, invalidation, and corrupt files that never fail a build."""

from __future__ import annotations

import dataclasses
import logging
import pickle
import sqlite3
from pathlib import Path

import pytest

from generator import cache
from generator.cache import Cache, content_key
from generator.model import (
    Article,
    Entity,
    Extraction,
    Features,
    PartialDate,
    Quote,
    Source,
    Story,
    TimelineEntry,
)


def test_round_trip_of_stage_values(tmp_path: Path) -> None:
    value = Extraction("a1", quotes=(Quote(10, 30, "We will rebuild.", "the mayor", "said"),))
    store = Cache(tmp_path)
    store.put("extract", "k1", value)
    store.close()
    again = Cache(tmp_path)
    assert again.get("extract", "k1") == value
    assert again.get("clean", "k1") is None, "namespaces are separate"
    assert (again.hits, again.misses) == (1, 1)
    again.close()


def test_changed_text_is_a_different_key() -> None:
    before = content_key("a1", "The council voted on Tuesday.")
    after = content_key("a1", "The council voted on Wednesday.")
    assert before != after
    assert content_key("ab", "c") != content_key("a", "bc"), "parts are separated"


def test_version_bump_empties_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Cache(tmp_path)
    store.put("extract", "k1", "old result")
    store.close()
    monkeypatch.setattr(cache, "PIPELINE_VERSION", cache.PIPELINE_VERSION + "-next")
    again = Cache(tmp_path)
    assert again.get("extract", "k1") is None
    again.close()


def test_code_change_empties_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Cache(tmp_path)
    store.put("extract", "k1", "old result")
    store.close()
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "edited-code")
    assert Cache(tmp_path).get("extract", "k1") is None


@pytest.mark.parametrize("path, shapes", [
    ("site/pages.py", False), ("site/templates/story.md.j2", False),
    ("pipeline/__init__.py", False), ("group/identity.py", False), ("timex/__init__.py", True),
    ("text/entities.py", True), ("group/cluster.py", True), ("resources/person_titles.txt", True),
    ("fetch/client.py", False),
])
def test_fingerprint_ignores_output_code(path: str, shapes: bool) -> None:
    assert cache._shapes_analysis(Path(path)) is shapes
    assert len(cache.code_fingerprint()) == 16


def test_output_modules_name_files_that_exist() -> None:
    # A module moved without updating the list would silently shape the fingerprint again.
    package = Path(cache.__file__).parent
    assert all((package / name).is_file() for name in cache.OUTPUT_MODULES)
    assert all((package / name).is_dir() for name in cache.OUTPUT_PACKAGES)


@pytest.mark.parametrize("garbage", [b"not a database at all" * 100,
                                     b"SQLite format 3\0" + b"\xff" * 300])
def test_corrupt_file_is_a_warning_and_a_fresh_start(
        tmp_path: Path, garbage: bytes, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / cache.CACHE_FILE).write_bytes(garbage)
    with caplog.at_level(logging.WARNING):
        store = Cache(tmp_path)
    assert "starting with an empty cache" in caplog.text
    store.put("extract", "k1", 42)
    assert store.get("extract", "k1") == 42
    store.close()


def test_unpicklable_entry_is_a_miss(tmp_path: Path) -> None:
    store = Cache(tmp_path)
    store.close()
    db = sqlite3.connect(tmp_path / cache.CACHE_FILE)
    db.execute("INSERT INTO kv VALUES ('extract', 'k1', ?)", (b"\x80\x05garbage",))
    db.commit()
    db.close()
    again = Cache(tmp_path)
    assert again.get("extract", "k1") is None
    assert again.misses == 1
    again.close()


def test_get_many_spans_batches(tmp_path: Path) -> None:
    store = Cache(tmp_path)
    store.put_many("clean", {f"k{i}": i for i in range(1200)})
    found = store.get_many("clean", [f"k{i}" for i in range(0, 1300, 2)])
    assert len(found) == 600 and found["k1198"] == 1198
    assert store.misses == 50
    store.close()


def test_no_directory_keeps_nothing() -> None:
    store = Cache(None)
    store.put("extract", "k1", 1)
    assert store.get("extract", "k1") is None
    store.close()
    store.close()


def test_every_stage_type_pickles_as_a_constructor_call() -> None:
    article = Article(id="a1", path="a.txt", text="Talks began.", published=PartialDate(2025, 11),
                      meta=(("section", "world"),), provenance=(("published", "header"),))
    source = Source(article, (dataclasses.replace(article, id="a2"),), PartialDate(2025, 11, 3))
    entry = TimelineEntry(PartialDate(2025, 11, 3), "Talks began.", ("a1",))
    story = Story(id="s", title="Talks", summary="Talks began.", sources=(source,),
                  timeline=(entry,), entities=(Entity("Ana Ruiz", "person"),), terms=("talks",))
    for value in (article, source, entry, story, Features((Entity("Lima", "place"),), ())):
        reduced = value.__reduce__()
        assert reduced[0] is type(value), "rebuilt by its constructor, not by setstate"
        assert pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) == value
