"""Who said each quotation: speech cues around the quote, then pronoun and description resolution.

For every quoted piece the sentence around it is split into the words before the opening mark
and the words after the closing mark. A speech cue (``said``, ``told reporters``, ``according
to``) next to a noun phrase names the speaker: ``"...," said Rubio``, ``"...," he said``,
``Rubio said that "..."``. Names lose their titles and take the fullest form seen in the text;
pronouns and descriptions ("the secretary of state") point back to the nearest earlier person
that fits. A quote with no cue of its own continues the previous quote's speaker when it
follows closely (the second half of a split quote, a quote running over paragraphs).
Anything unresolved is None: no pronoun or guess is ever returned.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.extract.roles import role_of, title_role
from generator.text.cuegrammar import (
    ACCORDING,
    ADVERBS,
    AFTER_DASH,
    AFTER_GENERIC,
    AFTER_GENERIC_INVERTED,
    AFTER_INVERTED,
    AFTER_NAME,
    AFTER_NORMAL,
    ASKED_BY,
    BEFORE_INVERTED,
    COLON_NAME,
    COLON_ROLE,
    DASH_LINE,
    DESC_NAME,
    DESC_RE,
    FRAME_CHARS,
    INDEFINITE_RE,
    NAME,
    OBJECT_VERBS,
    ROLE_THEN_NAME,
    SUBJECT_ANY,
    SUBJECT_BEFORE,
    TRAILING,
    TRAILING_INVERTED,
    VERB,
    VERB_BEFORE,
    VERB_RE,
    VERBISH,
    sentence_end,
    sentence_start,
)
from generator.text.entity_tables import PLACE_LAST_WORDS, PLACES
from generator.text.persons import (
    ANTECEDENT_WINDOW,
    CAP,
    PREPOSITIONS,
    STOP_WORDS,
    Gender,
    Mention,
    Mentions,
    gender_of,
    is_org,
    is_title_word,
    lexicon,
    split_title,
)
from generator.text.quotemarks import Piece

# A quote with no cue continues the previous quote's speaker when it starts at most this many
# characters after it. Calibrated on PolNeAR train: a paragraph and a half (~700 characters).
INHERIT_CHARS = 700
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
# Pronouns that never resolve to a named speaker: the writer ("I"), groups, things.
_OTHER_PRONOUNS = frozenset(("i", "me", "we", "us", "you", "they", "them", "it"))
# Titles written in full in a description and abbreviated before a name.
_TITLE_SHORT = {"senator": "sen", "representative": "rep", "governor": "gov", "general": "gen",
                "doctor": "dr", "professor": "prof", "reverend": "rev", "sergeant": "sgt"}
# A capitalised run holding a hyphenated adjective ("New York-based", "D.C.-based Democratic")
# names nobody.
_ADJECTIVE = re.compile(r"\S-[a-z]+\b")
# A name followed by its speech verb: 'Hawkins said', 'Hawkins later told'.
_SPEAKS = re.compile(rf"[^\S\n]+{ADVERBS}{VERB}")
_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]+")


class _Names(Mentions):
    """The text's names, and the words it writes in lower case (to tell "Hours" from a name)."""

    def __init__(self, text: str, skip: list[tuple[int, int]]) -> None:
        """Scan ``text`` (see ``Mentions``); ``skip`` holds the quotations' spans."""
        super().__init__(text, skip)
        self.lower_words = frozenset(_LOWER_WORD.findall(text))
        self._text = text

    def person_for(self, pos: int, gender: Gender | None, last: tuple[str, int] | None = None,
                   sentence: int | None = None) -> str | None:
        """Who 'he' or 'she' at ``pos`` means (see ``Mentions.person_for``), with changes.

        A full name (two words or more) that acts as a subject ("Tad Devine said he ..."), or
        any name followed by a speech verb ("Hawkins said"), counts as a person even when
        nothing else marks it as one: in 50 hand-checked PolNeAR pronoun sources most wrong
        answers had skipped such a name for an earlier, better-known one. Places and
        adjectives are never candidates, the nearest fitting candidate wins whether its
        gender is known or not, and the previous speaker is kept only when it is a person.
        """
        fits = [m for m in self.before(pos) if not m.org and (m.person or (
            m.subject and (" " in m.name or bool(_SPEAKS.match(self._text, m.end))))) and (
                self.can_speak(m.name)) and (gender is None or m.gender in (gender, None))]
        if sentence is not None:
            here = _nearest([m for m in fits if m.start >= sentence and m.subject], gender)
            if here:
                return here.name
        if last and pos - last[1] <= ANTECEDENT_WINDOW and not is_org(last[0]) and (
                self.gender_of(last[0]) in (gender, None)):
            acting = next((m for m in fits if m.start > last[1] and m.subject), None)
            return acting.name if acting else last[0]
        chosen = _nearest([m for m in fits if m.subject], gender) or _nearest(fits, gender)
        return chosen.name if chosen else None

    def new_actor(self, start: int, end: int, speaker: str) -> bool:
        """True when a person other than ``speaker`` speaks in ``start:end`` ("Hawkins said")."""
        i = bisect.bisect_left(self._starts, start)
        for mention in self.items[i:]:
            if mention.start >= end:
                break
            if mention.subject and not mention.org and mention.name != speaker and (
                    _SPEAKS.match(self._text, mention.end)) and self.can_speak(mention.name):
                return True
        return False

    def gender_of(self, name: str) -> Gender | None:
        """The gender the text gives ``name`` (None when unknown)."""
        return self._genders.get(name)

    def can_speak(self, name: str) -> bool:
        """False for a place ("New Hampshire") or a common word that opened a sentence."""
        low = name.lower()
        if low in PLACES or low.split()[-1] in PLACE_LAST_WORDS or _ADJECTIVE.search(name):
            return False
        return " " in low or low not in self.lower_words or self.is_person(name)


@dataclass(frozen=True, slots=True)
class _Cue:
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


def _from_match(match: re.Match[str], offset: int, cue: str | None = None) -> _Cue:
    groups = match.groupdict()
    return _Cue(match.group("np"), cue if cue is not None else _norm_cue(match.group("verb")),
                offset + match.start("np"), groups.get("appos"), role=role_of(groups.get("lead")))


@dataclass(frozen=True, slots=True)
class Attribution:
    """A resolved speaker (or None) and the cue that named them."""

    speaker: str | None
    cue: str | None
    role: str | None = None
    """The speaker's role as the text gives it ("Texas Rep."), when it does."""


def attribute(text: str, pieces: Sequence[Piece]) -> list[Attribution]:
    """A speaker and cue for each piece, in order (see the module docstring)."""
    mentions = _Names(text, [(p.start, p.end) for p in pieces])
    out: list[Attribution] = []
    last: tuple[str, int] | None = None
    for index, piece in enumerate(pieces):
        prev_end = pieces[index - 1].end + 1 if index else 0
        nxt_start = pieces[index + 1].start - 1 if index + 1 < len(pieces) else len(text)
        begin = sentence_start(text, prev_end, piece.start - 1)
        label = _transcript_label(text, piece.start, mentions)
        if label:
            out.append(label)
            last = (label.speaker or "", piece.start)
            continue
        found = _cue(text, piece, begin, nxt_start, mentions)
        # A quote standing alone, or sharing its sentence with the previous quote, continues
        # the previous speaker's words.
        alone = not text[begin:piece.start - 1].strip() or begin == prev_end
        if found is None and alone and begin > prev_end:
            found = _previous_sentence(text, prev_end, begin, mentions)
        # ... unless someone else has acted in between ('Hawkins said her group ...').
        if found is None and index and alone and out[-1].speaker and (
                piece.start - pieces[index - 1].end <= INHERIT_CHARS) and not (
                mentions.new_actor(pieces[index - 1].end, piece.start, out[-1].speaker)):
            out.append(out[-1])
            continue
        speaker = _resolve(found, mentions, last) if found else None
        if found and found.weak and not (speaker and mentions.is_person(speaker)):
            found = speaker = None  # "... on Facebook writing": not the one who wrote
        if found is None or (speaker is None and found.cue == "" and index == 0):
            found, speaker = _sentence_subject(text[begin:piece.start - 1], begin, mentions)
        out.append(Attribution(speaker, found.cue if found else None,
                               _role(found, speaker) if found and speaker else None))
        if speaker:
            last = (speaker, piece.start)
    return _share_backwards(text, pieces, out)


# A transcript line opens with its speaker's name in capitals and a colon: 'PENCE: Well, ...'.
_LABEL = re.compile(r"[^\w\n]{0,3}(?P<np>[A-Z][A-Z'’.-]+(?:[^\S\n]+[A-Z][A-Z'’.-]+){0,2}):[^\S\n]")


def _transcript_label(text: str, pos: int, names: _Names) -> Attribution | None:
    """The speaker of a transcript line holding ``pos``, when the line opens with one.

    Everything on the line is that person's words, quotations within it included. Labels that
    name no person ("VIDEO:", "UPDATE:") are ignored.
    """
    line = text.rfind("\n", 0, pos) + 1
    match = _LABEL.match(text, line, pos)
    if not match:
        return None
    name = names.unify(match.group("np").title())
    return Attribution(name, ":") if names.is_person(name) else None


def _nearest(candidates: list[Mention], gender: Gender | None) -> Mention | None:
    """The nearest candidate whose gender fits (known or not).

    Not the nearest of *known* gender first: in 'Tad Devine said he ...' Devine's gender is
    unknown, and a better-known man named further back is not the one meant.
    """
    return next((m for m in candidates if m.gender in (gender, None)), None)


def _role(found: _Cue, speaker: str) -> str | None:
    """The role the cue's words give the speaker: a lead, a title or an appositive."""
    if found.np.lower() in _PRONOUNS:
        return None
    role = found.role or title_role(found.np, speaker)
    if role is None and found.appos and speaker not in found.appos:
        role = role_of(found.appos)
    return role


def _previous_sentence(text: str, floor: int, begin: int, mentions: _Names) -> _Cue | None:
    """The cue of the sentence before a lone quote, when it names a person; else None.

    ('Carter said that critics were wrong. "That is because ..."')
    """
    end = max(floor, len(text[:begin].rstrip()))  # the last sentence of the paragraph before
    start = sentence_start(text, floor, max(floor, end - 1))
    sentence = text[start:end]
    if not sentence.strip():
        return None
    found = _cue_before(sentence, start, mentions)
    if found is None:
        found, _ = _sentence_subject(sentence, start, mentions)
    speaker = _resolve(found, mentions, nearby=True) if found else None
    if not speaker or is_org(speaker):
        return None
    # The subject of a speech verb ("Hawkins said her group ...") is someone even when the text
    # never gave a first name; any other acting subject must be a known person.
    return found if (found and found.cue) or _named_person(speaker, mentions) else None


def _share_backwards(text: str, pieces: Sequence[Piece],
                     out: list[Attribution]) -> list[Attribution]:
    """A cue-less quote takes the speaker of the next quote in the same sentence.

    ('Guns are "a crisis" and "stunt growth," Dean said.')
    """
    for index in range(len(out) - 2, -1, -1):
        nxt = out[index + 1]
        if out[index].cue is None and out[index].speaker is None and nxt.speaker:
            gap_start, gap_end = pieces[index].end + 1, pieces[index + 1].start - 1
            if sentence_start(text, gap_start, gap_end) == gap_start:
                out[index] = nxt
    return out


def _is_pronoun_phrase(np: str) -> bool:
    return np.lower() in _PRONOUNS or np.lower() in _OTHER_PRONOUNS


def _cue(text: str, piece: Piece, begin: int, nxt_start: int, names: _Names) -> _Cue | None:
    """The cue naming the speaker of ``piece`` (its sentence starts at ``begin``), or None.

    A quote ending in a comma is followed by its attribution; one ending in a full stop is not;
    after a question or exclamation mark, a cue introducing the quote ("X asked: "...?"") wins.
    """
    inner = text[piece.start:piece.end].rstrip()
    before = text[begin:piece.start - 1]
    after_from = piece.end + (1 if piece.closed else 0)
    after = text[after_from:sentence_end(text, after_from, nxt_start)]
    last = inner[-1:] if piece.closed else "."
    if last in "?!" and before.rstrip().endswith((":", ",")):
        found = _cue_before(before, begin, names)
        if found:
            return found
    window = min(len(text), after_from + FRAME_CHARS)
    dash = AFTER_DASH.match(text, after_from, window) or DASH_LINE.match(text, after_from, window)
    if dash and piece.closed:
        return _from_match(dash, 0, "—")
    after_cue = None
    if last not in ".…":
        after_cue = _cue_after(after, after_from, generic=last in ",?!", comma=last == ",")
        if after_cue and not after_cue.far:
            return after_cue
    found = _cue_before(before, begin, names)
    if after_cue and found is None:
        # A cue closing the sentence ('... "a disaster" at a rally, Trump said') or a bare name
        # after the quote counts only when nothing before the quote attributes it: in 'Ames
        # admitted it would be "very hard", her campaign argued' the quote is Ames's.
        return after_cue
    if found is None and not before.strip():
        found = _colon_intro(text, piece.start - 1, names)
    return found


def _cue_after(after: str, offset: int, *, generic: bool, comma: bool) -> _Cue | None:
    patterns = [AFTER_INVERTED, AFTER_NORMAL]
    if generic:
        patterns += [AFTER_GENERIC, AFTER_GENERIC_INVERTED]
    for pattern in patterns:
        match = pattern.match(after)
        if match and not _participle_before_object(pattern, match):
            return (_later_name(after, match, offset) or _counted_description(after, match, offset)
                    or _from_match(match, offset))
    match = ACCORDING.search(after)
    if match and match.start() < 3:
        return _from_match(match, offset)
    for pattern in (TRAILING, TRAILING_INVERTED):
        match = pattern.search(after)
        if match and not _participle_before_object(pattern, match):
            found = _later_name(after, match, offset) or _from_match(match, offset)
            return dataclasses.replace(found, far=True)
    match = AFTER_NAME.match(after) if comma else None
    if match and _plausible_subject(match.group("np")):
        # A bare noun phrase after the quote, no verb: weaker than any cue before the quote.
        return dataclasses.replace(_from_match(match, offset, ""), far=True)
    return None


def _counted_description(after: str, match: re.Match[str], offset: int) -> _Cue | None:
    """'said one Labour source': a lead opening with "one" or "a" opens a description."""
    lead = (match.groupdict().get("lead") or "").split()
    if not lead or lead[0].lower() not in ("one", "another", "a", "an"):
        return None
    found = [m for m in (DESC_RE.match(after, match.start("lead")),
                         INDEFINITE_RE.match(after, match.start("lead"))) if m]
    desc = max(found, key=lambda m: m.end(), default=None)  # "one Labour source", not "one Labour"
    if not desc or desc.end() < match.end("np"):
        return None
    return _Cue(desc.group(), _norm_cue(match.group("verb")), offset + desc.start())


def _participle_before_object(pattern: re.Pattern[str], match: re.Match[str]) -> bool:
    """True for '"...," promising the Friends of Abe': after a participle comes its object."""
    inverted = pattern in (AFTER_INVERTED, TRAILING_INVERTED)
    return inverted and match.group("verb").lower().endswith("ing")


def _later_name(after: str, match: re.Match[str], offset: int) -> _Cue | None:
    """The name after a role when the cue's noun phrase only qualifies it.

    ('said Republican party boss Reince Priebus': the speaker is Priebus, "Republican party
    boss" his role.) Only after an inverted cue, where the speaker follows the verb.
    """
    if match.group("np")[:1].islower() or not match.groupdict().get("verb"):
        return None
    later = ROLE_THEN_NAME.match(after, match.end("np"))
    qualifier = all(map(is_title_word, match.group("np").split()))  # "said Republican voter X"
    if not later or not (qualifier or _is_role_word(later.group("role").split()[-1])):
        return None  # "said Trump on Monday": the words must end in a role ("party boss")
    role = role_of(after[match.start("np"):later.start("name")])
    return _Cue(later.group("name"), _norm_cue(match.group("verb")), offset + later.start("name"),
                role=role)


def _is_role_word(word: str) -> bool:
    return word.lower() in lexicon("role_nouns") or is_title_word(word)


def _sentence_subject(before: str, offset: int,
                      mentions: _Names) -> tuple[_Cue | None, str | None]:
    """The first person that acts in the quote's sentence ("Rubio also bemoaned ... "...").

    Only the words before the sentence's first speech verb are read (after it comes what was
    said), and a name followed by a verb form beats one followed by any other word.
    """
    verb = VERB_RE.search(before)
    head = before[:verb.start()] if verb else before
    fallback: tuple[_Cue | None, str | None] = (None, None)
    for match in SUBJECT_ANY.finditer(head):
        if not _plausible_subject(match.group("np")) or _after_preposition(
                head, match.start()) or _opens_with_preposition(match.group("np")):
            continue
        found = _from_match(match, offset, "")
        speaker = _resolve(found, mentions, nearby=True)
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


def _object_of_preposition(text: str, subject: re.Match[str]) -> bool:
    """True when a preposition right before the noun phrase makes it an object.

    A titled name is still a subject ("Speaker of the House Rep. Paul Ryan said"), and so is
    the organisation after a role ("officials at ...").
    """
    word = _WORD_RIGHT_BEFORE.search(text, 0, subject.start())
    if not word or word.group(1).lower() not in _STRICT_PREPOSITIONS:
        return False
    owner = _WORD_RIGHT_BEFORE.search(text, 0, word.start())
    if owner and _is_role_word(owner.group(1).rstrip("s")):
        # "officials at Homeland Security", "a spokesman for Platte River": the body that
        # speaks through them; a place is only where they come from ("senator from Vermont").
        return subject.group("np").lower() in PLACES
    name, titles = split_title(subject.group("np"))
    return not (name and titles)


def _in_place(text: str, subject: re.Match[str]) -> bool:
    """True for a town and its state after a preposition ("in Columbus, Ohio, said")."""
    appos = (subject.group("appos") or "").strip()
    return bool(re.fullmatch(NAME, appos)) and _after_preposition(text, subject.start())


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


def _cue_before(before: str, offset: int, names: _Names) -> _Cue | None:
    """The cue in the words before a quote (its sentence up to the opening mark), or None.

    A colon right before the quote decides first, then "according to" (PolNeAR, like readers,
    credits the outlet that reports the words); a passive "asked by" names the speaker only
    when no speech verb follows it ("When asked by Ingraham about it, Cruz said" gives Cruz).
    """
    colon = _colon_cue(before, offset, names)
    if colon:
        return colon
    according = [*ACCORDING.finditer(before), *BEFORE_INVERTED.finditer(before)]
    if according:
        return _from_match(max(according, key=lambda m: m.start()), offset)
    asked = max(ASKED_BY.finditer(before), key=lambda m: m.start(), default=None)
    found = _verb_cue(before, offset, names, asked.end() if asked else 0)
    return found if found or asked is None else _from_match(asked, offset)


def _named_person(name: str, names: _Names) -> bool:
    """A full name (two words or more) that is neither an organisation nor a place."""
    return names.is_person(name) or (
        len(name.split()) >= 2 and not is_org(name) and names.can_speak(name))


def _colon_cue(before: str, offset: int, names: _Names) -> _Cue | None:
    """A name introducing the quote with a colon ('Pew Research: "..."', 'Cruz added: "..."')."""
    listed = COLON_ROLE.search(before)
    if listed and _named_person(listed.group("np"), names):  # 'Peggy Drexler, CNN: "..."'
        return _Cue(listed.group("np"), ":", offset + listed.start("np"),
                    role=" ".join(listed.group("role").split()))
    colon = COLON_NAME.search(before)
    if not colon or (colon.group("verb") or "").lower() in OBJECT_VERBS:
        return None  # 'Priebus told Fox News: "..."': the listener; the verb's subject speaks
    group = "np" if colon.group("np") else "np2"
    if not _plausible_subject(colon.group(group)):
        return None
    cue = colon.group("verb") or colon.group("verb2") or ":"
    return _Cue(colon.group(group), _norm_cue(cue), offset + colon.start(group),
                colon.group("appos"))


# A participle after a comma or "and" ("..., telling reporters"), or any speech verb after
# "and"/"but" ("knocked Rubio on trade and called him"), has the main clause's subject.
_PARTICIPLE_LEAD = re.compile(r"(?:,|\band)\s*$")
_COORDINATED = re.compile(r"\b(?:and|but)(?:\s+(?:then|also|later))?,?\s*$")


def _verb_cue(before: str, offset: int, names: _Names, floor: int) -> _Cue | None:
    """The subject of the speech verb nearest the quote (verbs from ``floor`` on)."""
    verbs = [v for v in VERB_RE.finditer(before) if v.start() >= floor]
    for verb in reversed(verbs):
        cue = _norm_cue(verb.group())
        if (cue.endswith("ing") and _PARTICIPLE_LEAD.search(before, 0, verb.start())) or (
                _COORDINATED.search(before, 0, verb.start())):
            # "Trump went after Bush, calling him ...": the main clause's subject speaks.
            main = _main_subject(before, verb.start(), offset, names)
            if main:
                return dataclasses.replace(main, cue=cue)
        subject = SUBJECT_BEFORE.search(before, 0, verb.start())
        if not subject or not _plausible_subject(subject.group("np")) or _in_place(
                before, subject) or (not cue.endswith("ing") and _object_of_preposition(
                    before, subject)):
            continue
        found = dataclasses.replace(_from_match(subject, offset, cue), sentence=offset)
        if not cue.endswith("ing"):
            return found
        if subject.group("np")[:1].isupper():
            # "Trump calling it ...": a name before a participle may be its subject; "... on
            # Facebook writing" is not. The caller keeps it only when it names a person.
            return dataclasses.replace(found, weak=True)
    return None


def _main_subject(before: str, end: int, offset: int, names: _Names) -> _Cue | None:
    """The first name or pronoun acting as a subject in ``before[:end]`` that names someone.

    The first, not the nearest: in "Christie repeated that Rubio recites ..., calling him" a
    later subject sits in a clause the participle does not continue (measured on PolNeAR
    train: the nearest lost 15 quotes and won 4).
    """
    for match in SUBJECT_ANY.finditer(before, 0, end):
        if not _plausible_subject(match.group("np")) or _after_preposition(
                before, match.start()) or not _acts(before, match.end()):
            continue
        found = dataclasses.replace(_from_match(match, offset, ""), sentence=offset)
        if _resolve(found, names, nearby=True):
            return found
    return None


def _colon_intro(text: str, mark: int, names: _Names) -> _Cue | None:
    """A quote opening its paragraph after a paragraph that ends in a colon ("Cruz continued:")."""
    para_start = text.rfind("\n", 0, mark)
    if para_start <= 0 or text[para_start:mark].strip():
        return None
    prev = text[:para_start].rstrip()
    if not prev.endswith(":"):
        return None
    begin = sentence_start(text, max(0, text.rfind("\n", 0, len(prev)) + 1), len(prev))
    return _cue_before(prev[begin:], begin, names)


def _plausible_subject(np: str) -> bool:
    words = [w.lower().strip(".,") for w in np.split()]
    if words[0] in _PRONOUNS or words[0] in ("they", "we"):
        return True
    if all(w in STOP_WORDS for w in words):
        return False
    return words[0] not in ("it", "this", "that", "there") and not np.endswith(("’s", "'s"))


def _norm_cue(cue: str) -> str:
    return " ".join(cue.lower().split())


def _resolve(found: _Cue, mentions: _Names, last: tuple[str, int] | None = None, *,
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


def _resolve_phrase(found: _Cue, mentions: _Names, last: tuple[str, int] | None) -> str | None:
    np, low = found.np, found.np.lower()
    if low in _PRONOUNS:
        return mentions.person_for(found.pos, _PRONOUNS[low], last,  # type: ignore[arg-type]
                                   found.sentence)
    if _is_pronoun_phrase(np):
        return None  # "they", "it", "we": groups and things are not named speakers
    np = re.sub(r"\s*\([^()]*\)$", "", np)
    named = DESC_NAME.match(np)
    name = split_title(named.group("name"))[0] if named else ""
    if name:  # "his friend Mahamat Saleh Oumar": the name that ends the description
        return mentions.unify(name)
    return _resolve_name(found, re.sub(r"^(?:[Ff]ormer|then-|[Ll]ate)\s+", "", np), mentions)


def _resolve_name(found: _Cue, np: str, mentions: _Names) -> str | None:
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


def _unify_titled(name: str, titles: tuple[str, ...], mentions: _Names) -> str:
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


def _describe(np: str, pos: int, mentions: _Names) -> str | None:
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
    if not rest or not _is_role_word(rest[-1].strip(".,")):
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
