"""The network verbs: which activation the conv cells use, which biases exist, which loss.

``session.network`` changes the network of the values on show (the start of a new run, as an
edit does), each choice one undoable step whose text names it ("Activation: relu"). Adding a
bias starts it at 0, so the numbers on show do not move until the bias is changed; removing
one moves a selection or a descent on it back to w11. A loss that cannot take the current
target (cross-entropy needs a target in [0, 1]) is refused with a ValueError saying why, and
nothing changes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from core.activations import ACTIVATIONS
from core.losses import LOSSES, TARGET_RANGE
from core.model import BIASES, CONV_BIAS, Params
from core.numfmt import fmt

if TYPE_CHECKING:
    from .session import Session
    from .snapshot import Snapshot


class NetworkVerbs:
    """``session.network``: the activation, the two biases and the loss, each one undo step."""

    def __init__(self, session: Session):
        self._session = session

    @property
    def params(self) -> Params:
        return self._session.snapshot.params

    def set_activation(self, name: str) -> None:
        """Use activation ``name`` in the four conv cells."""
        if name not in ACTIVATIONS:
            raise ValueError(
                QCoreApplication.translate("Network", "Unknown activation: %1").replace("%1", name)
            )
        if name != self.params.activation:
            self._commit(
                QCoreApplication.translate("Network", "Activation: %1").replace("%1", name),
                self.params.with_network(name),
            )

    def set_loss(self, name: str) -> None:
        """Train with loss ``name``; refused (ValueError, nothing changes) if the target does
        not suit it."""
        if name not in LOSSES:
            raise ValueError(
                QCoreApplication.translate("Network", "Unknown loss: %1").replace("%1", name)
            )
        p = self.params
        if name == p.loss:
            return
        if name in TARGET_RANGE:
            low, high = TARGET_RANGE[name]
            if not low <= p.yy <= high:
                text = QCoreApplication.translate(
                    "Network",
                    "%1 needs a target yy from %2 to %3 (a probability); yy is %4. "
                    "Set yy within that range first.",
                )
                for k, part in enumerate((name, fmt(low), fmt(high), fmt(p.yy)), start=1):
                    text = text.replace(f"%{k}", part)
                raise ValueError(text)
        self._commit(
            QCoreApplication.translate("Network", "Loss: %1").replace("%1", name),
            p.with_network(loss=name),
        )

    def set_bias(self, name: str, present: bool) -> None:
        """Add bias ``name`` (``"b"`` or ``"c"``) at 0, or remove it."""
        if name not in BIASES:
            raise ValueError(
                QCoreApplication.translate("Network", "Unknown bias: %1").replace("%1", name)
            )
        p = self.params
        if p.has(name) == present:
            return
        value = 0.0 if present else None
        after = p.with_network(b=value) if name == CONV_BIAS else p.with_network(c=value)
        if name == CONV_BIAS:
            text = (
                QCoreApplication.translate("Network", "Add conv bias b")
                if present
                else QCoreApplication.translate("Network", "Remove conv bias b")
            )
        else:
            text = (
                QCoreApplication.translate("Network", "Add head bias c")
                if present
                else QCoreApplication.translate("Network", "Remove head bias c")
            )
        self._commit(text, after)

    def _commit(self, text: str, params: Params) -> None:
        """The values on show in network ``params``, as the start of a new run."""
        session = self._session
        session.descent.stop_playing()
        s = session.snapshot
        after = _without_missing(s, params)
        run = session.run.restart(params, after.settings.param(after.selected))
        session.commit(text, replace(after, run=run, cursor=0, banner="", status="", playing=False))


def _without_missing(s: Snapshot, params: Params) -> Snapshot:
    """``s`` with a selection, descent or kept run on a bias ``params`` lacks moved to w11."""
    selected = s.selected if params.has(s.selected) else "w11"
    settings = s.settings
    if settings.mode in BIASES and not params.has(settings.mode):
        settings = replace(settings, mode="w11")
    ghosts = tuple(g for g in s.ghosts if params.has(g.x_name))
    path = s.path if selected == s.selected else None
    return replace(s, selected=selected, settings=settings, ghosts=ghosts, path=path)
