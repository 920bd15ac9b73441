"""Word vectors for comparing short news texts (events, sentences, headlines)."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

# Words cut to this many letters for matching ("designated" ~ "designation"): a crude stem
# that needs no language model; six letters keep "mexico" and "minister" apart.
STEM_CHARS = 6
# Reporting verbs occur in most news sentences and say nothing about what happened.
_EXTRA_STOPWORDS = frozenset({"said", "says", "say", "told", "reported", "according"})
_STOPWORDS = ENGLISH_STOP_WORDS | _EXTRA_STOPWORDS
# Distinct words whose stem is remembered: news vocabulary repeats, and merge analyses every
# story's sentences several times. 65,536 short strings are a few MB.
STEM_CACHE_SIZE = 65_536
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")

Matrix = npt.NDArray[np.float64]


def analyze(text: str) -> list[str]:
    """Lower-cased, stop-word-free, prefix-stemmed words of ``text``."""
    return _stems(_WORD.findall(text))


def analyze_actions(text: str) -> list[str]:
    """The words written in lower case: what happened, without who and where."""
    return _stems(w for w in _WORD.findall(text) if w[0].islower())


def names(text: str) -> set[str]:
    """Capitalised words that are not stop words: actors and places (lower-cased).

    A sentence-initial capital is kept unless it is a stop word ("The", "In"): news sentences
    usually start with their actor.
    """
    words = _WORD.findall(text)
    return {w.lower().strip(".") for w in words
            if w[0].isupper() and len(w) > 2 and w.lower() not in ENGLISH_STOP_WORDS}


def _stems(words: Iterable[str]) -> list[str]:
    return [stem for stem in map(_stem, words) if stem]


@functools.lru_cache(maxsize=STEM_CACHE_SIZE)
def _stem(word: str) -> str:
    """The prefix stem of one word, or "" for a stop word (a dict hit beats lower and strip)."""
    word = word.lower().strip(".'’-")
    return word[:STEM_CHARS] if word and word not in _STOPWORDS else ""


def tfidf(texts: Sequence[str], *,
          analyzer: Callable[[str], list[str]] = analyze) -> Matrix | None:
    """TF-IDF rows of ``texts``, L2-normalised and dense; None when no text has a word.

    For a handful of texts (``sparse_tfidf`` gives the same weights without the dense
    texts x vocabulary array, which is what a story of hundreds of sources needs).
    """
    matrix = sparse_tfidf(texts, analyzer=analyzer)
    return None if matrix is None else np.asarray(matrix.toarray(), dtype=np.float64)


def sparse_tfidf(texts: Sequence[str], *,
                 analyzer: Callable[[str], list[str]] = analyze) -> sp.csr_matrix | None:
    """TF-IDF rows of ``texts`` as a sparse matrix, L2-normalised; None when no text has a word.

    The weights are scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` (tf ``1 + ln n``,
    smoothed idf ``ln((1 + N) / (1 + df)) + 1``), computed here because merge calls this for
    every story on a handful of sentences, where the vectorizer's per-call validation cost
    (about 5 ms) was most of the merge stage. Time and memory are linear in the words of
    ``texts``: a dense matrix of a 476-source story's 20,000 sentences took gigabytes.
    """
    counts = [_word_counts(t) if analyzer is analyze else Counter(analyzer(t)) for t in texts]
    # dict.fromkeys keeps first-seen order, so the columns (and float sums over them) are
    # the same as when the vocabulary grew word by word.
    vocabulary = {w: i for i, w in enumerate(dict.fromkeys(chain.from_iterable(counts)))}
    if not vocabulary:
        return None
    sizes = np.fromiter((len(c) for c in counts), dtype=np.intp, count=len(counts))
    indptr = np.concatenate(([0], np.cumsum(sizes)))
    columns = np.fromiter(map(vocabulary.__getitem__, chain.from_iterable(counts)),
                          dtype=np.intp, count=int(indptr[-1]))
    values = np.fromiter(chain.from_iterable(c.values() for c in counts),
                         dtype=np.float64, count=int(indptr[-1]))
    values = 1 + np.log(values)
    document_frequency = np.bincount(columns, minlength=len(vocabulary))
    values *= (np.log((1 + len(texts)) / (1 + document_frequency)) + 1)[columns]
    rows = np.repeat(np.arange(len(counts)), sizes)
    norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(counts)))
    values /= np.where(norms > 0, norms, 1.0)[rows]
    return sp.csr_matrix((values, columns, indptr), shape=(len(texts), len(vocabulary)))


@functools.lru_cache(maxsize=8192)
def _word_counts(text: str) -> Counter[str]:
    """``analyze`` counts, remembered (read-only for callers).

    A story's summary and title score the same documents and sentences three times.
    """
    return Counter(analyze(text))


def cosine_matrix(texts: Sequence[str], *,
                  analyzer: Callable[[str], list[str]] = analyze) -> Matrix:
    """Pairwise cosine similarity of ``texts`` under story-local TF-IDF weights."""
    matrix = sparse_tfidf(texts, analyzer=analyzer)
    if matrix is None:
        return np.zeros((len(texts), len(texts)), dtype=np.float64)
    return np.asarray((matrix @ matrix.T).toarray(), dtype=np.float64)
