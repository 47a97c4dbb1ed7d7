"""The editable network diagram."""

from .scene import DiagramScene
from .view import DiagramView

__all__ = ["DiagramScene", "DiagramView"]
