"""The headless commands: ``--report``, ``--descend`` and ``--landscape``. Never imports Qt."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import cli_optim
from .activations import ACTIVATIONS
from .descent import ALL_WEIGHTS
from .live import drain, state, walk
from .losses import LOSSES
from .model import parameters
from .scenario import Scenario, ScenarioError, default, load
from .scenario_network import with_network
from .settings_format import MAX_STEPS, settings_of


class UsageError(Exception):
    """Bad command-line input; the message is shown on one line and the exit status is 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, no usage dump
        raise UsageError(message)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """``--xlim -2,3`` is read as ``--xlim=-2,3`` (argparse would take -2,3 for a flag)."""
        argv = sys.argv[1:] if args is None else args
        return super().parse_known_args(cli_optim.join_signed(argv), namespace)


def _flags(call: Any, *args: Any) -> Any:
    """``call(*args)``, with a refused optimizer or landscape flag as a :class:`UsageError`."""
    try:
        return call(*args)
    except cli_optim.FlagError as exc:
        raise UsageError(str(exc)) from None


def build_parser() -> Parser:
    p = Parser(
        prog="cnn-backprop",
        description="CNN Backprop Visualizer: backpropagation through one tiny CNN.",
    )
    p.add_argument("file", nargs="?", help="a scenario .json to open")
    p.add_argument("--scenario", metavar="FILE", help="scenario .json (default: the homework)")
    p.add_argument(
        "--param",
        default=None,
        help="parameter to differentiate or descend on; all: every weight (--descend only)",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--report", action="store_true", help="print the derivation and exit")
    mode.add_argument("--descend", action="store_true", help="print a descent run as CSV and exit")
    mode.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG, exit")
    mode.add_argument(
        "--export",
        metavar="OUT",
        help="write OUT and exit: .png or .svg (a --view), .csv (the descent), .md (the solution)",
    )
    mode.add_argument(
        "--install-desktop",
        action="store_true",
        help="add the app to the desktop's application menu (your data folder), exit",
    )
    mode.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help="remove what --install-desktop added, exit",
    )
    add_network_arguments(p)
    p.add_argument("--format", choices=("text", "json", "csv"), default=None)
    p.add_argument("--lr", type=float, default=None, help="learning rate for --descend")
    p.add_argument(
        "--steps", type=int, default=None, help="steps for --descend (default: the stop rule)"
    )
    p.add_argument("--walk", type=int, metavar="STEP", help="open the walkthrough at STEP (from 1)")
    p.add_argument(
        "--theme", choices=("system", "light", "dark", "contrast"), help="the window's theme"
    )
    p.add_argument("--lang", choices=("en", "zh_TW"), default=None, help="interface language")
    p.add_argument("--view", choices=EXPORT_VIEWS, help="what --export draws as .png or .svg")
    p.add_argument(
        "--size",
        type=window_size,
        metavar="WxH",
        help="--screenshot at this size in pixels, e.g. 1280x720 (a projector)",
    )
    cli_optim.add_arguments(p, mode)
    p.add_argument(
        "--presenter", action="store_true", help="--screenshot in presenter mode (full screen)"
    )
    p.add_argument(
        "--zoom",
        type=presenter_zoom,
        metavar="Z",
        help=f"presenter mode's zoom, {ZOOM_RANGE[0]:g} to {ZOOM_RANGE[1]:g} (default 1)",
    )
    return p


#: What ``--export`` draws (the same views as File > Export).
EXPORT_VIEWS = ("diagram", "loss-curve", "loss-step", "value-step", "landscape")
#: The smallest and largest --size, in pixels: a VGA screen and an 8K one. Presenter mode at a
#: large zoom needs more than the smallest; the render says so.
SIZE_RANGE = ((640, 480), (7680, 4320))
#: Presenter mode's zoom range (the window's Ctrl+= and Ctrl+- stay inside it too).
ZOOM_RANGE = (0.5, 3.0)


def window_size(text: str) -> tuple[int, int]:
    """``"1280x720"`` -> ``(1280, 720)``; anything else is refused with the reason."""
    (low_w, low_h), (high_w, high_h) = SIZE_RANGE
    parts = text.lower().split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a size: give width x height in pixels, e.g. 1280x720"
        )
    w, h = (int(p) for p in parts)
    if not (low_w <= w <= high_w and low_h <= h <= high_h):
        raise argparse.ArgumentTypeError(
            f"{w}x{h} is out of range: from {low_w}x{low_h} to {high_w}x{high_h} pixels"
        )
    return w, h


def presenter_zoom(text: str) -> float:
    """A zoom factor inside :data:`ZOOM_RANGE`; anything else is refused with the reason."""
    try:
        z = float(text)
    except ValueError:
        z = float("nan")
    low, high = ZOOM_RANGE
    if not low <= z <= high:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a zoom: give a number from {low:g} to {high:g}, e.g. 1.5"
        )
    return z


def bias_value(text: str) -> float | None:
    """A bias from the command line: a finite number, or ``none`` for no bias."""
    if text.strip().lower() == "none":
        return None
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value == value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"{text!r} is not a bias: give a finite number, or none")
    return value


def add_network_arguments(p: argparse.ArgumentParser) -> None:
    """``--activation``, ``--loss``, ``--conv-bias`` and ``--head-bias``: another network."""
    p.add_argument(
        "--activation", choices=ACTIVATIONS, help="the conv cells' activation (default: the file's)"
    )
    p.add_argument("--loss", choices=LOSSES, help="the loss (default: the file's)")
    p.add_argument(
        "--conv-bias",
        type=bias_value,
        metavar="X",
        default=argparse.SUPPRESS,
        help="a conv bias b shared by the four cells (none: no conv bias)",
    )
    p.add_argument(
        "--head-bias",
        type=bias_value,
        metavar="X",
        default=argparse.SUPPRESS,
        help="a head bias c added to y_hat (none: no head bias)",
    )


def network_from(args: argparse.Namespace, scenario: Scenario) -> Scenario:
    """``scenario`` with the network the command line chose (what it did not name stays)."""
    changes: dict[str, object] = {}
    for key in ("activation", "loss"):
        if getattr(args, key, None) is not None:
            changes[key] = getattr(args, key)
    for key in ("conv_bias", "head_bias"):
        if hasattr(args, key):  # given on the command line (its default is to be absent)
            changes[key] = getattr(args, key)
    if not changes:
        return scenario
    try:
        return with_network(scenario, **changes)  # type: ignore[arg-type]
    except ScenarioError as exc:
        raise UsageError(str(exc)) from None


def check_render_flags(args: argparse.Namespace) -> None:
    """``--size``, ``--presenter`` and ``--zoom`` shape a ``--screenshot`` (``--size`` an
    exported picture too), ``--view`` an ``--export``: refuse them alone or mismatched."""
    if args.export:
        check_export(args)
    elif args.view is not None:
        raise UsageError("--view needs --export OUT.png or OUT.svg (it picks what is drawn)")
    for flag, given in (
        ("--size", args.size is not None and not args.export),
        ("--presenter", args.presenter),
        ("--zoom", args.zoom is not None),
    ):
        if given and not args.screenshot:
            raise UsageError(f"{flag} needs --screenshot OUT.png (it shapes the rendered picture)")
    if args.zoom is not None and not args.presenter:
        raise UsageError("--zoom needs --presenter (it is presenter mode's zoom)")
    _flags(cli_optim.check_flags, args)


def check_export(args: argparse.Namespace) -> None:
    """``--export OUT``: the suffix, the view and the steps fit together."""
    kind = Path(args.export).suffix.lower()
    if kind not in (".png", ".svg", ".csv", ".md"):
        raise UsageError(
            f"--export: cannot tell what to write to {args.export!r}: "
            "use .png, .svg (with --view), .csv or .md"
        )
    picture = kind in (".png", ".svg")
    if picture and args.view is None:
        raise UsageError(
            f"--export {kind}: say which picture with --view ({'|'.join(EXPORT_VIEWS)})"
        )
    if not picture and (args.view is not None or args.size is not None):
        raise UsageError(f"--view and --size draw pictures; {kind} is not one")
    if args.steps is not None and not 0 <= args.steps <= MAX_STEPS:
        raise UsageError(f"--steps must be between 0 and {MAX_STEPS}")


def scenario_from(args: argparse.Namespace) -> Scenario:
    """The scenario the arguments name; what loading brought into range is said on stderr."""
    path = args.scenario or args.file
    scenario = load(path) if path else default()
    for note in scenario.notes:
        print(f"cnn-backprop: note: {path}: {note}", file=sys.stderr)
    return network_from(args, scenario)


def _param(
    args: argparse.Namespace, scenario: Scenario, allow_all: bool = False, default: str = ""
) -> str:
    param: str = args.param or default or scenario.selected
    names = parameters(scenario.params)
    if param in ("b", "c") and param not in names:
        bias, flag = ("conv bias", "--conv-bias") if param == "b" else ("head bias", "--head-bias")
        raise UsageError(f"--param: this network has no {bias} {param} (add one with {flag} X)")
    if param not in names and not (allow_all and param == ALL_WEIGHTS):
        also = ", all" if allow_all else ""
        raise UsageError(f"--param: {param!r} is not one of {', '.join(names)}{also}")
    return param


def run_headless(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """Run ``--report``, ``--descend`` or ``--landscape``; raise UsageError or ScenarioError
    on bad input."""
    scenario = scenario_from(args)
    if args.landscape is not None:
        code: int = _flags(cli_optim.run_landscape, args, scenario, out)
        return code
    if args.report:
        from .report import json_report, text_report  # headless only: not in the window's start

        fmt = args.format or "text"
        if fmt not in ("text", "json"):
            raise UsageError("--format for --report must be text or json")
        param = _param(args, scenario)
        if fmt == "json":
            out.write(json.dumps(json_report(scenario, param), indent=2) + "\n")
        else:
            out.write(text_report(scenario, param))
        return 0
    fmt = args.format or "csv"
    if fmt != "csv":
        raise UsageError("--format for --descend must be csv")
    return _descend(args, scenario, out)


def _descend(args: argparse.Namespace, scenario: Scenario, out: TextIO) -> int:
    """Stream the descent as CSV, stepping through :func:`core.live.walk` like the window."""
    rule = settings_of(scenario.descent)
    lr = scenario.learning_rate if args.lr is None else args.lr
    if not (lr > 0 and lr < float("inf")):
        raise UsageError(f"--lr must be a positive finite number, not {lr}")
    steps = rule.max_steps if args.steps is None else args.steps
    if not 0 <= steps <= MAX_STEPS:
        raise UsageError(f"--steps must be between 0 and {MAX_STEPS}")
    if args.param == "all":
        args.param = ALL_WEIGHTS
    param = _param(args, scenario, allow_all=True, default=rule.param(scenario.selected))
    optimizer = _flags(cli_optim.optimizer_from, args, rule.optimizer)
    first = state(scenario.params, param)
    from .export_csv import header, row  # the window never writes CSV at start-up
    from .export_csv import writer as csv_writer

    w = csv_writer(out)
    w.writerow(header(param, scenario.params))
    w.writerow(row(0, first.value, first.grad, first.loss))
    step = iter(range(1, steps + 1))
    stop = drain(
        walk(first, param, lr, first.loss, steps, rule.stop_tol, optimizer=optimizer),
        lambda s: w.writerow(row(next(step), s.value, s.grad, s.loss)),
    )
    out.flush()
    if stop.kind == "diverged":
        print(f"cnn-backprop: stopped: {stop.message}", file=sys.stderr)
    return 0


def fail(message: str) -> int:
    print(f"cnn-backprop: error: {message}", file=sys.stderr)
    return 2


__all__ = [
    "ScenarioError",
    "UsageError",
    "build_parser",
    "check_render_flags",
    "fail",
    "run_headless",
    "scenario_from",
]
