"""Second round of adversarial tests of ``extract_figures``: whole reports and edge wordings.

* ``fixtures/generalization2/reports/``: full-length reports of our own in the 2021-2025 layout
  (title block, date line, contents, background and methodology, brief on notable killings with
  lettered party sections, death-toll lists, governorate and month shares, torture, medical / media /
  Civil Defense, massacres, massacres from history, conclusions and recommendations), one as
  PDF-extracted text (hard wraps, hyphenation, page numbers, bullets, stray URLs), one as markdown,
  one annual report (December and the whole year) and one January report. Their figures, read by
  hand, are in ``reports.yaml``.
* ``fixtures/generalization2/texts.yaml``: short texts for edge wordings (qualifiers, "a child",
  ranges, decimals, "%", "per cent", numbers over 1,000, zero statements in words, joint parties,
  party names the vocabulary lacks, governorate spellings, month and year boundaries).

Numbers are invented. Each case is checked five ways: every stated figure is found with its value;
no row contradicts a stated figure (same key, other value); no row has a key the text does not
state (``may_also`` lists stated extras the extractor may report); lines of narrative, history and
recommendations give no row; and unknown party labels are reported with file and line (and only
those). Cases the extractor gets wrong today are marked ``xfail(strict=True)`` with the reason.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from figure_checks import (
    KEY, check_found, check_narrative_silent, check_no_contradiction, check_nothing_unstated, check_params,
    check_unmapped_reported, expected_figures, extract_with_warnings,
)

from snhr_data.extract import extract_figures

FIXTURES = Path(__file__).parent / "fixtures" / "generalization2"
REPORTS_DIR = FIXTURES / "reports"


# --- cases ---------------------------------------------------------------------------------------

def _load(name: str) -> list[dict]:
    with open(FIXTURES / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def cases() -> dict[str, dict]:
    """name -> case: report (YYYY-MM), text, source (path or text), source_file, expected, may_also, ..."""
    found = {}
    for entry in _load("reports.yaml"):
        path = REPORTS_DIR / entry["file"]
        found[entry["file"]] = {**entry, "text": path.read_text(encoding="utf-8"), "source": path,
                                "source_file": entry["file"]}
    for entry in _load("texts.yaml"):
        found[entry["name"]] = {**entry, "source": entry["text"], "source_file": "<text>"}
    return found


@cache
def extracted(name: str):
    """(figures frame, messages of the UnmappedLabelWarnings) of a case."""
    return extract_with_warnings(cases()[name]["source"])


CHECK_FUNCTIONS = {
    "found": check_found,
    "no_contradiction": check_no_contradiction,
    "nothing_unstated": check_nothing_unstated,
    "narrative_silent": check_narrative_silent,
    "unmapped_reported": check_unmapped_reported,
}

# Currently failing (case, check) pairs: "extractor: <what goes wrong>". Remove an entry once it passes.
XFAIL: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("name, check", list(check_params(cases(), list(CHECK_FUNCTIONS), XFAIL)))
def test_case(name, check):
    case = cases()[name]
    frame, unmapped = extracted(name)
    report = case["report"]
    assert len(frame), f"{name}: no figures"
    assert set(frame["report"]) == {report}
    CHECK_FUNCTIONS[check](frame, case, *expected_figures(case, report), unmapped)


# --- provenance on whole reports ------------------------------------------------------------------

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


@pytest.mark.parametrize("name", [n for n in cases() if n.endswith((".txt", ".md"))])
def test_every_row_of_a_report_points_at_a_line_that_states_its_number(name):
    """source_file is the file name; line is a 1-based line of the raw file on which the value is written
    (or ends: the line before is allowed, for a statement wrapped across lines)."""
    frame, _ = extracted(name)
    lines = cases()[name]["text"].splitlines()
    assert set(frame["source_file"]) == {name}
    bad = []
    for row in frame.itertuples(index=False):
        assert 1 <= row.line <= len(lines)
        near = " ".join(lines[max(row.line - 2, 0):row.line]).lower().replace(",", "")
        if not any(re.search(rf"(?<![\w.]){re.escape(s)}(?![\w]|\.\d)", near) for s in spellings(row.value)):
            bad.append(f"line {row.line}: {row.value:g} not on {lines[row.line - 1][:80]!r}")
    assert bad == [], "\n".join(bad)


def test_pdf_hyphenation_gives_the_same_figures_as_whole_words(tmp_path):
    """Rejoining the words hyphenated across lines ("chil-" + "dren") changes no figure and no line."""
    name = "2023-09-monthly-pdf.txt"
    text = cases()[name]["text"]
    assert "chil-\ndren" in text and "impor-\ntant" in text
    joined = re.sub(r"(?<=[a-z])-\n([a-z]+)", r"\1\n", text)
    copy = tmp_path / name
    copy.write_text(joined, encoding="utf-8")
    columns = KEY + ["value", "qualifier", "line"]
    table = lambda frame: sorted(frame[columns].itertuples(index=False, name=None))  # noqa: E731
    assert table(extract_figures(copy)) == table(extracted(name)[0])


def test_strict_mode_raises_on_an_unknown_list_label():
    from snhr_data.vocab import UnmappedLabelError
    with pytest.raises(UnmappedLabelError, match="Iranian militias"):
        extract_figures(REPORTS_DIR / "2024-06-monthly.md", strict=True)
