"""Checks of the bundled leisure places (resources/content/places.json).

The point-in-polygon test uses plain ray casting against the commune boundaries the map bundles,
resources/web/communes-roubaix-tourcoing.geojson (a copy of ../shared/data's; IGN Admin Express, Licence Ouverte).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
PLACES_PATH = REPO_ROOT / "resources" / "content" / "places.json"
COMMUNES_PATH = REPO_ROOT / "resources" / "web" / "communes-roubaix-tourcoing.geojson"

ALLOWED_CATEGORIES = {
    "musee",
    "parc",
    "piscine",
    "bibliotheque",
    "cinema",
    "sport",
    "famille",
    "spectacle",
    "patrimoine",
    "tiers-lieu",
}
ALLOWED_ACCESSIBILITY = {"hi", "vi", "pi", "mi", "ii"}
# Communes whose boundary is not in the shared file: a place there cannot be checked.
COMMUNES_OUTSIDE_FILE_LIMIT = 2

Ring = list[tuple[float, float]]


def _load_places() -> list[dict[str, Any]]:
    places: list[dict[str, Any]] = json.loads(PLACES_PATH.read_text(encoding="utf-8"))["places"]
    return places


def _load_communes() -> dict[str, list[list[Ring]]]:
    """Commune name -> list of polygons, each a list of rings (outer first), as (lon, lat) pairs."""
    data = json.loads(COMMUNES_PATH.read_text(encoding="utf-8"))
    communes: dict[str, list[list[Ring]]] = {}
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        communes.setdefault(feature["properties"]["nom"], []).extend(
            [[[(float(x), float(y)) for x, y, *_ in ring] for ring in polygon] for polygon in polygons]
        )
    return communes


def _in_ring(lon: float, lat: float, ring: Ring) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _in_polygon(lon: float, lat: float, polygon: list[Ring]) -> bool:
    outer, *holes = polygon
    return _in_ring(lon, lat, outer) and not any(_in_ring(lon, lat, hole) for hole in holes)


def commune_of(lon: float, lat: float, communes: dict[str, list[list[Ring]]]) -> str | None:
    for name, polygons in communes.items():
        if any(_in_polygon(lon, lat, polygon) for polygon in polygons):
            return name
    return None


def _address_commune(address: str) -> str:
    match = re.search(r"\b\d{5}\s+(.+)$", address)
    assert match, f"no postcode and commune in address {address!r}"
    return match.group(1).strip()


def _norm(name: str) -> str:
    return name.replace("œ", "oe").replace("Œ", "Oe").replace("’", "'").casefold()


def test_places_count_ids_and_champ_libre() -> None:
    places = _load_places()
    assert len(places) >= 45
    ids = [place["id"] for place in places]
    assert len(ids) == len(set(ids)), "duplicate ids"
    champ_libre = [place for place in places if place["id"] == "champ-libre"]
    assert len(champ_libre) == 1
    assert champ_libre[0]["category"] == "tiers-lieu"


def test_places_fields() -> None:
    for place in _load_places():
        assert place["category"] in ALLOWED_CATEGORIES, place["id"]
        assert set(place["accessibility"]) <= ALLOWED_ACCESSIBILITY, place["id"]
        assert place["name"].get("fr"), place["id"]
        assert {"fr", "en", "nl"} <= set(place["description"]), place["id"]
        assert {"fr", "en", "nl"} <= set(place["opening_hours"]), place["id"]
        assert round(place["lat"], 5) == place["lat"], place["id"]
        assert round(place["lon"], 5) == place["lon"], place["id"]
        assert place["url"] is None or place["url"].startswith(("https://", "http://")), place["id"]


def test_places_fall_in_the_commune_of_their_address() -> None:
    communes = _load_communes()
    known = {_norm(name) for name in communes}
    mismatches, unchecked = [], []
    for place in _load_places():
        expected = _address_commune(place["address"])
        if _norm(expected) not in known:
            unchecked.append(place["id"])
            continue
        found = commune_of(place["lon"], place["lat"], communes)
        if found is None or _norm(found) != _norm(expected):
            mismatches.append(f"{place['id']}: address in {expected}, point in {found}")
    assert not mismatches, "\n".join(mismatches)
    assert len(unchecked) <= COMMUNES_OUTSIDE_FILE_LIMIT, unchecked


if __name__ == "__main__":  # pragma: no cover - manual report
    shared = _load_communes()
    for item in _load_places():
        where = commune_of(item["lon"], item["lat"], shared)
        flag = "" if where and _norm(where) == _norm(_address_commune(item["address"])) else "  <-- MISMATCH"
        print(f"{item['id']:38s} {item['category']:12s} {where}{flag}")  # noqa: T201
