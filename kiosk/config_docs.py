"""docs/configuration.md, written from the configuration models themselves (``make docs``).

The models carry every key's type, default, bounds and description, so the page cannot drift from
the code: a test fails when the committed page differs from what this module writes.
"""

from __future__ import annotations

import json
import sys
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from kiosk.config import (
    RESOURCES,
    Config,
    ContentSection,
    DisplaySection,
    FleetSection,
    HealthSection,
    HeartbeatSection,
    IdleSection,
    KioskSection,
    LanguagesSection,
    Location,
    LogsSection,
    MapSection,
    ModesSection,
    SignupsSection,
    StaffSection,
    StatsSection,
)
from kiosk.content.sources.kiosk_feed import json_schema
from kiosk.content.sync import MODULES

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"
SCHEMA = RESOURCES / "schema" / "feed.schema.json"

INTRO = """# Configuration

<!-- Written by `make docs` from kiosk/config.py and the source modules; do not edit by hand. -->

The kiosk reads one TOML file: `kiosk run --config FILE` (without `--config`, the bundled example
`resources/config/kiosk.toml`). `kiosk check-config FILE` validates a file without starting anything.
Every problem is reported at once, each naming its key (`sources[1].url: file not found: ...`), and the
kiosk exits with code 2: an unknown key or a wrong type is never ignored.

Relative file paths are read from the configuration file's folder. A source's `url` is an `http(s)` URL
or a file path; files must exist when the kiosk starts.

```toml
schema_version = 1

[kiosk]
id = "champ-libre-accueil"
location = { name = "Le Champ Libre", lat = 50.70400, lon = 3.17250 }

[[sources]]
name = "programme-live"
kind = "ical"
url = "../content/programme.ics"
```
"""


def _type_name(annotation: Any) -> str:  # noqa: ANN401, PLR0911 - one answer per shape of annotation
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Literal:
        return " \\| ".join(f'`"{a}"`' if isinstance(a, str) else f"`{a}`" for a in args)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in args if a is not type(None)) + (
            " (optional)" if type(None) in args else ""
        )
    if origin in (list, tuple):
        return f"list of {_type_name(args[0])}" if args else "list"
    if origin is dict:
        return f"table of {_type_name(args[1])}"
    if origin is typing.Annotated:
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "table"
    names = {str: "text", int: "integer", float: "number", bool: "true/false", Path: "path"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _bounds(field: FieldInfo) -> str:
    unit = "character(s)" if field.annotation is str else "item(s)"
    parts = []
    for item in field.metadata:
        for name, symbol in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<")):
            if (value := getattr(item, name, None)) is not None:
                parts.append(f"{symbol} {value}")
        if (length := getattr(item, "min_length", None)) is not None:
            parts.append(f"at least {length} {unit}")
    return "; ".join(parts)


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "**required**"
    value = field.default
    if value is PydanticUndefined or value is None:
        return "—"
    if isinstance(value, BaseModel):
        return "see below"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, str):
        return f'`"{value}"`'
    return f"`{value}`"


def _is_model(field: FieldInfo) -> bool:
    return isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)


def _table(model: type[BaseModel], prefix: str, skip: tuple[str, ...] = ()) -> list[str]:
    rows = ["| key | type | default | meaning |", "| --- | --- | --- | --- |"]
    for name, field in model.model_fields.items():
        if name in skip:
            continue
        meaning = (field.description or ("The source's kind." if name == "kind" else "")).replace("|", "\\|")
        if bounds := _bounds(field):
            meaning += f" ({bounds})"
        rows.append(f"| `{prefix}{name}` | {_type_name(field.annotation)} | {_default(field)} | {meaning} |")
    return rows


def render() -> str:
    lines = [INTRO]
    lines += [
        "## Top level",
        "",
        *_table(Config, "", skip=tuple(n for n, f in Config.model_fields.items() if n == "sources" or _is_model(f))),
        "",
    ]
    sections: list[tuple[str, type[BaseModel], str]] = [
        ("kiosk", KioskSection, "Who and where this kiosk is."),
        ("kiosk.location", Location, 'Written inline: `location = { name = "...", lat = 50.70, lon = 3.17 }`.'),
        ("languages", LanguagesSection, "The languages offered to visitors (French is the source language)."),
        ("content", ContentSection, "How content is fetched and how far ahead it is shown."),
        ("display", DisplaySection, "The screen."),
        (
            "modes",
            ModesSection,
            "Kiosk modes: accueil (visitors), decouverte (school groups), affichage (signage), "
            "hors-service (maintenance).",
        ),
        ("staff", StaffSection, "The staff panel, reached by a long press on the logo, then the PIN."),
        ("idle", IdleSection, "What happens when visitors walk away."),
        (
            "map",
            MapSection,
            "The leisure map « Sorties près d'ici »: its tiles (cached on disk, fetched politely; "
            "`kiosk map prefetch` stores the area for offline use) and the « près d'ici » distances.",
        ),
        (
            "signups",
            SignupsSection,
            "Sign-ups made on the kiosk (« S'inscrire ici »): kept in an outbox (SQLite, mode 0600) until they are "
            "delivered to the endpoint, exported with `kiosk signups export`, or purged; and the QR codes' tagging.",
        ),
        (
            "fleet",
            FleetSection,
            "A configuration overlay kept on a server, per kiosk: merged over this file at start and on each "
            "refresh, validated like it, refused whole when wrong (docs/deployment.md).",
        ),
        ("heartbeat", HeartbeatSection, "The status document: always written to status.json, optionally POSTed."),
        ("logs", LogsSection, "Where the logs go: a size-rotated file in the data folder, and the journal."),
        ("health", HealthSection, "The map's memory ceiling and the nightly restart."),
        (
            "stats",
            StatsSection,
            "Anonymous usage statistics (counts per hour, no identifier, no free text) and the one-tap feedback.",
        ),
    ]
    for name, model, text in sections:
        lines += [f"## `[{name}]`", "", text, "", *_table(model, ""), ""]
    lines += [
        "## `[[sources]]`",
        "",
        "Each `[[sources]]` table is one backend, of one `kind`. With no source (or none reachable and no",
        "saved content), the kiosk shows the bundled pack in `resources/content/`. docs/backends/ has a",
        "working example for each kind.",
        "",
    ]
    for kind, module in MODULES.items():
        model = next(
            v
            for v in vars(module).values()
            if isinstance(v, type)
            and issubclass(v, BaseModel)
            and "kind" in v.model_fields
            and typing.get_args(v.model_fields["kind"].annotation) == (kind,)
        )
        lines += [
            f'### `kind = "{kind}"`',
            "",
            (model.__doc__ or "").strip().splitlines()[0],
            "",
            *_table(model, ""),
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    OUTPUT.write_text(render(), encoding="utf-8")
    SCHEMA.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stderr.write(f"wrote {OUTPUT} and {SCHEMA}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
