"""Settings of the whole test session: the slowest files start first, and the golden notebooks share a kernel.

``make test`` runs on two processes (pytest-xdist ``--dist loadfile``: whole files per process), which take
the files in the order collected (``--no-loadscope-reorder`` in pyproject's ``addopts``; xdist would
otherwise start with the files holding the most tests, and the few long build tests would come last on one
process while the other has finished). Longest first, the short files fill in at the end and both processes
finish together. The order is a schedule only: every file runs whatever its place.

The golden notebooks of one process run in one kernel, reset between notebooks (``golden_kernel.py``).

``notebook_workers_ready``: for tests that build reports in their own process.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import golden_kernel

TESTS = Path(__file__).parent

# By CPU time on the 2026-12-02 suite, longest first (paths relative to tests/); other files follow in
# the order collected.
SLOWEST_FIRST = (
    "test_faults.py",
    "test_ingest_formats.py",
    "test_notebooks.py",
    "test_extract_mutations.py",
    "test_fuzz.py",
    "test_build.py",
    "test_cases.py",
    "test_browser.py",
    "golden/cross_year.ipynb",
)


def schedule_rank(item: pytest.Item) -> int:
    try:
        relative = Path(item.path).relative_to(TESTS).as_posix()
    except ValueError:
        return len(SLOWEST_FIRST)
    return SLOWEST_FIRST.index(relative) if relative in SLOWEST_FIRST else len(SLOWEST_FIRST)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=schedule_rank)  # stable: the order within a file is kept


def pytest_configure(config: pytest.Config) -> None:
    golden_kernel.install()


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
