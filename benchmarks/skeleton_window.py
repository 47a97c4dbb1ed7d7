"""A window of stock Qt and pyqtgraph widgets shaped like the app's, built by no app code.

What the app's first paint shows, as plainly as Qt and pyqtgraph draw it: a graphics view of
24 boxes with a number each and 18 links (the diagram), a bottom dock of tabs holding three
PlotWidgets side by side, each with a title, axis labels, a legend and a 201-point curve, the
first also a 1,001-point one (the descent plots at start hold these and more), a side dock of
three tabs of six rich-text lines (the panels), a toolbar of seven actions, a slider and a
box, and a menu bar of five menus. It has less than the app's window, not more: no states,
no themes, no translations, no fonts of its own.

Launched as the app is, it bounds start-up from below: no window that shows this much, built
with these libraries, paints sooner. startup_bench.py launches it alternately with the app,
once bare and once after importing the app's modules (``gui.main_window``, the command line),
as the app imports them before building anything.
"""

from __future__ import annotations


def skeleton_window(import_app: bool = False):
    """``(app, window)``: the skeleton window, not shown yet; first the app's modules imported
    if ``import_app`` (nothing of them is used)."""
    import numpy as np
    import pyqtgraph as pg
    from bench_window import WINDOW_SIZE
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtWidgets import (
        QApplication,
        QComboBox,
        QDockWidget,
        QGraphicsScene,
        QGraphicsView,
        QLabel,
        QMainWindow,
        QSlider,
        QSplitter,
        QTabWidget,
        QToolBar,
        QVBoxLayout,
        QWidget,
    )

    if import_app:
        import core.cli  # noqa: F401  (what main.run imports first)
        import gui.main_window  # noqa: F401

    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    scene = QGraphicsScene(0, 0, 1200, 640)
    for i in range(24):
        x, y = 40 + (i % 6) * 190, 30 + (i // 6) * 150
        scene.addRect(QRectF(x, y, 150, 110))
        scene.addSimpleText(f"node {i}\n0.{i:04d}").setPos(x + 8, y + 8)
    for i in range(18):
        scene.addLine(190 + 10 * i, 85, 230 + 10 * i, 235)
    window.setCentralWidget(QGraphicsView(scene))

    plots = QSplitter()
    for k in range(3):  # the app's at start: the loss curve (1,001 points), a 200-step
        plot = pg.PlotWidget(title=f"plot {k}")  # prediction in each, a run of one step
        plot.addLegend()
        plot.setLabel("bottom", "step")
        plot.setLabel("left", "MSE")
        if k == 0:
            x = np.linspace(-2.0, 3.0, 1001)
            plot.plot(x, np.exp(-x * x), name="curve", pen=pg.mkPen(0, width=2))
        steps = np.arange(201.0)
        plot.plot(steps, np.exp(-steps / 40), name="predicted", pen=pg.mkPen(1, width=1.5))
        plots.addWidget(plot)
    bottom = QTabWidget()
    bottom.addTab(plots, "Descent")
    bottom.addTab(QLabel("landscape"), "Landscape")
    dock = QDockWidget("Descent")
    dock.setWidget(bottom)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)

    side = QTabWidget()
    for name in ("Paths", "Derivation", "Values"):
        page = QWidget()
        lines = QVBoxLayout(page)
        for i in range(6):
            text = f"<b>path {i}</b> = 0.12 &middot; 0.34 &middot; 0.56 = <i>0.0228</i>"
            lines.addWidget(QLabel(text))
        side.addTab(page, name)
    panels = QDockWidget("Panels")
    panels.setWidget(side)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panels)

    bar = QToolBar()
    window.addToolBar(bar)
    for name in ("Play", "Step", "Reset", "Undo", "Redo", "Open", "Save"):
        bar.addAction(name)
    bar.addWidget(QSlider(Qt.Orientation.Horizontal))
    box = QComboBox()
    box.addItems(["w11", "w12", "w21", "w22"])
    bar.addWidget(box)
    for title in ("File", "Edit", "View", "Network", "Help"):
        menu = window.menuBar().addMenu(title)
        for i in range(6):
            menu.addAction(f"{title} {i}")
    window.resize(*WINDOW_SIZE)
    return app, window
