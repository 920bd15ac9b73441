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
    DESC_NAME,
    FRAME_CHARS,
    NAME,
    SUBJECT_ANY,
    SUBJECT_BEFORE,
    TRAILING,
    TRAILING_INVERTED,
    VERB_RE,
    VERBISH,
    sentence_end,
    sentence_start,
)
from generator.text.persons import (
    CAP,
    PREPOSITIONS,
    STOP_WORDS,
    Mentions,
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


def _from_match(match: re.Match[str], offset: int, cue: str | None = None) -> _Cue:
    groups = match.groupdict()
    return _Cue(match.group("np"), cue if cue is not None else _norm_cue(match.group("verb")),
                offset + match.start("np"), groups.get("appos"))


@dataclass(frozen=True, slots=True)
class Attribution:
    """A resolved speaker (or None) and the cue that named them."""

    speaker: str | None
    cue: str | None


def attribute(text: str, pieces: Sequence[Piece]) -> list[Attribution]:
    """A speaker and cue for each piece, in order (see the module docstring)."""
    mentions = Mentions(text, [(p.start, p.end) for p in pieces])
    out: list[Attribution] = []
    last: tuple[str, int] | None = None
    for index, piece in enumerate(pieces):
        prev_end = pieces[index - 1].end + 1 if index else 0
        nxt_start = pieces[index + 1].start - 1 if index + 1 < len(pieces) else len(text)
        begin = sentence_start(text, prev_end, piece.start - 1)
        found = _cue(text, piece, begin, nxt_start)
        # A quote standing alone, or sharing its sentence with the previous quote, continues
        # the previous speaker's words.
        alone = not text[begin:piece.start - 1].strip() or begin == prev_end
        if found is None and alone and begin > prev_end:
            found = _previous_sentence(text, prev_end, begin, mentions)
        if found is None and index and alone and out[-1].speaker and (
                piece.start - pieces[index - 1].end <= INHERIT_CHARS):
            out.append(out[-1])
            continue
        speaker = _resolve(found, mentions, last) if found else None
        if found and found.weak and not (speaker and mentions.is_person(speaker)):
            found = speaker = None  # "... on Facebook writing": not the one who wrote
        if found is None or (speaker is None and found.cue == "" and index == 0):
            found, speaker = _sentence_subject(text[begin:piece.start - 1], begin, mentions)
        out.append(Attribution(speaker, found.cue if found else None))
        if speaker:
            last = (speaker, piece.start)
    return _share_backwards(text, pieces, out)


def _previous_sentence(text: str, floor: int, begin: int, mentions: Mentions) -> _Cue | None:
    """The cue of the sentence before a lone quote, when it names a person; else None.

    ('Carter said that critics were wrong. "That is because ..."')
    """
    start = sentence_start(text, floor, max(floor, begin - 1))
    sentence = text[start:begin]
    if not sentence.strip():
        return None
    found = _cue_before(sentence, start)
    if found is None:
        found, _ = _sentence_subject(sentence, start, mentions)
    speaker = _resolve(found, mentions) if found else None
    return found if speaker and mentions.is_person(speaker) else None


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


def _cue(text: str, piece: Piece, begin: int, nxt_start: int) -> _Cue | None:
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
        found = _cue_before(before, begin)
        if found:
            return found
    dash = AFTER_DASH.match(text, after_from, min(len(text), after_from + FRAME_CHARS))
    if dash and piece.closed:
        return _from_match(dash, 0, "—")
    if last not in ".…":
        found = _cue_after(after, after_from, generic=last in ",?!", comma=last == ",")
        if found:
            return found
    found = _cue_before(before, begin)
    if found is None and not before.strip():
        found = _colon_intro(text, piece.start - 1)
    return found


def _cue_after(after: str, offset: int, *, generic: bool, comma: bool) -> _Cue | None:
    patterns = [AFTER_INVERTED, AFTER_NORMAL]
    if generic:
        patterns += [AFTER_GENERIC, AFTER_GENERIC_INVERTED]
    for pattern in patterns:
        match = pattern.match(after)
        if match:
            return _from_match(match, offset)
    match = ACCORDING.search(after)
    if match and match.start() < 3:
        return _from_match(match, offset)
    for pattern in (TRAILING, TRAILING_INVERTED):
        match = pattern.search(after)
        if match:
            return _from_match(match, offset)
    match = AFTER_NAME.match(after) if comma else None
    if match and _plausible_subject(match.group("np")):
        return _from_match(match, offset, "")
    return None


def _sentence_subject(before: str, offset: int,
                      mentions: Mentions) -> tuple[_Cue | None, str | None]:
    """The first person that acts in the quote's sentence ("Rubio also bemoaned ... "...").

    Only the words before the sentence's first speech verb are read (after it comes what was
    said), and a name followed by a verb form beats one followed by any other word.
    """
    verb = VERB_RE.search(before)
    head = before[:verb.start()] if verb else before
    fallback: tuple[_Cue | None, str | None] = (None, None)
    for match in SUBJECT_ANY.finditer(head):
        if not _plausible_subject(match.group("np")) or _after_preposition(head, match.start()):
            continue
        found = _from_match(match, offset, "")
        speaker = _resolve(found, mentions)
        acts = bool(VERBISH.match(head, match.end()))
        opening = not head[:match.start()].strip()  # "Romney went after Trump ..."
        described = re.match(r"(?:the|a|an|who)\s", found.appos or "")  # "Dean, a former ...,"
        if not speaker or not (mentions.is_person(speaker) or described or (opening and acts)):
            continue
        if acts:
            return found, speaker
        if fallback[0] is None:
            fallback = (found, speaker)
    return fallback


def _after_preposition(text: str, pos: int) -> bool:
    """True when the word before ``pos`` is a preposition ("went after Trump")."""
    word = re.search(r"(\w+)\W*$", text[max(0, pos - 20):pos])
    return bool(word) and word.group(1).lower() in PREPOSITIONS  # type: ignore[union-attr]


def _cue_before(before: str, offset: int) -> _Cue | None:
    according = [*ACCORDING.finditer(before), *ASKED_BY.finditer(before),
                 *BEFORE_INVERTED.finditer(before)]
    if according:
        return _from_match(max(according, key=lambda m: m.start()), offset)
    colon = COLON_NAME.search(before)
    if colon:
        group = "np" if colon.group("np") else "np2"
        if _plausible_subject(colon.group(group)):
            cue = colon.group("verb") or colon.group("verb2") or ":"
            return _Cue(colon.group(group), _norm_cue(cue), offset + colon.start(group))
    verbs = list(VERB_RE.finditer(before))
    for verb in reversed(verbs):
        subject = SUBJECT_BEFORE.search(before, 0, verb.start())
        if not subject or not _plausible_subject(subject.group("np")):
            continue
        found = dataclasses.replace(_from_match(subject, offset, _norm_cue(verb.group())),
                                    sentence=offset)
        if not verb.group().endswith("ing"):
            return found
        if subject.group("np")[:1].isupper():
            # "Trump calling it ...": a name before a participle may be its subject; "... on
            # Facebook writing" is not. The caller keeps it only when it names a person.
            return dataclasses.replace(found, weak=True)
    return None


def _colon_intro(text: str, mark: int) -> _Cue | None:
    """A quote opening its paragraph after a paragraph that ends in a colon ("Cruz continued:")."""
    para_start = text.rfind("\n", 0, mark)
    if para_start <= 0 or text[para_start:mark].strip():
        return None
    prev = text[:para_start].rstrip()
    if not prev.endswith(":"):
        return None
    begin = sentence_start(text, max(0, text.rfind("\n", 0, len(prev)) + 1), len(prev))
    return _cue_before(prev[begin:], begin)


def _plausible_subject(np: str) -> bool:
    words = [w.lower().strip(".,") for w in np.split()]
    if words[0] in _PRONOUNS or words[0] in ("they", "we"):
        return True
    if all(w in STOP_WORDS for w in words):
        return False
    return words[0] not in ("it", "this", "that", "there") and not np.endswith(("’s", "'s"))


def _norm_cue(cue: str) -> str:
    return " ".join(cue.lower().split())


def _resolve(found: _Cue, mentions: Mentions, last: tuple[str, int] | None = None) -> str | None:
    """A name for the cue's noun phrase; None when it cannot be named."""
    name = _resolve_phrase(found, mentions, last)
    if name and name.lower() not in _OTHER_PRONOUNS and any(w[:1].isupper() for w in name.split()):
        return name
    return None  # "campaign strategist": a description that names nobody


def _resolve_phrase(found: _Cue, mentions: Mentions, last: tuple[str, int] | None) -> str | None:
    np, low = found.np, found.np.lower()
    if low in _PRONOUNS:
        return mentions.person_for(found.pos, _PRONOUNS[low], last,  # type: ignore[arg-type]
                                   found.sentence)
    if _is_pronoun_phrase(np):
        return None  # "they", "it", "we": groups and things are not named speakers
    np = re.sub(r"\s*\([^()]*\)$", "", np)
    named = DESC_NAME.match(np)
    if named:  # "his friend Mahamat Saleh Oumar": the name that ends the description
        name, _ = split_title(named.group("name"))
        return mentions.unify(name) if name else None
    return _resolve_name(found, re.sub(r"^(?:[Ff]ormer|then-|[Ll]ate)\s+", "", np), mentions)


def _resolve_name(found: _Cue, np: str, mentions: Mentions) -> str | None:
    """A capitalised noun phrase, an appositive name, or else a description."""
    bare = re.sub(r"^(?:[Tt]he)\s+", "", np)
    if bare[:1].isupper() and is_org(bare):
        return bare
    if bare[:1].isupper() and not re.match(r"(?:An?|One|Another)\s", bare):
        # "the House Rep. Paul Ryan": a titled name, even after "the"
        name, titles = split_title(bare)
        if name and (titles or bare == np) and not bare.endswith(("’s", "'s")):
            return mentions.unify(name) if not is_org(name) else name
        np = "the " + bare
    if found.appos and re.fullmatch(NAME, found.appos.strip()):
        name, _ = split_title(found.appos.strip())
        if name:
            return mentions.unify(name)
    return _describe(np, found.pos, mentions)


def _describe(np: str, pos: int, mentions: Mentions) -> str | None:
    """Resolve a description: 'the secretary of state', 'a spokesman for Hillary Clinton'."""
    words = np.split()
    body = [w.lower().strip(".,") for w in words[1:]]
    title_words = {w for w in body if w not in ("former", "then", "the")}
    owned = re.search(r"\b(?:for|of|at|with)\s+(?:the\s+)?[A-Z]", np)
    if any(map(is_title_word, title_words)) and not owned:
        found = mentions.titled(pos, title_words)
        if found:
            return found.name
    owner = re.search(rf"\b(?:for|of|at|with)\s+(?:the\s+)?({NAME})$", np)
    if owner and not is_title_word(owner.group(1).split()[-1]):
        return " ".join(words[1:])
    possessive = re.match(rf"({CAP})['’]s\s", np)
    if possessive:
        return f"{mentions.unify(possessive.group(1))} {words[-1]}"
    return _organisation(words[1:])


def _organisation(rest: list[str]) -> str | None:
    """A description that names an organisation: 'the Daily News', 'the Mexican government'."""
    if not rest or any(w.lower() in STOP_WORDS for w in rest):
        return None  # "With Democratic ...": a sentence opening, not a name
    if all(w[:1].isupper() for w in rest) and not all(map(is_title_word, rest)):
        return " ".join(rest)
    capitalised = [w for w in rest if w[:1].isupper() and not is_title_word(w)]
    return " ".join(rest) if capitalised and rest[-1].lower() in lexicon("org_words") else None
