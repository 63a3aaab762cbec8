"""Generated documents stay in step with the code that defines them."""

from __future__ import annotations

import json

from kiosk import config_docs
from kiosk.content.sources.kiosk_feed import json_schema
from tests.conftest import REPO


def test_configuration_page_is_up_to_date() -> None:
    committed = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert committed == config_docs.render(), "run `make docs` and commit docs/configuration.md"


def test_every_config_key_is_documented() -> None:
    page = config_docs.render()
    for key in (
        "`id`",
        "`location`",
        "`refresh_minutes`",
        "`offered`",
        "`data_dir`",
        "`url`",
        "`extra_urls`",
        "`key_env`",
        "`produces`",
        "`with_lines`",
        "`fullscreen`",
    ):
        assert key in page


def test_feed_schema_is_up_to_date() -> None:
    committed = json.loads((REPO / "resources" / "schema" / "feed.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run `make docs` and commit resources/schema/feed.schema.json"
