"""Corpus-level boilerplate: recurrence counted per family of copies."""

from __future__ import annotations

from generator import recurring

PARAS = [f"Paragraph {i} of the story carries enough words to count as real body text here."
         for i in range(6)]


def _article(*extra: str, paras: list[str] | None = None) -> list[str]:
    return [*(PARAS if paras is None else paras), *extra]


def test_copies_form_one_family() -> None:
    other = [f"Another story {i} about a different subject entirely, with many words in it."
             for i in range(5)]
    fams = recurring.families([_article(), _article("Extra line."), other])
    assert fams[0] == fams[1] != fams[2]


def test_short_line_in_two_unrelated_articles_is_boilerplate() -> None:
    a = ["Story A is about the harbour and has a long first paragraph to show it.", "Site Banner"]
    b = ["Story B is about the railway and has a long first paragraph to show it.", "Site Banner"]
    assert recurring.recurring_lines([a, b]) == frozenset({"site banner"})


def test_lines_shared_only_by_copies_are_kept() -> None:
    copy_one = _article("Section heading")
    copy_two = _article("Section heading")
    assert recurring.recurring_lines([copy_one, copy_two]) == frozenset()


def test_sentence_needs_many_families() -> None:
    line = "All views expressed are the author's own."
    bodies = [[f"Unrelated story number {i} with a long paragraph about topic {i} here.", line]
              for i in range(4)]
    assert recurring.recurring_lines(bodies[:3]) == frozenset()
    assert recurring.recurring_lines(bodies) == frozenset({recurring.line_key(line)})


def test_quoted_sentences_never_count() -> None:
    line = "“That won’t happen,” she said."
    bodies = [[f"Unrelated story number {i} with a long paragraph about topic {i} here.", line]
              for i in range(6)]
    assert recurring.recurring_lines(bodies) == frozenset()
