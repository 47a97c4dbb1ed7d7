"""The headless command line: `python main.py --report` and `python main.py --descend`."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRESET = ROOT / "resources" / "presets" / "homework.json"
HEAD = ("wa", "wb", "wc", "wd")
PARAMETERS = ("w11", "w12", "w21", "w22", *HEAD) + tuple(
    f"a{r}{c}" for r in (1, 2, 3) for c in (1, 2, 3)
)


def cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


# --- an independent model of the homework preset --------------------------------------------


def preset_values() -> dict:
    raw = json.loads(PRESET.read_text(encoding="utf-8"))
    v = {f"a{r + 1}{c + 1}": raw["input"][r][c] for r in range(3) for c in range(3)}
    v |= {f"w{r + 1}{c + 1}": raw["kernel"][r][c] for r in range(2) for c in range(2)}
    v |= dict(zip(HEAD, raw["head"], strict=True))
    v["yy"] = raw["target"]
    return v


def naive_z(v: dict) -> list[list[float]]:
    return [
        [sum(v[f"a{i + k + 1}{j + m + 1}"] * v[f"w{k + 1}{m + 1}"] for k in (0, 1) for m in (0, 1))
         for j in (0, 1)]
        for i in (0, 1)
    ]  # fmt: skip


def naive_loss(v: dict) -> float:
    z = naive_z(v)
    o = [1.0 / (1.0 + math.exp(-z[i][j])) for i in (0, 1) for j in (0, 1)]
    return (v["yy"] - sum(v[h] * oc for h, oc in zip(HEAD, o, strict=True))) ** 2


def fd(v: dict, name: str, h: float = 1e-6) -> float:
    return (naive_loss(v | {name: v[name] + h}) - naive_loss(v | {name: v[name] - h})) / (2 * h)


@pytest.fixture(scope="module")
def json_report() -> dict:
    done = cli("--report", "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# --- --report ----------------------------------------------------------------------------


def test_text_report_walks_the_three_steps_to_the_gradient():
    done = cli("--report")
    assert done.returncode == 0 and done.stderr == ""
    text = done.stdout
    for step in ("Step 1.", "Step 2.", "Step 3."):
        assert step in text
    assert "4 backprop paths" in text
    assert "-2(yy - y_hat)" in text
    finals = re.findall(r"^\s+= (-?\d+(?:\.\d+)?(?:e[+-]\d+)?)\s*$", text, flags=re.MULTILINE)
    assert finals, text
    assert float(finals[-1]) == pytest.approx(fd(preset_values(), "w11"), rel=1e-5)


def test_text_report_does_not_copy_the_documents_slips():
    text = cli("--report").stdout
    assert "sigmod" not in text.lower()
    assert "(y_hat - y" not in text  # the document's sign slip in Step 3


def test_json_report_has_the_forward_pass(json_report):
    v = preset_values()
    fwd = json_report["forward"]
    assert json_report["param"] == "w11"
    z = naive_z(v)
    assert len(fwd["z"]) == 2 and all(len(row) == 2 for row in fwd["z"])
    assert len(fwd["o"]) == 2 and all(len(row) == 2 for row in fwd["o"])
    for i in (0, 1):
        for j in (0, 1):
            assert fwd["z"][i][j] == pytest.approx(z[i][j], rel=1e-12)
            assert fwd["o"][i][j] == pytest.approx(1 / (1 + math.exp(-z[i][j])), rel=1e-12)
    assert fwd["loss"] == pytest.approx(naive_loss(v), rel=1e-12)
    assert fwd["loss"] == pytest.approx((v["yy"] - fwd["y_hat"]) ** 2, rel=1e-12)


def test_json_report_has_all_17_gradients(json_report):
    grads = json_report["gradients"]
    assert set(grads) == set(PARAMETERS) and len(grads) == 17
    v = preset_values()
    for name in PARAMETERS:
        assert grads[name] == pytest.approx(fd(v, name), rel=1e-6, abs=1e-9), name


def test_json_report_paths_of_w11_sum_to_its_gradient(json_report):
    ps = json_report["paths"]
    assert [p["cell"] for p in ps] == ["z00", "z01", "z10", "z11"]
    assert math.fsum(p["value"] for p in ps) == pytest.approx(
        json_report["gradients"]["w11"], rel=1e-12
    )
    assert ps[0]["term"] == "wa * s'(z00) * a11"


def test_param_wa_has_one_path():
    done = cli("--report", "--format", "json", "--param", "wa")
    assert done.returncode == 0
    report = json.loads(done.stdout)
    assert len(report["paths"]) == 1
    assert report["paths"][0]["value"] == pytest.approx(report["gradients"]["wa"], rel=1e-15)
    assert "1 backprop path" in cli("--report", "--param", "wa").stdout


def test_report_reads_a_scenario_file(tmp_path):
    v = preset_values() | {"w11": -1.25, "a22": 0.5}
    raw = json.loads(PRESET.read_text(encoding="utf-8"))
    raw["kernel"][0][0], raw["input"][1][1] = -1.25, 0.5
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    for args in (("--scenario", str(path)), (str(path),)):
        done = cli("--report", "--format", "json", *args)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["gradients"]["a22"] == pytest.approx(fd(v, "a22"), rel=1e-6)


def test_report_does_not_import_qt():
    code = (
        "import io, sys, contextlib\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    rc = main.run(['--report'])\n"
        "qt = [m for m in sys.modules\n"
        "      if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt'))]\n"
        "print(rc, 'Step 3.' in out.getvalue(), qt)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.stdout.strip() == "0 True []", done.stderr


# --- --descend -----------------------------------------------------------------------------


def descend_rows(*args: str) -> tuple[list[str], list[list[float]]]:
    done = cli("--descend", *args)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    return rows[0], [[float(x) for x in row] for row in rows[1:]]


def test_descend_prints_one_csv_row_per_step():
    header, rows = descend_rows("--lr", "0.5", "--steps", "5", "--format", "csv")
    assert header == ["step", "w11", "loss", "grad"]
    assert len(rows) == 6
    assert [r[0] for r in rows] == [0, 1, 2, 3, 4, 5]
    v = preset_values()
    assert rows[0][1] == v["w11"]
    assert rows[0][2] == pytest.approx(naive_loss(v), rel=1e-12)
    assert rows[0][3] == pytest.approx(fd(v, "w11"), rel=1e-6)
    for k in range(5):
        assert rows[k + 1][1] == rows[k][1] - 0.5 * rows[k][3]
        here = v | {"w11": rows[k + 1][1]}
        assert rows[k + 1][2] == pytest.approx(naive_loss(here), rel=1e-12)
        assert rows[k + 1][3] == pytest.approx(fd(here, "w11"), rel=1e-6)
    assert rows[-1][2] < rows[0][2]


def test_descend_on_another_parameter_uses_its_name_in_the_header():
    header, rows = descend_rows("--param", "a13", "--lr", "0.1", "--steps", "2")
    assert header == ["step", "a13", "loss", "grad"]
    assert len(rows) == 3


def test_descend_that_diverges_says_so_on_one_line_and_exits_cleanly():
    done = cli("--descend", "--param", "wa", "--lr", "1e6", "--steps", "1000")
    assert done.returncode == 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "stopped" in lines[0]
    # The window's rule: the first step would raise the loss ten thousandfold, so it is not taken.
    assert "learning rate too large" in lines[0] and "stopped at step 0" in lines[0]
    rows = list(csv.reader(io.StringIO(done.stdout)))[1:]
    assert len(rows) == 1
    assert all(math.isfinite(float(x)) for row in rows for x in row)


# --- bad input ---------------------------------------------------------------------------


BAD = {
    "unknown --param": ["--report", "--param", "w33"],
    "target has no gradient": ["--report", "--param", "yy"],
    "--lr x": ["--descend", "--lr", "x"],
    "--lr -1": ["--descend", "--lr", "-1"],
    "--lr 0": ["--descend", "--lr", "0"],
    "--lr nan": ["--descend", "--lr", "nan"],
    "--lr inf": ["--descend", "--lr", "inf"],
    "--steps -1": ["--descend", "--steps", "-1"],
    "--steps x": ["--descend", "--steps", "x"],
    "csv report": ["--report", "--format", "csv"],
    "json descent": ["--descend", "--format", "json"],
    "unknown flag": ["--report", "--bogus"],
    "two modes": ["--report", "--descend"],
    "missing file": ["--report", "--scenario", "/nonexistent/dir/none.json"],
}


def assert_clean_failure(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert done.stdout == ""
    return lines[0]


@pytest.mark.parametrize("args", BAD.values(), ids=BAD.keys())
def test_bad_input_exits_2_with_one_line(args):
    assert_clean_failure(cli(*args))


def test_a_malformed_scenario_file_exits_2_naming_the_field(tmp_path):
    raw = json.loads(PRESET.read_text(encoding="utf-8"))
    raw["kernel"] = [[1, 2], [3]]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert "kernel" in assert_clean_failure(cli("--report", "--scenario", str(path)))


@pytest.mark.parametrize("content", [b"{not json", b"[]", b"\xff\xfe\x00", b""])
def test_unreadable_scenario_content_exits_2(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert_clean_failure(cli("--descend", str(path)))


def test_a_scenario_with_an_enormous_integer_exits_2(tmp_path):
    raw = json.loads(PRESET.read_text(encoding="utf-8"))
    raw["target"] = "@"
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(raw).replace('"@"', "1" + "0" * 5000), encoding="utf-8")
    assert_clean_failure(cli("--report", str(path)))
