"""A speech-dispatcher for the tests: answers its protocol (SSIP) on a Unix socket, in a process of its own.

    python tests/speechd_stand_in.py SOCKET LOG [--hold | --mute] [--voice LANGUAGE ...]

It prints "listening" once clients can connect. Each line a client sends is appended to LOG (a text read aloud as
``SPEAK <text>``), and "hung up" when it has gone. ``--hold``: the first answer waits for a line on standard
input (10 s at most), the way a daemon being started keeps its first client waiting. ``--mute``: nothing is ever
answered, like a daemon stuck on its sound output. Voices: one per ``--voice`` language, in the only module,
"espeak-ng". It ends when its standard input closes (the test that started it has gone). A process of its own:
a client calling speech-dispatcher from Python holds the GIL while it waits, which would stop a server thread
in the same interpreter.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path

HOLD_AT_MOST_S = 10.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("socket", type=Path)
    parser.add_argument("log", type=Path)
    parser.add_argument("--hold", action="store_true")
    parser.add_argument("--mute", action="store_true")
    parser.add_argument("--voice", action="append", default=[])
    args = parser.parse_args()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(args.socket))
    server.listen()
    told, held = threading.Event(), threading.Event()
    if not args.hold:
        held.set()
    threading.Thread(target=listen_to_the_test, args=(told,), daemon=True).start()
    lock = threading.Lock()
    with args.log.open("a", encoding="utf-8") as log:

        def write(line: str) -> None:
            with lock:
                log.write(line + "\n")
                log.flush()

        sys.stdout.write("listening\n")
        sys.stdout.flush()
        silent: list[socket.socket] = []
        while True:
            client, _address = server.accept()
            if args.mute:
                silent.append(client)  # kept open: the client waits for its answer for good
                continue
            threading.Thread(target=serve, args=(client, args.voice, told, held, write), daemon=True).start()


def listen_to_the_test(told: threading.Event) -> None:
    for _line in sys.stdin:
        told.set()
    os._exit(0)


def serve(
    client: socket.socket,
    voices: list[str],
    told: threading.Event,
    held: threading.Event,
    write: Callable[[str], None],
) -> None:
    lines = client.makefile("r", encoding="utf-8", newline="")
    for raw in lines:
        command = raw.rstrip("\r\n")
        upper = command.upper()
        if upper != "SPEAK":
            write(command)
        if not held.is_set():
            write("released" if told.wait(HOLD_AT_MOST_S) else "held too long")
            held.set()
        if upper == "SPEAK":
            client.sendall(b"230 OK RECEIVING DATA\r\n")
            text = []
            for data in lines:
                if data.rstrip("\r\n") == ".":
                    break
                text.append(data.rstrip("\r\n"))
            write("SPEAK " + "\n".join(text))
            client.sendall(b"225-1\r\n225 OK MESSAGE QUEUED\r\n")
            continue
        client.sendall(answer(upper, voices))
        if upper == "QUIT":
            break
    client.close()
    write("hung up")


def answer(command: str, voices: list[str]) -> bytes:
    if command.startswith("LIST OUTPUT_MODULES"):
        return b"250-espeak-ng\r\n250 OK MODULE LIST SENT\r\n"
    if command.startswith("LIST SYNTHESIS_VOICES"):
        listed = "".join(f"249-Voice-{language}\t{language}\tnone\r\n" for language in voices)
        return (listed + "249 OK VOICE LIST SENT\r\n").encode()
    if command.startswith("GET OUTPUT_MODULE"):
        return b"251-espeak-ng\r\n251 OK GET RETURNED\r\n"
    if command == "QUIT":
        return b"231 HAPPY HACKING\r\n"
    return b"200 OK\r\n"  # SET ..., CANCEL ...: every setting is taken


if __name__ == "__main__":
    main()
