"""Block rules over neighbouring lines, on realistic snippets of several outlets' shapes."""

from __future__ import annotations

import pytest

from generator.clean import boilerplate
from generator.clean import page_blocks as pb


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
    assert pb.caption_credit(line) == credit


def test_strip_captions_takes_the_alt_text_line_above() -> None:
    lines = ["First paragraph of the story.", "", "Protesters in the main square",
             "Thousands marched through the capital on Saturday. (Photo by Ana Ruiz/AFP)", "",
             "Second paragraph of the story."]
    assert pb.strip_captions(lines) == ["First paragraph of the story.", "", "",
                                        "Second paragraph of the story."]


def test_strip_captions_keeps_a_sentence_above() -> None:
    lines = ["The mayor spoke on Monday.", "Crowds gathered at dawn. (Getty Images)"]
    assert pb.strip_captions(lines) == ["The mayor spoke on Monday."]


def test_strip_social_embeds_with_lead_in_keeps_date() -> None:
    lines = ["The minister answered critics online.", "Here is what she wrote:",
             "We will not be intimidated. The budget stands. pic.twitter.com/AbC123xyz",
             "— Jane Minister (@janeminister) March 3, 2025",
             "Opposition leaders called the post provocative."]
    out, dates = pb.strip_social_embeds(lines)
    assert out == ["The minister answered critics online.",
                   "Opposition leaders called the post provocative."]
    assert dates == ["2025-03-03"]


def test_strip_social_embeds_without_lead_in() -> None:
    lines = ["Para one is here.", "", "Big news today https://t.co/xyz789",
             "— City Police (@citypolice) Jan. 9, 2024", "", "Para two."]
    out, dates = pb.strip_social_embeds(lines)
    assert [line for line in out if line] == ["Para one is here.", "Para two."]
    assert dates == ["2024-01-09"]


def test_pic_links_are_removed_inline() -> None:
    out, _ = pb.strip_social_embeds(["Look at this pic.twitter.com/abc123"])
    assert out == ["Look at this"]
    assert boilerplate.is_embed_chrome("pic.twitter.com/abc123")
    assert boilerplate.is_embed_chrome("View this post on Instagram")


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
    assert pb.strip_teaser_tail(TEASER_PAGE) == TEASER_PAGE[:7]


@pytest.mark.parametrize("header", ["Related Articles", "More from Valley Gazette",
                                    "You may also like", "Most read"])
def test_strip_teaser_tail_after_a_header(header: str) -> None:
    lines = [*TEASER_PAGE[:8], header, "Ferry fares to rise", "New bridge opens"]
    assert pb.strip_teaser_tail(lines) == TEASER_PAGE[:7]


def test_strip_teaser_tail_keeps_numbers_inside_the_body() -> None:
    lines = ["Results by district:", "North", "", "12", "The northern district counted late.",
             "", "Body continues with a long analysis paragraph.", "", "More analysis.",
             "", "Final words of the article.", "", "And a last paragraph."]
    assert pb.strip_teaser_tail(lines) == lines


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
    assert pb.is_related_headline(line) is expected


def test_strip_related_headlines_only_in_punctuated_text() -> None:
    body = ["First sentence of the story.", "",
            "Ferry operator fined after passengers stranded at sea for nine hours overnight", "",
            "Second sentence of the story.", "", "Third one."]
    assert "Ferry operator" not in " ".join(pb.strip_related_headlines(body))
    unpunctuated = [line.rstrip(".") for line in body]
    assert pb.strip_related_headlines(unpunctuated) == unpunctuated


def test_strip_teaser_tail_with_comment_counts_and_ages() -> None:
    body = [f"Body paragraph {i} of the story, a full sentence." for i in range(6)]
    tail = ["Ferry fares to rise in spring", "12 comments", "Operators blame fuel costs.",
            "New bridge opens to traffic", "2 hours ago", "Commuters cheered at dawn."]
    assert pb.strip_teaser_tail([*body, *tail]) == body


FEED_BODY = "The council voted to close the bridge for repairs."


@pytest.mark.parametrize("stamp", ["7:01 pm ET February 11, 2013 RETWEET",
                                   "10:15 a.m. March 3 , 2014 Reply",
                                   "9:08 PM Nov. 5, 2012 Favorite"])
def test_social_feed_at_the_end_of_a_line_goes_with_its_posts(stamp: str) -> None:
    line = (f"{FEED_BODY} Comments are welcome. Loving the parade downtown tonight! "
            f"t.co\\/Ab12 {stamp} Who will win the cup this year? {stamp} "
            "Could rain spoil the final?")
    assert pb.strip_social_feed(line) == f"{FEED_BODY} Comments are welcome."


def test_social_feed_followed_by_more_body_keeps_the_body() -> None:
    after = " ".join(["The repairs will take most of the summer, officials said."] * 8)
    line = f"{FEED_BODY} Great game tonight! 8:47 pm ET May 1, 2013 RETWEET {after}"
    assert pb.strip_social_feed(line) == f"{FEED_BODY} {after}"


@pytest.mark.parametrize("line", [
    FEED_BODY,
    "At 7:01 pm on February 11, 2013 the council replied to the letter.",
    "The reply came at 9:15 pm ET on May 1, 2013, officials said.",
])
def test_lines_without_a_feed_stamp_are_untouched(line: str) -> None:
    assert pb.strip_social_feed(line) == line
