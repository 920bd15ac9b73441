"""The names of one article as speakers see them: who a pronoun means, who may speak at all.

``TextNames`` extends ``generator.text.persons.Mentions`` (left unchanged for its other users)
with the rules speaker attribution needs: places, hyphenated adjectives and sentence-opening
common words never speak; a name followed by a speech verb is a person; a pronoun means the
nearest fitting person who acted before it.
"""

from __future__ import annotations

import bisect
import re

from generator.text.cuegrammar import (
    ADVERBS,
    VERB,
)
from generator.text.entity_tables import PLACE_LAST_WORDS, PLACES
from generator.text.persons import (
    ANTECEDENT_WINDOW,
    Gender,
    Mention,
    Mentions,
    is_org,
)

# A capitalised run holding a hyphenated adjective ("New York-based", "D.C.-based Democratic")
# names nobody.
_ADJECTIVE = re.compile(r"\S-[a-z]+\b")

# A name followed by its speech verb: 'Hawkins said', 'Hawkins later told'.
_SPEAKS = re.compile(rf"[^\S\n]+{ADVERBS}{VERB}")

_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]+")


class TextNames(Mentions):
    """The text's names, and the words it writes in lower case (to tell "Hours" from a name)."""

    def __init__(self, text: str, skip: list[tuple[int, int]]) -> None:
        """Scan ``text`` (see ``Mentions``); ``skip`` holds the quotations' spans."""
        super().__init__(text, skip)
        self.lower_words = frozenset(_LOWER_WORD.findall(text))
        self._text = text

    def person_for(self, pos: int, gender: Gender | None, last: tuple[str, int] | None = None,
                   sentence: int | None = None) -> str | None:
        """Who 'he' or 'she' at ``pos`` means (see ``Mentions.person_for``), with changes.

        A full name (two words or more) that acts as a subject ("Tad Devine said he ..."), or
        any name followed by a speech verb ("Hawkins said"), counts as a person even when
        nothing else marks it as one: in 50 hand-checked PolNeAR pronoun sources most wrong
        answers had skipped such a name for an earlier, better-known one. Places and
        adjectives are never candidates, the nearest fitting candidate wins whether its
        gender is known or not, and the previous speaker is kept only when it is a person.
        """
        fits = [m for m in self.before(pos) if not m.org and (m.person or (
            m.subject and (" " in m.name or bool(_SPEAKS.match(self._text, m.end))))) and (
                self.can_speak(m.name)) and (gender is None or m.gender in (gender, None))]
        if sentence is not None:
            here = _nearest([m for m in fits if m.start >= sentence and m.subject], gender)
            if here:
                return here.name
        if last and pos - last[1] <= ANTECEDENT_WINDOW and not is_org(last[0]) and (
                self.gender_of(last[0]) in (gender, None)):
            acting = next((m for m in fits if m.start > last[1] and m.subject), None)
            return acting.name if acting else last[0]
        chosen = _nearest([m for m in fits if m.subject], gender) or _nearest(fits, gender)
        return chosen.name if chosen else None

    def new_actor(self, start: int, end: int, speaker: str) -> bool:
        """True when a person other than ``speaker`` speaks in ``start:end`` ("Hawkins said")."""
        i = bisect.bisect_left(self._starts, start)
        for mention in self.items[i:]:
            if mention.start >= end:
                break
            if mention.subject and not mention.org and mention.name != speaker and (
                    _SPEAKS.match(self._text, mention.end)) and self.can_speak(mention.name):
                return True
        return False

    def gender_of(self, name: str) -> Gender | None:
        """The gender the text gives ``name`` (None when unknown)."""
        return self._genders.get(name)

    def can_speak(self, name: str) -> bool:
        """False for a place ("New Hampshire") or a common word that opened a sentence."""
        low = name.lower()
        if low in PLACES or low.split()[-1] in PLACE_LAST_WORDS or _ADJECTIVE.search(name):
            return False
        return " " in low or low not in self.lower_words or self.is_person(name)


def _nearest(candidates: list[Mention], gender: Gender | None) -> Mention | None:
    """The nearest candidate whose gender fits (known or not).

    Not the nearest of *known* gender first: in 'Tad Devine said he ...' Devine's gender is
    unknown, and a better-known man named further back is not the one meant.
    """
    return next((m for m in candidates if m.gender in (gender, None)), None)
