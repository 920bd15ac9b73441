"""Guess whether the clause around a temporal expression speaks of the past or the future.

Cheap and local, in three passes over the expression's sentence: the verb the expression
directly follows ("announced Wednesday"), then the nearest auxiliary or planning word ("will",
"had", "scheduled"), then the nearest other tense cue (a past-tense verb, "ago", a modal).
Auxiliaries come before plain verbs so that "will meet Friday, officials said" is future.
"""

from __future__ import annotations

import re
from collections.abc import Callable

FUTURE_CUES = frozenset({
    "will", "'ll", "shall", "won't", "wo", "going", "gonna", "planned", "expects", "expected",
    "scheduled", "due", "intends", "aims", "would", "upcoming", "hopes", "could", "may",
    "might", "until", "awaits", "coming", "tomorrow",
})
"""Weak future cues. Present-tense verbs ("plans", "starts") are left out: as nouns or in
reported speech they mislead more often than they help."""
PAST_CUES = frozenset({
    "was", "were", "had", "did", "ago", "earlier", "last", "yesterday", "began", "came",
    "went", "took", "made", "met", "left", "won", "lost", "gave", "got", "found", "held",
    "saw", "fell", "rose", "sold", "bought", "paid", "spent", "struck", "hit", "killed",
    "since", "wasn't", "weren't", "didn't", "hadn't", "became", "ran", "led",
    "brought", "fought", "sent", "built", "broke", "caught", "chose", "drove", "flew", "grew",
    "knew", "wrote", "spoke", "stood", "kept", "meant", "put", "quit", "shut",
})
AUXILIARIES: dict[str, str] = {
    "will": "future", "'ll": "future", "shall": "future", "won't": "future", "would": "future",
    "going": "future", "was": "past", "were": "past", "had": "past", "did": "past",
    "has": "past", "have": "past", "wasn't": "past", "weren't": "past", "didn't": "past",
    "hadn't": "past", "hasn't": "past", "haven't": "past", "may": "future", "might": "future",
    "should": "future",
}
PROSPECTIVE: dict[str, str] = dict.fromkeys((
    "planned", "planning", "scheduled", "expected", "expects", "due",
    "intends", "intended", "preparing", "prepares", "upcoming", "awaiting", "until",
), "future")
AUXILIARIES.update(PROSPECTIVE)
"""Auxiliaries, modals and words that announce a plan: the strongest tense cues."""

PAST_REPORTING = frozenset({
    "said", "told", "reported", "announced", "stated", "noted", "explained", "declared",
    "confirmed", "wrote", "asked", "added", "predicted", "warned", "disclosed", "unveiled",
})
"""Reporting verbs in the past: "said Friday" dates the saying, which is past."""

PASSIVE_OR_INFINITIVE = frozenset({"be", "been", "being", "to"})

ADJACENT_SKIP = frozenset({"on", "early", "late", "by", "last", "this", "next", "since", "over",
                           "during", "the", "at", "in"})

REPORTING_VERBS = frozenset({"says", "tells", "reports", "according", "adds", "notes"})
"""Present-tense reporting verbs: they date the report, not the event, so they carry no cue."""
NOT_PAST = frozenset({
    "need", "indeed", "speed", "seed", "feed", "bleed", "exceed", "proceed", "succeed",
    "hundred", "red", "bed", "shed", "wed", "embed", "weed", "breed", "greed", "deed",
    "united", "limited", "based", "related", "expected", "scheduled", "planned", "proposed",
    "so-called", "detailed", "advanced", "supposed", "sacred", "naked", "wicked",
})
"""Words ending in -ed that are not past-tense verbs, or that point to the future."""

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt",
                       "Capt", "St", "Jr", "Sr", "Prof", "Rev", "Adm", "Maj", "Gov", "Pres")
"""Abbreviations that end in a period without ending the sentence ("Sen. Smith")."""

# The lookbehinds follow the punctuation so the engine can scan for [.!?] quickly.
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(a)}.)" for a in sorted(set(TITLE_ABBREVIATIONS)))
_SENTENCE_END = re.compile(
    rf"[.!?](?<!\b[A-Z].){_NOT_AFTER}[\"'”’]?\s+(?=[A-Z\"“])|\n\s*\n")
"""A sentence end: not after an initial or ``U.S.`` (a capital letter alone) or a title."""

# How far (in words) a cue may sit from the expression and still speak for it: about one
# clause. Checked by eye on TempEval-3 dev sentences; longer windows picked up the tense of a
# neighbouring clause.
CUE_WINDOW = 12
# Auxiliaries govern a whole verb phrase ("will be named commander of the shuttle for a mission
# in December"), so they are looked for further away.
AUXILIARY_WINDOW = 20


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end offsets of the sentence holding ``text[start:end]``."""
    left = max(0, start - 400)
    for match in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        left = match.end()
    following = _SENTENCE_END.search(text, end, end + 400)
    return left, following.start() + 1 if following else min(len(text), end + 400)


def _cue(word: str) -> str | None:
    lower = word.lower()
    if lower in REPORTING_VERBS:
        return None
    if lower in FUTURE_CUES:
        return "future"
    if lower in PAST_CUES or lower in PAST_REPORTING:
        return "past"
    if lower.endswith("ed") and len(lower) > 4 and lower not in NOT_PAST:
        return "past"
    if lower.endswith("n't"):
        return None
    return None


def _nearest(before: list[str], after: list[str], judge: Callable[[str], str | None],
             ) -> str | None:
    best: tuple[int, str] | None = None
    for distance, word in enumerate(reversed(before)):
        cue = judge(word)
        if cue:
            best = (distance, cue)
            break
    for distance, word in enumerate(after):
        cue = judge(word)
        if cue:
            if best is None or distance < best[0]:
                best = (distance, cue)
            break
    return best[1] if best else None


def _auxiliary(word: str) -> str | None:
    return AUXILIARIES.get(word.lower())


def _adjacent(before: list[str]) -> str | None:
    """The tense of the verb the expression directly follows ("said Friday", "met on Monday")."""
    words = [w.lower() for w in before[-3:]]
    while words and words[-1] in ADJACENT_SKIP:
        words.pop()
    if not words:
        return None
    word = words[-1]
    if len(words) > 1 and words[-2] in PASSIVE_OR_INFINITIVE:
        return None  # "will be held in May": the auxiliary further left decides.
    if word in PAST_REPORTING:
        return "past"
    return _auxiliary(word) or _cue(word)


def tense_at(text: str, start: int, end: int) -> str | None:
    """``"past"``, ``"future"`` or None for the expression at ``text[start:end]``.

    The verb the expression directly follows decides first ("announced Wednesday"); then the
    nearest auxiliary or planning word before it ("will be held", "were planning to ... on
    Monday"); then the nearest other cue on either side; last an auxiliary after it (those
    mostly belong to a following clause: "issued a statement Friday saying ... will").
    """
    left, right = sentence_bounds(text, start, end)
    before = _WORD.findall(text, left, start)[-AUXILIARY_WINDOW:]
    after = _WORD.findall(text, end, right)[:AUXILIARY_WINDOW]
    return (_adjacent(before) or _nearest(before, [], _auxiliary)
            or _nearest(before[-CUE_WINDOW:], after[:CUE_WINDOW], _cue)
            or _nearest([], after, _auxiliary))
