"""Backprop paths: one per place a parameter enters the network, summing to its gradient."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.model import CELLS, EDITABLE, HEAD, PARAMETERS, Params, gradients
from core.paths import paths

CELL_POS = [(0, 0), (0, 1), (1, 0), (1, 1)]


def make(values: dict) -> Params:
    a = [[values[f"a{r}{c}"] for c in (1, 2, 3)] for r in (1, 2, 3)]
    w = [[values["w11"], values["w12"]], [values["w21"], values["w22"]]]
    return Params.create(a, w, [values[h] for h in HEAD], values["yy"])


def conv_products():
    """Every product of the valid cross-correlation, written from its definition:
    z_ij = sum_{k,m} a[i+k][j+m] * w[k][m]  ->  (cell, input name, kernel name)."""
    out = []
    for cell, (i, j) in enumerate(CELL_POS):
        for k in (0, 1):
            for m in (0, 1):
                out.append((cell, f"a{i + k + 1}{j + m + 1}", f"w{k + 1}{m + 1}"))
    return out


def expected_routes(param: str) -> list[tuple[int, str | None]]:
    """(cell, partner) of every path into ``param``, from the definition above."""
    if param in HEAD:
        return [(HEAD.index(param), None)]
    routes = []
    for cell, a, w in conv_products():
        if param == w:
            routes.append((cell, a))
        elif param == a:
            routes.append((cell, w))
    return routes


def naive(values: dict):
    """z, o, s'(z) per cell and y_hat, with plain loops and math.exp."""
    zs, os_, ds = [], [], []
    for cell in range(4):
        z = sum(values[a] * values[w] for c, a, w in conv_products() if c == cell)
        o = 1.0 / (1.0 + math.exp(-z))
        zs.append(z)
        os_.append(o)
        ds.append(o * (1.0 - o))
    y_hat = sum(values[h] * o for h, o in zip(HEAD, os_, strict=True))
    return zs, os_, ds, y_hat


def naive_loss(values: dict) -> float:
    return (values["yy"] - naive(values)[3]) ** 2


small_values = st.fixed_dictionaries(
    {name: st.floats(-3.0, 3.0, allow_nan=False) for name in EDITABLE}
)

# In EDITABLE order: w11 w12 w21 w22, wa wb wc wd, a11 .. a33, yy (the homework's numbers).
EXAMPLE_VALUES = [0.4, -0.3, 0.2, 0.6, 0.8, -0.5, 1.2, 0.7,
                  1.0, 0.5, -1.0, -0.5, 2.0, 1.0, 1.5, -1.0, 0.5, 1.5]  # fmt: skip
EXAMPLE = dict(zip(EDITABLE, EXAMPLE_VALUES, strict=True))


@pytest.mark.parametrize(
    ("param", "count"),
    [("w11", 4), ("w22", 4), ("wa", 1), ("a22", 4), ("a11", 1), ("a12", 2), ("a13", 1)],
)
def test_path_counts(param, count):
    assert len(paths(make(EXAMPLE), param)) == count


def test_every_parameter_has_one_path_per_use():
    # Kernel weights slide over 4 cells, head weights are used once, an input is covered by
    # 1 (corner), 2 (edge) or 4 (centre) windows: 4*4 + 4*1 + 4*1 + 4*2 + 1*4 = 36 paths.
    counts = {name: len(paths(make(EXAMPLE), name)) for name in PARAMETERS}
    assert sum(counts.values()) == 36
    assert [counts[n] for n in ("a11", "a13", "a31", "a33")] == [1, 1, 1, 1]
    assert [counts[n] for n in ("a12", "a21", "a23", "a32")] == [2, 2, 2, 2]


def test_w11_paths_pair_each_cell_with_the_input_under_w11():
    # From the homework: dz00/dw11 = a11, dz01/dw11 = a12, dz10/dw11 = a21, dz11/dw11 = a22.
    routes = [(p.cell, p.partner) for p in paths(make(EXAMPLE), "w11")]
    assert routes == [(0, "a11"), (1, "a12"), (2, "a21"), (3, "a22")]


def test_w22_and_a22_and_edge_inputs_are_paired_by_the_window_position():
    p = make(EXAMPLE)
    assert [(x.cell, x.partner) for x in paths(p, "w22")] == [
        (0, "a22"), (1, "a23"), (2, "a32"), (3, "a33")]  # fmt: skip
    assert [(x.cell, x.partner) for x in paths(p, "a22")] == [
        (0, "w22"), (1, "w21"), (2, "w12"), (3, "w11")]  # fmt: skip
    assert [(x.cell, x.partner) for x in paths(p, "a12")] == [(0, "w12"), (1, "w11")]
    assert [(x.cell, x.partner) for x in paths(p, "a13")] == [(1, "w12")]
    assert [(x.cell, x.partner) for x in paths(p, "a11")] == [(0, "w11")]
    assert [(x.cell, x.partner) for x in paths(p, "wc")] == [(2, None)]


@pytest.mark.parametrize("param", PARAMETERS)
def test_cells_and_partners_follow_the_cross_correlation_definition(param):
    routes = [(x.cell, x.partner) for x in paths(make(EXAMPLE), param)]
    assert routes == expected_routes(param)


def test_w11_terms_read_like_the_homework():
    terms = [x.term for x in paths(make(EXAMPLE), "w11")]
    assert terms == [
        "wa * s'(z00) * a11",
        "wb * s'(z01) * a12",
        "wc * s'(z10) * a21",
        "wd * s'(z11) * a22",
    ]


@settings(max_examples=40, deadline=None)
@given(small_values)
def test_path_values_sum_to_the_gradient(values):
    p = make(values)
    grads = gradients(p)
    for name in PARAMETERS:
        total = math.fsum(x.value for x in paths(p, name))
        assert total == pytest.approx(grads[name], rel=1e-12, abs=1e-12), name
        h = 1e-5
        fd = (naive_loss(values | {name: values[name] + h})
              - naive_loss(values | {name: values[name] - h})) / (2 * h)  # fmt: skip
        assert abs(total - fd) <= 1e-5 * max(1.0, abs(fd)), name


@settings(max_examples=40, deadline=None)
@given(small_values)
def test_each_path_value_is_the_product_of_its_factors(values):
    p = make(values)
    for name in PARAMETERS:
        for x in paths(p, name):
            assert x.value == pytest.approx(math.prod(f.value for f in x.factors), rel=1e-15)


@settings(max_examples=40, deadline=None)
@given(small_values)
def test_factor_values_recomputed_independently(values):
    p = make(values)
    zs, os_, ds, y_hat = naive(values)
    common = -2.0 * (values["yy"] - y_hat)
    for name in PARAMETERS:
        for x in paths(p, name):
            kinds = [f.kind for f in x.factors]
            got = [f.value for f in x.factors]
            c = x.cell
            if name in HEAD:
                assert kinds == ["dloss_dyhat", "dyhat_dparam"]
                want = [common, os_[c]]
            else:
                assert kinds == ["dloss_dyhat", "dyhat_do", "do_dz", "dz_dparam"]
                want = [common, values[HEAD[c]], ds[c], values[x.partner]]
            assert got == pytest.approx(want, rel=1e-9, abs=1e-12), (name, c)


def test_factor_symbols_name_the_cell():
    x = paths(make(EXAMPLE), "w11")[2]  # via z10
    assert [f.symbol for f in x.factors] == [
        "dMSE/dy_hat", "dy_hat/do10", "do10/dz10", "dz10/dw11"]  # fmt: skip
    assert [f.equals for f in x.factors] == ["-2(yy - y_hat)", "wc", "s'(z10)", "a21"]
    assert CELLS[x.cell] == "10"


def test_the_target_and_unknown_names_have_no_paths():
    with pytest.raises(KeyError):
        paths(make(EXAMPLE), "yy")
    with pytest.raises(KeyError):
        paths(make(EXAMPLE), "w33")
