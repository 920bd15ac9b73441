"""Detokenisation: tokenised articles back to prose, ordinary text left byte for byte."""

from __future__ import annotations

import pytest

from generator.clean import tokens

TOKENISED = ("NATO , U.N. ponder Libya solution -LRB- CNN -RRB- -- NATO has launched flights "
             "over Libya , America 's ambassador said . `` It is our job to plan , '' a NATO "
             "official says . The rebels do n't have $ 1 million in the states ' banks .")


def test_tokenised_text_is_recognised_and_repaired() -> None:
    assert tokens.is_tokenised(TOKENISED)
    assert tokens.untokenise(TOKENISED) == (
        "NATO, U.N. ponder Libya solution (CNN) — NATO has launched flights over Libya, "
        "America's ambassador said. “It is our job to plan,” a NATO official says. The rebels "
        "don't have $1 million in the states' banks.")


FILLER = ("The council met on Monday to discuss the budget for the coming year, and members "
          "of both parties said they expected a long debate over schools, roads and the "
          "new hospital that the city has promised to build before the next election. ")


@pytest.mark.parametrize("text", [
    FILLER + "The U.S. will not send troops , Mr. Rubio said. He added that talks go on.",
    FILLER + "Cruz (R-Tex.) said: ''This isn't tax reform.'' He left.",
    FILLER + "Prices rose 5 % in a year, and the dollar signs were everywhere ; analysts were "
    "stunned by how much the shops charged for bread and milk.",
])
def test_ordinary_text_with_a_stray_mark_is_untouched(text: str) -> None:
    assert not tokens.is_tokenised(text)
    assert tokens.untokenise(text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Palin 's book", "Palin's book"),
    ("U.S. .", "U.S."),
    ("at 1 : 00pm , he", "at 1:00pm, he"),
    ("-LSB- sic -RSB-", "[sic]"),
    ("Transocean -LRB- RIG . N -RRB- exploded", "Transocean (RIG.N) exploded"),
    ("Hyatt -LRB- H. N -RRB- rose", "Hyatt (H.N) rose"),
])
def test_detokenise_rules(text: str, expected: str) -> None:
    assert tokens.detokenise(text) == expected


def test_quote_pairs_turn_typewriter_quotes_into_marks() -> None:
    assert tokens.quote_pairs("``It was definitely a bomb,'' he said.") == (
        "“It was definitely a bomb,\" he said.")
    assert tokens.quote_pairs("No quotes here.") == "No quotes here."


def test_a_short_tokenised_stub_needs_one_mark() -> None:
    assert tokens.untokenise("Oil spill victims find an outlet for anger toward BP . ") == (
        "Oil spill victims find an outlet for anger toward BP. ")


def test_light_line_rule_joins_only_punctuation() -> None:
    assert tokens.detokenise_line("Thursday , April 11 , 2013") == "Thursday, April 11, 2013"


def test_a_tokenised_paragraph_inside_ordinary_text_is_repaired_alone() -> None:
    ordinary = "\n\n".join([FILLER.strip()] * 6)
    quoted = ("A boss arrested in a raid has been found dead , hanging in his cell in "
              "Palermo . Police said he had been held for a day .")
    text = f"{ordinary}\n\n{quoted}\n\n{FILLER.strip()} The vote , one said , was close."
    assert not tokens.is_tokenised(text)
    repaired = tokens.untokenise(text).split("\n\n")
    assert repaired[-2] == ("A boss arrested in a raid has been found dead, hanging in his cell "
                            "in Palermo. Police said he had been held for a day.")
    assert repaired[-1].endswith("The vote , one said , was close.")  # two marks: typos
    assert repaired[:-2] == [FILLER.strip()] * 6


@pytest.mark.parametrize(("text", "expected"), [
    ("Troops left the town on Monday . Residents returned home .",
     "Troops left the town on Monday. Residents returned home."),
    ("The mayor resigned .\n\nA vote follows in May .",
     "The mayor resigned.\n\nA vote follows in May."),
    ("Prices rose 4 percent . “It hurts,” a shopper said.",
     "Prices rose 4 percent. “It hurts,” a shopper said."),
    ("to turn the boy over to his father , who could come",
     "to turn the boy over to his father, who could come"),
])
def test_a_stop_set_off_by_a_space_is_closed_in_any_text(text: str, expected: str) -> None:
    assert tokens.close_stops(text) == expected


@pytest.mark.parametrize("text", [
    "He paused . . . and then spoke.",
    "Save it as file .txt on the drive.",
    "It ended in 2011 . and more",  # no sentence follows: not a stop at a sentence's end
    "Lists ran 1 ,2 and 3 ,",  # no word after the comma: not one set off between words
])
def test_close_stops_leaves_ellipses_and_extensions(text: str) -> None:
    assert tokens.close_stops(text) == text


BULLETED = ("BP 's shares hit $ 1.25 bn cents Efforts to stop leak cost tens of millions a day "
            "cents BP shares rise 2.7 % this morning . cents This article was amended on 6 May "
            "2010 . It said the firm paid 50 cents a share , a matter of dollars and cents , '' "
            "he said . cents `` Top kill '' plan 's chance put at 60 % . A well will stem the "
            "flow cents but BP warns this takes months .")


def test_a_bullet_the_tokeniser_spelt_cents_is_a_bullet_again() -> None:
    text = tokens.detokenise(BULLETED)
    assert text.count(tokens.BULLET) == 5
    assert "50 cents a share, a matter of dollars and cents," in text
    assert "cents Efforts" not in text and "cents This" not in text


@pytest.mark.parametrize("text", [
    "Shares of the firm rose 5 cents Friday to $ 10.25 .",  # an amount before a day name
    "It was my two cents worth , he said .",
    "In dollars and cents terms it cost more .",
    "Ng i d cents n Mexico City",  # the letters of a mangled non-English text
    "Sales rose 12 cents , and profits rose 3 cents a share .",
])
def test_cents_of_an_amount_stay(text: str) -> None:
    assert "cents" in tokens.detokenise(text) and tokens.BULLET not in tokens.detokenise(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Leak could push up prices • Pipe carries 12% of output • Shares fall",
     "Leak could push up prices\n\nPipe carries 12% of output\n\nShares fall"),
    ("• Oil rig explosion already causing storm ▪ BP could face charges",
     "Oil rig explosion already causing storm\n\nBP could face charges"),
    ("Endangered species\n• Interior and commerce departments agree",
     "Endangered species\n• Interior and commerce departments agree"),  # a list line's mark
    ("Prose with no bullet at all.", "Prose with no bullet at all."),
    ("cents Glider pilot parachuted to safety A selection of the best images",
     "Glider pilot parachuted to safety A selection of the best images"),  # no marks at all
    ("cents a share was the price", "cents a share was the price"),
])
def test_break_bullets_puts_each_item_on_its_own_paragraph(text: str, expected: str) -> None:
    assert tokens.break_bullets(text) == expected


def test_a_json_escaped_slash_is_written_plainly() -> None:
    assert tokens.unescape_slashes("May 11\\/12 - Executives of Reuters\\/Libyan TV") == (
        "May 11/12 - Executives of Reuters/Libyan TV")
    plain = "A path C:\\ stays, and so does a/b."
    assert tokens.unescape_slashes(plain) is plain
