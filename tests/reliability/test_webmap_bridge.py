"""The map page's bridge, attacked from the page: only its declared calls, with checked arguments, do anything.

The page's own script keeps the bridge in a closure; a hostile script can still open its own QWebChannel
on ``qt.webChannelTransport`` and call whatever the channel publishes. This test does just that.
"""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6

from kiosk.views.map import MapView
from tests.helpers_qt import page_js as js
from tests.test_map_view import map_view, wait

__all__ = ["map_view"]  # the fixture, imported for pytest

OPEN = (
    "(function(){ window.__calls = []; new QWebChannel(qt.webChannelTransport, function(ch){"
    " window.__b = ch.objects.bridge; window.__names = Object.keys(ch.objects.bridge); }); return 1; })()"
)


# QWebChannel itself refuses a call whose arguments do not convert, and says so.
@pytest.mark.qt_log_ignore("Could not convert argument", "No candidates found for")
def test_undeclared_and_malformed_calls_from_the_page_do_nothing(map_view: MapView, qtbot: Any) -> None:
    web = map_view.web
    bridge = web.bridge
    clicked: list[str] = []
    ready: list[tuple[int, float]] = []
    bridge.placeClicked.connect(clicked.append)
    bridge.ready.connect(lambda n, ms: ready.append((n, ms)))
    js(web, OPEN)
    wait(qtbot, lambda: js(web, "typeof window.__b") == "object")
    names = set(js(web, "window.__names"))
    # What the page can reach: the declared slots, and what every QObject publishes.
    assert {"markerClicked", "focusDone", "pageReady", "filterDone"} <= names
    assert "tileRequested" not in names  # tiles come through the kiosk-tile: scheme, not the bridge
    assert not names & {"quit", "close", "setParent", "load", "eval", "exec", "setProperty"}

    calls = [
        "__b.markerClicked('no-such-place')",
        "__b.markerClicked('x'.repeat(100000))",
        "__b.markerClicked(42)",
        "__b.markerClicked({toString: function(){ return 'musee'; }})",
        "__b.markerClicked()",
        "__b.focusDone('<img src=x onerror=alert(1)>')",
        "__b.pageReady(-5, -1)",
        "__b.filterDone(1e308, NaN)",
        "__b.filterDone(1e308, NaN, Infinity)",
        "__b.noSuchCall && __b.noSuchCall()",
        "__b.objectName = 'pwned'",
        "__b.deleteLater && __b.deleteLater()",
    ]
    for call in calls:
        js(web, f"(function(){{ try {{ {call}; return 1; }} catch (e) {{ return String(e); }} }})()")
    qtbot.wait(500)  # let the channel deliver everything
    assert clicked == []  # no unknown or malformed id got through
    assert all(n >= 0 and ms >= 0 for n, ms in ready)
    assert shiboken6.isValid(bridge), "the page deleted the bridge"

    # The declared call with a good argument still works afterwards.
    with qtbot.waitSignal(bridge.placeClicked, timeout=3000) as signal:
        js(web, "(__b.markerClicked('musee'), 1)")
    assert signal.args == ["musee"]
