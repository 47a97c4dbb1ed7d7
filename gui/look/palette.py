"""Colours shared by the diagram, the plots and the derivation.

A path's colour shows its term's sign on a blue/orange diverging scale (Okabe-Ito hues, safe
for red/green colour blindness and strong on a projector); its width shows the magnitude.

These are the light theme's colours, each dark enough to be read as text on the light grounds
(WCAG AA 4.5:1 against #F3F3F3); the dark and high-contrast themes map them to brighter ones
(:mod:`gui.look.theme`). ``tests/test_theme_contrast.py`` checks every pair the window draws.
"""

from __future__ import annotations

import math

POSITIVE = "#B85000"  # orange (deep vermillion): the term raises the loss as the parameter grows
NEGATIVE = "#0072B2"  # blue: the term lowers the loss as the parameter grows
NEUTRAL = "#6E6E6E"  # a term that is exactly zero
SELECTED = "#00785A"  # the selected parameter (bluish green)
WALK = "#6A3D9A"  # what the walkthrough's forward step is forming
INK = "#202124"
COMMON = "#595C61"  # the common factor -2(yy - y_hat) in the derivation: neither sign
MUTED = "#5F6368"


def sign_hex(value: float) -> str:
    """The hex colour of a term with this value's sign."""
    if value > 0:
        return POSITIVE
    if value < 0:
        return NEGATIVE
    return NEUTRAL


def path_width(value: float, largest: float, thinnest: float = 1.5, widest: float = 9.0) -> float:
    """Pen width for a path term, scaled by ``|value| / largest`` (square-root for contrast)."""
    if not (largest > 0 and math.isfinite(value) and math.isfinite(largest)):
        return thinnest
    return thinnest + (widest - thinnest) * math.sqrt(min(1.0, abs(value) / largest))


#: Kept (ghost) runs, in the order they are kept: Okabe-Ito hues not used above, darkened to
#: read as lines on a light ground (the dark themes brighten them).
GHOSTS = ("#9C6500", "#2E6FA0", "#A8457F", "#000000", "#6F6A00")
PREDICTED = "#5F6368"  # the faint path the current learning rate will take
BANNER_BG = "#FDECEA"  # the background of a stop-and-explain banner

#: The plots' and the descent panel's text size, in points (presenter mode scales it).
FONT_PT = 11
