"""The README's examples run as written: each shell line goes through make or .venv/bin, and the safe ones run.

The examples run in a temporary copy of the checkout (``data/`` copied, ``.venv`` linked), with
``SNHR_DATA_ROOT`` pointing there, so that whatever they write lands in the copy.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from snhr_data import paths

README = paths.project_root() / "README.md"
# Shell lines that are not run here, by prefix, and why; every other line of a ```bash block runs.
NOT_RUN = {
    "make ": "a make target (checked to exist in the Makefile)",
    ".venv/bin/snhr-data add ": "adds a file to data/raw; the file names are placeholders",
    ".venv/bin/snhr-data extract ~/": "a placeholder path",
    ".venv/bin/snhr-data build": "runs every notebook (minutes); tests/test_notebooks.py covers it",
    ".venv/bin/pip install": "installs packages",
    ".venv/bin/jupyter lab": "starts a server",
    "git diff": "shows the changes of a checkout",
}
RUNNABLE_PREFIXES = ("make ", ".venv/bin/", ". .venv/bin/activate", "git ")


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README.read_text(encoding="utf-8"), flags=re.M | re.S)


def shell_lines() -> list[str]:
    return [line.strip() for block in code_blocks("bash") for line in block.splitlines() if line.strip()]


def without_comment(line: str) -> str:
    return re.sub(r"\s+#.*$", "", line)


def test_every_shell_example_goes_through_make_or_the_environment():
    lines = shell_lines()
    assert len(lines) >= 10
    bare = [line for line in lines if not line.startswith(RUNNABLE_PREFIXES)]
    assert not bare, f"README examples that fail in a plain shell (use .venv/bin/ or make): {bare}"


def test_every_make_target_the_readme_names_exists():
    makefile = (paths.project_root() / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w-]+):", makefile, flags=re.M))
    named = {without_comment(line).split()[1] for line in shell_lines() if line.startswith("make ")}
    assert named and named <= targets, named - targets


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("checkout")
    for folder in ("raw", "processed"):
        shutil.copytree(paths.project_root() / "data" / folder, root / "data" / folder)
    (root / ".venv").symlink_to(Path(sys.prefix))
    return root


def run_in(checkout: Path, command: list[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "SNHR_DATA_ROOT": str(checkout)}
    return subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.battery  # every README command in a checkout, about 5 s of CPU: make test-battery (CI)
def test_the_safe_shell_examples_run_as_written(checkout):
    runnable = [without_comment(line) for line in shell_lines()
                if not any(line.startswith(prefix) for prefix in NOT_RUN)]
    assert any("release" in line for line in runnable) and any("extract" in line for line in runnable)
    script = "set -e\n" + "\n".join(runnable) + "\n"
    done = run_in(checkout, ["bash", "-c", script])
    assert done.returncode == 0, f"{script}\n{done.stderr[-2000:]}"
    assert (checkout / "figures.csv").is_file()
    assert list((checkout / "dist").glob("*.zip"))


def test_the_python_examples_run_as_written(checkout):
    blocks = code_blocks("python")
    assert len(blocks) >= 3
    done = run_in(checkout, [str(checkout / ".venv" / "bin" / "python"), "-c", "\n".join(blocks)])
    assert done.returncode == 0, done.stderr[-2000:]
