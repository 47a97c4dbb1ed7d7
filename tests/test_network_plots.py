"""The loss curve names the network's loss: MSE for the homework, L for half MSE, BCE for
cross-entropy, in its title, its axis and its legend."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def texts(win) -> tuple[str, str, list[str]]:
    item = win.descent_panel.curve.widget.getPlotItem()
    legend = [label.text for _sample, label in item.legend.items]
    return item.titleLabel.text, item.getAxis("left").labelText, legend


def test_the_loss_curve_names_the_chosen_loss(win):
    title, axis, legend = texts(win)
    assert title.startswith("MSE vs w11") and axis == "MSE" and "MSE" in legend
    win.session.network.set_loss("half_mse")
    QApplication.processEvents()
    title, axis, legend = texts(win)
    assert title.startswith("L vs w11") and axis == "L" and "L" in legend and "MSE" not in legend
    win.session.set_value("yy", 0.5)
    win.session.network.set_loss("bce_logits")
    QApplication.processEvents()
    title, axis, legend = texts(win)
    assert title.startswith("BCE vs w11") and axis == "BCE" and "BCE" in legend
    steps_axis = win.descent_panel.loss.widget.getPlotItem().getAxis("left").labelText
    assert steps_axis == "BCE"
    model = win.values.model
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Gradient ∂BCE/∂·"


def test_the_gradient_against_step_is_named_for_the_chosen_loss(win):
    def legend() -> list[str]:
        item = win.descent_panel.value.widget.getPlotItem()
        return [label.text for _sample, label in item.legend.items]

    assert "dMSE/dw11" in legend()
    win.session.set_value("yy", 0.5)
    win.session.network.set_loss("bce_logits")
    QApplication.processEvents()
    assert "dBCE/dw11" in legend() and not any("MSE" in t for t in legend())
    win.session.select("w12")
    win.session.descent.set_descent_param("selected")
    QApplication.processEvents()
    assert "dBCE/dw12" in legend()
