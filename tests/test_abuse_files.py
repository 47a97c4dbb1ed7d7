"""Scenario fuzz and interrupted saves: a load succeeds with a valid state or fails with a clear
message and leaves the current state alone; a save killed half-way never truncates a file."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import scenario as sc
from core.model import EDITABLE, MAX_ABS_VALUE

ROOT = Path(__file__).resolve().parent.parent
GOOD = sc.to_dict(sc.default())

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**500), max_value=10**500),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=10),
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=20,
)


def _mutated(draw_key, value):
    doc = json.loads(json.dumps(GOOD))
    doc[draw_key] = value
    return doc


DOCS = st.one_of(
    JSON,
    st.builds(_mutated, st.sampled_from(sorted(GOOD)), JSON),
    st.builds(
        lambda k: {key: v for key, v in GOOD.items() if key != k}, st.sampled_from(sorted(GOOD))
    ),
)


def _encode(doc) -> bytes:
    return json.dumps(doc).encode()


BYTES = st.one_of(
    st.binary(max_size=200),
    DOCS.map(_encode),
    st.tuples(DOCS.map(_encode), st.floats(0, 1)).map(lambda t: t[0][: int(len(t[0]) * t[1])]),
    DOCS.map(lambda d: b"\xef\xbb\xbf" + _encode(d)),
    st.tuples(DOCS.map(json.dumps), st.sampled_from(["utf-16", "utf-32", "latin-1", "cp950"])).map(
        lambda t: t[0].encode(t[1], errors="replace")
    ),
    st.integers(1, 40).map(lambda n: b"[" * (n * 1000) + b"]" * (n * 1000)),
    st.just(b" " * (sc.MAX_BYTES + 1)),
    st.just(json.dumps({**GOOD, "target": 1e300}).encode()),
    st.just(
        json.dumps({**GOOD, "target": "1" * 5000}).replace('"1', "1").replace('1"', "1").encode()
    ),
)


def _check(data) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            s = sc.loads(data)
        except sc.ScenarioError as exc:
            assert str(exc) and "\n" not in str(exc)
            return
    values = [s.params.get(n) for n in EDITABLE]
    assert all(math.isfinite(v) and abs(v) <= MAX_ABS_VALUE for v in values)
    assert math.isfinite(s.learning_rate) and s.learning_rate > 0
    assert sc.loads(sc.dumps(s)).params == s.params  # what loaded saves and loads back


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(BYTES)
def test_any_bytes_load_as_a_valid_scenario_or_fail_with_a_message(data):
    _check(data)


@settings(max_examples=1000, deadline=None)
@given(DOCS)
def test_any_json_document_loads_as_a_valid_scenario_or_fail_with_a_message(doc):
    _check(json.dumps(doc))


def test_a_refused_file_leaves_the_session_untouched(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from gui.files.scenario_files import ScenarioFiles
    from gui.state.session import Session

    session = Session(sc.default())
    session.set_value("w11", 0.125)
    before = session.snapshot
    host = QWidget()
    qtbot.addWidget(host)
    files = ScenarioFiles(session, host)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    for k, data in enumerate(
        [b"\xff\xfe{", b'{"input": 1}', b"[" * 100_000, b"{" + b" " * 2_000_000]
    ):
        path = tmp_path / f"bad{k}.json"
        path.write_bytes(data)
        assert not files.load_path(path)
        assert session.snapshot is before
    assert len(shown) == 4 and all("Nothing was changed" in m for m in shown)


CHILD = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from core import scenario as sc
    target = sys.argv[1]
    new = sc.default()
    new = sc.Scenario(new.params.with_value("w11", 9.0), "new")
    if sys.argv[2] == "rename":
        os.replace = lambda *a: os._exit(7)  # killed between the write and the rename
    else:
        os.fsync = lambda *a: os._exit(7)  # killed before the data is safely on disk
    sc.save(new, target)
    """
)


def _interrupted_save(tmp_path, where: str) -> None:
    target = tmp_path / "scenario.json"
    original = sc.Scenario(sc.default().params.with_value("w12", 0.25), "original")
    sc.save(original, target)
    text = target.read_bytes()
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(ROOT)))
    rc = subprocess.run([sys.executable, str(script), str(target), where], timeout=60).returncode
    assert rc == 7  # the process died inside save()
    assert target.read_bytes() == text
    assert sc.load(target).params == original.params
    assert [p.name for p in tmp_path.glob("scenario.json*")] == ["scenario.json"]


def test_a_save_killed_between_write_and_rename_leaves_the_old_file_whole(tmp_path):
    _interrupted_save(tmp_path, "rename")


def test_a_save_killed_during_the_write_leaves_the_old_file_whole(tmp_path):
    _interrupted_save(tmp_path, "fsync")
