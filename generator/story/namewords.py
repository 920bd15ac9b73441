"""Words of the sentence that the name finder took into a person's name.

The rule-based finder (``generator.text.entities``) reads a run of capitalised words as a
name. At the start of a sentence or in a headline-case line the run can open with a word of
the sentence ("Everything Trump", "Interestingly Blocher", "Adds Vattenfall") or be made of
common words alone ("Foreign Relations", "Public Citizen", "Town Bumps"). Which words are
common is read from the corpus itself, in one pass over its texts (linear, no word list):

- a word is *common* when the corpus writes it in lower case at least ``COMMON_RATIO`` times
  as often as capitalised inside a sentence ("foreign" 2,024 to 956 on a real pile of 6,100
  articles; surnames and given names such as "Hicks", "Denzel" are never or seldom written in
  lower case). A capital that opens a sentence says nothing of the word, so it is not
  counted: a sentence adverb ("Interestingly", "Luckily") is mostly written where sentences
  start, and would otherwise pass for a name;
- a name of common words only is no person's ("Foreign Relations"), nor a common word before
  a place ("Air China");
- a common word that opens a name its story writes only where a sentence starts is the
  sentence's, not the name's: it is dropped ("Everything Trump" is Trump), and a lone word
  left over must be a known person's name (``glued`` says which forms were cut).

A given name that is also a common word ("Hope Hicks", "Will Hutton") stays whole because its
story writes it inside a sentence too ("said Hope Hicks"). A place's name glued before a name
at a sentence start (a dateline: "Iceland Julie Kozack") is cut the same way, and a people's
adjective made from a place the corpus names ("Californian Rebecca Solnit", "Trinidadian
Warner") is cut wherever it stands, as ``bare_name`` cuts the nationalities it knows. How
the story's texts use a name can unmake it too (``nameuse``: "Egyptian-American", "Orkem
U.K.", "the Trail Blazers").
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from generator.model import Story
from generator.story import nameuse
from generator.text.entity_tables import PLACES
from generator.text.person_names import bare_name, nicknames, plausible_person
from generator.text.persons import first_names

COMMON_RATIO = 2
"""A word written in lower case at least this many times as often as capitalised is a common
word. Set on a real pile of 6,100 articles: the words glued to names read 2.1-120 ("foreign"
2.1, "sorry" 3.1, "everything" 8.9, "figure" 120); the given names and surnames of its People
pages at most 1.1 ("Rod" 19 to 18), the surnames that are words too far less ("Gray" 1.4 was
the highest, "Woods" 0.2)."""

# Endings that make a people's adjective of a place's name, with what the place's name may
# end in instead ("Californian": California, "Trinidadian": Trinidad, "Barbadian": Barbados).
_ADJECTIVE_ENDINGS = (("ian", ("", "a", "ia", "o", "os")), ("an", ("", "a", "o")),
                      ("n", ("",)), ("ese", ("", "a")), ("i", ("",)))
MIN_PLACE_STEM = 4
"""Shortest place name an adjective is read from: shorter stems make given names adjectives
("Brian", "Adrian", "Julian" end like "Indian")."""

# Punctuation read as a space when a text is cut into words.
WORD_BREAKS = str.maketrans(dict.fromkeys('!"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”‘’«»—–…', " "))
# What may stand before a sentence's first word: its start, a stop, a colon, a quote mark or
# bracket, a dash, or a bracket closed after a stop ("... exact costs.) Message Jeremy on
# Twitter"), each perhaps followed by spaces.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”‘’'(\[—–-]|[.!?][\"”’']?[)\]])\s*$")
# A capitalised word opening a sentence: at a text's or line's start, or after a stop and
# perhaps a closing quote or bracket, with perhaps an opening quote or bracket before it.
_OPENING_WORD = re.compile(r"(?:^|[.!?][\"”’')\]]*\s)\s*[\"“‘(]?([A-Z][\w’'-]*)", re.MULTILINE)
# How far back a sentence start is looked for before a name.
_LOOK_BACK = 12


@dataclasses.dataclass(frozen=True)
class WordUse:
    """How the corpus writes the words of its people's names, and its lone person words."""

    lower: Counter[str]
    """Lower-cased word -> times the corpus writes it in lower case."""
    upper: Counter[str]
    """Lower-cased word -> times the corpus writes it capitalised (or in capitals)."""
    opening: Counter[str]
    """Lower-cased word -> times of ``upper`` where it opens a sentence."""
    lower_articles: Counter[str]
    """Lower-cased lone word -> articles that write it in lower case."""

    def common(self, word: str) -> bool:
        """Whether the corpus writes ``word`` as a common word (``COMMON_RATIO``)."""
        key = word.lower()
        if key in first_names():
            return False
        inside = max(self.upper[key] - self.opening[key], 0)
        return self.lower[key] > 0 and self.lower[key] >= COMMON_RATIO * inside


def word_use(stories: Iterable[Story], names: Iterable[str], lone: set[str]) -> WordUse:
    """One pass over the stories' texts: the use of every word of ``names``.

    Args:
        stories: the corpus's stories (their articles' texts are read once each).
        names: the person names whose words are counted.
        lone: lower-cased lone words whose articles in lower case are counted too.
    """
    words = {w.lower() for name in names for w in name.split()}
    counts: Counter[str] = Counter()
    openers: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    texts = {a.id: a.text for story in stories for s in story.sources for a in s.articles}
    for text in texts.values():
        tokens = text.translate(WORD_BREAKS).split()
        counts.update(tokens)
        openers.update(_OPENING_WORD.findall(text))
        if lone:
            articles.update(lone.intersection(tokens))
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for token, n in counts.items():
        key = token.lower()
        if key in words:
            (lower if token == key else upper)[key] += n
    opening = Counter({word.lower(): n for word, n in openers.items() if word.lower() in words})
    return WordUse(lower, upper, opening, articles)


def no_person(form: str, use: WordUse, places: frozenset[str]) -> bool:
    """Whether a name of two words or more is made of common words, or is one before a place.

    "Foreign Relations", "Public Policy Analysis", "Air China".
    """
    words = form.split()
    if len(words) < 2 or not use.common(words[0]):
        return False
    rest = " ".join(words[1:]).lower()
    return all(use.common(w) for w in words[1:]) or rest in places or rest in PLACES


def place_adjective(word: str, places: frozenset[str]) -> bool:
    """Whether a word is a people's adjective made from a place's name ("Californian")."""
    key = word.lower()
    for ending, stems in _ADJECTIVE_ENDINGS:
        stem = key[:-len(ending)]
        if key.endswith(ending) and len(stem) >= MIN_PLACE_STEM and any(
                stem + tail in places or stem + tail in PLACES for tail in stems):
            return True
    return False


def cut_before_given(form: str, use: WordUse, places: frozenset[str]) -> str:
    """A full name without a word of the sentence, a broadcaster or a place glued before it.

    "Certainly Ronald Reagan", "NBC Chuck Todd", "Iceland Julie Kozack": three words or more,
    the second a known given name, the first a common word, an acronym or a place (or its
    people's adjective). A first word that is a name ("Sheila Kay Adams", "Paulo Sergio
    Pinheiro") or an initial ("W. Mark Felt") is neither, so it stays.
    """
    words = form.split()
    first = words[0] if words else ""
    if (len(words) < 3 or len(first.rstrip(".")) < 2
            or words[1].lower() not in first_names() | nicknames().keys()):
        return form
    acronym = first.isupper() and "." not in first
    place = first.lower() in places or first.lower() in PLACES or place_adjective(first, places)
    return " ".join(words[1:]) if use.common(first) or acronym or place else form


def unglue(form: str, story: Story, use: WordUse,
           places: frozenset[str] = frozenset()) -> str | None:
    """The form without a common word or a place its story writes before it at sentence starts.

    None when nothing is glued ("Hope Hicks" is written inside a sentence too, or the story's
    texts do not hold the form as it is); "" when what is left is no name ("Figure 1").
    """
    words = form.split()
    first = words[0].lower()
    if len(words) < 2 or not (use.common(first) or first in places or first in PLACES):
        return None
    pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
    starts = [_opens_sentence(text, found.start())
              for text in (a.text for s in story.sources for a in s.articles)
              for found in pattern.finditer(text)]
    if not starts or not all(starts):
        return None
    rest = bare_name(" ".join(words[1:]))
    return rest if plausible_person(rest) else ""


@dataclasses.dataclass
class Forms:
    """One story's person names in the bare forms the corpus step compares."""

    story: Story
    use: WordUse
    places: frozenset[str]
    bare: dict[str, str | None]
    """Name -> its bare form (``bare_name``, a glued sentence word cut), None when the name is
    no person's."""
    glued: set[str] = dataclasses.field(default_factory=set)
    """Lone words left by cutting a glued word: a person only if a known person bears them."""

    def form(self, name: str) -> str | None:
        """The bare form of a name of this story (an entity's or a speaker's)."""
        if name not in self.bare:
            self.bare[name] = self._find(name)
        return self.bare[name]

    @functools.cached_property
    def text(self) -> nameuse.StoryText:
        """The story's texts joined once, for ``nameuse``'s tests."""
        return nameuse.StoryText(self.story)

    def _find(self, name: str) -> str | None:
        bare = cut_before_given(bare_name(name), self.use, self.places)
        if not plausible_person(bare) or no_person(bare, self.use, self.places):
            return None
        if self._no_person_by_use(name, bare):
            return None
        words = bare.split()
        if len(words) > 1 and place_adjective(words[0], self.places):
            bare = " ".join(words[1:])  # "Californian Rebecca Solnit"
            if " " not in bare:  # "Trinidadian Warner": Warner, if a known person bears it
                self.glued.add(bare)
            return bare if plausible_person(bare) else None
        rest = unglue(bare, self.story, self.use, self.places)
        if rest is None:
            return bare
        if rest and " " not in rest:
            self.glued.add(rest)
        return rest or None

    def _no_person_by_use(self, name: str, bare: str) -> bool:
        """A kind of people, a company by its shape, or a thing by its article (``nameuse``)."""
        return (nameuse.adjectives_only(bare, lambda w: place_adjective(w, self.places))
                or nameuse.ends_in_initials(bare) or nameuse.determined(name, self.text)
                or nameuse.relative_which(name, self.text))


def all_forms(stories: Sequence[Story]) -> list[Forms]:
    """Every story's person entities in bare form, after one pass over the corpus's words."""
    named = {bare_name(e.name) for s in stories for e in s.entities if e.kind == "person"}
    use = word_use(stories, named, {w.lower() for n in named for w in n.split()})
    places = frozenset(e.name.lower() for s in stories for e in s.entities if e.kind == "place")
    forms = [Forms(story, use, places, {}) for story in stories]
    for form in forms:
        for entity in form.story.entities:
            if entity.kind == "person":
                form.form(entity.name)
    return forms


def _opens_sentence(text: str, at: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, at - _LOOK_BACK):at]))
