"""The shape of a person's name: what is not part of it, whether it can be one, its keys.

Three small tools for telling, across a corpus, which names are one person's
(``generator.story.names``):

- ``bare_name`` drops what headline style glues to a name: party labels and roles before it
  ("Republican Donald Trump", "Executive Tony Hayward"), a home state after it ("Ted Cruz of
  Texas"), a possessive;
- ``plausible_person`` is the stricter person test: a name the rule-based finder called a
  person is vetoed when it opens with a function word, holds a dateline word or an all-caps
  word, or reads as an event, place, company, group or club ("The BP", "EDT BENGHAZI",
  "Hurricane Katrina", "William Sound", "General Motors", "Roman Catholics", "Manchester
  United");
- ``name_key`` and ``sound_key`` say when two spellings write one name: the first ignores
  initials, middle names, suffixes and nicknames ("George W. Bush" = "George Bush", "Ed
  Markey" = "Edward J. Markey"); the second also transliteration ("Muammar Gaddafi" =
  "Moammar Gadhafi", "Musa Ibrahim" = "Moussa Ibrahim"), and is only trusted with context.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from generator.text.entity_tables import (
    CALENDAR_WORDS,
    COMPANY_LAST_WORDS,
    DATELINE_WORDS,
    DEMONYMS,
    EVENT_FIRST_WORDS,
    EVENT_LAST_WORDS,
    GEO_LAST_WORDS,
    GROUP_WORDS,
    ORG_FIRST_WORDS,
    ORG_LAST_WORDS,
    ORG_NAMES,
    PERSON_TITLES,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    PLACES,
    STOPWORDS,
)
from generator.text.persons import PREPOSITIONS, first_names, lexicon

MAX_PERSON_WORDS = 5
"""Longest person name in words, particles included ("Juan Ramón de la Fuente"); longer runs
the finder called a person were lists or headlines."""
NAME_CACHE_SIZE = 65_536
"""Distinct names remembered: a real pile of 6,000 articles has about 10,000 person names."""

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# The suffixes that tell a father from a son, not a monarch's number.
_GENERATIONS = frozenset({"jr", "sr"})
_PARTICLES = frozenset({"de", "la", "los", "del", "van", "von", "der", "den", "da", "dos",
                        "bin", "ibn", "al", "el", "le", "du", "y", "of"})
# Particles that open a surname and so end no name ("Azm Al" is "Azm Al Homoud" cut short).
_OPENING_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "del", "van", "von", "der"})
# Surname prefixes written or left out at will ("Bashar al-Assad" = "Bashar Assad").
_SURNAME_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|an|ar|at|az)[-‐]", re.IGNORECASE)
# Weekdays veto a name (a dateline: "Tuesday Obama"), months do not: April, June and May are
# first names and surnames too.
_WEEKDAYS = frozenset(w for w in CALENDAR_WORDS if w[:3] in {
    "mon", "tue", "wed", "thu", "fri", "sat", "sun"} and w not in {"sat", "sun"})
# Place words that are surnames as often as not ("Michael Bay", "Jonathan Hills").
_SURNAME_PLACE_WORDS = frozenset({"bay", "hills", "city", "falls", "springs", "street"})
# Spelling classes that transliterations swap ("Gaddafi"/"Gadhafi"/"Qaddafi", "Musa"/"Moussa").
_SOUND_RULES = ((re.compile(r"(?<=[bcdgkpst])h"), ""), (re.compile(r"ou|oo"), "u"),
                (re.compile(r"q"), "k"), (re.compile(r"ph"), "f"), (re.compile(r"ck|c(?=[aou])"),
                "k"), (re.compile(r"ee|y(?![aeiou])"), "i"), (re.compile(r"(.)\1+"), r"\1"))
_VOWELS_AFTER_FIRST = re.compile(r"(?<=.)[aeiou]")
_KNOWN_NON_PEOPLE = PLACES | ORG_NAMES
_ROMAN = re.compile(r"[IVXLC]+")
_ACRONYM = re.compile(r"(?![IVX]{2})[A-Z]{2}")  # two capitals, not a Roman numeral ("II")
_KIND_WORDS = (ORG_LAST_WORDS | COMPANY_LAST_WORDS | EVENT_FIRST_WORDS | EVENT_LAST_WORDS
               | GEO_LAST_WORDS | PLACE_LAST_WORDS | ORG_FIRST_WORDS | GROUP_WORDS
               ) - _SURNAME_PLACE_WORDS
# A compound adjective before a name ("Alawite-dominated", "US-backed", "Iran-based").
_DESCRIBED = re.compile(r"-[a-z]+(?:ed|ing)$")
# Last words of a club's name that are surnames too ("Michael Town", "David Villa"): a club's
# only after a place ("Manchester City", "Ipswich Town"); ``club_words.txt`` holds the rest.
_CLUB_AFTER_PLACE = frozenset({"city", "town", "county", "rangers", "villa", "orient"})
# Prepositions a sentence may open with before a place ("Across Syria, ..."): no name starts
# with one ("Per", a Nordic first name, is left out).
_PREPOSITIONS = PREPOSITIONS | frozenset({
    "across", "amid", "amidst", "along", "alongside", "around", "beyond", "inside", "near",
    "outside", "throughout", "unlike", "via", "within", "without", "upon", "onto", "beneath",
    "beside", "besides", "despite", "during", "since", "until"}) - {"like"}
# Function words capitalised inside a run the finder took for a name ("Libya He", "Purcell
# And Dryden", "Settle For Hillary"): no name holds one past its first word. Words that are
# also initials, numerals or short given names ("A.", "I", "An", "To") are left out.
_FUNCTION_WORDS = frozenset({
    "he", "she", "they", "we", "you", "him", "his", "her", "its", "their", "our", "and", "or",
    "nor", "but", "for", "from", "with", "the", "is", "was", "are", "were", "has", "had",
    "have", "who", "which", "that", "this", "these", "those", "if", "when", "than", "not",
    "against", "&"})
# First words of a place's name that open no person's ("River Volga", "Lake Tahoe", "San
# Antonio", "St Laurence Bible"); "Bay" (a given name too) and "City", "State", "Port" (also
# in organisations' names) are left out.
_PLACE_OPENERS = frozenset({"cape", "county", "gulf", "island", "isle", "lake", "mount",
                            "province", "republic", "river", "sea", "strait", "san", "santa",
                            "st", "saint"})
# A word whose last letter alone is a capital after small letters ("FranA": a letter lost to
# a broken encoding); no name ends so ("McA", "LaT" are no names either).
_BROKEN_CASE = re.compile(r"[a-z][A-Z]$")
# A contraction ("I’m Nancy", "Don't"): a word of a sentence, never of a name.
_CONTRACTION = re.compile(r"['’](?:m|re|ve|ll)$|n['’]t$", re.IGNORECASE)
# Plurals of groups that do not end in "-s" after the singular ("Tories", "Shias" does).
_IRREGULAR_GROUPS = frozenset({"tories", "jewry", "faithful", "clergy", "laity"})


@cache
def _group_plurals() -> frozenset[str]:
    """Plural nouns that name a group ("Americans", "Catholics", "Democrats").

    A people's, a creed's or a party's plural, and the group nouns of
    ``entity_tables.GROUP_WORDS``.
    """
    singular = DEMONYMS | lexicon("group_adjectives")
    return GROUP_WORDS | _IRREGULAR_GROUPS | frozenset(f"{word}s" for word in singular)


def _label(word: str) -> bool:
    """Whether a word before a name is not part of it.

    A label, a title, a nationality, or a former office ("Ex-PM", "ex-President").
    """
    bare = _bare(word)
    return bare in _labels() or (bare.startswith("ex-") and len(bare) > len("ex-"))


@cache
def _labels() -> frozenset[str]:
    """Words before a name that are not part of it (labels, titles, nationalities)."""
    return lexicon("name_labels") | lexicon("person_titles") | PERSON_TITLES | DEMONYMS


@cache
def nicknames() -> dict[str, str]:
    """Short first name -> the full form it stands for (``resources/nicknames.txt``)."""
    text = resources.files("generator").joinpath("resources", "nicknames.txt").read_text(
        "utf-8")
    pairs = (line.split() for line in text.splitlines() if line and not line.startswith("#"))
    return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}


def _bare(word: str) -> str:
    return word.lower().rstrip(".,")


@lru_cache(maxsize=NAME_CACHE_SIZE)
def bare_name(name: str) -> str:
    """The name without the labels, roles, home place and possessive written around it.

    "Republican Donald Trump" -> "Donald Trump", "Ted Cruz of Texas" -> "Ted Cruz",
    "Chief Executive Tony Hayward" -> "Tony Hayward". A label is dropped only while two words
    stay, so a bare surname after a title keeps its shape ("Colonel Gaddafi" -> "Gaddafi" is
    the finder's work, not this).
    """
    words = re.sub(r"['’]s?$", "", name.strip()).split()
    if " of " in f" {' '.join(words)} ":
        cut = words.index("of")
        if cut >= 2 and cut < len(words) - 1:
            words = words[:cut]
    while len(words) > 2 and _label(words[0]):
        words = words[1:]
    if len(words) == 2 and _bare(words[1]) in _GENERATIONS:
        words = words[:1]  # "Fred Sr" is a given name alone; "Elizabeth II" stays a name
    if len(words) == 2 and _bare(words[0]) in lexicon("name_labels") and not _kind_word(
            _bare(words[1])):
        words = words[1:]  # "Democrat Clinton" is Clinton; "Saudi Arabia" stays itself
    return " ".join(words)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def plausible_person(name: str) -> bool:
    """Whether ``name`` (after ``bare_name``) can be a person's name at all.

    A veto, not a finder: it rejects the shapes that never name a person and keeps the rest.
    """
    words = name.split()
    lowered = [_bare(w) for w in words]
    if not words or len(words) > MAX_PERSON_WORDS or any(c.isdigit() for c in name):
        return False
    if (lowered[0] in STOPWORDS | _PREPOSITIONS and lowered[0] not in first_names()
            | nicknames().keys()) or " ".join(lowered) in _KNOWN_NON_PEOPLE:
        return False  # "The BP", "Across Syria", "Gaza"
    if _bad_word(words, lowered):
        return False
    if len(words) == 1:  # "Motors", "Wars": a name's kind word alone names nothing
        return words[0][:1].isupper() and len(words[0]) > 1 and not _kind_word(lowered[0])
    return not _not_a_person(lowered)


def _bad_word(words: list[str], lowered: list[str]) -> bool:
    """A word no person's name holds: a dateline, an adjective, a lower-case word."""
    if any(_shouting(w) for w in words) or any(w in DATELINE_WORDS | _WEEKDAYS for w in lowered):
        return True  # "EDT BENGHAZI", "BP"
    if any(w in _FUNCTION_WORDS for w in lowered[1:]) or any(_broken(w) for w in words):
        return True  # "Libya He", "Ernst & Young", "I’m Nancy", "FranA"
    if len(words) > 1 and (lowered[-1] in lexicon("group_adjectives")
                           or lowered[-1] in _OPENING_PARTICLES):
        return True  # "Jerusalem Muslim": a creed or party ends no name; "Azm Al" is cut
    if all(w.isupper() for w in words) or any(_DESCRIBED.search(w) for w in words):
        return True  # "AP BP"; "Alawite-dominated Assad", "US-backed Karzai"
    if len(words) > 1 and _ACRONYM.fullmatch(words[-1]):
        return True  # "Boycott BP": initials open a name ("TJ Holmes"), never end it
    return any(w in DEMONYMS for w in lowered) or any(
        w[:1].islower() and w not in _PARTICLES and not _SURNAME_PREFIX.match(w)
        for w in words)  # "Mexican Cartel", "Tony of the"


def _broken(word: str) -> bool:
    """A contraction, or a word ending in a lone capital after small letters ("FranA")."""
    letters = word.rstrip(".,")
    return bool(_CONTRACTION.search(letters) or _BROKEN_CASE.search(letters))


def _shouting(word: str) -> bool:
    """An all-caps word of three letters or more (an acronym or a dateline), not "XVI"."""
    letters = word.strip(".,'’-")
    return (len(letters) >= 3 and letters.isupper() and "." not in letters  # "H.W." initials
            and not _ROMAN.fullmatch(letters))


def _kind_word(word: str) -> bool:
    """A word naming a kind of organisation, place, event or group ("Department", "United")."""
    return (word in _KIND_WORDS or word in lexicon("org_words") or word in _group_plurals()
            or word in lexicon("club_words"))


def _not_a_person(lowered: list[str]) -> bool:
    """An event, place or company by its first or last word."""
    first, last = lowered[0], lowered[-1]
    if first in EVENT_FIRST_WORDS or last in EVENT_LAST_WORDS:
        return True  # "Hurricane Katrina", "Star Wars"
    if last in (PLACE_LAST_WORDS - _SURNAME_PLACE_WORDS) | GEO_LAST_WORDS:
        return True  # "William Sound", "Gulf Coast"
    if (first in PLACE_FIRST_WORDS and lowered[1] == "of") or first in _PLACE_OPENERS:
        return True  # "Gulf of Mexico", "River Volga", "San Antonio"
    org_words = ORG_LAST_WORDS | COMPANY_LAST_WORDS | GROUP_WORDS | lexicon("org_words")
    if last in org_words or first in ORG_FIRST_WORDS:
        return True  # "General Motors", "Ministry of"
    return _group_or_club(lowered)


def _group_or_club(lowered: list[str]) -> bool:
    """A group of people or a sports club by its last word.

    A plural of a people, creed or party ("Roman Catholics", "Young Americans"), a club word
    ("Manchester United", "Blackburn Rovers"), or a surname-like club word after a place
    ("Manchester City").
    """
    last = lowered[-1]
    if last in _group_plurals() or last in lexicon("club_words"):
        return True
    before = lowered[:-1]
    return last in _CLUB_AFTER_PLACE and (" ".join(before) in PLACES or (
        before[0] in PLACES and before[0] not in first_names()))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def name_key(name: str) -> tuple[str, str] | None:
    """(first name, surname) in a form that spellings of one name share; None for one word.

    Lower case, accents off, initials, middle names and suffixes left out, a nickname as its
    full form, a surname's "al-" left out: "George W. Bush", "George W Bush" and "George Bush"
    share ("george", "bush"); "Ed Markey" and "Edward J. Markey" ("edward", "markey").
    """
    words = [_fold(w) for w in name.split()]
    words = [w for i, w in enumerate(words) if len(w) > 1 and w not in _SUFFIXES
             and (i == 0 or w not in _PARTICLES)]  # "Al Gore" opens with a first name
    if len(words) < 2:
        return None
    return nicknames().get(words[0], words[0]), surname_key(words[-1])


@lru_cache(maxsize=NAME_CACHE_SIZE)
def middle_initials(name: str) -> str:
    """The initials of the names between first name and surname ("" when there are none).

    "George W. Bush" and "George Walker Bush" give "w", "George H.W. Bush" "hw", "Saif
    al-Islam Gadhafi" "i": two forms of one ``name_key`` whose initials differ are two people.
    """
    words = [w for w in name.split() if _fold(w) not in _SUFFIXES | _PARTICLES]
    initials = []
    for word in words[1:-1]:
        bare = _SURNAME_PREFIX.sub("", word).replace(".", "")
        initials.append(bare.lower() if bare.isupper() else bare[:1].lower())
    return "".join(initials)


def middle_key(name: str) -> tuple[str, str] | None:
    """The key of the name without its first name, for a name of three words or more.

    Some reports leave the first of two given names out ("Tayyip Erdogan" for "Recep Tayyip
    Erdogan"); None when the middle word is an initial or there is no middle word.
    """
    words = [_fold(w) for w in name.split()]
    words = [w for w in words if w not in _SUFFIXES and w not in _PARTICLES]
    if len(words) < 3 or len(words[1]) < 2:
        return None
    return nicknames().get(words[1], words[1]), surname_key(words[-1])


@lru_cache(maxsize=NAME_CACHE_SIZE)
def surname_key(word: str) -> str:
    """A surname as ``name_key`` writes it ("al-Assad" -> "assad", "Saleh's" -> "saleh")."""
    return _SURNAME_PREFIX.sub("", _fold(re.sub(r"['’]s$", "", word)))


def sound_key(key: tuple[str, str]) -> tuple[str, str]:
    """A coarser key that transliterations of one name share.

    Consonants after the first letter, spelling classes merged: "Muammar Gaddafi" and
    "Moammar Gadhafi" are both ("mmr", "gdf").
    """
    return _sound(key[0]), _sound(key[1])


def _sound(word: str) -> str:
    for pattern, replacement in _SOUND_RULES:
        word = pattern.sub(replacement, word)
    return _VOWELS_AFTER_FIRST.sub("", word)


def _fold(word: str) -> str:
    """Lower case, accents and dots off, hyphens and apostrophes kept inside."""
    ascii_form = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return ascii_form.lower().strip(".,'’-")
