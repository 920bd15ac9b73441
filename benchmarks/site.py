"""The site at scale: HTML bytes per page, render time per page, rebuild ratios, search cost.

For each corpus (synthetic 1,000 and 10,000 articles from benchmarks/synth.py by default;
``--real`` adds the real pile written by ``../shared/tools/real-pile``), ``pipeline.build`` (the
whole ``digest build``) runs three times in one folder: cold (empty cache, no site), again
with nothing new, and after a drop of 1% new articles (the real pile is cut 99% + 1%, so its
cold build is of the 99%). Each build is timed whole and in its parts (pipeline, page
writing, site build). Then the site: pages, HTML bytes per page, the whole site's bytes, and
search in headless Chromium (``benchmarks/site_search.py``: for a few queries, each in a
freshly launched browser, the bytes a page view plus one query loads beyond the page's own
HTML, CSS and theme scripts, and the time to the first result, pasted and typed). Sizes at
100,000 articles are projected from the growth measured between the two synthetic sizes.

    nice -n 10 .venv/bin/python -m benchmarks.site                # 1,000 and 10,000 articles
    nice -n 10 .venv/bin/python -m benchmarks.site --real         # and the real pile
    .venv/bin/python -m benchmarks.site --sizes 1000 --no-record
    .venv/bin/python -m benchmarks.site --search-only WORK   # search alone, on a built site
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import math
import multiprocessing
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import _common, site_search, synth, treemem
from benchmarks.site_search import CHROMIUM, measure_search, search_only, search_table

REAL_PILE = _common.REPO.parent / "shared" / "tools" / "real-pile"
TARGET_PAGE_BYTES = 25 * 1024
TARGET_SITE_BYTES = 1024**3
TARGET_QUERY_BYTES = 300 * 1024
TARGET_QUERY_SECONDS = 1.0
TARGET_NEW_SHARE, TARGET_NOTHING_SHARE = 0.3, 0.1
PROJECT_TO = 100_000
TARGET_PEAK_BYTES = 2 * 1024**3


def _prepare(work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(_common.REPO / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(_common.REPO / "theme", work / "theme", dirs_exist_ok=True)


def one_build(work: Path, corpus: Path, label: str) -> dict[str, Any]:
    """``pipeline.build`` once in ``work``, in a child process whose whole process tree (the
    build and its worker pool) is sampled for peak memory (``treemem``)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_child_build, args=(work, corpus, label, queue))
    child.start()
    assert child.pid is not None
    watch = treemem.Watch(child.pid).start()
    result: dict[str, Any] = queue.get()
    child.join()
    peak = watch.stop()
    return {**result, "peak_pss": peak.pss, "peak_rss": peak.rss}


def _child_build(work: Path, corpus: Path, label: str, queue: Any) -> None:
    queue.put(_build(work, corpus, label))


def _build(work: Path, corpus: Path, label: str) -> dict[str, Any]:
    """``pipeline.build`` once in ``work``; its timings and what the site build reused."""
    from generator import pipeline
    from generator.config import Settings

    settings = Settings(root=work, content=(corpus,), cache_dir=Path("cache"))
    handler = _Lines()
    records = handler.lines
    logging.getLogger("generator.site").addHandler(handler)
    logging.getLogger("generator.site").setLevel(logging.INFO)
    start = time.perf_counter()
    try:
        analysis = pipeline.build(settings, today=dt.date(2025, 1, 2))
    finally:
        logging.getLogger("generator.site").removeHandler(handler)
    total = time.perf_counter() - start
    timings = dict(analysis.timings)
    site_log = next((r for r in records if r.startswith("Site: ")), "")
    return {"label": label, "total": total, "pages_s": timings.get("pages", 0.0),
            "render_s": timings.get("render", 0.0),
            "pipeline_s": total - timings.get("pages", 0.0) - timings.get("render", 0.0),
            "articles": len(analysis.articles), "stories": len(analysis.stories),
            "site_log": site_log, "load": os.getloadavg()[0]}


class _Lines(logging.Handler):
    """Keeps the messages logged (the site build's "Site: n rendered, m reused" line)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def site_sizes(site: Path) -> dict[str, Any]:
    """Pages, HTML bytes and the whole site's bytes (by top folder too)."""
    html = list(site.rglob("*.html"))
    sizes = {p: p.stat().st_size for p in site.rglob("*") if p.is_file()}
    folders: dict[str, int] = {}
    for path, size in sizes.items():
        top = path.relative_to(site).parts[0] if len(path.relative_to(site).parts) > 1 else "."
        folders[top] = folders.get(top, 0) + size
    html_bytes = sum(sizes[p] for p in html)
    return {"pages": len(html), "html_bytes": html_bytes, "site_bytes": sum(sizes.values()),
            "per_page": html_bytes / max(len(html), 1), "folders": folders}


def run_corpus(name: str, work: Path, write_base: Any, write_drop: Any) -> dict[str, Any]:
    """Cold, nothing-new and 1%-new builds of one corpus, the site's sizes and search."""
    _prepare(work)
    corpus = work / "content"
    write_base(corpus)
    builds = [one_build(work, corpus, "cold")]
    sizes = site_sizes(work / "site")
    search = measure_search(work) if CHROMIUM.exists() else []
    builds.append(one_build(work, corpus, "nothing new"))
    write_drop(corpus)
    builds.append(one_build(work, corpus, "1% new"))
    return {"name": name, "builds": builds, "sizes": sizes, "search": search,
            "index": _index_stats(work / "site")}


def _index_stats(site: Path) -> dict[str, int]:
    from generator.site import search

    stats = search.bundle_stats(site)
    return {"bytes": stats.bytes, "chunks": stats.chunks, "files": stats.files}


def synthetic(size: int, base: Path, real: list[synth.RealArticle]) -> dict[str, Any]:
    drop = size // 100
    return run_corpus(f"{size:,} synthetic articles", base / f"synth-{size}",
                      lambda c: synth.write_corpus(size, c, real=real),
                      lambda c: synth.write_corpus(drop, c, start_index=size, real=real))


def real_pile(base: Path, pile: Path | None = None) -> dict[str, Any] | None:
    """The real pile's three builds; ``pile`` is a pile already written (else the tool
    writes one)."""
    whole = pile or base / "real-pile.jsonl"
    if pile is None and not REAL_PILE.exists():
        print("skipped the real pile: ../shared/tools/real-pile not found")
        return None
    if pile is None:
        done = subprocess.run(["python3", str(REAL_PILE), str(whole)], capture_output=True,
                              text=True, check=False)
        if done.returncode != 0 or not whole.is_file():
            print(f"skipped the real pile: {done.stderr.strip()[-300:]}")
            return None
    if not whole.is_file():
        print(f"skipped the real pile: {whole} not found")
        return None
    lines = whole.read_text(encoding="utf-8").splitlines()
    cut = len(lines) - len(lines) // 100

    def write(lines_part: list[str], name: str) -> Any:
        def writer(corpus: Path) -> None:
            corpus.mkdir(parents=True, exist_ok=True)
            (corpus / name).write_text("\n".join(lines_part) + "\n", encoding="utf-8")
        return writer

    return run_corpus(f"real pile ({len(lines):,} articles, 99% + 1%)", base / "real",
                      write(lines[:cut], "pile-a.jsonl"), write(lines[cut:], "pile-b.jsonl"))


def _peak(build: dict[str, Any]) -> str:
    if not build.get("peak_pss"):
        return "-"
    return f"{_mb(build['peak_pss'])} / {_mb(build['peak_rss'])}"


def _kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def _mb(n: float) -> str:
    return f"{n / 1024**2:,.1f} MB"


def build_table(results: list[dict[str, Any]]) -> str:
    rows = ["| corpus | build | articles | stories | whole build | share of cold | pipeline "
            "| write pages | site build | share of cold | peak memory (PSS / RSS) | load | site |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        cold = r["builds"][0]
        for b in r["builds"]:
            rows.append(
                f"| {r['name']} | {b['label']} | {b['articles']:,} | {b['stories']:,} "
                f"| {b['total']:.1f} s | {b['total'] / cold['total']:.1%} "
                f"| {b['pipeline_s']:.1f} s | {b['pages_s']:.1f} s | {b['render_s']:.1f} s "
                f"| {b['render_s'] / cold['render_s']:.1%} "
                f"| {_peak(b)} | {b.get('load', 0):.1f} "
                f"| {b['site_log'].removeprefix('Site: ')} |")
    return "\n".join(rows)


def size_table(results: list[dict[str, Any]]) -> str:
    rows = ["| corpus | pages | HTML per page | site | search bundle (chunks) "
            "| site build per page (cold) | largest folders |",
            "|---|---|---|---|---|---|---|"]
    for r in results:
        s, cold = r["sizes"], r["builds"][0]
        top = sorted(s["folders"].items(), key=lambda kv: -kv[1])[:4]
        rows.append(f"| {r['name']} | {s['pages']:,} | {_kb(s['per_page'])} "
                    f"| {_mb(s['site_bytes'])} | {_mb(r['index']['bytes'])} "
                    f"({r['index']['chunks']}) "
                    f"| {1000 * cold['render_s'] / max(s['pages'], 1):.1f} ms "
                    f"| {', '.join(f'{k} {_mb(v)}' for k, v in top)} |")
    return "\n".join(rows)


def projection(results: list[dict[str, Any]]) -> list[str]:
    """Site bytes and pages at ``PROJECT_TO`` articles from the growth between the smallest
    and the largest corpus measured (ideally two synthetic sizes)."""
    if len(results) < 2:
        return []
    ordered = sorted(results, key=lambda r: r["builds"][0]["articles"])
    small, big = ordered[0], ordered[-1]
    n1, n2 = small["builds"][0]["articles"], big["builds"][0]["articles"]
    lines = []
    for key, label in (("site_bytes", "site"), ("pages", "pages")):
        a, b = small["sizes"][key], big["sizes"][key]
        k = math.log(b / a) / math.log(n2 / n1)
        projected = b * (PROJECT_TO / n2) ** k
        shown = _mb(projected) if key == "site_bytes" else f"{projected:,.0f}"
        lines.append(f"{label} grows as n^{k:.2f} from {n1:,} ({small['name']}) to {n2:,} "
                     f"articles ({big['name']}): about {shown} at {PROJECT_TO:,} articles")
        if key == "site_bytes":
            verdict = "under" if projected < TARGET_SITE_BYTES else "OVER"
            lines[-1] += f" ({verdict} GitHub Pages' 1 GB)"
    return lines


def verdicts(results: list[dict[str, Any]]) -> list[str]:
    out = []
    for r in results:
        cold, nothing, new = r["builds"]
        checks = [
            (r["sizes"]["per_page"] <= TARGET_PAGE_BYTES,
             f"HTML per page {_kb(r['sizes']['per_page'])} (target <= 25 KB)"),
            (new["total"] <= TARGET_NEW_SHARE * cold["total"],
             f"1%-new rebuild {new['total'] / cold['total']:.2f} of cold (target <= 0.3)"),
            (nothing["total"] <= TARGET_NOTHING_SHARE * cold["total"],
             f"nothing-new rebuild {nothing['total'] / cold['total']:.2f} of cold "
             "(target <= 0.1)")]
        checks += [(b["peak_pss"] < TARGET_PEAK_BYTES,
                    f"{b['label']} build peaks at {_mb(b['peak_pss'])} PSS over its process "
                    "tree (target < 2 GB)") for b in (cold, new) if b.get("peak_pss")]
        if r["search"]:
            worst = max(r["search"], key=lambda x: x["bytes"])
            checks += [(worst["bytes"] <= TARGET_QUERY_BYTES,
                        f"search at most {_kb(worst['bytes'])} per page view + query "
                        "(target <= 300 KB)")]
            for key, how in (("seconds", "pasted into a cold browser, from opening the box"),
                             ("typed", "typed into a cold browser, after the last key")):
                slow = max((x[key] for x in r["search"] if key in x), default=None)
                if slow is not None:
                    checks.append((slow < TARGET_QUERY_SECONDS, f"first answer at most "
                                   f"{slow:.2f} s, {how} (target < 1 s)"))
        out += [f"{r['name']}: {'meets' if ok else 'MISSES'}: {text}" for ok, text in checks]
    return out


def report(results: list[dict[str, Any]], command: str, record: bool) -> None:
    commands = list(dict.fromkeys(r.get("command", command) for r in results)) or [command]
    shown = "; ".join(f"`{c}`" for c in commands)
    body = "\n\n".join([
        f"{shown} on {dt.date.today()}, {_common.machine()}. Peak memory: the build's whole "
        "process tree (the build and its worker pool, MkDocs, Pagefind), PSS and RSS sampled "
        "every 0.25 s from /proc; load: the 1-minute load average as the build ended. "
        "Each corpus is built three "
        "times in one folder with `pipeline.build` (the whole `digest build`): cold (empty "
        "cache, no site), nothing new, then 1% new articles (the real pile: cold is its "
        "first 99%). Search (`benchmarks/site_search.py`): each query in a freshly launched "
        "headless Chromium (cold), site served by http.server under `/repo/` (uncompressed, "
        "so bytes are an upper bound), once pasted (timed from opening the box with its "
        "key; its bytes beyond the page's own HTML, CSS and theme scripts and images, told "
        "apart by address, are the figure) and once typed at "
        f"{site_search.TYPING_DELAY_MS} ms a key in another cold browser (timed from the "
        "last key), then a second word in that page (warm); an answer is the first result "
        "on screen.",
        build_table(results), size_table(results), search_table(results),
        "\n".join(f"- {line}" for line in projection(results) + verdicts(results))])
    print(body)
    if record:
        _common.record("site", "## Site at scale: size, rebuilds, search\n\n" + body)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--real", action="store_true", help="also the real pile")
    parser.add_argument("--pile", type=Path, help="the real pile, already written (JSON Lines)")
    parser.add_argument("--results", type=Path,
                        help="keep each corpus's figures here as JSON, and report those kept "
                             "by earlier runs beside this run's (a real-pile run is made "
                             "under the pile lock, separately from the synthetic sizes)")
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--keep", type=Path, help="work here and keep it")
    parser.add_argument("--search-only", type=Path, metavar="WORK",
                        help="only measure search on the site built in WORK (its site/ and "
                             "docs/), print it, record nothing")
    args = parser.parse_args()
    if args.search_only:
        search_only(args.search_only)
        return
    real = synth.load_real()
    if not real:
        _common.require_eval("ecbplus-stories")
    base = args.keep or Path(tempfile.mkdtemp(prefix="digest-site-"))
    try:
        results = [synthetic(int(n), base, real) for n in args.sizes.split(",") if n]
        pile = real_pile(base, args.pile) if args.real else None
        results += [pile] if pile else []
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    command = _command(args)
    for r in results:
        r["command"] = command
    if args.results:
        results = _kept_results(args.results, results)
    report(results, command, record=not args.no_record)


def _command(args: argparse.Namespace) -> str:
    """The command line of this run, as a reader would type it (real-pile runs under the
    pile lock)."""
    command = "nice -n 10 .venv/bin/python -m benchmarks.site" + (
        f" --sizes '{args.sizes}'" if args.sizes != "1000,10000" else "") + (
        " --real" if args.real else "") + (f" --pile {args.pile}" if args.pile else "") + (
        " --results DIR" if args.results else "")
    return f"flock /tmp/pile.lock {command}" if args.real else command


def _kept_results(folder: Path, results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """This run's results saved in ``folder``, with those earlier runs saved there."""
    folder.mkdir(parents=True, exist_ok=True)
    for r in results:
        r["measured"] = dt.date.today().isoformat()
        (folder / f"{r['builds'][0]['articles']}.json").write_text(json.dumps(r),
                                                                     encoding="utf-8")
    kept = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    return sorted(kept, key=lambda r: (r["name"].startswith("real"),
                                       r["builds"][0]["articles"]))


if __name__ == "__main__":
    main()
