"""The ``kiosk`` command: run the kiosk, and the tools operators and tests use.

Configuration problems print one clear message and exit with code 2, never a traceback. Qt is
imported only by the commands that draw (run, screenshot, selftest), so ``content dump`` and
``check-config`` stay quick and work on a machine without a display.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
import tomllib
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import TypeAdapter, ValidationError

from kiosk import __version__, logs, ops_cli, signups_cli
from kiosk.config import DEFAULT_CONFIG, SOURCE_KINDS, Config, ConfigError, Source, format_errors, load_config
from kiosk.content.model import SourceState, SourceStatus
from kiosk.content.sources.base import Window

SOURCE_ADAPTER: TypeAdapter[Source] = TypeAdapter(Source)

log = logging.getLogger("kiosk")

EXIT_OK, EXIT_FAILURE, EXIT_CONFIG = 0, 1, 2
SCREENS = (
    "home",
    "programme",
    "event",
    "map",
    "staff",
    "idle",
    "attract",
    "signage",
    "maintenance",
    "discovery",
    "signup",
    "place",
    "activity",
    "activity-map",
    "staff-pin",
)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, help=f"the TOML configuration (default: {DEFAULT_CONFIG.name})")
    common.add_argument("--data-dir", type=Path, help="where content and caches are kept (or KIOSK_DATA_DIR)")
    common.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])

    parser = argparse.ArgumentParser(prog="kiosk", description="The L.I.V.E kiosk of the Champ Libre.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    commands = parser.add_subparsers(dest="command")

    run = commands.add_parser("run", parents=[common], help="start the kiosk (the default command)")
    run.add_argument("--windowed", action="store_true", help="a window instead of full screen (development)")

    check = commands.add_parser("check-config", parents=[common], help="validate a configuration file")
    check.add_argument("file", type=Path, nargs="?")

    content = commands.add_parser("content", help="inspect content").add_subparsers(dest="content_command")
    dump = content.add_parser("dump", parents=[common], help="print the normalized content as JSON")
    dump.add_argument("--from", dest="from_", metavar="DATE", help="window start (default: now)")
    dump.add_argument("--to", metavar="DATE", help="window end (default: start + the configured days)")

    check = content.add_parser(
        "check", parents=[common], help="read one feed and say what it contains and what was skipped"
    )
    check.add_argument("--kind", required=True, choices=SOURCE_KINDS)
    check.add_argument("--url", required=True, help="an http(s) URL or a file path")
    check.add_argument("--key", help="openagenda: the API key (default: the OPENAGENDA_KEY variable)")
    check.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="another key of the source, as a TOML value: --set produces='\"places\"'",
    )
    check.add_argument("--from", dest="from_", metavar="DATE", help="window start (default: now)")
    check.add_argument("--to", metavar="DATE", help="window end (default: start + 60 days)")
    check.add_argument("--json", action="store_true", help="print the normalized content and the skipped items")

    shot = commands.add_parser("screenshot", parents=[common], help="render a screen to a PNG, offscreen")
    shot.add_argument("view", choices=SCREENS)
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT (default 1920x1080)")
    shot.add_argument("--lang", choices=["fr", "en", "nl"])
    shot.add_argument("--event-id", help="the event to show (default: the first upcoming one)")
    shot.add_argument("--text-size", type=int, choices=[100, 150, 200], default=100, help="the A+ button's step")
    shot.add_argument("--high-contrast", action="store_true", help="the high-contrast theme")

    hash_pin = commands.add_parser("hash-pin", help="print the hash of a staff PIN, for [staff] pin_hash")
    hash_pin.add_argument("--stdin", action="store_true", help="read the PIN from standard input (no prompt)")

    commands.add_parser("selftest", parents=[common], help="build every screen offscreen; exit 0 if all is well")

    activities = commands.add_parser("activities", help="the discovery activities").add_subparsers(
        dest="activities_command"
    )
    stats = activities.add_parser("stats", parents=[common], help="anonymous counts: started, finished, right answers")
    stats.add_argument("--csv", action="store_true", help="every day's counts as CSV, for a spreadsheet")

    tiles = commands.add_parser("map", help="the leisure map's tiles").add_subparsers(dest="map_command")
    prefetch = tiles.add_parser(
        "prefetch", parents=[common], help="store the tiles of [map] prefetch_bbox and prefetch_zooms for offline use"
    )
    prefetch.add_argument("--max-tiles", type=int, default=1000, help="refuse an area with more tiles (default 1000)")
    prefetch.add_argument("--dry-run", action="store_true", help="only say how many tiles the area holds")
    signups_cli.add_commands(commands, common)
    ops_cli.add_commands(commands, common)
    return parser


def _moment(text: str, tz: ZoneInfo, *, end_of_day: bool = False) -> datetime:
    """An ISO date (midnight, kiosk time) or date-time (kiosk time when it has no offset)."""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime.combine(day + timedelta(days=1 if end_of_day else 0), time(), tz)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"not a date: {text!r} (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise ConfigError(f"--size: expected WIDTHxHEIGHT such as 1920x1080, not {text!r}") from None
    if not (320 <= width <= 7680 and 320 <= height <= 7680):
        raise ConfigError(f"--size: {text} is out of range (320 to 7680 pixels a side)")
    return width, height


def _window(args: argparse.Namespace, tz: ZoneInfo, days: int) -> Window:
    start = _moment(args.from_, tz) if args.from_ else datetime.now(UTC)
    end = _moment(args.to, tz, end_of_day=True) if args.to else start + timedelta(days=days)
    if end <= start:
        raise ConfigError("--to must come after --from")
    return Window(start, end)


def _check_source(args: argparse.Namespace) -> Source:
    """A source built from the command line, validated like one from a configuration file."""
    fields: dict[str, object] = {"name": "check", "kind": args.kind, "url": args.url}
    if args.key:
        fields["key"] = args.key
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            raise ConfigError(f"--set {item!r}: expected KEY=VALUE")
        try:
            fields[key.strip()] = tomllib.loads(f"value = {value}")["value"]
        except tomllib.TOMLDecodeError:
            fields[key.strip()] = value  # a bare word is taken as text
    try:
        return SOURCE_ADAPTER.validate_python(fields, context={"base_dir": Path.cwd()})
    except ValidationError as exc:
        raise ConfigError(format_errors(exc, "content check")) from None


def cmd_check(args: argparse.Namespace) -> int:
    from kiosk.content.fetch import FetchSettings, HttpFetcher  # noqa: PLC0415
    from kiosk.content.model import Snapshot  # noqa: PLC0415
    from kiosk.content.sources.base import FeedError  # noqa: PLC0415
    from kiosk.content.sync import MODULES, merge  # noqa: PLC0415

    source = _check_source(args)
    window = _window(args, ZoneInfo("Europe/Paris"), 60)
    fetcher = HttpFetcher(FetchSettings(user_agent=f"LIVE-kiosk/{__version__} (content check)"))
    try:
        result = MODULES[source.kind].read(source, fetcher, window)
    except FeedError as exc:
        print(f"{args.url}: unusable: {exc}", file=sys.stderr)  # noqa: T201
        return EXIT_FAILURE
    finally:
        fetcher.close()
    from kiosk.content.store import SourceContent  # noqa: PLC0415

    status = SourceStatus(source.name, source.kind, SourceState.OK, result.items, None, datetime.now(UTC))
    content = SourceContent(
        status, tuple(result.events), tuple(result.places), tuple(result.stops), tuple(result.activities)
    )
    snapshot: Snapshot = merge({source.name: content}, window)
    if args.json:
        doc = {**snapshot.to_json(), "skipped": [s.to_json() for s in result.skipped]}
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    lines = [
        f"{args.url} ({source.kind}):",
        f"  {len(snapshot.events)} event occurrence(s) between {window.start:%Y-%m-%d %H:%M}"
        f" and {window.end:%Y-%m-%d %H:%M}",
        f"  {len(snapshot.places)} place(s), {len(snapshot.stops)} stop(s), {len(snapshot.activities)} activity(ies)",
        f"  {len(result.skipped)} record(s) skipped" + (":" if result.skipped else ""),
    ]
    lines += [f"    - {s.item}: {s.reason}" for s in result.skipped]
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def cmd_dump(config: Config, args: argparse.Namespace) -> int:
    from kiosk.app import make_fetcher, resolve_data_dir, utc_now  # noqa: PLC0415
    from kiosk.content.store import SnapshotStore  # noqa: PLC0415
    from kiosk.content.sync import merge, refresh  # noqa: PLC0415

    window = _window(args, ZoneInfo(config.kiosk.timezone), config.content.window_days)
    data_dir = resolve_data_dir(config, args.data_dir)
    store = SnapshotStore(data_dir / "snapshot.json")
    fetcher = make_fetcher(config, data_dir)
    try:
        result = refresh(config.sources, fetcher, store.load(), utc_now(), window, ZoneInfo(config.kiosk.timezone))
    finally:
        fetcher.close()
    store.save(result.contents, utc_now())
    json.dump(merge(result.contents, window).to_json(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def cmd_hash_pin(args: argparse.Namespace) -> int:
    from kiosk.pin import hash_pin  # noqa: PLC0415

    if args.stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("PIN (4 to 12 digits): ")
        if getpass.getpass("Again: ") != pin:
            print("The two PINs differ.", file=sys.stderr)  # noqa: T201
            return EXIT_FAILURE
    try:
        print(hash_pin(pin))  # noqa: T201 - the hash is the command's output
    except ValueError as exc:
        print(f"Not accepted: {exc}.", file=sys.stderr)  # noqa: T201
        return EXIT_FAILURE
    return EXIT_OK


def cmd_map_prefetch(args: argparse.Namespace) -> int:
    """A bounded, polite download of the configured area's tiles (one at a time), for a kiosk often offline."""
    from kiosk.app import make_tile_source, resolve_data_dir  # noqa: PLC0415
    from kiosk.content.tiles import PREFETCH_HARD_CAP, PrefetchRefusedError, count_tiles, prefetch  # noqa: PLC0415

    config = load_config(args.config)
    bbox, zooms = config.map.prefetch_bbox, config.map.prefetch_zooms
    total = count_tiles(bbox, zooms)
    if args.dry_run:
        print(f"{total} tiles at zooms {zooms[0]}-{zooms[1]} (hard cap {PREFETCH_HARD_CAP})")  # noqa: T201
        return EXIT_OK
    source = make_tile_source(config, resolve_data_dir(config, args.data_dir))
    try:
        downloaded, cached = prefetch(source, bbox, zooms, args.max_tiles)
    except PrefetchRefusedError as exc:
        print(f"refused: {exc}", file=sys.stderr)  # noqa: T201
        return EXIT_FAILURE
    finally:
        source.close()
    print(f"{downloaded} tiles downloaded, {cached} already cached, of {total}")  # noqa: T201
    return EXIT_OK if downloaded + cached == total else EXIT_FAILURE


def cmd_activity_stats(config: Config, args: argparse.Namespace) -> int:
    """The activities' anonymous statistics, as text or CSV (kiosk/content/activity_stats.py)."""
    from kiosk.app import resolve_data_dir  # noqa: PLC0415
    from kiosk.content.activity_stats import ActivityStats  # noqa: PLC0415

    stats = ActivityStats(resolve_data_dir(config, args.data_dir) / "activity-stats.sqlite")
    if args.csv:
        stats.write_csv(sys.stdout)
        return EXIT_OK
    lines = []
    for activity in stats.summary():
        lines.append(f"{activity.activity}: started {activity.started}, finished {activity.finished}")
        for step in activity.steps:
            rate = f"{step.success_rate:.0%}" if step.success_rate is not None else "-"
            lines.append(
                f"  step {step.step} ({step.kind}): {step.right_first_time}/{step.answered} right first time ({rate})"
            )
    sys.stdout.write("\n".join(lines or ["no activity played yet"]) + "\n")
    return EXIT_OK


def _dispatch(command: str, args: argparse.Namespace) -> int:  # noqa: PLR0911 - one return per command
    if command == "signups":
        return signups_cli.dispatch(args, load_config)
    if command in ("status", "stats"):
        return ops_cli.dispatch(args, load_config)
    if command == "hash-pin":
        return cmd_hash_pin(args)
    if command == "activities":
        return cmd_activity_stats(load_config(args.config), args)
    if command == "check-config":
        config = load_config(args.file or args.config)
        print(f"{args.file or args.config or DEFAULT_CONFIG}: OK ({len(config.sources)} source(s))")  # noqa: T201
        return EXIT_OK
    if command == "content" and args.content_command == "check":
        return cmd_check(args)
    config = load_config(getattr(args, "config", None))
    if command == "content":
        return cmd_dump(config, args)
    if command == "screenshot":
        from kiosk.screens import screenshot  # noqa: PLC0415 - Qt only when drawing

        return screenshot(
            config,
            args.view,
            args.out,
            _size(args.size),
            args.lang,
            args.event_id,
            args.data_dir,
            text_size=args.text_size,
            high_contrast=args.high_contrast,
        )
    if command == "selftest":
        from kiosk.screens import selftest  # noqa: PLC0415

        return selftest(config, args.data_dir)
    from kiosk.app import resolve_data_dir, run  # noqa: PLC0415

    return run(
        config, resolve_data_dir(config, getattr(args, "data_dir", None)), windowed=getattr(args, "windowed", False)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    command = args.command or "run"
    if command == "content" and args.content_command is None:
        parser.parse_args(["content", "--help"])
    if command == "activities" and args.activities_command is None:
        parser.parse_args(["activities", "--help"])
    if command == "map" and args.map_command is None:
        parser.parse_args(["map", "--help"])
    if command == "signups" and args.signups_command is None:
        parser.parse_args(["signups", "--help"])
    if command == "stats" and args.stats_command is None:
        parser.parse_args(["stats", "--help"])
    logs.setup_console(getattr(args, "log_level", "INFO"))  # the journal's format under systemd
    try:
        return cmd_map_prefetch(args) if command == "map" else _dispatch(command, args)
    except ConfigError as exc:
        print(exc, file=sys.stderr)  # noqa: T201 - the message is the user interface here
        return EXIT_CONFIG
