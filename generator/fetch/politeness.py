"""Politeness: how many requests a host gets at once, how far apart, and what robots.txt allows.

``HostGate`` is shared by every request of a run: at most ``per_host`` requests in flight to one
host, and the starts of two requests to one host at least ``delay`` seconds apart (longer when
the host's robots.txt asks for a ``Crawl-delay``). ``Robots`` reads each host's robots.txt once
per run and answers whether a page may be fetched (RFC 9309).
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

MAX_CRAWL_DELAY = 30.0
"""Longest ``Crawl-delay`` honoured (seconds). Some sites ask for 60 or more, which would make
one feed's twenty pages take twenty minutes; above this the host's pages wait this long."""

ROBOTS_TOKEN = "news-digest"
"""The product token robots.txt rules are matched against (the User-Agent's first word)."""


class HostGate:
    """Per-host concurrency and spacing of requests (thread-safe)."""

    def __init__(self, *, per_host: int, delay: float,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """``per_host`` requests at once per host, starts ``delay`` seconds apart."""
        self.per_host = per_host
        self.delay = delay
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        """Space this host's requests further apart (a robots.txt ``Crawl-delay``)."""
        with self._lock:
            self._delays[host] = max(self.delay, min(seconds, MAX_CRAWL_DELAY))

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of the host's request slots, after waiting for its turn."""
        with self._lock:
            slots = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with slots:
            self._sleep(self._wait(host))
            yield

    def _wait(self, host: str) -> float:
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self._delays.get(host, self.delay)
            return start - now




class Robots:
    """robots.txt per origin, read once per run; answers ``allowed(url)``."""

    def __init__(self, fetch_text: Callable[[str], tuple[int, str]], gate: HostGate) -> None:
        """``fetch_text(url)`` returns ``(status, text)``; status 0 means unreachable."""
        self._fetch_text = fetch_text
        self._gate = gate
        self._lock = threading.Lock()
        self._parsers: dict[str, urllib.robotparser.RobotFileParser | bool] = {}
        self._origin_locks: dict[str, threading.Lock] = {}

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets news-digest fetch ``url``."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            origin_lock = self._origin_locks.setdefault(origin, threading.Lock())
        with origin_lock:
            if origin not in self._parsers:
                self._parsers[origin] = self._read(origin)
        rules = self._parsers[origin]
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(ROBOTS_TOKEN, url)

    def _read(self, origin: str) -> urllib.robotparser.RobotFileParser | bool:
        status, text = self._fetch_text(f"{origin}/robots.txt")
        # RFC 9309 2.3.1: a 4xx answer means no rules (allow all); an unreachable robots.txt
        # or a 5xx answer means assume everything is disallowed for now.
        if 400 <= status < 500:
            return True
        if status != 200:
            log.info("robots.txt of %s unreachable (status %s): not fetching its pages",
                     origin, status or "none")
            return False
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(ROBOTS_TOKEN)
        if delay:
            self._gate.set_delay(urlsplit(origin).netloc.lower(), float(delay))
        return parser
