"""The figures of a report are the same whichever format it arrives in, and reports of any year are read.

- Every report in data/raw, printed to PDF (fpdf2, Helvetica; see ``fixtures/pdfmaker.py`` for the
  characters replaced), gives the same figures as its text.
- Style fixtures (``fixtures/styles``: short texts written for these tests in the wording of 2014-2025)
  give the figures written by hand next to them, contradict none, and name unmapped labels.
"""
from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from fixtures.pdfmaker import pdf_safe, text_pdf, two_column_pdf
from tiers import first_in_make_test
from snhr_data.codes import PUBLIC_COLUMNS
from snhr_data.extract import extract_figures
from snhr_data.manifest import read_manifest
from snhr_data.paths import raw_dir
from snhr_data.raw import read_report
from snhr_data.vocab import UnmappedLabelWarning

STYLES = Path(__file__).parent / "fixtures" / "styles"
STYLE_FILES = sorted(p for p in STYLES.iterdir() if p.with_name(f"{p.stem}.expected.csv").exists() and p.suffix != ".csv")
RAW_FILES = list(read_manifest(raw_dir())["file"])
KEY = [c for c in PUBLIC_COLUMNS if c not in ("value", "qualifier")]


def figures_of(source, source_file: str | None = None) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnmappedLabelWarning)
        return extract_figures(source, source_file=source_file)


def public_rows(figures: pd.DataFrame) -> Counter:
    """The figures as a multiset of their public columns (provenance lines may differ between formats)."""
    return Counter(tuple(row) for row in figures[PUBLIC_COLUMNS].astype(str).itertuples(index=False))


def differences(got: pd.DataFrame, want: pd.DataFrame) -> str:
    g, w = public_rows(got), public_rows(want)
    return f"missing: {sorted(w - g)}\nextra: {sorted(g - w)}"


# ---------------------------------------------------------------- every raw report as a PDF


# (font size, running header/footer and page numbers): 10 pt is the house size; at 11 and 12 pt other page
# breaks and wraps come up. At 12 pt table-of-contents entries wrap, which once gave three figures the text
# does not state (page numbers of the contents read as civilian counts); at 11 pt without a header a
# paragraph that ends a page once ran on into the heading that starts the next one.
LAYOUTS = [(10, True), (11, False), (12, True)]


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, int, bool], Path]:
    """The PDF of a raw report in a layout, made when a test first asks for it."""
    folder = tmp_path_factory.mktemp("pdf")
    furniture = {"header": "Syrian Network for Human Rights - monthly death toll", "footer": "snhr.org/reports",
                 "page_numbers": True}

    @cache
    def made(name: str, size: int, framed: bool) -> Path:
        text = (raw_dir() / name).read_text(encoding="utf-8")
        return text_pdf(text, folder / f"{Path(name).stem}-{size}-{framed}.pdf", font_size=size,
                        **(furniture if framed else {}))

    return made


def report_layouts() -> list:
    """Every raw report in every layout; ``make test`` reads the first three reports, each in a layout of its own
    (so that each layout is read), the other pairs carry the mark ``battery`` (``make test-battery``, which CI runs)."""
    return [pytest.param(name, size, framed, id=f"{name}-{size}-{framed}",
                         marks=() if j == i < len(LAYOUTS) else pytest.mark.battery)
            for i, name in enumerate(RAW_FILES) for j, (size, framed) in enumerate(LAYOUTS)]


@cache
def raw_figures(name: str) -> pd.DataFrame:
    """The figures of raw report ``name`` read from its file (read once for the three layouts; not to be changed)."""
    return figures_of(raw_dir() / name)


@pytest.mark.parametrize("name", first_in_make_test(RAW_FILES))
def test_each_raw_report_gives_its_figures_without_the_characters_helvetica_cannot_print(name: str) -> None:
    """Curly quotes, bullets ... (``pdf_safe``, what the PDFs below print) are not what the figures depend on."""
    from_text = raw_figures(name)
    assert len(from_text) > 0
    from_safe_text = figures_of(pdf_safe((raw_dir() / name).read_text(encoding="utf-8")), source_file=name)
    assert public_rows(from_safe_text) == public_rows(from_text), differences(from_safe_text, from_text)


@pytest.mark.parametrize("name, size, framed", report_layouts())
def test_pdf_of_each_raw_report_gives_the_figures_of_its_text(
        name: str, size: int, framed: bool, report_pdf: Callable[[str, int, bool], Path]) -> None:
    from_pdf = figures_of(read_report(report_pdf(name, size, framed)).text, source_file=name)
    from_text = raw_figures(name)
    assert len(from_text) > 0
    assert public_rows(from_pdf) == public_rows(from_text), differences(from_pdf, from_text)


# ---------------------------------------------------------------- layouts: hyphenation, two columns


STATEMENT = ("SNHR documented the killing of 1,104 civilians in June 2018, including 283 children and 147 women, "
             "and 35 individuals died due to torture.")


def test_hyphenated_pdf_gives_the_figures_of_the_unbroken_text(tmp_path: Path) -> None:
    title = "1,104 Civilians Killed in Syria in June 2018"
    broken = (f"{title}\n\nSNHR documented the kill-\ning of 1,104 civil-\nians in June 2018, in-\ncluding 283 chil-\n"
              "dren and 147 wo-\nmen, and 35 individuals died due to tor-\nture.")
    pdf = text_pdf(broken, tmp_path / "hyphenated.pdf")
    from_pdf = figures_of(read_report(pdf).text, source_file="hyphenated.pdf")
    from_text = figures_of(f"{title}\n\n{STATEMENT}\n", source_file="hyphenated.pdf")
    assert public_rows(from_pdf) == public_rows(from_text), differences(from_pdf, from_text)


def test_two_column_pdf_gives_the_figures_of_the_single_column_text(tmp_path: Path) -> None:
    title = "1,104 Civilians Killed in Syria in June 2018"
    paragraphs = [
        "The Syrian Network for Human Rights (SNHR) publishes this report on the civilians killed in Syria "
        "in June 2018 as part of its monthly documentation of deaths.",
        STATEMENT,
        "Syrian Regime forces killed 587 civilians, including 182 children and 95 women, while Russian forces "
        "killed 201 civilians, including 52 children and 25 women.",
        "ISIS killed 43 civilians, including a child, and factions of the armed opposition killed 19 civilians, "
        "including one woman.",
    ]
    pdf = two_column_pdf(title, paragraphs, tmp_path / "columns.pdf")
    from_pdf = figures_of(read_report(pdf).text, source_file="columns.pdf")
    from_text = figures_of(title + "\n\n" + "\n\n".join(paragraphs) + "\n", source_file="columns.pdf")
    assert len(from_text) >= 8
    assert public_rows(from_pdf) == public_rows(from_text), differences(from_pdf, from_text)


# ---------------------------------------------------------------- style fixtures of 2014-2025


def expected_figures(path: Path) -> pd.DataFrame:
    expected = pd.read_csv(path.with_name(f"{path.stem}.expected.csv"), dtype=str, keep_default_na=False)
    expected["value"] = expected["value"].astype(float)
    return expected


@cache
def extracted_with_warnings(path: Path) -> tuple[pd.DataFrame, list[str]]:
    """The figures of a style fixture and its unmapped-label warnings, read once for the tests below (which must
    not change them)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figures = extract_figures(path)
    return figures, [str(w.message) for w in caught if issubclass(w.category, UnmappedLabelWarning)]


def keyed(frame: pd.DataFrame) -> dict[tuple, set[float]]:
    values: dict[tuple, set[float]] = {}
    for row in frame.to_dict("records"):
        values.setdefault(tuple(row[c] for c in KEY), set()).add(float(row["value"]))
    return values


@pytest.mark.parametrize("path", STYLE_FILES, ids=lambda p: p.name)
def test_style_fixture_figures_are_found_with_their_values(path: Path) -> None:
    figures, _ = extracted_with_warnings(path)
    got = keyed(figures)
    missing = [
        (key, value, sorted(got.get(key, [])))
        for key, values in keyed(expected_figures(path)).items() for value in values if value not in got.get(key, set())
    ]
    assert not missing, "expected figures not extracted (key, value, values extracted):\n" + "\n".join(map(str, missing))


@pytest.mark.parametrize("path", STYLE_FILES, ids=lambda p: p.name)
def test_style_fixture_figures_are_not_contradicted(path: Path) -> None:
    figures, _ = extracted_with_warnings(path)
    got, want = keyed(figures), keyed(expected_figures(path))
    contradictions = [(key, sorted(got[key] - values)) for key, values in want.items() if got.get(key, set()) - values]
    assert not contradictions, "extracted values that contradict the text:\n" + "\n".join(map(str, contradictions))
    assert set(figures["report"]) == set(expected_figures(path)["report"])


@pytest.mark.parametrize("path", STYLE_FILES, ids=lambda p: p.name)
def test_style_fixture_unmapped_labels_are_named_with_file_and_line(path: Path) -> None:
    figures, messages = extracted_with_warnings(path)
    listing = path.with_name(f"{path.stem}.unmapped.csv")
    expected = pd.read_csv(listing).to_dict("records") if listing.exists() else []
    for item in expected:
        named = [m for m in messages if item["label"] in m and path.name in m
                 and re.search(rf"(?::|line ){item['line']}\b", m)]
        assert named, f"no warning naming {item['label']!r}, {path.name} and line {item['line']}: {messages}"
        # never guessed: no figure is taken from the line of the unknown party (or, on a line that also
        # states other parties' figures, not the unknown party's count)
        on_line = figures[figures["line"] == item["line"]]
        if pd.notna(item.get("value")):
            assert item["value"] not in set(on_line["value"]), on_line
        else:
            assert on_line.empty, on_line
    assert len(messages) == len(expected), messages


@pytest.mark.parametrize("path", [p for p in STYLE_FILES if p.suffix != ".html"], ids=lambda p: p.name)
def test_style_fixture_as_pdf_gives_the_same_figures(path: Path, tmp_path: Path) -> None:
    pdf = text_pdf(read_report(path).text, tmp_path / f"{path.stem}.pdf")
    from_pdf = figures_of(read_report(pdf).text, source_file=path.name)
    from_text, _ = extracted_with_warnings(path)
    assert public_rows(from_pdf) == public_rows(from_text), differences(from_pdf, from_text)


# ---------------------------------------------------------------- the extract command on a folder


def test_cli_extract_on_a_raw_folder_skips_the_manifest_with_a_note(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from snhr_data.cli import main

    files = [str(raw_dir() / "manifest.csv"), str(raw_dir() / RAW_FILES[0])]
    result = CliRunner().invoke(main, ["extract", *files, "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 0, result.output
    assert f"note: {raw_dir() / 'manifest.csv'}: not a report file (.csv); skipped" in result.output
    assert "Traceback" not in result.output and (tmp_path / "out.csv").is_file()


def test_cli_extract_writes_nothing_if_a_report_fails_and_names_it_with_its_path(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from snhr_data.cli import main

    no_month = tmp_path / "sub" / "no-month.txt"
    no_month.parent.mkdir()
    no_month.write_text("A slogan without a month\n\nWe documented the killing of 12 civilians.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(raw_dir() / RAW_FILES[0]), str(no_month)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {no_month}: ") and "month" in errors[0]
    assert "nothing written: 1 of 2 report(s) could not be read" in result.output
    assert "report,period" not in result.output  # no CSV printed
