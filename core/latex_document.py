"""The derivation as a complete LaTeX document, for "Copy as LaTeX" and the worked solution.

amsmath's ``align*`` for the aligned formulas and xcolor for the path colours (as ``[HTML]``
colours, which plain ``\\color{#...}`` is not); a heading in Chinese adds xeCJK.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .latex import TEXTS, Item

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\u0302": "",
}


def escape_text(text: str) -> str:
    """Plain text made safe for a LaTeX text paragraph."""
    text = text.replace("y\u0302", "\x00")
    text = re.sub(r"[\\&%$#_{}~^\u0302]", lambda m: _SPECIAL[m.group()], text)
    return text.replace("\x00", r"$\hat{y}$")


def document(items: list[Item], texts: Mapping[str, str] = TEXTS, title: str = "") -> str:
    """A complete LaTeX document of the derivation ``items`` (amsmath, xcolor).

    Formulas of consecutive rows of one sum are joined into one ``align*`` environment; a
    document whose texts are not ASCII (a Chinese heading) asks for XeLaTeX or LuaLaTeX.
    """
    body: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            body.append("\\begin{align*}\n" + " \\\\\n".join(pending) + "\n\\end{align*}")
            pending.clear()

    for item in items:
        if item.kind == "heading":
            flush()
            body.append(rf"\section*{{{escape_text(item.heading(texts))}}}")
        elif item.kind == "note":
            flush()
            body.append(escape_text(item.heading(texts)))
        else:
            pending.append(_align_row(item))
            if item.role not in ("lead", "chain", "result_lead", "path_term"):
                flush()
    flush()
    text = re.sub(r"\\color\{#([0-9A-Fa-f]{6})\}", r"\\color[HTML]{\1}", "\n\n".join(body))
    unicode = any(ord(ch) > 127 for ch in text + title)
    preamble = [
        "\\documentclass{article}",
        "\\usepackage{amsmath}",
        "\\usepackage{xcolor}",
    ]
    if unicode:
        preamble.insert(0, "% Compile with xelatex or lualatex: the text is not ASCII.")
        preamble += ["\\usepackage{iftex}", "\\ifXeTeX\\usepackage{xeCJK}\\fi"]
    head = [*preamble, "\\begin{document}"]
    if title:
        head.append(rf"\section*{{{escape_text(title)}}}")
    return "\n".join(head) + "\n\n" + text + "\n\n\\end{document}\n"


def _align_row(item: Item) -> str:
    tex = item.text
    if tex.startswith(r"\begin{aligned}"):
        return tex[len(r"\begin{aligned}") : -len(r"\end{aligned}")].replace(r" \\ ", " \\\\\n")
    if item.role not in ("chain", "path_term"):
        depth = 0
        for i, ch in enumerate(tex):
            depth += {"{": 1, "}": -1}.get(ch, 0)
            if ch == "=" and depth == 0:
                return f"{tex[:i]}&{tex[i:]}"
    return "&" + tex
