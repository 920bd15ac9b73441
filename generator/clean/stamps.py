"""Page stamps inside the text: comment and post stamps, bylines with a bar, wire datelines.

Scraped blog and comment pages flatten their furniture into the text: "Posted by: name |
June 14, 2010 3:08 PM | Report abuse" (a reader comment's stamp: the comments after it go
too), "July 27, 2010 - 12:48 PM | by: Jane Doe", "By Jane
Doe, CNN | ", "| From Jane Doe, CNN", a "Yes | No" poll, inline markup ("<tweet ...>"),
wire datelines opening a later paragraph's sentence ("... in office. Aug 27 (Reuters) -
Democrat ...", "... said. NEW YORK _ A woman ..."), picture credits ("Photograph: Jane Roe/AP",
"(AP Photo/Jane Roe)"), an embedded post's signature run into a paragraph ("... — Jane Roe
(@jroe) May 2, 2016") and a live blog's bulletin times ("(8:25 p.m. Saturday) Crews began
..."); a list of related videos run into the last paragraph, each caption followed by its
stamp ("... civil war. updated: Sat Mar 19 2011 04:01:00"), goes from its first caption on.
None of it is prose: it shows up on cards and timeline entries as datelines.
``strip_stamps`` takes it out wherever it stands (the stamp, never the sentence around it,
but for the reader comments that follow a comment stamp),
paragraph by paragraph after the lead was split (``lead`` reads the first paragraphs'
datelines to find the headline); a paragraph with no bar, bracket or angle bracket is
returned untouched after three substring tests.
"""

from __future__ import annotations

import re

from generator.clean import lead
from generator.clean.tokens import close_stops

_CLOCK = r"\d{1,2}:\d\d\s*[AaPp]\.?[Mm]\.?"
_DATE = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})"
_NAME = r"[A-Z][\w.'’-]*"

# Each is a kind of stamp; they are tried in this order over the whole text.
_STAMPS = (
    # A comment or post stamp: "Posted by: name | [date] [time] | Report abuse", "Posted by
    # name at 10:37 AM | Comments (4) | Permalink".
    re.compile(r"\bPosted by:?\s+[^|\n]{1,60}?(?:\s*\|[^|\n]{0,40}?)*\s*\|\s*"
               r"(?:Report abuse|Permalink)\b"),
    re.compile(rf"\bPosted by:?\s+[^|\n]{{1,40}}?\s+at\s+{_CLOCK}(?:\s*\|[^|\n]{{0,20}}?)*"
               r"\s*\|\s*(?:Report abuse|Permalink)\b"),
    # A blog post's stamp and byline: "July 27, 2010 - 12:48 PM | by: Jane Doe".
    re.compile(rf"{_DATE}\s*[-—–]?\s*{_CLOCK}\s*\|\s*by:?\s+{_NAME}(?:\s{_NAME})?"),
    # A live blog's: "Jane Doe | 09:26 UK time, Friday, 11 June 2010".
    re.compile(rf"(?:{_NAME}\s){{0,2}}{_NAME}\s*\|\s*\d{{1,2}}:\d\d\s+(?:[A-Z]{{2,4}}\s+)?"
               r"time,\s+[A-Z][a-z]+day,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"),
    # A byline ending at a bar: "By Jane Doe, CNN | ", "By John Roe, Special to CNN | ".
    re.compile(r"(?:^|(?<=[.!?”\"]\s))By\s+[A-Z][^|.!?]{2,50}\|\s*"),
    # Markup a corpus left inline ("<tweet author=\"@x\" tweet-date=\" \">", "</tweet>"): a tag
    # with attributes in quotes, or a closing tag, is never prose.
    re.compile(r"</?[a-z][\w-]*(?:\s+[\w-]+=\"[^\"<>]*\")+\s*/?>|</[a-z][\w-]*>|<[a-z][\w-]*/>"),
    # A live blog's bulletin time in brackets opening a sentence: "(8:25 p.m. Saturday, 9:25
    # a.m. Sunday in Tokyo) Forces have begun ...". A time in brackets inside a sentence stays.
    re.compile(rf"(?:(?<=[.!?”\"]\s)|^)\({_CLOCK}[^()]{{0,60}}\)\s?(?=[A-Z“\"])"),
    # A caption's credit after a bar: "| From Jane Doe, CNN ", "| By Jane Doe, CNN ".
    re.compile(r"(?:^|\|)\s*(?:By|From)\s+(?:[A-Z][\w.'’-]*\s){1,3}?[A-Z][\w.'’-]*,\s+"
               r"(?:Special to\s+)?[A-Z]{2,}\b\s*"),
    # A poll or feedback widget.
    re.compile(r"\b(?i:yes)\s*\|\s*(?i:no)\b"),
    # A wire dateline opening a sentence past the lead: "Aug 27 (Reuters) - ",
    # "NEW YORK (CNN) -- ".
    re.compile(r"(?:(?<=[.!?”\"]\s)|^)(?:[A-Z][\w.,'’]*(?:\s[A-Z0-9][\w.,'’]*){0,4}\s)?"
               r"\((?:Reuters|AP|AFP|CNN|UPI|dpa|Xinhua|Bloomberg)\)\s?(?:--|[-—–_])\s?"),
)
_HINTS = ("|", "(", "<")
# A live story's update label before a highlight or a sentence: "NEW: Ban says further steps
# on Libya may be necessary", "... oil town of Ras Lanuf NEW: Government spokesman ...". The
# label says when the line was added to the page, not what happened; a sentence of prose never
# writes the word in capitals before a colon.
_LIVE_LABELS = tuple(f"{label}:" for label in lead.LIVE_LABELS)
_LIVE_LABEL = re.compile(rf"(?:^|\s+)(?:{'|'.join(lead.LIVE_LABELS)}):\s+(?=[A-Z0-9“\"‘'])")
# An embedded post's signature run into the paragraph: "... 30th.— Apple Music (@AppleMusic)
# September 27, 2016." (one on a line of its own is ``page_blocks``' work, with the post above
# it).
_SIGNATURE = re.compile(r"(?<=\S)\s*[—–]\s*(?:[A-Z][\w.'’&-]*\s){0,4}?[A-Z][\w.'’&-]*\s*"
                        rf"\(@\w{{1,30}}\)(?:\s*{_DATE}\.?)?")
# A picture credit inside a paragraph: "Photograph: Gerry Broome/AP", "Photo credit: Spencer
# Platt/Getty Images", "Credit: Reuters/Jane Roe/Handout", "REUTERS/Chris Helgren" (some
# archives escape the slash as "\/"), and a credit in brackets: "(Photo: Jane Roe)", "(AP
# Photo/Evan Vucci)", "(Getty Images)" inside a paragraph. A credit names its agency after a
# slash, so the words after it are prose again.
_CREDIT_WORD = r"[A-Z][\w.'’-]*"
_SLASH = r"\s?\\?/\s?"
_CREDITS = (
    # "Photograph: Jane Roe/AP": every part but the last runs to its slash; the last is one
    # word ("Getty Images" two), so what follows it is prose again.
    ((("/",), ("hoto", "HOTO", "icture", "redit", "mage")), re.compile(
        r"\b(?i:photograph|photo credit|photo|picture|image|credit)s?\s*:\s*"
        rf"(?:(?:(?:{_CREDIT_WORD}|of|the|and|de)\s){{0,6}}{_CREDIT_WORD}{_SLASH})+"
        rf"{_CREDIT_WORD}(?:\sImages\b)?\s?")),
    # "REUTERS/Jane Roe": an agency in capitals, then the photographer's two names.
    ((("/",), ("REUTERS", "AFP", "EPA")), re.compile(
        rf"\b(?:REUTERS|AFP|EPA){_SLASH}{_CREDIT_WORD}\s{_CREDIT_WORD}\s?")),
    # A caption after its label: "PHOTO: A guard sits in the empty stadium." (a label, then a
    # sentence describing the picture, to its stop).
    ((("hoto", "HOTO", "icture", "mage"),), re.compile(
        r"\b(?:PHOTO|Photo|Picture|Image)\s*:\s*(?:A|An|The)\s[^.!?]{0,300}[.!?](?=\s|$)\s?")),
    # A credit in brackets; one ending its line ends a caption, which ``page_blocks`` drops.
    ((("(",), ("Photo", "Picture", "Image", "Getty", "/")), re.compile(
        r"\((?:[^()]{0,40}\b(?:Photo|Photograph|Picture|Image)s?\b[^()]{0,60}"
        r"|[^()]{0,60}(?:Getty Images|\\?/(?:Getty|Reuters|AP|AFP|EPA)\b[^()]{0,30}))\)"
        r"(?!\s*$)")),
)
# A reader comment's stamp: "Posted by: name | June 14, 2010 3:08 PM | Report abuse", "January
# 27, 2011 at 7:59 pm | Report abuse |", "At 11:34 pm | Report abuse", and a full date at a
# clock time before a bar whatever follows, after a sentence ("... everyone else. March 21,
# 2011 at 5:06 pm | Our government says ...", "... | Reply"): 83 pages of the real pile carry
# 3,935 such stamps. Not at a paragraph's start, where a blog post's own stamp stands ("June
# 14, 2010 at 3:08 pm | The spill ..."). Comments follow the article, each with its stamp, so
# the first stamp ends the article's part of the paragraph.
_COMMENT = re.compile(
    rf"(?:\bPosted by:?\s+[^|\n]{{1,60}}?\s*(?:\|[^|\n]{{0,40}}?)*"
    rf"|(?:{_DATE}\s+)?(?:(?i:at)\s+)?(?:{_CLOCK})?\s*)\|\s*Report abuse\b"
    rf"|(?<=[.!?”\"]\s){_DATE}\s+(?i:at)\s+{_CLOCK}\s*\|")
# A dateline with no agency opening a sentence past the lead: "... detectives said. NEW YORK _
# A Brooklyn woman ...", "... SENDAI, Japan — Nearly a million ...".
_PLACE_DASH = re.compile(rf"(?<=[.!?”\"]\s){lead.PLACE_DASH.pattern}")
_DASH_HINTS = (" _ ", " -- ", " — ", " – ", " - ")


# A video teaser's stamp: "... civil war. updated: Sat Mar 19 2011 04:01:00 A Libyan ...". A
# page's list of related videos (a one-sentence caption, then its stamp, again and again) is
# flattened into the article's last paragraph; the caption before the first stamp opens it.
_TEASER = re.compile(
    r"\b[Uu]pdated\s?:\s?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s+"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4},?\s+\d{1,2}:\d\d(?::\d\d)?")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s")


def teaser_cut(line: str) -> str:
    """``line`` up to the related-video list run into it (``_TEASER``), or whole.

    A list has two stamps or more; a lone stamp (the page's own "updated") goes alone.
    """
    found = list(_TEASER.finditer(line)) if "pdated" in line else []
    if not found:
        return line
    if len(found) < 2:
        return close_stops(re.sub(r"\s{2,}", " ", _TEASER.sub(" ", line)).strip())
    stamp = found[0]
    before = line[:stamp.start()].rstrip()
    ends = [m.end() for m in _SENTENCE_END.finditer(before[:-1])]
    return before[:ends[-1]].rstrip() if ends else ""


def _unless_organisation(match: re.Match[str]) -> str:
    """Nothing for a place's dateline; an organisation's acronym ("NATO — The") stays."""
    return "" if lead.names_place(match.group()) else match.group()


def comment_tail(line: str) -> str:
    """The reader comments ``strip_stamps`` cuts off ``line`` ("" when it has none).

    They are no text of the article, but a publication's footer that follows them is
    recurring text still: the corpus-level passes count it (``clean.prepare``).
    """
    comment = _COMMENT.search(line) if "|" in line else None
    return line[comment.start():] if comment else ""


def _label_to_stop(match: re.Match[str]) -> str:
    """A live label goes; one glued after a word ends that sentence (it was the seam)."""
    if match.start() == 0:
        return ""
    return " " if match.string[match.start() - 1] in ".!?:;”\"" else ". "


def strip_stamps(line: str) -> str:
    """``line`` (one paragraph) without the page stamps of the module docstring."""
    line = teaser_cut(line)
    if any(hint in line for hint in _DASH_HINTS):
        line = _PLACE_DASH.sub(_unless_organisation, line)
    for needs, credit in _CREDITS:  # each group of hints needs one of its words in the line
        if all(any(hint in line for hint in hints) for hints in needs):
            stripped = credit.sub(" ", line)
            if len(stripped) != len(line):
                line = close_stops(re.sub(r"\s{2,}", " ", stripped).strip())
    if ":" in line and any(label in line for label in _LIVE_LABELS):
        line = _LIVE_LABEL.sub(_label_to_stop, line)
    if not any(hint in line for hint in _HINTS):
        return line
    if "|" in line and (comment := _COMMENT.search(line)):
        line = line[:comment.start()]
    for stamp in _STAMPS:
        line = stamp.sub(" ", line)
    if "(@" in line:
        line = _SIGNATURE.sub(" ", line)
    # A tag taken out before a stop ("... 2016</tweet>.") leaves the stop set off by a space.
    return close_stops(re.sub(r"\s{2,}", " ", line).strip())
