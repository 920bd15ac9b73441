"""Names in a text: title stripping, gender hints and the people a pronoun can point back to.

Word lists live in ``generator/resources/`` (one entry a line, ``#`` comments) so that they can
grow without touching the rules.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

Gender = Literal["m", "f"]


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (for inline word tables)."""
    return frozenset(text.split())


# A capitalised token: Rubio, U.S., O'Neil, Holtz-Eakin, Ramón.
CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
_PARTICLE = r"(?:de la|de los|de|del|la|van|von|der|da|dos|bin|al|el|le|du|ibn|of|y)"
NAME_RUN = re.compile(rf"{CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{CAP})*")
_PARTICLES = words(
    "de la los del van von der da dos bin al el le du ibn y")
# Capitalised function words that start sentences; never part of a name.
STOP_WORDS = words(
    "a an the and but or if as at by in on of for from to with when while after before since "
    "though although because despite during until unless however meanwhile still yet so then "
    "this that these those there here his her its their our my your he she it they we i you "
    "what who whom which why how where not no yes also even just only many most some all both "
    "each every another other such than one two three four five six seven eight nine ten "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today yesterday tomorrow mr. "
    "mrs. ms. dr. sen. rep. gov. gen. lt. col. st. jr. sr. prof. rev. sgt.")
# Honorifics always precede a name, even one that is also a title word ("Mr. King").
_HONORIFICS = words("mr mrs ms miss dr sen rep gov prof rev")
# How far back (characters) a pronoun or description may reach for its antecedent. Calibrated on
# PolNeAR train: antecedents beyond two paragraphs (~1,500 characters) were mostly wrong.
ANTECEDENT_WINDOW = 1500


def lexicon(name: str) -> frozenset[str]:
    """The entries of ``generator/resources/<name>.txt`` (lower case, comments skipped)."""
    return _load(name)


@cache
def _load(name: str) -> frozenset[str]:
    text = resources.files("generator").joinpath("resources", f"{name}.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def _bare(token: str) -> str:
    return token.lower().rstrip(".").rstrip(",")


@lru_cache(maxsize=65536)
def is_title_word(token: str) -> bool:
    """True for a word of a title or role (Secretary, Sen., U.S.)."""
    return _bare(token) in lexicon("person_titles")


@lru_cache(maxsize=65536)
def segments(run: str) -> tuple[tuple[int, int], ...]:
    """Cut a capitalised run where a full stop ends a sentence ('John Kasich. Barkley').

    Returns (start, end) offsets into ``run``. A dot after a title (Sen.), an initial (J.) or
    an abbreviation (U.S.) does not cut.
    """
    out: list[tuple[int, int]] = []
    start: int | None = None
    for token in re.finditer(r"\S+", run):
        word = token.group()
        start = token.start() if start is None else start
        bare = word.lower().rstrip(".")
        if word.endswith(".") and len(bare) > 1 and "." not in bare and not is_title_word(
                word) and bare not in STOP_WORDS:
            out.append((start, token.end() - 1))
            start = None
    if start is not None:
        out.append((start, len(run.rstrip())))
    return tuple(out)


@lru_cache(maxsize=65536)
def split_title(run: str) -> tuple[str, tuple[str, ...]]:
    """Split a capitalised run into (name, title words): 'U.S. Secretary of State Marco Rubio'.

    The name follows the last title word that is not the run's final word (so 'Amy Pope' and
    'King' stay names); sentence-opening function words are dropped. Title words come back in
    lower case without dots.
    """
    parts = segments(run)
    run = run[parts[-1][0]:parts[-1][1]] if parts else ""
    tokens = [t for t in run.split() if _bare(t) not in STOP_WORDS or _bare(t) == "of"]
    cut = 0
    for i, token in enumerate(tokens[:-1]):
        if is_title_word(token) or (_bare(token) == "of" and i < cut + 2):
            cut = i + 1
    if tokens and _bare(tokens[0]) not in _HONORIFICS and all(
            is_title_word(t) or _bare(t) == "of" for t in tokens):
        cut = len(tokens)  # a bare title ("Secretary of State") names nobody by itself
    name_tokens = tokens[cut:]
    while name_tokens and _bare(name_tokens[0]) in _PARTICLES | {"of"}:
        name_tokens = name_tokens[1:]
    name_tokens = name_tokens[_first_name_at(name_tokens):]
    name = re.sub(r"['’]s?$", "", " ".join(name_tokens))
    return name, tuple(_bare(t) for t in tokens[:cut])


@cache
def first_names() -> frozenset[str]:
    """Every first name of the male and female lists (lower case)."""
    return lexicon("male_names") | lexicon("female_names")


def _first_name_at(tokens: list[str]) -> int:
    """Where a known first name starts the name proper ('Harbour Master *Ian* Reid'), else 0."""
    known = first_names()
    if not tokens or _bare(tokens[0]) in known:
        return 0
    for i, token in enumerate(tokens[1:-1], 1):
        if _bare(token) in known:
            return i
    return 0


@lru_cache(maxsize=65536)
def is_org(name: str) -> bool:
    """True when a capitalised name reads as an organisation (NBC News, Ministry of Defence).

    The head word decides: the last word, or the word before "of".
    """
    tokens = name.split()
    if not tokens:
        return False
    heads = {_bare(tokens[-1])}
    heads.update(_bare(tokens[i - 1]) for i, t in enumerate(tokens) if t == "of" and i)
    if heads & lexicon("org_words"):
        return True
    return len(tokens) == 1 and len(name) >= 2 and name.isupper()


@lru_cache(maxsize=65536)
def gender_of(name: str, titles: tuple[str, ...] = ()) -> Gender | None:
    """'m' or 'f' from a title (Mr., Mrs.) or a common first name; None when unknown."""
    if any(t in ("mr", "sir", "king", "prince", "congressman", "spokesman", "chairman")
           for t in titles):
        return "m"
    if any(t in ("mrs", "ms", "madam", "dame", "queen", "princess", "lady", "congresswoman",
                 "spokeswoman", "chairwoman") for t in titles):
        return "f"
    first = name.split(maxsplit=1)[0].lower() if name.split() else ""
    if first in lexicon("male_names"):
        return "m"
    if first in lexicon("female_names"):
        return "f"
    return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A person or organisation named in the text."""

    start: int
    end: int
    name: str
    """Full name, titles stripped, unified with a fuller earlier form ('Rubio' -> 'Marco Rubio')."""
    titles: frozenset[str]
    gender: Gender | None
    org: bool
    person: bool
    """True when the mention is surely a person (titled, known first name, or a known surname)."""
    subject: bool = False
    """True when the name acts in its clause (followed by a verb, not after a preposition)."""


PREPOSITIONS = words(
    "of to for with by from against about at on in than as into over under between among "
    "including like after before behind toward towards and or")
# After a name: an optional party tag or appositive, then a lower-case word (the verb).
_ACTS = re.compile(r"(?:[^\S\n]*\([^()\n]{1,30}\))?(?:(?:,[^,\n]{1,90}){1,2},)?[^\S\n]+[a-z]")
# A name joined to another by "and"/"or" is not a lone acting subject.
_JOINED = re.compile(r"[^\S\n]+(?:and|or|nor)\b")
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+([^,;:\n“”\"]{3,60}?),")
# How far back (characters) the word before a name is looked for.
PREVIOUS_WORD_REACH = 20
# The last word of a stretch, matched on the stretch reversed: one anchored match instead of
# a search for "a word, then only non-word characters to the end" from every position.
_LAST_WORD_REVERSED = re.compile(r"\W*(\w+)")


def _acts(text: str, start: int, end: int, run: str) -> bool:
    """Whether the name at ``start:end`` acts in its clause (is followed by its verb).

    Not when a preposition or possessive marks it as an object, or "and" joins it to another
    name. The look back is done only when a verb follows (most names are not subjects).
    """
    if not _ACTS.match(text, end) or run.endswith(("’s", "'s")):
        return False
    before = text[max(0, start - PREVIOUS_WORD_REACH):start][::-1]
    previous = _LAST_WORD_REVERSED.match(before)
    if previous and previous.group(1)[::-1].lower() in PREPOSITIONS:
        return False
    return not _JOINED.match(text, end)


class Mentions:
    """Every person and organisation name of a text, in order, with fuller-name unification."""

    def __init__(self, text: str, skip: list[tuple[int, int]] | None = None) -> None:
        """Scan ``text``; ``skip`` holds spans (quotations) whose names are not antecedents."""
        self.items: list[Mention] = []
        self.full: dict[str, Mention] = {}
        skip = sorted(skip or [])
        starts = [s for s, _ in skip]
        for match in NAME_RUN.finditer(text):
            i = bisect.bisect_right(starts, match.start()) - 1
            if i >= 0 and skip[i][0] <= match.start() < skip[i][1]:
                continue
            if " " not in match.group() and match.group().lower() in STOP_WORDS:
                continue  # a sentence-opening "The", "In": the common case, skipped cheaply
            base = match.start()
            for start, end in segments(match.group()):
                mention = self._mention(text, base + start, base + end,
                                        text[base + start:base + end])
                if mention is not None:
                    self.items.append(mention)
        self._starts = [m.start for m in self.items]
        self._people = {m.name for m in self.items if m.person}
        self._genders = {m.name: m.gender for m in self.items if not m.org}

    def _mention(self, text: str, start: int, end: int, run: str) -> Mention | None:
        name, titles = split_title(run)
        if not name or name.lower() in STOP_WORDS:
            return None
        appositive = _APPOSITIVE.match(text, end)
        if appositive:
            titles += tuple(_bare(w) for w in appositive.group(1).split())
        org = is_org(name)
        subject = _acts(text, start, end, run)
        tokens = name.split()
        known = self.full.get(tokens[-1].lower())
        if known and len(tokens) == 1 and not org:
            mention = Mention(start, end, known.name, known.titles | frozenset(titles),
                              known.gender, False, known.person, subject)
        else:
            gender = None if org else gender_of(name, titles)
            person = not org and (gender is not None or any(map(is_title_word, titles)) or (
                subject and len(tokens) >= 2))
            mention = Mention(start, end, name, frozenset(titles), gender, org, person, subject)
        if not org and len(mention.name.split()) >= 2 and (mention.person or mention.titles):
            self.full[mention.name.split()[-1].lower()] = mention
        return mention

    def unify(self, name: str) -> str:
        """The fullest form of ``name`` seen in the text (a lone surname gets its first name)."""
        tokens = name.split()
        if len(tokens) == 1 and not is_org(name):
            known = self.full.get(name.lower())
            if known:
                return known.name
        known = self.full.get(tokens[-1].lower()) if len(tokens) > 2 else None
        if known and name.endswith(" " + known.name):
            return known.name  # "Rival Hillary Clinton" -> "Hillary Clinton"
        return name

    def is_person(self, name: str) -> bool:
        """True when ``name`` is surely a person: titled, a known first name or surname."""
        if name in self._people:
            return True
        return not is_org(name) and gender_of(name) is not None

    def before(self, pos: int) -> list[Mention]:
        """Mentions that end before ``pos`` within the antecedent window, nearest first."""
        i = bisect.bisect_left(self._starts, pos)
        out = [m for m in self.items[:i] if m.end <= pos and pos - m.start <= ANTECEDENT_WINDOW]
        return out[::-1]

    def person_for(self, pos: int, gender: Gender | None, last: tuple[str, int] | None = None,
                   sentence: int | None = None) -> str | None:
        """Who 'he' or 'she' at ``pos`` means.

        A person acting earlier in the same sentence (from offset ``sentence``: "Lapp said she
        thinks") comes first. Then the previous quote's speaker (``last``: name, position)
        stays the referent unless another person has since acted as a sentence subject;
        otherwise the nearest acting person, then the nearest person mentioned. A known
        gender match beats a person of unknown gender in each step.
        """
        fits = [m for m in self.before(pos) if not m.org and m.person
                and (gender is None or m.gender in (gender, None))]
        if sentence is not None:
            here = _best([m for m in fits if m.start >= sentence and m.subject], gender)
            if here:
                return here.name
        if last and pos - last[1] <= ANTECEDENT_WINDOW and self._genders.get(
                last[0]) in (gender, None):
            acting = next((m for m in fits if m.start > last[1] and m.subject), None)
            return acting.name if acting else last[0]
        chosen = _best([m for m in fits if m.subject], gender) or _best(fits, gender)
        return chosen.name if chosen else None

    def titled(self, pos: int, words: set[str]) -> Mention | None:
        """The nearest earlier person whose titles include all of ``words``."""
        for mention in self.before(pos):
            if not mention.org and words <= mention.titles:
                return mention
        return None


def _best(candidates: list[Mention], gender: Gender | None) -> Mention | None:
    """The nearest candidate of the right gender, else the nearest of unknown gender."""
    known = next((m for m in candidates if gender and m.gender == gender), None)
    return known or (candidates[0] if candidates else None)
