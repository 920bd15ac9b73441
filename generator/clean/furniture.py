"""Page furniture inside a paragraph of prose: list introductions and video or picture teasers.

Pages saved as plain text (Timeline17, some scrapes) lose their layout, so what stood apart on
the page runs into the prose: the sentence that introduced a list ("Below is a timeline of
the spill and its impact:") runs into the list's first item, and the line under a video or a
picture ("Live video of BP oil spill in the Gulf of Mexico.") becomes a sentence of the body.
Neither is something that happened nor a summary of it. ``split_list_intro`` puts a list
introduction on a line of its own (nothing is dropped: the list is the article's content);
``strip_teasers`` drops the teaser sentences of a line. ``introduces_list`` and ``is_teaser``
are the tests, used again by ``story`` for the sentences it shows.
"""

from __future__ import annotations

import re

from generator.clean import metadata
from generator.text import sentences

# A sentence pointing forward to a list or an excerpt laid out below it: "Below is a
# timeline of ...:", "Here are some facts about ...:", "Here's what the government has done
# so far:", "Following are some of the major ...:", "... include the following:". "Following
# the attack, ..." is a sentence of prose (a preposition), so only "Following is/are" counts.
# On the real pile, 140 sentences open like this; the colon ends the pointing part.
_POINTER = (r"(?:Here(?:'s|’s| s| is| are)|Below(?:,? (?:is|are|we))|(?:The )?[Ff]ollowing"
            r" (?:is|are)|Listed below (?:is|are))\b")
_SENTENCE_START = r"(?:^|(?<=[.!?])[\"'”’)]? )"
# The colon: not one between digits ("at 4:00").
_INTRO = re.compile(rf"{_SENTENCE_START}{_POINTER}[^.!?:]{{0,200}}(?<!\d):+"
                    r"|\b(?:the following|as follows)\b[^.!?:]{0,40}:+")
# A sentence opening with the pointer, whatever ends it ("Below is a timeline of the spill
# and its impact." before a list of its own lines): it says where to look, not what happened.
_POINTING = re.compile(rf"{_SENTENCE_START}{_POINTER}")
# What follows an introduction when a list or excerpt was run into it: a bullet, a capital
# or a number (a date, an item). A quotation after the colon stays where it is, so that a
# speaker introduced with it ("Here's Clinton: “...”") stays beside the words.
_LIST_AFTER = re.compile(r"\s*(?:(?:[-–—•]|\\?\*)\s+)?(?=[A-Z0-9])")

# A teaser of a video or pictures, or a picture's caption, as a sentence of its own: a label
# ("Photo: ...", "Video Transcript:", "Gallery: ..."), a promotion ("Live video of the spill.",
# "Watch AC360 at 8 & 10 p.m. ET."; not "Watch out ...") or a caption ("Video depicting
# women ...", "Photo of a waiter serving drinks ..."). Calibrated on the real pile (all its
# 6,119 texts): these shapes find the 8 teasers in its summaries, chapter titles and entries.
_MEDIA = r"(?:[Vv]ideos?|[Pp]hotos?|[Pp]ictures|[Ii]mages|[Gg]allery|[Ss]lideshow|[Ff]ootage|Audio)"
_LABEL = re.compile(rf"^(?:In )?{_MEDIA}(?: [\w’']+){{0,2}} ?:(?=\s|$)")
_PROMOTION = re.compile(rf"^(?:Live|Raw|Exclusive|More|Latest|Breaking) {_MEDIA.lower()}\b"
                        r"|^Watch(?::| (?!out\b)(?:the|a|an|our|live|more|this|it|[A-Z“\"])\b)")
_CAPTION = re.compile(rf"^{_MEDIA} (?:of|from|depicting|showing|taken|uncovered|shot)\b")
# A verb of its own makes a promotion or a caption news about a video ("Video of the raid was
# released on Monday.", "Live video of the leak has been available online.", "Video taken
# by a passenger caught the collision as it unfolded."): an auxiliary, a verb a medium is the
# subject of, or a past tense ("-ed" not before "by", which is a caption's participle).
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shows?|"
    r"showed|appears?|became|caught|went|spread|drew|feature[sd]?)\b"
    r"|(?<![\w-])[a-z]+ed\b(?! by\b)")
TEASER_MAX_WORDS = 30
"""A promotion is a line beside a video; a longer sentence is prose about one."""
CAPTION_MAX_WORDS = 12
"""A caption or label of the shapes of ``_CAPTION`` and ``_LABEL`` runs 2-11 words on the real
pile; a longer sentence opening so is prose ("Footage of the star's rehearsals became part of
a documentary ...") or a label run into prose ("Photo: Jane Roe The airport is filling ...")."""
# Capitalised media words, a cheap test before a line is split into sentences.
_HINT = re.compile(r"\b(?:Live|Watch|Raw|Exclusive|More|Latest|Breaking|Videos?|Photos?|"
                   r"Pictures|Images|Gallery|Slideshow|Footage|Audio)\b")


# The heading of a wire's running roundup: a date, then the story's day count ("Events May
# 4, Day 15 of a Gulf of Mexico oil spill that began ...", "A summary of events on Sunday,
# June 13, Day 54 of the ... spill"), opened at most by a roundup's label. It names the
# story, not a happening; prose that counts days has a verb of its own ("Day 11 of the
# uprising was jubilant", "On Day 53 of the spill, officials said ..."). On the real pile 9
# sentences open so, all roundup headings (a Fox News wire roundup).
_ROUNDUP_LABEL = (r"(?:(?:A )?(?:[Ss]ummary|[Rr]oundup|[Tt]imeline|[Ll]ook) of (?:the )?events"
                  r"|(?:Key )?[Ee]vents|Highlights|Latest)(?: on)?")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? "
_ROUNDUP = re.compile(rf"^(?:{_ROUNDUP_LABEL} )?(?:{_WEEKDAY})?(?i:{metadata.MONTH_ALT})[a-z]*\.? "
                      r"\d{1,2}(?:, \d{4})?, [Dd]ay \d+ of\b")

# A live roundup's heading: "The Latest on the race for the White House (all times local):",
# "The Latest on the death of Muhammad Ali (all times EDT):". The bracket says it heads a list
# of timed posts; on the real pile the 10 sentences of this shape are all such headings.
_LIVE_HEADING = re.compile(r"^The Latest\b.{3,200}\((?:all )?times? (?:are )?[\w ]{1,40}\):?$")

_DAY_COUNT = re.compile(r", [Dd]ay \d")

# A wire photo's caption: "[date:] (In) this [date, file, handout ...] image/photo/picture"
# followed by how it was made or what it shows ("taken from video provided by BP", "released
# by the White House", "shows", a comma). Not "This picture of ..." (a figure of speech: "This
# picture of a narrow, sectarian base ..."). On the real pile (249,743 sentences, tokenised
# texts restored) the shape finds 15, all captions when read; two "This picture of ..."
# sentences of prose are left out.
_CAPTION_DATE = rf"(?:(?i:{metadata.MONTH_ALT})[a-z]*\.? \d{{1,2}}, \d{{4}}|\d{{4}})"
_WIRE_CAPTION = re.compile(
    rf"^(?:{_CAPTION_DATE}: )?(?:In )?[Tt]his (?:(?:{_CAPTION_DATE}|undated|handout|file|aerial|"
    r"video|still|satellite|AP|Reuters),? ){0,3}(?:image|photo|photograph|picture|frame grab|"
    r"video image|still image)s?(?: (?:made|taken|released|provided|obtained|posted|shot|from|"
    r"by|courtesy|shows?|showing)\b|,)")
# A video still's caption: "A still from an undated video released via YouTube allegedly
# shows protesters ...", "A frame grab from amateur footage shows ...": a still or grab taken
# from a video is only ever a picture on the page.
_STILL_CAPTION = re.compile(r"^(?:A|An|This) (?:still|screen ?grab|frame grab|video grab)s? "
                            r"(?:image )?(?:taken )?from\b")


# A contact prompt or footer: an e-mail address after a colon ("Letters for publication
# should be sent to: letters@..."), or one run on into the next prompt with no stop ("...
# letters@... If you need help using the site: ..."). Pages glue such footers to whatever
# sentence they end. An address inside a sentence of prose ("More than 300 emails were sent
# to the pics@... address.") stays; so does a web address, which news cites in prose.
_CONTACT = re.compile(r":\s*[\w.+-]+@[\w-]+\.[\w.-]*[a-z]"
                      r"|[\w.+-]+@[\w-]+\.[\w.-]*[a-z] [A-Z]")


def is_furniture(sentence: str) -> bool:
    """Whether a sentence points to a list, a video or an address, or is a heading or caption.

    It says where to look or write, or what the story is, not what happened:
    ``introduces_list``, ``is_teaser``, ``is_roundup_heading``, ``holds_email``,
    ``is_wire_caption`` or ``is_gallery_heading``.
    """
    return (introduces_list(sentence) or is_teaser(sentence) or is_roundup_heading(sentence)
            or holds_email(sentence) or is_wire_caption(sentence)
            or is_gallery_heading(sentence))


def is_wire_caption(sentence: str) -> bool:
    """Whether ``sentence`` is a wire photo's caption (``_WIRE_CAPTION``).

    "In this image taken from video provided by BP ...", "June 23, 2010: This image from
    video ... shows ...", "A still from an undated video ... shows ...".
    """
    return (("his " in sentence and _WIRE_CAPTION.match(sentence) is not None)
            or _STILL_CAPTION.match(sentence) is not None)


def holds_email(sentence: str) -> bool:
    """Whether ``sentence`` holds an e-mail address as a contact prompt or footer does."""
    return "@" in sentence and _CONTACT.search(sentence) is not None


def is_roundup_heading(sentence: str) -> bool:
    """Whether ``sentence`` heads a roundup of wire or live posts.

    A date and the story's day count, or "The Latest on ... (all times ...)".
    """
    return ((", " in sentence and _ROUNDUP.match(sentence) is not None)
            or (sentence.startswith("The Latest") and _LIVE_HEADING.match(sentence) is not None))


def introduces_list(text: str) -> bool:
    """Whether ``text`` holds a sentence pointing forward to a list or an excerpt.

    One that opens with the pointer ("Below is a timeline ...", "Here are the key facts:"),
    or one whose colon announces what follows ("... include the following:").
    """
    return _POINTING.search(text) is not None or (
        ":" in text and _INTRO.search(text) is not None)


def split_list_intro(line: str) -> list[str]:
    """``line`` cut after a list introduction when the list was run into it (one bullet off).

    Returns:
        The line's pieces: ``[line]`` when it holds no introduction followed by a list.
    """
    if ":" not in line:
        return [line]
    match = _INTRO.search(line)
    if match is None:
        return [line]
    rest = _LIST_AFTER.match(line, match.end())
    if rest is None or rest.end() == len(line):
        return [line]
    head = line[:match.end()].strip()
    return [head, *split_list_intro(line[rest.end():])]


# A heading run into its paragraph: words in capitals, then a spaced dash, then the prose
# ("CONGRESS HAS INVESTIGATED HIM — Oz's dubious medical advice ...", "QUESTIONABLE MEDICAL
# CLAIMS — For years, ..."). Pages set such subheads in bold capitals; saved as text they
# open the paragraph and read as a dateline. Two words at least: one ("NASA — The") may be
# an organisation; the prose after the dash opens with a capitalised word, not another one
# in capitals ("... IN HIT - AND - RUN ACCIDENT" is one heading). A place opening a paragraph
# past the lead ("NEW ORLEANS — ") is split off the same way, and as a line of its own is no
# prose either. On the real pile this splits 36 paragraphs (before the lead's datelines go):
# 27 places and 9 subheads, none of them prose.
_RUN_IN_HEADING = re.compile(r"^([A-Z][A-Z'’.&-]+(?: [A-Z][A-Z'’.&-]*)* [A-Z][A-Z'’.&-]+)"
                             r" (?:--|[—–_-]) ?(?=[“\"‘]|[A-Z][^A-Z])")


def split_heading(line: str) -> list[str]:
    """``line`` with a heading in capitals run into it put on a line of its own.

    Returns:
        ``[heading, rest]``, or ``[line]`` when it opens with no such heading.
    """
    match = _RUN_IN_HEADING.match(line) if line[:2].isupper() else None
    if match is None or match.end() == len(line):
        return [line]
    return [match.group(1), line[match.end():]]


# A publisher's legal notice run into the last paragraph (pages saved as one paragraph keep
# their footer): "Republication or redistribution of X content, including by caching, ... is
# expressly prohibited without the prior written consent of X.", "All rights reserved.",
# "This material may not be published, broadcast, rewritten or redistributed." Worded alike
# by every agency and site; prose about such a notice quotes it, inside quotation marks.
_NOTICE = re.compile(
    r"\b(?:republication|redistribution|reproduction)\b[^.!?]{0,120}\bprohibited\b"
    r"|\bprohibited without (?:the )?(?:express )?(?:prior )?(?:written )?(?:consent|permission)\b"
    r"|\ball rights reserved\b"
    r"|\bmay not be (?:published|reproduced|copied)\b[^.!?]{0,40}\bredistributed\b",
    re.IGNORECASE)
# A trademark line of the same footer, after a notice ("X and the X logo are registered
# trademarks of ..."): dropped only where a notice was.
_TRADEMARK = re.compile(r"\bare (?:registered )?trademarks\b", re.IGNORECASE)
_NOTICE_HINTS = ("rohibited", "reserved", "redistributed")


def strip_notices(line: str) -> str:
    """``line`` without the sentences of a legal notice (and its trademark line).

    A sentence inside quotation marks stays: prose quoting a notice is about it.
    """
    if not any(hint in line for hint in _NOTICE_HINTS):
        return line
    spans = sentences.split(line)
    kept: list[str] = []
    noticed = False
    for start, end in spans:
        sentence = line[start:end]
        quoted = sentence[:1] in "\"“'‘"
        if not quoted and (_NOTICE.search(sentence) or (noticed and _TRADEMARK.search(sentence))):
            noticed = True
            continue
        kept.append(sentence)
    return line if len(kept) == len(spans) else " ".join(kept)


def is_teaser(sentence: str) -> bool:
    """Whether ``sentence`` is a teaser of a video or pictures, or a picture's caption."""
    words = len(sentence.split())
    if words > TEASER_MAX_WORDS:
        return False
    label = _label(sentence)
    if label and (words <= CAPTION_MAX_WORDS or _title_case(sentence[label:])):
        # Longer, a label is run into a sentence of prose ("Photo: Jane Roe The airport is
        # ..."), unless a headline in title case follows ("Video Feed: Alaska Airlines Steps
        # up Efforts to ...").
        return True
    shaped = _PROMOTION.match(sentence) or (
        words <= CAPTION_MAX_WORDS and _CAPTION.match(sentence))
    return bool(shaped) and _VERB.search(sentence) is None


def is_gallery_heading(sentence: str) -> bool:
    """Whether ``sentence`` opens with a caption's shape before a colon, whatever follows.

    "Pictures from a mile deep: Ground Zero of the BP oil leak Illustrating a news story
    ...": a gallery's heading and subtitle run into prose, however long; a verb before the
    colon makes it prose ("Images from the scene show: ..."). Story text only (summaries,
    titles, entries): cleaning keeps the sentence, whose prose is the page's. On the real
    pile (241,321 sentences) it finds 2, both headings glued to text (the other an awards
    list's "Photo of the Year: ...").
    """
    head = sentence.split(":", 1)[0] if ":" in sentence else ""
    return (bool(head) and len(head.split()) <= CAPTION_MAX_WORDS
            and _CAPTION.match(head) is not None and _VERB.search(head) is None)


TITLE_CASE_SHARE = 0.6
"""Share of a text's longer words (four letters or more) written capitalised above which it
is a headline in title case; sentences of prose capitalise only names (about 0.1-0.4)."""


def _label(text: str) -> int:
    """The length of a media label opening ``text`` ("In pictures: ", "Video Feed: "), or 0.

    A label names its medium with no verb ("Video shows police ...:" is a sentence).
    """
    match = _LABEL.match(text)
    if match is None or _VERB.search(match.group()):
        return 0
    return match.end()


def _title_case(text: str) -> bool:
    """Whether ``text`` is written in title case, as headlines are."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def strip_label(headline: str) -> str:
    """``headline`` without a media label opening it ("In pictures: ", "Video: ").

    The label says what the page shows, the rest what happened.
    """
    label = _label(headline)
    rest = headline[label:].strip() if label else ""
    return rest if len(rest.split()) >= 3 else headline


def strip_teasers(line: str) -> str:
    """``line`` without its teasers and roundup headings (``is_teaser``, ``is_roundup_heading``)."""
    if _HINT.search(line) is None and _DAY_COUNT.search(line) is None:
        return line
    spans = sentences.split(line)
    kept = [line[start:end] for start, end in spans
            if not (is_teaser(line[start:end]) or is_roundup_heading(line[start:end]))]
    return line if len(kept) == len(spans) else " ".join(kept)
