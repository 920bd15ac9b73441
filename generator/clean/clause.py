"""A long lead sentence reduced to its main clause, to stand in for a missing headline.

A headline is a clause: who did what. A lead sentence says the same with a subordinate
opener ("After two days of talks, ..."), brackets, a description between commas after a
name, an attribution (", officials said") and trailing clauses (", which ...", ", saying
..."). ``main_clause`` takes those off in that order and stops as soon as the sentence is
short enough; only a sentence that is one long clause is cut, at a comma if it can be, with
"…" as the last resort.
"""

from __future__ import annotations

import re

from generator.text.persons import words

MAX_WORDS = 25
"""Longest title kept whole: real headlines on the real pile run up to 20-25 words."""

MIN_WORDS = 6
"""A reduction that leaves fewer words than this (a bare subject) is not taken."""

COMMA_CUT_MIN_WORDS = 12
"""A cut at a comma must keep this many words: a shorter head is a subject and its
description ("Marco Rubio, US Secretary of State") without the verb."""

OPENER_MAX_WORDS = 12
"""A leading subordinate phrase ends at a comma within this many words."""

PHRASE_CUT_MIN_WORDS = 10
"""A cut before a trailing phrase must keep this many words: subject, verb and object of a
lead sentence (the real pile's reduced leads keep 10-25)."""

# Words that open a trailing adjunct: what stands before them is a clause without it. Not
# "of" and "that" (they continue a noun phrase or a verb of saying).
_PHRASE_OPENERS = words(
    "in on at with after before as while amid during for from by over into under against "
    "since until because when where which who and but near across among despite through "
    "without following including")
# Words a cut must not leave at the end: an article, a preposition, an auxiliary, a verb of
# saying, a conjunction.
_DANGLING = words(
    "a an the to of and or but in on at by for from with as is are was were be been has have "
    "had will would said says told its his her their this that these those than")

_BRACKETS = re.compile(r"\s*\([^()]*\)|\s+[—–]\s[^—–]*\s[—–](?=\s)")
_OPENER = re.compile(
    r"^(?:after|when|while|as|although|though|because|since|despite|following|amid|in|on|"
    r"at|with|by|for|during|before|until|if|once|according to|whether|just)\b[^,]*,\s+",
    re.IGNORECASE)
# "Marco Rubio, US Secretary of State, has ruled out ...": a name, its description between
# commas, then the verb in lower case.
_APPOSITIVE = re.compile(r"^((?:[A-Z][\w.'’-]*\s?){1,4}), [^,]{3,60}, (?=[a-z])")
_ATTRIBUTION = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?[\w.' -]{1,40}?\s+(?:said|says|told|reported|announced|added)"
    r"(?:\s+on\s+\w+)?\.?$|,\s+according to [^,]+\.?$", re.IGNORECASE)
_TRAILING = re.compile(
    r",\s+(?:which|who|where|while|as|after|before|when|because|but|and|saying|amid|"
    r"despite|including|although|though|following|prompting|leaving|killing|seeking|calling|"
    r"urging|citing|adding"
    # Any present participle opens such a phrase (", shaking fists at him ..."); lower case
    # only (not ", Beijing") and not the pronouns "something", "nothing" ...
    r"|(?-i:(?!(?:some|no|any|every)thing\b)[a-z]{2,}ing))\b", re.IGNORECASE)


def main_clause(sentence: str, max_words: int = MAX_WORDS) -> str:
    """``sentence`` (stop removed) reduced until it has at most ``max_words`` words."""
    text = re.sub(r"\s+", " ", sentence).strip().rstrip(".")
    for step in (_no_brackets, _no_opener, _no_appositive, _no_attribution, _no_trailing,
                 _no_long_opener):
        if _words(text) <= max_words:
            return text
        reduced = step(text)
        if _words(reduced) >= MIN_WORDS:
            text = reduced
    return text if _words(text) <= max_words else _cut(text, max_words)


def _words(text: str) -> int:
    return len(text.split())


def _no_brackets(text: str) -> str:
    return _BRACKETS.sub("", text)


def _no_opener(text: str) -> str:
    match = _OPENER.match(text)
    if match is None or _words(match.group()) > OPENER_MAX_WORDS:
        return text
    rest = text[match.end():]
    return rest[:1].upper() + rest[1:]


def _no_long_opener(text: str) -> str:
    """The opener off however long it is: a cut would otherwise keep only the opener."""
    match = _OPENER.match(text)
    if match is None:
        return text
    rest = text[match.end():]
    return rest[:1].upper() + rest[1:]


def _no_appositive(text: str) -> str:
    return _APPOSITIVE.sub(r"\1 ", text, count=1)


def _no_attribution(text: str) -> str:
    return _ATTRIBUTION.sub("", text)


def _no_trailing(text: str) -> str:
    match = next((m for m in _TRAILING.finditer(text)
                  if _words(text[:m.start()]) >= MIN_WORDS), None)
    return text[:match.start()] if match else text


def _cut(text: str, max_words: int) -> str:
    """``text`` cut to at most ``max_words`` words.

    At the last comma or semicolon within them, else before the last trailing phrase that
    starts within them, else at a word with "…".
    """
    every = text.split()
    words = every[:max_words]
    for end in range(len(words) - 1, max(MIN_WORDS, COMMA_CUT_MIN_WORDS) - 1, -1):
        if words[end - 1].endswith((",", ";")):
            return " ".join(words[:end]).rstrip(",;")
    for end in range(len(words), PHRASE_CUT_MIN_WORDS - 1, -1):
        last = every[end - 1].lower().strip("\"“”‘’'()")
        if (every[end].lower() in _PHRASE_OPENERS and last not in _DANGLING
                and last[-1:].isalnum()):
            return " ".join(every[:end])
    return " ".join(words).rstrip(",;:") + "…"
