"""The activity format: the bundled activities, bad data refused with the step named, statistics."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kiosk import cli
from kiosk.content.activity_stats import ActivityStats
from kiosk.content.codec import activity_from_json
from kiosk.content.model import ACTIVITY_PICTOGRAMS, MapStep, OrderStep, QuizStep, Text
from kiosk.content.sources.kiosk_feed import parse_feed
from tests.conftest import RESOURCES

BUNDLED = RESOURCES / "content" / "activities.json"


def bundled() -> list[Any]:
    result = parse_feed(BUNDLED.read_bytes(), source="activites")
    assert result.skipped == []
    return result.activities


def test_the_three_bundled_activities_are_valid_and_translated() -> None:
    activities = {a.id: a for a in bundled()}
    assert set(activities) == {"quartier-union", "culture-numerique", "loisirs-pres-de-chez-moi"}
    assert activities["quartier-union"].title.get("fr") == "Découvre le quartier de l'Union"
    assert activities["culture-numerique"].title.get("fr") == "Culture numérique : vrai ou faux ?"
    assert activities["loisirs-pres-de-chez-moi"].title.get("fr") == "Mes loisirs près de chez moi"
    for activity in activities.values():
        assert (activity.age_min, activity.age_max) == (8, 12)
        texts: list[Text] = [activity.title, activity.summary]
        for step in activity.steps:
            texts += [v for v in vars_of(step) if isinstance(v, Text) and v]
            texts += [t for v in vars_of(step) if isinstance(v, tuple) for t in v]
        for text in texts:
            assert set(text.values) == {"fr", "en", "nl"}, text
    kinds = {type(s) for a in activities.values() for s in a.steps}
    assert {QuizStep, MapStep, OrderStep} <= kinds


def vars_of(step: object) -> list[object]:
    return [getattr(step, name) for name in step.__slots__]  # type: ignore[attr-defined]


def test_the_map_steps_name_real_places_near_the_champ_libre() -> None:
    places = {p.id: p for p in parse_feed((RESOURCES / "content" / "places.json").read_bytes(), source="p").places}
    union = next(a for a in bundled() if a.id == "quartier-union")
    targets = [s.place for s in union.steps if isinstance(s, MapStep)]
    assert len(targets) >= 3
    from kiosk.content.geo import distance_m  # noqa: PLC0415

    for place_id in (s.place for a in bundled() for s in a.steps if isinstance(s, MapStep)):
        assert place_id in places
    for place_id in targets:
        assert distance_m(50.704, 3.1725, places[place_id].lat, places[place_id].lon) < 2000


def test_the_order_of_outings_by_distance_is_true_to_the_places() -> None:
    """« Classe ces sorties de la plus proche à la plus loin » must agree with the bundled coordinates."""
    from kiosk.content.geo import distance_m  # noqa: PLC0415

    places = parse_feed((RESOURCES / "content" / "places.json").read_bytes(), source="p").places
    by_name = {p.name.get("fr").split(" –")[0]: p for p in places}
    loisirs = next(a for a in bundled() if a.id == "loisirs-pres-de-chez-moi")
    order = next(s for s in loisirs.steps if isinstance(s, OrderStep))
    names = [i.get("fr") for i in order.items]
    distances = [distance_m(50.704, 3.1725, by_name[n].lat, by_name[n].lon) for n in names]
    assert distances == sorted(distances)


def activity_doc(*steps: dict[str, Any], **fields: Any) -> bytes:
    record = {"id": "culture-numerique", "title": "Test", **fields, "steps": list(steps)}
    return json.dumps({"version": 1, "activities": [record]}).encode()


INFO = {"kind": "info", "text": "Bonjour"}
QUIZ = {"kind": "quiz", "question": "Q ?", "answers": ["a", "b", "c", "d"], "right": 0, "explanation": "Parce que."}


@pytest.mark.parametrize(
    ("steps", "fields", "message"),
    [
        (
            [INFO, INFO, INFO, {**QUIZ, "right": 5}],
            {},
            "activities[0] culture-numerique: steps[3] (quiz): the right answer 5 is not one of the 4 answers",
        ),
        (
            [{**QUIZ, "answers": ["seule"]}],
            {},
            "activities[0] culture-numerique: steps[0] (quiz): answers: List should have at least 2 items",
        ),
        (
            [INFO, {"kind": "map", "place": "parc-barbieux", "text": "Trouve", "hints": ["1", "2", "3", "4"]}],
            {},
            "activities[0] culture-numerique: steps[1] (map): hints: List should have at most 3 items",
        ),
        (
            [{"kind": "order", "text": "Range", "items": ["a", "b"]}],
            {},
            "activities[0] culture-numerique: steps[0] (order): items: List should have at least 3 items",
        ),
        (
            [{"kind": "order", "text": "Range", "items": ["a", "b", "a"]}],
            {},
            "activities[0] culture-numerique: steps[0] (order): two items are the same",
        ),
        (
            [INFO, {"kind": "video", "url": "x"}],
            {},
            "activities[0] culture-numerique: steps[1]: Input tag 'video' found using 'kind'",
        ),
        (
            [{**QUIZ, "explanation": None}],
            {},
            "activities[0] culture-numerique: steps[0] (quiz): explanation",
        ),
        ([], {}, "activities[0] culture-numerique: steps: List should have at least 1 item"),
        ([INFO], {"pictogram": "<b>"}, "activities[0] culture-numerique: pictogram: '<b>' is neither an emoji"),
        (
            [INFO],
            {"take_home_url": "javascript:alert(1)"},
            "activities[0] culture-numerique: take_home_url: not an https address",
        ),
        ([INFO], {"age_min": 12, "age_max": 8}, "activities[0] culture-numerique: age_max 8 is below age_min 12"),
        (
            [{**INFO, "image": "../../etc/passwd"}],
            {},
            "activities[0] culture-numerique: steps[0] (info): image: String should match pattern",
        ),
    ],
)
def test_bad_activity_data_is_refused_with_the_step_named(
    steps: list[dict[str, Any]], fields: dict[str, Any], message: str
) -> None:
    result = parse_feed(activity_doc(*steps, **fields), source="f")
    assert result.activities == []
    assert len(result.skipped) == 1
    skipped = result.skipped[0]
    assert f"{skipped.item}: {skipped.reason}".startswith(message)


def test_a_bad_activity_does_not_take_the_good_ones_down() -> None:
    doc = json.loads(activity_doc(INFO))
    doc["activities"].append({"id": "ok", "title": "OK", "pictogram": "🦉", "steps": [QUIZ]})
    doc["activities"][0]["steps"][0]["kind"] = "quizz"
    result = parse_feed(json.dumps(doc).encode(), source="f")
    assert [a.id for a in result.activities] == ["ok"]
    assert result.activities[0].icon == "🦉"


def test_an_activity_comes_back_whole_from_the_saved_snapshot() -> None:
    for activity in bundled():
        assert activity_from_json(json.loads(json.dumps(activity.to_json()))) == activity


def test_statistics_are_counts_per_day_and_csv(tmp_path: Path) -> None:
    stats = ActivityStats(tmp_path / "stats.sqlite")
    day1, day2 = date(2026, 12, 1), date(2026, 12, 2)
    for _ in range(3):
        stats.started("quartier-union", day1)
    stats.finished("quartier-union", day1)
    stats.started("quartier-union", day2)
    stats.answered("quartier-union", 2, "quiz", right_first_time=True, day=day1)
    stats.answered("quartier-union", 2, "quiz", right_first_time=False, day=day1)
    stats.answered("quartier-union", 2, "quiz", right_first_time=True, day=day2)
    stats.answered("quartier-union", 1, "map", right_first_time=False, day=day2)
    (summary,) = stats.summary()
    assert (summary.activity, summary.started, summary.finished) == ("quartier-union", 4, 1)
    assert [(s.step, s.kind, s.answered, s.right_first_time) for s in summary.steps] == [
        (1, "map", 1, 0),
        (2, "quiz", 3, 2),
    ]
    assert summary.steps[1].success_rate == pytest.approx(2 / 3)
    assert stats.summary(since=day2)[0].started == 1
    out = io.StringIO()
    assert stats.write_csv(out) == 5
    assert out.getvalue().splitlines() == [
        "day,activity,started,finished,step,kind,answered,right_first_time",
        "2026-12-01,quartier-union,3,1,,,,",
        "2026-12-01,quartier-union,,,2,quiz,2,1",
        "2026-12-02,quartier-union,1,0,,,,",
        "2026-12-02,quartier-union,,,1,map,1,0",
        "2026-12-02,quartier-union,,,2,quiz,1,1",
    ]
    with closing(sqlite3.connect(tmp_path / "stats.sqlite")) as db:
        columns = {
            row[1] for table in ("activity_day", "step_day") for row in db.execute(f"PRAGMA table_info({table})")
        }
    assert columns == {"day", "activity", "started", "finished", "step", "kind", "answered", "right_first_time"}


def test_the_stats_command_prints_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    ActivityStats(data / "activity-stats.sqlite").started("culture-numerique", date(2026, 12, 1))
    assert cli.main(["activities", "stats", "--csv", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "2026-12-01,culture-numerique,1,0,,,,"
    assert cli.main(["activities", "stats", "--data-dir", str(data)]) == 0
    assert "culture-numerique: started 1, finished 0" in capsys.readouterr().out


def test_the_feed_page_example_is_a_valid_feed() -> None:
    page = (RESOURCES.parent / "docs" / "feed.md").read_text(encoding="utf-8")
    example = page.split("```json\n", 1)[1].split("```", 1)[0]
    result = parse_feed(example.encode(), source="doc")
    assert result.skipped == []
    assert (len(result.events), len(result.places), len(result.stops), len(result.activities)) == (1, 1, 1, 1)
    assert [s.kind for s in result.activities[0].steps] == ["info", "map", "quiz", "order"]
    for name in ACTIVITY_PICTOGRAMS:
        assert f"`{name}`" in page
