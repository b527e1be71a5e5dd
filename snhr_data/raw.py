"""Reading raw report files into text: the first stage of the flow.

``read_report`` is the single entry point. It returns the *text layer* whose line numbers the
figures' provenance (``line``) refers to:

- ``.txt`` / ``.md``: the file itself, line for line (only ``\\r\\n`` is normalised to ``\\n``).
- ``.pdf``: the text PDFium reads from the PDF's text layer, one output line per printed line
  (``snhr_data.pdf_text``).
- ``.html`` / ``.htm``: the article text of the page, without the site's chrome (``snhr_data.web_page``).

Bad input (missing, empty, binary, unreadable PDF, unknown format, an encoding other than UTF-8 or
UTF-16 with a byte-order mark, more text than a report holds, one report pasted several times) raises
``ReportReadError`` naming the file and, where there is one, the fix.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ReportReadError(ValueError):
    """A report file that cannot be read as report text."""


@dataclass(frozen=True)
class ReportText:
    text: str
    source_file: str
    # ISO date the page itself declares in its metadata (HTML <meta>/<time>), '' if none.
    published: str = ""


TEXT_SUFFIXES = {".txt", ".md"}
PDF_SUFFIXES = {".pdf"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | HTML_SUFFIXES


# --------------------------------------------------------------------------------------------
# plain text
# --------------------------------------------------------------------------------------------

# The longest report seen is under 100 kB of text; twenty times that is no single report.
MAX_TEXT_BYTES = 2_000_000
# A line this long or longer is a statement; a text whose statements mostly repeat an earlier one is a
# report pasted several times (every figure would be counted as often), not one report.
STATEMENT_LENGTH = 60
MIN_REPEATS, MAX_REPEATED_SHARE = 3, 0.5
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes, name: str) -> str:
    """The text of ``data`` (UTF-8, or UTF-16 with a byte-order mark) with ``\\n`` line ends; ``name`` is used
    in error messages, which say how to convert other encodings."""
    if not data.strip():
        raise ReportReadError(f"{name}: the file is empty")
    if data.startswith(UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise ReportReadError(f"{name}: starts as UTF-16 text but is not (byte {err.start})") from err
    elif b"\x00" in data[:4096]:
        raise ReportReadError(f"{name}: this is a binary file, not report text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise ReportReadError(
                f"{name}: not UTF-8 text (byte {err.start}); convert it first, e.g. "
                f"iconv -f latin1 -t utf-8 {name} > {utf8_name(name)} (use -f cp1256 for Arabic Windows text)"
            ) from err
    return text.replace("\r\n", "\n").replace("\r", "\n")


def utf8_name(name: str) -> str:
    """Where a converted copy of file ``name`` could go: report.txt -> report.utf8.txt."""
    path = Path(name)
    return str(path.with_name(f"{path.stem}.utf8{path.suffix}"))


def repeated_statements(text: str) -> tuple[int, int]:
    """(statements repeating an earlier one word for word, statements): lines of STATEMENT_LENGTH or more."""
    statements = [" ".join(line.split()) for line in text.split("\n")]
    statements = [line for line in statements if len(line) >= STATEMENT_LENGTH]
    return len(statements) - len(set(statements)), len(statements)


def check_report_text(text: str, name: str) -> str:
    """``text`` if it can be one report; ReportReadError if it is too large or one text pasted several times."""
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise ReportReadError(f"{name}: {size / 1e6:.1f} MB of text, more than one report can hold "
                              f"({MAX_TEXT_BYTES / 1e6:.0f} MB); split it into one file per report")
    repeats, statements = repeated_statements(text)
    if repeats >= MIN_REPEATS and repeats >= MAX_REPEATED_SHARE * statements:
        raise ReportReadError(f"{name}: {repeats} of its {statements} statements repeat earlier ones word for word "
                              f"(the same report pasted more than once?); keep one copy of each report per file")
    return text


def read_text_file(path: Path) -> str:
    return decode_text(path.read_bytes(), str(path))


# --------------------------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------------------------

def read_report(path: str | Path) -> ReportText:
    """The text layer of a report file (.txt, .md, .pdf, .html, .htm) and its file name."""
    path = Path(path)
    if not path.is_file():
        raise ReportReadError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return ReportText(check_report_text(read_text_file(path), str(path)), path.name)
    if suffix in PDF_SUFFIXES:
        from .pdf_text import read_pdf  # (imported here: these modules import ReportReadError from this one)

        return ReportText(check_report_text(read_pdf(path), str(path)), path.name)
    if suffix in HTML_SUFFIXES:
        from .web_page import read_html

        text, published = read_html(path)
        return ReportText(check_report_text(text, str(path)), path.name, published)
    expected = ", ".join(sorted(SUPPORTED_SUFFIXES))
    raise ReportReadError(f"{path}: unsupported format {suffix or '(none)'}; expected one of {expected}")
