"""Altered copies of the real reports: one number (or one party label) changed, the rest of the table unchanged.

For each report in data/raw the figures are extracted once. Each extracted count is then located on its
raw line and replaced, in a copy of the text, by another number written the same way ("1,032" -> "1,035",
"Seven" -> "Ten", "a child" -> "five children"). The copy must yield the same table except that the rows
stated by that number now carry the new value: a changed number must never make a figure appear or
disappear elsewhere, nor move to another key. Likewise, swapping the party label of a list item
("- Drowning: Seven civilians" -> "- Jordanian forces: Seven civilians") may only change that item's party.

The mutations are derived from the extractor's own output and sampled by a fixed stride, so the file stays
deterministic. One test per report and share: ``make test`` runs every tenth mutation of each report (of numbers and
of labels), the other nine tenths carry the mark ``battery`` (``make test-battery``, which CI runs). The tests are
named by report, not by mutation, so that collecting them reads no report (both test processes collect every test:
naming each mutation cost each of them a reading of the five reports); a failure names every mutation that failed.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable

import pandas as pd
import pytest
from figure_checks import KEY, RAW, row_tuples

from snhr_data.codes import labels, perpetrator_groups
from snhr_data.extract import extract_figures
from snhr_data.numbers import find_numbers
from snhr_data.raw import read_report
from snhr_data.vocab import find_parties

REPORTS = sorted(p for p in RAW.iterdir() if p.suffix in {".txt", ".md"})
MAX_NUMBER_MUTATIONS_PER_REPORT = 20  # 25 until session 16 (make test under 90 s: each reading of a report ~0.09 s)
EVERY_NTH_IN_MAKE_TEST = 20  # make test: every 20th mutation of a report (~0.1 s each; every 5th until session 34, 10th until 35);
# the others: make test-battery


# --- the unaltered reports --------------------------------------------------------------------------

@cache
def baseline(name: str) -> tuple[str, pd.DataFrame]:
    """The text of a raw report and the figures extracted from it."""
    text = read_report(RAW / name).text
    return text, extract_figures(text, source_file=name)


def replace_on_line(text: str, line: int, start: int, end: int, new: str) -> str:
    """``text`` with characters ``start:end`` of 1-based line ``line`` replaced by ``new``."""
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1][:start] + new + lines[line - 1][end:]
    return "\n".join(lines)


# --- writing another number in the same style -----------------------------------------------------

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_PLURALS = {
    "child": "children", "woman": "women", "girl": "girls", "boy": "boys", "civilian": "civilians",
    "individual": "individuals", "massacre": "massacres", "worker": "workers", "member": "members",
    "victim": "victims", "person": "persons", "death": "deaths", "journalist": "journalists",
    "volunteer": "volunteers", "doctor": "doctors", "nurse": "nurses", "pharmacist": "pharmacists",
    "activist": "activists",
}


def number_words(value: int) -> str:
    """``28`` -> ``"twenty-eight"``, ``105`` -> ``"one hundred and five"`` (below one thousand)."""
    if value < 20:
        return _UNITS[value]
    if value < 100:
        tens, unit = divmod(value, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    hundreds, rest = divmod(value, 100)
    return f"{_UNITS[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")


def same_case(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def new_value_of(value: int) -> int:
    return 5 if value == 1 else value + 3


def restyled(old_text: str, new_value: int) -> str:
    """``new_value`` written the way ``old_text`` is written (digits with the same grouping, or words)."""
    if old_text.lower() in {"a", "an"}:
        return same_case(number_words(new_value), old_text)
    if old_text[:1].isdigit():
        grouped = "," in old_text or (new_value >= 1000 > int(old_text))
        return f"{new_value:,}" if grouped else str(new_value)
    return same_case(number_words(new_value), old_text)


def pluralized_after(rest: str) -> str:
    """The words after a number that was one, made plural ("civilian was" -> "civilians were")."""
    words = re.match(r"^((?:\s+[\w-]+){1,3})", rest)
    if not words:
        return rest
    for match in re.finditer(r"[\w-]+", words.group(1)):
        plural = _PLURALS.get(match.group(0).lower())
        if plural:
            after = rest[match.end():]
            after = re.sub(r"^(\s+)was\b", r"\1were", after)
            return rest[:match.start()] + same_case(plural, match.group(0)) + after
    return rest


# --- the number mutations -----------------------------------------------------------------------------

@dataclass(frozen=True)
class NumberMutation:
    report: str  # raw file name
    row: int  # index of the first row stated by the number, in the unaltered table
    line: int
    start: int
    end: int
    old_text: str
    old_value: float
    new_text: str
    new_value: float
    quote: str = ""  # set when the line states the value more than once: the clause that holds this number

    @property
    def case_id(self) -> str:
        return f"{Path(self.report).stem}-row{self.row}-L{self.line}-{self.old_value:g}to{self.new_value:g}"

    def is_stated_in(self, quote: str) -> bool:
        """Whether ``quote`` (a row's clause) holds this number, judged by the words next to it on the line."""
        line_text = baseline(self.report)[0].split("\n")[self.line - 1]
        before = line_text[max(0, self.start - 15):self.end]
        after = line_text[self.start:self.end + 15]
        return squeeze(before) in squeeze(quote) or squeeze(after) in squeeze(quote)

    def altered_text(self) -> str:
        text, _ = baseline(self.report)
        line_text = text.split("\n")[self.line - 1]
        if self.old_value == 1:  # "one civilian was" -> "five civilians were"
            rest = pluralized_after(line_text[self.end:])
            text = replace_on_line(text, self.line, self.end, len(line_text), rest)
        return replace_on_line(text, self.line, self.start, self.end, self.new_text)


def number_mutations(name: str) -> tuple[list[NumberMutation], int]:
    """Every locatable count of a report as a mutation (one per number), and how many were not locatable."""
    text, frame = baseline(name)
    lines = text.split("\n")
    counts = frame[(frame["unit"] == "count") & (frame["value"] > 0)]
    mutations, unlocatable, seen = [], 0, set()
    for index, row in counts.iterrows():
        line, value = int(row["line"]), float(row["value"])
        line_text = lines[line - 1]
        same = [m for m in find_numbers(line_text) if m.value == value]
        quote = ""
        if len(same) > 1 and row["quote"] and line_text.count(row["quote"]) == 1:
            quote = row["quote"]  # the value is stated twice on the line: take the one in this row's clause
            clause = line_text.index(quote)
            same = [m for m in same if clause <= m.start and m.end <= clause + len(quote)]
        if (line, value, quote) in seen:
            continue  # another row stated by the same number (a derived total, a split)
        seen.add((line, value, quote))
        if len(same) != 1:
            unlocatable += 1
            continue
        mention = same[0]
        new_value = new_value_of(int(value))
        new_text = restyled(mention.text, new_value)  # "a child" -> "five children"
        mutations.append(NumberMutation(name, int(index), line, mention.start, mention.end,
                                        mention.text, value, new_text, float(new_value), quote))
    return mutations, unlocatable


def sampled(mutations: list, limit: int) -> list:
    """At most ``limit`` items taken by a fixed stride over the whole report."""
    if len(mutations) <= limit:
        return mutations
    stride = len(mutations) / limit
    return [mutations[int(i * stride)] for i in range(limit)]


@cache
def number_cases(name: str) -> list[NumberMutation]:
    """The report's number mutations, at most ``MAX_NUMBER_MUTATIONS_PER_REPORT``."""
    return sampled(number_mutations(name)[0], MAX_NUMBER_MUTATIONS_PER_REPORT)


# Mutations the extractor gets wrong today: (report stem, line, old value) -> what goes wrong.
KNOWN_NUMBER_FAILURES: dict[tuple[str, int, float], str] = {
    # found in session 16 when the sample changed: "including one massacre in May" made "five massacres" under a title
    # stating "One Massacre"; the title's 1, below the body's part (5 by an unidentified car bomb), is left out as a part
    # read as the whole, where a headline and a body that disagree should both be kept (issue 9, shape 5)
    ("snhr-2020-05-monthly", 319, 1.0): "a headline count below a part the body states is left out as a part read as "
                                        "the whole, not kept beside the body's as a disagreement",
}


def share_params(reports: list[Path]) -> list:
    """(report, whether its share is ``make test``'s sample) for each report: the sample, and the rest marked
    ``battery``."""
    return [param for path in reports for param in (
        pytest.param(path.name, True, id=f"{path.stem}-sample"),
        pytest.param(path.name, False, id=f"{path.stem}-rest", marks=pytest.mark.battery))]


def share(cases: list, sample: bool, every: int = EVERY_NTH_IN_MAKE_TEST) -> list:
    """Every ``every``-th of ``cases`` (``make test``'s sample), or the others."""
    return [case for index, case in enumerate(cases) if (index % every == 0) == sample]


def run_mutations(cases: list, check: Callable, known: Callable) -> None:
    """Run ``check`` on each case; fail naming each case that fails unexpectedly or that ``known`` (its reason, or
    None) expects to fail and passes; an expected failure alone marks the test xfail with its reason (strict)."""
    assert cases, "no mutation in this share"
    problems, expected = [], []
    for case in cases:
        reason = known(case)
        try:
            check(case)
        except AssertionError as failed:
            if reason is None:
                problems.append(f"{case.case_id}: {failed}")
            else:
                expected.append(f"{case.case_id}: extractor: {reason}")
        else:
            if reason is not None:
                problems.append(f"{case.case_id}: passes now: remove it from the known failures")
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)
    if expected:
        pytest.xfail("; ".join(expected))


# --- comparing tables -----------------------------------------------------------------------------

def keyed(frame: pd.DataFrame) -> Counter:
    return Counter(row_tuples(frame, KEY + ["line", "value"]))


def describe(rows: Counter, frame: pd.DataFrame) -> str:
    out = []
    for row, times in sorted(rows.items(), key=str):
        *key, line, value = row
        match = frame[(frame["line"] == line) & (frame["value"] == value)]
        quote = match["quote"].iloc[0][:110] if len(match) else ""
        out.append(f"  {'/'.join(key)} L{line} value={value:g} x{times} | {quote}")
    return "\n".join(out)


def assert_same_table(expected: pd.DataFrame, produced: pd.DataFrame, what: str) -> None:
    want, got = keyed(expected), keyed(produced)
    missing, unexpected = want - got, got - want
    assert not missing and not unexpected, (
        f"{what}\nexpected but not produced:\n{describe(missing, expected)}\n"
        f"produced but not expected:\n{describe(unexpected, produced)}"
    )


def squeeze(text: str) -> str:
    """Text as a quote gives it: markup and dash variants dropped, whitespace collapsed, lowercased."""
    text = re.sub(r"[*_#]+", "", text).replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


# --- the tests ---------------------------------------------------------------------------------------

def test_most_counts_are_locatable_and_mutated():
    """The mutation test is only as good as its coverage: almost every count can be found on its line."""
    stats = {path.name: number_mutations(path.name) for path in REPORTS}
    mutated = sum(len(mutations) for mutations, _ in stats.values())
    unlocatable = sum(u for _, u in stats.values())
    assert mutated >= 100
    assert unlocatable <= 0.15 * (mutated + unlocatable), {name: u for name, (_, u) in stats.items()}
    assert all(len(number_cases(path.name)) == MAX_NUMBER_MUTATIONS_PER_REPORT for path in REPORTS)


@pytest.mark.parametrize(("report", "sample"), share_params(REPORTS))
def test_changed_numbers_change_only_their_rows(report: str, sample: bool):
    run_mutations(share(number_cases(report), sample), changed_number_changes_only_its_rows,
                  lambda case: KNOWN_NUMBER_FAILURES.get((Path(case.report).stem, case.line, case.old_value)))


def changed_number_changes_only_its_rows(case: NumberMutation) -> None:
    _, before = baseline(case.report)
    altered = case.altered_text()
    new_line = altered.split("\n")[case.line - 1]
    assert [m.value for m in find_numbers(new_line) if m.start == case.start] == [case.new_value]  # a valid mutation

    after = extract_figures(altered, source_file=case.report)

    stated = (before["line"] == case.line) & (before["value"] == case.old_value) & (before["unit"] == "count")
    if case.quote:
        stated &= before["quote"] == case.quote
    stated &= before["quote"].map(case.is_stated_in)  # not a row derived from another number of the line
    assert stated.any(), f"{case.report}:{case.line}: no row states {case.old_text!r}"
    expected = before.copy()
    expected.loc[stated, "value"] = case.new_value
    expected = expected.drop(index=parts_above_their_partys_whole(expected, stated))
    what = (f"{case.report}:{case.line}: {case.old_text!r} -> {case.new_text!r}\n"
            f"  raw line: {baseline(case.report)[0].split(chr(10))[case.line - 1].strip()[:160]}")
    assert_same_table(expected, after, what)
    if ((before["line"] == case.line) & (before["value"] == case.new_value)).any():
        return  # the line already stated the new value: the rows cannot be told apart by value
    moved = after[(after["line"] == case.line) & (after["value"] == case.new_value) & (after["unit"] == "count")]
    for quote in moved["quote"]:
        assert squeeze(case.new_text) in squeeze(quote), f"{what}\n  quote does not state the new number: {quote!r}"


def parts_above_their_partys_whole(table: pd.DataFrame, changed: pd.Series) -> list:
    """The changed rows that are a party's victim group, or its count in one governorate, above every count of all its
    victims, or of all its places, that ``table`` states: "Four civilians, including five children" is a text whose
    part cannot be the party's, and the reader leaves it out with a warning (``extract.without_parts_above_their_party``)."""
    exact = table[(table["unit"] == "count") & (table["qualifier"] == "exact") & (table["perpetrator"] != "all")]
    left_out = []
    for index, row in table[changed].iterrows():
        if row["perpetrator"] == "all" or row["qualifier"] != "exact":
            continue
        same = exact[(exact["period"] == row["period"]) & (exact["measure"] == row["measure"])
                     & (exact["perpetrator"] == row["perpetrator"])]
        wholes = []
        if row["victim_group"] != "all":
            wholes.append(same[(same["governorate"] == row["governorate"]) & (same["victim_group"] == "all")]["value"])
        if row["governorate"] != "all":
            wholes.append(same[(same["governorate"] == "all") & (same["victim_group"] == row["victim_group"])]["value"])
        if any(len(values) and (row["value"] > values).all() for values in wholes):
            left_out.append(index)
    return left_out


# --- party label mutations ---------------------------------------------------------------------------

ITEM = re.compile(r"^\s*[-•*]\s+(?:\*\*)?(?P<label>[^:*]{2,90}?):(?:\*\*)?(?P<rest>.*)$")


@dataclass(frozen=True)
class LabelMutation:
    report: str
    line: int  # the bullet line
    last_line: int  # the item's last raw line
    start: int
    end: int
    old_code: str
    new_code: str
    new_label: str

    @property
    def case_id(self) -> str:
        return f"{Path(self.report).stem}-L{self.line}-{self.old_code}to{self.new_code}"


def replacement_code(old: str, used: set[str]) -> str:
    """Another party of the same group (main / other_sub), preferring one the report never names."""
    groups = perpetrator_groups()
    same_group = [code for code, group in groups.items() if group == groups[old] and code != old]
    unused = [code for code in same_group if code not in used]
    return (unused or same_group)[0]


def item_end(lines: list[str], first: int) -> int:
    """The last raw line of the list item starting on line ``first``: up to the next item or paragraph
    (a PDF page break may leave a blank line inside an item, so a lowercase continuation still belongs to it)."""
    last = first
    for number in range(first + 1, len(lines) + 1):
        text = lines[number - 1].strip()
        if not text:
            continue
        if re.match(r"[-•*]\s", text) or not text[0].islower():
            break
        last = number
    return last


@cache
def label_mutations(name: str) -> list[LabelMutation]:
    text, frame = baseline(name)
    lines = text.split("\n")
    used = set(frame["perpetrator"])
    found = []
    for number, line_text in enumerate(lines, start=1):
        match = ITEM.match(line_text)
        if not match or not find_numbers(match.group("rest")):
            continue  # not a label stating figures on its own line (a heading, a list of parties)
        parties = find_parties(match.group("label"))
        if len(parties) != 1 or perpetrator_groups().get(parties[0].code) not in {"main", "other_sub"}:
            continue
        last = item_end(lines, number)
        on_item = frame[(frame["line"] >= number) & (frame["line"] <= last)]
        if not (on_item["perpetrator"] == parties[0].code).any():
            continue
        new_code = replacement_code(parties[0].code, used)
        start = match.start("label") + parties[0].start
        found.append(LabelMutation(name, number, last, start, start + len(parties[0].text), parties[0].code,
                                   new_code, labels("perpetrators")[new_code]))
    return found


LABELLED_REPORTS = [path for path in REPORTS if "press-release" not in path.name]  # a press release has no list
KNOWN_LABEL_FAILURES: dict[tuple[str, int], str] = {}


def test_label_mutations_cover_every_labelled_item():
    assert sum(len(label_mutations(path.name)) for path in REPORTS) >= 20
    assert all(label_mutations(path.name) for path in LABELLED_REPORTS)


@pytest.mark.parametrize(("report", "sample"), share_params(LABELLED_REPORTS))
def test_changed_labels_change_only_their_party(report: str, sample: bool):
    run_mutations(share(label_mutations(report), sample), changed_label_changes_only_its_party,
                  lambda case: KNOWN_LABEL_FAILURES.get((Path(case.report).stem, case.line)))


def changed_label_changes_only_its_party(case: LabelMutation) -> None:
    text, before = baseline(case.report)
    assert [p.code for p in find_parties(case.new_label)] == [case.new_code]  # a valid mutation
    altered = replace_on_line(text, case.line, case.start, case.end, case.new_label)

    after = extract_figures(altered, source_file=case.report)

    on_item = before["line"].between(case.line, case.last_line) & (before["perpetrator"] == case.old_code)
    expected = before.copy()
    expected.loc[on_item, "perpetrator"] = case.new_code
    what = (f"{case.report}:{case.line}: label {case.old_code} -> {case.new_label!r}\n"
            f"  raw line: {text.split(chr(10))[case.line - 1].strip()[:160]}")
    assert_same_table(expected, after, what)
