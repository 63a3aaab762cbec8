"""What every benchmark needs: a figure (samples -> median, min, max), clocks, and the memory of a process tree.

Memory is read from /proc (Linux): the resident set (RSS) of a process and of all its descendants,
summed, which counts shared pages once per process (an upper bound); the proportional set (PSS),
which shares them out (also with processes outside the tree); and, as root, the tree's physical pages
each counted once (``tree_unique_mb``), which no other process changes.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROC = Path("/proc")


@dataclass
class Figure:
    """One measured quantity: its samples and, when the issue sets one, its budget (lower is better)."""

    name: str
    unit: str
    samples: list[float] = field(default_factory=list)
    budget: float | None = None
    note: str = ""
    kind: str = "median"  # "median", "p50", "p95", "ratio" or "value": which statistic is compared to the budget

    @property
    def value(self) -> float | None:
        if not self.samples:
            return None
        if self.kind in ("p50", "p95"):
            return percentile(self.samples, 50 if self.kind == "p50" else 95)
        return statistics.median(self.samples)

    @property
    def within_budget(self) -> bool | None:
        value = self.value
        if self.budget is None or value is None:
            return None
        if self.kind == "ratio":  # a ratio (theirs / ours) must reach its budget
            return value >= self.budget
        return value <= self.budget

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "statistic": self.kind,
            "value": _round(self.value),
            "min": _round(min(self.samples)) if self.samples else None,
            "max": _round(max(self.samples)) if self.samples else None,
            "runs": len(self.samples),
            "budget": self.budget,
            "within_budget": self.within_budget,
            "note": self.note,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def percentile(samples: Sequence[float], p: float) -> float:
    """The p-th percentile, linear between the two nearest ranks."""
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def timed_ms(action: Callable[[], object], runs: int) -> list[float]:
    """Run ``action`` ``runs`` times; the wall time of each run in milliseconds."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(ms_since(started))
    return samples


# -- memory of a process tree ---------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in (PROC / str(pid) / "task").glob("*"):
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def tree(pid: int) -> list[int]:
    """``pid`` and every descendant (QtWebEngineProcess, its zygotes and GPU process, chromium's renderers...)."""
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo.extend(_children(current))
    return pids


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MiB (0 when it is gone)."""
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def pss_mb(pid: int) -> float:
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


_PRESENT = 1 << 63
_PFN = (1 << 55) - 1
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _resident_ranges(pid: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each mapping of ``pid`` with resident pages (from smaps: most of Chromium's reserved
    address space has none, and is skipped)."""
    start = end = 0
    for line in (PROC / str(pid) / "smaps").read_text().splitlines():
        head = line.split(maxsplit=1)[0]
        if "-" in head and not head.endswith(":"):
            low, high = head.split("-")
            start, end = int(low, 16), int(high, 16)
        elif head == "Rss:" and int(line.split()[1]) > 0:
            yield start, end


def frames(pid: int) -> set[int]:
    """The physical page frames resident in ``pid`` (needs root: others read zeros, and get an empty set)."""
    found: set[int] = set()
    try:
        with (PROC / str(pid) / "pagemap").open("rb") as pagemap:
            for start, end in _resident_ranges(pid):
                pagemap.seek(start // _PAGE * 8)
                entries = memoryview(pagemap.read((end - start) // _PAGE * 8)).cast("Q")
                found.update(e & _PFN for e in entries if e & _PRESENT)
    except OSError:
        return set()
    found.discard(0)
    return found


def tree_unique_mb(pid: int | None = None) -> float:
    """The memory a process tree holds, each physical page counted once however many of its processes map it,
    and whatever other processes map it too (unlike PSS, which shares a page out with processes outside the
    tree: the same tree reads less while another Qt program runs). Root only: 0 otherwise."""
    pages: set[int] = set()
    for member in tree(pid or os.getpid()):
        pages |= frames(member)
    return len(pages) * _PAGE / 1024 / 1024


def tree_rss_mb(pid: int | None = None) -> float:
    return sum(rss_mb(p) for p in tree(pid or os.getpid()))


def tree_pss_mb(pid: int | None = None) -> float:
    return sum(pss_mb(p) for p in tree(pid or os.getpid()))


class PeakSampler:
    """Samples the summed RSS of a process tree every ``interval`` seconds in a thread; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_mb = 0.0
        self.last_mb = 0.0
        self.processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="peak-memory", daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = tree(self.pid)
            self.last_mb = sum(rss_mb(p) for p in pids)
            self.peak_mb = max(self.peak_mb, self.last_mb)
            self.processes = max(self.processes, len(pids))
            self._stop.wait(self.interval)

    def start(self) -> PeakSampler:
        self._thread.start()
        return self

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb


@contextmanager
def sampling(pid: int, interval: float = 0.02) -> Iterator[PeakSampler]:
    sampler = PeakSampler(pid, interval).start()
    try:
        yield sampler
    finally:
        sampler.stop()
