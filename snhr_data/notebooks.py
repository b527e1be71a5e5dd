"""Running the notebooks: validated parameters, parallel papermill runs, HTML, an index page, goldens.

``build_reports`` executes ``notebooks/monthly_report.ipynb`` once per report month and
``notebooks/cross_year.ipynb`` once, in a pool of processes (papermill is not thread-safe), and
writes into ``reports/`` (or another folder)::

    reports/index.html                       links to everything below
    reports/<YYYY-MM>/monthly_report.ipynb   the executed notebook
    reports/<YYYY-MM>/monthly_report.html    its HTML rendering
    reports/<YYYY-MM>/figures/<chart>.png|svg|pdf|csv   each chart and the data it plots
    reports/cross-year/cross_year.ipynb|html, figures/

Outputs are byte-identical across rebuilds: papermill's and nbclient's timestamps are dropped from
the executed notebooks, charts are written with fixed metadata (``snhr_data.charts``), and the index
carries no date. A notebook that fails is reported with its parameters and the failing cell; the
others still run. The notebooks themselves load their data through ``load_report_data`` and
``load_cross_year_data``.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

import pandas as pd

from . import __version__, paths
from .io import atomic_path

MONTHLY = "monthly_report.ipynb"
CROSS_YEAR = "cross_year.ipynb"
CROSS_YEAR_DIR = "cross-year"
KERNEL_NAME = "python3"
CELL_TIMEOUT_S = 300
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FIGURE_SOURCES = ("processed", "raw")
CROSS_YEAR_DEFAULTS = {"years": [2020, 2023, 2024], "month_pairs": [["2020-11", "2024-11"], ["2023-12", "2024-12"]]}


class ParameterError(ValueError):
    """Notebook parameters that would not run as meant (e.g. a month given as a number)."""


# ----------------------------------------------------------------------------- parameters


def validate_month(value: object, name: str = "month") -> str:
    """``value`` if it is a 'YYYY-MM' string; a number (2024-01 read as YAML/int) is an error, not cast."""
    if not isinstance(value, str) or not MONTH_RE.match(value):
        raise ParameterError(f"{name} must be a string 'YYYY-MM' such as '2024-01'; got {value!r} "
                             f"({type(value).__name__})")
    return value


def validate_common(parameters: Mapping[str, object]) -> dict[str, object]:
    output_dir = parameters.get("output_dir", "")
    if not isinstance(output_dir, str):
        raise ParameterError(f"output_dir must be a string path ('' = do not save); got {output_dir!r}")
    figures_from = parameters.get("figures_from", "processed")
    if figures_from not in FIGURE_SOURCES:
        raise ParameterError(f"figures_from must be one of {', '.join(FIGURE_SOURCES)}; got {figures_from!r}")
    return {"output_dir": output_dir, "figures_from": figures_from}


def validate_parameters(notebook: str, parameters: Mapping[str, object]) -> dict[str, object]:
    """The parameters of ``notebook`` checked and completed; raises ``ParameterError`` naming the bad one."""
    known = {MONTHLY: {"month", "output_dir", "figures_from"},
             CROSS_YEAR: {"years", "month_pairs", "output_dir", "figures_from"}}
    if notebook not in known:
        raise ParameterError(f"unknown notebook {notebook!r}; expected {MONTHLY} or {CROSS_YEAR}")
    unknown = sorted(set(parameters) - known[notebook])
    if unknown:
        raise ParameterError(f"{notebook}: unknown parameter(s) {', '.join(unknown)}")
    checked = validate_common(parameters)
    if notebook == MONTHLY:
        return {"month": validate_month(parameters.get("month"), "month"), **checked}
    return {**validate_cross_year(parameters), **checked}


def validate_cross_year(parameters: Mapping[str, object]) -> dict[str, object]:
    """``years`` and ``month_pairs`` of the cross-year notebook, checked, defaults filled in."""
    years = parameters.get("years", CROSS_YEAR_DEFAULTS["years"])
    if not isinstance(years, (list, tuple)) or not years or not all(
            isinstance(y, int) and not isinstance(y, bool) and 1990 <= y <= 2100 for y in years):
        raise ParameterError(f"{CROSS_YEAR}: years must be a list of years as integers, e.g. [2023, 2024]; got {years!r}")
    pairs = parameters.get("month_pairs", CROSS_YEAR_DEFAULTS["month_pairs"])
    if not isinstance(pairs, (list, tuple)) or not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in pairs):
        raise ParameterError(f"{CROSS_YEAR}: month_pairs must be a list of [month, month] pairs; got {pairs!r}")
    pairs = [[validate_month(m, "month_pairs entry") for m in pair] for pair in pairs]
    return {"years": list(years), "month_pairs": pairs}


# ----------------------------------------------------------------------------- data for the notebooks


@dataclass
class ReportData:
    """What the monthly notebook draws from: one report's statements and everything around it."""

    month: str
    figures: pd.DataFrame
    stated: pd.DataFrame
    sources: dict[str, str]
    findings: pd.DataFrame


def load_figures_from(figures_from: str = "processed") -> pd.DataFrame:
    """The figures table: from ``data/processed`` (after a build) or extracted afresh from ``data/raw``.

    The regression tests use ``'raw'`` so that a changed raw report changes the notebooks' numbers
    even before anyone rebuilds ``data/processed``.
    """
    from .build import load_figures, raw_figures

    return raw_figures() if figures_from == "raw" else load_figures()


def report_sources() -> dict[str, str]:
    """report month -> source line (publication and date) for chart footers, from the raw manifest."""
    from .manifest import read_manifest
    from .charts import describe_reports

    return describe_reports(read_manifest(paths.raw_dir()))


def load_report_data(month: str, figures_from: str = "processed") -> ReportData:
    from .audit import findings_for_report, run_checks
    from .charts import statements

    month = validate_month(month)
    figures = load_figures_from(figures_from)
    known = sorted(set(figures["report"]))
    if month not in known:
        raise ParameterError(f"no report for {month} in the figures table; reports: {', '.join(known)}")
    stated = statements(figures[figures["report"] == month])
    findings = findings_for_report(run_checks(figures), month)
    return ReportData(month, figures, stated, report_sources(), findings)


def load_cross_year_data(figures_from: str = "processed") -> tuple[pd.DataFrame, dict[str, str]]:
    """The best statement of every figure across reports (``charts.best_statements``) and the sources."""
    from .charts import best_statements

    return best_statements(load_figures_from(figures_from)), report_sources()


def findings_table(findings: pd.DataFrame) -> pd.DataFrame:
    """The audit findings of a report, in the columns a reader needs."""
    columns = ["severity", "check", "period", "measure", "victim_group", "perpetrator", "governorate",
               "stated", "expected", "detail"]
    return findings[columns].reset_index(drop=True) if len(findings) else pd.DataFrame(columns=columns)


# ----------------------------------------------------------------------------- jobs


@dataclass(frozen=True)
class Job:
    """One notebook run: which notebook, with which parameters, into which folder."""

    notebook: str
    parameters: dict = field(hash=False)
    output: Path  # the executed notebook; charts go to ``output_dir`` of the parameters

    @property
    def name(self) -> str:
        return self.parameters.get("month") or CROSS_YEAR_DIR

    def describe(self) -> str:
        shown = {k: v for k, v in self.parameters.items() if k != "output_dir"}
        return f"{self.notebook} {json.dumps(shown, sort_keys=True)}"


@dataclass(frozen=True)
class JobResult:
    job: Job
    ok: bool
    seconds: float
    message: str = ""


def report_months() -> list[str]:
    """Every report month listed in ``data/raw/manifest.csv``."""
    from .manifest import read_manifest

    return sorted(set(read_manifest(paths.raw_dir())["report_month"]))


def build_jobs(months: Sequence[str], out_root: Path, cross_year: bool = True,
               figures_from: str = "processed") -> list[Job]:
    """Validated jobs: one monthly notebook per month, then the cross-year notebook."""
    jobs = []
    for month in months:
        out_dir = Path(out_root) / validate_month(month)
        jobs.append(Job(MONTHLY, validate_parameters(MONTHLY, {
            "month": month, "output_dir": str(out_dir), "figures_from": figures_from}), out_dir / MONTHLY))
    if cross_year:
        out_dir = Path(out_root) / CROSS_YEAR_DIR
        jobs.append(Job(CROSS_YEAR, validate_parameters(CROSS_YEAR, {
            **CROSS_YEAR_DEFAULTS, "output_dir": str(out_dir), "figures_from": figures_from}), out_dir / CROSS_YEAR))
    return jobs


def without_volatile_metadata(notebook) -> object:
    """Drop the timestamps, durations, paths and random cell id that papermill and nbclient add.

    Without this two runs of the same notebook on the same data differ in bytes.
    """
    pm = notebook.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "input_path", "output_path", "environment_variables"):
        pm.pop(key, None)
    for cell in notebook.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id
        cell.metadata.pop("execution", None)
        cell_pm = cell.metadata.get("papermill")
        if cell_pm is not None:
            for key in ("start_time", "end_time", "duration"):
                cell_pm.pop(key, None)
    return notebook


def execute(notebook: str, parameters: Mapping[str, object], output: Path) -> None:
    """Run ``notebooks/<notebook>`` with papermill into ``output`` (written atomically, timestamps dropped).

    The kernel name and a per-cell timeout are always passed; the kernel is shut down at once
    (papermill would otherwise sometimes wait 2.5 s for it). The executed notebook is written even
    when a cell fails, then the error is raised.
    """
    import nbformat
    import papermill

    parameters = validate_parameters(notebook, parameters)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    error = None
    with tempfile.TemporaryDirectory(prefix=".run-", dir=output.parent) as scratch_dir:
        scratch = Path(scratch_dir) / notebook
        try:
            papermill.execute_notebook(
                str(paths.notebooks_dir() / notebook), str(scratch), parameters=parameters,
                kernel_name=KERNEL_NAME, execution_timeout=CELL_TIMEOUT_S, progress_bar=False,
                cwd=str(paths.notebooks_dir()), shutdown_kernel="immediate")
        except papermill.PapermillExecutionError as err:
            error = err
        executed = without_volatile_metadata(nbformat.read(scratch, as_version=4))
    with atomic_path(output) as tmp:
        nbformat.write(executed, str(tmp))
    if error is not None:
        raise error


def write_html(notebook_path: Path) -> Path:
    """The executed notebook rendered as a standalone HTML page beside it."""
    import nbformat
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nbformat.read(notebook_path, as_version=4))
    target = notebook_path.with_suffix(".html")
    with atomic_path(target) as tmp:
        tmp.write_text(body, encoding="utf-8")
    return target


def failure_message(job: Job, err: BaseException) -> str:
    """Which notebook, with which parameters, failed in which cell, and why."""
    cell = ""
    if hasattr(err, "exec_count"):
        first_line = (getattr(err, "source", "") or "").strip().splitlines()[:1]
        cell = f" in cell [{err.exec_count}] ({first_line[0][:60] if first_line else 'empty'})"
        reason = f"{err.ename}: {err.evalue}"
    else:
        reason = f"{type(err).__name__}: {err}"
    return f"{job.describe()} failed{cell}: {reason}"


def run_job(job: Job, render: bool = True) -> JobResult:
    """Execute one job (its folder's stale figures removed first) and, if ``render``, its HTML page."""
    start = time.perf_counter()
    try:
        if job.parameters.get("output_dir"):
            shutil.rmtree(Path(job.parameters["output_dir"]) / "figures", ignore_errors=True)
        try:
            execute(job.notebook, job.parameters, job.output)
        finally:
            if render and job.output.exists():
                write_html(job.output)
    except Exception as err:  # a failed notebook must not stop the others: report it instead
        return JobResult(job, False, time.perf_counter() - start, failure_message(job, err))
    return JobResult(job, True, time.perf_counter() - start)


def worker_count(workers: int | None, n_jobs: int) -> int:
    """The processes to start: ``workers`` (default: the CPU cores), never more than the jobs, at least one."""
    return max(1, min(workers or os.cpu_count() or 1, n_jobs))


def run_jobs(jobs: Sequence[Job], workers: int | None = None, progress: bool = True) -> list[JobResult]:
    """Run ``jobs`` in a process pool with a progress bar; results in the jobs' order."""
    from tqdm import tqdm

    workers = worker_count(workers, len(jobs))
    results: dict[int, JobResult] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool, \
            tqdm(total=len(jobs), desc="notebooks", unit="nb", disable=not progress, file=sys.stderr) as bar:
        futures = {pool.submit(run_job, job): index for index, job in enumerate(jobs)}
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            bar.update(1)
            if not result.ok:
                bar.write(f"FAILED: {result.message}")
    return [results[index] for index in range(len(jobs))]


# ----------------------------------------------------------------------------- index page


def index_html(out_root: Path, failures: Mapping[str, str]) -> str:
    """The index page: every notebook folder under ``out_root`` with its HTML, notebook and figures."""
    sections = []
    folders = sorted(p for p in Path(out_root).iterdir() if p.is_dir() and
                     (MONTH_RE.match(p.name) or p.name == CROSS_YEAR_DIR))
    for folder in folders:
        notebook = MONTHLY if MONTH_RE.match(folder.name) else CROSS_YEAR
        stem = Path(notebook).stem
        title = f"Monthly report {folder.name}" if notebook == MONTHLY else "Cross-year comparison"
        links = [f'<a href="{folder.name}/{stem}.html">HTML</a>', f'<a href="{folder.name}/{notebook}">notebook</a>']
        charts = sorted({p.stem for p in (folder / "figures").glob("*.png")}) if (folder / "figures").is_dir() else []
        items = "".join(
            f"<li>{html.escape(chart)}: " + " · ".join(
                f'<a href="{folder.name}/figures/{chart}.{ext}">{ext.upper()}</a>' for ext in ("png", "svg", "pdf", "csv")
            ) + "</li>" for chart in charts)
        failed = (f'<p class="failed">Failed: {html.escape(failures[folder.name])}</p>'
                  if folder.name in failures else "")
        sections.append(f"<section><h2>{html.escape(title)}</h2>{failed}<p>{' · '.join(links)}</p>"
                        f"<details><summary>{len(charts)} charts</summary><ul>{items}</ul></details></section>")
    missing = [name for name in sorted(failures) if not (Path(out_root) / name).is_dir()]
    sections += [f'<section><h2>{html.escape(n)}</h2><p class="failed">Failed: {html.escape(failures[n])}</p></section>'
                 for n in missing]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>SNHR civilian death-toll reports: notebooks and charts</title>"
            "<style>body{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.4}"
            ".failed{color:#b00}</style></head><body>"
            "<h1>SNHR civilian death-toll reports: notebooks and charts</h1>"
            f"<p>Built by snhr_data {__version__} from the reports in data/raw. Counts are the civilian deaths "
            "SNHR documented: a minimum, not an estimate of all deaths.</p>"
            + "".join(sections) + "</body></html>\n")


def write_index(out_root: Path, results: Sequence[JobResult]) -> Path:
    failures = {r.job.name: r.message for r in results if not r.ok}
    target = Path(out_root) / "index.html"
    with atomic_path(target) as tmp:
        tmp.write_text(index_html(out_root, failures), encoding="utf-8")
    return target


def build_reports(months: Sequence[str] | None = None, out_root: Path | None = None, *, cross_year: bool = True,
                  workers: int | None = None, progress: bool = True) -> list[JobResult]:
    """Execute the notebooks for ``months`` (default: every report in data/raw) and write the index."""
    out_root = Path(out_root) if out_root is not None else paths.reports_dir()
    available = report_months()
    months = list(months) if months else available
    unknown = [m for m in months if validate_month(m) not in available]
    if unknown:
        raise ParameterError(f"no report in {paths.manifest_path()} for {', '.join(unknown)}; "
                             f"reports: {', '.join(available)}")
    results = run_jobs(build_jobs(months, out_root, cross_year), workers, progress)
    write_index(out_root, results)
    return results


# ----------------------------------------------------------------------------- goldens


def golden_dir() -> Path:
    return paths.golden_notebooks_dir()


def golden_jobs(target: Path | None = None) -> list[Job]:
    """One golden per notebook run the build makes, reading figures from data/raw and saving no files."""
    target = Path(target) if target is not None else golden_dir()
    jobs = [Job(MONTHLY, validate_parameters(MONTHLY, {"month": m, "figures_from": "raw"}),
                target / f"monthly_report_{m}.ipynb") for m in report_months()]
    jobs.append(Job(CROSS_YEAR, validate_parameters(CROSS_YEAR, {**CROSS_YEAR_DEFAULTS, "figures_from": "raw"}),
                    target / CROSS_YEAR))
    return jobs


CHECKED_TAG = "nbval-check-output"


def checked_outputs_only(notebook) -> object:
    """Clear the outputs of cells the regression tests do not compare (charts' images above all).

    nbval in lax mode compares only cells tagged ``nbval-check-output``; the other outputs would
    only make the goldens megabytes large and their diffs unreadable.
    """
    for cell in notebook.cells:
        if cell.cell_type == "code" and CHECKED_TAG not in cell.metadata.get("tags", []):
            cell.outputs = []
    return notebook


def run_golden(job: Job) -> JobResult:
    """Execute a golden notebook and keep only the outputs the tests compare."""
    import nbformat

    result = run_job(job, render=False)
    if job.output.exists():
        golden = checked_outputs_only(nbformat.read(job.output, as_version=4))
        with atomic_path(job.output) as tmp:
            nbformat.write(golden, str(tmp))
    return result


def regenerate_goldens(target: Path | None = None, workers: int | None = None) -> list[JobResult]:
    """Re-execute every golden notebook (``tests/golden/``) from the current package and raw reports."""
    jobs = golden_jobs(target)
    (Path(target) if target is not None else golden_dir()).mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=worker_count(workers, len(jobs))) as pool:
        return list(pool.map(run_golden, jobs))
