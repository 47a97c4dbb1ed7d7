"""The headless commands: ``--report`` and ``--descend``. Never imports Qt."""

from __future__ import annotations

import argparse
import json
import sys

from .descent import ALL_WEIGHTS, descend
from .model import PARAMETERS
from .report import json_report, text_report
from .scenario import Scenario, ScenarioError, default, load


class UsageError(Exception):
    """Bad command-line input; the message is shown on one line and the exit status is 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage dump
        raise UsageError(message)


def build_parser() -> Parser:
    p = Parser(
        prog="cnn-backprop",
        description="CNN Backprop Visualizer: backpropagation through one tiny CNN.",
    )
    p.add_argument("file", nargs="?", help="a scenario .json to open")
    p.add_argument("--scenario", metavar="FILE", help="scenario .json (default: the homework)")
    p.add_argument("--param", default=None, help="parameter to differentiate (default w11)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--report", action="store_true", help="print the derivation and exit")
    mode.add_argument("--descend", action="store_true", help="print a descent run as CSV and exit")
    mode.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG, exit")
    p.add_argument("--format", choices=("text", "json", "csv"), default=None)
    p.add_argument("--lr", type=float, default=None, help="learning rate for --descend")
    p.add_argument("--steps", type=int, default=None, help="number of steps for --descend")
    p.add_argument("--walk", type=int, metavar="STEP", help="open the walkthrough at STEP (from 1)")
    p.add_argument(
        "--theme", choices=("system", "light", "dark", "contrast"), help="the window's theme"
    )
    p.add_argument("--lang", choices=("en", "zh_TW"), default=None, help="interface language")
    return p


def scenario_from(args) -> Scenario:
    path = args.scenario or args.file
    return load(path) if path else default()


def _param(args, scenario: Scenario, allow_all: bool = False) -> str:
    param = args.param or scenario.selected
    if param not in PARAMETERS and not (allow_all and param == ALL_WEIGHTS):
        raise UsageError(f"--param: {param!r} is not one of {', '.join(PARAMETERS)}")
    return param


def run_headless(args, out=sys.stdout) -> int:
    """Run ``--report`` or ``--descend``; raise UsageError or ScenarioError on bad input."""
    scenario = scenario_from(args)
    if args.report:
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
    lr = scenario.learning_rate if args.lr is None else args.lr
    if not (lr > 0 and lr < float("inf")):
        raise UsageError(f"--lr must be a positive finite number, not {lr}")
    steps = 100 if args.steps is None else args.steps
    if not 0 <= steps <= 10_000_000:
        raise UsageError("--steps must be between 0 and 10000000")
    param = _param(args, scenario)
    t = descend(scenario.params, param, lr, steps)
    out.write(f"step,{param},loss,grad\n")
    for k in range(len(t.loss)):
        out.write(f"{k},{float(t.values[k])!r},{float(t.loss[k])!r},{float(t.grads[k])!r}\n")
    if t.stop == "diverged":
        print(f"cnn-backprop: stopped: {t.message}", file=sys.stderr)
    return 0


def fail(message: str) -> int:
    print(f"cnn-backprop: error: {message}", file=sys.stderr)
    return 2


__all__ = ["ScenarioError", "UsageError", "build_parser", "fail", "run_headless", "scenario_from"]
