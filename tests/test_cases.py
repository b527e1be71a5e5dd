"""The extraction cases of ``tests/cases/<behaviour>/<topic>.yaml``, one test per case running each of its checks.

A case is a text of our own (numbers invented) and the figures read from it by hand. Keys:

* ``name``, ``origin`` (who wrote it and why), ``report`` (the month the text covers), ``text``;
* ``expected``: figures that must be found, ``"<period> <measure> <victim_group> <perpetrator> <governorate>
  <value>[%<share_of>] [qualifier|any]"``; ``may_also``: figures the text states that may be reported too;
* ``unmapped``: party labels that must be reported (UnmappedLabelWarning naming ``file:line``);
  ``may_warn``: labels that may be; ``narrative`` / ``silent_lines``: markers of lines that give no figure;
  ``no_figures_ok``: a refusal is a right answer too;
* ``month``: the month a user gives (``extract_figures(month=...)``, ``--month``), for a text naming no year;
  ``kind``: ``monthly``, ``press_release``, ``annual``, ``half_year``, ``news`` ...; ``format``: ``txt``, ``md``,
  ``html`` or ``pdf``: the text is written to a file of that suffix (a PDF made by ``fixtures/pdfmaker.py``);
* ``refused``: a regex that the refusal (``ReportReadError``) must match; ``warns``: regexes that warnings
  naming ``file:line`` must match;
* ``xfail``: check -> reason, for a check the extractor fails today. Strict: the case's test fails if any other
  check fails or if a check listed here passes (remove its line); when only the listed checks fail, the test is
  reported as xfailed with their reasons.

Checks: ``report_month`` (every row names the report month and the case's file), ``found``,
``no_contradiction``, ``nothing_unstated``, ``narrative_silent``, ``unmapped_reported``; ``refused`` for a
text that must be refused (instead of the others) and ``warns`` when the case lists warnings.

The rows' ``line`` counts the lines of the text the reader reads: for a case with a ``format`` of html or pdf,
the page's article text or the PDF's text layer, not the lines of ``text``. The ``silent_lines``, ``narrative``
and ``unmapped`` markers are looked up there (a marker in chrome the reader drops marks no line; one the PDF
wraps marks each line it runs over); each must still be in ``text``.
"""
from __future__ import annotations

import atexit
import re
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

import pytest
import yaml
from figure_checks import (
    check_found, check_narrative_silent, check_no_contradiction, check_nothing_unstated, check_unmapped_reported,
    expected_figures,
)
from fixtures.pdfmaker import pdf_safe, text_pdf

from snhr_data.extract import extract_from_text
from snhr_data.raw import ReportReadError, read_report
from snhr_data.vocab import UnmappedLabelWarning

CASES_DIR = Path(__file__).parent / "cases"
REALISTIC_DIR = CASES_DIR / "realistic"
CASE_KEYS = {"name", "origin", "report", "text", "expected", "may_also", "unmapped", "may_warn", "narrative",
             "silent_lines", "no_figures_ok", "month", "kind", "format", "refused", "warns", "xfail"}
REQUIRED_KEYS = {"name", "origin", "report", "text"}
# PyYAML's safe loader in C where libyaml is there (ten times faster over the ~300 cases, read by both processes)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FORMATS = {"txt", "md", "html", "pdf"}
KINDS = {"monthly", "press_release", "annual", "half_year", "news", "report"}
FIGURE_CHECKS = ["report_month", "found", "no_contradiction", "nothing_unstated", "narrative_silent",
                 "unmapped_reported"]


# --- the cases -------------------------------------------------------------------------------------------

def case_files(folder: Path = CASES_DIR) -> list[Path]:
    return sorted(folder.rglob("*.yaml"))


def read_case_file(path: Path, folder: Path = CASES_DIR) -> list[dict]:
    """The cases of one file, checked; each gets its ``id`` ("<behaviour>/<topic>:<name>")."""
    topic = path.relative_to(folder).with_suffix("").as_posix()
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or []
    cases = []
    for entry in entries:
        where = f"{path}: case {entry.get('name', '?')!r}"
        unknown, missing = set(entry) - CASE_KEYS, REQUIRED_KEYS - set(entry)
        assert not unknown, f"{where}: unknown key(s) {sorted(unknown)}"
        assert not missing, f"{where}: missing key(s) {sorted(missing)}"
        assert str(entry["origin"]).strip(), f"{where}: say where the text comes from (origin)"
        assert entry.get("format", "txt") in FORMATS, f"{where}: format must be one of {sorted(FORMATS)}"
        assert entry.get("kind", "monthly") in KINDS, f"{where}: kind must be one of {sorted(KINDS)}"
        assert set(entry.get("xfail", {})) <= set(checks_of(entry)), f"{where}: xfail names a check it does not run"
        suffix = entry.get("format")
        cases.append({**entry, "id": f"{topic}:{entry['name']}",
                      "source_file": f"{entry['name']}.{suffix}" if suffix else "<text>"})
    return cases


@cache
def all_cases() -> dict[str, dict]:
    """Every case but the held-out realistic texts' (``realistic_case``), by id."""
    cases: dict[str, dict] = {}
    for path in case_files():
        if path.parent != REALISTIC_DIR:
            for case in read_case_file(path):
                assert case["id"] not in cases, f"case {case['id']} defined twice"
                cases[case["id"]] = case
    return cases


# The held-out realistic texts are most of the cases' bytes, and make test leaves them out: they are named from their
# files' "- name:" lines (both test processes collect every test, and parsing the files had cost each of them about a
# second), and a file is parsed when a case of it runs. A case's "- name:" line opens it at the file's left edge,
# where no line of a text (an indented block) can stand.
NAME_LINE = re.compile(r"^- name: *(\S+) *$", re.M)


@cache
def realistic_case_files() -> dict[str, Path]:
    """The id of each realistic case -> its file."""
    files: dict[str, Path] = {}
    for path in case_files(REALISTIC_DIR):
        for name in NAME_LINE.findall(path.read_text(encoding="utf-8")):
            case_id = f"realistic/{path.stem}:{name}"
            assert case_id not in files and case_id not in all_cases(), f"case {case_id} defined twice"
            files[case_id] = path
    return files


@cache
def realistic_cases(path: Path) -> dict[str, dict]:
    """The cases of a realistic file, by id: those its "- name:" lines name, no other."""
    cases = {case["id"]: case for case in read_case_file(path)}
    named = [case_id for case_id, file in realistic_case_files().items() if file == path]
    assert sorted(cases) == sorted(named), f"{path}: open each case with a line '- name: <name>' at the left edge"
    return cases


def case_of(case_id: str) -> dict:
    if case_id.startswith("realistic/"):
        return realistic_cases(realistic_case_files()[case_id])[case_id]
    return all_cases()[case_id]


def checks_of(case: dict) -> list[str]:
    if "refused" in case:
        return ["refused"] + (["warns"] if case.get("warns") else [])
    return FIGURE_CHECKS + (["warns"] if case.get("warns") else [])


# --- reading a case --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Extraction:
    figures: list | None  # the reader's figures (snhr_data.extract.Figure); None when the text was refused
    unmapped: tuple[str, ...]  # UnmappedLabelWarning messages
    warnings: tuple[str, ...]  # every warning message
    refusal: str | None  # the ReportReadError message
    layer: str | None = None  # the text the rows' lines count, of a case read from a file (None: the case's text)


_scratch: list[Path] = []


def scratch_dir() -> Path:
    """A folder for the files of cases with a ``format``, removed when the tests end."""
    if not _scratch:
        _scratch.append(Path(tempfile.mkdtemp(prefix="snhr-cases-")))
        atexit.register(shutil.rmtree, _scratch[0], True)
    return _scratch[0]


def case_source(case: dict, folder: Path) -> str | Path:
    """The text itself, or a file of the case's ``format`` holding it."""
    suffix = case.get("format")
    if not suffix:
        return case["text"]
    path = folder / case["source_file"]
    if suffix == "pdf":
        return text_pdf(pdf_safe(case["text"]), path)
    path.write_text(case["text"], encoding="utf-8")
    return path


def extract_case(case: dict, folder: Path) -> Extraction:
    """The reader's figures of the case's text, read as ``extract_figures`` reads it (from its file when it has a
    ``format``), as a list: ``extract_figures`` only puts that list in a pandas frame (tests/test_extract.py), which
    cost the cases a tenth of their run."""
    source = case_source(case, folder)
    text, name, layer = source, "<text>", None  # layer: the text the rows' lines count, of a case read from a file
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if isinstance(source, Path):
                report = read_report(source)
                text, name, layer = report.text, report.source_file, report.text
            figures, refusal = extract_from_text(text, name, month=case.get("month")), None
        except ReportReadError as err:
            figures, refusal = None, str(err)
    unmapped = tuple(str(w.message) for w in caught if issubclass(w.category, UnmappedLabelWarning))
    return Extraction(figures, unmapped, tuple(str(w.message) for w in caught), refusal, layer)


@cache
def extracted(case_id: str) -> Extraction:
    return extract_case(case_of(case_id), scratch_dir())


# --- checks beyond the figure checks of figure_checks.py ----------------------------------------------------

def check_report_month(figures, case, expected, may_also, unmapped):
    """Every row names the month the text covers and comes from the case's file."""
    if figures is None:
        return
    assert {figure.report for figure in figures} == {case["report"]}
    assert {figure.source_file for figure in figures} == {case["source_file"]}


def check_refused(result: Extraction, case: dict) -> None:
    assert result.refusal is not None, f"not refused; {len(result.figures or ())} figures"
    assert re.search(case["refused"], result.refusal), f"refusal {result.refusal!r} does not match {case['refused']!r}"
    assert "\n" not in result.refusal.strip(), "a refusal is one line"


def check_warns(result: Extraction, case: dict) -> None:
    """Each ``warns`` regex matches a warning that names the case's file and a line."""
    located = [m for m in result.warnings if re.search(rf"{re.escape(case['source_file'])}:\d+", m)]
    missing = [p for p in case["warns"] if not any(re.search(p, m) for m in located)]
    assert missing == [], f"no warning naming file:line matches {missing}; warnings: {list(result.warnings)}"


FIGURE_CHECK_FUNCTIONS = {
    "report_month": check_report_month,
    "found": check_found,
    "no_contradiction": check_no_contradiction,
    "nothing_unstated": check_nothing_unstated,
    "narrative_silent": check_narrative_silent,
    "unmapped_reported": partial(check_unmapped_reported, ignore_case=True),
}


def as_read(case: dict, result: Extraction) -> dict:
    """The case as the figure checks see it: with the ``layer`` its rows' lines count (markers and labels are
    looked up in it), its text and markers as printed when it is a PDF (``pdf_safe``)."""
    if case.get("format") != "pdf":
        return {**case, "layer": result.layer}
    printed = {field: [pdf_safe(marker) for marker in case[field]]
               for field in ("silent_lines", "narrative", "unmapped", "may_warn") if field in case}
    return {**case, **printed, "text": pdf_safe(case["text"]), "layer": result.layer}


def run_check(case: dict, result: Extraction, check: str) -> None:
    if check == "refused":
        return check_refused(result, case)
    if check == "warns":
        return check_warns(result, case)
    if result.figures is None:
        assert case.get("no_figures_ok"), f"refused: {result.refusal}"
        if check == "narrative_silent":
            return  # nothing read, nothing from a narrative line
    else:
        assert result.figures, "no figures"
    FIGURE_CHECK_FUNCTIONS[check](result.figures, as_read(case, result), *expected_figures(case, case["report"]),
                                  result.unmapped)


def check_failures(case: dict, result: Extraction) -> dict[str, str]:
    """The message of each of the case's checks that fails, by check."""
    failures = {}
    for check in checks_of(case):
        try:
            run_check(case, result, check)
        except AssertionError as failed:
            failures[check] = str(failed)
    return failures


def case_outcome(case: dict, failures: dict[str, str]) -> tuple[list[str], list[str]]:
    """What fails the case's test (a check failing that is not an expected failure, an expected failure that
    passes) and what makes it an expected failure (the reasons of the listed checks that fail)."""
    listed = case.get("xfail", {})
    problems = [f"{check}: {message}" for check, message in failures.items() if check not in listed]
    problems += [f"{check}: passes now: remove its xfail line" for check in listed if check not in failures]
    expected = [f"{check}: {listed[check]}" for check in listed if check in failures]
    return problems, expected


def topic_of(case_id: str) -> str:
    return case_id.split(":", 1)[0]


SAMPLED_TOPIC_EVERY = 4  # make test reads every fourth topic file of each behaviour folder (its first case)


def sampled_topics() -> set[str]:
    """Every ``SAMPLED_TOPIC_EVERY``-th topic file of each behaviour folder, by name, the first included."""
    by_folder: dict[str, list[str]] = {}
    for topic in dict.fromkeys(map(topic_of, all_cases())):
        by_folder.setdefault(topic.split("/")[0], []).append(topic)
    return {topic for topics in by_folder.values() for topic in sorted(topics)[::SAMPLED_TOPIC_EVERY]}


def sampled_cases() -> set[str]:
    """``make test``'s sample of the phenomenon cases: the first case of each sampled topic file, every behaviour
    folder in it."""
    topics, firsts = sampled_topics(), {}
    for case_id in all_cases():
        if topic_of(case_id) in topics:
            firsts.setdefault(topic_of(case_id), case_id)
    return set(firsts.values())


def case_marks(case_id: str, sample: set[str]) -> tuple:
    if case_id.startswith("realistic/"):
        return (pytest.mark.realistic,)
    return () if case_id in sample else (pytest.mark.battery,)


def case_params() -> list:
    """Every case id. The held-out realistic texts (``tests/cases/realistic/``) carry the mark ``realistic`` (``make
    test-realistic``); of the phenomenon cases, ``make test`` runs the first of every fourth topic file of each
    behaviour folder and leaves the rest, marked ``battery``, to ``make test-battery`` (CI runs all three): the ~2,650
    cases were about 45 s of make test's CPU, a third of it."""
    sample = sampled_cases()
    return [pytest.param(case_id, id=case_id, marks=case_marks(case_id, sample))
            for case_id in [*all_cases(), *realistic_case_files()]]


@pytest.mark.parametrize("case_id", case_params())  # ids given: pytest shortens long ids of its own
def test_case(case_id):
    """Every check of the case runs; a failure reports the checks' messages alone (the case is the test's id, and
    formatting a traceback per failed check cost about 0.1 s of CPU apiece). One test per case, not one per
    check: the ~8,000 checks as tests spent more CPU in pytest's and xdist's per-test work than in the checks."""
    case = case_of(case_id)
    problems, expected = case_outcome(case, check_failures(case, extracted(case_id)))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    if expected:
        pytest.xfail("; ".join(expected))


def test_every_case_file_is_filed_by_behaviour():
    """tests/cases/<behaviour>/<topic>.yaml, every case named once and with an origin."""
    for path in case_files():
        assert len(path.relative_to(CASES_DIR).parts) == 2, f"{path}: file it under tests/cases/<behaviour>/"
    assert all_cases()  # read and checked (a realistic file: when a case of it runs)


def test_the_realistic_texts_and_only_they_carry_the_mark_make_test_leaves_out():
    """``make test`` deselects the marks ``realistic`` and ``battery`` (the Makefile) and CI runs them too
    (``.ci/run``): every case of ``tests/cases/realistic/`` carries the first, no other case does, and make test
    keeps exactly one case of each sampled topic file, every behaviour folder among them."""
    params = case_params()
    marked = {param.values[0] for param in params if any(mark.name == "realistic" for mark in param.marks)}
    assert marked == set(realistic_case_files()) and not any(case_id.startswith("realistic/") for case_id in all_cases())
    assert marked and all_cases()
    unmarked = [param.values[0] for param in params if not param.marks]
    assert sorted(map(topic_of, unmarked)) == sorted(sampled_topics())
    folders = {topic_of(case_id).split("/")[0] for case_id in all_cases()}
    assert {topic.split("/")[0] for topic in sampled_topics()} == folders
    root = CASES_DIR.parent.parent
    make_test = re.search(r"^test: .*\n\t.*pytest -m \"([^\"]+)\"", (root / "Makefile").read_text(encoding="utf-8"), re.M)
    assert make_test and make_test.group(1) == "not realistic and not battery"
    ci = (root / ".ci" / "run").read_text(encoding="utf-8").split("\n")
    assert {"make test", "make test-battery", "make test-realistic"} <= set(ci)


def test_a_case_with_expected_failures_is_strict():
    """Only the listed checks may fail, and each must: one that passes, or another that fails, fails the case."""
    case = {"xfail": {"found": "a reason"}}
    assert case_outcome(case, {"found": "missing"}) == ([], ["found: a reason"])
    assert case_outcome(case, {}) == (["found: passes now: remove its xfail line"], [])
    assert case_outcome(case, {"found": "missing", "warns": "none"}) == (["warns: none"], ["found: a reason"])
    assert case_outcome({}, {}) == ([], [])
