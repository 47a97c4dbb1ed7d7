import os
import sys
from pathlib import Path

# Before anything imports Qt: no display is needed to run the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
