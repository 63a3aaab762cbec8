"""Each backend kind, read from its fixtures, through `kiosk content dump`, to the minute and the character."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures"
HEAD = '[kiosk]\nid = "t"\nlocation = { name = "Ici", lat = 50.704, lon = 3.1725 }\n'


def dump(tmp_path: Path, capsys: pytest.CaptureFixture[str], sources: str, *window: str) -> dict[str, Any]:
    config = tmp_path / "kiosk.toml"
    config.write_text(HEAD + sources)
    assert main(["content", "dump", "--config", str(config), "--data-dir", str(tmp_path / "data"), *window]) == 0
    doc: dict[str, Any] = json.loads(capsys.readouterr().out)
    return doc


def test_openagenda(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = dump(
        tmp_path,
        capsys,
        f'[[sources]]\nname = "oa"\nkind = "openagenda"\nurl = "{FIXTURES / "openagenda" / "page1.json"}"\n',
        "--from",
        "2026-03-01",
        "--to",
        "2026-04-30",
    )
    first, second, moved = doc["events"][0], doc["events"][1], doc["events"][2]
    assert first["title"] == {"fr": "Atelier robotique pour les 8-12 ans", "en": "Robotics workshop for 8-12 year olds"}
    assert (first["start"], first["end"]) == ("2026-03-04T14:00:00+01:00", "2026-03-04T16:00:00+01:00")  # "+0100"
    assert (second["start"], second["end"]) == ("2026-03-25T14:00:00+01:00", "2026-03-25T16:30:00+01:00")
    assert first["registration"] == [  # duplicates dropped, order kept
        {"type": "link", "value": "https://billetterie.example.org/robotique"},
        {"type": "email", "value": "live@example.org"},
        {"type": "phone", "value": "03 20 00 00 00"},
    ]
    # "2026-03-29T01:30:00.000Z", in the night the clocks go forward: 03:30 in Roubaix, summer time.
    assert moved["start"] == "2026-03-29T03:30:00+02:00"
    assert moved["status"] == "cancelled"
    assert doc["sources"][0]["state"] == "ok"


def test_opendatasoft_places(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = dump(
        tmp_path,
        capsys,
        f'[[sources]]\nname = "ods"\nkind = "opendatasoft"\nurl = "{FIXTURES / "opendatasoft" / "v21_page1.json"}"\n'
        'produces = "places"\ndefault_category = "musee"\n'
        'mapping = { id = "identifiant", name = "nom", address = "adresse", description = "description", '
        'opening_hours = "horaires", url = "site_web" }\n',
    )
    places = {p["id"]: p for p in doc["places"]}
    piscine = places["ods:EQ-0001"]
    assert piscine["name"] == {"fr": "La Piscine – Musée d'art et d'industrie"}  # &ndash; decoded
    assert (piscine["lat"], piscine["lon"]) == (50.6892, 3.1665)
    assert piscine["description"] == {
        "fr": "Un musée installé dans une piscine Art déco.\n\nCollections de beaux-arts & de textile."
    }
    assert places["ods:EQ-0002"]["lat"] == 50.6935  # written "50,6935"


def test_gtfs_stops_with_their_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = dump(tmp_path, capsys, f'[[sources]]\nname = "tc"\nkind = "gtfs"\nurl = "{FIXTURES / "gtfs" / "ilevia"}"\n')
    stops = {s["id"]: s for s in doc["stops"]}
    assert stops["tc:S_EURO"] == {
        "id": "tc:S_EURO",
        "name": "Eurotéléport",
        "lat": 50.6931,
        "lon": 3.1716,
        "lines": ["2", "L4", "R"],
        "source": "tc",
    }
    assert stops["tc:S_GP"]["lines"] == ["2", "10", "Citadine de Roubaix"]


def test_ical_across_the_october_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = dump(
        tmp_path,
        capsys,
        f'[[sources]]\nname = "cal"\nkind = "ical"\nurl = "{FIXTURES / "ical" / "recurring.ics"}"\n',
        "--from",
        "2026-10-20",
        "--to",
        "2026-11-05",
    )
    starts = [e["start"] for e in doc["events"]]
    assert "2026-10-22T18:00:00+02:00" in starts and "2026-10-29T18:00:00+01:00" in starts


def test_one_source_down_does_not_take_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("<html><body>Maintenance</body></html>")
    doc = dump(
        tmp_path,
        capsys,
        f'[[sources]]\nname = "tc"\nkind = "gtfs"\nurl = "{FIXTURES / "gtfs" / "ilevia"}"\n'
        f'[[sources]]\nname = "oa"\nkind = "openagenda"\nurl = "{broken}"\n',
    )
    states = {s["name"]: (s["state"], bool(s["error"])) for s in doc["sources"]}
    assert states == {"tc": ("ok", False), "oa": ("error", True)}
    assert doc["stops"]


def test_content_check_reports_what_was_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    url = str(FIXTURES / "ical" / "bad-events.ics")
    assert main(["content", "check", "--kind", "ical", "--url", url, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    reasons = {s["item"]: s["reason"] for s in doc["skipped"]}
    assert reasons["no-start@live.test"] == "no start date (DTSTART)"
    assert set(doc) >= {"events", "places", "stops", "activities", "sources", "skipped"}

    assert main(["content", "check", "--kind", "ical", "--url", url]) == 0
    text = capsys.readouterr().out
    assert "6 record(s) skipped:" in text and "- no-start@live.test: no start date (DTSTART)" in text


def test_content_check_of_an_unusable_feed_and_of_a_bad_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><title>Erreur</title>")
    assert main(["content", "check", "--kind", "feed", "--url", str(page)]) == 1
    assert "unusable" in capsys.readouterr().err
    assert main(["content", "check", "--kind", "opendatasoft", "--url", str(page)]) == 2
    assert "produces: missing key" in capsys.readouterr().err
    ods = FIXTURES / "opendatasoft" / "v21_page1.json"
    args = ["--set", 'produces="places"', "--set", 'default_category="musee"', "--set", 'mapping={name="nom"}']
    assert main(["content", "check", "--kind", "opendatasoft", "--url", str(ods), *args]) == 0
    assert "3 place(s)" in capsys.readouterr().out
