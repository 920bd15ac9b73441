"""The names of one article as speakers see them: who a pronoun means, who may speak at all.

``TextNames`` extends ``generator.text.persons.Mentions`` (left unchanged for its other users)
with the rules speaker attribution needs: places, hyphenated adjectives and sentence-opening
common words never speak; a name followed by a speech verb is a person; a pronoun means the
nearest fitting person who acted before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from generator.text.cuegrammar import (
    ADVERBS,
    VERB,
    VERBISH,
)
from generator.text.entity_tables import PLACE_LAST_WORDS, PLACES
from generator.text.persons import (
    ANTECEDENT_WINDOW,
    Gender,
    Mention,
    Mentions,
    is_org,
    is_title_word,
    lexicon,
)

# A capitalised run holding a hyphenated adjective ("New York-based", "D.C.-based Democratic")
# names nobody.
_ADJECTIVE = re.compile(r"\S-[a-z]+\b")

# Two capitalised names joined by a hyphen name a match or a pairing, not one person.
_PAIRED = re.compile(r"[a-z]-[A-Z][a-z]+ [A-Z]")

# An appositive after a name ("Peabody Energy, the nation's largest coal company,"), and the
# words that end its head noun ("a minister *with* the Living Church of God").
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+([^,;:\n“”\"]{3,60}?),")
_AFFILIATION = re.compile(r"\s(?:of|with|at|for|in|from|on|to|who|that)\s")

# What comes before a thing's name, not a person's: "the" and up to two lower-case words
# ("the self-described"), or a preposition.
_THING_BEFORE = re.compile(
    r"(?:\b[Tt]he(?:[^\S\n]+[a-z][\w'’-]*){0,2}|\b(?:of|at|for|from|in|on|by|to|about|with)"
    r"(?:[^\S\n]+the)?)[^\S\n]+$")

# A speech verb right before a name: the name is its speaker ('"...," said James Henson').
_SAID_BEFORE = re.compile(rf"\b{VERB}[^\S\n]+$")

# A sentence boundary right before a name (optionally "But", "And"), and an appositive or
# relative clause right after one.
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?][\"”’]?\s+|\n\s*)(?:(?:But|And|Still|Yet),?\s+)?$")
_DESCRIBED_AFTER = re.compile(r",\s+(?:a|an|the|who|whose)\s")

# People nouns of such a description, and the gender some of them give.
_PERSON_NOUNS = frozenset((
    "woman", "man", "mother", "father", "wife", "husband", "son", "daughter", "girl", "boy",
    "spokesman", "spokeswoman", "spokesperson", "official", "aide", "adviser", "resident",
    "voter", "supporter", "witness", "worker", "cashier", "waitress", "owner", "friend",
    "student", "teacher", "veteran", "lawyer", "attorney", "officer", "source", "critic"))
_NOUN_GENDER = {"woman": "f", "mother": "f", "wife": "f", "daughter": "f", "girl": "f",
                "spokeswoman": "f", "waitress": "f", "man": "m", "father": "m", "husband": "m",
                "son": "m", "boy": "m", "spokesman": "m"}
# A person the text describes without a name ("the woman", "one voter", "a middle-aged
# cashier"); it speaks or acts when a speech verb comes before it ('said the woman') or a verb
# after it ('one voter brought up', 'a cashier told').
_DESCRIBED_PERSON = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Oo]ne)[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){0,2}?"
    rf"(?P<noun>{'|'.join(sorted(_PERSON_NOUNS))})\b")
_VERB_NEXT = re.compile(rf"[^\S\n]+(?:{VERB}|{VERBISH.pattern})")

# A description opening a sentence, then a comma: the name after it is in apposition.
_APPOSED_BEFORE = re.compile(
    r"(?:^|[.!?][\"”’]?\s+|\n\s*)(?:[Aa]n?|[Oo]ne|[Tt]he|[Aa]nother)[^\S\n]+"
    r"(?:[a-z][\w-]*[^\S\n]+){0,3}[a-z][\w-]*,[^\S\n]+$")
_VERB_AFTER_COMMA = re.compile(r",[^\S\n]+[a-z]+(?:ed|s)?\b")
_WHO_AFTER = re.compile(r",?[^\S\n]+who[^\S\n]+[a-z]+")

# Where a clause starts: a comma, a dash, a colon or a sentence end.
_CLAUSE_START = re.compile(r"[,;:—–(]|[.!?][\"”’]?\s|\n")
# Words that open a subordinate clause: a name after one does not carry the story on.
_SUBORDINATORS = frozenset((
    "that", "whether", "if", "who", "whom", "whose", "which", "because", "although", "though",
    "while", "whereas", "unless", "until", "since", "than", "where", "when", "after", "before"))
# Lower-case words a subject may follow: conjunctions, and "named", which introduces someone
# ("an academic named Eric Kingson, who ...").
_CONJUNCTIONS = frozenset(("and", "but", "or", "so", "yet", "then", "also", "now", "named"))

# A name followed by its speech verb: 'Hawkins said', 'Hawkins later told'.
_SPEAKS = re.compile(rf"[^\S\n]+{ADVERBS}{VERB}")
# ... or by where the person comes from, then the verb: '(as) Archbishop X of the Y told'.
_SPEAKS_LATER = re.compile(
    rf"(?:[^\S\n]+(?:of|at|for|from)[^\S\n]+[^,.;:\n]{{1,60}}?)?[^\S\n]+{ADVERBS}{VERB}")

_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]+")


class TextNames(Mentions):
    """The text's names, and the words it writes in lower case (to tell "Hours" from a name)."""

    def __init__(self, text: str, skip: list[tuple[int, int]]) -> None:
        """Scan ``text`` (see ``Mentions``); ``skip`` holds the quotations' spans."""
        super().__init__(text, skip)
        self.lower_words = frozenset(_LOWER_WORD.findall(text))
        self._text = text
        self._surnames = _surnames(self.items, self.lower_words)
        self._quoted = sorted(skip)
        # Per-mention answers, reused by every pronoun of the text (keyed by mention start).
        self._memo: dict[tuple[str, int], bool] = {}

    def person_for(self, pos: int, gender: Gender | None, last: tuple[str, int] | None = None,
                   sentence: int | None = None) -> str | None:
        """Who 'he' or 'she' at ``pos`` means (see ``Mentions.person_for``), with changes.

        Candidates are the names ``_referent`` accepts (persons, and names acting the way
        persons do; never organisations, places or runs not shaped like a name). A subject
        earlier in the same sentence comes first; then the previous speaker, unless someone
        has since acted in a main clause; otherwise the nearest main-clause actor, then the
        nearest actor, then the nearest candidate. The nearest fitting candidate wins whether
        its gender is known or not. When someone the text does not name has spoken since the
        chosen person ("said the woman"), the answer is None: the pronoun most likely means
        them. (Hand-checked PolNeAR draws, ``benchmarks/quotes_indirect.tsv``: most wrong
        answers had taken an object, a subordinate clause's subject or an organisation.)
        """
        fits = [m for m in self.before(pos) if self._referent(m) and (
            gender is None or m.gender in (gender, None))]
        if sentence is not None:
            here = next((m for m in fits if m.start >= sentence and self._acting(m)), None)
            if here:
                return self._name(here)
        if last and pos - last[1] <= ANTECEDENT_WINDOW and not is_org(last[0]) and (
                self.gender_of(last[0]) in (gender, None)):
            # Only someone acting in a main clause since takes over from the last speaker.
            acting = next((m for m in fits if m.start > last[1] and self._main_actor(m)), None)
            since = acting.end if acting else last[1]
            if self._unnamed_speaker(since, pos, gender):
                return None
            return self._name(acting) if acting else last[0]
        # ``fits`` holds only candidates whose gender fits, nearest first.
        chosen = (next((m for m in fits if self._main_actor(m)), None)
                  or next((m for m in fits if self._acting(m)), None)
                  or next(iter(fits), None))
        if chosen is None or self._unnamed_speaker(chosen.end, pos, gender):
            return None
        return self._name(chosen)

    def _cached(self, kind: str, m: Mention, compute: Callable[[Mention], bool]) -> bool:
        """``compute(m)``, computed once per mention and kind for the whole text."""
        key = (kind, m.start)
        if key not in self._memo:
            self._memo[key] = compute(m)
        return self._memo[key]

    def _in_quote(self, pos: int) -> bool:
        """True when ``pos`` lies inside one of the quotations."""
        i = bisect.bisect_right(self._quoted, (pos, len(self._text))) - 1
        return i >= 0 and self._quoted[i][0] <= pos < self._quoted[i][1]

    def _unnamed_speaker(self, start: int, end: int, gender: Gender | None) -> bool:
        """True when someone the text does not name speaks in ``start:end`` ("said the woman").

        A pronoun after that most likely means the unnamed speaker: better unattributed than
        the named person before. Only people nouns count, of a gender that fits.
        """
        for match in _DESCRIBED_PERSON.finditer(self._text, start, end):
            if self._in_quote(match.start()):
                continue  # '"... when a woman becomes a mother ..."': words said, not a speaker
            if _NOUN_GENDER.get(match.group("noun"), gender) != gender:
                continue
            if _SAID_BEFORE.search(self._text, max(0, match.start() - 30), match.start()) or (
                    _VERB_NEXT.match(self._text, match.end())):
                return True
        return False

    def _referent(self, m: Mention) -> bool:
        """``_referent_uncached``, once per mention."""
        return self._cached("referent", m, self._referent_uncached)

    def _referent_uncached(self, m: Mention) -> bool:
        """Whether ``m`` may be what 'he' or 'she' refers to (see ``person_for``).

        A person, or a name acting as a subject: a full name, a name followed by a speech verb
        or described by an appositive ("Davis, a longtime liberal, lashed out"), or a lone
        surname the text gives in full elsewhere ("Brafman, however, could not ..."). Never an
        organisation, a place or a name that is not shaped like a person's.
        """
        if m.org or not self.can_speak(m.name) or not self._person_shaped(m):
            return False
        return m.person or (self._acting(m) and (
            " " in m.name or bool(_SPEAKS.match(self._text, m.end)) or self._surname(m)
            or bool(_APPOSITIVE.match(self._text, m.end))))

    def _acting(self, m: Mention) -> bool:
        """``_acting_uncached``, once per mention."""
        return self._cached("acting", m, self._acting_uncached)

    def _acting_uncached(self, m: Mention) -> bool:
        """A subject, or the speaker a speech verb puts after itself ('..., said James Henson').

        A name opening its sentence with an appositive or relative clause ("Murphy, a Jupiter
        Democrat who ..., has made") is a subject however long the clause, and so is a name
        in apposition to a described subject ("One local woman, Karen Robison, pulled") or
        followed by a relative clause that makes it act ("Ivanka Trump, who spoke").
        """
        if m.subject or _SAID_BEFORE.search(self._text, max(0, m.start - 30), m.start) or (
                _SPEAKS_LATER.match(self._text, m.end)):
            return True
        opens = _SENTENCE_BEFORE.search(self._text, max(0, m.start - 12), m.start)
        if opens and _DESCRIBED_AFTER.match(self._text, m.end):
            return True
        if _WHO_AFTER.match(self._text, m.end) and not m.name.endswith("s"):
            return True  # "... was Trump's daughter, Ivanka Trump, who spoke"; not "Democrats"
        # "One local woman, Karen Robison, pulled ...": the name of a described subject.
        return bool(_APPOSED_BEFORE.search(self._text, max(0, m.start - 60), m.start)) and (
            bool(_VERB_AFTER_COMMA.match(self._text, m.end)))

    def _main_actor(self, m: Mention) -> bool:
        """``_main_actor_uncached``, once per mention."""
        return self._cached("main", m, self._main_actor_uncached)

    def _main_actor_uncached(self, m: Mention) -> bool:
        """Whether ``m`` acts in a main clause, not in a subordinate one or as an object.

        Read between the clause's start (the last comma or sentence boundary) and the name: no
        subordinating word ("whether Lewandowski had", "who trailed Sanders by"), and no
        lower-case word right before the name other than a role ("campaign manager Jeff
        Weaver") or a conjunction ("backed Cruz during" makes Cruz an object).
        """
        if not self._acting(m):
            return False
        clause = _CLAUSE_START.split(self._text[max(0, m.start - 200):m.start])[-1]
        words = clause.split()
        if any(w.lower() in _SUBORDINATORS for w in words):
            return False
        last = words[-1] if words else ""
        return not (last[:1].islower() and last not in _CONJUNCTIONS and not (
            _role_word(last.strip(".,")))) or bool(_SAID_BEFORE.search(clause)) or bool(
                _SPEAKS_LATER.match(self._text, m.end))

    def _person_shaped(self, m: Mention) -> bool:
        """False for a run of capitals that cannot be one person's name.

        Two names joined by a hyphen (a bout, "Ali-Frazier"), a name whose appositive calls it
        an organisation ("Peabody Energy, the nation's largest coal company"), and, for a name
        of unknown gender and no title, one after "the" or a preposition ("the self-described
        Islamic State", "director of the Texas Politics Project": people are rarely written
        so), or whose first or last word the article also writes in lower case ("Does Rubio",
        "Peabody Energy").
        """
        tokens = m.name.split()
        if _PAIRED.search(m.name) or self._called_organisation(m):
            return False
        if m.gender is not None or m.titles:
            return True
        if _THING_BEFORE.search(self._text, max(0, m.start - 40), m.start):
            return False  # "the Mayflower Hotel", "director of Texas Politics Project"
        if len(tokens) < 2:
            return True
        edges = (tokens[0].lower(), tokens[-1].lower().rstrip(".,"))
        return not any(word in self.lower_words for word in edges)

    def _called_organisation(self, m: Mention) -> bool:
        """True when an appositive's head noun is an organisation word ("..., the coal company,").

        Only the head counts: "a minister with the Living Church of God" is a person.
        """
        appositive = _APPOSITIVE.match(self._text, m.end)
        if not appositive:
            return False
        head = _AFFILIATION.split(appositive.group(1), maxsplit=1)[0].split()
        return bool(head) and head[-1].lower().strip("'’s") in lexicon("org_words")

    def _surname(self, m: Mention) -> bool:
        """A lone word that the text also gives as the surname of a full name ("Ben Brafman").

        Words that only open sentences ("Now", "Within") are never full names' surnames.
        """
        return " " not in m.name and (m.name.lower() in self.full or (
            m.name.lower() in self._surnames))

    def _name(self, m: Mention) -> str:
        """The fullest form of a referent's name ("Guessford" -> "Annette Guessford")."""
        name = self.unify(m.name)
        return name if " " in name else self._surnames.get(name.lower(), name)

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


def _surnames(items: list[Mention], lower_words: frozenset[str]) -> dict[str, str]:
    """Surname -> the one full name of the text ending in it ("guessford": "Annette Guessford").

    Runs that cannot be a name are left out: an opening word the text writes in lower case,
    a title, a possessive or a hyphen pairing. A surname two full names share maps to neither.
    """
    found: dict[str, set[str]] = {}
    for m in items:
        tokens = m.name.split()
        if m.org or len(tokens) < 2 or tokens[0].lower() in lower_words or (
                is_title_word(tokens[0])) or _PAIRED.search(m.name) or "’s" in m.name or (
                    "'s" in m.name):
            continue
        found.setdefault(tokens[-1].lower(), set()).add(m.name)
    return {key: next(iter(names)) for key, names in found.items() if len(names) == 1}


def _role_word(word: str) -> bool:
    """A role noun or title ("manager", "Sen."), as ``nounphrases.is_role_word``."""
    return word.lower() in lexicon("role_nouns") or is_title_word(word)
