"""WCAG 2.x contrast of the design tokens (relative luminance, sRGB)."""

from __future__ import annotations

from kiosk.ui.theme import Tokens


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_pairs(t: Tokens) -> list[tuple[str, str, str]]:
    """Every (name, foreground, background) pair of text the screens draw."""
    return [
        ("text on background", t.text, t.background),
        ("text on surface", t.text, t.surface),
        ("text on pressed surface", t.text, t.surface_alt),
        ("muted on background", t.text_muted, t.background),
        ("muted on surface", t.text_muted, t.surface),
        ("day heading (accent) on background", t.accent, t.background),
        ("button text on accent", t.on_accent, t.accent),
        ("header text on accent", t.on_accent, t.accent),
        ("live badge", t.on_live, t.live),
        ("status badge", t.on_warning, t.warning),
    ]


def component_pairs(t: Tokens) -> list[tuple[str, str, str]]:
    """Boundaries that identify a control (WCAG 1.4.11: 3:1)."""
    return [
        ("button border on background", t.border, t.background),
        ("button border on surface", t.border, t.surface),
        ("focus ring on background", t.focus, t.background),
    ]
