"""Events: the dated clause of a sentence, trimmed to what happened."""

from __future__ import annotations

import pytest

from generator.extract.events import find_events, is_dateline
from generator.model import DateMention, PartialDate, Quote
from generator.text import sentences

REF = PartialDate(2025, 11, 14)


def mention(text: str, surface: str, value: str, occurrence: int = 0) -> DateMention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return DateMention(start, start + len(surface), surface, value)


@pytest.mark.parametrize(("text", "expected"), [
    ("The U.S. will not send troops, Mr. Rubio said. Mexico agreed.",
     ["The U.S. will not send troops, Mr. Rubio said.", "Mexico agreed."]),
    ("It happened on Nov. 3 in Hamilton. Then on Sept. 4 it ended.",
     ["It happened on Nov. 3 in Hamilton.", "Then on Sept. 4 it ended."]),
    ("He said “no.” She left.\nA new paragraph", ["He said “no.”", "She left.",
                                                  "A new paragraph"]),
    ("Prices rose 2.5 percent in 2024. Analysts were surprised.",
     ["Prices rose 2.5 percent in 2024.", "Analysts were surprised."]),
])
def test_sentence_split_keeps_abbreviations(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences.split(text)] == expected


@pytest.mark.parametrize(("text", "surface", "value", "expected"), [
    # Leading date phrase removed with its comma.
    ("In February, U.S. President Donald Trump designated six cartels as terrorist groups.",
     "February", "2025-02", "U.S. President Donald Trump designated six cartels as terrorist "
     "groups."),
    # Attribution kept, its date removed; "Citing ..." dropped.
    ("Citing two officials, NBC News reported on Nov. 3 that the army began planning a mission.",
     "Nov. 3", "2025-11-03", "NBC News reported that the army began planning a mission."),
    # Trailing date with preposition.
    ("The minister resigned after a week of protests on Monday.", "Monday", "2025-11-10",
     "The minister resigned after a week of protests."),
    # A date modifying a noun dates that noun phrase, not the whole sentence.
    ("The senator voiced concern when asked about the Nov. 1 murder of the town's mayor.",
     "Nov. 1", "2025-11-01", "Murder of the town's mayor."),
    # A date inside a phrase stays where it is.
    ("During much of 2025 there has been speculation about a ground operation.", "2025",
     "2025", "During much of 2025 there has been speculation about a ground operation."),
])
def test_event_text_is_trimmed(text: str, surface: str, value: str, expected: str) -> None:
    events = find_events(text, "a1", [mention(text, surface, value)], REF)
    assert [e.text for e in events] == [expected]
    assert str(events[0].date) == value


def test_dateline_is_not_an_event_and_is_cut_from_the_sentence() -> None:
    text = "date 2025-11-14 The U.S. will not send troops, the minister said on Thursday."
    found = [mention(text, "2025-11-14", "2025-11-14"), mention(text, "Thursday", "2025-11-13")]
    assert is_dateline(text, found[0])
    events = find_events(text, "a1", found, REF)
    assert [(str(e.date), e.text) for e in events] == [
        ("2025-11-13", "The U.S. will not send troops, the minister said.")]


def test_header_line_alone_is_skipped() -> None:
    text = "Thursday, February 5, 2026\n\nThe council approved the budget on Thursday."
    found = [mention(text, "Thursday, February 5, 2026", "2026-02-05")]
    assert find_events(text, "a1", found, PartialDate(2026, 2, 5)) == ()


@pytest.mark.parametrize(("sentence", "value", "kept"), [
    # A yearless month the tagger put in the future, in a past-tense sentence: a year back.
    ("In February, the president designated six cartels as terrorist groups.", "2026-02",
     "2025-02"),
    # A plan is not a past event: dropped.
    ("The ministers will meet again on December 2 to sign the treaty.", "2025-12-02", None),
    # A yearless day weeks ahead stays there whatever the tense of "said": a plan, dropped.
    ("Talks resume on December 2, the ministry said.", "2025-12-02", None),
    # An explicit future year the tagger cannot have guessed: dropped.
    ("The agency said the program ended in March 2026 after many delays.", "2026-03", None),
])
def test_nothing_is_dated_after_the_reference(sentence: str, value: str,
                                              kept: str | None) -> None:
    surface = {"2026-02": "February", "2025-12-02": "December 2", "2026-03": "March 2026"}[value]
    events = find_events(sentence, "a1", [mention(sentence, surface, value)], REF)
    assert [str(e.date) for e in events] == ([kept] if kept else [])


def test_dates_inside_quotes_and_durations_are_skipped() -> None:
    text = "“We met on Monday and agreed on everything,” he said. Talks lasted three days."
    found = [mention(text, "Monday", "2025-11-10"),
             DateMention(text.index("three days"), text.index("three days") + 10, "three days",
                         "P3D", "DURATION")]
    quote = Quote(1, text.index("”"), text[1:text.index("”")], "he")
    assert find_events(text, "a1", found, REF, quotes=[quote]) == ()


def test_two_dates_in_one_sentence_get_their_own_clause() -> None:
    text = ("The army withdrew from the northern town on Monday, while the rebels took the "
            "airport on Wednesday and declared victory.")
    found = [mention(text, "Monday", "2025-11-10"), mention(text, "Wednesday", "2025-11-12")]
    events = find_events(text, "a1", found, REF)
    assert [(str(e.date), e.text) for e in events] == [
        ("2025-11-10", "The army withdrew from the northern town."),
        ("2025-11-12", "While the rebels took the airport and declared victory."),
    ]


def test_social_signature_is_not_an_event() -> None:
    text = "— Intel open source (@Osint613) November 13, 2025"
    found = [mention(text, "November 13, 2025", "2025-11-13")]
    assert find_events(text, "a1", found, REF) == ()


@pytest.mark.parametrize(("text", "surface", "value", "expected"), [
    ("GENEVA | Tue 1:47 pm EDT GENEVA (Reuters) - The WHO declared a flu pandemic on Thursday.",
     "Thursday", "2009-06-11", "The WHO declared a flu pandemic."),
    ("Since Monday's figures were collated, Turkey has confirmed its first two cases.",
     "Monday", "2009-05-11", "Since Monday's figures were collated, Turkey has confirmed its "
     "first two cases."),
])
def test_wire_datelines_and_possessive_dates(text: str, surface: str, value: str,
                                             expected: str) -> None:
    events = find_events(text, "a1", [mention(text, surface, value)], PartialDate(2009, 6, 12))
    assert [e.text for e in events] == [expected]


@pytest.mark.parametrize(("before", "expected"), [
    ("However, President Claudia Sheinbaum has asserted that such operations won't occur. ",
     "Claudia Sheinbaum revealed that she had rejected an offer of troops."),
    # Two people named before: no safe antecedent, the pronoun stays.
    ("Claudia Sheinbaum spoke with Donald Trump by phone about the border. ",
     "She revealed that she had rejected an offer of troops."),
])
def test_leading_pronoun_resolved_only_when_unambiguous(before: str, expected: str) -> None:
    text = before + "In May, she revealed that she had rejected an offer of troops."
    events = find_events(text, "a1", [mention(text, "May", "2025-05")], REF)
    assert [e.text for e in events] == [expected]


def test_listed_dates_keep_the_list_whole() -> None:
    text = "There were three flu pandemics in the 20th century, in 1918, 1957 and 1968."
    found = [mention(text, "1918", "1918"), mention(text, "1957", "1957"),
             mention(text, "1968", "1968")]
    events = find_events(text, "a1", found, REF)
    assert [str(e.date) for e in events] == ["1918", "1957", "1968"]
    assert {e.text for e in events} == {text}


@pytest.mark.parametrize("untagged", ["March", "2024"])
def test_a_list_keeps_its_dates_when_one_item_was_not_tagged(untagged: str) -> None:
    # "March" alone may be the verb, so the tagger can leave it out of the list.
    text = (f"Inspectors found no violations when they visited the rig in February, "
            f"{untagged} and April.")
    found = [mention(text, "February", "2025-02"), mention(text, "April", "2025-04")]
    assert {e.text for e in find_events(text, "a1", found, REF)} == {text}


def test_citing_clause_with_a_list_is_stripped_up_to_the_reporter() -> None:
    text = ("In April, citing six current and former military, police and intelligence "
            "officials, NBC reported that the government was considering drone strikes.")
    events = find_events(text, "a1", [mention(text, "April", "2025-04")], REF)
    assert [e.text for e in events] == [
        "NBC reported that the government was considering drone strikes."]


BULLETINS = ("The mission ended. 26 December: Arab League observers arrive in Syria, fanning out "
             "within days 29 December: Mission head says he saw nothing frightening, sparking "
             "outcry 5 January: Opposition leader tells the BBC the mission must prove itself "
             "24 January: Gulf states pull out of the mission over the crackdown The diplomatic "
             "focus now seems to be switching to the UN Security Council.")


def test_a_list_of_dated_bulletins_gives_one_event_per_bulletin() -> None:
    found = [mention(BULLETINS, surface, value) for surface, value in (
        ("26 December", "2011-12-26"), ("29 December", "2011-12-29"),
        ("5 January", "2012-01-05"), ("24 January", "2012-01-24"))]
    events = find_events(BULLETINS, "a1", found, PartialDate(2012, 1, 30))
    assert [(str(e.date), e.text) for e in events] == [
        ("2011-12-26", "Arab League observers arrive in Syria, fanning out within days."),
        ("2011-12-29", "Mission head says he saw nothing frightening, sparking outcry."),
        ("2012-01-05", "Opposition leader tells the BBC the mission must prove itself."),
        ("2012-01-24", "Gulf states pull out of the mission over the crackdown.")]


def test_a_span_the_splitter_left_whole_is_cut_to_the_sentence_of_the_date() -> None:
    # Tokenised quotes hide the sentence ends from the splitter: one 90-word "sentence".
    filler = "The talks went on for hours in the capital without any result at all . '' "
    text = (f"`` We will not give up , '' he said . `` {filler * 2}On Monday the army shelled "
            f"the northern city of Homs again . `` {filler * 2}")
    found = [mention(text, "Monday", "2012-02-06")]
    (event,) = find_events(text, "a1", found, PartialDate(2012, 2, 8))
    assert event.text == "The army shelled the northern city of Homs again."




@pytest.mark.parametrize(("text", "baseline"), [
    ("Oil prices rose on Monday to their highest level since September 2008.", "September 2008"),
    ("It was the first visit by a U.S. president since 1995 to the country.", "1995"),
    ("The two leaders have not met since March 2010.", "March 2010"),
])
def test_the_baseline_of_a_comparison_dates_no_event(text: str, baseline: str) -> None:
    value = {"September 2008": "2008-09", "1995": "1995", "March 2010": "2010-03"}[baseline]
    found = [mention(text, baseline, value)]
    if "Monday" in text:
        found.append(mention(text, "Monday", "2025-11-10"))
    assert [str(e.date) for e in find_events(text, "a1", found, REF)] == (
        ["2025-11-10"] if "Monday" in text else [])


def test_a_state_since_a_date_still_dates_its_start() -> None:
    text = "He has been held in custody since March 2010, his lawyer said."
    events = find_events(text, "a1", [mention(text, "March 2010", "2010-03")], REF)
    assert [str(e.date) for e in events] == ["2010-03"]
