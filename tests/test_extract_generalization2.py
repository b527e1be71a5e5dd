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
import warnings
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from snhr_data.extract import extract_figures
from snhr_data.vocab import UnmappedLabelWarning

FIXTURES = Path(__file__).parent / "fixtures" / "generalization2"
REPORTS_DIR = FIXTURES / "reports"
KEY = ["report", "period", "measure", "victim_group", "perpetrator", "governorate", "unit", "share_of"]
CHECKS = ["found", "no_contradiction", "nothing_unstated", "narrative_silent", "unmapped_reported"]


# --- cases ---------------------------------------------------------------------------------------

def _load(name: str) -> list[dict]:
    with open(FIXTURES / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=None)
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


def key(report, period, measure, victim, perpetrator, governorate="all", unit="count", share_of=""):
    return (report, period, measure, victim, perpetrator, governorate, unit, share_of)


def parse_expected(line: str, report: str) -> tuple[tuple, float, str]:
    """ "2024-06 civilian_deaths children all all 18.2%victim_group [about]" -> (key, value, qualifier)."""
    period, measure, victim, perpetrator, governorate, value, *rest = line.split()
    unit, share_of = "count", ""
    if "%" in value:
        value, share_of = value.split("%")
        unit = "percent"
    return (key(report, period, measure, victim, perpetrator, governorate, unit, share_of), float(value),
            rest[0] if rest else "exact")


@lru_cache(maxsize=None)
def extracted(name: str):
    """(figures frame, messages of the UnmappedLabelWarnings) of a case."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = extract_figures(cases()[name]["source"])
    return frame, tuple(str(w.message) for w in caught if issubclass(w.category, UnmappedLabelWarning))


def rows_of(frame, k: tuple) -> list[tuple[float, str]]:
    mask = True
    for column, value in zip(KEY, k):
        mask = mask & (frame[column] == value)
    return [(float(v), q) for v, q in zip(frame.loc[mask, "value"], frame.loc[mask, "qualifier"])]


def describe(frame, k: tuple) -> str:
    return " ".join(k[1:6]) + (f" {k[7]}%" if k[6] == "percent" else "") + f" -> {rows_of(frame, k)}"


def line_numbers_with(text: str, marker: str) -> set[int]:
    return {i for i, line in enumerate(text.splitlines(), 1) if marker in line}


# --- the checks ----------------------------------------------------------------------------------

def check_found(frame, case, expected, may_also, unmapped):
    missing = [f"{describe(frame, k)} (want {v:g} {q})" for k, v, q in expected
               if not any(value == v and (q == "any" or qual == q) for value, qual in rows_of(frame, k))]
    assert missing == [], "\n".join(missing)


def check_no_contradiction(frame, case, expected, may_also, unmapped):
    stated = defaultdict(set)
    for k, v, _ in expected + may_also:
        stated[k].add(v)
    wrong = [f"{describe(frame, k)} (stated {sorted(values)})" for k, values in stated.items()
             if any(value not in values for value, _ in rows_of(frame, k))]
    assert wrong == [], "\n".join(wrong)


def check_nothing_unstated(frame, case, expected, may_also, unmapped):
    known = {k for k, _, _ in expected + may_also}
    extra = sorted({describe(frame, tuple(r)) + f" line {line}"
                    for r, line in zip(frame[KEY].itertuples(index=False, name=None), frame["line"])
                    if tuple(r) not in known})
    assert extra == [], "\n".join(extra)


def check_narrative_silent(frame, case, expected, may_also, unmapped):
    lines = set()
    for marker in case.get("narrative", []):
        found = line_numbers_with(case["text"], marker)
        assert found, f"fixture: narrative marker {marker!r} not in the text"
        lines |= found
    from_narrative = frame[frame["line"].isin(lines)]
    assert from_narrative.empty, from_narrative[KEY + ["value", "line", "quote"]].to_string()


def check_unmapped_reported(frame, case, expected, may_also, unmapped):
    """Each unknown label is reported with file and line; no other label is reported."""
    labels = case.get("unmapped", [])
    for label in labels:
        lines = line_numbers_with(case["text"], label)
        assert lines, f"fixture: {label!r} not in the text"
        places = {f"{case['source_file']}:{line}" for line in lines}
        assert any(label in message and any(place in message for place in places) for message in unmapped), (
            f"{label!r} at {sorted(places)} not reported; warnings: {list(unmapped)}")
    spurious = [m for m in unmapped if not any(label in m or _quoted_label(m) in label for label in labels)]
    assert spurious == []


def _quoted_label(message: str) -> str:
    """The label an UnmappedLabelWarning names (between quotes after "label")."""
    match = re.search(r"label ([\'\"])(?P<label>.+?)\1", message)
    return match.group("label") if match else message


CHECK_FUNCTIONS = {
    "found": check_found,
    "no_contradiction": check_no_contradiction,
    "nothing_unstated": check_nothing_unstated,
    "narrative_silent": check_narrative_silent,
    "unmapped_reported": check_unmapped_reported,
}

# Currently failing (case, check) pairs: "extractor: <what goes wrong>". Remove an entry once it passes.
XFAIL: dict[tuple[str, str], str] = {}


def case_params():
    for name in cases():
        for check in CHECKS:
            reason = XFAIL.get((name, check))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(name, check, marks=marks, id=f"{name}-{check}")


@pytest.mark.parametrize("name, check", list(case_params()))
def test_case(name, check):
    case = cases()[name]
    frame, unmapped = extracted(name)
    report = case["report"]
    assert len(frame), f"{name}: no figures"
    assert set(frame["report"]) == {report}
    expected = [parse_expected(line, report) for line in case["expected"]]
    may_also = [parse_expected(line, report) for line in case.get("may_also", [])]
    CHECK_FUNCTIONS[check](frame, case, expected, may_also, unmapped)


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
