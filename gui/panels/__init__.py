"""The side panels: the backprop paths with their terms, the typeset derivation (with its
typesetting worker process), and the predict-then-reveal quiz."""
