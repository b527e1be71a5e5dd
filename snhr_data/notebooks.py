"""The notebooks: validated parameters, the data they draw from, one run of one notebook, goldens.

A ``Job`` is one notebook with its parameters; ``run_job`` executes it (in the worker's kernel,
``snhr_data.execution``) into a fresh ``.run-*`` folder with its HTML page, for
``snhr_data.reports`` to move into place. Executed notebooks are byte-identical across rebuilds and
checkouts: papermill's and nbclient's timestamps and random ids are dropped, charts are written
with fixed metadata (``snhr_data.charts``), and paths are relative. A notebook that fails is reported
with its parameters and the failing cell. The notebooks themselves load their data through
``load_report_data`` and ``load_cross_year_data``.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from . import paths, state
from .execution import KERNEL_NAME
from .io import atomic_path

if TYPE_CHECKING:
    import pandas as pd

MONTHLY = "monthly_report.ipynb"
CROSS_YEAR = "cross_year.ipynb"
CROSS_YEAR_DIR = "cross-year"
KERNEL_LANGUAGE = "ipython3"  # the pygments lexer of the notebooks' python3 kernel
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FIGURE_SOURCES = ("processed", "raw")
CROSS_YEAR_DEFAULTS = {"years": [2020, 2023, 2024], "month_pairs": [["2020-11", "2024-11"], ["2023-12", "2024-12"]]}


class ParameterError(ValueError):
    """Notebook parameters that would not run as meant (e.g. a month given as a number)."""


# ----------------------------------------------------------------------------- parameters


def validate_month(value: object, name: str = "month") -> str:
    """``value`` if it is a 'YYYY-MM' string; a number (2024-01 read as YAML/int) is an error, not cast."""
    if isinstance(value, str) and MONTH_RE.match(value):
        return value
    if isinstance(value, str):
        raise ParameterError(f"{name} {value!r} is not a month: write it as YYYY-MM with a month 01-12, e.g. '2024-01'")
    raise ParameterError(f"{name} must be a string 'YYYY-MM' such as '2024-01'; got {value!r} "
                         f"({type(value).__name__})")


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
    stated: pd.DataFrame
    sources: dict[str, str]
    findings: pd.DataFrame


_PARSED: dict[str, tuple[str, pd.DataFrame]] = {}  # table name -> (sha256 of its file, the table)


def processed_table(name: str) -> pd.DataFrame:
    """Table ``name`` of ``data/processed``, parsed once per process while its file is unchanged.

    A build's kept kernel runs hundreds of notebooks on the same tables: reading the file's bytes to
    hash them costs a fraction of parsing them again. The caller gets its own frame (copy on write).
    """
    from .build import load_table

    path = paths.processed_dir() / f"{name}.parquet"
    if not path.is_file():
        return load_table(name)  # raises, naming the command that makes it
    key = state.file_sha256(path)
    if _PARSED.get(name, ("", None))[0] != key:
        _PARSED[name] = (key, load_table(name))
    return _PARSED[name][1].copy(deep=False)


def load_figures_from(figures_from: str = "processed") -> pd.DataFrame:
    """The figures table: from ``data/processed`` (after a build) or extracted afresh from ``data/raw``.

    The regression tests use ``'raw'`` so that a changed raw report changes the notebooks' numbers
    even before anyone rebuilds ``data/processed``.
    """
    from .build import raw_figures

    return raw_figures() if figures_from == "raw" else processed_table("figures")


def audit_findings(figures: pd.DataFrame, figures_from: str = "processed") -> pd.DataFrame:
    """The audit of ``figures``: the data stage's ``discrepancies`` table, or (raw) the checks run afresh.

    The audit compares every report with the others, so running it costs time in proportion to the
    archive: the data stage runs it once, and each notebook reads its result.
    """
    from .audit import run_checks

    return run_checks(figures) if figures_from == "raw" else processed_table("discrepancies")


def load_series(figures_from: str = "processed") -> pd.DataFrame:
    """The series of every count across reports: the data stage's ``series`` table, or (raw) built afresh."""
    from .series import build_series

    return build_series(load_figures_from(figures_from)) if figures_from == "raw" else processed_table("series")


def report_sources() -> dict[str, str]:
    """report month -> source line (publication and date) for chart footers, from the raw manifest."""
    from .manifest import read_manifest
    from .charts import describe_reports

    return describe_reports(read_manifest(paths.raw_dir()))


def warm_up() -> None:
    """What a kernel's first notebook pays for besides its charts, paid in the kernel's warm-up
    (``execution.CHARTS_WARM_CODE``): the modules the notebooks' data come through (pandas' Parquet reader over
    pyarrow's datasets, the audit's and the build's modules) and the label vocabularies, checked once per process."""
    import io

    import pandas as pd

    from . import audit, build, manifest, series  # noqa: F401 - imported by the loaders above
    from .codes import load_vocab

    buffer = io.BytesIO()
    pd.DataFrame({"report": ["2020-05"], "value": [1.0]}).to_parquet(buffer)
    pd.read_parquet(io.BytesIO(buffer.getvalue())).to_csv(io.StringIO())
    for name in ("perpetrators", "governorates"):
        load_vocab(name)


def load_report_data(month: str, figures_from: str = "processed") -> ReportData:
    from .audit import findings_for_report
    from .charts import statements

    month = validate_month(month)
    figures = load_figures_from(figures_from)
    known = sorted(set(figures["report"]))
    if month not in known:
        raise ParameterError(f"no report for {month} in the figures table; reports: {', '.join(known)}")
    stated = statements(figures[figures["report"] == month])
    findings = findings_for_report(audit_findings(figures, figures_from), month)
    return ReportData(month, stated, report_sources(), findings)


def load_cross_year_data(figures_from: str = "processed") -> tuple[pd.DataFrame, dict[str, str]]:
    """The best statement of every figure across reports (``charts.best_statements``) and the sources."""
    from .charts import best_statements

    return best_statements(load_figures_from(figures_from)), report_sources()


def findings_table(findings: pd.DataFrame) -> pd.DataFrame:
    """The audit findings of a report, in the columns a reader needs."""
    import pandas as pd

    columns = ["severity", "check", "period", "measure", "victim_group", "perpetrator", "governorate",
               "stated", "expected", "detail"]
    return findings[columns].reset_index(drop=True) if len(findings) else pd.DataFrame(columns=columns)


# ----------------------------------------------------------------------------- jobs


@dataclass(frozen=True)
class Job:
    """One notebook run: which notebook, with which parameters, into which file.

    A build job's charts go to ``output_dir`` of its parameters, a path relative to the folder of
    ``output`` (``"."``): the executed notebook then names no absolute path, and re-running it where
    it lies writes its charts beside it.
    """

    notebook: str
    parameters: dict = field(hash=False)
    output: Path

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
    staged: Path | None = None  # the folder holding the run's outputs, to be moved into place


def report_months(raw_dir: Path | None = None) -> list[str]:
    """Every report month listed in ``data/raw/manifest.csv`` (read without pandas: the CLI must start fast)."""
    return sorted({row["report_month"] for row in manifest_rows(raw_dir)})


def manifest_rows(raw_dir: Path | None = None) -> list[dict[str, str]]:
    """The rows of ``manifest.csv`` as text ([] when there is none yet)."""
    import csv

    path = (Path(raw_dir) if raw_dir is not None else paths.raw_dir()) / "manifest.csv"
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            return [row for row in csv.DictReader(handle) if row.get("report_month")]
    except FileNotFoundError:
        return []


def build_jobs(months: Sequence[str], out_root: Path, cross_year: bool = True,
               figures_from: str = "processed") -> list[Job]:
    """Validated jobs: one monthly notebook per month, then the cross-year notebook."""
    jobs = []
    for month in months:
        out_dir = Path(out_root) / validate_month(month)
        jobs.append(Job(MONTHLY, validate_parameters(MONTHLY, {
            "month": month, "output_dir": ".", "figures_from": figures_from}), out_dir / MONTHLY))
    if cross_year:
        out_dir = Path(out_root) / CROSS_YEAR_DIR
        jobs.append(Job(CROSS_YEAR, validate_parameters(CROSS_YEAR, {
            **CROSS_YEAR_DEFAULTS, "output_dir": ".", "figures_from": figures_from}), out_dir / CROSS_YEAR))
    return jobs


def in_start_order(jobs: Sequence[Job], costs: Mapping[str, float] | None = None) -> list[Job]:
    """``jobs`` in the order to start them: the cross-year notebook first, then the others longest first.

    The cross-year notebook reads the whole archive and is the longest run; started last (the order of
    ``build_jobs``) it runs alone at the end while every other worker waits. The monthly notebooks follow
    by ``costs`` (job name -> what its run costs, e.g. the figures its report states: a monthly
    report and its annual figures draw twice the charts of a press release), largest first, so that the
    short ones are left for the end and the workers finish together; a job without a cost counts as none,
    ties keep month order.
    """
    def order(job: Job) -> tuple:
        return (job.notebook != CROSS_YEAR, -(costs or {}).get(job.name, 0.0))

    return sorted(jobs, key=order)


def without_volatile_metadata(notebook) -> object:
    """Drop the timestamps, durations, paths and random cell id that papermill and nbclient add.

    Without this two runs of the same notebook on the same data differ in bytes.
    """
    pm = notebook.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "input_path", "output_path", "environment_variables"):
        pm.pop(key, None)
    for index, cell in enumerate(notebook.cells):
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags:
            cell["id"] = "injected-parameters"  # papermill gives it a random id
        if "papermill-error-cell-tag" in tags:
            cell["id"] = f"papermill-error-{index}"  # so do the banners it adds to a failed notebook
        cell.metadata.pop("execution", None)
        cell_pm = cell.metadata.get("papermill")
        if cell_pm is not None:
            for key in ("start_time", "end_time", "duration"):
                cell_pm.pop(key, None)
    return notebook


def without_local_paths(text: str, cwd: Path) -> str:
    """``text`` with the checkout's, the run folder's and the home folder's absolute paths made relative.

    They appear only in the tracebacks of failed cells, but would make outputs differ between
    checkouts and show a user's home folder in a shared report.
    """
    text = text.replace(str(cwd), ".")
    for prefix, shown in [(str(paths.project_root()), "."), (str(Path.home()), "~")]:
        text = text.replace(prefix + "/", shown + "/")
    return text


def execute(notebook: str, parameters: Mapping[str, object], output: Path) -> None:
    """Run ``notebooks/<notebook>`` in this process's kernel, from the folder of ``output``, into ``output``.

    The executed notebook (timestamps and local paths dropped) is written even when a cell fails;
    then papermill's ``PapermillExecutionError`` is raised, naming the cell.
    """
    import nbformat
    from papermill.execute import raise_for_execution_errors

    from .execution import execute_in_worker

    parameters = validate_parameters(notebook, parameters)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    executed = execute_in_worker(paths.notebooks_dir() / notebook, parameters, output.parent)
    error = None
    try:
        raise_for_execution_errors(executed, None)  # adds papermill's error banner cells on failure
    except Exception as err:  # papermill raises PapermillExecutionError; kept to report after writing
        error = err
    executed = without_volatile_metadata(executed)
    with atomic_path(output) as tmp:
        tmp.write_text(without_local_paths(nbformat.writes(executed), output.parent) + "\n", encoding="utf-8")
    if error is not None:
        raise error


@lru_cache(maxsize=None)
def html_exporter():
    """One nbconvert exporter per process: a new one compiles its Jinja templates again for every page.

    Its two filters that are pure functions of a string, syntax highlighting and HTML cleaning (a third of
    a page's cost), keep their results: the notebooks of a build share every code cell but the parameters.
    """
    from nbconvert import HTMLExporter
    from nbconvert.filters import clean_html

    return HTMLExporter(template_name="lab", filters={"clean_html": lru_cache(maxsize=HTML_MEMO)(clean_html),
                                                      "highlight_code": kept_highlighting()})


HTML_MEMO = 1024  # distinct cell sources and HTML outputs kept by the exporter's filters


def kept_highlighting():
    """nbconvert's ``highlight_code`` filter for Python cells, its result kept per source, language and metadata."""
    import json

    from nbconvert.filters.highlight import Highlight2HTML

    highlight = Highlight2HTML(pygments_lexer=KERNEL_LANGUAGE)

    @lru_cache(maxsize=HTML_MEMO)
    def kept(source: str, language: str | None, metadata: str) -> str:
        return highlight(source, language, json.loads(metadata))

    def highlight_code(source: str, language: str | None = None, metadata=None) -> str:
        return kept(source, language, json.dumps(metadata, sort_keys=True, default=str))

    return highlight_code


def write_html(notebook_path: Path) -> Path:
    """The executed notebook rendered as a standalone HTML page beside it."""
    import nbformat

    body, _ = html_exporter().from_notebook_node(nbformat.read(notebook_path, as_version=4))
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


STAGING_PREFIX = ".run-"


def run_job(job: Job) -> JobResult:
    """Execute one build job into a fresh folder beside its output folder (``.run-*``), with its HTML page.

    The caller moves that folder into place (``snhr_data.reports``): a notebook's outputs appear all
    together. A failed cell still gives a notebook and its HTML (they show where it stopped); a run
    that gives no notebook at all leaves nothing.
    """
    start = time.perf_counter()
    folder = job.output.parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{folder.name}-", dir=folder.parent))
    os.chmod(staged, 0o755)
    output = staged / job.output.name
    try:
        try:
            execute(job.notebook, job.parameters, output)
        finally:
            if output.exists():
                write_html(output)
    except Exception as err:  # a failed notebook must not stop the others: report it instead
        if not output.exists():
            shutil.rmtree(staged, ignore_errors=True)
            staged = None
        message = without_local_paths(failure_message(job, err), output.parent)
        return JobResult(job, False, time.perf_counter() - start, message, staged)
    return JobResult(job, True, time.perf_counter() - start, "", staged)


def worker_count(workers: int | None, n_jobs: int) -> int:
    """The processes to start: ``workers`` (default: the CPU cores), never more than the jobs, at least one."""
    return max(1, min(workers or os.cpu_count() or 1, n_jobs))


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

    start = time.perf_counter()
    try:
        execute(job.notebook, job.parameters, job.output)
    except Exception as err:
        return JobResult(job, False, time.perf_counter() - start, failure_message(job, err))
    finally:
        if job.output.exists():
            golden = checked_outputs_only(nbformat.read(job.output, as_version=4))
            with atomic_path(job.output) as tmp:
                nbformat.write(golden, str(tmp))
    return JobResult(job, True, time.perf_counter() - start)


def regenerate_goldens(target: Path | None = None, workers: int | None = None) -> list[JobResult]:
    """Re-execute every golden notebook (``tests/golden/``) from the current package and raw reports."""
    from .execution import run_in_workers

    jobs = golden_jobs(target)
    (Path(target) if target is not None else golden_dir()).mkdir(parents=True, exist_ok=True)
    results: dict[Job, JobResult] = {}
    run_in_workers(run_golden, in_start_order(jobs), worker_count(workers, len(jobs)), True,
                   lambda result: results.__setitem__(result.job, result))
    return [results[job] for job in jobs]
