"""Headlines and captions glued to a sentence in a timeline entry, read against their page.

Pages saved as plain text run a headline, a caption or a standfirst into the sentence after
it with no stop: "Charities in impoverished Haiti step up aid after quake Distribution
problems continue to hamper getting aid to survivors Some three million ...". The seam is a
capitalised word between two lower-case ones. ``lead.has_glued_sentence`` finds the seams
opened by a word that only opens sentences ("The", "He"); this module reads the other
openers from the entry's own page (``PageWords``, counted once per page):

- a word the page otherwise writes in lower case (``lead.is_seam``'s common opener), its
  capitals counted only inside sentences: "But", "When", "Some" open many of a page's
  sentences, and counting those capitals made them look like names;
- a frequent English word (``summary.GLUED_WORD_ZIPF``) the page capitalises nowhere else
  inside a sentence: "quake Distribution problems" is no seam, "survivors Some three" is.

A name or title stays: it is capitalised elsewhere in the page ("the House voted"), or is
followed by "of" and another capital ("State of the Union", "War of Liberation").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from wordfreq import zipf_frequency

from generator.clean import lead
from generator.story.summary import GLUED_WORD_ZIPF

# A capitalised word opening a sentence (at the start, or after a stop and perhaps a closing
# quote or bracket, with perhaps an opening one before it): its capital says nothing of it.
_OPENING = re.compile(r"(?:^|[.!?][\"”’')\]]*\s+)[\"“‘(]?([A-Z][a-z]{2,})\b", re.MULTILINE)
_CLOSING_QUOTES = "'’\"”"
# ``lead``'s lower-case and capitalised word patterns in one pass: a word of three letters or more,
# lower case after its first letter, not inside a hyphenated or quoted word.
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][a-z]{2,}\b(?![’'-])")


@dataclass(frozen=True)
class PageWords:
    """How one page writes its words: in lower case, and capitalised inside a sentence."""

    lower: Counter[str]
    """Lower-case word -> times the page writes it so (three letters or more)."""
    inside: Counter[str]
    """Capitalised word -> times the page writes it so, not opening a sentence."""

    @classmethod
    def of(cls, text: str) -> PageWords:
        """Count the words of ``text`` (a page) once."""
        words = Counter(_WORD.findall(text))
        lower = Counter({w: n for w, n in words.items() if w[0].islower()})
        inside = Counter({w: n for w, n in words.items() if w[0].isupper()})
        inside.subtract(Counter(_OPENING.findall(text)))
        return cls(lower, +inside)

    @functools.cached_property
    def common(self) -> frozenset[str]:
        """Words written in lower case more than ``lead.COMMON_RATIO`` times as capitalised."""
        return frozenset(w for w, n in self.lower.items()
                         if n > lead.COMMON_RATIO * self.inside[w.capitalize()])


def glued(text: str, page: Callable[[], PageWords] | None = None) -> bool:
    """Whether a sentence starts inside ``text`` with no stop before it.

    ``page``: gives the words of the page the text is from (asked only when a capital stands
    between lower-case words); without it only the plain openers of
    ``lead.has_glued_sentence`` are seams.
    """
    if page is None:
        return lead.has_glued_sentence(text)
    words = text.split(" ")
    return any(_between_lower(words, i) and not _titled(words, i)
               and (lead.is_seam(words, i, page().common) or _unused_capital(words, i, page()))
               for i in range(lead.PIECE_MIN_WORDS, len(words) - 1))


def _between_lower(words: list[str], i: int) -> bool:
    """A capitalised word after one ending in a lower-case letter, before a lower-case one."""
    return (words[i][:1].isupper() and words[i + 1][:1].islower()
            and words[i - 1].rstrip(_CLOSING_QUOTES)[-1:].isalnum())


def _unused_capital(words: list[str], i: int, page: PageWords) -> bool:
    """A frequent word capitalised between lower-case words, and nowhere else in the page.

    Its one capital inside a sentence is this seam's; the page writes it in lower case too.
    """
    word, previous = words[i], words[i - 1].rstrip(_CLOSING_QUOTES)
    if not (word[:1].isupper() and word[1:].isalpha() and word[1:].islower()
            and previous[:1].islower() and previous[-1:].isalnum()
            and previous.lower() not in lead.FUNCTION_WORDS):
        return False
    return (page.lower[word.lower()] > 0 and page.inside[word] <= 1
            and zipf_frequency(word.lower(), "en") >= GLUED_WORD_ZIPF)


def _titled(words: list[str], i: int) -> bool:
    """A title's word: followed by "of" and a capital ("State of the Union", "Bank of Japan")."""
    after = words[i + 1:i + 4]
    if len(after) < 2 or after[0] != "of":
        return False
    return after[1][:1].isupper() or (after[1] == "the" and len(after) > 2
                                      and after[2][:1].isupper())
