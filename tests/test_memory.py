"""What keeps the kiosk's memory down (docs/performance.md, « memory »): the map page written by a child process,
and no OpenGL attempted where there is no GPU."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk, gpu_available, prepare_qt_environment
from kiosk.content.model import Place, Text
from kiosk.map_page import (
    PLACES_MARK,
    MapPageError,
    MapPageSpec,
    build_page,
    places_payload,
    render_html,
    render_html_apart,
    script_json,
)

#: What writing a map page imports: it must happen in the child, never in the kiosk.
HEAVY = ("folium", "branca", "jinja2", "numpy", "multiprocessing")

PROBE = """
import json, sys, time
from pathlib import Path
from PySide6 import QtWebChannel  # noqa: F401 - qwebchannel.js is in its resources
from PySide6.QtCore import QCoreApplication
from kiosk.content.model import Place, Snapshot, Text
from kiosk.map_page import MapPageSpec
from kiosk.services.map import MapPageService

app = QCoreApplication([])
service = MapPageService(MapPageSpec(origin=(50.704, 3.1725), attribution="test"), Path(sys.argv[1]))
results = []
service.pageReady.connect(results.append)
service.pageFailed.connect(results.append)
places = tuple(Place(f"p{i}", Text.of(f"Lieu {i}"), "parc", 50.70 + i / 1000, 3.17, "t") for i in range(30))
service.set_snapshot(Snapshot(places=places))
deadline = time.monotonic() + 60
while not results and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
service.shutdown()
build = results[0] if results else None
print(json.dumps({
    "page": str(getattr(build, "path", build)),
    "places": getattr(build, "places", 0),
    "imported": sorted(m for m in sys.modules if m.split(".")[0] in {heavy}),
}))
""".replace("{heavy}", repr(set(HEAVY)))


def test_a_new_map_page_is_written_by_a_child_and_folium_never_enters_the_kiosk(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "map")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    page = Path(result["page"])
    assert page.is_file() and page.parent == tmp_path / "map", done.stderr[-2000:]
    assert result["places"] == 30
    html = page.read_text(encoding="utf-8")
    assert "Lieu 29" in html and "leaflet" in html.lower()
    assert result["imported"] == []


def test_the_child_writes_the_same_page_as_the_kiosk_would() -> None:
    spec = MapPageSpec(origin=(50.704, 3.1725), attribution="© test", pictograms={"parc": "🌳", "": "📍"})
    payload = script_json({**spec.to_json(), "places": [{"id": "a", "n": {"fr": "Parc"}}]})
    assert same_ids(render_html_apart(payload, spec)) == same_ids(render_html(payload, spec))


def same_ids(html: str) -> str:
    """folium names each element with a random id (``map_9880a4…``); the rest must be the same."""
    return re.sub(r"_[0-9a-f]{32}(?![0-9a-f])", "_ID", html)


def test_what_fails_in_the_child_is_raised_in_the_kiosk() -> None:
    spec = MapPageSpec(origin=("nord", "est"), attribution="test")  # type: ignore[arg-type]
    with pytest.raises(MapPageError, match="ValueError: Location should consist of two numerical values"):
        render_html_apart("[]", spec)


@pytest.mark.parametrize(
    ("platform", "expected"),
    [("offscreen", "software"), ("minimal", "software"), ("xcb", "software")],  # this machine has no /dev/dri
)
def test_without_a_gpu_the_web_view_renders_in_software_at_once(
    platform: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    monkeypatch.delenv("QT_QUICK_BACKEND", raising=False)
    if platform == "xcb" and gpu_available():
        pytest.skip("this machine has a GPU")
    prepare_qt_environment()
    assert os.environ.get("QT_QUICK_BACKEND") == expected


def test_a_backend_chosen_by_the_operator_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("QT_QUICK_BACKEND", "opengl")
    prepare_qt_environment()
    assert os.environ["QT_QUICK_BACKEND"] == "opengl"


# -- the page template: new places make a page without folium ----------------------------------------------


def spec_with(attribution: str = "© test") -> MapPageSpec:
    return MapPageSpec(origin=(50.704, 3.1725), attribution=attribution, pictograms={"parc": "🌳", "": "📍"})


def some_places(names: list[str]) -> tuple[Place, ...]:
    return tuple(Place(f"p{i}", Text.of(name), "parc", 50.70 + i / 1000, 3.17, "t") for i, name in enumerate(names))


class CountingRender:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, payload: str, spec: MapPageSpec) -> str:
        self.calls += 1
        return render_html(payload, spec)


def test_a_page_made_from_the_template_is_the_page_folium_would_write(tmp_path: Path) -> None:
    places = some_places(["Parc Barbieux", "</script><img src=x onerror=alert(1)>", "L'Union \\ « 100 % »"])
    build = build_page(places, spec_with(), tmp_path)
    payload = script_json({**spec_with().to_json(), "places": places_payload(places, spec_with().origin)})
    assert same_ids(build.path.read_text(encoding="utf-8")) == same_ids(render_html(payload, spec_with()))
    assert PLACES_MARK not in build.path.read_text(encoding="utf-8")


def test_new_places_reuse_the_template_and_new_settings_make_a_new_one(tmp_path: Path) -> None:
    render = CountingRender()
    first = build_page(some_places(["Parc"]), spec_with(), tmp_path, render)
    second = build_page(some_places(["Parc", "Musée"]), spec_with(), tmp_path, render)
    assert render.calls == 1 and first.path != second.path and "Musée" in second.path.read_text(encoding="utf-8")
    assert len(list(tmp_path.glob("template-*.html"))) == 1
    build_page(some_places(["Parc"]), spec_with("© autre"), tmp_path, render)
    assert render.calls == 2
    assert len(list(tmp_path.glob("template-*.html"))) == 1  # the old settings' template is gone


def test_a_template_without_its_place_mark_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MapPageError, match="exactly once"):
        build_page(some_places(["Parc"]), spec_with(), tmp_path, lambda _payload, _spec: "<html></html>")
    assert list(tmp_path.glob("*.html")) == []


def test_the_child_refuses_what_is_not_a_page_to_write() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--render-map-page"],
        input=b"garbage",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == b""
    assert b"expected the page's payload and spec" in done.stderr


# -- free memory handed back to the system ------------------------------------------------------------------

FRAGMENTED_HEAP = """
import ctypes, sys
from kiosk.memory import release_free_memory

def rss_mib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024

libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
blocks = [libc.malloc(4000) for _ in range(40_000)]  # ~160 MB of small blocks in the heap
for block in blocks:
    ctypes.memset(block, 1, 4000)  # resident
keep = libc.malloc(4000)  # still in use at the heap's top: glibc cannot shrink the heap by itself
for block in blocks:
    libc.free(block)
before = rss_mib()
released = release_free_memory()
print(released, before, rss_mib())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_free_pages_of_the_heap_go_back_to_the_system() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FRAGMENTED_HEAP], capture_output=True, text=True, timeout=60, check=True
    )
    released, before, after = done.stdout.split()
    assert released == "True"
    assert float(before) - float(after) > 100  # MiB: the freed blocks were still resident before


def test_the_kiosk_hands_free_memory_back_after_a_refresh_and_after_a_visitor(
    kiosk: Kiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kiosk.app as app_module  # noqa: PLC0415

    calls: list[str] = []

    def release() -> bool:
        calls.append("released")
        return True

    monkeypatch.setattr(app_module, "release_free_memory", release)
    kiosk.content.refresh_now()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=3000)
    kiosk.window.reset_visitor()
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=3000)
