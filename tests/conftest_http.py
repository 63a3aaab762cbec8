"""The ``fault_server`` fixture: a programmable HTTP server on 127.0.0.1 (tests/helpers/http_server.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.http_server import FaultServer


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A fresh server per test, stopped (threads joined, connections closed) afterwards."""
    with FaultServer() as server:
        yield server
