"""Clean report text -> figures: the third stage of the flow, and its public face.

``extract_figures`` reads a report (a path or its text) through ``snhr_data.reading``: the report month
from the title or the publication date, then every block (``reading.report``) and sentence
(``reading.sentence``). Afterwards exact repeats are dropped, a statement cut by a truncated text is left
out, and totals a report implies for one party only, and the other parties a party list implies, are added, with a note.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Iterable

import pandas as pd

from .clean import Block, clean_blocks
from .codes import FIGURE_COLUMNS, SPECIAL_GROUP_MEASURES, combined_members, named_forces, perpetrator_groups
from .grammar import regex, settings
from .numbers import DIGIT_GAP, DIGITS_PARTED, find_numbers
from .raw import SUPPORTED_SUFFIXES, ReportReadError, read_report
from .periods import is_period, period_type
from .reading.dates import publication_date, ramadan_span
from .reading.governorates import ONE_PLACE_NOTE, is_party_total_by_place
from .reading.month import Dating, date_report
from .reading.heads import group_label_of, is_count_number
from .reading.model import AmbiguousTextWarning, Figure, Source, join_notes
from .reading.parties import DETENTION_NOTE, JOINT_OTHERS_NOTE
from .reading.report import ReportReader, title_blocks, title_text
from .reading.tables import is_flat_party_line, is_labelled_row, is_total_row

__all__ = ["extract_figures", "extract_from_text", "report_month_of_text", "Figure", "TruncatedReportWarning"]


def report_month_of_text(text: str, source_file: str = "<text>", month: str | None = None) -> str:
    """The month a report covers (``snhr_data.reading.month``); ReportReadError if none."""
    return _dating(clean_blocks(text), text, source_file, month).month


def _dating(blocks: list[Block], text: str, source_file: str, month: str | None) -> Dating:
    title = title_blocks(blocks)
    body = "\n\n".join(block.text for block in blocks[len(title):])
    try:
        return date_report(title_text(blocks), body, text, check_month(month))
    except ValueError as err:
        raise ReportReadError(f"{source_file}: {err}") from err


def check_month(month: str | None) -> str | None:
    """A month given by the user, checked: ``YYYY-MM``."""
    if month is not None and not (is_period(month) and period_type(month) == "month"):
        raise ValueError(f"month {month!r} is not a month written YYYY-MM (e.g. 2024-11)")
    return month


def extract_from_text(text: str, source_file: str = "<text>", strict: bool = False,
                      month: str | None = None) -> list[Figure]:
    """Every figure the report text states, in document order; ``month`` dates a text that names no month."""
    blocks = clean_blocks(text)
    if not blocks:
        raise ReportReadError(f"{source_file}: no report text")
    dating = _dating(blocks, text, source_file, month)
    published = publication_date(text)
    source = Source(source_file, dating.month, strict, dating.now, dating.period, published[:7] if published else None,
                    observatory_line(blocks), ramadan_span(title_text(blocks), text, dating.month))
    warn_digit_gaps(blocks, source_file)
    figures = ReportReader(source).read(blocks, title_blocks(blocks))
    if not figures:
        raise ReportReadError(f"{source_file}: no figures found; is this an SNHR death-toll report?")
    cut_line = truncation_line(blocks)
    if cut_line is not None and regex("CutAfterWholeCount").search(blocks[-1].text.rstrip()):
        warnings.warn(f"{source_file}:{cut_line}: the text ends mid-sentence, on \"including\" after a whole count; "
                      f"the parts that were to follow are missing", TruncatedReportWarning, stacklevel=2)
    elif cut_line is not None:
        warnings.warn(f"{source_file}:{cut_line}: the text ends mid-sentence and may be truncated; "
                      f"figures stated on that last line are left out", TruncatedReportWarning, stacklevel=2)
        figures = [f for f in figures if f.line != cut_line]
    return without_shares_their_section_contradicts(without_parts_above_their_party(without_wholes_below_their_parts(
        add_implied_other_parties(add_implied_totals(add_implied_countrywide(without_restated_listed_places(
            keep_joint_other_parties(dedupe(figures)))))))), dating.period)


def observatory_line(blocks: list[Block]) -> int | None:
    """The first raw line naming the Syrian Observatory, if the text names it."""
    named = ((block, regex("ObservatoryNamed").search(block.text)) for block in blocks)
    return next((block.line_at(match.start()) for block, match in named if match), None)


PARTINGS = {",": "a comma and a space", " ": "a space", DIGIT_GAP: "a no-break or thin space"}


def warn_digit_gaps(blocks: list[Block], source_file: str) -> None:
    """Warn of each line whose digits a no-break or thin space, a comma and a space, or a space in a count may group or
    part ("Aleppo 12 345 67", "Forces: 1, 312", "killed 2 16 civilians"): its numbers there are left out
    (``clean.spaced_thousands_joined``, ``clean.comma_spaced_digits_read``, ``clean.space_parted_count_read``)."""
    parted = {(block.line_at(match.start()), PARTINGS[match.group()[1]]) for block in blocks
              for match in DIGITS_PARTED.finditer(block.text)}
    for line, parting in sorted(parted):
        warnings.warn(f"{source_file}:{line}: digits parted by {parting} may be one number or two; they are left out",
                      AmbiguousTextWarning, stacklevel=3)


class TruncatedReportWarning(UserWarning):
    """A report whose text stops mid-sentence."""


def truncation_line(blocks: list[Block]) -> int | None:
    """The last raw line, if the text stops in the middle of a statement (on a number, or a long unfinished sentence)."""
    text = blocks[-1].text.rstrip()
    numbers = find_numbers(text)
    ends_on_count = (bool(numbers) and numbers[-1].end == len(text) and is_count_number(text, numbers[-1])
                     and bool(regex("WordBefore").search(text[: numbers[-1].start]))  # "to 7", not a table row "19 10"
                     and not group_label_of(text, numbers[-1])  # nor "Of which women 6", "- ISIS: 5 Women: 2"
                     # nor a table row "Idlib 14", nor the last cell of a list set apart by bars ("Idlib 48 | Aleppo
                     # 37 | Daraa 29"; fx131d: the text's last list had been dropped as cut)
                     and not is_labelled_row(re.split(r"\s[|│]\s", text[blocks[-1].starts[-1]:])[-1])
                     and not is_total_row(text[blocks[-1].starts[-1]:])  # nor its total row "Total 41" (fx129d)
                     # nor a table's row of governorates or parties flattened into name-number pairs ("Hama 61 Homs
                     # 40 Idlib 23"; fx157bd: a PDF's last table row had been dropped as cut)
                     and not is_flat_party_line(text[blocks[-1].starts[-1]:])
                     and not is_labelled_list(text[blocks[-1].starts[-1]:]))  # nor a list "Idlib 244, Hama 71" (session 42)
    dangling = regex("DanglingEnd").search(text)
    return blocks[-1].lines[-1] if ends_on_count or dangling else None


def is_labelled_list(line: str) -> bool:
    """Whether a line is a list of labelled counts, two or more, after its label ("Governorates: Idlib 244, Hama 71,
    Aleppo 38"; session 42: the text's last line had been dropped as cut)."""
    items = regex("ListItemSeparator").split(line.rsplit(":", 1)[-1].strip())
    return len(items) > 1 and all(is_labelled_row(item.strip()) for item in items)


def dedupe(figures: list[Figure]) -> list[Figure]:
    """Drop exact repeats (same figure, value and line); keep restatements on other lines."""
    seen, kept = set(), []
    for figure in figures:
        key = (figure.period, figure.measure, figure.victim_group, figure.perpetrator, figure.governorate,
               figure.unit, figure.share_of, figure.value, figure.line)
        if key not in seen:
            seen.add(key)
            kept.append(figure)
    return kept


def without_restated_listed_places(figures: list[Figure]) -> list[Figure]:
    """A party's count stated across several governorates with no split ("Israeli forces killed four civilians in Daraa
    and Quneitra") is read as the party's count in all governorates only when the text states no other count of that
    party, measure, period and victim group (in all governorates or in one): else it may be one part of the party's
    toll. So is a party's count stated in one governorate, also filed under all governorates."""
    def key(f: Figure) -> tuple:
        return f.period, f.measure, f.victim_group, f.perpetrator, f.unit

    restated = {key(f) for f in figures if is_party_total_by_place(f.note) for other in figures
                if other is not f and key(other) == key(f) and (other.line, other.value) != (f.line, f.value)}
    # a party's count stated in one governorate ("X killed seven civilians in Daraa") is also its count in all
    # governorates only as an item of a breakdown by party of the countrywide toll: the text states that toll for the
    # period and measure, and another party's count in all governorates (round 72a); never in a text on that
    # governorate alone ("X killed 25 civilians in Idlib governorate")
    countrywide = {(f.period, f.measure) for f in figures if f.unit == "count" and f.victim_group == "all"
                   and f.perpetrator == "all" and f.governorate == "all"}
    party_totals = {(f.period, f.measure, f.perpetrator) for f in figures if f.unit == "count"
                    and f.victim_group == "all" and f.perpetrator != "all" and f.governorate == "all"
                    and ONE_PLACE_NOTE not in f.note}

    def is_breakdown_item(f: Figure) -> bool:
        return (f.period, f.measure) in countrywide and any(
            (f.period, f.measure) == (period, measure) and party != f.perpetrator
            for period, measure, party in party_totals)
    return [f for f in figures if not (is_party_total_by_place(f.note) and key(f) in restated)
            and not (ONE_PLACE_NOTE in f.note and not is_breakdown_item(f))]


SPECIAL_GROUPS = frozenset(SPECIAL_GROUP_MEASURES)


def implied_total_kin(figure: Figure) -> bool:
    """Whether ``figure`` is a count of all victims and governorates of a measure whose total a single party's count
    may imply: a special group, or deaths under torture."""
    return figure.unit == "count" and figure.governorate == "all" and (
        figure.measure in SPECIAL_GROUPS or (figure.measure == "torture_deaths" and figure.victim_group == "all"))


def by_period_and_measure(figures: Iterable[Figure]) -> dict[tuple[str, str], list[Figure]]:
    """``figures`` grouped by their period and measure, in order."""
    grouped: dict[tuple[str, str], list[Figure]] = {}
    for f in figures:
        grouped.setdefault((f.period, f.measure), []).append(f)
    return grouped


def add_implied_countrywide(figures: list[Figure]) -> list[Figure]:
    """A special group's count stated for one governorate only, on one line, with no countrywide count of its measure
    and period, is the countrywide count too ("One media worker was killed by unidentified gunmen in Daraa"): add it,
    noted as implied (``add_implied_totals`` may then add its total of all parties)."""
    added = []
    for (_period, measure), rows in by_period_and_measure(
            f for f in figures if f.unit == "count" and f.measure in SPECIAL_GROUPS and f.victim_group == "all").items():
        if {r.governorate for r in rows} & {"all"} or len({r.governorate for r in rows}) != 1 \
                or len({r.line for r in rows}) != 1:
            continue
        note = "implied: the report states it in one governorate only"
        added += [replace(r, governorate="all", note=join_notes(r.note, note)) for r in rows]
    return figures + added


def is_part_of_party_toll(row: Figure) -> bool:
    """Whether ``row``'s count is stated in its quote as a part of the victims named before it ("118 of these victims
    died under torture in government prisons"): a part of one party's toll, which implies no total of all parties."""
    return any(m.value == row.value and (regex("TorturePartOfPartyTollAfter").match(row.quote[m.end:])
                                         or regex("TorturePartOfFigureBefore").search(row.quote[:m.start]))
               for m in find_numbers(row.quote))


def goes_on_party_statement(row: Figure, figures: list[Figure]) -> bool:
    """Whether ``row``'s clause goes on, after a semicolon, with the statement of its own party's toll on its line
    ("X killed 310 civilians, including 40 children; 25 detainees died under torture in X's prisons"), or its sentence
    does, opened by an adding word ("X killed 310 civilians. A further 25 detainees died under torture in X's
    prisons"; fx150ab): a part of that party's list item, as when joined by a comma, which implies no total of all
    parties."""
    goes_on = bool(regex("TortureGoesOnPartyStatement").match(row.quote))
    return any(f.perpetrator == row.perpetrator and f.line == row.line and f.measure != row.measure
               and (f.quote.rstrip().endswith(";") or (goes_on and f.quote != row.quote)) for f in figures)


def add_implied_totals(figures: list[Figure]) -> list[Figure]:
    """A count stated for one party only, on one line, with no total of its measure and period, also states the
    total: add it, noted as implied. So for a special group ("the killing of one medical worker at the hands of
    other parties") and for deaths under torture placed in the party's prisons ("Six people died under torture in
    regime prisons"; never "12 deaths due to torture at the hands of X", which need not be all of them, nor "X killed 40 civilians; 9
    detainees died under torture in its prisons", a part of X's statement)."""
    added = []
    for (_period, measure), rows in by_period_and_measure(f for f in figures if implied_total_kin(f)).items():
        parties = {r.perpetrator for r in rows}
        lines = {r.line for r in rows if r.perpetrator != "all"}
        if "all" in parties or len(parties) != 1 or len(lines) != 1:
            continue
        if measure == "torture_deaths" and (not all(DETENTION_NOTE in r.note for r in rows)
                                            or any(is_part_of_party_toll(r) or goes_on_party_statement(r, figures)
                                                   for r in rows)):
            continue
        for row in rows:
            added.append(replace(row, perpetrator="all", note=join_notes(row.note, "implied total: the report states only this party")))
    return figures + added


def keep_joint_other_parties(figures: list[Figure]) -> list[Figure]:
    """One count of several subcategories of other parties together ("Another 135 civilians were killed by landmine
    explosions, by snipers ..., or by parties SNHR could not identify"), filed as the other parties', is kept only when
    it and the main parties of its period and measure add up to the total the text states, and the text gives no other
    count of other parties: else it may be a part of theirs, and is left out with a warning naming file and line."""
    groups, members = perpetrator_groups(), combined_members()
    dropped = set()
    for rows in by_period_and_measure(f for f in figures if f.unit == "count" and f.governorate == "all"
                                      and f.victim_group == "all").values():
        for joint in (r for r in rows if JOINT_OTHERS_NOTE in r.note):
            values: dict[str, set[float]] = {}
            for r in rows:
                if r is not joint:
                    values.setdefault(r.perpetrator, set()).add(r.value)
            parties = [code for code in values if groups.get(code) == "main"
                       or (groups.get(code) == "combined" and not set(members[code]) <= set(values))]
            others = [code for code in values if groups.get(code) in {"other", "other_sub"}]
            single = all(len(values[code]) == 1 for code in parties)
            parts = sum(next(iter(values[code])) for code in parties) + joint.value
            if others or not single or len(parties) < 2 or parts not in values.get("all", set()):
                dropped.add((joint.period, joint.measure, joint.line))
                warnings.warn(f"{joint.source_file}:{joint.line}: {joint.quote[:80]!r} gives one count to several "
                              "parties or causes together and its list does not add up to the total; its figures are "
                              "left out, not given to the other parties", AmbiguousTextWarning, stacklevel=2)
    return [f for f in figures if not (JOINT_OTHERS_NOTE in f.note and (f.period, f.measure, f.line) in dropped)]


NARROWER_GROUPS = {"all": {"children", "women", "children_and_women"}, "children_and_women": {"children", "women"}}


def is_part_of(part: Figure, whole: Figure) -> bool:
    """Whether ``part`` counts some of the deaths ``whole`` counts: the same period, measure and unit, and ``whole``'s
    party, governorate and victim group or a narrower one (a party's, a governorate's, the children's), not all three
    the same."""
    return (part.period, part.measure, part.unit) == (whole.period, whole.measure, whole.unit) \
        and whole.perpetrator in {"all", part.perpetrator} and whole.governorate in {"all", part.governorate} \
        and part.victim_group in {whole.victim_group} | NARROWER_GROUPS.get(whole.victim_group, set()) \
        and (part.perpetrator, part.governorate, part.victim_group) != (
            whole.perpetrator, whole.governorate, whole.victim_group)


def without_wholes_below_their_parts(figures: list[Figure]) -> list[Figure]:
    """A count of all parties stated with two values or more (a title and a body that disagree, or a part of the toll
    read as the whole) keeps only the values no part the text states exceeds, when one of them is such: "3 civilians"
    read as the month's toll beside "127 civilians, including 23 children" is no toll of the month, and is left out
    with a warning naming file and line. A count of one value, or whose every value falls below a part, is kept as
    stated (the audit reports it); so is a party's count (a report's sections may disagree on one party's toll: "15
    civilians, including five children" in one, "Three civilians" in another). Approximate parts ("about 40") and
    bounds ("at least 100") prove nothing and are not compared. The groups the same statement gives that part ("The
    coalition's toll of 260 civilians included 71 children") are the part's, never the whole's: left out with it."""
    def key(f: Figure) -> tuple:
        return f.period, f.measure, f.unit, f.perpetrator, f.governorate, f.victim_group

    counts = [f for f in figures if f.unit == "count" and f.qualifier == "exact"]
    stated: dict[tuple, list[Figure]] = {}
    for f in counts:
        if f.perpetrator == "all":
            stated.setdefault(key(f), []).append(f)
    def of_disagreeing_whole(group: Figure) -> bool:
        # a victim group its statement gives a whole of all victims that is itself stated with another value and no
        # part exceeds: a headline that disagrees with the body ("119 Civilians Killed ..., Including 23 Children and
        # Four Women" over "121 civilians ..., including 23 children and seven women", a party's "seven women" among
        # them; round 151d: the headline's four women had been left out)
        return any(is_group_of(group, whole) and whole.victim_group == "all"
                   and len({w.value for w in stated.get(key(whole), [])}) > 1
                   and not any(p.value > whole.value and is_part_of(p, whole) for p in counts)
                   for whole in stated.get((group.period, group.measure, group.unit, group.perpetrator,
                                            group.governorate, "all"), []))

    dropped: set[int] = set()
    for rows in stated.values():
        if len({r.value for r in rows}) < 2:
            continue
        below = [r for r in rows if any(p.value > r.value and is_part_of(p, r) for p in counts)
                 and not of_disagreeing_whole(r)]
        if not below or len(below) == len(rows):
            continue
        for row in below:
            dropped.add(id(row))
            warnings.warn(f"{row.source_file}:{row.line}: {row.value:g} in {row.quote[:80]!r} is below a part of it "
                          f"the text states, beside another value of the same count; it is left out as a part read as "
                          f"the whole", AmbiguousTextWarning, stacklevel=2)
    dropped_wholes = [f for f in counts if id(f) in dropped]
    return [f for f in figures if id(f) not in dropped and not any(is_group_of(f, whole) for whole in dropped_wholes)]


def without_parts_above_their_party(figures: list[Figure]) -> list[Figure]:
    """A party's count in one governorate, or of one victim group, above every count of all its places, or of all its
    victims, that the text states for that party (same period and measure) is no part of the party's toll: a list of
    the whole toll's places read under a party's heading ("Fifth: Unknowns" / "87 civilians, ..." / "Main governorates:
    Aleppo 512 civilians, ..."), or a group that refers back past the party's count to another ("Syrian regime forces
    killed 250 civilians. Among them were 301 children"). It is left out with a warning naming file and line: whose
    count it is, the text does not say for sure."""
    def key(f: Figure, governorate: str, victim_group: str) -> tuple:
        return f.period, f.measure, f.perpetrator, governorate, victim_group

    exact = [f for f in figures if f.unit == "count" and f.qualifier == "exact" and f.perpetrator != "all"]
    stated: dict[tuple, list[float]] = {}
    for f in exact:
        stated.setdefault(key(f, f.governorate, f.victim_group), []).append(f.value)

    def whole_above(f: Figure) -> str | None:
        """What of the party's whole ``f`` is above every count of, if it is."""
        wholes = {"in all governorates": key(f, "all", f.victim_group) if f.governorate != "all" else None,
                  "of all victims": key(f, f.governorate, "all") if f.victim_group != "all" else None}
        return next((name for name, whole in wholes.items()
                     if whole in stated and all(f.value > value for value in stated[whole])), None)

    above = {id(f): whole for f in exact if (whole := whole_above(f))}
    for f in figures:
        if id(f) in above:
            place = f" in {f.governorate}" if f.governorate != "all" else ""
            warnings.warn(f"{f.source_file}:{f.line}: {f.value:g}{place} in {f.quote[:60]!r} is above every count of "
                          f"{f.perpetrator} {above[id(f)]} the text states; it is left out, not given to that party",
                          AmbiguousTextWarning, stacklevel=2)
    return [f for f in figures if id(f) not in above]


def without_shares_their_section_contradicts(figures: list[Figure], text_period: str) -> list[Figure]:
    """A party's share of the toll read under a period other than the text's own (a month heading in an annual
    release: "December 2013" / ... / "The report stresses that X remain responsible for 96% of civilian deaths") that
    the counts of that period the text states contradict (X's 2,704 of 2,873 is 94%) is left out with a warning naming
    file and line: whether it is the section's or the text's own period's, the words do not say."""
    exact: dict[tuple, set[float]] = {}
    for f in figures:
        if f.unit == "count" and f.qualifier == "exact":
            exact.setdefault((f.period, f.measure, f.perpetrator, f.governorate, f.victim_group), set()).add(f.value)

    def one_value(key: tuple) -> float | None:
        values = exact.get(key, set())
        return next(iter(values)) if len(values) == 1 else None  # a count stated with two values proves nothing

    points = float(settings("audit")["percent_points"]["exact"])  # how far a stated percent may sit from its counts'

    def contradicted(share: Figure) -> bool:
        part = one_value((share.period, share.measure, share.perpetrator, share.governorate, share.victim_group))
        whole = one_value((share.period, share.measure, "all", share.governorate, share.victim_group))
        return bool(part is not None and whole) and abs(100 * part / whole - share.value) >= points

    kept = []
    for f in figures:
        if f.unit == "percent" and f.share_of == "perpetrator" and f.qualifier == "exact" \
                and f.period != text_period and contradicted(f):
            warnings.warn(f"{f.source_file}:{f.line}: {f.value:g}% in {f.quote[:80]!r} disagrees with the counts of "
                          f"{f.period} the text states, and may be the share of another period; it is left out",
                          AmbiguousTextWarning, stacklevel=2)
            continue
        kept.append(f)
    return kept


def is_group_of(group: Figure, whole: Figure) -> bool:
    """Whether ``group`` is a victim group the statement of ``whole`` gives it ("260 civilians ... included 71
    children"): a part of it (``is_part_of``) of the same statement (line and quote), party and governorate."""
    return is_part_of(group, whole) and (group.perpetrator, group.governorate, group.line, group.quote) \
        == (whole.perpetrator, whole.governorate, whole.line, whole.quote)


def add_implied_other_parties(figures: list[Figure]) -> list[Figure]:
    """A party list whose only other party is one subcategory ("Unidentified parties killed 122", "Fifth: Unknowns",
    "parties we could not identify") states the other parties' count, when its parties add up to the total it
    states: the main (and combined) parties and that one subcategory, nothing left over. Add it, noted as implied. A
    state's forces (``named_force``: "Turkish forces 29" ending a 2016 list) may be a party of the list's own: none."""
    groups, members, forces = perpetrator_groups(), combined_members(), named_forces()
    added = []
    national_counts = (f for f in figures if f.unit == "count" and f.governorate == "all")
    for rows in by_period_and_measure(national_counts).values():
        values: dict[str, set[float]] = {}
        for r in rows:
            if r.victim_group == "all":
                values.setdefault(r.perpetrator, set()).add(r.value)
        subs = [code for code in values if groups.get(code) in {"other", "other_sub"}]
        parties = [code for code in values if groups.get(code) == "main"
                   or (groups.get(code) == "combined" and not set(members[code]) <= set(values))]
        # (a combined party split into its members is counted once, by its members)
        if len(subs) != 1 or subs[0] in {"other_parties"} | forces or len(parties) < 2 or "all" not in values \
                or any(len(values[code]) != 1 for code in parties + subs):
            continue
        parts = sum(next(iter(values[code])) for code in parties + subs)
        if parts not in values["all"]:
            continue
        added += [replace(r, perpetrator="other_parties", note=join_notes(
            r.note, "implied: the only other party of a list that adds up to the total")) for r in rows
            if r.perpetrator == subs[0]]
    return figures + added


def figures_frame(figures: list[Figure]) -> pd.DataFrame:
    frame = pd.DataFrame([f.__dict__ for f in figures], columns=FIGURE_COLUMNS)
    frame["value"] = frame["value"].astype("float64")
    frame["line"] = frame["line"].astype("int64")
    return frame


def extract_figures(source: str | Path, *, strict: bool = False, source_file: str | None = None,
                    month: str | None = None) -> pd.DataFrame:
    """Every figure a report states, one row each, with provenance (file, line, quote).

    ``source`` is a path to a report (.txt, .md, .pdf, .html) or the report text itself. The report
    month and every period are read from the text, never from the file name. ``strict`` makes an
    unmapped party label an error instead of a warning. ``month`` (``YYYY-MM``) dates a text that names no
    month or year of its own (a news article saying only "in April"); a text stating another month is refused.
    """
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and len(source) < 400
                                    and Path(source).suffix.lower() in SUPPORTED_SUFFIXES):
        report = read_report(source)
        text, name = report.text, source_file or report.source_file
    else:
        text, name = str(source), source_file or "<text>"
    return figures_frame(extract_from_text(text, name, strict, month))
