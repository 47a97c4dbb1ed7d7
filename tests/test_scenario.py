"""Scenario files: round trip, the built-in homework preset, atomic save, refusing bad files."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import scenario as sc
from core.model import MAX_ABS_VALUE, PARAMETERS, Params
from core.scenario import MAX_BYTES, Scenario, ScenarioError, default, dumps, load, loads, save
from core.settings_format import LR_RANGE

VALID = {
    "format": "cnn-backprop-scenario",
    "version": 1,
    "name": "t",
    "input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    "kernel": [[0.1, 0.2], [0.3, 0.4]],
    "head": [1, -1, 0.5, 2],
    "target": 1.5,
    "learning_rate": 0.25,
    "selected": "a22",
}


def doc(**changes) -> str:
    data = dict(VALID)
    for key, value in changes.items():
        if value is ...:
            data.pop(key)
        else:
            data[key] = value
    return json.dumps(data)


def refused(text, field: str | None = None) -> str:
    with pytest.raises(ScenarioError) as info:
        loads(text)
    message = str(info.value)
    assert message and "\n" not in message
    if field is not None:
        assert field in message
    return message


# --- round trip and the preset ------------------------------------------------------------


def test_a_valid_document_loads_with_its_numbers():
    s = loads(doc())
    assert s.params.get("a23") == 6.0 and s.params.get("w21") == 0.3
    assert s.params.get("wc") == 0.5 and s.params.yy == 1.5
    assert (s.name, s.learning_rate, s.selected, s.extras) == ("t", 0.25, "a22", {})


def test_optional_keys_take_their_defaults():
    s = loads(doc(name=..., learning_rate=..., selected=..., format=..., version=...))
    assert (s.name, s.description, s.learning_rate, s.selected) == ("", "", 0.5, "w11")


def test_save_then_load_round_trips(tmp_path):
    s = Scenario(
        Params.create([[1, -2, 3.25], [0, 1e-300, -7], [MAX_ABS_VALUE, 0.1, 1 / 3]],
                      [[0.4, -0.3], [0.2, 0.6]], [0.8, -0.5, 1.2, 0.7], -1.5),
        name="捲積 test ✓", description="line 1\nline 2", learning_rate=0.05, selected="a31",
        extras={"view": {"zoom": 2}, "runs": [1, 2, 3]},
    )  # fmt: skip
    path = tmp_path / "s.json"
    save(s, path)
    assert load(path) == s
    assert os.listdir(tmp_path) == ["s.json"]


finite = st.floats(-MAX_ABS_VALUE, MAX_ABS_VALUE, allow_nan=False)


@settings(max_examples=50, deadline=None)
@given(
    a=st.lists(finite, min_size=9, max_size=9),
    w=st.lists(finite, min_size=4, max_size=4),
    head=st.lists(finite, min_size=4, max_size=4),
    yy=finite,
    lr=st.floats(*LR_RANGE),  # the window's range: a file's outside it is brought in
    selected=st.sampled_from(PARAMETERS),
    name=st.text(max_size=20),
)
def test_any_valid_scenario_survives_dumps_and_loads(a, w, head, yy, lr, selected, name):
    s = Scenario(Params.create(a, w, head, yy), name=name, learning_rate=lr, selected=selected)
    assert loads(dumps(s)) == s
    assert loads(dumps(s).encode("utf-8")) == s


def test_default_is_the_homework_preset():
    s = default()
    assert s.name == "Homework 1-3"
    assert s.selected == "w11"
    p = s.params
    assert p.a.tolist() == [[1.0, 0.5, -1.0], [-0.5, 2.0, 1.0], [1.5, -1.0, 0.5]]
    assert p.w.tolist() == [[0.4, -0.3], [0.2, 0.6]]
    assert p.head.tolist() == [0.8, -0.5, 1.2, 0.7]
    assert p.yy == 1.5
    raw = json.loads((sc.PRESETS / "homework.json").read_text(encoding="utf-8"))
    assert raw["input"] == p.a.tolist() and raw["kernel"] == p.w.tolist()


# --- atomic save -------------------------------------------------------------------------


def test_save_replaces_an_existing_file_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("old", encoding="utf-8")
    save(loads(doc()), path)
    assert load(path) == loads(doc())
    assert sorted(os.listdir(tmp_path)) == ["s.json"]


def test_a_failed_rename_leaves_the_existing_file_untouched(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    path.write_bytes(b"precious")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(sc.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save(loads(doc()), path)
    assert path.read_bytes() == b"precious"
    assert os.listdir(tmp_path) == ["s.json"]


def test_a_failed_write_leaves_the_existing_file_untouched(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    path.write_bytes(b"precious")

    def broken_fsync(fd):
        raise OSError("I/O error")

    monkeypatch.setattr(sc.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        save(loads(doc()), path)
    assert path.read_bytes() == b"precious"
    assert os.listdir(tmp_path) == ["s.json"]


def test_unserialisable_extras_leave_the_existing_file_untouched(tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes(b"precious")
    bad = Scenario(loads(doc()).params, extras={"x": float("nan")})
    with pytest.raises(ValueError):
        save(bad, path)
    assert path.read_bytes() == b"precious"
    assert os.listdir(tmp_path) == ["s.json"]


# --- refused files -------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["input", "kernel", "head", "target"])
def test_each_required_key_is_named_when_missing(key):
    assert "missing" in refused(doc(**{key: ...}), key)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("input", [[1, 2, 3], [4, 5, 6]]),
        ("input", [[1, 2, 3], [4, 5], [7, 8, 9]]),
        ("input", [1, 2, 3, 4, 5, 6, 7, 8, 9]),
        ("input", 5),
        ("kernel", [[1, 2, 3], [4, 5, 6], [7, 8, 9]]),
        ("kernel", [[1, 2], [3]]),
        ("head", [1, 2, 3]),
        ("head", [[1, 2], [3, 4]]),
        ("head", {"wa": 1}),
    ],
)
def test_wrong_shapes_are_named(key, value):
    refused(doc(**{key: value}), key)


@pytest.mark.parametrize("bad", ["1", True, None, [1], {}])
@pytest.mark.parametrize(
    ("key", "place"),
    [("input", lambda v: [[1, 2, 3], [4, v, 6], [7, 8, 9]]),
     ("kernel", lambda v: [[v, 0], [0, 0]]),
     ("head", lambda v: [1, 2, 3, v]),
     ("target", lambda v: v)],
)  # fmt: skip
def test_values_that_are_not_numbers_are_named(key, place, bad):
    assert "number" in refused(doc(**{key: place(bad)}), key)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_literals_are_refused(literal):
    refused(doc(target=0).replace('"target": 0', f'"target": {literal}'))


@pytest.mark.parametrize("literal", ["NaN", "Infinity"])
def test_nan_and_infinity_literals_name_the_field(literal):
    text = doc(head=[1, 2, 0, 4]).replace("[1, 2, 0, 4]", f"[1, 2, {literal}, 4]")
    refused(text, "head")


@pytest.mark.parametrize(
    ("key", "literal"),
    [("target", "1e400"), ("target", "-1e400"), ("target", "1" + "0" * 400),
     ("head", "[1, 2, 3, 1e151]"), ("kernel", "[[1, 2], [3, -" + "9" * 200 + "]]")],
)  # fmt: skip
def test_numbers_too_large_are_named(key, literal):
    text = doc(**{key: "@"}).replace('"@"', literal)
    refused(text, key)


def test_an_integer_beyond_pythons_digit_limit_is_a_scenario_error():
    text = doc(target="@").replace('"@"', "1" + "0" * 5000)
    refused(text, "target")


@pytest.mark.parametrize("text", ["", "{", "hello", '{"input": }', "{'a': 1}", "[" * 100_000])
def test_text_that_is_not_json_is_refused(text):
    assert "JSON" in refused(text)


@pytest.mark.parametrize("text", ["[1, 2]", "3", "null", '"scenario"'])
def test_json_that_is_not_an_object_is_refused(text):
    assert "object" in refused(text)


def test_too_large_text_is_refused_before_parsing():
    text = doc() + " " * MAX_BYTES
    assert "too large" in refused(text)
    assert "too large" in refused(text.encode())


def test_too_large_file_is_refused(tmp_path):
    path = tmp_path / "big.json"
    path.write_text(doc() + " " * MAX_BYTES, encoding="utf-8")
    with pytest.raises(ScenarioError, match="too large"):
        load(path)


def test_non_utf8_bytes_are_refused():
    data = json.dumps(VALID | {"name": "caf\u00e9"}, ensure_ascii=False).encode("latin-1")
    assert b"caf\xe9" in data  # a lone 0xE9 byte is not UTF-8
    assert "UTF-8" in refused(data)


def test_a_utf8_bom_is_accepted(tmp_path):
    data = b"\xef\xbb\xbf" + doc().encode("utf-8")
    assert loads(data) == loads(doc())
    assert loads(data.decode("utf-8")) == loads(doc())
    path = tmp_path / "bom.json"
    path.write_bytes(data)
    assert load(path) == loads(doc())


@pytest.mark.parametrize("version", [3, 99, "1", 1.0, True, None])
def test_newer_or_malformed_versions_are_refused(version):
    refused(doc(version=version), "version")


@pytest.mark.parametrize("selected", ["w33", "yy", "", 3, None, "all weights"])
def test_bad_selected_is_refused(selected):
    refused(doc(selected=selected), "selected")


@pytest.mark.parametrize("lr", [0, 0.0, -0.5, -1e-300, "fast", None, True])
def test_bad_learning_rate_is_refused(lr):
    refused(doc(learning_rate=lr), "learning_rate")


@pytest.mark.parametrize(("key", "value"), [("name", 3), ("description", ["x"]), ("extras", [1])])
def test_other_fields_of_the_wrong_type_are_named(key, value):
    refused(doc(**{key: value}), key)


def test_missing_file_is_a_scenario_error():
    with tempfile.TemporaryDirectory() as d:
        with pytest.raises(ScenarioError, match="cannot read"):
            load(Path(d) / "nope.json")


def test_a_folder_is_not_a_scenario(tmp_path):
    with pytest.raises(ScenarioError):
        load(tmp_path)
