"""Map tiles: an on-disk cache in the MBTiles layout, and polite fetching from the tile server.

The cache is one SQLite file with MBTiles' ``metadata`` and ``tiles`` tables (``tile_row`` counted
from the south, TMS style, so the file opens in any MBTiles tool), plus a ``tile_state`` table of
our own holding each tile's expiry and ETag.

The default server is OpenStreetMap's, whose tile usage policy we follow
(operations.osmfoundation.org/policies/tiles): a User-Agent naming the kiosk, at most two
connections, tiles kept at least a week and revalidated with their ETag after that, no bulk
download (``prefetch`` covers only the configured area and zooms, and refuses more than
``PREFETCH_HARD_CAP`` tiles), and a pause after a failure instead of hammering a server that is down.
"""

from __future__ import annotations

import logging
import math
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.http import LazySession

if TYPE_CHECKING:  # imported by the first download, in a worker (docs/performance.md)
    import requests

log = logging.getLogger(__name__)

#: The most tiles ``prefetch`` ever downloads in one run, whatever it is asked.
PREFETCH_HARD_CAP = 3000
#: At most this many downloads at once (OpenStreetMap's policy: two).
MAX_CONNECTIONS = 2
#: After a failed download, serve only the cache for this long.
BACKOFF_SECONDS = 60.0
MAX_TILE_BYTES = 512 * 1024
MIN_ZOOM, MAX_ZOOM = 0, 22
#: The URL scheme the map page asks its tiles from (served by ``kiosk.services.tiles.TileService``).
TILE_SCHEME = "kiosk-tile"
#: The page's tile template: the only URL in the generated page that is not one of its own files.
TILE_TEMPLATE = TILE_SCHEME + ":{z}/{x}/{y}"

_MAX_AGE = re.compile(r"max-age=(\d+)")


@dataclass(frozen=True, slots=True, order=True)
class TileKey:
    """A tile in the XYZ scheme the web map asks for (row 0 at the north)."""

    z: int
    x: int
    y: int

    @property
    def valid(self) -> bool:
        return MIN_ZOOM <= self.z <= MAX_ZOOM and 0 <= self.x < 2**self.z and 0 <= self.y < 2**self.z

    @property
    def tms_row(self) -> int:
        return int(2**self.z - 1 - self.y)

    @classmethod
    def from_path(cls, path: str) -> TileKey | None:
        """The tile a ``TILE_TEMPLATE`` URL's path names (``"15/16672/11012"``), or None if it names none."""
        parts = path.split("/")
        if len(parts) != 3 or not all(p.isascii() and p.isdigit() and len(p) <= 8 for p in parts):
            return None
        key = cls(int(parts[0]), int(parts[1]), int(parts[2]))
        return key if key.valid else None


@dataclass(frozen=True, slots=True)
class Tile:
    data: bytes
    expires_at: float
    etag: str | None

    def fresh(self, now: float) -> bool:
        return now < self.expires_at


def tile_of(lat: float, lon: float, zoom: int) -> tuple[int, int]:
    """The (x, y) of the tile holding a point at ``zoom`` (Web Mercator, slippy-map numbering)."""
    n = 2**zoom
    lat = max(-85.0511, min(85.0511, lat))
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return min(n - 1, max(0, x)), min(n - 1, max(0, y))


def tiles_in(bbox: tuple[float, float, float, float], zooms: tuple[int, int]) -> Iterator[TileKey]:
    """Every tile covering ``bbox`` (south, west, north, east) from zoom ``zooms[0]`` to ``zooms[1]``."""
    south, west, north, east = bbox
    for z in range(zooms[0], zooms[1] + 1):
        x0, y0 = tile_of(north, west, z)
        x1, y1 = tile_of(south, east, z)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                yield TileKey(z, x, y)


def count_tiles(bbox: tuple[float, float, float, float], zooms: tuple[int, int]) -> int:
    total = 0
    south, west, north, east = bbox
    for z in range(zooms[0], zooms[1] + 1):
        x0, y0 = tile_of(north, west, z)
        x1, y1 = tile_of(south, east, z)
        total += (x1 - x0 + 1) * (y1 - y0 + 1)
    return total


class TileCache:
    """The MBTiles file. One connection per call, so any thread may use it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db, db:
            db.execute("CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
                " tile_data BLOB, PRIMARY KEY (zoom_level, tile_column, tile_row))"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS tile_state (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
                " expires_at REAL, etag TEXT, PRIMARY KEY (zoom_level, tile_column, tile_row))"
            )
            for name, value in (("name", "live-kiosk tiles"), ("format", "png"), ("type", "baselayer")):
                db.execute("INSERT OR IGNORE INTO metadata VALUES (?, ?)", (name, value))

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def get(self, key: TileKey) -> Tile | None:
        with closing(self._connect()) as db:
            row = db.execute(
                "SELECT t.tile_data, s.expires_at, s.etag FROM tiles t LEFT JOIN tile_state s"
                " ON s.zoom_level = t.zoom_level AND s.tile_column = t.tile_column AND s.tile_row = t.tile_row"
                " WHERE t.zoom_level = ? AND t.tile_column = ? AND t.tile_row = ?",
                (key.z, key.x, key.tms_row),
            ).fetchone()
        if row is None:
            return None
        return Tile(bytes(row[0]), float(row[1] or 0.0), row[2])

    def put(self, key: TileKey, tile: Tile) -> None:
        where = (key.z, key.x, key.tms_row)
        with closing(self._connect()) as db, db:
            db.execute("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)", (*where, tile.data))
            db.execute("INSERT OR REPLACE INTO tile_state VALUES (?, ?, ?, ?, ?)", (*where, tile.expires_at, tile.etag))

    def touch(self, key: TileKey, expires_at: float) -> None:
        """The server said 304: the cached tile is good until ``expires_at``."""
        with closing(self._connect()) as db, db:
            db.execute(
                "UPDATE tile_state SET expires_at = ? WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                (expires_at, key.z, key.x, key.tms_row),
            )

    def count(self) -> int:
        with closing(self._connect()) as db:
            return int(db.execute("SELECT COUNT(*) FROM tiles").fetchone()[0])


class TileSource:
    """Answers a tile from the cache, fetching it upstream when missing or stale and the server is reachable.

    Blocking: call it from a worker thread. At most ``MAX_CONNECTIONS`` downloads run at once.
    """

    def __init__(
        self,
        cache: TileCache,
        url_template: str,
        user_agent: str,
        *,
        online: bool = True,
        min_cache_days: float = 7,
        timeout: float = 10,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.cache = cache
        self._template = url_template
        self._online = online
        self._min_ttl = min_cache_days * 86400
        self._timeout = timeout
        self._clock = clock
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        self._session = LazySession(user_agent)
        self._quiet_until = 0.0
        self._lock = threading.Lock()
        self.downloads = 0

    def close(self) -> None:
        self._session.close()

    def url(self, key: TileKey) -> str:
        return self._template.replace("{z}", str(key.z)).replace("{x}", str(key.x)).replace("{y}", str(key.y))

    def get(self, key: TileKey) -> bytes | None:
        """The tile's PNG bytes, or None when it is neither cached nor reachable."""
        if not key.valid:
            return None
        cached = self.cache.get(key)
        now = self._clock()
        if cached is not None and cached.fresh(now):
            return cached.data
        fetched = self._fetch(key, cached)
        if fetched is not None:
            return fetched
        return cached.data if cached is not None else None

    def reachable(self) -> bool:
        with self._lock:
            return self._online and self._clock() >= self._quiet_until

    def _fetch(self, key: TileKey, cached: Tile | None) -> bytes | None:
        if not self.reachable():
            return None
        headers = {"If-None-Match": cached.etag} if cached is not None and cached.etag else {}
        with self._slots:
            if not self.reachable():  # a download that failed while this one waited for its slot
                return None
            import requests  # noqa: PLC0415 - see _http

            try:
                http = self._session.get()
                with http.get(self.url(key), headers=headers, timeout=self._timeout, stream=True) as reply:
                    return self._receive(key, cached, reply)
            except (requests.RequestException, OSError) as exc:
                log.info("tile server unreachable (%s); serving the cache for %.0f s", exc, BACKOFF_SECONDS)
                self._back_off()
                return None

    def _receive(self, key: TileKey, cached: Tile | None, reply: requests.Response) -> bytes | None:
        """The server's answer: a new tile (cached), the cached one confirmed (304), or nothing."""
        if reply.status_code == 304 and cached is not None:
            self.cache.touch(key, self._expiry(reply))
            return cached.data
        if reply.status_code != 200:
            log.warning("tile %s: HTTP %s", key, reply.status_code)
            if reply.status_code in (403, 429) or reply.status_code >= 500:
                self._back_off()
            return None
        data = reply.raw.read(MAX_TILE_BYTES + 1, decode_content=True)
        if len(data) > MAX_TILE_BYTES:
            log.warning("tile %s: larger than %d bytes, refused", key, MAX_TILE_BYTES)
            return None
        tile = Tile(data, self._expiry(reply), reply.headers.get("ETag"))
        self.downloads += 1
        self.cache.put(key, tile)
        return tile.data

    def _back_off(self) -> None:
        with self._lock:
            self._quiet_until = self._clock() + BACKOFF_SECONDS

    def _expiry(self, reply: requests.Response) -> float:
        """When to ask again: the server's own expiry, but never sooner than the minimum cache time."""
        now = self._clock()
        ttl = 0.0
        if match := _MAX_AGE.search(reply.headers.get("Cache-Control", "")):
            ttl = float(match.group(1))
        elif expires := reply.headers.get("Expires"):
            try:
                ttl = parsedate_to_datetime(expires).timestamp() - now
            except (TypeError, ValueError):
                ttl = 0.0
        return now + max(ttl, self._min_ttl)


class PrefetchRefusedError(Exception):
    """The area asked for holds more tiles than allowed."""


def prefetch(
    source: TileSource,
    bbox: tuple[float, float, float, float],
    zooms: tuple[int, int],
    max_tiles: int,
    *,
    pause: float = 0.2,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[int, int]:
    """Fill the cache for offline use, one tile at a time; returns (downloaded, already cached).

    Refuses (``PrefetchRefusedError``) when the area holds more than ``max_tiles`` or ``PREFETCH_HARD_CAP``.
    """
    total = count_tiles(bbox, zooms)
    limit = min(max_tiles, PREFETCH_HARD_CAP)
    if total > limit:
        raise PrefetchRefusedError(
            f"the area holds {total} tiles at zooms {zooms[0]}-{zooms[1]}, more than the limit of {limit}"
            f" (--max-tiles {max_tiles}, hard cap {PREFETCH_HARD_CAP}): narrow the bbox or the zooms"
        )
    downloaded = cached = 0
    now = time.time()
    for key in tiles_in(bbox, zooms):
        tile = source.cache.get(key)
        if tile is not None and tile.fresh(now):
            cached += 1
            continue
        before = source.downloads
        if source.get(key) is None and not source.reachable():
            log.warning("prefetch stopped: the tile server is not answering")
            break
        if source.downloads > before:
            downloaded += 1
            sleep(pause)
    return downloaded, cached
