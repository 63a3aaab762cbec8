"""The event card, shared by the home screen and the programme."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Event, Status
from kiosk.ui.categories import pictogram
from kiosk.ui.widgets import TapCard, label
from kiosk.views.formatting import day_heading, status_label, time_range


class EventCard(TapCard):
    def __init__(
        self,
        event: Event,
        now: datetime,
        lang: str,
        locale: QLocale,
        *,
        with_day: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.event_id = event.id
        self.setObjectName(f"event-card:{event.id}")
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 16, 20, 16)
        row.setSpacing(20)
        icon = label(pictogram(event.categories[0] if event.categories else ""), "icon", wrap=False)
        row.addWidget(icon)
        text = QVBoxLayout()
        text.setSpacing(4)
        when_text = time_range(event, now, locale)
        if with_day:
            day = event.start.astimezone(now.tzinfo).date()
            when_text = f"{day_heading(day, (day - now.date()).days, locale)} · {when_text}"
        when = label(when_text, "muted")
        title = label(event.title.get(lang), "title")
        text.addWidget(when)
        text.addWidget(title)
        if event.place is not None:
            text.addWidget(label(event.place.name, "muted"))
        row.addLayout(text, 1)
        badges = QVBoxLayout()
        if event.is_happening(now) and event.status is not Status.CANCELLED:
            live = label(self.tr("En ce moment"), "badge-live", wrap=False)
            live.setObjectName("badge-live")
            badges.addWidget(live)
        if (status := status_label(event.status)) is not None:
            badge = label(status, "badge-warning", wrap=False)
            badge.setObjectName("badge-status")
            badges.addWidget(badge)
        badges.addStretch(1)
        row.addLayout(badges)
