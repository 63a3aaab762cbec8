"""Running a kiosk among others: usage statistics and feedback, the heartbeat, the fleet overlay, health.

Part of the composition root (kiosk/app.py calls ``build_operations`` at the end of ``build_kiosk``): it
builds the services of kiosk/services/{usage,heartbeat,fleet,health}.py and wires them to the window's
and the other services' existing signals. Nothing here draws or does IO itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication

from kiosk import __version__
from kiosk.config import Config
from kiosk.content.sources.base import Fetcher
from kiosk.content.usage_stats import UsageRecorder, UsageStats, WeekSummary, recent_totals
from kiosk.health import HeartbeatTarget, Status, process_tree_mb
from kiosk.logs import LastError
from kiosk.overlay import changed_keys, needs_restart
from kiosk.services.fleet import FleetService
from kiosk.services.health import HealthMonitor
from kiosk.services.heartbeat import HeartbeatService
from kiosk.services.usage import UsageService
from kiosk.ui.feedback import FeedbackCard
from kiosk.ui.widgets import ChipBar

if TYPE_CHECKING:
    from kiosk.app import Kiosk
    from kiosk.views.staff import StaffView

log = logging.getLogger(__name__)

USAGE_FILE = "usage-stats.sqlite"


@dataclass
class Operations:
    started_config: Config
    heartbeat: HeartbeatService
    fleet: FleetService
    health: HealthMonitor
    last_error: LastError
    usage: UsageService | None = None
    restart_needed: list[str] = field(default_factory=list)

    def start(self) -> None:
        if self.usage is not None:
            self.usage.start()
        self.heartbeat.start()
        self.fleet.request()
        self.health.start()

    def shutdown(self) -> None:
        self.health.stop()
        self.fleet.shutdown()
        self.heartbeat.shutdown()
        if self.usage is not None:
            self.usage.shutdown()
        logging.getLogger().removeHandler(self.last_error)


def heartbeat_target(config: Config, environ: dict[str, str]) -> HeartbeatTarget | None:
    h = config.heartbeat
    if h.url is None:
        return None
    agent = f"LIVE-kiosk/{__version__} (+kiosk {config.kiosk.id})"
    return HeartbeatTarget(h.url, environ.get(h.token_env) or None, user_agent=agent)


def build_operations(
    kiosk: Kiosk,
    local: Config,
    data_dir: Path,
    *,
    clock: Callable[[], datetime],
    monotonic: Callable[[], float],
    fetcher: Fetcher,
    restart: Callable[[], None],
    environ: dict[str, str],
    memory: Callable[[], float] = process_tree_mb,
) -> Operations:
    config, window = kiosk.config, kiosk.window
    last_error = LastError()
    logging.getLogger().addHandler(last_error)
    usage = build_usage(kiosk, data_dir, clock, monotonic) if config.stats.enabled else None

    fleet = FleetService(local, config, fetcher, data_dir, parent=window)
    kiosk.content.refreshingChanged.connect(lambda refreshing: fleet.request() if refreshing else None)

    started = monotonic()
    health = HealthMonitor(
        memory,
        lambda: clock().astimezone(kiosk.session.tz),
        monotonic,
        busy=lambda: (
            window.visitor_left_something() or kiosk.staff.unlocked or (usage is not None and usage.in_session)
        ),
        map_on_screen=lambda: window.shown == "map",
        ceiling_mb=config.health.memory_ceiling_mb,
        nightly=config.health.nightly_restart,
        check_seconds=config.health.check_seconds,
        parent=window,
    )
    # The map's web view is made after the first paint: recycled (and counted) once it exists.
    health.recycleRequested.connect(lambda: window.map_view.web.recycle() if window.is_built("map") else None)
    health.restartRequested.connect(restart)

    ops: Operations

    def gather() -> Status:
        return Status(
            kiosk_id=config.kiosk.id,
            mode=kiosk.modes.mode,
            sleeping=kiosk.modes.sleeping,
            uptime_seconds=monotonic() - started,
            memory_mb=0.0,  # read in the heartbeat's worker
            sources=kiosk.content.snapshot.sources,
            outbox=kiosk.signups.pending if kiosk.signups is not None else None,
            last_error=last_error.text,
            overlay=fleet.state,
            restart_needed=tuple(ops.restart_needed),
            map_recycles=window.map_view.web.recycles if window.is_built("map") else 0,
            map_crashes=window.map_view.web.crashes if window.is_built("map") else 0,
        )

    heartbeat = HeartbeatService(
        data_dir,
        gather,
        clock,
        timedelta(minutes=config.heartbeat.interval_minutes),
        heartbeat_target(config, environ),
        memory=memory,
        parent=window,
    )
    if usage is not None and config.heartbeat.include_usage:
        stats = usage.recorder.stats
        heartbeat.usage = lambda: recent_totals(stats, clock())
    ops = Operations(config, heartbeat, fleet, health, last_error, usage)
    fleet.configChanged.connect(lambda new: apply_runtime(kiosk, ops, new, environ))
    return ops


def apply_runtime(kiosk: Kiosk, ops: Operations, new: Config, environ: dict[str, str]) -> list[str]:
    """Apply what a running kiosk can take from a new configuration; return the keys that wait for a restart."""
    old = kiosk.config
    keys = changed_keys(old, new)
    if "sources" in keys:
        kiosk.content.set_sources(new.sources)
    if "content.refresh_minutes" in keys:
        kiosk.content.set_refresh_interval(timedelta(minutes=new.content.refresh_minutes))
    if "content.window_days" in keys:
        kiosk.content.set_window_days(new.content.window_days)
    m = new.modes
    if any(k.startswith("modes.") for k in keys):
        kiosk.modes.configure(
            m.default, [s.slot(s.mode) for s in m.schedule], [s.slot() for s in m.opening_hours], m.sleep_outside_hours
        )
        kiosk.window.signage_interactive = m.signage_interactive
    if any(k.startswith("idle.") for k in keys):
        i = new.idle
        kiosk.idle.configure(i.warning_after_seconds, i.countdown_seconds, i.attract_after_seconds)
    if any(k.startswith("heartbeat.") for k in keys):
        ops.heartbeat.set_interval(timedelta(minutes=new.heartbeat.interval_minutes))
        ops.heartbeat.target = heartbeat_target(new, environ)
    if any(k.startswith("health.") for k in keys):
        h = new.health
        ops.health.configure(h.memory_ceiling_mb, h.nightly_restart, h.check_seconds)
    kiosk.config = new
    ops.restart_needed = needs_restart(changed_keys(ops.started_config, new))
    log.info("fleet overlay applied: %s", ", ".join(keys) or "nothing changed")
    if ops.restart_needed:
        log.warning("fleet overlay: these keys take effect at the next restart: %s", ", ".join(ops.restart_needed))
    return ops.restart_needed


def build_usage(
    kiosk: Kiosk, data_dir: Path, clock: Callable[[], datetime], monotonic: Callable[[], float]
) -> UsageService:
    """The usage counts and the feedback card, wired to the signals visitors' choices already send."""
    config, window, session = kiosk.config, kiosk.window, kiosk.session
    recorder = UsageRecorder(UsageStats(data_dir / USAGE_FILE), clock)
    usage = UsageService(
        recorder, monotonic, clock, feedback=config.stats.feedback, keep_days=config.stats.keep_days, parent=window
    )
    kiosk.idle.activity.connect(usage.touched)
    window.resetters.append(usage.end_session)

    def screen(name: str) -> None:
        usage.screen_shown(name)
        if name == "event" and usage.in_session and (event := window.event_view.current_event) is not None:
            usage.count_content("event", event.id)
            for kind in window.event_view.codes_shown:
                usage.count("qr", kind)

    window.screenChanged.connect(screen)

    def place(place_id: str) -> None:
        usage.count_content("place", place_id)
        usage.count("qr", "route")  # the place's detail shows the walking route as a code

    def wire_map() -> None:
        map_view = window.map_view
        map_view.placeShown.connect(place)
        _count_filters(usage, map_view.chips, "map")
        map_view.radius_group.idClicked.connect(lambda metres: usage.count("filter", f"map:radius:{metres}"))

    # Screens made after the first paint are wired when made.
    window.when_built("map", wire_map)
    window.when_built("programme", lambda: _count_filters(usage, window.programme_view.chips, "programme"))
    discovery = getattr(window, "discovery", None)
    if discovery is not None:
        discovery.started.connect(lambda aid: usage.count_content("activity_start", aid))
        discovery.finished.connect(lambda aid: usage.count_content("activity_finish", aid))
    if kiosk.signups is not None:
        kiosk.signups.recorded.connect(lambda _key: usage.count("signup"))
    window.home_view.languageChosen.connect(lambda code: usage.count("language", code))
    # Connected after the session's own slots: the session's new state is read here.
    window.nav.textSizeRequested.connect(lambda: usage.count("text_size", f"{round(session.text_scale * 100)}%"))
    window.nav.contrastRequested.connect(lambda: usage.count("contrast", "on" if session.high_contrast else "off"))

    card = FeedbackCard()
    window.home_view.add_feedback(card)
    usage.feedbackWanted.connect(lambda wanted: card.ask() if wanted else card.withdraw())
    card.answered.connect(usage.answer)

    def wire_staff() -> None:
        staff_view = cast("StaffView", window.screens["staff"])
        staff_view.usage = lambda: usage_week(usage, kiosk)

    window.when_built("staff", wire_staff)  # the staff panel, made when staff first come (or after the first paint)
    kiosk.staff.actions.extra["export-stats"] = lambda: export_usage(usage, data_dir, clock())
    return usage


def _count_filters(usage: UsageService, chips: ChipBar, where: str) -> None:
    """A category the visitor adds to a filter is counted (not the ones already chosen, not a clearing)."""
    chosen: set[str] = set()

    def changed(selection: Sequence[str]) -> None:
        nonlocal chosen
        for category in set(selection) - chosen:
            usage.count("filter", f"{where}:{category}")
        chosen = set(selection)

    chips.selectionChanged.connect(changed)


def usage_week(usage: UsageService, kiosk: Kiosk) -> WeekSummary | None:
    try:
        usage.recorder.flush()  # staff see the counts of this very minute
        return usage.recorder.stats.week(kiosk.session.now().date(), kiosk.session.tz)
    except Exception:
        log.exception("usage statistics cannot be read")
        return None


def export_usage(usage: UsageService, data_dir: Path, now: datetime) -> str:
    """The staff panel's export: a CSV file in the data folder's exports/ (a message for staff)."""
    path = data_dir / "exports" / f"usage-stats-{now:%Y-%m-%d-%H%M}.csv"
    try:
        usage.recorder.flush()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as out:
            rows = usage.recorder.stats.write_csv(out)
    except Exception:
        log.exception("usage statistics not exported")
        return "❌ " + QCoreApplication.translate("StaffView", "Export impossible : voir le journal du kiosque.")
    log.info("usage statistics exported: %d rows to %s", rows, path)
    done = QCoreApplication.translate("StaffView", "Statistiques exportées (%1 lignes) : %2")
    return "✅ " + done.replace("%1", str(rows)).replace("%2", str(path))
