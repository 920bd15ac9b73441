"""Background IDF: a word's weight from general English, not from the pile."""

from __future__ import annotations

import pytest

from generator.group import background


def test_everyday_words_weigh_less_than_rare_ones() -> None:
    common, topical, rare = background.idf(["people", "spill", "gadhafi"])
    assert common < topical < rare


def test_an_unknown_word_weighs_as_the_rarest_known_ones() -> None:
    unknown = background.term_idf("qzxvwplk")
    assert unknown == pytest.approx(background.term_idf("xqzvbnmtrw"))
    assert unknown >= background.term_idf("gadhafi")


def test_a_name_is_as_rare_as_its_rarest_word() -> None:
    assert background.term_idf("Tony Hayward") == pytest.approx(background.term_idf("hayward"))


def test_a_year_is_common_and_other_numbers_are_telling() -> None:
    year, magnitude, toll = background.idf(["2011", "5.6", "1,200"])
    assert year < background.term_idf("gadhafi") < magnitude == toll
