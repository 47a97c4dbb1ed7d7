"""A scenario names its optimizer (absent: sgd); a kept run remembers the one that made it."""

from __future__ import annotations

import json

import pytest

from core.optimizers import SGD, Optimizer
from core.scenario import ScenarioError, dumps, loads
from core.settings_format import settings_of, settings_section

BASE = {
    "input": [[1, 0.5, -1], [-0.5, 2, 1], [1.5, -1, 0.5]],
    "kernel": [[0.4, -0.3], [0.2, 0.6]],
    "head": [0.8, -0.5, 1.2, 0.7],
    "target": 1.5,
}
RUN = {"label": "momentum", "lr": 0.5, "x_name": "w11", "x": [0.4], "steps": [0], "loss": [0.3]}


def load(**extra) -> object:
    return loads(json.dumps(BASE | extra))


def test_no_optimizer_is_plain_gradient_descent_and_writes_nothing():
    s = load()
    assert settings_of(s.descent).optimizer == SGD
    assert "optimizer" not in dumps(s)
    assert "optimizer" not in settings_section(settings_of(s.descent))


def test_the_descent_sections_optimizer_is_read_with_its_defaults_and_written_back():
    s = load(descent={"optimizer": {"name": "adam", "eps": 1e-6}})
    opt = settings_of(s.descent).optimizer
    assert opt == Optimizer("adam", betas=(0.9, 0.999), eps=1e-6)
    back = json.loads(dumps(s))
    assert back["descent"]["optimizer"] == {"name": "adam", "betas": [0.9, 0.999], "eps": 1e-6}
    assert settings_of(loads(dumps(s)).descent).optimizer == opt


def test_a_top_level_optimizer_is_the_descents():
    s = load(optimizer={"name": "nesterov", "momentum": 0.8})
    assert settings_of(s.descent).optimizer == Optimizer("nesterov", momentum=0.8)
    same = load(optimizer={"name": "rmsprop"}, descent={"optimizer": {"name": "rmsprop"}})
    assert settings_of(same.descent).optimizer == Optimizer("rmsprop")
    assert "optimizer" not in s.unknown.get("", {})


def test_settings_write_a_non_default_optimizer_and_read_it_back():
    s = settings_of({"optimizer": {"name": "momentum"}})
    assert settings_section(s)["optimizer"] == {"name": "momentum", "momentum": 0.9}
    assert settings_of(settings_section(s)) == s


def test_a_kept_run_remembers_its_optimizer_and_hyperparameters():
    runs = [RUN | {"optimizer": {"name": "momentum", "momentum": 0.5}}, RUN]
    s = load(descent={"runs": runs})
    assert s.descent["runs"][0]["optimizer"] == {"name": "momentum", "momentum": 0.5}
    assert "optimizer" not in s.descent["runs"][1]  # an older run: plain gradient descent
    again = loads(dumps(s))
    assert again.descent["runs"] == s.descent["runs"]


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        ({"descent": {"optimizer": {"name": "lbfgs"}}}, "descent.optimizer.name:"),
        (
            {"descent": {"optimizer": {"name": "adam", "momentum": 0.9}}},
            "descent.optimizer.momentum:",
        ),
        ({"descent": {"optimizer": {"name": "adam", "betas": [0.9]}}}, "descent.optimizer.betas:"),
        ({"descent": {"optimizer": {"name": "rmsprop", "alpha": 2}}}, "descent.optimizer.alpha:"),
        ({"descent": {"optimizer": {"eps": 1e-8}}}, "descent.optimizer.name: missing"),
        ({"descent": {"optimizer": 3}}, "descent.optimizer: expected an object"),
        ({"optimizer": {"name": "adam", "eps": 0}}, "optimizer.eps:"),
        ({"optimizer": "adam", "descent": {"optimizer": "sgd"}}, "optimizer: the top level and"),
        (
            {"descent": {"runs": [RUN | {"optimizer": {"name": "nesterov", "momentum": 0}}]}},
            "descent.runs[0].optimizer.momentum:",
        ),
    ],
)
def test_a_bad_optimizer_is_refused_naming_the_field(extra, says):
    with pytest.raises(ScenarioError) as err:
        load(**extra)
    assert str(err.value).startswith(says), str(err.value)
