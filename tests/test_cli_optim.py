"""`--descend --optimizer ...` and `--landscape P,Q ...` on the command line."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.model import forward, gradients
from core.presets import preset

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ("w11", "w12", "w21", "w22", "wa", "wb", "wc", "wd")


def cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def table(done: subprocess.CompletedProcess) -> tuple[list[str], list[list[float]]]:
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    return rows[0], [[float(x) for x in r] for r in rows[1:]]


def refused(*args: str) -> str:
    done = cli(*args)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


# --- --descend --optimizer -----------------------------------------------------------------


def test_momentum_descent_prints_the_textbook_momentum_steps():
    header, rows = table(cli("--descend", "--optimizer", "momentum", "--momentum", "0.5",
                             "--lr", "0.3", "--steps", "4"))  # fmt: skip
    assert header == ["step", "w11", "loss", "grad"]
    p, v = preset("homework").params, 0.0
    for k, (step, w11, loss, grad) in enumerate(rows):
        assert step == k
        assert w11 == pytest.approx(p.get("w11"), rel=1e-12)
        assert loss == pytest.approx(forward(p).loss, rel=1e-12)
        g = gradients(p)["w11"]
        assert grad == pytest.approx(g, rel=1e-12)
        v = 0.5 * v + 0.3 * g  # the velocity with the learning rate inside
        p = p.with_value("w11", p.get("w11") - v)


def test_all_weights_with_adam_has_the_all_weights_columns():
    header, rows = table(cli("--descend", "--param", "all", "--optimizer", "adam", "--steps", "3"))
    assert header == ["step", *WEIGHTS, "loss", *(f"grad_{n}" for n in WEIGHTS)]
    assert len(rows) == 4
    lr = preset("homework").learning_rate
    first = np.array(rows[1][1:9]) - np.array(rows[0][1:9])
    # Adam's first step moves every weight by the learning rate, against its gradient's sign
    np.testing.assert_allclose(first, -lr * np.sign(rows[0][10:18]), rtol=1e-6)


def test_defaults_and_flags_fill_the_hyperparameters(tmp_path):
    plain = table(cli("--descend", "--optimizer", "nesterov", "--steps", "5"))[1]
    same = table(cli("--descend", "--optimizer", "nesterov", "--momentum", "0.9", "--steps", "5"))
    assert plain == same[1]
    doc = json.loads((ROOT / "resources/presets/homework.json").read_text(encoding="utf-8"))
    doc["descent"] = {"optimizer": {"name": "nesterov", "momentum": 0.9}}
    path = tmp_path / "nesterov.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert table(cli("--descend", "--scenario", str(path), "--steps", "5"))[1] == plain
    other = table(cli("--descend", "--scenario", str(path), "--momentum", "0.5", "--steps", "5"))
    assert other[1] != plain  # a flag overrides the file's hyperparameter


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--descend", "--optimizer", "lbfgs"], "argument --optimizer: invalid choice"),
        (["--descend", "--optimizer", "adam", "--momentum", "0.5"], "--momentum: adam takes no"),
        (["--descend", "--momentum", "0.5"], "--momentum: sgd takes no momentum"),
        (["--descend", "--optimizer", "momentum", "--momentum", "1.5"], "--momentum: must be"),
        (["--descend", "--optimizer", "adam", "--betas", "0.9"], "is not B1,B2"),
        (["--descend", "--optimizer", "adam", "--betas", "-0.1,0.9"], "--betas[0] (beta1)"),
        (["--descend", "--optimizer", "rmsprop", "--alpha", "x"], "argument --alpha"),
        (["--descend", "--optimizer", "adagrad", "--eps", "-1e-8"], "--eps: must be greater"),
        (["--report", "--optimizer", "adam"], "--optimizer needs --descend"),
        (["--report", "--eps", "1e-8"], "--eps needs --descend"),
    ],
)
def test_bad_optimizer_flags_exit_2_with_one_line(args, says):
    assert says in refused(*args)


# --- --landscape ---------------------------------------------------------------------------


def test_landscape_csv_has_every_point_of_the_grid_with_the_models_loss():
    header, rows = table(cli("--landscape", "w11,a22", "--grid", "5",
                             "--xlim", "-2,3", "--ylim", "-1,1", "--format", "csv"))  # fmt: skip
    assert header == ["w11", "a22", "loss"]
    assert len(rows) == 25
    xs, ys = np.linspace(-2, 3, 5), np.linspace(-1, 1, 5)
    assert sorted({r[0] for r in rows}) == list(xs) and sorted({r[1] for r in rows}) == list(ys)
    p = preset("homework").params
    for x, y, loss in rows:
        want = forward(p.with_value("w11", x).with_value("a22", y)).loss
        assert loss == pytest.approx(want, rel=1e-12)


def test_landscape_json_puts_y_in_rows_and_x_in_columns():
    done = cli("--landscape", "wa,yy", "--grid", "4", "--xlim=-1,2", "--ylim=-3,-1",
               "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["x"] == list(np.linspace(-1, 2, 4)) and doc["y"] == list(np.linspace(-3, -1, 4))
    p = preset("homework").params
    for i, y in enumerate(doc["y"]):
        assert len(doc["loss"][i]) == 4
        for j, x in enumerate(doc["x"]):
            want = forward(p.with_value("wa", x).with_value("yy", y)).loss
            assert doc["loss"][i][j] == pytest.approx(want, rel=1e-12)


def test_negative_bounds_read_the_same_in_both_spellings():
    spaced = cli("--landscape", "w11,w12", "--grid", "3", "--xlim", "-2,3", "--ylim", "-.5,-0.1")
    joined = cli("--landscape", "w11,w12", "--grid", "3", "--xlim=-2,3", "--ylim=-.5,-0.1")
    assert spaced.returncode == 0, spaced.stderr
    assert spaced.stdout == joined.stdout
    assert table(spaced)[1][0][:2] == [-2.0, -0.5]


def test_landscape_defaults_to_the_values_on_show_plus_and_minus_two():
    _, rows = table(cli("--landscape", "w11,w12"))
    assert len(rows) == 101 * 101
    p = preset("homework").params
    assert min(r[0] for r in rows) == pytest.approx(p.get("w11") - 2)
    assert max(r[1] for r in rows) == pytest.approx(p.get("w12") + 2)
    assert all(math.isfinite(r[2]) for r in rows)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--landscape", "w11"], "is not P,Q"),
        (["--landscape", "w11,w11"], "both axes are w11"),
        (["--landscape", "w11,b1"], "'b1' is not one of"),
        (["--landscape", "w11,w12", "--xlim", "3,-2"], "low bound must be below"),
        (["--landscape", "w11,w12", "--xlim", "-2"], "is not LO,HI"),
        (["--landscape", "w11,w12", "--ylim", "0,inf"], "must be finite"),
        (["--landscape", "w11,w12", "--grid", "1"], "--grid: the grid must have from 2"),
        (["--landscape", "w11,w12", "--grid", "5000"], "--grid: the grid must have from 2"),
        (["--landscape", "w11,w12", "--format", "text"], "--landscape must be csv or json"),
        (["--grid", "5"], "--grid needs --landscape"),
        (["--report", "--xlim", "-1,1"], "--xlim needs --landscape"),
        (["--landscape", "w11,w12", "--descend"], "not allowed with argument"),
    ],
)
def test_bad_landscape_input_exits_2_with_one_line(args, says):
    assert says in refused(*args)
