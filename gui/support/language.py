"""The interface language: English or Traditional Chinese, switched without restarting.

:func:`set_language` swaps the app's translators (this app's catalogue and Qt's own
``qtbase_zh_TW`` for standard buttons). Widgets keep the text they were given, so
:func:`retranslate` walks the window and looks every text up again: the catalogue knows each
translation's source, in either language. Texts computed from the state are redrawn by
publishing the snapshot again. Chinese needs a CJK font; the app asks for Noto Sans CJK TC
and falls back to whatever CJK font the system has.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QLabel,
    QMenu,
    QSpinBox,
    QToolBar,
    QWidget,
)

LANGUAGES = ("en", "zh_TW")
FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"
CJK_FAMILIES = ["Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei", "PingFang TC"]
_SHORTCUT = re.compile(r"^(.*) (\([^()]*\))$", re.S)
_installed: list[QTranslator] = []
_sources: dict[str, tuple[str, str]] = {}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Language", text)


def system_language() -> str:
    name = QLocale.system().name()
    return "zh_TW" if name.startswith(("zh_TW", "zh_HK", "zh_Hant")) else "en"


def current() -> str:
    return "zh_TW" if _installed else "en"


def set_language(lang: str) -> None:
    """Install the translators of ``lang`` (``en`` removes them); widgets get LanguageChange."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    app = QCoreApplication.instance()
    for t in _installed:
        QCoreApplication.removeTranslator(t)
    _installed.clear()
    if lang == "zh_TW":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (("app_zh_TW", str(FOLDER)), ("qtbase_zh_TW", qt_dir)):
            t = QTranslator(app)
            if t.load(name, folder):
                QCoreApplication.installTranslator(t)
                _installed.append(t)
    _use_cjk_font()


def _use_cjk_font() -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = QFont(app.font())
        families = [f for f in font.families() if f not in CJK_FAMILIES]
        font.setFamilies([*families, *CJK_FAMILIES])
        app.setFont(font)


def _catalogue() -> dict[str, tuple[str, str]]:
    if not _sources:
        for ctx in ET.parse(FOLDER / "app_zh_TW.ts").getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                src = msg.findtext("source") or ""
                _sources.setdefault(src, (name, src))
                _sources.setdefault(msg.findtext("translation") or src, (name, src))
    return _sources


def again(text: str) -> str:
    """``text`` (a catalogue entry in either language) in the current language."""
    if not text:
        return text
    found = _catalogue().get(text)
    if found is not None:
        return QCoreApplication.translate(*found)
    m = _SHORTCUT.match(text)  # "Tooltip (Ctrl+O)"
    if m and m.group(1) in _catalogue():
        return f"{QCoreApplication.translate(*_catalogue()[m.group(1)])} {m.group(2)}"
    return text


def retranslate(window: QWidget) -> None:
    """Look every text of ``window`` up again in the current language."""
    widgets = [window, *window.findChildren(QWidget)]
    for w in widgets:
        w.setToolTip(again(w.toolTip()))
        w.setAccessibleName(again(w.accessibleName()))
        w.setAccessibleDescription(again(w.accessibleDescription()))
        if isinstance(w, (QDockWidget, QToolBar)):
            w.setWindowTitle(again(w.windowTitle()))
        if isinstance(w, QMenu):
            w.setTitle(again(w.title()))
        if isinstance(w, (QLabel, QAbstractButton)):
            w.setText(again(w.text()))
        if isinstance(w, QSpinBox):
            w.setPrefix(again(w.prefix()))
            w.setSuffix(again(w.suffix()))
        if hasattr(w, "count") and hasattr(w, "setItemText") and hasattr(w, "itemText"):
            for i in range(w.count()):
                w.setItemText(i, again(w.itemText(i)))
        if hasattr(w, "scene") and callable(w.scene) and w.scene() is not None:
            _retranslate_scene(w.scene())
    for a in window.findChildren(QAction):
        a.setText(again(a.text()))
        a.setToolTip(again(a.toolTip()))
        a.setStatusTip(again(a.statusTip()))


def _retranslate_scene(scene) -> None:
    for item in scene.items():
        if isinstance(item, QGraphicsSimpleTextItem):
            item.setText(again(item.text()))
        elif hasattr(item, "set_title") and hasattr(item, "title"):
            item.set_title(again(item.title()))
        elif hasattr(item, "setText") and isinstance(getattr(item, "text", None), str):
            item.setText(again(item.text))  # pyqtgraph LabelItem: plot titles, legend


class LanguageMenu(QObject):
    """Language > English / 繁體中文, remembered in the settings."""

    def __init__(self, window, session, on_switched=None):
        super().__init__(window)
        self.window, self.session = window, session
        self._on_switched = on_switched  # what else must follow a switch (the window title)
        self.menu = window.menuBar().addMenu(_tr("&Language"))
        self.menu.setToolTip(_tr("Interface language (takes effect at once)"))
        group = QActionGroup(self)
        self.actions = {}
        keys = {"en": "Ctrl+Alt+E", "zh_TW": "Ctrl+Alt+T"}
        for lang, label in (("en", "English"), ("zh_TW", "繁體中文")):
            a = QAction(label, window)
            a.setCheckable(True)
            a.setChecked(lang == current())
            a.setShortcut(QKeySequence(keys[lang]))
            a.triggered.connect(lambda _=False, lang=lang: self.switch(lang))
            group.addAction(a)
            self.menu.addAction(a)
            self.actions[lang] = a

    def switch(self, lang: str) -> None:
        from .settings import remember_language

        set_language(lang)
        remember_language(lang)
        retranslate(self.window)
        for lang_, a in self.actions.items():
            a.setText("English" if lang_ == "en" else "繁體中文")
            a.setChecked(lang_ == lang)
        if self._on_switched is not None:
            self._on_switched()
        self.session.redraw()
