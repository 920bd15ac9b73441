"""Reader-quality audit: the briefing a user gets from a real pile, as a reader sees it.

Writes the real pile (``../shared/tools/real-pile``, about 6,100 articles from the shared
evaluation texts) into a temporary folder, builds the site there with ``digest build`` as a
user would, and reads the generated ``docs/`` Markdown: titles, cards, summaries, timeline
entries and People pages. Figures (targets of issue 14 in brackets):

- boilerplate: titles, summaries and timeline entries holding a sentence that recurs verbatim
  in articles of BOILERPLATE_MIN_STORIES stories or more (0);
- run-on titles, over RUN_ON_WORDS words (<= 1%), and titles cut with "…" (<= 5%);
- tokenisation artifacts and datelines in titles, cards, summaries and timeline entries (0);
- People pages: the 100 largest, with precision and duplicate pairs from the hand-written
  ``benchmarks/briefing_people.tsv`` when it exists (>= 97%, <= 2 pairs);
- the tail of People, Places and Organisations (one-story pages): a stable sample, its
  precision and failure classes from ``benchmarks/briefing_names.tsv`` (``briefing_names``);
- disputed timeline entries: share of all, and precision from the hand-checked
  ``benchmarks/briefing_disputes.tsv`` when it exists (>= 90%);
- timeline entries over LONG_ENTRY_WORDS words (<= 1%);
- what a reader reads first, in summaries, chapter titles and timeline entries: a headline or
  caption glued to a sentence with no stop between or with its last word doubled ("... and
  BP BP executives have met ..."), a list introduction ("Below is a timeline of ...:"), a
  teaser of a video or pictures ("Live video of ..."), a list bullet read as "cents", a wire
  roundup's heading ("Events May 4, Day 15 of ...") and an e-mail contact prompt, each 0.

Skips cleanly (exit 0) when ``../shared/eval`` or the pile tool is absent; the pile and the
site stay in the temporary folder (the texts are copyrighted).

    .venv/bin/python -m benchmarks.briefing                  # build, audit, record
    .venv/bin/python -m benchmarks.briefing --workdir /tmp/b # keep the build for a look
    .venv/bin/python -m benchmarks.briefing --reuse /tmp/b --no-record   # audit it again
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import _common, briefing_timelines
from benchmarks.briefing_names import tail_figures

PILE_TOOL = _common.REPO.parent / "shared" / "tools" / "real-pile"
PEOPLE_LABELS = _common.REPO / "benchmarks" / "briefing_people.tsv"
DISPUTE_LABELS = _common.REPO / "benchmarks" / "briefing_disputes.tsv"
DISPUTES_REMOVED = _common.REPO / "benchmarks" / "briefing_disputes_removed.tsv"
"""Disputes an older build flagged that the clause test (``story/happening``) no longer
flags, hand-checked: whether each was a real dispute (a sample, not the whole list)."""

RUN_ON_WORDS = 25
"""A title longer than this is a headline run into its body or dateline (the issue's bound:
real headlines run up to about 25 words)."""

LONG_ENTRY_WORDS = 60
"""A timeline entry longer than this is a run of several items, not one event."""

BOILERPLATE_MIN_STORIES = 4
"""A sentence (of BOILERPLATE_MIN_WORDS or more) found in the input articles of this many
stories counts as boilerplate: a footer or promo reaches many unrelated stories, while a
background sentence of one event reaches the two or three stories that event was split into."""

BOILERPLATE_MIN_WORDS = 6
"""Shorter sentences ("He declined to comment.") recur by chance."""

LARGEST_PEOPLE = 100
"""People pages audited: the largest by number of stories."""

# Tokenisation marks a reader must never see (Penn Treebank brackets and quotes, a space before
# punctuation or a clitic, a space after a currency sign).
ARTIFACT = re.compile(r"-[LR][RSC]B-|``|''|\w (?:'s|n't|'re|'ll|'ve)\b|\w [,.;:!?%](?:\s|$)"
                      r"|[$£€] \d")
# An upper-case place ("RAS LANUF", "O'SMACH", "CHICAGO/MEMPHIS") and its state or country.
_CAPS = r"[A-Z][A-Z.'’\\/-]+(?: [A-Z][A-Z.'’\\/-]+)*"
_AGENCY = r"\((?:Reuters|AP|AFP|CNN|UPI|dpa|Xinhua|Bloomberg)\)"
# Datelines: a place and a bar before a stamp, a wire agency in brackets before a dash, a
# date or weekday with a clock time; an upper-case place before an agency in brackets ("DAR
# ES SALAAM, Tanzania (AP) _"), an upper-case place with its country at the end of a text or
# before a dash or bar ("... no-fly zone RAS LANUF, Libya", "SENDAI, Japan — "), and one
# opening a sentence before a dash ("WASHINGTON _ The economy ...").
DATELINE = re.compile(
    r"\b[A-Z]{2,}(?: [A-Z]{2,})* \|"
    rf"|{_AGENCY} ?(?:--|[-—–_])"
    r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,? (?:\w+ \d{1,2},? \d{4} )?\d{1,2}[:.]\d{2}"
    rf"|\b{_CAPS}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)? ?{_AGENCY}"
    rf"|\b{_CAPS}, [A-Z][a-z][\w.]*(?: [A-Z][a-z][\w.]*)?(?: ?(?:_|--|—|\|)|\s*$)"
    rf"|(?:^|[.!?] ){_CAPS} (?:_|--|—) ")
# A sentence run on from a headline or caption with no stop between: a lower-case word (or a
# quotation closed after one) and then a word that only opens a sentence, itself followed by a
# lower-case word ("... showed cement flaw' The blowout caused ..."). Not after a word that
# names a work ("the film The Godfather").
GLUED = re.compile(
    r"\b(?!(?:the|a|an|of|in|on|at|to|for|by|with|from|and|or|as|than|that|film|movie|show|"
    r"book|song|album|series|novel|newspaper|magazine|programme|program|channel)\b)"
    r"[a-z][a-z]+[’'\"”]? (?:The|A|An|He|She|It|They|We|His|Her|Its|Their|This|These|Those|"
    r"There|But|Critics|Some|Many|Most|After|When|While|If|Officials|Police|Experts) [a-z]")
# A sentence pointing forward to a list or excerpt the page laid out below it ("Below is a
# timeline of the spill:", "Here are the key facts:", "Following are ...:").
LIST_INTRO = re.compile(r"(?:^|[.!?]\s)(?:Below|Here|Following|The following|Listed below)\b"
                        r"[^.!?:]{0,150}:")
# A teaser of a video or pictures: a sentence opening with the medium and no verb of its own
# ("Live video of the spill.", "Photo: Northern Illinois field taken by ...").
_MEDIA = re.compile(r"^(?:(?:Live|Watch|Raw|Exclusive|More|Latest)\s+)?(?:[Vv]ideos?|[Pp]hotos?|"
                    r"[Pp]ictures|[Ii]mages|[Gg]allery|[Ss]lideshow|[Ff]ootage|[Aa]udio)\b"
                    r"|^(?:Watch|In pictures)\b")
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|shows?|"
                   r"showed|appears?|appeared|emerged)\b")
# A list bullet the tokeniser spelt as the cent sign's word ("... on news cents Pipe carries
# 12% ..."): "cents" opening a text or an item, not after a number.
BULLET_CENTS = re.compile(r"(?:^|(?<=[^\d\s] ))cents (?=[A-Z0-9“\"‘`])")
# A headline or caption run into a sentence that opens with the headline's last word ("...
# between the president and BP BP executives have met ..."); ``doubled_seam`` also asks that
# the text name the word alone elsewhere (a doubled name, "Miu Miu dresses", is no seam).
_DOUBLED = re.compile(r"\b([A-Z][\w’'-]*) \1 (?=[a-z])")
# The heading of a wire roundup ("Events May 4, Day 15 of a Gulf of Mexico oil spill ...",
# "A summary of events on Sunday, June 13, Day 54 of ..."): a date and the story's day count.
ROUNDUP = re.compile(r"(?:^|[.!?] )(?:[A-Z][a-z]*(?: [a-z]+){0,3} )?(?:[A-Z][a-z]+day,? )?"
                     r"[A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?, [Dd]ay \d+ of\b")
# A contact prompt or footer: an e-mail address after a colon ("... should be sent to:
# letters@...") or run on into the next words with no stop ("letters@... If you need help").
# Not an address inside prose ("300 emails were sent to the pics@... address."), nor a web
# address, which news cites in prose ("said on its website (www.pbc.gov.cn)").
ADDRESS = re.compile(r":\s*[\w.+-]+@[\w-]+\.[\w.-]*[a-z]|[\w.+-]+@[\w-]+\.[\w.-]*[a-z] [A-Z]")
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’')]))\s+")
_NON_WORD = re.compile(r"\W+")
_TAG = re.compile(r"<[^>]+>")
_CITES = re.compile(r'<span class="dg-cites".*?</span>', re.DOTALL)


@dataclass
class Site:
    """What the generated docs show a reader."""

    titles: list[str] = field(default_factory=list)
    cards: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)
    chapters: list[str] = field(default_factory=list)
    disputed: int = 0
    people: list[tuple[str, int]] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    """Figures of the name indexes' one-story pages (``briefing_names``)."""


def text_of(fragment: str) -> str:
    """Markdown/HTML fragment -> the text a reader sees (citations and tags out)."""
    return html.unescape(_TAG.sub("", _CITES.sub("", fragment))).strip()


def read_site(docs: Path) -> Site:
    """Titles, summaries, entries from story pages; cards from the home page; People."""
    site = Site()
    for page in sorted((docs / "stories").glob("*.md")):
        markdown = page.read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", markdown, re.DOTALL)
        if h1 is None:
            continue  # a redirect page
        site.titles.append(text_of(h1.group(1)))
        summary = re.search(r'<p class="dg-summary">(.*?)</p>', markdown, re.DOTALL)
        if summary:
            site.summaries.append(text_of(summary.group(1)))
        site.chapters.extend(text_of(t) for t in re.findall(
            r'<h3 class="dg-chapter__title">(.*?)</h3>', markdown, re.DOTALL))
        for body in re.findall(r'<div class="dg-event__body">(.*?)</div>', markdown, re.DOTALL):
            first = re.search(r"<p>(.*?)</p>", body, re.DOTALL)
            site.entries.append(text_of(first.group(1)) if first else "")
            site.disputed += "dg-dispute" in body
    for home in [docs / "index.md", *sorted((docs / "days").glob("*.md"))]:
        if home.exists():
            cards = re.findall(r'<p class="dg-card__summary">(.*?)</p>', home.read_text("utf-8"),
                               re.DOTALL)
            site.cards.extend(text_of(c) for c in cards)
    index = docs / "people" / "index.md"
    if index.exists():
        rows = re.findall(r'<a href="[^"]+">(.*?)</a> <span class="dg-count">(\d+)</span>',
                          index.read_text(encoding="utf-8"))
        site.people = sorted(((html.unescape(n), int(c)) for n, c in rows), key=lambda p: -p[1])
    site.tail = tail_figures(docs)
    return site


def sentence_keys(text: str) -> set[str]:
    """Keys of the sentences of BOILERPLATE_MIN_WORDS or more: letters and digits only, so
    tokenised input and detokenised output compare equal."""
    return {_NON_WORD.sub("", s).casefold() for line in text.split("\n")
            for s in _SENTENCE.split(line) if len(s.split()) >= BOILERPLATE_MIN_WORDS}


def boilerplate_keys(pile: Path, report: Path) -> set[str]:
    """Sentences found in the input articles of BOILERPLATE_MIN_STORIES stories or more."""
    story_of = {a: n for n, s in enumerate(json.loads(report.read_text("utf-8"))["stories"])
                for a in s["articles"]}
    stories: dict[str, set[int]] = defaultdict(set)
    with pile.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            story = story_of.get(row["id"])
            if story is not None:
                for key in sentence_keys(row.get("text", "")):
                    stories[key].add(story)
    return {k for k, found in stories.items() if len(found) >= BOILERPLATE_MIN_STORIES}


def share(count: int, total: int) -> str:
    """``count`` of ``total`` with its percentage."""
    return f"{count} of {total} ({100 * count / total:.1f}%)" if total else "0 of 0"


def count(texts: Iterable[str], test: re.Pattern[str]) -> int:
    """How many texts the pattern finds something in."""
    return sum(1 for t in texts if test.search(t))


def has_teaser(text: str) -> bool:
    """Whether a sentence of ``text`` is a video or picture teaser (``_MEDIA``, no verb)."""
    return any(_MEDIA.search(s) and not _VERB.search(s)
               for s in _SENTENCE.split(text) if s)


def doubled_seam(text: str) -> bool:
    """Whether ``text`` holds a word written twice at a seam, the word also written alone."""
    for match in _DOUBLED.finditer(text):
        word = match.group(1)
        alone = re.findall(rf"(?<!{re.escape(word)} )\b{re.escape(word)}\b(?! {re.escape(word)}\b)",
                           text)
        if alone:
            return True
    return False


def lead_figures(site: Site) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Page furniture and glued seams in what a reader reads first.

    Summaries, chapter titles and timeline entries: glued headlines (with no stop between,
    and with the join word doubled), list introductions, teasers, bullets read as "cents",
    roundup headings and contact addresses; the figures and the failing texts.
    """
    read = [*site.summaries, *site.chapters, *site.entries]
    found = [("glued", [t for t in read if GLUED.search(t)]),
             ("doubled", [t for t in read if doubled_seam(t)]),
             ("list intro", [t for t in read if LIST_INTRO.search(t)]),
             ("teaser", [t for t in read if has_teaser(t)]),
             ("cents", [t for t in read if BULLET_CENTS.search(t)]),
             ("roundup", [t for t in read if ROUNDUP.search(t)]),
             ("address", [t for t in read if ADDRESS.search(t)])]
    kinds = {"glued": "Headlines or captions glued to a sentence",
             "doubled": "Headlines glued on with the join word doubled (\"BP BP executives\")",
             "list intro": "List introductions (\"Below is a timeline ...:\")",
             "teaser": "Video or picture teasers",
             "cents": "List bullets read as \"cents\"",
             "roundup": "Wire roundup headings (\"May 4, Day 15 of ...\")",
             "address": "E-mail contact prompts and footers"}
    rows = [f"- {kinds[what]} in summaries, chapter titles, entries: "
            f"{share(len(texts), len(read))} (target 0)" for what, texts in found]
    split = [f"  (summaries {sum(1 for t in site.summaries if t in texts)}, chapter titles "
             f"{sum(1 for t in site.chapters if t in texts)}, entries "
             f"{sum(1 for t in site.entries if t in texts)})" for _, texts in found]
    return [f"{r}{s}" for r, s in zip(rows, split, strict=True)], found


def people_figures(people: Sequence[tuple[str, int]]) -> list[str]:
    """Precision and duplicate pairs of the largest People pages, from the label file."""
    top = people[:LARGEST_PEOPLE]
    rows = [f"- People pages: {len(people)}; the {len(top)} largest: "
            + ", ".join(f"{n} ({c})" for n, c in top[:12]) + ", ..."]
    if not PEOPLE_LABELS.exists():
        return [*rows, f"- People precision and duplicates: no label file "
                       f"({PEOPLE_LABELS.name} not written yet)"]
    with PEOPLE_LABELS.open(encoding="utf-8") as handle:
        labels = {r["name"]: r for r in csv.DictReader(handle, delimiter="\t")}
    names = {n for n, _ in top}
    labelled = [labels[n] for n, _ in top if n in labels]
    people_count = sum(1 for r in labelled if r["is_person"].strip() == "yes")
    pairs = sum(1 for r in labelled if r["same_as"].strip() in names)
    return [*rows,
            f"- People precision (largest {len(top)}, {len(labelled)} labelled): "
            f"{share(people_count, len(labelled))} are people (target >= 97%)",
            f"- People duplicate pairs among them: {pairs} (target <= 2)"]


def dispute_figures(site: Site, labelled: bool = True) -> list[str]:
    """Share of disputed entries, and hand-checked precision from the label file.

    ``labelled`` False leaves the hand-checked lines out: the label files describe one
    build's disputes, so an earlier build (``--before``) is not scored with them.
    """
    rows = [f"- Disputed timeline entries: {share(site.disputed, len(site.entries))}"]
    if not labelled:
        return rows
    if not DISPUTE_LABELS.exists():
        return [*rows, f"- Dispute precision: no label file ({DISPUTE_LABELS.name} not "
                       "written yet)"]
    with DISPUTE_LABELS.open(encoding="utf-8") as handle:
        verdicts = [r["verdict"].strip() for r in csv.DictReader(handle, delimiter="\t")]
    right = sum(1 for v in verdicts if v == "yes")
    rows.append(f"- Dispute precision (hand-checked): {share(right, len(verdicts))} "
                "(target >= 90%)")
    if DISPUTES_REMOVED.exists():
        with DISPUTES_REMOVED.open(encoding="utf-8") as handle:
            real = Counter(r["real"].strip() for r in csv.DictReader(handle, delimiter="\t"))
        rows.append(f"- Disputes of the build before the clause test that it removed "
                    f"(hand-checked sample of {sum(real.values())}): {real['no']} were no "
                    f"dispute, {real['unclear']} unclear, {real['yes']} real")
    return rows


def audit(site: Site, banned: set[str],
          labelled: bool = True) -> tuple[list[str], list[str]]:
    """The figures (Markdown list lines) and a few examples of what still fails.

    ``labelled`` False: no dispute precision (see ``dispute_figures``).
    """
    def boiler(text: str) -> bool:
        return not sentence_keys(text).isdisjoint(banned)

    shown = [*site.titles, *site.cards, *site.summaries, *site.entries]
    run_on = [t for t in site.titles if len(t.split()) > RUN_ON_WORDS]
    cut = [t for t in site.titles if t.endswith("…")]
    bad_boiler = [t for t in [*site.titles, *site.summaries, *site.entries] if boiler(t)]
    artifacts = [t for t in shown if ARTIFACT.search(t)]
    datelines = [t for t in shown if DATELINE.search(t)]
    long_entries = [t for t in site.entries if len(t.split()) > LONG_ENTRY_WORDS]
    lead_rows, lead_found = lead_figures(site)
    figures = [
        f"- Stories: {len(site.titles)}; timeline entries: {len(site.entries)}; home cards: "
        f"{len(site.cards)}",
        f"- Titles, summaries and entries holding boilerplate (a sentence in the input of "
        f">= {BOILERPLATE_MIN_STORIES} stories): "
        f"{share(len(bad_boiler), len(site.titles) + len(site.summaries) + len(site.entries))}"
        " (target 0)",
        f"- Run-on titles (> {RUN_ON_WORDS} words): {share(len(run_on), len(site.titles))} "
        "(target <= 1%)",
        f"- Titles cut with …: {share(len(cut), len(site.titles))} (target <= 5%)",
        f"- Tokenisation artifacts in titles, cards, summaries, entries: "
        f"{share(len(artifacts), len(shown))} (target 0)",
        f"- Datelines in titles, cards, summaries, entries: {share(len(datelines), len(shown))}"
        " (target 0)",
        *people_figures(site.people),
        *site.tail,
        *dispute_figures(site, labelled),
        f"- Timeline entries over {LONG_ENTRY_WORDS} words: "
        f"{share(len(long_entries), len(site.entries))} (target <= 1%)",
        f"- Chapter titles: {len(site.chapters)}",
        *lead_rows,
    ]
    examples = [f"{what}: {t[:160]}" for what, items in (
        ("boilerplate", bad_boiler), ("run-on", run_on), ("cut", cut),
        ("artifact", artifacts), ("dateline", datelines), ("long entry", long_entries),
        *lead_found) for t in items[:3]]
    return figures, examples


def build(workdir: Path) -> tuple[Path, Path]:
    """Write the pile and build the site in ``workdir``; the pile and the report paths."""
    pile = workdir / "pile.jsonl"
    subprocess.run([str(PILE_TOOL), str(pile)], check=True, stdout=subprocess.DEVNULL)
    shutil.copy(_common.REPO / "mkdocs.yml", workdir / "mkdocs.yml")
    shutil.copytree(_common.REPO / "theme", workdir / "theme", dirs_exist_ok=True)
    subprocess.run([sys.executable, "-m", "generator", "build", "-q", str(pile)],
                   cwd=workdir, check=True)
    return pile, workdir / "build-report.json"


def main(argv: Sequence[str] | None = None) -> None:
    """Build (or reuse) the real-pile site, audit it, print and record the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--workdir", type=Path, help="build here and keep it (default: temp)")
    parser.add_argument("--reuse", type=Path, help="audit a build made before with --workdir")
    parser.add_argument("--no-record", action="store_true", help="do not touch BENCHMARKS.md")
    parser.add_argument("--before", type=Path,
                        help="also audit this earlier build (made with --workdir by older code) "
                             "and record its figures beside the new ones")
    parser.add_argument("--note", default="", help="a line recorded with the figures "
                                                   "(which code made the build)")
    args = parser.parse_args(argv)
    _common.require_eval("tls-timeline17-crisis")
    if not PILE_TOOL.exists():
        print(f"skipped: {PILE_TOOL} not found")
        return
    with tempfile.TemporaryDirectory(prefix="briefing-") as temp:
        workdir = args.reuse or args.workdir or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        if args.reuse:
            pile, report = workdir / "pile.jsonl", workdir / "build-report.json"
        else:
            pile, report = build(workdir)
        figures, examples = audit(read_site(workdir / "docs"), boilerplate_keys(pile, report))
        figures += briefing_timelines.figures(workdir)
    print("\n".join(figures))
    print("\nExamples:\n" + "\n".join(examples))
    before: list[str] = []
    if args.before:
        before, _ = audit(read_site(args.before / "docs"),
                          boilerplate_keys(args.before / "pile.jsonl",
                                           args.before / "build-report.json"),
                          labelled=False)
        before += briefing_timelines.figures(args.before)
    if not args.no_record:
        _common.record("briefing", section(figures, before, args.note))


def section(figures: Sequence[str], before: Sequence[str], note: str = "") -> str:
    """The BENCHMARKS.md section: the figures, and those of the earlier build if given."""
    text = ("## Reader-quality audit (real pile)\n\n"
            "`.venv/bin/python -m benchmarks.briefing` (builds the site from "
            f"`../shared/tools/real-pile` with `digest build`; {_common.machine()})"
            + (f"\n\n{note}" if note else "") + "\n\n" + "\n".join(figures))
    if before:
        text += ("\n\nThe same audit of the earlier build given with `--before` (its disputes "
                 "are not scored with this build's labels):\n\n")
        text += "\n".join(before)
    return text


if __name__ == "__main__":
    main()
