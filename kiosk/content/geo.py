"""Distances and walking times, from the kiosk to a place.

Straight-line (great-circle) distance with the haversine formula on a spherical Earth of mean
radius 6,371,008.8 m (IUGG). Walking time assumes 4.5 km/h and a detour factor of 1.3 between
the straight line and the streets actually walked, a common planning figure for dense towns.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

EARTH_RADIUS_M = 6_371_008.8
WALK_SPEED_M_PER_MIN = 4500 / 60
DETOUR_FACTOR = 1.3


class Located(Protocol):
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


T = TypeVar("T", bound=Located)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def walking_minutes(metres: float) -> int:
    """Minutes on foot for a straight-line distance, rounded up (at least 1)."""
    return max(1, math.ceil(metres * DETOUR_FACTOR / WALK_SPEED_M_PER_MIN))


def by_distance(items: Iterable[T], lat: float, lon: float) -> list[tuple[T, float]]:
    """Items with their distance from (lat, lon), nearest first."""
    return sorted(((i, distance_m(lat, lon, i.lat, i.lon)) for i in items), key=lambda p: p[1])


def nearest(items: Sequence[T], lat: float, lon: float, count: int = 3) -> list[tuple[T, float]]:
    return by_distance(items, lat, lon)[:count]


def walking_route_url(origin: tuple[float, float], target: tuple[float, float]) -> str:
    """The walking route from ``origin`` to ``target`` on openstreetmap.org (FOSSGIS OSRM, on foot)."""
    (lat1, lon1), (lat2, lon2) = origin, target
    return (
        "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot"
        f"&route={lat1:.5f}%2C{lon1:.5f}%3B{lat2:.5f}%2C{lon2:.5f}"
    )
