"""The data build: raw reports -> validated figures and derived tables in ``data/processed/``.

``build_data`` reads in three steps: load inputs (manifest, checksums, extraction) / process
(figure ids, derived tables, audit, validation against ``snhr_data.metadata``) / save outputs. It is
all-or-nothing: every file is first written into a temporary folder beside ``data/processed/`` and
moved into place only once everything has been built and validated, so a failing build leaves no
new or half-written file behind. Outputs are deterministic: the same raw files give the same bytes.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import pandas as pd

from . import paths
from .io import atomic_path, write_csv_atomic, write_parquet_atomic
from .manifest import ManifestError, verify_manifest
from .metadata import data_dictionary_markdown, datapackage, field_names, table_names, validate
from .tables import build_tables, with_figure_ids

Extractor = Callable[..., pd.DataFrame]
FIGURE_ORDER = ["report", "source_file", "line"]


class BuildError(ValueError):
    """The build cannot go on: bad raw input, or output that fails its schema."""


# ---------------------------------------------------------------- load inputs

def verified_manifest(raw_dir: Path) -> pd.DataFrame:
    """The manifest of ``raw_dir`` once every listed file is there and unedited (``snhr_data.manifest``)."""
    try:
        manifest = verify_manifest(raw_dir)
    except ManifestError as err:
        raise BuildError(str(err)) from err
    if manifest.empty:
        raise BuildError(f"{Path(raw_dir) / 'manifest.csv'}: lists no report; add one with `snhr-data add`")
    return manifest


def default_extractor() -> Extractor:
    from .extract import extract_figures

    return extract_figures


def extract_report(path: Path, report_month: str, extract: Extractor, kind: str) -> pd.DataFrame:
    """The figures of one raw report, checked against its manifest row, with its ``kind`` as ``source_kind``."""
    try:
        figures = extract(path, strict=True, month=report_month)  # the manifest's month dates a text naming none
    except (ValueError, OSError) as err:
        raise BuildError(f"{path}: extraction failed: {err}") from err
    if figures.empty:
        raise BuildError(f"{path}: no figure extracted")
    missing = [c for c in field_names("figures") if c not in {"figure_id", "source_kind"} and c not in figures.columns]
    if missing:
        raise BuildError(f"{path}: the extractor returned no column(s) {', '.join(missing)}")
    reports = sorted(set(figures["report"]))
    if reports != [report_month]:
        raise BuildError(f"{path}: the text gives report month(s) {', '.join(map(str, reports))}, "
                         f"manifest.csv says {report_month}")
    wrong_files = sorted(set(figures["source_file"]) - {path.name})
    if wrong_files:
        raise BuildError(f"{path}: figures name source_file {', '.join(wrong_files)} instead of {path.name}")
    return figures.assign(source_kind=kind)


def extract_all(manifest: pd.DataFrame, raw_dir: Path, extract: Extractor) -> pd.DataFrame:
    """Every report of the manifest, concatenated, sorted by report, file and line, with figure ids."""
    frames = [extract_report(raw_dir / row["file"], row["report_month"], extract, row["kind"])
              for row in manifest.to_dict("records")]
    figures = pd.concat(frames, ignore_index=True)
    figures = figures.sort_values(FIGURE_ORDER, kind="stable").reset_index(drop=True)
    columns = [c for c in field_names("figures") if c != "figure_id"]
    return with_figure_ids(figures[columns])


def raw_figures(raw_dir: Path | None = None) -> pd.DataFrame:
    """The figures extracted afresh from the verified reports of ``raw_dir`` (default: data/raw), unvalidated."""
    raw_dir = Path(raw_dir) if raw_dir is not None else paths.raw_dir()
    return extract_all(verified_manifest(raw_dir), raw_dir, default_extractor())


# ---------------------------------------------------------------- process

def processed_tables(figures: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The figures, every derived table and the audit's discrepancies, each validated against its schema."""
    from .audit import run_checks

    figures = validate("figures", figures)
    tables = {"figures": figures, **build_tables(figures), "discrepancies": run_checks(figures)}
    return {name: validate(name, frame) for name, frame in tables.items()}


# ---------------------------------------------------------------- save outputs

def write_json_atomic(descriptor: dict, target: Path) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_outputs(tables: dict[str, pd.DataFrame], descriptor: dict, out_dir: Path) -> dict[str, Path]:
    """Write every file into a temporary folder, then move them all into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir.parent))
    try:
        for name, frame in tables.items():
            write_csv_atomic(frame, staging / f"{name}.csv")
            write_parquet_atomic(frame, staging / f"{name}.parquet")
        write_json_atomic(descriptor, staging / "datapackage.json")
        written = {}
        for staged in sorted(staging.iterdir()):
            os.replace(staged, out_dir / staged.name)
            written[staged.name] = out_dir / staged.name
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build_data(raw_dir: Path | None = None, out_dir: Path | None = None, *,
               extract: Extractor | None = None) -> dict[str, Path]:
    """Build ``data/processed/`` from ``data/raw/``; returns file name -> path of every file written.

    ``extract`` defaults to ``snhr_data.extract.extract_figures`` (called with ``strict=True``).
    Raises ``BuildError`` (naming the file) on edited or missing raw files, failed extraction, a report
    month that disagrees with the manifest, or a table that fails its schema; nothing is written then.
    """
    raw_dir = Path(raw_dir) if raw_dir is not None else paths.raw_dir()
    out_dir = Path(out_dir) if out_dir is not None else paths.processed_dir()

    # load inputs
    manifest = verified_manifest(raw_dir)
    figures = extract_all(manifest, raw_dir, extract or default_extractor())

    # process
    try:
        tables = processed_tables(figures)
    except ValueError as err:
        raise BuildError(str(err)) from err
    descriptor = datapackage(manifest)

    # save outputs
    return write_outputs(tables, descriptor, out_dir)


# ---------------------------------------------------------------- loading the processed data

def load_table(name: str, processed: Path | None = None) -> pd.DataFrame:
    """Processed table ``name`` (``figures``, ``totals``, ...) from its Parquet file."""
    if name not in table_names():
        raise ValueError(f"unknown table {name!r}; the tables are: {', '.join(table_names())}")
    path = (Path(processed) if processed is not None else paths.processed_dir()) / f"{name}.parquet"
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist: run `snhr-data build-data` (or `make data`) first")
    return pd.read_parquet(path)


def load_figures(processed: Path | None = None) -> pd.DataFrame:
    """The figures table (one row per stated figure, with provenance)."""
    return load_table("figures", processed)


def data_dictionary_path() -> Path:
    return paths.data_dictionary_path()


def write_data_dictionary(target: Path | None = None) -> Path:
    """Regenerate ``docs/data_dictionary.md`` from ``snhr_data.metadata``."""
    target = Path(target) if target is not None else data_dictionary_path()
    with atomic_path(target) as tmp:
        tmp.write_text(data_dictionary_markdown(), encoding="utf-8")
    return target
