"""The ``snhr-data`` command line: the only place (with ``build``) that reads and writes files."""
from __future__ import annotations

import signal
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, NoReturn

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="snhr_data")
def main() -> None:
    """Figures from SNHR's monthly civilian death-toll reports, as tidy, traceable tables."""
    warnings.showwarning = _warning_line


def _warning_line(message, category, filename, lineno, file=None, line=None) -> None:
    """The package's own warnings as one line, "warning: <file>:<line>: <message>", without Python's echo of
    the package source line that raised it; other libraries' warnings as Python shows them."""
    if category.__module__.startswith("snhr_data"):
        click.echo(f"warning: {message}", err=True)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


@main.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write CSV here (default, or '-': stdout).")
@click.option("--strict", is_flag=True, help="Treat unmapped labels as errors instead of warnings.")
@click.option("--month", metavar="YYYY-MM", callback=lambda ctx, _, value: _given_month(ctx, value),
              help="The month the text covers, for a text that names no year.")
def extract_command(files: tuple[Path, ...], output: Path | None, strict: bool, month: str | None) -> None:
    """Extract every stated figure from report FILES (.txt, .md, .pdf, .html).

    Other files (such as data/raw/manifest.csv) are skipped with a note. If any report fails, nothing
    is written: the figures appear for all FILES or not at all.
    """
    import pandas as pd

    from .extract import extract_figures
    from .io import write_csv, write_csv_atomic
    from .raw import SUPPORTED_SUFFIXES

    reports = [path for path in files if path.suffix.lower() in SUPPORTED_SUFFIXES]
    for path in files:
        if path not in reports:
            click.echo(f"note: {path}: not a report file ({path.suffix or 'no suffix'}); skipped "
                       f"(reports are {', '.join(sorted(SUPPORTED_SUFFIXES))})", err=True)
    if not reports:
        click.echo("error: no report files given", err=True)
        sys.exit(2)
    frames, failed = [], 0
    for path in reports:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                frames.append(extract_figures(path, strict=strict, month=month))
            except (ValueError, OSError) as err:
                click.echo(f"error: {with_path(err, path)}", err=True)
                failed += 1
        for warning in caught:  # "file:line: message", one line each, without Python's source echo
            click.echo(f"warning: {warning.message}", err=True)
    if failed:
        click.echo(f"nothing written: {failed} of {len(reports)} report(s) could not be read", err=True)
        sys.exit(1)
    figures = pd.concat(frames, ignore_index=True)
    if output is None or output == Path("-"):
        write_csv(figures, sys.stdout)
    else:
        write_csv_atomic(figures, output)
        click.echo(f"{len(figures)} figures from {len(frames)} report(s) -> {output}", err=True)


def _given_month(ctx: click.Context, value: str | None) -> str | None:
    """``--month`` of ``extract`` and ``add``, checked before any file is read: one line and exit status 2, as ``build``."""
    if value is None:
        return None
    from .notebooks import ParameterError, validate_month

    try:
        return validate_month(value, "--month")
    except ParameterError as err:
        click.echo(f"error: {err}", err=True)
        ctx.exit(2)


def with_path(err: Exception, path: Path) -> str:
    """The message of ``err`` naming ``path`` as given (messages of the reader name the file only)."""
    if isinstance(err, OSError) and err.strerror:
        return f"{path}: {err.strerror}"
    message = str(err)
    if message.startswith(str(path)):
        return message
    return f"{path}: {message.removeprefix(f'{path.name}: ')}"


@main.command("build-data")
@click.option("--raw-dir", type=click.Path(file_okay=False, path_type=Path), help="Raw reports (default: data/raw).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), help="Output (default: data/processed).")
@click.option("--force", is_flag=True, help="Rebuild even if the raw files and the package have not changed.")
def build_data_command(raw_dir: Path | None, out_dir: Path | None, force: bool) -> None:
    """Verify the raw checksums, extract every report, write the validated tables and datapackage.json."""
    with _guarded(lambda: "data/processed as it was"):
        _data_stage_or_exit(raw_dir, out_dir, force=force)


def _data_stage_or_exit(raw_dir: Path | None = None, out_dir: Path | None = None, prefix: str = "",
                        force: bool = False):
    """Run the data stage and say what it did; on a ``BuildError`` print it and exit with status 1."""
    from .build import BuildError, data_stage
    from .paths import shown

    try:
        stage = data_stage(raw_dir, out_dir, force=force)
    except BuildError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    folder = shown(next(iter(stage.files.values())).parent)
    done = f"{len(stage.files)} files -> {folder}" if stage.rebuilt else f"{folder} up to date ({len(stage.files)} files)"
    click.echo(f"{prefix}{done}", err=True)
    return stage


@contextmanager
def _guarded(kept: Callable[[], str]) -> Iterator[None]:
    """One build at a time (the checkout's lock); SIGINT/SIGTERM stop it with one line saying what was kept."""
    from .guard import (BuildInterrupted, BuildLocked, build_lock, interrupt_behind, interrupts_raise,
                        raise_if_interrupted)

    def stop(interrupt: BuildInterrupted) -> NoReturn:
        click.echo(f"interrupted by {interrupt}: stopped every worker and kernel; kept {kept()}", err=True)
        sys.exit(128 + interrupt.signum)

    with interrupts_raise():
        try:
            with build_lock():
                yield
                raise_if_interrupted()
        except BuildLocked as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(1)
        except BuildInterrupted as err:
            stop(err)
        except Exception as err:  # an interrupt Python wrapped in another error (an import's class being made)
            interrupted = interrupt_behind(err)
            if interrupted is None:
                raise
            stop(interrupted)


@main.command("data-dictionary")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Default: docs/data_dictionary.md.")
def data_dictionary_command(output: Path | None) -> None:
    """Regenerate the data dictionary from the table metadata (snhr_data/metadata.py)."""
    from .build import write_data_dictionary

    click.echo(f"-> {write_data_dictionary(output)}", err=True)


@main.command("release")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The zip to write (default: dist/snhr-civilian-deaths-<version>.zip).")
def release_command(output: Path | None) -> None:
    """Write one zip of the processed tables for users of R, Stata or spreadsheets (README, CITATION.cff)."""
    from .release import ReleaseError, write_release

    try:
        target = write_release(output)
    except ReleaseError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    click.echo(f"release ({target.stat().st_size / 1024:.0f} KiB) -> {target}", err=True)


def _figures_for_audit():
    """data/processed/figures.parquet when built, else the figures extracted afresh from data/raw."""
    from . import paths

    if (paths.processed_dir() / "figures.parquet").is_file():
        from . import load_figures

        click.echo(f"figures from {paths.processed_dir() / 'figures.parquet'}", err=True)
        return load_figures()
    from .build import BuildError, raw_figures

    click.echo(f"no figures.parquet yet: extracting the reports of {paths.manifest_path()}", err=True)
    try:
        return raw_figures()
    except BuildError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)


@main.command("check")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any finding is an error.")
@click.option("--report", "reports", multiple=True, metavar="YYYY-MM",
              help="Only the findings resting on this report (repeatable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the findings shown as CSV here.")
def check_command(strict: bool, reports: tuple[str, ...], output: Path | None) -> None:
    """Check the stated figures against each other and print the discrepancies, grouped by report."""
    import pandas as pd

    from .audit import findings_for_report, format_findings, run_checks
    from .io import write_csv_atomic

    findings = run_checks(_figures_for_audit())
    if reports:
        findings = pd.concat([findings_for_report(findings, r) for r in reports], ignore_index=True)
        findings = findings.drop_duplicates(subset=["check", "report", "sources", "detail"], ignore_index=True)
    click.echo(format_findings(findings), nl=False)
    if output is not None:
        write_csv_atomic(findings, output)
        click.echo(f"{len(findings)} finding(s) -> {output}", err=True)
    if strict and (findings["severity"] == "error").any():
        sys.exit(1)


@main.command("explain")
@click.argument("selectors", nargs=-1, metavar="COLUMN=VALUE...")
@click.option("--id", "figure_ids", multiple=True, help="A figure_id (repeatable), e.g. from a table's source_rows.")
def explain_command(selectors: tuple[str, ...], figure_ids: tuple[str, ...]) -> None:
    """Show the quote, file and line behind the figures matching COLUMN=VALUE (e.g. report=2023-12)."""
    from .provenance import explain, format_explanation

    pairs = [s.partition("=") for s in selectors]
    bad = [s for s, (_, sep, _) in zip(selectors, pairs) if not sep]
    if bad:
        click.echo(f"error: expected COLUMN=VALUE, got {', '.join(bad)}", err=True)
        sys.exit(2)
    row = {"figure_id": ";".join(figure_ids)} if figure_ids else None
    try:
        explained = explain(_figures_for_audit(), row, **{column: value for column, _, value in pairs})
    except ValueError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(2)
    click.echo(format_explanation(explained), nl=False)


@main.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--source", help="Where the file came from (recorded in the manifest).")
@click.option("--kind", type=click.Choice(["monthly_report", "press_release", "news"]),  # manifest.KINDS
              help="Set the kind when the text does not show it (news: an article summarising an SNHR report).")
@click.option("--month", metavar="YYYY-MM", callback=lambda ctx, _, value: _given_month(ctx, value),
              help="The month the text covers, for a text that names no year.")
def add_command(files: tuple[Path, ...], source: str | None, kind: str | None, month: str | None) -> None:
    """Copy publications FILES (.pdf, .txt, .md, .html) into data/raw/ and list them in its manifest.

    The month each covers and its publication date are read from its text; the next build includes it.
    """
    import warnings

    from .manifest import ManifestError, add_report
    from .paths import raw_dir

    failed = False
    for path in files:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                row = add_report(path, raw_dir(), source=source, kind=kind, month=month)
            except (ManifestError, ValueError, OSError) as err:
                click.echo(f"error: {with_path(err, path)}", err=True)
                failed = True
                continue
        for warning in caught:
            click.echo(f"warning: {warning.message}", err=True)
        published = f", published {row['published']}" if row["published"] else ""
        click.echo(f"added data/raw/{row['file']}: {row['kind']} for {row['report_month']}{published}")
    if failed:
        sys.exit(1)


# ---------------------------------------------------------------- notebooks and charts (notebooks engineer)

@main.command("build")
@click.option("--month", "months", multiple=True, metavar="YYYY-MM",
              help="Only this report month (repeatable; default: every report in data/raw).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Output folder for notebooks, HTML and figures (default: reports/).")
@click.option("--no-cross-year", is_flag=True, help="Skip the cross-year notebook.")
@click.option("--skip-data", is_flag=True, help="Use data/processed as it is instead of rebuilding it first.")
@click.option("--force", is_flag=True, help="Run everything again, even what is up to date.")
@click.option("--fresh-kernels", is_flag=True, help="Start a kernel per notebook instead of one per worker.")
@click.option("-j", "--jobs", "workers", type=click.IntRange(min=1), help="Notebooks run at once (default: CPU cores).")
def build_command(months: tuple[str, ...], output: Path | None, no_cross_year: bool, skip_data: bool, force: bool,
                  fresh_kernels: bool, workers: int | None) -> None:
    """Rebuild data/processed and run the notebooks whose inputs changed; write an index page.

    Each notebook's outputs (notebook, HTML, figures) replace the old ones as a whole; notebooks
    whose notebook, parameters, data rows and package source have not changed are not run again.
    """
    import time

    from .io import output_folder_problem
    from .notebooks import ParameterError
    from .paths import processed_dir, shown
    from .reports import checked_months, checked_out_root

    try:  # every parameter, before any work
        months = checked_months(months)
        out_root = checked_out_root(output)
        problem = None if skip_data else output_folder_problem(processed_dir())
        if problem:
            raise ParameterError(problem)
    except ParameterError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(2)
    progress = {"data": "data/processed as it was", "reports": []}

    def kept() -> str:
        return f"{progress['data']}; {len(progress['reports'])} finished notebook(s) in {shown(out_root)}, " \
               "every other output as it was"

    with _guarded(kept), _early_workers(months, no_cross_year, skip_data, force, fresh_kernels, workers) as pool:
        start = time.perf_counter()
        stage = None if skip_data else _data_stage_or_exit(prefix="data: ", force=force)
        if stage is not None and stage.rebuilt:
            progress["data"] = "the new data/processed"
        data_done = time.perf_counter()
        _run_reports(months, out_root, no_cross_year, workers, force, fresh_kernels, stage, progress, pool)
        click.echo(f"data {data_done - start:.1f} s, notebooks {time.perf_counter() - data_done:.1f} s", err=True)


def _early_workers(months: list[str], no_cross_year: bool, skip_data: bool, force: bool, fresh_kernels: bool,
                   workers: int | None):
    """The notebook workers, started before the data stage when notebooks will run after it, else no pool.

    When the data are rebuilt (or ``--force``), the notebooks whose rows changed run next: their workers
    start their kernels and imports while the data stage runs (about 2 s a worker), instead of after it.
    A no-op build starts no process.
    """
    from contextlib import nullcontext

    from .build import data_is_current
    from .execution import WorkerPool
    from .notebooks import report_months, worker_count

    if skip_data or fresh_kernels or (not force and data_is_current()):
        return nullcontext()
    jobs = len(months or report_months()) + (0 if no_cross_year else 1)
    return WorkerPool(worker_count(workers, jobs), reuse=True, warm=True)


def _run_reports(months, out_root, no_cross_year, workers, force, fresh_kernels, stage, progress, pool) -> None:
    from .guard import BuildInterrupted
    from .notebooks import ParameterError
    from .paths import shown
    from .reports import build_reports

    try:
        done = build_reports(months, out_root, cross_year=not no_cross_year, workers=workers, force=force,
                             reuse_kernels=not fresh_kernels,
                             report_digests=stage.state.get("reports") if stage is not None else None, pool=pool)
    except ParameterError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(2)
    except BuildInterrupted as err:
        progress["reports"] = getattr(err, "kept", [])
        raise
    ran = len(done.results)
    click.echo(f"{ran - len(done.failed)} of {ran} notebook(s) run, {len(done.up_to_date)} up to date -> "
               f"{shown(out_root)} (index: {shown(out_root / 'index.html')})", err=True)
    if done.failed:
        sys.exit(1)


@main.command("regenerate-goldens")
@click.option("-j", "--jobs", "workers", type=click.IntRange(min=1), help="Notebooks run at once (default: CPU cores).")
def regenerate_goldens_command(workers: int | None) -> None:
    """Re-execute the golden notebooks in tests/golden/ after an intended change to a chart or a figure."""
    from .notebooks import golden_dir, regenerate_goldens

    with _guarded(lambda: "the goldens already written"):
        results = regenerate_goldens(workers=workers)
    for result in results:
        status = "ok" if result.ok else f"FAILED: {result.message}"
        click.echo(f"{result.job.output.name}: {status} ({result.seconds:.1f} s)", err=True)
    click.echo(f"{sum(r.ok for r in results)} of {len(results)} goldens -> {golden_dir()}", err=True)
    if not all(r.ok for r in results):
        sys.exit(1)


def _stop_before_work(signum: int, frame: object) -> None:
    """Ctrl-C or ``kill`` before a command has started its work: one line, nothing changed, no traceback.
    The build replaces this handler with its own while it works (``snhr_data.guard``)."""
    sys.stderr.write(f"interrupted by {signal.Signals(signum).name} before any work: nothing was changed\n")
    sys.exit(128 + signum)


def run() -> None:
    """The ``snhr-data`` entry point: ``main`` with quiet interrupts from the first moment."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _stop_before_work)
    main()


if __name__ == "__main__":
    run()
