"""Fourth round of adversarial tests of ``extract_figures``: after the fall of the regime, issue-5 press
releases, anaphora, parentheses, flattened tables and bullets.

``fixtures/generalization4/texts.yaml`` holds short texts of our own (invented numbers):

1. 2025 publications that hold parties outside the code list ("forces of the transitional government",
   "General Security forces", "Assad regime remnants", "armed groups loyal to the former regime",
   "unidentified gunmen") next to known ones (Israeli forces; Assad regime forces for deaths in the former
   regime's prisons). Totals must be right, unknown labels reported with file:line, and their figures left
   out -- never given to another party or to 'all'.
2. Press releases in the shapes of issue 5 (month, year with December, first half of a year, a report on a
   single massacre, victims abroad: the last two state no figure of a monthly Syria toll).
3. Pronoun and anaphor subjects ("They killed", "The group killed", "These forces were responsible for"),
   "(N)" after a label, tables flattened to text, unusual bullets, a title in digits and a body in words.

Each case is checked five ways: every stated figure is found; no row contradicts a stated figure (same
key, other value); no row has a key the text does not state (``may_also`` lists stated extras); unknown
labels are reported with file and line (and no other label is). Failing (case, check) pairs are marked
``xfail(strict=True)`` with the reason, so a fix shows up as an XPASS failure.
"""
from __future__ import annotations

import warnings
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
import yaml

from snhr_data.extract import extract_figures
from snhr_data.raw import ReportReadError
from snhr_data.vocab import UnmappedLabelWarning

FIXTURES = Path(__file__).parent / "fixtures" / "generalization4"
KEY = ["report", "period", "measure", "victim_group", "perpetrator", "governorate", "unit", "share_of"]
CHECKS = ["report_month", "found", "no_contradiction", "nothing_unstated", "unmapped_reported"]


@cache
def cases() -> dict[str, dict]:
    with open(FIXTURES / "texts.yaml", encoding="utf-8") as handle:
        return {entry["name"]: entry for entry in yaml.safe_load(handle)}


def key(report, period, measure, victim, perpetrator, governorate="all", unit="count", share_of=""):
    return (report, period, measure, victim, perpetrator, governorate, unit, share_of)


def parse_expected(line: str, report: str) -> tuple[tuple, float, str]:
    """ "2025-03 civilian_deaths children all all 118 [about]" -> (key, value, qualifier)."""
    period, measure, victim, perpetrator, governorate, value, *rest = line.split()
    unit, share_of = "count", ""
    if "%" in value:
        value, share_of = value.split("%")
        unit = "percent"
    return (key(report, period, measure, victim, perpetrator, governorate, unit, share_of), float(value),
            rest[0] if rest else "exact")


@cache
def extracted(name: str):
    """(figures frame or None if the text was refused, messages of the UnmappedLabelWarnings)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            frame = extract_figures(cases()[name]["text"])
        except ReportReadError:
            if not cases()[name].get("no_figures_ok"):
                raise
            frame = None
    return frame, tuple(str(w.message) for w in caught if issubclass(w.category, UnmappedLabelWarning))


def rows_of(frame, k: tuple) -> list[tuple[float, str]]:
    if frame is None:
        return []
    mask = True
    for column, value in zip(KEY, k):
        mask = mask & (frame[column] == value)
    return [(float(v), q) for v, q in zip(frame.loc[mask, "value"], frame.loc[mask, "qualifier"])]


def describe(frame, k: tuple) -> str:
    return " ".join(k[1:6]) + (f" {k[7]}%" if k[6] == "percent" else "") + f" -> {rows_of(frame, k)}"


def lines_with(text: str, marker: str) -> set[int]:
    return {i for i, line in enumerate(text.splitlines(), 1) if marker.lower() in line.lower()}


# --- the checks ----------------------------------------------------------------------------------

def check_report_month(frame, case, expected, may_also, unmapped):
    """Every row names the month the text covers and comes from "<text>"."""
    if frame is None:
        return
    assert set(frame["report"]) == {case["report"]}
    assert set(frame["source_file"]) == {"<text>"}


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
    if frame is None:
        return
    known = {k for k, _, _ in expected + may_also}
    extra = sorted({describe(frame, tuple(r)) + f" line {line}"
                    for r, line in zip(frame[KEY].itertuples(index=False, name=None), frame["line"])
                    if tuple(r) not in known})
    silent = set()
    for marker in case.get("silent_lines", []):
        found = lines_with(case["text"], marker)
        assert found, f"fixture: silent-line marker {marker!r} not in the text"
        silent |= found
    from_silent = sorted(f"{describe(frame, tuple(r))} line {line}"
                         for r, line in zip(frame[KEY].itertuples(index=False, name=None), frame["line"])
                         if line in silent)
    assert extra + from_silent == [], "\n".join(extra + from_silent)


def check_unmapped_reported(frame, case, expected, may_also, unmapped):
    """Each unknown label is reported with <text>:<line>; no label outside unmapped/may_warn is reported."""
    for label in case.get("unmapped", []):
        places = {f"<text>:{line}" for line in lines_with(case["text"], label)}
        assert places, f"fixture: {label!r} not in the text"
        assert any(label.lower() in m.lower() and any(p in m for p in places) for m in unmapped), (
            f"{label!r} at {sorted(places)} not reported; warnings: {list(unmapped)}")
    allowed = [label.lower() for label in case.get("unmapped", []) + case.get("may_warn", [])]
    spurious = [m for m in unmapped if not any(label in m.lower() for label in allowed)]
    assert spurious == [], "\n".join(spurious)


CHECK_FUNCTIONS = {
    "report_month": check_report_month,
    "found": check_found,
    "no_contradiction": check_no_contradiction,
    "nothing_unstated": check_nothing_unstated,
    "unmapped_reported": check_unmapped_reported,
}

# Currently failing (case, check) pairs: "extractor: <what goes wrong>". Remove an entry once it passes.
XFAIL: dict[tuple[str, str], str] = {
}


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
    assert frame is None or len(frame), f"{name}: no figures"
    expected = [parse_expected(line, report) for line in case["expected"]]
    may_also = [parse_expected(line, report) for line in case.get("may_also", [])]
    CHECK_FUNCTIONS[check](frame, case, expected, may_also, unmapped)
