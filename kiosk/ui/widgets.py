"""Reusable touch widgets: plain-text labels, kinetic scroll areas, chips, tappable cards."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

TAP_SLOP_PX = 24  # a finger moving less than this is a tap, more is a scroll


WRAPPED_MIN_WIDTH = 64  # px: the narrowest a word-wrapped label asks to be, whatever its longest word


class PlainLabel(QLabel):
    """A label whose width never depends on its longest word.

    A word-wrapped QLabel asks for the width of its longest word: one unbreakable 10,000-character title
    from a source would widen the whole screen (380,000 px). This one asks for little; a word longer than
    the room it is given is cut at the edge, and the layout stays the window's width.
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.wordWrap() and hint.width() > WRAPPED_MIN_WIDTH:
            hint.setWidth(WRAPPED_MIN_WIDTH)
        return hint


def label(text: str = "", role: str | None = None, *, wrap: bool = True) -> QLabel:
    """A label that shows content as plain text (QLabel would otherwise guess at rich text)."""
    widget = PlainLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        widget.setProperty("role", role)
    return widget


def button(text: str = "", role: str | None = None) -> QPushButton:
    widget = QPushButton(text)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if role:
        widget.setProperty("role", role)
    return widget


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every item of ``layout`` (views rebuild their lists on new content)."""
    while (item := layout.takeAt(0)) is not None:
        if (widget := item.widget()) is not None:
            widget.hide()
            widget.deleteLater()
        elif (child := item.layout()) is not None:
            clear_layout(child)


class KineticScrollArea(QScrollArea):
    """A vertical scroll area that follows the finger and keeps its momentum (QScroller)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        viewport = self.viewport()
        # Touch reaches the viewport as mouse events Qt synthesizes from it, so one gesture serves finger and
        # mouse alike. (Grabbing the touch gesture instead swallowed the press of the first tap on a list.)
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        scroller = QScroller.scroller(viewport)
        props = scroller.scrollerProperties()
        policy = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
        props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, policy)
        props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, policy)
        props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
        # Deliver the press at once: a tap must never wait for the scroller to make up its mind
        # (TapCard itself tells a tap from a drag by how far the finger moved).
        props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
        scroller.setScrollerProperties(props)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Shown for the first time after the text size changed, the content is resized while it is being
        # shown (its new fonts make it taller), after its pending resize event: its layout keeps the old
        # height and squeezes the wrapped labels (cut text at 200 %). Lay it out on the size it has.
        content = self.widget()
        if event.type() == QEvent.Type.Show and content is not None and watched is content:
            layout = content.layout()
            if layout is not None and layout.geometry() != content.contentsRect():
                layout.setGeometry(content.contentsRect())
        return super().eventFilter(watched, event)

    def scroll_to_top(self) -> None:
        QScroller.scroller(self.viewport()).stop()
        self.verticalScrollBar().setValue(0)


class TapCard(QFrame):
    """A card that emits ``tapped`` on a press and release in place (not at the end of a scroll)."""

    tapped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._pressed_at: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_at = event.globalPosition().toPoint()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        start, self._pressed_at = self._pressed_at, None
        moved = start is not None and (event.globalPosition().toPoint() - start).manhattanLength()
        if (
            start is not None
            and moved is not None
            and moved < TAP_SLOP_PX
            and self.rect().contains(event.position().toPoint())
        ):
            self.tapped.emit()
        event.accept()


class FlowLayout(QLayout):
    """Lays items left to right and wraps to a new row: chips stay visible at any width or text size."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and row_height > 0:
                x, y = rect.x(), y + row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class ChipBar(QWidget):
    """A row of filter chips: "all" plus one per value; several may be selected at once."""

    selectionChanged = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = FlowLayout(self)
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        self._group.buttonToggled.connect(self._on_toggled)
        self._all: QPushButton | None = None
        self._values: list[str] = []
        self._updating = False

    def set_chips(self, all_label: str, chips: Sequence[tuple[str, str]], selected: Sequence[str] = ()) -> None:
        """``chips`` are (value, label) pairs; the selection is kept where the values still exist."""
        self._updating = True
        for b in self._group.buttons():
            self._group.removeButton(b)
        clear_layout(self._layout)
        self._values = [v for v, _ in chips]
        self._all = self._chip(all_label, "")
        for value, text in chips:
            self._chip(text, value).setChecked(value in selected)
        self._all.setChecked(not self.selected())
        self._updating = False

    def selected(self) -> list[str]:
        return [str(b.property("value")) for b in self._group.buttons() if b.isChecked() and b.property("value")]

    def retitle(self, labels: dict[str, str]) -> None:
        for b in self._group.buttons():
            b.setText(labels.get(str(b.property("value")), b.text()))

    def _chip(self, text: str, value: str) -> QPushButton:
        chip = button(text, "chip")
        chip.setCheckable(True)
        chip.setProperty("value", value)
        self._group.addButton(chip)
        self._layout.addWidget(chip)
        return chip

    def _on_toggled(self, chip: QAbstractButton, checked: bool) -> None:
        if self._updating:
            return
        self._updating = True
        if chip is self._all:
            for b in self._group.buttons():
                b.setChecked(b is self._all)
        elif self._all is not None:
            self._all.setChecked(not self.selected())
        self._updating = False
        self.selectionChanged.emit(self.selected())


class Tile(QPushButton):
    """A big door on the home screen: a pictogram, a title and one line saying what is behind it."""

    def __init__(self, icon: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 20, 28, 20)
        row.setSpacing(24)
        self.pictogram = label(icon, "display", wrap=False)
        self.title = label(role="title")
        self.subtitle = label(role="muted")
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        row.addWidget(self.pictogram)
        row.addLayout(column, 1)
        for part in (self.pictogram, self.title, self.subtitle):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)

    def set_texts(self, title: str, subtitle: str) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.setAccessibleName(title)


class LongPress(QObject):
    """Emits ``triggered`` when the watched widget is held down for ``seconds`` (a hidden staff gesture)."""

    triggered = Signal()

    def __init__(self, widget: QWidget, seconds: float) -> None:
        super().__init__(widget)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(seconds * 1000))
        self._timer.timeout.connect(self.triggered.emit)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._timer.start()
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.Leave):
            self._timer.stop()
        return False


class NoContextMenu(QObject):
    """A window-wide event filter: no context menu anywhere (right click, the Menu key, long press).

    Installed on the window's QWindow (``WindowEventFilters``), it sees the input before Qt turns it
    into a context-menu event, so it drops the right button and the Menu key as well.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in _MOUSE and isinstance(event, QMouseEvent):
            return event.button() == Qt.MouseButton.RightButton
        return kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Menu


_MOUSE = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick)


class WindowEventFilters(QObject):
    """Installs event filters on a top-level widget's QWindow, and again whenever Qt recreates it.

    Why not ``QApplication.installEventFilter``: with PySide6 6.12 an application-wide Python filter is
    handed every QtWebEngine internal object (URL request jobs, the render widget's Qt Quick items), and
    shiboken crashes wrapping them (``findDerivedType`` -> ``__dynamic_cast``) before the filter runs.
    The QWindow sees every touch, click and key of the window first, and only that.
    """

    def __init__(self, window: QWidget, filters: Sequence[QObject]) -> None:
        super().__init__(window)
        self._window = window
        self._filters = list(filters)
        window.installEventFilter(self)
        window.winId()  # create the QWindow now
        self._install()

    def _install(self) -> None:
        handle = self._window.windowHandle()
        if handle is not None:
            for event_filter in self._filters:
                handle.installEventFilter(event_filter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Never raise here: the window also sends WinIdChange while it is torn down at exit, when a
        # Python exception escaping a Qt override crashes PySide instead of being printed.
        try:
            if event.type() in (QEvent.Type.WinIdChange, QEvent.Type.Show) and self._window.isVisible():
                self._install()
        except RuntimeError:  # the window is already gone
            return False
        return False
