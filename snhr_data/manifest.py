"""The raw-data manifest (``data/raw/manifest.csv``): what each raw report is, and proof it is untouched.

One row per raw report file, in these columns:

- ``file``: the file name in ``data/raw/``;
- ``sha256``: its checksum when added (``data/raw`` is never edited: a changed checksum is an error);
- ``report_month``: the month the report covers (``YYYY-MM``), read from the text;
- ``published``: the publication date the text states (``YYYY-MM-DD``), '' if it states none;
- ``kind``: ``monthly_report`` (a full report, with numbered sections), ``press_release`` (a short
  web text announcing a report) or ``news`` (an article of another publisher summarising an SNHR report: its
  figures are SNHR's as the article gives them; the figures table carries the kind as ``source_kind``);
- ``source_format``: how the file holds the report (see ``SOURCE_FORMATS``);
- ``source``: free text, where the file came from.

``add_report`` is how a new publication enters the data: no code change is needed for a new month.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import warnings
from pathlib import Path

import pandas as pd

from .grammar import regex
from .io import atomic_path
from .paths import shown
from .raw import SUPPORTED_SUFFIXES, ReportText, read_report

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ["file", "sha256", "report_month", "published", "kind", "source_format", "source"]
KINDS = ["monthly_report", "press_release", "news"]
# pdf_text, web_text: text already extracted (by hand) from a PDF report or a web page; the others are the
# publication's own file format, as `add_report` records it from the suffix.
SOURCE_FORMATS = ["pdf", "html", "text", "markdown", "pdf_text", "web_text"]
SUFFIX_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".txt": "text", ".md": "markdown"}
MONTH_PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# A monthly report has numbered sections ("I. Background and Methodology", "II. ..."), usually a table of
# contents.
SECTION_HEADING = re.compile(r"^\W*(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+[A-Z]", re.MULTILINE)
# How a press release and a news article show themselves: `PressReleaseCue` and `NewsCue` in vocab/sections.yaml.


class ManifestError(ValueError):
    """The manifest and the files in ``data/raw`` disagree, or a report cannot be added."""


class ManifestWarning(UserWarning):
    """Something to know about an added report that does not stop it being added."""


# ---------------------------------------------------------------- reading and writing

def sha256_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_manifest(raw_dir: Path) -> pd.DataFrame:
    """``raw_dir/manifest.csv`` as text columns, checked for shape and values (not checksums)."""
    path = Path(raw_dir) / MANIFEST_NAME
    if not path.is_file():
        raise ManifestError(f"{shown(path)}: no manifest; every raw report must be listed in one")
    try:
        manifest = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise ManifestError(f"{shown(path)}: cannot read the manifest ({err})") from err
    if list(manifest.columns) != MANIFEST_COLUMNS:
        raise ManifestError(
            f"{shown(path)}: columns are {', '.join(manifest.columns)}; expected {', '.join(MANIFEST_COLUMNS)}"
        )
    problems = row_problems(manifest)
    if problems:
        raise ManifestError(f"{shown(path)}:\n  " + "\n  ".join(problems))
    return manifest


def row_problems(manifest: pd.DataFrame) -> list[str]:
    """One message per bad value in the manifest (line numbers as in the CSV file)."""
    problems = []
    for line, row in enumerate(manifest.to_dict("records"), start=2):
        checks = [
            (bool(re.fullmatch(r"[0-9a-f]{64}", row["sha256"])), f"sha256 {row['sha256']!r} is not a sha256"),
            (bool(MONTH_PATTERN.match(row["report_month"])), f"report_month {row['report_month']!r} is not YYYY-MM"),
            (row["published"] == "" or bool(DATE_PATTERN.match(row["published"])),
             f"published {row['published']!r} is not YYYY-MM-DD"),
            (row["kind"] in KINDS, f"kind {row['kind']!r} is not one of {', '.join(KINDS)}"),
            (row["source_format"] in SOURCE_FORMATS,
             f"source_format {row['source_format']!r} is not one of {', '.join(SOURCE_FORMATS)}"),
        ]
        problems += [f"line {line} ({row['file']}): {message}" for ok, message in checks if not ok]
    for column in ("file", "sha256"):
        for value in manifest.loc[manifest[column].duplicated(), column]:
            problems.append(f"{column} {value} is listed twice")
    return problems


def sorted_manifest(manifest: pd.DataFrame) -> pd.DataFrame:
    """Rows in a fixed order (report month, then file), so the file's bytes depend only on its content."""
    return manifest.sort_values(["report_month", "file"], kind="stable").reset_index(drop=True)[MANIFEST_COLUMNS]


def write_manifest(manifest: pd.DataFrame, raw_dir: Path) -> None:
    """Write ``raw_dir/manifest.csv`` atomically (a reader never sees half a manifest)."""
    with atomic_path(Path(raw_dir) / MANIFEST_NAME) as tmp:
        sorted_manifest(manifest).to_csv(tmp, index=False, lineterminator="\n")
        tmp.chmod(0o644)


# ---------------------------------------------------------------- verifying

def listed_files_problems(manifest: pd.DataFrame, raw_dir: Path) -> list[str]:
    """One message per listed file that is missing or edited, and per report file the manifest lacks."""
    raw_dir = Path(raw_dir)
    problems = []
    for row in manifest.to_dict("records"):
        path = raw_dir / row["file"]
        if not path.is_file():
            problems.append(f"{shown(path)} is listed in {MANIFEST_NAME} but missing")
        elif (actual := sha256_of(path)) != row["sha256"]:
            problems.append(
                f"{shown(path)} was edited: its sha256 is {actual}, the manifest says {row['sha256']}; "
                "raw files are never edited (restore it, or add the new version as a new file)"
            )
    listed = set(manifest["file"])
    for path in sorted(raw_dir.iterdir()):
        if path.is_file() and path.name != MANIFEST_NAME and not path.name.startswith(".") and path.name not in listed:
            problems.append(f"{shown(path)} is not listed in {MANIFEST_NAME}; add it with `snhr-data add`")
    return problems


def verify_manifest(raw_dir: Path) -> pd.DataFrame:
    """The manifest of ``raw_dir``, after checking that it lists exactly the files there, unedited.

    Raises ``ManifestError`` naming every file that was edited (checksum differs), is missing, or is
    not listed.
    """
    manifest = read_manifest(raw_dir)
    problems = listed_files_problems(manifest, raw_dir)
    if problems:
        raise ManifestError("data/raw does not match its manifest:\n  " + "\n  ".join(problems))
    return manifest


# ---------------------------------------------------------------- describing a report from its text

def report_kind(text: str) -> str | None:
    """``monthly_report`` if the text has at least two numbered sections ("I. ...", "II. ..."), else ``news``
    if it quotes SNHR as another outlet does, else ``press_release`` if it refers to the report in the third
    person, else None (undecided)."""
    if len(SECTION_HEADING.findall(text)) >= 2:
        return "monthly_report"
    if regex("NewsCue").search(text):
        return "news"
    if regex("PressReleaseCue").search(text):
        return "press_release"
    return None


def report_month_of(text: str, month: str | None = None) -> str:
    """The month the report covers, read exactly as the extractor reads it (``month``: the user's, for a
    text that names none). Raises ``ValueError`` (``ReportReadError``) when the text states none.
    """
    from .extract import report_month_of_text

    return report_month_of_text(text, month=month)


def published_of(report: ReportText) -> str:
    """The publication date the text states, else the one the page declares (HTML), else ''."""
    from .reading.dates import publication_date

    return publication_date(report.text) or report.published


def describe_report(path: Path, source: str | None = None, kind: str | None = None,
                    month: str | None = None) -> dict[str, str]:
    """The manifest row of the report file at ``path`` (its name, checksum and what its text says)."""
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ManifestError(
            f"{shown(path)}: unsupported format {path.suffix or '(none)'}; expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    report = read_report(path)
    try:
        month = report_month_of(report.text, month)
    except ValueError as err:
        reason = str(err).removeprefix("<text>: ")  # the reader's message names no file: the text was read from memory
        advice = "" if "--month" in reason else (
            "; its title or first statements must name the month (e.g. 'in March 2016'), or give it with --month YYYY-MM")
        raise ManifestError(f"{shown(path)}: cannot tell which month this report covers: {reason}{advice}") from err
    found_kind = kind or report_kind(report.text)
    if found_kind not in KINDS:
        raise ManifestError(
            f"{shown(path)}: cannot tell from the text whether this is a monthly_report (numbered sections), "
            "a press_release or a news article; say which with --kind"
        )
    return {
        "file": path.name,
        "sha256": sha256_of(path),
        "report_month": month,
        "published": published_of(report),
        "kind": found_kind,
        "source_format": SUFFIX_FORMATS[path.suffix.lower()],
        "source": source or f"added with snhr-data add from {path.name}",
    }


# ---------------------------------------------------------------- adding

def add_report(path: Path, raw_dir: Path, source: str | None = None, kind: str | None = None,
               month: str | None = None) -> dict[str, str]:
    """Copy the report at ``path`` byte for byte into ``raw_dir`` and list it in the manifest.

    Refuses a file already present (same name) or a copy of a listed file (same checksum), and
    refuses to add to a ``raw_dir`` that does not match its manifest. The report is read first, so
    a file that cannot be read or has no month is never copied. Warns (``ManifestWarning``) when
    another file already covers the same month. Returns the new manifest row.
    """
    path, raw_dir = Path(path), Path(raw_dir)
    if not path.is_file():
        raise ManifestError(f"{path}: no such file")
    manifest = verify_manifest(raw_dir)
    target = raw_dir / path.name
    if target.exists() or path.name in set(manifest["file"]):
        raise ManifestError(f"{shown(target)} is already present; raw files are never replaced (rename the new file)")
    same = manifest.loc[manifest["sha256"] == sha256_of(path), "file"].tolist()
    if same:
        raise ManifestError(f"{path}: same content (sha256) as {shown(raw_dir / same[0])}, already in the manifest")
    row = describe_report(path, source, kind, month)
    for other in manifest.loc[manifest["report_month"] == row["report_month"], "file"]:
        warnings.warn(
            f"{shown(raw_dir / other)} already covers {row['report_month']}; both files will be built",
            ManifestWarning,
            stacklevel=2,
        )
    with atomic_path(target) as tmp:
        shutil.copyfile(path, tmp)
        tmp.chmod(0o444)
    try:
        write_manifest(pd.concat([manifest, pd.DataFrame([row])], ignore_index=True), raw_dir)
    except BaseException:
        target.chmod(0o644)
        target.unlink()
        raise
    return row
