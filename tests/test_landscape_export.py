"""The landscape exported: File > Export and ``--export X.png --view landscape`` write one
picture as PNG and SVG, compared by their pixels, with the current point where it is drawn."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog
from svg_render import RENDERERS, pixels

from gui.files.view_export import view_size

MAX_MEAN_DIFFERENCE = 1.5  # of 255, as the other views' export test allows
MAX_SHIFT_PX = 2.0


def white_disc(rgb: np.ndarray, k: int) -> tuple[float, float]:
    """Centre of the places where a k x k square of white fits (the current point's disc)."""
    mask = (rgb > 245).all(axis=2)
    sat = np.pad(mask.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    inside = (sat[k:, k:] - sat[:-k, k:] - sat[k:, :-k] + sat[:-k, :-k]) == k * k
    ys, xs = np.nonzero(inside)
    assert len(xs), "the current point is missing"
    return xs.mean() + k / 2, ys.mean() + k / 2


@pytest.fixture
def stepped(window):
    window.session.descent.set_optimizer("adam")
    for _ in range(5):
        window.session.descent.step()
    # the legend and page ground are white too: a dark theme leaves the point the one white disc
    window.appearance.set_choice("dark", remember=False)
    return window


def via_menu(window, monkeypatch, path, kind: str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
    text = f"Loss landscape as {kind}"
    action = next(a for a in window.file_menu.export_menu.actions() if a.text().startswith(text))
    action.trigger()


@pytest.mark.parametrize("renderer", list(RENDERERS))
def test_the_landscape_as_png_and_svg_from_the_menu_is_one_picture(
    stepped, monkeypatch, tmp_path, renderer
):
    via_menu(stepped, monkeypatch, tmp_path / "land.png", "PNG")
    via_menu(stepped, monkeypatch, tmp_path / "land.svg", "SVG")
    png = QImage(str(tmp_path / "land.png"))
    natural = view_size(stepped.export_views, "landscape")
    assert png.width() == 2 * natural.width()  # twice the screen's pixels
    expected = pixels(png)
    drawn = pixels(RENDERERS[renderer](tmp_path / "land.svg", png.size()))
    difference = np.abs(drawn - expected).mean()
    assert difference < MAX_MEAN_DIFFERENCE, f"mean difference {difference:.2f} of 255"
    (x0, y0), (x1, y1) = white_disc(expected, 9), white_disc(drawn, 9)
    assert max(abs(x1 - x0), abs(y1 - y0)) <= MAX_SHIFT_PX
    # the point is where the view draws it
    view = stepped.descent_panel.landscape.view
    p = stepped.session.snapshot.params
    from PySide6.QtCore import QPointF

    at = view.mapFromScene(view.vb.mapViewToScene(QPointF(p.get("w11"), p.get("w12"))))
    assert abs(x0 / 2 - at.x()) <= 2 and abs(y0 / 2 - at.y()) <= 2


def export_on_the_command_line(tmp_path, *extra: str) -> np.ndarray:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    out = tmp_path / "land.png"
    done = subprocess.run(
        [
            sys.executable,
            str(root / "main.py"),
            "--export",
            str(out),
            "--view",
            "landscape",
            *extra,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return pixels(QImage(str(out)))


def viridis_share(rgb: np.ndarray) -> float:
    """The share of the picture in the map's colours (each within 12 of a colour of viridis)."""
    import pyqtgraph as pg

    table = pg.colormap.get("viridis").getLookupTable(nPts=64, alpha=False).astype(int)
    near = np.zeros(rgb.shape[:2], dtype=bool)
    for colour in table:
        near |= np.abs(rgb.astype(int) - colour).max(axis=2) <= 12
    return float(near.mean())


def test_export_at_a_size_lays_the_landscape_out_for_it(tmp_path):
    """At --size 1280x720 the picture is 1280x720 and mostly map: the landscape's place in the
    window is a wide strip under the diagram, and that strip scaled up had been 1280x212."""
    rgb = export_on_the_command_line(tmp_path, "--size", "1280x720")
    assert rgb.shape[:2] == (720, 1280)
    assert viridis_share(rgb) > 0.6


def test_export_on_the_command_line_draws_the_landscape(tmp_path):
    rgb = export_on_the_command_line(tmp_path)
    # viridis's ends: its darkest purple and its yellow are both on the map
    purple = (np.abs(rgb - (68, 1, 84)).max(axis=2) < 40).sum()
    yellow = (np.abs(rgb - (253, 231, 37)).max(axis=2) < 40).sum()
    green = (np.abs(rgb - (33, 145, 140)).max(axis=2) < 30).sum()
    assert green > 100 and (purple + yellow) > 100
