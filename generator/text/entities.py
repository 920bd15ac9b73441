"""A small, fast, rule-based named-entity finder (people, organisations, places).

No model: capitalised word sequences are found with one regular expression, then a few table
driven rules (``generator.text.entity_tables``) decide the kind:

1. a title or role before a name makes it a person, and the title is dropped
   ("Secretary of State Marco Rubio" -> "Marco Rubio", "the actress's rep Jack Ketsoyan");
2. a sequence listed as a country, region, state or major city, or ending in a place word
   ("Munro Airport", "Gulf of Aden"), is a place;
3. an organisation keyword at the end or start ("Defence Ministry", "Ministry of Defence",
   "NBC News") or a well-known acronym makes an organisation; a name opening with a known
   given name, "of" an organisation or a place, is a person and that body or place ("Kenneth
   Roth of Human Rights Watch", "Ted Cruz of Texas");
4. a two- or three-word name whose last word is also used alone ("Tara Reid" ... "Reid said")
   or that is followed by a speech verb is a person;
5. anything else is ``other``.

Sentence-initial common words ("Likewise", "Unilateral"; not the first word of an
organisation's name, "Human Rights Watch"), months, weekdays, nationality adjectives and Title
Case headline lines are skipped, and a surname used alone is folded into the full name it
abbreviates.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections.abc import Set

from generator.model import Entity, EntityKind
from generator.text.entity_tables import (
    ADJECTIVE_ENDINGS,
    CALENDAR_WORDS,
    DEMONYMS,
    NAME_CONNECTORS,
    NAME_OPENERS,
    ORG_FIRST_WORDS,
    ORG_LAST_WORDS,
    ORG_NAMES,
    PERSON_TITLES,
    PLACE_ALIASES,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    PLACES,
    STOPWORDS,
    VESSEL_PREFIXES,
)
from generator.text.persons import first_names

log = logging.getLogger(__name__)

# One capitalised word: a dotted acronym (U.S., U.N), an initial (the "C." of "John C. Munro"),
# or a word starting with a capital letter.
_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
_WORD = (rf"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z]\.(?=[ \t]+{_UPPER})|{_UPPER}[\w'’&\-]*\w|{_UPPER})")
_CONNECT = "|".join(sorted(NAME_CONNECTORS, key=len, reverse=True))
# A surname joined to its Arabic article ("Bashar al-Assad", "Ahmed el-Tayeb"): inside a name
# only, so that "Bashar al-Assad" is one name rather than "Bashar" and "Assad".
_PREFIXED = rf"(?:al|el|ad|ash|as|an|ar|at|az|abu|bin|ibn)-{_UPPER}[\w'’\-]*\w"
# A name: capitalised words separated by single spaces, with lower-case connectors inside.
# The leading look-ahead repeats what every _WORD starts with: it matches nothing new, but lets
# the regex engine skip to capitals instead of trying the look-behind at every character.
_NAME_RE = re.compile(
    rf"(?={_UPPER})(?<![\w'’]){_WORD}(?:[ \t]+(?:(?:{_CONNECT})[ \t]+)*(?:{_PREFIXED}|{_WORD}))*")
_WORD_RE = re.compile(r"[\w'’.\-&]+")
_NAME_RE_ASCII = re.compile(_NAME_RE.pattern, re.ASCII)
_LOWER_WORD_RE = re.compile(r"(?<![\w'’.])[a-zà-ÿ][\w'’\-]*")
_LOWER_WORD_RE_ASCII = re.compile(_LOWER_WORD_RE.pattern, re.ASCII)
_SPEECH_AFTER_RE = re.compile(
    r"\s*(?:,[^,]{0,40},\s*)?(?:said|says|told|added|stated|wrote|tweeted|announced|argued)\b")
_CONTRACTION_RE = re.compile(r"['’](?:ve|ll|re|d|t|m)$", re.IGNORECASE)

HEADLINE_MIN_WORDS = 4
"""Lines of at least this many words ..."""
HEADLINE_CAPITALISED_SHARE = 0.7
"""... with this share of capitalised words are Title Case headlines, whose capitals say nothing
about names. Set by eye on scraped headers: running prose stays under 0.4, headlines above 0.8."""
MAX_NAME_WORDS = 6
"""Longer capitalised runs are headlines or lists, not one name."""
PERSON_NAME_WORDS = (2, 3)
"""Word counts of a plain "Given Family" or "Given Middle Family" name (rule 4)."""
CLASSIFY_CACHE_SIZE = 65_536
"""Distinct name contexts remembered across articles. Measured on 1,500 news articles: 72,000
classifications, 22,000 distinct. Entries are a few hundred bytes: a full cache is ~30 MB."""
_LONGEST_TITLE = max(len(t.split()) for t in PERSON_TITLES)


def find_entities(text: str) -> list[Entity]:
    """Find named people, organisations and places in ``text``.

    Args:
        text: plain article text (sentences or lines; pre-tokenised text works too).

    Returns:
        Unique entities in order of first mention; a surname used alone is folded into the
        full name mentioned elsewhere ("Rubio" -> "Marco Rubio").
    """
    # On ASCII text the ASCII-only forms of the expressions match the same, a fifth faster.
    ascii_only = text.isascii()
    name_re = _NAME_RE_ASCII if ascii_only else _NAME_RE
    lower_re = _LOWER_WORD_RE_ASCII if ascii_only else _LOWER_WORD_RE
    lower_words = set(map(str.lower, set(lower_re.findall(text))))  # de-duplicated, then lowered
    hits = [(m.group(), *_context(line, m.start()), line, m.end())
            for line in text.splitlines() if not _is_headline(line)
            for m in name_re.finditer(line)]
    # A capitalised word seen only at sentence starts ("Likewise", "Sadly") is not a name.
    inside = {w for name, at_start, _, _, _ in hits if not at_start or " " in name
              for w in name.split()}
    found: list[Entity] = []
    seen: dict[tuple[str, bool, str, bool], tuple[Entity, ...]] = {}
    for name, at_start, previous, line, end in hits:
        # Only a run of several words can become a person by a speech verb after it, and not
        # one after "the": "the Red Sox said", "The New Orleans Saints said" name a team.
        speech = ((" " in name or "\t" in name) and not _after_the(name, line, end)
                  and _SPEECH_AFTER_RE.match(line, end) is not None)
        key = (name, at_start, previous, speech)
        if key not in seen:  # a name repeats: classify each distinct context once
            seen[key] = _classify_in_text(name, key[1:], lower_words, inside)
        found.extend(seen[key])
    return _fold_aliases(found)


def _after_the(name: str, line: str, end: int) -> bool:
    """Whether the run starts with, or follows, the definite article."""
    start = end - len(name)
    return name[:4].lower() == "the " or line[max(0, start - 4):start].lower() == "the "


def _is_headline(line: str) -> bool:
    if line.isascii():
        # C-speed count of the words: every word character becomes "a" (capitals "A"), every
        # other character a space, so each word starts at " a" / " A" or at the very start.
        marks = line.encode("ascii").translate(_WORD_MARKS)
        capitalised = marks.count(b" A") + marks.startswith(b"A")
        words = capitalised + marks.count(b" a") + marks.startswith(b"a")
    else:
        firsts = [w[0] for w in _WORD_RE.findall(line)]
        words, capitalised = len(firsts), sum(map(str.isupper, firsts))
    if words < HEADLINE_MIN_WORDS:
        return False
    return capitalised >= HEADLINE_CAPITALISED_SHARE * words


_WORD_MARKS = bytes(
    ord("A") if chr(b).isupper() else ord("a") if _WORD_RE.fullmatch(chr(b)) else ord(" ")
    for b in range(256))
"""Byte translation for ``_is_headline`` on ASCII lines (only bytes below 128 occur there)."""


def _classify_in_text(text: str, context: tuple[bool, str, bool], lower_words: Set[str],
                      inside: set[str]) -> tuple[Entity, ...]:
    """``_classify``, memoised across articles.

    The same name in the same context recurs across a corpus ("Obama said"); what else the
    article holds matters only through a few set lookups, so their answers join the key.
    """
    variants = _word_variants(text)
    return _classify_cached(text, context, variants.intersection(lower_words),
                            variants.intersection(inside))


@functools.lru_cache(maxsize=CLASSIFY_CACHE_SIZE)
def _word_variants(text: str) -> frozenset[str]:
    """Every form of the run's words that ``_classify`` may look up in the per-text sets."""
    forms: set[str] = set()
    for word in text.split():
        for stripped in (word, _strip_possessive(word), _strip_possessive(
                _strip_possessive(word))):
            forms.update((stripped, stripped.lower(), stripped.lower().rstrip(".")))
    return frozenset(forms)


def _strip_possessive(word: str) -> str:
    return word[:-2] if word[-2:] in ("'s", "’s") else word


@functools.lru_cache(maxsize=CLASSIFY_CACHE_SIZE)
def _classify_cached(text: str, context: tuple[bool, str, bool], lower_words: frozenset[str],
                     inside: frozenset[str]) -> tuple[Entity, ...]:
    return tuple(_classify_run(text, context, lower_words, inside))


def _classify_run(text: str, context: tuple[bool, str, bool], lower_words: Set[str],
                  inside: Set[str]) -> list[Entity]:
    """``_classify``, where a person's name may not go on past a possessive.

    "Lady Gaga's Judas" (a song) gives "Gaga Judas": a name never runs on past its owner's
    possessive, so that run is no person. The name is kept as it was written, as ``other``:
    the clustering stage reads the names, and cutting them apart moved ECB+ stories (B-cubed
    F1 0.951 -> 0.948).
    """
    found = _classify(text, context, lower_words, inside)
    owners = _owners(text)
    if not owners:
        return found
    return [Entity(e.name, "other") if e.kind == "person" and not owners.isdisjoint(
        e.name.split()[:-1]) else e for e in found]


def _classify(text: str, context: tuple[bool, str, bool], lower_words: Set[str],
              inside: Set[str]) -> list[Entity]:
    """Entities in one capitalised run.

    ``context`` is (at a sentence start, the previous word, followed by a speech verb).
    """
    at_start, previous, speech_after = context
    words = _trim(text.split(), lower_words, at_sentence_start=at_start)
    if not words or len(words) > MAX_NAME_WORDS:
        return []
    if at_start and " " not in text and words[0] not in inside and _kind_from_tables(
            words) is None:
        return []
    title = _find_title(words)
    if title is not None and [w.lower() for w in words[title[1]:title[1] + 1]] == ["of"]:
        # "the Governor of Alaska": the title names an office, what follows its place.
        return _classify_words(words[title[1] + 1:], lower_words, False)
    if title is not None and not _possessive(text, words[title[1] - 1]):
        before, name = words[:title[0]], _trim(words[title[1]:], lower_words)
        out = [e for e in _classify_words(before, lower_words, False) if e.kind != "other"]
        return [*out, Entity(" ".join(name), "person")] if name else out
    if previous in PERSON_TITLES:
        return [Entity(" ".join(words), "person")]
    return _person_of(words, lower_words) or _classify_words(words, lower_words, speech_after)


def _person_of(words: list[str], lower_words: Set[str]) -> list[Entity]:
    """A person and the body they speak for: "Paul Krugman of Princeton University".

    Read as one run, the last word made the whole an organisation. Only a two- or
    three-word name opening with a known given name is split off ("Duke of Edinburgh",
    "Lloyd of Berwick" stay whole), and only from a body the tables name.
    """
    cut = words.index("of") if "of" in words else 0
    if cut not in PERSON_NAME_WORDS or words[0].lower() not in first_names():
        return []
    rest = words[cut + 1:]
    rest = rest[1:] if rest[:1] == ["The"] else rest
    body = _classify_words(rest, lower_words, False) if rest else []
    if len(body) != 1 or body[0].kind not in ("org", "place"):
        return []
    return [Entity(" ".join(words[:cut]), "person"), body[0]]


def _owners(text: str) -> frozenset[str]:
    """The words of a run written as possessives before its last word ("Gaga's Judas").

    A run that reads as one organisation or place by its own words has none ("McDonald's
    Corp", "St. John's University"), nor has a possessive before a connector ("Lloyd's of
    London") or a possessive title, which ``_classify`` reads ("the Sheriff's Department").
    """
    if "'s " not in text and "’s " not in text:
        return frozenset()  # the usual case, one substring test
    words = text.split()
    if _kind_from_tables([_strip_possessive(w) for w in words]) is not None:
        return frozenset()
    return frozenset(word[:-2] for word, after in itertools.pairwise(words)
                     if word[-2:] in ("'s", "’s") and len(word) > 3
                     and after not in NAME_CONNECTORS and _as_title(word[:-2]) == "")


def _classify_words(words: list[str], lower_words: Set[str],
                    speech_after: bool) -> list[Entity]:
    words = _trim(words, lower_words)
    if not words:
        return []
    name = " ".join(words)
    kind = _kind_from_tables(words)
    if kind == "place":
        return [Entity(PLACE_ALIASES.get(name.lower(), name), kind)]
    if kind is not None:
        return [Entity(name, kind)]
    if _is_team(words):
        return [Entity(name, "org")]
    if len(words) == 1 and not _is_single_name(words[0], lower_words):
        return []
    return [_speaker(words) if speech_after else Entity(name, "other")]


def _is_team(words: list[str]) -> bool:
    """A city and a plural ("Atlanta Braves", "New Orleans Saints", "Boston Red Sox").

    A city that is also a first name does not count: "Paris Hilton" stays a person.
    """
    if len(words) < 2:  # a city and a name at least
        return False
    first, last = words[0].lower(), words[-1].lower()
    city = _opens_known_name(words, 0) or (first in PLACES and first not in first_names())
    return city and (last == "sox" or (last.endswith("s") and not last.endswith("ss")))


def _speaker(words: list[str]) -> Entity:
    """A run followed by a speech verb: a person when it reads "Given (Middle) Family".

    A nationality before it is dropped ("Iranian Ali Daei said"); with one word left it is a
    group speaking ("Indian ISPs said").
    """
    name = " ".join(words)
    if words[0].lower() in VESSEL_PREFIXES:
        return Entity(name, "other")  # "USS Cole said" is its crew speaking
    if words[0].lower() in DEMONYMS:
        words = words[1:]
        return Entity(" ".join(words), "person") if len(words) in PERSON_NAME_WORDS else Entity(
            name, "other")
    return Entity(name, "person" if len(words) in PERSON_NAME_WORDS else "other")


def _possessive(text: str, title: str) -> bool:
    """Whether the title is possessive: it then names the office's, not a person.

    "the Sheriff's Department", "the President's Men".
    """
    return f"{title}'s" in text or f"{title}’s" in text


def _kind_from_tables(words: list[str]) -> EntityKind | None:
    lowered = [w.lower().rstrip(".") for w in words]
    joined = " ".join(lowered)
    if (" ".join(w.lower() for w in words) in PLACES or joined in PLACES) and words != ["Us"]:
        return "place"
    if joined in ORG_NAMES:
        return "org"
    if len(words) == 1:
        return None  # "Us" (Weekly) and "us" fall through: only "US" is the country
    if lowered[-1] in PLACE_LAST_WORDS or (lowered[0] in PLACE_FIRST_WORDS and lowered[1] == "of"):
        return "place"
    if lowered[-1] in ORG_LAST_WORDS or lowered[0] in ORG_FIRST_WORDS:
        return "org"
    return None


def _is_single_name(word: str, lower_words: Set[str]) -> bool:
    """Whether one capitalised word alone is worth keeping as a name."""
    low = word.lower()
    if len(word) < 2 or low in lower_words or low in ORG_LAST_WORDS:
        return False  # "X", a common word, or a bare keyword such as "Cartel"
    # "There’ve", "Mexican" are capitalised but name nothing on their own.
    return not (_CONTRACTION_RE.search(word) or low.endswith(ADJECTIVE_ENDINGS))


# A number spelled out opening a sentence before one plural word counts people ("Sixty-six
# Britons were ...": style books spell out a number that opens a sentence); "Three Mile
# Island" keeps its number.
_SPELLED_NUMBER = re.compile(
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|hundreds|thousands|dozens")


def _counts_people(words: list[str], first: str) -> bool:
    """Whether the run is a spelled-out number and one plural word (``_SPELLED_NUMBER``)."""
    return (len(words) == 2 and words[1].endswith(("s", "men"))
            and _SPELLED_NUMBER.fullmatch(first) is not None)


def _trim(words: list[str], lower_words: Set[str], *,
          at_sentence_start: bool = False) -> list[str]:
    """Drop possessives, leading function and calendar words, trailing connectors."""
    words = [w[:-2] if w[-2:] in ("'s", "’s") else w for w in words]
    start = 0
    while start < len(words):
        low = words[start].lower().rstrip(".")
        opener = at_sentence_start and start == 0 and low not in PERSON_TITLES and (
            low in lower_words or low in STOPWORDS or _counts_people(words, low)
        ) and not _opens_org(words, low)
        inner = start > 0 and low in STOPWORDS and low not in NAME_OPENERS
        if not (opener or low in CALENDAR_WORDS or words[start] in NAME_CONNECTORS or inner):
            break
        if _opens_known_name(words, start):
            break  # "New Zealand won", "In New York": "New" is part of the name here
        start += 1
    end = len(words)
    while end > start and (words[end - 1] in NAME_CONNECTORS
                           or words[end - 1].lower().rstrip(".") in CALENDAR_WORDS):
        end -= 1
    return words[start:end]


def _opens_org(words: list[str], first: str) -> bool:
    """Whether a common word opening a sentence opens an organisation's name there.

    "Human Rights Watch and Amnesty applauded": the run's last word names a kind of body, so
    "Human" is the name's, not the sentence's. A stop word or a sentence adverb ("Sadly")
    is the sentence's all the same.
    """
    return (len(words) > 2 and first not in STOPWORDS and not first.endswith("ly")
            and words[-1].lower().rstrip(".") in ORG_LAST_WORDS)


def _opens_known_name(words: list[str], start: int) -> bool:
    """Whether a listed place or organisation of two or three words starts at ``start``."""
    lowered = [w.lower().rstrip(".") for w in words[start:start + 3]]
    return any(" ".join(lowered[:size]) in PLACES or " ".join(lowered[:size]) in ORG_NAMES
               for size in (2, 3) if size <= len(lowered))


def _find_title(words: list[str]) -> tuple[int, int] | None:
    """The span of the last person title inside ``words``, longest match first."""
    lowered = [w.lower().rstrip(".") for w in words]
    if _TITLE_WORDS.isdisjoint(lowered):
        return None  # the usual case, decided without building any phrase
    found: tuple[int, int] | None = None
    start = 0
    while start < len(words):
        for size in range(min(_LONGEST_TITLE, len(words) - start), 0, -1):
            if " ".join(lowered[start:start + size]) in PERSON_TITLES:
                found = (start, start + size)
                start += size - 1
                break
        start += 1
    return found


_TITLE_WORDS = frozenset(w for title in PERSON_TITLES for w in title.split())
"""Every word of a person title: a run holding none of them holds no title."""


def _context(line: str, start: int) -> tuple[bool, str]:
    """Whether ``start`` begins a sentence, and the person title just before it (or "").

    One short look back serves both (no copy of the line): called for every capitalised run.
    """
    before = line[max(0, start - 30):start]
    near = before[-8:].rstrip()
    if near:
        at_start = near[-1] in ".!?:;\"“”'‘’—–-•(|[" or near.endswith("``")
    else:
        at_start = not line[:start].strip()
    words = before.rsplit(maxsplit=1)[-1:]
    # A possessive title ("the Sheriff's Department", "All the President's Men") names what
    # belongs to the office, not a person; "'s" may stand detached in tokenised text.
    return at_start, (_as_title(words[-1]) if words else "")


@functools.lru_cache(maxsize=CLASSIFY_CACHE_SIZE)
def _as_title(word: str) -> str:
    word = word.lower().rstrip(".")
    return word if word in PERSON_TITLES else ""


def _fold_aliases(found: list[Entity]) -> list[Entity]:
    """Unique entities; single surnames folded into the multi-word person they abbreviate."""
    kinds: dict[str, EntityKind] = {}
    for entity in found:
        if kinds.get(entity.name, "other") == "other":
            kinds[entity.name] = entity.kind
    renamed: dict[str, str] = {}
    for name, kind in list(kinds.items()):
        if kind != "other":
            continue
        first, _, rest = name.partition(" ")
        if first.lower() in DEMONYMS and _surname_used_alone(rest, kinds):
            renamed[name] = rest  # "American Hasim Rahman" ... "Rahman said": Hasim Rahman
            kinds[rest] = "person"
        elif _surname_used_alone(name, kinds):
            kinds[name] = "person"  # "Tara Reid" ... later "Reid said": news style for a person
    by_last = {n.split()[-1]: n for n, k in kinds.items() if k == "person" and " " in n}
    unique: dict[str, Entity] = {}
    for entity in found:
        name = renamed.get(entity.name, entity.name)
        if kinds[name] != "place" and kinds[name] != "org":
            name = by_last.get(name, name)
        if name not in unique:  # an Entity only for the first mention: names repeat
            unique[name] = Entity(name, kinds[name])
    return list(unique.values())


def _surname_used_alone(name: str, kinds: dict[str, EntityKind]) -> bool:
    """Whether ``name`` looks like "Given Family" and its last word stands alone elsewhere.

    A first word that is a nationality ("Sicilian Mafia" ... "the Mafia"), a ship's prefix
    ("INS Mysore" ... "Mysore"), a gerund that is not a first name ("Considering Lionsgate" ...
    "Lionsgate") or a city of several words ("New Orleans Saints" ... "the Saints") makes it
    something else.
    """
    words = name.split()
    if len(words) not in PERSON_NAME_WORDS or any(w.lower() in NAME_CONNECTORS for w in words):
        return False
    first = words[0].lower()
    if (first in DEMONYMS or first in VESSEL_PREFIXES or _opens_known_name(words, 0)
            or (first.endswith("ing") and first not in first_names())):
        return False
    alone = kinds.get(words[-1])
    # A surname a title made a person ("Mr. Trump") takes a full name that opens with a given
    # name ("Donald J. Trump"), not any run ending with it ("Iraq Saddam Hussein").
    return alone == "other" or (alone == "person" and first in first_names())

