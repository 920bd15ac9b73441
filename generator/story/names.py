"""One name per person across the corpus, and only people as people.

``merge`` folds the variants of a name within one story; this corpus-level step runs after it
(on cached and fresh stories alike, every build) and gives every person one name site-wide, so
that a person gets one People page and one speaker page:

1. a name the finder called a person must pass ``person_names.plausible_person`` ("The BP",
   "Hurricane Katrina" become ``other``), with the labels around it dropped first
   ("Republican Donald Trump" is Donald Trump); the corpus's own use of its words then
   unmakes names of common words and cuts a sentence's word glued on (``namewords``:
   "Foreign Relations" is no person, "Everything Trump" is Trump);
2. full names whose ``name_key`` is the same are one person ("George W. Bush", "George Bush");
   names whose coarser ``sound_key`` is the same are one person when they share a story or
   much of their company ("Muammar Gaddafi", "Moammar Gadhafi"): a union-find over keys, so
   the work is linear in the number of name mentions, with no pairwise loop over names; a
   full name the finder left ``other`` (no cue around it) that is one of these persons is
   that person (``_known_person``), and a person's spellings vote together before a form is
   outvoted (``_outvoted``);
3. a lone surname is the one person of its story who bears it, else the corpus's one bearer,
   or the bearer named in far more stories than any other; with two bearers in play
   ("Clinton") it stays itself, and its page names the candidates (``namesakes``); a lone
   word nobody bears is not a person when its story or the corpus writes it in lower case
   ("Department", "Wars", a character called "General Grievous"), unless its story gives it
   an honorific ("Mr. Moody"); one kept is the full name its story's texts give it ("Duty"
   is "Valerie Duty", ``nameuse``).
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from generator.model import Entity, KeyQuote, Story
from generator.story import nameuse, namewords, othernames
from generator.text.person_names import (
    bare_name,
    middle_initials,
    middle_key,
    name_key,
    nicknames,
    plausible_person,
    sound_key,
    surname_key,
)
from generator.text.persons import first_names

log = logging.getLogger(__name__)

DOMINANCE = 3
"""A lone surname with several bearers in the corpus (none in its story) is the bearer named in
at least this many times as many stories as the next ("Obama": Barack, not Michelle). Set on a
real pile of 6,100 articles, where the dominant bearer led by 5-40x and two politicians of one
family in one campaign ("Clinton") by under 2x."""
CONTEXT_OVERLAP = 0.2
"""Two spellings with one ``sound_key`` that never share a story are one person when this share
(Jaccard) of the names their stories mention is common to both; set by eye on a real pile,
where one person's spellings shared 0.3-0.6 and namesakes under 0.1."""
OUTVOTED = 4
"""A name the finder called an organisation, place or plain name in at least this many times
as many stories as a person is not a person (a ship named like a person, "Exxon Valdez": 17 to
4 on a real pile of 6,100 articles; the real people among its 300 largest People pages were at
most 3 to 1)."""
MIN_MISSPELT = 4
"""Shortest first name read as a misspelling of another one letter away: shorter ones ("Al",
"Ali", "Abe") are names of their own. The misspellings of a real pile of 6,100 articles had
4-11 letters ("Pand", "Donand", "Condeleezza")."""
MAX_NAMESAKES = 4
"""Most candidates a lone surname's page names."""
COMMON_WORD_ARTICLES = 2
"""A lone word nobody bears that this many articles of the corpus write in lower case is a
common word, not a name ("grievous", "gaga": 6 and 1 articles of a real pile of 6,100; the
surnames given alone there, such as "Buckley", in none), so one stray lower-case use (a
quoted slogan, a typo) does not unmake a person."""


@dataclasses.dataclass
class _People:
    """The corpus's people: full-name forms grouped into persons, with their indexes."""

    parent: dict[str, str]
    """Union-find over full-name forms (after ``bare_name``)."""
    stories: dict[str, set[int]]
    """Form -> indexes of the stories that name it."""
    by_key: dict[tuple[str, str], str]
    """``name_key`` -> one form with it (its person is ``find(form)``)."""
    outvoted: set[str] = dataclasses.field(default_factory=set)
    """Names the finder called something else in far more stories than a person."""

    def find(self, form: str) -> str:
        """The form that stands for the person (path-halving union-find)."""
        while self.parent[form] != form:
            self.parent[form] = self.parent[self.parent[form]]
            form = self.parent[form]
        return form

    def union(self, a: str, b: str) -> None:
        """Join two forms' persons."""
        self.parent[self.find(a)] = self.find(b)


def canonical(stories: Sequence[Story]) -> list[Story]:
    """The stories with one name per person across the corpus (entities and quote speakers).

    Args:
        stories: every story of the build, after ``merge``.

    Returns:
        The same stories in order; a person entity that fails the person test is ``other``;
        organisations and places go by one name each too (``othernames``).
    """
    forms = namewords.all_forms(stories)
    people = _collect(forms, _outvoted(stories))
    _join_misspellings(people, stories)
    _join_spellings(people, stories)
    names = _names(people)
    index = _SurnameIndex(people, names)
    common = _common_words(forms, index)
    out = othernames.tidy([
        _rename(story, form, people=people, names=names, index=index, common=common)
        for story, form in zip(stories, forms, strict=True)])
    changed = sum(a != b for a, b in zip(stories, out, strict=True))
    log.info("Names: %d person names in %d persons; %d stories renamed",
             len(people.parent), len(set(names.values())), changed)
    return out


def _full_forms(forms: namewords.Forms, outvoted: set[str]) -> Iterable[str]:
    """The plausible full names (two words or more) among a story's people."""
    for name in forms.story.entities:
        bare = forms.form(name.name) if name.kind == "person" else None
        if bare and " " in bare and name_key(bare) is not None and bare not in outvoted:
            yield bare


def _outvoted(stories: Sequence[Story]) -> set[str]:
    """Names called a person in a story but something else in ``OUTVOTED`` times as many.

    A person's other spellings (one ``name_key``) vote for each of its forms: the finder
    called "Donald J. Trump" something other than a person in 12 stories of a real pile and a
    person in 3, while "Donald Trump" was a person in over a hundred.
    """
    kinds: dict[str, Counter[bool]] = defaultdict(Counter)
    for story in stories:
        for entity in story.entities:
            kinds[bare_name(entity.name)][entity.kind == "person"] += 1
    by_key: Counter[tuple[str, str]] = Counter()
    for name, seen in kinds.items():
        if seen[True] and (key := name_key(name)) is not None:
            by_key[key] += seen[True]

    def people(name: str, seen: Counter[bool]) -> int:
        key = name_key(name) if seen[True] else None
        return by_key[key] if key is not None else seen[True]

    return {name for name, seen in kinds.items()
            if seen[True] and seen[False] >= OUTVOTED * people(name, seen)}


def _collect(forms: Sequence[namewords.Forms], outvoted: set[str]) -> _People:
    """Every full-name form with its stories; forms of one ``name_key`` joined (``_join_key``)."""
    people = _People({}, defaultdict(set), {}, outvoted)
    keyed: dict[tuple[str, str], list[str]] = defaultdict(list)
    middles: list[tuple[str, tuple[str, str]]] = []
    for i, story in enumerate(forms):
        for form in _full_forms(story, people.outvoted):
            people.stories[form].add(i)
            if form not in people.parent:
                people.parent[form] = form
                key = name_key(form)
                assert key is not None  # _full_forms keeps only keyed forms
                keyed[key].append(form)
                people.by_key.setdefault(key, form)
                if middle := middle_key(form):
                    middles.append((form, middle))
    for spellings in keyed.values():
        _join_key(people, spellings)
    for form, middle in middles:  # "Recep Tayyip Erdogan" is the "Tayyip Erdogan" of others
        if middle in people.by_key:
            people.union(form, people.by_key[middle])
    return people


def _join_key(people: _People, forms: list[str]) -> None:
    """Join the forms of one ``name_key`` unless their middle initials tell two people apart.

    "George W. Bush" and "George H.W. Bush" stay two; "George Bush" joins the one named in
    ``DOMINANCE`` times as many stories as the other, else it stays apart.
    """
    classes: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        classes[middle_initials(form)].append(form)
    plain = classes.pop("", [])
    for members in classes.values():
        for form in members[1:]:
            people.union(form, members[0])
    ranked = sorted(classes.values(), key=lambda m: -len(set().union(
        *(people.stories[f] for f in m))))
    if len(ranked) > 1:
        counts = [len(set().union(*(people.stories[f] for f in m))) for m in ranked[:2]]
        ranked = ranked[:1] if counts[0] >= DOMINANCE * counts[1] else []
    for form in plain:
        people.union(form, ranked[0][0] if ranked else plain[0])


def _join_misspellings(people: _People, stories: Sequence[Story]) -> None:
    """Join full names whose first names are one letter apart, one of them a known first name.

    "Donand Trump" is Donald Trump, "Pand Paul" Rand Paul: the two share a story or much of
    their company, or the known spelling is named in ``DOMINANCE`` times as many stories.
    "Jon Smith" and "John Smith", both known first names, stay apart, as do two of one story
    each with nothing in common ("Marc Evans", "Mark Evans"). First names are blocked by
    surname and with each letter left out in turn (one shared key per substitution,
    insertion or swap), so the work is linear in the forms, with no loop over all pairs.
    """
    known = first_names() | nicknames().keys()
    blocks: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for (first, surname), form in people.by_key.items():
        if len(first) >= MIN_MISSPELT:
            for key in {first, *(first[:i] + first[i + 1:] for i in range(len(first)))}:
                blocks[(surname, key)].append((first, form))
    for spellings in blocks.values():
        for i, (first_a, a) in enumerate(spellings):  # a few spellings of one name
            for first_b, b in spellings[i + 1:]:
                if (first_a != first_b and (first_a in known) != (first_b in known)
                        and _one_person(people, stories, a, b)):
                    people.union(a, b)


def _one_person(people: _People, stories: Sequence[Story], a: str, b: str) -> bool:
    """Whether two near spellings are one person: by their company, or one far more named."""
    counts = sorted((len(people.stories[a]), len(people.stories[b])))
    return counts[1] >= DOMINANCE * counts[0] or _same_context(people, stories, a, b)


def _join_spellings(people: _People, stories: Sequence[Story]) -> None:
    """Join forms of one ``sound_key`` that share a story or their stories' company."""
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, form in people.by_key.items():
        blocks[sound_key(key)].append(form)
    for forms in blocks.values():
        for i, a in enumerate(forms):  # a block holds a few spellings of one name
            for b in forms[i + 1:]:
                if people.find(a) != people.find(b) and _same_context(people, stories, a, b):
                    people.union(a, b)


def _same_context(people: _People, stories: Sequence[Story], a: str, b: str) -> bool:
    """Whether two spellings share a story, or much of the company their stories keep."""
    if people.stories[a] & people.stories[b]:
        return True
    company_a, company_b = (_company(stories, people.stories[f]) - {a, b} for f in (a, b))
    union = company_a | company_b
    return bool(union) and len(company_a & company_b) >= CONTEXT_OVERLAP * len(union)


def _company(stories: Sequence[Story], indexes: Iterable[int]) -> set[str]:
    return {e.name for i in indexes for e in stories[i].entities}


def _names(people: _People) -> dict[str, str]:
    """Form -> the name its person goes by: the form named in most stories.

    Then one whose first name is a known one (over a misspelling), then the shortest.
    """
    members: dict[str, list[str]] = defaultdict(list)
    for form in people.parent:
        members[people.find(form)].append(form)
    known = first_names() | nicknames().keys()
    names: dict[str, str] = {}
    for forms in members.values():
        best = min(forms, key=lambda f: (-len(people.stories[f]),
                                         f.split()[0].lower() not in known, len(f), f))
        names.update(dict.fromkeys(forms, best))
    return names


class _SurnameIndex:
    """Persons by surname and by first name, each with the stories that name them."""

    def __init__(self, people: _People, names: dict[str, str]) -> None:
        self.count: Counter[str] = Counter()
        self.surname: dict[str, set[str]] = defaultdict(set)
        self.first: dict[str, set[str]] = defaultdict(set)
        seen: dict[str, set[int]] = defaultdict(set)
        for form, name in names.items():
            seen[name] |= people.stories[form]
            self.surname[surname_key(form.split()[-1])].add(name)
            self.first[form.split()[0].lower()].add(name)
        self.count.update({name: len(indexes) for name, indexes in seen.items()})

    def resolve(self, word: str, here: set[str]) -> tuple[str | None, bool]:
        """Whom a lone word means in a story naming the persons ``here``.

        Returns (the person's name or None, whether the word is a person at all).
        """
        bearers = set(self.surname.get(surname_key(word), ()))
        given = self.first.get(word.lower(), set())
        if len(given & here) == 1 and not bearers & here:
            return next(iter(given & here)), True  # "Bashar" in a story of Bashar al-Assad
        if word.lower() not in first_names():
            bearers |= given  # an uncommon first name used alone, as surnames are ("Bashar")
        if bearers:
            return self._bearer(bearers, here), True
        return None, False  # a word nobody bears: "Department", "Wars"

    def _bearer(self, bearers: set[str], here: set[str]) -> str | None:
        """The one bearer a surname means, or None when two are in play ("Clinton")."""
        local = bearers & here
        if local:
            return next(iter(local)) if len(local) == 1 else None
        ranked = sorted(bearers, key=lambda n: (-self.count[n], n))
        if len(ranked) == 1 or self.count[ranked[0]] >= DOMINANCE * self.count[ranked[1]]:
            return ranked[0]
        return None


def _common_words(forms: Sequence[namewords.Forms], index: _SurnameIndex) -> frozenset[str]:
    """The lone person words nobody bears that the corpus writes in lower case.

    Read in ``COMMON_WORD_ARTICLES`` articles or more (counted in ``namewords.word_use``'s
    one pass over the corpus's texts).
    """
    candidates = {bare.lower() for story in forms for bare in story.bare.values()
                  if bare and " " not in bare and not index.resolve(bare, set())[1]}
    counts = forms[0].use.lower_articles if forms else Counter()
    return frozenset(w for w in candidates if counts[w] >= COMMON_WORD_ARTICLES)


def _rename(story: Story, forms: namewords.Forms, *, people: _People, names: dict[str, str],
            index: _SurnameIndex, common: frozenset[str]) -> Story:
    """One story with its people's corpus names (a person that is none becomes ``other``)."""
    here = {names[f] for f in _full_forms(forms, people.outvoted)}

    def person(name: str) -> str | None:
        bare = forms.form(name)
        if not bare or bare in people.outvoted:
            return None
        if " " in bare:
            key = name_key(bare)
            form = bare if bare in names else people.by_key.get(key) if key else None
            return names[form] if form else bare
        found, is_person = index.resolve(bare, here)
        if bare in forms.glued or (found and found not in here
                                   and nameuse.other_bearer_named(bare, found, story)):
            # "Everything Trump" is Trump, "Adds Vattenfall" nobody; "Bush" in a story that
            # also names George H.W. Bush stays itself: both are in play. A given name left
            # over is nobody in particular ("Message Jeremy" is no Jeremy of the corpus).
            return _unglued(bare, found) if bare in forms.glued else bare
        if found or is_person:
            return found or bare
        if bare.lower() in first_names():  # "James" alone: one page for every James
            return bare if nameuse.honoured(bare, story, nameuse.GIVEN_NAME_TITLE) else None
        keep = nameuse.honoured(bare, story) or (bare.lower() not in common
                                          and nameuse.only_a_name(bare, story))
        return _in_full(bare, forms, people, names) if keep else None

    entities: dict[Entity, None] = {}
    for found in story.entities:
        entity = _known_person(found, people, names) if found.kind == "other" else found
        name = person(entity.name) if entity.kind == "person" else None
        if entity.kind != "person":
            entities.setdefault(entity)
        else:
            entities.setdefault(Entity(name, "person") if name else Entity(entity.name, "other"))
    quotes = tuple(_speaker(q, person) for q in story.quotes)
    renamed = dataclasses.replace(story, entities=tuple(entities), quotes=quotes)
    return story if renamed == story else renamed


def _known_person(entity: Entity, people: _People, names: dict[str, str]) -> Entity:
    """A full name the finder left ``other`` (no cue around it) that is a person of the corpus.

    On a real pile of 6,100 articles "Hillary Clinton" was ``other`` in 41 stories and
    "Donald J. Trump" in 12, which her People page did not list.
    """
    bare = bare_name(entity.name)
    key = name_key(bare) if " " in bare and bare not in people.outvoted else None
    form = people.by_key.get(key) if key else None
    return Entity(names[form], "person") if form else entity


def _unglued(word: str, found: str | None) -> str | None:
    """The corpus person a word left by cutting a glued one names: only one it is the surname of."""
    return found if found and surname_key(found.split()[-1]) == surname_key(word) else None


def _in_full(surname: str, forms: namewords.Forms, people: _People,
             names: dict[str, str]) -> str:
    """A lone surname nobody in the corpus bears, as its story's texts name it in full.

    "Duty" is "Valerie Duty" when the story writes that (``nameuse.full_name``), under the
    corpus's name for that person if another story names them; else the surname stays.
    """
    full = nameuse.full_name(surname, forms.text)
    key = name_key(full) if full and plausible_person(full) else None
    if not key:
        return surname
    return names[people.by_key[key]] if key in people.by_key else str(full)


def _speaker(quote: KeyQuote, person: Callable[[str], str | None]) -> KeyQuote:
    """The quote with its speaker's corpus name, when the speaker is a person we know."""
    name = person(quote.speaker) if quote.speaker else None
    return dataclasses.replace(quote, speaker=name) if name and name != quote.speaker else quote


def namesakes(stories: Sequence[Story]) -> dict[str, tuple[str, ...]]:
    """Lone surnames kept as people -> the persons of the corpus who bear them, most named first.

    A page for "Clinton" then says whom it may mean.
    """
    count: Counter[str] = Counter(e.name for s in stories for e in s.entities
                                  if e.kind == "person")
    bearers: dict[str, list[str]] = defaultdict(list)
    for name in count:
        if " " in name:
            bearers[surname_key(name.split()[-1])].append(name)
    return {name: tuple(sorted(bearers[surname_key(name)], key=lambda n: (-count[n], n))[
        :MAX_NAMESAKES]) for name in count if " " not in name and bearers.get(surname_key(name))}
