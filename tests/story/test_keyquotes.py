"""Tests for generator.story.keyquotes: merging, naming, ranking and dating a story's quotes."""

from __future__ import annotations

import re

import pytest

from generator.model import Article, DateMention, Extraction, Quote, Source
from generator.story.keyquotes import EVENT_QUOTES_FACTOR, compose, gather, normalise, select


def _source(sid: str, text: str, *copies: Article) -> Source:
    return Source(Article(id=sid, path=f"{sid}.txt", text=text), copies)


def _quote(text: str, words: str, speaker: str | None) -> Quote:
    start = text.index(words)
    return Quote(start, start + len(words), words, speaker, "said")


def _extraction(source: Source, *quotes: tuple[str, str | None],
                dates: tuple[DateMention, ...] = ()) -> Extraction:
    text = source.primary.text
    return Extraction(source.id, dates=dates,
                      quotes=tuple(_quote(text, w, s) for w, s in quotes))


A_TEXT = ("Foreign Minister Ana Lima spoke in Geneva. “We will not accept any deal that "
          "ignores our borders, and we said so clearly,” Lima said. Lima also met Paul Ortiz.")
B_TEXT = ("Ana Lima was firm. “We will not accept any deal that ignores our borders,” the "
          "minister said. Paul Ortiz said “talks continue.”")
C_TEXT = ("Ortiz, the envoy, said: “Talks will continue next week in Geneva with all the "
          "delegations present.”")


def test_same_quote_from_several_sources_is_one_entry_with_full_name() -> None:
    a, b = _source("a", A_TEXT), _source("b", B_TEXT)
    long = "We will not accept any deal that ignores our borders, and we said so clearly"
    short = "We will not accept any deal that ignores our borders"
    extractions = {"a": _extraction(a, (long, "Lima")),
                   "b": _extraction(b, (short, "Ana Lima"))}
    (quote,) = select([a, b], extractions, limit=5)
    assert quote.speaker == "Ana Lima"
    assert quote.text == long  # the fullest version
    assert quote.sources == ("a", "b")


def test_text_is_verbatim_in_first_cited_source() -> None:
    a, b, c = _source("a", A_TEXT), _source("b", B_TEXT), _source("c", C_TEXT)
    extractions = {
        "a": _extraction(a, ("We will not accept any deal that ignores our borders, and we "
                             "said so clearly", "Ana Lima")),
        "b": _extraction(b, ("talks continue.", "Paul Ortiz")),
        "c": _extraction(c, ("Talks will continue next week in Geneva with all the delegations "
                             "present.", "Ortiz")),
    }
    texts = {"a": A_TEXT, "b": B_TEXT, "c": C_TEXT}
    for quote in select([a, b, c], extractions, limit=5):
        assert normalise(quote.text) in normalise(texts[quote.sources[0]])


def test_role_is_the_one_the_sources_give_the_speaker() -> None:
    a, b = _source("a", A_TEXT), _source("b", B_TEXT)
    long = "We will not accept any deal that ignores our borders, and we said so clearly"
    short = "We will not accept any deal that ignores our borders"
    start = A_TEXT.index(long)
    extractions = {
        "a": Extraction("a", quotes=(Quote(start, start + len(long), long, "Lima", "said",
                                           "Foreign Minister"),)),
        "b": _extraction(b, (short, "Ana Lima"))}
    (quote,) = select([a, b], extractions, limit=5)
    assert (quote.speaker, quote.role) == ("Ana Lima", "Foreign Minister")
    assert select([b], {"b": extractions["b"]}, limit=5)[0].role is None


def test_quotes_without_named_speaker_are_dropped() -> None:
    a = _source("a", A_TEXT)
    extractions = {"a": _extraction(a, ("We will not accept any deal that ignores our "
                                        "borders, and we said so clearly", None))}
    assert select([a], extractions, limit=5) == ()


def test_the_same_words_given_to_two_speakers_are_shown_once() -> None:
    text = ("“We need a deal on borders now,” Lima said. “We need a deal on borders now,” "
            "Ortiz said, repeating her words.")
    src = _source("a", text)
    first = Quote(1, 31, "We need a deal on borders now", "Lima", "said")
    second_start = text.index("We need", 40)
    second = Quote(second_start, second_start + 29, "We need a deal on borders now", "Ortiz",
                   "said")
    quotes = select([src], {"a": Extraction("a", quotes=(first, second))}, limit=5)
    # Two statements (quotegroups never merges two named speakers), one shown: a page gave
    # one statement three times, its sources having put it in three mouths.
    assert [q.text for q in quotes] == ["We need a deal on borders now"]


def test_a_fragment_of_a_shown_quote_under_another_name_is_not_shown_again() -> None:
    whole = ("Gov. Palin stopped by the church this morning, and she told an assistant pastor "
             "that she apologizes if the incident is connected to the attention")
    part = "told an assistant pastor that she apologizes if the incident is connected"
    text = (f"“{whole},” McAllister said. Palin “{part}.” “We have no idea what caused it,” "
            "Kroon said.")
    quotes = (Quote(1, 1 + len(whole), whole, "McAllister", "said"),
              Quote(text.index(part), text.index(part) + len(part), part, "Palin", None),
              Quote(text.index("We have"), text.index("We have") + 30,
                    "We have no idea what caused it", "Kroon", "said"))
    shown = select([_source("a", text)], {"a": Extraction("a", quotes=quotes)}, limit=5)
    assert len(shown) == 2 and "Kroon" in {q.speaker for q in shown}


def test_copies_are_cited_with_their_primary() -> None:
    copy = Article(id="a-copy", path="copy.txt", text=A_TEXT + " Share this.")
    a = _source("a", A_TEXT, copy)
    extractions = {"a": _extraction(a, ("We will not accept any deal that ignores our "
                                        "borders, and we said so clearly", "Lima"))}
    (quote,) = select([a], extractions, limit=5)
    assert quote.sources == ("a", "a-copy")


def test_ranking_prefers_central_people_and_limits() -> None:
    text = ("Ana Lima said “we will sign the treaty when it protects our farmers and our "
            "workers.” Lima, Lima and Lima again. A resident, Tom Pye, said “it is cold "
            "today in town.”")
    src = _source("a", text)
    extractions = {"a": _extraction(
        src, ("we will sign the treaty when it protects our farmers and our workers.", "Ana Lima"),
        ("it is cold today in town.", "Tom Pye"))}
    quotes = select([src], extractions, limit=1)
    assert [q.speaker for q in quotes] == ["Ana Lima"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Lima said on Thursday that “we are ready to talk to everyone at the table.”", "2025-11-13"),
    ("Lima said that “we are ready to talk to everyone at the table.”", None),
])
def test_said_on_comes_from_a_date_in_the_attribution(sentence: str,
                                                       expected: str | None) -> None:
    text = "Ana Lima arrived. " + sentence
    src = _source("a", text)
    dates = ()
    found = re.search(r"on Thursday", text)
    if found:
        dates = (DateMention(found.start(), found.end(), found.group(), "2025-11-13"),)
    extractions = {"a": _extraction(src, ("we are ready to talk to everyone at the table.",
                                          "Ana Lima"), dates=dates)}
    (quote,) = select([src], extractions, limit=3)
    assert (str(quote.said_on) if quote.said_on else None) == expected


def test_date_inside_the_quote_is_not_when_it_was_said() -> None:
    text = "Ana Lima said that “on Thursday we will be ready to talk to everyone.”"
    start = text.index("on Thursday")
    src = _source("a", text)
    dates = (DateMention(start, start + 11, "on Thursday", "2025-11-13"),)
    extractions = {"a": _extraction(src, ("on Thursday we will be ready to talk to everyone.",
                                          "Ana Lima"), dates=dates)}
    (quote,) = select([src], extractions, limit=3)
    assert quote.said_on is None


def test_broken_apostrophe_is_repaired_for_display() -> None:
    text = 'Sheinbaum asserted, "That won"t happen," in response.'
    src = _source("a", text)
    extractions = {"a": _extraction(src, ('That won"t happen', "Claudia Sheinbaum"))}
    (quote,) = select([src], extractions, limit=3)
    assert quote.text == "That won’t happen"


def test_fragment_merges_only_on_whole_words() -> None:
    text = ("Lima said the talks were “historic.” Ortiz called them “prehistoric and slow, "
            "far too slow for anyone.”")
    src = _source("a", text)
    extractions = {"a": _extraction(src, ("historic.", "Ana Lima"),
                                    ("prehistoric and slow, far too slow for anyone.", None))}
    quotes = select([src], extractions, limit=5)
    assert [q.text for q in quotes] == ["historic."]


def test_a_quote_repeated_in_two_events_is_one_key_quote() -> None:
    a, b = _source("a", A_TEXT), _source("b", B_TEXT)
    long = "We will not accept any deal that ignores our borders, and we said so clearly"
    short = "We will not accept any deal that ignores our borders"
    extractions = {"a": _extraction(a, (long, "Lima")),
                   "b": _extraction(b, (short, "Ana Lima"))}
    parts = [gather([a], extractions, limit=5), gather([b], extractions, limit=5)]
    (quote,) = compose(parts, limit=5)
    assert (quote.speaker, quote.text, quote.sources) == ("Ana Lima", long, ("a", "b"))
    assert compose(parts, limit=5) == select([a, b], extractions, limit=5)


def test_quotes_of_two_speakers_in_two_events_stay_apart() -> None:
    a, c = _source("a", A_TEXT), _source("c", C_TEXT)
    extractions = {
        "a": _extraction(a, ("We will not accept any deal that ignores our borders, and we "
                             "said so clearly", "Ana Lima")),
        "c": _extraction(c, ("Talks will continue next week in Geneva with all the delegations "
                             "present.", "Ortiz"))}
    quotes = compose([gather([a], extractions, limit=5), gather([c], extractions, limit=5)],
                     limit=5)
    assert sorted(q.sources for q in quotes) == [("a",), ("c",)]


def test_an_event_keeps_a_bounded_number_of_statements() -> None:
    words = ["Our borders are not for sale at any price whatsoever",
             "Farmers deserve better prices for wheat this autumn",
             "Schools reopen on Monday after the long strike ended",
             "Hospitals need twelve thousand more nurses before winter",
             "Railway tickets become cheaper for students from January",
             "Nobody voted for higher taxes on small bakeries",
             "Pensions rise by three percent next spring, guaranteed",
             "Fishermen may keep their licences despite the quota cut"]
    text = " ".join(f"“{w},” Lima said." for w in words)
    source = _source("a", text)
    extractions = {"a": _extraction(source, *((w, "Ana Lima") for w in words))}
    part = gather([source], extractions, limit=2)
    assert len(part.groups) == EVENT_QUOTES_FACTOR * 2
    assert len(compose([part], limit=2)) == 2
