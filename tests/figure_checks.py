"""Helpers and per-case checks shared by the adversarial extractor tests (tests/test_extract_*.py).

Two ways of testing ``extract_figures`` on text it was not written against:

* altered copies of the raw reports, compared with the original as figures tables
  (``figure_table``, ``altered_table``, ``table_diff``);
* cases of our own (``tests/cases/``, run by ``test_cases.py``: a text and the figures read from it by
  hand, as lines ``"<period> <measure> <victim> <perpetrator> <governorate> <value>[%<share_of>] [<qualifier>]"``),
  checked one way per test by the ``check_*`` functions, which all take
  ``(figures, case, expected, may_also, unmapped)``: ``figures`` is the reader's list of ``Figure`` (None for a
  text the extractor refused); a qualifier ``any`` accepts every qualifier.

Imported as ``from figure_checks import ...``: pytest puts this folder on ``sys.path`` (rootdir-relative
"prepend" import mode, no ``__init__.py``), as for ``fixtures.pdfmaker``.
"""
from __future__ import annotations

import re
import warnings
from collections import defaultdict
from functools import cache
from operator import attrgetter
from pathlib import Path


from snhr_data.extract import extract_figures
from snhr_data.raw import ReportReadError
from snhr_data.vocab import UnmappedLabelWarning

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
KEY = ["report", "period", "measure", "victim_group", "perpetrator", "governorate", "unit", "share_of"]

MAY_2020 = "snhr-2020-05-monthly.txt"
NOV_2020 = "snhr-2020-11-monthly.md"
DEC_2023 = "snhr-2023-12-monthly-and-annual.txt"
NOV_2024 = "snhr-2024-11-monthly.txt"
DEC_2024 = "snhr-2024-12-press-release.txt"


# --- extracting ------------------------------------------------------------------------------------

def extract_with_warnings(source, *, refused_ok: bool = False):
    """(figures frame, messages of the UnmappedLabelWarnings); other warnings are passed on.
    With ``refused_ok`` a text the extractor refuses (ReportReadError) gives a frame of None."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            frame = extract_figures(source)
        except ReportReadError:
            if not refused_ok:
                raise
            frame = None
    unmapped = []
    for w in caught:
        if issubclass(w.category, UnmappedLabelWarning):
            unmapped.append(str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return frame, tuple(unmapped)


# --- figures tables: altered copies of the raw reports ------------------------------------------------

def key(report, period, measure, victim, perpetrator, governorate="all", unit="count", share_of=""):
    return (report, period, measure, victim, perpetrator, governorate, unit, share_of)


def figure_table(frame) -> dict[tuple, tuple]:
    """key -> sorted (value, qualifier) statements: the whole figures table, restatements included."""
    table: dict[tuple, list] = defaultdict(list)
    for row in frame.itertuples(index=False):
        table[tuple(getattr(row, k) for k in KEY)].append((float(row.value), row.qualifier))
    return {k: tuple(sorted(v)) for k, v in table.items()}


@cache
def original_table(name: str) -> dict[tuple, tuple]:
    """The figures table of the raw report ``name``."""
    return figure_table(extract_with_warnings(RAW / name)[0])


def rewritten_text(name: str, replacements: list[tuple[str, str]]) -> str:
    """The raw report with each (old, new) replaced everywhere; each old must occur."""
    text = (RAW / name).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{name}: {old!r} not found (fixture out of date)"
        text = text.replace(old, new)
    return text


def altered_table(name: str, replacements: list[tuple[str, str]], tmp_path: Path):
    """(figures table, unmapped-label warnings) of a copy of a raw report rewritten by ``rewritten_text``."""
    copy = tmp_path / name
    copy.write_text(rewritten_text(name, replacements), encoding="utf-8")
    frame, unmapped = extract_with_warnings(copy)
    return figure_table(frame), unmapped


def table_diff(before: dict, after: dict) -> dict[tuple, tuple]:
    """key -> (statements before, statements after) for every key whose statements changed."""
    return {k: (before.get(k, ()), after.get(k, ())) for k in set(before) | set(after)
            if before.get(k, ()) != after.get(k, ())}


def show(diff: dict) -> str:
    return "\n".join(f"{' '.join(k[1:6])} {k[6]} {k[7]}: {b} -> {a}" for k, (b, a) in sorted(diff.items()))


# --- cases of our own ------------------------------------------------------------------------------

def parse_expected(line: str, report: str) -> tuple[tuple, float, str]:
    """ "2024-06 civilian_deaths children all all 18.2%victim_group [about]" -> (key, value, qualifier)."""
    period, measure, victim, perpetrator, governorate, value, *rest = line.split()
    unit, share_of = "count", ""
    if "%" in value:
        value, share_of = value.split("%")
        unit = "percent"
    return (key(report, period, measure, victim, perpetrator, governorate, unit, share_of), float(value),
            rest[0] if rest else "exact")


def expected_figures(case: dict, report: str) -> tuple[list, list]:
    """The case's (expected, may_also) figures as (key, value, qualifier)."""
    return ([parse_expected(line, report) for line in case["expected"]],
            [parse_expected(line, report) for line in case.get("may_also", [])])


def row_tuples(frame, columns: list[str]) -> list[tuple]:
    """The frame's rows as plain tuples of ``columns``: what ``frame[columns].itertuples(index=False,
    name=None)`` gives, at an eighth of its cost (no sub-frame copied; each column converted once)."""
    return list(zip(*(frame[column].tolist() for column in columns)))


figure_key = attrgetter(*KEY)  # a figure's key, as a tuple of its KEY fields


def rows_by_key(figures) -> dict[tuple, list[tuple[float, str]]]:
    """key -> (value, qualifier) of its figures, in order (empty if the text was refused)."""
    rows: dict[tuple, list[tuple[float, str]]] = defaultdict(list)
    for figure in figures or ():
        rows[figure_key(figure)].append((float(figure.value), figure.qualifier))
    return dict(rows)


def describe(rows: dict, k: tuple) -> str:
    return " ".join(k[1:6]) + (f" {k[7]}%" if k[6] == "percent" else "") + f" -> {rows.get(k, [])}"


def lines_with(text: str, marker: str, *, ignore_case: bool = False) -> set[int]:
    """1-based numbers of the lines of ``text`` holding ``marker``."""
    if ignore_case:
        text, marker = text.lower(), marker.lower()
    return {i for i, line in enumerate(text.splitlines(), 1) if marker in line}


def layer_lines_with(layer: str, marker: str, *, ignore_case: bool = False) -> set[int]:
    """1-based numbers of the lines of a text layer (an HTML page's article text, a PDF's text) over which
    ``marker`` runs: the layer may wrap it, so any run of whitespace stands for each of its spaces."""
    pattern = r"\s+".join(re.escape(word) for word in marker.split())
    lines = set()
    for match in re.finditer(pattern, layer, re.I if ignore_case else 0):
        first = layer.count("\n", 0, match.start()) + 1
        lines |= set(range(first, first + match.group().count("\n") + 1))
    return lines


def case_lines_with(case: dict, marker: str, *, ignore_case: bool = False) -> set[int]:
    """The lines holding ``marker`` as the reader numbers them: those of the case's ``layer`` (the text read
    from its html or pdf file, see test_cases.py) when it has one, else of its text. A marker in page chrome
    the reader drops is in no line of the layer."""
    if case.get("layer") is None:
        return lines_with(case["text"], marker, ignore_case=ignore_case)
    return layer_lines_with(case["layer"], marker, ignore_case=ignore_case)


def marked_lines(case: dict, field: str, *, ignore_case: bool = False) -> set[int]:
    """The lines (``case_lines_with``) holding any of the markers listed under ``field``; each marker must be in
    the case's text."""
    lines = set()
    for marker in case.get(field, []):
        assert lines_with(case["text"], marker, ignore_case=ignore_case), (
            f"fixture: {field} marker {marker!r} not in the text")
        lines |= case_lines_with(case, marker, ignore_case=ignore_case)
    return lines


# --- the checks ------------------------------------------------------------------------------------

def check_found(figures, case, expected, may_also, unmapped):
    """Every expected figure has a row with its value (and qualifier, unless that is 'any')."""
    rows = rows_by_key(figures)
    missing = [f"{describe(rows, k)} (want {v:g} {q})" for k, v, q in expected
               if not any(value == v and (q == "any" or qual == q) for value, qual in rows.get(k, []))]
    assert missing == [], "\n".join(missing)


def check_no_contradiction(figures, case, expected, may_also, unmapped):
    """No row gives a stated key a value the text does not state for it."""
    stated = defaultdict(set)
    for k, v, _ in expected + may_also:
        stated[k].add(v)
    rows = rows_by_key(figures)
    wrong = [f"{describe(rows, k)} (stated {sorted(values)})" for k, values in stated.items()
             if any(value not in values for value, _ in rows.get(k, []))]
    assert wrong == [], "\n".join(wrong)


def check_nothing_unstated(figures, case, expected, may_also, unmapped):
    """No row has a key the text does not state, nor comes from a line holding a ``silent_lines`` marker
    (matched ignoring case)."""
    if figures is None:
        return
    known = {k for k, _, _ in expected + may_also}
    silent = marked_lines(case, "silent_lines", ignore_case=True)
    by_key = rows_by_key(figures)
    rows = [(figure_key(figure), figure.line) for figure in figures]
    extra = sorted({f"{describe(by_key, k)} line {line}" for k, line in rows if k not in known})
    from_silent = sorted(f"{describe(by_key, k)} line {line}" for k, line in rows if line in silent)
    assert extra + from_silent == [], "\n".join(extra + from_silent)


def check_narrative_silent(figures, case, expected, may_also, unmapped):
    """No row comes from a line holding a ``narrative`` marker."""
    narrative = marked_lines(case, "narrative")
    from_narrative = [f"{' '.join(figure_key(figure))} {figure.value:g} line {figure.line}: {figure.quote}"
                      for figure in figures if figure.line in narrative]
    assert from_narrative == [], "\n".join(from_narrative)


def check_unmapped_reported(figures, case, expected, may_also, unmapped, *, ignore_case: bool = False):
    """Each ``unmapped`` label is reported with <source_file>:<line>; no label outside ``unmapped`` and
    ``may_warn`` is reported. ``ignore_case``: labels are matched in the text and the warnings ignoring case."""
    fold = str.lower if ignore_case else str
    labels = case.get("unmapped", [])
    for label in labels:
        assert lines_with(case["text"], label, ignore_case=ignore_case), f"fixture: {label!r} not in the text"
        places = {f"{case['source_file']}:{line}" for line in case_lines_with(case, label, ignore_case=ignore_case)}
        assert any(fold(label) in fold(m) and any(p in m for p in places) for m in unmapped), (
            f"{label!r} at {sorted(places)} not reported; warnings: {list(unmapped)}")
    allowed = labels + case.get("may_warn", [])
    spurious = [m for m in unmapped if not any(fold(label) in fold(m) for label in allowed)]
    assert spurious == [], "\n".join(spurious)
