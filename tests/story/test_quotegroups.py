"""Quotes that are one statement, and person names counted per event and summed per thread."""

from __future__ import annotations

from generator.model import Article, Quote, Source
from generator.story import quotegroups
from generator.story.quotegroups import NameBook, count_names


def _source(sid: str, text: str) -> Source:
    return Source(Article(id=sid, path=f"{sid}.txt", text=text))


A = _source("a", "Secretary of State Marco Rubio met Claudia Sheinbaum in Mexico City.")
B = _source("b", "Rubio said the talks went well. Sheinbaum agreed, and Rubio left.")


def test_name_counts_of_two_events_add_up_to_those_of_all_their_sources() -> None:
    whole = NameBook([count_names([A, B])])
    summed = NameBook([count_names([A]), count_names([B])])
    assert summed.full == whole.full and summed.counts == whole.counts
    assert summed.unify("Rubio") == "Marco Rubio", "a surname in one event, the name in another"
    assert summed.centrality("Marco Rubio") == 1.0


def test_a_quote_and_its_trimmed_version_are_one_statement() -> None:
    long = "We will not accept any deal that ignores our borders, and we said so clearly"
    short = "any deal that ignores our borders"
    text = f"“{long},” Lima said. “{short},” she added."
    source = _source("a", text)
    quotes = [Quote(text.index(w), text.index(w) + len(w), w, "Lima") for w in (long, short)]
    (group,) = quotegroups.group([(0, source, q) for q in quotes])
    assert group.fullest[2].text == long


def test_quotes_of_two_named_speakers_are_never_one_statement() -> None:
    text = "“We will not accept the deal,” Lima said. “We will not accept the deal,” Ortiz said."
    source = _source("a", text)
    first = text.index("We")
    second = text.index("We", first + 1)
    quotes = [Quote(first, first + 28, "We will not accept the deal", "Ana Lima"),
              Quote(second, second + 28, "We will not accept the deal", "Paul Ortiz")]
    assert len(quotegroups.group([(0, source, q) for q in quotes])) == 2
