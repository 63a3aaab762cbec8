"""A fleet overlay is merged over the local file, validated like it, and refused whole when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, parse_config
from kiosk.overlay import apply_overlay, changed_keys, deep_merge, needs_restart, overlay_url

LOCAL = """
[kiosk]
id = "roubaix-mediatheque"
location = { name = "La Grand-Plage", lat = 50.69, lon = 3.18 }

[content]
refresh_minutes = 5
window_days = 30

[modes]
default = "accueil"

[fleet]
overlay_url = "https://fleet.example.org/kiosks/{kiosk_id}.toml"

[[sources]]
name = "programme"
kind = "ical"
url = "programme.ics"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "programme.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    (tmp_path / "places.json").write_text('{"places": []}')
    return tmp_path


def test_the_url_names_the_kiosk(folder: Path) -> None:
    config = parse_config(LOCAL, base_dir=folder)
    assert overlay_url(config) == "https://fleet.example.org/kiosks/roubaix-mediatheque.toml"


def test_tables_merge_key_by_key_and_arrays_replace() -> None:
    base = {"a": {"x": 1, "y": {"z": 2, "w": 3}}, "list": [1, 2], "keep": True}
    over = {"a": {"y": {"z": 20}}, "list": [9]}
    assert deep_merge(base, over) == {"a": {"x": 1, "y": {"z": 20, "w": 3}}, "list": [9], "keep": True}
    assert base["a"] == {"x": 1, "y": {"z": 2, "w": 3}}  # the local tables are not modified


def test_an_overlay_changes_tables_and_replaces_sources(folder: Path) -> None:
    local = parse_config(LOCAL, base_dir=folder)
    overlay = """
[content]
refresh_minutes = 2

[modes]
schedule = [{ days = ["wed"], start = 14:00:00, end = 17:00:00, mode = "decouverte" }]

[[sources]]
name = "lieux"
kind = "feed"
url = "places.json"
"""
    merged = apply_overlay(local, overlay)
    assert merged.content.refresh_minutes == 2
    assert merged.content.window_days == 30  # untouched keys of a merged table stay
    assert [s.name for s in merged.sources] == ["lieux"]  # [[sources]] replaced whole
    assert merged.sources[0].url == str((folder / "places.json").resolve())  # relative to the local file
    assert merged.modes.schedule[0].mode == "decouverte"
    keys = changed_keys(local, merged)
    assert keys == ["content.refresh_minutes", "modes.schedule", "sources"]
    assert needs_restart(keys) == []


def test_keys_that_need_a_restart_are_named(folder: Path) -> None:
    local = parse_config(LOCAL, base_dir=folder)
    merged = apply_overlay(local, '[languages]\noffered = ["fr", "nl"]\n[display]\nhide_cursor = true\n')
    assert needs_restart(changed_keys(local, merged)) == ["display.hide_cursor", "languages.offered"]


@pytest.mark.parametrize(
    ("overlay", "expected"),
    [
        ("[content]\nrefresh_minutes = 0", "overlay: the configuration has 1 problem(s):\n  content.refresh_minutes:"),
        ("[content]\ncolour = 1", "content.colour: unknown key"),
        ('[[sources]]\nname = "x"\nkind = "rss"\nurl = "a"', "sources[0]: unknown source kind 'rss'"),
        ('[[sources]]\nname = "x"\nkind = "ical"\nurl = "absent.ics"', "sources[0].url: file not found"),
        ("[content\nrefresh_minutes = 2", "overlay: not valid TOML"),
        ('[kiosk]\nid = "someone-else"', "kiosk.id: an overlay cannot change it"),
    ],
)
def test_a_wrong_overlay_is_refused_with_the_local_files_messages(folder: Path, overlay: str, expected: str) -> None:
    local = parse_config(LOCAL, base_dir=folder)
    with pytest.raises(ConfigError) as caught:
        apply_overlay(local, overlay)
    assert expected in str(caught.value)
    assert local.content.refresh_minutes == 5  # the configuration in use is untouched
