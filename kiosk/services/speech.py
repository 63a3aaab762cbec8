"""Reading a text aloud, when the machine can: Qt's text-to-speech with a voice for the language.

Speech is a bonus, never a requirement. The engines are probed once, on demand (``probe``): an
engine that is not ready (speech-dispatcher absent or not running) or has no voice for a language
simply leaves that language silent, and the screens hide their « Lire à voix haute » button.
Qt's "mock" engine is a test double: it is used only when asked for by name.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QLoggingCategory, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

TEST_ENGINES = ("mock",)


class Speech(QObject):
    """One text-to-speech engine, chosen among ``engines`` (default: every real engine installed)."""

    availabilityChanged = Signal()

    def __init__(self, engines: Sequence[str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted = engines
        self._engines: list[QTextToSpeech] = []
        self._probed = False

    def probe(self) -> None:
        """Start the engines (once); a missing library or daemon leaves speech off, with a log line."""
        if self._probed:
            return
        self._probed = True
        started = time.monotonic()
        # Qt Multimedia warns about a missing PipeWire library on machines that play sound otherwise.
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 - optional module, loaded on demand
        except ImportError as exc:
            log.info("no text-to-speech module: reading aloud is off (%s)", exc)
            return
        names = self._wanted if self._wanted is not None else QTextToSpeech.availableEngines()
        for name in names:
            if name in TEST_ENGINES and self._wanted is None:
                continue
            engine = QTextToSpeech(name, self)
            if engine.state() == QTextToSpeech.State.Error:
                log.info("text-to-speech engine %s unusable: %s", name, engine.errorString() or "error")
                engine.deleteLater()
                continue
            self._engines.append(engine)
        languages = sorted({loc.name() for e in self._engines for loc in e.availableLocales()})
        log.info(
            "text-to-speech: %s engine(s), locales %s (%.0f ms)",
            len(self._engines),
            ", ".join(languages) or "none",
            (time.monotonic() - started) * 1000,
        )
        self.availabilityChanged.emit()

    def _engine_for(self, language: str) -> tuple[QTextToSpeech, QLocale] | None:
        for engine in self._engines:
            for locale in engine.availableLocales():
                if locale.name().split("_")[0] == language:
                    return engine, locale
        return None

    def available(self, language: str) -> bool:
        """Whether a voice can read ``language`` ("fr", "en", "nl")."""
        return self._engine_for(language) is not None

    def say(self, text: str, language: str) -> bool:
        """Read ``text`` aloud in ``language``, interrupting what was being read; False if no voice can."""
        found = self._engine_for(language)
        if found is None or not text.strip():
            return False
        engine, locale = found
        engine.stop()
        if engine.locale() != locale:
            engine.setLocale(locale)
        if not engine.availableVoices():
            log.info("text-to-speech: no voice for %s", locale.name())
            return False
        engine.say(text)
        return True

    def stop(self) -> None:
        for engine in self._engines:
            engine.stop()
