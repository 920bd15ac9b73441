"""The grammar of attribution cues: regular expressions for names, noun phrases and cues.

``generator.extract.speakers`` reads these around each quotation. Word lists come from
``generator/resources/`` (speech verbs, titles, role nouns).
"""

from __future__ import annotations

import re

from generator.text.persons import CAP, lexicon, words

# Longest stretch (characters) of a sentence read on either side of a quote for its cue.
# Calibrated on PolNeAR train: attributions sit within 200 characters of their quote.
FRAME_CHARS = 260
ABBREVIATIONS = words(
    "mr mrs ms dr sen rep gov gen lt col st jr sr prof rev sgt u.s u.n u.k no vs inc corp co "
    "ft mt jan feb aug sept sep oct nov dec a.m p.m d.c calif fla ariz mich wis minn pa n.y "
    "n.h n.j ore tenn va wash")
DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night)"
# Words between a subject and its cue verb: adverbs, auxiliaries, and when or where it was said
# ("Priebus later Thursday told", "Beck on Wednesday called", "Ruiz in a statement said").
ADVERBS = (r"(?:(?:also|then|later|has|had|have|would|once|previously|recently|further|again|"
            r"just|repeatedly|often|publicly|privately|simply|flatly|firmly|reportedly|"
            r"separately|first|quickly|bluntly|finally|earlier|angrily|"
            # any manner adverb ("gingerly", "forcefully"): the suffix is the general rule
            r"[a-z]{3,}ly|"
            rf"(?:on|last|this|later|earlier|late)\s+{DAYS}|"
            r"in\s+an?\s+(?:statement|interview|email|tweet|post)|"
            r"on\s+(?:Twitter|Facebook|Instagram|television|TV))\s+){0,2}")



def _verb_pattern() -> str:
    verbs = sorted(lexicon("speech_verbs"), key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs) + r")\b"


def _role_pattern() -> str:
    roles = sorted(lexicon("role_nouns") | {w for w in lexicon("person_titles") if w.isalpha()},
                   key=len, reverse=True)
    return r"(?:" + "|".join(roles) + r")"


NAME = rf"{CAP}(?:[^\S\n]+(?:(?:de la|de|del|la|van|von|der|da|bin|al|of)[^\S\n]+)?{CAP}){{0,6}}"
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e)\b"
DETERMINER = rf"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|{CAP}['’]s)"
DESC = (rf"{DETERMINER}[^\S\n]+(?:[\w.'’-]+[^\S\n]+){{0,4}}?"
         rf"{_role_pattern()}s?(?:[^\S\n]+(?:for|of|at|to|with)[^\S\n]+(?:the[^\S\n]+)?{NAME}"
         rf"|[^\S\n]+{NAME})?")
# A name may carry a lower-case lead ("former Sen. Evan Bayh", "the Times") and a party tag.
NAMED = rf"(?:(?:[Ff]ormer|[Tt]he|then-|[Ll]ate)[^\S\n]+)?{NAME}(?:[^\S\n]+\([^()\n]{{1,30}}\))?"
# An indefinite description ending in a capitalised noun: "an Iowa Democrat", "one senior
# Republican". It names nobody; the speaker is the description itself. The words between are
# modifiers, never a conjunction or preposition ("a photo and Clinton" is two phrases).
_MODIFIER = (r"(?!(?:and|or|but|nor|of|to|for|with|in|on|at|by|from|as|than|that)\b)"
             r"[a-z][\w-]*[^\S\n]+")
INDEFINITE = (rf"(?:[Aa]n?|[Oo]ne|[Aa]nother)[^\S\n]+(?:{_MODIFIER}){{0,2}}"
              rf"{CAP}(?:[^\S\n]+{CAP}){{0,3}}")

NP = rf"(?P<np>{DESC}|{INDEFINITE}|{PRONOUN}|{NAMED})"
DESC_RE = re.compile(rf"{DESC}(?![\w'’-])")
INDEFINITE_RE = re.compile(rf"{INDEFINITE}(?![\w'’-])")
# A description ending in a name: "his friend Mahamat Saleh Oumar", "the Israeli newspaper
# Haaretz" (the name follows the last lower-case word).
DESC_NAME = re.compile(rf"{DETERMINER}[^\S\n]+(?:[\w'’.-]+[^\S\n]+){{0,3}}?[a-z][\w'’-]*"
                       rf"[^\S\n]+(?P<name>{NAME})$")
VERB = _verb_pattern()
# An appositive or a relative clause between a name and its verb ("Christie, who has campaigned
# for Trump since February, blasted ...").
APPOS = r"(?:,[^\S\n](?P<appos>[^,\n“”\"]{1,90}|who[^,\n“”\"]{1,200}),)?"
# Up to four words before a name that follows the quote: "State spokesman Mark Toner said".
CLAUSE_WORDS = (r"(?:when|as|while|because|but|and|or|after|before|if|since|though|although|"
                 r"until|where|who|which|that|the|a|an|her|his|their|its|in|on|at|for|with|of|"
                 r"to|by|from)")
LEAD = rf"(?:(?!{CLAUSE_WORDS}\b)[\w./'’-]+[^\S\n]+){{0,4}}?"
# (Patterns that read a lead name it ``lead``: "State spokesman" is the speaker's role.)
AFTER_INVERTED = re.compile(
    rf"^[\s,—–-]*(?P<verb>{VERB})[^\S\n]+(?P<lead>{LEAD}(?=[A-Z]))?{NP}{APPOS}")
AFTER_NORMAL = re.compile(  # ('"...," as Cruz said on Monday')
    rf"^[\s,—–-]*(?:as[^\S\n]+)?(?P<lead>{LEAD}(?=[A-Z]))?{NP}{APPOS}[^\S\n]+{ADVERBS}(?P<verb>{VERB})")
# After a quote ending in a comma, a name and any past-tense or present verb attribute it
# ("...," Hannity pressed.).
AFTER_GENERIC = re.compile(
    rf"^[\s,—–-]*{NP}[^\S\n]+{ADVERBS}(?P<verb>[a-z]+(?:ed|s))\b(?![^\S\n]+(?:that|to)\b)")
# ... or any past-tense verb and then a name ('"This is fantastic!" beamed Donald Hartley').
AFTER_GENERIC_INVERTED = re.compile(
    rf"^[\s,—–-]*(?P<verb>[a-z]+ed)[^\S\n]+(?P<np>{NAMED})")
# ... or, after a comma, a name alone opening the rest ('"...," Trump, the front-runner, said').
AFTER_NAME = re.compile(rf"^[^\S\n]*(?P<np>{DESC}|{PRONOUN}|{NAMED})(?=[\s,])(?P<verb>)")
# A dash before the name after a quote (lists of reactions, embedded posts): '"..." ― Ana Ruiz'.
AFTER_DASH = re.compile(rf"[^\S\n]*[―—–-][^\S\n]*(?P<np>{NAMED})(?P<verb>)")
# ... or on a line of its own after the quote's paragraph (fact checks, quote round-ups):
# '"..."' then '- Hillary Clinton.'
DASH_LINE = re.compile(  # (the line holds only the name and perhaps ", role": not a heading)
    rf"[^\S\n]*\n\s*[―—–-][^\S\n]*(?P<np>{NAMED})(?P<verb>)(?:,[^\n]{{1,80}})?\.?[^\S\n]*"
    r"(?:\n|$)")
# A cue closing the sentence after a partial quote: '... "a disaster" at a rally, Trump said.'
TRAILING = re.compile(
    rf",[^\S\n]+{NP}{APPOS}[^\S\n]+{ADVERBS}(?P<verb>{VERB})[^.]{{0,160}}\.?\s*$")
TRAILING_INVERTED = re.compile(
    rf",[^\S\n]+(?P<verb>{VERB})[^\S\n]+(?P<lead>{LEAD}(?=[A-Z]))?{NP}(?:[,.][^.]{{0,120}})?\.?\s*$")
# Words that can follow a sentence's acting subject: a verb form, or an adverb before one.
VERBISH = re.compile(  # ("this", "his", "its" end like verbs but never follow a subject)
    r"(?:(?!(?:this|his|its|as|us|thus|plus)\b)[a-z]+(?:ed|s)|found|said|told|wrote|spoke|made|took|gave|went|came|put|knew|saw|"
    r"heard|felt|got|led|left|sent|won|lost|ran|began|kept|held|brought|stood|also|then|later|"
    r"again|will|would|could|can|may|might|must|should|did|does|[a-z]{3,}ly)\b")
# A verb form in the words before a name: the name is then the verb's object, not its subject.
VERB_BEFORE = re.compile(r"\b(?:[a-z]+(?:ed|ing)|is|was|are|were|be|been|has|had|have|seen)\b")
# A name or pronoun followed by a lower-case word (its verb): a sentence's acting subject.
SUBJECT_ANY = re.compile(rf"{NP}{APPOS},?[^\S\n]+(?=[a-z])")
ACCORDING = re.compile(rf"(?P<verb>[Aa]ccording\s+to)\s+(?:{LEAD}(?=[A-Z]))?{NP}")
# A passive cue names the speaker after "by": 'Sanders was asked by host Bill Maher, "..."'.
ASKED_BY = re.compile(
    rf"\b(?P<verb>asked|told|questioned|pressed|challenged)\s+by\s+(?:{LEAD}(?=[A-Z]))?"
    rf"(?P<np>{NAMED})")
# A sentence opening with its cue: 'Said Dorothy Poynter, who grew up with him, "..."'.
BEFORE_INVERTED = re.compile(
    rf"^\s*(?P<verb>Said|Added|Stated|Continued|Wrote|Asked|Explained|Tweeted)[^\S\n]+"
    rf"(?P<np>{NAMED})")
VERB_RE = re.compile(VERB)
# The subject right before a cue verb; a comma only after a party tag ("Kasich (R-OH), said"),
# since "Clinton, saying" names the object of the previous clause.
SUBJECT_BEFORE = re.compile(rf"{NP}{APPOS}(?:(?<=\)),)?[^\S\n]+{ADVERBS}$")
# A name introducing a quote with a colon: 'Pew Research: "..."', 'Continued Stone: "..."'.
COLON_NAME = re.compile(
    rf"(?:^\s*|[^\w\s,]\s*|\b(?P<verb>{VERB}|[A-Z][a-z]+ed)[^\S\n]+)(?P<np>{NAMED})\s*[:—–-]\s*$"
    # ... or a name and any verb, with up to three words after it, right before the colon:
    # 'O'Malley interjected: "..."', 'Rubio fired back forcefully: "..."'.
    rf"|\b(?P<np2>{NAMED}){APPOS}[^\S\n]+{ADVERBS}(?P<verb2>{VERB}|[a-z]+ed)"
    r"(?:[^\S\n]+[a-z][\w'’-]*){0,3}\s*:\s*$")
# Verbs whose object is the one spoken to, not the speaker: in 'Priebus told Fox News: "..."'
# the name after the verb is the listener.
OBJECT_VERBS = frozenset(("told", "tells", "asked", "asks", "pressed", "urged", "warned",
                          "reminded", "assured", "informed", "thanked", "challenged"))
# A round-up or transcript line: a name, a comma and an outlet or role before the colon
# ('Peggy Drexler, CNN: "..."'). The part after the comma is the speaker's role.
COLON_ROLE = re.compile(
    rf"(?:^|[^\w\s,])\s*(?P<np>{NAME}),[^\S\n]+(?P<role>[^,:;\n“”\"]{{2,50}}?)\s*:\s*$")
# Words between a name and the next name that make the second the speaker: "said Republican
# party boss Reince Priebus" (the first capitalised word only qualifies the role).
ROLE_THEN_NAME = re.compile(
    rf"[^\S\n]+(?P<role>(?:(?!{CLAUSE_WORDS}\b)[a-z][\w'’-]*[^\S\n]+){{1,3}})(?P<name>{NAME})")
SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9])|\n")


def sentence_start(text: str, floor: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (not before ``floor``, at most a frame back)."""
    start = floor
    # The look-ahead of a boundary must see the quotation mark at ``pos``: search a bit past it.
    for match in SENTENCE_END.finditer(text, max(floor, pos - FRAME_CHARS), pos + 2):
        if match.end() > pos or (match.group() != "\n" and _is_abbreviation(text, match.start())):
            continue
        start = match.end()
    return max(start, pos - FRAME_CHARS)


def sentence_end(text: str, pos: int, ceiling: int) -> int:
    """Where the sentence running at ``pos`` ends (not past ``ceiling``, at most a frame on)."""
    limit = min(ceiling, pos + FRAME_CHARS)
    # Search a little past the limit so that a boundary's look-ahead can see the next mark.
    for match in SENTENCE_END.finditer(text, pos, min(len(text), limit + 2)):
        if match.start() >= limit:
            break
        if match.group() == "\n" or not _is_abbreviation(text, match.start()):
            return match.start() + 1
    return len(text[:limit].rstrip())


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"[\w.]+$", text[max(0, dot - 12):dot])
    if not word:
        return False
    token = word.group().lower().strip(".")
    return len(token) == 1 or token in ABBREVIATIONS
