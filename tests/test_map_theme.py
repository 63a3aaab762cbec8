"""The leisure map's page follows the design tokens: colours of both themes, text size, WCAG contrast."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.app import TRANSLATIONS, Kiosk
from kiosk.content.model import Place, Snapshot, Text
from kiosk.map_page import WEB, MapPageSpec
from kiosk.services.map import MapPageService
from kiosk.services.session import Session
from kiosk.tokens import HIGH_CONTRAST, NORMAL, Tokens, css_rule, map_variables
from kiosk.ui.contrast import MAP_COMPONENT_PAIRS, MAP_TEXT_PAIRS, contrast, map_pairs
from kiosk.views.map import MapSettings, MapView
from tests.conftest import FakeClock
from tests.helpers_qt import page_js as js
from tests.helpers_qt import tap

WEB_VIEW_NOISE = ("QRhiGles2", "Failed to create RHI", "Vulkan", "GBM is not supported", "GPUInfo not initialized")
ORIGIN = (50.704, 3.1725)
CSS = (WEB / "kiosk-map.css").read_text(encoding="utf-8")
COLOUR_LITERAL = re.compile(r"#[0-9A-Fa-f]{3,8}\b|rgba?\(")


def rgb(hex_colour: str) -> str:
    """A token as the browser's computed style writes it."""
    h = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(h[i : i + 2], 16) for i in (0, 2, 4)))


@pytest.mark.parametrize("tokens", [NORMAL, HIGH_CONTRAST], ids=lambda t: t.name)
def test_the_map_colours_are_the_themes_tokens_and_pass_wcag(tokens: Tokens) -> None:
    variables = map_variables(tokens)
    colours = {v for v in variables.values() if v.startswith("#")}
    token_colours = {getattr(tokens, f) for f in tokens.__dataclass_fields__ if f != "name"}
    assert colours and colours <= token_colours, colours - token_colours
    for name, fg, bg in map_pairs(tokens, MAP_TEXT_PAIRS):
        assert contrast(fg, bg) >= 4.5, f"{tokens.name}: {name} is {contrast(fg, bg):.2f}:1"
    for name, fg, bg in map_pairs(tokens, MAP_COMPONENT_PAIRS):
        assert contrast(fg, bg) >= 3.0, f"{tokens.name}: {name} is {contrast(fg, bg):.2f}:1"
    used = set(re.findall(r"var\((--kiosk-[a-z0-9-]+)\)", CSS))
    derived = set(re.findall(r"(--kiosk-[a-z0-9-]+)\s*:", CSS))  # worked out in the sheet from the others
    assert used and used <= set(variables) | derived, used - set(variables) - derived  # every one read is made
    assert css_rule(variables).startswith(":root {") and f"--kiosk-cluster-background: {tokens.accent};" in css_rule(
        variables
    )


def test_the_style_sheet_has_no_colour_of_its_own_for_the_map() -> None:
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", CSS, flags=re.S))
    own = [(sel.strip(), body) for sel, body in rules if "kiosk-game" not in sel]  # the discovery game styles itself
    assert len(own) > 10
    for selector, body in own:
        assert not COLOUR_LITERAL.search(body), f"{selector} has a colour of its own: {body.strip()[:80]}"


def test_text_on_the_map_follows_the_text_size_and_markers_stay_touchable() -> None:
    normal, large = map_variables(NORMAL), map_variables(NORMAL, text_scale=2.0)
    for size in ("--kiosk-cluster-text-size", "--kiosk-here-label-size", "--kiosk-text-size"):
        assert int(large[size].removesuffix("px")) == 2 * int(normal[size].removesuffix("px")), size
    assert int(large["--kiosk-credit-size"].removesuffix("px")) > int(normal["--kiosk-credit-size"].removesuffix("px"))
    for marker in ("--kiosk-pin-size", "--kiosk-cluster-size"):
        assert int(normal[marker].removesuffix("px")) >= 64
        assert int(large[marker].removesuffix("px")) > int(normal[marker].removesuffix("px"))
    half_screen = map_variables(NORMAL, scale=0.5)
    assert int(half_screen["--kiosk-pin-size"].removesuffix("px")) == 32


STYLE = """(function () {
  var s = function (q) { return getComputedStyle(document.querySelector(q)); };
  var pin = document.querySelector('.kiosk-pin').getBoundingClientRect();
  return {cluster: s('.kiosk-cluster div').backgroundColor, count: s('.kiosk-cluster div').fontSize,
          pinBorder: s('.kiosk-pin').borderTopColor, pin: [pin.width, pin.height],
          label: s('.kiosk-here-label').backgroundColor, page: s('body').backgroundColor};
})()"""


@pytest.mark.qt_log_ignore(*WEB_VIEW_NOISE)
def test_the_page_draws_with_the_theme_it_is_sent(qapp: object, qtbot: Any, tmp_path: Path, clock: FakeClock) -> None:
    session = Session(TRANSLATIONS, "fr", ZoneInfo("Europe/Paris"), clock)
    pages = MapPageService(MapPageSpec(origin=ORIGIN, attribution="© OpenStreetMap"), tmp_path / "map")
    view = MapView(session, MapSettings(ORIGIN), pages, None)
    qtbot.addWidget(view)
    view.resize(1600, 900)
    view.show()
    places = tuple(Place(f"p{i}", Text.of(f"Lieu {i}"), "sport", 50.70 + i * 0.0001, 3.16, "t") for i in range(12))
    places += (Place("seul", Text.of("Seul"), "parc", 50.72, 3.20, "t"),)
    snapshot = Snapshot(places=places)
    try:
        with qtbot.waitSignal(view.web.ready, timeout=10_000):
            view.set_snapshot(snapshot)
            pages.set_snapshot(snapshot)
        first = js(view.web, STYLE)  # before the kiosk sends a theme: the normal one, from the page itself
        assert (first["cluster"], first["pinBorder"], first["page"]) == (
            rgb(NORMAL.accent),
            rgb(NORMAL.accent),
            rgb(NORMAL.background),
        )
        assert min(first["pin"]) >= 64
        view.web.set_theme(map_variables(HIGH_CONTRAST, 1.0, 2.0))
        qtbot.waitUntil(lambda: js(view.web, STYLE)["cluster"] == rgb(HIGH_CONTRAST.accent), timeout=3000)
        shown = js(view.web, STYLE)
        assert shown["label"] == rgb(HIGH_CONTRAST.text) and shown["page"] == rgb(HIGH_CONTRAST.background)
        assert shown["count"] == map_variables(HIGH_CONTRAST, 1.0, 2.0)["--kiosk-cluster-text-size"]
        assert min(shown["pin"]) > min(first["pin"])
        view.web.set_theme({"--kiosk-background": "red;} body{display:none", "color": "red"})  # not a theme
        assert js(view.web, "getComputedStyle(document.body).display") != "none"
    finally:
        view.shutdown()


def test_the_contrast_and_text_size_buttons_reach_the_map(kiosk: Kiosk) -> None:
    web = kiosk.window.map_view.web
    tap(kiosk.window.nav.contrast)
    tap(kiosk.window.nav.text_size)
    sent = json.loads(web._theme)
    assert sent["--kiosk-cluster-background"] == HIGH_CONTRAST.accent
    assert sent["--kiosk-here-label-size"] == map_variables(HIGH_CONTRAST, text_scale=1.5)["--kiosk-here-label-size"]
