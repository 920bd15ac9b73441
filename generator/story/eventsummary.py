"""A thread's summary and title from its events' best sentences, so that an event is read once.

``gather(sources, title=...)`` reads one event: its summary sentences, most central first as
``summary.summarize`` ranks them, the first ``EVENT_SENTENCES`` kept with their word vectors,
the centroid of its texts and a vector of its title (``EventSummary``: bounded, dependent on
that event's sources alone). ``compose`` writes the thread's paragraph: for one event exactly
what ``summary.summarize`` gives its sources; for several, their sentences ranked by closeness
to the thread's centroid (the events' centroids weighted by their sources), near-repeats
skipped. ``title`` picks the thread's title among its events' titles the same way.

Vectors are sparse maps of ``textvec.analyze`` stems to weights, so vectors of different
events compare word for word.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.model import Source
from generator.story import summary
from generator.text import textvec

# Sentences one event keeps, most central first: a paragraph takes three, and near-repeats
# and sentences that would make it too long are skipped, so ten times that leaves choice.
EVENT_SENTENCES = 30
# Sentences of each event (its most central) a thread of several events ranks: an event's
# lower-ranked sentences are details of that event, not of the thread.
THREAD_SENTENCES = 5
# Words of an event's centroid kept (the heaviest): the centroid of a few hundred sources
# spreads over thousands of stems whose weights past a few hundred add little to a cosine.
CENTROID_TERMS = 300

Vector = tuple[tuple[str, float], ...]
"""A sparse vector: (stem, weight) pairs."""


@dataclass(frozen=True, slots=True)
class EventSummary:
    """An event's best summary sentences with their vectors, its centroid and title vector."""

    sentences: tuple[str, ...] = ()
    """Most central first (``summary``'s order within the event)."""
    vectors: tuple[Vector, ...] = ()
    """Each sentence's TF-IDF vector among the event's summary sentences (L2-normalised)."""
    centroid: Vector = ()
    """Mean of the event's texts' TF-IDF vectors (its heaviest words)."""
    weight: int = 0
    """Sources of the event."""
    title: Vector = ()
    """The event title's words (L2-normalised)."""


def gather(sources: Sequence[Source], *, title: str) -> EventSummary:
    """One event's share of the thread's summary and title (see the module docstring)."""
    candidates, order = summary.central_sentences(sources)
    kept = order[:EVENT_SENTENCES]
    vectors = _rows(candidates, kept)
    return EventSummary(sentences=tuple(candidates[i] for i in kept), vectors=vectors,
                        centroid=_centroid([s.primary.text for s in sources]),
                        weight=len(sources), title=_normalised(Counter(textvec.analyze(title))))


def compose(parts: Sequence[EventSummary], *,
            limit: int = summary.MAX_SUMMARY_SENTENCES) -> str:
    """The thread's paragraph from its events' sentences (see the module docstring)."""
    pool = [(text, dict(vector)) for part in parts
            for text, vector in zip(part.sentences, part.vectors, strict=True)]
    if len(parts) > 1:
        centroid = _thread_centroid(parts)
        # An event speaks for the thread by its sources, and with its own most central
        # sentences only: on a real pile's 1,400-source saga, ranking every event's thirty
        # sentences by closeness alone led with one-source events' captions and teasers.
        pool, scores = [], []
        for part in parts:
            for sentence, row in list(zip(part.sentences, part.vectors, strict=True))[
                    :THREAD_SENTENCES]:
                pool.append((sentence, dict(row)))
                scores.append(_dot(dict(row), centroid) * _voice(part))
        pool = [pool[i] for i in sorted(range(len(pool)), key=lambda i: -scores[i])]
    chosen: list[tuple[str, dict[str, float]]] = []
    for text, vector in pool:
        if len(chosen) == limit:
            break
        if any(_dot(vector, other) > summary.REPEAT_SIMILARITY for _, other in chosen):
            continue
        used = sum(len(other) + 1 for other, _ in chosen)
        if used + len(text) > summary.MAX_SUMMARY_CHARS:
            continue
        chosen.append((text, vector))
    return " ".join(text for text, _ in chosen)


def title(titles: Sequence[str], parts: Sequence[EventSummary]) -> str:
    """The thread's title: of its events' titles, the closest to the thread's centroid.

    Ties go to the event of more sources, then the earlier in the thread's order.
    """
    if len(titles) == 1:
        return titles[0]
    centroid = _thread_centroid(parts)
    best = max(range(len(titles)), key=lambda i: (
        _dot(dict(parts[i].title), centroid) * _voice(parts[i]), parts[i].weight, -i))
    return titles[best]


def _voice(part: EventSummary) -> float:
    """How much an event's sentences and title count in its thread: grows with its sources."""
    return math.log2(1 + part.weight)


def _thread_centroid(parts: Sequence[EventSummary]) -> dict[str, float]:
    """The events' centroids averaged, each weighing its sources."""
    total = sum(p.weight for p in parts) or 1
    centroid: dict[str, float] = {}
    for part in parts:
        for word, value in part.centroid:
            centroid[word] = centroid.get(word, 0.0) + value * part.weight / total
    return centroid


def _rows(candidates: Sequence[str], kept: Sequence[int]) -> tuple[Vector, ...]:
    """The kept candidates' rows of ``textvec.sparse_tfidf(candidates)``, by stem.

    The repeat test of ``summary.summarize`` compares these rows; the stems are the columns
    in the order ``sparse_tfidf`` numbers them (first seen first).
    """
    matrix = textvec.sparse_tfidf(candidates)
    if matrix is None or not kept:
        return tuple(() for _ in kept)
    # The counts sparse_tfidf just read (remembered by textvec), in its column order.
    vocabulary = list(dict.fromkeys(w for c in candidates for w in textvec._word_counts(c)))
    rows = []
    for i in kept:
        row = matrix.getrow(i)
        rows.append(tuple((vocabulary[int(j)], float(v))
                          for j, v in zip(row.indices, row.data, strict=True)))
    return tuple(rows)


def _centroid(texts: Sequence[str]) -> Vector:
    """Mean of the texts' TF-IDF vectors (sublinear tf, smoothed idf, L2-normalised rows)."""
    # The counts summary.central_sentences just read (remembered by textvec).
    counts = [textvec._word_counts(t) for t in texts]
    frequency = Counter(w for c in counts for w in c)
    idf = {w: math.log((1 + len(texts)) / (1 + n)) + 1 for w, n in frequency.items()}
    centroid: dict[str, float] = {}
    for count in counts:
        row = {w: (1 + math.log(n)) * idf[w] for w, n in count.items()}
        norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
        for word, value in row.items():
            centroid[word] = centroid.get(word, 0.0) + value / norm / len(texts)
    heaviest = sorted(centroid.items(), key=lambda item: (-item[1], item[0]))
    return tuple(heaviest[:CENTROID_TERMS])


def _normalised(counts: Counter[str]) -> Vector:
    norm = math.sqrt(sum(n * n for n in counts.values())) or 1.0
    return tuple((w, n / norm) for w, n in counts.items())


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(v * large.get(w, 0.0) for w, v in small.items())

