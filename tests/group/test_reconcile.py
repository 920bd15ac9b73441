"""Publication dates reconciled across copies, content and story; reference dates set."""

from __future__ import annotations

import pytest

from generator.group import reconcile
from generator.model import PartialDate, Source, StoryDraft
from tests.conftest import make_article

P = PartialDate
BODY = ("The minister said on Thursday that the border would stay open. The Nov. 1 attack on "
        "the town hall was condemned by all parties.")


def test_later_copy_date_is_a_scrape_date_and_is_overridden_everywhere() -> None:
    scraped = make_article(id="a", text="Thursday, February 5, 2026\n\n" + BODY,
                           published=P(2026, 2, 5), provenance=(("published", "header"),))
    copy = make_article(id="b", text=BODY, published=P(2025, 11, 14))
    (source,) = reconcile.reconcile(StoryDraft((Source(scraped, (copy,)),))).sources
    assert [a.published for a in source.articles] == [P(2025, 11, 14)] * 2
    assert source.primary.found("published") == "copies"
    assert "2026-02-05" in source.primary.notes[0]
    assert source.copies[0].notes == ()
    assert source.reference == P(2025, 11, 14)


def test_page_date_far_after_the_texts_own_full_dates_is_dropped() -> None:
    text = "On March 3, 2024, the council approved the budget after a long debate."
    article = make_article(id="a", text=text, published=P(2025, 6, 30),
                           provenance=(("published", "header"),))
    (source,) = reconcile.reconcile(StoryDraft((Source(article),))).sources
    assert source.primary.published is None
    assert "scraped" in source.primary.notes[0]
    assert source.reference == P(2024, 3, 3)


@pytest.mark.parametrize("where", ["metadata", "url"])
def test_publishers_date_of_an_anniversary_piece_is_kept(where: str) -> None:
    text = "On June 25, 2009, Michael Jackson died at his home in Los Angeles."
    article = make_article(id="a", text=text, published=P(2024, 6, 25),
                           provenance=(("published", where),))
    (source,) = reconcile.reconcile(StoryDraft((Source(article),))).sources
    assert source.primary.published == P(2024, 6, 25)
    assert len(source.primary.notes) == (where == "metadata")  # the doubt, for the report


def test_explicit_date_is_kept_against_a_copy_and_its_doubt_is_noted() -> None:
    text = "On March 3, 2024, the council approved the budget after a long debate."
    given = make_article(id="a", text=text, published=P(2025, 6, 30),
                         provenance=(("published", "metadata"),))
    copy = make_article(id="b", text=text, published=P(2024, 3, 4),
                        provenance=(("published", "header"),))
    (source,) = reconcile.reconcile(StoryDraft((Source(given, (copy,)),))).sources
    assert source.primary.published == P(2025, 6, 30)
    assert source.primary.found("published") == "metadata"
    assert "kept as the input gives it" in source.primary.notes[0]
    assert "2024-03-03" in source.primary.notes[0]
    assert source.copies[0].published == P(2024, 3, 4)


def test_explicit_date_close_to_the_text_gets_no_note() -> None:
    text = "On June 20, 2025, the council approved the budget after a long debate."
    given = make_article(id="a", text=text, published=P(2025, 6, 30),
                         provenance=(("published", "metadata"),))
    (source,) = reconcile.reconcile(StoryDraft((Source(given),))).sources
    assert source.primary.notes == ()


def test_undated_source_gets_reference_from_content_capped_by_story() -> None:
    dated = make_article(id="a", text=BODY, published=P(2025, 11, 14))
    undated = make_article(id="b", published=None, text=(
        "In a statement made to reporters on Tuesday, November 4, 2025, the president said "
        "no. A summit is planned for December 12, 2025."))
    sources = reconcile.reconcile(StoryDraft((Source(dated), Source(undated)))).sources
    assert sources[1].primary.published is None
    assert sources[1].reference == P(2025, 11, 4)


def test_embedded_date_and_neighbours_give_a_reference() -> None:
    dated = make_article(id="a", text=BODY, published=P(2025, 11, 14))
    embed = make_article(id="b", published=None, text="He spoke this Thursday morning.",
                         meta=(("embedded_date", "2025-11-13"),))
    bare = make_article(id="c", published=None, text="Officials met again to talk.")
    sources = reconcile.reconcile(StoryDraft(tuple(map(Source, (dated, embed, bare))))).sources
    assert [s.reference for s in sources] == [P(2025, 11, 14), P(2025, 11, 13), P(2025, 11, 14)]


def test_lone_outlier_date_does_not_become_a_reference_beyond_the_story() -> None:
    a = make_article(id="a", text=BODY, published=P(2025, 11, 4))
    b = make_article(id="b", text=BODY, published=P(2025, 11, 14))
    c = make_article(id="c", text=BODY, published=P(2026, 2, 5))
    sources = reconcile.reconcile(StoryDraft(tuple(map(Source, (a, b, c))))).sources
    assert sources[2].primary.published == P(2026, 2, 5)
    assert sources[2].reference == P(2025, 11, 14)


def test_undated_source_between_neighbours_of_mixed_precision() -> None:
    # A URL's /2013/05/ folder dates a source to the month; sorting it among day-precision
    # dates used to raise TypeError (None compared with a day).
    month = make_article(id="a", text=BODY, published=P(2013, 5))
    days = [make_article(id=i, text=BODY, published=P(2013, 5, d)) for i, d in (("b", 2), ("c", 3))]
    undated = make_article(id="d", text="The quake hit the island.", published=None)
    story = StoryDraft(tuple(Source(a) for a in (month, *days, undated)))
    sources = reconcile.reconcile(story).sources
    assert sources[-1].reference == P(2013, 5, 2)


def test_partial_dates_sort_a_month_before_its_days() -> None:
    dates = [P(2013, 5, 3), P(2013), P(2013, 5), P(2012, 12, 31), P(2013, 5, 1)]
    assert sorted(dates) == [P(2012, 12, 31), P(2013), P(2013, 5), P(2013, 5, 1), P(2013, 5, 3)]
    assert P(2013, 5) < P(2013, 5, 1) <= P(2013, 5, 1) and P(2014) > P(2013, 12, 31) >= P(2013)
