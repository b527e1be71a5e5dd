"""Settings of the whole test session: the slowest files start first, the golden notebooks share a kernel, and the
garbage collector scans less often.

``make test`` runs on two processes (pytest-xdist ``--dist loadfile``: whole files per process), which take
the files in the order collected (``--no-loadscope-reorder`` in pyproject's ``addopts``; xdist would
otherwise start with the files holding the most tests, and the few long build tests would come last on one
process while the other has finished). Longest first, the short files fill in at the end and both processes
finish together. The order is a schedule only: every file runs whatever its place.

The golden notebooks of one process run in one kernel, reset between notebooks (``golden_kernel.py``).

``notebook_workers_ready``: for tests that build reports in their own process.
"""
from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest

import golden_kernel

TESTS = Path(__file__).parent

# Longest first, by the time of each file in make test (kernels and subprocesses included, 2026-12-06, after make test
# kept a sample of the phenomenon cases and of the goldens): every file above about a second, so that the files left
# at the end are the short ones and the two processes finish together (paths relative to tests/; other files follow
# in the order collected). test_faults.py and the monthly goldens but one run in make test-battery only, where the
# interrupts are the longest.
SLOWEST_FIRST = (
    "test_faults.py",
    "test_notebooks.py",
    "test_cases.py",
    "test_altered_reports.py",
    "test_build.py",
    "test_figure_cache.py",
    "golden/cross_year.ipynb",
    "test_execution.py",
    "test_pattern_cache.py",
    "test_extract_mutations.py",
    "golden/monthly_report_2024-12.ipynb",
    "test_extract.py",
    "test_grammar.py",
    "test_ingest_formats.py",
    "test_manifest.py",
    "test_audit.py",
    "golden/monthly_report_2023-12.ipynb",
    "test_vocab.py",
    "test_paraphrases.py",
    "charts/test_chart_archive.py",
    "golden/monthly_report_2024-11.ipynb",
    "charts/test_chart_kept_ticks.py",
    "test_release.py",
    "charts/test_chart_edges.py",
    "golden/monthly_report_2020-11.ipynb",
    "golden/monthly_report_2020-05.ipynb",
    "test_fuzz.py",
    "test_readme.py",
    "test_raw.py",
    "test_pdfmaker.py",
    "test_metadata.py",
    "test_whole_reports.py",
    "charts/test_chart_text_caches.py",
    "charts/test_chart_book.py",
)


def schedule_rank(item: pytest.Item) -> int:
    relative = relative_path(item)
    return SLOWEST_FIRST.index(relative) if relative in SLOWEST_FIRST else len(SLOWEST_FIRST)


# The golden make test runs: the latest monthly report (a year's December, with its annual section). The cross-year
# golden and the other monthly ones carry the mark ``battery`` (make test-battery, which CI runs): about 16 s of make
# test's CPU.
GOLDENS_IN_MAKE_TEST = ("golden/monthly_report_2024-12.ipynb",)


def relative_path(item: pytest.Item) -> str | None:
    try:
        return Path(item.path).relative_to(TESTS).as_posix()
    except ValueError:
        return None


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by mark
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        relative = relative_path(item)
        if relative and relative.startswith("golden/") and relative not in GOLDENS_IN_MAKE_TEST:
            item.add_marker(pytest.mark.battery)
    items.sort(key=schedule_rank)  # stable: the order within a file is kept


# The grammar's tests read edited copies of the vocabulary (``grammar.using_vocab_dir``), and the package's own again
# after each: every switch empties the grammar's caches, and the reader compiles its ~1,400 regular expressions again,
# almost all of them the same strings as before. Python's own cache of compiled patterns (``re._MAXCACHE``, 512 in
# CPython 3.10-3.12) then hands them back instead of compiling them anew: tests/test_grammar.py took 14.8 s of CPU
# with the default, 6.5 s with this (2026-12-04). A cache only: a pattern compiled from its cache is the same object.
RE_PATTERNS_CACHED = 16_384


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """With ``--dist loadfile`` (pyproject's ``addopts``), whole files to one process, and all the goldens to one
    process: they run in one kernel there (``golden_kernel.py``), which starts and first reads the reports once, not
    once per process (about 5 s of CPU). Any other ``--dist`` (``make test-realistic``'s ``load``) as xdist has it."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class FilesAndGoldens(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            return "tests/golden" if scope.startswith("tests/golden/") else scope

    return FilesAndGoldens(config, log)


def pytest_configure(config: pytest.Config) -> None:
    missing = [name for name in SLOWEST_FIRST if not (TESTS / name).is_file()]
    if missing:  # a renamed file would silently lose its place
        raise pytest.UsageError(f"tests/conftest.py: SLOWEST_FIRST names files that are not there: {missing}")
    golden_kernel.install()
    gc.set_threshold(*GC_THRESHOLDS)
    re._MAXCACHE = max(re._MAXCACHE, RE_PATTERNS_CACHED)


# The reader's caches and the collected cases keep hundreds of thousands of objects alive: under Python's default
# thresholds (700, 10, 10) the cyclic collector scans them again and again. Fewer young collections, and the objects
# of the modules and the collection frozen out of every scan, cut the whole suite's CPU to 0.86 (farm-bench A/B,
# median of 3 pairs, 2026-12-03); nothing a test checks depends on when a cycle is freed. (The build's own processes
# keep the defaults: there the same thresholds made the charts' code slower, matplotlib's memory being short-lived.)
GC_THRESHOLDS = (50_000, 20, 100)


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.freeze()


def pytest_sessionfinish(session: pytest.Session) -> None:
    golden_kernel.stop_kept_kernel()


@pytest.fixture(scope="session")
def notebook_workers_ready(tmp_path_factory: pytest.TempPathFactory) -> None:
    """This process with what each notebook worker of a build loads before its first notebook: papermill, and the
    HTML exporter with its templates and page selectors compiled (``snhr_data.notebooks.html_exporter``, one per
    process). Builds run in a test's own process fork their workers from it, which then find all that loaded instead
    of loading it again (about 0.6 s of CPU per worker, and these tests start about 17 of them). The workers run the
    same code either way; only the loading is shared."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output
    from jupyter_client import manager  # noqa: F401
    from papermill import clientwrap, engines, execute, iorw, parameterize  # noqa: F401

    from snhr_data.notebooks import write_html

    page = tmp_path_factory.mktemp("warm") / "warm.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("1", outputs=[new_output("stream", text="1\n")])]), str(page))
    write_html(page)
