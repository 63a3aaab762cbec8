"""`kiosk content dump`: the normalized content as JSON, the contract other tools read."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main
from kiosk.config import RESOURCES

EVENT_KEYS = {
    "id",
    "title",
    "description",
    "start",
    "end",
    "all_day",
    "place",
    "categories",
    "registration",
    "status",
    "source",
    "url",
}
PLACE_KEYS = {"id", "name", "category", "lat", "lon", "address", "description", "url"}
SOURCE_KEYS = {"name", "kind", "state", "items", "error", "fetched_at"}


def dump(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["content", "dump", *args]) == 0
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    return doc


@pytest.fixture
def copied_config(tmp_path: Path) -> Path:
    """The bundled config and pack in a folder of their own, so a test can break a source."""
    shutil.copytree(RESOURCES / "content", tmp_path / "content")
    shutil.copytree(RESOURCES / "config", tmp_path / "config")
    return tmp_path / "config" / "kiosk.toml"


def test_dump_of_the_bundled_pack(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    doc = dump(capsys, "--data-dir", str(data_dir), "--from", "2026-12-01", "--to", "2026-12-31")
    assert set(doc) == {"events", "places", "stops", "activities", "sources"}
    events = doc["events"]
    assert len(events) >= 25
    for e in events:
        assert set(e) >= EVENT_KEYS
        start, end = datetime.fromisoformat(e["start"]), datetime.fromisoformat(e["end"])
        assert start.utcoffset() == timedelta(hours=1)  # December in Roubaix: CET
        assert e["start"].endswith("+01:00")
        assert end >= start
        assert date(2026, 12, 1) <= start.date() <= date(2026, 12, 31) or e["all_day"]
        assert e["status"] in {"scheduled", "rescheduled", "online", "postponed", "full", "cancelled"}
        assert "fr" in e["title"]
    starts = [e["start"] for e in events]
    assert starts == sorted(starts, key=datetime.fromisoformat)
    assert len({e["id"] for e in events}) == len(events)  # each occurrence once
    uids = [e["uid"] for e in events]
    assert max(uids.count(u) for u in set(uids)) >= 4  # a weekly series gives one entry per week
    assert len(doc["places"]) >= 40
    assert all(set(p) >= PLACE_KEYS for p in doc["places"])
    assert [s["state"] for s in doc["sources"]] == ["ok", "ok", "ok"]
    assert {a["id"] for a in doc["activities"]} == {"quartier-union", "culture-numerique", "loisirs-pres-de-chez-moi"}
    assert all(set(s) == SOURCE_KEYS for s in doc["sources"])


def test_recurrence_exceptions_of_the_pack(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    doc = dump(capsys, "--data-dir", str(data_dir), "--from", "2026-12-18", "--to", "2027-01-21")
    smartphone = [e["start"] for e in doc["events"] if e["uid"] == "live-smartphone-seniors@champlibre.live"]
    # Every Friday at 10:00, except Christmas Day and New Year's Day (EXDATE).
    assert smartphone == [
        "2026-12-18T10:00:00+01:00",
        "2027-01-08T10:00:00+01:00",
        "2027-01-15T10:00:00+01:00",
    ]
    cafe = [e["start"] for e in doc["events"] if e["uid"] == "live-cafe-numerique@champlibre.live"]
    assert "2027-01-13T10:00:00+01:00" in cafe and "2027-01-12T10:00:00+01:00" not in cafe  # moved a day
    fablab = {e["start"]: e["status"] for e in doc["events"] if e["uid"] == "live-fablab-junior@champlibre.live"}
    assert fablab["2027-01-20T14:00:00+01:00"] == "cancelled"
    assert fablab["2027-01-13T14:00:00+01:00"] == "scheduled"


def test_second_dump_with_the_source_gone_keeps_the_last_good_content(
    capsys: pytest.CaptureFixture[str], data_dir: Path, copied_config: Path
) -> None:
    window = ["--from", "2026-12-01", "--to", "2026-12-15"]
    first = dump(capsys, "--config", str(copied_config), "--data-dir", str(data_dir), *window)
    (copied_config.parent.parent / "content" / "programme.ics").write_text("<html>maintenance</html>")
    second = dump(capsys, "--config", str(copied_config), "--data-dir", str(data_dir), *window)
    assert second["events"] == first["events"]
    programme = second["sources"][0]
    assert programme["state"] == "stale"
    assert programme["error"]
    assert programme["fetched_at"] == first["sources"][0]["fetched_at"]


def test_bad_dates_are_a_clear_error(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert main(["content", "dump", "--data-dir", str(data_dir), "--from", "demain"]) == 2
    assert "not a date: 'demain'" in capsys.readouterr().err
    assert main(["content", "dump", "--data-dir", str(data_dir), "--from", "2026-12-10", "--to", "2026-12-01"]) == 2
    assert "--to must come after --from" in capsys.readouterr().err
