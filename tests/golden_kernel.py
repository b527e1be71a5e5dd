"""One kernel per test process for the golden notebooks (``tests/golden/*.ipynb``, run by nbval).

nbval starts a kernel for each notebook and stops it after the notebook's last cell; each golden then pays a
kernel start and the package's imports (pandas, matplotlib, the charts, the grammar: about 2 s of CPU) before its
first cell. Here the first golden a test process runs starts the kernel as nbval does, and each next golden gets the
same kernel reset, as the build's kept kernels are (``snhr_data.execution.RESET_CODE``: figures closed, the
namespace emptied, a new history session, the notebook's folder as working directory). Only the modules stay
imported. nbval compares the checked cells' outputs, which a kept kernel gives as a fresh one does
(``tests/test_notebooks.py::test_only_what_changed_runs_again_and_matches_a_forced_build`` checks that for the
build). A kernel that died or timed out is replaced by a fresh one. The kernel stops when the tests end.
"""
from __future__ import annotations

from pathlib import Path

from nbval.plugin import IPyNbFile

from snhr_data.execution import RESET_CODE, START_TIMEOUT_S

_kept: dict[str, object] = {}
_nbval_setup = IPyNbFile.setup


def reset(kernel, cwd: Path) -> None:
    """Run the build's reset code in ``kernel`` and wait until its output is read (none of it reaches a cell)."""
    msg_id = kernel.kc.execute(RESET_CODE.format(cwd=str(cwd)), silent=True, store_history=False)
    kernel.await_reply(msg_id, timeout=START_TIMEOUT_S)
    kernel.await_idle(msg_id, START_TIMEOUT_S)


def setup_with_kept_kernel(notebook: IPyNbFile) -> None:
    kernel = _kept.get("kernel")
    if kernel is None or not kernel.is_alive():
        _nbval_setup(notebook)  # starts the kernel nbval would start
        _kept["kernel"] = notebook.kernel
        return
    reset(kernel, Path(str(notebook.fspath)).parent)
    notebook.kernel = kernel
    notebook.setup_sanitize_files()


def keep_kernel(notebook: IPyNbFile) -> None:
    """nbval's teardown stops the kernel; the next golden gets it instead (``stop_kept_kernel`` stops it)."""


def stop_kept_kernel() -> None:
    kernel = _kept.pop("kernel", None)
    if kernel is not None and kernel.is_alive():
        kernel.stop()


def install() -> None:
    IPyNbFile.setup = setup_with_kept_kernel
    IPyNbFile.teardown = keep_kernel
