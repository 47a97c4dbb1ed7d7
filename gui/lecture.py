"""Install the lecture features on the main window: walkthrough, presenter mode, quiz, help.

Escape has one meaning at a time, the innermost mode first: it leaves the walkthrough, else
presenter mode, else it shows every path again (the Paths menu's "Show all paths").
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from .appearance import Appearance
from .presenter import Presenter
from .session import Session
from .walkthrough_controller import WalkthroughController, make_action


def install_lecture(window: QMainWindow, session: Session) -> None:
    window.walkthrough = WalkthroughController(window, session)
    window.appearance = Appearance(window)
    presenter = window.presenter = Presenter(window, window.appearance)

    def escape() -> None:
        if session.snapshot.walk is not None:
            session.stop_walkthrough()
        elif presenter.active:
            presenter.leave()
        else:
            session.select_path(None)

    window.escape_action = make_action(
        window,
        window.tr("Leave / show all paths"),
        ["Esc"],
        escape,
        window.tr("Leave the walkthrough, then presenter mode; else show every path"),
    )
