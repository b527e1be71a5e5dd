"""The extraction cache: each report's figures kept between data builds, so only new or changed reports are read.

Reading the reports is most of the data stage (about 80 ms of CPU per report). An entry holds what the
extractor returned for one report, and the warnings it gave, under a key made of the report's manifest
row (with the raw file's sha256, which the build has checked) and the reader's fingerprint: the source
of every module the extraction runs, the grammar (``vocab/*.yaml``) and the versions of Python and of
the libraries that read text, PDF and HTML. Any change to one of them is another key, so a stale entry is never
used. Entries are Parquet files in ``.extract-cache/`` beside the output folder (git-ignored), each
written whole through a temporary file; a build keeps the entries it used and deletes the others.
``--force`` reads none of them (every report is extracted again) and writes them afresh.
"""
from __future__ import annotations

import json
import platform
import warnings
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from . import paths, state

if TYPE_CHECKING:
    import pandas as pd

CACHE_DIR = ".extract-cache"
# Modules of the package that reading a report never imports (``tests/test_figure_cache.py`` checks it):
# a change to them leaves the cache valid. Every other module counts as reading code.
DOWNSTREAM = {
    "__main__.py", "audit.py", "build.py", "cli.py", "execution.py", "figure_cache.py", "frames.py", "guard.py",
    "io.py", "manifest.py", "metadata.py", "notebooks.py", "provenance.py", "relations.py", "release.py",
    "reports.py", "series.py", "state.py", "tables.py",
}
DOWNSTREAM_FOLDERS = {"charts", "style"}
LIBRARIES = ("pandas", "pyarrow", "pypdfium2", "beautifulsoup4", "lxml", "text2num", "PyYAML")
Warned = list[list[str]]  # [category as "module:name", message] of each warning the extractor gave


def reader_fingerprint() -> str:
    """A hash of everything a report's figures depend on besides its file: reading code, grammar, libraries."""
    from .grammar import vocab_dir

    root = paths.PACKAGE_DIR
    sources = sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts
                     and p.relative_to(root).parts[0] not in DOWNSTREAM_FOLDERS and p.name not in DOWNSTREAM)
    grammars = sorted({*paths.VOCAB_DIR.glob("*.yaml"), *Path(vocab_dir()).glob("*.yaml")})
    return state.digest({
        "sources": {str(p.relative_to(root)): state.file_sha256(p) for p in sources},
        "grammar": [[p.name, state.file_sha256(p)] for p in grammars],
        "libraries": {name: _installed(name) for name in LIBRARIES},
        "python": platform.python_version(),
    })


def _installed(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


def entry_key(manifest_row: Mapping[str, object], fingerprint: str) -> str:
    return state.digest({"manifest_row": dict(manifest_row), "reader": fingerprint})


class FigureCache:
    """The entries of one cache folder, for reports keyed by ``entry_key``."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.parquet"

    def get(self, key: str) -> tuple[pd.DataFrame, Warned] | None:
        """The figures and warnings stored under ``key``; None when absent or unreadable."""
        import pyarrow.parquet as pq

        try:
            table = pq.read_table(self.path(key))
            warned = json.loads((table.schema.metadata or {})[b"warnings"])
        except (OSError, ValueError, KeyError):
            return None
        return table.replace_schema_metadata(None).to_pandas(), warned

    def put(self, key: str, figures: pd.DataFrame, warned: Warned) -> None:
        """Store ``figures`` and ``warned`` under ``key``, whole or not at all."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .io import atomic_path

        table = pa.Table.from_pandas(figures, preserve_index=False)
        table = table.replace_schema_metadata({"warnings": json.dumps(warned)})
        with atomic_path(self.path(key)) as tmp:
            pq.write_table(table, tmp, compression="zstd")

    def keep_only(self, keys: set[str]) -> None:
        """Delete every entry but those of ``keys`` (and what an interrupted write left)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name.removesuffix(".parquet") not in keys:
                path.unlink(missing_ok=True)



class MemoryFigureCache:
    """``FigureCache``'s entries kept in this process's memory, for a process that reads the same reports again and
    again: a kernel whose notebooks extract their figures afresh from data/raw (``figures_from="raw"``) reads a
    report again only when its file, its manifest row or the reader changed (the keys are ``entry_key``'s)."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[pd.DataFrame, Warned]] = {}

    def get(self, key: str) -> tuple[pd.DataFrame, Warned] | None:
        return self.entries.get(key)

    def put(self, key: str, figures: pd.DataFrame, warned: Warned) -> None:
        self.entries[key] = (figures, warned)

    def keep_only(self, keys: set[str]) -> None:
        self.entries = {key: entry for key, entry in self.entries.items() if key in keys}

def recorded_warnings(caught: list[warnings.WarningMessage]) -> Warned:
    return [[f"{w.category.__module__}:{w.category.__qualname__}", str(w.message)] for w in caught]


def warn_again(warned: Warned) -> None:
    """Give the warnings an extraction gave, in order, with their own categories."""
    for category, message in warned:
        module, _, name = category.partition(":")
        try:
            kind = getattr(import_module(module), name)
        except (ImportError, AttributeError):
            kind = UserWarning
        warnings.warn(message, kind if isinstance(kind, type) and issubclass(kind, Warning) else UserWarning,
                      stacklevel=2)
