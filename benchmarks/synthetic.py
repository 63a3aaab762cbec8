"""Synthetic content from a seed, in each backend's own shape: the same seed gives the same bytes.

The shapes follow tests/fixtures (OpenAgenda's /v2 events page, the kiosk feed, iCalendar with
RRULE); texts carry Markdown, accents and several languages, as real content does.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from typing import Any

#: The benchmarks' "now": every generated date is placed around it.
NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
#: Around Roubaix and Tourcoing (the kiosk stands at 50.704, 3.1725).
AREA = ((50.64, 50.76), (3.09, 3.25))
PLACE_CATEGORIES = ("musee", "parc", "piscine", "bibliotheque", "cinema", "sport", "famille", "spectacle", "patrimoine")
WORDS = (
    "atelier",
    "robotique",
    "numérique",
    "fabrique",
    "quartier",
    "jardin",
    "lecture",
    "conte",
    "musique",
    "danse",
    "théâtre",
    "cinéma",
    "découverte",
    "famille",
    "enfants",
    "adultes",
    "code",
    "vélo",
    "cuisine",
    "tricot",
    "photo",
    "exposition",
    "rencontre",
    "débat",
)


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _offset(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def openagenda_page(count: int, seed: int = 1) -> bytes:
    """One ``/v2/agendas/{uid}/events`` page with ``count`` events, each with one to three timings."""
    rng = random.Random(seed)
    events: list[dict[str, Any]] = []
    for uid in range(1, count + 1):
        timings = []
        for _ in range(rng.randint(1, 3)):
            begin = NOW + timedelta(days=rng.randint(0, 59), hours=rng.randint(0, 10))
            timings.append({"begin": _offset(begin), "end": _offset(begin + timedelta(hours=rng.randint(1, 3)))})
        title = _words(rng, 4).capitalize()
        events.append(
            {
                "uid": 40_000_000 + uid,
                "slug": f"evenement-{uid}",
                "title": {"fr": title, "en": f"{title} (en)"},
                "description": {"fr": _words(rng, 14), "en": _words(rng, 12)},
                "longDescription": {
                    "fr": f"## Au programme\n\n**{_words(rng, 3)}** avec [le lab](https://example.org/{uid}).\n\n"
                    f"- {_words(rng, 5)}\n- {_words(rng, 6)}\n\n{_words(rng, 30)}"
                },
                "conditions": {"fr": rng.choice(["Gratuit", "Gratuit, sur inscription", "5 €"])},
                "keywords": {"fr": [rng.choice(WORDS), rng.choice(WORDS)], "en": ["workshop"]},
                "image": {
                    "base": "https://img.example.org/main/",
                    "filename": f"e{uid}.base.jpg",
                    "size": {"width": 1000, "height": 600},
                    "variants": [{"filename": f"e{uid}.full.jpg", "size": {"width": 1600, "height": 960}}],
                },
                "timings": timings,
                "timezone": "Europe/Paris",
                "location": {
                    "uid": 5_500_000 + uid % 300,
                    "name": f"Lieu {uid % 300}",
                    "address": f"{uid % 200 + 1} rue de l'Union",
                    "city": rng.choice(["Roubaix", "Tourcoing"]),
                    "postalCode": "59100",
                    "latitude": round(rng.uniform(*AREA[0]), 5),
                    "longitude": round(rng.uniform(*AREA[1]), 5),
                },
                "registration": [{"type": "link", "value": f"https://billetterie.example.org/{uid}"}],
                "accessibility": {"hi": rng.random() < 0.3, "vi": False, "pi": False, "mi": rng.random() < 0.5},
                "age": {"min": rng.choice([None, 6, 8]), "max": rng.choice([None, 12, 99])},
                "status": 1,
                "attendanceMode": 1,
            }
        )
    return json.dumps({"total": count, "success": True, "events": events, "after": None}).encode()


def places(count: int, seed: int = 2) -> list[dict[str, Any]]:
    """Places as the kiosk feed writes them."""
    rng = random.Random(seed)
    return [
        {
            "id": f"lieu-{index}",
            "name": {"fr": f"{_words(rng, 2).capitalize()} {index}", "en": f"Place {index}"},
            "category": rng.choice(PLACE_CATEGORIES),
            "lat": round(rng.uniform(*AREA[0]), 6),
            "lon": round(rng.uniform(*AREA[1]), 6),
            "address": f"{index % 300 + 1} rue {rng.choice(WORDS)}, 59100 Roubaix",
            "description": {"fr": _words(rng, 16), "en": _words(rng, 12)},
            "opening_hours": {"fr": "Mardi au dimanche, 10 h – 18 h"},
            "accessibility": rng.choice([[], ["mi"], ["mi", "hi"]]),
            "url": f"https://lieux.example.org/{index}",
        }
        for index in range(count)
    ]


def feed(place_count: int, seed: int = 2) -> bytes:
    return json.dumps({"version": 1, "places": places(place_count, seed)}, ensure_ascii=False).encode()


def ical(count: int, seed: int = 3) -> bytes:
    """``count`` recurring events (weekly, daily on weekdays, or twice a month) starting before the window."""
    rng = random.Random(seed)
    rules = ("FREQ=WEEKLY;BYDAY=WE", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "FREQ=MONTHLY;BYMONTHDAY=1,15", "FREQ=WEEKLY")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//L.I.V.E kiosk//benchmarks//FR", "CALSCALE:GREGORIAN"]
    first = NOW - timedelta(days=30)
    for index in range(count):
        start = (first + timedelta(days=rng.randint(0, 29))).replace(hour=rng.randint(8, 18), minute=0, second=0)
        end = start + timedelta(hours=rng.randint(1, 3))
        lines += [
            "BEGIN:VEVENT",
            f"UID:recurrent-{index}@bench.live.test",
            "DTSTAMP:20261101T080000Z",
            f"DTSTART:{start.strftime('%Y%m%dT%H%M%SZ')}",
            f"DTEND:{end.strftime('%Y%m%dT%H%M%SZ')}",
            f"RRULE:{rng.choice(rules)}",
            f"SUMMARY:{_words(rng, 4).capitalize()} {index}",
            f"DESCRIPTION:{_words(rng, 20)}",
            f"LOCATION:Le Champ Libre\\, salle {index % 5}\\, 59100 Roubaix",
            f"CATEGORIES:{rng.choice(['Atelier', 'Visite', 'Exposition'])}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()
