"""A guard against a reference-count bug of PySide6 6.12 on CPython 3.11.

With PySide6 6.12.0 on Python 3.11 (where ``None`` is not yet immortal), every call of a Qt method
returning nothing (``label.setText(...)``, ``widget.update()``, ``super().paintEvent(event)``) takes
one reference from ``None`` and never gives it back. ``None`` starts with a few thousand references:
once they are gone the interpreter aborts with « Fatal Python error: none_dealloc: deallocating
None ». A kiosk gets there within minutes of use (the test suite within seconds).

``protect_none`` does what Python 3.12 does for every process: it gives ``None`` so many references
(2**40) that no run of the kiosk can use them up (a million lost references a second would take
twelve days). It is called once, before the QApplication exists; on Python 3.12 and later, and on
interpreters other than CPython, it does nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

RESERVE = 2**40


def protect_none() -> bool:
    """Make ``None`` practically immortal on CPython < 3.12; True when something was done."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is a PyObject's first field
    if count.value >= RESERVE:
        return False
    count.value += RESERVE
    log.debug("None protected against lost references (PySide6 6.12 on Python 3.11)")
    return True
