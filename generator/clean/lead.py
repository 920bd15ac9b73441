"""The lead of a page flattened into one paragraph: headline, highlights and dateline glued on.

Pages saved as plain text (Timeline17, some scrapes) lose their line breaks, so the body's
first paragraph starts with the headline, photo captions or highlights and a dateline:
"U.S. official says BP spill fines should go to Gulf NEW ORLEANS | Tue Jun 8, 2010 7:14pm EDT
NEW ORLEANS (Reuters) - The U.S. ...". ``split_lead`` finds the seams and gives back the
headline and the paragraph in pieces: the body starts at the wire dateline ("CITY (Agency) -")
or after a time stamp, and a run-on first sentence is cut where a sentence opener follows a
lower-case word with no stop between ("... end the violence The UN Security Council ...").
Multi-line articles whose first paragraph reads normally are left as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from generator.clean import clause, metadata
from generator.text.entity_tables import ORG_NAMES, STOPWORDS

LEAD_CHARS = 1200
"""How far into the first paragraph seams are looked for: headline, up to five highlights and
a dateline take 200-1000 characters in the Timeline17 pages (CNN's highlights the longest)."""

GLUED_MIN_WORDS = 30
"""A first sentence is searched for glued seams only when it runs at least this long: a
headline plus a caption plus a first sentence run 40-80 words, while a normal first sentence
that names a film ("the movie The Godfather") is shorter and not cut."""

PIECE_MIN_WORDS = 3
"""Pieces shorter than this are not split off (a seam that close is more likely a name)."""

_OPENERS = frozenset(
    line.strip() for line in resources.files("generator.resources").joinpath(
        "sentence_openers.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#"))

# "NEW ORLEANS (Reuters) - ", "Tripoli, Libya (CNN) -- ", "TRENTON, N.J. (AP) — ", "MOSCOW
# (AP)_ ": a wire dateline, the agency a few capitalised words in brackets followed by a dash
# (an underscore stands for one in some wire archives).
_WIRE = re.compile(r"\((?:[A-Z][\w&.'-]*)(?: [A-Z][\w&.'-]*){0,2} ?\) ?(?:--|[-—–_]) ?")
# An upper-case place: "NEW ORLEANS", "O'SMACH", "SHARM EL-SHEIKH", "CHICAGO/MEMPHIS" (some
# archives escape the slash as "\/").
_CAPS_PLACE = r"[A-Z][A-Z.'’\\/-]+(?: [A-Z][A-Z.'’\\/-]+)*"
# Its state or country, and the day the wire gives: ", Libya", ", Tenn., May 10".
_PLACE_PARTS = r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)*"
_DAY_NAME = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
_WEEKDAY = rf"{_DAY_NAME}\.?,?"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
_ZONE = r"(?-i:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|JST|ET)"
_DATE_TOKEN = rf"(?:\d{{1,4}}|(?:{metadata.MONTH_ALT})[a-z]*|{_DAY_NAME})\.?,?"
_STAMP = re.compile(
    rf"(?:{metadata.DATE}|{_WEEKDAY})[;,]?\s+(?:at\s+)?{_CLOCK}(?:\s+(?-i:[A-Z]{{2,4}})\b)?"
    rf"|\b(?:{_DATE_TOKEN}\s+){{1,4}}{_CLOCK}\s+{_ZONE}\b", re.IGNORECASE)
"""A date or weekday with a clock time ("Tue Jun 8, 2010 7:14pm EDT", "Thu 11:20 pm GMT"),
or date numbers with a clock and a time zone ("09 February 12 16:07 GMT", "2009 05 3 08:53
JST"): prose never writes these, page stamps always do."""

# An upper-case place and a bar before a stamp ("NEW ORLEANS | ", "RAS LANUF, Libya | ").
_PLACE_BAR = re.compile(rf"(?:\b{_CAPS_PLACE}{_PLACE_PARTS},? )?\|\s*$")
_DATELINE_DATE = rf"(?:,? (?i:{metadata.MONTH_ALT})[a-z]*\.? \d{{1,2}})?"
_PLACE_TAIL = re.compile(
    rf"(?:^|\s){_CAPS_PLACE}{_PLACE_PARTS}{_DATELINE_DATE},? ?$"
    rf"|(?:^|\s)[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z][A-Za-z.]+)+{_DATELINE_DATE} ?$")
"""A place before a wire dateline: upper case ("NEW ORLEANS", "TRENTON, N.J.", "ZAWIYAH,
Libya, Aug 18", "CAMBRIDGE, Mass., Dec. 11", "CAPE TOWN, South Africa") or "City, Country"
("Tripoli, Libya"), with the day the wire gives."""
# A dateline with no agency opening a paragraph: "WASHINGTON _ ", "NEW YORK — ", "BOCA RATON,
# Fla. -- ", "SENDAI, Japan — ": an upper-case place, then a dash before a capital.
PLACE_DASH = re.compile(rf"{_CAPS_PLACE}{_PLACE_PARTS}{_DATELINE_DATE} (?:--|[-—–_]) ?"
                        r"(?=[A-Z“\"‘])")
# A byline between the headline and the dateline: "... jump By Karl Plume and John Branston".
_BYLINE_TAIL = re.compile(r"(?:^|\s)By(?: [A-Z][\w.'’-]*){1,3}(?:(?:,| and)(?: [A-Z][\w.'’-]*)"
                          r"{1,3})*$")
# A staff byline in the lead: "By the CNN Wire Staff ", "From the CNN Wire Staff ", "By Times
# Staff Writer ", "By Reuters Staff | ". It ends at "Staff" (and its title), so the headline
# before or after it is found; a byline of names has no such end and is left to ``_headline``.
_STAFF_BYLINE = re.compile(r"(?:^|\s)(?:By|From)\s+(?:the\s+)?(?:[A-Z][\w.'’&-]*\s+){1,4}?"
                          r"Staff(?:\s+(?:Writers?|Reporters?|Correspondents?))?\b[\s|:,-]*")
# A teaser's link label run into the lead: "Helicopter crashes into crane . Full Article Egypt
# orders cull of pig herds CAIRO | Wed Apr 29 ...": what stands before it is another story's
# teaser, the page's own headline follows it. Looked for before the dateline only, and not
# "Read more", which often follows a page's own first paragraph.
_LINK_LABEL = re.compile(r"(?:^|\s)(?:Read\s+)?Full\s+(?:Article|Story)(?:\s*[»›>]+)?\s+"
                         r"(?=[A-Z\"“‘'])")
# A picture's credit between the headline and the dateline: "... as turmoil spreads Credit :
# Reuters\/Libyan TV via REUTERS TV" (before the dateline there is nothing after it).
_CREDIT_TAIL = re.compile(r"\s(?:(?:Photo(?:graph)?|Picture|Image)\s+)?Credit\s*:.*$")
# A live story's update labels ("NEW:", "UPDATE:"), which ``stamps`` takes out of the text.
LIVE_LABELS = ("NEW", "UPDATE", "UPDATED", "BREAKING")
# Such a label, or "LATEST:", glued after a headline: "ElBaradei: Egypt is not stable NEW:
# Vice President Biden says ...": the headline ends before it.
_HIGHLIGHT_LABEL = re.compile(rf"(?:^|\s)(?:{'|'.join(LIVE_LABELS)}|LATEST):\s")
# A picture's credit before the dateline: "Credit: Reuters/Jane Roe/Handout".
_CREDIT_LINE = re.compile(r"(?i:(?:photo(?:graph)?|picture|image)(?: credit)?|credit)s?\s*:")
# A news picture's caption: a sentence ending with the day the picture was taken, written
# with no "on" before it ("Cameron leaves Downing Street in London August 12, 2011."): prose
# writes "on August 12"; captions of agency pictures never do.
_PICTURE_DAY = re.compile(rf"(?<!\bon )(?<!\bOn )\b(?:{metadata.MONTH_ALT})\.? \d{{1,2}}, "
                          r"\d{4}\.$", re.IGNORECASE)
# A full stop after a lower-case word, then a capital: a sentence ends inside (not "U.S. ").
_INNER_STOP = re.compile(r"[a-z]{2}[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]")
# A quotation closed at the end of a headline ("Pre-spill tests ‘showed cement flaw' The
# blowout ..."): the seam is after it, as after a bare word. A stop inside the quotation
# ("... flaw.' The") still ends the sentence there, so is no glued seam.
_CLOSING_QUOTES = "'’\"”"
COMMON_RATIO = 2
"""A word the text writes in lower case more than this many times as often as capitalised
is a common word there: "cement" 11 times to one "Cement" (at a seam) in a BBC page of the
real pile, while a name written once in lower case is capitalised many more times."""

# A word in lower case, and capitalised (three letters or more, not inside a hyphenated or
# quoted word).
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}\b(?![’'-])")
_CAPITAL_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,}\b(?![’'-])")
# Words after which a capital is a title or name ("of Cement", "the Coast"), never a seam.
FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or",
     "as", "than", "that", "said", "says", "told"])
_CLOCK_HINT = re.compile(r"\d[:.]\d\d")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s")


@dataclass(frozen=True, slots=True)
class Lead:
    """What ``split_lead`` found: the headline (if any) and the paragraph's pieces."""

    headline: str | None
    pieces: tuple[str, ...]


def split_lead(paragraph: str) -> Lead:
    """The headline and the pieces of a first paragraph with its page furniture glued on."""
    byline = _STAFF_BYLINE.search(paragraph, 0, LEAD_CHARS)
    if byline is not None:
        # Only a headline stands before a byline: what follows is the page's own lead.
        before, paragraph = paragraph[:byline.start()].strip(), paragraph[byline.end():]
        found = split_lead(paragraph)
        if not before:
            return found
        return Lead(_headline(before) or found.headline, (before, *found.pieces))
    head, body = _split_at_dateline(paragraph)
    if head is None:
        pieces = glued_pieces(paragraph)
        if len(pieces) < 2:
            return Lead(None, (paragraph,))
        return Lead(_headline(pieces[0]), tuple(pieces))
    head = _CREDIT_TAIL.sub("", _BYLINE_TAIL.sub("", _after_teasers(head))) if head else head
    parts = [p for p in glued_pieces(head) if p and not _PICTURE_DAY.search(p)
             and not _CREDIT_LINE.match(p)] if head else []
    headline = _headline(parts[0]) if parts else None
    return Lead(headline, tuple([*parts, body] if body else parts))


def _after_teasers(head: str) -> str:
    """What stands before the dateline, from after its last teaser link label (``_LINK_LABEL``).

    Only before a dateline: there a label is the page's furniture, not its prose.
    """
    labels = list(_LINK_LABEL.finditer(head))
    return head[labels[-1].end():] if labels else head


def strip_dateline(paragraph: str) -> str | None:
    """``paragraph`` without a leading wire dateline ("HAVANA (AP) -- ..."), or None.

    None when it has none; "" when the paragraph is only a dateline.
    """
    wire = _WIRE.search(paragraph, 0, LEAD_CHARS) if "(" in paragraph[:LEAD_CHARS] else None
    if wire is None or _PLACE_TAIL.sub("", paragraph[:wire.start()]).strip():
        place = place_dash(paragraph)
        return paragraph[place:].strip() if place else None
    return paragraph[wire.end():].strip()


def place_dash(paragraph: str) -> int:
    """Where the body starts after a dateline with no agency ("WASHINGTON _ "), or 0.

    A single upper-case word must be a place, not an organisation's acronym ("NASA — The").
    """
    match = PLACE_DASH.match(paragraph)
    return match.end() if match is not None and names_place(match.group()) else 0


def names_place(dateline: str) -> bool:
    """Whether a ``PLACE_DASH`` match names a place, not an organisation ("NASA — ")."""
    place = dateline.split(",", 1)[0].strip(" -—–_")
    return " " in place or place.lower() not in ORG_NAMES | STOPWORDS  # not "BUT - "


def _split_at_dateline(paragraph: str) -> tuple[str | None, str]:
    """(what stands before the body, the body) at a wire dateline or a page stamp."""
    zone = paragraph[:LEAD_CHARS]
    # Cheap tests first: a wire dateline has a bracket, a stamp a clock time.
    wire = _WIRE.search(zone) if "(" in zone else None
    stamp = _STAMP.search(zone) if wire is None and _CLOCK_HINT.search(zone) else None
    if wire is None and stamp is None:
        place = place_dash(paragraph)
        return ("", paragraph[place:].strip()) if place else (None, paragraph)
    if wire is not None:
        before = _PLACE_TAIL.sub("", _strip_stamps(paragraph[:wire.start()]))
        end = wire.end()
    else:
        assert stamp is not None
        before, end = _strip_stamps(paragraph[:stamp.start()]), stamp.end()
    before = _PLACE_BAR.sub("", before).strip(" |-—–")
    return before, paragraph[end:].strip()


def _strip_stamps(text: str) -> str:
    """``text`` without its time stamps and the upper-case places before them."""
    while (stamp := _STAMP.search(text)) is not None:
        text = _PLACE_BAR.sub("", text[:stamp.start()]).rstrip() + " " + text[stamp.end():]
    return text.strip()


def glued_pieces(text: str) -> list[str]:
    """``text`` cut at the seams of its first sentence, when that sentence is a run-on."""
    end = _SENTENCE_END.search(text)
    first = text[: end.start() + 1] if end else text
    words = first.split(" ")
    if len(words) < GLUED_MIN_WORDS:
        return [text]
    common = common_words(text)
    cuts = [i for i in range(PIECE_MIN_WORDS, len(words) - PIECE_MIN_WORDS + 1)
            if is_seam(words, i, common)]
    pieces, start = [], 0
    for cut in cuts:
        if cut - start >= PIECE_MIN_WORDS:
            pieces.append(" ".join(words[start:cut]))
            start = cut
    rest = " ".join(words[start:])
    return [*pieces, (rest + text[len(first):]).strip()]


def common_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case more often than capitalised (COMMON_RATIO).

    Its common nouns, verbs and adjectives ("cement", "workers"); not the names it once
    writes in lower case (a reader's comment's "pakistan", a web address's "gulf").
    """
    lower = Counter(_LOWER_WORD.findall(text))
    capital = Counter(_CAPITAL_WORD.findall(text))
    return frozenset(w for w, n in lower.items() if n > COMMON_RATIO * capital[w.capitalize()])


def is_seam(words: list[str], i: int, common: frozenset[str] = frozenset()) -> bool:
    """True when a sentence starts at word ``i`` with no stop before it.

    Args:
        words: the text's words (split at single spaces).
        i: the word tested.
        common: words the whole text writes in lower case (``common_words``), if known.
    """
    if _doubled(words, i):
        return True
    if words[i] not in _OPENERS and not _common_opener(words, i, common):
        return False
    previous, before = words[i - 1].rstrip(_CLOSING_QUOTES), words[i - 2]
    if not previous or not previous[-1].isalnum():
        return False  # a comma, colon, dash or stop: not a glued seam
    # Two capitalised words before it: a Title Case headline ("Obama Says The Deal ..."),
    # not a seam; one name after a lower-case word ("... northern Syria The UN") is.
    return not (previous[0].isupper() and before[:1].isupper())


def _doubled(words: list[str], i: int) -> bool:
    """A capitalised word written twice, the second opening a sentence glued on.

    A headline or caption ending with the word the next sentence starts with ("... the first
    between the president and BP BP executives have met ..."): the second copy is followed by
    a lower-case word, and the text names the word alone before. A name that is doubled
    ("Sirhan Sirhan was", "Miu Miu dresses") is written doubled where it first appears.
    """
    word = words[i]
    if not (word[:1].isupper() and words[i - 1] == word and i + 1 < len(words)
            and words[i + 1][:1].islower()):
        return False
    return any(words[j] == word and (j == 0 or words[j - 1] != word) and words[j + 1] != word
               for j in range(i - 1))


def _common_opener(words: list[str], i: int, common: frozenset[str]) -> bool:
    """A word the text writes in lower case elsewhere, capitalised between lower-case words.

    A sentence start ("... that killed 11 workers Cement used to seal the well ..."), where a
    name ("said President Obama") or a title ("the Gulf Coast") is not.
    """
    word, previous = words[i], words[i - 1].rstrip(_CLOSING_QUOTES)
    if not (common and i + 1 < len(words) and word[:1].isupper() and word[1:].islower()):
        return False
    return (word.lower() in common and words[i + 1][:1].islower()
            and previous[:1].islower() and previous.lower() not in FUNCTION_WORDS)


def has_glued_sentence(text: str) -> bool:
    """Whether a sentence starts inside ``text`` with no stop before it, plainly.

    A seam (``is_seam``) whose opener is followed by a lower-case word ("... charged with
    manslaughter The superstar died ..."): anywhere in a text, not only in a long lead, an
    opener before a capital is mostly a name ("told The New York Times").
    """
    words = text.split(" ")
    return any(words[i + 1][:1].islower() and is_seam(words, i)
               for i in range(PIECE_MIN_WORDS, len(words) - 1))


def _headline(piece: str) -> str | None:
    """``piece`` when it reads as a headline (a few words, no closing stop), else None."""
    piece = next((p for p in _HIGHLIGHT_LABEL.split(piece.strip(), maxsplit=2) if p), "")
    if piece.startswith("By "):
        return None  # a byline glued before the headline
    if len(piece.split()) > clause.MAX_WORDS or _INNER_STOP.search(piece):
        return None  # a caption or a sentence run into it: no headline to trust
    return piece if metadata.looks_like_headline(piece) else None
