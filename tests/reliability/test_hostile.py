"""Hostile content in every text field of every source kind reaches the screen as plain text, in the window.

Markup, scripts, right-to-left overrides, emoji, zero-width and control characters, and a 10,000-character
title go through the real readers and the real kiosk window: every label showing them is plain text and
opens no link, no screen grows wider than the window, and links with ``javascript:``, ``file:`` or
``data:`` never become QR codes. (The map page's side: tests/test_map_view.py and test_webmap_bridge.py.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.app import Kiosk, build_kiosk
from kiosk.config import parse_config
from kiosk.ui.qr import QrWidget
from tests.conftest import FakeClock
from tests.reliability.payloads import KINDS, gtfs_place_feed, gtfs_zip

HOSTILE = (
    '<b>gras</b><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">lien</a>'
    " \u202eevil\u202c \u200b\u200d\ufeff 🎉👩\u200d👩\u200d👧 \x07\x1b[31m <style>*{font-size:400px}</style>"
)
LONG = "W" * 10_000  # one word that cannot wrap
BAD_LINKS = ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>alert(1)</script>")
MARKERS = ("<script", "\u202e", "javascript:", "onerror", "<style")


def payload(kind: str, now: Any) -> tuple[str, bytes, dict[str, Any]]:
    """(file name, bytes, extra source keys) of one hostile item of ``kind``."""
    start, end = now + timedelta(hours=1), now + timedelta(hours=3)
    title = LONG + HOSTILE
    if kind == "feed":
        doc = {
            "version": 1,
            "events": [
                {
                    "id": "e1",
                    "title": {"fr": title, "en": HOSTILE},
                    "description": HOSTILE,
                    "conditions": HOSTILE,
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "place": {"name": HOSTILE, "address": HOSTILE},
                    "categories": [HOSTILE],
                    "keywords": [HOSTILE],
                    "registration": [{"type": "link", "value": link} for link in BAD_LINKS],
                    "url": BAD_LINKS[0],
                    "image": BAD_LINKS[1],
                }
            ],
            "places": [
                {
                    "id": "p1",
                    "name": HOSTILE + LONG,
                    "category": HOSTILE,
                    "lat": 50.704,
                    "lon": 3.1726,
                    "address": HOSTILE,
                    "description": HOSTILE,
                    "opening_hours": HOSTILE,
                    "url": BAD_LINKS[2],
                }
            ],
        }
        return "feed.json", json.dumps(doc).encode(), {}
    if kind == "ical":
        flat = HOSTILE.replace(",", "\\,").replace(";", "\\;")
        stamp = "%Y%m%dT%H%M%SZ"
        text = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//FR\r\nBEGIN:VEVENT\r\nUID:e1\r\n"
            f"DTSTAMP:{now.strftime(stamp)}\r\nDTSTART:{start.strftime(stamp)}\r\nDTEND:{end.strftime(stamp)}\r\n"
            f"SUMMARY:{LONG}{flat}\r\nDESCRIPTION:{flat} {BAD_LINKS[0]}\r\nLOCATION:{flat}\r\n"
            f"CATEGORIES:{flat}\r\nURL:{BAD_LINKS[0]}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        return "agenda.ics", text.encode(), {}
    if kind == "openagenda":
        localized = {"fr": HOSTILE, "en": HOSTILE}
        doc = {
            "total": 1,
            "success": True,
            "after": None,
            "events": [
                {
                    "uid": 1,
                    "title": {"fr": title},
                    "description": localized,
                    "longDescription": localized,
                    "conditions": localized,
                    "keywords": {"fr": [HOSTILE]},
                    "timings": [{"begin": start.isoformat(), "end": end.isoformat()}],
                    "location": {"name": HOSTILE, "address": HOSTILE, "latitude": 50.7, "longitude": 3.17},
                    "registration": [{"type": "link", "value": link} for link in BAD_LINKS],
                    "onlineAccessLink": BAD_LINKS[0],
                }
            ],
        }
        return "agenda.json", json.dumps(doc).encode(), {}
    if kind == "opendatasoft":
        rows = [
            {
                "uid": "e1",
                "titre": title,
                "debut": start.isoformat(),
                "fin": end.isoformat(),
                "lieu": HOSTILE,
                "adresse": HOSTILE,
                "theme": HOSTILE,
                "presentation": HOSTILE,
                "lien": BAD_LINKS[0],
            }
        ]
        mapping = {
            "id": "uid",
            "name": "titre",
            "start": "debut",
            "end": "fin",
            "place": "lieu",
            "address": "adresse",
            "category": "theme",
            "description": "presentation",
            "url": "lien",
        }
        return "records.json", json.dumps(rows).encode(), {"produces": "events", "mapping": mapping}
    quoted = '"' + (HOSTILE + LONG).replace('"', '""') + '"'
    stops = f"stop_id,stop_name,stop_lat,stop_lon\r\nS1,{quoted},50.7041,3.1726\r\n"
    return "gtfs.zip", gtfs_zip({"stops.txt": stops.encode()}), {}


def toml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    return json.dumps(value)


@pytest.fixture
def hostile_kiosk(qapp: object, clock: FakeClock, tmp_path: Path, data_dir: Path) -> Iterator[Any]:
    built: list[Kiosk] = []

    def make(kind: str) -> Kiosk:
        name, data, extra = payload(kind, clock.now)
        (tmp_path / name).write_bytes(data)
        toml = '[kiosk]\nid = "t"\nlocation = { name = "Ici", lat = 50.704, lon = 3.1725 }\n'
        toml += f'[[sources]]\nname = "s"\nkind = "{kind}"\nurl = "{name}"\n'
        toml += "".join(f"{k} = {toml_value(v)}\n" for k, v in extra.items())
        if kind == "gtfs":
            toml += gtfs_place_feed(tmp_path)
        kiosk = build_kiosk(parse_config(toml, base_dir=tmp_path), data_dir, clock=clock)
        kiosk.content.refresh_now()
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        built.append(kiosk)
        return kiosk

    yield make
    for kiosk in built:
        kiosk.shutdown()


def check_screen(kiosk: Kiosk, screen: str) -> int:
    """Plain text, no links, no overflow, no unsafe code on the screen shown; returns the hostile labels seen."""
    window = kiosk.window
    view = window.screens[screen]
    assert window.width() == 1920, f"{screen}: the window grew to {window.width()} px"
    assert view.minimumSizeHint().width() <= 1920, f"{screen}: wider than the window"
    seen = 0
    for label in view.findChildren(QLabel):
        if not label.isVisibleTo(view):
            continue
        assert not label.openExternalLinks()
        assert not label.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByMouse
        if any(marker in label.text() for marker in MARKERS) or LONG[:100] in label.text():
            seen += 1
            assert label.textFormat() == Qt.TextFormat.PlainText, (screen, label.objectName(), label.text()[:80])
            assert label.width() <= 1920, (screen, label.objectName(), label.width())
    for code in view.findChildren(QrWidget):
        assert code.link.split(":", 1)[0].lower() in ("http", "https", "mailto", "tel"), code.link
    return seen


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_text_is_plain_and_hostile_links_make_no_code(hostile_kiosk: Any, kind: str) -> None:
    kiosk: Kiosk = hostile_kiosk(kind)
    snapshot = kiosk.content.snapshot
    source = next(s for s in snapshot.sources if s.name == "s")
    assert source.error is None and source.items > 0, source
    window = kiosk.window
    seen = check_screen(kiosk, "home")
    if kind == "gtfs":
        window.go("map")
        window.map_view.show_place("lieu-test")
        seen += check_screen(kiosk, "map")
        assert HOSTILE.split("\x07", maxsplit=1)[0] in window.map_view.detail.stops.text()
    else:
        assert snapshot.events, "the hostile event was not read"
        window.go("programme")
        seen += check_screen(kiosk, "programme")
        for event in snapshot.events:
            window.go("event", event.id)
            seen += check_screen(kiosk, "event")
            assert not window.event_view.codes_shown or "link" not in window.event_view.codes_shown
        if kind == "feed":
            window.go("map")
            window.map_view.show_place(snapshot.places[0].id)
            seen += check_screen(kiosk, "map")
    assert seen >= (1 if kind == "gtfs" else 2), "no hostile text reached the screen: the test would prove nothing"
