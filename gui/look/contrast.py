"""WCAG 2.1 contrast: relative luminance and contrast ratio of two colours (no Qt needed).

Text needs 4.5:1 against its ground (AA, 1.4.3); controls, focus rings, edges and plot lines
3:1 (AA, 1.4.11). The formulas are WCAG 2.1's definitions of relative luminance and contrast
ratio, on sRGB hex colours.
"""

from __future__ import annotations

TEXT = 4.5
GRAPHIC = 3.0


def _channel(c: int) -> float:
    s = c / 255.0
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(hex_color: str) -> float:
    """Relative luminance of ``#RRGGBB`` (0 black ... 1 white)."""
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def ratio(a: str, b: str) -> float:
    """The contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
