"""Word vectors for comparing short news texts (events, sentences, headlines)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

# Words cut to this many letters for matching ("designated" ~ "designation"): a crude stem
# that needs no language model; six letters keep "mexico" and "minister" apart.
STEM_CHARS = 6
# Reporting verbs occur in most news sentences and say nothing about what happened.
_EXTRA_STOPWORDS = frozenset({"said", "says", "say", "told", "reported", "according"})
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
    lowered = (w.lower().strip(".'’-") for w in words)
    return [w[:STEM_CHARS] for w in lowered
            if w and w not in ENGLISH_STOP_WORDS and w not in _EXTRA_STOPWORDS]


def tfidf(texts: Sequence[str], *, analyzer: Callable[[str], list[str]] = analyze,
          ) -> tuple[TfidfVectorizer, Matrix] | None:
    """Fit TF-IDF on ``texts``; rows are L2-normalised. None when no text has a word."""
    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # empty vocabulary
        return None
    return vectorizer, np.asarray(matrix.toarray(), dtype=np.float64)


def cosine_matrix(texts: Sequence[str], *,
                  analyzer: Callable[[str], list[str]] = analyze) -> Matrix:
    """Pairwise cosine similarity of ``texts`` under story-local TF-IDF weights."""
    fitted = tfidf(texts, analyzer=analyzer)
    if fitted is None:
        return np.zeros((len(texts), len(texts)), dtype=np.float64)
    matrix = fitted[1]
    return np.asarray(matrix @ matrix.T, dtype=np.float64)
