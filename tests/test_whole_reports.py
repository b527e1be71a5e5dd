"""Whole reports of our own (``tests/cases/whole_reports/``): every row points at the raw line that writes its
number, PDF hyphenation changes nothing, and strict mode stops at an unknown list label."""
from __future__ import annotations

import re

import pytest
from figure_checks import KEY, extract_with_warnings
from test_cases import all_cases, case_source

from snhr_data.extract import extract_figures
from snhr_data.vocab import UnmappedLabelError

WHOLE_REPORTS = "whole_reports/layout_2021_2025"


def reports() -> dict[str, dict]:
    """source file name -> case, for the whole reports written as .txt or .md."""
    return {c["source_file"]: c for c in all_cases().values()
            if c["id"].startswith(WHOLE_REPORTS + ":") and c.get("format") in {"txt", "md"}}


@pytest.fixture(scope="module")
def report_files(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("whole_reports")
    return {name: case_source(case, folder) for name, case in reports().items()}


_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def spellings(value: float) -> list[str]:
    """How a report may write ``value``: digits (without thousands commas) and, below 100, words."""
    if not float(value).is_integer():
        return [f"{value:g}"]
    n = int(value)
    found = [str(n)]
    if n < 20:
        found.append(_WORDS[n])
    elif n < 100:
        found.append(_TENS[n // 10 - 2] + (f"-{_WORDS[n % 10]}" if n % 10 else ""))
    found += {0: ["no", "not", "none"], 1: ["a", "an"]}.get(n, [])
    return found


@pytest.mark.parametrize("name", sorted(reports()))
def test_every_row_of_a_report_points_at_a_line_that_states_its_number(name, report_files):
    """source_file is the file name; line is a 1-based line of the raw file on which the value is written
    (or ends: the line before is allowed, for a statement wrapped across lines)."""
    frame, _ = extract_with_warnings(report_files[name])
    lines = reports()[name]["text"].splitlines()
    assert set(frame["source_file"]) == {name}
    bad = []
    for row in frame.itertuples(index=False):
        assert 1 <= row.line <= len(lines)
        near = " ".join(lines[max(row.line - 2, 0):row.line]).lower().replace(",", "")
        if not any(re.search(rf"(?<![\w.]){re.escape(s)}(?![\w]|\.\d)", near) for s in spellings(row.value)):
            bad.append(f"line {row.line}: {row.value:g} not on {lines[row.line - 1][:80]!r}")
    assert bad == [], "\n".join(bad)


def test_pdf_hyphenation_gives_the_same_figures_as_whole_words(tmp_path, report_files):
    """Rejoining the words hyphenated across lines ("chil-" + "dren") changes no figure and no line."""
    name = "2023-09-monthly-pdf.txt"
    text = reports()[name]["text"]
    assert "chil-\ndren" in text and "impor-\ntant" in text
    joined = re.sub(r"(?<=[a-z])-\n([a-z]+)", r"\1\n", text)
    copy = tmp_path / name
    copy.write_text(joined, encoding="utf-8")
    columns = KEY + ["value", "qualifier", "line"]
    table = lambda frame: sorted(frame[columns].itertuples(index=False, name=None))  # noqa: E731
    assert table(extract_figures(copy)) == table(extract_with_warnings(report_files[name])[0])


def test_strict_mode_raises_on_an_unknown_list_label(report_files):
    with pytest.raises(UnmappedLabelError, match="Iranian militias"):
        extract_figures(report_files["2024-06-monthly.md"], strict=True)
