"""``python -m benchmarks``: every suite in its own process, then results.json and a table.

Each suite runs in a fresh Python process (``python -m benchmarks --child SUITE``): the kiosk's
memory and Qt objects are measured alone, and a crash in one suite is reported without losing the
others. Settings come from the environment (see ``benchmarks/settings.py``); BENCH_SUITES=a,b runs
only those suites.

Exit code: 0 when every budget is met, 2 when one is missed (each printed on a ``MISSED:`` line), 1 when
a suite failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from importlib import import_module, metadata
from pathlib import Path
from typing import Any

from benchmarks.measure import Figure
from benchmarks.settings import Settings, from_environment

log = logging.getLogger("benchmarks")

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"
#: suite name -> "module:function"
SUITES = {
    "content": "benchmarks.content:run",
    "cold_start": "benchmarks.cold_start:run",
    "switches": "benchmarks.kiosk_ui:run_switches",
    "map": "benchmarks.map:run",
    "soak": "benchmarks.kiosk_ui:run_soak",
}


def suite_function(name: str) -> Callable[[Settings], list[Figure]]:
    module, function = SUITES[name].split(":")
    found: Callable[[Settings], list[Figure]] = getattr(import_module(module), function)
    return found


def run_child(name: str, settings: Settings, out: Path) -> None:
    """In the child process: run one suite and write its figures as JSON."""
    figures = suite_function(name)(settings)
    out.write_text(json.dumps([asdict(f) for f in figures], ensure_ascii=False))


def run_suite(name: str, settings: Settings) -> tuple[list[Figure], str | None]:
    out = HERE / f".{name}.json"
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    env = dict(os.environ, **{f"BENCH_{k.upper()}": str(v) for k, v in asdict(settings).items()})
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--child", name, "--out", str(out)], env=env, check=False
    )
    log.info("suite %s: %.0f s", name, time.perf_counter() - started)
    if not out.is_file():
        return [], f"suite {name} failed (exit code {done.returncode})"
    figures = [Figure(**raw) for raw in json.loads(out.read_text())]
    out.unlink()
    return figures, None


def machine() -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": round(int(memory.split()[1]) / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": metadata.version("PySide6"),
        "folium": metadata.version("folium"),
        "load_average_at_start": os.getloadavg(),
    }


def budget_text(f: Figure) -> str:
    if f.budget is None:
        return ""
    return f"≥ {f.budget:g} {f.unit}" if f.kind == "ratio" else f"≤ {f.budget:g} {f.unit}"


def table(figures: list[Figure]) -> str:
    rows = [("figure", "value", "min", "max", "runs", "budget", "")]
    for f in figures:
        j = f.to_json()
        value = "—" if j["value"] is None else f"{j['value']:.1f} {f.unit}"
        verdict = {True: "ok", False: "MISSES", None: ""}[f.within_budget]
        budget = budget_text(f)
        rows.append(
            (
                f"{f.name} [{f.kind}]",
                value,
                "" if j["min"] is None else f"{j['min']:.1f}",
                "" if j["max"] is None else f"{j['max']:.1f}",
                str(j["runs"]),
                budget,
                verdict,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in rows)


def verdict(figures: list[Figure], failures: list[str]) -> tuple[list[str], int]:
    """A ``MISSED:`` line per budget missed and a ``FAILED:`` line per failed suite; the exit code."""
    missed = [f for f in figures if f.within_budget is False]
    lines = [f"MISSED: {f.name}: {f.value:.1f} {f.unit}, budget {budget_text(f)}" for f in missed]
    lines += [f"FAILED: {failure}" for failure in failures]
    lines.append(f"{sum(f.within_budget is True for f in figures)} budgets met, {len(missed)} missed")
    if failures:
        return lines, 1
    return lines, 2 if missed else 0  # a missed budget fails the run too, with its own code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--child", choices=sorted(SUITES))
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    settings = from_environment()
    if args.child:
        run_child(args.child, settings, args.out)
        sys.stdout.flush()
        os._exit(0)  # see benchmarks.kiosk_ui.NoneBallast: no interpreter teardown after PySide6 6.12.0
    chosen = [s for s in os.environ.get("BENCH_SUITES", ",".join(SUITES)).split(",") if s]
    figures: list[Figure] = []
    failures: list[str] = []
    started = time.perf_counter()
    for name in chosen:
        got, failure = run_suite(name, settings)
        figures += got
        if failure:
            failures.append(failure)
    about = machine()
    about["load_average_at_end"] = os.getloadavg()
    report = {
        "machine": about,
        "settings": asdict(settings),
        "seconds": round(time.perf_counter() - started),
        "figures": [f.to_json() for f in figures],
        "failures": failures,
    }
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(table(figures))
    lines, code = verdict(figures, failures)
    print("\n".join(lines))
    print(f"\n{len(figures)} figures in {report['seconds']} s, written to {args.out}")
    return code


if __name__ == "__main__":
    sys.exit(main())
