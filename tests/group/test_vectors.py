"""Features the story vectors are built from."""

from __future__ import annotations

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from generator.group import vectors
from generator.model import Source
from tests.conftest import make_article


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


def test_two_sources_compare_the_same_alone_and_inside_a_larger_pile() -> None:
    pair = [Source(primary=make_article(id="a", title="Oil spill reaches the coast",
                                        text="Oil from the BP spill reached the Louisiana "
                                             "coast on Friday, officials said.")),
            Source(primary=make_article(id="b", title="BP oil spill spreads",
                                        text="The BP oil spill spread towards the Louisiana "
                                             "coast as crews laid booms."))]
    others = [Source(primary=make_article(id=f"o{i}", title="Oil prices rise",
                                          text=f"Oil prices rose for the {i}th day on "
                                               "markets in London and New York."))
              for i in range(5)]
    alone = vectors.build(pair, {"a": [], "b": []}).matrix
    within = vectors.build([*pair, *others], {s.id: [] for s in [*pair, *others]}).matrix
    assert float((alone[0] @ alone[1].T).toarray()[0, 0]) == pytest.approx(
        float((within[0] @ within[1].T).toarray()[0, 0]), rel=1e-5)


def test_selected_rows_are_those_of_the_sources_built_in_that_order() -> None:
    sources = [Source(primary=make_article(id=f"s{i}", title=f"Report {i}",
                                           text=f"The council met on day {i} in Harwick "
                                                "to discuss the flood defences."))
               for i in range(4)]
    docs = vectors.build(sources)
    order = ["s2", "s0", "s3"]
    picked = docs.select(order)
    rebuilt = vectors.build([sources[2], sources[0], sources[3]])
    assert picked.ids == tuple(order)
    assert (picked.matrix @ picked.matrix.T).toarray() == pytest.approx(
        (rebuilt.matrix @ rebuilt.matrix.T).toarray())
    assert docs.holds(order) and not docs.holds(["s9"])
