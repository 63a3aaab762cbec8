"""WCAG 2.x contrast of the design tokens (relative luminance, sRGB)."""

from __future__ import annotations

from kiosk.tokens import Tokens, contrast, luminance, map_variables

__all__ = [
    "MAP_COMPONENT_PAIRS",
    "MAP_TEXT_PAIRS",
    "component_pairs",
    "contrast",
    "luminance",
    "map_pairs",
    "text_pairs",
]


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


# The map page's pairs, by CSS custom property (kiosk.tokens.map_variables): checked on what the page gets.
MAP_TEXT_PAIRS = (
    ("cluster count on its disc", "--kiosk-cluster-text", "--kiosk-cluster-background"),
    ("« you are here » label", "--kiosk-here-label-text", "--kiosk-here-label-background"),
    ("credits and scale on their panel", "--kiosk-text", "--kiosk-surface"),
    ("credit links on their panel", "--kiosk-link", "--kiosk-surface"),
)
MAP_COMPONENT_PAIRS = (
    ("place marker's ring on its disc", "--kiosk-pin-border", "--kiosk-pin-background"),
    ("place marker's ring on the map's background", "--kiosk-pin-border", "--kiosk-background"),
    ("focused marker's ring on its disc", "--kiosk-focus-border", "--kiosk-focus-background"),
    ("focused marker beside an ordinary one", "--kiosk-focus-background", "--kiosk-pin-background"),
    ("cluster on the map's background", "--kiosk-cluster-background", "--kiosk-background"),
    ("cluster's ring on the cluster", "--kiosk-cluster-border", "--kiosk-cluster-background"),
    ("the kiosk's dot in its ring", "--kiosk-here", "--kiosk-here-ring"),
    ("the kiosk's ring on the map's background", "--kiosk-here", "--kiosk-background"),
    ("the distance circle on the map's background", "--kiosk-radius-line", "--kiosk-background"),
)


def map_pairs(t: Tokens, pairs: tuple[tuple[str, str, str], ...]) -> list[tuple[str, str, str]]:
    """``pairs`` with the colours the map page gets for theme ``t``."""
    variables = map_variables(t)
    return [(name, variables[fg], variables[bg]) for name, fg, bg in pairs]
