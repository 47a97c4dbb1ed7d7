"""Recovery files: unsaved work written aside, so a crash, a kill or a logout loses nothing.

A running window writes its unsaved scenario to ``autosave-<pid>.json`` in the app's data
folder (atomically, see :mod:`core.atomic`), with the file it came from and the time. The file
is removed when the work is saved or deliberately discarded. A file whose process is no longer
running was left by a window that ended without either: the next launch offers it back.

Format::

    {"format": "cnn-backprop-recovery", "version": 1,
     "source": "/path/it/came/from.json" or null, "saved_at": 1764600000.0,
     "scenario": {... a scenario document, see core.scenario ...}}
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_atomic
from .scenario import MAX_BYTES, Scenario, ScenarioError, from_dict, to_dict

FORMAT = "cnn-backprop-recovery"
VERSION = 1
PREFIX, SUFFIX = "autosave-", ".json"


@dataclass(frozen=True)
class Recovered:
    """Unsaved work found in a recovery file."""

    path: Path  # the recovery file itself
    scenario: Scenario
    source: Path | None  # the scenario file the work was opened from, if any
    saved_at: float  # seconds since the epoch


def path_for(folder: Path, pid: int | None = None) -> Path:
    """The recovery file of process ``pid`` (this one by default)."""
    return folder / f"{PREFIX}{os.getpid() if pid is None else pid}{SUFFIX}"


def write(path: Path, scenario: Scenario, source: Path | None, now: float | None = None) -> None:
    """Write ``scenario`` (unsaved work from ``source``) to the recovery file ``path``."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "source": None if source is None else str(source),
        "saved_at": time.time() if now is None else now,
        "scenario": to_dict(scenario),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8"))


def read(path: Path) -> Recovered:
    """Read a recovery file; anything wrong raises :class:`ScenarioError`."""
    try:
        data = path.read_bytes()[: MAX_BYTES * 2 + 1]
        doc = json.loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ScenarioError(f"cannot read {path}: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ScenarioError(f"{path} is not a recovery file")
    source, saved_at = doc.get("source"), doc.get("saved_at")
    if source is not None and not isinstance(source, str):
        raise ScenarioError(f"{path}: source: expected text")
    if isinstance(saved_at, bool) or not isinstance(saved_at, (int, float)):
        raise ScenarioError(f"{path}: saved_at: expected a number")
    scenario = from_dict(doc.get("scenario"))
    return Recovered(path, scenario, None if source is None else Path(source), float(saved_at))


def running(pid: int) -> bool:
    """Whether a process with this id exists (one we may not signal counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def left_behind(folder: Path, alive: Callable[[int], bool] = running) -> list[Path]:
    """Recovery files in ``folder`` whose window has ended, newest first."""
    found = []
    for path in folder.glob(f"{PREFIX}*{SUFFIX}"):
        pid = path.name[len(PREFIX) : -len(SUFFIX)]
        if pid.isdigit() and int(pid) != os.getpid() and not alive(int(pid)):
            try:
                found.append((path.stat().st_mtime, path))
            except OSError:
                continue
    return [p for _, p in sorted(found, reverse=True)]
