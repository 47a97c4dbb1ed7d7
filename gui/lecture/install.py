"""Install the lecture features on the main window: walkthrough, presenter mode, quiz, help.

Escape has one meaning at a time, the innermost mode first: it leaves the walkthrough, else
presenter mode, else it shows every path again (the Paths menu's "Show all paths").
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from ..look.appearance import Appearance
from ..panels.quiz import add_quiz_dock
from ..state.session import Session
from ..support.shortcuts_dialog import add_help_menu
from .presenter import Presenter
from .walkthrough import WalkthroughController, make_action


def install_lecture(window: QMainWindow, session: Session) -> None:
    # The window declares none of the parts hung on it here: tests and gui.app look them up.
    walkthrough = WalkthroughController(window, session)
    window.walkthrough = walkthrough  # type: ignore[attr-defined]
    quiz = add_quiz_dock(window, session)
    window.quiz = quiz  # type: ignore[attr-defined]

    def show_quiz() -> None:
        dock = quiz.parentWidget()
        if dock is not None:
            dock.raise_()

    menu = walkthrough.menu
    menu.addSeparator()
    for text, key, slot, tip in (
        (window.tr("Quiz"), "Q", show_quiz, window.tr("Show the quiz")),
        (window.tr("Hide every quiz value"), "Ctrl+Shift+H", quiz.hide_all, ""),
        (window.tr("Reveal every quiz value"), "Ctrl+Shift+R", session.lecture.reveal_all, ""),
    ):
        menu.addAction(make_action(window, text, [key], slot, tip or text))
    appearance = window.appearance = Appearance(window)  # type: ignore[attr-defined]
    presenter = window.presenter = Presenter(  # type: ignore[attr-defined]
        window,
        appearance,
        window.view,  # type: ignore[attr-defined]
        window.derivation,  # type: ignore[attr-defined]
    )

    def escape() -> None:
        if session.snapshot.walk is not None:
            session.lecture.stop_walkthrough()
        elif presenter.active:
            presenter.leave()
        else:
            session.select_path(None)

    window.escape_action = make_action(  # type: ignore[attr-defined]
        window,
        window.tr("Leave / show all paths"),
        ["Esc"],
        escape,
        window.tr("Leave the walkthrough, then presenter mode; else show every path"),
    )
    window.shortcuts_action = add_help_menu(window)  # type: ignore[attr-defined]
