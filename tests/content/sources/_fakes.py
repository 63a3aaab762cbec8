"""Test helpers shared by the source tests: a fetcher that serves canned bytes, JSON mutations."""

from __future__ import annotations

import copy
import json
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from kiosk.content.sources.base import FeedError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

ParamsKey = tuple[tuple[str, str | tuple[str, ...]], ...]


def params_key(params: Mapping[str, str | list[str]] | None) -> ParamsKey:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in (params or {}).items()))


class FakeFetcher:
    """Serves ``responses[(url, params_key(params))]`` and records every call."""

    def __init__(self, responses: Mapping[tuple[str, ParamsKey], bytes]) -> None:
        self.responses = dict(responses)
        self.calls: list[tuple[str, dict[str, str | list[str]]]] = []

    def get(
        self,
        url: str,
        params: Mapping[str, str | list[str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> bytes:
        self.calls.append((url, dict(params or {})))
        try:
            return self.responses[(url, params_key(params))]
        except KeyError:
            raise FeedError(f"unexpected request {url} {params_key(params)}") from None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out.extend(_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out.extend(_paths(child, (*prefix, index)))
    return out


@st.composite
def mutated_json(draw: st.DrawFn, document: Any, mutations: int = 3) -> bytes:
    """``document`` with a few values (anywhere in it) replaced by random JSON, or deleted."""
    doc = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, mutations))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        if not path:
            doc = draw(json_values)
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(json_values)
    return json.dumps(doc).encode()


@st.composite
def mutated_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few bytes overwritten, and maybe cut short."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        buf[draw(st.integers(0, len(buf) - 1))] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        buf = buf[: draw(st.integers(0, len(buf)))]
    return bytes(buf)


def doc_examples(name: str) -> list[dict[str, Any]]:
    """The ``[[sources]]`` tables of every TOML example in docs/backends/<name>.md."""
    doc = (FIXTURES.parents[1] / "docs" / "backends" / f"{name}.md").read_text(encoding="utf-8")
    blocks = [part.split("```", 1)[0] for part in doc.split("```toml\n")[1:]]
    return [source for block in blocks for source in tomllib.loads(block)["sources"]]
