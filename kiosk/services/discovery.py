"""The discovery activity a school group is playing: which one, which step, what they answered.

The state lives only in memory, for one team at a time, and ``reset`` forgets all of it (the staff
panel's « Réinitialiser l'équipe » and the idle reset call it). The only thing written down is an
anonymous count per activity, step and day (``ActivityStats``): never the team, never an answer.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QObject, Signal

from kiosk.content import geo
from kiosk.content.activity_stats import ActivityStats
from kiosk.content.model import Activity, InfoStep, MapStep, OrderStep, Place, QuizStep, Snapshot, Step

log = logging.getLogger(__name__)

#: The team names a group picks from (the views name them in the visitor's language): no free text.
TEAMS = ("hiboux", "castors", "etoiles", "renards", "dauphins", "abeilles")
MAP_CHOICES = 4  # the place to find and three others
MAP_POOL = 8  # the others are drawn from this many places nearest the kiosk
HERE_M = 50  # a place this close to the kiosk is where the group stands: never one of the others
APART_M = 450  # the choices are this far apart when the pool allows it (markers that do not overlap on the map)
ZONE_MIN_M, ZONE_MAX_M = 60.0, 500.0  # the search zone's radius


def shuffled(seed: str, count: int) -> list[int]:
    """A fixed shuffle of ``range(count)`` for ``seed``, never the identity (the order step is no gift)."""
    order = list(range(count))
    random.Random(seed).shuffle(order)  # noqa: S311 - a game, not cryptography
    if count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def map_choices(step: MapStep, places: Sequence[Place], origin: tuple[float, float], seed: str) -> list[Place]:
    """The place to find among others near the kiosk, of other categories (a second pool would be a
    second right answer), spread at least ``APART_M`` apart when the pool allows it (so that markers do
    not cover each other), in a fixed order for ``seed``; empty when the place is unknown."""
    target = next((p for p in places if p.id == step.place), None)
    if target is None:
        return []
    others = [
        p
        for p in places
        if p.id != target.id and p.category != target.category and geo.distance_m(*origin, p.lat, p.lon) >= HERE_M
    ]
    pool = [p for p, _ in geo.by_distance(others, *origin)[:MAP_POOL]]
    rng = random.Random(seed)  # noqa: S311
    rng.shuffle(pool)
    choices = [target]
    for spread in (True, False):  # spread out first; then the nearest others fill what is missing
        for place in pool:
            if len(choices) == MAP_CHOICES:
                break
            if place in choices:
                continue
            if not spread or all(geo.distance_m(c.lat, c.lon, place.lat, place.lon) >= APART_M for c in choices):
                choices.append(place)
    rng.shuffle(choices)
    return choices


@dataclass(frozen=True, slots=True)
class Zone:
    """Where to look on the map: a circle (degrees, metres)."""

    lat: float
    lon: float
    radius_m: float


def search_zone(target: Place, others: Sequence[Place], seed: str) -> Zone:
    """A circle with ``target`` in it but not at its centre, small enough that no other candidate is in it
    (unless two are closer than about 150 m); the same for the same ``seed``."""
    nearest = min((geo.distance_m(target.lat, target.lon, p.lat, p.lon) for p in others), default=ZONE_MAX_M * 2)
    radius = max(ZONE_MIN_M, min(ZONE_MAX_M, nearest * 0.45))
    angle = random.Random(seed).uniform(0, 2 * math.pi)  # noqa: S311
    shift = radius * 0.4
    metres_per_degree = math.radians(1) * geo.EARTH_RADIUS_M
    lat = target.lat + shift * math.cos(angle) / metres_per_degree
    lon = target.lon + shift * math.sin(angle) / (metres_per_degree * math.cos(math.radians(target.lat)))
    return Zone(lat, lon, radius)


def is_question(step: Step) -> bool:
    return not isinstance(step, InfoStep)


@dataclass
class StepState:
    """What a team did on one step (in memory only, gone at the reset)."""

    quiz_choice: int | None = None
    taps: list[str] = field(default_factory=list)  # map: the places tapped, in order
    hints: int = 0  # map: hints shown
    placed: list[int] = field(default_factory=list)  # order: item indices placed so far
    checked: bool = False  # order: the order was checked
    right_first_time: bool | None = None

    @property
    def done(self) -> bool:
        return self.right_first_time is not None


@dataclass
class Game:
    activity: Activity
    team: str
    steps: tuple[Step, ...]
    numbers: tuple[int, ...]  # each step's index in the activity (a map step without its place is left out)
    index: int = 0
    states: list[StepState] = field(default_factory=list)
    finished: bool = False
    counted_finish: bool = False

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def state(self) -> StepState:
        return self.states[self.index]

    @property
    def questions(self) -> int:
        return sum(1 for s in self.steps if is_question(s))

    @property
    def score(self) -> int:
        return sum(1 for s in self.states if s.right_first_time)


class DiscoveryService(QObject):
    """Activities of the snapshot, the teacher's choice, and the game in progress."""

    changed = Signal()  # the game moved on (new step, an answer, a hint, the end)
    ended = Signal()  # the game was abandoned or reset
    started = Signal(str)  # activity id: a team began it (anonymous usage statistics)
    finished = Signal(str)  # activity id: a team reached its end

    def __init__(
        self,
        stats: ActivityStats | None,
        today: Callable[[], date],
        origin: tuple[float, float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._stats = stats
        self._today = today
        self.origin = origin
        self.snapshot = Snapshot()
        self.start_activity: str | None = None  # the teacher's choice; None: the children choose
        self.chosen: Activity | None = None  # picked, before the team name
        self.game: Game | None = None

    # -- content and the teacher's control --------------------------------------------------------

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot

    @property
    def activities(self) -> tuple[Activity, ...]:
        return self.snapshot.activities

    def activity(self, activity_id: str) -> Activity | None:
        return next((a for a in self.snapshot.activities if a.id == activity_id), None)

    def set_start_activity(self, activity_id: str | None) -> None:
        """Staff panel: the activity every group starts on, or None to let the children choose."""
        self.start_activity = activity_id
        log.info("discovery: start on %s", activity_id or "the children's choice")

    def entry_activity(self) -> Activity | None:
        """The activity the « Activités découverte » door opens straight onto (the teacher's choice)."""
        return self.activity(self.start_activity) if self.start_activity else None

    # -- playing -------------------------------------------------------------------------------------

    def choose(self, activity_id: str) -> bool:
        self.chosen = self.activity(activity_id)
        return self.chosen is not None

    def begin(self, team: str) -> bool:
        """The team named ``team`` (one of TEAMS) starts the chosen activity."""
        activity = self.chosen
        if activity is None or team not in TEAMS:
            return False
        place_ids = {p.id for p in self.snapshot.places}
        playable = []
        for number, step in enumerate(activity.steps):
            if isinstance(step, MapStep) and step.place not in place_ids:
                log.warning(
                    "activity %s: no place %r in the content, its map step is left out", activity.id, step.place
                )
                continue
            playable.append((number, step))
        if not playable:
            return False
        steps = tuple(step for _, step in playable)
        numbers = tuple(number for number, _ in playable)
        self.game = Game(activity, team, steps, numbers, states=[StepState() for _ in steps])
        self._count(lambda s, day: s.started(activity.id, day))
        self.started.emit(activity.id)
        self.changed.emit()
        return True

    def choices(self) -> list[Place]:
        """The places offered on the current map step."""
        game = self.game
        if game is None or not isinstance(game.step, MapStep):
            return []
        return map_choices(game.step, self.snapshot.places, self.origin, self._seed())

    def search_zone(self) -> Zone | None:
        """On a map step not found yet, once every hint is shown (or, without hints, after two misses):
        a circle on the map around the place to find."""
        game = self.game
        if game is None or not isinstance(game.step, MapStep) or game.state.done:
            return None
        state, step = game.state, game.step
        if state.hints < len(step.hints) or (not step.hints and len(state.taps) < 2):
            return None
        choices = self.choices()
        target = next((p for p in choices if p.id == step.place), None)
        if target is None:
            return None
        return search_zone(target, [p for p in choices if p is not target], self._seed())

    def order_shown(self) -> list[int]:
        """The current order step's items, as shown before they are placed (indices into ``items``)."""
        game = self.game
        if game is None or not isinstance(game.step, OrderStep):
            return []
        return shuffled(self._seed(), len(game.step.items))

    def _seed(self) -> str:
        assert self.game is not None
        return f"{self.game.activity.id}:{self.game.index}"

    def answer_quiz(self, choice: int) -> bool | None:
        """The team's answer; None if the step is not a quiz or was already answered."""
        game = self.game
        if game is None or not isinstance(game.step, QuizStep) or game.state.done:
            return None
        if not 0 <= choice < len(game.step.answers):
            return None
        game.state.quiz_choice = choice
        right = choice == game.step.right
        self._answered(right)
        return right

    def tap_place(self, place_id: str) -> bool | None:
        """A place tapped on a map step; a wrong one shows the next hint. None once it is found."""
        game = self.game
        if game is None or not isinstance(game.step, MapStep) or game.state.done:
            return None
        state = game.state
        state.taps.append(place_id)
        right = place_id == game.step.place
        if len(state.taps) == 1:
            self._count_answer(game, right=right)
        if right:
            state.right_first_time = len(state.taps) == 1
        else:
            state.hints = min(len(game.step.hints), state.hints + 1)
        self.changed.emit()
        return right

    def reveal_hint(self) -> int:
        """One more hint on a map step; returns how many are shown."""
        game = self.game
        if game is None or not isinstance(game.step, MapStep):
            return 0
        game.state.hints = min(len(game.step.hints), game.state.hints + 1)
        self.changed.emit()
        return game.state.hints

    def place_item(self, item: int) -> None:
        """Order step: ``item`` (an index into ``items``) goes in the next free place."""
        game = self.game
        if game is None or not isinstance(game.step, OrderStep) or game.state.checked:
            return
        if 0 <= item < len(game.step.items) and item not in game.state.placed:
            game.state.placed.append(item)
            self.changed.emit()

    def move_item(self, item: int, position: int) -> None:
        """Order step, by dragging: ``item`` goes to ``position`` among the placed ones."""
        game = self.game
        if game is None or not isinstance(game.step, OrderStep) or game.state.checked:
            return
        placed = [i for i in game.state.placed if i != item]
        if not 0 <= item < len(game.step.items):
            return
        placed.insert(max(0, min(position, len(placed))), item)
        game.state.placed = placed
        self.changed.emit()

    def unplace_item(self, item: int) -> None:
        game = self.game
        if game is None or not isinstance(game.step, OrderStep) or game.state.checked:
            return
        if item in game.state.placed:
            game.state.placed.remove(item)
            self.changed.emit()

    def check_order(self) -> bool | None:
        game = self.game
        if game is None or not isinstance(game.step, OrderStep) or game.state.checked:
            return None
        if len(game.state.placed) != len(game.step.items):
            return None
        game.state.checked = True
        right = game.state.placed == list(range(len(game.step.items)))
        self._answered(right)
        return right

    def _answered(self, right: bool) -> None:
        """A quiz or order step answered, once: that first answer is what counts."""
        assert self.game is not None
        self.game.state.right_first_time = right
        self._count_answer(self.game, right=right)
        self.changed.emit()

    def _count_answer(self, game: Game, *, right: bool) -> None:
        number, kind, activity = game.numbers[game.index], game.step.kind, game.activity.id
        self._count(lambda s, day: s.answered(activity, number, kind, right_first_time=right, day=day))

    def can_go_on(self) -> bool:
        game = self.game
        return game is not None and (not is_question(game.step) or game.state.done)

    def next_step(self) -> None:
        game = self.game
        if game is None or not self.can_go_on():
            return
        if game.index + 1 < len(game.steps):
            game.index += 1
        elif not game.finished:
            game.finished = True
            if not game.counted_finish:
                game.counted_finish = True
                self._count(lambda s, day: s.finished(game.activity.id, day))
                self.finished.emit(game.activity.id)
        self.changed.emit()

    def previous_step(self) -> None:
        game = self.game
        if game is None:
            return
        if game.finished:
            game.finished = False  # back from the end screen to the last step (counted once already)
        elif game.index > 0:
            game.index -= 1
        self.changed.emit()

    def abandon(self) -> None:
        """The team left the activity (« Retour », « Accueil »): the game ends, the chosen activity stays."""
        if self.game is not None:
            self.game = None
            self.ended.emit()

    def reset(self) -> None:
        """End the activity and forget the team: the hook for the staff panel and the idle reset."""
        if self.game is not None or self.chosen is not None:
            log.info("discovery: the team's activity was reset")
        self.game = None
        self.chosen = None
        self.ended.emit()

    def _count(self, record: Callable[[ActivityStats, date], None]) -> None:
        """Statistics never stop a game: a full disk only costs a log line."""
        if self._stats is None:
            return
        try:
            record(self._stats, self._today())
        except Exception:  # sqlite3 errors, OSError: the game goes on
            log.exception("activity statistics not recorded")
