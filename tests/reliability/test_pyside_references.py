"""The installed PySide6 does not lose references to None.

PySide6 6.12.0 takes a reference from None on every call of a method returning nothing; on Python 3.11 (Debian
12), where None is not immortal, the count reaches zero after a few thousand calls and the process aborts with
« deallocating None ». pyproject.toml therefore asks for PySide6 < 6.12 on Python < 3.12. This test keeps that
choice honest: it fails if an install brings the bug back.
"""

from __future__ import annotations

import os
import subprocess
import sys

PROGRAM = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(["t"])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(20_000):
    label.setText("x")
    label.hide()
print(before - sys.getrefcount(None))
"""


def test_void_calls_leave_none_alone() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip().splitlines()[-1]) < 100  # a few transient references at most, not 40,000
