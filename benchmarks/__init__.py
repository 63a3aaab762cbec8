"""The benchmark suite: ``python -m benchmarks`` (``make bench``); see docs/performance.md."""
