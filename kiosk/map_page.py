"""The leisure map's web page, generated with folium from the places (no Qt: it runs in a worker).

One page per content version: its file name carries a digest of what it shows, so a page is
written only when the places (or the map's settings, or our script) change, and the view opens it
with ``load()`` (``setHtml`` fails silently above about 1 MB).

The page needs nothing from the network: Leaflet and Leaflet.markercluster come from
``resources/web/node_modules`` (``make web``) and are copied next to the page with our script, so the
web view can be kept to that one folder; tiles come from the kiosk's own ``kiosk-tile:`` URL scheme (its
template is the page's only URL that is not one of its files). The places travel
as one JSON array inside a ``<script type="application/json">`` block, escaped so that no name can
close it, and our script clusters them and writes every string with ``textContent``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from kiosk.config import RESOURCES
from kiosk.content import geo
from kiosk.content.model import Place
from kiosk.content.tiles import TILE_TEMPLATE
from kiosk.tokens import NORMAL, map_variables

log = logging.getLogger(__name__)

WEB = RESOURCES / "web"
NODE_MODULES = WEB / "node_modules"
COMMUNES = WEB / "communes-roubaix-tourcoing.geojson"
COMMUNES_CREDIT = "Communes : IGN Admin Express, Licence Ouverte"
#: Written into ``assets/`` by the Qt side (it lives in Qt's resources), before the page is generated.
QWEBCHANNEL_JS = "qwebchannel.js"

#: What is copied into ``<map folder>/assets``: (source, destination relative to assets).
ASSETS: tuple[tuple[Path, str], ...] = (
    (NODE_MODULES / "leaflet" / "dist" / "leaflet.js", "leaflet/leaflet.js"),
    (NODE_MODULES / "leaflet" / "dist" / "leaflet.css", "leaflet/leaflet.css"),
    (NODE_MODULES / "leaflet" / "dist" / "images", "leaflet/images"),
    (NODE_MODULES / "leaflet.markercluster" / "dist" / "leaflet.markercluster.js", "markercluster/markercluster.js"),
    (NODE_MODULES / "leaflet.markercluster" / "dist" / "MarkerCluster.css", "markercluster/MarkerCluster.css"),
    (WEB / "kiosk-map.js", "kiosk-map.js"),
    (WEB / "kiosk-map.css", "kiosk-map.css"),
)


class MissingAssetsError(Exception):
    """Leaflet is not installed: run ``make web``."""


@dataclass(frozen=True, slots=True)
class MapPageSpec:
    """Everything the page shows besides the places."""

    origin: tuple[float, float]
    attribution: str
    min_zoom: int = 11
    max_zoom: int = 19
    start_zoom: int = 15
    pictograms: Mapping[str, str] = field(default_factory=dict)  # category -> glyph; "" for the default
    radii_m: tuple[int, ...] = ()  # the « près d'ici » choices: the page clusters them ahead, when idle

    def to_json(self) -> dict[str, Any]:
        return {
            "origin": list(self.origin),
            "attribution": f"{self.attribution} · {COMMUNES_CREDIT}",
            "minZoom": self.min_zoom,
            "maxZoom": self.max_zoom,
            "startZoom": self.start_zoom,
            "pictograms": dict(sorted(self.pictograms.items())),
            "theme": map_variables(NORMAL),  # for the first paint; the kiosk then sends its own
            "tiles": TILE_TEMPLATE,
            "radii": list(self.radii_m),
        }


@dataclass(frozen=True, slots=True)
class PageBuild:
    path: Path
    digest: str
    places: int
    seconds: float
    reused: bool
    ids: tuple[str, ...] = ()  # the places on the page, for the bridge to check what the page sends


def places_payload(places: Sequence[Place], origin: tuple[float, float]) -> list[dict[str, Any]]:
    """The places as the page needs them: short keys, the distance from the kiosk precomputed."""
    return [
        {
            "id": p.id,
            "lat": round(p.lat, 6),
            "lon": round(p.lon, 6),
            "c": p.category,
            "n": p.name.to_json(),
            "d": round(geo.distance_m(origin[0], origin[1], p.lat, p.lon)),
        }
        for p in places
    ]


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` can end or open a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


#: Our part of the page, as folium renders it: the data block, the links to our script, the call that starts it.
LAYER_TEMPLATE = """
{% macro header(this, kwargs) %}
<link rel="stylesheet" href="assets/markercluster/MarkerCluster.css"/>
<link rel="stylesheet" href="assets/kiosk-map.css"/>
<script src="assets/markercluster/markercluster.js"></script>
<script src="assets/QWEBCHANNEL"></script>
<script src="assets/kiosk-map.js"></script>
<script type="application/json" id="kiosk-data">{{ this.data }}</script>
{% endmacro %}
{% macro script(this, kwargs) %}
kioskMap.start({{ this._parent.get_name() }});
{% endmacro %}
""".replace("QWEBCHANNEL", QWEBCHANNEL_JS)

#: Stands for the places in a page template. ``script_json`` writes no ``<``, so no payload can contain it.
PLACES_MARK = "<kiosk-places/>"


@cache
def _page_classes() -> tuple[type[Any], type[Any]]:
    """folium's map with Leaflet from the local copy, and our layer.

    folium (with branca, jinja2 and numpy) takes ~0.4 s to import: it is imported here, by the worker that
    writes a new page, and never at start (an unchanged page is reused without it).
    """
    import folium  # noqa: PLC0415 - see the docstring
    from branca.element import MacroElement  # noqa: PLC0415

    class LocalMap(folium.Map):
        """folium's own class keeps its defaults."""

        default_js = [("leaflet", "assets/leaflet/leaflet.js")]  # noqa: RUF012 - folium reads it per class
        default_css = [("leaflet_css", "assets/leaflet/leaflet.css")]  # noqa: RUF012

    class KioskLayer(MacroElement):
        """Our part of the page: the data block, the links to our script, and the call that starts it."""

        def __init__(self, data: str) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "KioskLayer"
            self.data = data
            self._template = folium.template.Template(LAYER_TEMPLATE)

    return LocalMap, KioskLayer


def _digest(payload: str, spec: MapPageSpec) -> str:
    h = hashlib.sha256()
    h.update(payload.encode())
    h.update(json.dumps(spec.to_json(), sort_keys=True).encode())
    h.update(metadata.version("folium").encode())
    for source, _ in ASSETS:
        if source.is_file() and source.suffix in (".js", ".css"):
            h.update(source.read_bytes())
    return h.hexdigest()[:16]


def _write_atomically(target: Path, data: bytes) -> None:
    """Write through a temporary file of its own, then rename: a page open in the web view never reads half a file,
    and two builders of the same page (the map's worker, a screenshot's ``build_now``) never share a temporary."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        tmp.chmod(0o644)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def copy_assets(out_dir: Path) -> None:
    """Copy Leaflet, markercluster and our script next to the page (only what changed)."""
    missing = [str(s) for s, _ in ASSETS if not s.exists()]
    if missing:
        raise MissingAssetsError(f"map assets missing (run `make web`): {', '.join(missing)}")
    assets = out_dir / "assets"
    for source, relative in ASSETS:
        target = assets / relative
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
            continue
        if (
            target.is_file()
            and target.stat().st_size == source.stat().st_size
            and target.read_bytes() == (source.read_bytes())
        ):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(target, source.read_bytes())


def render_html(payload: str, spec: MapPageSpec) -> str:
    """The page's HTML (folium: the map and the commune outlines; our layer adds tiles and places)."""
    import folium  # noqa: PLC0415 - see _page_classes

    local_map, kiosk_layer = _page_classes()
    lat, lon = spec.origin
    fmap = local_map(
        location=[lat, lon],
        tiles=None,
        zoom_start=spec.start_zoom,
        min_zoom=spec.min_zoom,
        max_zoom=spec.max_zoom,
        zoom_control=False,
        prefer_canvas=False,
        control_scale=False,  # our script adds a metric-only scale
    )
    outlines = folium.GeoJson(
        json.loads(COMMUNES.read_text(encoding="utf-8")),
        name="communes",
        style_function=lambda _feature: {"weight": 2, "opacity": 0.55, "fillOpacity": 0.25},
        class_name="kiosk-communes",  # coloured by kiosk-map.css, from the theme's tokens
        interactive=False,
        embed=True,
    )
    outlines.add_to(fmap)
    kiosk_layer(payload).add_to(fmap)
    return str(fmap.get_root().render())


#: The argument that makes ``python -m kiosk`` (or the frozen kiosk) write one page and exit (render_child).
RENDER_CHILD_ARG = "--render-map-page"
CHILD_TIMEOUT_S = 300.0


class MapPageError(Exception):
    """The child process could not write the page; the message says why."""


def render_html_apart(payload: str, spec: MapPageSpec) -> str:
    """``render_html`` in a short-lived child process, for a kiosk that runs for weeks.

    folium brings branca, jinja2 and numpy (~30 MiB, and numpy's threads) that Python never gives back once
    imported; the page is written only when the places change, so paying a child's start (~0.5 s of CPU, on
    the other core) each time keeps them out of the kiosk's memory for good. The child gets the payload and the
    spec on its standard input and answers the HTML on its standard output; when it fails, dies or hangs, this
    raises ``MapPageError`` and the kiosk keeps the page it has.
    """
    frozen = getattr(sys, "frozen", False)
    command = [sys.executable, RENDER_CHILD_ARG] if frozen else [sys.executable, "-m", "kiosk", RENDER_CHILD_ARG]
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            command,
            input=pickle.dumps((payload, spec)),
            capture_output=True,
            timeout=CHILD_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MapPageError(f"the map page's child process did not finish: {exc}") from exc
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise MapPageError(f"the map page's child process failed ({done.returncode}): {said[-1] if said else '-'}")
    return done.stdout.decode("utf-8")


def render_child() -> int:
    """In the child process: read (payload, spec), write the page's HTML to standard output."""
    logging.basicConfig(level=logging.WARNING, format="map page child: %(message)s")
    try:
        payload, spec = pickle.loads(sys.stdin.buffer.read())  # noqa: S301 - from our own parent process
    except Exception as exc:
        log.error("expected the page's payload and spec on standard input: %s", exc)
        return 2
    if not isinstance(payload, str) or not isinstance(spec, MapPageSpec):
        log.error("expected the page's payload and spec on standard input")
        return 2
    try:
        html = render_html(payload, spec)
    except Exception:
        log.exception("the page could not be written")  # the traceback's last line is what the parent reports
        return 1
    sys.stdout.buffer.write(html.encode("utf-8"))
    return 0


def _template_digest(spec: MapPageSpec) -> str:
    """What a page template depends on: the map's settings, folium's version and our layer."""
    h = hashlib.sha256()
    h.update(json.dumps(spec.to_json(), sort_keys=True).encode())
    h.update(metadata.version("folium").encode())
    h.update(LAYER_TEMPLATE.encode())
    h.update(COMMUNES.read_bytes())
    return h.hexdigest()[:16]


def page_template(spec: MapPageSpec, out_dir: Path, render: Callable[[str, MapPageSpec], str] = render_html) -> str:
    """The page with ``PLACES_MARK`` where the places go, made by ``render`` once per map settings (kept in
    ``out_dir``): new places then make a new page without folium."""
    path = out_dir / f"template-{_template_digest(spec)}.html"
    out_dir.mkdir(parents=True, exist_ok=True)
    if path.is_file():
        return path.read_text(encoding="utf-8")
    html = render(PLACES_MARK, spec)
    if html.count(PLACES_MARK) != 1:
        raise MapPageError("the page template does not hold the places exactly once")
    _write_atomically(path, html.encode("utf-8"))
    for old in out_dir.glob("template-*.html"):
        if old != path:
            old.unlink(missing_ok=True)
    return html


def build_page(
    places: Sequence[Place],
    spec: MapPageSpec,
    out_dir: Path,
    render: Callable[[str, MapPageSpec], str] = render_html,
) -> PageBuild:
    """Write the page for ``places`` into ``out_dir`` unless the same page is already there.

    The places go into the page template (``page_template``); ``render`` makes that template when the map's
    settings are new (``render_html_apart`` in the kiosk: folium then runs in a child process).
    """
    started = time.perf_counter()
    data = {**spec.to_json(), "places": places_payload(places, spec.origin)}
    payload = script_json(data)
    digest = _digest(payload, spec)
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / f"places-{digest}.html"
    copy_assets(out_dir)
    reused = page.is_file()
    if not reused:
        html = page_template(spec, out_dir, render).replace(PLACES_MARK, payload)
        _write_atomically(page, html.encode("utf-8"))
        for old in out_dir.glob("places-*.html"):
            if old != page:
                old.unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    log.info(
        "map page %s: %d places, %s in %.0f ms",
        page.name,
        len(places),
        "reused" if reused else "written",
        seconds * 1000,
    )
    return PageBuild(page, digest, len(places), seconds, reused, tuple(p.id for p in places))
