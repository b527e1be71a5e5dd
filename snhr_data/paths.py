"""Every path the package reads or writes, in one place.

The project root is the checkout that holds ``data/``; set ``SNHR_DATA_ROOT`` to point elsewhere
(tests use it to build into a temporary folder).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
VOCAB_DIR = PACKAGE_DIR / "vocab"


def project_root() -> Path:
    """The folder holding ``data/``, ``notebooks/`` and ``reports/``."""
    return Path(os.environ.get("SNHR_DATA_ROOT", PACKAGE_DIR.parent)).resolve()


def raw_dir() -> Path:
    return project_root() / "data" / "raw"


def manifest_path() -> Path:
    return raw_dir() / "manifest.csv"


def processed_dir() -> Path:
    return project_root() / "data" / "processed"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def reports_dir() -> Path:
    return project_root() / "reports"


def golden_notebooks_dir() -> Path:
    return project_root() / "tests" / "golden"


def data_dictionary_path() -> Path:
    return project_root() / "docs" / "data_dictionary.md"


def lock_path() -> Path:
    """The build lock of this checkout (one build at a time, whatever its output folder)."""
    return project_root() / "data" / ".build.lock"


def shown(path: Path) -> str:
    """``path`` as messages show it: relative to the project root when inside it (``data/raw/X``)."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(project_root()))
    except ValueError:
        return str(path)
