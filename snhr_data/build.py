"""The data build: raw reports -> validated figures and derived tables in ``data/processed/``.

``build_data`` reads in three steps: load inputs (manifest, checksums, extraction) / process
(figure ids, derived tables, audit, validation against ``snhr_data.metadata``) / save outputs. It is
all-or-nothing: every file is first written into a folder beside ``data/processed/``
(``data/.build-*``), which then takes the place of ``data/processed/`` in one step
(``io.swap_dir``): a reader sees the old tables or the new ones, never a mix, and a failing build
leaves nothing behind. Outputs are deterministic: the same raw files give the same bytes.

It is also incremental (``data_stage``): the key of a build is a hash of the raw files, the
package's source and the extractor; when the key recorded in ``data/processed/.build-state.json``
matches and the tables are still as written, nothing runs. The state also records, per report, a
hash of every table row that rests on it: the notebooks' keys (``snhr_data.notebooks``). When it
runs, only the reports that are new or changed (or all, when the reading code or grammar changed) are
read again: the others' figures come from the extraction cache (``snhr_data.figure_cache``).
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import paths, state
from .guard import raise_if_interrupted, signals_deferred
from .io import atomic_path, output_folder_problem, remove_leftovers, staging_dir, swap_dir

if TYPE_CHECKING:
    import pandas as pd

    from .figure_cache import FigureCache, MemoryFigureCache, Warned

Extractor = Callable[..., "pd.DataFrame"]
FIGURE_ORDER = ["report", "source_file", "line"]
STAGING_PREFIX = ".build-"


class BuildError(ValueError):
    """The build cannot go on: bad raw input, or output that fails its schema."""


# ---------------------------------------------------------------- load inputs

def verified_manifest(raw_dir: Path) -> pd.DataFrame:
    """The manifest of ``raw_dir`` once every listed file is there and unedited (``snhr_data.manifest``)."""
    from .manifest import ManifestError, verify_manifest

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


def read_figures(item: tuple[Path, str, Extractor]) -> tuple[pd.DataFrame, Warned]:
    """What the extractor returns for one report (path, report month, extractor), and the warnings it gave."""
    import warnings

    from .figure_cache import recorded_warnings

    path, report_month, extract = item
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            figures = extract(path, strict=True, month=report_month)  # the manifest's month dates a text naming none
        except (ValueError, OSError) as err:
            raise BuildError(f"{path}: extraction failed: {err}") from err
    return figures, recorded_warnings(caught)


def checked_figures(figures: pd.DataFrame, path: Path, report_month: str, kind: str) -> pd.DataFrame:
    """The figures of one report checked against its manifest row, with its ``kind`` as ``source_kind``."""
    from .metadata import field_names

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


PARALLEL_FROM = 8  # reports; fewer are read faster in this process than workers start


def _read_item(item: tuple[int, tuple[Path, str, Extractor]]) -> tuple[int, tuple[pd.DataFrame, Warned]]:
    return item[0], read_figures(item[1])


@dataclass(frozen=True)
class ReportFile:
    """One report to extract: its file, the manifest's month and kind, and its extraction-cache key (or None)."""

    path: Path
    month: str
    kind: str
    key: str | None = None


def extracted(reports: list[ReportFile], extract: Extractor,
              cache: FigureCache | MemoryFigureCache | None = None, refresh: bool = False) -> list[pd.DataFrame]:
    """The checked figures of each report, in order.

    With a ``cache``, a report whose key has an entry is not read again (unless ``refresh``); the others
    are read, in worker processes when there are many, and stored; entries of other keys are deleted.
    """
    import os

    from .execution import run_in_workers
    from .figure_cache import warn_again

    found: dict[int, tuple[pd.DataFrame, Warned]] = {}
    if cache is not None and not refresh:
        found = {i: hit for i, report in enumerate(reports) if (hit := cache.get(report.key)) is not None}
    todo = [(i, (report.path, report.month, extract)) for i, report in enumerate(reports) if i not in found]

    def keep(done: tuple[int, tuple[pd.DataFrame, Warned]]) -> None:
        found[done[0]] = done[1]
        if cache is not None:
            cache.put(reports[done[0]].key, *done[1])

    workers = min(os.cpu_count() or 1, len(todo))
    if len(todo) < PARALLEL_FROM or workers < 2:
        for item in todo:
            keep(_read_item(item))
    else:
        run_in_workers(_read_item, todo, workers, False, keep)
    if cache is not None:
        cache.keep_only({report.key for report in reports})
    frames = []
    for i, report in enumerate(reports):
        figures, warned = found[i]
        warn_again(warned)
        frames.append(checked_figures(figures, report.path, report.month, report.kind))
    return frames


def extract_all(manifest: pd.DataFrame, raw_dir: Path, extract: Extractor,
                cache: FigureCache | MemoryFigureCache | None = None, refresh: bool = False) -> pd.DataFrame:
    """Every report of the manifest, concatenated, sorted by report, file and line, with figure ids.

    ``cache``, ``refresh``: the extraction cache (``snhr_data.figure_cache``), see ``extracted``.
    """
    import pandas as pd

    from .figure_cache import entry_key, reader_fingerprint
    from .metadata import field_names
    from .tables import with_figure_ids

    fingerprint = reader_fingerprint() if cache is not None else ""
    reports = [ReportFile(raw_dir / row["file"], row["report_month"], row["kind"],
                          entry_key(row, fingerprint) if cache is not None else None)
               for row in manifest.to_dict("records")]
    figures = pd.concat(extracted(reports, extract, cache, refresh), ignore_index=True)
    figures = figures.sort_values(FIGURE_ORDER, kind="stable").reset_index(drop=True)
    columns = [c for c in field_names("figures") if c != "figure_id"]
    return with_figure_ids(figures[columns])


def raw_figures(raw_dir: Path | None = None) -> pd.DataFrame:
    """The figures extracted afresh from the verified reports of ``raw_dir`` (default: data/raw), unvalidated. A
    report this process read before with the same file, manifest row and reader is not read again (its warnings are
    given again): the notebooks of a kernel each ask for every report."""
    raw_dir = Path(raw_dir) if raw_dir is not None else paths.raw_dir()
    return extract_all(verified_manifest(raw_dir), raw_dir, default_extractor(), figures_read_here())


@functools.cache
def figures_read_here() -> MemoryFigureCache:
    """The figures this process read from data/raw (``raw_figures``)."""
    from .figure_cache import MemoryFigureCache

    return MemoryFigureCache()


# ---------------------------------------------------------------- process

def processed_tables(figures: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The figures, every derived table and the audit's discrepancies, each validated against its schema."""
    from .audit import run_checks
    from .metadata import validate
    from .tables import build_tables

    figures = validate("figures", figures)  # once: the tables below are derived from it and leave it as it is
    derived = {**build_tables(figures), "discrepancies": run_checks(figures)}
    return {"figures": figures, **{name: validate(name, frame) for name, frame in derived.items()}}


# ---------------------------------------------------------------- save outputs

def write_json_atomic(descriptor: dict, target: Path) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def report_digests(tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """report month -> hash of every table row resting on it (``report`` or ``reports`` column).

    A notebook about one report depends on these rows only, so adding a report leaves the other
    months' keys unchanged. Rows of a table with neither column go into every report's hash. A row
    is hashed as written to its CSV file, so the tables of a build and those read back from
    ``data/processed`` give the same hashes.
    """
    import csv

    from .io import write_csv

    shared, parts = [], {}
    for name, frame in sorted(tables.items()):
        buffer = StringIO()
        write_csv(frame, buffer)
        header, *rows = csv.reader(StringIO(buffer.getvalue()))
        if "report" in frame.columns:
            months = [[m] for m in frame["report"].astype(str).tolist()]
        elif "reports" in frame.columns:
            months = [m.split(";") for m in frame["reports"].astype(str).tolist()]
        else:
            shared.append(state.digest([name, header, rows]))
            continue
        by_month: dict[str, list[list[str]]] = {}
        for row, row_months in zip(rows, months):
            for month in row_months:
                by_month.setdefault(month, []).append(row)
        for month, month_rows in by_month.items():
            parts.setdefault(month, []).append(state.digest([name, header, month_rows]))
    return {month: state.digest([digests, shared]) for month, digests in sorted(parts.items())}


def write_outputs(tables: dict[str, pd.DataFrame], descriptor: dict, out_dir: Path,
                  recorded: dict[str, object] | None = None) -> dict[str, Path]:
    """Write every file into a folder beside ``out_dir``, then swap that folder in for ``out_dir``.

    ``recorded`` (the build key and report hashes) goes into the state file with the files' signatures.
    """
    from .io import write_csv_atomic, write_parquet_atomic

    out_dir = Path(out_dir)
    with staging_dir(out_dir, STAGING_PREFIX) as staging:
        for name, frame in tables.items():
            write_csv_atomic(frame, staging / f"{name}.csv")
            write_parquet_atomic(frame, staging / f"{name}.parquet")
        write_json_atomic(descriptor, staging / "datapackage.json")
        files = state.signatures(staging)
        state.write_state(staging, {**(recorded or {}), "files": files})
        raise_if_interrupted()
        with signals_deferred():
            swap_dir(staging, out_dir)
    return {name: out_dir / name for name in files}


@dataclass(frozen=True)
class DataStage:
    """What the data stage did: the files of ``data/processed`` and whether it rebuilt them."""

    files: dict[str, Path]
    rebuilt: bool
    state: dict


def data_key(raw_dir: Path, extract: Extractor | None) -> str:
    """The hash of everything the data build depends on: raw files, package source, extractor."""
    name = "default" if extract is None else f"{extract.__module__}.{extract.__qualname__}"
    return state.digest({"raw": state.folder_digests(raw_dir), "package": state.package_digest(), "extract": name})


def is_current(out_dir: Path, key: str, recorded: dict) -> bool:
    """Whether ``out_dir`` was built from ``key`` (its recorded state) and its files are as written."""
    return recorded.get("key") == key and state.unchanged(out_dir, recorded.get("files"))


def data_is_current(raw_dir: Path | None = None, out_dir: Path | None = None) -> bool:
    """Whether ``data_stage`` (default extractor, no ``force``) would leave ``data/processed`` as it is."""
    raw_dir = Path(raw_dir) if raw_dir is not None else paths.raw_dir()
    out_dir = Path(out_dir) if out_dir is not None else paths.processed_dir()
    return is_current(out_dir, data_key(raw_dir, None), state.read_state(out_dir))


def data_stage(raw_dir: Path | None = None, out_dir: Path | None = None, *, extract: Extractor | None = None,
               force: bool = False) -> DataStage:
    """Build ``data/processed/`` unless its recorded key is current and its files untouched (or ``force``)."""
    raw_dir = Path(raw_dir) if raw_dir is not None else paths.raw_dir()
    out_dir = Path(out_dir) if out_dir is not None else paths.processed_dir()
    problem = output_folder_problem(out_dir)
    if problem:
        raise BuildError(problem)
    if not (raw_dir / "manifest.csv").is_file():
        raise BuildError(f"{paths.shown(raw_dir / 'manifest.csv')}: not found; add reports with `snhr-data add`")
    remove_leftovers(out_dir.parent, (STAGING_PREFIX, f".old-{out_dir.name}-"))  # of killed builds
    key = data_key(raw_dir, extract)
    recorded = state.read_state(out_dir)
    if not force and is_current(out_dir, key, recorded):
        return DataStage({name: out_dir / name for name in recorded["files"]}, False, recorded)

    # load inputs
    from .figure_cache import CACHE_DIR, FigureCache

    manifest = verified_manifest(raw_dir)
    cache = FigureCache(out_dir.parent / CACHE_DIR) if extract is None else None  # (another extractor: no cache)
    figures = extract_all(manifest, raw_dir, extract or default_extractor(), cache, refresh=force)
    from .pattern_cache import save as keep_patterns

    keep_patterns()  # the programs of the patterns compiled here that were not kept yet (snhr_data.pattern_cache)

    # process
    from .metadata import datapackage

    try:
        tables = processed_tables(figures)
    except ValueError as err:
        raise BuildError(str(err)) from err
    descriptor = datapackage(manifest)

    # save outputs
    new_state = {"key": key, "reports": report_digests(tables)}
    try:
        written = write_outputs(tables, descriptor, out_dir, new_state)
    except PermissionError as err:
        raise BuildError(f"{paths.shown(Path(err.filename or out_dir))}: permission denied; make it writable "
                         f"(chmod -R u+w {paths.shown(out_dir.parent)}) and build again") from err
    return DataStage(written, True, state.read_state(out_dir))


def current_report_digests(processed: Path | None = None) -> dict[str, str]:
    """The per-report hashes of ``data/processed``: as recorded when its files are untouched, else recomputed."""
    from .metadata import table_names

    processed = Path(processed) if processed is not None else paths.processed_dir()
    recorded = state.read_state(processed)
    if "reports" in recorded and state.unchanged(processed, recorded.get("files")):
        return recorded["reports"]
    return report_digests({name: load_table(name, processed) for name in table_names()})


def build_data(raw_dir: Path | None = None, out_dir: Path | None = None, *,
               extract: Extractor | None = None, force: bool = False) -> dict[str, Path]:
    """Build ``data/processed/`` from ``data/raw/``; returns file name -> path of every file it holds.

    ``extract`` defaults to ``snhr_data.extract.extract_figures`` (called with ``strict=True``).
    Raises ``BuildError`` (naming the file) on edited or missing raw files, failed extraction, a report
    month that disagrees with the manifest, or a table that fails its schema; nothing is written then.
    An up-to-date ``data/processed`` is left as it is unless ``force``.
    """
    return data_stage(raw_dir, out_dir, extract=extract, force=force).files


# ---------------------------------------------------------------- loading the processed data

def load_table(name: str, processed: Path | None = None) -> pd.DataFrame:
    """Processed table ``name`` (``figures``, ``totals``, ...) from its Parquet file."""
    import pandas as pd

    from .metadata import table_names

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
    from .metadata import data_dictionary_markdown

    target = Path(target) if target is not None else data_dictionary_path()
    with atomic_path(target) as tmp:
        tmp.write_text(data_dictionary_markdown(), encoding="utf-8")
    return target
