"""Edit > Undo / Redo: two window actions that name the change they undo or redo.

QUndoStack's own actions keep the prefix ("Undo") they were made with, so they cannot follow a
change of language; these set their whole text from :meth:`retranslate`, which the window calls
on every ``LanguageChange`` after the stack's commands have been named again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu
from shiboken6 import isValid

from ..actions import make_action, set_texts


class UndoActions(QObject):
    def __init__(self, window: QMainWindow, stack: QUndoStack, menu: QMenu):
        super().__init__(window)
        self._stack = stack
        self.undo = make_action(window, "", [QKeySequence.StandardKey.Undo], stack.undo, menu=menu)
        self.redo = make_action(window, "", ["Ctrl+Shift+Z", "Ctrl+Y"], stack.redo, menu=menu)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(self.retranslate)
        stack.redoTextChanged.connect(self.retranslate)
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        self.retranslate()

    def retranslate(self, *_args) -> None:
        if not isValid(self._stack):  # the stack is going, with its window
            return
        undo, redo = self._stack.undoText(), self._stack.redoText()
        set_texts(self.undo, self.tr("&Undo %1").replace("%1", undo) if undo else self.tr("&Undo"))
        set_texts(self.redo, self.tr("&Redo %1").replace("%1", redo) if redo else self.tr("&Redo"))
