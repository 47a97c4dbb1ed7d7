"""LaTeX to SVG with ziamath: pure Python, no Qt, so it can run in a worker process.

``python -m gui.panels.mathsvg`` is that worker: see :func:`serve`. ziamath is imported on the first
formula, not with this module: it takes about 0.3 s, and the window's first paint needs no
formula.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import sys
import threading
from functools import cache

#: Font size of the typeset formulas, in pixels at zoom 1.
FONT_SIZE = 24
#: The height of ziamath's digits in em (measured: 16 px tall at size 24).
DIGIT_EM = 0.67
#: How much less the worker process asks of the processor than the window: on a busy machine
#: the window's own start and edits come first (typesetting before the first paint slowed
#: that paint by a fifth at nice 0, not at 5); on an idle one it changes nothing.
NICE = 5


def typeset(latex: str, size: float = FONT_SIZE) -> bytes:
    """The SVG of one formula (raises ValueError if ziamath cannot read it)."""
    ziamath = _ziamath()
    try:
        return ziamath.Latex(latex, size=size).svg().encode()
    except Exception as exc:  # ziamath raises assorted errors on input it cannot read
        raise ValueError(f"cannot typeset {latex!r}: {exc}") from exc


def safe_typeset(latex: str) -> bytes:
    """:func:`typeset`, or a question mark for text ziamath cannot read."""
    try:
        return typeset(latex)
    except ValueError:
        return typeset(r"\text{?}")


@cache
def _ziamath():
    import ziamath
    from ziamath.config import config

    from .ziamath_speedups import install

    config.svg2 = False  # QSvgRenderer reads SVG Tiny 1.2 only
    install(ziamath)  # the same SVG, byte for byte, in an eighth of the time
    return ziamath


def serve(stdin=None, stdout=None) -> None:
    """Typeset requests from ``stdin``, one JSON object a line: ``{"id": n, "latex": "..."}``.

    Answers ``{"id": n, "svg": "..."}`` a line on ``stdout``; ends when ``stdin`` closes (so
    the worker never outlives the app that started it). Answers are written by a thread of
    their own: a pipe holds about one answer (64 KB), and while the window is being built
    nobody reads it, so writing here would stop the typesetting until the first paint.
    """
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    answers: queue.SimpleQueue[str | None] = queue.SimpleQueue()
    writer = threading.Thread(target=_write, args=(answers, stdout), daemon=True)
    writer.start()
    safe_typeset("x")  # load the typesetter and its font now, while the window starts
    for line in stdin:
        try:
            request = json.loads(line)
            svg = safe_typeset(str(request["latex"])).decode()
            answer = {"id": request["id"], "svg": svg}
        except (ValueError, KeyError, TypeError):
            continue  # a malformed line: nothing to answer
        answers.put(json.dumps(answer) + "\n")
    answers.put(None)
    writer.join()


def _write(answers: queue.SimpleQueue[str | None], stdout) -> None:
    """Write each answer as it comes, until None (or until nobody reads any more)."""
    while (text := answers.get()) is not None:
        try:
            stdout.write(text)
            stdout.flush()
        except (OSError, ValueError):
            return  # the app is gone: its end closes our input too


def main() -> None:
    """The worker process: a little below the window's priority, then :func:`serve`."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICE)
    serve()


if __name__ == "__main__":
    main()
