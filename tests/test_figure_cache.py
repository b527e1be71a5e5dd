"""The extraction cache (``snhr_data.figure_cache``): only new or changed reports are read again, and a
build from the cache writes the same bytes as a ``--force`` build, after a grammar change too."""
from __future__ import annotations

import ast
import hashlib
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from snhr_data import build, figure_cache, paths
from snhr_data.build import data_stage
from snhr_data.extract import TruncatedReportWarning
from snhr_data.grammar import using_vocab_dir
from snhr_data.state import STATE_FILE
from tiny_project import write_raw

MONTHS = ("2020-05", "2024-12")  # the two shortest real reports


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != STATE_FILE}


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the reports the build reads (extracts) rather than takes from the cache."""
    names, real = [], build.read_figures

    def spy(item):
        names.append(Path(item[0]).name)
        return real(item)

    monkeypatch.setattr(build, "read_figures", spy)
    return names


def add_report(raw: Path, name: str, text: str, month: str) -> None:
    (raw / name).write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with open(raw / "manifest.csv", "a", encoding="utf-8") as handle:
        handle.write(f"{name},{digest},{month},,press_release,text,test\n")


def test_a_cached_build_reads_only_the_new_report_and_writes_what_a_forced_build_writes(tmp_path, reads):
    raw = write_raw(tmp_path, MONTHS)
    data_stage(raw, tmp_path / "first")
    assert sorted(reads) == sorted(p.name for p in raw.iterdir() if p.suffix == ".txt")
    reads.clear()
    source = paths.raw_dir() / "snhr-2024-11-monthly.txt"
    add_report(raw, source.name, source.read_text(encoding="utf-8"), "2024-11")
    data_stage(raw, tmp_path / "cached")
    assert reads == [source.name]
    reads.clear()
    data_stage(raw, tmp_path / "forced", force=True)
    assert len(reads) == 3  # --force reads every report
    assert snapshot(tmp_path / "cached") == snapshot(tmp_path / "forced")
    assert len(list((tmp_path / figure_cache.CACHE_DIR).iterdir())) == 3


@pytest.mark.battery  # two data stages under an edited grammar, about 4 s of CPU: make test-battery (CI)
def test_a_grammar_change_invalidates_the_cache_and_the_build_matches_a_forced_one(tmp_path, reads):
    raw = write_raw(tmp_path, ("2020-05",))
    data_stage(raw, tmp_path / "before")
    vocab = tmp_path / "vocab"
    shutil.copytree(paths.VOCAB_DIR, vocab)
    sections = vocab / "sections.yaml"
    text = sections.read_text(encoding="utf-8")
    assert "    - '\\brefugees\\b'\n" in text
    sections.write_text(text.replace("    - '\\brefugees\\b'\n", "    - '\\brefugees\\b|\\btorture\\b'\n"),
                        encoding="utf-8")  # sentences on torture now state no figure of the report
    reads.clear()
    with using_vocab_dir(vocab):
        data_stage(raw, tmp_path / "cached")
        assert reads == ["snhr-2020-05-monthly.txt"]  # nothing came from the cache
        data_stage(raw, tmp_path / "forced", force=True)
    assert snapshot(tmp_path / "cached") == snapshot(tmp_path / "forced")
    assert snapshot(tmp_path / "cached")["figures.csv"] != snapshot(tmp_path / "before")["figures.csv"]


@pytest.mark.battery  # three data stages, about 3 s of CPU: make test-battery (CI)
def test_a_cached_report_gives_its_warnings_again_and_a_damaged_entry_is_read_again(tmp_path, reads):
    raw = write_raw(tmp_path, ())
    cut = (paths.raw_dir() / "snhr-2024-12-press-release.txt").read_text(encoding="utf-8").rstrip()
    add_report(raw, "cut.txt", cut + "\n\nThe report also documented the killing of 12\n", "2024-12")
    entry = None
    for out, read in (("first", 1), ("cached", 0), ("damaged", 1)):
        if out == "damaged":
            entry.write_bytes(b"half an entry")
        reads.clear()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            # the garbage of earlier tests in this process (an unclosed file ...) may be collected in between
            warnings.simplefilter("ignore", ResourceWarning)
            data_stage(raw, tmp_path / out)
        assert len(reads) == read
        assert [w.category for w in caught] == [TruncatedReportWarning]
        assert str(caught[0].message).startswith("cut.txt:")
        [entry] = (tmp_path / figure_cache.CACHE_DIR).iterdir()
    assert entry.read_bytes() != b"half an entry"
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "cached") == snapshot(tmp_path / "damaged")


def test_a_process_reads_a_raw_report_once_for_all_its_notebooks_and_again_when_its_file_changes(tmp_path, reads):
    """``raw_figures`` (the notebooks' ``figures_from="raw"``): the same figures and warnings every time, each report
    read once while its file and the reader are unchanged."""
    raw = write_raw(tmp_path, ())
    cut = (paths.raw_dir() / "snhr-2024-12-press-release.txt").read_text(encoding="utf-8").rstrip()
    add_report(raw, "cut.txt", cut + "\n\nThe report also documented the killing of 12\n", "2024-12")
    frames = []
    for read in (1, 0):
        reads.clear()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            warnings.simplefilter("ignore", ResourceWarning)
            frames.append(build.raw_figures(raw))
        assert len(reads) == read
        assert [w.category for w in caught] == [TruncatedReportWarning]
    assert frames[0].equals(frames[1]) and not frames[0].empty
    add_report(raw, "second.txt", cut + "\n", "2024-12")  # another report: only it is read
    reads.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        both = build.raw_figures(raw)
    assert reads == ["second.txt"] and set(both["source_file"]) == {"cut.txt", "second.txt"}


def imported_modules(path: Path) -> set[str]:
    """The package modules ``path`` imports, at the top or inside functions (``from .x import``, ``from . import x``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.parent.relative_to(paths.PACKAGE_DIR).parts
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[: len(package) - (node.level - 1)])
            if node.module:
                found.add("/".join(base + node.module.split(".")))
            else:
                found.update("/".join(base + [alias.name]) for alias in node.names)
    return found


def test_no_module_the_fingerprint_covers_imports_one_it_leaves_out():
    """A change to a module outside the fingerprint cannot change what the extraction returns."""
    root = paths.PACKAGE_DIR
    downstream = {name.removesuffix(".py") for name in figure_cache.DOWNSTREAM} | figure_cache.DOWNSTREAM_FOLDERS
    assert {name for name in figure_cache.DOWNSTREAM if not (root / name).is_file()} == set()
    covered = [p for p in root.rglob("*.py") if "__pycache__" not in p.parts
               and p.relative_to(root).parts[0] not in figure_cache.DOWNSTREAM_FOLDERS
               and p.name not in figure_cache.DOWNSTREAM]
    assert root / "extract.py" in covered and root / "reading" / "sentence.py" in covered
    leaks = {f"{p.relative_to(root)} imports {m}" for p in covered for m in imported_modules(p)
             if m.split("/")[0] in downstream}
    assert not leaks


def test_an_unchanged_data_build_decides_from_hashes_without_loading_pandas(tmp_path):
    """The no-op path of `snhr-data build-data` reads hashes and file signatures only."""
    data_stage(write_raw(tmp_path, ("2024-12",)), tmp_path / "data" / "processed")
    code = ("import sys; from snhr_data.cli import main; main(['build-data'], standalone_mode=False);"
            "print(sorted(m for m in ('pandas', 'pyarrow', 'pandera', 'matplotlib', 'papermill') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "SNHR_DATA_ROOT": str(tmp_path)})
    assert "up to date" in done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
