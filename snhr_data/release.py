"""A data release: one zip with the processed tables and what a user without Python needs to use them.

The zip holds one folder, ``snhr-civilian-deaths-<version>/``, with every table of ``data/processed``
as CSV and Parquet, ``datapackage.json``, ``data_dictionary.md``, ``discrepancies.csv`` (a table like
the others), ``README.txt`` (opening the files in R, Stata or a spreadsheet; what each table is; how to
cite), ``CITATION.cff`` and ``raw_reports_sha256.txt`` (the checksums of the raw reports the tables were
built from). It is made from ``data/processed`` as it is, after checking that it is there and was built
from the raw reports and the table definitions of this checkout.

The bytes depend only on the data: members in a fixed order, a fixed timestamp and permissions, no
path of the checkout. The zip is written to a temporary file and renamed into place, so a failed run
leaves no partial file.
"""
from __future__ import annotations

import io
import json
import textwrap
import zipfile
from pathlib import Path

from . import __version__, paths
from .io import atomic_path
from .manifest import ManifestError, verify_manifest
from .metadata import TABLE_METADATA, data_dictionary_markdown, datapackage, table_names

RELEASE_NAME = "snhr-civilian-deaths"
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can record: no build time in the bytes
FILE_MODE = 0o644
REBUILD = "run `make data` (or `.venv/bin/snhr-data build-data`) and try again"


class ReleaseError(ValueError):
    """``data/processed`` is missing or stale: there is nothing current to release."""


def default_target() -> Path:
    """``dist/snhr-civilian-deaths-<version>.zip`` in the project root."""
    return paths.project_root() / "dist" / f"{RELEASE_NAME}-{__version__}.zip"


# ---------------------------------------------------------------- load inputs

def current_descriptor(processed: Path, raw: Path) -> dict:
    """The ``datapackage.json`` of ``processed`` once it matches ``raw`` and the table definitions.

    Raises ``ReleaseError`` (one line, naming the folder and the fix) when ``processed`` is missing,
    was built from other raw reports, lacks a table file, or describes other tables or fields than
    ``snhr_data.metadata`` does now.
    """
    descriptor_path = processed / "datapackage.json"
    if not descriptor_path.is_file():
        raise ReleaseError(f"{processed} has no datapackage.json (not built yet): {REBUILD}")
    try:
        expected = datapackage(verify_manifest(raw))
    except ManifestError as err:  # its list of files, on one line
        raise ReleaseError(str(err).replace(":\n  ", ": ").replace("\n  ", "; ")) from err
    built = json.loads(descriptor_path.read_text(encoding="utf-8"))
    if built.get("sources") != expected["sources"]:
        raise ReleaseError(f"{processed} was built from other raw reports than {raw} holds: {REBUILD}")
    if built != expected:
        raise ReleaseError(f"{processed} describes other tables than this version of snhr_data: {REBUILD}")
    missing = [r["path"] for r in built["resources"] if not (processed / r["path"]).is_file()]
    if missing:
        raise ReleaseError(f"{processed} lacks {', '.join(missing)}: {REBUILD}")
    return built


# ---------------------------------------------------------------- the documents (pure)

def release_descriptor(descriptor: dict) -> dict:
    """The descriptor as it reads inside the zip: the raw reports are not there, the dictionary is beside it."""
    sources = [{k: v for k, v in source.items() if k != "path"} for source in descriptor["sources"]]
    description = descriptor["description"].replace("docs/data_dictionary.md", "data_dictionary.md")
    return {**descriptor, "description": description, "sources": sources}


def checksums_text(descriptor: dict) -> str:
    """``<sha256>  <file>`` per raw report, the format ``sha256sum -c`` reads."""
    return "".join(f"{s['sha256']}  {s['title']}\n" for s in descriptor["sources"])


def citation_cff(descriptor: dict) -> str:
    """``CITATION.cff`` (Citation File Format 1.2.0) for the release, with SNHR's reports as its source."""
    return "\n".join([
        "cff-version: 1.2.0",
        'message: "If you use these data, please cite them as below, and cite the Syrian Network for Human '
        'Rights (SNHR), whose reports state every figure."',
        "type: dataset",
        f"title: {json.dumps(descriptor['title'])}",
        f"version: {json.dumps(descriptor['version'])}",
        f"abstract: {json.dumps(descriptor['description'])}",
        "authors:",
        '  - name: "snhr_data contributors"',
        "keywords:",
        '  - "Syria"',
        '  - "civilian deaths"',
        '  - "human rights documentation"',
        "references:",
        "  - type: report",
        '    title: "Monthly reports on civilian deaths in Syria"',
        "    authors:",
        '      - name: "Syrian Network for Human Rights (SNHR)"',
        "",
    ])


def _table_lines(descriptor: dict) -> list[str]:
    lines = []
    for resource in descriptor["resources"]:
        if resource["format"] != "csv":
            continue
        name = resource["name"]
        about = f"{resource['title']}. {resource['description']} "
        about += f"One row per: {', '.join(TABLE_METADATA[name]['primary_key'])}."
        lines += [f"{name}.csv / {name}.parquet", textwrap.fill(about, width=100, initial_indent="    ",
                                                                subsequent_indent="    "), ""]
    return lines


def readme_text(descriptor: dict) -> str:
    """``README.txt`` of the release: what is in it, how to open it without Python, how to cite it."""
    reports = ", ".join(f"{s['report_month']} ({s['kind'].replace('_', ' ')})" for s in descriptor["sources"])
    title = f"{descriptor['title']}, version {descriptor['version']}"
    about = (f"{release_descriptor(descriptor)['description']} Built from {len(descriptor['sources'])} SNHR "
             f"publications (report month, kind): {reports}. The counts are the civilian deaths SNHR "
             "documented: a minimum, not an estimate of all deaths.")
    return "\n".join([
        title,
        "=" * len(title),
        "",
        textwrap.fill(about, width=100),
        "",
        "Reading the tables",
        "------------------",
        "- Every table is here twice, with the same content: <table>.csv (UTF-8, comma-separated, first",
        "  row = column names) and <table>.parquet (typed, for R's arrow package, Python, DuckDB ...).",
        "- An empty cell means that no report states the figure: it is not a zero.",
        "- Every row traces back to the sentences it comes from: `source_rows` lists the `figure_id`s of",
        "  the figures behind it; figures.csv gives each figure's file, line and quote.",
        "- Column types, code lists and keys: data_dictionary.md (also machine-readable in",
        "  datapackage.json, a Frictionless Data Package: `frictionless validate datapackage.json`).",
        "",
        "Opening the files",
        "-----------------",
        "R:           figures <- read.csv(\"figures.csv\", encoding = \"UTF-8\", na.strings = \"\")",
        "             # or: readr::read_csv(\"figures.csv\"); arrow::read_parquet(\"figures.parquet\")",
        "Stata:       import delimited using \"figures.csv\", varnames(1) encoding(\"utf-8\") bindquote(strict) clear",
        "Spreadsheet: LibreOffice Calc: File > Open, character set Unicode (UTF-8), separated by comma.",
        "             Excel: Data > From Text/CSV, file origin 65001: Unicode (UTF-8), delimiter comma.",
        "Python:      pandas.read_csv(\"figures.csv\", keep_default_na=False, na_values=[\"\"])",
        "",
        "The tables",
        "----------",
        *_table_lines(descriptor),
        "Other files",
        "-----------",
        "data_dictionary.md       every column of every table: type, meaning, allowed values",
        "datapackage.json         the same as a Frictionless Data Package descriptor",
        "CITATION.cff             how to cite this release (Citation File Format)",
        "raw_reports_sha256.txt   the sha256 of each raw report the tables were built from; check a copy",
        "                         of the reports with `sha256sum -c raw_reports_sha256.txt`",
        "",
        "How to cite",
        "-----------",
        f"snhr_data contributors. {descriptor['title']} (version {descriptor['version']}) [data set].",
        "Figures as stated in the monthly reports of the Syrian Network for Human Rights (SNHR).",
        "Cite SNHR's reports as the source of the figures as well; CITATION.cff has both.",
        "",
    ])


def release_members(processed: Path, descriptor: dict) -> list[tuple[str, bytes]]:
    """(name in the zip, bytes) of every file of the release, in their order in the zip."""
    documents = {
        "README.txt": readme_text(descriptor),
        "CITATION.cff": citation_cff(descriptor),
        "datapackage.json": json.dumps(release_descriptor(descriptor), indent=2, ensure_ascii=False) + "\n",
        "data_dictionary.md": data_dictionary_markdown(),
        "raw_reports_sha256.txt": checksums_text(descriptor),
    }
    members = [(name, text.encode("utf-8")) for name, text in documents.items()]
    members += [(f"{name}.{suffix}", (processed / f"{name}.{suffix}").read_bytes())
                for name in table_names() for suffix in ("csv", "parquet")]
    folder = f"{RELEASE_NAME}-{descriptor['version']}"
    return [(f"{folder}/{name}", data) for name, data in members]


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of ``members`` whose bytes depend on nothing but their names and contents."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.create_system = 3  # unix, whatever the platform, so the permissions below are read
            info.external_attr = FILE_MODE << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


# ---------------------------------------------------------------- save outputs

def write_release(target: Path | None = None, processed: Path | None = None, raw: Path | None = None) -> Path:
    """Write the release zip of ``processed`` (default data/processed) to ``target``; returns ``target``.

    ``target`` defaults to ``dist/snhr-civilian-deaths-<version>.zip``. Raises ``ReleaseError`` when
    ``processed`` is missing or stale (see ``current_descriptor``); nothing is written then.
    """
    processed = Path(processed) if processed is not None else paths.processed_dir()
    raw = Path(raw) if raw is not None else paths.raw_dir()
    target = Path(target) if target is not None else default_target()
    data = zip_bytes(release_members(processed, current_descriptor(processed, raw)))
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target
