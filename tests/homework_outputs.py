"""Every output of the homework network on the shipped presets, as text, for a fixed record.

``outputs()`` computes, for each of the homework's presets and each parameter, what the report
(text and JSON), the derivation (its items and the LaTeX document), the worked solution, the
walkthrough, the paths, the quiz graph, the descent CSV and the loss curves show. The record in
``homework_outputs.json`` holds their SHA-256 digests as the app computed them before the network
could vary; tests/test_homework_unchanged.py compares. Regenerate it only when an output is meant
to change: ``python tests/homework_outputs.py --write``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import latex, latex_document, quiz, solution, walkthrough  # noqa: E402
from core.cli import build_parser, run_headless  # noqa: E402
from core.loss_along import loss_along  # noqa: E402
from core.model import PARAMETERS, forward, gradients  # noqa: E402
from core.paths import paths  # noqa: E402
from core.report import json_report, text_report  # noqa: E402
from core.scenario import PRESETS, dumps, load  # noqa: E402

#: The presets of the homework network (the ones shipped before the network could vary).
HOMEWORK_PRESETS = ("homework", "saturated", "cancelling", "diverging", "zeroed")
RECORD = Path(__file__).with_name("homework_outputs.json")


class _Shown:
    """Prints as ``text``: a path as it printed before paths could be dead."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _paths_repr(ps: tuple) -> str:
    """The paths' repr without the fields added since the record (``dead``)."""
    return repr(
        tuple(
            _Shown(
                f"Path(param={x.param!r}, cell={x.cell!r}, partner={x.partner!r}, "
                f"factors={x.factors!r}, value={x.value!r})"
            )
            for x in ps
        )
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _descend(path: Path, param: str) -> str:
    out = io.StringIO()
    args = build_parser().parse_args(["--descend", "--scenario", str(path), "--param", param])
    run_headless(args, out)
    return out.getvalue()


def outputs() -> dict[str, str]:
    """Every output, by ``preset/param/what``, as text."""
    out: dict[str, str] = {}
    grid = np.linspace(-3.0, 3.0, 61)
    for name in HOMEWORK_PRESETS:
        path = PRESETS / f"{name}.json"
        s = load(path)
        p = s.params
        f = forward(p)
        out[f"{name}/scenario"] = dumps(s)
        out[f"{name}/forward"] = repr(f)
        out[f"{name}/gradients"] = repr(dict(gradients(p)))
        for param in PARAMETERS:
            key = f"{name}/{param}"
            out[f"{key}/text"] = text_report(s, param)
            out[f"{key}/json"] = json.dumps(json_report(s, param), indent=2)
            items = latex.derivation(p, param, color=lambda v: "#F00" if v > 0 else "#00F")
            out[f"{key}/derivation"] = repr(items)
            out[f"{key}/latex"] = latex_document.document(items)
            out[f"{key}/solution"] = solution.markdown(s, param)
            steps = repr(walkthrough.steps(p, param)).replace(", key='')", ")")  # a later field
            out[f"{key}/walkthrough"] = steps
            out[f"{key}/narration"] = "\n".join(
                st.narration() for st in walkthrough.steps(p, param)
            )
            out[f"{key}/paths"] = _paths_repr(paths(p, param))
            out[f"{key}/quiz"] = repr(
                (quiz.keys(p, param), dict(quiz.graph(param)), quiz.shortcuts(param))
            )
            out[f"{key}/loss_along"] = loss_along(p, param, grid + p.get(param)).tobytes().hex()
            out[f"{key}/descend"] = _descend(path, param)
        out[f"{name}/all/descend"] = _descend(path, "all")
        out[f"{name}/yy/loss_along"] = loss_along(p, "yy", grid).tobytes().hex()
    return out


def digests() -> dict[str, str]:
    return {key: _digest(text) for key, text in outputs().items()}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite the record")
    if parser.parse_args().write:
        RECORD.write_text(json.dumps(digests(), indent=0, sort_keys=True) + "\n")
        print(f"wrote {RECORD}")
