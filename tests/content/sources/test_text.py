from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.content.sources._text import (
    html_to_text,
    markdown_to_text,
    natural_key,
    parse_datetime,
    parse_float,
    parse_int,
    rich_to_text,
)

PARIS = ZoneInfo("Europe/Paris")


def test_html_to_text() -> None:
    html = (
        "<h2>Horaires</h2>\n<p>Du mardi&nbsp;au dimanche,\n de 11h à 18h&hellip;</p>"
        "<script>alert(1)</script><ul><li>Tarif plein : 11&euro;</li><li>Gratuit &lt; 18 ans</li></ul>"
        "<p>Fermé le 1<sup>er</sup> mai.<br>Accès PMR</p>"
    )
    assert html_to_text(html) == (
        "Horaires\n\nDu mardi au dimanche, de 11h à 18h…\n\n• Tarif plein : 11€\n• Gratuit < 18 ans\n\n"
        "Fermé le 1er mai.\nAccès PMR"
    )


def test_rich_to_text_keeps_plain_text() -> None:
    assert rich_to_text("Ligne 1\nLigne 2 &amp; 3  ") == "Ligne 1\nLigne 2 & 3"
    assert rich_to_text("<b>Gras</b>\net suite") == "Gras et suite"


def test_markdown_to_text() -> None:
    md = (
        "# Titre #\n\n> Citation *en italique* et __gras__\n\n* un\n* deux\n\n---\n\n"
        '[lien](https://x.org "t") `code` \\*étoile\\*'
    )
    assert markdown_to_text(md) == "Titre\n\nCitation en italique et gras\n\n• un\n• deux\n\nlien code *étoile*"
    assert markdown_to_text("snake_case_name et 2*3*4") == "snake_case_name et 2*3*4"
    assert markdown_to_text("Ligne<br>suivante\nautre") == "Ligne\nsuivante\nautre"


def test_markdown_line_rules_run_in_order_on_each_line() -> None:
    # a rule can uncover the next one's character: heading -> quote, heading -> bullet, quote -> bullet
    assert markdown_to_text("# > Titre\n## - point\n> - cité\n  -- ni règle ni puce") == (
        "Titre\n• point\n• cité\n-- ni règle ni puce"
    )
    assert markdown_to_text("a\n- - -\nb") == "a\n\nb"
    # runs of any blank become one space; a lone space is kept, blanks at the ends go
    assert markdown_to_text("\u00a0un \t deux\u202ftrois\u200b ") == "un deux trois"
    assert rich_to_text("un  deux\n\n\n trois ") == "un deux\n\ntrois"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the heading and bullet rules, written by hand, at the edges of their regexes
        ("####### sept", "####### sept"),
        ("   # trois blancs", "trois blancs"),
        ("    # quatre blancs", "# quatre blancs"),
        ("#\ttab #", "tab"),
        ("# ##", ""),
        ("## Titre ## ", "Titre"),
        ("#sans blanc", "#sans blanc"),
        ("-\tpuce", "• puce"),
        ("*pas une puce", "*pas une puce"),
        ("- ", "•"),
        ("***", ""),
        ("* * *", ""),
        ("  - - -", ""),
        (" - puce", "• puce"),
        ("+ plus", "• plus"),
        ("> - citée", "• citée"),
        ("># titre", "# titre"),
        # the emphasis rules, whose look-behinds were moved after the mark
        ("a*b*", "a*b*"),
        ("*a*b", "*a*b"),
        ("2*3*4", "2*3*4"),
        ("**gras** et *italique*", "gras et italique"),
        ("__a__b", "ab"),
        ("snake_case_name", "snake_case_name"),
        ("_a_ b_", "a b_"),
        ("x **y", "x **y"),
        ("fin **gras**", "fin gras"),
        ("**a\nb**", "**a\nb**"),
        ("~~barré~~ ~~ non ~~", "barré ~~ non ~~"),
        ("`code` et ```bloc```", "code et bloc"),
        ('[lien](http://x "t") ![alt](i.png)', "lien alt"),
        ("[a\nb](c)", "a\nb"),
        ("<https://x.org/a> <http:/x>", "https://x.org/a <http:/x>"),
        # one line of plain text, quickly, and what is not quite that
        ("\u00a0un\u202fdeux", "un deux"),
        ("a  b", "a b"),
        (" \t ", ""),
        ("\\*pas italique\\*", "*pas italique*"),
        ("&amp; &lt;b&gt;", "& <b>"),
        ("ligne\r\nsuivante\r\n\r\n\r\nfin", "ligne\nsuivante\n\nfin"),
        ("<p>para</p><p>deux</p>", "para\n\ndeux"),
        ("a\n\n\n\nb\n\n", "a\n\nb"),
    ],
)
def test_markdown_edge_cases(text: str, expected: str) -> None:
    # (the results of the regex rules applied line by line, before the quicker rules of docs/performance.md)
    assert markdown_to_text(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0001-01-01T00:30:00", None),  # two days before it is out of range
        ("0002-01-01T00:30:00", datetime(2, 1, 1, 0, 30, tzinfo=UTC)),
        ("9998-12-31T23:00:00", datetime(9998, 12, 31, 23, tzinfo=UTC)),
        ("9999-12-31T12:00:00", None),
    ],
)
def test_parse_datetime_at_the_ends_of_the_calendar(value: str, expected: datetime | None) -> None:
    parsed = parse_datetime(value, UTC)
    assert (parsed[0] if parsed else None) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (50.69, 50.69),
        (3, 3.0),
        ("50,69", 50.69),
        (" 3.1772 ", 3.1772),
        ("-0,5", -0.5),
        ("1e3", 1000.0),
        ("", None),
        ("abc", None),
        ("nan", None),
        (float("inf"), None),
        (True, None),
        (None, None),
        ([1], None),
        ("1,2,3", None),
    ],
)
def test_parse_float(value: object, expected: float | None) -> None:
    assert parse_float(value) == expected


def test_parse_int() -> None:
    assert parse_int("12") == 12
    assert parse_int(8.0) == 8
    assert parse_int(8.5) is None
    assert parse_int("huit") is None


def test_parse_datetime() -> None:
    assert parse_datetime("2026-10-25T02:30:00+0100", PARIS) == (
        datetime(2026, 10, 25, 2, 30, tzinfo=timezone(timedelta(hours=1))),
        False,
    )
    parsed = parse_datetime("2026-03-29T01:30:00.000Z", PARIS)
    assert parsed is not None and parsed[0].isoformat() == "2026-03-29T01:30:00+00:00"
    parsed = parse_datetime("2026-07-14", PARIS)
    assert parsed == (datetime(2026, 7, 14, tzinfo=PARIS), True)
    assert parsed[0].date() == date(2026, 7, 14)
    parsed = parse_datetime("2026-07-14 21:00", PARIS)
    assert parsed is not None and parsed[0].isoformat() == "2026-07-14T21:00:00+02:00"
    assert parse_datetime("9999-12-31T23:59:59", PARIS) is None
    assert parse_datetime("14/07/2026", PARIS) is None
    assert parse_datetime(20260714, PARIS) is None


def test_natural_key() -> None:
    lines = ["T", "10", "L1", "2", "R", "CO1", "Citadine", "L10", "L2", "1"]
    assert sorted(lines, key=natural_key) == ["1", "2", "10", "Citadine", "CO1", "L1", "L2", "L10", "R", "T"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_text_helpers_never_raise(text: str) -> None:
    html_to_text(text)
    markdown_to_text(text)
    rich_to_text(text)
    parse_float(text)
    parse_datetime(text, PARIS)
    natural_key(text)
