"""Whether two dated clauses tell one happening: the same predicate with the same arguments.

Word overlap cannot tell that two dated sentences state one fact: "talks began on Monday" and
"talks ended on Friday" share most of their words and are two happenings, while "the spill
began on April 20" and "the spill began on April 22" are one happening given two dates. What
a date is attached to is its clause: the predicate (the verb, as a lemma) and its arguments
(who did it, to what, how many). ``read`` reads an event's text as such a clause, with word
rules (no tagger): the first finite verb after the subject and outside an opening
subordinate phrase, the content words before it (the subject) and the first few after it
(the object), and the amounts. ``same_happening`` holds when the two predicates are one verb
that names an act (not "be", "have" or a verb of saying: two sayings on two days are two
happenings) and the subjects and objects share a head word. ``same_fact`` adds what tells
two facts apart whatever the verb: a date that opens a running state ("since ...") and
amounts that differ.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.text.persons import words

# Auxiliaries: the verb of the clause is the participle after them ("was charged", "has
# begun"); "was" or "has" with no participle after it is the clause's verb (a state).
_AUX = words(
    "is are was were be been being am has have had having will would shall should can could "
    "may might must did does do")
_BE_HAVE = words("is are was were be been being am has have had having")
# Words that may stand between an auxiliary or subject and its verb.
_ADVERB = words(
    "not never also already still just yet now then later first finally reportedly "
    "allegedly officially formally eventually initially again once previously")
# Words ending in "-ed" that are no verb forms (calibrated on the real pile's event texts).
_NOT_VERB_ED = words(
    "hundred red bed need speed seed feed breed shed united based armed-forces related "
    "unexpected alleged so-called")
# Irregular past and participle forms, to their base (the verbs news events are told with).
_IRREGULAR = {form: base for base, forms in (
    ("begin", "began begun"), ("become", "became"), ("break", "broke broken"),
    ("bring", "brought"), ("build", "built"), ("buy", "bought"), ("catch", "caught"),
    ("choose", "chose chosen"), ("come", "came"), ("deal", "dealt"), ("draw", "drew drawn"),
    ("drive", "drove driven"), ("eat", "ate eaten"), ("fall", "fell fallen"),
    ("feel", "felt"), ("fight", "fought"), ("find", "found"), ("flee", "fled"),
    ("fly", "flew flown"), ("forgive", "forgave forgiven"), ("freeze", "froze frozen"),
    ("get", "got gotten"), ("give", "gave given"), ("go", "went gone goes"),
    ("grow", "grew grown"), ("hang", "hung"), ("hide", "hid hidden"), ("hold", "held"),
    ("keep", "kept"), ("know", "knew known"), ("lay", "laid"), ("lead", "led"),
    ("leave", "left"), ("lose", "lost"), ("make", "made"), ("mean", "meant"), ("meet", "met"),
    ("overthrow", "overthrew overthrown"), ("pay", "paid"), ("rise", "rose risen"),
    ("run", "ran"), ("say", "said says"), ("see", "saw seen"), ("seek", "sought"),
    ("sell", "sold"), ("send", "sent"), ("shake", "shook shaken"), ("shoot", "shot"),
    ("sink", "sank sunk"), ("speak", "spoke spoken"), ("spend", "spent"), ("stand", "stood"),
    ("steal", "stole stolen"), ("strike", "struck stricken"), ("swear", "swore sworn"),
    ("take", "took taken"), ("teach", "taught"), ("tell", "told"), ("think", "thought"),
    ("throw", "threw thrown"), ("undertake", "undertook undertaken"),
    ("uphold", "upheld"), ("win", "won"), ("withdraw", "withdrew withdrawn"),
    ("write", "wrote written"), ("blow", "blew blown"), ("bear", "bore born"),
    ("be", "is are was were been being am"), ("have", "has had having"))
    for form in forms.split()}
# Predicates that name no act: a state ("was", "had") or a saying ("said", "told",
# "reported"): two sayings on two days are two happenings, so these never dispute.
LIGHT_VERBS = words("be have say tell add note write state report comment")
# Words that open a subordinate phrase before the main clause ("After two days of talks, ...").
_OPENER = re.compile(
    r"^(?:after|when|while|as|although|though|because|since|despite|following|amid|in|on|"
    r"at|with|by|for|during|before|until|if|once|more than|less than|nearly|almost|about|"
    r"last|this|early|late|earlier|later|then|also|meanwhile|separately)\b"
    r"[^,]{0,120},\s+|^[\W_]+", re.IGNORECASE)
# Where the verb's object ends: punctuation or a word that starts another clause.
_CLAUSE_END = re.compile(r"[,;:()—–]|\s(?:and|but|or|who|which|that|while|after|before|"
                         r"when|as|because|killing|leaving|saying)\s")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.]*\d|\d")
_FUNCTION = words(
    "the a an this that these those his her its their our my your of to in on at by for "
    "from with as and or but than into over under about after before during against between "
    "through which who whom whose what when where while it he she they we i you him them us "
    "there here some any all each every no more most many much other such own same so very "
    "up out off down one two three")
_PRONOUN = words("it he she they we i you this that there these those")
# Amounts in an event's text (not years): "7,000", "$ 84.12", "18.7 percent".
_AMOUNT = re.compile(r"(?<![\w.,])(?!(?:1[89]|20)\d\d\b)\d[\d,.]*\d|(?<![\w.,])\d(?![\w,.]\d)")
# A date that opens a period ("killed since the uprising began") bounds a running state; the
# text does not say what happened on that date, so another date for it is no dispute.
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
OBJECT_WORDS = 4
"""Content words after the verb read as its object: enough for "the sealing cap" or "oil
imports from Syria", short of the next clause (calibrated on the real pile's disputes)."""


@dataclass(frozen=True, slots=True)
class Clause:
    """An event text read as a clause: its verb and arguments, as word stems."""

    verb: str
    """Stem of the predicate's lemma ("" when no verb was found)."""
    subject: frozenset[str]
    obj: frozenset[str]
    pronoun_subject: bool


def stem(word: str) -> str:
    """A crude stem that maps a word's inflections to one form.

    "charged" and "charges" give "charg", "began" gives "begin"; both sides of a comparison
    go through it alike, so the stem need not be a word.
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""),
                                ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + replacement
            break
    word = word.rstrip("e")
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


@functools.lru_cache(maxsize=65536)
def read(text: str) -> Clause:
    """``text`` read as a clause (see the module docstring)."""
    body = _OPENER.sub("", text.strip(), count=1)
    matches = list(_TOKEN.finditer(body))
    tokens = [m.group() for m in matches]
    at = _verb_index(tokens)
    if at is None:
        return Clause("", frozenset(), frozenset(), False)
    verb = stem(tokens[at])
    before = [t for t in tokens[:at] if t.lower() not in _AUX and t.lower() not in _ADVERB]
    subject = frozenset(stem(t) for t in before if _content(t))
    rest = body[matches[at].end():]
    end = _CLAUSE_END.search(rest)
    after = [stem(t) for t in _TOKEN.findall(rest[:end.start()] if end else rest)
             if _content(t)][:OBJECT_WORDS]
    pronoun = not subject and any(t.lower() in _PRONOUN for t in before)
    return Clause(verb, subject, frozenset(after), pronoun)


def _content(token: str) -> bool:
    """A word that can head an argument: an acronym ("EU", "US"), else no function word."""
    if len(token) >= 2 and token.isupper():
        return True
    low = token.lower()
    return low not in _FUNCTION and low not in _AUX and low not in _ADVERB and (
        len(low) > 2 or token[0].isdigit())


def _verb_index(tokens: list[str]) -> int | None:
    """Position of the clause's verb among ``tokens``, or None."""
    for i, token in enumerate(tokens):
        low = token.lower()
        if low in _AUX:
            nxt = _skip_adverbs(tokens, i + 1)
            if nxt is not None and _participle(tokens[nxt]):
                return nxt
            return i if low in _BE_HAVE else nxt
        if i > 0 and token.islower() and _finite(token, tokens[i - 1]):
            return i
    return None


def _skip_adverbs(tokens: list[str], start: int) -> int | None:
    for j in range(start, min(len(tokens), start + 3)):
        low = tokens[j].lower()
        if low not in _ADVERB and not low.endswith("ly"):
            return j
    return None


def _participle(token: str) -> bool:
    low = token.lower()
    return token.islower() and (low in _IRREGULAR or low.endswith(("ed", "en", "ing")))


def _finite(token: str, previous: str) -> bool:
    """A past form ("began", "stopped"), or a present form after a name ("Judge refuses")."""
    if token in _IRREGULAR:
        return True
    if token.endswith("ed") and len(token) > 4 and token not in _NOT_VERB_ED:
        return previous.lower() not in {"the", "a", "an", "its", "his", "her", "their"}
    return (token.endswith("s") and not token.endswith("ss") and len(token) > 3
            and previous[:1].isupper() and previous.lower() not in _FUNCTION)


def same_happening(a: str, b: str) -> bool:
    """Whether two event texts tell one happening: one act verb, shared subject and object.

    A pronoun subject ("He resigned") names nobody to compare, so the object must then
    carry the match; neither may be a bare verb.
    """
    one, two = read(a), read(b)
    if not one.verb or one.verb != two.verb or one.verb in LIGHT_VERBS:
        return False
    if one.subject and two.subject:
        subject_agrees = bool(one.subject & two.subject)
    else:
        subject_agrees = one.pronoun_subject or two.pronoun_subject
        if not (one.obj and two.obj):
            return False
    objects_agree = not (one.obj and two.obj) or bool(one.obj & two.obj)
    return subject_agrees and objects_agree


def same_fact(a: str, b: str) -> bool:
    """Whether two dated texts tell one fact, so that their dates can disagree.

    Only when both clauses have one act verb with the same arguments (``same_happening``:
    "the spill began" twice, not "talks began" and "talks ended"); not when either dates the
    start of a running state ("7,000 killed since ..."), nor when both give amounts and share
    none: "crude settled at $84.12" and "at $85.44" are two days' prices, "1,100 killed" and
    "7,000 killed" two counts, not one fact told twice.
    """
    if _SINCE.search(a) or _SINCE.search(b):
        return False
    amounts_a, amounts_b = set(_AMOUNT.findall(a)), set(_AMOUNT.findall(b))
    if amounts_a and amounts_b and not amounts_a & amounts_b:
        return False
    return same_happening(a, b)
