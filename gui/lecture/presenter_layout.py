"""What presenter mode does to the window's docks and type: the screen shared out between
the diagram, the panels and the plots, and the zoom's type given to what the room reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QMainWindow, QTabBar, QWidget

FONT_BOOST = 1.4  # presenter fonts at zoom 1, against the window's own
SIDE_SHARE, BOTTOM_SHARE = 0.32, 0.37  # of the screen: the right panels' width, the plots' height
#: A screen narrower than this (width / height: 4:3 is 1.33, 16:9 is 1.78) gives the diagram
#: its whole width: the panels on the right join the plots' dock as tabs. Beside them the wide
#: diagram would be drawn at 0.43 of its size on a 1024x768 projector (8 px type), alone at 0.71.
NARROW = 1.5


def sized(font: QFont, points: float) -> QFont:
    out = QFont(font)
    out.setPointSizeF(points)
    return out


def _controls(widget: QWidget) -> list[QWidget]:
    """The tab bars and buttons in ``widget``: what the zoom leaves at zoom 1's size."""
    return [*widget.findChildren(QTabBar), *widget.findChildren(QAbstractButton)]


def panels(window: QMainWindow) -> list[QWidget]:
    """What the zoom enlarges: every dock's panel."""
    docks = window.findChildren(QDockWidget)
    return [d.widget() for d in docks if d.widget() is not None]


def zoom_type(widget: QWidget, points: float, zoom: float) -> None:
    """``widget`` (a panel) in the type of ``zoom`` (``points`` at zoom 1), its tab bars and
    buttons in that of zoom 1 (controls, like the window's tabs: they leave the room to what
    the room reads)."""
    widget.setFont(sized(QFont(), points * zoom))
    for control in _controls(widget):
        control.setFont(sized(QFont(), points))


def own_type(widget: QWidget) -> None:
    """``widget`` and its controls in the window's type again (none sets its own)."""
    widget.setFont(QFont())
    for control in _controls(widget):
        control.setFont(QFont())


def panels_under_the_diagram(window: QMainWindow) -> None:
    """Tab the right-hand panels with the plots, keeping the plots in front (leaving
    presenter mode restores the layout as it was)."""
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()]
    bottom = [
        d for d in docks if window.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea
    ]
    right = [d for d in docks if window.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea]
    if not bottom or not right:
        return
    order = ["Paths", "derivationDock", "quiz_dock", "values_dock"]  # as the tabs read
    right.sort(key=lambda d: order.index(d.objectName()) if d.objectName() in order else 9)
    for dock in right:
        window.tabifyDockWidget(bottom[0], dock)
    bottom[0].raise_()


def share_out(window: QMainWindow) -> None:
    """The panels on the right and the plots below take a fixed part of the screen, whatever
    size the window had before, and the diagram the rest."""
    for dock in window.findChildren(QDockWidget):
        if dock.isVisible() and not dock.isFloating():
            area = window.dockWidgetArea(dock)
            if area == Qt.DockWidgetArea.RightDockWidgetArea:
                size, way = round(window.width() * SIDE_SHARE), Qt.Orientation.Horizontal
            elif area == Qt.DockWidgetArea.BottomDockWidgetArea:
                size, way = round(window.height() * BOTTOM_SHARE), Qt.Orientation.Vertical
            else:
                continue
            window.resizeDocks([dock], [size], way)
