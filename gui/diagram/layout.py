"""Where every node of the network sits in the diagram, in scene units, left to right.

Input and filter on the left, the four conv cells as four lanes in the middle (one lane per
backprop path of a kernel weight), the head weights on the links to y_hat, then the loss.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from core.model import CELLS, HEAD, INPUTS, KERNEL

SCENE = QRectF(0, 0, 1440, 616)
#: With a conv bias the diagram grows a row at the bottom for its node; the rest stays put.
SCENE_WITH_B = QRectF(0, 0, 1440, 704)

INPUT_ORIGIN = QPointF(16, 74)
INPUT_CELL = (104, 76)
INPUT_GAP = 8

KERNEL_ORIGIN = QPointF(72, 400)
KERNEL_CELL = (104, 76)
KERNEL_GAP = 8

CONV_X, CONV_W, CONV_H = 470, 260, 132
CONV_TOP, CONV_PITCH = 40, 144

HEAD_X, HEAD_W, HEAD_H = 852, 104, 76
YHAT = QRectF(1040, 256, 160, 112)
TARGET = QRectF(1040, 420, 160, 88)
LOSS = QRectF(1250, 256, 160, 112)
LEGEND = QPointF(1226, 410)
#: The conv bias sits under the filter and fans out to the four cells; the head bias sits
#: above y_hat and feeds it straight down, its path's badge on that link.
CONV_BIAS = QRectF(196, 612, 124, 80)
HEAD_BIAS = QRectF(1120, 104, 120, 80)
HEAD_BIAS_BADGE = QPointF(HEAD_BIAS.center().x(), (HEAD_BIAS.bottom() + YHAT.top()) / 2)

# A path's badge sits BADGE_GAP right of its conv cell, its disc's centre level with the link;
# its number starts BADGE_TEXT past that centre and must end HEAD_CLEAR short of the head box.
BADGE_GAP, BADGE_TEXT, HEAD_CLEAR = 20, 20, 6
BADGE_ROOM = HEAD_X - (CONV_X + CONV_W + BADGE_GAP + BADGE_TEXT) - HEAD_CLEAR


def input_rect(name: str) -> QRectF:
    r, c = divmod(INPUTS.index(name), 3)
    w, h = INPUT_CELL
    return QRectF(
        INPUT_ORIGIN.x() + c * (w + INPUT_GAP), INPUT_ORIGIN.y() + r * (h + INPUT_GAP), w, h
    )


def kernel_rect(name: str) -> QRectF:
    r, c = divmod(KERNEL.index(name), 2)
    w, h = KERNEL_CELL
    return QRectF(
        KERNEL_ORIGIN.x() + c * (w + KERNEL_GAP), KERNEL_ORIGIN.y() + r * (h + KERNEL_GAP), w, h
    )


def conv_rect(cell: int) -> QRectF:
    return QRectF(CONV_X, CONV_TOP + cell * CONV_PITCH, CONV_W, CONV_H)


def head_rect(name: str) -> QRectF:
    """The head weight's box sits on its link, level with its conv cell."""
    cy = conv_rect(HEAD.index(name)).center().y()
    return QRectF(HEAD_X, cy - HEAD_H / 2, HEAD_W, HEAD_H)


def rect_of(name: str) -> QRectF:
    """The rectangle of any node: an input, a weight, a bias, ``z00``.., y_hat, yy, MSE."""
    if name in INPUTS:
        return input_rect(name)
    if name in KERNEL:
        return kernel_rect(name)
    if name in HEAD:
        return head_rect(name)
    if name.startswith("z") and name[1:] in CELLS:
        return conv_rect(CELLS.index(name[1:]))
    return {"y_hat": YHAT, "yy": TARGET, "MSE": LOSS, "b": CONV_BIAS, "c": HEAD_BIAS}[name]


def window_rect(cell: int) -> QRectF:
    """The 2x2 window of the input grid that conv cell ``cell`` sees."""
    i, j = divmod(cell, 2)
    top_left = input_rect(f"a{i + 1}{j + 1}")
    bottom_right = input_rect(f"a{i + 2}{j + 2}")
    return top_left.united(bottom_right).adjusted(-5, -5, 5, 5)
