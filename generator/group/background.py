"""Inverse document frequencies from a fixed model of English, not from the pile.

Fitted on the pile, a word's weight depends on what else was read that day: "oil" and "spill"
are rare in a mixed pile and everything about one spill looks alike, while in a pile of spill
coverage they weigh nothing. Here a word's weight comes from its frequency in general English
(``wordfreq``, shipped with the package, no download), turned into the share of news articles
that would contain it, so a source's vector depends on its own text only.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import wordfreq

LANGUAGE = "en"
ARTICLE_WORDS = 1000
"""Words in a typical news article: a word of frequency f occurs in about
``1 - exp(-f * ARTICLE_WORDS)`` of articles. Calibrated on ECB+ dev (12 Leiden seeds)."""
FLOOR_FREQUENCY = 1e-8
"""Frequency given to a word the model does not know (a rare name, a typo): about that of the
rarest words it lists."""
IDF_CACHE_SIZE = 262_144
"""Distinct terms whose weight is remembered (a few tens of MB at most)."""


def idf(terms: Sequence[str]) -> npt.NDArray[np.float64]:
    """The background IDF of each term (a word, or a name of several words).

    Like scikit-learn's smoothed IDF, ``ln(1 / share) + 1``, with ``share`` the expected share
    of articles containing the term. A name of several words is as rare as its rarest word.
    """
    return np.fromiter((term_idf(t) for t in terms), dtype=np.float64, count=len(terms))


@functools.lru_cache(maxsize=IDF_CACHE_SIZE)
def term_idf(term: str) -> float:
    """Background IDF of one lower-cased term."""
    words = term.lower().split()
    frequency = min((_frequencies().get(w, 0.0) for w in words), default=0.0)
    share = -math.expm1(-max(frequency, FLOOR_FREQUENCY) * ARTICLE_WORDS)
    return math.log(1 / share) + 1


@functools.cache
def _frequencies() -> dict[str, float]:
    """Word -> frequency in general English (the large list: 321,000 words, 0.4 s to load)."""
    return dict(wordfreq.get_frequency_dict(LANGUAGE, wordlist="large"))
