"""``kiosk status`` and ``kiosk stats``: what operators read from a kiosk's data folder, without Qt."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.config import Config

EXIT_OK, EXIT_FAILURE = 0, 1


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    commands.add_parser(
        "status", parents=[common], help="print the kiosk's last status document (status.json in the data folder)"
    )
    stats = commands.add_parser("stats", help="anonymous usage statistics").add_subparsers(dest="stats_command")
    export = stats.add_parser("export", parents=[common], help="the hourly counts as CSV")
    export.add_argument("--out", default="-", help="a file, or - for standard output (default)")
    export.add_argument("--days", type=int, help="only the last N days")


def data_dir_of(config: Config, override: Path | None) -> Path:
    """The data folder as the running kiosk resolves it (kiosk/app.py resolve_data_dir), without creating it."""
    import os  # noqa: PLC0415

    env = os.environ.get("KIOSK_DATA_DIR")
    chosen = override or (Path(env) if env else None) or config.kiosk.data_dir
    if chosen is None:
        import platformdirs  # noqa: PLC0415 - only when no folder is given (~10 ms of import)

        chosen = platformdirs.user_data_path("live-kiosk", appauthor=False)
    return chosen.expanduser()


def dispatch(args: argparse.Namespace, load: Callable[[Path | None], Config]) -> int:
    data_dir = args.data_dir if args.data_dir is not None else data_dir_of(load(args.config), None)
    if args.command == "status":
        return cmd_status(data_dir)
    return cmd_stats_export(data_dir, args.out, args.days)


def cmd_status(data_dir: Path) -> int:
    from kiosk.health import read_status  # noqa: PLC0415

    doc = read_status(data_dir)
    if doc is None:
        print(f"no status document in {data_dir} (is the kiosk running there?)", file=sys.stderr)  # noqa: T201
        return EXIT_FAILURE
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def cmd_stats_export(data_dir: Path, out: str, days: int | None) -> int:
    from kiosk.content.usage_stats import UsageStats  # noqa: PLC0415
    from kiosk.operations import USAGE_FILE  # noqa: PLC0415

    path = data_dir / USAGE_FILE
    if not path.exists():
        print(f"no usage statistics in {data_dir}", file=sys.stderr)  # noqa: T201
        return EXIT_FAILURE
    stats = UsageStats(path)
    since = datetime.now(UTC) - timedelta(days=days) if days else None
    if out == "-":
        stats.write_csv(sys.stdout, since)
        return EXIT_OK
    with Path(out).open("w", encoding="utf-8", newline="") as target:
        rows = stats.write_csv(target, since)
    print(f"{rows} rows written to {out}", file=sys.stderr)  # noqa: T201
    return EXIT_OK
