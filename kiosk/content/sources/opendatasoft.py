"""Opendatasoft Explore API source: placeholder, being written."""

from typing import Literal

from kiosk.content.sources.base import SourceBase


class OpendatasoftSource(SourceBase):
    kind: Literal["opendatasoft"] = "opendatasoft"
