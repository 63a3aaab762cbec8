"""Dates, times and statuses as visitors read them, in the session's language (QLocale)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from kiosk.content.model import Event, Status


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def day_heading(d: date, offset: int, locale: QLocale) -> str:
    """« Aujourd'hui », « Demain », then « mercredi 2 décembre »."""
    if offset == 0:
        return QCoreApplication.translate("Dates", "Aujourd'hui")
    if offset == 1:
        return QCoreApplication.translate("Dates", "Demain")
    text = locale.toString(_qdate(d), "dddd d MMMM")
    return text[:1].upper() + text[1:]


def time_text(moment: datetime, locale: QLocale) -> str:
    return locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def time_range(event: Event, tz_now: datetime, locale: QLocale) -> str:
    """« 14:00 – 16:00 », or « Toute la journée »; local to the kiosk's time zone."""
    if event.all_day:
        return QCoreApplication.translate("Dates", "Toute la journée")
    start = event.start.astimezone(tz_now.tzinfo)
    end = event.end.astimezone(tz_now.tzinfo)
    if start.date() != end.date():
        return f"{time_text(start, locale)} – {locale.toString(_qdate(end.date()), 'd MMM')} {time_text(end, locale)}"
    return f"{time_text(start, locale)} – {time_text(end, locale)}"


def full_date(event: Event, tz_now: datetime, locale: QLocale) -> str:
    start = event.start.astimezone(tz_now.tzinfo)
    day = locale.toString(_qdate(start.date()), "dddd d MMMM yyyy")
    return f"{day[:1].upper()}{day[1:]}, {time_range(event, tz_now, locale)}"


def status_label(status: Status) -> str | None:
    """The badge for an event that is not simply on; None when nothing needs saying."""
    return {
        Status.CANCELLED: QCoreApplication.translate("Status", "Annulé"),
        Status.FULL: QCoreApplication.translate("Status", "Complet"),
        Status.POSTPONED: QCoreApplication.translate("Status", "Reporté"),
        Status.RESCHEDULED: QCoreApplication.translate("Status", "Date modifiée"),
        Status.ONLINE: QCoreApplication.translate("Status", "En ligne"),
    }.get(status)


def minutes_ago(since: datetime, now: datetime) -> str:
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 1:
        return QCoreApplication.translate("Freshness", "Mis à jour à l'instant")
    if minutes < 120:
        return QCoreApplication.translate("Freshness", "Mis à jour il y a %n min", "", minutes)
    return QCoreApplication.translate("Freshness", "Mis à jour il y a %n h", "", minutes // 60)
