from __future__ import annotations

from generator.story import seams

PAGE = ("Charities step up aid after quake Distribution problems continue to hamper aid to "
        "survivors Some three million are in need. Some aid arrived. But some of it was late, "
        "but it came. When it came, it was shared when it could be. During last week's State "
        "of the Union the House voted. The House met. A still smoking Krakatoa, which caused "
        "a tsunami But the technology has not always existed.")


def test_capitals_that_open_sentences_do_not_make_a_word_a_name() -> None:
    page = seams.PageWords.of("Some aid arrived. Some left. “Some stayed.” It took some time, "
                              "some said.\nSome came back.")
    assert page.inside["Some"] == 0 and page.lower["some"] == 2
    assert "some" in page.common


def test_a_frequent_or_page_common_word_between_lower_case_words_is_a_seam() -> None:
    page = seams.PageWords.of(PAGE)
    assert seams.glued("Charities step up aid to survivors Some three million are in need.",
                       lambda: page)
    assert seams.glued("A still smoking Krakatoa, which caused a tsunami But the technology has "
                       "not always existed.", lambda: page)
    assert not seams.glued("Charities step up aid to survivors Some three million are in need.")


def test_a_name_or_title_between_lower_case_words_is_no_seam() -> None:
    page = seams.PageWords.of(PAGE)
    assert not seams.glued("During last week's State of the Union the House voted.", lambda: page)
    assert not seams.glued("The bill passed after the House voted on it.", lambda: page)
    assert not seams.glued("The aid came after quake Distribution problems eased.",
                           lambda: page), "a rare word capitalised once: a name as often as a seam"
