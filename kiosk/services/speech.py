"""Reading a text aloud, when the machine can: Qt's text-to-speech with a voice for the language.

Speech is a bonus, never a requirement. The engines are probed once, on demand (``probe``): an
engine that is not ready (speech-dispatcher absent or not running) or has no voice for a language
simply leaves that language silent, and the screens hide their « Lire à voix haute » button.
Qt's "mock" engine is a test double: it is used only when asked for by name.

The engines live in a thread of their own, and every call into them is a queued call to one of their C++ slots
(``setEngine``, ``stop``, ``setLocale``, ``say``), which that thread's event loop runs in C++. speech-dispatcher
answers each call over a socket: starting it and listing its voices took 1.4-1.8 s here, right after the first
paint, and a daemon that stops answering (seen here: its espeak-ng module stuck without a sound server) blocks
its caller for good. A Python call into an engine would not do, even in that thread: PySide keeps the GIL
through a C++ call made from Python, so the GUI thread would wait on the daemon all the same. Python code in the
speech thread only reads what a loaded engine holds (its state and locales); the GUI thread keeps the languages
last reported, so ``available`` answers at once.
"""

from __future__ import annotations

import atexit
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Q_ARG,
    QAbstractEventDispatcher,
    QLocale,
    QLoggingCategory,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

TEST_ENGINES = ("mock",)

#: How long stopping the speech thread may wait for an engine to finish a call into its daemon.
STOP_WAIT_MS = 2000

#: Makes the engine of a name, in the speech thread, as a child of the given object.
EngineFactory = Callable[[str, QObject], "QTextToSpeech"]

QUEUED = Qt.ConnectionType.QueuedConnection


def load_engine(name: str, parent: QObject) -> QTextToSpeech:
    """The engine ``name``, loaded by the calling thread's event loop in its next turn, in C++.

    Until then it is Qt's in-process "mock" engine, made at once: the real engine (speech-dispatcher: connecting,
    starting the daemon if need be, listing its voices) is loaded by a queued ``setEngine``.
    """
    from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 - optional module, loaded on demand

    engine = QTextToSpeech("mock", parent)
    if name != "mock":
        QMetaObject.invokeMethod(engine, "setEngine", QUEUED, Q_ARG(str, name))
    return engine


@dataclass
class _Engine:
    """A loaded engine as the GUI thread knows it: the locale last asked of it, whether it was given a text."""

    engine: QTextToSpeech
    locale: QLocale
    reading: bool = False


@dataclass(frozen=True)
class _Voice:
    """What reads a language: an engine, in one of its locales."""

    engine: _Engine
    locale: QLocale


class _Engines(QObject):
    """The engines, in the speech thread: made there, and reported once loaded."""

    loaded = Signal(object)  # the usable engines: [(engine, its locale, its locales)]
    _made = Signal()

    def __init__(self, wanted: Sequence[str] | None, factory: EngineFactory) -> None:
        super().__init__()
        self._wanted = wanted
        self._factory = factory
        self._engines: list[tuple[str, QTextToSpeech]] = []
        self._started = 0.0
        # Queued: it runs after the engines' own queued loading, in the order they were posted.
        self._made.connect(self._report, QUEUED)

    @Slot()
    def probe(self) -> None:
        self._started = time.monotonic()
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 - optional module, loaded on demand
        except ImportError as exc:
            log.info("no text-to-speech module: reading aloud is off (%s)", exc)
            self.loaded.emit([])
            return
        names = self._wanted if self._wanted is not None else QTextToSpeech.availableEngines()
        # The engines' parent is this thread's event dispatcher: they go with it as the thread ends, in the thread,
        # and never before (PySide deletes at exit what Python owns: not them, in use by a thread still waiting).
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None, "the speech thread runs its event loop"
        for name in names:
            if name in TEST_ENGINES and self._wanted is None:
                continue
            self._engines.append((name, self._factory(name, dispatcher)))
        self._made.emit()

    @Slot()
    def _report(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 - loaded by probe

        usable: list[tuple[QTextToSpeech, QLocale, list[QLocale]]] = []
        for name, engine in self._engines:
            if engine.state() == QTextToSpeech.State.Error:
                log.info("text-to-speech engine %s unusable: %s", name, engine.errorString() or "error")
                engine.deleteLater()
                continue
            usable.append((engine, engine.locale(), engine.availableLocales()))
        languages = sorted({loc.name() for _engine, _locale, locales in usable for loc in locales})
        log.info(
            "text-to-speech: %s engine(s), locales %s (%.0f ms)",
            len(usable),
            ", ".join(languages) or "none",
            (time.monotonic() - self._started) * 1000,
        )
        self.loaded.emit(usable)


class Speech(QObject):
    """Reading aloud with the engines among ``engines`` (default: every real engine installed).

    ``engine_factory`` makes an engine in the speech thread (tests give a slow one); ``load_engine`` by default.
    Call ``shutdown`` before the end: it ends the speech thread.
    """

    availabilityChanged = Signal()
    _probeRequested = Signal()

    def __init__(
        self,
        engines: Sequence[str] | None = None,
        parent: QObject | None = None,
        *,
        engine_factory: EngineFactory = load_engine,
    ) -> None:
        super().__init__(parent)
        self._wanted = engines
        self._factory = engine_factory
        self._probed = False
        self._thread: QThread | None = None
        self._worker: _Engines | None = None
        self._engines: list[_Engine] = []
        self._voices: dict[str, _Voice] = {}

    def probe(self) -> None:
        """Start the engines (once) in the speech thread; ``availabilityChanged`` tells when they are known."""
        if self._probed:
            return
        self._probed = True
        # Qt Multimedia warns about a missing PipeWire library on machines that play sound otherwise.
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        thread = QThread()  # no parent: it is stopped (shutdown) before its owner goes, and outlives it if stuck
        thread.setObjectName("speech")
        worker = _Engines(self._wanted, self._factory)
        worker.moveToThread(thread)
        # Both go in the speech thread as it ends: the worker now, the engines with the thread's event dispatcher.
        thread.finished.connect(worker.deleteLater)
        worker.loaded.connect(self._loaded)
        self._probeRequested.connect(worker.probe)
        self._thread, self._worker = thread, worker
        _RUNNING.append((thread, worker))
        thread.start()
        self._probeRequested.emit()

    @Slot(object)
    def _loaded(self, usable: list[tuple[QTextToSpeech, QLocale, list[QLocale]]]) -> None:
        if self._thread is None:
            return  # shut down meanwhile
        self._engines = [_Engine(engine, locale) for engine, locale, _locales in usable]
        voices: dict[str, _Voice] = {}
        for known, (_engine, _locale, locales) in zip(self._engines, usable, strict=True):
            for locale in locales:
                voices.setdefault(locale.name().split("_")[0], _Voice(known, locale))
        self._voices = voices
        self.availabilityChanged.emit()

    def available(self, language: str) -> bool:
        """Whether a voice can read ``language`` ("fr", "en", "nl"), as the engines last reported."""
        return language in self._voices

    def say(self, text: str, language: str) -> bool:
        """Read ``text`` aloud in ``language``, interrupting what was being read; False if no voice can.

        True means the reading was asked of the engine, in the speech thread; it starts a moment later. The engines
        list a locale only for the voices they have (speech-dispatcher's and the mock's both), so the locale's
        voices are not checked again here.
        """
        voice = self._voices.get(language)
        if voice is None or not text.strip():
            return False
        known = voice.engine
        QMetaObject.invokeMethod(known.engine, "stop", QUEUED)
        if known.locale != voice.locale:
            QMetaObject.invokeMethod(known.engine, "setLocale", QUEUED, Q_ARG(QLocale, voice.locale))
            known.locale = voice.locale
        QMetaObject.invokeMethod(known.engine, "say", QUEUED, Q_ARG(str, text))
        known.reading = True
        return True

    def stop(self) -> None:
        """Stop reading; an engine that was given nothing to read since it was last stopped is left alone."""
        for known in self._engines:
            if known.reading:
                QMetaObject.invokeMethod(known.engine, "stop", QUEUED)
                known.reading = False

    def shutdown(self) -> None:
        """End the speech thread: the engines are deleted in it (speech-dispatcher's hangs up) as it ends."""
        thread, worker = self._thread, self._worker
        if thread is None or worker is None:
            return
        self._thread = self._worker = None
        self._engines, self._voices = [], {}
        if (thread, worker) in _RUNNING:
            _stop(thread, worker)


#: The speech threads started and not yet ended, with their workers. Qt ends the process if the QThread of a
#: running thread is destroyed: each is held here until it has ended; those still running at exit are stopped then.
_RUNNING: list[tuple[QThread, QObject]] = []


def _stop(thread: QThread, worker: QObject) -> None:
    thread.quit()
    finished = thread.wait(STOP_WAIT_MS)
    _RUNNING.remove((thread, worker))
    if not finished:
        log.warning("text-to-speech: an engine still waits on its daemon after %s ms; its thread is left", STOP_WAIT_MS)
        # PySide destroys at exit every QObject that Python owns: this QThread goes to the main thread's, which
        # is never destroyed (the engines are the speech thread's event dispatcher's, never Python's).
        thread.setParent(QThread.currentThread())


@atexit.register  # before PySide's own clean-up at exit, registered earlier
def _stop_all() -> None:
    for thread, worker in list(_RUNNING):
        _stop(thread, worker)
