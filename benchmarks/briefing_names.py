"""The long tail of the name indexes (People, Places, Organisations): a stable sample, judged.

The head of the People list is audited by ``briefing.people_figures``; junk hides in the tail,
the pages of one story each. This module draws a fixed sample of each index's one-story pages
and scores it with the hand-written verdicts of ``benchmarks/briefing_names.tsv``.

The sample is stable across builds: a page is drawn when the SHA-1 of ``SEED`` and its name is
among the ``TAIL_SAMPLE[kind]`` smallest of its index's tail, so a build that removes or renames
a few pages keeps the others' draws (``random.sample`` over a changed list would draw anew) and
the labels written for one build mostly serve the next. Verdicts (one per kind and name):

- ``ok``: a right page (a person's name on People; a place, an organisation);
- ``title``: a right name with a title, rank, label or home glued before it ("Ex-PM Riad
  Hijab", "Major Gregory Stone", "Californian Rebecca Solnit");
- ``glued``: a word of the sentence glued to a name ("Interestingly Blocher", "Libya He");
- ``kind``: no name of this kind (an organisation or place on People, "Foreign Relations",
  "River Volga"; a person on Places);
- ``broken``: a broken token (mojibake, a cut word: "FranA", "Figure Ep");
- ``split``: a right name whose person has a page under another spelling ("Donand Trump");
- ``partial``: a name of this kind, but only part of it or a common word alone ("James").

``benchmarks.briefing`` prints these figures with its audit. Alone, this module audits builds
made before (``benchmarks.briefing --workdir DIR``) and records its own BENCHMARKS.md section:

    .venv/bin/python -m benchmarks.briefing_names DIR [--before OLD_DIR] [--note "..."]
    .venv/bin/python -m benchmarks.briefing_names DIR --unlabelled   # what needs a verdict
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from benchmarks import _common

LABELS = _common.REPO / "benchmarks" / "briefing_names.tsv"
SEED = "tail-2026-12"
"""Mixed into each name's hash; a new seed draws a new sample (and needs new labels)."""
TAIL_SAMPLE = {"people": 100, "places": 50, "organisations": 50}
"""Pages drawn per index: enough that one junk class of 2% shows (the issue's ask: 100 People,
50 Places and Organisations)."""
TAIL_STORIES = 1
"""A page of at most this many stories is in the tail (on the real pile 1,234 of 1,326 People
pages have one story)."""
FLAGGED_FROM = ("9b47904", "53da932")
"""The builds whose whole People list (1,326 and 1,648 pages) was read by hand and its failures
labelled too, beside the samples: how many of them a later build still lists counts every
class."""
VERDICTS = ("ok", "title", "glued", "kind", "broken", "split", "partial")

_ROW = re.compile(r'<a href="[^"]+">(.*?)</a> <span class="dg-count">(\d+)</span>')


def read_index(docs: Path, kind: str) -> list[tuple[str, int]]:
    """(name, stories) of every page listed in ``docs/<kind>/index.md``; empty without it."""
    index = docs / kind / "index.md"
    if not index.exists():
        return []
    return [(html.unescape(n), int(c)) for n, c in _ROW.findall(index.read_text("utf-8"))]


def tail_sample(pages: Sequence[tuple[str, int]], size: int) -> list[str]:
    """The stable sample of ``size`` tail pages (see the module's docstring)."""
    tail = [name for name, stories in pages if stories <= TAIL_STORIES]
    return sorted(tail, key=_draw)[:size]


def _draw(name: str) -> str:
    return hashlib.sha1(f"{SEED}\n{name}".encode()).hexdigest()


def _labels() -> dict[tuple[str, str], str]:
    if not LABELS.exists():
        return {}
    with LABELS.open(encoding="utf-8") as handle:
        return {(r["kind"], r["name"]): r["verdict"].strip()
                for r in csv.DictReader(handle, delimiter="\t")}


def tail_figures(docs: Path) -> list[str]:
    """Markdown list lines: per index, the tail sample's precision and its failure classes."""
    labels = _labels()
    rows = []
    for kind, size in TAIL_SAMPLE.items():
        pages = read_index(docs, kind)
        sample = tail_sample(pages, size)
        verdicts = Counter(labels.get((kind, name), "unlabelled") for name in sample)
        judged = sum(n for v, n in verdicts.items() if v != "unlabelled")
        right = verdicts["ok"]
        classes = ", ".join(f"{v} {verdicts[v]}" for v in VERDICTS[1:] if verdicts[v])
        tail = sum(1 for _, stories in pages if stories <= TAIL_STORIES)
        rows.append(
            f"- {kind.capitalize()} tail ({tail} of {len(pages)} pages have one story; a stable "
            f"sample of {len(sample)}, {judged} labelled): {right} right"
            + (f" ({100 * right / judged:.0f}%)" if judged else "")
            + (f"; failures: {classes}" if classes else "")
            + (f"; {verdicts['unlabelled']} not labelled" if verdicts["unlabelled"] else ""))
        flagged = Counter(labels[(kind, name)] for name, _ in pages
                          if labels.get((kind, name), "ok") not in ("ok", "unlabelled"))
        if kind == "people":  # the whole People list was read by hand (FLAGGED_FROM)
            rows.append(f"  - pages of the whole list flagged by hand (any build) still listed: "
                        f"{sum(flagged.values())}"
                        + (" (" + ", ".join(f"{v} {flagged[v]}" for v in VERDICTS[1:]
                                            if flagged[v]) + ")" if flagged else ""))
    return rows


def unlabelled(docs: Path) -> list[tuple[str, str]]:
    """(kind, name) of the sampled pages that have no verdict yet, for labelling."""
    labels = _labels()
    return [(kind, name) for kind, size in TAIL_SAMPLE.items()
            for name in tail_sample(read_index(docs, kind), size) if (kind, name) not in labels]


def main(argv: Sequence[str] | None = None) -> None:
    """Audit the tails of a build (and an earlier one), print and record the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("build", type=Path, help="a build's folder (holding docs/)")
    parser.add_argument("--before", type=Path, help="an earlier build's folder, audited beside")
    parser.add_argument("--note", default="", help="a line recorded with the figures")
    parser.add_argument("--unlabelled", action="store_true",
                        help="list the sampled pages without a verdict, record nothing")
    args = parser.parse_args(argv)
    if not (args.build / "docs").is_dir():
        print(f"skipped: {args.build / 'docs'} not found (build with benchmarks.briefing "
              "--workdir first)")
        return
    if args.unlabelled:
        for folder in [args.build, *([args.before] if args.before else [])]:
            for kind, name in unlabelled(folder / "docs"):
                print(f"{kind}\t{name}")
        return
    rows = tail_figures(args.build / "docs")
    before = tail_figures(args.before / "docs") if args.before else []
    print("\n".join([*rows, *([""] if before else []), *before]))
    text = ("## Name indexes: the long tail (real pile)\n\n"
            "`.venv/bin/python -m benchmarks.briefing_names DIR --before OLD` on builds made with "
            f"`benchmarks.briefing --workdir` ({_common.machine()}); verdicts by hand in "
            f"`benchmarks/{LABELS.name}` (classes in the module's docstring)"
            + (f"\n\n{args.note}" if args.note else "") + "\n\n" + "\n".join(rows))
    if before:
        text += "\n\nThe earlier build (`--before`):\n\n" + "\n".join(before)
    _common.record("briefing-names", text)


if __name__ == "__main__":
    main()
