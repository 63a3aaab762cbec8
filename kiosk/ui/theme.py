"""The Qt style sheet and palette made from the design tokens (``kiosk.tokens``, re-exported here).

One set of tokens per theme (normal, high contrast). Sizes are given at 1080p and scaled with
the screen and the visitor's text-size choice, so a touch target stays at least 64 px tall.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from kiosk.tokens import FONT_FAMILY, HIGH_CONTRAST, NORMAL, RADIUS, SPACE, THEMES, TOUCH_MIN, TYPE, Tokens

__all__ = [
    "FONT_FAMILY",
    "HIGH_CONTRAST",
    "NORMAL",
    "RADIUS",
    "SPACE",
    "THEMES",
    "TOUCH_MIN",
    "TYPE",
    "Tokens",
    "palette",
    "style_sheet",
]


def palette(t: Tokens) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, t.background),
        (role.WindowText, t.text),
        (role.Base, t.surface),
        (role.AlternateBase, t.surface_alt),
        (role.Text, t.text),
        (role.Button, t.surface),
        (role.ButtonText, t.text),
        (role.Highlight, t.accent),
        (role.HighlightedText, t.on_accent),
        (role.PlaceholderText, t.text_muted),
    ):
        pal.setColor(r, QColor(colour))
    return pal


def style_sheet(t: Tokens, scale: float = 1.0, text_scale: float = 1.0) -> str:
    """The whole application's QSS. ``scale`` follows the screen (1.0 at 1080p) and multiplies every size;
    ``text_scale`` (the visitor's A+ choice: 1, 1.5, 2) multiplies font sizes only, so text grows to 200 %
    while layouts wrap it instead of pushing the screen wider (WCAG 1.4.4)."""

    def px(value: int) -> str:
        return f"{round(value * scale)}px"

    def fs(value: int) -> str:
        return f"{round(value * scale * text_scale)}px"

    return f"""
* {{ font-family: "{FONT_FAMILY}", "DejaVu Sans", sans-serif; font-size: {fs(TYPE["body"])}; color: {t.text}; }}
QMainWindow, QWidget#Screen, QScrollArea, QScrollArea > QWidget > QWidget {{ background: {t.background}; }}
QLabel {{ background: transparent; }}
QLabel[role="display"] {{ font-size: {fs(TYPE["display"])}; font-weight: 700; }}
QLabel[role="icon"] {{ font-size: {fs(52)}; min-width: {px(72)}; qproperty-alignment: AlignCenter; }}
QLabel[role="title"] {{ font-size: {fs(TYPE["title"])}; font-weight: 700; }}
QLabel[role="muted"] {{ color: {t.text_muted}; font-size: {fs(TYPE["small"])}; }}
QLabel[role="day"] {{ font-size: {fs(TYPE["title"])}; font-weight: 700; color: {t.accent};
    padding-top: {px(SPACE["m"])}; }}
QLabel[role="badge-live"] {{ background: {t.live}; color: {t.on_live}; font-weight: 700;
    border-radius: {px(8)}; padding: {px(4)} {px(12)}; font-size: {fs(TYPE["small"])}; }}
QLabel[role="badge-warning"] {{ background: {t.warning}; color: {t.on_warning}; font-weight: 700;
    border-radius: {px(8)}; padding: {px(4)} {px(12)}; font-size: {fs(TYPE["small"])}; }}
QWidget#Bar {{ background: {t.surface}; border-top: {px(2)} solid {t.border}; }}
QWidget#Header {{ background: {t.accent}; }}
QWidget#Header QLabel {{ color: {t.on_accent}; }}
QPushButton {{ background: {t.surface}; border: {px(3)} solid {t.border}; border-radius: {px(RADIUS)};
    min-height: {px(TOUCH_MIN)}; min-width: {px(TOUCH_MIN)}; padding: {px(8)} {px(24)};
    font-size: {fs(TYPE["button"])}; font-weight: 600; }}
QPushButton:pressed {{ background: {t.surface_alt}; }}
QPushButton:focus {{ border-color: {t.focus}; }}
QPushButton[role="primary"], QPushButton:checked {{ background: {t.accent}; color: {t.on_accent};
    border-color: {t.accent}; }}
QPushButton[role="tile-highlight"] {{ border: {px(6)} solid {t.accent}; background: {t.surface_alt}; }}
QPushButton[role="tile"], QPushButton[role="tile-highlight"] {{ font-size: {fs(TYPE["title"])}; font-weight: 700;
    text-align: center;
    padding: {px(SPACE["l"])}; }}
QPushButton[role="chip"] {{ border-radius: {px(TOUCH_MIN // 2)}; padding: {px(8)} {px(28)}; }}
QFrame[role="card"] {{ background: {t.surface}; border: {px(2)} solid {t.border}; border-radius: {px(RADIUS)}; }}
QFrame[role="card"]:hover {{ border-color: {t.accent}; }}
QLabel[role="step-text"] {{ font-size: {fs(36)}; font-weight: 600; }}
QLabel[role="badge-big"] {{ font-size: {fs(96)}; }}
QLabel[role="feedback-right"], QLabel[role="feedback-try"] {{ font-size: {fs(TYPE["body"])}; padding: {px(16)};
    border-radius: {px(RADIUS)}; background: {t.surface}; border: {px(3)} solid {t.accent}; }}
QLabel[role="feedback-try"] {{ border-color: {t.focus}; }}
QPushButton[role="answer"], QPushButton[role="answer-right"] {{ text-align: left; padding: {px(16)} {px(28)};
    font-size: {fs(32)}; }}
QPushButton[role="answer-right"] {{ background: {t.accent}; color: {t.on_accent}; border-color: {t.accent}; }}
QFrame[role="chip-card"] {{ background: {t.surface}; border: {px(3)} solid {t.accent}; border-radius: {px(RADIUS)}; }}
QFrame[role="chip-card"][dragging="true"] {{ background: {t.surface_alt}; border-color: {t.focus}; }}
QFrame[role="card"][found="true"] {{ border: {px(4)} solid {t.accent}; }}
QPushButton[role="primary"]:disabled {{ background: {t.surface_alt}; color: {t.text_muted};
    border-color: {t.surface_alt}; }}
QLabel[role="slot"] {{ border: {px(3)} dashed {t.border}; border-radius: {px(RADIUS)}; padding: {px(12)} {px(20)};
    color: {t.text_muted}; }}
QProgressBar {{ background: {t.surface_alt}; border: none; border-radius: {px(10)}; max-height: {px(20)};
    min-height: {px(20)}; }}
QProgressBar::chunk {{ background: {t.accent}; border-radius: {px(10)}; }}
QScrollBar:vertical {{ width: {px(14)}; background: transparent; }}
QScrollBar::handle:vertical {{ background: {t.border}; border-radius: {px(7)}; min-height: {px(60)}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
QLineEdit {{ background: {t.surface}; border: {px(3)} solid {t.border}; border-radius: {px(12)};
    min-height: {px(TOUCH_MIN)}; padding: {px(4)} {px(20)}; font-size: {fs(TYPE["button"])}; }}
QLineEdit:focus {{ border-color: {t.accent}; }}
QCheckBox {{ min-height: {px(TOUCH_MIN)}; spacing: {px(20)}; font-weight: 600; }}
QCheckBox::indicator {{ width: {px(56)}; height: {px(56)}; border: {px(3)} solid {t.text}; border-radius: {px(10)};
    background: {t.surface}; }}
QCheckBox::indicator:checked {{ background: {t.accent}; border-color: {t.accent}; }}
QLabel[role="error"] {{ color: {t.live}; font-weight: 700; }}
QPushButton[role="stepper"] {{ min-width: {px(96)}; min-height: {px(96)}; font-size: {fs(TYPE["display"])};
    padding: 0; }}
QFrame[role="qr"] {{ background: {t.surface}; border: {px(2)} solid {t.border}; border-radius: {px(RADIUS)}; }}
"""
