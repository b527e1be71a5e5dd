"""Writing tables: atomic (temp file + rename), deterministic bytes."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

import pandas as pd


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


def _format_value(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose float columns print integers without '.0' (counts stay counts in the CSV)."""
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
