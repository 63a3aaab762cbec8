"""OpenAgenda API v2 source: placeholder, being written."""

from typing import Literal

from kiosk.content.sources.base import SourceBase


class OpenAgendaSource(SourceBase):
    kind: Literal["openagenda"] = "openagenda"
