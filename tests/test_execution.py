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


def logged_warm_up(log):
    """A stand-in for a worker's warm-up: writes when it starts and ends, and takes a fifth of a second."""
    import os
    import time

    def warm_up(cwd) -> None:
        with open(log, "a") as out:
            out.write(f"start {os.getpid()}\n")
        time.sleep(0.2)
        with open(log, "a") as out:
            out.write(f"end {os.getpid()}\n")

    return warm_up


def wait_for_lines(log, count: int, seconds: float = 20) -> list[str]:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        lines = log.read_text().splitlines() if log.exists() else []
        if len(lines) >= count:
            return lines
        time.sleep(0.05)
    return log.read_text().splitlines() if log.exists() else []


def test_one_core_is_left_to_the_data_stage_while_the_workers_warm_up_on_an_idle_machine(monkeypatch):
    assert [execution.WorkerPool.warm_ups_at_once(cores, others=0) for cores in (1, 2, 4)] == [1, 1, 3]
    assert execution.WorkerPool.warm_ups_at_once(2, others=3) is None  # a busy machine: every worker at once
    assert isinstance(execution.runnable_others(), int)  # this Linux tells (the process asking is not counted)
    monkeypatch.setattr(execution, "runnable_others", lambda: None)
    assert execution.WorkerPool.warm_ups_at_once(2) == 1  # the load unknown: as on an idle machine


def test_workers_warm_up_one_at_a_time_while_the_data_stage_runs(tmp_path, monkeypatch):
    """Two workers, one warm-up at a time (a 2-core machine): the second starts when the first has ended."""
    log = tmp_path / "log"
    monkeypatch.setattr(execution, "warm_up", logged_warm_up(log))  # the workers are forked from this process
    monkeypatch.setattr(execution.WorkerPool, "warm_ups_at_once", staticmethod(lambda cores=None, others=None: 1))
    results: list[str] = []
    with execution.WorkerPool(2, warm=True) as pool:
        lines = wait_for_lines(log, 4)
        pool.run(str, [1, 2], results.append)
    assert [line.split()[0] for line in lines] == ["start", "end", "start", "end"]
    first, second = lines[0].split()[1], lines[2].split()[1]
    assert lines[1] == f"end {first}" and lines[3] == f"end {second}" and first != second
    assert sorted(results) == ["1", "2"]


def test_the_waiting_workers_warm_up_once_the_jobs_come_or_the_pool_ends(tmp_path, monkeypatch):
    """No warm-up allowed before the jobs (a gate of 0): none starts until ``run``, then every worker warms up;
    a pool left without jobs lets its waiting workers through too, instead of waiting for them forever."""
    log = tmp_path / "log"
    monkeypatch.setattr(execution, "warm_up", logged_warm_up(log))
    monkeypatch.setattr(execution.WorkerPool, "warm_ups_at_once", staticmethod(lambda cores=None, others=None: 0))
    results: list[str] = []
    with execution.WorkerPool(2, warm=True) as pool:
        assert wait_for_lines(log, 1, seconds=0.5) == []
        pool.run(str, [1, 2], results.append)
    assert sorted(line.split()[0] for line in log.read_text().splitlines()) == ["end", "end", "start", "start"]
    log.unlink()
    with execution.WorkerPool(2, warm=True):
        pass
    assert len(log.read_text().splitlines()) == 4
