"""CNN Backprop Visualizer: launch the window, or print a report with ``--report``."""

from __future__ import annotations

import sys


def run(argv: list[str] | None = None) -> int:
    from core.cli import ScenarioError, UsageError, build_parser, check_render_flags, fail

    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        check_render_flags(args)
        if args.install_desktop or args.uninstall_desktop:
            return _desktop_entry(args.install_desktop)
        if args.report or args.descend or args.landscape is not None:
            return _headless(args)
        from gui.app import run_gui  # Qt is imported only for the window

        return run_gui(args)
    except (UsageError, ScenarioError) as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return 130


def _desktop_entry(add: bool) -> int:
    """``--install-desktop`` / ``--uninstall-desktop``, then the paths written or removed."""
    from core.cli import fail
    from core.desktop import install, uninstall

    try:
        paths = install() if add else uninstall()
    except OSError as exc:
        return fail(f"cannot {'install' if add else 'remove'} the desktop entry: {exc}")
    said = "installed:" if add else ("removed:" if paths else "nothing was installed")
    print("\n".join([said, *(f"  {p}" for p in paths)]))
    return 0


def _headless(args) -> int:
    """``--report``, ``--descend`` or ``--landscape``; a reader that goes away (``| head``) ends
    it quietly, and output that cannot be written (a full disk) gives one line and exit status 2."""
    import os

    from core.cli import fail, run_headless

    try:
        code = run_headless(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit must not fail too
        return 0
    except OSError as exc:
        return fail(f"cannot write the output: {exc.strerror or exc}")


if __name__ == "__main__":
    sys.exit(run())
