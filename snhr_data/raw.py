"""Reading raw report files into text: the first stage of the flow.

``read_report`` is the single entry point. It returns the *text layer* whose line numbers the
figures' provenance (``line``) refers to:

- ``.txt`` / ``.md``: the file itself, line for line (only ``\\r\\n`` is normalised to ``\\n``).
- ``.pdf``: the text pdfplumber reads from the PDF's text layer, one output line per printed line,
  pages joined in order. Repeated page headers/footers and bare page numbers are dropped, two-column
  regions are read column by column (left, then right), and a blank line marks a paragraph break
  (a vertical gap larger than a line's height). Hyphens at line ends are kept as printed: joining
  wrapped words is the cleaning stage's job (``snhr_data.clean``), which sees the same text as for a
  .txt report. A PDF with no text layer (a scan) is an error: OCR is out of scope.
- ``.html`` / ``.htm``: the article text of the page (``<article>``, else ``<main>``, else the element
  holding most paragraph text), without menus, headers, footers, sidebars, scripts or forms.
  Headings, paragraphs and list items each start a line; blocks are separated by blank lines. The
  page's ``<h1>`` headline is kept even when it sits outside the article, because press releases
  state their figures in it.

Bad input (missing, empty, binary, unreadable PDF, unknown format, an encoding other than UTF-8 or
UTF-16 with a byte-order mark, more text than a report holds, one report pasted several times) raises
``ReportReadError`` naming the file and, where there is one, the fix.
"""
from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .furniture import starts_related_list


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

# The longest report seen is under 100 kB of text; ten times that is no single report.
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
# PDF
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Line:
    text: str
    top: float
    bottom: float
    size: float  # the font size of most of its words


# Words closer than this (in points) vertically belong to the same printed line (pdfplumber's default).
LINE_TOLERANCE = 3.0
# A gap between two words at least this wide (points) can be a column gutter; word spaces are ~2-5 pt.
MIN_GUTTER = 12.0
# Each column needs this many printed lines before a page is read as two columns.
MIN_SPLIT_LINES = 3
# Lines at the top/bottom of a page examined as possible running headers/footers.
MARGIN_LINES = 2
# Printable forms of PDF ligatures and soft hyphens, which are artefacts of the PDF layer.
PDF_CHAR_FIXES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:page\s+)?(\d{1,4})(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*-)?$", re.I)


def group_rows(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped into printed lines (by vertical position), each sorted left to right."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if rows and abs(word.top - rows[-1][0].top) <= LINE_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def row_line(row: Sequence[Word]) -> Line:
    size = statistics.median(w.bottom - w.top for w in row)
    return Line(" ".join(w.text for w in row), min(w.top for w in row), max(w.bottom for w in row), size)


def occupancy(words: Sequence[Word], low: int, high: int) -> list[int]:
    """For each x in ``low..high``: how many words lie on, or closer than half a gutter to, that x."""
    half = MIN_GUTTER / 2
    steps = [0] * (high - low + 2)
    for w in words:
        first, last = max(low, math.floor(w.x0 - half) + 1), min(high, math.ceil(w.x1 + half) - 1)
        if first <= last:
            steps[first - low] += 1
            steps[last - low + 1] -= 1
    return list(accumulate(steps[:-1]))


def column_fill(rows: Sequence[Sequence[Word]], start: float, end: float) -> float:
    """The median share of the span ``start``..``end`` that the lines of a column cover."""
    return statistics.median((max(w.x1 for w in row) - min(w.x0 for w in row)) / (end - start) for row in rows)


def find_gutter(words: Sequence[Word], width: float) -> float | None:
    """The x of the gutter of a two-column layout, or None for a single-column page.

    The gutter is the x in the middle of the page crossed by the fewest words (only full-width
    lines such as titles may cross it), with at least MIN_SPLIT_LINES lines of text on each side
    that fill most of their column (so that a table with a short number column is not taken
    for two columns of text), the right column's lines starting at one left edge (so that the
    ragged ends of single-column lines are not taken for a column). Columns need not share baselines.
    """
    low, high = int(width * 0.35), int(width * 0.65)
    counts = occupancy(words, low, high)
    best_x = min(range(low, high + 1), key=lambda x: (counts[x - low], abs(x - width / 2)))
    rows = group_rows(words)
    is_crossing = [crosses(row, best_x) for row in rows]
    crossing = [row for row, cross in zip(rows, is_crossing) if cross]
    left, right = column_rows([w for row, cross in zip(rows, is_crossing) if not cross for w in row], best_x)
    if min(len(left), len(right)) < MIN_SPLIT_LINES or len(crossing) > len(left) / 2:
        return None
    left_margin = min(w.x0 for w in words)
    right_margin = max(w.x1 for w in words)
    if (
        column_fill(left, left_margin, best_x) > 0.6
        and column_fill(right, best_x, right_margin) > 0.6
        and aligned_share(right) > 0.6
    ):
        return float(best_x)
    return None


def aligned_share(rows: Sequence[Sequence[Word]]) -> float:
    """The share of lines starting at the column's left edge: high for a column, low for stray line ends."""
    edge, _ = Counter(round(row[0].x0) for row in rows).most_common(1)[0]
    return sum(abs(row[0].x0 - edge) < LINE_TOLERANCE for row in rows) / len(rows)


def reading_order(words: Sequence[Word], gutter: float | None) -> list[Line]:
    """Printed lines in reading order: full-width lines as they come, two-column bands column by column.

    Lines with a word across the gutter cut the page into bands; in each band the left column
    is read before the right one. (A single short line under two columns cannot be told from
    the end of the left column: it is read as part of it.)
    """
    rows = group_rows(words)
    if gutter is None:
        return [row_line(row) for row in rows]
    lines: list[Line] = []
    band: list[Word] = []
    for row in rows:
        if crosses(row, gutter):
            lines.extend(band_lines(band, gutter))
            band = []
            lines.append(row_line(row))
        else:
            band.extend(row)
    return lines + band_lines(band, gutter)


def crosses(row: Sequence[Word], x: float) -> bool:
    """Whether a word of the printed line spans ``x`` (a full-width line across the gutter)."""
    return any(w.x0 < x < w.x1 for w in row)


def column_rows(words: Sequence[Word], gutter: float) -> tuple[list[list[Word]], list[list[Word]]]:
    """The printed lines left of ``gutter`` and those right of it (words across it belong to neither)."""
    return group_rows([w for w in words if w.x1 <= gutter]), group_rows([w for w in words if w.x0 >= gutter])


def band_lines(words: Sequence[Word], gutter: float) -> list[Line]:
    """The lines of a two-column band: the left column, then the right one."""
    left, right = column_rows(words, gutter)
    return [row_line(row) for row in left + right]


def with_paragraph_breaks(lines: Sequence[Line]) -> list[str]:
    """Line texts with a blank line where a paragraph or heading ends.

    That is where the vertical gap exceeds the line's font size, or where the font size changes
    by more than a fifth (a heading above its text).
    """
    out: list[str] = []
    for prev, line in zip([None, *lines], lines):
        if prev is not None and (
            line.top - prev.bottom > prev.size or abs(line.size - prev.size) > 0.2 * max(line.size, prev.size)
        ):
            out.append("")
        out.append(line.text)
    return out


def fix_pdf_chars(text: str) -> str:
    """Ligatures spelled out; a soft hyphen ends a line as '-' and vanishes inside one."""
    for char, replacement in PDF_CHAR_FIXES.items():
        text = text.replace(char, replacement)
    return re.sub("\u00ad$", "-", text).replace("\u00ad", "")


def page_words(page) -> list[Word]:
    """The words of a pdfplumber page.

    (pdfplumber's ``dedupe_chars``, for fake-bold text printed twice, is not applied: it costs
    ten times the whole extraction, and no SNHR report seen so far needs it.)
    """
    return [
        Word(fix_pdf_chars(w["text"]), w["x0"], w["x1"], w["top"], w["bottom"])
        for w in page.extract_words()
    ]


def page_lines(words: Sequence[Word], width: float) -> list[str]:
    """One page's text lines in reading order, with blank lines between paragraphs."""
    return with_paragraph_breaks(reading_order(words, find_gutter(words, width)))


def margin_key(line: str) -> str:
    """A line as compared across pages: case-folded, spaces collapsed."""
    return " ".join(line.split()).casefold()


def masked_key(line: str) -> str:
    """``margin_key`` with every number masked, so that "Page 3" and "Page 4" compare equal."""
    return re.sub(r"\d+", "#", margin_key(line))


def margin_indices(lines: Sequence[str]) -> list[int]:
    """Indices of the first and last MARGIN_LINES non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:MARGIN_LINES] + filled[-MARGIN_LINES:]))


def counts_pages(occurrences: Sequence[tuple[int, str]]) -> bool:
    """Whether some number in the lines grows with the page index (a page number), given (page index, line)."""
    numbers = [(index, [int(n) for n in re.findall(r"\d+", line)]) for index, line in occurrences]
    positions = min(len(found) for _, found in numbers)
    return any(len({found[k] - index for index, found in numbers}) == 1 for k in range(positions))


def running_lines(pages: Sequence[Sequence[str]]) -> set[str]:
    """Margin lines repeated on at least two pages and at least 40% of them: identical lines, or lines
    that differ only in a number counting the pages ("Report title | 3"). Returned as ``masked_key``s."""
    need = max(2, math.ceil(0.4 * len(pages)))
    seen: dict[str, list[tuple[int, str]]] = {}
    for index, lines in enumerate(pages):
        for i in margin_indices(lines):
            seen.setdefault(masked_key(lines[i]), []).append((index, lines[i]))
    running = set()
    for key, occurrences in seen.items():
        pages_with = {index for index, _ in occurrences}
        if len(pages_with) < need or len(pages_with) != len(occurrences):
            continue
        if len({margin_key(line) for _, line in occurrences}) == 1 or counts_pages(occurrences):
            running.add(key)
    return running


def page_number_offset(pages: Sequence[Sequence[str]]) -> int | None:
    """The offset (printed number minus page index) shared by bare numbers in the margins of two or more pages."""
    offsets: Counter[int] = Counter()
    for index, lines in enumerate(pages):
        found = {int(m.group(1)) - index for i in margin_indices(lines) if (m := PAGE_NUMBER.match(lines[i].strip()))}
        offsets.update(found)
    offset, count = offsets.most_common(1)[0] if offsets else (None, 0)
    return offset if count >= 2 else None


def strip_page_furniture(pages: Sequence[Sequence[str]]) -> list[list[str]]:
    """Pages without running headers/footers and without page numbers in their margins."""
    running = running_lines(pages)
    offset = page_number_offset(pages)
    out = []
    for index, lines in enumerate(pages):
        drop = set()
        for i in margin_indices(lines):
            number = PAGE_NUMBER.match(lines[i].strip())
            if masked_key(lines[i]) in running or (
                number and offset is not None and int(number.group(1)) - index == offset
            ):
                drop.add(i)
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def runs_on(previous: Sequence[str], page: Sequence[str]) -> bool:
    """Whether ``page`` goes on with the sentence ``previous`` ends in ("... all in December" / "2024 - two by ...")."""
    before = next((line.strip() for line in reversed(previous) if line.strip()), "")
    after = next((line.strip() for line in page if line.strip()), "")
    return bool(before and after and not re.search(r"[.!?:;]$", before) and re.match(r"[a-z0-9]", after))



def ends_paragraph(previous: Sequence[str], page: Sequence[str]) -> bool:
    """Whether the text before a page break ends its paragraph: its last line ends a sentence and is short
    (under 70% of the median printed line), and the next page starts with a capital."""
    filled = [line.strip() for line in previous if line.strip()]
    after = next((line.strip() for line in page if line.strip()), "")
    if not filled or not after[:1].isupper() or not re.search(r"[.!?:]$", filled[-1]):
        return False
    return len(filled[-1]) < 0.7 * statistics.median(len(line) for line in filled[-40:])


def join_pages(pages: Iterable[Sequence[str]]) -> str:
    """Pages as one text. A page break is a plain line break: a sentence may run on across it (the gap under
    a dropped running header is no paragraph break when the next page goes on with the sentence)."""
    lines: list[str] = []
    for page in pages:
        if runs_on(lines, page):
            while not lines[-1].strip():
                lines.pop()
            page = page[next(i for i, line in enumerate(page) if line.strip()):]
        elif ends_paragraph(lines, page):
            lines.append("")
        lines.extend(page)
    while lines and not lines[0].strip():
        lines.pop(0)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def read_pdf(path: Path) -> str:
    """The text layer of a PDF report (see the module docstring for what is kept and dropped)."""
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            pages = [page_lines(page_words(page), float(page.width)) for page in pdf.pages]
    except Exception as err:
        # pdfplumber/pdfminer raise their own assorted errors on damaged or encrypted files;
        # anything else is a bug here and is not disguised as a bad file.
        if type(err).__module__.startswith(("pdfminer", "pdfplumber")):
            raise ReportReadError(f"{path}: not a readable PDF ({type(err).__name__}: {err})") from err
        raise
    if not any(line.strip() for page in pages for line in page):
        raise ReportReadError(
            f"{path}: this PDF has no text layer (a scanned or image-only file, {len(pages)} page(s)); "
            "run OCR on it first or add the report's text as .txt"
        )
    return join_pages(strip_page_furniture(pages))


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

NOISE_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "button", "select", "menu", "dialog"]
NOISE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
# class/id tokens of site chrome (WordPress and common themes), matched as whole tokens
NOISE_NAME = re.compile(
    r"^(?:nav|navbar|navigation|menu|main-menu|sub-menu|breadcrumbs?|sidebar|widget|site-header|site-footer"
    r"|share|sharing|social|social-links|cookie|cookies|cookie-banner|related|related-posts|comments?|skip-link)$",
    re.I,
)
BLOCK_TAGS = {"p", "div", "section", "article", "main", "blockquote", "pre", "figure", "figcaption",
              "ul", "ol", "dl", "table", "address", "center", "h1", "h2", "h3", "h4", "h5", "h6"}
LINE_TAGS = {"li", "tr", "dt", "dd", "caption"}
CELL_TAGS = {"td", "th"}
SKIPPED_STRINGS = {"Comment", "Declaration", "ProcessingInstruction", "Doctype", "CData"}


# parts of class/id names of boxes that sit inside an article but are not it: counters, teasers
NOISE_NAME_PART = re.compile(
    r"(?:^|[-_])(?:related|counter|counters|stats?|teasers?|promo|recommended|popular|most-read|more-news|read-more"
    r"|latest-posts)(?:[-_]|$)",
    re.I,
)


def is_noise(tag) -> bool:
    if tag.name in NOISE_TAGS or (tag.get("role") or "").lower() in NOISE_ROLES:
        return True
    names = list(tag.get("class") or []) + ([tag["id"]] if tag.get("id") else [])
    return any(NOISE_NAME.match(name) or NOISE_NAME_PART.search(name) for name in names)


def is_link_list(tag) -> bool:
    """A list whose every item is one link: teasers of other articles, not the article's own text."""
    if tag.name not in {"ul", "ol"}:
        return False
    items = tag.find_all("li", recursive=False)
    return bool(items) and all(
        len(item.find_all("a")) == 1 and item.get_text(" ", strip=True) == item.a.get_text(" ", strip=True)
        for item in items)


def drop_related_sections(soup) -> None:
    """Remove "Related reports" headings with the lists after them, and lists of links to other articles."""
    for heading in soup.find_all(["h2", "h3", "h4", "h5", "h6", "strong"]):
        if heading.decomposed or not starts_related_list(heading.get_text(" ", strip=True)):
            continue
        following = heading.find_next_sibling()
        if following is not None and following.name in {"ul", "ol", "div", "section"}:
            following.decompose()
        heading.decompose()
    for listing in soup.find_all(is_link_list):
        if not listing.decomposed:
            listing.decompose()


def is_menu(tag) -> bool:
    """Site chrome other than a <header>: a page's headline often sits in its header, never in a menu."""
    return tag.name != "header" and is_noise(tag)


def paragraph_text_size(tag) -> int:
    """Characters of text in the <p> elements directly under ``tag`` (how much article it holds)."""
    return sum(len(p.get_text(" ", strip=True)) for p in tag.find_all("p", recursive=False))


def article_root(soup):
    """The element holding the article: the largest <article>, else <main>, else the biggest paragraph block."""
    found = soup.find_all("article") or soup.find_all("main") or soup.find_all(attrs={"role": "main"})
    if found:
        return max(found, key=lambda t: len(t.get_text(" ", strip=True)))
    blocks = [t for t in soup.find_all(True) if paragraph_text_size(t)]
    return max(blocks, key=paragraph_text_size) if blocks else (soup.body or soup)


LINE_END, BLOCK_END = "\x01", "\x02"
MARKER_RUN = re.compile(r"\s*[\x01\x02][\x01\x02\s]*")


def html_pieces(node) -> Iterator[str]:
    """The text of ``node`` in pieces: text, '\\t' between table cells, and LINE_END / BLOCK_END markers."""
    from bs4 import NavigableString, Tag

    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child).__name__ not in SKIPPED_STRINGS:
                yield re.sub(r"\s+", " ", str(child))
        elif isinstance(child, Tag):
            if child.name == "br":
                yield LINE_END
            elif child.name in CELL_TAGS:
                yield "\t"
                yield from html_pieces(child)
            else:
                edge = BLOCK_END if child.name in BLOCK_TAGS else LINE_END if child.name in LINE_TAGS else ""
                yield edge
                yield from html_pieces(child)
                yield edge


def pieces_to_text(pieces: Iterable[str]) -> str:
    """Text from ``html_pieces``: a run of markers is a blank line if it holds a block end, else a line end."""
    joined = MARKER_RUN.sub(lambda m: "\n\n" if BLOCK_END in m.group() else "\n", "".join(pieces))
    lines = []
    for line in joined.split("\n"):
        cells = [" ".join(cell.split()) for cell in line.split("\t")]
        lines.append("\t".join(cell for cell in cells if cell))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def html_published(soup) -> str:
    """The publication date the page declares (article:published_time meta or a <time datetime>), ISO, or ''."""
    meta = soup.find("meta", attrs={"property": "article:published_time"}) or soup.find(
        "meta", attrs={"name": re.compile(r"^(?:date|publish[_-]?date|dc\.date)$", re.I)}
    )
    value = (meta.get("content") if meta else "") or ""
    if not value:
        time = soup.find("time", attrs={"datetime": True})
        value = time["datetime"] if time else ""
    match = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
    return match.group(0) if match else ""


def html_to_text(html: str, name: str) -> tuple[str, str]:
    """(article text, published date) of an HTML page; ``name`` is used in error messages."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    published = html_published(soup)
    headline = next((h for h in soup.find_all("h1") if not any(is_menu(p) for p in h.parents if p.name)), None)
    headline_text = " ".join(headline.get_text(" ", strip=True).split()) if headline else ""
    for tag in soup.find_all(is_noise):
        if not tag.decomposed:
            tag.decompose()
    drop_related_sections(soup)
    text = pieces_to_text(html_pieces(article_root(soup)))
    if headline_text and headline_text not in text:
        text = f"{headline_text}\n\n{text}"
    if not text.strip():
        raise ReportReadError(f"{name}: no article text found in this HTML page")
    return text.rstrip("\n") + "\n", published


def read_html(path: Path) -> tuple[str, str]:
    return html_to_text(decode_text(path.read_bytes(), str(path)), str(path))


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
        return ReportText(check_report_text(read_pdf(path), str(path)), path.name)
    if suffix in HTML_SUFFIXES:
        text, published = read_html(path)
        return ReportText(check_report_text(text, str(path)), path.name, published)
    expected = ", ".join(sorted(SUPPORTED_SUFFIXES))
    raise ReportReadError(f"{path}: unsupported format {suffix or '(none)'}; expected one of {expected}")
