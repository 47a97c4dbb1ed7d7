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

from ..actions import make_action
from ..state.session import Session, Snapshot


def _tr(text: str) -> str:
    return QCoreApplication.translate("NetworkMenu", text)


def activation_titles() -> dict[str, str]:
    """The menu text of each activation, translated."""
    return {
        "sigmoid": _tr("sigmoid s(z) (the homework)"),
        "tanh": _tr("tanh(z)"),
        "relu": _tr("ReLU: max(z, 0)"),
        "leaky_relu": _tr("leaky ReLU: max(z, 0.01 z)"),
        "identity": _tr("identity: no activation"),
    }


def loss_titles() -> dict[str, str]:
    """The menu text of each loss, translated."""
    return {
        "mse": _tr("MSE: (yy − ŷ)² (the homework)"),
        "half_mse": _tr("half MSE: (yy − ŷ)² / 2"),
        "bce_logits": _tr("cross-entropy on the logit ŷ (target in [0, 1])"),
    }


class NetworkMenu(QObject):
    """Installs the Network menu on ``window`` at menu-bar position ``index``."""

    def __init__(
        self, window: QMainWindow, session: Session, say: Callable[[str], None], index: int = 3
    ):
        super().__init__(window)
        self.window, self.session, self._say = window, session, say
        self.menu = QMenu(_tr("&Network"), window)
        bar = window.menuBar()
        actions = bar.actions()
        if index < len(actions):
            bar.insertMenu(actions[index], self.menu)
        else:
            bar.addMenu(self.menu)
        self.menu.setToolTip(_tr("Which network: the activation, the biases, the loss"))
        verbs = session.network
        self.activations = self._radio(
            _tr("&Activation"), activation_titles(), verbs.set_activation, ACTIVATIONS
        )
        self.menu.addSeparator()
        self.biases: dict[str, QAction] = {}
        for name, text, tip in (
            (CONV_BIAS, _tr("Conv bias &b"), _tr("z = window · w + b, one b shared by the cells")),
            (HEAD_BIAS, _tr("Head bias &c"), _tr("ŷ = wa·o00 + wb·o01 + wc·o10 + wd·o11 + c")),
        ):
            self.biases[name] = make_action(
                window,
                text,
                [],
                lambda on, n=name: self._do(lambda: verbs.set_bias(n, bool(on))),
                tip + " " + _tr("(added at 0)"),
                checkable=True,
                menu=self.menu,
            )
        self.menu.addSeparator()
        self.losses = self._radio(_tr("&Loss"), loss_titles(), verbs.set_loss, LOSSES)
        session.state_changed.connect(self.show_snapshot)
        self.show_snapshot(session.snapshot)

    def _radio(
        self,
        title: str,
        titles: dict[str, str],
        verb: Callable[[str], None],
        names: tuple[str, ...],
    ) -> dict[str, QAction]:
        sub = self.menu.addMenu(title)
        group = QActionGroup(self)
        out = {}
        for name in names:
            action = make_action(
                self.window,
                titles[name],
                [],
                lambda _=False, n=name: self._do(lambda: verb(n)),
                checkable=True,
                menu=sub,
            )
            group.addAction(action)
            out[name] = action
        return out

    def _do(self, change: Callable[[], None]) -> None:
        try:
            change()
        except ValueError as exc:
            self._say(str(exc))
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
