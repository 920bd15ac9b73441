"""Tests for near-duplicate folding."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import clean, ingest
from generator.group import dedupe
from generator.model import Article, PartialDate
from tests.conftest import make_article

BODY = (
    "Dockworkers at three of the country's largest ports walked off the job on Monday, halting "
    "container traffic after talks over a new pay deal broke down late on Sunday night. The union "
    "said its members had rejected an offer of a 4 percent raise, calling it an insult to workers "
    "who kept the country supplied during the pandemic. Port operators said the strike would cost "
    "about $50 million a day. The transport minister urged both sides to return to the table and "
    "said the government was ready to appoint a mediator if talks did not resume by Wednesday."
)
OTHER = (
    "Heavy rain flooded parts of the northern city on Tuesday, forcing hundreds of families from "
    "their homes as the river burst its banks for the second time this year. Emergency services "
    "said two people were missing after their car was swept off a bridge near the old mill. The "
    "mayor opened three school gyms as shelters and asked residents to stay off the roads until "
    "the water receded, which forecasters said could take until the weekend."
)


def _article(ident: str, text: str, **fields: object) -> Article:
    return make_article(id=ident, path=f"{ident}.txt", text=text, **fields)


@pytest.mark.parametrize(("variant", "folds"), [
    # Same body, another site's header and footer.
    ("Skip to main content\nNews > Business\n" + BODY + "\nShare this article\nRead more: "
     "stocks rally as oil falls", True),
    # Cut short: only the first half survived the scraper.
    (BODY[: len(BODY) // 2], True),
    # Lightly edited wire copy: one sentence rewritten.
    (BODY.replace("The transport minister urged", "On Monday evening the transport minister "
                  "called on"), True),
    # A different article on another subject.
    (OTHER, False),
    # Too short to be sure of anything.
    ("Dockworkers at three of the country's largest ports", False),
])
def test_folds_copies_and_keeps_other_articles(variant: str, folds: bool) -> None:
    sources = dedupe.fold([_article("a", BODY), _article("b", variant)], threshold=0.6)
    assert (len(sources) == 1) is folds


def test_primary_is_the_fullest_copy() -> None:
    short = _article("short", BODY[: len(BODY) // 2], published=PartialDate(2025, 3, 1))
    full = _article("full", BODY, published=PartialDate(2025, 3, 3))
    [source] = dedupe.fold([short, full], threshold=0.6)
    assert source.primary.id == "full"
    assert [c.id for c in source.copies] == ["short"]


def test_among_full_copies_the_earliest_published_leads() -> None:
    later = _article("later", BODY + " Updated.", published=PartialDate(2025, 3, 4))
    earlier = _article("earlier", BODY, published=PartialDate(2025, 3, 3))
    undated = _article("undated", BODY + " Share.", published=None)
    [source] = dedupe.fold([later, undated, earlier], threshold=0.6)
    assert source.primary.id == "earlier"
    assert {c.id for c in source.copies} == {"later", "undated"}


def test_sources_keep_input_order_and_threshold_is_respected() -> None:
    articles = [_article("x", OTHER), _article("a", BODY), _article("b", BODY[:300])]
    assert [s.id for s in dedupe.fold(articles, threshold=0.6)] == ["x", "a"]
    assert len(dedupe.fold(articles, threshold=1.01)) == 3


def test_empty_input() -> None:
    assert dedupe.fold([], threshold=0.6) == []


def test_sample_000_and_001_fold_through_ingest_and_clean(sample_dir: Path) -> None:
    read = [a for a in ingest.read_corpus((sample_dir,), root=sample_dir.parent)
            if isinstance(a, Article)]
    articles, _ = clean.clean_corpus(read)
    sources = dedupe.fold(articles, threshold=dedupe.DEFAULT_THRESHOLD)
    names = [sorted(Path(a.path).name[:3] for a in s.articles) for s in sources]
    assert ["000", "001"] in names
    assert len(sources) == len(articles) - 1


HEADLINE = "Dock strike halts container traffic at three largest ports"
STAND_IN = "Dockworkers at three of the country's largest ports walked off the job on…"


@pytest.mark.parametrize(("texts", "primary", "title", "how"), [
    # Two full scrapes, the earlier one lost its headline line: the titled one leads.
    ((BODY, BODY + " Talks are due to resume on Thursday."), "b", HEADLINE, "header"),
    # Only the headline-less scrape is full: it leads, borrowing the teaser's headline.
    ((BODY, BODY[: len(BODY) // 2]), "a", HEADLINE, "copies"),
])
def test_primary_gets_a_real_headline(texts: tuple[str, str], primary: str, title: str,
                                      how: str) -> None:
    untitled = _article("a", texts[0], title=STAND_IN, provenance=(("title", "body"),),
                        published=PartialDate(2025, 3, 1))
    titled = _article("b", texts[1], title=HEADLINE, provenance=(("title", "header"),),
                      published=PartialDate(2025, 3, 2))
    [source] = dedupe.fold([untitled, titled], threshold=0.6)
    assert source.primary.id == primary
    assert (source.primary.title, source.primary.found("title")) == (title, how)
    assert source.primary.text == texts[0 if primary == "a" else 1]


def test_primary_keeps_its_own_headline() -> None:
    first = _article("a", BODY, title=HEADLINE, provenance=(("title", "header"),),
                     published=PartialDate(2025, 3, 1))
    teaser = _article("b", BODY[: len(BODY) // 2], title="Ports shut as dockworkers strike",
                      provenance=(("title", "header"),), published=PartialDate(2025, 3, 1))
    [source] = dedupe.fold([first, teaser], threshold=0.6)
    assert (source.primary.id, source.primary.title) == ("a", HEADLINE)
    assert source.primary.found("title") == "header"


def _lsh_one_by_one(signatures: list) -> set[tuple[int, int]]:
    """The candidate pairs as datasketch finds them: query, then insert, article by article."""
    from datasketch import LeanMinHash, MinHashLSH
    lsh = MinHashLSH(threshold=dedupe.LSH_THRESHOLD, num_perm=dedupe.NUM_PERM)
    pairs: set[tuple[int, int]] = set()
    for index, values in enumerate(signatures):
        if values is None:
            continue
        signature = LeanMinHash(seed=1, hashvalues=values, scheme=dedupe._TEMPLATE.scheme)
        pairs.update((int(other), index) for other in lsh.query(signature))
        lsh.insert(index, signature)
    return pairs


def test_banding_by_sorting_finds_the_pairs_datasketch_finds() -> None:
    words = (BODY + " " + OTHER).split()
    texts = [" ".join(words[start:start + length])
             for start in range(0, 120, 7) for length in (25, 40, 60)]
    texts += ["Too short to fold.", BODY, BODY + " Updated at noon.", OTHER]
    signatures = [dedupe.fingerprint(_article(f"a{i}", text)).signature
                  for i, text in enumerate(texts)]
    assert any(s is None for s in signatures), "short articles have no signature"
    expected = _lsh_one_by_one(signatures)
    assert len(expected) > 50, "overlapping windows give many candidates"
    assert dedupe._candidate_pairs(signatures) == expected
