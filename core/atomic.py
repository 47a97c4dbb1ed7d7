"""Writing a file so that it is always either the old one or the new one, whole.

The bytes go to a temporary file in the same folder, are flushed to disk, and replace the
target in one rename; then the folder itself is flushed, so the rename survives a power cut.
The file keeps what the person set up: a symlink is followed (its target is replaced, the link
stays), an existing file keeps its permissions, a new one gets the usual ones (the umask), and
a read-only file is not replaced unless the caller says so. Temporary names are short (a long
file name still fits) and carry this app's prefix, so ones left by a killed save are found and
removed by a later save once they are old enough not to belong to a save in progress.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

PREFIX = ".cnnbp-"
SUFFIX = ".tmp"
STALE_SECONDS = 600


class ReadOnlyError(PermissionError):
    """The target exists and is read-only; pass ``replace_readonly=True`` to replace it."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _clean_stale(folder: Path) -> None:
    now = time.time()
    for old in folder.glob(f"{PREFIX}*{SUFFIX}"):
        try:
            if now - old.stat().st_mtime > STALE_SECONDS:
                old.unlink()
        except OSError:
            pass  # another process's file, or gone already: not ours to worry about


def write_atomic(path: str | os.PathLike[str], data: bytes, replace_readonly: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; returns the file actually written (a link's target).

    Raises :class:`ReadOnlyError` for a read-only target (unless ``replace_readonly``) and
    ``OSError`` when the folder cannot be written; the old file, if any, is then untouched.
    """
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    readonly = mode is not None and (not mode & 0o222 or not os.access(target, os.W_OK))
    if readonly and not replace_readonly:
        raise ReadOnlyError(f"{target} is read-only")
    folder = target.parent
    _clean_stale(folder)
    fd, tmp = tempfile.mkstemp(prefix=PREFIX, suffix=SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return target  # a folder that cannot be opened cannot be flushed either
    try:
        os.fsync(dir_fd)
    except OSError:
        pass  # some file systems do not flush folders; the rename is done all the same
    finally:
        os.close(dir_fd)
    return target
