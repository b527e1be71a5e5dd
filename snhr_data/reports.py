"""The ``reports/`` folder: incremental notebook runs, outputs moved in whole, an index of what is there.

``build_reports`` runs ``notebooks/monthly_report.ipynb`` once per report month and
``notebooks/cross_year.ipynb`` once, in worker processes (``snhr_data.execution``)::

    reports/index.html                       links to every complete output below
    reports/<YYYY-MM>/monthly_report.ipynb   the executed notebook
    reports/<YYYY-MM>/monthly_report.html    its HTML rendering
    reports/<YYYY-MM>/figures/<chart>.png|svg|pdf|csv   each chart and the data it plots
    reports/cross-year/cross_year.ipynb|html, figures/
    reports/.build-state.json                each folder's key and files (not for readers)

Each run writes into its own ``.run-*`` folder, which then takes the place of the notebook's folder
in one step: a notebook's outputs appear together or not at all. A run is skipped when its key --
a hash of the notebook, its parameters, the table rows it reads (``build.report_digests``), its
manifest rows and the package source -- is the recorded one and its folder is as written. Folders
of reports no longer in the manifest, and what killed builds left, are removed.
"""
from __future__ import annotations

import html
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from . import __version__, paths, state
from .guard import BuildInterrupted, raise_if_interrupted, signals_deferred
from .io import atomic_path, output_folder_problem, remove_leftovers, swap_dir
from .notebooks import (CROSS_YEAR, CROSS_YEAR_DIR, MONTH_RE, MONTHLY, STAGING_PREFIX, Job, JobResult,
                        ParameterError, build_jobs, in_start_order, manifest_rows, report_months, run_job,
                        validate_month, worker_count)

if TYPE_CHECKING:
    from .execution import WorkerPool

LEFTOVER_PREFIXES = (STAGING_PREFIX, ".old-", ".index.html.", f".{state.STATE_FILE}.")
CHART_FORMATS = ("png", "svg", "pdf", "csv")


@dataclass
class ReportsBuild:
    """What ``build_reports`` did."""

    out_root: Path
    results: list[JobResult] = field(default_factory=list)  # the runs made, in the jobs' order
    up_to_date: list[str] = field(default_factory=list)  # folders whose key had not changed
    removed: list[str] = field(default_factory=list)  # stale folders and leftovers deleted

    @property
    def failed(self) -> list[JobResult]:
        return [r for r in self.results if not r.ok]


# ----------------------------------------------------------------------------- parameters


def checked_months(months: Sequence[str], raw_dir: Path | None = None) -> list[str]:
    """``months`` (default: every report of the manifest) checked against the manifest, duplicates collapsed."""
    available = report_months(raw_dir)
    if not available:
        raise ParameterError(f"{paths.shown(paths.manifest_path())}: lists no report; add one with `snhr-data add`")
    chosen = sorted({validate_month(m, "--month") for m in months}) if months else available
    unknown = [m for m in chosen if m not in available]
    if unknown:
        raise ParameterError(f"{paths.shown(paths.manifest_path())}: no report for {', '.join(unknown)}; "
                             f"the reports are {', '.join(available)}")
    return chosen


def checked_out_root(out_root: Path | None) -> Path:
    out_root = Path(out_root) if out_root is not None else paths.reports_dir()
    problem = output_folder_problem(out_root)
    if problem:
        raise ParameterError(problem)
    return out_root


# ----------------------------------------------------------------------------- keys


def job_keys(jobs: Sequence[Job], report_digests: Mapping[str, str]) -> dict[str, str]:
    """folder name -> key of each job: what its outputs depend on, hashed."""
    package = state.package_digest()
    notebooks = {name: state.file_sha256(paths.notebooks_dir() / name) for name in {j.notebook for j in jobs}}
    rows = {}
    for row in manifest_rows():
        rows.setdefault(row["report_month"], []).append(row)
    keys = {}
    for job in jobs:
        if job.notebook == MONTHLY:
            month = job.parameters["month"]
            data = {"rows": report_digests.get(month), "manifest": rows.get(month)}
        else:
            data = {"rows": report_digests, "manifest": rows}
        keys[job.name] = state.digest({"notebook": notebooks[job.notebook], "parameters": job.parameters,
                                       "data": data, "package": package})
    return keys


def is_current(out_root: Path, name: str, key: str, recorded: Mapping[str, dict]) -> bool:
    entry = recorded.get(name) or {}
    return entry.get("key") == key and state.unchanged(out_root / name, entry.get("files"))


# ----------------------------------------------------------------------------- the build


def build_reports(months: Sequence[str] | None = None, out_root: Path | None = None, *, cross_year: bool = True,
                  workers: int | None = None, progress: bool = True, force: bool = False,
                  reuse_kernels: bool = True, report_digests: Mapping[str, str] | None = None,
                  on_start=None, pool: WorkerPool | None = None) -> ReportsBuild:
    """Run the notebooks whose key changed (all with ``force``) and write the index.

    ``report_digests`` are the data stage's hashes per report (default: read from data/processed).
    ``pool``: workers already started (``snhr_data.execution.WorkerPool``), else a pool is started here.
    """
    from .build import current_report_digests

    months = checked_months(months or [])
    out_root = checked_out_root(out_root)
    out_root.mkdir(parents=True, exist_ok=True)
    done = ReportsBuild(out_root, removed=remove_leftovers(out_root, LEFTOVER_PREFIXES))
    recorded = dict(state.read_state(out_root).get("jobs", {}))
    done.removed += remove_stale(out_root, recorded)
    state.write_state(out_root, {"jobs": recorded})

    jobs = build_jobs(months, out_root, cross_year)
    keys = job_keys(jobs, report_digests if report_digests is not None else current_report_digests())
    to_run = [j for j in jobs if force or not is_current(out_root, j.name, keys[j.name], recorded)]
    done.up_to_date = [j.name for j in jobs if j not in to_run]
    if on_start is not None:
        on_start(len(to_run), len(done.up_to_date))
    results: dict[str, JobResult] = {}

    def keep(result: JobResult) -> None:
        raise_if_interrupted()
        results[result.job.name] = result
        if result.staged is not None:
            with signals_deferred():
                swap_dir(result.staged, out_root / result.job.name)
            recorded[result.job.name] = {"key": keys[result.job.name] if result.ok else None,
                                         "files": state.signatures(out_root / result.job.name)}
            state.write_state(out_root, {"jobs": recorded})
        bar.update(1)
        if not result.ok:
            bar.write(f"FAILED: {result.message}", file=sys.stderr)

    from tqdm import tqdm

    with tqdm(total=len(to_run), desc="notebooks", unit="nb", disable=not progress or not to_run,
              file=sys.stderr) as bar:
        try:
            ordered = in_start_order(to_run, stated_figures())
            if to_run and pool is not None:
                pool.run(run_job, ordered, keep)
            elif to_run:
                from .execution import run_in_workers

                run_in_workers(run_job, ordered, worker_count(workers, len(to_run)), reuse_kernels, keep)
        except BuildInterrupted as err:
            err.kept = [name for name, r in results.items() if r.staged is not None]
            raise
        finally:
            done.results = [results[j.name] for j in to_run if j.name in results]
            write_index(out_root, recorded, {r.job.name: r.message for r in done.failed})
    return done


def stated_figures(processed: Path | None = None) -> dict[str, float]:
    """Report month -> the figure rows ``data/processed`` holds for it: what its notebook draws, so what its run
    costs (a monthly report with its annual figures draws twice the charts of a press release; measured, the order
    is that of the runs' durations). Known on a fresh clone too, where no build has recorded anything yet
    (``notebooks.in_start_order`` starts the long ones first)."""
    import csv

    path = (Path(processed) if processed is not None else paths.processed_dir()) / "figures.csv"
    counts: dict[str, float] = {}
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                counts[row["report"]] = counts.get(row["report"], 0.0) + 1.0
    except (OSError, KeyError, csv.Error):  # no usable table: every job ties, month order (the build reports it)
        return {}
    return counts


def remove_stale(out_root: Path, recorded: dict[str, dict]) -> list[str]:
    """Delete the folders a build made for reports no longer in the manifest; forget outputs that are gone.

    Only folders recorded in the state file are deleted: an output folder may hold other things.
    """
    months = set(report_months())
    removed = []
    for name in sorted(recorded):
        folder = out_root / name
        if MONTH_RE.match(name) and name not in months and folder.is_dir():
            shutil.rmtree(folder)
            removed.append(name)
        if name in removed or not folder.is_dir():
            del recorded[name]
    return removed


# ----------------------------------------------------------------------------- index page


def complete_outputs(out_root: Path, recorded: Mapping[str, dict]) -> dict[str, list[str]]:
    """folder name -> its files, for every folder that is there as its run wrote it, of a report in the manifest."""
    months = set(report_months())
    return {name: sorted(entry["files"]) for name, entry in sorted(recorded.items())
            if (name in months or name == CROSS_YEAR_DIR) and state.unchanged(out_root / name, entry.get("files"))}


def index_html(outputs: Mapping[str, Sequence[str]], failures: Mapping[str, str]) -> str:
    """The index page: every complete output folder with its HTML, notebook and figures; failures named."""
    sections = []
    for name in sorted(set(outputs) | set(failures), key=lambda n: (n == CROSS_YEAR_DIR, n)):
        files = set(outputs.get(name, ()))
        notebook = CROSS_YEAR if name == CROSS_YEAR_DIR else MONTHLY
        title = "Cross-year comparison" if name == CROSS_YEAR_DIR else f"Monthly report {name}"
        links = [f'<a href="{name}/{f}">{label}</a>' for f, label in
                 [(notebook.replace(".ipynb", ".html"), "HTML"), (notebook, "notebook")] if f in files]
        charts = sorted({Path(f).stem for f in files if f.startswith("figures/") and f.endswith(".png")})
        items = "".join(
            f"<li>{html.escape(chart)}: " + " · ".join(
                f'<a href="{name}/figures/{chart}.{ext}">{ext.upper()}</a>'
                for ext in CHART_FORMATS if f"figures/{chart}.{ext}" in files) + "</li>" for chart in charts)
        failed = f'<p class="failed">Failed: {html.escape(failures[name])}</p>' if name in failures else ""
        body = (f"<p>{' · '.join(links)}</p><details><summary>{len(charts)} charts</summary><ul>{items}</ul></details>"
                if files else "")
        sections.append(f"<section><h2>{html.escape(title)}</h2>{failed}{body}</section>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>SNHR civilian death-toll reports: notebooks and charts</title>"
            "<style>body{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.4}"
            ".failed{color:#b00}</style></head><body>"
            "<h1>SNHR civilian death-toll reports: notebooks and charts</h1>"
            f"<p>Built by snhr_data {__version__} from the reports in data/raw. Counts are the civilian deaths "
            "SNHR documented: a minimum, not an estimate of all deaths.</p>"
            + "".join(sections) + "</body></html>\n")


def write_index(out_root: Path, recorded: Mapping[str, dict], failures: Mapping[str, str]) -> Path:
    """Write ``index.html`` (only when its text changes, so an up-to-date build touches nothing)."""
    target = Path(out_root) / "index.html"
    page = index_html(complete_outputs(out_root, recorded), failures)
    if not target.is_file() or target.read_text(encoding="utf-8") != page:
        with atomic_path(target) as tmp:
            tmp.write_text(page, encoding="utf-8")
    return target
