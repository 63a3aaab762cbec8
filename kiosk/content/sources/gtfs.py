"""GTFS stops source: placeholder, being written."""

from typing import Literal

from kiosk.content.sources.base import SourceBase


class GtfsSource(SourceBase):
    kind: Literal["gtfs"] = "gtfs"
