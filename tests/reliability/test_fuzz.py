"""Fuzzing: every source reader and the configuration loader, on generated and mutated inputs.

Each reader is called as the sync calls it (``read(config, fetcher, window)``) on bytes that start from
a real fixture and are then damaged: JSON values replaced or deleted anywhere in the document, bytes
overwritten, lines dropped, repeated or cut, or plain random bytes. The only acceptable outcomes are a
result or a ``FeedError`` (for the configuration: a ``Config`` or a ``ConfigError``): anything else
would be a crash the sync has to contain, and a source that can never be read.

How many cases: hypothesis's profile decides (tests/conftest.py). The default keeps `pytest` quick;
`make test` sets HYPOTHESIS_PROFILE=ci: 500 cases per test, 3,000 here (with the parsers' own
hypothesis tests in tests/content, about 5,500 per run).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import ConfigError, parse_config
from kiosk.content.sources import gtfs, ical, kiosk_feed, openagenda, opendatasoft
from kiosk.content.sources.base import FeedError, ParseResult, Window
from tests.conftest import REPO, RESOURCES
from tests.content.sources._fakes import mutated_bytes, mutated_json
from tests.reliability.payloads import good, gtfs_zip

FIXTURES = REPO / "tests" / "fixtures"
NOW = datetime(2026, 3, 20, 9, 30, tzinfo=UTC)
WINDOW = Window(NOW - timedelta(days=30), NOW + timedelta(days=300))
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class Bytes:
    """A fetcher that answers every URL with the same bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def get(
        self, url: str, params: Mapping[str, str | list[str]] | None = None, headers: Mapping[str, str] | None = None
    ) -> bytes:
        return self.data


def must_read_or_refuse(read: Callable[[Any, Any, Window], ParseResult], config: Any, data: bytes) -> None:
    """The reader returns a result or raises FeedError with a message; nothing else."""
    try:
        result = read(config, Bytes(data), WINDOW)
    except FeedError as exc:
        assert str(exc).strip(), "a FeedError must say why"
        return
    assert isinstance(result, ParseResult)
    for skipped in result.skipped:
        assert skipped.reason.strip()


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


# -- the configurations the readers run with ---------------------------------------------------------

FEED = kiosk_feed.FeedSource(name="f", url=str(RESOURCES / "content" / "places.json"))
ICAL = ical.ICalSource(name="i", url=str(FIXTURES / "ical" / "text.ics"))
AGENDA = openagenda.OpenAgendaSource(name="o", url=str(FIXTURES / "openagenda" / "page1.json"))
ODS_EVENTS = opendatasoft.OpendatasoftSource.model_validate(
    {
        "name": "e",
        "url": str(FIXTURES / "opendatasoft" / "export_events.json"),
        "produces": "events",
        "mapping": {"id": "uid", "name": "titre", "start": "date_debut", "end": "date_fin", "geo": "coordonnees"},
    }
)
ODS_PLACES = opendatasoft.OpendatasoftSource.model_validate(
    {
        "name": "p",
        "url": str(FIXTURES / "opendatasoft" / "v21_page1.json"),
        "produces": "places",
        "mapping": {"id": "identifiant", "name": "nom", "category": "type_equipement", "geo": "geo_point_2d"},
    }
)
GTFS = gtfs.GtfsSource(name="g", url=str(FIXTURES / "ical" / "text.ics"))  # any existing file: not a folder

# -- seeds ---------------------------------------------------------------------------------------------

FEED_DOCS = [
    load_json(RESOURCES / "content" / "places.json"),
    load_json(RESOURCES / "content" / "activities.json"),
    json.loads(good("feed", "Atelier", NOW)),
]
AGENDA_DOCS = [load_json(FIXTURES / "openagenda" / n) for n in ("page1.json", "page2.json", "error.json")]
ODS_DOCS = [
    load_json(FIXTURES / "opendatasoft" / n) for n in ("v21_page1.json", "v1_search.json", "export_events.json")
]
ICS = [p.read_bytes() for p in sorted((FIXTURES / "ical").glob("*.ics"))] + [
    (RESOURCES / "content" / "programme.ics").read_bytes()
]
GTFS_FILES = {p.name: p.read_bytes() for p in (FIXTURES / "gtfs" / "ilevia").glob("*.txt")}


@st.composite
def mutated_lines(draw: st.DrawFn, data: bytes) -> bytes:
    """Whole lines dropped, repeated, swapped or cut: the damage a truncated or hand-edited file shows."""
    lines = data.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "swap", "cut", "garble"]))
        if action == "drop":
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            lines[i] = draw(st.binary(max_size=40)) + b"\r\n"
    return b"".join(lines)


def damaged(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    return st.sampled_from(seeds).flatmap(lambda seed: mutated_bytes(seed) | mutated_lines(seed))


def damaged_json(docs: list[Any]) -> st.SearchStrategy[bytes]:
    encoded = [json.dumps(d).encode() for d in docs]
    return st.sampled_from(docs).flatmap(mutated_json) | damaged(encoded)


# -- the readers ----------------------------------------------------------------------------------------


@FUZZ
@given(damaged_json(FEED_DOCS) | st.binary(max_size=300))
def test_feed_reader(data: bytes) -> None:
    must_read_or_refuse(kiosk_feed.read, FEED, data)


@FUZZ
@given(damaged(ICS) | st.binary(max_size=300))
def test_ical_reader(data: bytes) -> None:
    must_read_or_refuse(ical.read, ICAL, data)


@FUZZ
@given(damaged_json(AGENDA_DOCS) | st.binary(max_size=300))
def test_openagenda_reader(data: bytes) -> None:
    must_read_or_refuse(openagenda.read, AGENDA, data)


@FUZZ
@given(damaged_json(ODS_DOCS) | st.binary(max_size=300), st.sampled_from([ODS_EVENTS, ODS_PLACES]))
def test_opendatasoft_reader(data: bytes, config: opendatasoft.OpendatasoftSource) -> None:
    must_read_or_refuse(opendatasoft.read, config, data)


@FUZZ
@given(st.data())
def test_gtfs_reader(data: st.DataObject) -> None:
    files = dict(GTFS_FILES)
    for name in data.draw(st.lists(st.sampled_from(sorted(files)), max_size=3, unique=True)):
        files[name] = data.draw(mutated_bytes(files[name]) | mutated_lines(files[name]) | st.just(b""))
    archive = gtfs_zip(files)
    if data.draw(st.booleans()):
        archive = data.draw(mutated_bytes(archive))
    must_read_or_refuse(gtfs.read, GTFS, archive)


# -- the configuration loader ----------------------------------------------------------------------------

KIOSK_TOML = (RESOURCES / "config" / "kiosk.toml").read_text(encoding="utf-8")
TOML_VALUES = st.sampled_from(
    [
        '""',
        '"x"',
        "0",
        "-1",
        "1e309",
        "nan",
        "true",
        "[]",
        "{}",
        '["fr", "zz"]',
        '"../../../../etc/passwd"',
        '"javascript:alert(1)"',
        '"\\u202e\\u200b"',
        "25:61:00",
        "1979-05-27T07:32:00Z",
        '{ days = ["mon"], start = 10:00:00, end = 09:00:00, mode = "affichage" }',
        '"' + "x" * 5000 + '"',
    ]
) | st.text(max_size=20).map(json.dumps)


@st.composite
def mutated_config(draw: st.DrawFn) -> str:
    """The bundled configuration with values replaced, lines dropped or repeated, or text garbled."""
    lines = KIOSK_TOML.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["value", "value", "drop", "repeat", "garble", "key"]))
        if action == "value" and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            lines[i] = f"{key}= {draw(TOML_VALUES)}"
        elif action == "drop":
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        elif action == "key":
            lines.insert(i, f"{draw(st.from_regex(re.compile(r'[a-z_]{1,12}'), fullmatch=True))} = {draw(TOML_VALUES)}")
        else:
            lines[i] = draw(st.text(max_size=30))
    return "\n".join(lines)


@FUZZ
@given(mutated_config() | st.text(max_size=200))
def test_config_loader(text: str) -> None:
    try:
        parse_config(text, base_dir=RESOURCES / "config")
    except ConfigError as exc:
        assert str(exc).strip()
