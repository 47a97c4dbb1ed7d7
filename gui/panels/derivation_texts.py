"""The derivation panel's headings and notes, translated (keys as in core.latex.TEXTS)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def texts() -> dict[str, str]:
    """The headings and notes in the interface language."""
    return {
        "title": QCoreApplication.translate("DerivationPanel", "The gradient of {param}"),
        "step1": QCoreApplication.translate(
            "DerivationPanel", "Step 1. Define the model's values (定義模型參數)"
        ),
        "step2": QCoreApplication.translate(
            "DerivationPanel",
            "Step 2. The gradient of {param}: a sum over its {n} backprop paths (列出梯度公式)",
        ),
        "step2_one": QCoreApplication.translate(
            "DerivationPanel", "Step 2. The gradient of {param}: one backprop path (列出梯度公式)"
        ),
        "step3": QCoreApplication.translate(
            "DerivationPanel", "Step 3. Compute each partial derivative (計算偏微分)"
        ),
        "note_yhat": QCoreApplication.translate(
            "DerivationPanel", "y\u0302 is the model's prediction; yy is the target."
        ),
        "note_z": QCoreApplication.translate(
            "DerivationPanel",
            "z00, z01, z10, z11 are the conv layer's values before the activation "
            "function (the sigmoid).",
        ),
        "note_substitute": QCoreApplication.translate(
            "DerivationPanel", "Substituting every result into the formula of Step 2:"
        ),
    }
