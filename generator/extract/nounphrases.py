"""From a cue's noun phrase to a speaker: names, titles, pronouns and descriptions.

A ``Cue`` is what the cue grammar found ("said Rubio", "the senator said"); ``resolve`` turns
its noun phrase into the name a reader needs: a full name, an organisation, or a description
that names nobody kept as written ("Labour source"). Never a pronoun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.roles import role_of
from generator.extract.textnames import TextNames
from generator.text.cuegrammar import (
    DESC_NAME,
    NAME,
)
from generator.text.entity_tables import PLACES
from generator.text.persons import (
    CAP,
    STOP_WORDS,
    gender_of,
    is_org,
    is_title_word,
    lexicon,
    split_title,
)

PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}

# Pronouns that never resolve to a named speaker: the writer ("I"), groups, things.
_OTHER_PRONOUNS = frozenset(("i", "me", "we", "us", "you", "they", "them", "it"))

# Titles written in full in a description and abbreviated before a name.
_TITLE_SHORT = {"senator": "sen", "representative": "rep", "governor": "gov", "general": "gen",
                "doctor": "dr", "professor": "prof", "reverend": "rev", "sergeant": "sgt"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue the grammar found and the noun phrase it names as the speaker."""

    np: str
    """The noun phrase that names the speaker ("he", "Rubio", "the official")."""
    cue: str
    pos: int
    """Offset of the noun phrase in the text (pronouns look back from here)."""
    appos: str | None = None
    """An appositive after the noun phrase: "the spokesman, *Mark Toner*, said"."""
    sentence: int | None = None
    """Where the cue's sentence starts (a pronoun looks for its subject there first)."""
    weak: bool = False
    """True for a name right before a participle ("Trump calling it"): kept only for a person."""
    role: str | None = None
    """Words the text gives as the speaker's role ("State spokesman", "CNN")."""
    far: bool = False
    """True for a cue closing the sentence after a partial quote (a cue before it wins)."""


def from_match(match: re.Match[str], offset: int, cue: str | None = None) -> Cue:
    """The ``Cue`` of a cue-grammar match (groups ``np``, ``verb``, ``appos``, ``lead``)."""
    groups = match.groupdict()
    return Cue(match.group("np"), cue if cue is not None else norm_cue(match.group("verb")),
                offset + match.start("np"), groups.get("appos"), role=role_of(groups.get("lead")))


def _is_pronoun_phrase(np: str) -> bool:
    return np.lower() in PRONOUNS or np.lower() in _OTHER_PRONOUNS


def is_role_word(word: str) -> bool:
    """True for a role noun or title ("spokesman", "boss", "Sen.")."""
    return word.lower() in lexicon("role_nouns") or is_title_word(word)


def named_person(name: str, names: TextNames) -> bool:
    """A full name (two words or more) that is neither an organisation nor a place."""
    return names.is_person(name) or (
        len(name.split()) >= 2 and not is_org(name) and names.can_speak(name))


def norm_cue(cue: str) -> str:
    """A cue verb in lower case with single spaces ("told  reporters" -> "told reporters")."""
    return " ".join(cue.lower().split())


def resolve(found: Cue, mentions: TextNames, last: tuple[str, int] | None = None, *,
             nearby: bool = False) -> str | None:
    """A name for the cue's noun phrase; None when it cannot be named.

    With ``nearby`` (a name taken from the quote's neighbourhood rather than the subject of its
    cue) places and common words that opened a sentence are refused too: "Russia insisted"
    credits Russia, but in "in Columbus, Ohio, ..." Ohio only says where.
    """
    name = _resolve_phrase(found, mentions, last)
    if name and re.search(r"[a-z]{3}\.$", name):
        name = name[:-1]  # "said an Ohio Democrat.": the sentence's full stop, not an initial
    if name and name.lower() not in _OTHER_PRONOUNS and any(
            w[:1].isupper() for w in name.split()) and (not nearby or mentions.can_speak(name)):
        return name
    return None  # "campaign strategist": a description that names nobody


def _resolve_phrase(found: Cue, mentions: TextNames, last: tuple[str, int] | None) -> str | None:
    np, low = found.np, found.np.lower()
    if low in PRONOUNS:
        return mentions.person_for(found.pos, PRONOUNS[low], last,  # type: ignore[arg-type]
                                   found.sentence)
    if _is_pronoun_phrase(np):
        return None  # "they", "it", "we": groups and things are not named speakers
    np = re.sub(r"\s*\([^()]*\)$", "", np)
    named = DESC_NAME.match(np)
    name = split_title(named.group("name"))[0] if named else ""
    if name:  # "his friend Mahamat Saleh Oumar": the name that ends the description
        return mentions.unify(name)
    return _resolve_name(found, re.sub(r"^(?:[Ff]ormer|then-|[Ll]ate)\s+", "", np), mentions)


def _resolve_name(found: Cue, np: str, mentions: TextNames) -> str | None:
    """A capitalised noun phrase, an appositive name, or else a description."""
    appos = (found.appos or "").strip()
    if re.search(r"\b[a-z]", np) and re.fullmatch(NAME, appos):
        name, _ = split_title(appos)  # "Florida's attorney general, Pam Bondi, said"
        if name:
            return mentions.unify(name)
    bare = re.sub(r"^(?:[Tt]he)\s+", "", np)
    if bare[:1].isupper() and is_org(bare):
        return bare
    if bare[:1].isupper() and not re.match(rf"(?:An?|One|Another)\s|{CAP}['’]s\s", bare):
        # "the House Rep. Paul Ryan": a titled name, even after "the"
        name, titles = split_title(_without_home(bare))
        if name and (titles or bare == np) and not bare.endswith(("’s", "'s")):
            return _unify_titled(name, titles, mentions) if not is_org(name) else name
        np = "the " + bare
    if found.appos and re.fullmatch(NAME, found.appos.strip()):
        name, _ = split_title(found.appos.strip())
        if name:
            return mentions.unify(name)
    return _describe(np, found.pos, mentions)


def _unify_titled(name: str, titles: tuple[str, ...], mentions: TextNames) -> str:
    """The fullest form of ``name``, unless its honorific says another person is meant.

    ("Mr. Obama" is not the "Michelle Obama" named last.)
    """
    full = mentions.unify(name)
    said = gender_of("", titles)
    known = mentions.gender_of(full) or gender_of(full)
    return name if said and known and said != known else full


def _without_home(name: str) -> str:
    """'G.K. Butterfield of North Carolina' without the place the person comes from."""
    head, sep, tail = name.rpartition(" of ")
    return head if sep and head and tail.lower() in PLACES else name


def _describe(np: str, pos: int, mentions: TextNames) -> str | None:
    """Resolve a description: 'the secretary of state', 'a spokesman for Hillary Clinton'."""
    words = np.split()
    body = [w.lower().strip(".,") for w in words[1:]]
    # "the Florida senator": the nearest person introduced with the title; a place or party
    # word beside it ("Florida", "Republican") is not among the titles the person was given.
    title_words = {w for w in body if is_title_word(w) and w not in ("former", "then")}
    owned = re.search(r"\b(?:for|of|at|with)\s+(?:the\s+)?[A-Z]", np)
    if title_words and not owned:
        short = {_TITLE_SHORT.get(w, w) for w in title_words}  # "the senator": "Sen. Lopez"
        found = mentions.titled(pos, title_words) or mentions.titled(pos, short)
        if found:
            return found.name
    owner = re.search(rf"\b(?:for|of|at|with)\s+(?:the\s+)?({NAME})$", np)
    if owner and not is_title_word(owner.group(1).split()[-1]):
        return " ".join(words[1:])
    possessive = re.match(rf"({CAP})['’]s\s", np)
    if possessive:
        return f"{mentions.unify(possessive.group(1))} {words[-1]}"
    return _organisation(words[1:]) or _named_role(words[1:])


def _named_role(rest: list[str]) -> str | None:
    """A description that names nobody but says whose side: 'a Ryan spokesperson'.

    Kept as written (without its article) when a capitalised word qualifies a role noun.
    """
    if rest and rest[-1][:1].isupper() and rest[0].islower():
        return " ".join(rest).strip(".,")  # "one senior Democrat": a group noun closes it
    if not rest or not is_role_word(rest[-1].strip(".,")):
        return None
    # Any capitalised qualifier: "Republican nominee" says whose side even though "Republican"
    # also opens titles ("Republican Sen. ...").
    qualifiers = [w for w in rest[:-1] if w[:1].isupper()]
    return " ".join(rest).strip(".,") if qualifiers else None


def _organisation(rest: list[str]) -> str | None:
    """A description that names an organisation: 'the Daily News', 'the Mexican government'."""
    if not rest or any(w.lower() in STOP_WORDS for w in rest):
        return None  # "With Democratic ...": a sentence opening, not a name
    if all(w[:1].isupper() for w in rest) and not all(map(is_title_word, rest)):
        return " ".join(rest)
    capitalised = [w for w in rest if w[:1].isupper() and not is_title_word(w)]
    return " ".join(rest) if capitalised and rest[-1].lower() in lexicon("org_words") else None
