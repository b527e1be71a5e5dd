"""The arithmetic of stated figures, on which the audit's checks rest: each statement with its place
(``Statement``), the values stated for one figure (``Candidate``), a whole and its parts (``Relation``),
and every reading of a sum under each combination of conflicting values (``readings``), turned into a
finding that quotes the statements involved."""
from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Mapping

import pandas as pd

from .frames import records
from .numbers import number_text
from .periods import period_span, period_tiling
from .provenance import QUALIFIER_WORDS

KEY_COLUMNS = ["report", "period", "measure", "victim_group", "perpetrator", "governorate"]
FINDING_COLUMNS = [
    "check", "report", "period", "measure", "victim_group", "perpetrator", "governorate",
    "stated", "expected", "severity", "detail", "unit", "reports", "sources",
]
QUOTE_CHARS = 200  # longer quotes are shortened in ``detail`` (``explain`` shows them whole)
MAX_READINGS = 256  # combinations of conflicting values evaluated per relation
Key = tuple[str, str, str, str, str, str]  # KEY_COLUMNS; report '' when pooled across reports
DIMENSION = {column: i for i, column in enumerate(KEY_COLUMNS)}


@dataclass(frozen=True)
class Settings:
    """The audit's tolerances (``vocab/audit.yaml``, loaded by ``snhr_data.audit.default_settings``)."""

    percent_points: Mapping[str, float]
    about_count_fraction: float
    massacre_min_deaths: int
    min_other_subcategories: int


@dataclass(frozen=True)
class Statement:
    """One row of the figures table: a number as the report states it, and where."""

    value: float
    qualifier: str
    report: str
    source_file: str
    line: int
    quote: str
    figure_id: str

    def cite(self) -> str:
        quote = self.quote if len(self.quote) <= QUOTE_CHARS else self.quote[:QUOTE_CHARS - 1] + "…"
        return f'{self.source_file}:{self.line} "{quote}"' if quote else f"{self.source_file}:{self.line}"


@dataclass(frozen=True)
class Candidate:
    """One distinct value stated for a figure, with every statement of it (none: not stated, read as 0)."""

    value: float
    qualifier: str
    statements: tuple[Statement, ...]

    def bounds(self, settings: Settings) -> tuple[float, float]:
        """The numbers the statement allows: 'at least 44' -> [44, inf), 'about 100' -> [95, 105]."""
        if self.qualifier == "at_least":
            return self.value, float("inf")
        if self.qualifier == "about":
            margin = self.value * settings.about_count_fraction
            return self.value - margin, self.value + margin
        return self.value, self.value

    def text(self) -> str:
        return QUALIFIER_WORDS.get(self.qualifier, "") + number_text(self.value)

    def cite(self) -> str:
        if not self.statements:
            return "not stated, read as none"
        return "; ".join(s.cite() for s in self.statements)


NOT_STATED = Candidate(0.0, "exact", ())
Pool = dict[Key, list[Candidate]]


def statements_in_order(rows: pd.DataFrame) -> list[tuple[tuple, Statement]]:
    """(row, statement) pairs sorted by report, file and line (the order a reader meets them)."""
    rows = rows.sort_values(["report", "source_file", "line"], kind="stable")
    out = []
    for row in records(rows):
        statement = Statement(float(row["value"]), row["qualifier"], row["report"], row["source_file"],
                              int(row["line"]), str(row["quote"]), row["figure_id"])
        out.append((row, statement))
    return out


def candidates(statements: Iterable[Statement]) -> list[Candidate]:
    """Distinct values in order of first statement, each with all its statements."""
    by_value: dict[float, list[Statement]] = {}
    for statement in statements:
        by_value.setdefault(statement.value, []).append(statement)
    return [Candidate(value, group[0].qualifier, tuple(group)) for value, group in by_value.items()]


def count_pool(figures: pd.DataFrame, *, across_reports: bool = False) -> Pool:
    """Every count figure by key, with its distinct stated values; ``across_reports`` pools all reports."""
    counts = figures[figures["unit"] == "count"]
    grouped: dict[Key, list[Statement]] = {}
    for row, statement in statements_in_order(counts):
        key = tuple("" if (across_reports and c == "report") else row[c] for c in KEY_COLUMNS)
        grouped.setdefault(key, []).append(statement)
    return {key: candidates(statements) for key, statements in grouped.items()}


class CountPools:
    """A prepared figures table (``provenance.prepared``) and its count pools, each built once: the checks share them."""

    def __init__(self, figures: pd.DataFrame) -> None:
        self.figures = figures

    @cached_property
    def within(self) -> Pool:
        return count_pool(self.figures)

    @cached_property
    def across(self) -> Pool:
        return count_pool(self.figures, across_reports=True)


def periods_by_figure(pool: Pool) -> dict[tuple, set[str]]:
    """The periods stated for each figure of ``pool``, by its key without the period."""
    periods: dict[tuple, set[str]] = {}
    for key in pool:
        periods.setdefault((key[0],) + key[2:], set()).add(key[1])
    return periods


def replaced(key: Key, **changes: str) -> Key:
    return tuple(changes.get(column, key[i]) for i, column in enumerate(KEY_COLUMNS))


def describe_key(key: Key) -> str:
    """'2023-12 civilian_deaths of children, perpetrator all' (+ governorate when not all)."""
    report, period, measure, group, perpetrator, governorate = key
    where = "" if governorate == "all" else f", in {governorate}"
    of = "" if group == "all" else f" of {group}"
    return f"{period} {measure}{of}, perpetrator {perpetrator}{where}"


@dataclass(frozen=True)
class Relation:
    """``whole`` = sum of ``parts`` (``complete``) or >= it (a partial list); parts differ in ``dimension``."""

    check: str
    whole: Key
    parts: tuple[Key, ...]
    complete: bool
    dimension: str


@dataclass(frozen=True)
class Reading:
    """One choice of a stated value per figure of a relation, and whether the arithmetic holds."""

    choice: Mapping[Key, Candidate]
    holds: bool


def readings(relation: Relation, pool: Pool, settings: Settings) -> list[Reading]:
    """The relation under every combination of the values stated for its figures."""
    keys = (relation.whole,) + relation.parts
    options = [pool.get(key) or [NOT_STATED] for key in keys]
    out = []
    for choice in itertools.islice(itertools.product(*options), MAX_READINGS):
        low, high = choice[0].bounds(settings)
        part_bounds = [c.bounds(settings) for c in choice[1:]]
        parts_low = sum(b[0] for b in part_bounds)
        parts_high = sum(b[1] for b in part_bounds)
        holds = parts_low <= high and (not relation.complete or parts_high >= low)
        out.append(Reading(dict(zip(keys, choice)), holds))
    return out


def part_name(key: Key, relation: Relation, candidate: Candidate) -> str:
    name = key[DIMENSION[relation.dimension]]
    if relation.whole[0] == "" and candidate.statements:
        name += f" (report {candidate.statements[0].report})"
    return name


def agreement(relation_readings: list[Reading], key: Key) -> tuple[list[Candidate], list[Candidate]]:
    """The values of ``key`` under which the relation can hold, and those under which it cannot."""
    agree, disagree = [], []
    for reading in relation_readings:
        candidate = reading.choice[key]
        target = agree if reading.holds else disagree
        if candidate not in target:
            target.append(candidate)
    return agree, [c for c in disagree if c not in agree]


def resolution_text(relation: Relation, relation_readings: list[Reading], pool: Pool) -> str:
    """Which of the values stated for a doubly-stated figure make the relation hold."""
    sentences = []
    for key in (relation.whole,) + relation.parts:
        if len(pool.get(key, [])) < 2:
            continue
        agree, disagree = agreement(relation_readings, key)
        if agree and disagree:
            sentences.append(
                f"{describe_key(key)} is also stated as "
                + " and as ".join(f"{c.text()} ({c.cite()})" for c in agree)
                + ", which agrees with the arithmetic; "
                + " and ".join(c.text() for c in disagree) + " does not."
            )
    return " ".join(sentences)


def relation_finding(relation: Relation, pool: Pool, settings: Settings) -> dict | None:
    """A finding when some reading of the relation fails; None when every reading holds."""
    relation_readings = readings(relation, pool, settings)
    failing = [r for r in relation_readings if not r.holds]
    if not failing:
        return None
    first = failing[0].choice
    whole = first[relation.whole]
    parts = [(key, first[key]) for key in relation.parts]
    expected = sum(c.value for _, c in parts)
    listing = "; ".join(f"{part_name(k, relation, c)} {c.text()} ({c.cite()})" for k, c in parts)
    if relation.complete:
        detail = (f"{describe_key(relation.whole)}: stated {whole.text()} ({whole.cite()}), but its parts by "
                  f"{relation.dimension} add up to {number_text(expected)}: {listing}.")
    else:
        detail = (f"{describe_key(relation.whole)}: stated {whole.text()} ({whole.cite()}), but the parts by "
                  f"{relation.dimension} stated for it already add up to {number_text(expected)}, more than "
                  f"the whole: {listing}.")
    severity = "error"
    if len(failing) < len(relation_readings):
        severity = "warning"
        detail += " " + resolution_text(relation, relation_readings, pool)
    statements = list(whole.statements) + [s for _, c in parts for s in c.statements]
    return finding(relation.check, relation.whole, whole.value, expected, severity, detail, statements)


def relation_findings(relations: Iterable[Relation], pool: Pool, settings: Settings) -> pd.DataFrame:
    rows = [relation_finding(r, pool, settings) for r in relations]
    return findings_frame([r for r in rows if r is not None])


def grouped_by(pool: Pool, dimension: str) -> dict[tuple, dict[str, Key]]:
    """Keys grouped by every key column but ``dimension``: group -> {code in dimension: key}."""
    index = DIMENSION[dimension]
    groups: dict[tuple, dict[str, Key]] = {}
    for key in pool:
        groups.setdefault(key[:index] + key[index + 1:], {})[key[index]] = key
    return groups


def finding(check: str, key: Key, stated: float, expected: float, severity: str, detail: str,
            statements: Iterable[Statement], unit: str = "count") -> dict:
    statements = list(statements)
    report = key[0] or (statements[0].report if statements else "")
    ids = list(dict.fromkeys(s.figure_id for s in statements))
    return {
        "check": check, "report": report, "period": key[1], "measure": key[2], "victim_group": key[3],
        "perpetrator": key[4], "governorate": key[5], "stated": float(stated), "expected": float(expected),
        "severity": severity, "detail": detail, "unit": unit,
        "reports": ";".join(sorted({s.report for s in statements} | ({report} if report else set()))),
        "sources": ";".join(ids),
    }


def findings_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    frame = frame.astype({c: "float64" for c in ("stated", "expected")})
    return frame.astype({c: object for c in FINDING_COLUMNS if c not in ("stated", "expected")})


def first_month(period: str) -> int:
    return period_span(period)[0]


def period_relations(pool: Pool) -> list[Relation]:
    """Each period stated (across reports) against the stated sub-periods that tile it from its start."""
    relations = []
    for by_period in grouped_by(pool, "period").values():
        by_start = sorted(by_period, key=first_month)
        for whole in sorted(by_period):
            first, last = period_span(whole)
            if first == last:
                continue
            inside = by_start[bisect_left(by_start, first, key=first_month):  # (what is inside starts inside)
                              bisect_right(by_start, last, key=first_month)]
            parts, complete = period_tiling(whole, inside)
            if parts:
                relations.append(Relation("period_sum", by_period[whole],
                                          tuple(by_period[p] for p in parts), complete, "period"))
    return relations
