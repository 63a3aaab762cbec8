"""How much each benchmark does: the issue's sizes by default, far less with BENCH_QUICK=1 (or in the tests).

Every count can be set on its own from the environment (BENCH_RUNS, BENCH_SWITCHES, BENCH_SOAK_CYCLES,
BENCH_SOAK_WARMUP, BENCH_EVENTS, BENCH_PLACES, BENCH_ICAL_EVENTS, BENCH_PROCESS_RUNS).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Settings:
    runs: int = 7  # in-process repetitions of one measurement
    process_runs: int = 5  # fresh processes for the cold measurements (start, first map load, chromium)
    switches: int = 200
    soak_cycles: int = 2000
    soak_warmup: int = 400  # soak cycles before the memory is first measured (caches filling: docs/performance.md)
    events: int = 10_000
    places: int = 5_000
    ical_events: int = 500


QUICK = Settings(runs=3, process_runs=2, switches=40, soak_cycles=150, soak_warmup=100)
TINY = Settings(runs=1, process_runs=1, switches=7, soak_cycles=3, soak_warmup=1, events=20, places=30, ical_events=5)


def from_environment(env: Mapping[str, str] = os.environ) -> Settings:
    base = QUICK if env.get("BENCH_QUICK", "") not in ("", "0") else Settings()
    overrides = {f.name: int(env[key]) for f in fields(Settings) if (key := f"BENCH_{f.name.upper()}") in env}
    return replace(base, **overrides)
