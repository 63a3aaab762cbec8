"""The reference receiver (shape, token, idempotency) and the `kiosk signups` commands."""

from __future__ import annotations

import csv
import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from kiosk.cli import main
from kiosk.content.outbox import Outbox
from kiosk.signup_receiver import ReceiverStore
from tests.conftest import REPO
from tests.signups.helpers import NAME, running_receiver, signup


def post(url: str, doc: object, key: str | None, token: str | None = None) -> requests.Response:
    headers = {"Content-Type": "application/json"}
    if key is not None:
        headers["Idempotency-Key"] = key
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return requests.post(url, data=json.dumps(doc), headers=headers, timeout=5)


def test_the_receiver_honours_the_key_and_checks_the_shape(tmp_path: Path) -> None:
    one: dict[str, object] = signup().to_json()
    with running_receiver(tmp_path / "r.sqlite") as receiver:
        key = str(one["id"])
        first = post(receiver.url, one, key)
        again = post(receiver.url, one, key)
        assert first.status_code == 201 and again.status_code == 200
        assert first.json()["id"] == again.json()["id"]
        assert again.json()["status"] == "duplicate"
        bad: list[tuple[object, str | None]] = [
            ([1, 2], key),
            ({**one, "people": 11}, key),
            ({**one, "people": True}, key),
            ({**one, "email": "", "phone": ""}, key),
            ({**one, "consent": False}, key),
            ({**one, "event": "x"}, key),
            ({k: v for k, v in one.items() if k != "first_name"}, key),
            (one, None),
            (one, "short"),
            (one, "another-key-0000"),
        ]
        for doc, bad_key in bad:
            answer = post(receiver.url, doc, bad_key)
            assert answer.status_code == 400, (doc, bad_key)
            assert answer.json()["error"]
        broken = requests.post(receiver.url, data=b"{not json", headers={"Idempotency-Key": "k" * 10}, timeout=5)
        assert broken.status_code == 400
    store = ReceiverStore(tmp_path / "r.sqlite")
    assert [r["key"] for r in store.all()] == [one["id"]]
    assert stat.S_IMODE((tmp_path / "r.sqlite").stat().st_mode) == 0o600


def test_the_receiver_can_require_a_token(tmp_path: Path) -> None:
    one = signup().to_json()
    with running_receiver(tmp_path / "r.sqlite", token="t0ken") as receiver:
        assert post(receiver.url, one, one["id"]).status_code == 401
        assert post(receiver.url, one, one["id"], token="wrong").status_code == 401
        assert post(receiver.url, one, one["id"], token="t0ken").status_code == 201


def test_kiosk_signups_serve_on_loopback(tmp_path: Path) -> None:
    env = {**os.environ, "RECEIVER_TOKEN": "abc123"}
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "signups", "serve", "--port", "0", "--store", str(tmp_path / "r.sqlite"),
         "--token-env", "RECEIVER_TOKEN"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        assert line.startswith("listening on http://127.0.0.1:"), line
        url = line.removeprefix("listening on ")
        one = signup().to_json()
        assert post(url, one, one["id"], token="abc123").status_code == 201
        assert post(url, one, one["id"], token="abc123").status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        process.stdout.close()  # type: ignore[union-attr]
    assert len(ReceiverStore(tmp_path / "r.sqlite").all()) == 1


def _config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text('[kiosk]\nid = "t"\nlocation = { name = "Ici", lat = 50.7, lon = 3.17 }\n')
    return path


def test_export_writes_a_private_csv_then_clears(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    outbox = Outbox(data / "signups.sqlite")
    outbox.add(signup())
    outbox.add(signup(people=4))
    out = tmp_path / "export.csv"
    code = main(["signups", "export", "--config", str(_config(tmp_path)), "--data-dir", str(data), "--out", str(out)])
    assert code == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [r["first_name"] for r in rows] == [NAME, NAME] and sorted(r["people"] for r in rows) == ["2", "4"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert outbox.count() == 0
    assert "2 sign-up(s) written" in capsys.readouterr().err


def test_export_refuses_to_clear_when_the_file_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    outbox = Outbox(data / "signups.sqlite")
    outbox.add(signup())
    out = tmp_path / "no-such-folder" / "export.csv"
    code = main(["signups", "export", "--config", str(_config(tmp_path)), "--data-dir", str(data), "--out", str(out)])
    assert code == 1
    assert outbox.count() == 1
    assert "nothing was removed" in capsys.readouterr().err
    assert not list(tmp_path.glob("**/.export.csv.*"))
