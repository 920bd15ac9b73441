"""Sentences recurring across unrelated topics are boilerplate; one story's repeats are not."""

from __future__ import annotations

import hashlib
import random
import re

from generator.clean import repeated

FOOTER = "We welcome comments that advance the story through relevant opinion and data."
BACKGROUND = "The rig exploded on April 20, killing eleven workers on the platform."
TOPICS = [
    "Rebels in Misrata fought Gaddafi forces as NATO jets flew over Tripoli and Benghazi.",
    "Voters in Ohio and Florida lined up as Romney and Obama made final appeals in Iowa.",
    "Engineers at Fukushima cooled the reactors while Tepco and Tokyo officials met in Osaka.",
    "Protesters in Tahrir Square faced Mubarak police as Cairo and Alexandria marched again.",
    "Doctors in Mexico and Texas tracked the flu as WHO and Geneva raised the alert in Atlanta.",
]
SPILL = ("Crews of BP in Louisiana and Alabama fought the Deepwater slick as Obama and Hayward "
         "toured the Gulf coast near Mobile.")


def _corpus(lines_per_article: list[list[str]]) -> frozenset[int]:
    prints = [repeated.fingerprint(lines) for lines in lines_per_article]
    return repeated.boilerplate([k for k, _ in prints], [s for _, s in prints],
                                list(range(len(prints))))


def test_footer_glued_to_paragraphs_of_unrelated_topics_is_boilerplate() -> None:
    banned = _corpus([[f"{topic} {FOOTER}"] for topic in TOPICS])
    assert repeated.sentence_key(FOOTER) in banned
    assert repeated.strip([f"{TOPICS[0]} {FOOTER}", ""], banned) == [TOPICS[0], ""]


def test_background_sentence_of_one_story_is_kept() -> None:
    banned = _corpus([[f"{SPILL} {BACKGROUND}", f"Update {i} on the talks."] for i in range(8)])
    assert repeated.sentence_key(BACKGROUND) not in banned


def test_copies_of_one_article_count_once() -> None:
    lines = [[f"{topic} {FOOTER}"] for topic in TOPICS]
    prints = [repeated.fingerprint(x) for x in lines]
    banned = repeated.boilerplate([k for k, _ in prints], [s for _, s in prints],
                                  [0, 0, 0, 1, 1])
    assert not banned


def test_a_footer_is_one_sentence_in_tokenised_and_plain_copies() -> None:
    tokenised = "We welcome comments that advance the story through relevant opinion and data ."
    lines = [[f"{topic} {FOOTER if i % 2 else tokenised}"] for i, topic in enumerate(TOPICS)]
    banned = _corpus(lines)
    assert repeated.sentence_key(FOOTER) == repeated.sentence_key(tokenised)
    assert repeated.sentence_key(FOOTER) in banned
    assert repeated.strip([f"{TOPICS[0]} {tokenised}"], banned) == [TOPICS[0]]


def test_a_bulleted_disclaimer_run_on_with_no_stop_is_found() -> None:
    disclaimer = "The agency is not responsible for the content in this press release"
    banned = _corpus([[f"Headline about {topic[:-1]} \\* {disclaimer}"] for topic in TOPICS])
    assert repeated.sentence_key(disclaimer) in banned
    stripped = repeated.strip([f"Headline about {TOPICS[1][:-1]} \\* {disclaimer}"], banned)
    assert stripped == [f"Headline about {TOPICS[1][:-1]}"]


def test_a_sentence_of_many_articles_of_one_topic_is_widespread_not_boilerplate() -> None:
    lines = [[f"{SPILL} {BACKGROUND}", f"Update {i} on the talks."] for i in range(5)]
    prints = [repeated.fingerprint(x) for x in lines]
    keys = [k for k, _ in prints]
    assert repeated.sentence_key(BACKGROUND) not in repeated.boilerplate(
        keys, [s for _, s in prints], list(range(5)))
    assert repeated.sentence_key(BACKGROUND) in repeated.widespread(keys, list(range(5)))
    assert not repeated.widespread(keys, [0, 0, 0, 1, 1])  # copies count once


BLURB = ("The Harbour Town Food Blog covers the restaurants, markets and kitchens of the "
         "region, from street stalls to fine dining.")
MAKERS = "It's edited by Jo Example with daily contributions from our writers."


def _self(lines_per_article: list[list[str]]) -> frozenset[int]:
    prints = [repeated.fingerprint(lines) for lines in lines_per_article]
    return repeated.self_descriptions([k for k, _ in prints], list(range(len(prints))),
                                      lines_per_article)


def test_a_publications_self_description_recurring_within_one_topic_is_boilerplate() -> None:
    articles = [[f"{SPILL} Update {i} on the clean-up. {BLURB} {MAKERS}"] for i in range(2)]
    # One topic only: the topic test of ``boilerplate`` cannot see it.
    assert _corpus(articles).isdisjoint({repeated.sentence_key(BLURB)})
    found = _self(articles)
    assert {repeated.sentence_key(BLURB), repeated.sentence_key(MAKERS)} <= found
    assert repeated.strip(articles[0], found) == [f"{SPILL} Update 0 on the clean-up."]


def test_a_self_description_in_one_article_or_copies_of_it_stays() -> None:
    one = [[f"{SPILL} {BLURB}"], [SPILL]]
    assert not _self(one)
    prints = [repeated.fingerprint(lines) for lines in [[f"{SPILL} {BLURB}"]] * 2]
    assert not repeated.self_descriptions([k for k, _ in prints], [0, 0],
                                          [[f"{SPILL} {BLURB}"]] * 2)


def test_recurring_reporting_about_a_blog_is_no_self_description() -> None:
    said = "Critics said the food blog had misled readers about the market's prices."
    assert not _self([[f"{SPILL} {said}"], [f"{TOPICS[0]} {said}"]])


def _regex_key(sentence: str) -> int:
    """The key as first defined: the pattern alone."""
    keyed = re.sub(r"[\W_]+", "", sentence).casefold()
    return int.from_bytes(hashlib.blake2b(keyed.encode("utf-8"), digest_size=8).digest(), "big")


def test_sentence_key_ignores_exactly_what_the_pattern_ignores() -> None:
    rng = random.Random(0)
    alphabet = ("abcXYZ019 _-.,'\"“”‘’—–…•·\u00a0\u200b\u00adéßİﬁ²½٣中\u0301\u2028!?*\\#%&"
                "\U0001f600Ωωǅ")
    texts = ["", "   ", "...", "U.S. officials' 'plan' — it’s “done”.", "snake_case_name",
             "Straße İstanbul ﬁnal ½ ²", *("".join(rng.choices(alphabet, k=rng.randint(1, 80)))
                                          for _ in range(2000))]
    for text in texts:
        assert repeated.sentence_key(text) == _regex_key(text), text
