"""How the window looks: the palette of meaning (signs, selection, prediction), the light, dark and
high-contrast themes, and the appearance menu that switches them."""
