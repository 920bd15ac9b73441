"""Score story clustering on ECB+ (all dev documents at once) and on the sample corpus.

Run: ``.venv/bin/python -m benchmarks.cluster [--errors]``

Every document of ``ecbplus-stories/docs.jsonl`` goes through the same code path as
``digest analyze``: a temporary JSON Lines file (``id``, ``url``, ``text`` = the sentences joined
by newlines; no gold labels, no dates), then ``generator.pipeline.run`` with default settings.
Each article (folded copies included) gets the story of the source it ended up in, and the
predicted stories are scored against the gold ``story_id`` (and against ``topic``): B-cubed
precision/recall/F1, pairwise F1, ARI and V-measure. The sample corpus (``content/``) is run the
same way: its five articles should make one story, with 000 and 001 folded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sklearn.metrics import adjusted_rand_score, homogeneity_completeness_v_measure

from benchmarks import _common, synth
from generator import pipeline
from generator.config import load_settings
from generator.group import communities
from generator.model import Analysis

SET_NAME = "ecbplus-stories"
TARGET_B3_F1 = 0.95


def bcubed(predicted: Sequence[object], gold: Sequence[object], *,
           scored: Sequence[bool] | None = None) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a predicted clustering against gold labels.

    ``scored`` limits the averages to some items (the others still count in cluster sizes).
    """
    pairs = list(zip(predicted, gold, strict=True))
    pred_sizes, gold_sizes, both = Counter(predicted), Counter(gold), Counter(pairs)
    chosen = [pair for i, pair in enumerate(pairs) if scored is None or scored[i]]
    n = len(chosen)
    if n == 0:
        return 0.0, 0.0, 0.0
    precision = sum(both[(p, g)] / pred_sizes[p] for p, g in chosen) / n
    recall = sum(both[(p, g)] / gold_sizes[g] for p, g in chosen) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def pairwise_f1(predicted: Sequence[object], gold: Sequence[object]) -> float:
    """F1 over the pairs of items put in one cluster (counted from cluster sizes, not pairs)."""
    def pairs(counter: Counter[object]) -> int:
        return sum(c * (c - 1) // 2 for c in counter.values())
    together = pairs(Counter(zip(predicted, gold, strict=True)))
    pred_pairs, gold_pairs = pairs(Counter(predicted)), pairs(Counter(gold))
    if not together:
        return 0.0
    precision, recall = together / pred_pairs, together / gold_pairs
    return 2 * precision * recall / (precision + recall)


def scores(predicted: Sequence[object], gold: Sequence[object]) -> dict[str, float]:
    """All figures for one labelling."""
    p, r, f1 = bcubed(predicted, gold)
    labels_pred = [str(x) for x in predicted]
    labels_gold = [str(x) for x in gold]
    hom, com, vm = homogeneity_completeness_v_measure(labels_gold, labels_pred)
    return {"B3_P": p, "B3_R": r, "B3_F1": f1, "pair_F1": pairwise_f1(predicted, gold),
            "ARI": adjusted_rand_score(labels_gold, labels_pred), "V": vm,
            "homogeneity": hom, "completeness": com}


def story_of(analysis: Analysis) -> dict[str, str]:
    """Map every article id (copies included) to its event: what clustering decides.

    A story is a thread of events (``group.threads``); a story without events is one event.
    """
    found = thread_of(analysis)
    found.update({a: f"{story.id}#{event.id}" for story in analysis.stories
                  for event in story.events for a in event.articles})
    return found


def thread_of(analysis: Analysis) -> dict[str, str]:
    """Map every article id (copies included) to its story (thread) id."""
    return {a.id: story.id for story in analysis.stories for s in story.sources
            for a in s.articles}


def _run(paths: tuple[Path, ...], root: Path) -> tuple[Analysis, float]:
    settings = load_settings(root)
    start = time.perf_counter()
    analysis = pipeline.run(settings, paths=paths)
    return analysis, time.perf_counter() - start


def _write(path: Path, docs: list[dict[str, Any]], *, story_dates: bool = False) -> Path:
    """ECB+ documents as JSON Lines; ``story_dates`` dates each by its gold story (see
    ``_story_date``) instead of leaving dates to the URL."""
    path.write_text("".join(json.dumps({"id": d["doc_id"], "url": d["url"],
                                        "text": "\n".join(d["sentences"]),
                                        **({"published": _story_date(d)} if story_dates else {})})
                            + "\n" for d in docs), encoding="utf-8")
    return path


def _story_date(doc: dict[str, Any]) -> str:
    """A day per gold story: a topic's ECB event in 2008, its ECB+ event in 2012."""
    year = 2008 if doc["subtopic"] == "ecb" else 2012
    return f"{year}-{1 + doc['topic'] % 12:02d}-{1 + doc['topic'] % 27:02d}"


def _load(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / "docs.jsonl").read_text().splitlines()]


def _ecbplus_incremental(folder: Path) -> float:
    """B-cubed F1 of stories grown over two builds: every third document arrives a day later.

    The second build starts from the first one's partition (as daily builds do), so this shows
    whether that warm start costs quality against clustering everything at once.
    """
    docs = _load(folder)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        first = _write(root / "first.jsonl", [d for i, d in enumerate(docs) if i % 3 != 2])
        _run((first,), root)
        later = _write(root / "later.jsonl", [d for i, d in enumerate(docs) if i % 3 == 2])
        analysis, _ = _run((first, later), root)
    found = story_of(analysis)
    predicted = [found.get(d["doc_id"], f"missing:{d['doc_id']}") for d in docs]
    return bcubed(predicted, [d["story_id"] for d in docs])[2]


SEEDS = 12
"""Leiden seeds for the spread row: one seed's partition can move the score by a whole
look-alike topic (about 0.01), so a change is judged by the mean, not by the default seed."""


def _seed_spread(folder: Path) -> tuple[str, float]:
    """B-cubed F1 over ``SEEDS`` Leiden seeds (the same pipeline, only the seed differs)."""
    docs = _load(folder)
    gold = [d["story_id"] for d in docs]
    scores_: list[float] = []
    default = communities.LEIDEN_SEED
    try:
        for seed in range(SEEDS):
            communities.LEIDEN_SEED = seed
            with tempfile.TemporaryDirectory() as tmp:
                analysis, _ = _run((_write(Path(tmp) / "ecbplus.jsonl", docs),), Path(tmp))
            found = story_of(analysis)
            scores_.append(bcubed([found.get(d["doc_id"], d["doc_id"]) for d in docs], gold)[2])
    finally:
        communities.LEIDEN_SEED = default
    mean = sum(scores_) / len(scores_)
    return (f"mean {mean:.4f}, lowest {min(scores_):.3f}, highest {max(scores_):.3f} over "
            f"Leiden seeds 0-{SEEDS - 1} (the default seed is {default})"), mean


SMALL_SAMPLES = 4
"""Random thirds of ECB+ scored for the small-stories row (their mean is reported)."""


def _small_stories(folder: Path) -> str:
    """B-cubed F1 on random thirds of ECB+: about four articles a story instead of twelve.

    A daily pile's stories are small, and an article's seven neighbours then reach past its own
    story into the look-alike one. Scored as given (a third of ECB+ has dates) and with every
    story dated (each topic's two events four years apart, as in a dated archive; the dates
    come from the gold stories, so this row shows what dates can do, not what the text gives).
    """
    docs = _load(folder)
    dated: dict[bool, list[float]] = {False: [], True: []}
    for sample in range(SMALL_SAMPLES):
        third = random.Random(sample).sample(docs, len(docs) // 3)
        for with_dates in (False, True):
            with tempfile.TemporaryDirectory() as tmp:
                path = _write(Path(tmp) / "third.jsonl", third, story_dates=with_dates)
                analysis, _ = _run((path,), Path(tmp))
            found = story_of(analysis)
            predicted = [found.get(d["doc_id"], d["doc_id"]) for d in third]
            dated[with_dates].append(bcubed(predicted, [d["story_id"] for d in third])[2])
    mean = {k: sum(v) / len(v) for k, v in dated.items()}
    return (f"B-cubed F1 {mean[False]:.3f} as given, {mean[True]:.3f} with every story dated "
            f"(mean of {SMALL_SAMPLES} random thirds)")


def _ecbplus_among_strangers(folder: Path) -> str:
    """ECB+ mixed with unrelated real articles, as a user's pile mixes stories with one-offs.

    The strangers are the TempEval-3 and PolNeAR articles (other events, other years), given
    with title and text only. Scored on the ECB+ documents: B-cubed where each stranger counts
    as a story of its own (so one glued to an ECB+ story costs precision), and how many
    strangers end up in a story that is mostly ECB+.
    """
    strangers = [*synth.tempeval_articles(), *synth.polnear_articles()]
    if not strangers:
        return "skipped (TempEval-3 and PolNeAR sets not found)"
    docs = _load(folder)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        extra = root / "strangers.jsonl"
        extra.write_text("".join(json.dumps({"id": f"stranger-{i}", "title": a.title,
                                             "text": "\n".join(a.sentences)}) + "\n"
                                 for i, a in enumerate(strangers)), encoding="utf-8")
        analysis, _ = _run((_write(root / "ecbplus.jsonl", docs), extra), root)
    found = story_of(analysis)
    gold = {d["doc_id"]: d["story_id"] for d in docs}
    ids = list(found)
    precision, recall, f1 = bcubed([found[i] for i in ids], [gold.get(i, i) for i in ids],
                                   scored=[i in gold for i in ids])  # a stranger: own story
    sizes, ours = Counter(found.values()), Counter(found[i] for i in ids if i in gold)
    mostly_ours = {story for story in sizes if 2 * ours[story] > sizes[story]}
    glued = sum(1 for i in ids if i not in gold and found[i] in mostly_ours)
    return (f"{len(docs)} ECB+ documents with {len(strangers)} unrelated articles: B-cubed on "
            f"the ECB+ documents P {precision:.3f} / R {recall:.3f} / F1 {f1:.3f}; "
            f"{glued} unrelated articles in a mostly-ECB+ story")


def _ecbplus(folder: Path, show_errors: bool) -> tuple[dict[str, dict[str, float]], str]:
    docs = _load(folder)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        analysis, seconds = _run((_write(root / "ecbplus.jsonl", docs),), root)
    found = story_of(analysis)
    missing = [d["doc_id"] for d in docs if d["doc_id"] not in found]
    predicted = [found.get(d["doc_id"], f"missing:{d['doc_id']}") for d in docs]
    threads = thread_of(analysis)
    result = {"story": scores(predicted, [d["story_id"] for d in docs]),
              "topic": scores(predicted, [d["topic"] for d in docs]),
              "thread vs story": scores([threads.get(d["doc_id"], d["doc_id"]) for d in docs],
                                        [d["story_id"] for d in docs])}
    timings = dict(analysis.timings)
    info = (f"{len(docs)} documents -> {len(analysis.stories)} stories (gold "
            f"{len({d['story_id'] for d in docs})}), {len(missing)} missing; pipeline "
            f"{seconds:.1f} s (dedupe {timings.get('dedupe', 0):.1f} s, cluster "
            f"{timings.get('cluster', 0):.1f} s)")
    if show_errors:
        _print_errors(predicted, [d["story_id"] for d in docs])
    return result, info


def _print_errors(predicted: list[str], gold: list[str]) -> None:
    clusters: dict[str, Counter[str]] = {}
    for p, g in zip(predicted, gold, strict=True):
        clusters.setdefault(p, Counter())[g] += 1
    for story, counts in sorted(clusters.items(), key=lambda kv: -sum(kv[1].values())):
        if len(counts) > 1:
            print(f"  mixed  {story[:40]:40s} {dict(counts)}")
    spread: dict[str, set[str]] = {}
    for p, g in zip(predicted, gold, strict=True):
        spread.setdefault(g, set()).add(p)
    for story_id, parts in sorted(spread.items()):
        if len(parts) > 1:
            print(f"  split  {story_id:12s} into {len(parts)}")


def _samples() -> str:
    content = _common.REPO / "content"
    with tempfile.TemporaryDirectory() as tmp:
        analysis, _ = _run((content,), Path(tmp))
    stories = [[Path(a.path).name[:3] for s in st.sources for a in s.articles]
               for st in analysis.stories]
    folded = any(sorted(Path(a.path).name[:3] for a in s.articles) == ["000", "001"]
                 for st in analysis.stories for s in st.sources)
    terms = "; ".join(", ".join(st.terms) for st in analysis.stories)
    return (f"{len(analysis.stories)} story/stories {stories}; 000/001 folded: "
            f"{'yes' if folded else 'NO'}; terms: {terms}")


def _table(result: dict[str, dict[str, float]]) -> str:
    names = list(result["story"])
    lines = ["| level | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for level, figures in result.items():
        lines.append(f"| {level} | " + " | ".join(f"{figures[n]:.3f}" for n in names) + " |")
    return "\n".join(lines)


def main() -> None:
    """Run the benchmark, print it and record it in BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list mixed and split stories")
    args = parser.parse_args()
    folder = _common.require_eval(SET_NAME)
    result, info = _ecbplus(folder, args.errors)
    samples = _samples()
    grown = _ecbplus_incremental(folder)
    strangers = _ecbplus_among_strangers(folder)
    small = _small_stories(folder)
    spread, seed_mean = _seed_spread(folder)
    table = _table(result)
    verdict = "meets" if result["story"]["B3_F1"] >= TARGET_B3_F1 else "misses"
    verdict += (" with the default seed; the mean over seeds "
                + ("meets it too" if seed_mean >= TARGET_B3_F1 else
                   f"does not ({seed_mean:.4f}), so the margin is within Leiden's noise"))
    print(info)
    print(table)
    print(f"target B-cubed F1 >= {TARGET_B3_F1}: {verdict}")
    print(f"grown over two builds (2/3, then the rest): B-cubed F1 {grown:.3f}")
    print(f"among strangers: {strangers}")
    print(f"small stories: {small}")
    print(f"seed spread: {spread}")
    print(f"sample corpus: {samples}")
    _common.record("cluster", f"""## Story clustering (ECB+ dev, all documents at once)

Command: `.venv/bin/python -m benchmarks.cluster` ({dt.date.today().isoformat()},
{_common.machine()}). Same path as `digest analyze` (JSON Lines, default settings, no gold
labels, no dates given); scored against gold `story_id` (and `topic`). Rows `story` and
`topic` score the events (`stories[].events`, what clustering decides); row `thread vs story`
scores the threads (`stories[]`) against the gold stories: look-alike events must stay in
different threads (target 0.93).

{info}.

{table}

Grown over two builds on one cache (two thirds of the documents, then the rest a day later;
the second build warm-starts from the first one's partition): story B-cubed F1 {grown:.3f}.

Among strangers (a pile mixes stories with one-offs): {strangers}.

Small stories (a random third of the documents, about four a story): {small}.

Story B-cubed F1 by Leiden seed (all else default): {spread}.

Target B-cubed F1 >= {TARGET_B3_F1} on stories: **{verdict}**. Anchor (README): K-means with
the gold K on 20 test stories, B-cubed F1 0.968; TF-IDF agglomerative baseline with its threshold
tuned on the answers, about 0.90.

Sample corpus (`content/`, defaults): {samples}.
""")


if __name__ == "__main__":
    main()
