"""The public API explains itself: ``__all__``, ``dir()``, docstrings, ``help()`` and ``python -m snhr_data``."""
from __future__ import annotations

import inspect
import pydoc
import subprocess
import sys

import pytest
from click.testing import CliRunner

import snhr_data
from snhr_data.cli import main


def fresh_python(code: str) -> str:
    """The standard output of ``code`` run by a new interpreter (so nothing is imported yet)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout


def test_dir_lists_the_public_api_before_any_of_it_is_loaded():
    listed, loaded = fresh_python(
        "import sys, snhr_data; print(' '.join(dir(snhr_data)));"
        "print(' '.join(m for m in sys.modules if m.startswith('snhr_data.')))").splitlines()
    assert set(snhr_data.__all__) <= set(listed.split())
    assert "annotations" not in listed.split()
    assert loaded == "", f"`import snhr_data` should stay light, but it imported {loaded}"


@pytest.mark.parametrize("name", snhr_data.__all__)
def test_every_public_name_is_a_documented_function(name):
    value = getattr(snhr_data, name)
    assert callable(value)
    assert inspect.getdoc(value), f"snhr_data.{name} has no docstring"
    assert name in snhr_data.__doc__, f"the package docstring does not list {name}"


def test_help_lists_and_explains_every_public_name():
    text = pydoc.render_doc(snhr_data, renderer=pydoc.plaintext)
    functions = text.split("\nFUNCTIONS\n", 1)[1]
    for name in snhr_data.__all__:
        first_line = inspect.getdoc(getattr(snhr_data, name)).splitlines()[0]
        assert f"\n    {name}(" in functions, f"help(snhr_data) does not list {name}"
        assert first_line in functions


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'load_everything'"):
        snhr_data.load_everything  # noqa: B018


def commands(help_text: str) -> list[str]:
    section = help_text.split("Commands:\n", 1)[1]
    return [line.split()[0] for line in section.splitlines() if line.startswith("  ") and line.split()]


def test_python_m_snhr_data_works_like_the_snhr_data_command():
    done = subprocess.run([sys.executable, "-m", "snhr_data", "--help"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    expected = CliRunner().invoke(main, ["--help"]).output
    assert commands(done.stdout) == commands(expected)
    assert "extract" in commands(done.stdout)
    version = subprocess.run([sys.executable, "-m", "snhr_data", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and snhr_data.__version__ in version.stdout
