"""The leisure map with many places: ours (clustered, filtered in the page) beside the plain folium way
(one ``folium.Marker`` per place, the page generated again and reloaded to filter), and beside Debian's
Chromium loading the same page headless.

Both pages load Leaflet from the same local copy (no network in either), offscreen, in QtWebEngine.
"""

from __future__ import annotations

import json
import logging
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEventLoop, Qt, QTimer, QUrl, SignalInstance
from PySide6.QtTest import QTest
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from benchmarks import synthetic
from benchmarks.kiosk_ui import BALLAST, application, settle
from benchmarks.measure import Figure, ms_since, sampling, tree_pss_mb, tree_rss_mb, tree_unique_mb
from benchmarks.settings import Settings
from kiosk.app import TRANSLATIONS, seconds_since_process_start
from kiosk.content.model import Place, Snapshot
from kiosk.content.sources import kiosk_feed
from kiosk.map_page import MapPageSpec, build_page, copy_assets, page_template, render_html_apart
from kiosk.services.map import MapPageService
from kiosk.services.session import Session
from kiosk.ui.categories import PICTOGRAMS
from kiosk.views.map import MapSettings, MapView

log = logging.getLogger(__name__)

ORIGIN = (50.704, 3.1725)
MIB = 1024 * 1024
SPEC = MapPageSpec(
    origin=ORIGIN,
    attribution="© OpenStreetMap contributors",
    pictograms={**PICTOGRAMS, "": "📍"},
    radii_m=MapSettings(ORIGIN).radii_m,
)
CHROMIUM = "chromium"


MEMORY_RSS = "map: memory with the map open (process tree, summed RSS)"
FILTER_APPLIED = "map: category filter applied (tap → the page's markers swapped and the list filled)"


def synthetic_places(count: int) -> tuple[Place, ...]:
    return tuple(kiosk_feed.parse_feed(synthetic.feed(count), source="bench").places)


def wait_for(signal: SignalInstance, seconds: float = 30.0, accept: Callable[..., bool] | None = None) -> bool:
    """Run the event loop until ``signal`` fires (and ``accept`` takes its arguments), or time runs out."""
    loop = QEventLoop()
    fired: list[bool] = []

    def on_signal(*args: Any) -> None:  # noqa: ANN401 - any signal's arguments
        if accept is None or accept(*args):
            fired.append(True)
            loop.quit()

    signal.connect(on_signal)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    BALLAST.top_up()
    loop.exec()
    signal.disconnect(on_signal)
    return bool(fired)


def page_value(view: MapView, code: str) -> Any:  # noqa: ANN401 - whatever the page answers
    """The value of a JavaScript expression in the map page (None if it does not answer within 3 s)."""
    box: list[Any] = []
    loop = QEventLoop()
    assert view.web.page is not None

    def answer(value: Any) -> None:  # noqa: ANN401
        box.append(value)
        loop.quit()

    view.web.page.runJavaScript(code, 0, answer)
    QTimer.singleShot(3000, loop.quit)
    loop.exec()
    return box[0] if box else None


def keep(into: list[float], value: float) -> bool:
    into.append(value)
    return True


# -- ours -------------------------------------------------------------------------------------------


#: The memory floor: a bare PySide6 process showing one empty QWebEngineView, set up as the kiosk sets up Qt.
MEMORY_FLOOR = """
import time
from PySide6 import QtWebEngineWidgets
from PySide6.QtWidgets import QApplication
app = QApplication([])
view = QtWebEngineWidgets.QWebEngineView()
view.resize(1600, 900)
view.show()
done = []
view.loadFinished.connect(done.append)
view.setHtml("<p>Bonjour</p>")
started = time.monotonic()
while not done and time.monotonic() < started + 30:
    app.processEvents()
    time.sleep(0.01)
started = time.monotonic()
while time.monotonic() < started + 2:
    app.processEvents()
    time.sleep(0.01)
print("ready", flush=True)
input()
"""


def memory_floor() -> dict[str, float]:
    """Unique pages, PSS and summed RSS (MiB) of ``MEMORY_FLOOR``'s process tree, its page loaded and two seconds
    on; it runs with this process's environment, which ``application()`` set up as the kiosk does."""
    with subprocess.Popen(
        [sys.executable, "-c", MEMORY_FLOOR], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as child:
        assert child.stdin is not None and child.stdout is not None
        if child.stdout.readline().strip() != "ready":
            raise RuntimeError("the memory floor's process did not start")
        values = {
            "unique": tree_unique_mb(child.pid),
            "pss": tree_pss_mb(child.pid),
            "rss": tree_rss_mb(child.pid),
        }
        child.stdin.write("\n")
        child.stdin.close()
        child.wait(30)
    return values


def our_map(settings: Settings, folder: Path, places: tuple[Place, ...]) -> tuple[list[Figure], Path]:
    floor = memory_floor()  # first: our process has loaded Qt's libraries, not started the web engine
    session = Session(TRANSLATIONS, "fr", ZoneInfo("Europe/Paris"), lambda: synthetic.NOW)
    pages = MapPageService(SPEC, folder / "map")
    view = MapView(session, MapSettings(ORIGIN), pages, None)
    view.resize(1600, 900)
    view.show()
    snapshot = Snapshot(places=places)
    view.set_snapshot(snapshot)
    pages.set_snapshot(snapshot)  # as in the kiosk: the worker has a child write the page; the view loads it
    if not wait_for(view.web.ready, 120):
        raise RuntimeError("the map page never said it was ready")
    build = pages.current
    assert build is not None
    first_ms = view.interactive_ms or 0.0
    since_start = seconds_since_process_start() * 1000
    # The page clusters every single category and distance when idle, after it is ready (a visitor's first tap
    # comes seconds after the map opens); wait for that, and note how long it took. The memory is read then:
    # the map as it stays open.
    started = time.perf_counter()
    while not page_value(view, "kioskState.prebuilt === true") and ms_since(started) < 60_000:
        settle(0.1)
    prebuild_ms = ms_since(started)
    settle(1.0)  # tiles asked (none come: offline), clusters drawn
    unique, rss, pss = tree_unique_mb(), tree_rss_mb(), tree_pss_mb()

    reload_ms = []
    for _ in range(settings.runs):
        view.web.load(build.path, build.ids)
        view.load_started = time.perf_counter()
        if not wait_for(view.web.ready):
            raise RuntimeError("the map page never said it was ready after a reload")
        reload_ms.append(view.interactive_ms or 0.0)
    while not page_value(view, "kioskState.prebuilt === true") and ms_since(started) < 60_000:
        settle(0.1)

    def tap_filter(target: QWidget, in_page: list[float], fills: list[float], applied: list[float]) -> float:
        """Tap a chip; ``applied`` gets the tap to the moment both the page's markers and the list are done
        (the page's own clock, ms since the epoch, against ours); returns the round trip back to Python."""
        started, tapped_at = time.perf_counter(), time.time() * 1000
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.rect().center())
        if not wait_for(view.web.filterApplied, 10, lambda _n, ms: keep(in_page, ms)):
            raise RuntimeError("the page never answered a filter")
        fills.append(view.fill_ms)
        applied.append(max(view.web.bridge.filter_done_at, view.filled_at) - tapped_at)
        return ms_since(started)

    chips = [b for b in view.chips.findChildren(QWidget) if b.property("value")]
    everything = next(b for b in view.chips.findChildren(QWidget) if b.property("value") == "" and b.isVisible())
    filter_ms: list[float] = []
    applied_ms: list[float] = []
    in_page: list[float] = []
    fills: list[float] = []
    for run in range(settings.runs):
        for target in (chips[run % len(chips)], everything):  # one category, then all of them again
            filter_ms.append(tap_filter(target, in_page, fills, applied_ms))
    # A filter the page has not clustered yet: a second category added to a first (a new pair each run).
    new_ms: list[float] = []
    new_in_page: list[float] = []
    for run in range(settings.runs):
        first, second = chips[run % len(chips)], chips[(run + 1 + run // len(chips)) % len(chips)]
        tap_filter(first, [], [], [])
        new_ms.append(tap_filter(second, new_in_page, [], []))
        tap_filter(everything, [], [], [])

    detail_ms = []
    for run in range(settings.runs):
        view.show_list()
        settle(0.1)
        place_id = places[(run * 97) % len(places)].id
        assert view.web.page is not None
        started = time.perf_counter()
        view.web.page.runJavaScript(f"kioskState.markers.get({json.dumps(place_id)}).fire('click') && 1", 0)
        if not wait_for(view.placeShown, 10):
            raise RuntimeError("a marker click never opened the detail panel")
        view.detail.repaint()  # painted now, not at the next frame
        detail_ms.append(ms_since(started))

    view.shutdown()
    view.close()
    view.deleteLater()
    # Generating a page as the kiosk does when the places change: the template is kept, the places go into it
    # (a place left out each run, so that every page is new). The template itself, made by a child process
    # with folium when the map's settings are new (a first start, a new configuration), is timed apart.
    template_ms = []
    for run in range(settings.runs):
        started = time.perf_counter()
        page_template(SPEC, folder / f"template-{run}", render_html_apart)
        template_ms.append(ms_since(started))
    page_ms = []
    for run in range(settings.runs):
        started = time.perf_counter()
        build_page(places[:run] + places[run + 1 :], SPEC, folder / "template-0", render_html_apart)
        page_ms.append(ms_since(started))
    n = len(places)
    return [
        Figure(
            f"map: page generation, {n:,} places",
            "ms",
            page_ms,
            note="new places into the kept template (what the kiosk does when the places change), written to disk",
        ),
        Figure(
            "map: page template, made by a child process with folium (new map settings only)",
            "ms",
            template_ms,
            note="the child's start, folium's import and its render",
        ),
        Figure(
            "map: load to interactive, first load (web engine starting)",
            "ms",
            [first_ms],
            500,
            note=f"{since_start:.0f} ms after this process started",
        ),
        Figure("map: load to interactive, page reloaded", "ms", reload_ms, 500),
        Figure(
            FILTER_APPLIED,
            "ms",
            applied_ms,
            30,
            note=f"medians: {statistics.median(in_page):.0f} ms in the page, {statistics.median(fills):.0f} ms "
            f"filling the list, side by side; the page had clustered the single categories in {prebuild_ms:.0f} ms "
            "when idle",
        ),
        Figure(
            "map: category filter round trip (tap → the page's answer back in Python)",
            "ms",
            filter_ms,
            note="the answer waits for the GUI thread to finish repainting (software rendering here)",
        ),
        Figure(
            "map: a filter not clustered before (two categories), round trip",
            "ms",
            new_ms,
            note=f"of which {statistics.median(new_in_page):.0f} ms in the page (median)",
        ),
        Figure(
            "map: marker tap to detail panel painted",
            "ms",
            detail_ms,
            50,
            note="the click is fired in the page (runJavaScript); it crosses the bridge to the panel",
        ),
        Figure(
            "map: memory with the map open (process tree, each page once)",
            "MB",
            [(unique or pss) * MIB / 1e6],
            300,
            kind="value",
            note=f"{unique or pss:.0f} MiB{'' if unique else ' (PSS: the page frames need root)'}; PSS {pss:.0f} "
            "MiB (shared pages divided, also with processes outside the tree)",
        ),
        Figure(
            "map: memory floor, one empty QWebEngineView in a bare PySide6 process (each page once)",
            "MB",
            [(floor["unique"] or floor["pss"]) * MIB / 1e6],
            kind="value",
            note=f"{floor['unique'] or floor['pss']:.0f} MiB (PSS {floor['pss']:.0f}, summed RSS "
            f"{floor['rss']:.0f}): what any QtWebEngine view costs here",
        ),
        Figure(
            MEMORY_RSS,
            "MiB",
            [rss],
            kind="value",
            note="counts Qt's and Chromium's shared libraries once per process (compared with chromium below)",
        ),
    ], build.path


# -- the plain folium way -----------------------------------------------------------------------------


def plain_folium_page(places: Sequence[Place], path: Path) -> None:
    """folium's map as documented, only with Leaflet from the same local copy as ours."""
    import folium  # noqa: PLC0415 - not in the process while ours is measured (the kiosk never holds it)

    fmap = folium.Map(location=list(ORIGIN), tiles=None, zoom_start=SPEC.start_zoom)
    fmap.default_js = [("leaflet", "assets/leaflet/leaflet.js")]
    fmap.default_css = [("leaflet_css", "assets/leaflet/leaflet.css")]
    for place in places:
        name = place.name.get("fr")
        folium.Marker([place.lat, place.lon], tooltip=name).add_to(fmap)  # (a popup needs folium's jQuery)
    fmap.save(str(path))


def plain_folium(settings: Settings, folder: Path, places: tuple[Place, ...]) -> dict[str, list[float]]:
    copy_assets(folder)
    view = QWebEngineView()
    view.resize(1100, 800)
    view.show()
    generate, load, refilter = [], [], []
    categories = sorted({p.category for p in places})
    for run in range(max(1, settings.runs // 2)):
        page = folder / f"plain-{run}.html"
        started = time.perf_counter()
        plain_folium_page(places, page)
        generate.append(ms_since(started))
        started = time.perf_counter()
        view.load(QUrl.fromLocalFile(str(page)))
        if not wait_for(view.loadFinished, 120):
            raise RuntimeError("the plain folium page never finished loading")
        load.append(ms_since(started))
        # To filter, the plain way writes the page again with fewer markers and loads it.
        chosen = [p for p in places if p.category == categories[run % len(categories)]]
        started = time.perf_counter()
        plain_folium_page(chosen, folder / f"plain-{run}-filtered.html")
        view.load(QUrl.fromLocalFile(str(folder / f"plain-{run}-filtered.html")))
        if not wait_for(view.loadFinished, 120):
            raise RuntimeError("the filtered plain folium page never finished loading")
        refilter.append(ms_since(started))
    view.close()
    view.deleteLater()
    return {"generate": generate, "load": load, "filter": refilter}


# -- Chromium -------------------------------------------------------------------------------------------


def chromium_path() -> str | None:
    return shutil.which(CHROMIUM)


def chromium_load(page: Path, runs: int) -> tuple[list[float], list[float]]:
    """Cold loads of ``page`` by headless Chromium (a fresh profile each time): wall ms and peak MiB of its tree."""
    binary = chromium_path()
    assert binary is not None
    walls, peaks = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            command = [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--allow-file-access-from-files",
                "--window-size=1100,800",
                "--virtual-time-budget=5000",
                "--dump-dom",
                page.as_uri(),
            ]
            started = time.perf_counter()
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            with sampling(process.pid) as sampler:
                out, _ = process.communicate(timeout=120)
            walls.append(ms_since(started))
            peaks.append(sampler.peak_mb)
            if b"kiosk-data" not in out:
                raise RuntimeError("chromium did not dump the map page")
    return walls, peaks


def run(settings: Settings) -> list[Figure]:
    app = application()
    places = synthetic_places(settings.places)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        figures, page = our_map(settings, folder, places)
        plain = plain_folium(settings, folder / "map", places)
        ours = {f.name: f for f in figures}
        generate = ours[f"map: page generation, {len(places):,} places"].value or 1
        reload = ours["map: load to interactive, page reloaded"].value or 1
        ours_filter = ours[FILTER_APPLIED].value or 1
        plain_open = [g + lo for g, lo in zip(plain["generate"], plain["load"], strict=True)]
        figures += [
            Figure("plain folium: page generation", "ms", plain["generate"], note="one folium.Marker per place"),
            Figure("plain folium: load (to loadFinished)", "ms", plain["load"]),
            Figure("plain folium: filter (regenerate and reload)", "ms", plain["filter"]),
            Figure(
                "plain folium ÷ ours: generate and open the map",
                "×",
                [v / (generate + reload) for v in plain_open],
                10,
                kind="ratio",
            ),
            Figure("plain folium ÷ ours: filter", "×", [v / ours_filter for v in plain["filter"]], 10, kind="ratio"),
        ]
        figures += chromium_figures(settings, page, ours)
    del app
    return figures


def chromium_figures(settings: Settings, page: Path, ours: dict[str, Figure]) -> list[Figure]:
    if chromium_path() is None:
        note = "chromium is not installed (`make bench` installs it when run as root): row skipped"
        return [Figure("chromium headless: cold load of the same page", "ms", [], note=note)]
    walls, peaks = chromium_load(page, settings.process_runs)
    our_memory = ours[MEMORY_RSS].value or 1
    our_first = ours["map: load to interactive, first load (web engine starting)"]
    return [
        Figure(
            "chromium headless: cold load of the same page (process wall time)",
            "ms",
            walls,
            note="--dump-dom with a fresh --user-data-dir; the page has no QWebChannel there, so its bridge "
            "does not start (the markers and clusters do)",
        ),
        Figure("chromium headless: peak memory of its process tree", "MiB", peaks),
        Figure(
            "chromium ÷ ours: cold load",
            "×",
            [w / (our_first.value or 1) for w in walls],
            note="ours: first load in a running kiosk, web engine start included",
        ),
        Figure("chromium ÷ ours: memory", "×", [p / our_memory for p in peaks]),
    ]
