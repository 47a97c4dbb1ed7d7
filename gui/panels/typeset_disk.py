"""Typeset formulas kept on disk, so a window opened again shows its derivation at once.

Typesetting the homework's derivation takes the worker several seconds (21 formulas at
0.1-0.3 s each); most of them come back the next time the app opens, on the same numbers.
Each SVG is kept in the user's cache folder (``$XDG_CACHE_HOME/cnn-backprop/typeset``, Qt's
``CacheLocation``) under a hash of the formula, the font size and the typesetter's version,
written atomically. The folder is trimmed to :data:`DISK_BYTES`, oldest first, once a
session. A folder that cannot be read or written only means formulas are typeset again:
nothing here raises.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import tempfile
from functools import cache
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from .mathsvg import FONT_SIZE

DISK_BYTES = 24 << 20  # the folder's size is trimmed back to this, oldest files first
SUFFIX = ".svg"


@cache
def _version() -> str:
    """Which typesetter made a formula: its installed module's path and time (a new version
    of it typesets anew; importlib.metadata would pull in the email package to say so)."""
    spec = importlib.util.find_spec("ziamath")
    origin = spec.origin if spec is not None else None
    try:
        return f"{origin}:{os.stat(origin).st_mtime_ns}" if origin else "?"
    except OSError:
        return "?"


def folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    return Path(base or tempfile.gettempdir()) / "cnn-backprop" / "typeset"


def _path(latex: str) -> Path:
    key = f"{_version()}\n{FONT_SIZE}\n{latex}".encode()
    import hashlib  # OpenSSL's library loads on the first lookup, after the first paint

    return folder() / (hashlib.sha256(key).hexdigest() + SUFFIX)


def load(latex: str) -> bytes | None:
    """The SVG kept for ``latex``, or None."""
    try:
        data = _path(latex).read_bytes()
    except OSError:
        return None
    return data if data.startswith(b"<svg") or data.startswith(b"<?xml") else None


def save(latex: str, svg: bytes) -> None:
    """Keep ``svg`` for ``latex`` (whole or not at all)."""
    path = _path(latex)
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(fd, "wb") as f:
            f.write(svg)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def trim(limit: int = DISK_BYTES) -> None:
    """Remove the oldest kept formulas until the folder holds at most ``limit`` bytes."""
    try:
        files = [(p.stat().st_mtime, p.stat().st_size, p) for p in folder().glob("*" + SUFFIX)]
    except OSError:
        return
    total = sum(size for _, size, _ in files)
    for _, size, path in sorted(files):
        if total <= limit:
            break
        with contextlib.suppress(OSError):
            path.unlink()
            total -= size
