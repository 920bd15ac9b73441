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


@pytest.mark.parametrize(("paragraph", "expected"), [
    # An underscore for the dash, and datelines with no agency.
    ("MOSCOW (AP)_ The mayor has allocated funds.", "The mayor has allocated funds."),
    ("DAR ES SALAAM, Tanzania (AP) _", ""),
    ("CAPE TOWN, South Africa (AP) --", ""),
    ("WASHINGTON _ The economy created jobs.", "The economy created jobs."),
    ("BOCA RATON, Fla. -- Weeds grew on the lots.", "Weeds grew on the lots."),
    ("SENDAI, Japan — A strong aftershock hit.", "A strong aftershock hit."),
    # An organisation's acronym or a word in capitals before a dash is no dateline.
    ("NASA — The agency said no.", None),
    ("BUT - The agency said no.", None),
])
def test_datelines_with_an_underscore_or_no_agency(paragraph: str, expected: str | None) -> None:
    assert lead.strip_dateline(paragraph) == expected


def test_a_place_with_its_country_before_a_bar_leaves_the_headline() -> None:
    found = lead.split_lead("Aid needed as talks on a no-fly zone go on RAS LANUF, Libya | Mon "
                            "Mar 7, 2011 6:52 pm EST RAS LANUF, Libya (Reuters) - Britain and "
                            "France said they were seeking a zone.")
    assert found.headline == "Aid needed as talks on a no-fly zone go on"
    assert found.pieces[-1] == "Britain and France said they were seeking a zone."


def test_a_picture_caption_and_a_byline_before_the_dateline_leave() -> None:
    caption = lead.split_lead(
        "A firefighter puts out a fire during a demonstration in Thessaloniki September 10, "
        "2011. THESSALONIKI, Greece | Sat Sep 10, 2011 10:24 pm BST THESSALONIKI, Greece "
        "(Reuters) - The prime minister said he would act.")
    assert caption == lead.Lead(None, ("The prime minister said he would act.",))
    byline = lead.split_lead("Gasoline prices jump By Jane Roe and John Doe CHICAGO/MEMPHIS, "
                             "Tenn., May 10 (Reuters) - Floodwaters displaced thousands.")
    assert byline.headline == "Gasoline prices jump"
    assert byline.pieces[-1] == "Floodwaters displaced thousands."


def test_a_picture_credit_before_the_dateline_is_no_headline() -> None:
    found = lead.split_lead("Credit: Reuters/Jane Roe/Handout HOHHOT, China | Mon May 30, 2011 "
                            "3:57 pm BST HOHHOT, China (Reuters) - Police tightened security.")
    assert found == lead.Lead(None, ("Police tightened security.",))


@pytest.mark.parametrize("closed", ["‘showed cement flaw'", "‘showed cement flaw’",
                                    '"showed cement flaw"', "“showed cement flaw”"])
def test_a_headline_ending_in_a_quotation_is_cut_from_its_lead(closed: str) -> None:
    found = lead.split_lead(
        f"Oil disaster: Pre-spill tests {closed} The blowout caused an explosion on the rig "
        "that killed 11 workers and led to the worst spill in the country's history, which "
        "lasted for months. Investigators said so on Friday.")
    assert found.headline == f"Oil disaster: Pre-spill tests {closed}"
    assert found.pieces[1].startswith("The blowout caused an explosion")


def test_a_stop_inside_the_quotation_is_no_glued_seam() -> None:
    sentence = "He told reporters: ‘we are done.' The talks ended there on Friday"
    assert not lead.has_glued_sentence(sentence)


@pytest.mark.parametrize(("text", "glued"), [
    ("Dr Jane Roe is charged with manslaughter The singer died that year, the coroner said.",
     True),
    ("Survivors dig with their bare hands, looking for food and water The appeal was launched "
     "on Tuesday.", True),
    ("Pre-spill tests ‘showed cement flaw' The blowout caused an explosion.", True),
    # An opener before a capital is a name, not a glued sentence.
    ("The campaign also did not return a phone message from The Associated Press.", False),
    ("The plane was grounded after The New York Times reported that its registration "
     "had expired.", False),
    ("The rig exploded on April 20. The spill began.", False),
])
def test_has_glued_sentence(text: str, glued: bool) -> None:
    assert lead.has_glued_sentence(text) is glued


def test_a_caption_glued_to_the_lead_is_cut_where_a_common_word_opens_the_body() -> None:
    paragraph = ("Oil disaster: Pre-spill tests ‘showed cement flaw' The blowout caused an "
                 "explosion on the rig that killed 11 workers Cement used to seal the well may "
                 "have contributed to the blowout, US investigators have found. The cement was "
                 "unstable, and the cement tests showed it.")
    found = lead.split_lead(paragraph)
    assert found.pieces[1] == ("The blowout caused an explosion on the rig that killed 11 "
                               "workers")
    assert found.pieces[2].startswith("Cement used to seal the well")


@pytest.mark.parametrize("text", [
    # A name the text writes in lower case once (a reader's comment) is still a name.
    "Officials say they want Pakistan out of the talks, and Pakistan agreed. pakistan is "
    "large.",
    # A common word capitalised before a name or a title is no seam.
    "The rig had been drilling for months before Cement Company managers said the well "
    "was safe; the cement and the cement tests were not.",
])
def test_a_capitalised_word_is_no_seam_where_the_text_does_not_write_it_in_lower_case(
        text: str) -> None:
    words = text.split(" ")
    common = lead.common_words(text)
    assert not any(lead.is_seam(words, i, common) for i in range(3, len(words) - 1))


def test_a_standfirst_ending_with_the_body_s_first_word_is_cut_between_the_two() -> None:
    found = lead.split_lead(
        "BP bosses hold Obama crisis talks The White House meeting was the first between the "
        "president and BP BP executives have met US President Barack Obama at the White House "
        "after he vowed to make the oil company pay for the spill. More talks follow.")
    assert found.pieces[1] == "The White House meeting was the first between the president and BP"
    assert found.pieces[2].startswith("BP executives have met US President Barack Obama")


@pytest.mark.parametrize("paragraph", [
    # A doubled name, written doubled where it first appears, is no seam.
    "The parole board in California on Wednesday denied the release of convicted assassin "
    "Sirhan Sirhan after a hearing that lasted most of the day and heard from a witness, and "
    "Sirhan Sirhan was returned to his cell. More.",
    "The maker of luxury bags and Miu Miu dresses, which had hoped to raise as much as $2.6 "
    "billion from investors in Hong Kong and beyond this year, priced its offering at the low "
    "end of the range, three sources said. More.",
])
def test_a_doubled_name_is_no_seam(paragraph: str) -> None:
    assert lead.split_lead(paragraph) == lead.Lead(None, (paragraph,))


_OBAMA = ("Obama on Egypt: Change must happen now NEW: President Obama spoke to Egypt's "
          "president WASHINGTON (CNN) -- President Obama spoke to Egypt's president on Tuesday.")


@pytest.mark.parametrize(("paragraph", "headline", "gone"), [
    # A staff byline before the headline leaves; a highlight label ends the headline.
    (f"By the CNN Wire Staff {_OBAMA}", "Obama on Egypt: Change must happen now", "Staff"),
    (f"By Reuters Staff | {_OBAMA}", "Obama on Egypt: Change must happen now", "Staff"),
    (f"By Times Staff Writer {_OBAMA}", "Obama on Egypt: Change must happen now", "Staff"),
    # A headline before a staff byline is the headline.
    ("Gadhafi denies Libyans oppose him From the CNN Wire Staff Libyan leader Moammar Gadhafi "
     "tells the BBC that he blames al Qaeda. Tripoli, Libya (CNN) -- Gadhafi spoke on Monday.",
     "Gadhafi denies Libyans oppose him", "Staff"),
    # A teaser before a "Full Article" label is another story's.
    ("Helicopter crashes into crane on London tower , kills two . Full Article Egypt orders cull "
     "of pig herds, U.N. says a mistake CAIRO | Wed Apr 29, 2009 11:31 pm IST CAIRO (Reuters) - "
     "Egypt has ordered the slaughter of every pig herd in the country.",
     "Egypt orders cull of pig herds, U.N. says a mistake", "Helicopter"),
    # A picture credit between headline and dateline leaves both.
    ("Gaddafi son warns of civil war Credit : Reuters\\/Libyan TV via REUTERS TV TRIPOLI | Mon "
     "Feb 21, 2011 3:51 pm IST TRIPOLI (Reuters) - Libya's Muammar Gaddafi will fight on.",
     "Gaddafi son warns of civil war", "TV via"),
])
def test_lead_furniture_leaves_the_headline(paragraph: str, headline: str, gone: str) -> None:
    found = lead.split_lead(paragraph)
    assert found.headline == headline
    assert found.pieces[0].startswith(headline)
    assert not any(gone in piece or "Full Article" in piece for piece in found.pieces)


def test_a_byline_of_names_is_no_headline_and_is_kept() -> None:
    found = lead.split_lead(f"By Jane Doe {_OBAMA}")
    assert found.headline is None


def test_a_link_label_with_no_dateline_after_it_keeps_the_text_before_it() -> None:
    found = lead.split_lead("The president spoke on Monday about the spill. Full Story Oil "
                            "reaches the beaches of Florida, officials say.")
    assert found.pieces[0].startswith("The president spoke on Monday")
