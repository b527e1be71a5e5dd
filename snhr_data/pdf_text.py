"""The text layer of a PDF report: printed lines in reading order, without page furniture.

One output line per printed line, pages joined in order. Repeated page headers/footers and bare page
numbers are dropped, two-column regions are read column by column (left, then right), and a blank line
marks a paragraph break (a vertical gap larger than a line's height). Hyphens at line ends are kept as
printed: joining wrapped words is the cleaning stage's job (``snhr_data.clean``). A PDF with no text layer
(a scan) is an error: OCR is out of scope.
"""
from __future__ import annotations

import ctypes
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Iterable, Sequence

from .raw import ReportReadError

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
PDF_LIGATURES = str.maketrans(PDF_CHAR_FIXES)
# PDFium's codes for a hyphen that ends a line (in its whole text, and character by character): PDFium puts no
# line break after it, so it ends a word.
PDFIUM_LINE_END_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-"})
PDFIUM_WORD = re.compile(r"[^\s\ufffe\x02]*[\ufffe\x02]|[^\s\ufffe\x02]+")
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
    text = text.translate(PDF_LIGATURES)
    return re.sub("\u00ad$", "-", text).replace("\u00ad", "") if "\u00ad" in text else text


@dataclass(frozen=True)
class PageFrame:
    """Where pdfplumber puts a page's points: pdfminer's display transform ``ctm`` (the page's /Rotate, the
    page's box moved to the origin), then flipped to a top-left origin and moved back by the box's corner
    (``shift_x``, ``shift_y``), ``height`` being the page's height as displayed."""

    ctm: tuple[float, float, float, float, float, float]
    shift_x: float
    shift_y: float
    height: float

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) of a point of the page's user space."""
        a, b, c, d, e, f = self.ctm
        return a * x + c * y + e + self.shift_x, self.height - (b * x + d * y + f) - self.shift_y


def page_frame(page) -> PageFrame:
    """The ``PageFrame`` of a PDFium page, computed as pdfminer and pdfplumber compute it from the media box
    and /Rotate. The box is PDFium's page box: the media box (inherited from the page tree, which PDFium's
    ``get_mediabox`` does not do) cut by the crop box if there is one, where pdfplumber would take the media
    box; with a crop box every top moves by the same amount and the page's width is the visible one."""
    x0, y0, x1, y1 = page.get_bbox()
    rotation = page.get_rotation()
    ctm = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
           270: (0, 1, -1, 0, y1, -x0)}.get(rotation, (1, 0, 0, 1, -x0, -y0))
    if rotation in (90, 270):
        return PageFrame(ctm, y0, x0, x1 - x0)
    return PageFrame(ctm, x0, y0, y1 - y0)


class CharBoxes:
    """The boxes (x0, x1, top, bottom) of the characters of a PDFium text page, as pdfplumber has them.

    The box is pdfminer's: from the glyph origin to its advance, and from the font's descent to a font size
    above it, in the character's matrix. PDFium's "loose" box gives the advance and the descent (it spans
    the font's ascent instead of its size) for text that runs along the x axis; a character turned in the
    page's content gets PDFium's glyph box instead. The descent is the font's as PDFium has it: for the 14
    standard fonts it differs a little from pdfminer's metrics (Helvetica's by 0.17 pt at 10 pt), moving
    every line of a font alike. (The ctypes buffers are made once a page: a box is asked for twice a word.)
    """

    def __init__(self, text_page, frame: PageFrame) -> None:
        import pypdfium2.raw as pdfium_c

        self.pdfium_c, self.text_page, self.handle, self.frame = pdfium_c, text_page, text_page.raw, frame
        self.matrix, self.loose = pdfium_c.FS_MATRIX(), pdfium_c.FS_RECTF()
        self.origin_x, self.origin_y = ctypes.c_double(), ctypes.c_double()

    def box(self, index: int) -> tuple[float, float, float, float]:
        """The box of the character at ``index`` in the text page's list of characters."""
        pdfium_c, handle, matrix, loose = self.pdfium_c, self.handle, self.matrix, self.loose
        pdfium_c.FPDFText_GetMatrix(handle, index, matrix)
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        if b == 0 and c == 0 and a != 0:
            pdfium_c.FPDFText_GetLooseCharBox(handle, index, loose)
            x0, x1, y0 = loose.left, loose.right, loose.bottom
            if d != a:  # the loose box's bottom is the font's descent scaled by a; pdfminer scales it by d
                pdfium_c.FPDFText_GetCharOrigin(handle, index, self.origin_x, self.origin_y)
                y0 = self.origin_y.value + (loose.bottom - self.origin_y.value) * d / a
            y1 = y0 + pdfium_c.FPDFText_GetFontSize(handle, index) * d
        else:
            x0, y0, x1, y1 = self.text_page.get_charbox(index)
        (px0, ptop0), (px1, ptop1) = self.frame.point(x0, y0), self.frame.point(x1, y1)
        return min(px0, px1), max(px0, px1), min(ptop0, ptop1), max(ptop0, ptop1)


def char_text(text_page) -> str:
    """The text of a PDFium text page, one character for each in its list of characters (the spaces and
    line breaks PDFium adds where it sees words and lines end included)."""
    import pypdfium2.raw as pdfium_c

    count = text_page.count_chars()
    text = text_page.get_text_range()
    if len(text) == count:
        return text
    # characters outside the Basic Multilingual Plane, or that PDFium leaves out of the whole text: one by one
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(text_page, index)) for index in range(count))


def page_words(page) -> list[Word]:
    """The words of a PDFium page: the runs of its text page's characters between white space (the page's
    own, or the spaces and line breaks PDFium adds where it sees a gap or a new line), each in the box from
    its first character's to its last's, as pdfplumber boxes them (``CharBoxes``).

    PDFium (C++) reads a page with about a fifth of the CPU of pdfminer (pure Python, pdfplumber's reader),
    and taking its words saves asking it for every character's box. They are pdfplumber's words wherever
    the text is set with spaces; where it is not, PDFium's own gap rule splits it where pdfplumber's splits
    at gaps over 3 pt. A hyphen that ends a line, which PDFium reports as U+FFFE or U+0002, is a hyphen again, and
    ends its word (PDFium puts no line break after it).
    """
    text_page = page.get_textpage()
    try:
        boxes = CharBoxes(text_page, page_frame(page))
        words = []
        for run in PDFIUM_WORD.finditer(char_text(text_page)):
            first = boxes.box(run.start())
            last = first if len(run.group()) == 1 else boxes.box(run.end() - 1)
            text = fix_pdf_chars(run.group().translate(PDFIUM_LINE_END_HYPHENS))
            words.append(Word(text, min(first[0], last[0]), max(first[1], last[1]),
                              min(first[2], last[2]), max(first[3], last[3])))
        return words
    finally:
        text_page.close()


def page_layout(words: Sequence[Word], width: float) -> list[Line]:
    """One page's printed lines in reading order."""
    gutter = find_gutter(words, width)
    return reading_order(words, gutter) if gutter is not None else side_by_side_order(group_rows(words))


# The fewest words of running text each side of a gap for a printed line to be read as two columns side by side.
SIDE_WORDS = 2


def side_split(row: Sequence[Word]) -> int | None:
    """The index of the first word right of a gap at least MIN_GUTTER wide in a printed line whose both sides are
    running text (SIDE_WORDS words of letters or more each side), else None."""
    gaps = [i for i in range(1, len(row)) if row[i].x0 - row[i - 1].x1 >= MIN_GUTTER]
    if len(gaps) != 1:
        return None
    left, right = row[:gaps[0]], row[gaps[0]:]
    lettered = [sum(bool(re.search(r"[A-Za-z]{2}", w.text)) for w in side) for side in (left, right)]
    return gaps[0] if min(lettered) >= SIDE_WORDS else None


def side_by_side_order(rows: Sequence[Sequence[Word]]) -> list[Line]:
    """The printed lines of a one-column page in reading order, a band of MIN_SPLIT_LINES lines or more laid out side
    by side within it (each line two runs of text parted by one wide gap, the right runs starting within two gutters'
    width of one another (text aligned by spaces) and right of every left run's end:
    "Syrian regime forces killed 1,402      Hay'at Tahrir al-Sham killed 81", fx154ab: read across, each column's
    sentence had been cut into the other's) read left column first, then the right one."""
    splits = [side_split(row) for row in rows]
    lines: list[Line] = []
    i = 0
    while i < len(rows):
        j, edges, ends = i, [], []
        while j < len(rows) and splits[j] is not None:
            edge, end = rows[j][splits[j]].x0, rows[j][splits[j] - 1].x1
            if max(edges + [edge]) - min(edges + [edge]) >= 2 * MIN_GUTTER or max(ends + [end]) >= min(edges + [edge]):
                break
            edges.append(edge)
            ends.append(end)
            j += 1
        if j - i >= MIN_SPLIT_LINES:
            lines += [row_line(row[:splits[k]]) for k, row in enumerate(rows[i:j], i)]
            lines += [row_line(row[splits[k]:]) for k, row in enumerate(rows[i:j], i)]
            i = j
        else:
            lines.append(row_line(rows[i]))
            i += 1
    return lines


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


def furniture_indices(pages: Sequence[Sequence[str]]) -> list[set[int]]:
    """For each page, the indices of its running headers/footers and of the page numbers in its margins."""
    running = running_lines(pages)
    offset = page_number_offset(pages)
    dropped = []
    for index, lines in enumerate(pages):
        drop = set()
        for i in margin_indices(lines):
            number = PAGE_NUMBER.match(lines[i].strip())
            if masked_key(lines[i]) in running or (
                number and offset is not None and int(number.group(1)) - index == offset
            ):
                drop.add(i)
        dropped.append(drop)
    return dropped


def strip_page_furniture(pages: Sequence[Sequence[str]]) -> list[list[str]]:
    """Pages without running headers/footers and without page numbers in their margins."""
    return [[line for i, line in enumerate(lines) if i not in drop]
            for lines, drop in zip(pages, furniture_indices(pages))]


def last_body_line(layout: Sequence[Line], lines: Sequence[str], drop: set[int]) -> Line | None:
    """The last printed line of a page that is not furniture (``lines``: the page's text with blank lines,
    whose non-blank lines are ``layout``'s in order; ``drop``: indices of its furniture)."""
    printed = [i for i, line in enumerate(lines) if line.strip()]
    kept = [k for k, i in enumerate(printed) if i not in drop]
    return layout[kept[-1]] if kept else None


def ended_early(layouts: Sequence[Sequence[Line]], pages: Sequence[Sequence[str]]) -> list[bool]:
    """For each page but the last, whether its text stops at least a line above where full pages stop: the
    paragraph (or section) ended there, and the next page starts a new one."""
    last = [last_body_line(layout, lines, drop)
            for layout, lines, drop in zip(layouts, pages, furniture_indices(pages))]
    bottoms = [line.bottom for line in last[:-1] if line is not None]
    if len(bottoms) < 2:
        return [False] * len(pages)
    full = max(bottoms)
    return [i < len(last) - 1 and line is not None and line.bottom < full - 1.2 * line.size
            for i, line in enumerate(last)]


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
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
        try:
            layouts = [page_layout(page_words(page), page.get_width()) for page in pdf]
        finally:
            pdf.close()
    except pdfium.PdfiumError as err:  # damaged or encrypted; anything else is a bug here, not a bad file
        raise ReportReadError(f"{path}: not a readable PDF ({type(err).__name__}: {err})") from err
    pages = [with_paragraph_breaks(layout) for layout in layouts]
    if not any(line.strip() for page in pages for line in page):
        raise ReportReadError(
            f"{path}: this PDF has no text layer (a scanned or image-only file, {len(pages)} page(s)); "
            "run OCR on it first or add the report's text as .txt"
        )
    stripped = strip_page_furniture(pages)
    return join_pages([page + [""] if early else page for page, early in zip(stripped, ended_early(layouts, pages))])
