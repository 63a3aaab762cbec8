"""kill -9 at random moments of a sync and of sign-up writes: the files always reopen, nothing is lost or doubled.

Most trials kill ``tests/reliability/crash_worker.py`` (the kiosk's own store, outbox, delivery and sync
code without a screen: it starts fast); a few kill the real ``kiosk run``. The sign-ups go to the
reference receiver, ``kiosk signups serve``, in its own process. After every kill:

- the content snapshot loads, complete (every event of the feed) or absent, never set aside as corrupt;
- the outbox opens, and every sign-up the worker had reported recorded is still in it or at the receiver;
- the receiver holds each sign-up once.

At the end every sign-up is delivered, exactly once, and the receiver saw no more repeated posts than
there were kills (a kill between the receiver's answer and the outbox's note is the only way to get one).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.content.delivery import Deliverer, DeliverySettings
from kiosk.content.outbox import Backoff, Outbox
from kiosk.content.store import SnapshotStore
from kiosk.signup_receiver import ReceiverStore
from tests.conftest import REPO
from tests.helpers.http_server import FaultServer, Reply
from tests.reliability.crash_worker import NOW, signup

EVENTS = 1500  # about 600 kB of snapshot: a save lasts long enough to be cut


def big_feed() -> bytes:
    start = NOW + timedelta(hours=1)
    events = [
        {
            "id": f"e{i}",
            "title": {"fr": f"Atelier n° {i}", "en": f"Workshop #{i}"},
            "description": "Découvrir la fabrication numérique. " * 6,
            "start": (start + timedelta(hours=i % 500)).isoformat(),
            "end": (start + timedelta(hours=i % 500 + 2)).isoformat(),
            "place": {"name": "Le Champ Libre", "address": "rue de l'Union"},
        }
        for i in range(EVENTS)
    ]
    return json.dumps({"version": 1, "events": events}).encode()


@dataclass
class Receiver:
    url: str
    store: Path
    log: Path
    process: subprocess.Popen[str]

    def keys(self) -> list[str]:
        return [r["key"] for r in ReceiverStore(self.store).all()]

    def repeats(self) -> int:
        return self.log.read_text().count("already stored")


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Receiver]:
    """``kiosk signups serve`` on a free port, in its own process."""
    store, log = tmp_path / "received.sqlite", tmp_path / "receiver.log"
    with log.open("w") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "signups", "serve", "--port", "0", "--store", str(store)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    assert line.startswith("listening on "), log.read_text()
    yield Receiver(line.removeprefix("listening on "), store, log, process)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=10)
    process.stdout.close()


@dataclass
class Ledger:
    """What the trials recorded, and where the kills fell."""

    recorded: set[str] = field(default_factory=set)
    kills: Counter[str] = field(default_factory=Counter)


def check_after_kill(data_dir: Path, receiver: Receiver, ledger: Ledger) -> None:
    contents = SnapshotStore(data_dir / "snapshot.json").load()
    assert not (data_dir / "snapshot.corrupt").exists(), "a kill left a snapshot that had to be set aside"
    if contents:
        assert sum(len(c.events) for c in contents.values()) == EVENTS
    pending = {p.signup.key for p in Outbox(data_dir / "signups.sqlite").pending()}
    received = receiver.keys()
    assert len(received) == len(set(received)), "the receiver holds a sign-up twice"
    lost = ledger.recorded - pending - set(received)
    assert not lost, f"recorded sign-ups lost: {lost}"


def kill_worker_once(
    rng: random.Random, target: str, data_dir: Path, feed_url: str, receiver: Receiver, ledger: Ledger
) -> None:
    """Start the worker, wait for the step ``target`` names, kill it somewhere in what follows."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_worker", str(data_dir), feed_url, receiver.url],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines: list[str] = []
    # "sync": after a sign-up was recorded, the delivery and the sync follow (the snapshot is written last);
    # "outbox": the sign-up write itself, an fsync'ed SQLite commit of a millisecond or less.
    wanted, window = ("recorded", 0.4) if target == "sync" else ("recording", 0.002)
    skip = rng.randrange(3)
    while (line := process.stdout.readline()) != "":
        lines.append(line.strip())
        if line.startswith(wanted):
            if skip == 0:
                break
            skip -= 1
    time.sleep(rng.uniform(0, window))
    process.send_signal(signal.SIGKILL)
    lines += process.stdout.read().splitlines()
    process.wait(timeout=10)
    process.stdout.close()
    assert process.returncode == -signal.SIGKILL, f"the worker stopped by itself: {lines[-3:]}"
    ledger.recorded |= {line.split()[1] for line in lines if line.startswith("recorded ")}
    # Where the kill fell is known only afterwards, from the last line the worker wrote: a fast disk may
    # finish the write before the signal lands. The checks after each kill hold wherever it fell.
    last = lines[-1].split()[0] if lines else "start"
    ledger.kills[PHASES.get(last, "between two steps")] += 1


PHASES = {"recording": "during a sign-up write", "recorded": "during delivery or sync"}


def deliver_the_rest(data_dir: Path, receiver: Receiver) -> None:
    outbox = Outbox(data_dir / "signups.sqlite", Backoff(timedelta(milliseconds=1), timedelta(milliseconds=5)))
    deliverer = Deliverer(DeliverySettings(receiver.url), outbox, lambda: datetime.now(UTC))
    deadline = time.monotonic() + 30
    while outbox.count():
        assert time.monotonic() < deadline, "the outbox does not empty"
        deliverer.run_once()
        time.sleep(0.01)
    deliverer.close()


def run_worker_trials(trials: int, seed: int, tmp_path: Path, receiver: Receiver) -> Ledger:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    rng = random.Random(seed)
    ledger = Ledger()
    with FaultServer() as server:
        feed_url = server.route("/feed.json", Reply(body=big_feed()))
        for trial in range(trials):
            kill_worker_once(rng, "sync" if trial % 2 else "outbox", data_dir, feed_url, receiver, ledger)
            check_after_kill(data_dir, receiver, ledger)
    deliver_the_rest(data_dir, receiver)
    received = receiver.keys()
    assert ledger.recorded <= set(received)
    assert len(received) == len(set(received))
    assert receiver.repeats() <= trials
    return ledger


def test_kill_9_during_syncs_and_sign_up_writes(tmp_path: Path, receiver: Receiver) -> None:
    ledger = run_worker_trials(12, seed=1, tmp_path=tmp_path, receiver=receiver)
    assert ledger.recorded and sum(ledger.kills.values()) == 12, ledger.kills


@pytest.mark.slow
def test_kill_9_sixty_times(tmp_path: Path, receiver: Receiver) -> None:
    seed = int(os.environ.get("KIOSK_KILL_SEED", "10"))
    ledger = run_worker_trials(60, seed=seed, tmp_path=tmp_path, receiver=receiver)
    # Half the kills aim at the sign-up write; on any disk some of them land inside it.
    assert ledger.kills["during a sign-up write"] >= 1 and ledger.kills["during delivery or sync"] >= 10, ledger.kills


# -- the real kiosk ---------------------------------------------------------------------------------


def kiosk_config(folder: Path, feed_url: str, receiver: Receiver) -> Path:
    path = folder / "kiosk.toml"
    path.write_text(
        '[kiosk]\nid = "crash-test"\nlocation = { name = "Ici", lat = 50.704, lon = 3.1725 }\n'
        f'[signups]\nendpoint = "{receiver.url}"\nretry_seconds = 1\n'
        f'[[sources]]\nname = "agenda"\nkind = "feed"\nurl = "{feed_url}"\n'
    )
    return path


def kill_real_kiosk(trials: int, tmp_path: Path, receiver: Receiver, seed: int = 3) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    rng = random.Random(seed)
    ledger = Ledger()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(data_dir), KIOSK_TILES_OFFLINE="1")
    if os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    with FaultServer() as server:
        config = kiosk_config(tmp_path, server.route("/feed.json", Reply(body=big_feed())), receiver)
        for trial in range(trials):
            outbox = Outbox(data_dir / "signups.sqlite")  # sign-ups waiting for the kiosk to deliver them
            for index in range(10):
                one = signup(trial * 10 + index)
                outbox.add(one)
                ledger.recorded.add(one.key)
            log = tmp_path / f"kiosk-{trial}.log"
            with log.open("w") as err:
                process = subprocess.Popen(
                    [sys.executable, "-m", "kiosk", "run", "--windowed", "--config", str(config)],
                    cwd=REPO,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=err,
                )
            deadline = time.monotonic() + 60
            while "first paint" not in log.read_text():
                assert process.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.05)
            time.sleep(rng.uniform(0, 1.5))  # somewhere in the first sync and the deliveries
            process.send_signal(signal.SIGKILL)
            assert process.wait(timeout=10) == -signal.SIGKILL
            assert "Traceback" not in log.read_text()
            check_after_kill(data_dir, receiver, ledger)
    deliver_the_rest(data_dir, receiver)
    received = receiver.keys()
    assert ledger.recorded <= set(received) and len(received) == len(set(received))
    assert receiver.repeats() <= trials


def test_kill_9_the_real_kiosk(tmp_path: Path, receiver: Receiver) -> None:
    kill_real_kiosk(1, tmp_path, receiver)


@pytest.mark.slow
def test_kill_9_the_real_kiosk_again_and_again(tmp_path: Path, receiver: Receiver) -> None:
    kill_real_kiosk(5, tmp_path, receiver, seed=int(os.environ.get("KIOSK_KILL_SEED", "10")))
