"""Who acts in a sentence: the subject a quote's sentence gives when no cue names a speaker.

"Romney went after Trump ..., calling it a disaster": the first name acting as a subject,
not the objects of prepositions, places, or capitalised words that only open the sentence.
"""

from __future__ import annotations

import dataclasses
import re

from generator.extract.nounphrases import PRONOUNS, Cue, from_match, is_role_word, resolve
from generator.extract.textnames import TextNames
from generator.text.cuegrammar import (
    NAME,
    SUBJECT_ANY,
    VERB_BEFORE,
    VERB_RE,
    VERBISH,
)
from generator.text.entity_tables import PLACES
from generator.text.persons import (
    PREPOSITIONS,
    STOP_WORDS,
    split_title,
)


def sentence_subject(before: str, offset: int,
                      mentions: TextNames) -> tuple[Cue | None, str | None]:
    """The first person that acts in the quote's sentence ("Rubio also bemoaned ... "...").

    Only the words before the sentence's first speech verb are read (after it comes what was
    said), and a name followed by a verb form beats one followed by any other word.
    """
    verb = VERB_RE.search(before)
    head = before[:verb.start()] if verb else before
    fallback: tuple[Cue | None, str | None] = (None, None)
    unnamed = _UNNAMED_MAIN.search(before)
    for match in SUBJECT_ANY.finditer(head):
        if not plausible_subject(match.group("np")) or _after_preposition(
                head, match.start()) or _opens_with_preposition(match.group("np")):
            continue
        if unnamed and match.start() < unnamed.start() and (
                _subordinate(head, match.start())
                or match.group("np").split()[0].lower() in _SUBORDINATORS):
            # "As Trump attacked Clinton, the crowd chanted": the main clause's own subject,
            # unnamed, is the speaker, not the subordinate clause's.
            return None, None
        found = from_match(match, offset, "")
        speaker = resolve(found, mentions, nearby=True)
        acts = _acts(head, match.end())
        # "Romney went after Trump ...", "Republican candidate Ann Lee quickly took ...", but not
        # "With Democratic leaders worried ..." or "He was seen mocking Senator Vale and ..."
        opening = not VERB_BEFORE.search(head, 0, match.start()) and (
            match.group("np").split()[0].lower() not in STOP_WORDS)
        described = re.match(r"(?:the|a|an|who)\s", found.appos or "")  # "Dean, a former ...,"
        titled = bool(split_title(match.group("np"))[1])  # "Gov. Earl Ray Tomblin lauded ..."
        if not speaker or not (mentions.is_person(speaker) or described or titled or (
                opening and acts)):
            continue
        if acts:
            return found, speaker
        if fallback[0] is None and (opening or described):
            # A name further in that does not act is an object ("mocking Senator Vale and
            # telling ..."), not the one who spoke.
            fallback = (found, speaker)
    return fallback


# Prepositions whose object never speaks ("32% of Republican claims"). Not "with" ("with Trump
# saying"), nor conjunctions.
_STRICT_PREPOSITIONS = frozenset((
    "of", "to", "for", "from", "by", "in", "on", "at", "into", "over", "under", "about",
    "against", "among", "between", "during", "like", "than"))

_WORD_RIGHT_BEFORE = re.compile(r"(\w+)[^\S\n]+$")


def object_of_preposition(text: str, subject: re.Match[str]) -> bool:
    """True when a preposition right before the noun phrase makes it an object.

    A titled name is still a subject ("Speaker of the House Rep. Paul Ryan said"), and so is
    the organisation after a role ("officials at ...").
    """
    word = _WORD_RIGHT_BEFORE.search(text, 0, subject.start())
    if not word or word.group(1).lower() not in _STRICT_PREPOSITIONS:
        return False
    owner = _WORD_RIGHT_BEFORE.search(text, 0, word.start())
    if owner and is_role_word(owner.group(1).rstrip("s")):
        # "officials at Homeland Security", "a spokesman for Platte River": the body that
        # speaks through them; a place is only where they come from ("senator from Vermont").
        return subject.group("np").lower() in PLACES
    name, titles = split_title(subject.group("np"))
    return not (name and titles)


def in_place(text: str, subject: re.Match[str]) -> bool:
    """True for a town and its state after a preposition ("in Columbus, Ohio, said")."""
    appos = (subject.group("appos") or "").strip()
    return bool(re.fullmatch(NAME, appos)) and _after_preposition(text, subject.start())


# A main clause with an unnamed subject after a comma: ", the attendees chanted".
_UNNAMED_MAIN = re.compile(
    r",[^\S\n]*(?:the|a|an|some|many)[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){0,2}?[a-z]+[^\S\n]+"
    r"(?=[a-z]+ed\b|said\b|says\b|told\b|shouted\b|chanted\b|wrote\b)")
# Words that open a subordinate clause ("As Trump attacked Clinton, ...").
_SUBORDINATORS = frozenset((
    "as", "when", "while", "after", "before", "because", "although", "though", "if", "since",
    "until", "unless", "whether", "once"))


def _subordinate(text: str, pos: int) -> bool:
    """True when the clause holding ``pos`` (since the last comma) opens with a subordinator."""
    clause = re.split(r"[,;:—–]", text[:pos])[-1].split()
    return bool(clause) and clause[0].lower() in _SUBORDINATORS


def _acts(text: str, end: int) -> bool:
    """Whether the words after a subject ending at ``end`` are its verb.

    Not when one word and a comma follow: "Hours later, Trump ..." is a time, not a subject.
    """
    return bool(VERBISH.match(text, end)) and not re.match(r"[a-z]+,", text[end:end + 30])


def _opens_with_preposition(np: str) -> bool:
    """'With Democratic leaders worried ...': a capitalised preposition opened the run."""
    return np.split(maxsplit=1)[0].lower() in _STRICT_PREPOSITIONS | {"with"}


def _after_preposition(text: str, pos: int) -> bool:
    """True when the word before ``pos`` is a preposition ("went after Trump")."""
    word = re.search(r"(\w+)\W*$", text[max(0, pos - 20):pos])
    return bool(word) and word.group(1).lower() in PREPOSITIONS  # type: ignore[union-attr]


def main_subject(before: str, end: int, offset: int, names: TextNames) -> Cue | None:
    """The first name or pronoun acting as a subject in ``before[:end]`` that names someone.

    The first, not the nearest: in "Christie repeated that Rubio recites ..., calling him" a
    later subject sits in a clause the participle does not continue (measured on PolNeAR
    train: the nearest lost 15 quotes and won 4).
    """
    for match in SUBJECT_ANY.finditer(before, 0, end):
        if not plausible_subject(match.group("np")) or _after_preposition(
                before, match.start()) or not _acts(before, match.end()) or (
                    _subordinate(before, match.start())):
            continue  # "If he wins, Trump has vowed ..., saying": Trump, not "he"
        found = dataclasses.replace(from_match(match, offset, ""), sentence=offset)
        if resolve(found, names, nearby=True):
            return found
    return None


def plausible_subject(np: str) -> bool:
    """False for what cannot name a speaker: function words, "it", "this", a possessive."""
    words = [w.lower().strip(".,") for w in np.split()]
    if words[0] in PRONOUNS or words[0] in ("they", "we"):
        return True
    if all(w in STOP_WORDS for w in words):
        return False
    return words[0] not in ("it", "this", "that", "there") and not np.endswith(("’s", "'s"))
