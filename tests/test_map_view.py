"""The leisure map on screen, through the real page: filter, focus and tap round trips, hostile names,
the request guard, tiles through the kiosk-tile: scheme (cache, tile server, failures), and recovery from a
dead renderer."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.app import TRANSLATIONS
from kiosk.content import geo
from kiosk.content.model import Accessibility, Place, Snapshot, Stop, Text
from kiosk.content.tiles import Tile, TileCache, TileSource, tiles_in
from kiosk.map_page import MapPageSpec
from kiosk.services.map import MapPageService
from kiosk.services.session import Session
from kiosk.services.tiles import TileService
from kiosk.ui.categories import PICTOGRAMS
from kiosk.ui.webmap import MapWebView
from kiosk.ui.widgets import TapCard
from kiosk.views.map import MapSettings, MapView
from tests.conftest import FakeClock
from tests.helpers.http_server import FaultServer, Reply
from tests.helpers_qt import page_js as js
from tests.helpers_qt import tap

HOSTILE = "</script><img src=x onerror=alert(1)>"
ORIGIN = (50.70400, 3.17250)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082"
)


def places() -> tuple[Place, ...]:
    return (
        Place("here", Text.of("Le Champ Libre"), "tiers-lieu", 50.7040, 3.1725, "t", "rue de l'Union"),
        Place(
            "musee",
            Text.of("La Piscine"),
            "musee",
            50.6876,
            3.1633,
            "t",
            "23 rue de l'Espérance",
            Text.of("Musée d'art et d'industrie."),
            Text.of("Mardi au dimanche, 11 h – 18 h"),
            frozenset({Accessibility.MOTOR}),
        ),
        Place("parc", Text.of("Parc Barbieux"), "parc", 50.6780, 3.1560, "t"),
        Place("hostile", Text.of(HOSTILE), "parc", 50.7050, 3.1740, "t"),
        *(Place(f"p{i}", Text.of(f"Lieu {i}"), "sport", 50.70 + i * 0.0004, 3.16, "t") for i in range(40)),
    )


STOPS = (
    Stop("s1", "Eurotéléport", 50.6990, 3.1635, "gtfs", ("M2",)),
    Stop("s2", "Union", 50.7043, 3.1731, "gtfs", ("32", "Z6")),
    Stop("s3", "Mairie", 50.6910, 3.1740, "gtfs", ("L1",)),
    Stop("s4", "Loin", 50.6000, 3.0000, "gtfs"),
)


def wait(qtbot: Any, condition: Any, timeout: int = 5000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)


def open_map(qtbot: Any, tmp_path: Path, clock: FakeClock, source: TileSource) -> MapView:
    """The map screen on ``places()``, its page loaded and ready, its tiles from ``source``."""
    session = Session(TRANSLATIONS, "fr", ZoneInfo("Europe/Paris"), clock)
    spec = MapPageSpec(origin=ORIGIN, attribution="© OpenStreetMap contributors", pictograms={**PICTOGRAMS, "": "📍"})
    pages = MapPageService(spec, tmp_path / "map")
    view = MapView(session, MapSettings(ORIGIN), pages, TileService(source))
    qtbot.addWidget(view)
    view.resize(1600, 900)
    view.show()
    snapshot = Snapshot(places=places(), stops=STOPS)
    with qtbot.waitSignal(view.web.ready, timeout=10_000):
        view.set_snapshot(snapshot)
        pages.set_snapshot(snapshot)
    return view


@pytest.fixture
def map_view(
    qapp: object, qtbot: Any, tmp_path: Path, clock: FakeClock, fault_server: FaultServer
) -> Iterator[MapView]:
    fault_server.route("/tile.png", Reply(body=PNG))
    source = TileSource(TileCache(tmp_path / "tiles.mbtiles"), fault_server.url("/tile.png?{z}/{x}/{y}"), "LIVE-test")
    view = open_map(qtbot, tmp_path, clock, source)
    yield view
    view.shutdown()


LOADED_TILES = "Array.from(document.querySelectorAll('.kiosk-tiles img.leaflet-tile-loaded')).map(i => i.src)"


def test_the_page_shows_every_place_and_the_list_is_nearest_first(map_view: MapView) -> None:
    assert js(map_view.web, "kioskState.all.length") == len(places())
    assert map_view.interactive_ms is not None
    first = map_view.list.itemAt(0)
    card = first.widget() if first is not None else None
    assert card is not None and card.objectName() == "place-card:here"


def test_a_category_chip_filters_the_markers_in_the_page(map_view: MapView, qtbot: Any) -> None:
    chip = next(b for b in map_view.chips.findChildren(type(map_view.zoom_in)) if b.property("value") == "parc")
    with qtbot.waitSignal(map_view.web.filterApplied, timeout=3000, check_params_cb=lambda n, _ms: n == 2):
        tap(chip)  # Parc Barbieux and the hostile one
    assert js(map_view.web, "kioskState.cluster.getLayers().length") == 2
    assert js(map_view.web, "kioskState.categories") == ["parc"]
    shown = [c for c in map_view.findChildren(TapCard) if c.isVisibleTo(map_view) and c.objectName()]
    assert sorted(c.objectName() for c in shown) == ["place-card:hostile", "place-card:parc"]
    cards = set(map_view.findChildren(TapCard))
    with qtbot.waitSignal(map_view.web.filterApplied, timeout=3000, check_params_cb=lambda n, _ms: n == len(places())):
        tap(map_view.chips.findChildren(type(map_view.zoom_in))[0])  # « Tout »
    assert js(map_view.web, "kioskState.cluster.getLayers().length") == len(places())
    assert set(map_view.findChildren(TapCard)) == cards  # the list's cards are kept, not made again
    with qtbot.waitSignal(map_view.web.filterApplied, timeout=3000, check_params_cb=lambda n, _ms: n == 2):
        tap(chip)
    with qtbot.waitSignal(map_view.web.filterApplied, timeout=3000, check_params_cb=lambda n, _ms: n == 1):
        tap(map_view.radius_buttons[500])  # only the hostile one is within 500 m
    assert js(map_view.web, "kioskState.radius") == 500


def test_tapping_a_marker_opens_the_detail_panel(map_view: MapView, qtbot: Any) -> None:
    with qtbot.waitSignal(map_view.web.placeClicked, timeout=3000):
        js(map_view.web, "kioskState.markers.get('musee').fire('click') && 1")
    assert map_view.side.currentWidget() is map_view.detail
    detail = map_view.detail
    assert detail.name.text() == "La Piscine"
    assert detail.hours.text() == "Mardi au dimanche, 11 h – 18 h"
    assert "fauteuil roulant" in detail.access.text()
    metres = geo.distance_m(*ORIGIN, 50.6876, 3.1633)
    minutes = geo.walking_minutes(metres)  # 1.9 km x 1.3 at 4.5 km/h
    assert minutes == 34
    assert detail.distance.text() == f"{metres / 1000:.1f} km à vol d'oiseau, environ {minutes} min à pied".replace(
        ".", ","
    )
    # From La Piscine: Mairie about 840 m, Eurotéléport about 1.27 km, Union about 1.9 km (Loin is out).
    assert [line.split(" — ")[0] for line in detail.stops.text().splitlines()] == [
        "🚏 Mairie",
        "🚏 Eurotéléport",
        "🚏 Union",
    ]
    assert "lignes M2" in detail.stops.text()
    assert detail.route_url.endswith("route=50.70400%2C3.17250%3B50.68760%2C3.16330")
    assert detail.qr.isVisible() and detail.qr.link == detail.route_url  # the QR code opens the walking route
    # Python -> page: the marker is focused there too.
    wait(qtbot, lambda: js(map_view.web, "kioskState.focused && kioskState.focused.kiosk.id") == "musee")


def test_tapping_a_list_row_focuses_its_marker(map_view: MapView, qtbot: Any) -> None:
    card = map_view.findChild(TapCard, "place-card:parc")
    assert card is not None
    map_view.scroll_area.ensureWidgetVisible(card)
    qtbot.wait(50)
    with qtbot.waitSignal(map_view.web.bridge.focusShown, timeout=5000):
        tap(card)
    assert map_view.detail.name.text() == "Parc Barbieux"
    assert js(map_view.web, "kioskState.focused.kiosk.id") == "parc"
    tap(map_view.detail.back)
    assert map_view.side.currentIndex() == 0
    wait(qtbot, lambda: js(map_view.web, "kioskState.focused") is None)


def test_a_hostile_name_is_shown_as_text(map_view: MapView, qtbot: Any) -> None:
    with qtbot.waitSignal(map_view.web.bridge.focusShown, timeout=5000):
        map_view.show_place("hostile")
    title = js(map_view.web, "kioskState.markers.get('hostile').getElement().title")
    assert title == HOSTILE
    assert js(map_view.web, "document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert js(map_view.web, "document.querySelectorAll('.kiosk-pin img, .kiosk-pin script').length") == 0
    assert map_view.web.page is not None and map_view.web.page.alerts == []
    assert map_view.detail.name.text() == HOSTILE
    assert map_view.detail.name.textFormat().name == "PlainText"


def test_a_missing_tile_is_fetched_with_the_kiosk_user_agent_and_nothing_else_leaves_the_page(
    map_view: MapView, qtbot: Any, fault_server: FaultServer
) -> None:
    web = map_view.web
    assert map_view.tiles is not None
    wait(qtbot, lambda: len(js(web, LOADED_TILES) or []) > 0)
    loaded = js(web, LOADED_TILES)
    assert all(src.startswith("kiosk-tile:") for src in loaded), loaded
    assert fault_server.hits("/tile.png") >= len(set(loaded))
    seen = fault_server.seen("/tile.png")
    assert {r.headers["user-agent"] for r in seen} == {"LIVE-test"}
    z, x, y = loaded[0].removeprefix("kiosk-tile:").split("/")
    assert f"{z}/{x}/{y}" in {r.query for r in seen}  # the tile asked upstream is the one the page shows
    assert map_view.tiles.served >= len(loaded)
    assert map_view.tiles.source.cache.count() >= len(set(loaded))  # and it is kept for next time
    folder = web.guard.folder.as_uri()
    assert web.guard.allowed
    assert all(u.startswith((folder, "kiosk-tile:")) for u in web.guard.allowed), web.guard.allowed
    assert web.guard.blocked == []
    # Whatever the page tries, nothing else goes out, and it stays on its page.
    home = web.page.url().toString() if web.page is not None else ""
    js(
        web,
        "(function(){ for (const u of ['file:///etc/hostname', 'kiosk-tile:../../etc/hostname',"
        " 'kiosk-tile:1/0/0?x']) { var i = document.createElement('img'); i.src = u;"
        " document.body.appendChild(i); } return 1; })()",
    )
    js(web, "(window.open('https://example.org/'), 1)")
    js(web, "(location.href = 'https://example.org/', 1)")
    wait(qtbot, lambda: len([u for u in web.guard.blocked if "hostname" in u or "?x" in u]) == 3)
    wait(qtbot, lambda: web.page is not None and any("example.org" in r for r in web.page.refused))
    assert web.page is not None and web.page.url().toString() == home
    assert not any("example.org" in u for u in web.guard.allowed)
    assert len([u for u in fault_server.requests if u.path != "/tile.png"]) == 0


def test_a_cached_tile_is_served_from_the_cache_without_the_tile_server(
    qapp: object, qtbot: Any, tmp_path: Path, clock: FakeClock, fault_server: FaultServer
) -> None:
    cache = TileCache(tmp_path / "tiles.mbtiles")
    around = (ORIGIN[0] - 0.02, ORIGIN[1] - 0.03, ORIGIN[0] + 0.02, ORIGIN[1] + 0.03)
    cached = {f"kiosk-tile:{k.z}/{k.x}/{k.y}" for k in tiles_in(around, (15, 15))}
    for key in tiles_in(around, (15, 15)):
        cache.put(key, Tile(PNG, expires_at=time.time() + 86400, etag=None))
    source = TileSource(cache, fault_server.url("/tile.png?{z}/{x}/{y}"), "LIVE-test")
    view = open_map(qtbot, tmp_path, clock, source)
    try:
        wait(qtbot, lambda: len(js(view.web, LOADED_TILES) or []) >= 4)
        loaded = set(js(view.web, LOADED_TILES))
        assert loaded <= cached, loaded - cached
        assert view.tiles is not None and view.tiles.served >= len(loaded)
        assert fault_server.requests == []  # all from the cache
    finally:
        view.shutdown()


def test_a_tile_server_that_fails_leaves_the_plain_map_working(
    qapp: object, qtbot: Any, tmp_path: Path, clock: FakeClock, fault_server: FaultServer
) -> None:
    fault_server.route("/tile.png", Reply(status=503))
    source = TileSource(TileCache(tmp_path / "tiles.mbtiles"), fault_server.url("/tile.png?{z}/{x}/{y}"), "LIVE-test")
    view = open_map(qtbot, tmp_path, clock, source)
    try:
        tiles = view.tiles
        assert tiles is not None
        wait(qtbot, lambda: tiles.failed > 0 and js(view.web, "document.body.classList.contains('kiosk-no-tiles')"))
        # The first failures (two downloads at most at once) make the server left alone: the rest fail at once.
        assert 1 <= fault_server.hits("/tile.png") <= 2
        assert tiles.served == 0
        assert js(view.web, LOADED_TILES) == []
        shown = "Array.from(document.querySelectorAll('.kiosk-tiles img')).map(i => getComputedStyle(i).visibility)"
        assert set(js(view.web, shown)) == {"hidden"}  # failed tiles stay hidden: the plain background shows
        assert js(view.web, "document.querySelectorAll('path.leaflet-interactive, svg path').length") > 0  # outlines
        # The map still answers.
        with qtbot.waitSignal(view.web.filterApplied, timeout=3000, check_params_cb=lambda n, _ms: n == 2):
            view.web.set_filter(["parc"], 0)
    finally:
        view.shutdown()


def test_the_page_is_rebuilt_with_its_filters_and_focus_after_a_renderer_crash(map_view: MapView, qtbot: Any) -> None:
    web = map_view.web
    chip = next(b for b in map_view.chips.findChildren(type(map_view.zoom_in)) if b.property("value") == "musee")
    with qtbot.waitSignal(web.filterApplied, timeout=3000):
        tap(chip)
    with qtbot.waitSignal(web.bridge.focusShown, timeout=5000):
        map_view.show_place("musee")
    assert web.page is not None
    pid = web.page.renderProcessPid()
    assert pid > 0
    started = time.monotonic()
    with qtbot.waitSignal(web.ready, timeout=3000):
        os.kill(pid, signal.SIGKILL)
    with qtbot.waitSignal(web.bridge.focusShown, timeout=3000):
        pass
    assert time.monotonic() - started < 3
    assert web.crashes == 1
    assert js(web, "kioskState.categories") == ["musee"]
    assert js(web, "kioskState.focused.kiosk.id") == "musee"
    assert web.page.renderProcessPid() != pid


def test_the_watchdog_reloads_a_page_that_never_gets_ready(qapp: object, qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    stuck = folder / "stuck.html"
    stuck.write_text("<!doctype html><title>stuck</title><p>no bridge here</p>")
    web = MapWebView(folder, None)
    qtbot.addWidget(web)
    web.watchdog.setInterval(300)
    web.show()
    web.load(stuck, [])
    wait(qtbot, lambda: web.loads >= 3, timeout=5000)
    assert not web.is_ready


def test_places_change_only_when_the_places_do(map_view: MapView, qtbot: Any) -> None:
    assert map_view.pages is not None
    first = map_view.pages.current
    map_view.pages.set_snapshot(Snapshot(places=places(), stops=STOPS[:1]))  # stops changed, places did not
    qtbot.wait(200)
    assert map_view.pages.current is first
