"""The saved snapshot: exact round trip, corrupt files set aside, atomic writes that survive a kill."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.model import (
    Accessibility,
    Activity,
    Event,
    EventPlace,
    InfoStep,
    MapStep,
    OrderStep,
    Place,
    QuizStep,
    Registration,
    RegistrationType,
    SourceState,
    SourceStatus,
    Status,
    Stop,
    Text,
)
from kiosk.content.store import SnapshotStore, SourceContent, write_atomic
from tests.content.sources._fakes import mutated_json
from tests.helpers.snapshot_writer import build_contents

REPO = Path(__file__).resolve().parents[2]
SAVED_AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
PARIS = timezone(timedelta(hours=1))
MONTREAL = timezone(timedelta(hours=-5))
KOLKATA = timezone(timedelta(hours=5, minutes=30))


def full_event() -> Event:
    start = datetime(2026, 12, 3, 14, 0, tzinfo=PARIS)
    return Event(
        id=f"agenda:fablab@{start.isoformat()}",
        uid="fablab",
        title=Text({"fr": "Fablab ouvert", "en": "Open fablab", "nl": "Open fablab"}),
        start=start,
        end=datetime(2026, 12, 3, 12, 0, tzinfo=MONTREAL),  # 18:00 in Paris, written from Montréal
        source="agenda",
        all_day=False,
        description=Text({"fr": "Imprimantes 3D, découpe laser…", "en": "3D printers, laser cutter…"}),
        conditions=Text({"fr": "Gratuit, sur inscription"}),
        place=EventPlace("Le Champ Libre", "rue de l'Union, 59100 Roubaix", 50.704, 3.1725),
        categories=("fablab", "atelier"),
        keywords=("impression 3D", "découpe"),
        registration=(
            Registration(RegistrationType.LINK, "https://example.org/inscription"),
            Registration(RegistrationType.EMAIL, "live@example.org"),
            Registration(RegistrationType.PHONE, "+33 3 20 00 00 00"),
        ),
        accessibility=frozenset({Accessibility.MOTOR, Accessibility.HEARING}),
        age_min=8,
        age_max=99,
        status=Status.CANCELLED,
        url="https://example.org/fablab",
        image="https://example.org/fablab.jpg",
    )


def sample_contents() -> dict[str, SourceContent]:
    all_day = Event(
        id="agenda:expo@2026-12-05T00:00:00+05:30",
        uid="expo",
        title=Text({"fr": "Exposition"}),
        start=datetime(2026, 12, 5, tzinfo=KOLKATA),
        end=datetime(2026, 12, 6, tzinfo=KOLKATA),
        source="agenda",
        all_day=True,
    )
    place = Place(
        id="parc-barbieux",
        name=Text({"fr": "Parc Barbieux", "nl": "Barbieuxpark"}),
        category="parc",
        lat=50.6797,
        lon=3.1619,
        source="lieux",
        address="Avenue Le Nôtre, Roubaix",
        description=Text({"fr": "Un jardin à l'anglaise."}),
        opening_hours=Text({"fr": "Tous les jours"}),
        accessibility=frozenset({Accessibility.MOTOR}),
        url="https://example.org/barbieux",
    )
    stop = Stop("ILEVIA:1234", "Eurotéléport", 50.6916, 3.1817, "transports", ("M2", "T"))
    activity = Activity(
        id="jeu-de-piste",
        title=Text({"fr": "Jeu de piste"}),
        source="lieux",
        age_min=6,
        age_max=10,
        duration_minutes=30,
        theme="ville",
        pictogram="map",
        take_home_url="https://example.org/jeu",
        steps=(
            InfoStep(Text({"fr": "Regardez les cheminées."}), "cheminees.png"),
            QuizStep(
                Text({"fr": "Combien de cheminées ?"}),
                (Text({"fr": "1"}), Text({"fr": "2"}), Text({"fr": "3"})),
                2,
                Text({"fr": "Trois !"}),
            ),
            MapStep("parc-barbieux", Text({"fr": "Trouve le parc"}), (Text({"fr": "Il est vert"}),)),
            OrderStep(Text({"fr": "Dans l'ordre"}), (Text({"fr": "a"}), Text({"fr": "b"}), Text({"fr": "c"}))),
        ),
    )
    return {
        "agenda": SourceContent(
            SourceStatus("agenda", "feed", SourceState.OK, 2, None, datetime(2026, 12, 1, 10, 0, tzinfo=PARIS)),
            events=(full_event(), all_day),
        ),
        "lieux": SourceContent(
            SourceStatus("lieux", "feed", SourceState.STALE, 2, "the server answered 503", SAVED_AT),
            places=(place,),
            activities=(activity,),
        ),
        "transports": SourceContent(
            SourceStatus("transports", "gtfs", SourceState.OK, 1, None, SAVED_AT), stops=(stop,)
        ),
        "openagenda": SourceContent(SourceStatus("openagenda", "openagenda", SourceState.ERROR, 0, "cannot reach")),
    }


# --- round trip ---------------------------------------------------------------------------------


def test_save_then_load_gives_back_the_same_contents(tmp_path: Path) -> None:
    store = SnapshotStore(tmp_path / "snapshot.json")
    contents = sample_contents()
    store.save(contents, SAVED_AT)
    loaded = SnapshotStore(tmp_path / "snapshot.json").load()
    assert loaded == contents
    assert list(loaded) == list(contents)  # the order of the sources (first listed wins) is kept
    # Aware datetimes compare equal across offsets: check the offsets themselves survived.
    event = loaded["agenda"].events[0]
    assert event.start.utcoffset() == timedelta(hours=1)
    assert event.end.utcoffset() == timedelta(hours=-5)
    assert loaded["agenda"].events[1].start.utcoffset() == timedelta(hours=5, minutes=30)
    assert {n: c.to_json() for n, c in loaded.items()} == {n: c.to_json() for n, c in contents.items()}


def test_nothing_saved_loads_as_empty(tmp_path: Path) -> None:
    assert SnapshotStore(tmp_path / "snapshot.json").load() == {}


def test_saving_again_replaces_the_snapshot(tmp_path: Path) -> None:
    store = SnapshotStore(tmp_path / "snapshot.json")
    store.save(sample_contents(), SAVED_AT)
    fewer = {"agenda": sample_contents()["agenda"]}
    store.save(fewer, SAVED_AT + timedelta(minutes=15))
    assert store.load() == fewer
    assert json.loads(store.path.read_bytes())["saved_at"] == "2026-12-01T09:45:00+00:00"


texts = st.dictionaries(st.sampled_from(["fr", "en", "nl"]), st.text(min_size=1).filter(str.strip), max_size=3)
offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.datetimes(
    min_value=datetime(2000, 1, 1),  # noqa: DTZ001 - hypothesis bounds are naive
    max_value=datetime(2100, 1, 1),  # noqa: DTZ001
    timezones=offsets,
    allow_imaginary=False,
)


@settings(max_examples=60, deadline=None)
@given(
    title=texts,
    start=moments,
    length=st.timedeltas(timedelta(0), timedelta(days=30)),
    flags=st.frozensets(st.sampled_from(list(Accessibility))),
)
def test_round_trip_of_any_event(
    title: dict[str, str], start: datetime, length: timedelta, flags: frozenset[Accessibility]
) -> None:
    event = Event(id="x", uid="x", title=Text(title), start=start, end=start + length, source="s", accessibility=flags)
    contents = {"s": SourceContent(SourceStatus("s", "feed", SourceState.OK, 1, None, start), events=(event,))}
    with tempfile.TemporaryDirectory() as folder:
        store = SnapshotStore(Path(folder) / "snapshot.json")
        store.save(contents, SAVED_AT)
        loaded = store.load()
    assert loaded == contents
    assert loaded["s"].events[0].start.utcoffset() == start.utcoffset()


# --- corrupt files ------------------------------------------------------------------------------

CORRUPT = {
    "garbage": b"\x00\x17\xff garbage \x89PNG",
    "empty": b"",
    "not-an-object": b"[1, 2, 3]",
    "other-version": json.dumps({"version": 99, "sources": {}}).encode(),
    "no-sources": json.dumps({"version": 1}).encode(),
    "bad-record": json.dumps({"version": 1, "sources": {"a": {"status": {"name": "a"}}}}).encode(),
    "infinite-count": b'{"version": 1, "sources": {"a": {"status": {"name": "a", "kind": "feed", "state": "ok",'
    b' "items": Infinity}}}}',
    "deeply-nested": b'{"version": 1, "sources": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "naive-date": json.dumps(
        {
            "version": 1,
            "sources": {
                "a": {
                    "status": {"name": "a", "kind": "feed", "state": "ok"},
                    "events": [{**full_event().to_json(), "start": "2026-12-03T14:00:00"}],
                }
            },
        }
    ).encode(),
    "bad-date": json.dumps(
        {"version": 1, "sources": {"a": {"status": {"name": "a", "kind": "feed", "state": "ok", "fetched_at": "hier"}}}}
    ).encode(),
}


@pytest.mark.parametrize("data", CORRUPT.values(), ids=CORRUPT.keys())
def test_an_unreadable_snapshot_is_set_aside(tmp_path: Path, data: bytes, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "snapshot.json"
    path.write_bytes(data)
    assert SnapshotStore(path).load() == {}
    assert not path.exists()
    assert (tmp_path / "snapshot.corrupt").read_bytes() == data  # kept for a post-mortem
    assert "unreadable" in caplog.text
    assert SnapshotStore(path).load() == {}  # and the next start is a clean one


def test_a_truncated_snapshot_is_set_aside(tmp_path: Path) -> None:
    store = SnapshotStore(tmp_path / "snapshot.json")
    store.save(sample_contents(), SAVED_AT)
    whole = store.path.read_bytes()
    for cut in (1, len(whole) // 3, len(whole) - 1):
        store.path.write_bytes(whole[:cut])
        assert store.load() == {}
        assert (tmp_path / "snapshot.corrupt").read_bytes() == whole[:cut]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_damaged_snapshot_never_crashes_the_load(data: st.DataObject) -> None:
    doc = json.loads(json.dumps({"version": 1, "sources": {n: c.to_json() for n, c in sample_contents().items()}}))
    damaged = data.draw(mutated_json(doc))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "snapshot.json"
        path.write_bytes(damaged)
        loaded = SnapshotStore(path).load()  # must not raise
        set_aside = (Path(folder) / "snapshot.corrupt").exists()
        assert set_aside != path.exists()
        if set_aside:
            assert loaded == {}


# --- atomic writes ------------------------------------------------------------------------------


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "snapshot.json"
    write_atomic(path, b"one")
    write_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert [p.name for p in path.parent.iterdir()] == ["snapshot.json"]


def test_a_failed_write_keeps_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "snapshot.json"
    write_atomic(path, b"old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["snapshot.json"]


def test_a_writer_killed_at_random_moments_never_leaves_a_corrupt_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "snapshot.json"
    expected = build_contents()
    rng = random.Random(20261201)
    complete = 0
    for _ in range(20):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.snapshot_writer", str(path)],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(rng.uniform(0.05, 0.25))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
        assert child.returncode == -signal.SIGKILL  # killed while still saving, not crashed before
        if path.exists():
            assert SnapshotStore(path).load() == expected
            complete += 1
        assert not (tmp_path / "snapshot.corrupt").exists()
    assert complete > 0
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != path.name]
    assert all(name.startswith(".snapshot.json.") and name.endswith(".tmp") for name in leftovers)


def test_leftovers_of_an_interrupted_save_are_removed_at_load(tmp_path: Path) -> None:
    store = SnapshotStore(tmp_path / "snapshot.json")
    leftover = tmp_path / ".snapshot.json.abc123.tmp"
    leftover.write_bytes(b'{"version": 1, "sour')
    other = tmp_path / "unrelated.tmp"
    other.write_text("keep me")
    assert store.load() == {}
    assert not leftover.exists()
    assert other.exists()
