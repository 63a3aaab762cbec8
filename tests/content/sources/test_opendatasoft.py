from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kiosk.content.model import EventPlace, Place, Text
from kiosk.content.sources.base import FeedError, Skipped, Window
from kiosk.content.sources.opendatasoft import OpendatasoftSource, parse_records, read

from ._fakes import FIXTURES, FakeFetcher, doc_examples, mutated_bytes, mutated_json, params_key

ODS = FIXTURES / "opendatasoft"
PAGE1 = (ODS / "v21_page1.json").read_bytes()
PAGE2 = (ODS / "v21_page2.json").read_bytes()
V1 = (ODS / "v1_search.json").read_bytes()
EXPORT = (ODS / "export_events.json").read_bytes()
ERROR = (ODS / "error.json").read_bytes()
PARIS = ZoneInfo("Europe/Paris")
CEST = timezone(timedelta(hours=2))
WINDOW = Window(datetime(2026, 3, 20, tzinfo=PARIS), datetime(2026, 11, 1, tzinfo=PARIS))
V21_URL = "https://data.lillemetropole.fr/api/explore/v2.1/catalog/datasets/equipements-culturels/records"
V1_URL = "https://data.example.org/api/records/1.0/search/?dataset=lieux-culturels-tourcoing"


def places_config(**kwargs: Any) -> OpendatasoftSource:
    return OpendatasoftSource.model_validate(
        {
            "name": "mel-culture",
            "url": V21_URL,
            "produces": "places",
            "mapping": {
                "id": "identifiant",
                "name": "nom",
                "category": "type_equipement",
                "address": "adresse",
                "description": "description",
                "opening_hours": "horaires",
                "url": "site_web",
            },
            "categories": {
                "Musée": "musee",
                "bibliothèque": "bibliotheque",
                "Tiers-lieu": "tiers-lieu",
                "parc": "parc",
                "jardin": "parc",
                "piscine": "piscine",
            },
            **kwargs,
        }
    )


def events_config(**kwargs: Any) -> OpendatasoftSource:
    return OpendatasoftSource.model_validate(
        {
            "name": "ods-events",
            "url": str(ODS / "export_events.json"),
            "produces": "events",
            "mapping": {
                "id": "uid",
                "name": "titre",
                "start": "date_debut",
                "end": "date_fin",
                "place": "lieu",
                "address": "adresse",
                "geo": "coordonnees",
                "category": "theme",
                "description": "presentation",
                "url": "lien",
            },
            "categories": {"exposition": "exposition", "visite": "visite"},
            **kwargs,
        }
    )


PLACES_PAGE1 = [
    Place(
        id="mel-culture:EQ-0001",
        name=Text({"fr": "La Piscine – Musée d'art et d'industrie"}),
        category="musee",
        lat=50.6892,
        lon=3.1665,
        source="mel-culture",
        address="23 rue de l'Espérance",
        description=Text(
            {"fr": "Un musée installé dans une piscine Art déco.\n\nCollections de beaux-arts & de textile."}
        ),
        opening_hours=Text({"fr": "Du mardi au dimanche\nde 11h à 18h"}),
        url="https://www.example.org/la-piscine",
    ),
    Place(
        id="mel-culture:EQ-0002",
        name=Text({"fr": "Médiathèque de Roubaix"}),
        category="tiers-lieu",
        lat=50.6935,
        lon=3.179,
        source="mel-culture",
        address="2 rue Pierre Motte",
        url="https://example.org/mediatheque",
    ),
    Place(
        id="mel-culture:3",
        name=Text({"fr": "Parc Barbieux"}),
        category="parc",
        lat=50.682,
        lon=3.158,
        source="mel-culture",
        address="avenue Le Nôtre",
        description=Text({"fr": "Le « Beau Jardin » de Roubaix."}),
    ),
]


def test_v21_places() -> None:
    result, total = parse_records(PAGE1, places_config())
    assert total == 5
    assert result.places == PLACES_PAGE1
    assert result.skipped == []


def test_v21_bad_coordinates_and_unknown_category() -> None:
    result, total = parse_records(PAGE2, places_config())
    assert total == 5
    assert result.places == []
    assert result.skipped == [
        Skipped("record EQ-0004", "coordinates out of range (250.69, 3.17)"),
        Skipped("record EQ-0005", "no category for 'Parking'"),
    ]
    result, _ = parse_records(PAGE2, places_config(default_category="sport"))
    assert [(p.id, p.category) for p in result.places] == [("mel-culture:EQ-0005", "sport")]


def test_v1_places_axis_order() -> None:
    config = OpendatasoftSource.model_validate(
        {
            "name": "tcg",
            "url": V1_URL,
            "produces": "places",
            "mapping": {"name": "nom", "category": "categorie", "address": "adresse"},
            "categories": {"musée": "musee", "cinéma": "cinema"},
        }
    )
    result, total = parse_records(V1, config)
    assert total == 3
    assert [(p.id, p.name.get("fr"), p.category, p.lat, p.lon, p.address) for p in result.places] == [
        ("tcg:5e1c2f7a9b", "MUba Eugène Leroy", "musee", 50.7219, 3.1555, "2 rue Paul Doumer, 59200 Tourcoing"),
        ("tcg:8d0a441c2e", "Le Fresnoy", "cinema", 50.7078, 3.1643, "22 rue du Fresnoy"),
    ]
    assert result.skipped == [Skipped("record 0f0f0f0f0f", "no coordinates")]


def test_export_events() -> None:
    result, total = parse_records(EXPORT, events_config(), WINDOW)
    assert total == 6
    assert [e.id for e in result.events] == [
        "ods-events:FEST-2026-RBX@2026-04-18T00:00:00+02:00",
        "ods-events:NDM-2026-TCG@2026-05-16T19:00:00+02:00",
        "ods-events:FDM-2026@2026-06-21T18:00:00+02:00",
    ]
    weekend, night, music = result.events
    assert weekend.all_day is True
    assert weekend.start == datetime(2026, 4, 18, tzinfo=PARIS)
    assert weekend.end == datetime(2026, 4, 20, tzinfo=PARIS)
    assert weekend.title == Text({"fr": "Week-end portes ouvertes des ateliers d'artistes"})
    assert weekend.description == Text({"fr": "Plus de 40 artistes ouvrent leurs ateliers."})
    assert weekend.place == EventPlace(
        "Ateliers de la Condition Publique", "14 place Faidherbe, 59100 Roubaix", 50.6861, 3.1807
    )
    assert weekend.categories == ("exposition",)
    assert weekend.url == "https://example.org/portes-ouvertes"
    assert weekend.uid == "FEST-2026-RBX"
    assert night.all_day is False
    assert night.start == datetime(2026, 5, 16, 19, 0, tzinfo=CEST)
    assert night.end == datetime(2026, 5, 16, 23, 59, tzinfo=CEST)
    assert night.place == EventPlace("MUba Eugène Leroy", "", 50.7219, 3.1555)
    assert night.categories == ("visite",)
    assert music.start.isoformat() == "2026-06-21T18:00:00+02:00"
    assert music.end == music.start
    assert music.place == EventPlace("Grand-Place, Roubaix", "Grand-Place, Roubaix", 50.6906, 3.1745)
    assert music.categories == ()
    assert result.skipped == [
        Skipped("record TBD", "no readable start in field 'date_debut'"),
        Skipped("record BACKWARDS", "ends before it starts"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<!doctype html>", "not JSON"),
        (b'"records"', "neither an object nor an array"),
        (b'{"total_count": 3}', "without 'results' or 'records'"),
        (ERROR, "refused the request: Query is malformed: unknown field 'typ'"),
        (b'{"errorcode": 10002, "error": "Too many requests"}', "Too many requests"),
    ],
)
def test_unusable_payloads(data: bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        parse_records(data, places_config())


def test_read_v21_pages_with_filters() -> None:
    config = places_config(page_size=3, where="commune = 'ROUBAIX'", refine={"commune": "ROUBAIX", "actif": "oui"})
    common: dict[str, str | list[str]] = {
        "where": "commune = 'ROUBAIX'",
        "refine": ["commune:ROUBAIX", "actif:oui"],
        "limit": "3",
    }
    fetcher = FakeFetcher(
        {
            (V21_URL, params_key({**common, "offset": "0"})): PAGE1,
            (V21_URL, params_key({**common, "offset": "3"})): PAGE2,
        }
    )
    result = read(config, fetcher, WINDOW)
    assert [c[1]["offset"] for c in fetcher.calls] == ["0", "3"]
    assert fetcher.calls[0][1]["refine"] == ["commune:ROUBAIX", "actif:oui"]
    assert result.places == PLACES_PAGE1
    assert len(result.skipped) == 2


class PagingFetcher:
    """Answers every v2.1 request with ``limit`` records of a 25,000-record dataset."""

    def __init__(self) -> None:
        self.calls: list[dict[str, str | list[str]]] = []

    def get(
        self,
        url: str,
        params: Mapping[str, str | list[str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> bytes:
        assert params is not None
        self.calls.append(dict(params))
        offset, limit = int(str(params["offset"])), int(str(params["limit"]))
        results = [
            {
                "identifiant": str(i),
                "nom": f"Lieu {i}",
                "type_equipement": "Parc",
                "geo_point_2d": {"lat": 50.7, "lon": 3.17},
            }
            for i in range(offset, offset + limit)
        ]
        return json.dumps({"total_count": 25_000, "results": results}).encode()


def test_read_v21_stops_at_the_api_limit(caplog: pytest.LogCaptureFixture) -> None:
    fetcher = PagingFetcher()
    result = read(places_config(page_size=30), fetcher, WINDOW)
    assert len(result.places) == 10_000
    assert fetcher.calls[-1]["offset"] == "9990"
    assert fetcher.calls[-1]["limit"] == "10"
    assert all(int(str(c["offset"])) + int(str(c["limit"])) <= 10_000 for c in fetcher.calls)
    assert "10000 records" in caplog.text


def test_read_v1_pages() -> None:
    config = OpendatasoftSource.model_validate(
        {
            "name": "tcg",
            "url": V1_URL,
            "produces": "places",
            "page_size": 2,
            "where": "categorie:Musée",
            "refine": {"commune": "Tourcoing"},
            "mapping": {"name": "nom", "category_value": "musee"},
        }
    )
    common = {"q": "categorie:Musée", "refine.commune": "Tourcoing", "rows": "2"}
    doc = json.loads(V1)
    first = json.dumps({**doc, "records": doc["records"][:2]}).encode()
    second = json.dumps({**doc, "records": doc["records"][2:]}).encode()
    fetcher = FakeFetcher(
        {
            (V1_URL, params_key({**common, "start": "0"})): first,
            (V1_URL, params_key({**common, "start": "2"})): second,
        }
    )
    result = read(config, fetcher, WINDOW)
    assert [c[1]["start"] for c in fetcher.calls] == ["0", "2"]
    assert [p.category for p in result.places] == ["musee", "musee"]


def test_read_export_file_and_url() -> None:
    config = events_config()
    fetcher = FakeFetcher({(config.url, ()): EXPORT})
    assert len(read(config, fetcher, WINDOW).events) == 3
    url = "https://data.example.org/api/explore/v2.1/catalog/datasets/agenda/exports/json"
    fetcher = FakeFetcher({(url, params_key({"refine": ["ville:Roubaix"]})): EXPORT})
    result = read(events_config(url=url, refine={"ville": "Roubaix"}), fetcher, WINDOW)
    assert len(result.events) == 3
    assert len(fetcher.calls) == 1


def test_config_validation() -> None:
    with pytest.raises(ValidationError, match="unknown places categories"):
        places_config(categories={"musée": "museum"})
    with pytest.raises(ValidationError, match="need a category"):
        OpendatasoftSource.model_validate(
            {"name": "x", "url": V21_URL, "produces": "places", "mapping": {"name": "nom"}}
        )
    with pytest.raises(ValidationError, match=r"need mapping\.start"):
        OpendatasoftSource.model_validate(
            {"name": "x", "url": V21_URL, "produces": "events", "mapping": {"name": "nom"}}
        )
    with pytest.raises(ValidationError, match="go together"):
        places_config(mapping={"name": "nom", "lat": "y", "category_value": "parc"})
    with pytest.raises(ValidationError):
        places_config(page_size=101)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_raise_only_feed_errors(data: bytes) -> None:
    with contextlib.suppress(FeedError):
        parse_records(data, places_config())


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_payloads_raise_only_feed_errors(data: st.DataObject) -> None:
    blob, config = data.draw(
        st.sampled_from([(PAGE1, places_config()), (V1, places_config()), (EXPORT, events_config())])
    )
    mutated = data.draw(mutated_json(json.loads(blob)) | mutated_bytes(blob))
    with contextlib.suppress(FeedError):
        result, _ = parse_records(mutated, config, WINDOW)
        for place in result.places:
            assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180
        for event in result.events:
            assert event.start <= event.end


def test_documented_examples_are_valid() -> None:
    places, events = (OpendatasoftSource.model_validate(e) for e in doc_examples("opendatasoft"))
    assert places.produces == "places" and places.refine == {"type": "Musée"}
    assert events.produces == "events" and events.mapping.start == "date_debut"
