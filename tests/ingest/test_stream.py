"""Streamed inputs: JSON Lines and large JSON read piece by piece, the same as read whole."""

from __future__ import annotations

import gzip
import json
import shutil
import tracemalloc
from pathlib import Path

import pytest

from generator import ingest
from generator.ingest import decode, stream
from generator.model import Article, Skipped

DATA = Path(__file__).parents[1] / "data" / "ingest"


def read(folder: Path) -> list[Article | Skipped]:
    return list(ingest.read_corpus([folder], root=folder))


def line(number: int, text: str = "The council met on Tuesday.") -> str:
    return json.dumps({"id": f"n{number}", "title": f"Item {number}", "text": text}) + "\n"


@pytest.mark.parametrize("name", ["array.json", "newsapi_dump.json", "wordpress_posts.json",
                                  "feed_rss.xml", "feed.atom", "feed.xml.gz"])
def test_large_json_and_feeds_stream_to_what_a_whole_read_gives(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(DATA / name, tmp_path / name)
    whole = read(tmp_path)
    monkeypatch.setattr(decode, "MAX_BYTES", 10)  # every file is now "large"
    assert ingest.streamed((tmp_path / name, tmp_path))
    assert read(tmp_path) == whole


def test_jsonl_is_always_streamed_and_reads_as_before() -> None:
    assert ingest.streamed((DATA / "articles.jsonl", DATA))
    items = list(ingest.read_corpus([DATA / "articles.jsonl"], root=DATA))
    assert [i.path for i in items] == [f"articles.jsonl#{n}" for n in (1, 2, 3, 4, 6, 7)]


def test_gzipped_jsonl_reads_like_the_plain_file(tmp_path: Path) -> None:
    body = "".join(line(n) for n in range(1, 40))
    (tmp_path / "plain").mkdir()
    (tmp_path / "packed").mkdir()
    (tmp_path / "plain" / "news.jsonl").write_text(body, encoding="utf-8")
    (tmp_path / "packed" / "news.jsonl.gz").write_bytes(gzip.compress(body.encode()))
    plain, packed = read(tmp_path / "plain"), read(tmp_path / "packed")
    assert len(plain) == 39
    assert [(a.id, a.text) for a in plain] == [(a.id, a.text) for a in packed]  # type: ignore[union-attr]


def test_line_over_the_item_limit_is_one_skip(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "MAX_ITEM_BYTES", 200)
    (tmp_path / "d.jsonl").write_text(line(1) + line(2, "x" * 1000) + line(3), encoding="utf-8")
    items = read(tmp_path)
    assert [i.path for i in items] == ["d.jsonl#1", "d.jsonl#2", "d.jsonl#3"]
    assert items[1] == Skipped("d.jsonl#2", "line 2: too large (over 0 MB)")
    assert isinstance(items[2], Article)


def test_broken_gzip_keeps_the_lines_before_the_fault(tmp_path: Path) -> None:
    packed = gzip.compress("".join(line(n) for n in range(1, 3000)).encode())
    (tmp_path / "d.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    items = read(tmp_path)
    assert sum(isinstance(i, Article) for i in items) > 100
    assert isinstance(items[-1], Skipped) and items[-1].path == "d.jsonl.gz"
    assert items[-1].reason.startswith("not a valid gzip file")


def test_each_line_is_decoded_alone(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_bytes(
        line(1).encode()
        + '{"text": "Caf\u00e9 owners in S\u00e3o Paulo reopen."}\n'.encode("cp1252")
        + b'{"text": "separator\xe2\x80\xa8inside a string"}\n' + b"\xc2\xa0 \n")
    first, second, third = read(tmp_path)
    assert isinstance(second, Article) and "São Paulo" in second.text
    assert "decoded as cp1252" in second.notes and not first.notes  # type: ignore[union-attr]
    assert isinstance(third, Article), "U+2028 inside a string does not end the line"


def test_utf16_jsonl_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_bytes((line(1) + line(2)).encode("utf-16"))
    assert not ingest.streamed((tmp_path / "d.jsonl", tmp_path))
    assert [type(i) for i in read(tmp_path)] == [Article, Article]


def test_large_json_that_is_json_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "MAX_BYTES", 10)
    (tmp_path / "d.json").write_text(line(1) + "not json\n" + line(3), encoding="utf-8")
    items = read(tmp_path)
    assert [i.path for i in items] == ["d.json#1", "d.json#2", "d.json#3"]
    assert items[1] == Skipped("d.json#2", "line 2: not valid JSON (Expecting value)")


@pytest.mark.parametrize(("content", "reason"), [
    ("\n \n", "empty file"),
    ("[]", "no articles in the JSON file"),
    ('{\n  "title": "one big article",\n  "text": "..."\n}', "no list of articles"),
])
def test_streamed_files_without_articles_say_why(
        content: str, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "MAX_BYTES", 1)
    name = "d.jsonl" if content.startswith("\n") else "d.json"
    (tmp_path / name).write_text(content, encoding="utf-8")
    (item,) = read(tmp_path)
    assert isinstance(item, Skipped) and item.path == name and item.reason.startswith(reason)


def test_pieces_are_keyed_by_their_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(line(1) + line(2), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(line(0) + line(1) + line(2), encoding="utf-8")
    first = [p.key for p in ingest.pieces((tmp_path / "a.jsonl", tmp_path))]  # type: ignore[union-attr]
    second = [p.key for p in ingest.pieces((tmp_path / "b.jsonl", tmp_path))]  # type: ignore[union-attr]
    assert second[1:] == first, "same line, same key, wherever it sits"


@pytest.mark.slow
def test_100_mb_of_json_lines_in_bounded_memory(tmp_path: Path) -> None:
    text = "The harbour board approved the budget on Tuesday. " * 60  # about 3 KB
    with (tmp_path / "dump.jsonl.gz").open("wb") as raw, gzip.open(raw, "wt",
                                                                     compresslevel=1) as out:
        for n in range(34_000):
            out.write(line(n, f"{n} {text}"))
    tracemalloc.start()
    try:
        count = sum(isinstance(i, Article) for i in ingest.read_corpus([tmp_path], root=tmp_path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 34_000
    assert peak < 20 * 2**20, f"reading held {peak / 2**20:.0f} MB"
