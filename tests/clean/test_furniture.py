"""Page furniture inside a paragraph: list introductions and video or picture teasers."""

from __future__ import annotations

import pytest

from generator import clean
from generator.clean import furniture
from tests.conftest import make_article


@pytest.mark.parametrize("text", [
    "Below is a timeline of the spill and its impact: April 20, 2010 - Explosion on the rig.",
    "Below is a chronology of the spill and its impact.",
    "Here are some facts about the two movements: \\* One was founded in 1959.",
    "Here’s what the government has done so far: It closed the schools.",
    "Following are some of the major rail disasters of the last twenty years: - A train crashed.",
    "The report said so. Here are the latest developments across the region:",
    "The inquiry is focused on the following seven mechanisms:",
])
def test_sentences_pointing_to_a_list_introduce_one(text: str) -> None:
    assert furniture.introduces_list(text)


@pytest.mark.parametrize("text", [
    "Following the attack, police said: The gunman fled on foot.",
    "Here in the capital, the mood was grim: shops stayed shut.",
    "The minister said the talks would go on, and that was all: no deal.",
    "The rig sank on April 22 after burning for two days.",
])
def test_sentences_of_prose_introduce_no_list(text: str) -> None:
    assert not furniture.introduces_list(text)


@pytest.mark.parametrize(("line", "expected"), [
    ("Oil poured into the sea. Below is a timeline of the spill: April 20, 2010 - Explosion "
     "and fire on the rig; 11 workers are killed. April 22 - The rig sinks.",
     ["Oil poured into the sea. Below is a timeline of the spill:",
      "April 20, 2010 - Explosion and fire on the rig; 11 workers are killed. April 22 - The "
      "rig sinks."]),
    ("Following are the worst rail disasters: - At least 575 people are killed in 1989.",
     ["Following are the worst rail disasters:", "At least 575 people are killed in 1989."]),
    ("Here are some facts about both: \\* One was founded in 1959.",
     ["Here are some facts about both:", "One was founded in 1959."]),
])
def test_a_list_run_into_its_introduction_is_cut_from_it(line: str,
                                                           expected: list[str]) -> None:
    assert furniture.split_list_intro(line) == expected


@pytest.mark.parametrize("line", [
    "Here's what we saw after the curfew went into effect at 4:00 this afternoon.",
    "Here’s the candidate: “Our new direction must rest on the new realities.”",
    "Here is the full list:",
    "He said: The talks are over.",
])
def test_no_list_after_the_colon_leaves_the_line_whole(line: str) -> None:
    assert furniture.split_list_intro(line) == [line]


@pytest.mark.parametrize("sentence", [
    "Live video of the oil spill in the Gulf of Mexico.",
    "Photo: Northern Illinois field taken May 10 by a reader.",
    "Photo credit: NASA Goddard.",
    "Video depicting women pushing men off their skateboards.",
    "Photo of a white-jacketed waiter serving drinks at a casino.",
    "Video uncovered by a local news station.",
    "Watch the full interview below:",
    "Watch “Evening News” at 10 p.m. ET Monday.",
])
def test_teasers_and_captions_of_videos_and_pictures(sentence: str) -> None:
    assert furniture.is_teaser(sentence)


@pytest.mark.parametrize("sentence", [
    "Video of the raid was released on Monday by the prosecutors.",
    "Live video of the leak has been available online for the past few days.",
    "Video shows police beating protesters in the square.",
    "Video taken by a passenger caught the collision as it unfolded.",
    "Footage of the rehearsals became part of a documentary directed by his friend.",
    "Photo: Jane Roe The airport is filling with more and more relief teams every day.",
    "Watch out for the address later tonight.",
    "Live music filled the streets as crowds danced.",
    "Photographers gathered outside the court.",
])
def test_news_about_a_video_is_no_teaser(sentence: str) -> None:
    assert not furniture.is_teaser(sentence)


def test_teaser_sentences_leave_the_line() -> None:
    line = ("The slick is growing. Live video of the oil spill in the Gulf of Mexico. "
            "Engineers will try again on Friday.")
    assert furniture.strip_teasers(line) == ("The slick is growing. Engineers will try again "
                                             "on Friday.")
    assert furniture.strip_teasers("Live video of the oil spill in the Gulf of Mexico.") == ""
    plain = "The slick is growing, and more video of it was released."
    assert furniture.strip_teasers(plain) == plain


@pytest.mark.parametrize(("sentence", "heading"), [
    ("Events May 4, Day 15 of a Gulf of Mexico oil spill that began with an explosion and "
     "fire on the drilling rig Deepwater Horizon, owned by Transocean Ltd....", True),
    ("A summary of events on Sunday, June 13, Day 54 of the Gulf of Mexico oil spill that "
     "began with the explosion.", True),
    ("Highlights Friday, March 4, day 12 of the strike at the port.", True),
    ("On May 4, day 15 of the spill, BP said it would pay.", False),
    ("Day 11 of the uprising was mostly jubilant in Cairo.", False),
    ("July 15 marks day 87 of the spill.", False),
    ("The Latest on campaign 2016 on Super Tuesday (all times Eastern Standard Time):", True),
    ("The Latest on the death of Muhammad Ali (all times EDT):", True),
    ("The Latest polls put him ahead (all times in this race are close).", False),
])
def test_a_roundup_heading_is_furniture(sentence: str, heading: bool) -> None:
    assert furniture.is_roundup_heading(sentence) is heading
    assert furniture.is_furniture(sentence) is heading


def test_strip_teasers_drops_a_roundup_heading_from_its_paragraph() -> None:
    line = ("A summary of events on Sunday, June 13, Day 54 of the Gulf of Mexico oil spill "
            "that began with the April 20 explosion. The blast killed 11 workers.")
    assert furniture.strip_teasers(line) == "The blast killed 11 workers."


@pytest.mark.parametrize(("line", "expected"), [
    ("CONGRESS HAS INVESTIGATED HIM — Oz’s dubious medical advice earned him attention.",
     ["CONGRESS HAS INVESTIGATED HIM", "Oz’s dubious medical advice earned him attention."]),
    ("BP BECOMES A TAKEOVER TARGET - Unlikely, analysts say.",
     ["BP BECOMES A TAKEOVER TARGET", "Unlikely, analysts say."]),
    ("DRIVER KILLED IN HIT - AND - RUN ACCIDENT IN HILL Police said.",
     ["DRIVER KILLED IN HIT - AND - RUN ACCIDENT IN HILL Police said."]),
    ("NASA — The agency said it would wait.", ["NASA — The agency said it would wait."]),
    ("The US — and Britain — said no.", ["The US — and Britain — said no."]),
    ("US troops left — The base closed.", ["US troops left — The base closed."]),
])
def test_a_heading_in_capitals_run_into_its_paragraph_gets_a_line(
        line: str, expected: list[str]) -> None:
    assert furniture.split_heading(line) == expected


def test_prepare_puts_a_run_in_heading_on_its_own_line() -> None:
    text = ("The doctor has many critics, his peers say.\n\nHe denies it.\n\nHe is on TV.\n\n"
            "CONGRESS HAS INVESTIGATED HIM — "
            "Oz’s dubious advice earned him the attention of Congress in 2014.")
    lines = clean.prepare(make_article(text=text)).lines
    assert "CONGRESS HAS INVESTIGATED HIM" in lines
    assert "Oz’s dubious advice earned him the attention of Congress in 2014." in lines


def test_a_legal_notice_run_into_the_last_paragraph_goes_with_its_trademark_line() -> None:
    line = ("Demand will catch up, he said. Republication or redistribution of Agency content, "
            "including by caching, framing, or similar means, is expressly prohibited without "
            "the prior written consent of Agency. Agency and the Agency logo are registered "
            "trademarks of the Agency group of companies around the world.")
    assert furniture.strip_notices(line) == "Demand will catch up, he said."


@pytest.mark.parametrize("line", [
    "The names are registered trademarks of the firm, the court heard.",  # no notice before
    "“All rights reserved,” the label read, and the judge agreed.",  # quoted: about a notice
    "Smoking is prohibited in the hall, the council said.",
])
def test_prose_about_rights_is_no_notice(line: str) -> None:
    assert furniture.strip_notices(line) == line


@pytest.mark.parametrize(("sentence", "address"), [
    ("Died Letters for publication should be sent to: letters@paper.co.uk If you need help "
     "using the site: help@paper.co.uk Call the switchboard.", True),
    ("For details, email: desk@paper.example", True),
    ("More than 300 emails were sent to the yourpics@broadcaster.co.uk address.", False),
    ("The bank said so in a statement on its website: (www.bank.example) on Monday.", False),
    ("The firm said on Twitter, @BP_America, that the cap held.", False),  # a handle
    ("The rig exploded on April 20, killing 11 workers.", False),
])
def test_a_sentence_holding_an_email_address_is_furniture(sentence: str, address: bool) -> None:
    assert furniture.holds_email(sentence) is address
    assert furniture.is_furniture(sentence) is address


@pytest.mark.parametrize(("sentence", "teaser"), [
    ("In pictures: Stars help Hope For Haiti fundraiser", True),
    ("Video Feed: Alaska Airlines Steps up Efforts to Sanitize Aircraft Cabins in Response...",
     True),  # 13 words, but a headline in title case after the label
    ("Photo: Jane Roe The airport is filling up with people who have waited days to leave.",
     False),
    ("In pictures, the damage looked worse than the officials had said it was.", False),
])
def test_a_media_label_before_a_headline_is_a_teaser(sentence: str, teaser: bool) -> None:
    assert furniture.is_teaser(sentence) is teaser


@pytest.mark.parametrize(("headline", "expected"), [
    ("In pictures: Stars help Hope For Haiti fundraiser", "Stars help Hope For Haiti fundraiser"),
    ("Video: Crews cap the well", "Crews cap the well"),
    ("Video: Cap", "Video: Cap"),  # too little left for a headline
    ("Video shows police: report", "Video shows police: report"),  # a verb: no label
    ("Oil spill: BP caps the well", "Oil spill: BP caps the well"),
])
def test_strip_label(headline: str, expected: str) -> None:
    assert furniture.strip_label(headline) == expected


@pytest.mark.parametrize(("sentence", "caption"), [
    ("June 23, 2010: This image from video provided by BP shows oil gushing from the broken "
     "wellhead at the site of the well.", True),
    ("In this image taken from video provided by the company, oil flows from the broken well, "
     "center, as a new cap hovers near the site.", True),
    ("In this May 26, 2010 photo, officials work to plug the gushing oil well.", True),
    ("This July 10, 2010 file photo shows the director entering a restaurant in New York.", True),
    ("This picture of a narrow, sectarian base does not improve when we look at the council.",
     False),
    ("In this climate of fear, few photos of the rally were published.", False),
    ("The image of the burning rig became the symbol of the disaster.", False),
    ("A still from an undated video released via YouTube allegedly shows protesters destroying "
     "a monument.", True),
    ("A frame grab from amateur footage shows smoke over the city.", True),
    ("A still photographer from the agency was detained on Monday.", False),
])
def test_a_wire_photo_caption_is_furniture(sentence: str, caption: bool) -> None:
    assert furniture.is_wire_caption(sentence) is caption
    assert furniture.is_furniture(sentence) is caption


@pytest.mark.parametrize(("sentence", "heading"), [
    ("Pictures from a mile deep: Ground Zero of the BP oil leak Illustrating a news story with "
     "photographs can be much more challenging than simply deploying a photographer.", True),
    ("Images from the scene show: police lines, burning cars and a crowd fleeing the square "
     "as the first shots rang out in the night.", False),
    ("Photographs of the victims were shown to the court: the jury saw each of them.", False),
])
def test_a_gallery_heading_run_into_prose_is_furniture(sentence: str, heading: bool) -> None:
    assert furniture.is_gallery_heading(sentence) is heading
    assert furniture.is_furniture(sentence) is heading
    assert furniture.strip_teasers(sentence) == sentence, "cleaning keeps the sentence"
