"""snhr_data: the figures stated in SNHR's monthly civilian death-toll reports, as tidy, traceable tables."""
from __future__ import annotations

__version__ = "0.1.0"

# Public API (tables engineer), imported on first use so that `import snhr_data` stays light:
# load_figures(), load_table(name) (snhr_data.build) and extract_figures (snhr_data.extract).
_LAZY = {"load_figures": "build", "load_table": "build", "extract_figures": "extract"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'snhr_data' has no attribute {name!r}")

# Public API (audit engineer): run_checks(figures) -> findings, explain(figures, row, **selectors) (snhr_data.audit).
_LAZY.update({"run_checks": "audit", "explain": "provenance"})
