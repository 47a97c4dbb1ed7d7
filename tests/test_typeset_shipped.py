"""The homework's formulas come typeset with the app: a first launch shows its derivation at
once, with the very bytes the typesetter makes, and only when the installed typesetter is the
one that made them."""

from __future__ import annotations

import pytest

from gui.panels import typeset, typeset_shipped
from gui.panels.typeset_shipped import FOLDER, MADE_BY


def made_here() -> bool:
    return (FOLDER / MADE_BY).read_text("utf-8") == typeset_shipped._made_by()


@pytest.fixture
def first_launch(monkeypatch, qtbot):
    """A window built as a first launch builds it: the worker warmed up, no formula in the
    user's cache folder (the suite points it at an empty temporary one)."""
    from core.scenario import default
    from gui.main_window import MainWindow
    from gui.state.session import Session

    monkeypatch.setattr(typeset, "_WORKER", [])

    def build(theme: str = "light"):
        typeset.warm_up()
        window = MainWindow(Session(default()))
        window.appearance.set_choice(theme, remember=False)
        qtbot.addWidget(window)
        return window

    yield build
    typeset.stop_worker()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_first_launch_shows_the_homework_derivation_typeset_at_once(first_launch, theme, qtbot):
    if not made_here():
        pytest.skip(f"the shipped formulas were not made by {typeset_shipped.typesetter()}")
    window = first_launch(theme)
    worker = typeset._worker()
    window.show()
    qtbot.waitExposed(window)
    window.derivation.ask_early()  # as the app does just after the first paint
    assert not worker.in_flight and not worker.queue  # nothing was left to typeset
    panel = window.derivation
    panel.parentWidget().raise_()
    panel.start_typesetting()
    rows = panel._formula_rows()
    assert len(rows) > 10 and panel.is_current  # every formula, without waiting
    for view, item in rows:
        assert view.latex == item.text and view._renderer is not None  # typeset, not plain


def test_each_shipped_formula_is_what_the_typesetter_makes(qapp):
    if not made_here():
        pytest.skip("the installed typesetter is not the one that made the shipped formulas")
    from gui.panels.mathsvg import typeset as typeset_now

    wanted = typeset_shipped.formulas()
    assert len(wanted) == len(list(FOLDER.glob("*.svg")))  # nothing else is shipped
    for latex in wanted:
        assert typeset_shipped.load(latex) == typeset_now(latex), latex


def test_formulas_made_by_another_typesetter_are_not_used(tmp_path):
    latex = r"w_{11} = 0.5"
    (tmp_path / typeset_shipped.name(latex)).write_bytes(b"<svg/>")
    (tmp_path / MADE_BY).write_text("ziamath 0.1, ziafont 0.1, latex2mathml 1.0\nsize 24\n")
    assert typeset_shipped.load(latex, tmp_path) is None
    own = tmp_path / "own"
    own.mkdir()
    (own / typeset_shipped.name(latex)).write_bytes(b"<svg/>")
    (own / MADE_BY).write_text(typeset_shipped._made_by())
    assert typeset_shipped.load(latex, own) == b"<svg/>"
    assert typeset_shipped.load(r"w_{12} = 0.5", own) is None  # not shipped
    assert typeset_shipped.load(latex, tmp_path / "missing") is None
