"""Detokenisation: text distributed as tokens (NLP corpora) back to ordinary prose.

Corpora such as Timeline17, ECB+ and CNN/DailyMail are distributed tokenised, Penn Treebank
style: brackets spelled ``-LRB-``/``-RRB-``, quotes as ``` `` ``` and ``''``, and a space before
every comma, stop and clitic ("Palin 's", "do n't", "$ 1 million"). Left as is, a reader sees
those marks on titles, cards and timelines. ``untokenise`` repairs an article only when it is
*visibly* tokenised (the density of marks that ordinary prose never has), so normal text,
where a stray " ," is a typo and not ours to move, is left byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable

TOKENISED_MIN_MARKS = 3
"""Marks needed before an article counts as tokenised: one or two can be typos ("word ,")."""

SHORT_TEXT_WORDS = 40
"""A text shorter than this needs only one mark: a one-sentence tokenised article ("... toward
BP . ") holds one or two (ECB+ and Timeline17 stubs of 17-35 words)."""

TOKENISED_MIN_DENSITY = 0.02
"""Marks per word above which an article is tokenised. On the real pile (6,119 articles),
tokenised ones (Timeline17, ECB+) hold 0.04-0.27 marks a word (1st percentile 0.043: a comma
or stop every 10-25 words), ordinary ones (PolNeAR, TempEval-3) at most 0.003."""

# Marks ordinary prose never has: a space before , . ; : ! ? ) or a clitic, PTB bracket
# tokens, a space after an opening bracket or a currency sign. Not `` and '': some archives
# (NYT, WSJ) write quotation marks that way in untokenised text (see ``quote_pairs``).
_MARKS = re.compile(r" (?:[,.;:!?)%](?=\s|$)|'(?:s|re|ve|ll|d|m)\b|n't\b)|-[LR][RSC]B-|[($] (?=\w)",
                    re.IGNORECASE)
# Patterns here start with a literal character, not a look-behind: the regex engine can then
# skip to candidate positions instead of testing the look-behind at every character.

SAMPLE_CHARS = 6000
"""Marks are counted in the text's first characters only: tokenisation is a property of the
whole corpus file, visible in any stretch of a few hundred words."""

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]",
             "-LCB-": "{", "-RCB-": "}"}
_BRACKET_TOKEN = re.compile(r"-[LR][RSC]B-")

def _clock(match: re.Match[str]) -> str:
    """" : " between two numbers is a clock time's colon ("1 : 00pm")."""
    return ":" if match.string[match.start() - 1:match.start()].isdigit() else match.group()


def _one_stop(match: re.Match[str]) -> str:
    """".." after an abbreviation is one stop; "..." (an ellipsis) stays."""
    return match.group() if match.string[match.start() - 1:match.start()] == "." else "."


# (pattern, replacement), applied in order to a tokenised text. Each pattern starts with a
# literal character (the cheap way for the regex engine to find candidates).
_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r" (?=n't\b|'(?:s|re|ve|ll|d|m)\b)", re.IGNORECASE), ""),  # "do n't", "it 's"
    (re.compile(r" '(?=[\s,.;:!?]|$)"), "'"),  # "states ' rights", a closing ' quote
    (re.compile(r"`\s*"), "‘"),  # opening single quote
    (re.compile(r" : (?=\d)"), _clock),  # clock times: "1 : 00pm"
    (re.compile(r" (?=[,.;:!?%)\]}”])"), ""),  # space before closing punctuation
    (re.compile(r"([(\[{“$#£€]) +(?=\S)"), r"\1"),  # space after opening marks and currency
    (re.compile(r"\.\.(?=\s|$)"), _one_stop),  # "U.S. ." ends a sentence with one stop
    (re.compile(r" -- "), " — "),  # a dash written as two hyphens
    # A wire's ticker code split at its dot ("(RIG. N)", "(BP . L)"): a sentence splitter
    # would end a sentence inside the brackets and start the next with "N) exploded ...".
    (re.compile(r"\(([A-Z0-9]{1,6})\. ?([A-Z]{1,3})\)"), r"(\1.\2)"),
)

# The tokeniser spells the cent sign out ("¢" -> "cents"). In scraped corpora (Timeline17's
# Guardian and BBC pages) it stands where a list bullet was: a UTF-8 "•" read as cp1252 is
# "â€¢", of which the tokeniser kept the last character ("... tomorrow . cents This article
# was amended ...", "spill cents More than 180 lawsuits filed"). An amount is followed by a
# lower-case word or punctuation ("50 cents a share", "dollars and cents ,"); a bullet opens
# its item (a capital, a digit, a quotation), follows a stop or colon, or stands between two
# lower-case words where no amount is written ("the flow cents but BP warns"). Of the real
# pile's English "cents" tokens this reads 215 as bullets; a sample of 20 read, and every
# one left as an amount, held no bullet ("rose 5 cents Friday" would be an amount: a
# number, then a day or month name).
_CENTS = re.compile(r"(?:^|(?<= ))cents(?= |$)")
_ITEM_OPENER = re.compile(r"[A-Z0-9`“‘\"'(]")
_AFTER_STOP = frozenset({"", ".", ":", ";", "!", "?", "''", "'", "”", "--", "—"})
_NUMBER_WORDS = frozenset((
    "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "thousand", "million", "billion", "few", "several"))
# Words before "cents" in an amount that are not numbers: "dollars and cents", "in cents",
# "U.S./Canadian cents", "the extra cents".
_COUNTING = frozenset((
    "and", "or", "of", "in", "per", "the", "extra", "more", "fewer", "many", "some", "us",
    "u.s.", "states", "canadian", "australian", "euro", "verses", "versus"))
_CALENDAR_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|"
                            r"May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$")
BULLET = "•"
"""What a bullet read as "cents" becomes (``break_bullets`` then starts its item anew)."""


def _bullet(match: re.Match[str]) -> str:
    """A "cents" token that stood for a list bullet as a bullet, an amount's as it is."""
    text, start, end = match.string, match.start(), match.end()
    previous = text[max(0, start - 40):start].rstrip().rsplit(" ", 1)[-1].rsplit("\n", 1)[-1]
    following = text[end + 1:end + 40].split(" ", 1)[0]
    if previous in _AFTER_STOP:
        return BULLET
    amount = previous[:1].isdigit() or previous.lower() in _NUMBER_WORDS
    if not _ITEM_OPENER.match(following):
        # An item in lower case after a word no amount ends with ("... to stem the flow
        # cents but BP warns ...", "... off Alaska cents cancel oil lease sales ...").
        # Both whole words: not the letters of a mangled non-English text ("nh cents n").
        item = (previous.isalpha() and len(previous) >= 3 and following[:1].islower()
                and following.isalpha() and len(following) >= 2)
        return BULLET if item and not amount and previous.lower() not in _COUNTING else (
            match.group())
    return match.group() if amount and _CALENDAR_WORD.match(following) else BULLET


_LIGHT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=\d) : (?=\d)"), ":"),  # clock times: "1 : 00pm"
    (re.compile(r"(\S) ([,.:])(?= |$)"), r"\1\2"),  # a stop or comma set off as a token
)


def is_tokenised(text: str) -> bool:
    """True when ``text`` carries tokenisation marks at a density ordinary prose never has."""
    text = text[:SAMPLE_CHARS]
    marks = sum(1 for _ in _MARKS.finditer(text))
    if not marks:
        return False
    words = text.count(" ") + text.count("\n") + 1
    needed = 1 if words < SHORT_TEXT_WORDS else TOKENISED_MIN_MARKS
    return marks >= needed and marks >= TOKENISED_MIN_DENSITY * words


def detokenise(text: str) -> str:
    """``text`` (known to be tokenised) as prose: brackets, quotes, clitics and spacing."""
    text = _BRACKET_TOKEN.sub(lambda m: _BRACKETS.get(m.group(), m.group()), text)
    if "cents" in text:
        text = _CENTS.sub(_bullet, text)
    # Quotes glued to the words they enclose: plain replacements, the fastest pass.
    for token, mark in (("`` ", "“"), ("``", "“"), (" ''", "”"), ("''", "”")):
        text = text.replace(token, mark)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def unescape_slashes(text: str) -> str:
    r"""``text`` with a JSON-escaped slash ("\/") written plainly (a text rule).

    Archives that stored pages as JSON strings keep the escape: "Reuters\/Libyan TV", "May
    11\/12 - Executives ...", "2-1\/2 year highs" (Timeline17's Reuters pages). Prose never
    writes a backslash before a slash.
    """
    return text.replace("\\/", "/") if "\\/" in text else text


def untokenise(text: str) -> str:
    """``text`` detokenised when it is visibly tokenised, else unchanged (a text rule).

    A text that is not tokenised as a whole may still hold tokenised paragraphs (a page that
    quotes or concatenates a tokenised corpus text after its own prose): those are repaired
    one by one, by the same density test.
    """
    if is_tokenised(text):
        return detokenise(text)
    if _MARKS.search(text) is None:
        return text
    return "\n".join(detokenise(line) if is_tokenised(line) else line
                     for line in text.split("\n"))


# A full stop set off by a space at a sentence's end: before a capital (or an opening mark
# and a capital) or the end of a line. Not a spaced ellipsis (". . ."): the character before
# is not a stop or a space, and no stop follows.
_SPACED_STOP = re.compile(r"([^\s.]) \.(?=[ \t]*(?:\n|$)| [\"“‘(]?[A-Z0-9])")
# A comma set off by a space between two words ("his father , who could come"): a typo or a
# tokeniser's trace in a text too lightly marked for ``untokenise``; no typography writes it.
_SPACED_COMMA = re.compile(r"(?<=\w) ,(?= \w)")


def close_stops(text: str) -> str:
    """``text`` with the space before a sentence-ending stop or a comma removed (a text rule).

    Safe on any text, tokenised or not: no typography sets a full stop or a comma off by a
    space. Text too lightly tokenised for ``untokenise`` (a two-sentence stub, a wire story
    with one stray " , "), and markup removed before a stop ("... 2016</tweet>."), leave them.
    """
    if " ," in text:
        text = _SPACED_COMMA.sub(",", text)
    if " ." not in text:
        return text
    return _SPACED_STOP.sub(r"\1.", text)


# A bullet inside a line, between two items: scraped pages run a list into one line.
_INLINE_BULLET = re.compile(r"(?<=\S) *[•▪■●‣◦] +(?=\S)")
# A bullet opening the text, before its first item.
_FIRST_BULLET = re.compile(r"^[•▪■●‣◦] +")
# A bullet spelt "cents" opening a line before a capital: in a text too short or too bare of
# punctuation to show its tokenisation ("cents Glider pilot parachuted to safety A selection
# of ...", a page of captions), as no line of prose opens so.
_OPENING_CENTS = re.compile(r"^cents (?=[A-Z0-9“\"‘])", re.MULTILINE)


def break_bullets(text: str) -> str:
    """``text`` with each list item run into a line after a bullet on a paragraph of its own.

    A text rule, safe on any text: prose never sets a bullet between two words. A bullet
    opening a line is left to mark its list item (``unwrap`` reads it); one opening the whole
    text, before the first item, goes, and so does a "cents" opening a line before a capital
    (a bullet spelt out in a text too bare to count as tokenised). Any bullet character,
    whether the page wrote it or ``detokenise`` restored it from a "cents" token.
    """
    if text.startswith("cents ") or "\ncents " in text:
        text = _OPENING_CENTS.sub("", text)
    if text.isascii():
        return text
    return _FIRST_BULLET.sub("", _INLINE_BULLET.sub("\n\n", text))


def quote_pairs(text: str) -> str:
    """Typewriter quotation marks as real ones: ``` `` ``` opens (“), ``''`` is a plain ``"``.

    Archives write quotes with two backticks or two apostrophes whether or not the text is
    tokenised; ``''`` opens as well as closes there (NYT), so it becomes the neutral ``"``.
    A text rule, safe on any text (a word never holds two apostrophes in a row).
    """
    if "``" not in text and "''" not in text:
        return text
    return text.replace("``", "“").replace("''", '"')


def detokenise_line(line: str) -> str:
    """``line`` with the spaces tokenisation put before commas, stops and colons removed.

    The light form, safe on any line: used where a single line (a date line) is read whatever
    the article, so it only joins punctuation that cannot belong to a word.
    """
    if " " not in line:
        return line
    for pattern, replacement in _LIGHT_RULES:
        line = pattern.sub(replacement, line)
    return line
