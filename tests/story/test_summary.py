"""Story title and summary: representative headline, central sentences, no boilerplate."""

from __future__ import annotations

import pytest

from generator.model import Source
from generator.story import summary
from tests.conftest import make_article


@pytest.mark.parametrize(("headline", "expected"), [
    ("Rebels seize airport in northern city - Reuters", "Rebels seize airport in northern city"),
    ("Rebels seize airport in northern city | CNN", "Rebels seize airport in northern city"),
    ("Rebels seize airport — The Guardian", "Rebels seize airport"),
    ("Analysis: why the rebels won", "Analysis: why the rebels won"),
    ("  Rebels   seize airport  ", "Rebels seize airport"),
    ("In pictures: Stars help Hope For Haiti fundraiser", "Stars help Hope For Haiti fundraiser"),
])
def test_clean_headline(headline: str, expected: str) -> None:
    assert summary.clean_headline(headline) == expected


TEXTS = [
    ("Rebels seize airport in northern city - Reuters",
     "Rebel fighters seized the airport of the northern city on Monday after two days of "
     "fighting with government troops. The government said its troops had withdrawn to "
     "protect civilians. Subscribe to our newsletter for more stories like this one every day."),
    ("Thursday, February 5, 2026",
     "Government troops withdrew from the northern city as rebel fighters took its airport. "
     "The rebels said they now controlled all roads into the city and the airport."),
    ("Army pulls back as rebels take northern airport | CNN",
     "The army pulled back from the airport of the northern city, and rebel fighters moved in "
     "after days of fighting. “We will return,” a general said."),
]
SOURCES = [Source(make_article(id=f"s{i}", title=t, text=x)) for i, (t, x) in enumerate(TEXTS)]


def test_title_is_a_real_headline_without_outlet() -> None:
    title = summary.title(SOURCES)
    assert title in {"Rebels seize airport in northern city",
                     "Army pulls back as rebels take northern airport"}


def test_title_falls_back_to_a_lead_sentence() -> None:
    sources = [Source(make_article(id="x", title="International", text=TEXTS[0][1]))]
    assert summary.title(sources).startswith("Rebel fighters seized the airport")


def test_summary_is_short_central_and_clean() -> None:
    text = summary.summarize(SOURCES)
    assert 0 < len(text) <= summary.MAX_SUMMARY_CHARS
    assert "Subscribe" not in text
    assert "airport" in text
    assert text.count("“") == text.count("”")
    assert len([c for c in text if c in ".!?"]) <= summary.MAX_SUMMARY_SENTENCES + 1


def test_no_sources_no_summary() -> None:
    assert summary.summarize([]) == ""
    assert summary.title([]) == "Untitled story"


def test_title_found_in_the_body_yields_to_a_real_headline() -> None:
    body_title = make_article(id="b", text=TEXTS[0][1], provenance=(("title", "body"),),
                              title="Rebel fighters seized the airport of the northern city")
    header = make_article(id="h", text=TEXTS[2][1], provenance=(("title", "header"),),
                          title="Army pulls back from northern city")
    assert summary.title([Source(body_title), Source(header)]) == (
        "Army pulls back from northern city")


def test_title_from_a_long_lead_is_its_main_clause_not_a_cut() -> None:
    lead = ("After two days of heavy fighting with government troops around the town, rebel "
            "fighters seized the airport of the northern city on Monday, which the army had "
            "held since the start of the war in the spring of last year.")
    sources = [Source(make_article(id="x", title=None, text=lead))]
    title = summary.title(sources)
    assert title == "Rebel fighters seized the airport of the northern city on Monday"


def test_a_run_on_headline_yields_to_one_of_a_headlines_length() -> None:
    run_on = ("Rebels seize airport in northern city Rebel fighters seized the airport of the "
              "northern city on Monday after two days of fighting with government troops there")
    long_one = make_article(id="l", text=TEXTS[0][1], title=run_on,
                            provenance=(("title", "header"),))
    short = make_article(id="s", text=TEXTS[2][1], title="Army pulls back from northern city",
                         provenance=(("title", "header"),))
    assert summary.title([Source(long_one), Source(long_one), Source(short)]) == (
        "Army pulls back from northern city")


def test_shortlist_keeps_the_sentences_whose_words_most_sentences_share(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summary, "MAX_CANDIDATES", 2)
    candidates = ["Rebels seized the airport of the city.",
                  "A poet read verses about autumn leaves.",
                  "The rebels held the city airport on Monday."]
    assert summary._shortlist(candidates) == [candidates[0], candidates[2]]
    assert summary._shortlist(candidates[:2]) == candidates[:2]  # under the cap: all, in order


def test_a_capped_summary_still_picks_a_central_sentence(
        monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [Source(primary=make_article(id=str(i), title=t, text=x))
               for i, (t, x) in enumerate(TEXTS)]
    uncapped = summary.summarize(sources)
    monkeypatch.setattr(summary, "MAX_CANDIDATES", 1)
    assert uncapped and summary.summarize(sources, limit=1) in uncapped


@pytest.mark.parametrize(("headline", "expected"), [
    # A standfirst glued on: a frequent word capitalised after a lower-case word.
    ("Aid effort tougher than expected in the capital Some aid workers say supplies are short",
     "Aid effort tougher than expected in the capital"),
    ("Analysis: the town's long and bloody siege By John Smith in the capital",
     "Analysis: the town's long and bloody siege"),
    # A run of highlights: the first is the headline.
    ("\\* Airline stocks fall on flu scare \\* Hotels and cruise lines also lower",
     "Airline stocks fall on flu scare"),
    ("Attacks renew bitter debate on migrants;", "Attacks renew bitter debate on migrants"),
    # Names and titles after a lower-case word are no seam.
    ("Rebels meet President Lopez in the capital", "Rebels meet President Lopez in the capital"),
    ("Talks resume in March after the holiday", "Talks resume in March after the holiday"),
    # Title Case: every word opens with a capital, none is a seam (a quoted word included).
    ("Frustrated Parents Rally Nationwide To ‘Reclaim Our Schools.’",
     "Frustrated Parents Rally Nationwide To ‘Reclaim Our Schools.’"),
    ("Ava DuVernay’s ‘13th’ Explores The Evolution Of The U.S. Prison System.",
     "Ava DuVernay’s ‘13th’ Explores The Evolution Of The U.S. Prison System."),
])
def test_headline_part_cuts_a_glued_standfirst(headline: str, expected: str) -> None:
    assert summary.headline_part(headline) == expected


def test_a_headline_of_usual_length_beats_a_longer_central_one() -> None:
    glued = ("Rebels seize airport in northern city Tony Smith, commander of the rebel "
             "fighters, on the fighting and the government troops")
    long_one = make_article(id="l", text=TEXTS[0][1], title=glued,
                            provenance=(("title", "header"),))
    short = make_article(id="s", text=TEXTS[2][1], title="Army pulls back from northern city",
                         provenance=(("title", "header"),))
    assert len(glued.split()) > summary.USUAL_HEADLINE_WORDS
    assert summary.title([Source(long_one), Source(long_one), Source(short)]) == (
        "Army pulls back from northern city")


def test_a_lead_title_passes_over_bylines_and_glued_sentences() -> None:
    text = ("By Jane Doe Our correspondent Rebel fighters seized the airport of the northern "
            "city on Monday after days of fighting. Rebel fighters seized the airport of the "
            "northern city, the army said on Monday.")
    sources = [Source(make_article(id="x", title=None, text=text))]
    assert summary.title(sources) == ("Rebel fighters seized the airport of the northern city, "
                                      "the army said on Monday")


def test_a_glued_sentence_is_no_summary_sentence() -> None:
    glued = ("Oil spill clean-up operations Since the rig exploded in April, thousands of "
             "barrels of oil a day have leaked into the sea.")
    plain = "Since the rig exploded in April, thousands of barrels a day have leaked into the sea."
    sources = [Source(make_article(id="x", title="Oil spill grows", text=f"{glued} {plain}"))]
    assert summary.summarize(sources) == plain


@pytest.mark.parametrize("furniture", [
    "Below is a timeline of the spill and its impact: the rig exploded and sank in April.",
    "Here are some questions and answers about the spill and the damage it has done.",
    "Live video of the oil spill from the broken well in the Gulf of Mexico.",
    "Rescue crews said more on the spill, at www.example.org on the coast guard site.",
    "Died Letters for publication should be sent to: letters@paper.example If you need help.",
    "A summary of events on Sunday, June 13, Day 54 of the Gulf of Mexico oil spill that "
    "began with the April 20 explosion.",
])
def test_list_introductions_teasers_and_addresses_are_no_summary_sentences(
        furniture: str) -> None:
    plain = "Since the rig exploded in April, thousands of barrels a day have leaked into the sea."
    sources = [Source(make_article(id="x", title="Oil spill grows",
                                   text=f"{furniture} {plain}"))]
    assert summary.summarize(sources) == plain


def test_a_caption_glued_to_a_sentence_is_no_summary_sentence() -> None:
    glued = ("The blowout killed 11 workers Cement used to seal the well may have contributed "
             "to the blowout, investigators found.")
    plain = ("The cement had failed three of four tests before it was pumped into the well, "
             "and the cement maker knew of the cement tests.")
    sources = [Source(make_article(id="x", title="Cement flaw found", text=f"{glued} {plain}"))]
    assert summary.summarize(sources) == plain


def test_a_seam_is_read_against_the_words_the_whole_story_writes_in_lower_case() -> None:
    # The page alone writes "cleanup" once in lower case and once capitalised: too few to
    # tell a sentence start from a name. The story's other source writes it in lower case.
    glued = ("Oil spill cleanup, containment efforts, hearings in wake of gulf disaster Cleanup "
             "and containment efforts continue at the site of the oil spill.")
    other = ("The cleanup crews worked through the night. The cleanup of the marsh will take "
             "years, officials said, and the cleanup bill is rising fast.")
    sources = [Source(make_article(id="a", title="Cleanup continues", text=glued)),
               Source(make_article(id="b", title="Marsh cleanup", text=other))]
    assert not any("Cleanup and" in sentence
                   for sentence in summary.central_sentences(sources)[0])
    assert summary.central_sentences(sources[:1])[0] == [glued]  # alone: no evidence


@pytest.mark.parametrize("glued", [
    pytest.param("BP faces US criticism over Gulf of Mexico oil spill BP is facing growing "
                 "American criticism over the giant oil spill in the Gulf of Mexico.",
                 id="a headline its lede echoes"),
    pytest.param("Oil spill report: the rig blame game Eight big things went wrong on the rig - "
                 "and the report spreads the blame Cleaning up the coast after the spill: the "
                 "report on the disaster spreads the blame.",
                 id="a run of labelled headlines"),
])
def test_glued_headlines_are_no_summary_sentence(glued: str) -> None:
    plain = "Since the rig exploded in April, thousands of barrels a day have leaked into the sea."
    sources = [Source(make_article(id="x", title="Oil spill grows", text=f"{glued} {plain}"))]
    assert summary.summarize(sources) == plain


def test_a_name_after_a_lower_case_word_is_no_echo() -> None:
    sentence = ("Officials said the damage from the spill Louisiana suffered in the spring would "
                "take years and billions of dollars to repair.")
    assert summary._one_sentence(sentence)


def test_an_echo_passes_over_a_summary_candidate_but_never_cuts_a_title() -> None:
    # A sentence that repeats its own words would lose its end as a title; a summary only
    # passes over one candidate of many.
    repeats = ("Ask England, ask France, ask Japan, ask Iraq, ask England again and the list "
               "goes on and on.")
    assert not summary._one_sentence(repeats)
    assert summary.headline_part(repeats) == repeats


def test_a_photo_caption_standing_as_a_title_gives_way_to_a_headline() -> None:
    caption = ("June 23, 2010: This image from video provided by BP shows oil gushing from the "
               "broken wellhead")
    text = "BP said on Wednesday that oil was still gushing from the broken wellhead in the Gulf."
    sources = [Source(make_article(id="a", title=caption, text=text)),
               Source(make_article(id="b", title="Oil still gushing from BP wellhead",
                                   text=text))]
    assert summary.title(sources) == "Oil still gushing from BP wellhead"
    assert summary.title(sources[:1]) != caption


def test_a_headline_running_past_any_headline_s_length_gives_way_to_the_lead() -> None:
    run_on = ("Andrew Jones talks to Simon Roe about his part in the radio show controversy "
              "Lincolnshire County Council has set up a text service to inform parents of "
              "school closures")
    article = make_article(id="r", text=TEXTS[0][1], title=run_on,
                           provenance=(("title", "header"),))
    assert len(run_on.split()) > summary.clause.MAX_WORDS
    title = summary.title([Source(article)])
    assert title != run_on and len(title.split()) <= summary.clause.MAX_WORDS
