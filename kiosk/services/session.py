"""The visitor's session: chosen language, and the clock every screen reads the time from."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

log = logging.getLogger(__name__)

LOCALES = {"fr": QLocale.Language.French, "en": QLocale.Language.English, "nl": QLocale.Language.Dutch}
TEXT_SCALES = (1.0, 1.5, 2.0)
COUNTRIES = {"fr": QLocale.Country.France, "en": QLocale.Country.UnitedKingdom, "nl": QLocale.Country.Belgium}


class Session(QObject):
    """Owns the current language: installs its translator, so every ``tr()`` follows it."""

    languageChanged = Signal(str)
    appearanceChanged = Signal()  # text size or contrast

    def __init__(
        self,
        translations_dir: Path,
        default_language: str,
        tz: ZoneInfo,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dir = translations_dir
        self._default = default_language
        self.tz = tz
        self._clock = clock
        self._translator: QTranslator | None = None
        self._language = ""
        self.text_scale = 1.0
        self.high_contrast = False
        self.set_language(default_language)

    @property
    def language(self) -> str:
        return self._language

    @property
    def default_language(self) -> str:
        return self._default

    @property
    def locale(self) -> QLocale:
        return QLocale(LOCALES[self._language], COUNTRIES[self._language])

    def now(self) -> datetime:
        return self._clock().astimezone(self.tz)

    def set_language(self, language: str) -> None:
        if language == self._language or language not in LOCALES:
            return
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        if language != "fr":  # French is the source language: no translator needed
            translator = QTranslator(self)
            if translator.load(f"kiosk_{language}", str(self._dir)):
                QCoreApplication.installTranslator(translator)
                self._translator = translator
            else:
                log.error("no compiled translation for %r in %s (run `make translations`)", language, self._dir)
        self._language = language
        QLocale.setDefault(self.locale)
        self.languageChanged.emit(language)

    def close(self) -> None:
        """Take this session's translator out of the application (a later session starts in French)."""
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None

    def next_text_size(self) -> None:
        """100 % -> 150 % -> 200 % -> 100 % (WCAG 1.4.4)."""
        steps = TEXT_SCALES
        self.text_scale = steps[(steps.index(self.text_scale) + 1) % len(steps)] if self.text_scale in steps else 1.0
        self.appearanceChanged.emit()

    def toggle_contrast(self) -> None:
        self.high_contrast = not self.high_contrast
        self.appearanceChanged.emit()

    def reset(self) -> None:
        """Back to the kiosk's defaults: language, text size, contrast (the next visitor starts afresh)."""
        self.set_language(self._default)
        if self.text_scale != 1.0 or self.high_contrast:
            self.text_scale, self.high_contrast = 1.0, False
            self.appearanceChanged.emit()
