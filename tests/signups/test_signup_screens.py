"""The event detail's sign-up codes and the « S'inscrire ici » form, on a real kiosk offscreen."""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from kiosk.app import Kiosk, build_kiosk, prepare_qt_environment
from kiosk.config import ConfigError, parse_config
from kiosk.content.outbox import Outbox
from kiosk.signup_receiver import ReceiverStore
from kiosk.ui.qr import QrWidget
from kiosk.views.signup import SignupView
from tests.conftest import FakeClock
from tests.helpers_qt import tap
from tests.signups.helpers import running_receiver
from tests.signups.test_qr import decode

MakeKiosk = Callable[..., Kiosk]

# The whole kiosk is built, map included: QtWebEngine's start-up chatter offscreen is not about sign-ups.
pytestmark = pytest.mark.qt_log_ignore(
    "QRhiGles2", "Failed to create RHI", "createPlatformVulkanInstance", "QVulkanInstance", "GBM is not supported",
    "Please register the custom scheme", "GPUInfo not initialized", "Sandboxing disabled",
)  # fmt: skip
NAME, EMAIL, PHONE = "Philomène", "philomene.unique@example.fr", "06 55 44 33 22"


def feed(clock: FakeClock, status: str = "scheduled", registration: list[dict[str, str]] | None = None) -> Any:
    start = clock.now + timedelta(days=1)
    return {
        "version": 1,
        "events": [
            {
                "id": "velo",
                "title": {"fr": "Atelier vélo"},
                "start": start.isoformat(),
                "end": (start + timedelta(hours=2)).isoformat(),
                "status": status,
                "registration": registration
                if registration is not None
                else [
                    {"type": "link", "value": "https://example.org/inscription?atelier=velo"},
                    {"type": "email", "value": "ateliers@example.org"},
                    {"type": "phone", "value": "03 20 00 00 00"},
                ],
            }
        ],
    }


@pytest.fixture
def kiosk_on(
    qapp: object, qasync_loop: object, clock: FakeClock, data_dir: Path, tmp_path: Path
) -> Iterator[MakeKiosk]:
    built: list[Kiosk] = []

    def make(content: Any, signups: str = "") -> Kiosk:
        (tmp_path / "feed.json").write_text(json.dumps(content))
        config = parse_config(
            '[kiosk]\nid = "accueil"\nlocation = { name = "Ici", lat = 50.704, lon = 3.1725 }\n'
            '[[sources]]\nname = "f"\nkind = "feed"\nurl = "feed.json"\n'
            "[signups]\nutm_tagging = true\nvirtual_keyboard = false\n" + signups,
            base_dir=tmp_path,
        )
        kiosk = build_kiosk(config, data_dir, clock=clock)
        kiosk.content.refresh_now()
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        built.append(kiosk)
        return kiosk

    yield make
    for kiosk in built:
        kiosk.shutdown()


def event_id(kiosk: Kiosk) -> str:
    return kiosk.content.snapshot.events[0].id


def signup_view(kiosk: Kiosk) -> SignupView:
    view = kiosk.window.screens["signup"]
    assert isinstance(view, SignupView)
    return view


def texts(widget: Any) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


def test_the_event_shows_a_code_per_way_to_sign_up(kiosk_on: MakeKiosk, clock: FakeClock) -> None:
    kiosk = kiosk_on(feed(clock))
    kiosk.window.go("event", event_id(kiosk))
    QApplication.processEvents()
    codes = kiosk.window.event_view.findChildren(QrWidget)
    assert [c.link for c in codes] == [
        "https://example.org/inscription?atelier=velo&utm_source=kiosk-accueil",
        "mailto:ateliers@example.org",
        "tel:0320000000",
    ]
    assert [c.caption.text() for c in codes] == [
        "Scannez pour vous inscrire",
        "Scannez pour écrire un e-mail",
        "Scannez pour appeler",
    ]
    assert [c.short.text() for c in codes] == ["example.org/inscription", "ateliers@example.org", "03 20 00 00 00"]
    for code in codes:
        assert code.code.width() >= 240
        assert decode(code.code.grab().toImage()) == code.link
    assert kiosk.window.event_view.findChild(QPushButton, "signup-here") is not None


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("full", "C'est complet : plus d'inscription possible."),
        ("cancelled", "Cet événement est annulé : pas d'inscription."),
    ],
)
def test_no_sign_up_when_full_or_cancelled(kiosk_on: MakeKiosk, clock: FakeClock, status: str, message: str) -> None:
    kiosk = kiosk_on(feed(clock, status))
    kiosk.window.go("event", event_id(kiosk))
    QApplication.processEvents()
    view = kiosk.window.event_view
    assert view.findChildren(QrWidget) == []
    assert view.findChild(QPushButton, "signup-here") is None
    assert message in texts(view)
    kiosk.window.go("signup", event_id(kiosk))  # even reached another way, the form is not offered
    assert not signup_view(kiosk).fields.isVisible()


def test_a_hostile_link_becomes_no_code(
    kiosk_on: MakeKiosk, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    kiosk = kiosk_on(feed(clock, registration=[{"type": "link", "value": "javascript:alert(1)"}]))
    kiosk.window.go("event", event_id(kiosk))
    QApplication.processEvents()
    assert kiosk.window.event_view.findChildren(QrWidget) == []
    assert "refused" in caplog.text


def open_form(kiosk: Kiosk) -> SignupView:
    kiosk.window.go("event", event_id(kiosk))
    QApplication.processEvents()
    here = kiosk.window.event_view.findChild(QPushButton, "signup-here")
    assert here is not None
    tap(here)
    assert kiosk.window.current == "signup"
    return signup_view(kiosk)


def press(view: SignupView, widget: Any) -> None:
    """Scroll ``widget`` into view, as a visitor would, then tap it."""
    QTest.qWait(30)  # let the form lay itself out again (a message shown or hidden moves what is under it)
    view.scroll_area.ensureWidgetVisible(widget, 0, 50)
    QTest.qWait(QApplication.doubleClickInterval() + 50)  # two taps, not one double tap
    tap(widget)


def fill(view: SignupView, name: str = NAME, email: str = EMAIL, phone: str = "", people: int = 3) -> None:
    view.first_name.setText(name)
    view.email.setText(email)
    view.phone.setText(phone)
    for _ in range(people - 1):
        press(view, view.more)
    press(view, view.consent)


def test_wrong_emails_and_phones_are_refused_next_to_the_field(kiosk_on: MakeKiosk, clock: FakeClock) -> None:
    kiosk = kiosk_on(feed(clock))
    view = open_form(kiosk)
    sent: list[object] = []
    view.signupSubmitted.connect(sent.append)
    press(view, view.send)
    assert view.name_error.text() == "⚠️ Écrivez votre prénom."
    assert "e-mail ou un numéro de téléphone" in view.email_error.text()
    assert "Cochez la case" in view.consent_error.text()
    fill(view, email="philomene.example.fr", phone="06 12 34")
    press(view, view.send)
    assert view.name_error.text() == "" and not view.name_error.isVisible()
    assert view.email_error.text() == "⚠️ Il manque le signe @ dans l'adresse e-mail."
    assert view.phone_error.text().startswith("⚠️ Ce numéro ne semble pas juste.")
    assert view.email_error.isVisible() and view.phone_error.isVisible()
    view.email.setText("philomene@example")
    press(view, view.send)
    assert "ne semble pas complète" in view.email_error.text()
    assert sent == [] and not view.confirmed
    assert Outbox(kiosk.signups.outbox.path).count() == 0  # type: ignore[union-attr]


def test_people_stay_between_one_and_ten(kiosk_on: MakeKiosk, clock: FakeClock) -> None:
    view = open_form(kiosk_on(feed(clock)))
    assert view.people == 1 and not view.fewer.isEnabled()
    for _ in range(12):
        if view.more.isEnabled():
            press(view, view.more)
    assert view.people == 10 and not view.more.isEnabled()
    press(view, view.fewer)
    assert view.people == 9
    assert view.fewer.height() >= 72 and view.more.width() >= 72


def test_thanked_only_once_the_sign_up_is_on_disk_then_delivered(
    kiosk_on: MakeKiosk, clock: FakeClock, tmp_path: Path, qtbot: Any
) -> None:
    with running_receiver(tmp_path / "received.sqlite") as receiver:
        kiosk = kiosk_on(feed(clock), f'endpoint = "{receiver.url}"\n')
        assert kiosk.signups is not None
        kiosk.start()
        view = open_form(kiosk)
        fill(view, phone=PHONE)
        with qtbot.waitSignal(kiosk.signups.recorded, timeout=5000):
            press(view, view.send)
            assert not view.confirmed  # not before the outbox write
            assert not view.send.isEnabled()
        QApplication.processEvents()
        assert view.confirmed
        assert "C'est noté !" in view.done_title.text()
        assert "Atelier vélo" in view.done_text.text() and "3 personne" in view.done_text.text()
        received = ReceiverStore(tmp_path / "received.sqlite")
        qtbot.waitUntil(lambda: len(received.all()) == 1 and kiosk.signups.outbox.count() == 0, timeout=10_000)
        qtbot.waitUntil(lambda: kiosk.signups.pending == 0, timeout=5000)
    [got] = received.all()
    assert got["first_name"] == NAME and got["email"] == EMAIL and got["phone"] == "0655443322"
    assert got["people"] == 3 and got["kiosk"] == "accueil" and got["event"]["title"] == "Atelier vélo"
    tap(view.done_button)
    assert kiosk.window.current == "home"


def test_no_thanks_when_the_outbox_cannot_be_written(
    kiosk_on: MakeKiosk, clock: FakeClock, data_dir: Path, qtbot: Any
) -> None:
    kiosk = kiosk_on(feed(clock))
    assert kiosk.signups is not None
    view = open_form(kiosk)
    fill(view)
    path = kiosk.signups.outbox.path
    for side in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    path.mkdir()  # the outbox is now a folder: SQLite cannot open it
    try:
        with qtbot.waitSignal(kiosk.signups.recordFailed, timeout=5000):
            press(view, view.send)
        QApplication.processEvents()
        assert not view.confirmed
        assert "n'a pas pu être enregistrée" in view.send_error.text()
        assert view.send.isEnabled() and view.first_name.text() == NAME  # nothing lost: try again
    finally:
        shutil.rmtree(path)


def personal(view: SignupView) -> list[str]:
    found = [e.text() for e in view.findChildren(QLineEdit)] + [label.text() for label in view.findChildren(QLabel)]
    return [t for t in found if any(s in t for s in (NAME, EMAIL, "0655443322", "06 55"))]


@pytest.mark.parametrize("how", ["home", "reset", "done"])
def test_nothing_personal_survives_the_visitor(kiosk_on: MakeKiosk, clock: FakeClock, qtbot: Any, how: str) -> None:
    kiosk = kiosk_on(feed(clock))
    view = open_form(kiosk)
    fill(view, phone=PHONE)
    assert personal(view)
    if how == "done":
        assert kiosk.signups is not None
        with qtbot.waitSignal(kiosk.signups.recorded, timeout=5000):
            press(view, view.send)
        QApplication.processEvents()
        assert view.confirmed and personal(view) == []  # the thanks name no one
    if how == "home":
        tap(kiosk.window.nav.home)
    elif how == "reset":
        kiosk.window.reset_visitor()
    else:
        tap(view.done_button)
    assert personal(view) == []
    for edit in view.findChildren(QLineEdit):
        assert edit.text() == "" and not edit.isUndoAvailable()
    assert not view.consent.isChecked() and view.people == 1 and not view.confirmed


def test_the_same_form_cannot_be_sent_twice(kiosk_on: MakeKiosk, clock: FakeClock, qtbot: Any) -> None:
    kiosk = kiosk_on(feed(clock))
    assert kiosk.signups is not None
    view = open_form(kiosk)
    fill(view)
    sent: list[object] = []
    view.signupSubmitted.connect(sent.append)
    with qtbot.waitSignal(kiosk.signups.recorded, timeout=5000):
        view.send.click()
        view.send.click()  # a double tap while it is being written
    assert len(sent) == 1
    assert kiosk.signups.outbox.count() == 1


def test_the_virtual_keyboard_is_asked_for_before_the_application(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_IM_MODULE", raising=False)
    prepare_qt_environment(offscreen=False, virtual_keyboard=False)
    assert "QT_IM_MODULE" not in os.environ
    prepare_qt_environment(offscreen=False, virtual_keyboard=True)
    assert os.environ["QT_IM_MODULE"] == "qtvirtualkeyboard"
    import PySide6  # noqa: PLC0415

    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforminputcontexts"
    assert list(plugins.glob("libqtvirtualkeyboardplugin*")), "the PySide6 wheel lacks Qt Virtual Keyboard"


def test_the_signups_section_of_the_configuration(tmp_path: Path) -> None:
    base = '[kiosk]\nid = "k"\nlocation = { name = "Ici", lat = 50.7, lon = 3.17 }\n'
    config = parse_config(base, base_dir=tmp_path)
    s = config.signups
    assert (s.endpoint, s.purge_days, s.token_env, s.virtual_keyboard, s.utm_tagging) == (
        None, 30, "KIOSK_SIGNUP_TOKEN", True, False,
    )  # fmt: skip
    assert s.resolved_token({"KIOSK_SIGNUP_TOKEN": "from-env"}) == "from-env"
    with_token = parse_config(base + '[signups]\ntoken = "in-file"\n', base_dir=tmp_path)
    assert with_token.signups.resolved_token({"KIOSK_SIGNUP_TOKEN": "from-env"}) == "in-file"
    assert "in-file" not in repr(with_token)
    for bad, key in (
        ('endpoint = "ftp://example.org/x"', "signups.endpoint"),
        ('endpoint = "https://user:pw@example.org/"', "signups.endpoint"),
        ("purge_days = 0", "signups.purge_days"),
    ):
        with pytest.raises(ConfigError, match=key):
            parse_config(base + "[signups]\n" + bad + "\n", base_dir=tmp_path)
