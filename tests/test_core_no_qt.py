"""The core package is pure numpy: importing any of it never loads Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_PREFIXES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt")

PROBE = """
import importlib, json, pkgutil, sys
{extra}
import core
names = sorted(m.name for m in pkgutil.walk_packages(core.__path__, "core."))
for name in names:
    importlib.import_module(name)
print(json.dumps({{"imported": names, "modules": sorted(sys.modules)}}))
"""


def probe(extra: str = "") -> dict:
    """Import every module under core/ in a fresh interpreter; report what got loaded."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(extra=extra)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    result["qt"] = [m for m in result["modules"] if m.startswith(QT_PREFIXES)]
    return result


def test_importing_every_core_module_loads_no_qt():
    result = probe()
    expected = {f"core.{p.stem}" for p in (ROOT / "core").glob("*.py") if p.stem != "__init__"}
    assert {"core.model", "core.paths", "core.cli", "core.report"} <= expected
    assert expected <= set(result["imported"])
    assert result["qt"] == []


def test_the_probe_would_notice_qt():
    # Control: the same probe in an interpreter that did load Qt reports it.
    assert any(m.startswith("PySide6") for m in probe("import PySide6.QtCore")["qt"])
