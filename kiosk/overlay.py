"""A fleet overlay: part of a kiosk's configuration kept on a server, merged over the local file.

The overlay is TOML, fetched from ``[fleet] overlay_url`` (``{kiosk_id}`` replaced). Its tables are
merged over the local file's, key by key and table by table; any other value, arrays included, replaces
the local one whole, so ``[[sources]]`` in the overlay replace every local source. The merge is then
validated exactly like the local file: a wrong overlay is refused whole (``ConfigError``, the same
messages), and the kiosk keeps the configuration it has.

Which keys a running kiosk takes at once and which wait for a restart: ``RUNTIME_KEYS`` (see
docs/deployment.md).
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Mapping
from typing import Any

from kiosk.config import Config, ConfigError, validate_config

log = logging.getLogger(__name__)

#: Keys a running kiosk applies as soon as a valid overlay changes them; any other change waits for a restart.
RUNTIME_KEYS = (
    "sources",
    "content.refresh_minutes",
    "content.window_days",
    "modes.default",
    "modes.schedule",
    "modes.opening_hours",
    "modes.sleep_outside_hours",
    "modes.signage_interactive",
    "idle.warning_after_seconds",
    "idle.countdown_seconds",
    "idle.attract_after_seconds",
    "heartbeat.url",
    "heartbeat.interval_minutes",
    "heartbeat.include_usage",
    "health.memory_ceiling_mb",
    "health.check_seconds",
    "health.nightly_restart",
)


def overlay_url(config: Config) -> str | None:
    template = config.fleet.overlay_url
    return template.replace("{kiosk_id}", config.kiosk.id) if template else None


def deep_merge(base: Mapping[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    """Tables merged recursively; every other value of ``overlay`` (arrays of tables too) replaces ``base``'s."""
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def apply_overlay(local: Config, text: str, origin: str = "overlay") -> Config:
    """``local`` (as read from its file) with the overlay ``text`` merged over it, validated in full.

    Raises ``ConfigError`` naming every problem; the overlay may not change the kiosk's id.
    """
    try:
        overlay = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
    kiosk = overlay.get("kiosk")
    if isinstance(kiosk, Mapping) and "id" in kiosk and kiosk["id"] != local.kiosk.id:
        raise ConfigError(f"{origin}: the configuration has 1 problem(s):\n  kiosk.id: an overlay cannot change it")
    return validate_config(deep_merge(local.data, overlay), base_dir=local.base_dir, origin=origin)


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, Mapping) and key != "location":
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def changed_keys(old: Config, new: Config) -> list[str]:
    """The dotted keys whose validated values differ (``sources`` as one key)."""
    before = _flatten(old.model_dump(mode="json"))
    after = _flatten(new.model_dump(mode="json"))
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def needs_restart(keys: list[str]) -> list[str]:
    return [k for k in keys if k not in RUNTIME_KEYS]
