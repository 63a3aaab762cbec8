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
COUNTRIES = {"fr": QLocale.Country.France, "en": QLocale.Country.UnitedKingdom, "nl": QLocale.Country.Belgium}


class Session(QObject):
    """Owns the current language: installs its translator, so every ``tr()`` follows it."""

    languageChanged = Signal(str)

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

    def reset(self) -> None:
        """Back to the kiosk's default language (the next visitor starts afresh)."""
        self.set_language(self._default)
