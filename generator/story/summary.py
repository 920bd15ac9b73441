"""A story's title and one-paragraph summary, both taken from its sources (extractive).

The title is the headline closest to what all sources say (TF-IDF centroid of their texts),
cleaned of outlet suffixes. The summary is the two or three sentences closest to that same
centroid, skipping boilerplate, unbalanced quotes and near-repeats of a chosen sentence.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from wordfreq import zipf_frequency

from generator.clean import clause, furniture, lead, metadata
from generator.model import Source
from generator.text import sentences, textvec

log = logging.getLogger(__name__)

# Outlet suffixes of scraped headlines: " - Reuters", " | CNN", " — The Guardian". Only short
# tails (up to five words) are cut, so a headline's own dash clause survives.
OUTLET_SUFFIX = re.compile(r"\s+[-|–—:]\s+(?:[A-Z0-9][\w.&'’]*\s*){1,5}$")
# Where a title was found (Article.provenance) that makes it a fallback, not a headline: the
# cleaner takes the first body line when a page has no headline. Used only when no real
# headline exists.
WEAK_TITLE_ORIGINS = ("body", "filename")
# A headline shorter than this many words is a section label ("International") or a dateline.
MIN_TITLE_WORDS = 4
# A headline whose words are capitalised at least this often is in Title Case, where every
# word opens with a capital and none is a seam ("Frustrated Parents Rally Nationwide To
# ‘Reclaim Our Schools.’" had lost "Our Schools"); a standfirst glued on in sentence case
# takes the share below it.
TITLE_CASE_SHARE = 0.8
# Headlines of the real pile's pages run up to this many words (85% of 1,300 header titles);
# nearly all longer ones are a headline with its standfirst or caption glued on, so a story
# with a headline this short takes one of those.
USUAL_HEADLINE_WORDS = 18
# Summary sentences: long enough to say something, short enough to read in one breath.
# Calibrated on the sample articles' sentences (lead sentences run 20-45 words).
MIN_SENTENCE_WORDS = 8
MAX_SENTENCE_WORDS = 50
# At most this many sentences and characters in the summary paragraph.
MAX_SUMMARY_SENTENCES = 3
MAX_SUMMARY_CHARS = 600
# Most sentences weighed for the summary: their vectors are sparse, so this bounds time, not
# the order of growth. 5,000 is ten times what a 40-source story offers (about 12 sentences a
# source pass the length and boilerplate checks), so only sagas of hundreds of sources are cut.
MAX_CANDIDATES = 5000
# A candidate this similar (cosine) to a chosen sentence repeats it, and is skipped.
REPEAT_SIMILARITY = 0.5
# Lead sentences tried, most central first, for a title when no source has a headline: the
# first that reads as one sentence and reduces to its main clause without a cut is taken. On
# the real pile the most central sentence is often a headline, a byline or a caption run
# into the lead with no stop between; the tenth is still about the story.
TITLE_CANDIDATES = 10

# What no sentence of prose holds: a byline opening it ("By the CNN Wire Staff", "By Jane Doe
# BBC correspondent"), page furniture ("Posted by:", a bar, a list bullet, a URL), a section
# heading and a sentence glued with no stop (a lower-case word, then a sentence opener); and
# two labels ("BP oil spill report: the blame game ... Cleaning up the Gulf after the oil
# spill: BP's report ..."): a run of headlines and captions, or a transcript's turns. Of the
# real pile's 171,952 summary candidates 270 hold two, spot-checked nearly all such runs.
_NOT_ONE_SENTENCE = re.compile(r"^By\s|\bPosted by\b|\||\\?\*|https?:|\bClick\b"
                               r"|\w:\s.*\w:\s")
# A list bullet as scraped pages write it, escaped or not ("\\* Airline stocks fall").
_BULLET = re.compile(r"(?:^|\s)\\?\*\s")
# An upper-case wire dateline opening a lead: "BEIJING — ", "ADDIS ABABA, Ethiopia_ ".
_DATELINE_OPENER = re.compile(
    r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)*)?\s*(?:[—–_]|--?)\s*"
    r"(?=[A-Z])")

# A capitalised word this common in lower case (Zipf scale: "some" 6.2, "did" 6.0, "many" 5.9)
# right after a lower-case content word starts a sentence glued on with no stop ("... the
# agricultural sector Some 1.5 million ..."); names and titles are rarer ("president" 5.45,
# "white" 5.5, "obama" 4.9), so "said President Obama" is no seam.
GLUED_WORD_ZIPF = 5.6
_FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or"])

# A headline glued to its lede is echoed by it: "BP faces US criticism over Gulf of Mexico oil
# spill BP is facing growing American criticism over the giant oil spill ...". At a capital
# after a lower-case word, the words before (at least ECHO_MIN_WORDS, not function words) that
# recur in the next words (twice as many, and ten) make ECHO_SHARE or more of them. On the
# real pile's 164,719 summary candidates this fires on 67: about 55 headline-and-lede glues
# read, and about a dozen sentences that repeat themselves (readers' comments, "... less likely
# to vote Republican ..."), of which three are news prose; a summary has many to pick from.
ECHO_MIN_WORDS = 5
ECHO_SHARE = 0.6
_ECHO_IGNORED = _FUNCTION_WORDS | frozenset([
    "is", "are", "was", "were", "has", "have", "had", "be", "been", "its", "his", "her",
    "their", "that", "this", "said", "says", "after", "over", "into", "about", "will", "would",
    "as", "it", "he", "she", "they", "we", "not", "but", "who", "which", "than", "when", "if",
    "whether", "because", "where"])
_WORD_CHARS = re.compile(r"[^\w']")

# Lines of page furniture that cleaning may have left behind (lower-cased substrings).
BOILERPLATE = (
    "subscribe", "subscriber", "sign up", "newsletter", "click here", "read more",
    "comments", "featured image", "image for", "all rights reserved", "cookie", "advertisement",
    "follow us", "share this", "powered by", "min read", "pic.twitter.com", "http", "www.",
)
_BROKEN_APOSTROPHE = re.compile(r"\w\"\w")  # "Won"t": a broken apostrophe, not a quote
_MONTHS_OR_DAYS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b",
    re.IGNORECASE)


def title(sources: Sequence[Source]) -> str:
    """The most representative headline of the story, without outlet suffix.

    Falls back to the most central lead sentence reduced to its main clause
    (``clean.clause``), when no source has a headline.
    """
    found = [(clean_headline(a.title), a.found("title")) for s in sources for a in s.articles
             if a.title]
    usable = [h for h, where in found if _is_headline(h) and where not in WEAK_TITLE_ORIGINS]
    if not usable:
        # Stand-ins the cleaner made from each body's first line, up to a glued seam (a
        # headline run into its standfirst), and only when they needed no cut; else a title
        # made from the most central lead.
        usable = [part for h, _ in found if _is_headline(h) and not h.endswith("…")
                  and _is_headline(part := headline_part(h))
                  and not _NOT_ONE_SENTENCE.search(part)]
        if not usable:
            return _lead_title(sources)
    usable = list(dict.fromkeys(usable))
    # A headline longer than a headline runs into its body or dateline: any other is better,
    # and one of usual length is better still.
    usable = ([h for h in usable if len(h.split()) <= USUAL_HEADLINE_WORDS]
              or [h for h in usable if len(h.split()) <= clause.MAX_WORDS]
              or [h for h in usable if len(headline_part(h).split()) <= clause.MAX_WORDS])
    if not usable:
        # Every headline runs on past any headline's length, even cut at a seam (a page of
        # teaser headlines run into its first line): the lead makes a better title.
        return _lead_title(sources)
    if len(usable) == 1:
        return headline_part(usable[0])
    weights = [len(s.articles) for s in sources]
    return headline_part(usable[int(np.argmax(_centrality(usable, _texts(sources), weights)))])


def headline_part(headline: str) -> str:
    """``headline`` up to the first seam where a standfirst or caption was glued on.

    A seam is a sentence start after a lower-case word with no stop between (``_seam``),
    at least MIN_TITLE_WORDS words in; a trailing ";" or ":" goes too. Of a run of
    highlights, the first is the headline.
    """
    # A run of highlights ("* First point * Second point"): the first is the headline.
    items = [item for item in _BULLET.split(headline) if item.strip()]
    headline = items[0].strip() if items else headline
    words = headline.split(" ")
    if _title_case(words):
        return headline.rstrip(" ;:,")
    cut = next((i for i in range(MIN_TITLE_WORDS, len(words) - 1) if _seam(words, i)), None)
    head = " ".join(words[:cut]) if cut is not None else headline
    return head.rstrip(" ;:,") or headline


def _title_case(words: Sequence[str]) -> bool:
    """Whether a headline's words are capitalised as Title Case writes them (``TITLE_CASE_SHARE``).

    Numbers count as capitalised ("‘13th’"); words of three letters or fewer do not count
    (Title Case leaves some of them in lower case: "of", "to", "a").
    """
    lettered = [w.lstrip("‘'\"“(") for w in words if len(w.strip("‘’'\"“”().,:;!?")) > 3]
    capital = sum(1 for w in lettered if w[:1].isupper() or w[:1].isdigit())
    return len(lettered) >= MIN_TITLE_WORDS and capital >= TITLE_CASE_SHARE * len(lettered)


def _lead_title(sources: Sequence[Source]) -> str:
    """A lead sentence reduced to its main clause: the most central that reduces cleanly.

    Sentences that are not one sentence of prose (bylines, furniture, glued seams) are
    passed over; when none reduces without "…", the most central reduction is taken.
    """
    ranked = [metadata.first_sentence(_DATELINE_OPENER.sub("", c))
              for c in _ranked(sources)[:TITLE_CANDIDATES]]
    if not ranked and sources:
        ranked = [metadata.first_sentence(sources[0].primary.text.strip())]
    reduced = [clause.main_clause(c) for c in ranked if _one_sentence(c)]
    reduced = [r for r in reduced if r] or [clause.main_clause(c) for c in ranked[:1]]
    whole = [r for r in reduced if not r.endswith("…")]
    return next(iter(whole or reduced), "") or "Untitled story"


def _one_sentence(text: str, common: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` reads as one sentence of prose (see ``_NOT_ONE_SENTENCE``).

    ``common``: the words its source writes in lower case (``lead.common_words``), if known.
    """
    if _NOT_ONE_SENTENCE.search(text):
        return False
    words = text.split(" ")
    # Every seam and echo opens with a capital: testing only those words is the same test at
    # a fraction of the cost (a story's candidates run to tens of thousands of words).
    return not any(_seam(words, i, common) or _echoed_headline(words, i)
                   for i in range(lead.PIECE_MIN_WORDS, len(words) - 1)
                   if words[i][:1].isupper())


def _seam(words: list[str], i: int, common: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence starts at word ``i`` with no stop before it."""
    return lead.is_seam(words, i, common) or _common_capital(words, i)


def _echoed_headline(words: list[str], i: int) -> bool:
    """A headline ends before word ``i`` and its lede, echoing it, starts there (``ECHO_SHARE``).

    Not a seam for titles (``headline_part``): a sentence that repeats itself would lose its
    end, where a summary only passes over one candidate of many.
    """
    word, previous = words[i], words[i - 1]
    if not (word[:1].isupper() and previous[-1:].isalpha() and previous.islower()
            and previous not in _ECHO_IGNORED):
        return False
    head = _content_words(words[:i])
    if len(head) < ECHO_MIN_WORDS:
        return False
    echo = set(_content_words(words[i:i + 2 * len(head) + 10]))
    return sum(w in echo for w in head) >= ECHO_SHARE * len(head)


def _content_words(words: list[str]) -> list[str]:
    """Lower-cased words of two letters or more, punctuation stripped, function words left out."""
    stripped = (_WORD_CHARS.sub("", w.lower()).strip("'") for w in words)
    return [w for w in stripped if len(w) >= 2 and w not in _ECHO_IGNORED]


def _common_capital(words: list[str], i: int) -> bool:
    """A frequent word capitalised after a lower-case content word: a glued sentence start."""
    word, previous = words[i], words[i - 1]
    if not (word[:1].isupper() and word[1:].islower() and previous[-1:].isalpha()
            and previous.islower() and previous not in _FUNCTION_WORDS):
        return False
    if _MONTHS_OR_DAYS.fullmatch(word):
        return False
    return zipf_frequency(word.lower(), "en") >= GLUED_WORD_ZIPF


def clean_headline(headline: str) -> str:
    """``headline`` without an outlet suffix (" - Reuters"), a media label or stray spaces.

    The label ("In pictures: ") is ``furniture.strip_label``'s.
    """
    text = re.sub(r"\s+", " ", headline).strip()
    return furniture.strip_label(OUTLET_SUFFIX.sub("", text).strip() or text)


def summarize(sources: Sequence[Source], *, limit: int = MAX_SUMMARY_SENTENCES) -> str:
    """One short paragraph: the ``limit`` most central sentences across the sources.

    Time and memory are linear in the sources' words (sparse vectors), and past
    ``MAX_CANDIDATES`` sentences only the best by a cheap pre-score are weighed.
    """
    candidates, order = central_sentences(sources)
    if not candidates:
        return ""
    matrix = textvec.sparse_tfidf(candidates)
    chosen: list[int] = []
    for index in order:
        if len(chosen) == limit:
            break
        if matrix is not None and chosen and float(
                (matrix[chosen] @ matrix[int(index)].T).max()) > REPEAT_SIMILARITY:
            continue
        used = sum(len(candidates[c]) + 1 for c in chosen)
        if used + len(candidates[index]) > MAX_SUMMARY_CHARS:
            continue
        chosen.append(int(index))
    return " ".join(candidates[c] for c in chosen)


def central_sentences(sources: Sequence[Source]) -> tuple[list[str], list[int]]:
    """The sources' summary sentences and their positions, most central first.

    A glued seam is read against the words all the sources write in lower case: a page of
    one headline and one sentence ("... hearings in wake of gulf disaster Cleanup and
    containment efforts continue ...") writes "cleanup" too few times to tell, its story many.
    """
    common = lead.common_words("\n".join(_texts(sources)))
    candidates = [c for s in sources for c in _sentences(s.primary.text, common)]
    candidates = _shortlist(list(dict.fromkeys(candidates)))
    if not candidates:
        return [], []
    scores = _centrality(candidates, _texts(sources))
    return candidates, [int(i) for i in np.argsort(-scores, kind="stable")]


def _ranked(sources: Sequence[Source]) -> list[str]:
    """The sources' summary sentences, most central first."""
    candidates, order = central_sentences(sources)
    return [candidates[i] for i in order]


def _shortlist(candidates: list[str]) -> list[str]:
    """At most ``MAX_CANDIDATES`` sentences, those whose words most candidates share.

    The pre-score is the mean number of candidates using each of a sentence's words: what
    the centroid's cosine rewards, without the vectors. Order is kept, so below the cap the
    summary is exactly the uncapped one.
    """
    if len(candidates) <= MAX_CANDIDATES:
        return candidates
    words = [set(textvec.analyze(c)) for c in candidates]
    spread = Counter(w for ws in words for w in ws)
    prescore = [sum(spread[w] for w in ws) / (len(ws) or 1) for ws in words]
    best = sorted(np.argsort(-np.asarray(prescore), kind="stable")[:MAX_CANDIDATES].tolist())
    log.debug("summary: weighed %d of %d sentences", len(best), len(candidates))
    return [candidates[i] for i in best]


def _texts(sources: Sequence[Source]) -> list[str]:
    return [s.primary.text for s in sources]


def _centrality(candidates: Sequence[str], documents: Sequence[str],
                weights: Sequence[int] | None = None) -> textvec.Matrix:
    """Cosine of each candidate to the centroid of the documents.

    Each document weighs one unless ``weights`` says otherwise (a source published in several
    copies reached more readers).
    """
    matrix = textvec.sparse_tfidf([*documents, *candidates])
    if matrix is None:
        return np.zeros(len(candidates), dtype=np.float64)
    share = np.asarray(weights if weights is not None else np.ones(len(documents)),
                       dtype=np.float64)
    centroid = matrix[: len(documents)].T @ (share / share.sum())
    return np.asarray(matrix[len(documents):] @ centroid, dtype=np.float64)


def _sentences(text: str, common: frozenset[str]) -> list[str]:
    """``text``'s summary sentences; ``common``: the words its story writes in lower case."""
    return [sentence for start, end in sentences.split(text)
            if _is_summary_sentence(sentence := text[start:end])
            and _one_sentence(sentence, common)]


def _is_summary_sentence(sentence: str) -> bool:
    words = len(sentence.split())
    if not MIN_SENTENCE_WORDS <= words <= MAX_SENTENCE_WORDS:
        return False
    if sentence[-1] not in ".!?\"”’" or not sentence[0].isupper():
        return False  # checked before the boilerplate markers: one character each
    lowered = sentence.lower()
    if any(marker in lowered for marker in BOILERPLATE):
        return False
    if furniture.is_furniture(sentence):
        return False  # points to a list or a video: says where to look, not what happened
    return _quotes_balanced(sentence)  # and one sentence: ``_sentences`` asks, with its words


def _quotes_balanced(sentence: str) -> bool:
    """No quotation left open or closed mid-way (curly pairs and straight quotes)."""
    if sentence.count("“") != sentence.count("”") or sentence.count('"') % 2:
        return False
    return not _BROKEN_APOSTROPHE.search(sentence)


def _is_headline(text: str) -> bool:
    """Whether ``text`` can title a story: a few words, not a dateline, not page furniture.

    A photo caption or a roundup heading standing as a page's title ("June 23, 2010: This
    image from video provided by BP shows ...") says what the picture is, not what happened.
    """
    words = text.split()
    if len(words) < MIN_TITLE_WORDS or furniture.is_furniture(text):
        return False
    # A dateline ("Thursday, February 5, 2026") is mostly month/day names and numbers.
    dateish = sum(1 for w in words if _MONTHS_OR_DAYS.fullmatch(w.strip(",.")) or
                  w.strip(",.").isdigit())
    return dateish * 2 < len(words)
