"""The command line's optimizer flags and ``--landscape``. Never imports Qt.

``--descend --optimizer NAME [--momentum M] [--betas B1,B2] [--alpha A] [--eps E]`` steps with
that optimizer (hyperparameters not given take ``torch.optim``'s defaults, or the scenario's
when it names the same optimizer). ``--landscape P,Q [--grid N] [--xlim LO,HI] [--ylim LO,HI]``
prints the loss over two values on an N x N grid: as CSV, ``P,Q,loss`` then a row a point,
``Q`` in the outer loop (row by row of the JSON's ``loss``); as JSON, ``{"x", "y", "loss"}``
with ``loss[i][j]`` at ``y[i]``, ``x[j]``. Refusals raise :class:`FlagError`, which the command
line shows on one line with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from typing import Any, TextIO

from .landscape import MAX_GRID, check_grid, check_limits, check_names, landscape
from .model import EDITABLE
from .optimizers import HYPERPARAMETERS, NAMES, Optimizer, OptimizerError
from .params import BIASES
from .scenario import Scenario

#: Options whose value may start with a minus sign and a digit (``--xlim -2,3``): argparse
#: takes ``-2,3`` for an option of its own unless it is joined on (``--xlim=-2,3``).
SIGNED = ("--xlim", "--ylim", "--betas", "--momentum", "--alpha", "--eps")
LANDSCAPE_FLAGS = ("grid", "xlim", "ylim")
#: Each side of the default landscape: the value on show, plus and minus this.
DEFAULT_REACH = 2.0
DEFAULT_GRID = 101


class FlagError(Exception):
    """A flag that cannot be used; the message names it."""


def join_signed(argv: Sequence[str]) -> list[str]:
    """``argv`` with ``--xlim -2,3`` written ``--xlim=-2,3`` (the same for :data:`SIGNED`)."""
    out: list[str] = []
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        nxt = args[i + 1] if i + 1 < len(args) else ""
        if arg in SIGNED and len(nxt) > 1 and nxt[0] == "-" and (nxt[1].isdigit() or nxt[1] == "."):
            out.append(f"{arg}={nxt}")
            i += 2
        else:
            out.append(arg)
            i += 1
    return out


def _pair(text: str, what: str) -> tuple[float, float]:
    parts = text.split(",")
    try:
        if len(parts) != 2:
            raise ValueError
        lo, hi = float(parts[0]), float(parts[1])
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not {what}: give two numbers with a comma, e.g. -2,3"
        ) from None
    return lo, hi


def limits(text: str) -> tuple[float, float]:
    """``"-2,3"`` -> ``(-2.0, 3.0)``: finite, in range, low below high."""
    lo, hi = _pair(text, "LO,HI")
    try:
        return check_limits(lo, hi, text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def betas(text: str) -> tuple[float, float]:
    return _pair(text, "B1,B2")


def names(text: str) -> tuple[str, str]:
    """``"w11,w12"`` -> ``("w11", "w12")``: two different editable values (a bias, b or c,
    only when the scenario's network has it: checked once the scenario is read)."""
    parts = [t.strip() for t in text.split(",")]
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f"{text!r} is not P,Q: give two names, e.g. w11,w12")
    known = (*EDITABLE, *BIASES)
    for name in parts:
        if name not in known:
            raise argparse.ArgumentTypeError(f"{name!r} is not one of {', '.join(known)}")
    if parts[0] == parts[1]:
        raise argparse.ArgumentTypeError(f"both axes are {parts[0]}: give two different values")
    return parts[0], parts[1]


def add_arguments(p: argparse.ArgumentParser, mode: Any) -> None:
    """The optimizer and landscape flags; ``--landscape`` joins the ``mode`` group."""
    mode.add_argument(
        "--landscape",
        type=names,
        metavar="P,Q",
        help="print the loss over two values (all others fixed) on a grid, and exit",
    )
    p.add_argument(
        "--grid",
        type=int,
        metavar="N",
        help=f"--landscape's points a side, 2 to {MAX_GRID} (default {DEFAULT_GRID})",
    )
    for axis, name in (("x", "P"), ("y", "Q")):
        p.add_argument(
            f"--{axis}lim",
            type=limits,
            metavar="LO,HI",
            help=f"--landscape's range of {name} (default: its value +-{DEFAULT_REACH:g})",
        )
    p.add_argument("--optimizer", choices=NAMES, help="what takes --descend's steps (sgd)")
    p.add_argument("--momentum", type=float, metavar="M", help="momentum/nesterov's momentum (0.9)")
    p.add_argument("--betas", type=betas, metavar="B1,B2", help="adam's betas (0.9,0.999)")
    p.add_argument("--alpha", type=float, metavar="A", help="rmsprop's alpha (0.99)")
    p.add_argument(
        "--eps", type=float, metavar="E", help="adagrad's (1e-10), rmsprop's, adam's eps (1e-8)"
    )


def check_flags(args: argparse.Namespace) -> None:
    """Optimizer flags need ``--descend``; grid flags need ``--landscape``."""
    for key in ("optimizer", *HYPERPARAMETERS):
        if getattr(args, key) is not None and not args.descend:
            raise FlagError(f"--{key} needs --descend (it sets what takes the steps)")
    for key in LANDSCAPE_FLAGS:
        if getattr(args, key) is not None and args.landscape is None:
            raise FlagError(f"--{key} needs --landscape P,Q (it shapes the grid)")


def optimizer_from(args: argparse.Namespace, base: Optimizer) -> Optimizer:
    """The optimizer the flags ask for; ``base`` (the scenario's) fills what they leave out
    when it is the same optimizer, else ``torch.optim``'s defaults do."""
    name = args.optimizer or base.name
    given = {k: v for k in HYPERPARAMETERS if (v := getattr(args, k)) is not None}
    kept = base.hyperparameters() if name == base.name else {}
    try:
        return Optimizer(name, **(kept | given))
    except OptimizerError as exc:
        raise FlagError(f"--{exc}") from None


def run_landscape(args: argparse.Namespace, scenario: Scenario, out: TextIO) -> int:
    """Print ``--landscape P,Q`` as CSV or JSON (see the module docstring)."""
    fmt = args.format or "csv"
    if fmt not in ("csv", "json"):
        raise FlagError("--format for --landscape must be csv or json")
    x_name, y_name = args.landscape
    p = scenario.params
    try:
        check_names(x_name, y_name, p)  # a bias the scenario's network lacks
    except ValueError as exc:
        raise FlagError(f"--landscape: {exc}") from None
    try:
        n = check_grid(DEFAULT_GRID if args.grid is None else args.grid)
    except ValueError as exc:
        raise FlagError(f"--grid: {exc}") from None
    lims = []
    for flag, given, name in (("--xlim", args.xlim, x_name), ("--ylim", args.ylim, y_name)):
        if given is None:
            v = p.get(name)
            given = (v - DEFAULT_REACH, v + DEFAULT_REACH)
            try:
                check_limits(*given, f"{flag} (default, around {name} = {v:g})")
            except ValueError as exc:
                raise FlagError(str(exc)) from None
        lims.append(given)
    grid = landscape(p, x_name, y_name, lims[0], lims[1], n)
    if not bool(math.isfinite(float(grid.loss.max()))):
        raise FlagError("the loss overflows on this grid: narrow --xlim or --ylim")
    if fmt == "json":
        doc = {"x": grid.x.tolist(), "y": grid.y.tolist(), "loss": grid.loss.tolist()}
        out.write(json.dumps(doc, allow_nan=False) + "\n")
        return 0
    out.write(f"{x_name},{y_name},loss\n")
    xs = [repr(x) for x in grid.x.tolist()]
    for y, row in zip(grid.y.tolist(), grid.loss.tolist()):  # a row of the grid at a time
        ys = repr(y)
        out.write("".join(f"{x},{ys},{loss!r}\n" for x, loss in zip(xs, row)))
    return 0
