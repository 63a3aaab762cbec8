"""A sign-up made on the kiosk, and the checks of what the visitor typed.

The checks return a reason code, never a sentence: the form turns it into plain words in the
visitor's language.
"""

from __future__ import annotations

import enum
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.content.links import is_email

MAX_PEOPLE = 10
MAX_NAME = 60

_SEPARATORS = re.compile(r"[\s.\-/\u00a0]")
_FRENCH = re.compile(r"^(?:0|\+33|0033)[1-9][0-9]{8}$")
_BELGIAN = re.compile(r"^(?:\+32|0032)[1-9][0-9]{7,8}$")
_NATIONAL = re.compile(r"^0[1-9][0-9]{7,8}$")  # French (10 digits) or Belgian (9 or 10 digits)


class Problem(enum.StrEnum):
    NAME_MISSING = "name-missing"
    NAME_INVALID = "name-invalid"
    CONTACT_MISSING = "contact-missing"
    EMAIL_NO_AT = "email-no-at"
    EMAIL_INVALID = "email-invalid"
    PHONE_INVALID = "phone-invalid"
    PEOPLE_OUT_OF_RANGE = "people-out-of-range"
    CONSENT_MISSING = "consent-missing"


def _printable(text: str) -> bool:
    return not any(unicodedata.category(ch)[0] == "C" for ch in text)


def check_name(name: str) -> Problem | None:
    name = name.strip()
    if not name:
        return Problem.NAME_MISSING
    if len(name) > MAX_NAME or not _printable(name) or not any(ch.isalpha() for ch in name):
        return Problem.NAME_INVALID
    return None


def check_email(email: str) -> Problem | None:
    email = email.strip()
    if "@" not in email:
        return Problem.EMAIL_NO_AT
    return None if is_email(email) else Problem.EMAIL_INVALID


def normalize_phone(phone: str) -> str | None:
    """A French or Belgian number without separators (``+33 (0)6 ...`` -> ``+336...``), or None."""
    text = phone.strip().replace("(0)", "")
    if not _printable(text) or re.search(r"[^0-9+\s.\-/()\u00a0]", text):
        return None
    compact = _SEPARATORS.sub("", text).replace("(", "").replace(")", "")
    if _FRENCH.match(compact) or _BELGIAN.match(compact) or _NATIONAL.match(compact):
        return "+" + compact[2:] if compact.startswith("00") else compact
    return None


def check_phone(phone: str) -> Problem | None:
    return None if normalize_phone(phone) is not None else Problem.PHONE_INVALID


@dataclass(frozen=True, slots=True)
class SignupRequest:
    """What the form sends: checked already. ``key`` is the idempotency key, made once per form."""

    key: str
    event_id: str
    event_title: str
    event_start: datetime
    first_name: str
    email: str
    phone: str
    people: int


def problems(first_name: str, email: str, phone: str, people: int, consent: bool) -> dict[str, Problem]:
    """Every problem of the form, by field (``name``, ``email``, ``phone``, ``people``, ``consent``)."""
    found: dict[str, Problem] = {}
    if (p := check_name(first_name)) is not None:
        found["name"] = p
    if not email.strip() and not phone.strip():
        found["email"] = Problem.CONTACT_MISSING
    if email.strip() and (p := check_email(email)) is not None:
        found["email"] = p
    if phone.strip() and (p := check_phone(phone)) is not None:
        found["phone"] = p
    if not 1 <= people <= MAX_PEOPLE:
        found["people"] = Problem.PEOPLE_OUT_OF_RANGE
    if not consent:
        found["consent"] = Problem.CONSENT_MISSING
    return found


def new_key() -> str:
    return str(uuid.uuid4())


def make_request(
    key: str,
    event_id: str,
    event_title: str,
    event_start: datetime,
    first_name: str,
    email: str,
    phone: str,
    people: int,
) -> SignupRequest:
    """A request from fields that passed ``problems``: trimmed, the phone normalized."""
    return SignupRequest(
        key=key,
        event_id=event_id,
        event_title=event_title,
        event_start=event_start,
        first_name=first_name.strip(),
        email=email.strip(),
        phone=(normalize_phone(phone) or "") if phone.strip() else "",
        people=people,
    )


@dataclass(frozen=True, slots=True)
class Signup:
    """A sign-up as it is kept and delivered."""

    key: str
    kiosk_id: str
    event_id: str
    event_title: str
    event_start: datetime
    first_name: str
    email: str
    phone: str
    people: int
    created_at: datetime  # also when consent was given: the form cannot be sent without it

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.key,
            "kiosk": self.kiosk_id,
            "event": {"id": self.event_id, "title": self.event_title, "start": self.event_start.isoformat()},
            "first_name": self.first_name,
            "email": self.email,
            "phone": self.phone,
            "people": self.people,
            "consent": True,
            "created_at": self.created_at.isoformat(),
        }
