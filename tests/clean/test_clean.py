"""clean_corpus end to end, and the whole-text repairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import clean, ingest
from generator.model import Article, PartialDate, Skipped
from tests.conftest import SAMPLES, make_article

DATA = Path(__file__).parents[1] / "data" / "clean"


@pytest.mark.parametrize(("text", "expected"), [
    ('That won"t happen', "That won’t happen"),
    ('Mexico"s sovereignty and the administration"s stance', "Mexico’s sovereignty and the "
     "administration’s stance"),
    ('They"re sure we"ll go; I"m not, I"d stay, they"ve left', "They’re sure we’ll go; I’m not, "
     "I’d stay, they’ve left"),
    ('He said "yes" and "no"', 'He said "yes" and "no"'),
    ('The film "Dune" sold out', 'The film "Dune" sold out'),
    ('"Hello"she said', '"Hello"she said'),
    ("the country”s leaders", "the country’s leaders"),
])
def test_repair_quotes(text: str, expected: str) -> None:
    assert clean.repair_quotes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("a\u00a0 b\t\tc  ", "a b c"),
    ("line\r\nnext\rlast", "line\nnext\nlast"),
    ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
])
def test_normalise_whitespace(text: str, expected: str) -> None:
    assert clean.normalise_whitespace(text) == expected


def test_unwrap_joins_hard_wrapped_paragraphs_only() -> None:
    wrapped = ["The council voted on Monday to approve the new routes, which will",
               "serve the northern suburbs from September and cost about four",
               "million a year."]
    one_per_line = ["Short headline", "A paragraph that is long enough to be a wrapped line?"]
    assert clean.unwrap([*wrapped, "", *one_per_line]) == [" ".join(wrapped), "", *one_per_line]


def _clean_samples() -> dict[str, Article]:
    items = list(ingest.read_corpus([SAMPLES], root=SAMPLES))
    kept, skipped = clean.clean_corpus([i for i in items if isinstance(i, Article)])
    assert skipped == []
    return {a.path[:3]: a for a in kept}


BOILERPLATE = ["COMMENTS", "Subscribers", "Powered by", "Featured image", "Image for", "min read",
               "pic.twitter", "(@", "SecRubio", "Hegseth/X", "(X)", "Cartel boss", "Pemex",
               "Hermosillo", "G7 foreign ministers 2025", "aerial surveillance image",
               "MQ-9B SkyGuardian drone\n", "on the posters", "see our coverage",
               'won"t', 'Mexico"s', "International\n", "searches for lone survivor"]


def test_samples_lose_all_boilerplate() -> None:
    for key, article in _clean_samples().items():
        for marker in BOILERPLATE:
            assert marker not in article.text, f"{key}: {marker!r} left in"


def test_samples_keep_their_body() -> None:
    cleaned = _clean_samples()
    assert cleaned["000"].text.startswith("The U.S. will not be sending military forces")
    assert cleaned["000"].text.endswith("With reports from El País, Border Report and Milenio")
    assert cleaned["000"].text == cleaned["001"].text
    assert "Mission in Mexico would be secretive, sources say" in cleaned["004"].text
    assert "What’s Next" in cleaned["003"].text
    assert cleaned["002"].text.endswith("we are already making it,” he said.")


def test_samples_metadata_and_provenance() -> None:
    cleaned = _clean_samples()
    assert cleaned["000"].published == PartialDate(2026, 2, 5)
    assert cleaned["001"].published == PartialDate(2025, 11, 14)
    assert cleaned["002"].published is None
    assert cleaned["004"].published == PartialDate(2025, 11, 4)
    assert cleaned["001"].found("published") == "header"
    assert cleaned["003"].title == ("Claudia Sheinbaum says US military action against cartels "
                                    "'won't happen'")
    assert cleaned["003"].found("title") == "header"
    assert cleaned["002"].found("title") == "body"
    assert ("embedded_date", "2025-11-13") in cleaned["002"].meta


@pytest.mark.parametrize(("name", "title", "published", "author"), [
    ("coastline_page", "Dockworkers in three ports walk out over pay", PartialDate(2025, 3, 3),
     "Amira Hassan and Tom Baker"),
    ("wire_page", "Senate passes stopgap bill hours before shutdown deadline",
     PartialDate(2025, 9, 30), "LISA MASCARO and KEVIN FREKING"),
])
def test_other_outlets_pages_match_their_expected_text(
        name: str, title: str, published: PartialDate, author: str) -> None:
    (article,) = ingest.read_corpus([DATA / f"{name}.txt"], root=DATA)
    assert isinstance(article, Article)
    (cleaned,), _ = clean.clean_corpus([article])
    expected = (DATA / f"{name}.expected.txt").read_text(encoding="utf-8").strip()
    assert cleaned.text == expected
    assert (cleaned.title, cleaned.published, cleaned.author) == (title, published, author)


def test_embedded_post_date_is_kept() -> None:
    (article,) = ingest.read_corpus([DATA / "coastline_page.txt"], root=DATA)
    assert isinstance(article, Article)
    (cleaned,), _ = clean.clean_corpus([article])
    assert ("embedded_date", "2025-03-02") in cleaned.meta


def test_metadata_from_the_input_wins_over_the_header() -> None:
    article = make_article(text="May 1, 2025\n\nDam plan approved\n\nThe plan was approved.",
                           title="Dam approved", published=PartialDate(2025, 5, 2),
                           provenance=(("published", "metadata"),))
    (cleaned,), _ = clean.clean_corpus([article])
    assert cleaned.published == PartialDate(2025, 5, 2)
    assert cleaned.title == "Dam approved"
    assert cleaned.found("published") == "metadata"
    assert cleaned.text == "Dam plan approved\n\nThe plan was approved."


@pytest.mark.parametrize(("fields", "published", "where"), [
    # The file name is the last resort.
    ({"path": "news/2025-06-30_floods.txt"}, PartialDate(2025, 6, 30), "filename"),
    # The URL's date folders come before the file name.
    ({"path": "scrape/2025-07-04_floods.txt",
      "url": "https://news.example/2025/06/30/floods-hit-valley"}, PartialDate(2025, 6, 30),
     "url"),
    # A date on the page wins over the URL.
    ({"title": None, "url": "https://news.example/2013/05/story-index",
      "text": "May 2, 2013\n\nQuake hits island\n\nA quake hit the island."},
     PartialDate(2013, 5, 2), "header"),
])
def test_where_the_publication_date_comes_from(fields: dict[str, object],
                                               published: PartialDate, where: str) -> None:
    article = make_article(**{"published": None,
                              "text": "Floods hit the valley after days of rain.", **fields})
    (cleaned,), _ = clean.clean_corpus([article])
    assert cleaned.published == published
    assert cleaned.found("published") == where


def test_url_line_of_the_header_dates_the_article_when_nothing_else_does() -> None:
    article = make_article(title=None, published=None, url=None, text=(
        "https://news.example/world/2013/may/03/quake-island\n\nQuake hits island\n\n"
        "A quake hit the island on Friday."))
    (cleaned,), _ = clean.clean_corpus([article])
    assert cleaned.url == "https://news.example/world/2013/may/03/quake-island"
    assert cleaned.published == PartialDate(2013, 5, 3)
    assert cleaned.found("published") == "url"


def test_article_left_empty_is_skipped() -> None:
    empty = make_article(path="x.txt", text="20 COMMENTS\n\nAdvertisement\n")
    kept, skipped = clean.clean_corpus([empty, make_article(id="b", text="Real text here.")])
    assert skipped == [Skipped("x.txt", "no text after cleaning")]
    assert [a.id for a in kept] == ["b"]


def test_line_equal_to_another_articles_title_is_dropped() -> None:
    a = make_article(id="a", title=None, text="Ferry fares to rise in spring\n\nFares rise 5%.")
    b = make_article(id="b", title=None, text="Port strike ends\n\nThe strike ended.\n\n"
                     "Ferry fares to rise in spring\n\nUnions welcomed the deal.")
    kept, _ = clean.clean_corpus([a, b])
    assert kept[1].text == "The strike ended.\n\nUnions welcomed the deal."


def test_header_fields_fill_missing_metadata_with_provenance() -> None:
    article = make_article(title=None, published=None, text=(
        "Source: Valley Gazette\nURL: https://valleygazette.example/bus\n\n"
        "Council approves new bus routes\n\nThe council voted on Monday."))
    (cleaned,), _ = clean.clean_corpus([article])
    assert (cleaned.outlet, cleaned.url, cleaned.title) == (
        "Valley Gazette", "https://valleygazette.example/bus", "Council approves new bus routes")
    assert cleaned.found("outlet") == cleaned.found("url") == "header"
    assert cleaned.text == "The council voted on Monday."


def test_prepare_then_finish_is_clean_corpus_and_picklable() -> None:
    import pickle

    items = [i for i in ingest.read_corpus([SAMPLES], root=SAMPLES) if isinstance(i, Article)]
    prepared = [pickle.loads(pickle.dumps(clean.prepare(a))) for a in items]
    assert clean.finish(prepared) == clean.clean_corpus(items)


def test_site_name_atop_every_page_is_not_the_headline() -> None:
    heads = ["Ferry fares to rise in spring", "New bridge opens to traffic",
             "Council approves bus routes"]
    articles = [make_article(id=f"a{i}", path=f"a{i}.txt", title=None, text=(
        f"Harbour Herald\n\n{head}\n\nStory {i} is about {head.lower()} and nothing else."))
        for i, head in enumerate(heads)]
    kept, _ = clean.clean_corpus(articles)
    assert [a.title for a in kept] == heads
    assert all(a.found("title") == "header" for a in kept)
    assert all("Harbour Herald" not in a.text and a.text.startswith("Story") for a in kept)


def test_two_outlets_may_share_a_headline() -> None:
    articles = [make_article(id=f"a{i}", path=f"a{i}.txt", title=None, text=(
        f"Senate passes stopgap bill\n\nOutlet {i} wrote its own story about the vote, with "
        f"quotes from senators and details on the budget number {i}.")) for i in range(2)]
    kept, _ = clean.clean_corpus(articles)
    assert [a.title for a in kept] == ["Senate passes stopgap bill"] * 2


@pytest.mark.parametrize(("lines", "expected"), [
    (["The minister, who has denied the claims and a", "spokesman said, will stay."],
     ["The minister, who has denied the claims and a spokesman said, will stay."]),
    (["0", "harbour cranes at dusk"], ["0", "harbour cranes at dusk"]),
    (["He said so.", "then left"], ["He said so.", "then left"]),
])
def test_unwrap_joins_sentences_broken_mid_line(lines: list[str], expected: list[str]) -> None:
    assert clean.unwrap(lines) == expected


def test_tokenised_url_line_becomes_the_url_not_the_title() -> None:
    text = ("http : / / www . riverside-gazette . com / news / bridge - closure - 2291\n"
            "Thursday , April 11 , 2013\n"
            "Old river bridge closed after inspectors find cracks\n"
            "The old river bridge was closed to traffic on Thursday after inspectors found "
            "cracks in two of its supports , the county said .")
    article = make_article(text=text, title=None, published=None)
    (cleaned,), _ = clean.clean_corpus([article])
    assert cleaned.url == "http://www.riverside-gazette.com/news/bridge-closure-2291"
    assert cleaned.published == PartialDate(2013, 4, 11)
    assert cleaned.title == "Old river bridge closed after inspectors find cracks"
    assert (cleaned.found("url"), cleaned.found("published"), cleaned.found("title")) == (
        "header", "header", "header")
    assert cleaned.text.startswith("The old river bridge was closed")


def test_tokenised_page_with_glued_headline_and_dateline_is_repaired() -> None:
    text = ("U.S. official says BP spill fines should go to Gulf NEW ORLEANS | Tue Jun 8 , 2010 "
            "7:14 pm EDT NEW ORLEANS -LRB- Reuters -RRB- - The government wants the fines , "
            "about $ 20 billion , spent on the coast , '' an official said . It 's the law .")
    (article,), _ = clean.clean_corpus([make_article(title=None, published=None, text=text)])
    assert article.title == "U.S. official says BP spill fines should go to Gulf"
    assert article.found("title") == "header"
    assert article.text == ("The government wants the fines, about $20 billion, spent on the "
                            "coast,” an official said. It's the law.")


def test_input_title_of_a_tokenised_article_is_detokenised() -> None:
    text = "Palin 's book , out today , sold well , the publisher said . More follows ."
    (article,), _ = clean.clean_corpus([make_article(title="Palin 's book sells", text=text)])
    assert article.title == "Palin's book sells"
    assert article.text.startswith("Palin's book, out today, sold well")


def test_sentence_recurring_across_unrelated_articles_goes_inside_a_paragraph() -> None:
    footer = "We welcome comments that advance the story through relevant opinion and data."
    topics = [
        "Rebels in Misrata fought Gaddafi forces as NATO jets flew over Tripoli and Benghazi.",
        "Voters in Ohio and Florida lined up as Romney and Obama made appeals in Iowa.",
        "Engineers at Fukushima cooled reactors while Tepco and Tokyo officials met in Osaka.",
        "Protesters in Tahrir Square faced Mubarak police as Cairo and Alexandria marched.",
        "Doctors in Mexico and Texas tracked the flu as WHO and Geneva raised the alert.",
    ]
    articles = [make_article(id=f"a{i}", path=f"a{i}.txt", text=f"Lead {i} here.\n\n{t} {footer}")
                for i, t in enumerate(topics)]
    kept, _ = clean.clean_corpus(articles)
    assert all(footer not in a.text for a in kept)
    assert [a.text.split("\n\n")[1] for a in kept] == topics


def test_a_stand_in_headline_is_the_articles_own_sentence() -> None:
    shared = "Transmission details in this weekly listing are not updated after publication."
    articles = [make_article(id=f"p{i}", path=f"p{i}.txt", title=None, text=(
        f"{shared} Programme {i} looks at the {word} harvest in the northern valleys this week."))
        for i, word in enumerate(["apple", "grape", "wheat", "olive", "barley"])]
    cleaned, _ = clean.clean_corpus(articles)
    titles = [a.title or "" for a in cleaned]
    assert all(t.startswith("Programme") for t in titles), titles


def test_a_footer_after_readers_comments_still_counts_as_recurring() -> None:
    footer = ("The Example Blog covers the faith angles of the day's biggest stories, from "
              "breaking news to politics.")
    with_comments = make_article(id="a", text=(
        "Crowds gathered in the main square to call for reforms on Friday. I hope not!!! "
        f"January 27, 2011 at 7:59 pm | Report abuse | I doubt it. {footer}"))
    plain = make_article(id="b",
                         text=f"Rescuers searched the flooded valley for hours.\n\n{footer}")
    (cleaned_a, cleaned_b), _ = clean.clean_corpus([with_comments, plain])
    assert "Report abuse" not in cleaned_a.text and "I doubt it" not in cleaned_a.text
    assert "Example Blog" not in cleaned_b.text
    assert "Rescuers searched the flooded valley" in cleaned_b.text


def test_a_flattened_page_loses_its_teaser_and_its_list_stands_apart() -> None:
    text = ("Oil disaster : Pre-spill tests ` showed cement flaw ' The blowout caused an "
            "explosion on the rig that killed 11 workers and led to the worst spill in the "
            "country 's history , which lasted for months . Live video of the oil spill in "
            "the Gulf of Mexico . Below is a timeline of the spill and its impact : April 20 , "
            "2010 - Explosion and fire on the rig ; 11 workers are killed . April 22 - The rig "
            "sinks .")
    (article,), _ = clean.clean_corpus([make_article(title=None, published=None, text=text)])
    assert article.title == "Oil disaster: Pre-spill tests ‘showed cement flaw'"
    paragraphs = article.text.split("\n\n")
    assert "Live video" not in article.text
    assert paragraphs[0].startswith("The blowout caused an explosion on the rig")
    assert paragraphs[0].endswith("months. Below is a timeline of the spill and its impact:")
    assert paragraphs[1] == ("April 20, 2010 - Explosion and fire on the rig; 11 workers are "
                             "killed. April 22 - The rig sinks.")
