"""The interface language: English or Traditional Chinese, switched without restarting.

:func:`set_language` swaps the app's translators (this app's catalogue, compiled by
``pyside6-lrelease``, and Qt's own ``qtbase_zh_TW`` for standard buttons). Installing or
removing a translator makes Qt send ``QEvent.LanguageChange`` to every widget: each widget that
shows fixed text sets it in its ``retranslate()``, called from ``__init__`` and from its
``changeEvent``; the window's one handler retranslates what is not a widget (actions, menus'
actions, plot items, scene items) and publishes the snapshot again (``session.redraw()``), so
texts computed from the state are drawn anew. Chinese needs a CJK font; the app asks for Noto
Sans CJK TC and falls back to whatever CJK font the system has.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import QApplication

LANGUAGES = ("en", "zh_TW")
FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"
CJK_FAMILIES = ["Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei", "PingFang TC"]
_installed: list[QTranslator] = []


def changed(event: QEvent) -> bool:
    """Whether ``event`` (given to a ``changeEvent``) says the interface language changed."""
    return event.type() == QEvent.Type.LanguageChange


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
    # Qt posts LanguageChange to the windows: deliver it now, so the switch is done on return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    _use_cjk_font()


def _use_cjk_font() -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = QFont(app.font())
        families = [f for f in font.families() if f not in CJK_FAMILIES]
        font.setFamilies([*families, *CJK_FAMILIES])
        app.setFont(font)


class LanguageMenu(QObject):
    """Language > English / 繁體中文, remembered in the settings."""

    def __init__(self, window, session, on_switched=None):
        super().__init__(window)
        self.window, self.session = window, session
        self._on_switched = on_switched  # what else must follow a switch (the window title)
        self.menu = window.menuBar().addMenu("")
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
        self.retranslate()

    def retranslate(self) -> None:
        """The menu's own texts; each language keeps its own name in every language."""
        self.menu.setTitle(QCoreApplication.translate("Language", "&Language"))
        self.menu.setToolTip(
            QCoreApplication.translate("Language", "Interface language (takes effect at once)")
        )

    def switch(self, lang: str) -> None:
        from .settings import remember_language

        set_language(lang)  # every widget and the window's handler get LanguageChange
        remember_language(lang)
        for lang_, a in self.actions.items():
            a.setChecked(lang_ == lang)
        if self._on_switched is not None:
            self._on_switched()
