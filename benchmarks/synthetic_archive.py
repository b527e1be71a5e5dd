"""A synthetic archive of N report months, made from the real raw reports, for build benchmarks.

Each synthetic report is a real one with every year in its text moved forward by the same number of
years (publication dates included, 2011 -- SNHR's founding and the conflict's start -- kept), so its
periods, year-to-date ranges and publication date stay consistent with each other. Months already
taken (by a real report or an earlier copy) are skipped. The archive is a project folder: ``data/raw``
(the five real reports, the N copies and a manifest with their checksums) and ``notebooks/``, built
with ``SNHR_DATA_ROOT=<folder> snhr-data build``.

    python benchmarks/synthetic_archive.py /tmp/archive --n 200
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
YEAR = re.compile(r"(?<!\d)(20[0-9]{2})(?!\d)")
KEPT_YEARS = {"2011"}


def shifted(text: str, years: int) -> str:
    """``text`` with every year from 2000 on (2011 aside) moved forward by ``years``."""
    return YEAR.sub(lambda m: m.group(1) if m.group(1) in KEPT_YEARS else str(int(m.group(1)) + years), text)


def shifted_month(month: str, years: int) -> str:
    return f"{int(month[:4]) + years}-{month[5:]}"


def read_manifest(raw: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(raw / "manifest.csv", newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_manifest(raw: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with open(raw / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda r: (r["report_month"], r["file"])))


def synthetic_rows(source: Path, n: int) -> list[tuple[dict[str, str], dict[str, str], int]]:
    """(source row, new row, years shifted) for ``n`` new report months, earliest shifts first."""
    _, rows = read_manifest(source)
    taken = {row["report_month"] for row in rows}
    made, years = [], 0
    while len(made) < n:
        years += 1
        for row in rows:
            month = shifted_month(row["report_month"], years)
            if month in taken or len(made) == n:
                continue
            taken.add(month)
            stem, suffix = row["file"].rsplit(".", 1)
            name = f"synthetic-{month}-{stem}.{suffix}"
            published = shifted(row["published"], years)
            made.append((row, {**row, "file": name, "report_month": month, "published": published,
                               "source": f"synthetic: {row['file']} with years moved by +{years}"}, years))
    return made


def make_archive(target: Path, n: int, source_root: Path = ROOT) -> list[str]:
    """A project folder at ``target`` with the real reports and ``n`` synthetic ones; their months."""
    source = source_root / "data" / "raw"
    raw = Path(target) / "data" / "raw"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, raw)
    shutil.copytree(source_root / "notebooks", Path(target) / "notebooks")
    fields, rows = read_manifest(raw)
    for original, row, years in synthetic_rows(source, n):
        text = shifted((source / original["file"]).read_text(encoding="utf-8"), years)
        (raw / row["file"]).write_text(text, encoding="utf-8")
        rows.append({**row, "sha256": hashlib.sha256((raw / row["file"]).read_bytes()).hexdigest()})
    write_manifest(raw, fields, rows)
    return sorted(row["report_month"] for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--n", type=int, default=20, help="synthetic report months (default 20)")
    args = parser.parse_args()
    months = make_archive(args.target, args.n)
    print(f"{len(months)} reports ({months[0]} .. {months[-1]}) -> {args.target}")


if __name__ == "__main__":
    main()
