"""Headline, highlights and dateline glued to the first paragraph, cut apart."""

from __future__ import annotations

import pytest

from generator.clean import lead


def test_wire_dateline_after_a_page_stamp_gives_headline_and_body() -> None:
    found = lead.split_lead("U.S. official says BP spill fines should go to Gulf NEW ORLEANS | "
                            "Tue Jun 8, 2010 7:14pm EDT NEW ORLEANS (Reuters) - The U.S. "
                            "government wants the fines spent on the coast.")
    assert found.headline == "U.S. official says BP spill fines should go to Gulf"
    assert found.pieces[-1] == "The U.S. government wants the fines spent on the coast."


@pytest.mark.parametrize("paragraph", [
    "AMMAN | Thu 11:20 pm GMT AMMAN (Reuters) - Russia stood by Syria on Thursday.",
    "Mon Aug 22, 2011 9:12 am EDT (Reuters) - Russia stood by Syria on Thursday.",
    "TRENTON, N.J. (AP) — Russia stood by Syria on Thursday.",
    "Tripoli, Libya (CNN) -- Russia stood by Syria on Thursday.",
])
def test_datelines_are_stripped_from_the_body(paragraph: str) -> None:
    found = lead.split_lead(paragraph)
    assert found.pieces[-1] == "Russia stood by Syria on Thursday."
    assert found.headline is None


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("CAMBRIDGE, Mass., Dec. 11 (UPI) — Young voters back him.", "Young voters back him."),
    ("NAIROBI, August 21 (Xinhua) --", ""),
    ("The talks (UN) - a process - go on.", None),
])
def test_strip_dateline_of_a_later_paragraph(paragraph: str, expected: str | None) -> None:
    assert lead.strip_dateline(paragraph) == expected


def test_run_on_first_sentence_is_cut_at_its_seams() -> None:
    found = lead.split_lead(
        "Syria crisis: Kofi Annan seeks to set up monitoring team Thousands have fled an army "
        "offensive against the rebels in northern Syria The UN and Arab League envoy on Syria, "
        "Kofi Annan, says he is sending a team to Damascus to discuss a new mission. More.")
    assert found.headline == "Syria crisis: Kofi Annan seeks to set up monitoring team"
    assert found.pieces[1] == ("Thousands have fled an army offensive against the rebels in "
                               "northern Syria")
    assert found.pieces[2].startswith("The UN and Arab League envoy")


@pytest.mark.parametrize("paragraph", [
    "The president said on Tuesday that he would veto the bill, which passed the House.",
    "Critics said the movie The Godfather Part III was the weakest of the three films.",
    "Obama Says The Deal Is Done And Congress Must Now Act On It Before The Recess Starts "
    "Next Week Or Face The Voters In November Without A Budget In Place For The Year, he said.",
])
def test_ordinary_first_paragraphs_are_left_alone(paragraph: str) -> None:
    assert lead.split_lead(paragraph) == lead.Lead(None, (paragraph,))


def test_a_caption_run_into_the_headline_is_no_headline() -> None:
    found = lead.split_lead("Activists protest against the naming of the new Prime Minister on "
                            "February 2 in Amman. Friday's march was small AMMAN (Reuters) - "
                            "Jordan's king named a new prime minister on Tuesday.")
    assert found.headline is None
    assert found.pieces[-1] == "Jordan's king named a new prime minister on Tuesday."
