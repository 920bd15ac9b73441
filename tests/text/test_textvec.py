"""Story-local TF-IDF: the same weights as scikit-learn's vectorizer, without its per-call cost."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from generator.text import textvec

TEXTS = [
    "The minister said the border would stay open on Thursday.",
    "Border officials closed the crossing after the minister's visit; the border stayed shut.",
    "Rain, rain and more rain flooded the valley.",
    "",
    "the of and",  # stop words only
]


@pytest.mark.parametrize("analyzer", [textvec.analyze, textvec.analyze_actions])
def test_tfidf_equals_scikit_learn_sublinear_tfidf(analyzer: object) -> None:
    ours = textvec.tfidf(TEXTS, analyzer=analyzer)  # type: ignore[arg-type]
    reference = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True).fit_transform(TEXTS)
    assert ours is not None
    # Column order differs; the similarities between rows do not.
    np.testing.assert_allclose(ours @ ours.T, (reference @ reference.T).toarray(), atol=1e-12)
    assert np.allclose(np.linalg.norm(ours[:3], axis=1), 1.0)
    assert not ours[3].any() and not ours[4].any()


def test_tfidf_of_texts_without_words_is_none() -> None:
    assert textvec.tfidf(["", "the and of"]) is None
    assert textvec.cosine_matrix(["", ""]).shape == (2, 2)


def test_sparse_tfidf_holds_the_dense_weights() -> None:
    sparse = textvec.sparse_tfidf(TEXTS)
    dense = textvec.tfidf(TEXTS)
    assert sparse is not None and dense is not None
    np.testing.assert_allclose(sparse.toarray(), dense, atol=1e-12)
    # Only the words a text has are stored: memory follows the words, not texts x vocabulary.
    assert sparse.nnz == sum(len(set(textvec.analyze(t))) for t in TEXTS)
