"""A news site on 127.0.0.1 for the fetch tests: every feed kind, pages, sitemaps, failures.

``news_site`` starts a threaded HTTP server on a free port for one test and records every
request (path and headers), so tests can check what was asked for and how. Nothing here
touches the internet.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generator.config import FetchSettings

PARAGRAPH = ("The regional council voted on Tuesday to expand the tram network to the northern "
             "districts, a project first proposed in 2019 and delayed twice by budget disputes. ")

Answer = tuple[int, dict[str, str], bytes]


def article_html(title: str, body: str, *, date: str = "2025-11-14",
                 extra_head: str = "", site_name: str = "Local Herald") -> str:
    """A plain news article page trafilatura can read."""
    paragraphs = "".join(f"<p>{body} {PARAGRAPH * 2}</p>" for _ in range(4))
    named = f"<meta property='og:site_name' content='{site_name}'>" if site_name else ""
    return (f"<!doctype html><html lang='en'><head><title>{title}</title>"
            f"<meta property='og:title' content='{title}'>"
            f"<meta property='article:published_time' content='{date}'>"
            f"{named}{extra_head}</head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}"
            f"</article><footer>Copyright Local Herald</footer></body></html>")


def rss(base: str, items: list[str], *, title: str = "Local Herald") -> str:
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
            f"xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
            f"<title>{title}</title><link>{base}/</link><language>en</language>"
            f"{''.join(items)}</channel></rss>")


def rss_item(base: str, path: str, title: str, *, summary: str = "A short teaser.",
             content: str | None = None, date: str = "Fri, 14 Nov 2025 08:00:00 GMT") -> str:
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    link = f"<link>{base}{path}</link>" if path else ""
    return (f"<item><title>{title}</title>{link}<description>{summary}</description>"
            f"{encoded}<pubDate>{date}</pubDate>"
            "<author>desk@herald.test (Ana Ruiz)</author></item>")


LONG_HTML = "".join(f"<p>Paragraph {n}. {PARAGRAPH}</p>" for n in range(12))

HOSTILE_TITLE = "---\ntitle: pwned\n<script>alert(1)</script> {{ config }} [x](javascript:alert(2))"


@dataclass
class Request:
    path: str
    headers: dict[str, str]


@dataclass
class NewsSite:
    """The routes of the local site; ``url(path)`` gives an absolute URL."""

    base: str = ""
    requests: list[Request] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    routes: dict[str, Callable[[Request], Answer]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def asked(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.path == path]

    def answer(self, request: Request) -> Answer:
        with self.lock:
            self.requests.append(request)
            self.hits[request.path] = self.hits.get(request.path, 0) + 1
        route = self.routes.get(request.path.split("?")[0])
        if route is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        return route(request)


def _ok(body: str | bytes, content_type: str, **headers: str) -> Answer:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return 200, {"Content-Type": content_type, **headers}, data


def _conditional(etag: str, body: str | bytes,
                 content_type: str) -> Callable[[Request], Answer]:
    def route(request: Request) -> Answer:
        if request.headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        return _ok(body, content_type, ETag=etag,
                   **{"Last-Modified": "Fri, 14 Nov 2025 09:00:00 GMT"})
    return route


def _once_then(first: Answer, then: Callable[[Request], Answer],
               site: NewsSite, path: str) -> Callable[[Request], Answer]:
    def route(request: Request) -> Answer:
        return first if site.hits[path] == 1 else then(request)
    return route


def _feeds(site: NewsSite) -> None:
    b = site.base
    site.routes["/rss.xml"] = _conditional('"rss-1"', rss(b, [
        rss_item(b, "/articles/full?utm_source=rss&utm_medium=feed", "Tram line approved",
                 content=LONG_HTML),
        rss_item(b, "/articles/teaser", "Council budget passes"),
        rss_item(b, "", "An entry without a link"),
    ]), "application/rss+xml")
    site.routes["/rdf.xml"] = _ok_route(
        "<?xml version='1.0'?><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
        "xmlns='http://purl.org/rss/1.0/'><channel rdf:about='x'><title>RDF Herald</title>"
        f"<link>{b}/</link></channel><item rdf:about='{b}/articles/rdf'><title>Harbour "
        f"reopens</title><link>{b}/articles/rdf</link><description>Teaser.</description>"
        "</item></rdf:RDF>", "application/rdf+xml")
    site.routes["/hostile.xml"] = _ok_route(rss(b, [
        "<item><title>Click</title><link>javascript:alert(1)</link>"
        "<description>Teaser.</description></item>",
        "<item><title>Data</title><link>data:text/html,&lt;script&gt;alert(2)&lt;/script&gt;"
        "</link><description>Teaser.</description></item>"]), "application/rss+xml")
    site.routes["/atom.xml"] = _ok_route(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Atom Herald</title><id>{b}/</id><updated>2025-11-14T10:00:00Z</updated>"
        f"<entry><title>Bridge repairs begin</title><link href='{b}/articles/atom'/>"
        f"<id>{b}/articles/atom</id><updated>2025-11-13T10:00:00Z</updated>"
        f"<author><name>Li Wei</name></author><content type='html'>{_xml(LONG_HTML)}"
        "</content></entry></feed>", "application/atom+xml")
    site.routes["/feed.json"] = _ok_route(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "JSON Herald",
        "items": [{"id": "1", "url": f"{b}/articles/json", "title": "Library extends hours",
                   "content_html": LONG_HTML, "date_published": "2025-11-12T07:00:00Z",
                   "authors": [{"name": "Sam Okafor"}]},
                  {"id": "2", "title": "No URL here"}]}), "application/feed+json")


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _ok_route(body: str | bytes, content_type: str) -> Callable[[Request], Answer]:
    return lambda request: _ok(body, content_type)


def _pages(site: NewsSite) -> None:
    for slug, title in [("full", "Tram line approved"), ("teaser", "Council budget passes"),
                        ("rdf", "Harbour reopens"), ("atom", "Bridge repairs begin"),
                        ("json", "Library extends hours"), ("news", "Museum wing opens"),
                        ("plain", "Ferry timetable changes"), ("one", "Market hall restored")]:
        site.routes[f"/articles/{slug}"] = _ok_route(
            article_html(title, f"Story {slug} body."), "text/html; charset=utf-8")
    site.routes["/articles/unnamed"] = _ok_route(
        article_html("Quiet street", "Nothing named.", site_name=""), "text/html")
    site.routes["/private/secret"] = _ok_route(article_html("Secret", "Hidden."), "text/html")
    site.routes["/robots.txt"] = _ok_route("User-agent: *\nDisallow: /private/\n", "text/plain")
    site.routes["/articles/wrong-charset"] = _ok_route(
        article_html("Caf\u00e9 owners protest", "The caf\u00e9 on the square.").encode("cp1252"),
        "text/html; charset=utf-8")
    site.routes["/articles/hostile"] = _ok_route(article_html(
        _xml(HOSTILE_TITLE).replace("'", "&#39;"),
        "<script>alert('body')</script><img src=x onerror=alert(3)> "
        "<a href='javascript:alert(4)'>click</a> {% raw %} --8<-- \"/etc/passwd\"",
        extra_head="<script>document.write('x')</script>"), "text/html")


def _sitemaps(site: NewsSite) -> None:
    b = site.base
    site.routes["/sitemap.xml"] = _conditional('"index-1"', (
        "<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"<sitemap><loc>{b}/sitemap-news.xml</loc><lastmod>2025-11-14</lastmod></sitemap>"
        f"<sitemap><loc>{b}/sitemap-plain.xml.gz</loc><lastmod>2025-11-13</lastmod></sitemap>"
        "</sitemapindex>"), "application/xml")
    site.routes["/sitemap-news.xml"] = _conditional('"news-1"',
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
        "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'><url>"
        f"<loc>{b}/articles/news</loc><news:news><news:publication><news:name>Herald News"
        "</news:name><news:language>en</news:language></news:publication>"
        "<news:publication_date>2025-11-14T06:00:00Z</news:publication_date>"
        "<news:title>Museum wing opens</news:title></news:news></url></urlset>",
        "application/xml")
    site.routes["/sitemap-plain.xml.gz"] = _conditional('"plain-1"', gzip.compress(
        ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
         f"<url><loc>{b}/articles/plain</loc><lastmod>2025-11-13</lastmod></url>"
         f"<url><loc>{b}/private/secret</loc></url></urlset>").encode()), "application/x-gzip")


def _failures(site: NewsSite) -> None:
    b = site.base
    good = rss(b, [rss_item(b, "/articles/one", "Market hall restored", content=LONG_HTML)])
    site.routes["/flaky.xml"] = _once_then((500, {}, b"oops"),
                                           _ok_route(good, "application/rss+xml"),
                                           site, "/flaky.xml")
    site.routes["/busy.xml"] = _once_then((429, {"Retry-After": "1"}, b""),
                                          _ok_route(good, "application/rss+xml"),
                                          site, "/busy.xml")
    site.routes["/error.xml"] = lambda request: (500, {}, b"always broken")
    site.routes["/html-not-feed.xml"] = _ok_route(article_html("Home", "Front page."),
                                                  "text/html")
    site.routes["/report.pdf"] = _ok_route(b"%PDF-1.7 binary", "application/pdf")
    site.routes["/disguised"] = _ok_route(b"%PDF-1.7 binary", "text/html")
    site.routes["/loop-a"] = lambda request: (302, {"Location": "/loop-b"}, b"")
    site.routes["/loop-b"] = lambda request: (302, {"Location": "/loop-a"}, b"")
    site.routes["/moved.xml"] = lambda request: (301, {"Location": f"{b}/rss.xml"}, b"")
    site.routes["/slow.xml"] = _slow(good)
    site.routes["/huge.xml"] = lambda request: (200, {"Content-Type": "application/rss+xml",
                                                      "X-Stream": "1"}, b"<rss>" + b" " * 300_000)


def _slow(body: str) -> Callable[[Request], Answer]:
    def route(request: Request) -> Answer:
        time.sleep(1.5)
        return _ok(body, "application/rss+xml")
    return route


class _Handler(BaseHTTPRequestHandler):
    site: NewsSite
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
        status, headers, body = self.site.answer(request)
        self.send_response(status)
        streamed = headers.pop("X-Stream", None)
        for key, value in headers.items():
            self.send_header(key, value)
        if streamed:  # no Content-Length: the size cap must stop the stream itself
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read ``site.requests``."""


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to 127.0.0.1 must not go through a proxy set in the environment."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def news_site() -> Iterator[NewsSite]:
    """A local news site with every feed kind, pages, sitemaps and failure cases."""
    site = NewsSite()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    _feeds(site)
    _pages(site)
    _sitemaps(site)
    _failures(site)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


def fast_settings(**overrides: object) -> FetchSettings:
    """Fetch settings for tests: no delays, short timeouts, one retry, small caps."""
    values: dict[str, object] = {"delay": 0.0, "timeout": 0.5, "retries": 1, "backoff": 0.0,
                                 "max_bytes": 100_000, "max_redirects": 3}
    values.update(overrides)
    return FetchSettings(**values)  # type: ignore[arg-type]
