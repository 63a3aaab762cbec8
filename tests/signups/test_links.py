"""Links from content sources: only safe ones become QR codes, hostile ones are refused with a warning."""

from __future__ import annotations

import logging

import pytest

from kiosk.content.links import display_form, mailto_link, safe_link, tagged, tel_link

HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\u200bscript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/x",
    "https://user:secret@example.org/",
    "https://user@example.org/",
    "https://example.org@evil.example/",
    "https://good.example\\@evil.example/",
    "https://exa mple.org/",
    "https://example.org/a b",
    "https://example.org/\u202eevil",
    "https://example.org/\x00",
    "https://example.org/\r\nSet-Cookie: x",
    "\x01https://example.org/",
    "https://example.org\u00a0/x",
    "https:example.org",
    "//example.org/x",
    "https:///path-only",
    "https://localhost/",
    "https://127.0.0.1/admin",
    "https://[::1]/",
    "https://example.org:99999/",
    "https://-bad-.example/",
    "https://example.org/" + "a" * 600,
    "mailto:someone@example.org?bcc=everyone@example.org",
    "mailto:not-an-address",
    "mailto:a@b.fr,c@d.fr",
    "tel:call-me-maybe",
    "tel:+33 6 12 34 56 78\u202e",
    "",
    "   ",
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_links_are_refused_and_logged(raw: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="kiosk.content.links")
    assert safe_link(raw) is None
    if raw.strip():
        assert any("refused" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://www.example.org/atelier?id=3", "https://www.example.org/atelier?id=3"),
        ("HTTPS://Example.ORG", "https://example.org/"),
        ("http://example.org:8080/a#b", "http://example.org:8080/a#b"),
        ("https://exemple.fr/événements/vélo", "https://exemple.fr/%C3%A9v%C3%A9nements/v%C3%A9lo"),
        ("https://café.example/", "https://xn--caf-dma.example/"),
        ("  https://example.org/x  ", "https://example.org/x"),
        ("mailto:live@example.org", "mailto:live@example.org"),
        ("mailto:live@example.org?subject=Atelier v%C3%A9lo", None),  # a space: refused
        ("mailto:live@example.org?subject=Atelier%20v%C3%A9lo", "mailto:live@example.org?subject=Atelier%20v%C3%A9lo"),
        ("tel:+33320000000", "tel:+33320000000"),
    ],
)
def test_safe_links_are_normalized(raw: str, expected: str | None) -> None:
    assert safe_link(raw) == expected


def test_registration_values_become_links() -> None:
    assert mailto_link("inscriptions@example.org") == "mailto:inscriptions@example.org"
    assert mailto_link("pas une adresse") is None
    assert tel_link("03 20 00 00 00") == "tel:0320000000"
    assert tel_link("+33 (0)3.20.00.00.00") == "tel:+33320000000"
    assert tel_link("0032 2 123 45 67") == "tel:+3221234567"
    assert tel_link("appelez-nous") is None


def test_tagging_adds_the_kiosk_to_web_links_only() -> None:
    assert tagged("https://example.org/a", "champ-libre") == "https://example.org/a?utm_source=kiosk-champ-libre"
    assert tagged("https://example.org/a?x=1&y=2#f", "k1") == "https://example.org/a?x=1&y=2&utm_source=kiosk-k1#f"
    assert tagged("https://example.org/?utm_source=news", "k1") == "https://example.org/?utm_source=news"
    assert tagged("mailto:a@example.org", "k1") == "mailto:a@example.org"
    assert tagged("tel:+33320000000", "k1") == "tel:+33320000000"


def test_display_form_is_short_and_plain() -> None:
    assert display_form("https://www.example.org/") == "example.org"
    assert display_form("https://example.org/ateliers/velo/?utm_source=kiosk-k1") == "example.org/ateliers/velo"
    assert display_form("https://xn--caf-dma.example/menu") == "café.example/menu"
    assert display_form("mailto:live@example.org") == "live@example.org"
    assert display_form("tel:+33320000000") == "+33320000000"
    long = display_form("https://example.org/" + "segment/" * 20)
    assert len(long) <= 42 and long.endswith("…")
