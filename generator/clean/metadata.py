"""Metadata stated in the text itself: date lines, section labels and the headline at the top.

Scraped pages put their metadata above the body: a date line ("Tuesday, November 4, 2025"), a
section label ("International"), the headline, sometimes an inline prefix ("date 2025-11-14
The U.S. will ..."). ``read_header`` finds them in the first lines and returns what it found
plus the lines with those header lines taken out. The date is the publication date *as the
input states it*; reconciling it with copies of the article is a later stage's job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import urlsplit

from generator.clean import clause, tokens
from generator.model import PartialDate

HEADER_LINES = 8
"""Non-blank lines at the top searched for date lines, labels and the headline. Scraped pages
seen (news sites, aggregators, the samples) put these within the first 3-6 lines."""

TITLE_MAX_WORDS = 30
"""Longest headline accepted from a header line; news headlines run 6-20 words, and a longer
unpunctuated line at the top is usually a standfirst or a paragraph."""

TITLE_MIN_WORDS = 2
"""Shortest headline: a single word at the top is a label or a site name, not a headline."""

FALLBACK_SCAN_CHARS = 1000
"""How far into the body the first sentence is looked for (a first sentence is ~200 chars)."""

LABEL_MAX_CHARS = 120
"""Longest line checked against the section labels (a breadcrumb of five labels is ~60)."""

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")), 1)
    for name in names
}



def _load_words(name: str) -> frozenset[str]:
    text = resources.files("generator.resources").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


SECTION_LABELS = _load_words("section_labels.txt")
"""Navigation labels that open scraped pages; see resources/section_labels.txt."""

_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
"""Month names and abbreviations as a regex alternation, longest first."""
_MONTH_ALT = MONTH_ALT


def _month(n: int) -> str:
    return rf"(?P<month{n}>{_MONTH_ALT})\.?"


def _day(n: int) -> str:
    return rf"(?P<day{n}>\d{{1,2}})(?:st|nd|rd|th)?"


def _year(n: int) -> str:
    return rf"(?P<year{n}>(?:19|20)\d{{2}})"


_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?"
# One date, in the forms news pages print: "November 4, 2025", "4 November 2025", "2025-11-04".
DATE = (rf"{_WEEKDAY}(?:{_month(1)}\s+{_day(1)},?\s+{_year(1)}"
        rf"|{_day(2)}\s+{_month(2)},?\s+{_year(2)}"
        r"|(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})(?:[t ]\d{2}:\d{2}(?::\d{2})?\S*)?)")
_DATE_RE = re.compile(DATE, re.IGNORECASE)
_CLOCK = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?,?\s+)?"
_DATE_LINE = re.compile(
    rf"^(?:(?P<label>published|posted|updated|last updated|date|dated)(?:\s+on)?\s*:?\s*)?"
    rf"{_CLOCK}{DATE}{_TIME}\s*$", re.IGNORECASE)
_INLINE_PREFIX = re.compile(rf"^\s*(?:date|published|posted|dateline)\s*:?\s*{DATE}\s+(?=\S)",
                            re.IGNORECASE)
_DATE_SEPARATOR = re.compile(r"\s+[|•·—–]\s+|\s*[|•·]\s*")
_BREADCRUMB = re.compile(r"\s*(?:>|›|»|/|\|)\s*")
# A stop, colon or comma at the end, also inside closing quotes ('... and "traitor."').
_SENTENCE_END = re.compile(r"[.;:,][\"”’')]*$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?(?=\s+[\"“‘(]?[A-Z0-9])")
# Words whose full stop does not end a sentence: initials ("U.S.", "J."), titles, months.
_ABBREVIATION = re.compile(
    r"(?:^|\s)(?:(?:[A-Za-z]\.)*[A-Za-z]|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Jr|Sr|"
    r"Prof|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|Inc|Corp|Co|Ltd|Ft|Mt)$")
_FILENAME_DATE = re.compile(
    r"(?<![0-9a-z])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?![0-9a-z])",
    re.IGNORECASE)

_URL_PATH_DATE = re.compile(
    r"/((?:19|20)\d{2})/(?:[a-z]+/(?=\d{1,2}/\d))?(0?[1-9]|1[0-2]|[a-z]{3,9})"
    r"(?:/(0?[1-9]|[12]\d|3[01])(?=[/._-]|$)|(?=/|$))",
    re.IGNORECASE)
"""``/2013/05/02/``, ``/2013/may/03/``, ``/2008/12/`` (month only), ``/2009/POLITICS/03/03/``
(a section between year and month): the date folders of a news site's article paths."""
_URL_COMPACT_DATE = re.compile(
    r"(?<![0-9])((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?![0-9])")
"""``...-rehab-20130504``, ``/2015-11-11-title``: a whole date written in one path segment."""


@dataclass(frozen=True, slots=True)
class Header:
    """What the top of an article says about it."""

    lines: list[str]
    """The article's lines with the header lines (date, labels, headline) taken out."""
    title: str | None = None
    published: PartialDate | None = None
    found: tuple[tuple[str, str], ...] = field(default=())
    """(field, how) for each value found, as in ``Article.provenance``."""
    fields: tuple[tuple[str, str], ...] = field(default=())
    """Other fields stated in "Key: value" header lines or a bare URL line: (field, value) for
    ``outlet``, ``url`` and ``author``."""


def parse_date_text(text: str) -> PartialDate | None:
    """The first date in ``text`` written in one of the forms of ``DATE``, or None."""
    match = _DATE_RE.search(text)
    return _to_date(match) if match else None


def _to_date(match: re.Match[str]) -> PartialDate | None:
    if match.group("iso"):
        return PartialDate.parse(match.group("iso"))
    n = 1 if match.group("month1") else 2
    month = MONTHS.get(match.group(f"month{n}").lower().rstrip("."))
    try:
        return PartialDate(int(match.group(f"year{n}")), month, int(match.group(f"day{n}")))
    except (TypeError, ValueError):
        return None


def date_line(line: str) -> tuple[PartialDate | None, str | None] | None:
    """When the whole line is a date (optionally labelled), its date and label; else None.

    A date combined with section labels ("World | November 4, 2025") also counts.
    """
    line = detokenise(line.strip())
    match = _DATE_LINE.match(line)
    if match is None:
        return _labelled_date(line) if len(line) <= LABEL_MAX_CHARS else None
    label = match.group("label")
    return _to_date(match), label.lower() if label else None


def detokenise(line: str) -> str:
    """``line`` with the spaces tokenisation put before commas, stops and colons removed.

    Pre-tokenised corpora (ECB+ and other NLP sets) put spaces around punctuation: "Thursday ,
    April 11 , 2013", "December 15 , 2008 at 1 : 00pm" (see ``tokens.detokenise_line``).
    """
    return tokens.detokenise_line(line)


def _labelled_date(line: str) -> tuple[PartialDate | None, str | None] | None:
    parts = [p for p in _DATE_SEPARATOR.split(line.strip()) if p]
    if len(parts) < 2:
        return None
    dates = [m for m in (_DATE_LINE.match(p) for p in parts) if m is not None]
    labels = sum(1 for p in parts if p.lower().replace(" ", "-") in SECTION_LABELS)
    if len(dates) != 1 or len(dates) + labels != len(parts):
        return None
    label = dates[0].group("label")
    return _to_date(dates[0]), label.lower() if label else None


def is_section_label(line: str) -> bool:
    """True for a navigation label or breadcrumb ("International", "News > World")."""
    if len(line) > LABEL_MAX_CHARS:
        return False
    parts = [p for p in _BREADCRUMB.split(line.strip().lower()) if p]
    if not parts or len(parts) > 5:
        return False
    return all(p.replace(" ", "-") in SECTION_LABELS for p in parts)


def looks_like_headline(line: str) -> bool:
    """A line shaped like a headline: a few words, no sentence-ending stop or comma."""
    words = line.split()
    if not TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS:
        return False
    return not _SENTENCE_END.search(line.rstrip()) and not line.rstrip().endswith(". ")


def read_header(lines: list[str], *, skip: Callable[[str], object] | None = None,
                want_title: bool = True) -> Header:
    """Find date lines, an inline date prefix, section labels and the headline at the top.

    Args:
        lines: the article's lines, whitespace-normalised, blank lines as "".
        skip: lines for which it is truthy (bylines, banners) are passed over, left in place.
        want_title: when False (the input's metadata has a title) no line is taken as title.

    Returns:
        A Header whose ``lines`` no longer hold the lines recognised as header.
    """
    state = _HeaderState(list(lines), want_title)
    index = seen = 0
    while index < len(state.lines) and seen < HEADER_LINES:
        line = state.lines[index]
        if not line or (skip is not None and skip(line)):
            seen += bool(line)
            index += 1
            continue
        seen += 1
        outcome = state.take(index, line)
        if outcome == "stop":
            break
        if outcome == "kept":
            index += 1
    if state.published is None and state.updated is not None:
        # Only an "Updated" stamp: the story was published on or before it, nearly always the
        # same day; better as a reference date than none (provenance still says "header").
        state.published = state.updated
        state.found.append(("published", "header"))
    return Header(lines=state.lines, title=state.title, published=state.published,
                  found=tuple(state.found), fields=tuple(state.fields.items()))


@dataclass(slots=True)
class _HeaderState:
    """What read_header has found so far, and the lines it has not taken."""

    lines: list[str]
    want_title: bool
    title: str | None = None
    published: PartialDate | None = None
    updated: PartialDate | None = None
    found: list[tuple[str, str]] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)

    def take(self, index: int, line: str) -> str:
        """Consume header line ``index``: "taken" (removed), "kept" or "stop" (body begins)."""
        if self._field(line):
            del self.lines[index]
            return "taken"
        dated = date_line(line)
        if dated is not None:
            value, label = dated
            if label in _NOT_PUBLISHED:
                self.updated = self.updated or value
            elif self.published is None:
                self._date(value)
            del self.lines[index]
            return "taken"
        prefix = _INLINE_PREFIX.match(line)
        if prefix and self.published is None:
            self._date(_to_date(prefix))
            self.lines[index] = line[prefix.end():]
            return "stop"
        if is_section_label(line):
            del self.lines[index]
            return "taken"
        if self.want_title and self.title is None and looks_like_headline(line):
            self.title = line
            self.found.append(("title", "header"))
            del self.lines[index]
            return "taken"
        return "stop"

    def _date(self, value: PartialDate | None) -> None:
        if value is not None:
            self.published = value
            self.found.append(("published", "header"))

    def _field(self, line: str) -> bool:
        """Take a "Source: Reuters" / "URL: https://..." line or a bare URL; True if taken."""
        url = bare_url(line)
        if url is not None:
            self._set("url", url)
            return True
        match = _FIELD_LINE.match(line)
        if match is None:
            return False
        name, value = FIELD_KEYS[match.group(1).lower()], match.group(2).strip()
        if not _field_value_fits(name, value):
            return False  # "Newspaper: Minister quits over ..." is a headline, not a field
        if name == "published":
            if self.published is None and label_allows(match.group(1)):
                self._date(parse_date_text(value) or PartialDate.parse(value))
        elif name == "title":
            if self.want_title and self.title is None:
                self.title = value
                self.found.append(("title", "header"))
        elif name != "url":
            self._set(name, value)
        elif (url := bare_url(value)) is not None:
            self._set(name, url)
        return True

    def _set(self, name: str, value: str) -> None:
        if name not in self.fields:
            self.fields[name] = value
            self.found.append((name, "header"))


_NOT_PUBLISHED = frozenset({"updated", "last updated"})
"""Date-line labels that do not state the publication date."""


def label_allows(label: str) -> bool:
    """False for labels whose date is not the publication date ("Updated")."""
    return label.lower() not in _NOT_PUBLISHED


# "Key: value" header lines written by scrapers and archive tools, key -> Article field.
FIELD_KEYS: dict[str, str] = {
    "title": "title", "headline": "title",
    "source": "outlet", "outlet": "outlet", "publication": "outlet", "publisher": "outlet",
    "site": "outlet", "newspaper": "outlet",
    "url": "url", "link": "url", "source url": "url", "canonical": "url",
    "author": "author", "authors": "author", "byline": "author",
    "date": "published", "published": "published", "publication date": "published",
    "pubdate": "published",
}
FIELD_MAX_WORDS = {"outlet": 6, "author": 10, "url": 1}
"""Longest value of a "Key: value" header line taken as that field: outlet names run 1-4
words, bylines up to three names; anything longer is a headline with a colon in it."""
_NAME_SMALL_WORDS = frozenset({"and", "of", "the", "de", "la", "van", "von", "&", "for"})


def _field_value_fits(name: str, value: str) -> bool:
    words = value.split()
    if len(words) > FIELD_MAX_WORDS.get(name, 40) or value.endswith("."):
        return False
    if name in {"outlet", "author"}:
        # Names are capitalised words: "Harbour Herald", "Maria Lindqvist and Tom Baker".
        named = sum(1 for w in words if w[:1].isupper() or w.lower() in _NAME_SMALL_WORDS)
        return named >= 0.75 * len(words)
    return True


_FIELD_LINE = re.compile(
    r"^(" + "|".join(sorted(FIELD_KEYS, key=len, reverse=True)) + r")\s*:\s*(\S.{0,300})$",
    re.IGNORECASE)
_BARE_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
_TOKENISED_SCHEME = re.compile(r"^https? ?: ?/ ?/")
_URL_PUNCTUATION = r"./?=&_\-#:%~+"
# Two ordinary characters with a space between them: words, not a tokenised URL.
_WORD_GAP = re.compile(rf"[^\s{_URL_PUNCTUATION}]\s+[^\s{_URL_PUNCTUATION}]")


def bare_url(line: str) -> str | None:
    """The URL when ``line`` is only a URL, else None.

    Tokenised corpora split URLs at their punctuation ("http : / / www . example . com /
    news / story - 123"); such a line counts too, when every space sits next to URL
    punctuation, and the URL is returned without the spaces.
    """
    line = line.strip()
    if _BARE_URL.match(line):
        return line
    if not _TOKENISED_SCHEME.match(line) or _WORD_GAP.search(line):
        return None
    joined = re.sub(r"\s+", "", line)
    return joined if _BARE_URL.match(joined) else None


def fallback_title(text: str) -> str | None:
    """A stand-in headline from the body's first sentence, reduced to its main clause."""
    first = text.strip().split("\n", 1)[0]
    if not first:
        return None
    return clause.main_clause(first_sentence(first)) or None


def first_sentence(text: str) -> str:
    """The text up to the first full stop that is not an abbreviation's."""
    for match in _SENTENCE_BREAK.finditer(text, 0, FALLBACK_SCAN_CHARS):
        # Look only at the word before the stop: bounded work however long the text.
        if not _ABBREVIATION.search(text, max(0, match.start() - 12), match.start()):
            return text[: match.end()]
    return text[:FALLBACK_SCAN_CHARS]


def date_from_filename(path: str) -> PartialDate | None:
    """A date written in the file name (``2025-11-14-rubio.txt``, ``cnn_20251114.txt``)."""
    name = path.rsplit("/", 1)[-1].split("#", 1)[0]
    match = _FILENAME_DATE.search(name)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    return _partial(year, month, day)


def date_from_url(url: str | None) -> PartialDate | None:
    """The publication date a news URL's path spells (``/2013/05/02/slug``, ``-20130504``).

    Date folders (``/2013/may/03/``, or ``/2008/12/`` to the month) win over a compact date in
    a segment; the host and query are not read (ids there are not dates).
    """
    if not url:
        return None
    path = urlsplit(url).path
    for match in _URL_PATH_DATE.finditer(path):
        year, month_text, day = match.groups()
        month = MONTHS.get(month_text.lower()) if month_text.isalpha() else int(month_text)
        if month is not None:
            found = _partial(int(year), month, int(day) if day else None)
            if found is not None:
                return found
    for match in _URL_COMPACT_DATE.finditer(path):
        found = _partial(*(int(g) for g in match.groups()))
        if found is not None:
            return found
    return None


def _partial(year: int, month: int, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:  # 31 February
        return None
