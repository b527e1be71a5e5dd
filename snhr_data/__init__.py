"""snhr_data: the figures stated in SNHR's monthly civilian death-toll reports, as tidy, traceable tables."""
from __future__ import annotations

__version__ = "0.1.0"
