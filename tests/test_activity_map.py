"""A discovery map step on the real leisure map: the step's places as markers in the page, taps through the
page's own click path and the bridge, hints and the search zone, the idle reset, and the place cards when the
page does not load in time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from kiosk.content import geo
from kiosk.content.activity_stats import ActivityStats
from kiosk.content.model import MapStep
from kiosk.map_page import MapPageSpec, PageBuild
from kiosk.screens import open_map_step
from kiosk.services.discovery import APART_M, HERE_M, DiscoveryService, map_choices, search_zone
from kiosk.services.map import MapPageService
from kiosk.services.session import Session
from kiosk.tokens import HIGH_CONTRAST, map_variables
from kiosk.ui.categories import PICTOGRAMS
from kiosk.ui.webmap import MapWebView
from kiosk.views.activity import ActivityView
from kiosk.views.map import MapSettings, MapView
from kiosk.views.window import KioskWindow
from tests.conftest import RESOURCES, FakeClock
from tests.helpers_qt import page_js as js
from tests.helpers_qt import tap
from tests.test_discovery import ORIGIN, bundled_snapshot

pytestmark = pytest.mark.qt_log_ignore(
    "QRhiGles2", "Failed to create RHI", "Vulkan", "GBM is not supported", "GPUInfo not initialized"
)


def marker(place_id: str) -> str:
    return f"document.querySelector('.kiosk-game-pin[data-place=\"{place_id}\"]')"


def finger(web: MapWebView, place_id: str) -> None:
    """A real press and release on the marker, where the page drew it."""
    box = js(
        web,
        f"(function(r){{return [r.left + r.width / 2, r.top + r.height / 2];}})({marker(place_id)}"
        ".querySelector('.kiosk-game-glyph').getBoundingClientRect())",
    )
    assert web.view is not None
    target = web.view.focusProxy() or web.view
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*map(round, box)))


def feedback(view: ActivityView, qtbot: Any) -> str:
    """The feedback of the panel just built (its widgets are shown once the event loop has run)."""
    label = wait_shown(view, qtbot, "feedback")
    assert isinstance(label, QLabel)
    return label.text()


def wait_shown(view: ActivityView, qtbot: Any, name: str) -> QWidget:
    qtbot.waitUntil(lambda: shown(view, name) is not None, timeout=2000)
    found = shown(view, name)
    assert found is not None
    return found


def shown(view: ActivityView, name: str) -> QWidget | None:
    return next((w for w in view.findChildren(QWidget, name) if w.isVisible()), None)


@pytest.fixture
def window(qapp: QApplication, tmp_path: Path, clock: FakeClock) -> Iterator[KioskWindow]:
    """A kiosk window on the bundled content and the leisure map's real page, at the first map step of
    « Découvre le quartier de l'Union », its map ready."""
    session = Session(RESOURCES / "translations", "fr", ZoneInfo("Europe/Paris"), clock)
    spec = MapPageSpec(origin=ORIGIN, attribution="© OpenStreetMap contributors", pictograms={**PICTOGRAMS, "": "📍"})
    pages = MapPageService(spec, tmp_path / "map")
    built = KioskWindow(session, ["fr"], ORIGIN, "Ici", map_view=MapView(session, MapSettings(ORIGIN), pages))
    discovery = DiscoveryService(ActivityStats(tmp_path / "stats.sqlite"), lambda: clock().date(), ORIGIN)
    built.add_discovery(discovery, None, tmp_path)
    built.resetters.append(discovery.reset)  # as the app wires it
    snapshot = bundled_snapshot()
    discovery.set_snapshot(snapshot)
    built.set_snapshot(snapshot)
    built.resize(1920, 1080)
    assert open_map_step(built, settle_ms=0)
    yield built
    built.activity_view.map.close_map()
    built.map_view.shutdown()
    built.allow_close = True
    built.close()
    session.reset()


def test_a_map_step_is_played_by_touching_markers_on_the_real_map(
    window: KioskWindow, qtbot: Any, tmp_path: Path
) -> None:
    view, discovery = window.activity_view, window.discovery
    web = view.map.web
    game = discovery.game
    assert web is not None and game is not None and isinstance(game.step, MapStep)
    step, state = game.step, game.state
    choices = discovery.choices()
    ids = [p.id for p in choices]
    assert len(ids) == 4 and step.place in ids
    # Only the step's places, big and named, the clusters off; the kiosk and every place in view.
    qtbot.waitUntil(lambda: js(web, "kioskState.game && kioskState.game.ids") == ids, timeout=3000)
    assert js(web, "document.querySelectorAll('.kiosk-game-pin').length") == 4
    assert js(web, "kioskState.map.hasLayer(kioskState.cluster)") is False
    names = js(web, "Array.from(document.querySelectorAll('.kiosk-game-name')).map(function(e){return e.textContent})")
    assert sorted(names) == sorted(p.name.get("fr") for p in choices)
    in_view = "kioskState.map.getBounds().contains(L.latLng({0}))"
    for place in choices:
        assert js(web, in_view.format(f"[{place.lat}, {place.lon}]")) is True
    assert js(web, in_view.format("kioskState.data.origin")) is True
    assert shown(view, "map-how") is not None
    assert not [w for w in view.findChildren(QWidget) if w.objectName().startswith("place-choice:") and w.isVisible()]

    # A wrong place, touched in the page: « pas tout à fait », its name, and the first hint.
    wrong = next(p for p in choices if p.id != step.place)
    js(web, f"{marker(wrong.id)}.querySelector('.kiosk-game-name').click() || 1")
    qtbot.waitUntil(lambda: state.taps == [wrong.id], timeout=3000)
    assert feedback(view, qtbot).startswith(f"Pas tout à fait : ce n'est pas « {wrong.name.get('fr')} ».")
    hint = wait_shown(view, qtbot, "hint-1")
    assert isinstance(hint, QLabel) and step.hints[0].get("fr") in hint.text()
    qtbot.waitUntil(lambda: js(web, f"{marker(wrong.id)}.classList.contains('kiosk-game-tried')") is True)
    next_button = view.findChild(QPushButton, "step-next")
    assert next_button is not None and not next_button.isEnabled()

    # The other hints; with the last one, a search zone around the place only.
    for _ in range(2):
        tap(wait_shown(view, qtbot, "hint-button"))  # the panel is rebuilt at each change
    assert state.hints == len(step.hints) == 3
    wait_shown(view, qtbot, "zone-hint")
    assert shown(view, "hint-button") is None
    qtbot.waitUntil(lambda: js(web, "kioskState.game.zone !== null") is True, timeout=3000)
    lat, lon, radius = js(
        web, "(function(z){return [z.getLatLng().lat, z.getLatLng().lng, z.getRadius()];})(kioskState.game.zone)"
    )
    assert geo.distance_m(lat, lon, *next((p.lat, p.lon) for p in choices if p.id == step.place)) < radius
    assert all(geo.distance_m(lat, lon, p.lat, p.lon) > radius for p in choices if p.id != step.place)

    # The right place, with a real press and release on the web view: found, the explanation, and on.
    finger(web, step.place)
    qtbot.waitUntil(lambda: state.done, timeout=3000)
    assert feedback(view, qtbot).startswith("Trouvé ! Bien joué")
    assert step.explanation.get("fr") in feedback(view, qtbot)
    assert next_button.isEnabled()
    qtbot.waitUntil(lambda: js(web, f"{marker(step.place)}.classList.contains('kiosk-game-found')") is True)
    assert js(web, "kioskState.game.zone") is None
    js(web, f"{marker(wrong.id)}.click() || 1")  # found already: nothing more counts
    qtbot.wait(100)
    assert state.taps == [wrong.id, step.place]
    # A command the page cannot trust changes nothing there.
    web.bridge.gameRequested.emit('{"ids": ["<img src=x>", 5], "zone": [0, 0, 1e9]}')
    qtbot.wait(50)
    assert js(web, "kioskState.game.ids") == ids
    assert js(web, "document.querySelectorAll('img[src=\"x\"]').length") == 0
    (summary,) = ActivityStats(tmp_path / "stats.sqlite").summary()
    assert [(s.kind, s.answered, s.right_first_time) for s in summary.steps] == [("map", 1, 0)]


def test_the_idle_reset_ends_the_map_step_and_lets_its_web_view_go(window: KioskWindow) -> None:
    board = window.activity_view.map
    web = board.web
    assert web is not None and web.is_ready and board.isVisible()
    window.reset_visitor()  # what the idle timer's resetRequested calls after its countdown
    assert window.current == "home" and window.discovery.game is None and window.discovery.chosen is None
    assert board.web is None and not board.isVisible() and not board.deadline.isActive()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(web)  # no second page lives on while nobody plays
    assert window.map_view.web.bridge.receivers("2gameRequested(QString)") == 0  # the leisure map never played
    # The next team gets a fresh map.
    assert open_map_step(window, settle_ms=0)
    assert board.web is not None and board.web is not web and board.ready


def test_a_map_step_falls_back_to_the_place_cards_when_the_page_never_gets_ready(
    qapp: QApplication, qtbot: Any, tmp_path: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    stuck = folder / "stuck.html"
    stuck.write_text("<!doctype html><title>stuck</title><p>no bridge here</p>")
    snapshot = bundled_snapshot()
    pages = MapPageService(MapPageSpec(origin=ORIGIN, attribution="test"), folder)
    pages.current = PageBuild(stuck, "stuck", len(snapshot.places), 0.0, False, tuple(p.id for p in snapshot.places))
    session = Session(RESOURCES / "translations", "fr", ZoneInfo("Europe/Paris"), clock)
    discovery = DiscoveryService(ActivityStats(tmp_path / "stats.sqlite"), lambda: clock().date(), ORIGIN)
    discovery.set_snapshot(snapshot)
    view = ActivityView(session, discovery, None, tmp_path, map_pages=pages)
    qtbot.addWidget(view)
    view.map.deadline.setInterval(300)
    view.resize(1920, 1080)
    view.show()
    try:
        assert discovery.choose("quartier-union") and discovery.begin("castors")
        discovery.next_step()
        game = discovery.game
        assert game is not None and isinstance(game.step, MapStep)
        # The map is tried first: « La carte arrive… » and no cards yet.
        assert view.map.isVisible() and view.map.web is not None and shown(view, "map-loading") is not None
        assert shown(view, f"place-choice:{game.step.place}") is None
        # Not ready in time: the cards, and no web view left.
        qtbot.waitUntil(lambda: view.map.gave_up, timeout=3000)
        assert not view.map.isVisible() and view.map.web is None
        tap(wait_shown(view, qtbot, f"place-choice:{game.step.place}"))
        assert game.state.done and feedback(view, qtbot).startswith("Bravo")
        discovery.reset()  # the next game tries the map again
        assert not view.map.gave_up
    finally:
        view.map.close_map()
        session.reset()


def test_the_places_offered_are_spread_out_and_the_zone_holds_only_the_one_to_find() -> None:
    snapshot = bundled_snapshot()
    steps = [s for a in snapshot.activities for s in a.steps if isinstance(s, MapStep)]
    assert len(steps) >= 5
    for number, step in enumerate(steps):
        choices = map_choices(step, snapshot.places, ORIGIN, f"seed-{number}")
        target = next(p for p in choices if p.id == step.place)
        assert len(choices) == 4 and len({p.category for p in choices}) == 4
        assert all(geo.distance_m(*ORIGIN, p.lat, p.lon) >= HERE_M for p in choices if p is not target)
        apart = [geo.distance_m(a.lat, a.lon, b.lat, b.lon) for a in choices for b in choices if a.id < b.id]
        assert min(apart) >= APART_M, (step.place, [p.id for p in choices])  # the bundled places allow it
        zone = search_zone(target, [p for p in choices if p is not target], f"seed-{number}")
        assert geo.distance_m(zone.lat, zone.lon, target.lat, target.lon) < zone.radius_m
        assert geo.distance_m(zone.lat, zone.lon, target.lat, target.lon) > 0.3 * zone.radius_m  # not a bullseye
        assert all(geo.distance_m(zone.lat, zone.lon, p.lat, p.lon) > zone.radius_m for p in choices if p is not target)


def test_place_names_too_big_to_fit_are_made_compact_never_under_the_100_percent_size(
    window: KioskWindow, qtbot: Any
) -> None:
    """At 200 % on a small map the four names would cover each other: they are laid out again at the compact
    size. At 100 % they fit as they are."""
    web = window.activity_view.map.web
    assert web is not None
    compact = "document.body.classList.contains('kiosk-game-compact')"
    size = "parseFloat(getComputedStyle(document.querySelector('.kiosk-game-name')).fontSize)"
    qtbot.waitUntil(lambda: js(web, "document.querySelectorAll('.kiosk-game-name').length") == 4, timeout=3000)
    assert js(web, compact) is False
    normal = js(web, size)
    window.activity_view.map.set_theme(map_variables(HIGH_CONTRAST, 1.0, 2.0))
    window.resize(1280, 720)  # a smaller screen: less map for the same names
    qtbot.waitUntil(lambda: js(web, compact) is True, timeout=3000)
    assert normal <= js(web, size) < 2 * normal  # smaller than the 200 % size, never under the 100 % one
