"""Light, dark and high-contrast looks, switchable while the app runs.

A :class:`Theme` says how the window and the diagram are drawn. The diagram's items keep the
colours the lighting chose (:mod:`gui.look.palette`) and ask the theme to map them when they paint:
the light theme leaves them as they are; the dark and high-contrast themes draw on a dark
ground, brighten the blue that would be too dark there, and (high contrast) draw thicker
strokes for a projector. "system" follows the desktop's colour scheme.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from . import palette
from .icons import arrow_files

LIGHT_FILL = "#FFFFFF"
LIGHT_BORDER = "#80868B"  # 3.5:1 on the light ground: a node's edge is seen (WCAG 1.4.11)
SYSTEM = "system"
CHOICES = (SYSTEM, "light", "dark", "contrast")


@dataclass(frozen=True)
class Theme:
    name: str
    background: str = "#FAFAFB"
    node_fill: str = LIGHT_FILL
    node_border: str = LIGHT_BORDER
    ink: str = palette.INK
    muted: str = palette.MUTED
    grad: str = "#8E3FA8"
    edge: str = "#80868B"
    tints: bool = True  # lit nodes take a pale fill of their colour
    stroke: float = 1.0  # every pen width is multiplied by this
    colors: dict[str, str] = field(default_factory=dict)  # a lighting colour -> this theme's
    window: str = "#F3F3F3"
    base: str = "#FFFFFF"
    text: str = "#202124"
    accent: str = "#1A73E8"
    disabled: str = "#80868B"  # text of a control that cannot be used now
    control: str = "#5F6368"  # field borders, slider grooves, transport icons: 3:1 at least
    focus: str = "#1A73E8"  # the keyboard focus ring, on fields and on the diagram's values
    card: str = "#FFFFFF"  # a card's ground (a path row, a quiz item)
    card_border: str = "#80868B"  # a card's edge: 3:1 against the panel around it

    def color(self, hex_color: str) -> str:
        return self.colors.get(hex_color.upper(), hex_color)

    @property
    def dark(self) -> bool:
        return QColor(self.background).lightness() < 128


_BRIGHT = {
    palette.POSITIVE.upper(): "#F28E2B",  # the light theme's deep orange is too dark here
    palette.NEGATIVE.upper(): "#56B4E9",  # sky blue: the dark blue is lost on black
    palette.SELECTED.upper(): "#2BB58C",
    palette.WALK.upper(): "#C38EF0",
    palette.NEUTRAL.upper(): "#BDBDBD",
    palette.INK.upper(): "#F1F3F4",
    palette.MUTED.upper(): "#BDC1C6",
    palette.PREDICTED.upper(): "#9AA0A6",
    palette.COMMON.upper(): "#C4C7CC",
    "#8E3FA8": "#D7A6EA",  # the gradients' purple
    # kept runs: the Okabe-Ito hues themselves, and white for the black one
    **dict(
        zip(
            (g.upper() for g in palette.GHOSTS),
            ("#E69F00", "#56B4E9", "#CC79A7", "#F1F3F4", "#F0E442"),
            strict=True,
        )
    ),
}

THEMES: dict[str, Theme] = {
    "light": Theme("light"),
    "dark": Theme(
        "dark",
        background="#1E1F22",
        node_fill="#2B2D31",
        node_border="#80868B",
        ink="#E8EAED",
        muted="#BDC1C6",
        grad="#D7A6EA",
        edge="#80868B",
        tints=False,
        colors=_BRIGHT,
        window="#2B2D31",
        base="#1E1F22",
        text="#E8EAED",
        accent="#8AB4F8",
        disabled="#9AA0A6",
        control="#9AA0A6",
        focus="#8AB4F8",
        card="#1E1F22",
        card_border="#9AA0A6",
    ),
    "contrast": Theme(
        "contrast",
        background="#000000",
        node_fill="#000000",
        node_border="#FFFFFF",
        ink="#FFFFFF",
        muted="#FFFF66",
        grad="#FFB3FF",
        edge="#9E9E9E",
        tints=False,
        stroke=1.6,
        colors={**_BRIGHT, palette.POSITIVE.upper(): "#FF8C42", palette.MUTED.upper(): "#FFFF66"},
        window="#000000",
        base="#000000",
        text="#FFFFFF",
        accent="#FFFF00",
        disabled="#8A8A8A",
        control="#FFFFFF",
        focus="#FFFF00",
        card="#000000",
        card_border="#FFFFFF",
    ),
}


def resolve(choice: str) -> Theme:
    """The theme of a menu choice; ``"system"`` is dark or light as the desktop is."""
    if choice == SYSTEM:
        scheme = QGuiApplication.styleHints().colorScheme()
        choice = "dark" if scheme == Qt.ColorScheme.Dark else "light"
    return THEMES[choice]


def window_palette(theme: Theme) -> QPalette:
    """The widgets' palette for ``theme`` (the light theme keeps the style's own)."""
    pal = QPalette()  # empty: a widget given it resolves every role from the style's defaults
    role = QPalette.ColorRole
    if theme.name == "light":  # the style's own, but a selection white text can be read on
        pal.setColor(role.Highlight, QColor(theme.accent))
        pal.setColor(role.HighlightedText, QColor("#FFFFFF"))
        return pal
    for r, c in (
        (role.Window, theme.window),
        (role.Base, theme.base),
        (role.AlternateBase, theme.window),
        (role.Button, theme.window),
        (role.Text, theme.text),
        (role.WindowText, theme.text),
        (role.ButtonText, theme.text),
        (role.ToolTipBase, theme.window),
        (role.ToolTipText, theme.text),
        (role.Highlight, theme.accent),
        (role.HighlightedText, theme.base),
        (role.PlaceholderText, theme.muted),
    ):
        pal.setColor(r, QColor(c))
    for r in (role.Text, role.ButtonText, role.WindowText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, QColor(theme.disabled))
    return pal


def control_sheet(theme: Theme) -> str:
    """A control's style sheet: fields, sliders and check boxes drawn with edges and a focus
    ring in the theme's colours (the style derives them from the ground, and on a black
    ground they vanish)."""
    t = theme
    up, down = arrow_files(t.text)
    return f"""
QLineEdit, QAbstractSpinBox, QComboBox {{
    border: 1px solid {t.control}; border-radius: 3px; padding: 1px 3px;
    background: {t.base}; color: {t.text};
    selection-background-color: {t.accent}; selection-color: {t.base};
}}
QLineEdit:focus, QAbstractSpinBox:focus, QComboBox:focus {{ border: 2px solid {t.focus}; }}
QLineEdit:disabled, QAbstractSpinBox:disabled, QComboBox:disabled {{ color: {t.disabled}; }}
QComboBox QAbstractItemView {{ background: {t.base}; color: {t.text}; }}
QSlider::groove:horizontal {{ height: 4px; background: {t.control}; border-radius: 2px; }}
QSlider::sub-page:horizontal {{ height: 4px; background: {t.accent}; border-radius: 2px; }}
QSlider::handle:horizontal {{
    width: 12px; margin: -7px 0; border-radius: 8px;
    background: {t.base}; border: 2px solid {t.text};
}}
QSlider:focus {{ border: 1px solid {t.focus}; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    width: 14px; border-left: 1px solid {t.control}; background: {t.base};
}}
QAbstractSpinBox::up-arrow {{ image: url({up}); width: 8px; height: 6px; }}
QAbstractSpinBox::down-arrow {{ image: url({down}); width: 8px; height: 6px; }}
QCheckBox {{ color: {t.text}; }}
QCheckBox::indicator {{
    width: 12px; height: 12px; border: 1px solid {t.control}; background: {t.base};
}}
QCheckBox::indicator:checked {{ background: {t.accent}; border: 1px solid {t.text}; }}
QCheckBox:focus {{ border: 1px solid {t.focus}; }}
"""
