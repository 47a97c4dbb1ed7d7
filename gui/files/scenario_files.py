"""Opening and saving scenarios: File menu, recent files, drops, presets, unsaved changes.

A file that cannot be loaded shows one dialog naming the problem and leaves the state as it
was. Saving is atomic (core.scenario.save). ``Session.modified`` says whether there are
unsaved changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from core import presets
from core.atomic import ReadOnlyError
from core.scenario import Scenario, ScenarioError, load, save

from ..state.session import Session
from ..support.settings import recent_files, remember_folder, remember_path, start_in, write

MAX_RECENT = 8
FILTER = "Scenarios (*.json);;All files (*)"


class ScenarioFiles(QObject):
    """The verbs behind File > Open/Save/Save As/Recent and Scenario > presets."""

    path_changed = Signal(object)  # Path | None

    def __init__(self, session: Session, window: QWidget):
        super().__init__(window)
        self.session = session
        self.window = window
        self.path: Path | None = None

    # -- opening -------------------------------------------------------------------------
    def open(self) -> bool:
        if not self.maybe_save():
            return False
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open scenario"), start_in(), FILTER
        )
        return bool(name) and self.load_path(name)

    def load_path(self, name: str | Path) -> bool:
        """Load a scenario file; on failure say why and change nothing."""
        path = Path(name)
        try:
            scenario = load(path)
        except ScenarioError as exc:
            QMessageBox.warning(
                self.window,
                self.tr("Cannot open scenario"),
                self.tr("{0} cannot be opened:\n{1}\n\nNothing was changed.").format(
                    path.name, exc
                ),
            )
            return False
        self.session.load_scenario(scenario, self.tr("Open {0}").format(path.name))
        self.say_notes(scenario)
        self._set_path(path)
        self.add_recent(path)
        return True

    def say_notes(self, scenario: Scenario) -> None:
        """Say in the status bar what loading brought into the window's limits."""
        say = getattr(self.window, "say", None)
        for note in scenario.notes:
            if say is not None:
                say(self.tr("Brought into range: {0}").format(note))

    def adopt(self, name: str | Path) -> None:
        """The scenario in the session came from ``name`` (opened from the command line)."""
        self.session.mark_saved()
        self._set_path(Path(name))
        self.add_recent(Path(name))

    def recover(self, scenario: Scenario, source: Path | None) -> None:
        """Open work recovered after a crash: Save writes it to ``source``; it stays unsaved."""
        self.session.load_scenario(scenario, self.tr("Recover unsaved work"))
        self.session.mark_unsaved()
        self._set_path(source)

    def load_preset(self, name: str) -> None:
        if self.maybe_save():
            self.session.load_scenario(presets.preset(name))
            self._set_path(None)

    def load_random(self) -> None:
        seed, ok = QInputDialog.getInt(
            self.window,
            self.tr("Random scenario"),
            self.tr("Seed (the same seed, the same numbers):"),
            0,
            0,
            2**31 - 1,
        )
        if ok and self.maybe_save():
            self.session.load_scenario(presets.random_scenario(seed))
            self._set_path(None)

    # -- saving --------------------------------------------------------------------------
    def save(self) -> bool:
        return self.save_as() if self.path is None else self._write(self.path)

    def save_as(self) -> bool:
        start = (
            str(self.path)
            if self.path
            else start_in((self.session.snapshot.name or "scenario") + ".json")
        )
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save scenario"), start, FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        return self._write(path)

    def _write(self, path: Path) -> bool:
        try:
            try:
                save(self.session.scenario(), path)
            except ReadOnlyError:
                if not self._replace_readonly(path):
                    return False
                save(self.session.scenario(), path, replace_readonly=True)
        except OSError as exc:
            QMessageBox.warning(
                self.window,
                self.tr("Cannot save scenario"),
                self.tr(
                    "{0} could not be written:\n{1}\n\nThe previous file, if any, is intact."
                ).format(str(path), exc.strerror or exc),
            )
            return False
        self.session.mark_saved()
        self._set_path(path)
        self.add_recent(path)
        return True

    def _replace_readonly(self, path: Path) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            self.tr("Read-only file"),
            self.tr("{0} is read-only. Replace it anyway?").format(str(path)),
            buttons.Yes | buttons.No,
            buttons.No,
        )
        return answer == buttons.Yes

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False when the person cancels."""
        if not self.session.modified:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("The scenario has unsaved changes. Save them first?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    # -- recent files ----------------------------------------------------------------------
    def recent(self) -> list[str]:
        return recent_files()

    def add_recent(self, path: Path) -> None:
        entries = [str(path.resolve())] + [p for p in self.recent() if p != str(path.resolve())]
        write("recent_files", entries[:MAX_RECENT])

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        entries = [p for p in self.recent() if Path(p).exists()]
        for k, entry in enumerate(entries, 1):
            action = menu.addAction(f"&{k} {Path(entry).name}")
            action.setToolTip(entry)
            action.triggered.connect(
                lambda _=False, e=entry: self.maybe_save() and self.load_path(e)
            )
        if not entries:
            menu.addAction(self.tr("(none)")).setEnabled(False)

    def _set_path(self, path: Path | None) -> None:
        self.path = path
        if path is not None:
            remember_folder(path.resolve().parent)
        remember_path(path)
        self.path_changed.emit(path)
