"""``digest fetch`` speed against a local news site: pages fetched and extracted, second runs.

A threaded HTTP server on 127.0.0.1 serves one feed of N summary-only entries (each page
fetched and read by trafilatura), one feed of N entries with their full text, and the N
article pages (real article texts from PolNeAR's train set wrapped in a page with navigation
and footer, or the five samples repeated when the eval data is absent). Measured: a first
run of each feed, a second run (conditional: the feed answers 304), the politeness floor with
a delay, and reading the written files back with ``ingest.read_corpus``. Server and client
share the machine's two cores, so the figures are a floor on what the tool costs, not the
network's.

    .venv/bin/python -m benchmarks.fetch              # 300 entries, record BENCHMARKS.md
    .venv/bin/python -m benchmarks.fetch --entries 50 --no-record
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

from benchmarks import _common
from generator import ingest
from generator.config import FetchSettings, Settings, SourceSpec
from generator.fetch import fetch
from generator.model import Article

BOILERPLATE = ("<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a>"
               "</nav><aside>Most read: <a href='/x'>Another story</a></aside>")


def texts(count: int) -> list[str]:
    """``count`` article texts: PolNeAR train articles, else the samples repeated."""
    polnear = _common.eval_dir("polnear-quotes")
    files = sorted((polnear / "train" / "text").glob("*.txt")) if polnear else []
    if not files:
        files = sorted((_common.REPO / "content").glob("*.txt"))
    return [files[i % len(files)].read_text(encoding="utf-8", errors="replace")
            for i in range(count)]


def page(number: int, text: str) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    title = f"Story {number}: {html.escape(text.strip().splitlines()[0][:60])}"
    return (f"<!doctype html><html lang='en'><head><title>{title}</title><meta property="
            f"'article:published_time' content='2025-11-14'></head><body>{BOILERPLATE}"
            f"<article><h1>{title}</h1>{paragraphs}</article><footer>(c) Bench Herald"
            "</footer></body></html>").encode()


def feed(base: str, count: int, *, full: list[str] | None) -> bytes:
    items = []
    for n in range(count):
        content = (f"<content:encoded><![CDATA[{page(n, full[n]).decode()}]]></content:encoded>"
                   if full else "")
        items.append(f"<item><title>Story {n}</title><link>{base}/a/{n}?utm_source=rss</link>"
                     f"<description>Teaser {n}.</description>{content}"
                     "<pubDate>Fri, 14 Nov 2025 08:00:00 GMT</pubDate></item>")
    return ("<?xml version='1.0'?><rss version='2.0' xmlns:content='http://purl.org/rss/1.0/"
            f"modules/content/'><channel><title>Bench Herald</title>{''.join(items)}"
            "</channel></rss>").encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    routes: ClassVar[dict[str, bytes]] = {}
    counter: ClassVar[list[int]] = [0]

    def do_GET(self) -> None:
        self.counter[0] += 1
        body = self.routes.get(self.path.split("?")[0])
        etag = f'"{hash(body)}"'
        if body is not None and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200 if body is not None else 404)
        kind = "application/rss+xml" if self.path.endswith(".xml") else "text/html"
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("ETag", etag)
        data = body if body is not None else b"not found"
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@contextmanager
def serve(count: int) -> Iterator[tuple[str, list[int]]]:
    """The bench site; yields its base URL and the request counter."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    articles = texts(count)
    _Handler.routes = {f"/a/{n}": page(n, t) for n, t in enumerate(articles)}
    _Handler.routes["/summary.xml"] = feed(base, count, full=None)
    _Handler.routes["/full.xml"] = feed(base.replace("127.0.0.1", "localhost"), count,
                                        full=articles)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield base, _Handler.counter
    finally:
        server.shutdown()
        server.server_close()


def run(root: Path, url: str, counter: list[int], **options: Any) -> dict[str, float]:
    """One ``fetch`` run; wall and CPU seconds, requests, new files."""
    values: dict[str, Any] = {"delay": 0.0, "max_entries": 100_000}
    values.update(options)
    settings = Settings(root=root, sources=(SourceSpec(url),), fetch=FetchSettings(**values))
    before, start, cpu = counter[0], time.perf_counter(), time.process_time()
    report = fetch(settings)
    return {"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu,
            "requests": counter[0] - before, "new": report.new,
            "status": report.outcomes[0].status == "not_modified"}


def read_back(folder: Path) -> dict[str, float]:
    start = time.perf_counter()
    items = list(ingest.read_corpus([folder], root=folder))
    return {"wall": time.perf_counter() - start,
            "articles": sum(isinstance(i, Article) for i in items), "items": len(items)}


def measure(count: int) -> tuple[list[tuple[str, dict[str, float]]], dict[str, float]]:
    rows: list[tuple[str, dict[str, float]]] = []
    with serve(count) as (base, counter), tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rows.append(("summary feed, first run (pages fetched)",
                     run(root, f"{base}/summary.xml", counter)))
        rows.append(("summary feed, second run", run(root, f"{base}/summary.xml", counter)))
        rows.append(("full-text feed, first run (pages only for entries under 1,200 chars)",
                     run(root / "full", f"{base.replace('127.0.0.1', 'localhost')}/full.xml",
                         counter)))
        polite = min(count, 50)
        rows.append((f"summary feed, delay 0.1 s, first {polite} entries",
                     run(root / "polite", f"{base}/summary.xml", counter, delay=0.1,
                         max_entries=polite)))
        back = read_back(root / "content" / "fetched")
    return rows, back


def table(rows: list[tuple[str, dict[str, float]]]) -> str:
    lines = ["| run | new files | requests | wall s | CPU s | files/s (wall) |",
             "|---|---|---|---|---|---|"]
    for name, r in rows:
        rate = f"{r['new'] / r['wall']:.0f}" if r["new"] else "-"
        lines.append(f"| {name} | {r['new']:.0f} | {r['requests']:.0f} | {r['wall']:.2f} | "
                     f"{r['cpu']:.2f} | {rate} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=300, help="entries per feed")
    parser.add_argument("--no-record", action="store_true", help="do not write BENCHMARKS.md")
    args = parser.parse_args(argv)
    rows, back = measure(args.entries)
    text = table(rows)
    summary = (f"Reading the first run's {back['items']:.0f} files back with `ingest.read_corpus`: "
               f"{back['articles']:.0f} articles in {back['wall']:.2f} s.")
    print(text)
    print(summary)
    if not args.no_record:
        _common.record("fetch", f"""## Fetching (local news site)

`.venv/bin/python -m benchmarks.fetch --entries {args.entries}` ({dt.date.today().isoformat()},
{_common.machine()}; server and client on the same two cores, so CPU s includes the server's
threads). Defaults otherwise (`per_host` 2, `workers` 8, delay 0 unless stated). Pages are
PolNeAR train articles in a page with navigation and footer (the samples when the eval data is
absent). The second run sends `If-None-Match`, gets a 304 and writes nothing; the delay row
shows the politeness floor (one host: starts at least `delay` apart, so 0.1 s x entries).
{summary}

{text}
""")


if __name__ == "__main__":
    main()
