"""Scale: the pipeline on 1k, 10k and 100k synthetic articles; the MkDocs render per page.

Each size runs in a child process (cold cache), so its peak memory is its own: ``ru_maxrss`` of
the child (the main process) and of its worker processes (the largest one) are both reported.
Growth from 10k to 100k is given per stage as the time ratio and the exponent k of n^k;
n log n over that step is a ratio of 12.5 (k = 1.10).

The render part writes the pages of 200 and 1000 synthetic stories with ``pages.write_pages`` and
builds them with ``site.build_site``, reporting seconds per page and search-index bytes per story.

    .venv/bin/python -m benchmarks.scale                      # 1k, 10k, 100k + render
    .venv/bin/python -m benchmarks.scale --sizes 1000 --no-render --no-record
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import math
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import _common, synth

SIZES = (1_000, 10_000, 100_000)
RENDER_STORIES = (200, 1000)
N_LOG_N_RATIO = 10 * math.log(100_000) / math.log(10_000)
TARGET_SECONDS = 600
TARGET_BYTES = 4 * 1024**3


def run_child(corpus: Path, work: Path) -> dict[str, Any]:
    """In the child: one cold pipeline run; stage timings, counts and peak memory."""
    from generator import pipeline
    from generator.config import BuildSettings, Settings

    settings = Settings(root=work, content=(corpus,), cache_dir=Path("cache"),
                        build=BuildSettings(workers=0))
    start = time.perf_counter()
    stats = pipeline.BuildStats()
    analysis = pipeline.run(settings, today=dt.date(2025, 1, 1), stats=stats)
    total = time.perf_counter() - start
    return {"total": total, "timings": dict(analysis.timings), "articles": len(analysis.articles),
            "stories": len(analysis.stories), "skipped": len(analysis.skipped),
            "computed": stats.computed,
            "maxrss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            "maxrss_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024}


def measure(size: int, base: Path, real: list[synth.RealArticle],
            timeout: float) -> dict[str, Any]:
    corpus = base / f"corpus-{size}"
    if not corpus.exists():
        synth.write_corpus(size, corpus, real=real)
    work = base / f"work-{size}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    code, stdout, stderr = _child(["--child", str(corpus), str(work)], timeout)
    shutil.rmtree(work, ignore_errors=True)
    if code is None:
        return {"size": size, "error": f"did not finish in {timeout:.0f} s",
                "partial": _stages_logged(stderr)}
    if code != 0:
        print(stderr[-3000:])
        return {"size": size, "error": stderr.strip().splitlines()[-1:]}
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    result["size"] = size
    return result


def _child(args: list[str], timeout: float) -> tuple[int | None, str, str]:
    """Run this module as a child in its own process group; kill the group on timeout."""
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.scale", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=_common.REPO, start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        return None, stdout, stderr
    return proc.returncode, stdout, stderr


def _stages_logged(stderr: str) -> dict[str, float]:
    """Stage times the child logged before it was stopped."""
    found = re.findall(r"Stage (\w+) took ([\d.]+) s", stderr)
    return {name: float(seconds) for name, seconds in found}


def render_child(stories: int, work: Path) -> dict[str, Any]:
    """In the child: write and render ``stories`` synthetic story pages."""
    from generator import site
    from generator.site import pages

    analysis = analysis_of(stories)
    docs, out = work / "docs", work / "site"
    config = work / "mkdocs.yml"
    shutil.copy(_common.REPO / "mkdocs.yml", config)
    theme = _common.REPO / "theme"
    if theme.is_dir():
        shutil.copytree(theme, work / "theme", dirs_exist_ok=True)
    (work / "theme").mkdir(exist_ok=True)
    start = time.perf_counter()
    written = pages.write_pages(analysis, docs)
    mid = time.perf_counter()
    site.build_site(config, docs, out)
    end = time.perf_counter()
    index = site.index_size_per_story(out, stories) * stories  # Pagefind's chunks and fragments
    return {"stories": stories, "pages": len(written), "write": mid - start, "render": end - mid,
            "index_bytes": round(index) or None,
            "site_bytes": sum(p.stat().st_size for p in out.rglob("*") if p.is_file()),
            "maxrss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def analysis_of(stories: int) -> Any:
    """An Analysis of ``stories`` synthetic stories of 4 sources, 6 timeline entries, 2 quotes."""
    from generator.model import (
        Analysis,
        Article,
        KeyQuote,
        PartialDate,
        Source,
        Story,
        TimelineEntry,
    )

    records = list(synth.synthesize(stories * 4, synth.load_real()))
    out = []
    for n in range(stories):
        group = records[4 * n:4 * n + 4]
        arts = [Article(id=r["id"], path=f"part.jsonl#{i}", text=r["text"], title=r["title"],
                        published=PartialDate.parse(r["published"]), outlet=r["outlet"],
                        url=r["url"]) for i, r in enumerate(group)]
        sents = [s for r in group for s in synth.split_sentences(r["text"])]
        day = arts[0].published or PartialDate(2024, 1, 1)
        timeline = tuple(TimelineEntry(day, s, (arts[k % 4].id,)) for k, s in
                         enumerate(sents[:6]))
        quotes = tuple(KeyQuote("A spokesperson", s, (arts[0].id,)) for s in sents[6:8])
        out.append(Story(id=f"story-{n:05d}", title=f"{arts[0].title} ({n})",
                         summary=" ".join(sents[:2]), sources=tuple(Source(a) for a in arts),
                         timeline=timeline, quotes=quotes, first_seen=str(day),
                         updated=str(day)))
    return Analysis(articles=tuple(a for st in out for s in st.sources for a in s.articles),
                    stories=tuple(out))


def measure_render(stories: int, base: Path) -> dict[str, Any]:
    work = base / f"render-{stories}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    code, stdout, stderr = _child(["--render-child", str(stories), str(work)], 1800)
    shutil.rmtree(work, ignore_errors=True)
    if code != 0:
        print(stderr[-3000:])
        return {"stories": stories, "error": stderr.strip().splitlines()[-1:]}
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    return result


def _mb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1024**2:,.0f} MB"


def pipeline_table(results: list[dict[str, Any]]) -> str:
    ok = [r for r in results if "error" not in r]
    stages = list(dict.fromkeys(s for r in ok for s in r["timings"]))
    head = "| stage | " + " | ".join(f"{r['size']:,}" for r in ok) + " | growth 10k->100k |"
    rows = [head, "|---" * (len(ok) + 2) + "|"]
    by_size = {r["size"]: r for r in ok}
    for stage in [*stages, "total"]:
        cells = [f"{(r['timings'].get(stage, 0.0) if stage != 'total' else r['total']):.1f} s"
                 for r in ok]
        rows.append(f"| {stage} | " + " | ".join(cells) + f" | {_growth(by_size, stage)} |")
    for label, key in (("peak RSS, main", "maxrss_main"), ("peak RSS, one worker",
                                                            "maxrss_worker")):
        rows.append(f"| {label} | " + " | ".join(_mb(r[key]) for r in ok) + " | |")
    for label, key in (("articles", "articles"), ("stories", "stories")):
        rows.append(f"| {label} | " + " | ".join(f"{r[key]:,}" for r in ok) + " | |")
    errors = [f"- {r['size']:,}: {r['error']}" + (
        "; stages finished: " + ", ".join(f"{k} {v:.0f} s" for k, v in r["partial"].items())
        if r.get("partial") else "") for r in results if "error" in r]
    return "\n".join(rows + errors)


def _growth(by_size: dict[int, dict[str, Any]], stage: str) -> str:
    if 10_000 not in by_size or 100_000 not in by_size:
        return "-"
    def t(r: dict[str, Any]) -> float:
        return float(r["total"] if stage == "total" else r["timings"].get(stage, 0.0))
    small, large = t(by_size[10_000]), t(by_size[100_000])
    if small < 0.05:
        return "(too small to say)"
    ratio = large / small
    flag = "" if ratio <= N_LOG_N_RATIO * 1.1 else " **worse than n log n**"
    return f"{ratio:.1f}x (n^{math.log10(ratio):.2f}){flag}"


def render_table(results: list[dict[str, Any]]) -> str:
    rows = ["| story pages | pages written | write | render | render per page "
            "| search index on disk | index per story | site size | peak RSS |",
            "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        if "error" in r:
            rows.append(f"| {r['stories']} | failed: {r['error']} |||||||")
            continue
        index = r["index_bytes"] or 0
        rows.append(f"| {r['stories']} | {r['pages']} | {r['write']:.1f} s | {r['render']:.1f} s "
                    f"| {1000 * r['render'] / r['pages']:.1f} ms | {index / 1024:,.0f} KB "
                    f"| {index / r['stories'] / 1024:.1f} KB | {_mb(r['site_bytes'])} "
                    f"| {_mb(r['maxrss_main'])} |")
    return "\n".join(rows)


def verdicts(results: list[dict[str, Any]]) -> list[str]:
    """Which targets a run breaks, naming the stage (module) to look at."""
    out: list[str] = []
    for r in results:
        if "error" in r or r["size"] != 100_000:
            continue
        if r["total"] > TARGET_SECONDS:
            slow = max(r["timings"].items(), key=lambda kv: kv[1])
            out.append(f"100k took {r['total']:.0f} s (target {TARGET_SECONDS} s); slowest stage:"
                       f" {slow[0]} ({slow[1]:.0f} s, generator/{slow[0]}.py)")
        if max(r["maxrss_main"], r["maxrss_worker"]) > TARGET_BYTES:
            out.append(f"100k peaked at {_mb(r['maxrss_main'])} (target 4 GB)")
    return out or ["All targets met by the sizes run."]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--no-render", action="store_true")
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--timeout", type=float, default=2700,
                        help="Seconds one size may run before it is stopped and reported.")
    parser.add_argument("--child", nargs=2)
    parser.add_argument("--render-child", nargs=2)
    parser.add_argument("--base", default=str(Path(tempfile.gettempdir()) / "news-digest-scale"))
    args = parser.parse_args()
    if args.child:
        logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
        logging.getLogger("generator.pipeline").setLevel(logging.INFO)
        print(json.dumps(run_child(Path(args.child[0]), Path(args.child[1]))))
        return
    if args.render_child:
        print(json.dumps(render_child(int(args.render_child[0]), Path(args.render_child[1]))))
        return
    real = synth.load_real()
    if not real:
        _common.require_eval("ecbplus-stories")
    base = Path(args.base)
    base.mkdir(parents=True, exist_ok=True)
    renders = [] if args.no_render else [measure_render(n, base) for n in RENDER_STORIES]
    results: list[dict[str, Any]] = []
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(measure(size, base, real, args.timeout))
        report(results, renders, args)  # recorded after each size: a long run leaves figures


def report(results: list[dict[str, Any]], renders: list[dict[str, Any]],
           args: argparse.Namespace) -> None:
    command = ".venv/bin/python -m benchmarks.scale" + (
        f" --sizes {args.sizes}" if args.sizes != ",".join(map(str, SIZES)) else "") + (
        " --no-render" if args.no_render else "")
    md = [f"## Scale: pipeline on synthetic corpora\n\n`{command}` on {dt.date.today()}, "
          f"{_common.machine()}. Synthetic articles from the eval texts (benchmarks/synth.py); "
          "cold cache, `build.workers: 0` (both cores). Peak RSS from `ru_maxrss` of the child "
          "process running the pipeline and of its largest worker (forked workers share the "
          f"parent's pages, so the two are not additive). n log n from 10k to 100k is a "
          f"{N_LOG_N_RATIO:.1f}x ratio (n^1.10).\n", pipeline_table(results), "",
          *[f"- {v}" for v in verdicts(results)]]
    if renders:
        md += ["", "### MkDocs render and search index", "", render_table(renders)]
    text = "\n".join(md)
    print(text)
    if not args.no_record:
        _common.record("scale", text)


if __name__ == "__main__":
    main()
