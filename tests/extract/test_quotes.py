"""Tests for generator.extract.quotes: which quoted passages are quotations, and who said them."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from generator.extract.quotes import find_quotes
from generator.model import Quote

DATA = Path(__file__).parents[1] / "data" / "quotes"


def _pairs(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # Curly quotes, cue after the quote, pronoun resolved to the titled name before it.
    ("U.S. Secretary of State Marco Rubio spoke on Thursday.\n\n"
     "“We will not act alone in this matter,” he said.",
     [("We will not act alone in this matter", "Marco Rubio")]),
    # Straight quotes, inverted cue.
    ('"The budget is simply not enough for the schools," said Mayor Jane Doyle.',
     [("The budget is simply not enough for the schools", "Jane Doyle")]),
    # Cue before the quote with a colon.
    ("Senator Ana Ruiz told reporters: “This bill will pass before the summer recess.”",
     [("This bill will pass before the summer recess.", "Ana Ruiz")]),
    # Guillemets.
    ("Le ministre Paul Martin said: «We are ready to talk to everyone at the table.»",
     [("We are ready to talk to everyone at the table.", "Paul Martin")]),
    # Split quote: two quotes, same speaker.
    ("“The plan is dead,” Ortiz said. “We need another one before winter comes.”",
     [("The plan is dead", "Ortiz"), ("We need another one before winter comes.", "Ortiz")]),
    # Partial quote inside reported speech.
    ("Governor Tom Reyes decried that “no one is talking about the rising cost of rent.”",
     [("no one is talking about the rising cost of rent.", "Tom Reyes")]),
    # According to an organisation.
    ("According to NBC News, “the mission has not been approved by anyone yet.”",
     [("the mission has not been approved by anyone yet.", "NBC News")]),
    # Organisation with a reporting verb.
    ("“Talks will resume next week in Geneva,” the Foreign Ministry said.",
     [("Talks will resume next week in Geneva", "Foreign Ministry")]),
    # Posted on social media.
    ("Deputy Secretary Chris Landau wrote on social media that “we stand ready to help.”",
     [("we stand ready to help.", "Chris Landau")]),
])
def test_quote_shapes_and_speakers(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize("text", [
    "The “American Pie” star arrived late to the premiere.",
    "He criticised the so-called “deal” in his column.",
    "She appeared on CNN’s “State of the Union” on Sunday.",
    "The “best” part of the evening came at the very end.",
    'Cartel boss Dámaso "Mini Lic" López Serrano was sentenced.',
])
def test_titles_nicknames_and_scare_quotes_are_not_quotations(text: str) -> None:
    assert find_quotes(text) == []


def test_broken_apostrophe_does_not_break_pairing() -> None:
    text = 'Sheinbaum asserted, "That won"t happen," in response to the report.'
    assert _pairs(text) == [('That won"t happen', "Sheinbaum")]


def test_single_quotes_in_headline() -> None:
    text = ("Sheinbaum says US military action against cartels 'won't happen'\n\n"
            "Mexico's president spoke on Tuesday.")
    assert _pairs(text) == [("won't happen", "Sheinbaum")]


def test_quote_over_several_paragraphs_keeps_its_speaker() -> None:
    text = ("“We have made progress on trade and on security,” said Minister Ana Lima. "
            "“But there is more to do.\n\n“Next year we will open new talks with our "
            "neighbours.”")
    quotes = find_quotes(text)
    assert [q.speaker for q in quotes] == ["Ana Lima"] * 3
    assert quotes[-1].text.startswith("Next year")


def test_pronoun_never_returned() -> None:
    quotes = find_quotes("“It is over now and we move on,” she said.")
    assert [q.speaker for q in quotes] == [None]


def test_spans_point_at_the_quoted_words() -> None:
    text = "Ruiz said: “Enough is enough for all of us here.” Then she left."
    (quote,) = find_quotes(text)
    assert text[quote.start:quote.end] == quote.text


def test_benchmark_scoring_counts_matches_misses_and_speakers() -> None:
    scorer = importlib.import_module("benchmarks.quotes")
    Tally, parse_ann, score_article = scorer.Tally, scorer.parse_ann, scorer.score_article

    text = 'Ana Lima said "we will win this fight." He left. Officials said it was over.'
    content = text.index('"we')
    ann = (f"T1\tSource 0 8\tAna Lima\nT2\tCue 9 13\tsaid\n"
           f"T3\tContent {content} {content + 25}\t\"we will win this fight.\"\n"
           "T4\tAttribution 9 13\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
           "T5\tSource 50 59\tOfficials\nT6\tCue 60 64\tsaid\nT7\tContent 65 76\tit was over\n"
           "T8\tAttribution 60 64\tsaid\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n")
    gold = parse_ann(ann, text)
    assert [g.source for g in gold] == ["Ana Lima"]  # only the content with a quote mark
    tally = Tally()
    predicted = [Quote(content + 1, content + 24, "we will win this fight.", "Ana Lima"),
                 Quote(40, 44, "left", None)]
    score_article(text, gold, predicted, tally)
    figures = tally.figures()
    assert (tally.true_pos, tally.predicted, tally.found, tally.gold) == (1, 2, 1, 1)
    assert figures["precision"] == 0.5
    assert figures["speaker_accuracy"] == 1.0


def test_benchmark_leaves_single_quoted_predictions_unscored() -> None:
    scorer = importlib.import_module("benchmarks.quotes")
    text = "Lima says talks 'will not happen'\n\nNo quotes here."
    tally = scorer.Tally()
    scorer.score_article(text, [], find_quotes(text), tally)
    assert (tally.unscored, tally.predicted) == (1, 0)


def test_first_overlap_scorer_judges_the_first_part_against_capitalised_words() -> None:
    scorer = importlib.import_module("benchmarks.quotes")
    text = '"We will win," Lima said, "and we will win big." The CNN host laughed: "No way."'
    first, second = text.index("We will"), text.index("and we")
    host = text.index("No way")
    gold = [scorer.GoldQuote(((first, first + 13), (second, second + 19)), "Ana Lima"),
            scorer.GoldQuote(((host, host + 6),), "The CNN host")]
    predicted = [Quote(first, first + 12, "We will win", "Pedro Ruiz"),
                 Quote(second, second + 19, "and we will win big", "Ana Lima"),
                 Quote(host, host + 6, "No way", "Jake Marsh")]
    tally = scorer.Tally()
    scorer.score_article(text, gold, predicted, tally)
    figures = tally.figures()
    # Best overlap takes the longer second part (right); the first-overlap scorer takes the
    # first part (wrong), and also judges "The CNN host", whose capitalised word is CNN.
    assert (tally.named, tally.named_right) == (1, 1)
    assert (tally.capitalised, tally.first_right) == (2, 0)
    assert figures["first_overlap_accuracy"] == 0.0
    assert scorer.capitalised_words("the Vermont senator") == {"vermont"}


def test_indirect_draw_is_fixed_by_its_seed_and_judged_against_the_hand_labels(
        tmp_path: Path) -> None:
    indirect = importlib.import_module("benchmarks.quotes_indirect")
    item = indirect.Item
    items = [item("dev", f"doc{i}", i * 10, i * 10 + 5, "he", None if i % 3 == 0 else "Ana Lima")
             for i in range(30)]
    drawn = indirect.draw(items, 18, size=5)
    assert drawn == indirect.draw(list(reversed(items)), 18, size=5)  # input order is irrelevant
    assert drawn != indirect.draw(items, 7, size=5)
    assert all(i.speaker for i in drawn)  # unattributed quotes are never drawn
    labels = tmp_path / "labels.tsv"
    labels.write_text(
        "split\tdoc\tstart\tend\tcorrect\tchecked_answer\tverdict\tnote\n"
        "dev\tdoc1\t10\t15\tAna Lima\tAna Lima\tright\t\n"
        "dev\tdoc2\t20\t25\tPedro Ruiz\tAna Lima\twrong\t\n"
        "dev\tdoc4\t40\t45\t-\tAna Lima\twrong\ta crowd\n", encoding="utf-8")
    loaded = indirect.load_labels(labels)
    judge = indirect.judge
    assert judge(items[1], loaded[items[1].key]) == "right"
    assert judge(items[2], loaded[items[2].key]) == "wrong"
    assert judge(items[4], loaded[items[4].key]) == "wrong"  # a name where nobody is named
    assert judge(items[5], None) == "unlabelled"
    spokesperson = item("dev", "doc4", 40, 45, "a Lima aide", "Lima aide")
    assert judge(spokesperson, loaded[spokesperson.key]) == "description"
    government = item("dev", "doc2", 20, 25, "he", "Mexican government")
    assert judge(government, loaded[government.key]) == "wrong"  # not the source's description
    home = item("dev", "doc1", 10, 15, "she", "Ana Lima of Texas")
    assert judge(home, loaded[home.key]) == "right"
    # The pooled figure counts a quote two draws share once.
    pooled = indirect.score_pooled(items, (18, 18), loaded)
    assert pooled == indirect.score(items, 18, loaded) and sum(pooled.values()) == 20
