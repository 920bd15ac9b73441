"""The JSON splitter: items cut at any block boundary, lists found in dumps, bad JSON named."""

from __future__ import annotations

import io
import json

import pytest

from generator.ingest import jsonsplit

KEYS = ("articles", "results")
ITEMS = [{"text": 'a "quoted" \\ back } ] { [ \u2028 caf\u00e9', "n": i, "x": [1, {"y": "]"}]}
         for i in range(30)]


def cut(doc: bytes, limit: int = 10**6) -> list[bytes | None]:
    return [p.data for p in jsonsplit.split(io.BytesIO(doc), keys=KEYS, limit=limit)]


@pytest.fixture(params=[1, 2, 7, 64, 1 << 20], ids=lambda b: f"block{b}")
def block(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    # Every block size must give the same cut: boundaries fall inside strings, escapes, keys.
    monkeypatch.setattr(jsonsplit, "BLOCK_BYTES", request.param)
    return int(request.param)


@pytest.mark.parametrize("document", [
    ITEMS,
    {"status": "ok", "totalResults": 30, "articles": ITEMS},
    {"meta": {"a": [1, {"b": "]}"}]}, "response": {"total": 30, "results": ITEMS}},
], ids=["array", "newsapi", "guardian"])
def test_items_are_cut_exactly(block: int, document: object) -> None:
    for text in (json.dumps(document), json.dumps(document, indent=2, ensure_ascii=False)):
        parts = cut(text.encode("utf-8"))
        assert [json.loads(p) for p in parts if p is not None] == ITEMS


def test_item_over_the_limit_is_passed_over(block: int) -> None:
    doc = json.dumps([{"text": "x" * 300}, {"text": "kept"}, {"text": "y" * 300}]).encode()
    assert cut(doc, limit=100) == [None, b'{"text": "kept"}', None]


@pytest.mark.parametrize(("doc", "reason"), [
    (b'[{"a": 1} {"b": 2}]', "expected ',' or ']' after item 1"),
    (b'[{"a": 1}, {"b": ', "breaks off"),
    (b'{"title": "one article"}', "no list of articles"),
    (b'"just a string"', "not a JSON array or object"),
    (b'{"articles": 5, 7}', "expected a key"),
])
def test_malformed_documents_say_why(block: int, doc: bytes, reason: str) -> None:
    with pytest.raises(jsonsplit.SplitError, match=reason):
        cut(doc)


def test_items_before_a_fault_are_given() -> None:
    parts = jsonsplit.split(io.BytesIO(b'[{"a": 1}, {"b": 2}, {"c": '), keys=KEYS, limit=100)
    assert next(parts) == jsonsplit.Part(1, b'{"a": 1}')
    assert next(parts) == jsonsplit.Part(2, b'{"b": 2}')
    with pytest.raises(jsonsplit.SplitError):
        next(parts)


def test_scalars_in_the_list_are_items() -> None:
    assert cut(b'[1, "two", null]') == [b"1", b'"two"', b"null"]
