"""The homework's formulas, typeset ahead and shipped with the app.

A window opens on the homework's numbers. Typesetting their derivation on a first launch
means starting the worker, loading the typesetter and its font and typesetting about 21
formulas: the derivation appeared about 0.2 s after the window. Those formulas, in the ink of
the themes a first launch opens in (light, or dark when the desktop is), are typeset when the
app is made (``python -m gui.panels.typeset_shipped`` writes ``resources/typeset/``, one SVG
a formula, named as the user's cache names them, and the typesetter's versions) and read from
there, when the installed typesetter is of those versions; anything else is typeset as before.
tests/test_typeset_shipped.py typesets every shipped formula again and compares the bytes,
and checks that every formula a new window shows is shipped.
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from pathlib import Path

from .mathsvg import FONT_SIZE

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "typeset"
MADE_BY = "typesetter.txt"  # the versions of PACKAGES and the font size that made them
PACKAGES = ("ziamath", "ziafont", "latex2mathml")  # what decides the bytes of an SVG
THEMES = ("light", "dark")  # what a first launch opens in


@cache
def typesetter() -> str:
    """The installed versions of :data:`PACKAGES` ("" when one is not found), read from their
    dist-info folders beside ziamath: importing them costs the window 0.1 s."""
    spec = importlib.util.find_spec("ziamath")
    if spec is None or spec.origin is None:
        return ""
    try:
        names = os.listdir(Path(spec.origin).parents[1])
    except OSError:
        return ""
    found = []
    for package in PACKAGES:
        head, tail = package + "-", ".dist-info"
        versions = [
            n[len(head) : -len(tail)] for n in names if n.startswith(head) and n.endswith(tail)
        ]
        if len(versions) != 1:
            return ""
        found.append(f"{package} {versions[0]}")
    return ", ".join(found)


def _made_by() -> str:
    return f"{typesetter()}\nsize {FONT_SIZE}\n"


@cache
def _usable(folder: Path) -> bool:
    """Whether the formulas in ``folder`` were made by the installed typesetter."""
    try:
        return bool(typesetter()) and (folder / MADE_BY).read_text("utf-8") == _made_by()
    except (OSError, ValueError):
        return False


def name(latex: str) -> str:
    import hashlib  # OpenSSL's library loads on the first formula asked for

    return hashlib.sha256(latex.encode()).hexdigest() + ".svg"


def load(latex: str, folder: Path | None = None) -> bytes | None:
    """The shipped SVG of ``latex`` (in :data:`FOLDER` unless ``folder``), or None."""
    folder = FOLDER if folder is None else folder
    if not _usable(folder):
        return None
    try:
        return (folder / name(latex)).read_bytes()
    except OSError:
        return None


def formulas() -> list[str]:
    """Every formula the derivation of a new window shows, in the ink of :data:`THEMES`."""
    from core.scenario import default

    from ..look.theme import THEMES as INKS
    from ..state.session import Session
    from .derivation_rows import items_of

    snap = Session(default()).snapshot
    every = (i.text for t in THEMES for i in items_of(snap, INKS[t]) if i.kind == "formula")
    return list(dict.fromkeys(every))


def write(folder: Path = FOLDER) -> int:
    """Typeset :func:`formulas` into ``folder``, replacing what it held; the number written."""
    from .mathsvg import typeset

    made = {name(latex): typeset(latex) for latex in formulas()}
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.svg"):
        old.unlink()
    for file, svg in made.items():
        (folder / file).write_bytes(svg)
    (folder / MADE_BY).write_text(_made_by(), "utf-8")
    _usable.cache_clear()
    return len(made)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    _app = QApplication([])  # the themes' fonts and colours
    print(f"{write()} formulas typeset by {typesetter()} in {FOLDER}")


if __name__ == "__main__":
    main()
