"""Exported pictures, looked at: every SVG, drawn by Qt's QSvgRenderer and by librsvg, shows
the same picture as the PNG of the same view, with the current point in the same place.

Parsing the file cannot see a wrong picture (the plots' SVGs once parsed fine and drew blocks
in librsvg and shifted curves in Qt), so each SVG is rendered at the PNG's size and the pixels
are compared.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog
from svg_render import RENDERERS, pixels

from gui.files.view_export import VIEWS, export_view, view_size
from gui.look.palette import SELECTED

MENU_TITLES = {
    "diagram": "Diagram",
    "loss-curve": "Loss curve plot",
    "loss-step": "Loss against step plot",
    "value-step": "Value against step plot",
}
# Mean absolute difference per channel, of 255. Measured on this picture: 0.0-0.1 through
# QSvgRenderer and 0.1-0.6 through librsvg (antialiasing of edges); the old export of the
# plots measured 7.8-9.8 (axes shifted against the curves) and 58-148 (strokes as blocks).
MAX_MEAN_DIFFERENCE = 1.5
MAX_SHIFT_PX = 2.0


def _selected(rgb: np.ndarray) -> np.ndarray:
    c = QColor(SELECTED)
    return np.abs(rgb - (c.red(), c.green(), c.blue())).max(axis=2) < 40


def _disc_centre(mask: np.ndarray, k: int) -> tuple[float, float]:
    """Centre of the places where a k x k square fits inside ``mask`` (the big round point)."""
    sat = np.pad(mask.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    inside = (sat[k:, k:] - sat[:-k, k:] - sat[k:, :-k] + sat[:-k, :-k]) == k * k
    ys, xs = np.nonzero(inside)
    assert len(xs), "the current point is missing"
    return xs.mean() + k / 2, ys.mean() + k / 2


def _line_end(mask: np.ndarray, legend_left: int) -> tuple[float, float]:
    """The right end of the run's line: its rightmost pixels left of the legend."""
    ys, xs = np.nonzero(mask[:, :legend_left])
    assert len(xs), "the run's line is missing"
    end = xs.max()
    return float(end), ys[xs >= end - 2].mean()


def current_point(window, view: str, rgb: np.ndarray) -> tuple[float, float]:
    """Where the current point is drawn in the selection colour, in pixels of ``rgb``."""
    mask = _selected(rgb)
    scale = rgb.shape[1] / view_size(window, view).width()
    if view == "loss-curve":  # a 15 px disc; the steps' dots are 8 px
        return _disc_centre(mask, round(7 * scale))
    if view == "diagram":  # the ring around the selected weight
        scene = window.scene
        node = scene.nodes[window.session.snapshot.selected]
        box = node.sceneBoundingRect().adjusted(-9, -9, 9, 9)
        box.translate(-scene.sceneRect().topLeft())
        top, left = int(box.top() * scale), int(box.left() * scale)
        ys, xs = np.nonzero(mask[top : int(box.bottom() * scale), left : int(box.right() * scale)])
        assert len(xs), "the selected weight's ring is missing"
        return left + xs.mean(), top + ys.mean()
    panel = window.descent_panel
    widget = (panel.loss if view == "loss-step" else panel.value).widget
    legend = widget.getPlotItem().legend.sceneBoundingRect()
    return _line_end(mask, int(legend.left() * scale) - 2)


@pytest.fixture
def stepped(window):
    """The window after five steps of descent: a run, a current point, a tangent, a legend."""
    for _ in range(5):
        window.session.descent.step()
    return window


def via_menu(window, monkeypatch, path, view: str, kind: str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
    text = f"{MENU_TITLES[view]} as {kind}"
    action = next(a for a in window.file_menu.export_menu.actions() if a.text().startswith(text))
    action.trigger()


def assert_same_picture(window, view: str, png_path, svg_path, renderer: str) -> None:
    """The SVG, rendered at the PNG's size, matches the PNG and has the point in its place."""
    png = QImage(str(png_path))
    expected = pixels(png)
    drawn = pixels(RENDERERS[renderer](svg_path, png.size()))
    difference = np.abs(drawn - expected).mean()
    x0, y0 = current_point(window, view, expected)
    x1, y1 = current_point(window, view, drawn)
    shift = max(abs(x1 - x0), abs(y1 - y0))
    print(f"{view} {renderer}: difference {difference:.2f}, shift {shift:.1f} px")
    assert difference < MAX_MEAN_DIFFERENCE, f"mean difference {difference:.2f} of 255"
    assert shift <= MAX_SHIFT_PX, f"current point at {(x0, y0)} in the PNG, {(x1, y1)} in the SVG"


@pytest.mark.parametrize("renderer", list(RENDERERS))
@pytest.mark.parametrize("view", VIEWS)
def test_the_svg_from_the_menu_draws_the_same_picture_as_the_png(
    stepped, monkeypatch, tmp_path, view, renderer
):
    via_menu(stepped, monkeypatch, tmp_path / "view.png", view, "PNG")
    via_menu(stepped, monkeypatch, tmp_path / "view.svg", view, "SVG")
    assert_same_picture(stepped, view, tmp_path / "view.png", tmp_path / "view.svg", renderer)


@pytest.mark.parametrize("renderer", list(RENDERERS))
@pytest.mark.parametrize("view", VIEWS)
def test_png_and_svg_asked_for_at_one_size_show_one_picture(stepped, tmp_path, view, renderer):
    natural = view_size(stepped, view)
    size = (natural.width() * 3 // 2, natural.height() * 3 // 2 + 40)  # room to spare below
    export_view(stepped, view, tmp_path / "view.png", size=size)
    export_view(stepped, view, tmp_path / "view.svg", size=size)
    png = QImage(str(tmp_path / "view.png"))
    assert png.width() == size[0] and abs(png.height() * 2 - natural.height() * 3) <= 2
    assert_same_picture(stepped, view, tmp_path / "view.png", tmp_path / "view.svg", renderer)
