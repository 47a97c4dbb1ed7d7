"""The shipped scenarios, and a random scenario that a typed seed reproduces."""

from __future__ import annotations

import numpy as np

from .model import Params
from .scenario import PRESETS, Scenario, load

#: Preset file stems, in menu order.
NAMES = (
    "homework",
    "saturated",
    "cancelling",
    "diverging",
    "zeroed",
    "relu_dead",
    "tanh",
    "biases",
    "classification",
    "narrow_valley",
)


def preset(name: str) -> Scenario:
    """Load the shipped preset ``name`` (one of :data:`NAMES`)."""
    if name not in NAMES:
        raise KeyError(f"no preset called {name!r}")
    return load(PRESETS / f"{name}.json")


def random_scenario(seed: int) -> Scenario:
    """A scenario drawn from ``seed``: the same seed always gives the same numbers.

    Inputs and weights are uniform in [-2, 2] and [-1, 1], the target in [-2, 2], rounded to
    two decimals so they read well in the diagram.
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError("the seed must be a whole number, 0 or more")
    rng = np.random.default_rng(int(seed))
    a = np.round(rng.uniform(-2, 2, (3, 3)), 2)
    w = np.round(rng.uniform(-1, 1, (2, 2)), 2)
    head = np.round(rng.uniform(-1, 1, 4), 2)
    yy = round(float(rng.uniform(-2, 2)), 2)
    return Scenario(
        Params.create(a, w, head, yy),
        name=f"Random (seed {seed})",
        description=f"Numbers drawn from seed {seed}; the same seed gives the same numbers.",
    )
