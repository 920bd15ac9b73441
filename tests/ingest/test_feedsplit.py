"""The feed splitter: entries cut at any block boundary, CDATA and comments passed over."""

from __future__ import annotations

import io

import pytest

from generator.ingest import feedsplit

RSS = (b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Gazette</title>\n'
       b"<item><title>One</title><description><![CDATA[a </item> in text]]></description>"
       b"</item>\n<!-- <item>not one</item> -->\n"
       b"<item><title>Two</title><!-- </item> --></item></channel></rss>\n")
ATOM = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        b"<entry><title>A</title></entry><entry><title>B</title></entry></feed>")


@pytest.fixture(params=[1, 5, 64, 1 << 20], ids=lambda b: f"block{b}")
def block(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(feedsplit, "BLOCK_BYTES", request.param)
    return int(request.param)


def entries(doc: bytes, limit: int = 10**6) -> tuple[bytes, list[bytes | None]]:
    head, found = feedsplit.split(io.BytesIO(doc), limit=limit)
    return head, [e.data for e in found]


def test_rss_items_are_cut_past_cdata_and_comments(block: int) -> None:
    head, items = entries(RSS)
    assert head.endswith(b"<title>Gazette</title>\n")
    assert items == [
        b"<item><title>One</title><description><![CDATA[a </item> in text]]></description>"
        b"</item>",
        b"<item><title>Two</title><!-- </item> --></item>"]
    assert feedsplit.frame(head) == b"</channel></rss>"


def test_atom_entries(block: int) -> None:
    head, items = entries(ATOM)
    assert items == [b"<entry><title>A</title></entry>", b"<entry><title>B</title></entry>"]
    assert feedsplit.frame(head) == b"</feed>"


def test_entry_over_the_limit_is_passed_over(block: int) -> None:
    doc = ATOM.replace(b"<title>A</title>", b"<title>" + b"A" * 500 + b"</title>")
    assert entries(doc, limit=100)[1] == [None, b"<entry><title>B</title></entry>"]


def test_feed_without_entries_or_broken_off(block: int) -> None:
    with pytest.raises(feedsplit.SplitError, match="no entries"):
        entries(b"<rss><channel><title>Empty</title></channel></rss>")
    with pytest.raises(feedsplit.SplitError, match="breaks off inside entry 2"):
        entries(ATOM[:-20])
