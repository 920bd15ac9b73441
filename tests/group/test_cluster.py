"""Tests for story clustering: look-alike events, blocking, terms and order."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from generator.config import ClusterSettings
from generator.group import blocking, cluster, communities, datelinks, dedupe, linkage
from generator.model import Article, PartialDate, Source

DATA = Path(__file__).parents[1] / "data" / "cluster"


def _lookalike(*, dated: bool) -> tuple[list[Source], dict[str, str]]:
    rows = [json.loads(line) for line in (DATA / "lookalike.jsonl").read_text().splitlines()]
    articles = [Article(id=r["id"], path=f"lookalike.jsonl#{n}", text=r["text"], title=r["title"],
                        published=PartialDate.parse(r["published"]) if dated else None)
                for n, r in enumerate(rows, 1)]
    return dedupe.fold(articles, threshold=0.6), {r["id"]: r["event"] for r in rows}


def _partition(drafts: list) -> set[frozenset[str]]:
    return {frozenset(a.id for s in d.sources for a in s.articles) for d in drafts}


@pytest.mark.parametrize("dated", [True, False])
def test_lookalike_events_are_kept_apart(dated: bool) -> None:
    sources, events = _lookalike(dated=dated)
    drafts = cluster.group(sources, settings=ClusterSettings())
    expected = {frozenset(i for i, e in events.items() if e == event)
                for event in set(events.values())}
    assert _partition(drafts) == expected


def test_terms_name_what_ties_a_story_together() -> None:
    sources, _ = _lookalike(dated=True)
    drafts = cluster.group(sources, settings=ClusterSettings())
    by_event = {d.sources[0].id.rsplit("-", 1)[0]: d.terms for d in drafts}
    # The people and the place; with background weights a name of everyday words ("Night
    # Shift") weighs like those words and yields to the place.
    assert {"Jon Kessler", "Mark Oduya", "Phoenix"} <= set(by_event["rehab-jon"])
    assert "Malatya" in by_event["quake-turkey"]
    assert all(5 <= len(terms) <= 8 for terms in by_event.values())


def test_drafts_are_ordered_newest_first_and_deterministic() -> None:
    sources, _ = _lookalike(dated=True)
    drafts = cluster.group(sources, settings=ClusterSettings())
    latest = [max(s.primary.published for s in d.sources) for d in drafts]
    assert latest == sorted(latest, reverse=True)
    again = cluster.group(list(reversed(sources)), settings=ClusterSettings())
    assert [[s.id for s in d.sources] for d in again] == [[s.id for s in d.sources]
                                                          for d in drafts]


def test_stories_do_not_depend_on_the_order_sources_were_read_in(
        monkeypatch: pytest.MonkeyPatch) -> None:
    sources, _ = _lookalike(dated=False)
    seen: list[list[str]] = []
    build = cluster.vectors.build

    def spy(given: list[Source], names: object = None) -> object:
        seen.append([s.id for s in given])
        return build(given, names)  # type: ignore[arg-type]

    monkeypatch.setattr(cluster.vectors, "build", spy)
    shuffled = [sources[i] for i in np.random.default_rng(7).permutation(len(sources))]
    first = cluster.group(sources, settings=ClusterSettings())
    second = cluster.group(shuffled, settings=ClusterSettings())
    assert seen[0] == seen[1], "Leiden must see the nodes in one order, whatever the input's"
    assert seen[0] != sorted(seen[0]), "hashed, not the ids' own (often grouped) order"
    assert [[s.id for s in d.sources] for d in first] == [[s.id for s in d.sources]
                                                          for d in second]


def test_far_apart_dates_weaken_links() -> None:
    sources, _ = _lookalike(dated=True)
    moved = [dataclasses.replace(s, primary=dataclasses.replace(
        s.primary, published=PartialDate(2020, 1, 1))) if i == 0 else s
        for i, s in enumerate(sources)]
    factors = cluster._date_factors(moved, np.array([0, 1]), np.array([1, 2]), 45)
    assert factors.tolist() == [pytest.approx(cluster.DATE_YEARS_FACTOR), 1.0]  # four years
    months = [dataclasses.replace(s, primary=dataclasses.replace(
        s.primary, published=PartialDate(2023, 9, 1))) if i == 0 else s
        for i, s in enumerate(sources)]
    factors = cluster._date_factors(months, np.array([0]), np.array([1]), 45)
    assert factors.tolist() == [pytest.approx(cluster.DATE_FAR_FACTOR)]  # half a year


def test_date_window_measures_the_gap_between_partial_dates() -> None:
    sources, _ = _lookalike(dated=True)
    dates = [PartialDate(2008, 12), PartialDate(2008, 12, 29), PartialDate(2009, 3, 1), None]
    dated = [dataclasses.replace(s, primary=dataclasses.replace(s.primary, published=d))
             for s, d in zip(sources, dates, strict=False)]
    # December 2008 spans the 29th (no gap, though its first day is 28 days earlier); its
    # last day is 60 days before March 1; an undated source is never far.
    far = cluster.DATE_FAR_FACTOR
    factors = cluster._date_factors(dated, np.array([0, 0, 1, 2]), np.array([1, 2, 2, 3]), 20)
    assert factors.tolist() == pytest.approx([1.0, far, far, 1.0])


def test_sample_corpus_stays_one_story(sample_dir: Path) -> None:
    articles = [Article(id=p.stem, path=p.name, text=p.read_text(encoding="utf-8"))
                for p in sorted(sample_dir.glob("*.txt"))]
    drafts = cluster.group(dedupe.fold(articles, threshold=0.6), settings=ClusterSettings())
    assert len(drafts) == 1
    assert "Mexico" in drafts[0].terms


@pytest.mark.parametrize("count", [0, 1])
def test_tiny_inputs(count: int) -> None:
    sources = [Source(primary=Article(id="a", path="a.txt", text="A lone article."))][:count]
    drafts = cluster.group(sources, settings=ClusterSettings())
    assert [len(d.sources) for d in drafts] == [1] * count


def _planted_corpus(groups: int, size: int, seed: int = 7) -> tuple[sp.csr_matrix, np.ndarray]:
    """Sparse rows: each group shares a few rare terms on top of common background terms."""
    rng = np.random.default_rng(seed)
    n, background = groups * size, 400
    rows, cols = [], []
    for doc in range(n):
        group = doc // size
        shared = background + group * 6 + rng.choice(6, size=4, replace=False)
        common = rng.choice(background, size=30, replace=False)
        for col in (*shared, *common):
            rows.append(doc)
            cols.append(int(col))
    matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)),
                           shape=(n, background + groups * 6))
    weights = np.log(n / np.maximum(np.asarray((matrix > 0).sum(axis=0)).ravel(), 1))
    return normalize(matrix.multiply(weights).tocsr()), np.arange(n) // size


def test_blocking_is_sub_quadratic_and_finds_true_neighbours() -> None:
    matrix, labels = _planted_corpus(groups=200, size=5)
    k = 5
    rows, cols, sims = blocking.nearest_neighbours(matrix, k)
    n = matrix.shape[0]
    assert len(rows) <= n * k  # never all pairs
    assert not np.any(rows == cols)
    exact = (matrix @ matrix.T).toarray()
    np.fill_diagonal(exact, -1)
    best = exact.argmax(axis=1)
    found = {(int(r), int(c)) for r, c in zip(rows, cols, strict=True)}
    recall = np.mean([(i, int(best[i])) in found for i in range(n)])
    assert recall >= 0.97
    assert np.mean(labels[rows] == labels[cols]) > 0.75
    assert np.allclose(sims, exact[rows, cols], atol=1e-5)


def test_blocking_bounds_postings_per_term(monkeypatch: pytest.MonkeyPatch) -> None:
    matrix, _ = _planted_corpus(groups=60, size=5)
    monkeypatch.setattr(blocking, "POSTING_LIMIT", 3)
    index = blocking._keep_top_per_row(matrix.T.tocsr(), blocking.POSTING_LIMIT)
    assert np.diff(index.indptr).max() <= 3


def test_linkage_rejoins_pieces_of_one_story_but_not_different_ones() -> None:
    matrix, labels = _planted_corpus(groups=2, size=10)
    pieces = np.array([0] * 5 + [1] * 5 + [2] * 10)  # story 0 split in two halves
    rows = np.arange(19)
    cols = np.arange(1, 20)  # a chain that links every neighbouring pair
    merged = linkage.merge_pieces(matrix, pieces, rows, cols)
    assert len(set(merged[:10].tolist())) == 1
    assert merged[0] != merged[10]
    assert labels.tolist() == [0] * 10 + [1] * 10


@pytest.mark.parametrize(("predicted", "gold", "b3_f1", "pair_f1"), [
    ([1, 1, 2, 2], ["a", "a", "b", "b"], 1.0, 1.0),
    ([1, 1, 1, 1], ["a", "a", "b", "b"], 2 * 0.5 * 1.0 / 1.5, 2 * (2 / 6) * 1.0 / (1 + 2 / 6)),
    ([1, 2, 3, 4], ["a", "a", "b", "b"], 2 * 1.0 * 0.5 / 1.5, 0.0),
])
def test_benchmark_scores(predicted: list[int], gold: list[str], b3_f1: float,
                          pair_f1: float) -> None:
    from benchmarks.cluster import bcubed, pairwise_f1

    assert bcubed(predicted, gold)[2] == pytest.approx(b3_f1)
    assert pairwise_f1(predicted, gold) == pytest.approx(pair_f1)


def test_warm_start_renumbers_previous_communities_and_starts_new_sources_alone() -> None:
    assert cluster._initial(["a", "b", "c", "d", "e"], {"a": 7, "b": 7, "c": 3, "e": 7}) == [
        0, 0, 1, 2, 0]


def test_warm_start_from_the_previous_partition_adds_a_late_article() -> None:
    sources, events = _lookalike(dated=True)
    late = sources[-1]
    earlier, partition = cluster.group_stable(sources[:-1], settings=ClusterSettings())
    assert set(partition.coarse) == set(partition.cores) == {s.id for s in sources[:-1]}
    drafts, after = cluster.group_stable(sources, settings=ClusterSettings(), previous=partition)
    expected = {frozenset(i for i, e in events.items() if e == event)
                for event in set(events.values())}
    assert _partition(drafts) == expected
    assert late.id in after.coarse
    assert _partition(earlier) == {g - {late.id} for g in expected} - {frozenset()}


def _path(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sources 0-1-2-...: each linked both ways to the next (a chain of equal links)."""
    pairs = [(a, a + 1) for a in range(n - 1)] + [(a + 1, a) for a in range(n - 1)]
    rows, cols = (np.array(side) for side in zip(*pairs, strict=True))
    return rows, cols, np.ones(len(pairs))


def _groups(labels: np.ndarray) -> list[list[int]]:
    return sorted(cluster._members(labels))


def test_a_previous_partition_as_good_as_a_fresh_one_is_kept() -> None:
    rows, cols, sims = _path(8)
    fresh = cluster._communities(8, rows, cols, sims, 0.5)
    kept = cluster._communities(8, rows, cols, sims, 0.5, initial=[0, 0, 0, 0, 1, 1, 1, 1])
    assert _groups(kept) == [[0, 1, 2], [3, 4], [5, 6, 7]]  # equal quality, other cut
    assert _groups(kept) != _groups(fresh)


def test_a_clearly_worse_previous_partition_gives_way_to_a_fresh_one() -> None:
    rows, cols, sims = _path(6)
    labels = cluster._communities(6, rows, cols, sims, 0.5, initial=[0, 0, 0, 1, 1, 1])
    assert _groups(labels) == [[0, 1], [2, 3], [4, 5]]  # the warm start stays in halves


def test_without_a_fresh_try_the_warm_start_is_kept_even_when_worse() -> None:
    rows, cols, sims = _path(6)
    labels = cluster._communities(6, rows, cols, sims, 0.5, initial=[0, 0, 0, 1, 1, 1],
                                  try_fresh=False)
    assert _groups(labels) == [[0, 1, 2], [3, 4, 5]]


@pytest.mark.parametrize(("known", "fresh_runs"), [(1.0, 0), (0.9, 0), (0.7, 2)])
def test_a_fresh_partition_is_tried_only_when_many_sources_are_new(
        monkeypatch: pytest.MonkeyPatch, known: float, fresh_runs: int) -> None:
    sources, _ = _lookalike(dated=True)
    _, partition = cluster.group_stable(sources, settings=ClusterSettings())
    keep = {s.id for s in sources[:round(known * len(sources))]}
    previous = cluster.Partition({k: v for k, v in partition.coarse.items() if k in keep},
                                 {k: v for k, v in partition.cores.items() if k in keep})
    runs: list[str] = []
    fresh, warm = communities.fresh, communities.warm
    monkeypatch.setattr(communities, "fresh", lambda *a: runs.append("fresh") or fresh(*a))
    monkeypatch.setattr(communities, "warm", lambda *a: runs.append("warm") or warm(*a))
    cluster.group_stable(sources, settings=ClusterSettings(), previous=previous)
    assert runs.count("fresh") == fresh_runs  # both passes, or neither
    assert runs.count("warm") == 2


def test_a_fresh_partition_is_tried_once_a_fifth_is_new_since_the_last_try(
        monkeypatch: pytest.MonkeyPatch) -> None:
    sources, _ = _lookalike(dated=True)
    _, partition = cluster.group_stable(sources, settings=ClusterSettings())
    assert partition.tried_at == len(sources)
    runs: list[str] = []
    fresh = communities.fresh
    monkeypatch.setattr(communities, "fresh", lambda *a: runs.append("fresh") or fresh(*a))
    _, same = cluster.group_stable(sources, settings=ClusterSettings(), previous=partition)
    assert runs == [] and same.tried_at == len(sources)
    # Many small drops since the last try add up: this build tries again, though nothing is new.
    long_ago = dataclasses.replace(partition, tried_at=round(0.7 * len(sources)))
    _, after = cluster.group_stable(sources, settings=ClusterSettings(), previous=long_ago)
    assert runs == ["fresh", "fresh"] and after.tried_at == len(sources)


def test_a_warm_start_moves_only_the_free_sources() -> None:
    rows, cols, sims = _path(6)
    free = np.array([False, False, False, False, True, True])
    labels = cluster._communities(6, rows, cols, sims, 0.5, initial=[0, 0, 0, 0, 0, 0],
                                  free=free, try_fresh=False)
    assert len(set(labels[:4].tolist())) == 1, "the fixed sources stay together"
    moved = cluster._communities(6, rows, cols, sims, 0.5, initial=[0, 0, 0, 0, 0, 0],
                                 try_fresh=False)
    assert len(set(moved.tolist())) > 1, "unfixed, the same start splits the chain"


def test_free_sources_are_the_new_ones_and_their_links() -> None:
    rows, cols = np.array([0, 1, 2, 4]), np.array([1, 2, 3, 3])
    fresh = np.array([False, False, False, True, False, False])
    assert cluster._free(fresh, rows, cols).tolist() == [False, False, True, True, True, False]


def test_linkage_rounds_after_the_first_give_what_comparing_every_pair_gives() -> None:
    rng = np.random.default_rng(3)
    centres = rng.random((12, 40)) ** 4  # 12 stories of sparse-ish topics
    story = np.repeat(np.arange(12), 25)
    matrix = sp.csr_matrix(normalize(centres[story] + 0.3 * rng.random((300, 40)) ** 6))
    pieces = np.arange(300) // 5  # every story cut into five pieces of five
    rows = rng.integers(0, 300, 3000)
    cols = np.where(rng.random(3000) < 0.8, (rows // 25) * 25 + rng.integers(0, 25, 3000),
                    rng.integers(0, 300, 3000))  # most links inside a story, some across
    quick = linkage.merge_pieces(matrix, pieces, rows, cols)
    labels, rounds = linkage._compact(pieces), 0
    while (merged := linkage._merge_round(matrix, labels, rows, cols, linkage.MERGE_RATIO,
                                          changed=None)) is not None:
        labels, rounds = merged[0], rounds + 1
    assert rounds > 1, "the case must need several rounds"
    assert quick.tolist() == labels.tolist()
    assert 1 < len(set(quick.tolist())) < 60, "pieces merged, but not all of them"


def test_strong_pairs_depend_on_the_pair_alone() -> None:
    matrix, _ = _planted_corpus(groups=60, size=5)
    strong = blocking.Strong(floor=0.2, cap=100)
    few = matrix[:100]  # twenty groups; the other forty share their common terms

    def pairs(rows: sp.csr_matrix, limit: int) -> set[tuple[int, int]]:
        found = blocking.nearest_neighbours(rows, 0, posting_limit=limit, strong=strong)
        return {(int(r), int(c)) for r, c in zip(found[0], found[1], strict=True)
                if r < 100 and c < 100}

    alone, among_others = pairs(few, 1000), pairs(matrix, 1000)
    exact = (few @ few.T).toarray()
    np.fill_diagonal(exact, 0)
    above = np.nonzero(exact >= 0.2)
    assert alone == among_others == set(zip(above[0].tolist(), above[1].tolist(), strict=True))
    assert alone
    assert pairs(matrix, 3) != alone  # a posting limit that binds makes them depend on the rest


def _unrelated(count: int) -> list[Article]:
    """Invented reports of other events (festivals, trials, launches), three to an event."""
    subjects = [("harbour festival", "Marta Quell", "Port Elsby"),
                ("chess final", "Ivo Brandt", "Kellerton"),
                ("bridge closure", "Dana Ruiz", "Wexmoor"),
                ("satellite launch", "Omar Sadik", "Tarvo"),
                ("fraud trial", "Lena Hoff", "Brisk"),
                ("orchestra tour", "Paulo Neves", "Lindau"),
                ("rail strike", "Hana Mori", "Sotherby"),
                ("museum reopening", "Eli Stone", "Carrow")]
    articles = []
    for n in range(count):
        what, who, where = subjects[n // 3 % len(subjects)]
        articles.append(Article(
            id=f"other-{n}", path=f"other-{n}.txt", title=f"{who} on the {where} {what}",
            text=(f"The {what} in {where} drew crowds on day {n % 3 + 1}, {who} said. "
                  f"Organisers in {where} expect the {what} to draw more visitors next week, "
                  f"and {who} thanked the volunteers and the city council."),
            published=PartialDate(2024, 1 + n % 12, 1 + n % 27)))
    return articles


@pytest.mark.parametrize("dated", [True, False])
def test_events_are_the_same_alone_and_inside_a_larger_pile(dated: bool) -> None:
    sources, _ = _lookalike(dated=dated)
    extra = dedupe.fold(_unrelated(48), threshold=0.6)
    alone = _partition(cluster.group(sources, settings=ClusterSettings()))
    mixed = _partition(cluster.group([*sources, *extra], settings=ClusterSettings()))
    ours = {a.id for s in sources for a in s.articles}
    assert {group & ours for group in mixed} - {frozenset()} == alone


def _pair_sims(pairs: blocking.Pairs) -> dict[tuple[int, int], float]:
    return {(int(r), int(c)): round(float(s), 5) for r, c, s in zip(*pairs, strict=True)}


def _extended(matrix: sp.csr_matrix, before: np.ndarray, k: int,
              strong: blocking.Strong) -> blocking.Neighbourhood:
    """The links of the rows ``before`` (old row -> new row), extended to all of ``matrix``."""
    last = blocking.neighbourhood(matrix[before], k, strong=strong)
    old, lost = last.remap(before, matrix.shape[0])
    fresh = np.ones(matrix.shape[0], dtype=bool)
    fresh[before] = False
    return blocking.extend(matrix, k, old, fresh | lost, strong=strong)


@pytest.mark.parametrize("new_rows", [[18, 19], [0, 7, 19]])
def test_extended_links_are_those_a_whole_search_finds(new_rows: list[int]) -> None:
    # Few enough rows that every row is a candidate of every other: a whole search is exact,
    # and so must the extension be, strong pairs and each row's nearest alike.
    matrix, _ = _planted_corpus(groups=4, size=5)
    strong = blocking.Strong(floor=0.12, cap=100)  # some pairs of a group reach it
    before = np.array([i for i in range(matrix.shape[0]) if i not in new_rows])
    whole = blocking.neighbourhood(matrix, 3, strong=strong)
    extended = _extended(matrix, before, 3, strong)
    assert _pair_sims(extended.strong) == _pair_sims(whole.strong) != {}
    assert _pair_sims(extended.near) == _pair_sims(whole.near)
    assert any(int(c) in new_rows for r, c in zip(*extended.near[:2], strict=True)
               if int(r) not in new_rows), "old rows must gain new neighbours"


def test_a_row_that_lost_a_neighbour_is_searched_again() -> None:
    matrix, _ = _planted_corpus(groups=4, size=5)
    strong = blocking.Strong(floor=0.12, cap=100)  # some pairs of a group reach it
    last = blocking.neighbourhood(matrix, 3, strong=strong)
    gone = int(last.near[1][0])  # the first row's nearest
    new_index = np.arange(matrix.shape[0])
    new_index[gone] = -1
    new_index[gone + 1:] -= 1
    old, lost = last.remap(new_index, matrix.shape[0] - 1)
    assert lost[int(new_index[last.near[0][0]])]
    rest = matrix[np.flatnonzero(new_index >= 0)]
    extended = blocking.extend(rest, 3, old, lost, strong=strong)
    whole = blocking.neighbourhood(rest, 3, strong=strong)
    assert _pair_sims(extended.near) == _pair_sims(whole.near)
    assert _pair_sims(extended.strong) == _pair_sims(whole.strong)


def test_a_rebuild_extends_the_last_links_instead_of_searching_all(
        monkeypatch: pytest.MonkeyPatch) -> None:
    sources, _ = _lookalike(dated=True)
    _, partition = cluster.group_stable(sources[:-1], settings=ClusterSettings())
    assert partition.links is not None and partition.links.ids
    searched: list[int] = []
    search = blocking._search
    monkeypatch.setattr(blocking, "_search",
                        lambda m, k, rows, *a: searched.append(len(rows)) or search(m, k, rows, *a))
    drafts, after = cluster.group_stable(sources, settings=ClusterSettings(), previous=partition)
    assert searched == [1]  # the one new source; the others' links extended
    cold, whole = cluster.group_stable(sources, settings=ClusterSettings())
    assert after.links is not None and whole.links is not None and whole.links.hood is not None
    assert after.links.hood is not None
    assert _pair_sims(after.links.hood.links()) == _pair_sims(whole.links.hood.links())
    assert after.links.local is not None and whole.links.local is not None
    assert len(whole.links.local[0])  # the look-alike reports have same-days pairs
    assert _pair_sims(after.links.local) == _pair_sims(whole.links.local)
    assert _partition(drafts) == _partition(cold)


def test_a_source_whose_day_changed_is_compared_again() -> None:
    """A corrected publication day changes which date-local pairs a source has."""
    sources, _ = _lookalike(dated=True)
    _, partition = cluster.group_stable(sources, settings=ClusterSettings())
    moved = [dataclasses.replace(s, primary=dataclasses.replace(
        s.primary, published=PartialDate(2001, 1, 1))) if i == 0 else s
        for i, s in enumerate(sources)]
    _, after = cluster.group_stable(moved, settings=ClusterSettings(), previous=partition)
    _, whole = cluster.group_stable(moved, settings=ClusterSettings())
    assert after.links is not None and after.links.local is not None
    assert whole.links is not None and whole.links.local is not None
    assert _pair_sims(after.links.local) == _pair_sims(whole.links.local)
    assert _pair_sims(after.links.local) != _pair_sims(partition.links.local)  # type: ignore[union-attr]


def test_a_source_whose_text_changed_is_searched_again(monkeypatch: pytest.MonkeyPatch) -> None:
    sources, _ = _lookalike(dated=True)
    _, partition = cluster.group_stable(sources, settings=ClusterSettings())
    edited = dataclasses.replace(sources[0], primary=dataclasses.replace(
        sources[0].primary, text=sources[0].primary.text + " A correction was appended."))
    searched: list[int] = []
    search = blocking._search
    monkeypatch.setattr(blocking, "_search",
                        lambda m, k, rows, *a: searched.append(len(rows)) or search(m, k, rows, *a))
    cluster.group_stable([edited, *sources[1:]], settings=ClusterSettings(), previous=partition)
    assert searched and searched[0] >= 1


def _decoyed() -> sp.csr_matrix:
    """Source 0's nearest is source 1, but four decoys weigh their one shared term more.

    Sources 0 and 1 share that term and ten lighter ones (cosine 0.83); each decoy has the
    term and a word of its own (cosine 0.54 with source 0), so on the term alone, all a
    one-term query sees, the decoys come first. Sources 6 and 7 are near-copies.
    """
    lights = list(range(1, 21))
    rows = [{0: 1.0, **dict.fromkeys(lights, 0.3)}, {0: 1.0, **dict.fromkeys(lights[:10], 0.3)},
            *({0: 1.0, 21 + n: 0.5} for n in range(4)),
            {30: 1.0, 31: 0.1}, {30: 1.0, 31: 0.1, 32: 0.01}]
    dense = np.zeros((len(rows), 40))
    for index, terms in enumerate(rows):
        dense[index, list(terms)] = list(terms.values())
    return normalize(sp.csr_matrix(dense))


def test_neighbour_links_keep_the_nearest_of_a_larger_pool_and_every_strong_pair(
        monkeypatch: pytest.MonkeyPatch) -> None:
    matrix = _decoyed()
    monkeypatch.setattr(blocking, "QUERY_TERMS", 1)  # a coarse partial score, as in a big pile
    monkeypatch.setattr(cluster, "STRONG_LINK", 0.99)  # only the near-copies are strong

    def found(pool: int) -> tuple[set[tuple[int, int]], np.ndarray, np.ndarray]:
        monkeypatch.setattr(cluster, "NEIGHBOUR_POOL", pool)
        links = blocking.neighbourhood(
            matrix, cluster.NEIGHBOUR_POOL, posting_limit=cluster.POSTING_LIMIT,
            strong=blocking.Strong(cluster.STRONG_LINK, cluster.STRONG_CAP)).links()
        rows, cols, sims = cluster._neighbour_links(links, 1, matrix.shape[0])
        return set(zip(rows.tolist(), cols.tolist(), strict=True)), rows, sims

    narrow, _, _ = found(1)
    wide, rows, sims = found(2)
    assert (0, 1) not in narrow  # three candidates, all decoys
    assert (0, 1) in wide
    assert {(6, 7), (7, 6)} <= wide
    weak = sims < cluster.STRONG_LINK
    assert np.bincount(rows[weak]).max() <= 1  # k neighbours a source, besides strong pairs
    assert len(wide) == len(rows)  # each pair once


def test_dated_sources_are_linked_by_their_own_evidence() -> None:
    """Same-days pairs are linked whatever the neighbour lists hold; other dated links weaken.

    Inside a larger pile a source's neighbour list fills with other outlets' reports, so
    between dated sources the links that depend on the pair alone (strong or date-local)
    decide, and the pile-dependent ones count less.
    """
    def source(name: str, published: PartialDate | None) -> Source:
        return Source(primary=Article(id=name, path=f"{name}.txt", text=name,
                                      published=published))
    sources = [source("a", PartialDate(2010, 6, 16)), source("b", PartialDate(2010, 6, 17)),
               source("c", PartialDate(2010, 8, 1)), source("d", None)]
    matrix = sp.csr_matrix(normalize(np.array([[1.0, 0.3, 0, 0], [0.3, 1.0, 0, 0],
                                               [1.0, 0, 1.0, 0], [1.0, 0, 0, 1.0]],
                                              dtype=np.float32)))
    neighbour = (np.array([0, 0, 0, 1]), np.array([2, 3, 2, 0]),
                 np.array([0.3, 0.3, 0.5, 0.1], np.float32))
    days = datelinks.day_numbers([s.primary.published for s in sources])
    local = datelinks.local_pairs(matrix, days, window=cluster.LOCAL_DAYS,
                                  floor=cluster.LOCAL_LINK)
    rows, cols, sims = cluster._with_local(neighbour, local, sources)
    links = {(r, c): round(float(s), 3) for r, c, s in zip(rows, cols, sims, strict=True)}
    weakened = round(0.3 * cluster.DATED_NEIGHBOUR_FACTOR, 3)
    assert links[(0, 3)] == 0.3  # one side undated: its neighbour list is all there is
    assert 0.1 in [round(float(s), 3) for (r, c), s in zip(zip(rows, cols, strict=True), sims,
                                                           strict=True) if (r, c) == (1, 0)]
    # a day apart, a neighbour link keeps its weight however weak
    assert sorted(s for (r, c), s in zip(zip(rows, cols, strict=True), sims.tolist(),
                                         strict=True) if (r, c) == (0, 2)) == pytest.approx(
        [weakened, 0.5])  # a strong copy of a link keeps its weight
    cosine = float((matrix[0] @ matrix[1].T).toarray()[0, 0])
    assert cosine >= cluster.LOCAL_LINK
    assert links[(0, 1)] == round(cosine, 3)  # a day apart and similar: local, both ways
    assert (1, 0) in links
