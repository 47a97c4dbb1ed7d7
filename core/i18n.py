"""Marking text for translation in core, which knows no Qt.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; it marks a sentence for the
translation catalogue (resources/translations/catalogue.py), and the interface translates it
with ``QCoreApplication.translate(context, text)`` before filling it in.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name Qt's tools know)
    return text
