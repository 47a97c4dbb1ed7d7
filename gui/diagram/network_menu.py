"""The Network menu: the conv cells' activation, the conv and head biases, the loss.

Each item calls a ``session.network`` verb (one undo step each) and the menu shows the network
of the snapshot on show, so after an open, an undo or a redo the checked items are the network
the diagram draws. A choice the verb refuses (cross-entropy with a target outside [0, 1]) is
said in the status bar, and the checks stay on the network as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from core.activations import ACTIVATIONS
from core.losses import LOSSES
from core.model import CONV_BIAS, HEAD_BIAS

from ..actions import make_action, set_texts
from ..state.said import refusal
from ..state.session import Session, Snapshot


def activation_titles() -> dict[str, str]:
    """The menu text of each activation, translated."""
    return {
        "sigmoid": QCoreApplication.translate("NetworkMenu", "sigmoid s(z) (the homework)"),
        "tanh": QCoreApplication.translate("NetworkMenu", "tanh(z)"),
        "relu": QCoreApplication.translate("NetworkMenu", "ReLU: max(z, 0)"),
        "leaky_relu": QCoreApplication.translate("NetworkMenu", "leaky ReLU: max(z, 0.01 z)"),
        "identity": QCoreApplication.translate("NetworkMenu", "identity: no activation"),
    }


def loss_titles() -> dict[str, str]:
    """The menu text of each loss, translated."""
    return {
        "mse": QCoreApplication.translate("NetworkMenu", "MSE: (yy − ŷ)² (the homework)"),
        "half_mse": QCoreApplication.translate("NetworkMenu", "half MSE: (yy − ŷ)² / 2"),
        "bce_logits": QCoreApplication.translate(
            "NetworkMenu", "cross-entropy on the logit ŷ (target in [0, 1])"
        ),
    }


class NetworkMenu(QObject):
    """Installs the Network menu on ``window`` at menu-bar position ``index``."""

    def __init__(
        self, window: QMainWindow, session: Session, say: Callable[[str], None], index: int = 3
    ):
        super().__init__(window)
        self.window, self.session, self._say = window, session, say
        self.menu = QMenu(window)
        bar = window.menuBar()
        actions = bar.actions()
        if index < len(actions):
            bar.insertMenu(actions[index], self.menu)
        else:
            bar.addMenu(self.menu)
        verbs = session.network
        self._activation_menu, self.activations = self._radio(verbs.set_activation, ACTIVATIONS)
        self.menu.addSeparator()
        self.biases: dict[str, QAction] = {}
        for name in (CONV_BIAS, HEAD_BIAS):
            self.biases[name] = make_action(
                window,
                "",
                [],
                lambda on, n=name: self._do(lambda: verbs.set_bias(n, bool(on))),
                checkable=True,
                menu=self.menu,
            )
        self.menu.addSeparator()
        self._loss_menu, self.losses = self._radio(verbs.set_loss, LOSSES)
        self.retranslate()
        session.state_changed.connect(self.show_snapshot)
        self.show_snapshot(session.snapshot)

    def retranslate(self) -> None:
        """Every text of the menu in the current language (the window calls this on a
        language change)."""
        self.menu.setTitle(QCoreApplication.translate("NetworkMenu", "&Network"))
        self.menu.setToolTip(
            QCoreApplication.translate(
                "NetworkMenu", "Which network: the activation, the biases, the loss"
            )
        )
        self._activation_menu.setTitle(QCoreApplication.translate("NetworkMenu", "&Activation"))
        self._loss_menu.setTitle(QCoreApplication.translate("NetworkMenu", "&Loss"))
        for name, title in activation_titles().items():
            set_texts(self.activations[name], title)
        for name, title in loss_titles().items():
            set_texts(self.losses[name], title)
        added = QCoreApplication.translate("NetworkMenu", "(added at 0)")
        for name, text, tip in (
            (
                CONV_BIAS,
                QCoreApplication.translate("NetworkMenu", "Conv bias &b"),
                QCoreApplication.translate(
                    "NetworkMenu", "z = window · w + b, one b shared by the cells"
                ),
            ),
            (
                HEAD_BIAS,
                QCoreApplication.translate("NetworkMenu", "Head bias &c"),
                QCoreApplication.translate(
                    "NetworkMenu", "ŷ = wa·o00 + wb·o01 + wc·o10 + wd·o11 + c"
                ),
            ),
        ):
            set_texts(self.biases[name], text, f"{tip} {added}")

    def _radio(
        self, verb: Callable[[str], None], names: tuple[str, ...]
    ) -> tuple[QMenu, dict[str, QAction]]:
        sub = self.menu.addMenu("")
        group = QActionGroup(self)
        out = {}
        for name in names:
            action = make_action(
                self.window,
                "",
                [],
                lambda _=False, n=name: self._do(lambda: verb(n)),
                checkable=True,
                menu=sub,
            )
            group.addAction(action)
            out[name] = action
        return sub, out

    def _do(self, change: Callable[[], None]) -> None:
        try:
            change()
        except ValueError as exc:
            self._say(refusal(exc))
        self.show_snapshot(self.session.snapshot)  # a refused choice leaves the checks as they were

    def show_snapshot(self, snap: Snapshot) -> None:
        p = snap.params
        for name, action in self.activations.items():
            with QSignalBlocker(action):
                action.setChecked(name == p.activation)
        for name, action in self.losses.items():
            with QSignalBlocker(action):
                action.setChecked(name == p.loss)
        for name, action in self.biases.items():
            with QSignalBlocker(action):
                action.setChecked(p.has(name))
