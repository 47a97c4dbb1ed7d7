"""Sentences the descent says (why it stopped, what it is doing), able to say themselves again.

The descent's banner and status line are texts held in the snapshot, formatted by core from
translated templates. Core is handed :class:`Template` strings: formatting one gives a
:class:`Said`, a plain ``str`` that also remembers its template's key and arguments, so that
after the interface language changes :func:`again` gives the same sentence in the new language
(the Session puts it on show; see ``Session.retranslate_history``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from core.behaviour import REASONS as BEHAVIOURS
from core.i18n import Refusal
from core.live_reasons import REASONS


class Said(str):
    """A sentence, and how to say it in the current language (``again``)."""

    again: Callable[[], str]

    def __new__(cls, text: str, again: Callable[[], str]) -> Said:
        said = super().__new__(cls, text)
        said.again = again
        return said


class Template(str):
    """A translated template of core's; :meth:`format` gives a :class:`Said`."""

    key: str
    table: Callable[[], Mapping[str, str]]

    def __new__(cls, text: str, key: str, table: Callable[[], Mapping[str, str]]) -> Template:
        template = super().__new__(cls, text)
        template.key, template.table = key, table
        return template

    def format(self, *args: object, **kwargs: object) -> Said:
        key, table = self.key, self.table

        def again() -> str:
            now = table()
            fresh = {k: now[v.key] if isinstance(v, Template) else v for k, v in kwargs.items()}
            return now[key].format(*args, **fresh)

        return Said(str.format(self, *args, **kwargs), again)


def reasons() -> dict[str, str]:
    """The divergence sentences of core.live in the interface's language."""
    return {
        k: Template(QCoreApplication.translate("Descent", v), k, reasons)
        for k, v in REASONS.items()
    }


def behaviours() -> dict[str, str]:
    """The sentences of core.behaviour (oscillating, ...) in the interface's language."""
    return {
        k: Template(QCoreApplication.translate("Behaviour", v), k, behaviours)
        for k, v in BEHAVIOURS.items()
    }


def capitalised(text: str) -> str:
    """``text`` with a capital first letter; a :class:`Said` stays able to say itself again."""
    upper = text[:1].upper() + text[1:]
    if isinstance(text, Said):
        return Said(upper, lambda: capitalised(text.again()))
    return upper


def again(text: str) -> str:
    """``text`` in the current language if it is a :class:`Said`, else as it is."""
    return text.again() if isinstance(text, Said) else text


def refusal(exc: BaseException) -> str:
    """Why core refused a value (``exc``'s message), in the interface's language."""
    if isinstance(exc, Refusal):
        return QCoreApplication.translate(exc.context, exc.template).format(**exc.values)
    return str(exc)
