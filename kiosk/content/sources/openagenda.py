"""OpenAgenda API v2 source: the events of one agenda, one Event per timing in the window.

``GET {url}?key=...&relative[]=current&relative[]=upcoming&detailed=1&size=300`` returns
``{"total", "events": [...], "after": [...] | null, "success"}``; the next page is asked for with
``after[]`` set to the previous ``after`` until it is ``null``.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from pydantic import Field, field_validator

from kiosk.content.model import EVENT_CATEGORIES
from kiosk.content.sources.base import FeedError, Fetcher, ParseResult, SourceBase, Window, is_http

__all__ = ["OpenAgendaSource", "parse_page", "read"]

logger = logging.getLogger(__name__)

MAX_PAGE_SIZE = 300
_AGENDA_RE = re.compile(r"/agendas/(\d+)/events")


class OpenAgendaSource(SourceBase):
    """``[[sources]]`` keys of an OpenAgenda agenda (see docs/backends/openagenda.md)."""

    kind: Literal["openagenda"] = "openagenda"
    key: str | None = Field(
        default=None,
        description=(
            "The OpenAgenda public read key. Prefer leaving this unset and putting the key in the "
            "environment variable named by key_env, so it stays out of the configuration file."
        ),
    )
    key_env: str = Field(
        default="OPENAGENDA_KEY",
        min_length=1,
        description="The environment variable holding the key when `key` is not set.",
    )
    page_size: int = Field(default=MAX_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Events per request (1 to 300).")
    max_pages: int = Field(default=100, ge=1, description="A safety cap on requests per sync; the rest is left out.")
    language: str = Field(
        default="fr",
        min_length=2,
        description="The agenda's language: plain-string texts and keywords are taken in it.",
    )
    categories: dict[str, str] = Field(
        default_factory=dict,
        description='Keyword (any case) -> kiosk event category, e.g. {atelier = "atelier"}.',
    )
    default_categories: list[str] = Field(
        default_factory=list,
        description="Categories given to events none of whose keywords is in `categories`.",
    )

    @field_validator("categories")
    @classmethod
    def _check_categories(cls, value: dict[str, str]) -> dict[str, str]:
        _check_known(value.values())
        return value

    @field_validator("default_categories")
    @classmethod
    def _check_default_categories(cls, value: list[str]) -> list[str]:
        _check_known(value)
        return value

    def resolved_key(self) -> str | None:
        """The key from the configuration, else from the environment; never logged."""
        return self.key or os.environ.get(self.key_env) or None


def _check_known(categories: Iterable[str]) -> None:
    unknown = sorted(set(categories) - set(EVENT_CATEGORIES))
    if unknown:
        raise ValueError(f"unknown event categories {unknown}; known: {list(EVENT_CATEGORIES)}")


# --- parsing -------------------------------------------------------------------------------------


def parse_page(
    data: bytes,
    *,
    source: str,
    window: Window,
    language: str = "fr",
    categories: Mapping[str, str] | None = None,
    default_categories: Sequence[str] = (),
    agenda_uid: str | None = None,
) -> tuple[ParseResult, list[str] | None]:
    """One page of ``/v2/agendas/{uid}/events`` -> its occurrences in ``window``, and the cursor.

    Raises ``FeedError`` when the payload is not such a page (not JSON, an API error, no
    ``events`` list); a bad event is skipped with its reason. (Read by openagenda_page, imported
    here, by the content worker, so that its JSON library stays out of the kiosk's start.)
    """
    from kiosk.content.sources import openagenda_page  # noqa: PLC0415 - see above

    return openagenda_page.parse_page(
        data,
        source=source,
        window=window,
        language=language,
        categories=categories,
        default_categories=default_categories,
        agenda_uid=agenda_uid,
    )


# --- fetching ------------------------------------------------------------------------------------


def read(config: OpenAgendaSource, fetcher: Fetcher, window: Window) -> ParseResult:
    """All pages of the agenda's current and upcoming events, as occurrences in ``window``."""
    options: dict[str, Any] = {
        "source": config.name,
        "window": window,
        "language": config.language,
        "categories": config.categories,
        "default_categories": tuple(config.default_categories),
    }
    match = _AGENDA_RE.search(config.url)
    options["agenda_uid"] = match.group(1) if match else None
    if not is_http(config.url):  # a saved page, for offline tests and demos
        result, _after = parse_page(fetcher.get(config.url), **options)
        return result

    key = config.resolved_key()
    if not key:
        raise FeedError(f"no OpenAgenda key: set the environment variable {config.key_env} (or `key` in the source)")
    total = ParseResult()
    after: list[str] | None = None
    seen_cursors: set[tuple[str, ...]] = set()
    for page in range(1, config.max_pages + 1):
        params: dict[str, str | list[str]] = {
            "key": key,
            "relative[]": ["current", "upcoming"],
            "detailed": "1",
            "size": str(config.page_size),
        }
        if after is not None:
            params["after[]"] = after
        logger.debug("source %s: reading page %d of %s", config.name, page, config.url)
        result, after = parse_page(fetcher.get(config.url, params=params), **options)
        total.extend(result)
        if after is None:
            break
        if tuple(after) in seen_cursors:
            logger.warning("source %s: OpenAgenda repeated a page cursor; stopping", config.name)
            break
        seen_cursors.add(tuple(after))
    else:
        logger.warning(
            "source %s: stopped after max_pages=%d pages; later events are left out",
            config.name,
            config.max_pages,
        )
    logger.info("source %s: %d occurrences, %d skipped", config.name, len(total.events), len(total.skipped))
    return total
