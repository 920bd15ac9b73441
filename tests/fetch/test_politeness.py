"""Per-host slots and spacing; robots.txt as RFC 9309 reads it."""

from __future__ import annotations

import threading
import time

import pytest

from generator.fetch.politeness import MAX_CRAWL_DELAY, HostGate, Robots


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.now += seconds


def test_requests_to_one_host_start_delay_apart() -> None:
    clock = FakeClock()
    gate = HostGate(per_host=2, delay=1.5, sleep=clock.sleep, clock=clock)
    starts = []
    for _ in range(3):
        with gate.slot("a.test"):
            starts.append(clock.now)
    assert starts == [100.0, 101.5, 103.0]
    with gate.slot("b.test"):  # another host does not wait for a.test
        assert clock.now == 103.0


def test_crawl_delay_is_capped() -> None:
    clock = FakeClock()
    gate = HostGate(per_host=1, delay=1.0, sleep=clock.sleep, clock=clock)
    gate.set_delay("slow.test", 3600)
    for _ in range(2):
        with gate.slot("slow.test"):
            pass
    assert clock.now == 100.0 + MAX_CRAWL_DELAY


def test_at_most_per_host_requests_at_once() -> None:
    gate = HostGate(per_host=2, delay=0.0)
    active, peak = [0], [0]
    lock = threading.Lock()

    def work() -> None:
        with gate.slot("a.test"):
            with lock:
                active[0] += 1
                peak[0] = max(peak[0], active[0])
            time.sleep(0.05)
            with lock:
                active[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak[0] == 2


ROBOTS = "User-agent: *\nDisallow: /private/\n\nUser-agent: news-digest\nDisallow: /no-bots/\n" \
         "Crawl-delay: 4\n"


@pytest.mark.parametrize(("status", "text", "path", "allowed"), [
    (200, ROBOTS, "/news/a", True),
    (200, ROBOTS, "/no-bots/a", False),   # our own group wins over *
    (200, "User-agent: *\nDisallow: /\n", "/news/a", False),
    (404, "", "/news/a", True),           # no robots.txt: no rules
    (503, "", "/news/a", False),          # unreachable: assume disallowed for now
    (0, "", "/news/a", False),
])
def test_robots_rules(status: int, text: str, path: str, allowed: bool) -> None:
    gate = HostGate(per_host=1, delay=0.5)
    robots = Robots(lambda url: (status, text), gate)
    assert robots.allowed(f"https://site.test{path}") is allowed


def test_robots_is_read_once_per_origin_and_sets_crawl_delay() -> None:
    asked: list[str] = []

    def fetch_text(url: str) -> tuple[int, str]:
        asked.append(url)
        return 200, ROBOTS

    gate = HostGate(per_host=1, delay=0.5)
    robots = Robots(fetch_text, gate)
    assert robots.allowed("https://site.test/a") and robots.allowed("https://site.test/b")
    assert robots.allowed("https://other.test/a")
    assert asked == ["https://site.test/robots.txt", "https://other.test/robots.txt"]
    assert gate._delays["site.test"] == 4.0
