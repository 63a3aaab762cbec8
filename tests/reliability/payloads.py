"""Good answers of every source kind, built around a title the test chooses, and the config that reads them.

Each kind's payload holds one visible item whose text is ``title``: an event on the programme for
feed, ical, openagenda and opendatasoft; a stop named ``title`` for gtfs (shown in a place's detail,
next to the place a local feed gives). Dates are relative to the test's clock so the items fall in
the kiosk's window.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

KINDS = ("feed", "ical", "openagenda", "opendatasoft", "gtfs")

# Where each kind is served on the FaultServer (the path picks the API flavour of some sources).
PATHS = {
    "feed": "/feed.json",
    "ical": "/agenda.ics",
    "openagenda": "/v2/agendas/123/events",
    "opendatasoft": "/ods/exports/events.json",
    "gtfs": "/gtfs.zip",
}

PLACE_ID = "lieu-test"  # the place (from a local feed) whose detail lists the gtfs stops


def good(kind: str, title: str, now: datetime, encoding: str = "utf-8") -> bytes:
    """A valid answer of ``kind`` whose one item is called ``title``."""
    start = now + timedelta(hours=1)
    end = start + timedelta(hours=2)
    if kind == "feed":
        doc = {
            "version": 1,
            "events": [
                {
                    "id": "e1",
                    "title": {"fr": title},
                    "description": "Un atelier.",
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "place": {"name": "Salle", "address": "rue de l'Union"},
                    "categories": ["atelier"],
                }
            ],
        }
        return json.dumps(doc, ensure_ascii=False).encode(encoding)
    if kind == "ical":
        stamp = "%Y%m%dT%H%M%SZ"
        text = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//reliability//FR\r\n"
            "BEGIN:VEVENT\r\nUID:e1@test\r\n"
            f"DTSTAMP:{now.strftime(stamp)}\r\nDTSTART:{start.strftime(stamp)}\r\nDTEND:{end.strftime(stamp)}\r\n"
            f"SUMMARY:{title}\r\nLOCATION:Salle\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        return text.encode(encoding)
    if kind == "openagenda":
        doc = {
            "total": 1,
            "success": True,
            "after": None,
            "events": [
                {
                    "uid": 1,
                    "title": {"fr": title},
                    "description": {"fr": "Un atelier."},
                    "timings": [{"begin": start.isoformat(), "end": end.isoformat()}],
                    "location": {"name": "Salle", "address": "rue de l'Union", "latitude": 50.7, "longitude": 3.17},
                }
            ],
        }
        return json.dumps(doc, ensure_ascii=False).encode(encoding)
    if kind == "opendatasoft":
        rows = [{"uid": "e1", "titre": title, "debut": start.isoformat(), "fin": end.isoformat(), "lieu": "Salle"}]
        return json.dumps(rows, ensure_ascii=False).encode(encoding)
    if kind == "gtfs":
        stops = f"stop_id,stop_name,stop_lat,stop_lon\r\nS1,{title},50.7041,3.1726\r\n"
        return gtfs_zip({"stops.txt": stops.encode(encoding)})
    raise ValueError(kind)


def gtfs_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def wrong_shape(kind: str) -> bytes:
    """Valid in the kind's syntax (JSON, iCalendar, zip) but not what the source expects."""
    if kind == "ical":
        return b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pas un agenda\r\nEND:VCARD\r\n"
    if kind == "gtfs":
        return gtfs_zip({"readme.txt": b"no stops here"})
    return json.dumps({"results": "none", "events": 42, "total": "many", "version": "x"}).encode()


def source_toml(kind: str, url: str) -> str:
    """The ``[[sources]]`` table reading ``url`` as ``kind``."""
    head = f'[[sources]]\nname = "s-{kind}"\nkind = "{kind}"\nurl = "{url}"\n'
    if kind == "openagenda":
        return head + 'key = "test-key"\n'
    if kind == "opendatasoft":
        return head + 'produces = "events"\nmapping = { id = "uid", name = "titre", start = "debut", end = "fin" }\n'
    return head


def gtfs_place_feed(folder: Path) -> str:
    """A local feed with the place whose detail shows the nearest stops; returns its [[sources]] table."""
    doc = {
        "version": 1,
        "places": [
            {"id": PLACE_ID, "name": "Le Champ Libre", "category": "tiers-lieu", "lat": 50.704, "lon": 3.1725},
        ],
    }
    (folder / "places.json").write_text(json.dumps(doc))
    return '[[sources]]\nname = "lieux"\nkind = "feed"\nurl = "places.json"\n'
