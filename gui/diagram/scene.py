"""The network diagram: one item per node, built once, redrawn from each Snapshot.

The scene turns the items' gestures into Session verbs and, on ``state_changed``, hands every
item what to show. Hover text is computed when asked for, not on every change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QToolTip,
)

from core.model import CELLS, CONV_BIAS, EDITABLE, HEAD, HEAD_BIAS, TARGET, parameters, window

from ..look.theme import THEMES, Theme
from ..state.said import refusal
from ..state.session import Session, Snapshot
from . import layout
from .coalesce import LatestPreview
from .content import conv_header, gradient_legend, loss_title, node_lines, tooltip
from .edges import BASE_INK, BadgeItem, EdgeItem, EdgeLabel
from .editable import EditableItem
from .items import NodeItem
from .label_place import place_label
from .legend import add_headers, add_legend
from .legend import retranslate as retranslate_captions
from .lighting import BASE, HEAD_BIAS_BADGE, bias_edge, plan

WHEEL_COMMIT_MS = 450
HEADER_PX = 17  # the column headers' type (gui.diagram.legend)


class DiagramScene(QGraphicsScene):
    edit_requested = Signal(str)  # the view opens its inline editor
    refused = Signal(str, str)  # name, message: a scrub or wheel value that was refused

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setSceneRect(layout.SCENE)
        self.setBackgroundBrush(QColor("#FAFAFB"))
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self.badges: dict[int, BadgeItem] = {}
        self.labels: dict[str, EdgeLabel] = {}
        self.theme: Theme = THEMES["light"]
        self._wheel_name: str | None = None
        self._wheel_timer = QTimer(self)
        self._wheel_timer.setSingleShot(True)
        self._wheel_timer.setInterval(WHEEL_COMMIT_MS)
        self._wheel_timer.timeout.connect(self._commit_wheel)
        self._previews = LatestPreview(self._apply_preview, self)
        self._build()
        session.state_changed.connect(self.show_snapshot)
        self.show_snapshot(session.snapshot)

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        for name in (*EDITABLE, CONV_BIAS, HEAD_BIAS):
            item = EditableItem(name, layout.rect_of(name))
            item.clicked.connect(self._clicked)
            item.edit_requested.connect(self.edit_requested)
            item.scrubbed.connect(self._preview)
            item.scrub_finished.connect(self._commit)
            item.scrub_cancelled.connect(self._cancel)
            item.wheeled.connect(self._wheel)
            self._add_node(item)
        for c, cell in enumerate(CELLS):
            self._add_node(NodeItem(f"z{cell}", layout.conv_rect(c)))
        self._add_node(NodeItem("y_hat", layout.YHAT))
        self._add_node(NodeItem("MSE", layout.LOSS))
        for c in range(4):
            z, head = self.nodes[f"z{CELLS[c]}"], self.nodes[HEAD[c]]
            self._add_edge(f"head{c}", z.anchor("right"), head.anchor("left"))
            self._add_edge(f"headout{c}", head.anchor("right"), self.nodes["y_hat"].anchor("left"))
            for kind in ("kern", "inp"):
                edge = self._add_edge(f"{kind}{c}", QPointF(), z.anchor("left"), z=-0.5)
                edge.setVisible(False)
            badge = BadgeItem(c)
            badge.setPos(z.anchor("right") + QPointF(20, -24))
            badge.setVisible(False)
            badge.clicked.connect(self._badge_clicked)
            self.addItem(badge)
            self.badges[c] = badge
        self._add_bias_links()
        loss_in = self.nodes["MSE"].anchor("left")
        self._add_edge("yhat_loss", self.nodes["y_hat"].anchor("right"), loss_in)
        target = self.nodes[TARGET]
        self._add_edge("target_loss", target.anchor("right"), loss_in)
        for key in self.edges:
            label = EdgeLabel()
            label.setVisible(False)
            self.addItem(label)
            self.labels[key] = label
        self.window_item = QGraphicsRectItem()
        self.window_item.setZValue(3)
        self.window_item.setVisible(False)
        self.addItem(self.window_item)
        self.headers = add_headers(self)
        self.legend = add_legend(self)
        self.legend_gradient = self.legend[-2]  # "∂ …: gradient ∂MSE/∂(node)"
        self._network: tuple[str, str, bool, bool] | None = None

        self.retranslate()

    def retranslate(self) -> None:
        """The titles, headers and legend in the current language (the window calls this on
        every language change), those worded from the state (a bias in the conv header, the
        loss's name) as the state shown has them."""
        for c, cell in enumerate(CELLS):
            a = window(c)
            title = QCoreApplication.translate("Diagram", "%1   window %2…%3").replace(
                "%1", f"z{cell}"
            )
            self.nodes[f"z{cell}"].set_title(title.replace("%2", a[0]).replace("%3", a[3]))
        self.nodes["yy"].set_title(QCoreApplication.translate("Diagram", "target yy"))
        self.nodes[CONV_BIAS].set_title(QCoreApplication.translate("Diagram", "conv bias b"))
        self.nodes[HEAD_BIAS].set_title(QCoreApplication.translate("Diagram", "head bias c"))
        self.nodes["y_hat"].set_title(QCoreApplication.translate("Diagram", "prediction ŷ"))
        retranslate_captions(self.headers + self.legend)
        shown = getattr(self, "snapshot", None)
        if shown is not None:  # the texts the state words: the conv header, the loss, the legend
            self.show_snapshot(shown)

    def _add_bias_links(self) -> None:
        """The conv bias's links into the four cells, the head bias's into y_hat (each drawn
        only while the network has that bias) and the badge of the head bias's path."""
        b = self.nodes[CONV_BIAS].anchor("right")
        for c in range(4):
            self._add_edge(bias_edge(c), b, self.nodes[f"z{CELLS[c]}"].anchor("left"), z=-0.7)
        c_rect = layout.HEAD_BIAS
        below = QPointF(c_rect.center().x(), c_rect.bottom())
        self._add_edge("cbias", below, QPointF(below.x(), layout.YHAT.top()))
        badge = BadgeItem(HEAD_BIAS_BADGE)
        badge.setPos(layout.HEAD_BIAS_BADGE + QPointF(20, 0))
        badge.setVisible(False)
        badge.clicked.connect(self._badge_clicked)
        self.addItem(badge)
        self.badges[HEAD_BIAS_BADGE] = badge

    def _add_node(self, item: NodeItem) -> None:
        self.addItem(item)
        self.nodes[item.name] = item

    def _add_edge(self, key: str, a: QPointF, b: QPointF, z: float = -1.0) -> EdgeItem:
        edge = EdgeItem(a, b, z)
        self.addItem(edge)
        self.edges[key] = edge
        return edge

    # -- state -> items -----------------------------------------------------------------
    def _show_network(self, snap: Snapshot) -> None:
        """Show the bias nodes the network has, its conv header and its loss's title."""
        p = snap.params
        network = (p.activation, p.loss, p.b is not None, p.c is not None)
        if network == self._network:
            return
        self._network = network
        for name in (CONV_BIAS, HEAD_BIAS):
            self.nodes[name].setVisible(p.has(name))
        self.setSceneRect(layout.SCENE if p.b is None else layout.SCENE_WITH_B)

    def _set_header(self, item: QGraphicsSimpleTextItem, text: str) -> None:
        """Set the conv column's header, its type smaller where it would reach "Head"."""
        room = layout.HEAD_X + 26 - layout.CONV_X - 14
        font = QFont(item.font())
        font.setPixelSize(HEADER_PX)
        while QFontMetricsF(font).horizontalAdvance(text) > room and font.pixelSize() > 11:
            font.setPixelSize(font.pixelSize() - 1)
        if font != item.font():
            item.setFont(font)
        item.setText(text)

    def show_snapshot(self, snap: Snapshot) -> None:
        self._show_network(snap)
        p = snap.params
        header = conv_header(p)  # asked every time: a language switch retitles it too
        if self.headers[2].text() != header:
            self._set_header(self.headers[2], header)
        self.nodes["MSE"].set_title(loss_title(p))
        legend = gradient_legend(p)
        if self.legend_gradient.text() != legend:
            self.legend_gradient.setText(legend)
        for name, item in self.nodes.items():
            if not p.has(name) and name in (CONV_BIAS, HEAD_BIAS):
                continue
            if isinstance(item, EditableItem):
                item.set_value(snap.value(name))
            item.set_lines(node_lines(snap, name))
        light = plan(snap)
        for name, item in self.nodes.items():
            item.set_emphasis(light.nodes.get(name, BASE))
        for key, edge in self.edges.items():
            style = light.edges.get(key)
            if key.startswith("bias") or key == "cbias":  # only while the network has the bias
                present = p.has(CONV_BIAS if key.startswith("bias") else HEAD_BIAS)
                edge.setVisible(present)
                if not present:
                    continue
            if key.startswith(("kern", "inp")):  # path edges: shown only when lit
                edge.setVisible(style is not None)
                if style is None:
                    continue
                edge.set_ends(self.nodes[style.source].anchor("right"), edge.ends()[1])
            t = self.theme
            if style is None:
                edge.set_style(t.edge if t.name != "light" else BASE_INK, 2.0 * t.stroke)
            else:
                edge.set_style(
                    t.color(style.color), style.width * t.stroke, style.dashed, style.dotted
                )
        for c, badge in self.badges.items():
            content = light.badges.get(c)
            badge.setVisible(content is not None)
            if content is not None:
                badge.set_content(*content)
        self._show_labels(light.labels)
        self._show_window(light.window, light.window_color)
        self.snapshot = snap

    def _show_labels(self, captions: dict) -> None:
        """The walkthrough's factors on their edges, each clear of boxes, badges, captions
        and the other labels."""
        taken: list[QRectF] = []
        if captions:
            taken += [n.sceneBoundingRect() for n in self.nodes.values() if n.isVisible()]
            taken += [b.sceneBoundingRect() for b in self.badges.values() if b.isVisible()]
            taken += [t.sceneBoundingRect() for t in self.headers + self.legend if t.isVisible()]
        for key, label in self.labels.items():
            caption = captions.get(key)
            label.setVisible(caption is not None)
            if caption is not None:
                label.set_content(*caption)
                taken.append(place_label(label, self.edges[key].path(), taken))

    def _show_window(self, cell: int | None, color: str) -> None:
        self.window_item.setVisible(cell is not None)
        if cell is not None:
            self.window_item.setRect(layout.window_rect(cell))
            pen = QPen(QColor(self.theme.color(color)), 4 * self.theme.stroke, Qt.PenStyle.DashLine)
            self.window_item.setPen(pen)

    def set_theme(self, theme: Theme) -> None:
        """Draw in ``theme``: the ground, every node, edge, badge, label and caption."""
        if theme == self.theme:
            return
        self.theme = theme
        self.setBackgroundBrush(QColor(theme.background))
        for item in self.items():
            if isinstance(item, NodeItem):
                item.set_theme(theme)
            elif isinstance(item, (BadgeItem, EdgeLabel)):
                item.theme = theme
                item.update()
            elif isinstance(item, (QGraphicsSimpleTextItem, QGraphicsEllipseItem)):
                if item.data(0) is None:  # its own colour, kept for the light theme: a
                    item.setData(0, item.brush().color().name())  # caption, a legend dot
                color = QColor(theme.color(item.data(0).upper()))
                item.setBrush(color)
                if isinstance(item, QGraphicsEllipseItem):
                    item.setPen(QPen(color))
        self.show_snapshot(self.session.snapshot)

    # -- gestures -> session verbs --------------------------------------------------------------
    def _clicked(self, name: str) -> None:
        if name in parameters(self.session.snapshot.params):
            self.session.select(name)

    def _badge_clicked(self, index: int) -> None:
        current = self.session.snapshot.path
        self.session.select_path(None if current == index else index)

    def _preview(self, name: str, value: float) -> None:
        self._previews.ask(name, value)  # a burst of them is applied as its latest

    def _apply_preview(self, name: str, value: float) -> None:
        try:
            self.session.preview_value(name, value)
        except ValueError as exc:
            item = self.nodes[name]
            if isinstance(item, EditableItem):  # the next notch goes on from the value on show
                item.set_value(self.session.snapshot.value(name))
            self.refused.emit(name, refusal(exc))

    def _cancel(self, _name: str) -> None:
        self._previews.flush()
        self.session.cancel_preview()

    def _commit(self, name: str, value: float) -> None:
        self._previews.flush()
        try:
            self.session.set_value(name, value)
        except ValueError as exc:
            self.session.cancel_preview()
            self.refused.emit(name, refusal(exc))

    def _wheel(self, name: str, value: float) -> None:
        if self._wheel_name not in (None, name):
            self._commit_wheel()
        self._wheel_name = name
        self._preview(name, value)
        self._wheel_timer.start()

    def _commit_wheel(self) -> None:
        self._previews.flush()
        name, self._wheel_name = self._wheel_name, None
        self._wheel_timer.stop()
        if name is not None:
            self._commit(name, self.session.snapshot.value(name))

    def mouseDoubleClickEvent(self, event) -> None:
        """A double-click on a computed value says what it is computed from (the view's
        editor shows it under the node); editable values open their own editor."""
        item = self.itemAt(event.scenePos(), QTransform())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem) and not isinstance(item, EditableItem):
            self.edit_requested.emit(item.name)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def helpEvent(self, event) -> None:
        for item in self.items(event.scenePos()):
            name = getattr(item, "name", None)
            if isinstance(item, BadgeItem):
                name = f"path{item.index}"
            if name:
                QToolTip.showText(event.screenPos(), tooltip(self.snapshot, name))
                event.accept()
                return
        QToolTip.hideText()
