"""Reading a number a person typed into a field."""

from __future__ import annotations

import math

import pytest

from core.model import MAX_ABS_VALUE
from core.parse import ParseError, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.5", 0.5),
        (".5", 0.5),
        ("5.", 5.0),
        ("-1e-3", -0.001),
        ("+2E3", 2000.0),
        ("0,5", 0.5),  # decimal comma
        ("-0,25", -0.25),
        ("\uff10\uff0e\uff15", 0.5),  # full-width ０.５
        ("\uff0d\uff13", -3.0),  # full-width minus and three
        ("1/3", 1 / 3),
        ("-2/5", -0.4),
        (" 3 / 4 ", 0.75),
        ("\u22120.5", -0.5),  # Unicode minus sign
        ("  7  ", 7.0),
        ("\t42\n", 42.0),
        ("1e150", MAX_ABS_VALUE),
        ("0", 0.0),
    ],
)
def test_accepted(text, value):
    got = parse_number(text)
    assert got == value
    assert isinstance(got, float)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "nan", "NaN", "inf", "-inf", "Infinity", "1e999", "1/0", "0/0", "1e",
     "--1", "1,000.5", "1,000,000", "1/2/3", "0x10", "1_000", "2e150", "1e308/0.1", "3/", "."],
)  # fmt: skip
def test_refused(text):
    with pytest.raises(ParseError) as info:
        parse_number(text)
    assert str(info.value).strip()


def test_refused_errors_are_value_errors():
    assert issubclass(ParseError, ValueError)


def test_not_text_is_refused():
    with pytest.raises(ParseError):
        parse_number(0.5)  # type: ignore[arg-type]


def test_a_custom_limit_is_enforced():
    assert parse_number("10", limit=10) == 10.0
    with pytest.raises(ParseError, match="10"):
        parse_number("10.5", limit=10)


def test_negative_zero_becomes_zero():
    assert math.copysign(1.0, parse_number("-0")) == 1.0
    assert math.copysign(1.0, parse_number("-0/5")) == 1.0
