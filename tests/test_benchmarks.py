"""The benchmark code runs on a tiny input and reports what it measured (no timing is asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from benchmarks import synthetic
from benchmarks.__main__ import verdict
from benchmarks.content import run as run_content
from benchmarks.measure import Figure, percentile, tree_rss_mb
from benchmarks.settings import TINY, from_environment
from kiosk.content.sources import ical, kiosk_feed, openagenda
from kiosk.content.sources.base import Window
from tests.conftest import REPO


def test_the_synthetic_content_is_what_the_parsers_read() -> None:
    page = synthetic.openagenda_page(5)
    assert page == synthetic.openagenda_page(5)  # the same seed gives the same bytes
    result, _ = openagenda.parse_page(page, source="t", window=synthetic_window())
    assert result.events and not result.skipped
    assert len(kiosk_feed.parse_feed(synthetic.feed(7), source="t").places) == 7
    events = ical.parse_ical(synthetic.ical(3), source="t", window=synthetic_window()).events
    assert len({e.uid for e in events}) == 3 and len(events) > 3  # recurring: several occurrences each


def synthetic_window() -> Window:
    from benchmarks.content import WINDOW  # noqa: PLC0415

    return WINDOW


def test_figures_give_median_percentiles_and_budget() -> None:
    assert percentile([1, 2, 3, 4, 5], 50) == 3
    assert percentile([0, 10], 95) == pytest.approx(9.5)
    assert Figure("x", "ms", [3, 1, 2], 2).within_budget is True
    assert Figure("x", "ms", [3, 4, 2], 2).within_budget is False
    assert Figure("x", "×", [12.0], 10, kind="ratio").within_budget is True
    assert Figure("x", "ms", []).to_json()["value"] is None
    assert tree_rss_mb() > 10


def test_a_missed_budget_is_named_and_fails_the_run() -> None:
    met, missed = Figure("fast", "ms", [1.0], 2), Figure("slow", "ms", [3.0, 5.0], 2)
    lines, code = verdict([met, missed], [])
    assert code == 2
    assert "MISSED: slow: 4.0 ms, budget ≤ 2 ms" in lines and not any("fast" in line for line in lines)
    assert verdict([met], [])[1] == 0
    assert verdict([met], ["suite soak failed (exit code 1)"])[1] == 1
    assert verdict([Figure("x", "×", [3.0], 10, kind="ratio")], [])[0][0] == "MISSED: x: 3.0 ×, budget ≥ 10 ×"


def test_the_soak_slope_is_a_least_squares_fit() -> None:
    from benchmarks.kiosk_ui import MemorySample, slope_per_1000  # noqa: PLC0415 - Qt only here

    samples = [MemorySample(c, 0.0, 0.0, 100 + 0.004 * c, 0.0, 0) for c in (0, 50, 100, 150)]
    assert slope_per_1000(samples, lambda s: s.unique) == pytest.approx(4.0)
    noisy = [MemorySample(c, 0.0, 0.0, u, 0.0, 0) for c, u in ((0, 300), (50, 302), (100, 300), (150, 302))]
    assert slope_per_1000(noisy, lambda s: s.unique) == pytest.approx(8.0)  # (+2 over 150 cycles, fitted)
    flat = [MemorySample(c, 0.0, 0.0, 300.0, 0.0, 0) for c in (0, 50, 100)]
    assert slope_per_1000(flat, lambda s: s.unique) == 0.0


def test_settings_come_from_the_environment() -> None:
    assert from_environment({}).switches == 200
    assert from_environment({"BENCH_QUICK": "1"}).soak_cycles < 2000
    assert from_environment({"BENCH_QUICK": "1", "BENCH_RUNS": "9"}).runs == 9


def test_the_content_suite_runs_on_a_tiny_input(qapp: object) -> None:
    # the suite makes a QCoreApplication when none exists: the tests' QApplication must be there first
    figures = {f.name: f for f in run_content(TINY)}
    assert all(f.samples for f in figures.values())
    assert figures["content: re-renders after an unchanged refresh"].samples == [0.0]


@pytest.mark.parametrize("suite", ["switches", "soak"])
def test_a_qt_suite_runs_in_its_own_process(suite: str, tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    env = dict(os.environ, **{f"BENCH_{k.upper()}": str(v) for k, v in asdict(TINY).items()})
    subprocess.run(
        [sys.executable, "-m", "benchmarks", "--child", suite, "--out", str(out)],
        cwd=REPO,
        env=env,
        check=True,
        timeout=240,
        capture_output=True,
    )
    figures = json.loads(out.read_text())
    assert figures and all(f["samples"] for f in figures)


SHARED_READER = """
import mmap, sys
with open(sys.argv[1], "rb") as f:
    m = mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ)
    total = sum(m[i] for i in range(0, len(m), 4096))
print("ready", flush=True)
sys.stdin.readline()
"""


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="page frames are read as root only")
def test_the_tree_memory_counts_a_page_shared_by_two_processes_once(tmp_path: Path) -> None:
    import mmap  # noqa: PLC0415

    from benchmarks.measure import tree_unique_mb  # noqa: PLC0415

    shared = tmp_path / "shared.bin"
    shared.write_bytes(os.urandom(32 * 1024 * 1024))
    with shared.open("rb") as f, mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ) as mine:
        sum(mine[i] for i in range(0, len(mine), 4096))  # resident here
        unique_before, rss_before = tree_unique_mb(), tree_rss_mb()
        with subprocess.Popen(
            [sys.executable, "-c", SHARED_READER, str(shared)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        ) as child:
            assert child.stdout is not None and child.stdin is not None
            assert child.stdout.readline().strip() == "ready"
            unique_grew, rss_grew = tree_unique_mb() - unique_before, tree_rss_mb() - rss_before
            child.stdin.write("\n")
            child.stdin.close()
    assert rss_grew > 32  # the file's pages, counted again in the child
    assert unique_grew < rss_grew - 28  # counted once: only the child's own interpreter is new
    assert unique_grew > 1  # and that is counted
