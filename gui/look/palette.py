"""Colours shared by the diagram, the plots and the derivation.

A path's colour shows its term's sign on a blue/orange diverging scale (Okabe-Ito hues, safe
for red/green colour blindness and strong on a projector); its width shows the magnitude.
"""

from __future__ import annotations

import math

POSITIVE = "#D55E00"  # orange (vermillion): the term raises the loss as the parameter grows
NEGATIVE = "#0072B2"  # blue: the term lowers the loss as the parameter grows
NEUTRAL = "#7F7F7F"  # a term that is exactly zero
SELECTED = "#009E73"  # the selected parameter
WALK = "#6A3D9A"  # what the walkthrough's forward step is forming
INK = "#202124"
COMMON = "#595C61"  # the common factor -2(yy - y_hat) in the derivation: neither sign
MUTED = "#9AA0A6"


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


#: Kept (ghost) runs, in the order they are kept: Okabe-Ito hues not used above.
GHOSTS = ("#E69F00", "#56B4E9", "#CC79A7", "#000000", "#F0E442")
PREDICTED = "#5F6368"  # the faint path the current learning rate will take
BANNER_BG = "#FDECEA"  # the background of a stop-and-explain banner

#: The plots' and the descent panel's text size, in points (presenter mode scales it).
FONT_PT = 11
