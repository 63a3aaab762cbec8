"""The core imports no Qt: it can be used and tested without a screen."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "kiosk.config",
    "kiosk.content.model",
    "kiosk.content.sync",
    "kiosk.content.store",
    "kiosk.content.fetch",
    "kiosk.content.geo",
    "kiosk.content.links",
    "kiosk.content.signup",
    "kiosk.content.outbox",
    "kiosk.content.delivery",
    "kiosk.signup_receiver",
    "kiosk.signups_cli",
    "kiosk.content.programme",
    "kiosk.content.sources.ical",
    "kiosk.content.sources.openagenda",
    "kiosk.content.sources.opendatasoft",
    "kiosk.content.sources.gtfs",
    "kiosk.content.sources.kiosk_feed",
    "kiosk.content.tiles",
    "kiosk.map_page",
    "kiosk.cli",
]


def test_the_core_and_the_cli_load_without_qt() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE)
        + "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'qasync')))\n"
        + "print(','.join(qt))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
