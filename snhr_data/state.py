"""Build keys and the small state file kept next to each build's outputs.

A build step is skipped when its key (a hash of everything it depends on) is the one recorded in
the state file next to its outputs *and* those outputs are still there as written (size and
modification time of every file). Deleting or editing an output therefore makes it run again;
``--force`` ignores the state. This module imports no pandas, so that an up-to-date build can be
recognised in a fraction of a second.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Iterable, Mapping

from . import paths

STATE_FILE = ".build-state.json"
PACKAGE_SUFFIXES = {".py", ".yaml", ".yml", ".csv", ".mplstyle", ".json", ".ttf", ".otf", ".txt"}


def digest(value: object) -> str:
    """sha256 of ``value`` as canonical JSON (sorted keys): the same value gives the same key."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def package_digest() -> str:
    """A hash of the package's source, vocabularies and chart style: any change re-runs every step."""
    root = paths.PACKAGE_DIR
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in PACKAGE_SUFFIXES
                   and "__pycache__" not in p.parts)
    return digest({str(p.relative_to(root)): file_sha256(p) for p in files})


def folder_digests(folder: Path) -> dict[str, str]:
    """name -> sha256 of every file directly in ``folder`` (the raw reports and their manifest)."""
    return {p.name: file_sha256(p) for p in sorted(Path(folder).iterdir()) if p.is_file()}


def signatures(folder: Path) -> dict[str, list[int]]:
    """relative path -> [size, mtime_ns] of every file under ``folder`` except the state file."""
    folder = Path(folder)
    out = {}
    for dirpath, _, names in os.walk(folder):
        for name in names:
            path = Path(dirpath) / name
            if name == STATE_FILE and path.parent == folder:
                continue
            stat = path.stat()
            out[path.relative_to(folder).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    return dict(sorted(out.items()))


def unchanged(folder: Path, recorded: Mapping[str, list[int]] | None) -> bool:
    """Whether ``folder`` holds exactly the files ``recorded``, as they were written."""
    if not recorded or not Path(folder).is_dir():
        return False
    try:
        return signatures(folder) == dict(recorded)
    except OSError:
        return False


def read_state(folder: Path) -> dict:
    """The state recorded in ``folder`` ({} when missing or unreadable: everything is rebuilt)."""
    try:
        state = json.loads((Path(folder) / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def write_state(folder: Path, state: Mapping[str, object]) -> None:
    from .io import atomic_path

    with atomic_path(Path(folder) / STATE_FILE) as tmp:
        tmp.write_text(json.dumps(state, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def combined(digests: Iterable[str]) -> str:
    return digest(sorted(digests))
