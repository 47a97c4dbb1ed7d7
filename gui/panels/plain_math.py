"""A formula as plain text, for when it cannot be typeset: readable, never a blank.

Turns the LaTeX the derivation writes into Unicode text: colours dropped, fractions as
``(a)/(b)``, Greek and operators as their symbols, sub- and superscripts inline.
"""

from __future__ import annotations

import re

SYMBOLS = {
    r"\partial": "∂",
    r"\cdot": "·",
    r"\times": "×",
    r"\sigma": "σ",
    r"\sum": "Σ",
    r"\approx": "≈",
    r"\infty": "∞",
    r"\Rightarrow": "⇒",
    r"\left": "",
    r"\right": "",
    r"\quad": "  ",
    r"\qquad": "    ",
    r"\,": " ",
    r"\ ": " ",
    r"\;": " ",
    r"\!": "",
    r"\\": "  ",
    "&": "",
}
_COLOR = re.compile(r"\\(?:text)?color\{[^{}]*\}")
_WRAPPERS = re.compile(
    r"\\(?:mathrm|text|mathbf|boldsymbol|operatorname|underbrace|overbrace)\s*\{([^{}]*)\}"
)
_ENV = re.compile(r"\\(?:begin|end)\{[^{}]*\}")
_HAT = re.compile(r"\\hat\{?(\w)\}?")
_FRAC = re.compile(r"\\d?frac\{([^{}]*)\}\{([^{}]*)\}")
_SIZES = re.compile(r"\\[Bb]igg?[lr]?")
_PHANTOM = re.compile(r"\\phantom\{[^{}]*\}")
_SCRIPT = re.compile(r"([_^])\{([^{}]*)\}")


def plain(latex: str) -> str:
    """``latex`` as plain Unicode text."""
    text = _ENV.sub("", _COLOR.sub("", latex))
    text = _PHANTOM.sub("", _SIZES.sub("", text))
    text = _HAT.sub(lambda m: m.group(1) + "\u0302", text)
    for _ in range(4):  # nested braces, innermost first
        text = _SCRIPT.sub(lambda m: m.group(1) + _grouped(m.group(2)), text)
        text = _WRAPPERS.sub(r"\1", text)
        text = _FRAC.sub(r"(\1)/(\2)", text)
    for macro, symbol in sorted(SYMBOLS.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(macro, symbol)
    text = re.sub(r"\\([A-Za-z]+)", r"\1", text)  # any other macro: its name
    text = text.replace("{", "").replace("}", "").replace("_", "")
    return re.sub(r"\s+", " ", text).strip()


def _grouped(script: str) -> str:
    """A sub- or superscript inline: ``11`` stays, ``-z`` becomes ``(-z)``."""
    return script if script.isalnum() else f"({script})"
