"""A speaker's role as the text gives it: "Texas Rep." for "Texas Rep. Mike McCaul".

A role is read only from the words that name the speaker at the cue: the title or lead before
the name ("State Department spokesman Mark Toner"), or an appositive after it ("Dean Baker, an
economist at CEPR,"). It is kept when it holds a title or role word, so that a clause ("who has
campaigned for Trump since February") never becomes a role, and it stays as written in the
article (escaped by the site like all article text).
"""

from __future__ import annotations

import re

from generator.text.persons import is_title_word, lexicon

# Longest role kept, in words and characters. Calibrated on PolNeAR train cues: titles and
# appositives that name a role ("former Florida Gov.", "executive director of Democrats for
# Life") fit in eight words; longer appositives are clauses about the person.
MAX_ROLE_WORDS = 8
MAX_ROLE_CHARS = 70
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# Honorifics say nothing of a role ("Mr. Obama"): a role made of them alone is none.
HONORIFICS = frozenset(("mr", "mrs", "ms", "miss", "sir", "madam", "mx"))
_WORD = re.compile(r"[\w.'’-]+")


def role_of(phrase: str | None) -> str | None:
    """``phrase`` as a role ("the party's chairman" gives "party's chairman"), or None.

    Args:
        phrase: the words the text puts before or beside a speaker's name.

    Returns:
        The phrase without a leading article and trailing punctuation, when it is short and
        holds a title or role word; else None.
    """
    if not phrase:
        return None
    role = _ARTICLE.sub("", " ".join(phrase.split())).strip(" ,;:—–-")
    words = _WORD.findall(role)
    if not words or len(words) > MAX_ROLE_WORDS or len(role) > MAX_ROLE_CHARS:
        return None
    if role.lower().startswith(("who ", "which ", "that ", "whose ")):
        return None
    if all(w.lower().strip(".") in HONORIFICS for w in words):
        return None
    return role if any(_is_role_word(w) for w in words) else None


def title_role(np: str, name: str) -> str | None:
    """The title before ``name`` in the noun phrase ``np`` ("Texas Rep. Mike McCaul")."""
    found = [np.find(token) for token in name.split() if np.find(token) > 0]
    if not found:
        return None
    words = np[:min(found)].split()
    while words and words[-1][:1].isupper() and not _is_role_word(words[-1]):
        words.pop()  # "Rev. Al Sharpton" named "Sharpton": the role is "Rev."
    return role_of(" ".join(words))


def _is_role_word(word: str) -> bool:
    bare = word.lower().strip(".'’")
    return is_title_word(word) or bare in lexicon("role_nouns") or (
        bare.endswith("s") and bare[:-1] in lexicon("role_nouns"))
