"""The HTTP client: one polite GET with timeouts, retries, redirects, size and type checks.

Built on httpx (ARCHITECTURE.md, "Fetching", says why): redirects are followed here, one hop at
a time, so that every hop passes the per-host gate and counts against ``fetch.max_redirects``;
the body is streamed so that a response larger than ``fetch.max_bytes`` is cut off, not read.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from generator.config import FetchSettings
from generator.fetch.politeness import HostGate
from generator.fetch.urls import host_of

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
"""Answers that say "try later" (RFC 9110; 425 and 429 from RFC 8470 and RFC 6585)."""

BINARY_SIGNATURES = ((b"%PDF", "PDF document"), (b"\x89PNG", "PNG image"),
                     (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
                     (b"PK\x03\x04", "ZIP archive"))
"""Magic numbers of the binary files a news link most often turns out to be."""

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Validators:
    """What makes the next request for a URL conditional (RFC 9110 section 13)."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Response:
    """A successful answer: 200 with its body, or 304 (``body`` empty)."""

    url: str
    """The URL after redirects."""
    status: int
    body: bytes
    media_type: str
    """Lower-case media type without parameters (``text/html``); empty when not sent."""
    charset: str | None
    validators: Validators


class FetchError(Exception):
    """A request that gave no usable answer; ``reason`` is one line for the report."""

    def __init__(self, reason: str, *, transient: bool, status: int | None = None) -> None:
        """``transient``: worth trying again on a later run (timeouts, 5xx, 429)."""
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.status = status


class _Retry(Exception):
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def is_text_type(media_type: str) -> bool:
    """Text, XML and JSON media types (feeds, sitemaps, pages, robots.txt); never binaries."""
    return (media_type.startswith("text/") or media_type.endswith(("+xml", "+json", "/xml",
                                                                  "/json")))


class Client:
    """A polite HTTP client shared by every source of one run (thread-safe)."""

    def __init__(self, settings: FetchSettings, *, user_agent: str,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        """Open a connection pool; ``sleep`` is replaced in tests that check waiting."""
        self.settings = settings
        self.gate = HostGate(per_host=settings.per_host, delay=settings.delay, sleep=sleep)
        self._sleep = sleep
        self._http = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(settings.timeout), follow_redirects=False,
            limits=httpx.Limits(max_connections=settings.workers * 2))

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def get(self, url: str, *, validators: Validators | None = None,
            accept: Callable[[str], bool] = is_text_type) -> Response:
        """GET ``url``, retrying transient failures with backoff; raise ``FetchError``.

        Args:
            url: an absolute http(s) URL.
            validators: the last answer's ETag and Last-Modified, sent as
                If-None-Match / If-Modified-Since (a 304 answer then has an empty body).
            accept: which media types are wanted; any other is refused unread.
        """
        headers = _conditional_headers(validators)
        tries = self.settings.retries + 1
        for attempt in range(tries):
            try:
                return self._follow(url, headers, accept)
            except _Retry as exc:
                wait = exc.retry_after
                if wait is None:
                    wait = self.settings.backoff * 2 ** attempt
                if attempt + 1 == tries:
                    raise FetchError(f"{exc.reason} (after {tries} tries)", transient=True) from exc
                if wait > self.settings.max_retry_after:
                    raise FetchError(f"{exc.reason}, asked to retry after {wait:.0f} s",
                                     transient=True) from exc
                log.debug("Retrying %s in %.1f s: %s", url, wait, exc.reason)
                self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _follow(self, url: str, headers: dict[str, str],
                accept: Callable[[str], bool]) -> Response:
        current = url
        for _ in range(self.settings.max_redirects + 1):
            answer = self._once(current, headers, accept)
            if isinstance(answer, Response):
                return answer
            current = answer
        raise FetchError(f"more than {self.settings.max_redirects} redirects", transient=False)

    def _once(self, url: str, headers: dict[str, str],
              accept: Callable[[str], bool]) -> Response | str:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url[:100]!r}", transient=False)
        with self.gate.slot(host_of(url)):
            try:
                with self._http.stream("GET", url, headers=headers) as answer:
                    return self._read(url, answer, accept)
            except httpx.TimeoutException as exc:
                raise _Retry(f"timed out after {self.settings.timeout:g} s") from exc
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                raise FetchError(f"invalid URL ({exc})", transient=False) from exc
            except httpx.TransportError as exc:
                raise _Retry(f"connection failed ({type(exc).__name__})") from exc

    def _read(self, url: str, answer: httpx.Response,
              accept: Callable[[str], bool]) -> Response | str:
        status = answer.status_code
        if status in (301, 302, 303, 307, 308) and answer.headers.get("location"):
            return urljoin(url, answer.headers["location"])
        if status in RETRY_STATUSES:
            raise _Retry(f"HTTP {status}", _retry_after(answer.headers.get("retry-after")))
        validators = Validators(answer.headers.get("etag"), answer.headers.get("last-modified"))
        media_type, charset = _content_type(answer.headers.get("content-type", ""))
        if status == 304:
            return Response(url, 304, b"", media_type, charset, validators)
        if status != 200:
            raise FetchError(f"HTTP {status}", transient=status >= 500, status=status)
        if media_type and not accept(media_type):
            raise FetchError(f"refused content type {media_type}", transient=False)
        body = self._body(answer)
        binary = _binary_kind(body)
        if binary:
            raise FetchError(f"binary content ({binary}), not text", transient=False)
        return Response(str(answer.url), 200, body, media_type, charset, validators)

    def _body(self, answer: httpx.Response) -> bytes:
        limit = self.settings.max_bytes
        declared = answer.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"response too large ({int(declared):,} bytes; limit {limit:,})",
                             transient=False)
        deadline = time.monotonic() + self.settings.timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in answer.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(f"response too large (over {limit:,} bytes)", transient=False)
            if time.monotonic() > deadline:
                raise _Retry(f"timed out after {self.settings.timeout:g} s reading the body")
            chunks.append(chunk)
        return b"".join(chunks)


@contextmanager
def open_client(settings: FetchSettings, *, user_agent: str, **kwargs: Any) -> Iterator[Client]:
    """A ``Client`` closed on exit."""
    client = Client(settings, user_agent=user_agent, **kwargs)
    try:
        yield client
    finally:
        client.close()


def _conditional_headers(validators: Validators | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip().strip('"\'').lower()
    return media_type.strip().lower(), charset


def _binary_kind(body: bytes) -> str | None:
    head = body[:8]
    if head.startswith(GZIP_MAGIC):
        return None  # a gzipped sitemap; its reader unpacks it with a size cap
    for magic, name in BINARY_SIGNATURES:
        if head.startswith(magic):
            return name
    if b"\x00" in body[:1024] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "NUL bytes"
    return None
