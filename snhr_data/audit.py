"""The audit: which stated figures hold together, which do not, and where each number came from.

Every check is a pure function ``figures -> findings`` (one row per problem, columns
``FINDING_COLUMNS``); ``run_checks`` runs them all and sorts the result deterministically. The build
writes it to ``data/processed/discrepancies.csv``; ``snhr-data check`` prints it.

The checks
----------
Within a report (counts of the same report, period and measure):

``party_breakdown``
    The main parties plus "other parties" against the total (``perpetrator == 'all'``), for every
    measure (civilian deaths, torture, massacres, medical ...) and victim group (the children and
    women killed by each party against the children and women totals).
``other_parties_breakdown``
    The other-party subcategories (landmines, gunfire, bombings ... of unidentified source) against
    the "other parties" figure.
``governorate_breakdown``
    A party's deaths in the governorates named against the same party's total.
``victim_groups``
    Children plus women not above the total; a stated ``children_and_women`` equal to their sum.
``percent``
    A stated percent against the one computed from the counts the same report states (share of the
    parent party, of the party's deaths in all governorates, of the year or year to date, of all
    victims), within the tolerance its qualifier allows (``vocab/audit.yaml``).
``massacre_victims``
    The civilians killed in massacres against the number of massacres (SNHR counts an incident as a
    massacre only when at least five civilians die in it) and against the civilian deaths of the period.
``stated_twice``
    One figure stated twice with different values.

Across reports (counts of the same measure, victim group, party and governorate, whichever report
states them):

``period_sum``
    A year or year-to-date figure against the sub-periods stated for it: the Jan-Nov figure of one
    report plus the December figure of the next against the annual figure, a year against the sum of
    its twelve months when all are known, and any month or range never above a period containing it.

When is a breakdown complete?
-----------------------------
A *partial list is not a contradiction*. Parts may never add up to more than their whole (the
categories do not overlap), so that is checked everywhere; parts adding up to *less* than the whole
are a contradiction only when the breakdown is complete:

* a party breakdown is complete when the report states at least one main party and the other-parties
  side of the distribution: the "other parties" figure, or (where it gives none) at least
  ``min_other_subcategories`` of its subcategories. That is how every report lays out its
  distribution ("A. Main parties ... B. Other parties ...");
* the other-party subcategories are complete when at least ``min_other_subcategories`` of them are
  stated beside an "other parties" figure (a single one reads as an example);
* a breakdown of children or women by party is complete when the all-victims breakdown of the same
  figure is; a party whose all-victims figure is stated without children (or women) counts none of
  them ("SDF: 7 civilians, including one woman" -> 0 children), and the finding says so;
* governorate lists are never complete: reports cite the governorates with most deaths as examples;
* sub-periods are complete when they tile the whole period without a gap.

Conflicting statements
----------------------
A figure stated twice with different values gives every reading a chance: a sum check is evaluated for
each combination of the values stated. If no combination holds, the finding is an ``error``. If some
combination holds, the contradiction comes from the figure stated twice: the finding is a ``warning``
and says which of the values agrees with the rest of the arithmetic (Dec 2023: children 14, not 15).

Severities: ``error`` -- an arithmetic contradiction between stated figures; ``warning`` -- a figure
stated twice with different values, a contradiction that disappears under another reading of such a
figure, or a percent off beyond its qualifier's tolerance.

Provenance: ``sources`` lists the ``figure_id`` of every statement a finding rests on, ``detail``
quotes them with file and line. ``snhr_data.provenance.explain`` shows the statements behind a figure, a derived-table row
(its ``source_rows``) or a finding.
"""
from __future__ import annotations

import itertools
import textwrap
from typing import Callable, Iterable, Mapping

import pandas as pd

from .codes import PARENT_OF_GROUP, combined_members, perpetrator_codes, perpetrator_groups
from .grammar import VocabularyError, cached, vocab_dir
from .grammar import settings as settings_file
from .numbers import number_text
from .periods import containing_period
from .provenance import prepared
from .relations import (
    FINDING_COLUMNS, KEY_COLUMNS, MAX_READINGS, Candidate, CountPools, Key, Pool, Relation, Settings, Statement, agreement,
    candidates, describe_key, finding, findings_frame, grouped_by, period_relations, periods_by_figure, readings,
    relation_findings, replaced, statements_in_order,
)

__all__ = [
    "CHECKS", "FINDING_COLUMNS", "SEVERITIES", "Settings", "default_settings", "run_checks", "check_party_breakdown",
    "check_other_parties_breakdown", "check_governorate_breakdown", "check_victim_groups", "check_massacre_victims",
    "check_period_sums", "check_percents", "check_stated_twice", "findings_for_report", "format_findings",
]

SEVERITIES = ["error", "warning"]

INHERITING_GROUPS = ("children", "women")  # broken down by party alongside the all-victims figures


# ---------------------------------------------------------------- settings

@cached
def default_settings() -> Settings:
    """The tolerances of ``vocab/audit.yaml``."""
    raw = settings_file("audit")
    try:
        return Settings(
            percent_points=dict(raw["percent_points"]),
            about_count_fraction=float(raw["about_count_fraction"]),
            massacre_min_deaths=int(raw["massacre_min_deaths"]),
            min_other_subcategories=int(raw["min_other_subcategories"]),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise VocabularyError(f"{vocab_dir() / 'audit.yaml'}: missing or malformed setting ({err})") from err


# ---------------------------------------------------------------- relations: a whole and its parts (``snhr_data.relations``)

def ordered(codes: Iterable[str], order: list[str]) -> list[str]:
    rank = {code: i for i, code in enumerate(order)}
    return sorted(set(codes), key=lambda code: (rank.get(code, len(rank)), code))


def party_shape(codes: Iterable[str], settings: Settings) -> tuple[list[str], bool]:
    """The parts of a party breakdown among ``codes`` stated, and whether they are the whole distribution."""
    groups = perpetrator_groups()
    codes = set(codes)
    combined = [c for c in codes if groups.get(c) == "combined"]
    inside = {member for c in combined for member in combined_members()[c]}  # parts of a stated combined party
    main = combined + [c for c in codes if groups.get(c) == "main" and c not in inside]
    subs = [c for c in codes if groups.get(c) == "other_sub"]
    if "other_parties" in codes:
        other, other_complete = ["other_parties"], True
    else:
        other, other_complete = subs, len(subs) >= settings.min_other_subcategories
    return ordered(main + other, perpetrator_codes()), bool(main) and other_complete


def subcategory_shape(codes: Iterable[str], settings: Settings) -> tuple[list[str], bool]:
    groups = perpetrator_groups()
    subs = [c for c in codes if groups.get(c) == "other_sub"]
    return ordered(subs, perpetrator_codes()), len(subs) >= settings.min_other_subcategories


def breakdown_relations(pool: Pool, check: str, whole_code: str,
                        shape: Callable[[Iterable[str], Settings], tuple[list[str], bool]],
                        settings: Settings) -> list[Relation]:
    """Relations of a perpetrator breakdown. Children and women inherit the parties (and completeness)
    of the all-victims breakdown, a party stated without them counting none; children_and_women, which
    reports never break down by party, is checked only against the parties stated for it."""
    groups = grouped_by(pool, "perpetrator")
    relations = []
    for by_code in groups.values():
        if whole_code not in by_code:
            continue
        whole = by_code[whole_code]
        own_codes, complete = shape(by_code, settings)
        codes = set(own_codes)
        if whole[3] in INHERITING_GROUPS:
            all_victims = groups.get(replaced(whole, victim_group="all")[:4] + (whole[5],), {})
            base_codes, complete = shape(all_victims, settings)
            codes |= set(base_codes)
        elif whole[3] != "all":
            complete = False
        parts = tuple(replaced(whole, perpetrator=c) for c in ordered(codes - {whole_code}, perpetrator_codes()))
        if parts:
            relations.append(Relation(check, whole, parts, complete, "perpetrator"))
    return relations


def party_relations(pool: Pool, settings: Settings) -> list[Relation]:
    return breakdown_relations(pool, "party_breakdown", "all", party_shape, settings)


def other_party_relations(pool: Pool, settings: Settings) -> list[Relation]:
    return breakdown_relations(pool, "other_parties_breakdown", "other_parties", subcategory_shape, settings)


def governorate_relations(pool: Pool) -> list[Relation]:
    relations = []
    for by_code in grouped_by(pool, "governorate").values():
        if "all" in by_code and len(by_code) > 1:
            parts = tuple(by_code[g] for g in sorted(by_code) if g != "all")
            relations.append(Relation("governorate_breakdown", by_code["all"], parts, False, "governorate"))
    return relations


def victim_group_relations(pool: Pool) -> list[Relation]:
    relations = []
    for by_group in grouped_by(pool, "victim_group").values():
        pair = [by_group[g] for g in ("children", "women") if g in by_group]
        if "all" in by_group and pair:
            relations.append(Relation("victim_groups", by_group["all"], tuple(pair), False, "victim_group"))
        if "children_and_women" in by_group:
            whole = by_group["children_and_women"]
            if pair:
                relations.append(Relation("victim_groups", whole, tuple(pair), len(pair) == 2, "victim_group"))
            if "all" in by_group:
                relations.append(Relation("victim_groups", by_group["all"], (whole,), False, "victim_group"))
    return relations


def massacre_share_relations(pool: Pool) -> list[Relation]:
    """Civilians killed in massacres are among the civilian deaths of the same period."""
    relations = []
    for key in pool:
        if key[2] == "massacre_deaths":
            civilians = replaced(key, measure="civilian_deaths")
            if civilians in pool:
                relations.append(Relation("massacre_victims", civilians, (key,), False, "measure"))
    return relations


def within_report_relations(pool: Pool, settings: Settings) -> list[Relation]:
    """Every sum relation between the counts of one report (used to resolve conflicting statements)."""
    return (party_relations(pool, settings) + other_party_relations(pool, settings)
            + governorate_relations(pool) + victim_group_relations(pool) + massacre_share_relations(pool))


# ---------------------------------------------------------------- findings

def sort_findings(findings: pd.DataFrame) -> pd.DataFrame:
    """Findings by report, severity (errors first), check, then the figure; index reset."""
    checks = {name: i for i, name in enumerate(CHECKS)}
    severities = {name: i for i, name in enumerate(SEVERITIES)}
    ranks = {"severity": severities, "check": checks}

    def sort_key(column: pd.Series) -> pd.Series:
        rank = ranks.get(column.name)
        return column.map(rank) if rank else column

    columns = ["report", "severity", "check", "period", "measure", "victim_group", "perpetrator",
               "governorate", "stated", "expected", "detail"]
    return findings.sort_values(columns, key=sort_key, kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- the checks

def check_party_breakdown(figures: pd.DataFrame, settings: Settings | None = None,
                          pools: CountPools | None = None) -> pd.DataFrame:
    """Main parties plus other parties against the total, per measure and victim group."""
    settings = settings or default_settings()
    pool = (pools or CountPools(prepared(figures))).within
    return relation_findings(party_relations(pool, settings), pool, settings)


def check_other_parties_breakdown(figures: pd.DataFrame, settings: Settings | None = None,
                                  pools: CountPools | None = None) -> pd.DataFrame:
    """Other-party subcategories against the "other parties" figure."""
    settings = settings or default_settings()
    pool = (pools or CountPools(prepared(figures))).within
    return relation_findings(other_party_relations(pool, settings), pool, settings)


def check_governorate_breakdown(figures: pd.DataFrame, settings: Settings | None = None,
                                pools: CountPools | None = None) -> pd.DataFrame:
    """A party's deaths in the governorates named never above its total (the lists are examples)."""
    settings = settings or default_settings()
    pool = (pools or CountPools(prepared(figures))).within
    return relation_findings(governorate_relations(pool), pool, settings)


def check_victim_groups(figures: pd.DataFrame, settings: Settings | None = None,
                        pools: CountPools | None = None) -> pd.DataFrame:
    """Children plus women never above the total; children_and_women equal to their sum."""
    settings = settings or default_settings()
    pool = (pools or CountPools(prepared(figures))).within
    return relation_findings(victim_group_relations(pool), pool, settings)


def check_massacre_victims(figures: pd.DataFrame, settings: Settings | None = None,
                           pools: CountPools | None = None) -> pd.DataFrame:
    """At least ``massacre_min_deaths`` civilians per massacre, none without a massacre, and massacre
    victims never above the civilian deaths of the period."""
    settings = settings or default_settings()
    pool = (pools or CountPools(prepared(figures))).within
    rows = []
    minimum = settings.massacre_min_deaths
    for key in pool:
        deaths_key = replaced(key, measure="massacre_deaths")
        if key[2] != "massacres" or key[3] != "all" or deaths_key not in pool:
            continue
        pairs = list(itertools.product(pool[key], pool[deaths_key]))
        failing = [(n, d) for n, d in pairs if not massacre_pair_holds(n, d, minimum, settings)]
        if not failing:
            continue
        n, deaths = failing[0]
        expected = minimum * n.value
        detail = (f"{describe_key(deaths_key)}: stated {deaths.text()} ({deaths.cite()}) for {n.text()} "
                  f"massacre(s) ({n.cite()}); SNHR counts a massacre only when at least {minimum} civilians "
                  f"die in it, so {n.text()} massacre(s) mean at least {number_text(expected)} deaths"
                  + (", and none without a massacre." if n.value == 0 else "."))
        severity = "error" if len(failing) == len(pairs) else "warning"
        rows.append(finding("massacre_victims", deaths_key, deaths.value, expected, severity, detail,
                            n.statements + deaths.statements))
    share = relation_findings(massacre_share_relations(pool), pool, settings)
    return pd.concat([findings_frame(rows), share], ignore_index=True)


def massacre_pair_holds(massacres: Candidate, deaths: Candidate, minimum: int, settings: Settings) -> bool:
    n_low, n_high = massacres.bounds(settings)
    d_low, d_high = deaths.bounds(settings)
    if n_high == 0 and d_low > 0:
        return False
    return d_high >= minimum * n_low


def check_period_sums(figures: pd.DataFrame, settings: Settings | None = None,
                      pools: CountPools | None = None) -> pd.DataFrame:
    """Year-to-date plus the next months against the next year-to-date or the annual figure, the year
    against its months, across reports."""
    settings = settings or default_settings()
    pool = (pools or CountPools(prepared(figures))).across
    return relation_findings(period_relations(pool), pool, settings)


def percent_terms(key: Key, share_of: str, pool: Pool,
                  periods: Mapping[tuple, set[str]]) -> tuple[list[Key], Key] | None:
    """The counts a percent is computed from: (numerator keys to add up, denominator key); ``periods`` are
    the periods of the counts in ``pool`` by the rest of their key (``periods_by_figure``)."""
    groups = perpetrator_groups()
    if share_of == "perpetrator":
        parent = PARENT_OF_GROUP.get(groups.get(key[4], "")) or None
        return ([key], replaced(key, perpetrator=parent)) if parent else None
    if share_of == "governorate":
        return ([key], replaced(key, governorate="all")) if key[5] != "all" else None
    if share_of == "victim_group":
        numerator = [key]
        if key[3] == "children_and_women" and key not in pool:
            numerator = [replaced(key, victim_group="children"), replaced(key, victim_group="women")]
        return (numerator, replaced(key, victim_group="all")) if key[3] != "all" else None
    if share_of == "period":
        of = containing_period(periods.get((key[0],) + key[2:], ()), key[1])
        return ([key], replaced(key, period=of)) if of else None
    return None


def percent_holds(stated: Candidate, computed: float, settings: Settings) -> bool:
    points = settings.percent_points[stated.qualifier]
    difference = computed - stated.value
    if stated.qualifier == "at_least":
        return difference > -points
    return abs(difference) < points


def check_percents(figures: pd.DataFrame, settings: Settings | None = None,
                   pools: CountPools | None = None) -> pd.DataFrame:
    """A stated percent against the one computed from the stated counts, within its qualifier's tolerance."""
    settings = settings or default_settings()
    pools = pools or CountPools(prepared(figures))
    figures, pool = pools.figures, pools.within
    periods = periods_by_figure(pool)
    percents: dict[tuple[Key, str], list[Statement]] = {}
    for row, statement in statements_in_order(figures[figures["unit"] == "percent"]):
        percents.setdefault((tuple(row[c] for c in KEY_COLUMNS), row["share_of"]), []).append(statement)
    rows = []
    for (key, share_of), statements in percents.items():
        terms = percent_terms(key, share_of, pool, periods)
        if terms is None or any(k not in pool for k in terms[0] + [terms[1]]):
            continue
        numerator_keys, denominator_key = terms
        for stated in candidates(statements):
            row = percent_finding(key, share_of, stated, numerator_keys, denominator_key, pool, settings)
            if row is not None:
                rows.append(row)
    return findings_frame(rows)


def percent_finding(key: Key, share_of: str, stated: Candidate, numerator_keys: list[Key],
                    denominator_key: Key, pool: Pool, settings: Settings) -> dict | None:
    options = [pool[k] for k in numerator_keys] + [pool[denominator_key]]
    computed_readings = []
    for choice in itertools.islice(itertools.product(*options), MAX_READINGS):
        numerator, denominator = sum(c.value for c in choice[:-1]), choice[-1].value
        if denominator > 0:
            computed_readings.append((choice, 100 * numerator / denominator))
    if not computed_readings or any(percent_holds(stated, p, settings) for _, p in computed_readings):
        return None
    choice, computed = computed_readings[0]
    counts = "; ".join(f"{describe_key(k)} {c.text()} ({c.cite()})" for k, c in zip(numerator_keys, choice))
    denominator = choice[-1]
    detail = (f"{describe_key(key)}: stated {stated.text()} percent ({stated.cite()}) as a share by "
              f"{share_of}, but the counts the report states give {computed:.1f} percent: {counts}, out of "
              f"{describe_key(denominator_key)} {denominator.text()} ({denominator.cite()}); tolerance "
              f"for '{stated.qualifier}' is {number_text(settings.percent_points[stated.qualifier])} point(s).")
    statements = list(stated.statements) + [s for c in choice for s in c.statements]
    return finding("percent", key, stated.value, round(computed, 1), "warning", detail, statements, unit="percent")


def check_stated_twice(figures: pd.DataFrame, settings: Settings | None = None,
                       pools: CountPools | None = None) -> pd.DataFrame:
    """One figure stated twice with different values, and which value the report's arithmetic supports."""
    settings = settings or default_settings()
    pools = pools or CountPools(prepared(figures))
    figures, pool = pools.figures, pools.within
    relations = within_report_relations(pool, settings)
    by_key: dict[tuple, list[Statement]] = {}
    for row, statement in statements_in_order(figures):
        by_key.setdefault(tuple(row[c] for c in KEY_COLUMNS + ["unit", "share_of"]), []).append(statement)
    rows = []
    for full_key, statements in by_key.items():
        values = candidates(statements)
        if len(values) < 2 or compatible(values, settings):
            continue
        key, unit = full_key[:6], full_key[6]
        agree, disagree = supported_values(key, relations, pool, settings) if unit == "count" else ([], [])
        stated_as = "; ".join(f"{c.text()} ({c.cite()})" for c in values)
        detail = f"{describe_key(key)} ({unit}) is stated with {len(values)} different values: {stated_as}."
        if agree and disagree:
            stated, expected = disagree[0].value, agree[0].value
            detail += (" The rest of the report's arithmetic supports " + " and ".join(c.text() for c in agree)
                       + ", not " + " and ".join(c.text() for c in disagree) + ".")
        else:
            stated, expected = values[0].value, float("nan")
            detail += " The report's other figures do not decide between them."
        rows.append(finding("stated_twice", key, stated, expected, "warning", detail, statements, unit=unit))
    return findings_frame(rows)


def compatible(values: list[Candidate], settings: Settings) -> bool:
    """Whether one number fits every statement ('at least 41' and '43' do; '14' and '15' do not)."""
    bounds = [c.bounds(settings) for c in values]
    return max(b[0] for b in bounds) <= min(b[1] for b in bounds)


def supported_values(key: Key, relations: list[Relation], pool: Pool,
                     settings: Settings) -> tuple[list[Candidate], list[Candidate]]:
    """Values of ``key`` under which every relation it is part of can hold, and the others."""
    involved = [r for r in relations if key == r.whole or key in r.parts]
    values = pool.get(key, [])
    if not involved:
        return [], []
    supported = []
    for relation in involved:
        relation_readings = readings(relation, pool, settings)
        agree, _ = agreement(relation_readings, key)
        supported.append(agree)
    agree = [c for c in values if all(c in s for s in supported)]
    return agree, [c for c in values if c not in agree]


CheckFunction = Callable[..., pd.DataFrame]
CHECKS: dict[str, CheckFunction] = {
    "party_breakdown": check_party_breakdown,
    "other_parties_breakdown": check_other_parties_breakdown,
    "governorate_breakdown": check_governorate_breakdown,
    "victim_groups": check_victim_groups,
    "percent": check_percents,
    "massacre_victims": check_massacre_victims,
    "stated_twice": check_stated_twice,
    "period_sum": check_period_sums,
}


def run_checks(figures: pd.DataFrame, settings: Settings | None = None) -> pd.DataFrame:
    """Every check of ``CHECKS`` on ``figures``: the findings, sorted deterministically.

    The checks share one ``CountPools`` (each pool is built once); a check called alone builds its own."""
    pools = CountPools(prepared(figures))
    frames = [check(pools.figures, settings, pools) for check in CHECKS.values()]
    frames = [f for f in frames if not f.empty]
    findings = pd.concat(frames, ignore_index=True) if frames else findings_frame([])
    return sort_findings(findings_frame(findings.to_dict("records")))


# ---------------------------------------------------------------- reading the findings

def findings_for_report(findings: pd.DataFrame, report: str) -> pd.DataFrame:
    """The findings that rest on at least one statement of ``report`` (cross-report ones included)."""
    mask = findings["reports"].map(lambda reports: report in str(reports).split(";"))
    return findings[mask].reset_index(drop=True)


def format_findings(findings: pd.DataFrame, width: int = 100) -> str:
    """The findings as text, grouped by report, errors first."""
    if findings.empty:
        return "No discrepancies: every checked figure agrees with the others.\n"
    lines = []
    for report, group in sort_findings(findings).groupby("report", sort=False):
        counts = group["severity"].value_counts()
        summary = ", ".join(f"{counts[s]} {s}{'s' if counts[s] > 1 else ''}" for s in SEVERITIES if s in counts)
        lines.append(f"== report {report}: {summary}")
        for row in group.to_dict("records"):
            expected = "" if pd.isna(row["expected"]) else f", expected {number_text(row['expected'])}"
            key = tuple(row[c] for c in KEY_COLUMNS)
            lines.append(f"  {row['severity'].upper():<8}{row['check']}: {describe_key(key)}: "
                         f"stated {number_text(row['stated'])}{expected}")
            lines.extend(textwrap.wrap(row["detail"], width=width, initial_indent=" " * 10,
                                       subsequent_indent=" " * 10))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
