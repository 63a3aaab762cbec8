"""iCalendar (RFC 5545) source: placeholder, being written."""

from typing import Literal

from kiosk.content.sources.base import SourceBase


class ICalSource(SourceBase):
    kind: Literal["ical"] = "ical"
