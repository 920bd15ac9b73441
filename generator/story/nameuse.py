"""How a story's texts use a name the finder called a person: what it is, and who it is.

The rule-based finder reads a run of capitalised words as a name; what the run names is often
plain from how the story's own texts write it, with no word list of the pile's names:

- a name made only of peoples' and creeds' adjectives ("Egyptian-American", "Catholic") names
  a kind of people, not a person;
- a name whose last word is initials with stops ("Orkem U.K.", "Asia U.N.") is a company's or
  a place's: a person's name never ends in an abbreviation of that shape;
- a name the texts mostly write after "the", at least once closing its phrase there ("coach
  of the Trail Blazers.", "the Islamic State,"), is a thing's: English writes a person's name
  with no article, and "the Donald Trump campaign" (a name qualifying the noun after it) is
  not counted as closing;
- so is a name the texts mostly follow with ", which" ("Fearnley Consultants, which is part
  of ...");
- a lone surname is the one person its story's texts name in full with it ("Valerie Duty, 46,
  a local resident ..." then "Mrs Duty says");
- and, for ``names``'s lone words: whether the texts give one an honorific ("Mr. Moody"),
  write it in lower case ("the department"), or name another bearer of a surname ("Jeb
  Bush" beside "Bush").

The first four read one story's texts joined once (``StoryText``) and count substrings
there (a regular expression runs only for the few names that could match), so a story of a
thousand sources and as many names costs a few scans of its text per name.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable

from generator.model import Story
from generator.text.entity_tables import DEMONYMS
from generator.text.person_names import middle_initials, nicknames
from generator.text.persons import first_names, lexicon

DETERMINED_SHARE = 0.5
"""A name written after "the" in at least this share of its story's mentions is a thing's.
Set on a real pile of 6,100 articles: the organisations, places and events the finder called
people were written so in 1 of 1 to 3 of 6 mentions ("the Trail Blazers"); the people named
after "the" at all wrote it as a qualifier ("the Kardashian inauguration", 1 of 2), which
``_CLOSED`` does not count."""

# A name's phrase closed right after it: a stop, a comma or another mark, a possessive, the end.
_CLOSED = r"(?=\s*(?:[.,;:!?)\]\"”’]|['’]s\b|$))"
# An honorific before a lone word: given only to a person.
HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+"
# A title that names someone by a given name alone ("Prince Harry", "Queen Elizabeth", "Pope
# Francis"); without one a lone given name ("James", "Rachel") names nobody in particular.
GIVEN_NAME_TITLE = r"(?:Prince|Princess|Queen|King|Pope|Lady|Lord|Sir|Dame|Saint|St\.?)\s+"
_GIVEN_WORDS = 2
"""Capitalised words read before a surname for its given names ("Anne Marie Oliver")."""
# Initials with stops ending a name: "U.K.", "U.N.", "D.C.".
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


@dataclasses.dataclass(frozen=True)
class StoryText:
    """A story's article texts, joined once for the tests of this module."""

    story: Story

    @functools.cached_property
    def text(self) -> str:
        """Every article text of the story, a blank line between two."""
        return "\n\n".join(a.text for s in self.story.sources for a in s.articles)


def adjectives_only(name: str,
                    is_place_adjective: Callable[[str], bool] | None = None) -> bool:
    """Whether every word of ``name`` (hyphens split too) is a people's or a creed's adjective.

    "Egyptian-American", "Catholic", "Sunni-Shiite". ``is_place_adjective`` (a predicate on a
    word) also counts adjectives made from a place's name ("Californian").
    """
    words = [w for w in re.split(r"[\s‐-]+", name.lower()) if w]
    adjectives = DEMONYMS | lexicon("group_adjectives")
    return bool(words) and all(
        w in adjectives or (is_place_adjective is not None and is_place_adjective(w))
        for w in words)


def ends_in_initials(name: str) -> bool:
    """Whether the last word of ``name`` is initials with stops ("Orkem U.K.")."""
    words = name.split()
    return len(words) > 1 and bool(_DOTTED_INITIALS.fullmatch(words[-1]))


def determined(name: str, story: StoryText) -> bool:
    """Whether the story's texts write ``name`` as a thing's: mostly after "the".

    At least ``DETERMINED_SHARE`` of its mentions follow "the" (or "The"), and at least one
    of those closes its phrase right after the name (``_CLOSED``).
    """
    text = story.text
    after_the = text.count(f"the {name}") + text.count(f"The {name}")
    if not after_the or after_the < DETERMINED_SHARE * text.count(name):
        return False  # most names are never written after "the": counted as substrings first
    bounded = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    return re.search(rf"\b[Tt]he {bounded}{_CLOSED}", text) is not None


def relative_which(name: str, story: StoryText) -> bool:
    """Whether the story's texts mostly go on after ``name`` with ", which" (a thing's).

    "director with Fearnley Consultants, which is part of ...": a person is "who". At least
    ``DETERMINED_SHARE`` of the mentions, so one ", which" after a person's name that ends a
    clause ("... pressure on Bashar al-Assad, which ...") does not count against them.
    """
    text = story.text
    which = text.count(f"{name}, which")
    return bool(which) and which >= DETERMINED_SHARE * text.count(name)


def full_name(surname: str, story: StoryText) -> str | None:
    """The one full name the story's texts give a lone surname, or None.

    A known first name or nickname, perhaps initials, then the surname ("Gene Sperling", "Brian M.
    Clausen", "Valerie Duty"); None when the texts name none, or two people with different
    first names.
    """
    text = story.text
    if surname not in text:
        return None
    pattern = (rf"\b((?:[A-Z][a-z]+ ){{1,{_GIVEN_WORDS}}})((?:[A-Z]\. )*)"
               rf"{re.escape(surname)}(?![\w-])")
    known = first_names() | nicknames().keys()
    found: dict[str, str] = {}
    for match in re.finditer(pattern, text):
        given = match.group(1).split()
        while given and given[0].lower() not in known:
            given = given[1:]  # a title or a sentence's word before the name ("President")
        if given:
            found.setdefault(given[0], " ".join([*given, *match.group(2).split(), surname]))
    return next(iter(found.values())) if len(found) == 1 else None


def only_a_name(word: str, story: Story) -> bool:
    """Whether a lone word nobody in the corpus bears is never a common word in its story.

    "Department", "Wars", "Assembly" are written in lower case too ("the department said");
    a surname given alone by every report ("Buckley said") is not.
    """
    pattern = re.compile(rf"(?<!\w){re.escape(word.lower())}(?!\w)")
    return not any(pattern.search(a.text) for s in story.sources for a in s.articles)


def other_bearer_named(surname: str, bearer: str, story: Story) -> bool:
    """Whether a story's text names someone else with the surname a corpus bearer was given.

    A lone surname with no bearer among its story's people goes to the corpus's dominant
    bearer; but the story's text may name another ("George H.W. Bush", "Jeb Bush") whom the
    merge did not keep among its people. A first name before the surname that is not the
    bearer's, or middle initials that differ from the bearer's, is another person; a title
    ("President Bush") or the bearer's own first name without initials is not.
    """
    first, initials = bearer.split(maxsplit=1)[0].lower(), middle_initials(bearer)
    pattern = re.compile(rf"\b([A-Z][a-z]+)((?:\s+[A-Z]\.?)*(?:\s*[A-Z]\.)*)\s+"
                         rf"{re.escape(surname)}(?!\w)")
    for text in (a.text for s in story.sources for a in s.articles):
        for found in pattern.finditer(text):
            name = found.group(1).lower()
            if name not in first_names():
                continue
            if nicknames().get(name, name) != nicknames().get(first, first):
                return True
            given = middle_initials(f"{found.group(1)} {found.group(2).strip()} {surname}")
            if given and initials and given != initials:
                return True
    return False


def honoured(word: str, story: Story, title: str = HONORIFIC) -> bool:
    """Whether a story's text gives the lone word an honorific ("Mr. Moody said")."""
    pattern = re.compile(rf"\b{title}{re.escape(word)}(?!\w)")
    return any(pattern.search(a.text) for s in story.sources for a in s.articles)
