"""Score ``generator.quotes.find_quotes`` on PolNeAR (political news attribution relations).

Run: ``.venv/bin/python -m benchmarks.quotes`` (``--split train|dev|both``, ``--no-record``,
``--show N`` prints N misses of each kind to study).

Gold: one ``.ann`` file per article (the first annotator listed in ``metadata.tsv``). A gold
*direct quote* is an attribution whose content span contains a double quotation mark
(``"``, ``“`` or ``”``).

Figures:
- detection precision / recall / F1: a predicted quote that overlaps a gold direct-quote content
  span matches it; a prediction matching none is a false positive; a gold quote no prediction
  overlaps is a miss.
- named-speaker accuracy (best overlap): over matched gold quotes whose gold source span names
  someone (PolNeAR has no coreference, so pronoun and description sources are left out), the
  share whose predicted speaker shares a name token with the gold source; each gold quote is
  judged on the prediction that overlaps it most.
- named-speaker accuracy (first overlap, the scorer of issue 18): over matched gold quotes whose
  source span holds any capitalised word that is no function word or title ("the CNN host"
  counts, as do sentence-initial words), the share whose *first* predicted quote (in text
  order) overlapping it has a speaker sharing such a word. Stricter than the scorer above: a
  quote split by its attribution is judged on its first part, and a description that names an
  organisation ("a Ryan spokesperson") must be answered with that name, not a person.
- single-quoted predictions (headline style, 'won't happen') are not scored: the gold's direct
  quotes are those with a double quotation mark, so they can be neither right nor wrong; the
  table reports how many there were. A name token is a capitalised word of the
  source span that is no function word and never appears in lower case in the article (so a
  sentence-initial "Officials" is not a name); an acronym matches the initials of the predicted
  name ("DNC", "Democratic National Committee"). Descriptions are left out too: a source that
  starts with an indefinite article, or with "the" and ends in a lower-case word ("a New
  Hampshire Democrat", "the former Florida governor"), names nobody.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import _common, quotes_indirect
from generator.model import Quote
from generator.quotes import find_quotes

QUOTE_MARKS = ('"', "“", "”")


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_NOT_NAMES = words(
    "the a an he she they it we i you his her their its our my your this that these those mr "
    "mrs ms dr sen rep gov president former u.s us new one some many most both all according "
    "and or of in on at for to by with")

_INDEFINITE = frozenset(("a", "an", "one", "another", "some", "several", "two", "three"))
_PRONOUNS = frozenset(("he", "she", "him", "her"))
_DETERMINERS = frozenset(("the", "a", "an", "one", "another"))


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold direct quote: content fragments and the source span's text."""

    spans: tuple[tuple[int, int], ...]
    source: str | None


@dataclass(slots=True)
class Tally:
    """Running counts for one split."""

    split: str = ""
    predicted: int = 0
    true_pos: int = 0
    gold: int = 0
    found: int = 0
    named: int = 0
    named_right: int = 0
    capitalised: int = 0
    """Matched gold quotes whose source holds a capitalised word (the first-overlap scorer)."""
    first_right: int = 0
    """Of those, the ones whose first overlapping prediction has a speaker sharing that word."""
    indirect: int = 0
    """Matched gold quotes whose source is a pronoun or a description ("he", "the senator")."""
    indirect_named: int = 0
    """Of those, the ones the first overlapping prediction gives a speaker (not unattributed)."""
    unscored: int = 0
    """Single-quoted predictions, outside the gold's definition (see score_article)."""
    seconds: float = 0.0
    chars: int = 0
    misses: list[str] = field(default_factory=list)
    false_pos: list[str] = field(default_factory=list)
    wrong_speaker: list[str] = field(default_factory=list)
    first_wrong: list[str] = field(default_factory=list)
    indirect_items: list[quotes_indirect.Item] = field(default_factory=list)
    """Matched gold quotes with a pronoun or description source, for the hand-checked draw."""

    def figures(self) -> dict[str, float]:
        """Precision, recall, F1 and speaker accuracy."""
        p = self.true_pos / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.named_right / self.named if self.named else 0.0
        first = self.first_right / self.capitalised if self.capitalised else 0.0
        return {"precision": p, "recall": r, "f1": f1, "speaker_accuracy": acc,
                "first_overlap_accuracy": first}


def _spans(field_: str) -> tuple[tuple[int, int], ...]:
    parts = field_.split(" ", 1)[1]
    out = []
    for piece in parts.split(";"):
        start, end = piece.split()
        out.append((int(start), int(end)))
    return tuple(out)


def parse_ann(ann: str, text: str) -> list[GoldQuote]:
    """The gold direct quotes of one brat ``.ann`` file over ``text``."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2 and " " in cols[1]:
            spans[cols[0]] = _spans(cols[1])
        elif line.startswith("E") and len(cols) >= 2:
            relations.append(dict(p.split(":", 1) for p in cols[1].split() if ":" in p))
    gold = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if not content or not any(m in text[s:e] for s, e in content for m in QUOTE_MARKS):
            continue
        source = spans.get(rel.get("Source", ""))
        gold.append(GoldQuote(content, " ".join(text[s:e] for s, e in source) if source else None))
    return gold


def name_tokens(source: str, text: str) -> set[str]:
    """Capitalised name words of a gold source span (see the module docstring)."""
    words = source.split()
    if not words or words[0].lower() in _INDEFINITE or (
            words[0].lower() == "the" and not words[-1][:1].isupper()):
        return set()  # a description ("a New Hampshire Democrat", "the former Florida governor")
    lowered = set(re.findall(r"[a-z][\w'’-]*", text))
    names = set()
    for raw in _WORD.findall(source):
        word = re.sub(r"(['’]s?|\.)$", "", raw)
        if word[:1].isupper() and word.lower() not in _NOT_NAMES and word.lower() not in lowered:
            names.add(word.lower())
    return names


def initials(name: str) -> str:
    """Lower-case initials of a name's capitalised words ('Democratic National Committee': dnc)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper()).lower()


def _overlap(quote: Quote, spans: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(quote.end, e) - max(quote.start, s)) for s, e in spans)


def single_quoted(text: str, quote: Quote) -> bool:
    """True when the quote is delimited by single quotation marks (headline style)."""
    return text[:quote.start].rstrip()[-1:] in ("'", "‘")


def score_article(text: str, gold: Sequence[GoldQuote], predicted: Sequence[Quote],
                  tally: Tally, name: str = "") -> None:
    """Add one article's counts to ``tally``.

    Single-quoted predictions are left out: the gold defines direct quotes by double quotation
    marks, so a single-quoted quote can never be gold, right or wrong.
    """
    unscored = [q for q in predicted if single_quoted(text, q)]
    tally.unscored += len(unscored)
    predicted = [q for q in predicted if q not in unscored]
    tally.predicted += len(predicted)
    tally.gold += len(gold)
    for quote in predicted:
        if any(_overlap(quote, g.spans) for g in gold):
            tally.true_pos += 1
        else:
            tally.false_pos.append(f"{name}: {quote.text[:90]!r}")
    for g in gold:
        best = max(predicted, key=lambda q: _overlap(q, g.spans), default=None)
        if best is None or not _overlap(best, g.spans):
            tally.misses.append(f"{name}: {' '.join(text[s:e] for s, e in g.spans)[:120]!r}")
            continue
        tally.found += 1
        first = next(q for q in predicted if _overlap(q, g.spans))
        _score_first(text, g, first, tally, name)
        if g.source and indirect_source(g.source):
            tally.indirect += 1
            tally.indirect_named += first.speaker is not None
            tally.indirect_items.append(quotes_indirect.Item(
                tally.split, name, g.spans[0][0], g.spans[-1][1], g.source, first.speaker))
        names = name_tokens(g.source, text) if g.source else set()
        if not names:
            continue
        tally.named += 1
        if speaker_matches(best.speaker, names):
            tally.named_right += 1
        else:
            tally.wrong_speaker.append(
                f"{name}: gold {g.source!r} got {best.speaker!r} in {_context(text, best)!r}")


def _score_first(text: str, gold: GoldQuote, first: Quote, tally: Tally, name: str) -> None:
    """Issue 18's scorer: the first overlapping prediction against the source's capitals."""
    names = capitalised_words(gold.source or "")
    if not names:
        return
    tally.capitalised += 1
    if speaker_matches(first.speaker, names):
        tally.first_right += 1
    else:
        tally.first_wrong.append(f"{name}: gold {gold.source!r} got {first.speaker!r} in "
                                 f"{_context(text, first)!r}")


def _context(text: str, quote: Quote) -> str:
    return (text[max(0, quote.start - 150):quote.start] + "[[" + quote.text[:60] + "]]"
            + text[quote.end:quote.end + 150]).replace("\n", " | ")


def indirect_source(source: str) -> bool:
    """True for a pronoun ("he") or a description ending in a lower-case word ("the senator")."""
    words = source.split()
    return source.lower() in _PRONOUNS or (
        words[0].lower() in _DETERMINERS and not words[-1][:1].isupper())


def capitalised_words(source: str) -> set[str]:
    """Capitalised words of a source span that are no function word or title, lower case."""
    bare = (re.sub(r"(['’]s?|\.)$", "", w) for w in _WORD.findall(source) if w[:1].isupper())
    return {w.lower() for w in bare if w and w.lower() not in _NOT_NAMES}


def speaker_matches(speaker: str | None, names: set[str]) -> bool:
    """True when ``speaker`` shares a name token with the gold ``names`` (or their acronym)."""
    guess = {w.lower() for w in _WORD.findall(speaker or "")}
    guess |= {re.sub(r"(['’]s?|\.)$", "", w) for w in guess}
    guess.add(initials(speaker or ""))  # "Democratic National Committee" is the DNC
    return bool(guess & names)


def first_annotators(folder: Path) -> dict[str, str]:
    """Article filename -> its first annotator, from metadata.tsv."""
    rows = (folder / "metadata.tsv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    col_file, col_ann = header.index("filename"), header.index("annotators")
    return {r.split("\t")[col_file]: r.split("\t")[col_ann].split("|")[0] for r in rows[1:]}


def run_split(folder: Path, split: str, annotators: dict[str, str]) -> Tally:
    """Score every article of one compartment."""
    tally = Tally(split)
    for txt in sorted((folder / split / "text").glob("*.txt")):
        ann = folder / split / "attributions" / f"{txt.stem}_{annotators.get(txt.stem, '')}.ann"
        if not ann.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        gold = parse_ann(ann.read_text(encoding="utf-8"), text)
        start = time.process_time()  # CPU time: the machine is shared, wall time is noisy
        predicted = find_quotes(text)
        tally.seconds += time.process_time() - start
        tally.chars += len(text)
        score_article(text, gold, predicted, tally, txt.stem)
    return tally


def _row(split: str, t: Tally) -> str:
    f = t.figures()
    speed = t.chars / t.seconds / 1e6 if t.seconds else 0.0
    return (f"| {split} | {t.gold} | {t.predicted} | {t.unscored} | {f['precision']:.3f} | "
            f"{f['recall']:.3f} | {f['f1']:.3f} | {t.named} | {f['speaker_accuracy']:.3f} | "
            f"{t.capitalised} | {f['first_overlap_accuracy']:.3f} | "
            f"{t.indirect_named}/{t.indirect} | {speed:.2f} |")


NOTES = """
Detection: overlap match on content spans that contain a double quotation mark; single-quoted
predictions are not scored (the gold only has double-quoted quotes). Target F1 >= 0.95.

Two speaker scorers. *Best overlap* (this benchmark's first): matched gold quotes whose source
holds a name (not a pronoun or description), each judged on the prediction overlapping it most;
right when they share a name token or an acronym matches the initials. *First overlap* (issue
18's): matched gold quotes whose source holds any capitalised word that is no function word
("the CNN host" counts), each judged on the first prediction overlapping it; right when the
speaker shares such a word. Target for the first-overlap scorer: >= 0.92 on dev, no drop on
train. The last column: of matched quotes whose gold source is a pronoun or a description, how
many get a speaker (the rest are unattributed, never a pronoun).

Pronoun and description sources (the table above): PolNeAR has no coreference, so a fixed
random draw of the train+dev quotes whose gold source is a pronoun or description ("he", "the
senator") and that get a speaker is checked by hand; `benchmarks/quotes_indirect.tsv` keeps, for
each drawn quote (article id and offsets, no article text), the name the article gives that
source elsewhere, and every run judges its own answers against it. Target 0.85 on named answers.
Before the rules of 2026-12-03 (in-document coreference: organisations, places, hyphen pairings
and runs with lower-case words are never "he"/"she"; a main-clause subject beats an object or a
subordinate clause's subject; lone surnames given in full elsewhere, names after "said", in
apposition or with a relative clause count as people; an unnamed speaker since, "said the
woman", makes the pronoun unattributed): seed 18 32/46 = 0.70, seed 7 32/49 = 0.65. Seeds 18
and 7 were checked before the rules were written, 3 and 11 after a round of them (a few rules
then came from their errors: seed 3 was 0.83 and seed 11 0.76 when first checked), and 5 only
after the last rule, tuned on by none (0.86). The 30 wrong answers left among the 237 drawn
quotes: an unnamed or non-person source (a crowd, protesters, a letter, a book, an ad's
narrator, "a Clinton campaign official") credited to a named person nearby (8); an object or a
name in a nested clause taken ("he called Rubio", "negotiated by President Obama", a writer
voicing the view he describes) (6); a non-person name given "he"/"she" ("Sandy Hook", "Fox
Business", "Mexican government", "France", a bout's name) (5); possessive or verbless
surname introductions missed ("Tuttle's article attacked ...", "Podliska's lawsuit ...") (4);
a description of a named person resolved to someone else ("the retired neurosurgeon", "the
radio talker") (3); names garbled by the text's encoding (2); a quote inside a reported
document credited to its reporter, and one other (2).

Remaining first-overlap errors (train 335 of 3,323, dev 32 of 409, the same totals as before
the pronoun rules; the classes were counted on the commit before them), by the gold source: a
named source left unattributed (train 83, dev 4: no cue at all, as in "a fundraising email
sent out by Sanders warned: '...'", transcripts and e-mail dumps, headline round-ups); a
named source given someone else (71, 9: nested reports whose outer speaker is the source,
"Rep. Israel said Clinton called on members to be 'closely coordinated'", a quote inside
another, "what he calls 'hell'"); a description source (135, 12: the scorer wants a
capitalised word of the description, "the Florida senator", where the speaker resolves to
the person, "Marco Rubio", or no person fits); a possessive source ("Trump's claim that there
have been 'thousands of shootings'", 37, 7); headlines of news-letter round-ups (9, 0). The
test compartment (a third) is held out and was never looked at.
"""


def _indirect_table(items: list[quotes_indirect.Item], folder: Path, *, show: bool) -> str:
    """The hand-checked pronoun/description precision of each draw, as a Markdown table."""
    labels = quotes_indirect.load_labels()
    if show:
        for line in quotes_indirect.unlabelled_contexts(items, quotes_indirect.SEEDS, labels,
                                                        folder):
            print(line)
    rows = [quotes_indirect.row(seed, quotes_indirect.score(items, seed, labels))
            for seed in quotes_indirect.SEEDS]
    rows.append(quotes_indirect.row("all (each quote once)", quotes_indirect.score_pooled(
        items, quotes_indirect.SEEDS, labels)))
    return "\n".join((quotes_indirect.TABLE_HEAD, *rows))


def main(argv: Sequence[str] | None = None) -> int:
    """Score the chosen splits, print the figures and record them in BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "both"), default="both")
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--show-indirect", action="store_true",
                        help="print the drawn pronoun/description quotes that have no label yet")
    args = parser.parse_args(argv)
    folder = _common.require_eval("polnear-quotes")
    annotators = first_annotators(folder)
    splits = ("train", "dev") if args.split == "both" else (args.split,)
    rows = []
    indirect: list[quotes_indirect.Item] = []
    for split in splits:
        tally = run_split(folder, split, annotators)
        rows.append(_row(split, tally))
        indirect += tally.indirect_items
        for label, items in (("MISS", tally.misses), ("FALSE POS", tally.false_pos),
                             ("WRONG SPEAKER", tally.wrong_speaker),
                             ("WRONG FIRST", tally.first_wrong)):
            for item in items[: args.show]:
                print(f"{label} {item}")
    table = "\n".join((
        "| split | gold quotes | predicted | single-quoted (unscored) | precision | recall | F1 | "
        "named gold sources | speaker accuracy (best overlap) | capitalised gold sources | "
        "speaker accuracy (first overlap) | pronoun/description sources attributed | "
        "MB/s (CPU) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|", *rows))
    print(table)
    if args.split != "both":
        return 0
    pronouns = _indirect_table(indirect, folder, show=args.show_indirect)
    print(pronouns)
    if not args.no_record:
        _common.record("quotes", (
            "## Quotes (PolNeAR direct quotes, first annotator)\n\n"
            f"`.venv/bin/python -m benchmarks.quotes` on {dt.date.today().isoformat()}, "
            f"{_common.machine()}.\n\n{table}\n\n"
            "Pronoun and description sources (train+dev, draws of "
            f"{quotes_indirect.DRAW} attributed quotes, hand labels in "
            f"`benchmarks/quotes_indirect.tsv`):\n\n{pronouns}\n\n" + NOTES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
