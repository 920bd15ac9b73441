"""Corpus-level boilerplate inside paragraphs: sentences recurring across unrelated articles.

A publisher's footer or company boilerplate glued to a paragraph ("An ultra-low latency
infrastructure for electronic trading ...") is invisible to the line rules of ``recurring``.
Sentences are hashed per article (``fingerprint``, in the cached per-article pass); across
the corpus (``boilerplate``) a sentence held by articles of several *unrelated* topics goes.
Copies of one article count once (``recurring.families``), and a sentence held only within
one topic is kept whatever its count: wire copy and a developing story's background
paragraph ("The rig exploded on April 20, killing 11 workers.") legitimately recur there.
Topics are told apart by the names the articles mention most (``signature``); all passes are
linear in the corpus (dictionaries keyed by sentence hash), never pairwise over articles.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

MIN_WORDS = 6
"""Shorter sentences ("He declined to comment.") recur by chance, not as boilerplate."""

MIN_FAMILIES = 4
"""A sentence must be held by this many unrelated articles (families of copies), as
``recurring.SENTENCE_MIN_FAMILIES`` asks of a whole line."""

MIN_TOPICS = 4
"""...spread over at least this many topics. On the real pile (6,119 articles) the footers,
comment rules and promos seen span 4-7 topics by this measure; background and quoted
sentences of one story mostly 1-2 and sometimes 3, as names split a story's articles."""

MANY_FAMILIES = 50
"""A sentence held by this many families needs only two topics: no story's background line
is reprinted in 50 different articles, while a site's comment rules and promos are (on the
real pile 97-571 families, over 2-3 topics when the site covered few stories)."""

TOPIC_OVERLAP = 0.1
"""Two articles are on one topic when their signatures (most frequent names) overlap by at
least this Jaccard share. Calibrated on the real pile: at 0.15 one story's articles fell into
more topics and background sentences reached MIN_TOPICS."""

SIGNATURE_NAMES = 12
"""Names kept per article as its topic signature."""

MIN_SIGNATURE = 3
"""An article naming fewer distinct names than this (a stub) is not placed in a topic."""

MAX_HOLDERS = 40
"""Holders of one sentence compared for topics (the first ones, by family): bounds the work
per sentence, and 40 unrelated holders are already proof enough."""

# A capitalised word after a lower-case word or a comma (not a sentence start); the name is
# read from the look-ahead so that consecutive names ("the Big Apple") are all found.
# Where a sentence may end: a stop, closing marks, space, then a capital or digit. Abbreviations
# ("U.S. officials") are not told apart, unlike ``text.sentences``: the same cut is made when
# hashing and when stripping, so a footer cut in two pieces recurs as two pieces, and this is
# several times faster on a pass that reads every sentence of the corpus.
# A list bullet ("\\* Reuters is not responsible ...") breaks too: scraped pages run bulleted
# promos and disclaimers into one line with no stop.
_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\s+\\?[*•]\s+")
# What the key ignores: everything but letters and digits, so that a detokenised copy ("the
# firm's") and a plain one ("the firm 's"), or copies differing in quotes and dashes, give
# one key.
_NOT_KEYED = re.compile(r"[\W_]+")
# The same characters deleted by ``str.translate``, about twice as fast as the pattern: every
# ASCII character but letters and digits, and the quotes, dashes, spaces and bullets of news
# text. ``re``'s ``\w`` is ``str.isalnum`` or "_", so a character is ignored exactly when it is
# not ``isalnum``; what the table misses (a rarer mark) is left to the pattern.
_NOT_KEYED_TABLE = dict.fromkeys(
    ord(c) for c in [chr(i) for i in range(128)] + list(" ‘’‚‛“”„‟′″«»‹›—–‐‑‒―…·•●▪■◦§¶†‡"
                                                    "\u00a0\u2009\u200a\u202f\u2060\ufeff\u00ad")
    if not c.isalnum())
_NAME = re.compile(r"[a-z,;] (?=([A-Z][a-z]{2,}))")


def sentence_key(sentence: str) -> int:
    """A stable 64-bit key for a sentence, the same in every worker process.

    Letters and digits only, case-folded: spacing, punctuation and tokenisation marks do not
    change it.
    """
    keyed = sentence.translate(_NOT_KEYED_TABLE)
    if not keyed.isalnum():  # some other mark left ("" is not isalnum either: no harm)
        keyed = _NOT_KEYED.sub("", keyed)
    digest = hashlib.blake2b(keyed.casefold().encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def fingerprint(lines: Sequence[str]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The keys of an article's sentences of MIN_WORDS or more, and its topic signature."""
    keys: dict[int, None] = {}
    for line in lines:
        for sentence in pieces(line):
            if sentence.count(" ") + 1 >= MIN_WORDS:
                keys[sentence_key(sentence)] = None
    return tuple(keys), signature(lines)


def pieces(line: str) -> list[str]:
    """``line`` cut into sentences at every stop followed by a capital (see ``_BREAK``)."""
    out, start = [], 0
    for match in _BREAK.finditer(line):
        # A stop stays with its sentence; a bullet goes with neither side.
        end = match.end() if match.group()[0] in ".!?" else match.start()
        out.append(line[start:end].strip())
        start = match.end()
    out = [piece for piece in out if piece]
    if start < len(line):
        out.append(line[start:].strip())
    return out


def signature(lines: Sequence[str]) -> tuple[str, ...]:
    """The names (capitalised words inside sentences) an article mentions most."""
    counts = Counter(m.group(1) for line in lines for m in _NAME.finditer(line))
    return tuple(sorted(name for name, _ in counts.most_common(SIGNATURE_NAMES)))


def boilerplate(keys: Sequence[Sequence[int]], signatures: Sequence[Sequence[str]],
                family_of: Sequence[int]) -> frozenset[int]:
    """Keys of sentences held by MIN_FAMILIES families on MIN_TOPICS topics or more.

    Args:
        keys: each article's ``fingerprint`` keys.
        signatures: each article's ``signature``.
        family_of: each article's family of copies (``recurring.families``).
    """
    return frozenset(key for key, by_family in _holders(keys, family_of).items()
                     if len(by_family) >= MIN_FAMILIES
                     and _topics([signatures[i] for i in by_family.values()]) >= _needed(
                         len(by_family)))


def widespread(keys: Sequence[Sequence[int]], family_of: Sequence[int]) -> frozenset[int]:
    """Keys of sentences held by MIN_FAMILIES families or more, whatever their topics.

    Such a sentence may stay in the text (a story's background recurs within its topic), but
    it is no article's own: never a stand-in headline (a programme page's "Transmission
    details ... are not updated after publication" titled six stories).
    """
    return frozenset(key for key, by_family in _holders(keys, family_of).items()
                     if len(by_family) >= MIN_FAMILIES)


SELF_MIN_FAMILIES = 2
"""A publication's description of itself ("The Example Blog covers ...") goes once it recurs in
two unrelated articles (its outlet's pages), whatever their topics: the shape already says
it is no reporting, and one outlet's pages may all be on one topic."""

# A sentence a publication (blog, newsletter, column, show ...) says of itself: its name, then
# what it covers or who makes it. Nouns and verbs are the general words of such blurbs.
_PUBLICATION = (r"(?:blog|newsletter|podcast|column|site|website|section|desk|show|programme|"
                r"program|magazine|channel|series|live\s+blog)")
_SELF_DESCRIPTION = re.compile(
    r"^(?:(?:The|This|Our)\s+)?(?:[A-Z][\w'’&.-]*\s+){0,4}" + _PUBLICATION
    + r"\s+(?:covers|brings|features|offers|explores|tracks|follows|delivers|provides|"
    r"highlights|is\s+(?:edited|written|produced|curated|hosted|run)\s+by|is\s+(?:your|the|a|"
    r"an)\s+(?:home|source|guide|destination|place)\b)"
    r"|^It(?:'s|’s|\s+is)\s+(?:edited|written|produced|curated|hosted)\s+by\b",
    re.IGNORECASE)
_PUBLICATION_WORDS = ("blog", "newsletter", "podcast", "column", "site", "section", "desk",
                      "show", "program", "magazine", "channel", "series", "edited by",
                      "written by", "produced by", "curated by", "hosted by")


def self_descriptions(keys: Sequence[Sequence[int]], family_of: Sequence[int],
                      lines: Sequence[Sequence[str]]) -> frozenset[int]:
    """Keys of a publication's self-descriptions held by SELF_MIN_FAMILIES families or more.

    Only articles holding such a recurring sentence are read again (cut into ``pieces``), and
    only their lines naming a publication word.

    Args:
        keys: each article's ``fingerprint`` keys.
        family_of: each article's family of copies (``recurring.families``).
        lines: each article's lines (those ``fingerprint`` read).
    """
    recurring = frozenset(key for key, by_family in _holders(keys, family_of).items()
                          if len(by_family) >= SELF_MIN_FAMILIES)
    found: set[int] = set()
    for article_keys, article_lines in zip(keys, lines, strict=True):
        if recurring.isdisjoint(article_keys):
            continue
        for line in article_lines:
            low = line.lower()
            if not any(word in low for word in _PUBLICATION_WORDS):
                continue
            found.update(key for piece in pieces(line)
                         if _SELF_DESCRIPTION.match(piece)
                         and (key := sentence_key(piece)) in recurring)
    return frozenset(found)


def _holders(keys: Sequence[Sequence[int]], family_of: Sequence[int]) -> dict[int, dict[int, int]]:
    """Sentence key -> {family: first article of that family holding it}."""
    holders: dict[int, dict[int, int]] = defaultdict(dict)
    for index, article_keys in enumerate(keys):
        family = family_of[index]
        for key in article_keys:
            holders[key].setdefault(family, index)
    return holders


def _needed(families: int) -> int:
    return 2 if families >= MANY_FAMILIES else MIN_TOPICS


def _topics(held: Sequence[Sequence[str]]) -> int:
    """How many topics the signatures fall into (greedy: each joins the first close one)."""
    groups: list[set[str]] = []
    for names in held[:MAX_HOLDERS]:
        own = set(names)
        if len(own) < MIN_SIGNATURE:
            continue  # too short to place: neither a topic of its own nor evidence
        if not any(_overlap(own, group) >= TOPIC_OVERLAP for group in groups):
            groups.append(own)
            if len(groups) >= MIN_TOPICS:
                break
    return len(groups)


def _overlap(a: set[str], b: set[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 1.0


def strip(lines: Sequence[str], banned: frozenset[int]) -> list[str]:
    """``lines`` without their banned sentences (a line left empty becomes "")."""
    out: list[str] = []
    for line in lines:
        if not line:
            out.append(line)
            continue
        spans = pieces(line)
        kept = [p for p in spans
                if p.count(" ") + 1 < MIN_WORDS or sentence_key(p) not in banned]
        out.append(line if len(kept) == len(spans) else " ".join(kept))
    return out
