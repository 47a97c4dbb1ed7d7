"""Gradient descent on screen: the transport and settings toolbars, the descent dock with its
banner, and the three plots (loss curve, loss against step, value against step)."""
