"""Tests of snhr_data.execution: worker pools, kernels started ahead of their work, stopping them all."""
from __future__ import annotations

import concurrent.futures.process

import psutil
import pytest

from snhr_data import execution


def has_live_kernel(_item: object) -> bool:
    """In a worker: whether its kernel is already running and has the package imported."""
    kernel = execution._KERNEL
    if kernel is None or not kernel.alive():
        return False
    kernel.run_silently("import sys; assert 'snhr_data.charts' in sys.modules")
    return True


def our_processes() -> set[int]:
    """This process's running descendants (killed ones wait as zombies for their parent to reap them)."""
    found = set()
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() != psutil.STATUS_ZOMBIE:
                found.add(child.pid)
        except psutil.NoSuchProcess:
            continue
    return found


class Stop(Exception):
    pass


@pytest.mark.usefixtures("notebook_workers_ready")
def test_a_warm_pool_has_its_kernel_ready_before_the_first_job_and_an_error_stops_everything():
    before = our_processes()
    answers: list[bool] = []
    with pytest.raises(Stop):
        with execution.WorkerPool(1, warm=True) as pool:
            pool.run(has_live_kernel, [None], answers.append)
            assert answers == [True]  # started and imported before the job came (a cold pool has none yet)
            assert len(our_processes() - before) >= 2  # the worker and its kernel
            manager = pool._pool._executor_manager_thread
            raise Stop
    left = [psutil.Process(pid) for pid in our_processes() - before]
    _, alive = psutil.wait_procs(left, timeout=5)  # SIGKILL sent: gone once the system has delivered it
    assert alive == []  # no worker nor kernel left
    # Python's exit hook will not write to the stopped pool's wake-up pipe ("Exception ignored ... Bad file descriptor")
    assert manager not in concurrent.futures.process._threads_wakeups


def test_a_cold_pool_starts_no_kernel_before_its_jobs():
    answers: list[bool] = []
    with execution.WorkerPool(1) as pool:
        pool.run(has_live_kernel, [None], answers.append)
    assert answers == [False]


def test_the_warm_up_runs_what_the_notebooks_import(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    from snhr_data import paths

    charts_code = execution.warm_code(sorted(paths.notebooks_dir().glob("*.ipynb")))
    assert "from snhr_data import charts" in charts_code and charts_code.endswith(execution.CHARTS_WARM_CODE)

    page = tmp_path / "stand_in.ipynb"
    nbformat.write(new_notebook(cells=[new_markdown_cell("import nothing"), new_code_cell("%matplotlib inline"),
                                       new_code_cell("import time\nfrom pathlib import Path\nx = 1\nimport time")]),
                   str(page))
    assert execution.warm_code([page]) == "import time\nfrom pathlib import Path"  # no charts: nothing drawn


def test_the_kernels_warm_up_pays_for_the_data_loaders_first_use():
    """``notebooks.warm_up`` (in ``CHARTS_WARM_CODE``) imports what the first notebook's loaders would (pyarrow's
    datasets under pandas' Parquet reader, the audit's module) and checks the label vocabularies, in a process of its
    own as a kernel would."""
    import json
    import subprocess
    import sys

    assert "snhr_data.notebooks.warm_up()" in execution.CHARTS_WARM_CODE
    code = ("import json, sys\nimport snhr_data.notebooks as n\nfrom snhr_data import grammar\n"
            "names = ['pyarrow.dataset', 'snhr_data.audit', 'snhr_data.build']\n"
            "before = [m for m in names if m in sys.modules]\n"
            "n.warm_up()\n"
            "print(json.dumps([before, [m for m in names if m in sys.modules], "
            "grammar.label_entries.cache_info().currsize]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [[], ["pyarrow.dataset", "snhr_data.audit", "snhr_data.build"], 2]


def test_a_print_cut_into_two_messages_is_one_output(tmp_path):
    """The kernel's output thread may send a print in parts (it flushes on a timer); the notebook holds one output."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    code = "import sys\nsys.stdout.write('first part, ')\nsys.stdout.flush()\nprint('second part')"
    page = tmp_path / "page.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell(code)], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}}),
                   str(page))
    kernel = execution.Kernel(tmp_path)
    try:
        executed = execution.run_notebook(kernel, execution.parameterized(page, {}), tmp_path)
    finally:
        kernel.shutdown()
    assert [(o["output_type"], o["text"]) for o in executed.cells[-1].outputs] == [("stream", "first part, second part\n")]
