"""The one action factory: every menu, toolbar and keyboard action of the window is made here.

An action is window-wide (its keys work wherever the focus is in the window), its tooltip names
its keys, and Help > Keyboard shortcuts lists it, so no key is hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

Keys = Sequence[str | QKeySequence.StandardKey | Qt.Key]


def key_sequences(keys: Keys) -> list[QKeySequence]:
    """The sequences of ``keys`` (standard keys expand to the platform's), without repeats."""
    seqs: list[QKeySequence] = []
    for key in keys:
        found = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        seqs += [s for s in found if s not in seqs]  # a repeat would be ambiguous
    return seqs


def set_texts(action: QAction, text: str, tip: str = "") -> None:
    """``action``'s text, and its tooltip (``tip``, else the text) naming its keys.

    Called when the action is made and again from its owner's ``retranslate()``."""
    action.setText(text)
    shown = ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
    )
    tip = tip or text.replace("&", "")
    action.setToolTip(f"{tip} ({shown})" if shown else tip)
    action.setStatusTip(tip)


def make_action(
    window: QWidget,
    text: str,
    keys: Keys,
    slot: Callable[..., object],
    tip: str = "",
    *,
    checkable: bool = False,
    icon: QIcon | None = None,
    menu: QMenu | None = None,
) -> QAction:
    """A window-wide action on ``window`` calling ``slot``; added to ``menu`` when given."""
    action = QAction(window)
    action.setCheckable(checkable)
    action.setShortcuts(key_sequences(keys))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    set_texts(action, text, tip)
    if icon is not None:
        action.setIcon(icon)
    action.triggered.connect(slot)
    window.addAction(action)
    if menu is not None:
        menu.addAction(action)
    return action
