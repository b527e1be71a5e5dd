"""A small project for build tests: some of the real raw reports and two quick stand-in notebooks.

The stand-in notebooks take the real notebooks' parameters, write a few figure files one after the
other (so that an interrupt can land between two of them), and print what a kept kernel could leak
from the previous notebook. The data stage is the real one.
"""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
WORK = '''\
import time
from pathlib import Path
print("leaked" if "leftover" in globals() else "clean", {label})
leftover = 1
if {label} == {fail!r}:
    raise RuntimeError(f"no data in {{Path.cwd()}}")
if output_dir:
    for number in range({files}):
        time.sleep({pause})
        Path(output_dir, "figures").mkdir(exist_ok=True)
        Path(output_dir, "figures", f"chart{{number}}.csv").write_text(f"{{number}},{{{label}}}\\n")
'''


def stand_in(parameters: str, label: str, files: int, pause: float, fail: str) -> nbformat.NotebookNode:
    cells = [new_code_cell(parameters, metadata={"tags": ["parameters"]}, id="parameters"),
             new_code_cell(WORK.format(label=label, files=files, pause=pause, fail=fail), id="work")]
    return new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})


def write_notebooks(root: Path, files: int = 3, pause: float = 0.0, fail: str = "") -> None:
    """The stand-in notebooks; the monthly one fails for month ``fail`` with an error naming its folder."""
    folder = root / "notebooks"
    folder.mkdir(parents=True, exist_ok=True)
    monthly = 'month = "2024-11"\noutput_dir = ""\nfigures_from = "processed"'
    cross = ('years = [2024]\nmonth_pairs = [["2024-11", "2024-12"]]\noutput_dir = ""\n'
             'figures_from = "processed"')
    nbformat.write(stand_in(monthly, "month", files, pause, fail), str(folder / "monthly_report.ipynb"))
    nbformat.write(stand_in(cross, "years", files, pause, ""), str(folder / "cross_year.ipynb"))


def write_raw(root: Path, months: tuple[str, ...]) -> Path:
    """``data/raw`` holding the real reports of ``months`` and their manifest rows."""
    source = ROOT / "data" / "raw"
    raw = root / "data" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    with open(source / "manifest.csv", newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [row for row in reader if row["report_month"] in months]
        fields = reader.fieldnames
    for row in rows:
        shutil.copy2(source / row["file"], raw / row["file"])
    with open(raw / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return raw


def make_project(root: Path, months: tuple[str, ...] = ("2020-05", "2024-12"), files: int = 3,
                 pause: float = 0.0, fail: str = "") -> Path:
    write_raw(root, months)
    write_notebooks(root, files, pause, fail)
    return root


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path -> bytes), state files aside (they hold modification times)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(Path(folder).rglob("*"))
            if p.is_file() and p.name != ".build-state.json"}
