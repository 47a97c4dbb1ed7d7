"""CNN Backprop Visualizer: launch the window, or print a report with ``--report``."""

from __future__ import annotations

import sys


def run(argv: list[str] | None = None) -> int:
    from core.cli import ScenarioError, UsageError, build_parser, fail, run_headless

    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        if args.report or args.descend:
            return run_headless(args)
        from gui.app import run_gui  # Qt is imported only for the window

        return run_gui(args)
    except (UsageError, ScenarioError) as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(run())
