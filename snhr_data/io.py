"""Writing outputs whole: files and folders through a temporary twin and a rename; deterministic bytes."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    import pandas as pd

RENAME_EXCHANGE = 2  # renameat2 flag (Linux >= 3.15): swap two paths atomically
AT_FDCWD = -100


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it over ``target`` only if the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes owner-only files; outputs are ordinary files
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step (Linux ``renameat2``); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    if result == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not supported by this file system
        return False
    raise OSError(errno, os.strerror(errno), str(second))


def swap_dir(staged: Path, target: Path) -> None:
    """Put folder ``staged`` in place of folder ``target`` so that a reader sees the old or the new one.

    Where the system allows it the two folders are exchanged in one step; otherwise ``target`` is
    moved aside (``.old-*`` beside it, removed by the next build if this one is killed) and ``staged``
    moved in. Either way the old folder is deleted afterwards and ``staged`` no longer exists.
    """
    staged, target = Path(staged), Path(target)
    if not target.exists():
        os.rename(staged, target)
        return
    if _exchange(staged, target):
        shutil.rmtree(staged)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".old-{target.name}-", dir=target.parent))
    os.rename(target, aside / target.name)
    try:
        os.rename(staged, target)
    except BaseException:
        os.rename(aside / target.name, target)  # put the old folder back
        raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)


@contextmanager
def staging_dir(target: Path, prefix: str) -> Iterator[Path]:
    """A fresh folder beside ``target`` (``<prefix>*``), removed on exit unless moved into place."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=prefix, dir=target.parent))
    os.chmod(staged, 0o777 & ~_umask())
    try:
        yield staged
    finally:
        shutil.rmtree(staged, ignore_errors=True)


def output_folder_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot receive a build's outputs (one line naming it and the fix), or None."""
    from .paths import shown

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        return f"{shown(folder)}: is not a folder; give a folder (new or existing) for the outputs"
    existing = next((p for p in [folder, *folder.parents] if p.exists()), None)
    if existing is None or not existing.is_dir():
        return f"{shown(folder)}: cannot be made here; give a folder inside a writable one"
    if existing == folder and not os.access(folder.parent, os.W_OK | os.X_OK):
        return (f"{shown(folder.parent)}: is read-only, so {folder.name} cannot be replaced; "
                f"make it writable (chmod u+w {shown(folder.parent)}) or give another output folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        return (f"{shown(existing)}: is read-only; make it writable (chmod -R u+w {shown(existing)}) "
                f"or give another output folder")
    return None


def remove_leftovers(folder: Path, prefixes: tuple[str, ...]) -> list[str]:
    """Delete what killed builds left in ``folder`` (names starting with ``prefixes``); their names."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    removed = sorted(p.name for p in folder.iterdir() if p.name.startswith(prefixes))
    for name in removed:
        path = folder / name
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    return removed


def _format_value(value: object) -> str:
    import pandas as pd

    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose float columns print integers without '.0' (counts stay counts in the CSV)."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].map(_format_value)
    return out


def write_csv(frame: pd.DataFrame, target: Path | IO[str]) -> None:
    """``frame`` as CSV (no index, ``\\n`` line ends, integral floats without '.0') into a path or a stream."""
    _csv_frame(frame).to_csv(target, index=False, lineterminator="\n")


def write_csv_atomic(frame: pd.DataFrame, target: Path) -> None:
    with atomic_path(Path(target)) as tmp:
        write_csv(frame, tmp)


def write_parquet_atomic(frame: pd.DataFrame, target: Path) -> None:
    """Parquet without pandas index metadata noise, so bytes depend only on the data."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.replace_schema_metadata(None)
    with atomic_path(Path(target)) as tmp:
        pq.write_table(table, tmp, compression="zstd", write_statistics=False)
