"""The site at scale: HTML bytes per page, render time per page, rebuild ratios, search cost.

For each corpus (synthetic 1,000 and 10,000 articles from benchmarks/synth.py by default;
``--real`` adds the real pile written by ``../shared/tools/real-pile``), ``pipeline.build`` (the
whole ``digest build``) runs three times in one folder: cold (empty cache, no site), again
with nothing new, and after a drop of 1% new articles (the real pile is cut 99% + 1%, so its
cold build is of the 99%). Each build is timed whole and in its parts (pipeline, page
writing, site build). Then the site: pages, HTML bytes per page, the whole site's bytes, and
search in headless Chromium (served under ``/repo/``): for a few queries, each in a fresh
browser context, the bytes a page view plus one query loads beyond the page's own HTML, CSS
and theme scripts (Pagefind's script, wasm, metadata, index chunks, fragments; as served,
uncompressed), and the time from typing to results. Sizes at 100,000 articles are projected
from the growth measured between the two synthetic sizes.

    nice -n 10 .venv/bin/python -m benchmarks.site                # 1,000 and 10,000 articles
    nice -n 10 .venv/bin/python -m benchmarks.site --real         # and the real pile
    .venv/bin/python -m benchmarks.site --sizes 1000 --no-record
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import logging
import math
import multiprocessing
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks import _common, synth, treemem

CHROMIUM = Path("/usr/bin/chromium")
REAL_PILE = _common.REPO.parent / "shared" / "tools" / "real-pile"
QUERIES = 5
"""Queries per site: a word of five stories' headlines (spread over the archive)."""
OWN_ASSETS = re.compile(r"/assets/(?:javascripts|images)/")
"""The theme's scripts (Material's bundle, search.js) and images (the favicon): the page's
own, like its HTML and CSS; everything else a page view + query loads is search's."""
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


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """``root`` over HTTP on a free port; yields the base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def query_words(docs: Path) -> list[str]:
    """A long word of the headlines of ``QUERIES`` stories spread over the archive."""
    stories = sorted((docs / "stories").glob("*.md"))
    step = max(len(stories) // QUERIES, 1)
    words = []
    for path in stories[::step][:QUERIES]:
        title = next((line for line in path.read_text(encoding="utf-8").splitlines()
                      if line.startswith("title:")), "title: news")
        candidates = [w.strip("'\".,:;()") for w in title.split()[1:]]
        words.append(max((w for w in candidates if w.isalpha()), key=len, default="news"))
    return words


def measure_search(work: Path) -> list[dict[str, Any]]:
    """Per query: bytes beyond the page's own HTML, CSS and theme scripts, and seconds."""
    from playwright.sync_api import sync_playwright

    served = work / "www"
    served.mkdir(exist_ok=True)
    (served / "repo").unlink(missing_ok=True)
    (served / "repo").symlink_to(work / "site", target_is_directory=True)
    results = []
    with serve(served) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=["--no-sandbox", "--disable-gpu"])
        for word in query_words(work / "docs"):
            results.append(_one_query(browser, f"{base}repo/", word))
        browser.close()
    return results


def _one_query(browser: Any, url: str, word: str) -> dict[str, Any]:
    context = browser.new_context()
    page = context.new_page()
    loaded: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: loaded.append((r.url, r.sizes()["responseBodySize"])))
    # Network idle, not just "load": the page's late assets (the favicon, and responses whose
    # events arrive after "load") must not be taken for the query's (issue 17: the first
    # query of a run measured 498 KB, the others about 290 KB).
    page.goto(url, wait_until="networkidle")
    page.locator("body").press("/")
    start = time.perf_counter()
    page.locator("input.md-search__input").fill(word)
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent"
                           ".includes('matching') || document.querySelector("
                           "'.md-search-result__meta').textContent.includes('No ')")
    seconds = time.perf_counter() - start
    load = os.getloadavg()[0]
    page.wait_for_timeout(300)  # fragments still arriving after the count is shown
    shown = page.locator(".md-search-result__item").count()
    context.close()
    # What is the page's own is decided by address, not by arrival order: its HTML, its
    # stylesheets, the theme's scripts and images (what the target excludes).
    own = [(u, n) for u, n in loaded if _page_own(u, url)]
    extra = [(u, n) for u, n in loaded if not _page_own(u, url)]
    return {"word": word, "seconds": seconds, "results": shown, "load": load,
            "bytes": sum(n for _, n in extra),
            "chunks": sum(1 for u, _ in extra if "/pagefind/index/" in u),
            "fragments": sum(1 for u, _ in extra if "/pagefind/fragment/" in u),
            "page_own": sum(n for _, n in own)}


def _page_own(address: str, page_url: str) -> bool:
    """True for the page's HTML, CSS and the theme's scripts and images (not search's)."""
    path = urllib.parse.urlsplit(address).path
    return (address.split("#", maxsplit=1)[0] == page_url or path.endswith(".css")
            or OWN_ASSETS.search(path) is not None)


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


def search_table(results: list[dict[str, Any]]) -> str:
    rows = ["| corpus | queries | bytes per page view + query (median / max) "
            "| index chunks | fragments | first answer (median / max) | results "
            "| load average (1 min) |",
            "|---|---|---|---|---|---|---|---|"]
    for r in results:
        q = r["search"]
        if not q:
            rows.append(f"| {r['name']} | skipped (no Chromium) | | | | | | |")
            continue
        sizes = sorted(x["bytes"] for x in q)
        times = sorted(x["seconds"] for x in q)
        rows.append(f"| {r['name']} | {len(q)} ({', '.join(x['word'] for x in q)}) "
                    f"| {_kb(sizes[len(sizes) // 2])} / {_kb(sizes[-1])} "
                    f"| {max(x['chunks'] for x in q)} | {max(x['fragments'] for x in q)} "
                    f"| {times[len(times) // 2]:.2f} s / {times[-1]:.2f} s "
                    f"| {min(x['results'] for x in q)}-{max(x['results'] for x in q)} "
                    f"| {min(x.get('load', 0) for x in q):.1f}-"
                    f"{max(x.get('load', 0) for x in q):.1f} |")
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
            slow = max(x["seconds"] for x in r["search"])
            checks += [(worst["bytes"] <= TARGET_QUERY_BYTES,
                        f"search at most {_kb(worst['bytes'])} per page view + query "
                        "(target <= 300 KB)"),
                       (slow < TARGET_QUERY_SECONDS,
                        f"first answer at most {slow:.2f} s (target < 1 s)")]
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
        "first 99%). Search: a fresh browser context per query, headless Chromium, site "
        "served by http.server under `/repo/` (uncompressed, so bytes are an upper bound); "
        "the query is typed once the page is at network idle, and the page's own HTML, CSS "
        "and theme scripts and images are told from search's bytes by address.",
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
    args = parser.parse_args()
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
