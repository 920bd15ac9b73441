"""Timeline: events merged across sources, disputes named, chronological order."""

from __future__ import annotations

import dataclasses
import importlib
import math
from pathlib import Path
from types import ModuleType

import pytest

from generator.model import Event, PartialDate, Source
from generator.story import timeline
from tests.conftest import make_article

P = PartialDate


def source(sid: str, published: PartialDate | None, copies: int = 0) -> Source:
    extra = tuple(make_article(id=f"{sid}-copy{i}", published=published) for i in range(copies))
    return Source(make_article(id=sid, published=published), extra, reference=published)


SOURCES = [source("late", P(2025, 11, 14), copies=1), source("early", P(2025, 11, 4)),
           source("middle", P(2025, 11, 10))]


def ev(sid: str, date: PartialDate, text: str) -> Event:
    return Event(date=date, text=text, article_id=sid)


def test_same_happening_from_two_sources_is_one_entry_first_reporter_first() -> None:
    events = {
        "late": [ev("late", P(2025, 11, 3), "NBC News reported that the U.S. has begun detailed "
                    "planning for a mission to send troops into Mexico to target drug cartels.")],
        "early": [ev("early", P(2025, 11, 3), "The Trump administration has begun planning a "
                     "potential mission that would target drug cartels, NBC News reported.")],
    }
    entries = timeline.build(events, SOURCES, limit=10)
    assert len(entries) == 1
    assert entries[0].sources == ("early", "late")
    assert entries[0].disputed == ()


def test_disagreeing_dates_are_a_dispute_won_by_more_sources() -> None:
    events = {
        "late": [ev("late", P(2025, 2), "President Donald Trump designated six Mexican cartels "
                    "as foreign terrorist organizations.")],
        "middle": [ev("middle", P(2025, 2), "Trump designated six cartels as terrorist "
                      "organizations.")],
        "early": [ev("early", P(2025, 4), "Trump designated several Mexican cartels as "
                     "terrorist organizations, a move that underscores the crisis.")],
    }
    entries = timeline.build(events, SOURCES, limit=10)
    assert len(entries) == 1
    assert entries[0].date == P(2025, 2)
    assert entries[0].sources == ("middle", "late")
    assert entries[0].disputed == (("early", P(2025, 4)),)


def test_tie_between_dates_goes_to_the_source_with_more_copies() -> None:
    events = {
        "late": [ev("late", P(2025, 2), "Trump designated six Mexican cartels as terrorist "
                    "organizations.")],
        "early": [ev("early", P(2025, 4), "Trump designated several Mexican cartels as "
                     "terrorist organizations.")],
    }
    (entry,) = timeline.build(events, SOURCES, limit=10)
    assert entry.date == P(2025, 2)
    assert entry.disputed == (("early", P(2025, 4)),)


@pytest.mark.parametrize(("first", "second"), [
    # Same people, different happenings, different months: not a dispute.
    ("Trump designated six Mexican cartels as terrorist organizations.",
     "Sheinbaum revealed she had rejected an offer from President Trump to send troops."),
    # Same source cannot disagree with itself.
    ("Rebels took the airport after heavy fighting.",
     "Rebels took the airport again after heavy fighting."),
])
def test_different_happenings_stay_apart(first: str, second: str) -> None:
    same_source = "Rebels" in first
    events = {"late": [ev("late", P(2025, 2), first)],
              "late" if same_source else "early": [ev("x", P(2025, 5), second)]}
    if same_source:
        events = {"late": [ev("late", P(2025, 2), first), ev("late", P(2025, 5), second)]}
    entries = timeline.build(events, SOURCES, limit=10)
    assert len(entries) == 2
    assert all(e.disputed == () for e in entries)


def test_sole_reports_of_a_day_naming_the_same_actor_merge() -> None:
    events = {
        "late": [ev("late", P(2025, 11, 13), "The U.S. will not send forces to Mexico, "
                    "Secretary of State Marco Rubio said.")],
        "middle": [ev("middle", P(2025, 11, 13), "Rubio spoke to the media at the airport in "
                      "Hamilton, Ontario.")],
    }
    (entry,) = timeline.build(events, SOURCES, limit=10)
    assert entry.sources == ("middle", "late")


def test_chronological_with_month_before_its_days_and_limit_keeps_multi_source() -> None:
    events = {
        "early": [ev("early", P(2025, 11, 3), "The army began shelling the northern city."),
                  ev("early", P(2025, 11), "Fighting spread across the whole northern region."),
                  ev("early", P(2025, 10, 2), "The parliament voted to dissolve itself early.")],
        "late": [ev("late", P(2025, 11, 3), "The army began heavy shelling of the northern "
                    "city.")],
    }
    entries = timeline.build(events, SOURCES, limit=10)
    assert [str(e.date) for e in entries] == ["2025-10-02", "2025-11", "2025-11-03"]
    short = timeline.build(events, SOURCES, limit=1)
    assert [(str(e.date), e.sources) for e in short] == [("2025-11-03", ("early", "late"))]


def test_entry_text_prefers_clean_wording() -> None:
    events = {
        "late": [ev("late", P(2025, 11, 4), 'Sheinbaum said "That won"t happen" about the '
                    "reported military plan.")],
        "early": [ev("early", P(2025, 11, 4), "Sheinbaum said that won't happen about the "
                     "reported military plan.")],
    }
    (entry,) = timeline.build(events, SOURCES, limit=10)
    assert entry.text.startswith("Sheinbaum said that won't")


def test_no_events_no_entries() -> None:
    assert timeline.build({}, SOURCES, limit=10) == ()


def test_date_salience_counts_references_from_other_days_and_publications() -> None:
    day, other = P(2011, 2, 11), P(2011, 2, 12)
    articles = [
        (other, [ev("a", day, "Mubarak resigned after weeks of protest."),
                 ev("a", day, "Crowds celebrated in Tahrir Square all night.")]),
        (P(2011, 2, 14), [ev("b", day, "Since Mubarak resigned, the army rules.")]),
        (day, [ev("c", day, "Mubarak resigned today.")]),
        (other, [ev("d", P(2011, 2), "Protests grew all month long.")]),
    ]
    scores = timeline.date_salience(articles)
    near, far = (1 + timeline.LAG_WEIGHT * math.log1p(days) for days in (1, 3))
    assert scores[day] == pytest.approx(near + far + timeline.SAME_DAY_WEIGHT
                                        + timeline.PUBLICATION_WEIGHT)
    assert scores[other] == 2 * timeline.PUBLICATION_WEIGHT
    assert P(2011, 2) not in scores
    bounded = timeline.date_salience(articles, last=day.earliest())
    assert other not in bounded


@pytest.mark.parametrize(("predicted", "gold", "expected"), [
    ({"2011-02-11", "2011-02-12"}, {"2011-02-11", "2011-01-25"}, 0.5),
    ({"2011-02-11"}, {"2011-02-11"}, 1.0),
    (set(), {"2011-02-11"}, 0.0),
])
def test_benchmark_date_f1(predicted: set[str], gold: set[str], expected: float) -> None:
    assert _bench().date_f1(predicted, gold) == pytest.approx(expected)


def test_benchmark_reads_gold_blocks_and_detokenizes() -> None:
    bench = _bench()
    gold = bench.read_gold(Path(__file__).parents[1] / "data" / "timeline" / "gold_sample.txt")
    assert sorted(gold) == ["2011-01-25", "2011-02-11"]
    assert len(gold["2011-02-11"]) == 2
    assert bench.detokenize("Mubarak -LRB- 82 -RRB- quit on Feb . 11 , officials said .") == (
        "Mubarak (82) quit on Feb. 11, officials said.")


def _bench() -> ModuleType:
    """benchmarks.timeline (the repo root is on sys.path: pyproject's pytest pythonpath)."""
    return importlib.import_module("benchmarks.timeline")


def test_large_story_compares_only_events_of_most_referred_dates(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline, "MAX_EVENTS_COMPARED", 3)
    events = {
        "late": [ev("late", P(2025, 11, 3), "The army began shelling the northern city."),
                 ev("late", P(2025, 10, 1), "Talks about a ceasefire collapsed in the capital.")],
        "early": [ev("early", P(2025, 11, 3), "The army began heavy shelling of the city.")],
        "middle": [ev("middle", P(2025, 11, 3), "Then the army began shelling the city."),
                   ev("middle", P(2025, 9, 9), "Rebels rejected a ceasefire in the capital.")],
    }
    entries = timeline.build(events, SOURCES, limit=10)
    assert [(str(e.date), len(e.sources)) for e in entries] == [("2025-11-03", 3)]


def test_limit_prefers_days_other_sources_refer_to_over_old_background() -> None:
    events = {
        "early": [ev("early", P(1918, 9, 1), "A flu pandemic killed millions of people "
                     "around the world.")],
        "middle": [ev("middle", P(2025, 11, 1), "Crowds marched through the streets after "
                      "the shooting.")],
        "late": [ev("late", P(2025, 11, 1), "The mayor was shot dead in the town square.")],
    }
    entries = timeline.build(events, SOURCES, limit=1)
    assert [str(e.date) for e in entries] == ["2025-11-01"]


def test_limit_spreads_over_dates_when_every_source_recalls_day_one() -> None:
    recall = "An explosion sank the rig and killed eleven workers."
    events = {
        "early": [ev("early", P(2025, 4, 20), recall),
                  ev("early", P(2025, 4, 20), "Coast guard ships searched the gulf all night.")],
        "middle": [ev("middle", P(2025, 4, 20), recall),
                   ev("middle", P(2025, 5, 2), "The company began drilling a relief well.")],
        "late": [ev("late", P(2025, 4, 20), recall),
                 ev("late", P(2025, 4, 20), "Workers were flown to hospitals on the shore."),
                 ev("late", P(2025, 7, 15), "A new cap stopped the flow of oil at last.")],
    }
    entries = timeline.build(events, SOURCES, limit=3)
    assert {str(e.date) for e in entries} == {"2025-04-20", "2025-05-02", "2025-07-15"}


def test_one_statement_of_two_dates_is_one_entry_of_a_cut() -> None:
    said = "The cap was fitted at 1930 on 1 June, early on 2 June in London."
    events = {
        "early": [dataclasses.replace(ev("early", P(2025, 6, 1), said), start=10, end=70),
                  dataclasses.replace(ev("early", P(2025, 6, 2), said), start=10, end=70),
                  dataclasses.replace(ev("early", P(2025, 5, 20), "Engineers lowered a new "
                                         "dome over the broken well."), start=80, end=120)],
    }
    entries = timeline.build(events, SOURCES, limit=2)
    assert [str(e.date) for e in entries] == ["2025-05-20", "2025-06-01"]


def test_limit_keeps_a_one_day_story_whole() -> None:
    events = {
        "early": [ev("early", P(2025, 11, 1), "The mayor was shot dead in the town square.")],
        "middle": [ev("middle", P(2025, 11, 1), "Crowds marched through the streets.")],
        "late": [ev("late", P(2025, 11, 1), "Police arrested a suspect near the station.")],
    }
    assert len(timeline.build(events, SOURCES, limit=3)) == 3


def test_terms_only_choose_what_a_cut_keeps_never_the_order() -> None:
    # Two happenings of one day from one source: only the text can order them.
    events = {"early": [
        ev("early", P(2025, 11, 3), "The navy moved two destroyers into the Gulf of Mexico."),
        ev("early", P(2025, 11, 3), "Cartel leaders were named as targets by the White House.")]}
    navy = timeline.build(events, SOURCES, limit=10, terms=("navy", "destroyers"))
    cartel = timeline.build(events, SOURCES, limit=10, terms=("Cartel", "White House"))
    assert navy == cartel and len(navy) == 2
    assert [e.text[:4] for e in timeline.build(events, SOURCES, limit=1, terms=("navy",))] == [
        "The "]


def dated(sid: str, date: PartialDate, text: str, date_text: str) -> Event:
    return Event(date=date, text=text, article_id=sid, date_text=date_text)


DESIGNATED = "Trump designated six Mexican cartels as foreign terrorist organizations."


@pytest.mark.parametrize(("date_text", "explicit"), [
    ("February", True), ("Nov. 3", True), ("15 January 2012", True), ("'09", True),
    ("3/11", True), ("2011", True), ("today", False), ("on Thursday", False),
    ("last year", False), ("this month", False), ("", True),
])
def test_explicit_dates_name_their_value(date_text: str, explicit: bool) -> None:
    event = dated("a", P(2025, 2), DESIGNATED, date_text)
    assert timeline.is_explicit(event) is explicit


def test_a_later_article_restating_a_fact_today_is_no_dispute() -> None:
    events = {"early": [dated("early", P(2025, 2), DESIGNATED, "February")],
              "middle": [dated("middle", P(2025, 2), DESIGNATED, "In February")],
              "late": [dated("late", P(2025, 11, 14), DESIGNATED, "today")]}
    entries = timeline.build(events, SOURCES, limit=10)
    assert all(e.disputed == () for e in entries)
    assert (str(entries[0].date), entries[0].sources) == ("2025-02", ("early", "middle"))


def test_two_explicit_dates_for_one_fact_are_a_dispute() -> None:
    events = {"early": [dated("early", P(2025, 2), DESIGNATED, "February")],
              "middle": [dated("middle", P(2025, 2), DESIGNATED, "In February")],
              "late": [dated("late", P(2025, 4), DESIGNATED, "April 2025")]}
    (entry,) = timeline.build(events, SOURCES, limit=10)
    assert entry.date == P(2025, 2) and entry.disputed == (("late", P(2025, 4)),)


def test_a_news_peg_agrees_with_an_older_date_but_never_refines_it() -> None:
    events = {"early": [dated("early", P(2025), DESIGNATED, "in 2025")],
              "late": [dated("late", P(2025, 11, 14), DESIGNATED, "on Friday")]}
    (entry,) = timeline.build(events, SOURCES, limit=10)
    assert entry.date == P(2025) and entry.sources == ("early", "late")


@pytest.mark.parametrize(("first", "second"), [
    # Two days' prices: the amounts differ.
    ("U.S. crude rose $1.86 to settle at $84.12 a barrel.",
     "U.S. crude rose $1.02 to settle at $85.44 a barrel."),
    # A running count since a date says nothing happened on that date.
    ("More than 7,000 people have been killed since the uprising began.",
     "More than 7,000 people have been killed since the uprising began in the south."),
])
def test_similar_texts_that_are_not_one_fact_never_dispute(first: str, second: str) -> None:
    events = {"early": [dated("early", P(2025, 2), first, "February")],
              "late": [dated("late", P(2025, 4), second, "April")]}
    entries = timeline.build(events, SOURCES, limit=10)
    assert len(entries) == 2 and all(e.disputed == () for e in entries)


def test_an_event_over_the_word_limit_makes_no_entry() -> None:
    long_text = " ".join(["The army shelled the city"] * 13) + "."
    events = {"early": [ev("early", P(2025, 11, 3), long_text),
                        ev("early", P(2025, 11, 4), "The army shelled the northern city.")]}
    entries = timeline.build(events, SOURCES, limit=10)
    assert [str(e.date) for e in entries] == ["2025-11-04"]


@pytest.mark.parametrize("fragment", [
    "N) exploded in flames and sank two days later, leading to a massive oil spill.",
    "exploded in flames and sank two days later, leading to a massive oil spill.",
    "\\* Rig explodes in flames \\* Oil spill threatens the coast",
    "12) Rig exploded in flames and sank two days later.",
    "| by: Jane Doe The rig exploded in flames and sank two days later.",
])
def test_an_event_starting_mid_clause_makes_no_entry(fragment: str) -> None:
    events = {"early": [ev("early", P(2025, 4, 20), fragment)],
              "late": [ev("late", P(2025, 4, 21), "eBay shares rose after the company "
                          "reported strong sales.")]}
    entries = timeline.build(events, SOURCES, limit=10)
    assert [e.text for e in entries] == ["eBay shares rose after the company reported strong "
                                         "sales."]


@pytest.mark.parametrize("unreadable", [
    # A caption glued to the sentence with no stop between.
    "The doctor is charged with manslaughter The singer died that year, the coroner said.",
    # A list introduction run into the list's first item.
    "Below is a timeline of the spill and its impact: - Explosion and fire on the rig.",
    # A picture's caption.
    "Photo: Northern Illinois field taken by a reader.",
    # A footer's contact prompt run into a sentence.
    "War of the Worlds is released on 1 July Letters for publication should be sent to: "
    "letters@paper.example If you need help using the site: help@paper.example",
    # A wire roundup's heading.
    "Events May 4, Day 15 of a Gulf of Mexico oil spill that began with an explosion.",
])
def test_glued_sentences_list_introductions_and_teasers_are_no_entries(
        unreadable: str) -> None:
    readable = "The rig exploded and sank, and eleven workers were killed in the blast."
    events = {"early": [ev("early", P(2025, 11, 3), unreadable)],
              "middle": [ev("middle", P(2025, 11, 5), readable)]}
    entries = timeline.build(events, SOURCES, limit=10)
    assert [e.text for e in entries] == [readable]


def test_an_entry_naming_a_newspaper_is_readable() -> None:
    text = "The plane was grounded after The New York Times reported its registration expired."
    entries = timeline.build({"early": [ev("early", P(2025, 11, 3), text)]}, SOURCES, limit=10)
    assert [e.text for e in entries] == [text]


def test_a_headline_glued_to_its_lede_by_a_frequent_word_is_no_entry() -> None:
    # "Some" and "But" open sentences here; inside sentences the page writes them in lower
    # case only, so capitalised between lower-case words they start a glued sentence.
    glued = ("Charities step up aid after quake Some three million people are thought to "
             "be in need of aid.")
    page = (f"{glued} Some aid arrived. But some of it was late, but it came. The UN "
            "appealed for some $562m. The House of Commons met on 3 November 2025.")
    house = "The House of Commons met on 3 November 2025."
    sources = [Source(make_article(id="bbc", text=page, published=P(2025, 11, 4)),
                      reference=P(2025, 11, 4))]
    events = {"bbc": [ev("bbc", P(2025, 11, 3), glued), ev("bbc", P(2025, 11, 3), house)]}
    entries = timeline.build(events, sources, limit=10)
    assert [e.text for e in entries] == [house]
