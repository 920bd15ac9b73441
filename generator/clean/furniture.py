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
_LABEL = re.compile(rf"^{_MEDIA}(?: [\w’']+){{0,2}} ?:")
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


def is_furniture(sentence: str) -> bool:
    """Whether a sentence points to a list or a video: it says where to look, not what happened.

    ``introduces_list`` or ``is_teaser``.
    """
    return introduces_list(sentence) or is_teaser(sentence)


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


def is_teaser(sentence: str) -> bool:
    """Whether ``sentence`` is a teaser of a video or pictures, or a picture's caption."""
    words = len(sentence.split())
    if words > TEASER_MAX_WORDS:
        return False
    if words <= CAPTION_MAX_WORDS and _LABEL.match(sentence):
        return True  # longer: a label run into a sentence of prose ("Photo: Jane Roe The ...")
    shaped = _PROMOTION.match(sentence) or (
        words <= CAPTION_MAX_WORDS and _CAPTION.match(sentence))
    return bool(shaped) and _VERB.search(sentence) is None


def strip_teasers(line: str) -> str:
    """``line`` without its teaser sentences (``is_teaser``)."""
    if _HINT.search(line) is None:
        return line
    spans = sentences.split(line)
    kept = [line[start:end] for start, end in spans if not is_teaser(line[start:end])]
    return line if len(kept) == len(spans) else " ".join(kept)
