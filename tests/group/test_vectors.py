"""Features the story vectors are built from."""

from __future__ import annotations

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from generator.group import vectors


@pytest.mark.parametrize(("url", "words"), [
    ("https://www.reuters.com/2013/04/11/iran-quake-kills-30.html", "iran quake kills"),
    ("http://nypost.com/2013/05/02/lindsay-lohan-is-mia/", "lindsay lohan is mia"),
    ("https://example.com/world/article/idUSBRE93A0B420130411?ref=home", "world"),
    ("https://example.com/", ""),
    (None, ""),
])
def test_url_words_keep_the_slug_not_the_host_ids_or_dates(url: str | None, words: str) -> None:
    assert vectors.url_words(url) == words


def test_tokens_keep_decimals_and_longer_numbers_not_digits() -> None:
    analyse = TfidfVectorizer(token_pattern=vectors._TOKEN_PATTERN).build_analyzer()
    tokens = analyse("A 5.6 magnitude quake killed 30 on day 3, costing $1,200 in 2008.")
    assert "5.6" in tokens and "30" in tokens and "1,200" in tokens and "2008" in tokens
    assert "3" not in tokens and "5" not in tokens
