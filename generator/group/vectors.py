"""Document vectors for story clustering: TF-IDF of words plus TF-IDF of named entities.

Each source becomes one L2-normalised sparse row: a block of word TF-IDF (title and body,
sublinear term frequency, English stop words out) and a block of entity TF-IDF (the names
``generator.text.entities`` finds, each name one feature), weighted so that the dot product of two
rows is ``(1 - ENTITY_WEIGHT) * word cosine + ENTITY_WEIGHT * name cosine``. Names carry what
tells two look-alike events apart (who, where); words carry what the event is.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from generator.group import background
from generator.model import Article, Entity, Source
from generator.text.entities import find_entities

log = logging.getLogger(__name__)

ENTITY_WEIGHT = 0.15
"""Share of the similarity that comes from shared names (the words already hold the names'
words; this block adds whole names as units). Calibrated on the whole ECB+ dev set through the
pipeline: 0.15, 0.3 and 0.45 are within 0.01 B-cubed F1 of each other, 0.15 slightly ahead and
steadier across ``neighbours``; 0 loses about 0.01."""
ENTITY_TEXT_CHARS = 5000
"""Names are looked for in the first characters only, which bounds the finder's cost (about
2 ms per article here) on long articles. On ECB+ 5000 scores as the whole text; 3000 lost 0.01
B-cubed F1 (later paragraphs name the second-tier actors that tell look-alikes apart)."""
MIN_DF = 2
"""A word or name must occur in two sources to count: one-off words cannot link anything and
dropping them keeps the vocabulary (and memory) small on large corpora."""
BACKGROUND_IDF = True
"""Weigh words and names by a fixed model of English (``background``) instead of the pile."""
_TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_'’]+\b|\b\d+(?:[.,]\d+)+\b|\b\d{2,}\b"
"""Words of two letters or more, numbers with a decimal point or thousands separator
(magnitudes, amounts: "5.6" and "6.1" tell two earthquakes apart), and other numbers of two
digits or more (casualty counts, years). Decimals added +0.004 B-cubed F1 on ECB+ dev."""
_NUMBER_DTYPE = np.float32


@dataclass(frozen=True, slots=True)
class DocVectors:
    """One row per source, columns are words then names."""

    matrix: sp.csr_matrix
    """L2-normalised rows (float32)."""
    features: tuple[str, ...]
    """Display form of every column: the word, or the name as most often written."""
    is_name: np.ndarray
    """Boolean per column: True for name features."""
    ids: tuple[str, ...] = ()
    """Source id of each row."""

    def select(self, ids: Sequence[str]) -> DocVectors:
        """The rows of these sources, in this order (the columns unchanged).

        A row depends on its own source only (background weights, no pile-wide cut-off), so
        the rows of a reordered or partial list are those ``build`` would give it.
        """
        row = {source_id: n for n, source_id in enumerate(self.ids)}
        return dataclasses.replace(self, matrix=self.matrix[[row[i] for i in ids]],
                                   ids=tuple(ids))

    def holds(self, ids: Sequence[str]) -> bool:
        """Whether every one of these sources has a row."""
        have = set(self.ids)
        return all(i in have for i in ids)


def build(sources: Sequence[Source],
          names: Mapping[str, Sequence[str]] | None = None) -> DocVectors:
    """Vectorise sources (their primary article's title and text).

    Args:
        sources: the folded sources to cluster.
        names: article id -> the names of ``entities_of(article)``, computed beforehand (in
            parallel, cached); missing ones are found here.

    Returns:
        The combined, normalised matrix with the display names of its columns.
    """
    texts = [article_text(s.primary) for s in sources]
    words, word_features = _tfidf(texts, analyzer="word")
    names_per_doc = [list(names[s.id]) if names is not None and s.id in names
                     else [e.name for e in entities_of(s.primary)] for s in sources]
    names, name_keys = _tfidf(names_per_doc, analyzer=_lowered)
    display = _display_names(names_per_doc)
    matrix = sp.hstack([words * np.sqrt(1 - ENTITY_WEIGHT), names * np.sqrt(ENTITY_WEIGHT)],
                       format="csr", dtype=_NUMBER_DTYPE)
    matrix = normalize(matrix).astype(_NUMBER_DTYPE)
    features = (*word_features, *(display.get(k, k) for k in name_keys))
    is_name = np.zeros(len(features), dtype=bool)
    is_name[len(word_features):] = True
    log.debug("vectors: %d sources, %d word and %d name features", len(sources),
              len(word_features), len(name_keys))
    return DocVectors(matrix=matrix, features=features, is_name=is_name,
                      ids=tuple(s.id for s in sources))


def entities_of(article: Article) -> tuple[Entity, ...]:
    """The names in the article's vectorised text (its first ``ENTITY_TEXT_CHARS``)."""
    return tuple(find_entities(article_text(article)[:ENTITY_TEXT_CHARS]))


def article_text(article: Article) -> str:
    """What is vectorised: URL slug words, title and text."""
    title = article.title or ""
    text = article.text if title and article.text.startswith(title) else f"{title}\n{article.text}"
    slug = url_words(article.url)
    return f"{slug}\n{text}" if slug else text


_URL_NOISE = frozenset({"www", "html", "htm", "php", "aspx", "index", "story", "news", "article",
                        "articles", "amp", "en", "us"})
"""Path words that are site furniture, not a description of the story."""
_URL_SPLIT = re.compile(r"[/\-_.+~%=]+")


def url_words(url: str | None) -> str:
    """The words of a URL's path: news sites put a headline-like slug there.

    ``https://x.com/2013/04/11/iran-quake-kills-30.html`` -> ``"iran quake kills"``. The host
    and query are left out (they name the outlet, not the story), and so are numbers and ids.
    """
    if not url:
        return ""
    words = _URL_SPLIT.split(urlsplit(url).path.lower())
    return " ".join(w for w in words if w.isalpha() and len(w) > 1 and w not in _URL_NOISE)


def _lowered(names: list[str]) -> list[str]:
    return [n.lower() for n in names]


def _tfidf(docs: Sequence[object], *, analyzer: object) -> tuple[sp.csr_matrix, list[str]]:
    """TF-IDF rows and column names; an all-zero matrix when nothing is shared.

    With ``BACKGROUND_IDF`` the inverse document frequencies come from a fixed model of
    English (``background.idf``), not from the pile, so two sources compare the same whatever
    else is in the pile.
    """
    if BACKGROUND_IDF:
        return _background_tfidf(docs, analyzer=analyzer)
    vectorizer = _vectorizer(analyzer, min_df=MIN_DF if len(docs) > 2 else 1)
    try:
        matrix = vectorizer.fit_transform(docs)
    except ValueError:  # empty vocabulary: no word or name occurs twice
        return sp.csr_matrix((len(docs), 0), dtype=_NUMBER_DTYPE), []
    return sp.csr_matrix(matrix), [str(f) for f in vectorizer.get_feature_names_out()]


def _background_tfidf(docs: Sequence[object], *,
                      analyzer: object) -> tuple[sp.csr_matrix, list[str]]:
    vectorizer = _vectorizer(analyzer, use_idf=False, norm=None)
    try:
        matrix = sp.csr_matrix(vectorizer.fit_transform(docs))
    except ValueError:  # no word at all
        return sp.csr_matrix((len(docs), 0), dtype=_NUMBER_DTYPE), []
    features = [str(f) for f in vectorizer.get_feature_names_out()]
    weights = background.idf(features).astype(_NUMBER_DTYPE)
    matrix = normalize(matrix @ sp.diags(weights)).astype(_NUMBER_DTYPE)
    return sp.csr_matrix(matrix), features


def _vectorizer(analyzer: object, **options: object) -> TfidfVectorizer:
    """Sublinear TF-IDF over words (English stop words out) or over a names analyzer."""
    options.update(sublinear_tf=True, dtype=_NUMBER_DTYPE)
    if analyzer == "word":
        options.update(stop_words="english", token_pattern=_TOKEN_PATTERN)
    else:
        options.update(analyzer=analyzer, lowercase=False)
    return TfidfVectorizer(**options)


def _display_names(names_per_doc: list[list[str]]) -> dict[str, str]:
    """The most frequent written form of each lower-cased name."""
    forms: dict[str, Counter[str]] = {}
    for names in names_per_doc:
        for name in names:
            forms.setdefault(name.lower(), Counter())[name] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in forms.items()}
