"""The ``kiosk`` command: run the kiosk, and the tools operators and tests use.

Configuration problems print one clear message and exit with code 2, never a traceback. Qt is
imported only by the commands that draw (run, screenshot, selftest), so ``content dump`` and
``check-config`` stay quick and work on a machine without a display.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk import __version__
from kiosk.config import DEFAULT_CONFIG, Config, ConfigError, load_config

log = logging.getLogger("kiosk")

EXIT_OK, EXIT_FAILURE, EXIT_CONFIG = 0, 1, 2
SCREENS = ("home", "programme", "event", "places")


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

    shot = commands.add_parser("screenshot", parents=[common], help="render a screen to a PNG, offscreen")
    shot.add_argument("view", choices=SCREENS)
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT (default 1920x1080)")
    shot.add_argument("--lang", choices=["fr", "en", "nl"])
    shot.add_argument("--event-id", help="the event to show (default: the first upcoming one)")

    commands.add_parser("selftest", parents=[common], help="build every screen offscreen; exit 0 if all is well")
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


def cmd_dump(config: Config, args: argparse.Namespace) -> int:
    from kiosk.app import make_fetcher, resolve_data_dir, utc_now  # noqa: PLC0415
    from kiosk.content.sources.base import Window  # noqa: PLC0415
    from kiosk.content.store import SnapshotStore  # noqa: PLC0415
    from kiosk.content.sync import merge, refresh  # noqa: PLC0415

    tz = ZoneInfo(config.kiosk.timezone)
    start = _moment(args.from_, tz) if args.from_ else utc_now()
    end = _moment(args.to, tz, end_of_day=True) if args.to else start + timedelta(days=config.content.window_days)
    if end <= start:
        raise ConfigError("--to must come after --from")
    window = Window(start, end)
    data_dir = resolve_data_dir(config, args.data_dir)
    store = SnapshotStore(data_dir / "snapshot.json")
    fetcher = make_fetcher(config, data_dir)
    try:
        result = refresh(config.sources, fetcher, store.load(), utc_now(), window)
    finally:
        fetcher.close()
    store.save(result.contents, utc_now())
    json.dump(merge(result.contents, window).to_json(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "run"
    logging.basicConfig(
        level=getattr(args, "log_level", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        if command == "check-config":
            config = load_config(args.file or args.config)
            print(f"{args.file or args.config or DEFAULT_CONFIG}: OK ({len(config.sources)} source(s))")  # noqa: T201
            return EXIT_OK
        if command == "content" and args.content_command is None:
            _parser().parse_args(["content", "--help"])
        config = load_config(getattr(args, "config", None))
        if command == "content":
            return cmd_dump(config, args)
        if command == "screenshot":
            from kiosk.screens import screenshot  # noqa: PLC0415 - Qt only when drawing

            width, height = _size(args.size)
            return screenshot(config, args.view, args.out, (width, height), args.lang, args.event_id, args.data_dir)
        if command == "selftest":
            from kiosk.screens import selftest  # noqa: PLC0415

            return selftest(config, args.data_dir)
        from kiosk.app import resolve_data_dir, run  # noqa: PLC0415

        return run(
            config, resolve_data_dir(config, getattr(args, "data_dir", None)), windowed=getattr(args, "windowed", False)
        )
    except ConfigError as exc:
        print(exc, file=sys.stderr)  # noqa: T201 - the message is the user interface here
        return EXIT_CONFIG
