"""Page furniture inside a paragraph: list introductions and video or picture teasers."""

from __future__ import annotations

import pytest

from generator.clean import furniture


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
