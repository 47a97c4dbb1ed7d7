"""Marking text for translation in core, which knows no Qt.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; ``pyside6-lupdate`` (run by
resources/translations/catalogue.py) finds the call by its name and puts ``(context, text)`` in
the .ts, and the interface translates it with ``QCoreApplication.translate(context, text)``
before filling it in. ``text`` must be a literal (adjacent literals join) for lupdate to read it.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name Qt's tools know)
    return text


class Refusal(ValueError):
    """A value refused, for a person to read: ``template``, marked for translation in
    ``context`` with :func:`QT_TRANSLATE_NOOP`, filled with ``values`` (``str()`` is the English
    sentence). The interface says it in its own language by translating the template first."""

    def __init__(self, context: str, template: str, **args: object):
        super().__init__(template.format(**args))
        self.context, self.template, self.values = context, template, args
