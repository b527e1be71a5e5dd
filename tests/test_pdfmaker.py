"""The tests' PDF maker prints a paragraph to the same bytes as fpdf2's ``multi_cell``, which it replaces for speed."""
from __future__ import annotations

import pytest

from fixtures.pdfmaker import new_doc

LONG_WORD = "W" * 95
TRICKY = [
    "A plain paragraph of words that wraps over several lines of the page, " * 6,
    "Two  spaces,   three   spaces and a trailing space that ends a line exactly at the margin " * 5 + "  ",
    "   Leading spaces, then a word longer than a line: " + LONG_WORD + " and " + "i" * 400 + " after it.",
    "Non\xa0breaking spaces and a soft\xadhyphen go through multi_cell itself " * 4,
]


def made_by(fast: bool, size: int, framed: bool) -> bytes:
    doc = new_doc(*(("A running header", "a footer", True) if framed else ()), font_size=size)
    for repeat in range(12):  # enough to cross page breaks, whose header resets the font
        for index, text in enumerate(TRICKY):
            heading = (repeat + index) % 5 == 0
            if heading:
                doc.set_font("Helvetica", "B", 16)
            if fast:
                doc.paragraph(5.0, text)
            else:
                doc.multi_cell(0, 5.0, text, new_x="LMARGIN", new_y="NEXT")
            doc.set_font("Helvetica", size=size)
    return bytes(doc.output())


@pytest.mark.parametrize("size, framed", [(10, True), (11, False), (12, True)])
def test_paragraph_prints_the_bytes_multi_cell_prints(size: int, framed: bool) -> None:
    assert made_by(True, size, framed) == made_by(False, size, framed)
