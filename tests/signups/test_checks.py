"""What a visitor types in the sign-up form: refused with a reason the form can put into words."""

from __future__ import annotations

import pytest

from kiosk.content.signup import Problem, check_email, check_name, normalize_phone, problems


@pytest.mark.parametrize(
    "email", ["marie@example.fr", "jean.dupont+live@mail.example.be", "a_b@sous.domaine.example.org", "X@Y.FR"]
)
def test_good_emails(email: str) -> None:
    assert check_email(email) is None


@pytest.mark.parametrize(
    ("email", "problem"),
    [
        ("marie.example.fr", Problem.EMAIL_NO_AT),
        ("marie", Problem.EMAIL_NO_AT),
        ("marie@", Problem.EMAIL_INVALID),
        ("@example.fr", Problem.EMAIL_INVALID),
        ("marie@example", Problem.EMAIL_INVALID),
        ("marie@example.f", Problem.EMAIL_INVALID),
        ("marie@@example.fr", Problem.EMAIL_INVALID),
        ("ma rie@example.fr", Problem.EMAIL_INVALID),
        ("marie..dupont@example.fr", Problem.EMAIL_INVALID),
        (".marie@example.fr", Problem.EMAIL_INVALID),
        ("marie@exa_mple.fr", Problem.EMAIL_INVALID),
        ("marie@-example.fr", Problem.EMAIL_INVALID),
        ("marie@example.fr\n", None),  # trimmed: a stray newline from the keyboard is not a mistake
        ("marie@exam\u200bple.fr", Problem.EMAIL_INVALID),
        ("m" * 65 + "@example.fr", Problem.EMAIL_INVALID),
    ],
)
def test_bad_emails(email: str, problem: Problem | None) -> None:
    assert check_email(email) == problem


@pytest.mark.parametrize(
    ("phone", "normalized"),
    [
        ("06 12 34 56 78", "0612345678"),
        ("06.12.34.56.78", "0612345678"),
        ("03-20-00-00-00", "0320000000"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+33 (0)6 12 34 56 78", "+33612345678"),
        ("0033612345678", "+33612345678"),
        ("+32 470 12 34 56", "+32470123456"),
        ("+32 2 123 45 67", "+3221234567"),
        ("0470 12 34 56", "0470123456"),
        ("02 123 45 67", "021234567"),
    ],
)
def test_french_and_belgian_phones(phone: str, normalized: str) -> None:
    assert normalize_phone(phone) == normalized


@pytest.mark.parametrize(
    "phone",
    ["12345", "06 12 34 56", "06 12 34 56 78 90", "+44 20 7946 0958", "00 12 34 56 78", "06 12 34 56 7a", "+33 0 12"],
)
def test_other_phones_are_refused(phone: str) -> None:
    assert normalize_phone(phone) is None


def test_the_whole_form() -> None:
    assert problems("Marie", "marie@example.fr", "", 2, True) == {}
    assert problems("Marie", "", "06 12 34 56 78", 1, True) == {}
    assert problems("", "", "", 0, False) == {
        "name": Problem.NAME_MISSING,
        "email": Problem.CONTACT_MISSING,
        "people": Problem.PEOPLE_OUT_OF_RANGE,
        "consent": Problem.CONSENT_MISSING,
    }
    assert problems("Marie", "marie", "0612", 11, True) == {
        "email": Problem.EMAIL_NO_AT,
        "phone": Problem.PHONE_INVALID,
        "people": Problem.PEOPLE_OUT_OF_RANGE,
    }
    assert check_name("  ") is Problem.NAME_MISSING
    assert check_name("Jean-Éric") is None
    assert check_name("12345") is Problem.NAME_INVALID
    assert check_name("x" * 61) is Problem.NAME_INVALID
