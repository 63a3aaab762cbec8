"""Giving freed memory back to the system, for a kiosk that runs for weeks.

CPython and Qt free many small blocks with ``free()``; glibc keeps the pages of a heap whose top is still in
use, so a process that rebuilds its screens and re-reads its content now and then sees its resident memory
creep up without any leak (docs/performance.md, « soak »). ``malloc_trim(0)`` hands those free pages back.
Where there is no glibc (another C library, another system) this does nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys
import time
from collections.abc import Callable
from functools import cache

log = logging.getLogger(__name__)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_memory() -> bool:
    """Return the C heap's free pages to the system; True if some were (False where it cannot be done)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    started = time.perf_counter()
    released = bool(trim(0))
    log.debug("free memory handed back (%s) in %.1f ms", released, (time.perf_counter() - started) * 1000)
    return released
