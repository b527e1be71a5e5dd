"""snhr_data.raw (with pdf_text and web_page): report files of every format -> the text layer that provenance
lines refer to."""
from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.pdfmaker import empty_pdf, image_only_pdf, new_doc, text_pdf, two_column_pdf
from snhr_data.pdf_text import (
    Line,
    Word,
    ended_early,
    find_gutter,
    join_pages,
    page_words,
    reading_order,
    strip_page_furniture,
    with_paragraph_breaks,
)
from snhr_data.raw import ReportReadError, read_report, repeated_statements
from snhr_data.web_page import html_to_text

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"

# ---------------------------------------------------------------- plain text


def test_text_file_is_returned_line_for_line(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"first line\r\nsecond line\r\n\r\nthird\n")
    report = read_report(path)
    assert report.text == "first line\nsecond line\n\nthird\n"
    assert report.source_file == "r.txt"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"  \n", "empty"),
        ("binary.md", b"abc\x00def", "binary"),
        ("latin1.txt", "caf\u00e9".encode("latin-1"), "not UTF-8"),
        ("report.docx", b"text", "unsupported format .docx"),
    ],
)
def test_unreadable_files_name_the_file(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportReadError, match=message) as error:
        read_report(path)
    assert name in str(error.value)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportReadError, match="no such file"):
        read_report(tmp_path / "absent.pdf")


# ---------------------------------------------------------------- PDF


def test_pdf_text_keeps_every_word_and_paragraph_breaks(tmp_path: Path) -> None:
    text = (
        "125 Civilians Killed in Syria in May 2020\n\n"
        "The Syrian Network for Human Rights documented the killing of 125 civilians in May 2020, including "
        "26 children and six women, and this sentence is long enough to wrap onto a second printed line.\n\n"
        "A second paragraph."
    )
    pdf_text = read_report(text_pdf(text, tmp_path / "plain.pdf")).text
    assert pdf_text.split() == text.split()
    paragraphs = pdf_text.strip().split("\n\n")
    assert [p.split()[0] for p in paragraphs] == ["125", "The", "A"]
    assert len(paragraphs[1].split("\n")) >= 2  # the long line wraps, and the wrap is kept


def test_pdf_running_headers_footers_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    body = "\n\n".join(f"Paragraph {i}: we documented {i} civilian deaths in this invented example." for i in range(90))
    path = text_pdf(body, tmp_path / "furniture.pdf", header="SNHR Monthly Report - May 2020",
                    footer="snhr.org | info@snhr.org", page_numbers=True)
    text = read_report(path).text
    assert "SNHR Monthly Report" not in text
    assert "snhr.org" not in text
    assert text.split() == body.split()  # bare page numbers gone, every body word kept, in order


def test_pdf_hyphenated_line_ends_are_kept_for_the_cleaning_stage(tmp_path: Path) -> None:
    text = "SNHR documented the killing of 71 civil-\nians, including 20 chil-\ndren and six women."
    lines = read_report(text_pdf(text, tmp_path / "hyphen.pdf")).text.splitlines()
    assert lines == text.splitlines()


def test_two_column_page_is_read_column_by_column(tmp_path: Path) -> None:
    paragraphs = [
        "Left one: the first paragraph of the left column, long enough to wrap over several printed lines "
        "of this narrow column.",
        "Left two: a second paragraph that still belongs to the left column before the text flows on.",
        "Right one: the first paragraph of the right column, which must come after all of the left column.",
        "Right two: the last paragraph of the right column, long enough to wrap onto further lines too.",
    ]
    path = two_column_pdf("A Full-Width Title Above Two Columns", paragraphs, tmp_path / "two.pdf",
                          after="A full-width closing paragraph under the columns, long enough to cross the gutter.")
    text = read_report(path).text
    assert text.split() == " ".join(
        ["A Full-Width Title Above Two Columns", *paragraphs,
         "A full-width closing paragraph under the columns, long enough to cross the gutter."]
    ).split()
    assert "Left one" in text.splitlines()[2]  # the title is a paragraph of its own


@pytest.mark.parametrize("make", [image_only_pdf, empty_pdf], ids=["image-only", "empty-pages"])
def test_pdf_without_text_layer_is_a_clear_error(tmp_path: Path, make) -> None:
    path = make(tmp_path / "scan.pdf")
    with pytest.raises(ReportReadError, match="no text layer") as error:
        read_report(path)
    assert "scan.pdf" in str(error.value)


def test_damaged_pdf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a PDF\n")
    with pytest.raises(ReportReadError, match="broken.pdf"):
        read_report(path)


def test_pdf_reading_is_deterministic(tmp_path: Path) -> None:
    doc = new_doc()
    doc.multi_cell(0, 5, "Line one of a tiny report.\nLine two.")
    doc.output(str(tmp_path / "tiny.pdf"))
    assert read_report(tmp_path / "tiny.pdf") == read_report(tmp_path / "tiny.pdf")


@pytest.mark.parametrize("offset", [(0, 0), (30, 40)])
def test_pdf_words_are_those_pdfplumber_gives(tmp_path: Path, offset: tuple[int, int]) -> None:
    """``page_words`` (PDFium's words, boxed as pdfminer boxes characters) gives the words pdfplumber's word
    grouping makes of ``page.chars``, in the same places, on a page with running header, footer and a
    hyphen at a line end, and on one whose media box does not start at the origin. Tops and bottoms may
    differ by the fonts' descents, which pdfminer takes from its own metrics of the 14 standard fonts."""
    import pdfplumber
    import pypdfium2 as pdfium
    from pypdf import PdfReader, PdfWriter

    body = "\n\n".join(f"Paragraph {i}: we documented {i} civilian deaths (2.5%) in May 2020 in the gover-\n"
                       "norate." for i in range(70))
    path = text_pdf(body, tmp_path / "plain.pdf", header="SNHR Monthly Report", page_numbers=True)
    writer = PdfWriter(clone_from=PdfReader(path))
    for page in writer.pages:
        x, y = offset
        page.mediabox.lower_left = (x, y)
        page.mediabox.upper_right = (float(page.mediabox.right) + x, float(page.mediabox.top) + y)
    writer.write(path)
    with pdfplumber.open(path) as pdf:
        expected = [page.extract_words() for page in pdf.pages]
    document = pdfium.PdfDocument(path)
    words = [page_words(page) for page in document]
    document.close()
    assert len(words) == len(expected) >= 2
    for got, want in zip(words, expected):
        assert [w.text for w in got] == [w["text"] for w in want]
        for word, reference in zip(got, want):
            assert word.x0 == pytest.approx(reference["x0"], abs=1e-3)
            assert word.x1 == pytest.approx(reference["x1"], abs=1e-3)
            assert word.top == pytest.approx(reference["top"], abs=0.3)
            assert word.bottom - word.top == pytest.approx(reference["bottom"] - reference["top"], abs=1e-3)


# ---------------------------------------------------------------- PDF layout helpers on hand-made words


def words_row(top: float, spans: list[tuple[float, float]], size: float = 10) -> list[Word]:
    return [Word(f"w{int(x0)}", x0, x1, top, top + size) for x0, x1 in spans]


def test_gutter_found_for_two_text_columns() -> None:
    words = [w for i in range(6) for w in words_row(100 + 14 * i, [(50, 120), (125, 280), (310, 400), (405, 545)])]
    assert 280 < find_gutter(words, 595) < 310


def test_table_with_short_number_column_is_not_two_columns() -> None:
    # label column filling the left half, a short number at the right: a table, read row by row
    words = [w for i in range(6) for w in words_row(100 + 14 * i, [(50, 120), (125, 280), (500, 515)])]
    assert find_gutter(words, 595) is None


def test_single_column_with_ragged_right_edge_is_not_two_columns() -> None:
    ends = [540, 420, 515, 390, 545, 470]
    words = [w for i, end in enumerate(ends) for w in words_row(100 + 14 * i, [(50, 200), (204, 330), (334, end)])]
    assert find_gutter(words, 595) is None


def test_reading_order_reads_left_column_then_right_even_off_baseline() -> None:
    left = [Word(f"L{i}", 50, 280, 100 + 14 * i, 110 + 14 * i) for i in range(4)]
    right = [Word(f"R{i}", 310, 545, 105 + 14 * i, 115 + 14 * i) for i in range(4)]  # baselines offset by 5 pt
    title = [Word("Title", 50, 545, 80, 90)]
    lines = reading_order(title + left + right, 295)
    assert [line.text for line in lines] == ["Title", "L0", "L1", "L2", "L3", "R0", "R1", "R2", "R3"]


def test_paragraph_break_on_large_gap_or_font_change() -> None:
    lines = [Line("Heading", 0, 16, 16), Line("body one", 20, 30, 10), Line("body two", 34, 44, 10),
             Line("after gap", 60, 70, 10)]
    assert with_paragraph_breaks(lines) == ["Heading", "", "body one", "body two", "", "after gap"]


def test_page_furniture_needs_repetition_and_consistent_page_numbers() -> None:
    pages = [
        ["Report title", "body a", "3"],
        ["Report title", "body b", "4"],
        ["Report title", "body c", "5"],
    ]
    assert strip_page_furniture(pages) == [["body a"], ["body b"], ["body c"]]
    # a bare number on one page only is content, not a page number; a line on one page only is kept
    assert strip_page_furniture([["Intro", "body", "125"], ["Other", "more body", "Closing"]]) == [
        ["Intro", "body", "125"], ["Other", "more body", "Closing"]
    ]


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html><head><title>Site - SNHR</title>
<meta property="article:published_time" content="2022-07-01T09:00:00+00:00">
<script>var views = 999;</script><style>p {color: red}</style></head>
<body>
<header><nav><ul><li>Home</li><li>Reports (44)</li></ul></nav>
<h1>278 Civilians Killed in June 2022</h1></header>
<div class="sidebar"><p>Newsletter: 12 issues a year</p></div>
<article>
<p>The Syrian Network for Human Rights announced that <b>278</b> civilians
were killed in June 2022.</p>
<h2>Details</h2>
<ul><li>51 children</li><li>27 women</li></ul>
<div class="share">Share on 3 networks</div>
</article>
<aside><p>Most read: 500 reports</p></aside>
<footer>Copyright 2022</footer>
</body></html>"""


def test_html_article_text_without_menus() -> None:
    text, published = html_to_text(PAGE, "page.html")
    assert text == (
        "278 Civilians Killed in June 2022\n\n"
        "The Syrian Network for Human Rights announced that 278 civilians were killed in June 2022.\n\n"
        "## Details\n\n51 children\n27 women\n"  # a heading keeps its level: it ends a section of its level
    )
    assert published == "2022-07-01"


def test_html_without_article_uses_the_largest_paragraph_block() -> None:
    page = """<html><body><div id="menu"><p>Home</p><p>About</p></div>
    <div class="content"><p>First paragraph of the release, 12 civilians.</p><p>Second paragraph.</p></div>
    <div class="widget"><p>Popular: 99 posts</p></div></body></html>"""
    text, published = html_to_text(page, "page.html")
    assert text == "First paragraph of the release, 12 civilians.\n\nSecond paragraph.\n"
    assert published == ""


def test_html_publication_date_from_time_element() -> None:
    _, published = html_to_text('<article><time datetime="2019-12-31T10:00">x</time><p>Text.</p></article>', "p.html")
    assert published == "2019-12-31"


def test_html_without_text_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><body><nav>Home</nav><script>1</script></body></html>", encoding="utf-8")
    with pytest.raises(ReportReadError, match="blank.html.*no article text"):
        read_report(path)


def test_html_file_is_read_through_read_report(tmp_path: Path) -> None:
    path = tmp_path / "release.htm"
    path.write_text(PAGE, encoding="utf-8")
    report = read_report(path)
    assert report.source_file == "release.htm"
    assert report.published == "2022-07-01"
    assert "Newsletter" not in report.text and "Copyright" not in report.text and "views" not in report.text


def test_lines_that_differ_in_a_page_count_are_furniture_but_similar_content_lines_are_not() -> None:
    pages = [
        ["Monthly report | page 1", "- Regime forces: 12 civilians.", "body a", "- Russian forces: 3 civilians."],
        ["Monthly report | page 2", "- Regime forces: 40 civilians.", "body b", "- Russian forces: 9 civilians."],
        ["Monthly report | page 3", "- Regime forces: 7 civilians.", "body c", "- Russian forces: 1 civilians."],
    ]
    assert strip_page_furniture(pages) == [page[1:] for page in pages]


def test_truncated_pdf_is_a_clear_error(tmp_path: Path) -> None:
    whole = text_pdf("Some report text.", tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(ReportReadError, match="truncated.pdf"):
        read_report(path)


def test_a_sentence_running_over_a_page_break_stays_one_paragraph() -> None:
    pages = [["Three Civil Defense members were killed, all in December", ""], ["", "2024 - two by one party."]]
    assert join_pages(pages) == "Three Civil Defense members were killed, all in December\n2024 - two by one party.\n"


def test_a_short_last_line_ending_a_sentence_ends_its_paragraph_at_a_page_break() -> None:
    body = ["A full line of report text that runs from one margin of the page to the other one."] * 5
    pages = [body + ["high percentage."], ["The death toll of victims was distributed as follows:"]]
    assert join_pages(pages).splitlines()[-3:] == ["high percentage.", "", "The death toll of victims was distributed as follows:"]
    pages = [body, ["The next sentence of the same paragraph."]]
    assert "\n\n" not in join_pages(pages)


# ---------------------------------------------------------------- encodings, size, repeated text

REPORT_LINE = "We documented the killing of 71 civilians in Syria in November 2024, including 20 children."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_text_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "r.txt"
    bom = {"utf-16": b"", "utf-16-be": "\ufeff".encode("utf-16-be"), "utf-16-le": "\ufeff".encode("utf-16-le")}[encoding]
    path.write_bytes(bom + f"Title\r\n{REPORT_LINE}\r\n".encode(encoding))
    assert read_report(path).text == f"Title\n{REPORT_LINE}\n"


def test_latin1_text_names_the_file_and_how_to_convert_it(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(f"{REPORT_LINE} Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(ReportReadError) as caught:
        read_report(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert f"iconv -f latin1 -t utf-8 {path} > {tmp_path / 'report.utf8.txt'}" in message


def test_a_text_larger_than_any_report_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("".join(f"Line {i}: {REPORT_LINE}\n" for i in range(25_000)), encoding="utf-8")
    with pytest.raises(ReportReadError, match=r"big\.txt: 2\.\d MB of text, more than one report can hold"):
        read_report(path)


def test_one_report_pasted_several_times_is_refused(tmp_path: Path) -> None:
    report = (RAW / "snhr-2024-12-press-release.txt").read_text(encoding="utf-8")
    path = tmp_path / "pasted.txt"
    path.write_text(report * 3, encoding="utf-8")
    with pytest.raises(ReportReadError, match=r"pasted\.txt: \d+ of its \d+ statements repeat earlier ones"):
        read_report(path)
    once = tmp_path / "once.txt"
    once.write_text(report + "\n" + report.splitlines()[2] + "\n", encoding="utf-8")  # one sentence quoted again
    assert read_report(once).text


@pytest.mark.parametrize("name", sorted(p.name for p in RAW.glob("snhr-*")))
def test_no_raw_report_counts_as_repeated(name: str) -> None:
    repeats, statements = repeated_statements((RAW / name).read_text(encoding="utf-8"))
    assert repeats < 0.1 * statements


def test_a_page_whose_text_stops_a_line_early_ends_its_paragraph() -> None:
    words = iter("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi".split())

    def page(bottoms: list[float]) -> list[Line]:
        return [Line(f"The {next(words)} line of the text.", bottom - 10, bottom, 10.0) for bottom in bottoms]

    layouts = [page([100, 114, 128, 800]), page([100, 114, 770]), page([100, 114, 800]), page([100])]
    pages = [[line.text for line in layout] for layout in layouts]
    assert ended_early(layouts, pages) == [False, True, False, False]
    assert ended_early(layouts[:1], pages[:1]) == [False]
