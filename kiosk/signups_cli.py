"""``kiosk signups``: export the pending sign-ups as CSV, or run the reference receiver.

No Qt here: both work on a machine without a display.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.config import Config

log = logging.getLogger(__name__)

OUTBOX_FILE = "signups.sqlite"


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:  # noqa: ANN401 - argparse's private type
    signups = commands.add_parser("signups", help="sign-ups made on the kiosk").add_subparsers(dest="signups_command")
    export = signups.add_parser(
        "export", parents=[common], help="write the sign-ups not yet delivered to a CSV file, then remove them"
    )
    export.add_argument("--out", help="the CSV file (default: signups-DATE.csv here; '-' for standard output)")
    serve = signups.add_parser("serve", parents=[common], help="a reference receiver for sign-ups (demos, tests)")
    serve.add_argument("--port", type=int, required=True, help="the TCP port (0: any free port)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: loopback only)")
    serve.add_argument("--store", type=Path, default=Path("received-signups.sqlite"), help="the SQLite file")
    serve.add_argument("--token-env", metavar="VAR", help="require 'Authorization: Bearer $VAR' (the variable's value)")


def cmd_export(config: Config, args: argparse.Namespace) -> int:
    from kiosk.app import resolve_data_dir  # noqa: PLC0415
    from kiosk.content.outbox import Outbox, write_private  # noqa: PLC0415

    outbox = Outbox(resolve_data_dir(config, args.data_dir) / OUTBOX_FILE)
    keys: list[str] = []
    target = args.out or f"signups-{datetime.now().astimezone():%Y%m%d-%H%M%S}.csv"
    try:
        if target == "-":
            keys = outbox.export_csv(sys.stdout)
            sys.stdout.flush()
        else:
            write_private(Path(target), lambda out: keys.extend(outbox.export_csv(out)))
    except OSError as exc:
        print(f"cannot write {target}: {exc}; nothing was removed from the kiosk", file=sys.stderr)  # noqa: T201
        return 1
    removed = outbox.remove(keys)
    where = "standard output" if target == "-" else target
    print(f"{removed} sign-up(s) written to {where} and removed from the kiosk", file=sys.stderr)  # noqa: T201
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from kiosk.signup_receiver import ReceiverStore, make_server  # noqa: PLC0415

    token = None
    if args.token_env:
        token = os.environ.get(args.token_env)
        if not token:
            print(f"--token-env: the variable {args.token_env} is not set", file=sys.stderr)  # noqa: T201
            return 2
    server = make_server(ReceiverStore(args.store), args.host, args.port, token)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    # The first line says where to send sign-ups (tests and scripts read it).
    print(f"listening on {server.url}", flush=True)  # noqa: T201
    log.info("storing sign-ups in %s%s", args.store, " (bearer token required)" if token else "")
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    log.info("the receiver stopped")
    return 0


def dispatch(args: argparse.Namespace, load: Any) -> int:  # noqa: ANN401 - load_config
    if args.signups_command == "serve":
        return cmd_serve(args)
    return cmd_export(load(getattr(args, "config", None)), args)
