"""Corpus-level boilerplate: recurrence counted per family of copies."""

from __future__ import annotations

from generator.clean import recurring

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


def _wire_story(outlet: int) -> list[str]:
    paras = [f"Wire paragraph {i} reports what the agency's correspondent saw on the ground, "
             "with names, numbers and the places where the fighting went on through the night."
             for i in range(6)]
    return [f"Outlet {outlet} masthead", *paras[:3], "The talks ended without a deal.",
            *paras[3:], f"Outlet {outlet} footer"]


def test_wire_story_reprinted_by_many_outlets_is_one_family() -> None:
    stories = [_wire_story(i) for i in range(recurring.MAX_COPIES_PER_PARAGRAPH + 5)]
    assert len(set(recurring.families(stories))) == 1
    assert "the talks ended without a deal." not in recurring.recurring_lines(stories)


def test_recurring_sentence_inside_bodies_is_not_boilerplate() -> None:
    line = "The talks ended without a deal."
    bodies = [[f"Story {i} opens with a long paragraph about its own topic number {i}.",
               f"Its second paragraph is also about topic {i} and nothing else at all.",
               f"A third paragraph still on topic {i}, long enough to count here.",
               line,
               *[f"Closing paragraph {j} of story {i} with enough words to be real text."
                 for j in range(6)]] for i in range(6)]
    assert recurring.recurring_lines(bodies) == frozenset()
