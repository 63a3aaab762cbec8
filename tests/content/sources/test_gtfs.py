from __future__ import annotations

import contextlib
import io
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.content.model import Stop
from kiosk.content.sources.base import FeedError, Skipped, Window
from kiosk.content.sources.gtfs import GtfsSource, parse_gtfs_dir, parse_gtfs_zip, read

from ._fakes import FIXTURES, FakeFetcher, doc_examples, mutated_bytes

FEED = FIXTURES / "gtfs" / "ilevia"
FILES = ("stops.txt", "routes.txt", "trips.txt", "stop_times.txt")
WINDOW = Window(datetime(2026, 3, 20, tzinfo=UTC), datetime(2026, 5, 20, tzinfo=UTC))


def make_zip(files: dict[str, bytes], folder: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(folder + name, data)
    return buffer.getvalue()


def feed_files(*names: str) -> dict[str, bytes]:
    return {name: (FEED / name).read_bytes() for name in names or FILES}


FEED_ZIP = make_zip(feed_files())

MERGED = [
    Stop("ilevia:S_EURO", "Eurotéléport", 50.6931, 3.1716, "ilevia", ("2", "L4", "R")),
    Stop("ilevia:S_GP", "Roubaix Grand-Place", 50.6906, 3.1745, "ilevia", ("2", "10", "Citadine de Roubaix")),
    Stop("ilevia:P_TC_1", "Tourcoing Centre", 50.7226, 3.1596, "ilevia", ("2", "T")),
    Stop("ilevia:P_ALS_R", "Alsace", 50.6817, 3.162, "ilevia", ("R",)),
    Stop("ilevia:P_ALS_T", "Alsace", 50.68165, 3.16195, "ilevia", ("10",)),
]
SKIPPED = [
    Skipped("stops.txt line 11 (P_BAD1)", "missing or unreadable stop_lat/stop_lon"),
    Skipped("stops.txt line 12 (P_BAD2)", "invalid coordinates 150.0, 3.1"),
    Skipped("stops.txt line 14 (P_JL)", "unknown location_type '7'"),
    Skipped("stops.txt line 15 (P_NONAME)", "no stop_name"),
]


def test_fixture_has_the_quirks() -> None:
    raw = (FEED / "stops.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    assert b"\r\n" not in (FEED / "routes.txt").read_bytes()


def test_zip_stations_merge_their_platforms_lines() -> None:
    result = parse_gtfs_zip(FEED_ZIP, source="ilevia")
    assert result.stops == MERGED
    assert result.skipped == SKIPPED
    assert result.events == [] and result.places == []


def test_a_member_without_a_name_is_passed_over() -> None:
    """A damaged zip may list a member named "" (the fuzzer found one); the stops beside it are still read."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("stops.txt", "stop_id,stop_name,stop_lat,stop_lon\ns1,Gare,50.70,3.17\n")
        archive.writestr(zipfile.ZipInfo(""), b"x")
    result = parse_gtfs_zip(buffer.getvalue(), source="g")
    assert [stop.name for stop in result.stops] == ["Gare"]


def test_zip_in_a_folder_and_unzipped_folder_agree() -> None:
    nested = parse_gtfs_zip(make_zip(feed_files(), folder="gtfs-ilevia/"), source="ilevia")
    folder = parse_gtfs_dir(FEED, source="ilevia")
    assert nested.stops == MERGED
    assert folder.stops == MERGED
    assert folder.skipped == SKIPPED


def test_platforms_kept_when_not_merged() -> None:
    result = parse_gtfs_zip(FEED_ZIP, source="ilevia", merge_platforms=False)
    by_id = {s.id: s for s in result.stops}
    assert list(by_id) == [
        "ilevia:S_EURO",
        "ilevia:P_EURO_1",
        "ilevia:P_EURO_2",
        "ilevia:S_GP",
        "ilevia:P_GP_1",
        "ilevia:P_TC_1",
        "ilevia:P_ALS_R",
        "ilevia:P_ALS_T",
    ]
    assert by_id["ilevia:P_EURO_1"].lines == ("2", "L4", "R")
    assert by_id["ilevia:P_EURO_2"].lines == ("2",)
    assert by_id["ilevia:S_EURO"].lines == ("2", "L4", "R")
    assert by_id["ilevia:P_GP_1"].name == "Roubaix Grand-Place"  # runs of spaces collapsed


def test_without_lines() -> None:
    assert [s.lines for s in parse_gtfs_zip(FEED_ZIP, source="ilevia", with_lines=False).stops] == [()] * 5
    only_stops = parse_gtfs_zip(make_zip(feed_files("stops.txt")), source="ilevia")
    assert [s.id for s in only_stops.stops] == [s.id for s in MERGED]
    assert all(s.lines == () for s in only_stops.stops)


def test_stop_times_cap() -> None:
    result = parse_gtfs_zip(FEED_ZIP, source="ilevia", max_stop_times=3)
    assert [s.lines for s in result.stops] == [("2",), ("2",), ("2",), (), ()]


def test_unreadable_trips_leave_lines_out() -> None:
    files = feed_files()
    files["trips.txt"] = b"route_id,service_id\nM2,SEM\n"  # no trip_id column
    result = parse_gtfs_zip(make_zip(files), source="ilevia")
    assert [s.id for s in result.stops] == [s.id for s in MERGED]
    assert all(s.lines == () for s in result.stops)


def test_not_a_zip_or_no_stops() -> None:
    with pytest.raises(FeedError, match="not a GTFS zip"):
        parse_gtfs_zip(b"<html>404</html>", source="x")
    with pytest.raises(FeedError, match=r"no stops\.txt"):
        parse_gtfs_zip(make_zip(feed_files("routes.txt")), source="x")


def test_read_zip_through_the_fetcher_and_folder_directly(tmp_path: Path) -> None:
    url = "https://example.org/gtfs/ilevia.zip"
    fetcher = FakeFetcher({(url, ()): FEED_ZIP})
    config = GtfsSource.model_validate({"name": "ilevia", "kind": "gtfs", "url": url})
    assert read(config, fetcher, WINDOW).stops == MERGED
    assert fetcher.calls == [(url, {})]

    folder = GtfsSource.model_validate({"name": "ilevia", "url": str(FEED), "with_lines": False})
    none = FakeFetcher({})
    assert [s.lines for s in read(folder, none, WINDOW).stops] == [()] * 5
    assert none.calls == []

    path = tmp_path / "feed.zip"
    path.write_bytes(FEED_ZIP)
    as_file = GtfsSource.model_validate({"name": "ilevia", "url": str(path)})
    assert read(as_file, FakeFetcher({(str(path), ()): FEED_ZIP}), WINDOW).stops == MERGED


def test_large_stop_times_streams_quickly() -> None:
    files = feed_files()
    rows = [b"trip_id,arrival_time,departure_time,stop_id,stop_sequence"]
    rows += [b"M2_1,06:00:00,06:00:00,P_TC_1,%d" % i for i in range(200_000)]
    files["stop_times.txt"] = b"\n".join(rows) + b"\n"
    started = datetime.now(tz=UTC)
    result = parse_gtfs_zip(make_zip(files), source="ilevia")
    assert datetime.now(tz=UTC) - started < timedelta(seconds=10)
    assert result.stops[2].lines == ("2",)


def parse_quietly(data: bytes) -> None:
    with contextlib.suppress(FeedError):
        result = parse_gtfs_zip(data, source="fuzz")
        for stop in result.stops:
            assert -90 <= stop.lat <= 90 and -180 <= stop.lon <= 180
            assert stop.name


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_raise_only_feed_errors(data: bytes) -> None:
    parse_quietly(data)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_feeds_raise_only_feed_errors(data: st.DataObject) -> None:
    if data.draw(st.booleans()):
        parse_quietly(data.draw(mutated_bytes(FEED_ZIP)))
        return
    files = feed_files()
    name = data.draw(st.sampled_from(FILES))
    files[name] = data.draw(mutated_bytes(files[name]) | st.binary(max_size=200))
    parse_quietly(make_zip(files))


def test_documented_example_is_valid() -> None:
    (example,) = doc_examples("gtfs")
    assert GtfsSource.model_validate(example).merge_platforms is True
