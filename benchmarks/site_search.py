"""Search on a built site, as a reader meets it: bytes and seconds per query in Chromium.

The search part of ``benchmarks.site`` (which builds the sites), runnable alone over a build
folder that holds ``site/`` and ``docs/`` (``docs/`` gives the query words):

    .venv/bin/python -m benchmarks.site_search WORK            # prints the table, records nothing
    .venv/bin/python -m benchmarks.site --search-only WORK      # the same

The site is served by http.server under ``/repo/`` (uncompressed, so bytes are an upper
bound). Each query word runs twice, each time in a freshly launched headless Chromium (a cold
browser: empty cache, no compiled script or wasm, no running worker), once per way a reader
asks:

- **pasted**: the box is opened with its key and the whole word arrives at once; the time runs
  from opening the box to the first result shown, so everything search loads (script, wasm,
  metadata, index chunk, fragments) is on the clock. The bytes of this page view + query
  beyond the page's own HTML, CSS and theme scripts and images (told apart by address) are
  the figure held against the 300 KB target.
- **typed**: the word is typed at ``TYPING_DELAY_MS`` a key; the time runs from the last key
  to the first result shown (what a reader waits for once done typing). Then a second word is
  typed into the same page: a warm query.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu"]
QUERIES = 5
"""Queries per site: a word of five stories' headlines (spread over the archive)."""
TYPING_DELAY_MS = 120
"""Milliseconds between keys when typing: about 100 words a minute, a fast typist (the
slower the reader, the more of search's loading hides behind the typing)."""
SETTLE_MS = 500
"""Wait after the first result for the other results' fragments to arrive (they count)."""
OWN_ASSETS = re.compile(r"/assets/(?:javascripts|images)/")
"""The theme's scripts (Material's bundle, search.js) and images (the favicon): the page's
own, like its HTML and CSS; everything else a page view + query loads is search's."""
ANSWERED = ("(word) => document.querySelector('.md-search-result__list').dataset.query "
            "=== word")
"""The first answer to ``word``: the search script marks the list with the query it shows
(results, or none) once they are on screen; results of a half-typed word do not count."""


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
    """Per query word: bytes and seconds pasted, seconds typed and warm (module docstring)."""
    from playwright.sync_api import sync_playwright

    served = work / "www"
    served.mkdir(exist_ok=True)
    (served / "repo").unlink(missing_ok=True)
    (served / "repo").symlink_to(work / "site", target_is_directory=True)
    words = query_words(work / "docs")
    results = []
    with serve(served) as base, sync_playwright() as playwright:
        for n, word in enumerate(words):
            then = words[(n + 1) % len(words)]
            results.append(_cold_query(playwright, f"{base}repo/", word, then))
    return results


def _cold_query(playwright: Any, url: str, word: str, then: str) -> dict[str, Any]:
    """``word`` pasted in one fresh browser, typed (then ``then``, warm) in another."""
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
    try:
        pasted = _ask(browser, url, [word], typed=False)
    finally:
        browser.close()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
    try:
        typed = _ask(browser, url, [word, then], typed=True)
    finally:
        browser.close()
    return {"word": word, "seconds": pasted["seconds"][0], "typed": typed["seconds"][0],
            "warm": typed["seconds"][1], "results": pasted["results"],
            "load": os.getloadavg()[0], **pasted["network"], "trace": pasted["trace"]}


def _ask(browser: Any, url: str, words: list[str], *, typed: bool) -> dict[str, Any]:
    """Open the box with its key on a fresh page of ``url`` and ask each word in turn."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[Any] = []
    # A lambda: Playwright tags the handler with an attribute, which a bound method refuses.
    page.on("requestfinished", lambda r: requests.append(r))  # noqa: PLW0108
    # Network idle, not just "load": the page's late assets (the favicon, and responses whose
    # events arrive after "load") must not be taken for the query's.
    page.goto(url, wait_until="networkidle")
    opened = page.evaluate("Date.now()")
    page.locator("body").press("/")
    box = page.locator("input.md-search__input")
    seconds = []
    for word in words:
        start = time.perf_counter()
        if typed:
            box.fill("")
            # Playwright waits the delay after every key, the last too: so the last key
            # alone, with the clock started as it is pressed.
            page.keyboard.type(word[:-1], delay=TYPING_DELAY_MS)
            start = time.perf_counter()
            page.keyboard.type(word[-1])
        else:
            box.fill(word)
        page.wait_for_function(ANSWERED, arg=word)
        seconds.append(time.perf_counter() - start)
        page.wait_for_timeout(SETTLE_MS)
    shown = page.locator(".md-search-result__item").count()
    loaded = [(r.url, r.sizes()["responseBodySize"]) for r in requests]
    trace = [_timed(r, opened) for r in requests if not _page_own(r.url, url)]
    context.close()
    return {"seconds": seconds, "results": shown, "network": _split(loaded, url),
            "trace": trace}


def _timed(request: Any, opened: float) -> tuple[float, float, int, str]:
    """When a request started after the box was opened, how long it took (ms), its bytes
    and its file name: where a cold query's time goes."""
    timing = request.timing
    return (timing["startTime"] - opened, timing["responseEnd"],
            request.sizes()["responseBodySize"], request.url.rsplit("/", 1)[-1].split("?")[0])


def _split(loaded: list[tuple[str, int]], url: str) -> dict[str, int]:
    """Search's bytes, index chunks and fragments, and the page's own bytes (by address)."""
    own = [n for u, n in loaded if _page_own(u, url)]
    extra = [(u, n) for u, n in loaded if not _page_own(u, url)]
    return {"bytes": sum(n for _, n in extra),
            "chunks": sum(1 for u, _ in extra if "/pagefind/index/" in u),
            "fragments": sum(1 for u, _ in extra if "/pagefind/fragment/" in u),
            "page_own": sum(own)}


def _page_own(address: str, page_url: str) -> bool:
    """True for the page's HTML, CSS and the theme's scripts and images (not search's)."""
    path = urllib.parse.urlsplit(address).path
    return (address.split("#", maxsplit=1)[0] == page_url or path.endswith(".css")
            or OWN_ASSETS.search(path) is not None)


def _kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def _median_max(values: list[float], fmt: str) -> str:
    ordered = sorted(values)
    return f"{fmt.format(ordered[len(ordered) // 2])} / {fmt.format(ordered[-1])}"


def search_table(results: list[dict[str, Any]]) -> str:
    """One row per corpus: bytes and times (median / max over its queries)."""
    rows = ["| corpus | queries | bytes per page view + query (median / max) "
            "| index chunks | fragments | first answer, pasted (median / max) "
            "| after the last key, typed | warm query | results | load average (1 min) |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        q = r["search"]
        if not q:
            rows.append(f"| {r['name']} | skipped (no Chromium) | | | | | | | | |")
            continue
        timed = [_median_max([x[key] for x in q], "{:.2f} s") if key in q[0] else "-"
                 for key in ("seconds", "typed", "warm")]
        rows.append(f"| {r['name']} | {len(q)} ({', '.join(x['word'] for x in q)}) "
                    f"| {_median_max([x['bytes'] / 1024 for x in q], '{:,.1f} KB')} "
                    f"| {max(x['chunks'] for x in q)} | {max(x['fragments'] for x in q)} "
                    f"| {' | '.join(timed)} "
                    f"| {min(x['results'] for x in q)}-{max(x['results'] for x in q)} "
                    f"| {min(x.get('load', 0) for x in q):.1f}-"
                    f"{max(x.get('load', 0) for x in q):.1f} |")
    return "\n".join(rows)


def search_only(work: Path, *, trace: bool = False) -> None:
    """Measure search on the site already built in ``work`` and print the table (with
    ``trace``, each pasted query's requests: start after opening the box, duration, bytes)."""
    if not CHROMIUM.exists():
        print(f"skipped: {CHROMIUM} not found")
        return
    before = os.getloadavg()[0]
    results = measure_search(work)
    for r in results:
        print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                       for k, v in r.items() if k != "trace"))
        if trace:
            for start, took, size, name in r["trace"]:
                print(f"    +{start:5.0f} ms {took:5.0f} ms {_kb(size):>9}  {name}")
    print(f"load average (1 min) before: {before:.1f}")
    print(search_table([{"name": str(work), "search": results}]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path, help="a build folder holding site/ and docs/")
    parser.add_argument("--trace", action="store_true",
                        help="print each pasted query's requests as they were timed")
    args = parser.parse_args()
    search_only(args.work, trace=args.trace)


if __name__ == "__main__":
    main()
