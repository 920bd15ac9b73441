"""Fuzz: arbitrary bytes and broken documents never make a reader raise."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import clean, ingest
from generator.ingest import base
from generator.model import Article, Skipped

SUFFIXES = sorted({*ingest.READERS, ".gz", ".unknown", ""})

# Fragments of every supported format, so the fuzzer reaches the parsers' insides, not only
# the decoder's refusal of noise.
FRAGMENTS = [
    "---\n", "title: [", "date: 2025-13-45\n", "---\n# Head\n", '{"text": ', '"body": null',
    '{"articles": [', '{"source": {"name": 3}}', "]}", "\n", '{"published": {"a": 1}}',
    "<?xml version='1.0'?>", "<rss><channel><item><title>", "<feed xmlns='http://www.w3.org/2005/Atom'>",
    "<entry><content type='html'>&lt;p&gt;", "</item></channel></rss>", "<html><body><p>",
    "<script>x</script>", "Tuesday, November 4, 2025\n\n", " date 2025-11-14 ", "Won\"t",
    "20 COMMENTS\n", "— Name (@handle) November 13, 2025\n", "(AP Photo/X)\n", "\x00", "\ufeff",
    "Ã©", "\r\n", "0\n",
]

documents = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=40), max_size=25).map("".join)
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _read(tmp_path: Path, name: str, data: bytes) -> list[Article | Skipped]:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(ingest.read_corpus([path], root=tmp_path))
    assert items, "every input must end as an article or a skipped entry"
    for item in items:
        assert isinstance(item, Article | Skipped)
        if isinstance(item, Skipped):
            assert "\n" not in item.reason and item.reason
    return items


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    _read(tmp_path, f"input{suffix}", data)


@FUZZ
@given(doc=documents, suffix=st.sampled_from(SUFFIXES))
def test_broken_documents(tmp_path: Path, doc: str, suffix: str) -> None:
    items = _read(tmp_path, f"input{suffix}", doc.encode("utf-8", "surrogatepass"))
    clean.clean_corpus([i for i in items if isinstance(i, Article)])


@FUZZ
@given(doc=documents, suffix=st.sampled_from(sorted(ingest.READERS)))
def test_broken_documents_gzipped(tmp_path: Path, doc: str, suffix: str) -> None:
    _read(tmp_path, f"input{suffix}.gz", gzip.compress(doc.encode("utf-8", "surrogatepass")))


@pytest.mark.parametrize("reader", sorted(set(ingest.READERS.values()), key=repr))
@FUZZ
@given(text=documents)
def test_every_reader_directly(reader: ingest.Reader, text: str) -> None:
    for item in reader(base.Document(path="x", text=text, suffix=".json")):
        assert isinstance(item, Article | Skipped)
