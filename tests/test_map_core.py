"""The leisure map's Qt-free parts: distances and stops, the generated page, the tile cache and its fetching."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest

from kiosk.config import ConfigError, parse_config
from kiosk.content import geo
from kiosk.content.model import Place, Stop, Text
from kiosk.content.tiles import (
    PREFETCH_HARD_CAP,
    TILE_TEMPLATE,
    PrefetchRefusedError,
    Tile,
    TileCache,
    TileKey,
    TileSource,
    count_tiles,
    prefetch,
    tile_of,
    tiles_in,
)
from kiosk.map_page import MapPageSpec, build_page, script_json
from tests.helpers.http_server import FaultServer, Reply

HOSTILE = "</script><img src=x onerror=alert(1)>"
ORIGIN = (50.70400, 3.17250)  # the Champ Libre
PNG = b"\x89PNG\r\n\x1a\n" + b"tile" * 10


def place(pid: str, lat: float, lon: float, name: str = "Lieu", category: str = "musee") -> Place:
    return Place(id=pid, name=Text.of(name), category=category, lat=lat, lon=lon, source="t")


# -- distances, walking time, nearest stops --------------------------------------------------


def test_walking_time_is_the_straight_line_lengthened_for_streets_at_4_5_km_h() -> None:
    assert geo.walking_minutes(1000) == 18  # 1300 m at 75 m/min = 17.3 -> 18
    assert geo.walking_minutes(750) == 13  # 975 m -> 13
    assert geo.walking_minutes(0) == 1  # never "0 min"
    # One degree of latitude is 111.2 km on the IUGG mean sphere.
    assert geo.distance_m(50.0, 3.0, 51.0, 3.0) == pytest.approx(111_195, rel=1e-4)
    # The Champ Libre to Roubaix's Grand-Place (about 1.3 km as the crow flies).
    assert 1200 < geo.distance_m(*ORIGIN, 50.69060, 3.18120) < 1700


def test_the_three_nearest_stops_come_in_order_with_their_distance() -> None:
    stops = [
        Stop("far", "Loin", 50.7200, 3.1725, "gtfs", ("L1",)),
        Stop("near", "Union", 50.7045, 3.1725, "gtfs", ("32", "Z6")),
        Stop("mid", "Mairie", 50.7080, 3.1725, "gtfs"),
        Stop("next", "Eurotéléport", 50.7060, 3.1725, "gtfs", ("M2",)),
    ]
    nearest = geo.nearest(stops, *ORIGIN, count=3)
    assert [s.id for s, _ in nearest] == ["near", "next", "mid"]
    assert nearest[0][1] == pytest.approx(55.6, abs=0.5)  # 0.0005 degree of latitude


def test_the_route_url_opens_a_walking_route_on_openstreetmap() -> None:
    url = geo.walking_route_url(ORIGIN, (50.6906, 3.1812))
    assert url == (
        "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=50.70400%2C3.17250%3B50.69060%2C3.18120"
    )


# -- the page ------------------------------------------------------------------------------------


def spec() -> MapPageSpec:
    return MapPageSpec(origin=ORIGIN, attribution="© OpenStreetMap contributors", pictograms={"musee": "M", "": "P"})


def test_the_page_has_no_external_url_and_embeds_places_as_one_json_array(tmp_path: Path) -> None:
    places = [place(f"p{i}", 50.70 + i * 1e-4, 3.17, f"Lieu {i}") for i in range(300)]
    build = build_page(places, spec(), tmp_path)
    page = build.path.read_text(encoding="utf-8")
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", page)
    assert urls and all(not re.match(r"^[a-z]+:", u) and not u.startswith("//") for u in urls), urls
    assert not re.search(r"https?://", page)
    assert re.findall(r"[a-z-]+:\{z\}[^\"]*", page) == [TILE_TEMPLATE]  # the tiles' template, the kiosk's scheme
    assert page.count('id="kiosk-data"') == 1
    assert "L.marker(" not in page  # no folium.Marker per place: our script clusters the array
    assert (tmp_path / "assets" / "leaflet" / "leaflet.js").is_file()
    assert (tmp_path / "assets" / "markercluster" / "markercluster.js").is_file()
    assert "IGN Admin Express, Licence Ouverte" in page


def test_a_hostile_name_cannot_close_the_data_block(tmp_path: Path) -> None:
    page = build_page([place("x", 50.7, 3.17, HOSTILE)], spec(), tmp_path).path.read_text(encoding="utf-8")
    assert HOSTILE not in page
    assert "\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e" in page
    assert script_json({"a": "<&>\u2028"}) == '{"a":"\\u003c\\u0026\\u003e\\u2028"}'


def test_the_page_is_written_again_only_when_the_places_change(tmp_path: Path) -> None:
    places = [place("a", 50.7, 3.17), place("b", 50.71, 3.18)]
    first = build_page(places, spec(), tmp_path)
    again = build_page(list(places), spec(), tmp_path)
    assert again.reused and again.path == first.path
    changed = build_page([*places, place("c", 50.72, 3.19)], spec(), tmp_path)
    assert not changed.reused and changed.path != first.path
    assert sorted(p.name for p in tmp_path.glob("places-*.html")) == [changed.path.name]


# -- tiles ------------------------------------------------------------------------------------------


def test_two_builders_of_the_same_page_at_once_both_succeed(tmp_path: Path) -> None:
    """The map's worker and a screenshot's build_now may write the same page together: each through its own
    temporary file, so neither finds its file gone, and the page is whole."""
    places = [place("a", 50.70, 3.17), place("b", 50.71, 3.18)]
    size = len(build_page(places, spec(), tmp_path / "alone").path.read_bytes())  # folium's ids vary, not the size
    failures: list[BaseException] = []
    for run in range(4):
        folder = tmp_path / f"run-{run}"
        start = threading.Barrier(2)

        def build(start: threading.Barrier = start, folder: Path = folder) -> None:
            start.wait()
            try:
                build_page(places, spec(), folder)
            except BaseException as exc:
                failures.append(exc)

        threads = [threading.Thread(target=build) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        pages = list(folder.glob("places-*.html"))
        assert len(pages) == 1 and len(pages[0].read_bytes()) == size
        assert not list(folder.glob(".*.tmp")), "a temporary file was left behind"


def test_a_tile_url_names_a_real_tile_or_nothing() -> None:
    assert TILE_TEMPLATE == "kiosk-tile:{z}/{x}/{y}"
    assert TileKey.from_path("15/16672/11012") == TileKey(15, 16672, 11012)
    assert TileKey.from_path("0/0/0") == TileKey(0, 0, 0)
    for bad in ("", "15/16672", "15/1/2/3", "../1/2", "15/-1/2", "15/32768/0", "23/0/0", "1/0/0.png", "١/0/0"):
        assert TileKey.from_path(bad) is None, bad


def test_the_cache_uses_the_mbtiles_layout_with_rows_from_the_south(tmp_path: Path) -> None:
    cache = TileCache(tmp_path / "t.mbtiles")
    source = TileSource(cache, "http://127.0.0.1:9/{z}/{x}/{y}.png", "test", online=False)
    key = TileKey(3, 4, 1)
    assert source.get(key) is None

    cache.put(key, Tile(PNG, 1e12, None))
    with sqlite3.connect(tmp_path / "t.mbtiles") as db:
        rows = db.execute("SELECT zoom_level, tile_column, tile_row FROM tiles").fetchall()
        names = {r[0] for r in db.execute("SELECT name FROM metadata")}
    assert rows == [(3, 4, 6)]  # 2**3 - 1 - 1
    assert {"name", "format"} <= names
    assert source.get(key) == PNG


def test_a_missing_tile_is_fetched_once_with_the_kiosk_user_agent(tmp_path: Path, fault_server: FaultServer) -> None:
    fault_server.route("/15/16676/10944.png", Reply(body=PNG, headers={"Cache-Control": "max-age=60", "ETag": '"a"'}))
    now = [1000.0]
    source = TileSource(
        TileCache(tmp_path / "t.mbtiles"), fault_server.url("/{z}/{x}/{y}.png"), "LIVE-kiosk/test", clock=lambda: now[0]
    )
    key = TileKey(15, 16676, 10944)
    assert source.get(key) == PNG
    assert source.get(key) == PNG
    assert fault_server.hits("/15/16676/10944.png") == 1  # the second one came from the cache
    assert fault_server.seen("/15/16676/10944.png")[0].headers["user-agent"] == "LIVE-kiosk/test"
    now[0] += 8 * 86400  # kept at least a week whatever max-age says, then revalidated with the ETag
    fault_server.route("/15/16676/10944.png", Reply(body=PNG, etag='"a"'))
    assert source.get(key) == PNG
    assert fault_server.seen("/15/16676/10944.png")[-1].headers.get("if-none-match") == '"a"'


def test_a_server_that_fails_is_left_alone_for_a_while(tmp_path: Path, fault_server: FaultServer) -> None:
    fault_server.route("/1/0/0.png", Reply(status=503))
    now = [0.0]
    source = TileSource(
        TileCache(tmp_path / "t.mbtiles"), fault_server.url("/{z}/{x}/{y}.png"), "t", clock=lambda: now[0]
    )
    assert source.get(TileKey(1, 0, 0)) is None
    assert source.get(TileKey(1, 0, 1)) is None
    assert len(fault_server.requests) == 1
    now[0] += 120
    fault_server.route("/1/0/1.png", Reply(body=PNG))
    assert source.get(TileKey(1, 0, 1)) == PNG


def test_prefetch_is_bounded_and_refuses_a_larger_area(tmp_path: Path, fault_server: FaultServer) -> None:
    bbox = (50.70, 3.17, 50.705, 3.175)
    for key in tiles_in(bbox, (14, 15)):
        fault_server.route(f"/{key.z}/{key.x}/{key.y}.png", Reply(body=PNG))
    source = TileSource(TileCache(tmp_path / "t.mbtiles"), fault_server.url("/{z}/{x}/{y}.png"), "t")
    total = count_tiles(bbox, (14, 15))
    assert prefetch(source, bbox, (14, 15), max_tiles=100, pause=0) == (total, 0)
    assert prefetch(source, bbox, (14, 15), max_tiles=100, pause=0) == (0, total)
    with pytest.raises(PrefetchRefusedError):
        prefetch(source, bbox, (14, 15), max_tiles=total - 1, pause=0)
    with pytest.raises(PrefetchRefusedError, match="hard cap"):
        prefetch(source, (50.0, 3.0, 51.0, 4.0), (10, 16), max_tiles=10**9, pause=0)
    assert count_tiles((50.0, 3.0, 51.0, 4.0), (10, 16)) > PREFETCH_HARD_CAP
    assert tile_of(*ORIGIN, 15) == (16672, 11012)  # (3.1725 + 180) / 360 * 2**15 = 16672.9


def test_the_map_section_is_checked(tmp_path: Path) -> None:
    base = '[kiosk]\nid = "t"\nlocation = { name = "Ici", lat = 50.7, lon = 3.17 }\n'
    config = parse_config(base, base_dir=tmp_path)
    assert config.map.attribution == "© OpenStreetMap contributors"
    with pytest.raises(ConfigError, match=r"map.tile_url: .*\{x\}"):
        parse_config(base + '[map]\ntile_url = "https://tiles.example.org/{z}/{y}.png"\n', base_dir=tmp_path)
    with pytest.raises(ConfigError, match="start_zoom"):
        parse_config(base + "[map]\nstart_zoom = 8\nmin_zoom = 11\n", base_dir=tmp_path)
