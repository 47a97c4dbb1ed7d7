"""Help > Keyboard shortcuts: a table made from the window's own actions, so it cannot go stale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
)

from ..actions import make_action, set_texts
from .about import show_about


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _where(action: QAction) -> str:
    """The menu (or toolbar) the action is found in."""
    for obj in action.associatedObjects():
        if isinstance(obj, QMenu) and obj.title():
            return _clean(obj.title())
    for obj in action.associatedObjects():
        if isinstance(obj, QToolBar):
            return obj.windowTitle()
    return ""


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str, str]]:
    """(where, action, keys, what it does) for every action of ``window`` with a shortcut."""
    rows, seen = [], set()
    for action in [*window.actions(), *window.findChildren(QAction)]:
        if action in seen or action.menu() is not None or action.shortcut().isEmpty():
            continue
        seen.add(action)
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        tip = action.toolTip()
        tip = tip.rsplit(" (", 1)[0] if tip.endswith(")") else tip
        text = _clean(action.text())
        rows.append((_where(action), text, keys, "" if tip == text else tip))
    return sorted(rows, key=lambda r: (r[0] == "", r[0], r[1]))


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Menu"), self.tr("Action"), self.tr("Keys"), self.tr("What it does")]
        )
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text or self.tr("(window)") if c == 0 else text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 640)


class HelpMenu(QObject):
    """Help > Keyboard shortcuts and About."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.menu = window.menuBar().addMenu("")

        def show() -> None:
            ShortcutsDialog(window).exec()

        self.shortcuts = make_action(window, "", ["F1", "Ctrl+/"], show)
        self.menu.addAction(self.shortcuts)
        self.menu.addSeparator()
        about = lambda: show_about(window)  # noqa: E731
        self.about = make_action(window, "", ["Ctrl+F1"], about, menu=self.menu)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        set_texts(
            self.shortcuts,
            QCoreApplication.translate("MainWindow", "Keyboard shortcuts"),
            QCoreApplication.translate("MainWindow", "List every shortcut of the window"),
        )
        set_texts(self.about, QCoreApplication.translate("MainWindow", "About"))
