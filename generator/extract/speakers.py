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

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.extract.nounphrases import (
    PRONOUNS,
    Cue,
    from_match,
    is_role_word,
    named_person,
    norm_cue,
    resolve,
)
from generator.extract.roles import role_of, title_role
from generator.extract.subjects import (
    in_place,
    main_subject,
    object_of_preposition,
    plausible_subject,
    sentence_subject,
)
from generator.extract.textnames import TextNames
from generator.text.cuegrammar import (
    ACCORDING,
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
    DESC_RE,
    FRAME_CHARS,
    INDEFINITE_RE,
    OBJECT_VERBS,
    ROLE_THEN_NAME,
    SUBJECT_BEFORE,
    TRAILING,
    TRAILING_INVERTED,
    VERB_RE,
    sentence_end,
    sentence_start,
)
from generator.text.persons import (
    is_org,
    is_title_word,
)
from generator.text.quotemarks import Piece

# A quote with no cue continues the previous quote's speaker when it starts at most this many
# characters after it. Calibrated on PolNeAR train: a paragraph and a half (~700 characters).
INHERIT_CHARS = 700


@dataclass(frozen=True, slots=True)
class Attribution:
    """A resolved speaker (or None) and the cue that named them."""

    speaker: str | None
    cue: str | None
    role: str | None = None
    """The speaker's role as the text gives it ("Texas Rep."), when it does."""


def attribute(text: str, pieces: Sequence[Piece]) -> list[Attribution]:
    """A speaker and cue for each piece, in order (see the module docstring)."""
    mentions = TextNames(text, [(p.start, p.end) for p in pieces])
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
        speaker = resolve(found, mentions, last) if found else None
        if found and found.weak and not (speaker and mentions.is_person(speaker)):
            found = speaker = None  # "... on Facebook writing": not the one who wrote
        if found is None or (speaker is None and found.cue == "" and index == 0):
            found, speaker = sentence_subject(text[begin:piece.start - 1], begin, mentions)
        out.append(Attribution(speaker, found.cue if found else None,
                               _role(found, speaker) if found and speaker else None))
        if speaker:
            last = (speaker, piece.start)
    return _share_backwards(text, pieces, out)


# A transcript line opens with its speaker's name in capitals and a colon: 'PENCE: Well, ...'.
_LABEL = re.compile(r"[^\w\n]{0,3}(?P<np>[A-Z][A-Z'’.-]+(?:[^\S\n]+[A-Z][A-Z'’.-]+){0,2}):[^\S\n]")


def _transcript_label(text: str, pos: int, names: TextNames) -> Attribution | None:
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


def _role(found: Cue, speaker: str) -> str | None:
    """The role the cue's words give the speaker: a lead, a title or an appositive."""
    if found.np.lower() in PRONOUNS:
        return None
    role = found.role or title_role(found.np, speaker)
    if role is None and found.appos and speaker not in found.appos:
        role = role_of(found.appos)
    return role


def _previous_sentence(text: str, floor: int, begin: int, mentions: TextNames) -> Cue | None:
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
        found, _ = sentence_subject(sentence, start, mentions)
    speaker = resolve(found, mentions, nearby=True) if found else None
    if not speaker or is_org(speaker):
        return None
    # The subject of a speech verb ("Hawkins said her group ...") is someone even when the text
    # never gave a first name; any other acting subject must be a known person.
    return found if (found and found.cue) or named_person(speaker, mentions) else None


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


def _cue(text: str, piece: Piece, begin: int, nxt_start: int, names: TextNames) -> Cue | None:
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
        return from_match(dash, 0, "—")
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


def _cue_after(after: str, offset: int, *, generic: bool, comma: bool) -> Cue | None:
    patterns = [AFTER_INVERTED, AFTER_NORMAL]
    if generic:
        patterns += [AFTER_GENERIC, AFTER_GENERIC_INVERTED]
    for pattern in patterns:
        match = pattern.match(after)
        if match and not _participle_before_object(pattern, match):
            return (_later_name(after, match, offset) or _counted_description(after, match, offset)
                    or from_match(match, offset))
    match = ACCORDING.search(after)
    if match and match.start() < 3:
        return from_match(match, offset)
    for pattern in (TRAILING, TRAILING_INVERTED):
        match = pattern.search(after)
        if match and not _participle_before_object(pattern, match):
            found = _later_name(after, match, offset) or from_match(match, offset)
            return dataclasses.replace(found, far=True)
    match = AFTER_NAME.match(after) if comma else None
    if match and plausible_subject(match.group("np")):
        # A bare noun phrase after the quote, no verb: weaker than any cue before the quote.
        return dataclasses.replace(from_match(match, offset, ""), far=True)
    return None


def _counted_description(after: str, match: re.Match[str], offset: int) -> Cue | None:
    """'said one Labour source': a lead opening with "one" or "a" opens a description."""
    lead = (match.groupdict().get("lead") or "").split()
    if not lead or lead[0].lower() not in ("one", "another", "a", "an"):
        return None
    found = [m for m in (DESC_RE.match(after, match.start("lead")),
                         INDEFINITE_RE.match(after, match.start("lead"))) if m]
    desc = max(found, key=lambda m: m.end(), default=None)  # "one Labour source", not "one Labour"
    if not desc or desc.end() < match.end("np"):
        return None
    return Cue(desc.group(), norm_cue(match.group("verb")), offset + desc.start())


def _participle_before_object(pattern: re.Pattern[str], match: re.Match[str]) -> bool:
    """True for '"...," promising the Friends of Abe': after a participle comes its object."""
    inverted = pattern in (AFTER_INVERTED, TRAILING_INVERTED)
    return inverted and match.group("verb").lower().endswith("ing")


def _later_name(after: str, match: re.Match[str], offset: int) -> Cue | None:
    """The name after a role when the cue's noun phrase only qualifies it.

    ('said Republican party boss Reince Priebus': the speaker is Priebus, "Republican party
    boss" his role.) Only after an inverted cue, where the speaker follows the verb.
    """
    if match.group("np")[:1].islower() or not match.groupdict().get("verb"):
        return None
    later = ROLE_THEN_NAME.match(after, match.end("np"))
    qualifier = all(map(is_title_word, match.group("np").split()))  # "said Republican voter X"
    if not later or not (qualifier or is_role_word(later.group("role").split()[-1])):
        return None  # "said Trump on Monday": the words must end in a role ("party boss")
    role = role_of(after[match.start("np"):later.start("name")])
    return Cue(later.group("name"), norm_cue(match.group("verb")), offset + later.start("name"),
                role=role)


def _cue_before(before: str, offset: int, names: TextNames) -> Cue | None:
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
        return from_match(max(according, key=lambda m: m.start()), offset)
    asked = max(ASKED_BY.finditer(before), key=lambda m: m.start(), default=None)
    found = _verb_cue(before, offset, names, asked.end() if asked else 0)
    return found if found or asked is None else from_match(asked, offset)


def _colon_cue(before: str, offset: int, names: TextNames) -> Cue | None:
    """A name introducing the quote with a colon ('Pew Research: "..."', 'Cruz added: "..."')."""
    listed = COLON_ROLE.search(before)
    if listed and named_person(listed.group("np"), names):  # 'Peggy Drexler, CNN: "..."'
        return Cue(listed.group("np"), ":", offset + listed.start("np"),
                    role=" ".join(listed.group("role").split()))
    colon = COLON_NAME.search(before)
    if not colon or (colon.group("verb") or "").lower() in OBJECT_VERBS:
        return None  # 'Priebus told Fox News: "..."': the listener; the verb's subject speaks
    group = "np" if colon.group("np") else "np2"
    if not plausible_subject(colon.group(group)):
        return None
    cue = colon.group("verb") or colon.group("verb2") or ":"
    return Cue(colon.group(group), norm_cue(cue), offset + colon.start(group),
                colon.group("appos"))


# A participle after a comma or "and" ("..., telling reporters"), or any speech verb after
# "and"/"but" ("knocked Rubio on trade and called him"), has the main clause's subject.
_PARTICIPLE_LEAD = re.compile(r"(?:,|\band)\s*$")

_COORDINATED = re.compile(r"\b(?:and|but)(?:\s+(?:then|also|later))?,?\s*$")


def _verb_cue(before: str, offset: int, names: TextNames, floor: int) -> Cue | None:
    """The subject of the speech verb nearest the quote (verbs from ``floor`` on)."""
    verbs = [v for v in VERB_RE.finditer(before) if v.start() >= floor]
    for verb in reversed(verbs):
        cue = norm_cue(verb.group())
        if (cue.endswith("ing") and _PARTICIPLE_LEAD.search(before, 0, verb.start())) or (
                _COORDINATED.search(before, 0, verb.start())):
            # "Trump went after Bush, calling him ...": the main clause's subject speaks.
            main = main_subject(before, verb.start(), offset, names)
            if main:
                return dataclasses.replace(main, cue=cue)
        subject = SUBJECT_BEFORE.search(before, 0, verb.start())
        if not subject or not plausible_subject(subject.group("np")) or in_place(
                before, subject) or (not cue.endswith("ing") and object_of_preposition(
                    before, subject)):
            continue
        found = dataclasses.replace(from_match(subject, offset, cue), sentence=offset)
        if not cue.endswith("ing"):
            return found
        if subject.group("np")[:1].isupper():
            # "Trump calling it ...": a name before a participle may be its subject; "... on
            # Facebook writing" is not. The caller keeps it only when it names a person.
            return dataclasses.replace(found, weak=True)
    return None


def _colon_intro(text: str, mark: int, names: TextNames) -> Cue | None:
    """A quote opening its paragraph after a paragraph that ends in a colon ("Cruz continued:")."""
    para_start = text.rfind("\n", 0, mark)
    if para_start <= 0 or text[para_start:mark].strip():
        return None
    prev = text[:para_start].rstrip()
    if not prev.endswith(":"):
        return None
    begin = sentence_start(text, max(0, text.rfind("\n", 0, len(prev)) + 1), len(prev))
    return _cue_before(prev[begin:], begin, names)
