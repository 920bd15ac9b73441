"""Page stamps (comment and post stamps, bar bylines, later wire datelines) leave the text."""

from __future__ import annotations

import pytest

from generator.clean import stamps


@pytest.mark.parametrize(("line", "expected"), [
    # A reader comment's stamp: the comments after it go too.
    ("Nice pictures. Posted by: skywatcher | March 3, 2011 5:51 PM | Report abuse The moon "
     "was up.", "Nice pictures."),
    ("Be patient Posted by: reader1 | March 3, 2011 | Report abuse Posted by: reader2 | "
     "9:55 PM | Report abuse My money is on the dog.", "Be patient"),
    ("Posted by Jane Roe at 10:37 AM | Comments (4) | Permalink The game sold well.",
     "The game sold well."),
    ("The podcast is online. January 27, 2011 at 7:59 pm | Report abuse | I doubt it. "
     "At 4:22 pm | Report abuse | Who was he?", "The podcast is online."),
    ("The way out is far. March 21, 2011 at 5:06 pm | Our government says we should help.",
     "The way out is far."),
    ("Pay attention. January 28, 2011 at 12:44 pm | Reply The comments were closed.",
     "Pay attention."),
    # A post's own stamp opening its paragraph is no comment: the text after it stays.
    ("June 14, 2010 at 3:08 pm | The spill grew again on Monday.",
     "June 14, 2010 at 3:08 pm | The spill grew again on Monday."),
    ("May 2, 2011 - 12:48 PM | by: Jane Doe The Coast Guard is responding to a new leak.",
     "The Coast Guard is responding to a new leak."),
    ("Jane Doe | 09:26 UK time, Friday, 11 June 2010 Commentators discuss the spill.",
     "Commentators discuss the spill."),
    ("By Jane Doe, CNN | The singer toured the region.", "The singer toured the region."),
    ("YES | NO A freelance writer shared videos.", "A freelance writer shared videos."),
    ("The meeting was held in the city. Aug 27 (Reuters) - The senator received a briefing.",
     "The meeting was held in the city. The senator received a briefing."),
    # A live story's update label; one glued after a word ends that sentence.
    ("NEW: Ban says further steps on Libya may be necessary",
     "Ban says further steps on Libya may be necessary"),
    ("Libya to defend oil with blood NEW: Government spokesman describes an attack",
     "Libya to defend oil with blood. Government spokesman describes an attack"),
    ("Rebels advance. UPDATE: Gadhafi speaks", "Rebels advance. Gadhafi speaks"),
    ("The NEW: label stays in prose.", "The NEW: label stays in prose."),
])
def test_stamps_leave_and_the_prose_stays(line: str, expected: str) -> None:
    assert stamps.strip_stamps(line) == expected


@pytest.mark.parametrize("line", [
    "Prices rose (in part) and fell | then rose again.",
    "The agency (Reuters) reported the deal on Monday, officials said.",
    "Posted by the hour, the notices went up across the city.",
    "The vote was yes or no, and nothing between.",
])
def test_prose_with_bars_and_brackets_is_left_alone(line: str) -> None:
    assert stamps.strip_stamps(line) == line


@pytest.mark.parametrize(("line", "expected"), [
    ('<tweet tweet-author="@someone" tweet-date=" ">The vote is on Tuesday.</tweet> Then more.',
     "The vote is on Tuesday. Then more."),
    ("| From Jane Doe, CNN Refugees wait after leaving the boat.",
     "Refugees wait after leaving the boat."),
])
def test_inline_markup_and_caption_credits_leave(line: str, expected: str) -> None:
    assert stamps.strip_stamps(line) == expected


def test_a_comparison_is_no_markup() -> None:
    assert stamps.strip_stamps("Costs x < y, and a <b> tag stays.") == (
        "Costs x < y, and a <b> tag stays.")


def test_a_tag_removed_before_a_stop_leaves_no_space_before_it() -> None:
    line = ('<post author="@someone">Votes were counted on May 2, 2019</post>.')
    assert stamps.strip_stamps(line) == "Votes were counted on May 2, 2019."


def test_a_live_blogs_bulletin_time_opening_a_sentence_leaves() -> None:
    line = ("Ferries resumed. (6:10 p.m. Monday, 1:10 a.m. Tuesday in Perth) Crews reopened the "
            "port. (9:05 a.m. Monday) Roads closed.")
    assert stamps.strip_stamps(line) == "Ferries resumed. Crews reopened the port. Roads closed."


def test_a_time_in_brackets_inside_a_sentence_stays() -> None:
    line = "The ferry left at dawn (6:10 a.m. local time) and docked at noon."
    assert stamps.strip_stamps(line) == line


@pytest.mark.parametrize(("line", "expected"), [
    ("Police came, detectives said. NEW YORK _ A woman was there.",
     "Police came, detectives said. A woman was there."),
    ("The talks ended. SENDAI, Japan — Nearly a million homes lost power.",
     "The talks ended. Nearly a million homes lost power."),
])
def test_a_dateline_with_no_agency_opening_a_later_sentence_leaves(line: str,
                                                                   expected: str) -> None:
    assert stamps.strip_stamps(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Photograph: Jane Roe\\/Corbis The company failed to act.", "The company failed to act."),
    ("It was in the base. Photograph: John Doe/AP A jury decided.",
     "It was in the base. A jury decided."),
    ("Photo credit: Jane Roe/Getty Images Of course the spill grew.",
     "Of course the spill grew."),
    ("Credit: Reuters/Museum of Natural History/Handout", ""),
    ("REUTERS/Jane Roe Fighters sit at a check point.", "Fighters sit at a check point."),
    ("Oil spread at the site (Photo: Jane Roe) on Monday.", "Oil spread at the site on Monday."),
    ("He spoke. (AP Photo/Jane Roe) He left.", "He spoke. He left."),
    ("PHOTO: A guard sits in the empty stadium during a match. Fans stayed home.",
     "Fans stayed home."),
])
def test_picture_credits_inside_a_paragraph_leave(line: str, expected: str) -> None:
    assert stamps.strip_stamps(line) == expected


@pytest.mark.parametrize("line", [
    "The Reuters/Ipsos MORI poll showed most people disagree.",
    "The split 50/50 vote was close.",
    "The photo: it was bad. NASA — The agency said no.",
    # A credit ending its line ends a caption, which ``page_blocks`` drops whole.
    "The Capitol is seen in Washington, Sept. 28, 2025. (AP Photo/Jane Roe)",
])
def test_slashes_polls_and_caption_lines_are_left_alone(line: str) -> None:
    assert stamps.strip_stamps(line) == line


def test_an_embedded_posts_signature_inside_a_paragraph_leaves() -> None:
    line = ("See it on Sept. 30.— Apple Music (@AppleMusic) September 27, 2016. The interview "
            "airs later.")
    assert stamps.strip_stamps(line) == "See it on Sept. 30. The interview airs later."
    alone = "— Jane Roe (@jroe) May 2, 2016"  # ``page_blocks`` drops it with the post above
    assert stamps.strip_stamps(alone) == alone


def test_a_related_video_list_run_into_a_paragraph_leaves_from_its_first_caption() -> None:
    line = ("Farmers grow figs and grapes. Our reporter visits families displaced by the war. "
            "updated: Sat Mar 19 2011 04:01:00 An opposition member says fighting goes on. "
            "updated : Thu Mar 17 2011 05:49:00")
    assert stamps.strip_stamps(line) == "Farmers grow figs and grapes."
    alone = "The storm hit Friday. Updated: Sat Mar 19 2011 04:01:00"
    assert stamps.strip_stamps(alone) == "The storm hit Friday.", "the page's own stamp"
    prose = "The page was updated on Saturday, officials said."
    assert stamps.strip_stamps(prose) == prose

