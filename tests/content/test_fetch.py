"""HttpFetcher against a real HTTP server on 127.0.0.1 that misbehaves on demand."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.content.fetch import FetchSettings, HttpFetcher, _redact
from kiosk.content.sources.base import FeedError
from tests.helpers.http_server import FaultServer, Reply, gzip_bomb, redirect

FAST = FetchSettings(connect_timeout=1, read_timeout=0.5, retries=0, max_bytes=64 * 1024)
BODY = b'{"version": 1, "events": []}'


class SleepRecorder:
    """Stands in for time.sleep: records the backoff delays without waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def fetcher(sleeps: SleepRecorder) -> Iterator[HttpFetcher]:
    f = HttpFetcher(FAST, sleep=sleeps)
    yield f
    f.close()


def make_fetcher(settings: FetchSettings, sleeps: SleepRecorder, cache: Path | None = None) -> HttpFetcher:
    return HttpFetcher(settings, cache_path=cache, sleep=sleeps)


def closed_port() -> int:
    """A port on 127.0.0.1 nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# --- plain answers ------------------------------------------------------------------------------


def test_200_returns_the_body(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    url = fault_server.route("/feed.json", Reply(body=BODY))
    assert fetcher.get(url) == BODY
    assert fault_server.hits("/feed.json") == 1


def test_user_agent_names_the_kiosk(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    url = fault_server.route("/feed.json", Reply(body=BODY))
    fetcher.get(url, headers={"Accept": "application/json"})
    (seen,) = fault_server.seen("/feed.json")
    assert seen.headers["user-agent"].startswith("LIVE-kiosk/")
    assert seen.headers["accept"] == "application/json"


def test_query_parameters_are_sent(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    url = fault_server.route("/events", Reply(body=BODY))
    fetcher.get(url, params={"size": "100", "lang": ["fr", "en"]})
    (seen,) = fault_server.seen("/events")
    assert seen.query == "size=100&lang=fr&lang=en"


# --- conditional GET ----------------------------------------------------------------------------


def test_304_with_etag_returns_the_cached_body(
    fault_server: FaultServer, sleeps: SleepRecorder, tmp_path: Path
) -> None:
    url = fault_server.route("/feed.json", Reply(body=BODY, etag='"v1"'))
    fetcher = make_fetcher(FAST, sleeps, tmp_path / "cache" / "http.sqlite")
    try:
        assert fetcher.get(url) == BODY
        assert fetcher.get(url) == BODY
    finally:
        fetcher.close()
    first, second = fault_server.seen("/feed.json")
    assert "if-none-match" not in first.headers
    assert second.headers["if-none-match"] == '"v1"'
    assert fault_server.sent["/feed.json"] == len(BODY)  # the second answer was a bodiless 304


def test_304_with_last_modified_survives_a_restart(
    fault_server: FaultServer, sleeps: SleepRecorder, tmp_path: Path
) -> None:
    stamp = "Tue, 01 Dec 2026 09:00:00 GMT"
    url = fault_server.route("/feed.json", Reply(body=BODY, last_modified=stamp))
    cache = tmp_path / "http.sqlite"
    for _ in range(2):  # a new fetcher each time: the cache is on disk
        fetcher = make_fetcher(FAST, sleeps, cache)
        try:
            assert fetcher.get(url) == BODY
        finally:
            fetcher.close()
    first, second = fault_server.seen("/feed.json")
    assert "if-modified-since" not in first.headers
    assert second.headers["if-modified-since"] == stamp
    assert fault_server.sent["/feed.json"] == len(BODY)


def test_changed_content_replaces_the_cached_body(
    fault_server: FaultServer, sleeps: SleepRecorder, tmp_path: Path
) -> None:
    new = b'{"version": 1, "places": []}'
    url = fault_server.route("/feed.json", Reply(body=BODY, etag='"v1"'), Reply(body=new, etag='"v2"'))
    fetcher = make_fetcher(FAST, sleeps, tmp_path / "http.sqlite")
    try:
        assert fetcher.get(url) == BODY
        assert fetcher.get(url) == new
        assert fetcher.get(url) == new  # now a 304 against "v2"
    finally:
        fetcher.close()
    assert [s.headers.get("if-none-match") for s in fault_server.seen("/feed.json")] == [None, '"v1"', '"v2"']


def test_without_a_cache_no_conditional_request(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    url = fault_server.route("/feed.json", Reply(body=BODY, etag='"v1"'))
    fetcher.get(url)
    fetcher.get(url)
    assert all("if-none-match" not in s.headers for s in fault_server.seen("/feed.json"))


# --- errors and retries -------------------------------------------------------------------------


def test_500_then_200_is_retried_with_backoff(fault_server: FaultServer, sleeps: SleepRecorder) -> None:
    url = fault_server.route("/feed.json", Reply(500), Reply(503), Reply(body=BODY))
    fetcher = make_fetcher(FetchSettings(connect_timeout=1, read_timeout=0.5, retries=2), sleeps)
    try:
        assert fetcher.get(url) == BODY
    finally:
        fetcher.close()
    assert fault_server.hits("/feed.json") == 3
    assert sleeps.delays == [0.5, 1.0]


def test_500_always_gives_up_after_the_retries(fault_server: FaultServer, sleeps: SleepRecorder) -> None:
    url = fault_server.route("/feed.json", Reply(500, body=b"oops"))
    fetcher = make_fetcher(FetchSettings(connect_timeout=1, read_timeout=0.5, retries=2), sleeps)
    try:
        with pytest.raises(FeedError, match="500"):
            fetcher.get(url)
    finally:
        fetcher.close()
    assert fault_server.hits("/feed.json") == 3
    assert sleeps.delays == [0.5, 1.0]


def test_429_is_retried(fault_server: FaultServer, sleeps: SleepRecorder) -> None:
    url = fault_server.route("/feed.json", Reply(429), Reply(body=BODY))
    fetcher = make_fetcher(FetchSettings(connect_timeout=1, read_timeout=0.5, retries=1), sleeps)
    try:
        assert fetcher.get(url) == BODY
    finally:
        fetcher.close()
    assert sleeps.delays == [0.5]


@pytest.mark.parametrize("status", [400, 403, 404, 410])
def test_client_errors_are_not_retried(fault_server: FaultServer, sleeps: SleepRecorder, status: int) -> None:
    url = fault_server.route("/feed.json", Reply(status))
    fetcher = make_fetcher(FetchSettings(connect_timeout=1, read_timeout=0.5, retries=2), sleeps)
    try:
        with pytest.raises(FeedError, match=str(status)):
            fetcher.get(url)
    finally:
        fetcher.close()
    assert fault_server.hits("/feed.json") == 1
    assert sleeps.delays == []


def test_connection_refused(sleeps: SleepRecorder) -> None:
    fetcher = make_fetcher(FetchSettings(connect_timeout=1, read_timeout=0.5, retries=1), sleeps)
    try:
        with pytest.raises(FeedError, match="cannot reach"):
            fetcher.get(f"http://127.0.0.1:{closed_port()}/feed.json")
    finally:
        fetcher.close()
    assert sleeps.delays == [0.5]  # a network error is worth another try


def test_a_server_that_accepts_then_hangs_times_out(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    url = fault_server.route("/feed.json", Reply(body=BODY, delay=30))
    started = time.monotonic()
    with pytest.raises(FeedError, match="in time"):
        fetcher.get(url)
    assert time.monotonic() - started < 2


def test_a_dripping_server_is_cut_by_the_overall_deadline(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    # One byte every 0.2 s never trips the 0.5 s read timeout; 200 bytes would take 40 s.
    url = fault_server.route("/feed.json", Reply(body=b"x" * 200, drip=0.2))
    assert FAST.deadline == pytest.approx(2.5)
    started = time.monotonic()
    with pytest.raises(FeedError, match="too slow"):
        fetcher.get(url)
    elapsed = time.monotonic() - started
    assert FAST.deadline <= elapsed < 3.2
    assert fault_server.sent["/feed.json"] < 200


def test_a_dripping_chunked_answer_is_cut_too(fault_server: FaultServer, sleeps: SleepRecorder) -> None:
    settings = FetchSettings(connect_timeout=0.2, read_timeout=0.25, retries=0)  # a 0.95 s deadline
    url = fault_server.route("/feed.json", Reply(body=b"x" * 200, drip=0.1, chunked=True))
    fetcher = make_fetcher(settings, sleeps)
    started = time.monotonic()
    try:
        with pytest.raises(FeedError, match="too slow"):
            fetcher.get(url)
    finally:
        fetcher.close()
    assert settings.deadline <= time.monotonic() - started < settings.deadline + 0.6


def test_a_truncated_body_is_an_error(fault_server: FaultServer, sleeps: SleepRecorder) -> None:
    url = fault_server.route("/feed.json", Reply(body=BODY, truncate=500))
    fetcher = make_fetcher(FetchSettings(connect_timeout=1, read_timeout=0.5, retries=2), sleeps)
    try:
        with pytest.raises(FeedError, match="download failed"):
            fetcher.get(url)
    finally:
        fetcher.close()
    assert fault_server.hits("/feed.json") == 1  # a broken answer is not retried


def test_a_body_that_stalls_halfway_times_out(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    url = fault_server.route("/feed.json", Reply(body=BODY, truncate=500, stall=30))
    started = time.monotonic()
    with pytest.raises(FeedError, match="in time"):
        fetcher.get(url)
    assert time.monotonic() - started < 2


# --- size cap -----------------------------------------------------------------------------------


def test_an_announced_oversize_body_is_refused_before_reading(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    # 1 MB announced and then sent one byte every 0.2 s: reading it would hit the deadline instead.
    url = fault_server.route("/big.json", Reply(body=b"x" * 1024, repeat=1024, drip=0.2))
    started = time.monotonic()
    with pytest.raises(FeedError, match=r"too large: 1048576 bytes announced \(limit 65536\)"):
        fetcher.get(url)
    assert time.monotonic() - started < 1
    assert fault_server.sent["/big.json"] < 10


def test_a_chunked_oversize_body_is_cut_just_past_the_cap(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    total = 8 * 1024 * 10_000  # 80 MB, never announced
    url = fault_server.route("/big.json", Reply(body=b"x" * 8 * 1024, repeat=10_000, chunked=True))
    with pytest.raises(FeedError, match=r"too large: more than 65536 bytes"):
        fetcher.get(url)
    # The server stops when the client hangs up; only socket buffers lie between the two.
    deadline = time.monotonic() + 2
    while fault_server.hits("/big.json") and time.monotonic() < deadline:
        sent = fault_server.sent["/big.json"]
        time.sleep(0.05)
        if sent == fault_server.sent["/big.json"]:
            break
    assert fault_server.sent["/big.json"] < total // 4


def test_a_gzip_bomb_is_stopped(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    bomb = gzip_bomb(16 * 1024 * 1024)
    assert len(bomb.body) < 32 * 1024  # small on the wire: only decoding reveals the size
    url = fault_server.route("/bomb.json", bomb)
    with pytest.raises(FeedError, match="too large: more than"):
        fetcher.get(url)


def test_a_gzip_body_under_the_cap_is_decoded(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    import gzip  # noqa: PLC0415

    url = fault_server.route("/feed.json", Reply(body=gzip.compress(BODY), headers={"Content-Encoding": "gzip"}))
    assert fetcher.get(url) == BODY


def test_a_body_exactly_at_the_cap_is_accepted(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    url = fault_server.route("/feed.json", Reply(body=b"y" * FAST.max_bytes, chunked=True))
    assert len(fetcher.get(url)) == FAST.max_bytes


# --- redirects ----------------------------------------------------------------------------------


def test_a_redirect_is_followed(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    fault_server.route("/new.json", Reply(body=BODY))
    url = fault_server.route("/old.json", redirect("/new.json", 301))
    assert fetcher.get(url) == BODY


def test_a_redirect_body_is_not_read_past_the_deadline(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    fault_server.route("/new.json", Reply(body=BODY))
    url = fault_server.route(
        "/old.json", Reply(status=302, headers={"Location": "/new.json"}, body=b"moved" * 40, drip=0.2)
    )
    started = time.monotonic()
    assert fetcher.get(url) == BODY  # the redirect's body (40 s of drip) is never read
    assert time.monotonic() - started < 1


def test_a_redirect_loop_is_an_error(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    url = fault_server.route("/loop", redirect("/loop"))
    with pytest.raises(FeedError, match="redirect"):
        fetcher.get(url)
    assert 2 <= fault_server.hits("/loop") <= 11


# --- files --------------------------------------------------------------------------------------


def test_a_file_path_is_read(fetcher: HttpFetcher, tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_bytes(BODY)
    assert fetcher.get(str(path)) == BODY


def test_a_missing_file_is_an_error(fetcher: HttpFetcher, tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="cannot read"):
        fetcher.get(str(tmp_path / "nowhere.json"))


def test_an_oversize_file_is_refused(fetcher: HttpFetcher, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"z" * (FAST.max_bytes + 1))
    with pytest.raises(FeedError, match="too large"):
        fetcher.get(str(path))


# --- secrets never logged -----------------------------------------------------------------------


def test_redact_hides_keys_and_tokens() -> None:
    assert _redact("https://h/e?a=1&key=abc&b=2") == "https://h/e?a=1&key=***&b=2"
    assert _redact("https://h/e?APIKEY=abc") == "https://h/e?APIKEY=***"
    assert _redact("https://h/e?token=t0k&x=1") == "https://h/e?token=***&x=1"
    assert _redact("https://h/e?monkey=banana") == "https://h/e?monkey=banana"


def test_an_api_key_never_reaches_the_log(
    fault_server: FaultServer, sleeps: SleepRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    url = fault_server.route("/events", Reply(500))
    fetcher = make_fetcher(FetchSettings(connect_timeout=1, read_timeout=0.5, retries=1), sleeps)
    try:
        with pytest.raises(FeedError) as raised:
            fetcher.get(url, params={"key": "S3CRET-KEY-42", "size": "10"})
    finally:
        fetcher.close()
    assert fault_server.seen("/events")[0].query == "key=S3CRET-KEY-42&size=10"  # it was sent...
    assert "key=***" in caplog.text  # ...the retry was logged...
    assert "S3CRET-KEY-42" not in caplog.text  # ...without it
    assert "S3CRET-KEY-42" not in str(raised.value)


def test_an_api_key_is_not_in_a_connection_error(sleeps: SleepRecorder, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    fetcher = make_fetcher(FetchSettings(connect_timeout=1, read_timeout=0.5, retries=1), sleeps)
    try:
        with pytest.raises(FeedError, match="cannot reach") as raised:
            fetcher.get(f"http://127.0.0.1:{closed_port()}/events?apikey=S3CRET-KEY-42&rows=5")
    finally:
        fetcher.close()
    # The message is logged by the sync and shown on the staff screen: no key in it either.
    assert "S3CRET-KEY-42" not in str(raised.value)
    assert "S3CRET-KEY-42" not in caplog.text
