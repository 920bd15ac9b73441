"""The HTTP client: retries and Retry-After, conditional requests, redirects, caps."""

from __future__ import annotations

import pytest

from generator.fetch.client import Client, FetchError, Validators, _retry_after
from tests.fetch.conftest import NewsSite, fast_settings


def client(waits: list[float], **options: object) -> Client:
    return Client(fast_settings(**options), user_agent="news-digest/test", sleep=waits.append)


def test_retry_after_is_honoured(news_site: NewsSite) -> None:
    waits: list[float] = []
    answer = client(waits, backoff=5.0).get(news_site.url("/busy.xml"))
    assert answer.status == 200
    assert 1.0 in waits  # the server's Retry-After, not the 5 s backoff


def test_backoff_doubles_without_retry_after(news_site: NewsSite) -> None:
    waits: list[float] = []
    with pytest.raises(FetchError, match=r"HTTP 500 \(after 3 tries\)") as info:
        client(waits, retries=2, backoff=0.25).get(news_site.url("/error.xml"))
    assert info.value.transient
    assert [w for w in waits if w > 0] == [0.25, 0.5]
    assert news_site.hits["/error.xml"] == 3


def test_too_long_retry_after_fails_instead_of_waiting(news_site: NewsSite) -> None:
    news_site.routes["/later"] = lambda request: (503, {"Retry-After": "7200"}, b"")
    waits: list[float] = []
    with pytest.raises(FetchError, match="asked to retry after 7200 s"):
        client(waits, max_retry_after=60.0).get(news_site.url("/later"))
    assert 7200.0 not in waits


@pytest.mark.parametrize(("value", "low", "high"), [
    ("120", 120, 120), (None, None, None), ("soon", None, None),
    ("Wed, 21 Oct 2015 07:28:00 GMT", 0, 0)])
def test_retry_after_values(value: str | None, low: float | None, high: float | None) -> None:
    seconds = _retry_after(value)
    assert seconds == low if low is None else low <= seconds <= high  # type: ignore[operator]


def test_conditional_request_gets_304(news_site: NewsSite) -> None:
    http = client([])
    first = http.get(news_site.url("/rss.xml"))
    assert first.status == 200 and first.validators.etag == '"rss-1"'
    second = http.get(news_site.url("/rss.xml"), validators=first.validators)
    assert (second.status, second.body) == (304, b"")
    headers = news_site.asked("/rss.xml")[1].headers
    assert headers["if-none-match"] == '"rss-1"'
    assert headers["if-modified-since"] == "Fri, 14 Nov 2025 09:00:00 GMT"


def test_redirects_are_followed_up_to_the_limit(news_site: NewsSite) -> None:
    answer = client([]).get(news_site.url("/moved.xml"))
    assert answer.url == news_site.url("/rss.xml") and answer.status == 200
    with pytest.raises(FetchError, match="more than 3 redirects") as info:
        client([]).get(news_site.url("/loop-a"))
    assert not info.value.transient
    assert news_site.hits["/loop-a"] + news_site.hits["/loop-b"] == 4


def test_size_cap_with_and_without_content_length(news_site: NewsSite) -> None:
    with pytest.raises(FetchError, match="response too large"):
        client([], max_bytes=1000).get(news_site.url("/huge.xml"))  # streamed, no length
    with pytest.raises(FetchError, match=r"response too large \(\d[\d,]* bytes; limit 1,000\)"):
        client([], max_bytes=1000).get(news_site.url("/articles/full"))  # declared length


def test_non_text_content_is_refused_unread(news_site: NewsSite) -> None:
    with pytest.raises(FetchError, match="refused content type application/pdf"):
        client([]).get(news_site.url("/report.pdf"))
    with pytest.raises(FetchError, match=r"binary content \(PDF document\)"):
        client([]).get(news_site.url("/disguised"))


def test_timeout_is_transient(news_site: NewsSite) -> None:
    with pytest.raises(FetchError, match=r"timed out after 0\.5 s") as info:
        client([], retries=0).get(news_site.url("/slow.xml"))
    assert info.value.transient


def test_404_is_permanent_and_keeps_its_status(news_site: NewsSite) -> None:
    with pytest.raises(FetchError, match="HTTP 404") as info:
        client([]).get(news_site.url("/nothing"))
    assert (info.value.transient, info.value.status) == (False, 404)
    assert news_site.hits["/nothing"] == 1  # not retried


def test_validators_without_values_send_nothing(news_site: NewsSite) -> None:
    client([]).get(news_site.url("/atom.xml"), validators=Validators())
    headers = news_site.asked("/atom.xml")[0].headers
    assert "if-none-match" not in headers and "if-modified-since" not in headers
