"""Another network in a scenario file and on the command line: kept, refused, reported."""

from __future__ import annotations

import csv
import io
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import build_parser, run_headless
from core.model import Params, gradients
from core.scenario import (
    PRESETS,
    ScenarioError,
    default,
    dumps,
    load,
    loads,
    with_network,
)

ROOT = Path(__file__).resolve().parent.parent
HOMEWORK = json.loads((PRESETS / "homework.json").read_text())


def doc(**changes: object) -> str:
    data = dict(HOMEWORK, version=2, **changes)
    return json.dumps({k: v for k, v in data.items() if v is not None})


NETWORKS = [
    {"activation": "relu"},
    {"activation": "tanh", "loss": "half_mse"},
    {"conv_bias": -0.5},
    {"head_bias": 0.25, "activation": "identity"},
    {"conv_bias": 1e-3, "head_bias": -2.0, "activation": "leaky_relu", "loss": "mse"},
    {"loss": "bce_logits", "target": 1.0},
]


@pytest.mark.parametrize("keys", NETWORKS)
def test_a_file_with_another_network_opens_as_that_network_and_writes_it_back(keys):
    s = loads(doc(**keys))
    p = s.params
    assert p.activation == keys.get("activation", "sigmoid")
    assert p.loss == keys.get("loss", "mse")
    assert (p.b, p.c) == (keys.get("conv_bias"), keys.get("head_bias"))
    text = dumps(s)
    written = json.loads(text)
    assert written["version"] == 2
    for key in ("activation", "loss", "conv_bias", "head_bias"):
        if key in keys and (key, keys[key]) not in (("loss", "mse"), ("activation", "sigmoid")):
            assert written[key] == keys[key]
    again = loads(text)
    assert again.params == p and dumps(again) == text


def test_a_homework_file_stays_version_1_and_a_version_1_file_is_the_homework():
    s = load(PRESETS / "homework.json")
    assert s.params.is_homework
    written = json.loads(dumps(s))
    assert written["version"] == 1
    assert not {"activation", "loss", "conv_bias", "head_bias"} & set(written)
    assert loads(doc(activation="sigmoid", loss="mse")).params == s.params


def test_keys_of_a_later_version_are_kept_beside_a_network():
    s = loads(doc(activation="relu", conv_bias=0.5, future={"x": 1}))
    assert json.loads(dumps(s))["future"] == {"x": 1}
    assert json.loads(dumps(s))["conv_bias"] == 0.5


def refused(text: str, field: str) -> str:
    with pytest.raises(ScenarioError) as info:
        loads(text)
    assert str(info.value).startswith(field), str(info.value)
    return str(info.value)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"activation": "softmax"}, "activation"),
        ({"activation": 3}, "activation"),
        ({"loss": "hinge"}, "loss"),
        ({"loss": "bce_logits"}, "target"),  # the homework's target 1.5 is no probability
        ({"loss": "bce_logits", "target": -0.1}, "target"),
        ({"conv_bias": "0.5"}, "conv_bias"),
        ({"conv_bias": True}, "conv_bias"),
        ({"head_bias": 1e200}, "head_bias"),
        ({"selected": "b"}, "selected"),  # no conv bias to select
        ({"descent": {"mode": "c"}}, "descent.mode"),
    ],
)
def test_a_bad_network_is_refused_naming_the_field(changes, field):
    refused(doc(**changes), field)


@pytest.mark.parametrize(("key", "word"), [("conv_bias", "NaN"), ("head_bias", "Infinity")])
def test_a_bias_that_is_not_finite_is_refused(key, word):
    text = doc(**{key: 0.0}).replace(f'"{key}": 0.0', f'"{key}": {word}')
    assert "finite" in refused(text, key)


def test_with_network_checks_like_a_file_and_drops_what_names_a_bias_that_is_gone():
    s = loads(doc(conv_bias=0.5, selected="b", descent={"mode": "b"}))
    gone = with_network(s, conv_bias=None)
    assert (gone.params.b, gone.selected, gone.descent["mode"]) == (None, "w11", "w11")
    with pytest.raises(ScenarioError, match="^target"):
        with_network(default(), loss="bce_logits")
    with pytest.raises(ScenarioError, match="^conv_bias"):
        with_network(default(), conv_bias=math.inf)


# --- the command line -------------------------------------------------------------------


def run(*argv: str) -> str:
    out = io.StringIO()
    assert run_headless(build_parser().parse_args(list(argv)), out) == 0
    return out.getvalue()


def test_the_json_report_has_the_biases_gradients_and_each_paths_factors():
    data = json.loads(
        run("--report", "--format", "json", "--conv-bias", "0.2", "--head-bias", "-0.1",
            "--activation", "relu", "--param", "b")
    )  # fmt: skip
    assert list(data["forward"]) == ["z", "o", "y_hat", "loss"]
    assert data["forward"]["o"] == [[max(z, 0.0) for z in row] for row in data["forward"]["z"]]
    grads = data["gradients"]
    assert {"b", "c"} <= set(grads) and len(grads) == 19
    p = Params.create(
        HOMEWORK["input"], HOMEWORK["kernel"], HOMEWORK["head"], 1.5, "relu", "mse", 0.2, -0.1
    )
    assert grads == dict(gradients(p))
    assert [path["cell"] for path in data["paths"]] == ["z00", "z01", "z10", "z11"]
    for path in data["paths"]:
        kinds = [f["symbol"] for f in path["factors"]]
        assert kinds[0] == "dMSE/dy_hat" and kinds[2].startswith("do") and kinds[3].endswith("/db")
        assert path["factors"][2]["equals"].startswith("relu'(z")
    assert data["network"] == {
        "activation": "relu",
        "loss": "mse",
        "conv_bias": 0.2,
        "head_bias": -0.1,
    }
    head_bias = json.loads(run("--report", "--format", "json", "--head-bias", "1", "--param", "c"))
    (only,) = head_bias["paths"]
    assert only["cell"] == "y_hat" and [f["value"] for f in only["factors"]][1] == 1.0


def test_a_dead_path_says_so_in_the_report():
    text = run("--report", "--scenario", str(PRESETS / "relu_dead.json"))
    assert "path 3 via z10: 0\n      dead: z10 = -1.1 is not above 0" in text
    data = json.loads(run("--report", "--format", "json", "--activation", "relu"))
    assert [("dead" in path) for path in data["paths"]] == [False, False, True, False]


def test_a_homework_json_report_keeps_its_keys():
    data = json.loads(run("--report", "--format", "json"))
    assert list(data) == ["scenario", "param", "forward", "gradients", "paths"]
    assert len(data["gradients"]) == 17


def test_descend_on_all_weights_includes_the_biases():
    text = run(
        "--descend", "--param", "all", "--steps", "3", "--lr", "0.05",
        "--conv-bias", "0", "--head-bias", "0",
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:11] == ["step", "w11", "w12", "w21", "w22", "b", "wa", "wb", "wc", "wd", "c"]
    assert rows[0][11] == "loss" and rows[0][-1] == "grad_c" and len(rows) == 5
    assert float(rows[3][11]) < float(rows[1][11])  # the loss goes down


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--report", "--param", "b"], "no conv bias b (add one with --conv-bias X)"),
        (["--descend", "--param", "c"], "no head bias c"),
        (["--report", "--activation", "softmax"], "--activation"),
        (["--report", "--loss", "bce_logits"], "target: bce_logits needs a target from 0 to 1"),
        (["--report", "--conv-bias", "nan"], "--conv-bias"),
        (["--report", "--head-bias", "inf"], "--head-bias"),
        (["--report", "--head-bias", "1e300"], "head_bias: magnitude"),
    ],
)
def test_bad_network_arguments_exit_2_with_one_line(argv, says):
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and says in lines[0], done.stderr


def test_the_command_line_overrides_the_files_network():
    relu = PRESETS / "relu_dead.json"
    data = json.loads(run("--report", "--format", "json", "--scenario", str(relu)))
    assert data["network"]["activation"] == "relu"
    back = json.loads(
        run("--report", "--format", "json", "--scenario", str(relu), "--activation", "sigmoid")
    )
    assert "network" not in back  # the homework's network again
    assert back == json.loads(run("--report", "--format", "json")) | {"scenario": back["scenario"]}
