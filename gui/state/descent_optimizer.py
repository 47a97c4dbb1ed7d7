"""The optimizer verbs: which optimizer takes the steps, its hyperparameters, and a new start.

A run is fixed by its start, what descends, the learning rate and the optimizer, so choosing
another optimizer or changing one of its hyperparameters starts the run again from the
scenario's values (one undo entry each), as the learning rate does. :meth:`start_at` sets two
values at once, the landscape's click, as one undo entry.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from core.model import check_value
from core.numfmt import fmt
from core.optimizers import NAMES, Optimizer

if TYPE_CHECKING:
    from .session import Session
    from .snapshot import Snapshot

#: The symbol a hyperparameter is written with in labels and fields.
SYMBOLS = {"momentum": "μ", "betas": "β", "alpha": "α", "eps": "ε"}


def optimizer_names() -> dict[str, str]:
    """Each optimizer's name as the interface shows it, in menu order."""
    shown = {
        "sgd": QCoreApplication.translate("Optimizer", "SGD (plain gradient descent)"),
        "momentum": QCoreApplication.translate("Optimizer", "Momentum"),
        "nesterov": QCoreApplication.translate("Optimizer", "Nesterov momentum"),
        "adagrad": QCoreApplication.translate("Optimizer", "Adagrad"),
        "rmsprop": QCoreApplication.translate("Optimizer", "RMSprop"),
        "adam": QCoreApplication.translate("Optimizer", "Adam"),
    }
    return {n: shown[n] for n in NAMES}


def short_name(opt: Optimizer) -> str:
    """The optimizer's name without the explanation: "SGD", "Adam"."""
    return (
        QCoreApplication.translate("Optimizer", "SGD")
        if opt.name == "sgd"
        else optimizer_names()[opt.name]
    )


def optimizer_label(opt: Optimizer) -> str:
    """The optimizer and its hyperparameters: "Adam β 0.9, 0.999 ε 1e-08", "SGD"."""
    parts = [short_name(opt)]
    for key, value in opt.hyperparameters().items():
        shown = ", ".join(fmt(v) for v in value) if isinstance(value, tuple) else fmt(value)
        parts.append(f"{SYMBOLS[key]} {shown}")
    return " ".join(parts)


def memory_meanings() -> dict[str, dict[str, str]]:
    """What each optimizer's memory parts are (:data:`core.optimizers.MEANINGS`), translated."""
    return {
        "sgd": {},
        "momentum": {"m": QCoreApplication.translate("Optimizer", "velocity")},
        "nesterov": {"m": QCoreApplication.translate("Optimizer", "velocity")},
        "adagrad": {"v": QCoreApplication.translate("Optimizer", "sum of squared gradients")},
        "rmsprop": {"v": QCoreApplication.translate("Optimizer", "mean squared gradient")},
        "adam": {
            "m": QCoreApplication.translate("Optimizer", "first moment"),
            "v": QCoreApplication.translate("Optimizer", "second moment"),
        },
    }


class OptimizerVerbs:
    """The optimizer verbs of ``session.descent`` (needs ``_session``, ``restarted`` and
    ``stop_playing`` from :class:`~gui.state.descent_verbs.DescentVerbs`)."""

    _session: Session

    def restarted(self, s: Snapshot, start: bool = True) -> Snapshot:  # pragma: no cover
        raise NotImplementedError

    def stop_playing(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def play(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def set_optimizer(self, opt: Optimizer | str) -> None:
        """Take the steps with ``opt`` (a name takes ``torch.optim``'s defaults); the run starts
        again from the scenario's values. Raises ValueError for an unknown name."""
        if isinstance(opt, str):
            opt = Optimizer(opt)
        s = self._session.snapshot
        if opt == s.settings.optimizer:
            return
        playing = s.playing
        self.stop_playing()
        after = self.restarted(replace(s, settings=replace(s.settings, optimizer=opt)))
        text = QCoreApplication.translate("Optimizer", "Optimizer %1").replace(
            "%1", optimizer_label(opt)
        )
        self._session.commit(text, after)
        if playing:
            self.play()

    def set_hyperparameter(self, key: str, value: Any) -> None:
        """Set one hyperparameter of the optimizer in use (``betas`` as a pair). Raises
        :class:`core.optimizers.OptimizerError` (a ValueError) naming what is wrong, and
        changes nothing then."""
        opt = self._session.snapshot.settings.optimizer
        given = opt.hyperparameters() | {key: value}
        self.set_optimizer(Optimizer(opt.name, **given))

    def start_at(self, values: dict[str, float]) -> None:
        """Set several values at once (a click on the landscape) and start a new run there,
        from the values on show: one undo entry. Raises ValueError (nothing changes) for a
        value that cannot be taken."""
        s = self._session.snapshot
        checked = {n: check_value(n, v, s.params) for n, v in values.items()}
        if all(s.params.get(n) == v for n, v in checked.items()):
            return
        params = s.params
        for name, value in checked.items():
            params = params.with_value(name, value)
        self.stop_playing()
        run = self._session.run.restart(params, s.settings.param(s.selected))
        after = replace(s, run=run, cursor=0, banner="", status="", playing=False)
        shown = ", ".join(f"{n} = {fmt(v)}" for n, v in checked.items())
        self._session.commit(
            QCoreApplication.translate("Optimizer", "Start at %1").replace("%1", shown), after
        )
