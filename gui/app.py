"""Start the window: build QApplication, Session and MainWindow from parsed arguments."""

from __future__ import annotations

import os
import sys


def run_gui(args) -> int:
    """Open the main window (or render it to ``--screenshot`` or ``--export`` and exit)."""
    rendering = bool(args.screenshot or getattr(args, "export", None))
    if rendering and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no display
    if no_display():
        from core.cli import UsageError

        raise UsageError(
            "no display to open the window on: run it in a desktop session, or render it with "
            "--screenshot OUT.png (or set QT_QPA_PLATFORM=offscreen)"
        )
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        quiet_harmless_qt_messages()
    app, window = build(args)
    if getattr(args, "export", None):
        from .files.cli_export import export_file
        from .panels.typeset import stop_worker

        try:
            return export_file(window, args)
        finally:
            stop_worker()  # the typesetting process ends with the export
    if args.screenshot:
        return save_screenshot(window, args.screenshot, args.size, args.presenter, args.zoom or 1.0)
    open_window(window)
    return app.exec()


def open_window(window) -> None:
    """Show ``window`` where it was last time, inside its screen, and offer unsaved work back."""
    from PySide6.QtCore import QTimer

    from .support import settings

    settings.restore_window(window)
    window.fit_to_screen()  # before the first paint: the window opens at the size it keeps
    window.show()
    QTimer.singleShot(0, window.autosave.offer_recovery)


#: Said by the offscreen platform for every top-level window; not a fault of the app.
HARMLESS = ("This plugin does not support propagateSizeHints()",)


def quiet_harmless_qt_messages() -> None:
    """Pass Qt's messages on to stderr, except the offscreen platform's harmless one."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if message not in HARMLESS:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def no_display() -> bool:
    """On Linux without X11, Wayland or a chosen Qt platform, Qt would abort the process."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def build(args):
    """The QApplication and the main window for ``args``, not shown yet (for ``--export``
    with ``--steps N``, the scenario replayed N descent steps)."""
    from dataclasses import replace

    from core.cli import scenario_from  # scenario errors surface before any window opens

    scenario = scenario_from(args)

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from core.desktop import ICON

    from .main_window import MainWindow
    from .panels.typeset import stop_worker, warm_up
    from .state.session import Session
    from .support import errors, language, settings
    from .support.terminate import on_terminate, terminate

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CNN Backprop Visualizer")
    QApplication.setDesktopFileName("cnn-backprop")  # the entry --install-desktop writes
    QApplication.setWindowIcon(QIcon(str(ICON)))
    app.setOrganizationName("cnn-backprop")
    app.aboutToQuit.connect(stop_worker)
    on_terminate(app, lambda: terminate(app))  # from here on, SIGTERM closes as a person would
    # the typesetting process loads on the other core while the window is built, at nice 5 so
    # that a busy machine gives the window its CPU first (measured on a quiet 2-core machine:
    # the first paint as soon, the derivation typeset 0.1 s sooner than starting it after)
    warm_up()
    app.setProperty("error_reporter", errors.install())  # kept alive with the app
    settings.begin()
    # a picture or an export depends on its arguments alone, never on what this person set
    rendering = bool(args.screenshot or getattr(args, "export", None))
    remembered = None if rendering else (settings.language() or language.system_language())
    language.set_language(args.lang or remembered or "en")
    opened = args.scenario or args.file
    if getattr(args, "export", None) and args.steps:
        scenario = replace(scenario, descent={**scenario.descent, "step": args.steps})
    if not opened and not rendering:
        last = settings.last_file()  # the file last opened or saved, never discarded work
        if last is not None:
            opened, scenario = last
    if getattr(args, "theme", None) and not rendering:
        settings.remember_theme(args.theme)  # the window is built in it (its formulas first)
    session = Session(scenario)
    window = MainWindow(session)
    if opened:
        window.file_menu.files.adopt(opened)
        window.file_menu.files.say_notes(scenario)
    if getattr(args, "theme", None) or rendering:
        window.appearance.set_choice(args.theme or "light", remember=not rendering)
    if getattr(args, "walk", None):
        session.lecture.walk_to(args.walk - 1)

    after_first_paint(window, lambda: _typeset_after_first_paint(window.derivation))
    return app, window


def _typeset_after_first_paint(derivation) -> None:
    """The worker, loading on the other core since before the window was built, is given
    every formula of the first state at once (:meth:`ask_early`: read from the formulas that
    come with the app or typeset), then requests go one at a time again."""
    derivation.ask_early()
    derivation.start_typesetting()


def after_first_paint(window, callback) -> None:
    """Run ``callback`` once, just after the first paint of ``window``.

    Work the first paint does not need (the typesetting worker for the derivation, which sits
    behind the Paths tab) starts here, so the window appears first; nothing on show changes.
    The filter is on the window alone: one on the application would run for every event of
    every widget while the window is being built and shown.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, callback)
                self.deleteLater()
            return False

    window.installEventFilter(FirstPaint(window))


def save_screenshot(
    window,
    path: str,
    size: tuple[int, int] | None = None,
    presenter: bool = False,
    zoom: float = 1.0,
) -> int:
    """Render ``window`` to a PNG file: at its default size, or at ``size`` (width, height);
    with ``presenter``, in presenter mode at ``zoom`` on a screen of that size."""
    import time

    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication, QWidget

    from .panels.typeset import stop_worker

    if size is not None:
        window.resize(*size)
    window.show()
    QApplication.processEvents()
    if presenter:
        w, h = size or (window.width(), window.height())
        window.presenter.enter(QRect(0, 0, w, h))
        window.appearance.set_zoom(zoom)
        QApplication.processEvents()
    if size is not None and window.size().toTuple() != tuple(size):
        need = window.minimumSizeHint().expandedTo(window.minimumSize())
        stop_worker()
        print(
            f"cnn-backprop: error: --size {size[0]}x{size[1]} is too small for the window "
            f"{'at this zoom ' if presenter else ''}(it needs at least "
            f"{need.width()}x{need.height()} pixels)",
            file=sys.stderr,
        )
        return 2
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(
        w.property("rendering") for w in window.findChildren(QWidget)
    ):  # a view still drawing in the background (the typeset derivation)
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()  # lay out what arrived last
    window.grab()  # the plots' axes widen to their tick numbers while painting: paint once,
    QApplication.processEvents()  # let the layout follow, then take the picture
    image = window.grab()
    stop_worker()  # the typesetting process ends with the render
    if not image.save(path, "PNG"):
        print(f"cnn-backprop: error: cannot write {path}", file=sys.stderr)
        return 2
    return 0
