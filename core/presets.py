"""The shipped scenarios, and a random scenario that a typed seed reproduces."""

from __future__ import annotations

import numpy as np

from .i18n import QT_TRANSLATE_NOOP
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

#: The name and description of every shipped preset as its file holds them, marked for
#: translation; the interface shows ``QCoreApplication.translate("Presets", text)``. A new
#: preset adds its two texts here (``tests/test_language_presets.py`` checks every file's).
TEXTS = (
    QT_TRANSLATE_NOOP("Presets", "Homework 1-3"),
    QT_TRANSLATE_NOOP(
        "Presets",
        "The network of HW 1-3: one 2x2 filter over a 3x3 input, sigmoid, a linear head and "
        "MSE. w11 reaches the loss along four paths.",
    ),
    QT_TRANSLATE_NOOP("Presets", "Saturated sigmoid (vanishing gradient)"),
    QT_TRANSLATE_NOOP(
        "Presets",
        "A large filter drives every conv cell to |z| > 28, where the sigmoid is flat: s'(z) "
        "is about 1e-13, so every path into w11 fades although the loss is far from zero.",
    ),
    QT_TRANSLATE_NOOP("Presets", "Paths that cancel"),
    QT_TRANSLATE_NOOP(
        "Presets",
        "The four paths into w11 are each about 0.35 in size, two positive and two negative, "
        "and they sum to zero: w11 gets no gradient although the loss is 0.77.",
    ),
    QT_TRANSLATE_NOOP("Presets", "Diverging learning rate"),
    QT_TRANSLATE_NOOP(
        "Presets",
        "The homework's numbers with every weight descending together at learning rate 2: "
        "each step overshoots further, and within four steps the loss explodes. Lower the "
        "learning rate to 0.5 and the same descent settles.",
    ),
    QT_TRANSLATE_NOOP("Presets", "A zeroed input"),
    QT_TRANSLATE_NOOP(
        "Presets",
        "The homework numbers with a12 = 0: the path into w11 through z01 multiplies by a12, "
        "so it carries nothing.",
    ),
    QT_TRANSLATE_NOOP("Presets", "ReLU: a dead path"),
    QT_TRANSLATE_NOOP(
        "Presets",
        "The homework's numbers with ReLU in place of the sigmoid. z10 = -1.1 is below 0, so "
        "relu(z10) = 0 and relu'(z10) = 0: path 3 into w11 (through z10) is exactly 0 "
        "whatever its other factors are, a dead path. The other three cells have z > 0, where"
        " relu' = 1, so their paths keep the whole product of the head weight and the input.",
    ),
    QT_TRANSLATE_NOOP("Presets", "tanh"),
    QT_TRANSLATE_NOOP(
        "Presets",
        "A small filter keeps every z within 0.3 of 0, where tanh'(z) is above 0.91: nearly "
        "four times the sigmoid's slope there (s'(0) = 0.25), so every path into w11 passes "
        "far more back than the sigmoid's would on the same numbers. tanh is also centred on "
        "0: o10 = tanh(-0.22) is negative, which a sigmoid output never is.",
    ),
    QT_TRANSLATE_NOOP("Presets", "With biases"),
    QT_TRANSLATE_NOOP(
        "Presets",
        "A conv bias b = -0.5, added to each of the four cells (z = window . w + b), and a "
        "head bias c = 0.3, added to y_hat. b reaches the loss along four paths, one per "
        "cell, each ending in dz/db = 1, so its gradient is the sum of the four cells' "
        "dMSE/dz; c has one path with dy_hat/dc = 1, so dMSE/dc is the common factor -2(yy - "
        "y_hat) itself.",
    ),
    QT_TRANSLATE_NOOP("Presets", "Classification (cross-entropy)"),
    QT_TRANSLATE_NOOP(
        "Presets",
        "The homework's network as a classifier: y_hat is a logit, the predicted probability "
        "is s(y_hat) = s(0.978) = 0.727, the target yy = 1 is a class, and the loss is binary"
        " cross-entropy. The common factor of every path becomes s(y_hat) - yy = -0.273: a "
        "difference of probabilities, with no 2, never more than 1 in size however wrong the "
        "score is.",
    ),
    QT_TRANSLATE_NOOP("Presets", "Narrow valley"),
    QT_TRANSLATE_NOOP(
        "Presets",
        "Every weight descends at learning rate 0.2. Over w11 and w12 the loss is a long, "
        "narrow valley: plain gradient descent (sgd) overshoots its floor at every step, so "
        "w11 and w12 zig-zag across it, each step the opposite way of the last, and the loss "
        "falls slowly. Momentum and Adam, from the same start at the same learning rate, take"
        " their own paths and end far lower.",
    ),
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
