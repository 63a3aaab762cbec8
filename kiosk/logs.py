"""Where the kiosk's logs go: the console (or the journal under systemd) and a size-rotated file.

Under systemd, ``JOURNAL_STREAM`` is set: records go to the journal through ``systemd.journal`` when that
module is installed (not a dependency), else to stderr without timestamps (the journal adds its own) and
with ``<N>`` priority prefixes, which journald reads as the record's level. The file is
``logs/kiosk.log`` in the data folder, rotated by size (``[logs]``). The logs never hold a visitor's
data: the code logs ids, counts and states, never a name, an e-mail, a phone number or a free text.
"""

from __future__ import annotations

import importlib
import logging
import logging.handlers
import os
import sys
from collections.abc import Mapping
from pathlib import Path

CONSOLE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# syslog priorities (sd-daemon.h): journald reads them from the start of each stderr line.
PRIORITIES = {logging.DEBUG: 7, logging.INFO: 6, logging.WARNING: 4, logging.ERROR: 3, logging.CRITICAL: 2}


class JournalFormatter(logging.Formatter):
    """``<6>kiosk.app: message``: the level as a priority prefix, no timestamp."""

    def __init__(self) -> None:
        super().__init__("%(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        priority = PRIORITIES.get(record.levelno, 6)
        text = super().format(record)
        return "\n".join(f"<{priority}>{line}" for line in text.splitlines())


class LastError(logging.Handler):
    """Keeps the last ERROR record's text, for the status document."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.text: str | None = None
        self.at: float | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.text = f"{record.name}: {record.getMessage()}"[:300]
        self.at = record.created


def console_handler(environ: Mapping[str, str] | None = None, *, journald: bool = True) -> logging.Handler:
    env = os.environ if environ is None else environ
    if journald and env.get("JOURNAL_STREAM"):
        try:
            journal = importlib.import_module("systemd.journal")
            handler: logging.Handler = journal.JournalHandler(SYSLOG_IDENTIFIER="live-kiosk")
        except (ImportError, AttributeError):
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(JournalFormatter())
        return handler
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(CONSOLE_FORMAT))
    return handler


def setup_console(level: str | int, environ: Mapping[str, str] | None = None, *, journald: bool = True) -> None:
    """The console (or journal) handler of every command; called again once ``[logs] journald`` is known."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "kiosk_console", False)]:
        root.removeHandler(old)
    if root.handlers:
        return  # logging is configured by whoever runs us (pytest, an embedding program): as basicConfig does
    root.setLevel(level)
    handler = console_handler(environ, journald=journald)
    handler.kiosk_console = True  # type: ignore[attr-defined]
    root.addHandler(handler)


def add_file(data_dir: Path, max_kilobytes: int, backups: int) -> logging.Handler | None:
    """``logs/kiosk.log`` in the data folder, rotated at ``max_kilobytes``; None when it cannot be opened."""
    folder = data_dir / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)
        handler = logging.handlers.RotatingFileHandler(
            folder / "kiosk.log", maxBytes=max_kilobytes * 1024, backupCount=backups, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger(__name__).error("cannot write logs to %s: %s", folder, exc)
        return None
    handler.setFormatter(logging.Formatter(FILE_FORMAT))
    logging.getLogger().addHandler(handler)
    return handler
