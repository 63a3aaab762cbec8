"""One refresh over real HTTP: failing sources keep their last good items, good answers are picked up again."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from kiosk.content.fetch import FetchSettings, HttpFetcher
from kiosk.content.model import SourceState
from kiosk.content.sources.base import Window
from kiosk.content.sources.kiosk_feed import FeedSource
from kiosk.content.store import SourceContent
from kiosk.content.sync import BUNDLED_NAME, bundled_sources, default_window, merge, read_source, refresh
from tests.helpers.http_server import FaultServer, Reply

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
WINDOW = default_window(NOW)
PARIS = timezone(timedelta(hours=1))


def event(uid: str, start: datetime, title: str = "Atelier", hours: int = 2) -> dict[str, Any]:
    return {"id": uid, "title": title, "start": start.isoformat(), "end": (start + timedelta(hours=hours)).isoformat()}


def place(pid: str, name: str) -> dict[str, Any]:
    return {"id": pid, "name": name, "category": "parc", "lat": 50.69, "lon": 3.17}


def feed(events: Sequence[dict[str, Any]] = (), places: Sequence[dict[str, Any]] = ()) -> bytes:
    return json.dumps({"version": 1, "events": list(events), "places": list(places)}).encode()


DAY = datetime(2026, 12, 3, 14, 0, tzinfo=PARIS)
FEED_A = feed([event("fablab", DAY, "Fablab ouvert"), event("codesign", DAY + timedelta(days=1))])
FEED_A2 = feed([event("fablab", DAY, "Fablab ouvert"), event("expo", DAY + timedelta(days=2), "Exposition")])
FEED_B = feed(places=[place("parc-barbieux", "Parc Barbieux")])


@pytest.fixture
def fetcher(tmp_path: Path) -> Iterator[HttpFetcher]:
    f = HttpFetcher(
        FetchSettings(connect_timeout=1, read_timeout=0.5, retries=0),
        cache_path=tmp_path / "http.sqlite",
        sleep=lambda _: None,
    )
    yield f
    f.close()


def sources(server: FaultServer, *names: str) -> list[FeedSource]:
    return [FeedSource(name=name, url=server.url(f"/{name}.json")) for name in names]


def run(
    srcs: list[FeedSource], fetcher: HttpFetcher, previous: Mapping[str, SourceContent], now: datetime = NOW
) -> dict[str, SourceContent]:
    return refresh(srcs, fetcher, previous, now, WINDOW).contents


# --- a failing source keeps its items -----------------------------------------------------------

BAD_ANSWERS = {
    "server-error": (Reply(500, body=b"Internal error"), "500"),
    "invalid-json": (Reply(body=b'{"version": 1, "events": [', headers={"Content-Type": "application/json"}), "JSON"),
    "html-page": (
        Reply(body=b"<!doctype html><html><body>Maintenance</body></html>", headers={"Content-Type": "text/html"}),
        "JSON",
    ),
    "wrong-shape": (Reply(body=b'{"version": 1, "events": {"fablab": {}}}'), "'events' must be a list"),
    "not-an-object": (Reply(body=b"[1, 2, 3]"), "JSON object"),
    "other-version": (Reply(body=b'{"version": 2, "events": []}'), "version"),
    "not-found": (Reply(404), "404"),
}


@pytest.mark.parametrize("bad", BAD_ANSWERS.values(), ids=BAD_ANSWERS.keys())
def test_a_failing_source_goes_stale_then_recovers(
    fault_server: FaultServer, fetcher: HttpFetcher, bad: tuple[Reply, str]
) -> None:
    reply, reason = bad
    fault_server.route("/agenda.json", Reply(body=FEED_A), reply, Reply(body=FEED_A2))
    fault_server.route("/lieux.json", Reply(body=FEED_B))
    srcs = sources(fault_server, "agenda", "lieux")

    first = run(srcs, fetcher, {})
    assert {n: c.status.state for n, c in first.items()} == {"agenda": SourceState.OK, "lieux": SourceState.OK}
    assert [e.uid for e in first["agenda"].events] == ["fablab", "codesign"]
    assert first["agenda"].status.items == 2
    assert first["agenda"].status.fetched_at == NOW

    later = NOW + timedelta(minutes=15)
    second = run(srcs, fetcher, first, later)
    stale = second["agenda"]
    assert stale.status.state is SourceState.STALE
    assert stale.status.error is not None
    assert reason in stale.status.error
    assert stale.events == first["agenda"].events  # the last good items are kept
    assert stale.status.items == 2
    assert stale.status.fetched_at == NOW  # the time of the last success, not of the failure
    assert second["lieux"].status.state is SourceState.OK  # the other source is not affected
    assert second["lieux"].status.fetched_at == later
    assert second["lieux"].places == first["lieux"].places
    assert merge(second).content_hash == merge(first).content_hash  # the screens need not change

    third = run(srcs, fetcher, second, later + timedelta(minutes=15))
    assert third["agenda"].status.state is SourceState.OK
    assert third["agenda"].status.error is None
    assert [e.uid for e in third["agenda"].events] == ["fablab", "expo"]
    assert [e.title.get("fr") for e in merge(third).events] == ["Fablab ouvert", "Exposition"]


def test_a_source_that_never_worked_is_in_error(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    fault_server.route("/agenda.json", Reply(503))
    fault_server.route("/lieux.json", Reply(body=FEED_B))
    contents = run(sources(fault_server, "agenda", "lieux"), fetcher, {})
    status = contents["agenda"].status
    assert status.state is SourceState.ERROR
    assert status.items == 0
    assert contents["agenda"].items == 0
    assert status.error is not None
    assert "503" in status.error
    assert status.fetched_at is None
    assert contents["lieux"].status.state is SourceState.OK
    assert not any(name.startswith(BUNDLED_NAME) for name in contents)  # one source has content


def test_a_source_that_had_nothing_stays_in_error(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    fault_server.route("/agenda.json", Reply(body=feed()), Reply(body=b"garbage"))
    fault_server.route("/lieux.json", Reply(body=FEED_B))
    srcs = sources(fault_server, "agenda", "lieux")
    first = run(srcs, fetcher, {})
    assert first["agenda"].status.state is SourceState.OK
    second = run(srcs, fetcher, first, NOW + timedelta(hours=1))
    assert second["agenda"].status.state is SourceState.ERROR  # nothing to keep: not "stale"
    assert second["agenda"].status.fetched_at == NOW


def test_when_every_source_fails_the_bundled_pack_is_shown(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    fault_server.route("/agenda.json", Reply(500))
    contents = run(sources(fault_server, "agenda"), fetcher, {})
    assert contents["agenda"].status.state is SourceState.ERROR
    snapshot = merge(contents)
    assert snapshot.events
    assert snapshot.places
    assert {e.source for e in snapshot.events} == {f"{BUNDLED_NAME}-programme"}


def test_a_parser_crash_is_contained(fetcher: HttpFetcher) -> None:
    class Exploding:
        def get(self, url: str, params: object = None, headers: object = None) -> bytes:
            raise RuntimeError("boom")

    source = FeedSource(name="agenda", url="http://127.0.0.1:9/agenda.json")
    content, skipped = read_source(source, Exploding(), WINDOW, None, NOW)
    assert content.status.state is SourceState.ERROR
    assert content.status.error == "unexpected error: RuntimeError: boom"
    assert skipped == []


# --- the bundled pack ---------------------------------------------------------------------------


def test_no_sources_means_the_bundled_pack(fetcher: HttpFetcher) -> None:
    contents = run([], fetcher, {})
    assert set(contents) == {s.name for s in bundled_sources()}
    assert all(c.status.state is SourceState.OK for c in contents.values())
    snapshot = merge(contents, WINDOW)
    assert len(snapshot.events) > 0
    assert len(snapshot.places) > 0
    assert all(WINDOW.start < e.end and e.start < WINDOW.end for e in snapshot.events)


def test_disabled_sources_are_not_read(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    fault_server.route("/agenda.json", Reply(body=FEED_A))
    src = FeedSource(name="agenda", url=fault_server.url("/agenda.json"), enabled=False)
    contents = run([src], fetcher, {})
    assert "agenda" not in contents
    assert fault_server.hits("/agenda.json") == 0
    assert set(contents) == {s.name for s in bundled_sources()}


# --- merge --------------------------------------------------------------------------------------


def test_the_same_event_from_two_sources_is_shown_once(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    fault_server.route("/ville.json", Reply(body=feed([event("fablab", DAY, "Fablab (ville)")])))
    fault_server.route(
        "/metropole.json",
        Reply(body=feed([event("fablab", DAY, "Fablab (MEL)"), event("fablab", DAY + timedelta(days=7))])),
    )
    snapshot = merge(run(sources(fault_server, "ville", "metropole"), fetcher, {}))
    assert [(e.uid, e.start) for e in snapshot.events] == [("fablab", DAY), ("fablab", DAY + timedelta(days=7))]
    assert snapshot.events[0].title.get("fr") == "Fablab (ville)"  # the first source listed wins
    assert snapshot.events[0].source == "ville"


def test_merge_sorts_events_by_start_across_sources(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    utc_noon = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)  # 13:00 in Paris: after the Paris 12:30 event
    fault_server.route("/a.json", Reply(body=feed([event("late", DAY + timedelta(days=9)), event("noon", utc_noon)])))
    fault_server.route(
        "/b.json",
        Reply(body=feed([event("half-past", datetime(2026, 12, 5, 12, 30, tzinfo=PARIS)), event("early", DAY)])),
    )
    snapshot = merge(run(sources(fault_server, "a", "b"), fetcher, {}))
    assert [e.uid for e in snapshot.events] == ["early", "half-past", "noon", "late"]
    starts = [e.start for e in snapshot.events]
    assert starts == sorted(starts)


def test_merge_keeps_only_events_in_the_window(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    fault_server.route("/a.json", Reply(body=feed([event("soon", DAY), event("next-year", DAY.replace(year=2027))])))
    contents = run(sources(fault_server, "a"), fetcher, {})
    assert [e.uid for e in merge(contents, Window(NOW, NOW + timedelta(days=30))).events] == ["soon"]


# --- content hash and conditional GET ------------------------------------------------------------


def test_content_hash_follows_the_content_not_the_fetches(fault_server: FaultServer, fetcher: HttpFetcher) -> None:
    fault_server.route(
        "/agenda.json",
        Reply(body=FEED_A, etag='"a1"'),
        Reply(body=FEED_A, etag='"a1"'),  # answered 304 (If-None-Match matches)
        Reply(body=FEED_A2, etag='"a2"'),
    )
    fault_server.route("/lieux.json", Reply(body=FEED_B, last_modified="Mon, 30 Nov 2026 08:00:00 GMT"))
    srcs = sources(fault_server, "agenda", "lieux")

    first = run(srcs, fetcher, {})
    second = run(srcs, fetcher, first, NOW + timedelta(minutes=15))
    assert [s.headers.get("if-none-match") for s in fault_server.seen("/agenda.json")] == [None, '"a1"']
    assert fault_server.sent["/agenda.json"] == len(FEED_A)  # the second answer was a 304
    assert fault_server.seen("/lieux.json")[1].headers["if-modified-since"] == "Mon, 30 Nov 2026 08:00:00 GMT"
    assert second["agenda"].status.state is SourceState.OK
    assert merge(second).content_hash == merge(first).content_hash

    third = run(srcs, fetcher, second, NOW + timedelta(minutes=30))
    assert fault_server.seen("/agenda.json")[2].headers["if-none-match"] == '"a1"'
    assert merge(third).content_hash != merge(second).content_hash
    assert merge(third).places == merge(first).places
