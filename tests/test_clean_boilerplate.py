"""Boilerplate rules, each on realistic snippets of several outlets' shapes."""

from __future__ import annotations

import pytest

from generator import boilerplate as bp


@pytest.mark.parametrize(("line", "expected"), [
    ("20 COMMENTS", True),
    ("1 comment", True),
    ("Comments (3)", True),
    ("View all 112 comments", True),
    ("Leave a comment", True),
    ("Join the conversation", True),
    ("Comments are closed.", True),
    ("The bill drew 20 comments from lawmakers before the vote.", False),
    ("Comments from the minister angered the union.", False),
])
def test_is_comment_counter(line: str, expected: bool) -> None:
    assert bp.is_comment_counter(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Have something to say? Members get all access to make & read comments.", True),
    ("Subscribe now for unlimited digital access.", True),
    ("Already a subscriber? Log in to continue reading.", True),
    ("This article is only available to subscribers.", True),
    ("Sign up for our free morning newsletter.", True),
    ("Continue reading the main story", True),
    ("Support independent journalism: become a member today.", True),
    ("The streaming service lost a million subscribers in the quarter, it said on Tuesday.",
     False),
    ("Readers who subscribe to the paper pay $4 a week, up from $3 last year, the publisher said.",
     False),
])
def test_is_subscription_prompt(line: str, expected: bool) -> None:
    assert bp.is_subscription_prompt(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("BY: 5 min read", True),
    ("4 min read", True),
    ("Reading time: 3 minutes", True),
    ("By Jane Doe", True),
    ("By JANE DOE and Juan Pérez | Reuters", True),
    ("Written by Amira Hassan", True),
    ("By the end of the year, prices had doubled.", False),
    ("By Tuesday, officials had agreed on a plan.", False),
    ("By then the storm had passed", False),
])
def test_is_byline(line: str, expected: bool) -> None:
    assert bp.is_byline(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("By Jane Doe and John Roe | Reuters", "Jane Doe and John Roe"),
    ("By: Amira Hassan, Staff Writer", "Amira Hassan, Staff Writer"),
    ("By the end of the day", None),
])
def test_byline_names(line: str, expected: str | None) -> None:
    assert bp.byline_names(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Featured image for: Storm batters the coast", True),
    ("Image for Storm batters the coast", True),
    ("Photo: Juan Pérez/Reuters", True),
    ("Photograph: Alamy", True),
    ("(Getty Images)", True),
    ("AP Photo/Evan Vucci", True),
    ("3 of 12", True),
    ("Photo of the suspect's car was released by police on Monday.", False),
    ("Image rights were at the heart of the lawsuit, the court heard.", False),
])
def test_is_image_label(line: str, expected: bool) -> None:
    assert bp.is_image_label(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("For more background, see our coverage of the 2024 election.", True),
    ("Read more: Ferry fares to rise in spring", True),
    ("RELATED: Ten things to know about the budget", True),
    ("Click here to watch the full interview.", True),
    ("Follow us on Instagram", True),
    ("Share this article", True),
    ("Tweet | Email | Print", True),
    ("Investigators read our messages, the activist claimed.", False),
    ("Related parties must disclose their holdings, the regulator said.", False),
])
def test_is_promo(line: str, expected: bool) -> None:
    assert bp.is_promo(line) is expected


@pytest.mark.parametrize(("line", "expected"), [
    ("BETA Version - Powered by SearchCo", True),
    ("Advertisement", True),
    ("Skip to main content", True),
    ("We use cookies to improve your experience.", True),
    ("© 2025 Valley Gazette. All rights reserved.", True),
    ("Copyright 2025 The Associated Press. All rights reserved. This material may not be "
     "published, broadcast, rewritten or redistributed.", True),
    ("Copyright infringement cases rose sharply last year, the report said.", False),
    ("The plant is powered by coal and supplies half the region's electricity, officials say.",
     False),
])
def test_is_banner(line: str, expected: bool) -> None:
    assert bp.is_banner(line) is expected


def test_line_rule_names_the_rule() -> None:
    assert bp.line_rule("3 Comments") == "comment counter"
    assert bp.line_rule("The council met on Monday.") is None
    assert bp.line_rule("") is None


@pytest.mark.parametrize(("line", "credit"), [
    ("The president waves from the stage in Detroit. (AP Photo/Paul Sancya)",
     "AP Photo/Paul Sancya"),
    ("Firefighters battle the blaze on Sunday. (Getty Images)", "Getty Images"),
    ("A drone over the harbour. (X)", "X"),
    ("The minister, second from left, at the summit in Ottawa. (FMinister/on X)",
     "FMinister/on X"),
    ("The agency said the deal was worth $2 billion. (Reuters)", None),
    ("The group is listed as a Foreign Terrorist Organization (FTO)", None),
    ("Officials from the Central Intelligence Agency (CIA)", None),
])
def test_caption_credit(line: str, credit: str | None) -> None:
    assert bp.caption_credit(line) == credit


def test_strip_captions_takes_the_alt_text_line_above() -> None:
    lines = ["First paragraph of the story.", "", "Protesters in the main square",
             "Thousands marched through the capital on Saturday. (Photo by Ana Ruiz/AFP)", "",
             "Second paragraph of the story."]
    assert bp.strip_captions(lines) == ["First paragraph of the story.", "", "",
                                        "Second paragraph of the story."]


def test_strip_captions_keeps_a_sentence_above() -> None:
    lines = ["The mayor spoke on Monday.", "Crowds gathered at dawn. (Getty Images)"]
    assert bp.strip_captions(lines) == ["The mayor spoke on Monday."]


def test_strip_social_embeds_with_lead_in_keeps_date() -> None:
    lines = ["The minister answered critics online.", "Here is what she wrote:",
             "We will not be intimidated. The budget stands. pic.twitter.com/AbC123xyz",
             "— Jane Minister (@janeminister) March 3, 2025",
             "Opposition leaders called the post provocative."]
    out, dates = bp.strip_social_embeds(lines)
    assert out == ["The minister answered critics online.",
                   "Opposition leaders called the post provocative."]
    assert dates == ["2025-03-03"]


def test_strip_social_embeds_without_lead_in() -> None:
    lines = ["Para one is here.", "", "Big news today https://t.co/xyz789",
             "— City Police (@citypolice) Jan. 9, 2024", "", "Para two."]
    out, dates = bp.strip_social_embeds(lines)
    assert [line for line in out if line] == ["Para one is here.", "Para two."]
    assert dates == ["2024-01-09"]


def test_pic_links_are_removed_inline() -> None:
    out, _ = bp.strip_social_embeds(["Look at this pic.twitter.com/abc123"])
    assert out == ["Look at this"]
    assert bp.is_embed_chrome("pic.twitter.com/abc123")
    assert bp.is_embed_chrome("View this post on Instagram")


TEASER_PAGE = [
    "Body paragraph one about the election result.", "",
    "Body paragraph two with the reactions.", "",
    "Body paragraph three with the outlook.", "",
    "Body paragraph four with more details.", "",
    "harbour cranes", "", "Dockworkers end strike after 12 days", "", "4",
    "The deal raises wages by nine percent over three years.",
    "rail yard", "", "Rail freight volumes hit a record in March", "", "0",
    "Operators credited new lines to the port.",
]


def test_strip_teaser_tail_headline_count_blurb_units() -> None:
    assert bp.strip_teaser_tail(TEASER_PAGE) == TEASER_PAGE[:7]


@pytest.mark.parametrize("header", ["Related Articles", "More from Valley Gazette",
                                    "You may also like", "Most read"])
def test_strip_teaser_tail_after_a_header(header: str) -> None:
    lines = [*TEASER_PAGE[:8], header, "Ferry fares to rise", "New bridge opens"]
    assert bp.strip_teaser_tail(lines) == TEASER_PAGE[:7]


def test_strip_teaser_tail_keeps_numbers_inside_the_body() -> None:
    lines = ["Results by district:", "North", "", "12", "The northern district counted late.",
             "", "Body continues with a long analysis paragraph.", "", "More analysis.",
             "", "Final words of the article.", "", "And a last paragraph."]
    assert bp.strip_teaser_tail(lines) == lines


@pytest.mark.parametrize(("line", "expected"), [
    ("Mexico searches for lone survivor of US strikes on alleged drug boats that killed 14",
     True),
    ("Ferry operator fined after passengers stranded at sea for nine hours overnight", True),
    ("Mission would be secretive, sources say", False),
    ("Key details", False),
    ("The ferry operator was fined after passengers were stranded at sea for nine hours.",
     False),
])
def test_is_related_headline(line: str, expected: bool) -> None:
    assert bp.is_related_headline(line) is expected


def test_strip_related_headlines_only_in_punctuated_text() -> None:
    body = ["First sentence of the story.", "",
            "Ferry operator fined after passengers stranded at sea for nine hours overnight", "",
            "Second sentence of the story.", "", "Third one."]
    assert "Ferry operator" not in " ".join(bp.strip_related_headlines(body))
    unpunctuated = [line.rstrip(".") for line in body]
    assert bp.strip_related_headlines(unpunctuated) == unpunctuated
