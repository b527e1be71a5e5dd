"""Tables flattened into text, one row a line: a header ("Party Civilians Children Women", with or without
pipes) or an introduction naming what the rows list ("The deaths by governorate in July 2024:"), then rows
("Syrian regime forces 22 4 2", "Daraa 27"). Each row gives one figure per column, for the party or the
governorate its label names; a label that names neither is reported and its row left out, and the first line
that is no row ends the table. Patterns: ``TableHeader``, ``TableIntro``, ``TableRow`` in ``vocab/layout.yaml``."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..grammar import regex
from ..numbers import find_numbers
from ..vocab import find_governorates, find_parties, report_unknown_party, report_unmapped
from .measure import measure_of_text
from .model import Figure, Source

TABLE_MEASURES = {"civilian_deaths", "torture_deaths"}  # what a table of deaths by party or governorate counts
GROUP_OF_COLUMN = {"civilians": "all", "deaths": "all", "victims": "all", "children": "children", "women": "women"}


@dataclass(frozen=True)
class Table:
    """What the rows of a table list: by ``key`` (party or governorate), one victim group per column."""

    key: str
    groups: tuple[str, ...]
    period: str
    measure: str = "civilian_deaths"


def table_header(text: str, period: str, measure: str | None) -> Table | None:
    """The table a header line opens ("Party Civilians Children Women", "Governorate | Civilians | Children"), of
    the ``measure`` its introduction or heading names; None when that is no measure a table of deaths holds."""
    match = regex("TableHeader").fullmatch(text.strip())
    if not match or (measure or "civilian_deaths") not in TABLE_MEASURES:
        return None
    columns = [c.lower() for c in regex("TableColumn").findall(match.group("columns"))]
    return Table(key_of(match.group("key")), tuple(GROUP_OF_COLUMN[c] for c in columns), period,
                 measure or "civilian_deaths")


def table_intro(sentence: str, source: Source, period: str) -> Table | None:
    """The one-column list a sentence introduces ("The deaths by governorate in July 2024:"), of the period it
    names, else ``period`` (the context's); None when it names several periods or one the reader cannot read."""
    match = regex("TableIntro").search(sentence.strip())
    if not match:
        return None
    mentions = source.periods(sentence)
    measure = measure_of_text(sentence) or "civilian_deaths"
    if len(mentions) > 1 or (mentions and not mentions[0].period) or measure not in TABLE_MEASURES:
        return None
    return Table(key_of(match.group("key")), ("all",), mentions[0].period if mentions else period, measure)


def row_lines(text: str, starts: list[int]) -> list[tuple[int, str]]:
    """(offset, line) for each raw line of a block's text."""
    ends = starts[1:] + [len(text)]
    return [(start, text[start:end]) for start, end in zip(starts, ends)]


def key_of(word: str) -> str:
    return "governorate" if word.lower().startswith(("governorate", "province")) else "party"


def table_row(line: str, table: Table, source: Source, line_no: int) -> list[Figure] | None:
    """The figures of one row; None when the line is no row of ``table`` (the table has ended)."""
    match = regex("TableRow").fullmatch(line.strip())
    if not match or is_year(match.group("cells")):
        return None
    label = match.group("label").strip(" |:-")
    numbers = find_numbers(match.group("cells"))
    if len(numbers) != len(table.groups) or not all(float(n.value).is_integer() for n in numbers):
        return None
    if regex("TableTotalLabel").fullmatch(label):
        return []  # the table's total restates the report's
    found = find_governorates(label) if table.key == "governorate" else find_parties(label, source.report)
    if len(found) != 1 or found[0].start != 0 or label[found[0].end:].strip():
        where = f"{source.source_file}:{line_no}"
        if table.key == "party":
            report_unknown_party(where, f"unmapped perpetrator label {label!r}", source.strict)
        else:
            report_unmapped(f"{where}: unmapped governorate label {label!r} (add it to snhr_data/vocab/governorates.yaml); "
                            "its figures are left out", source.strict)
        return []
    party, gov = ("all", found[0].code) if table.key == "governorate" else (found[0].code, "all")
    return [Figure(source.report, table.period, table.measure, group, party, gov, "count", "", float(n.value),
                   "exact", source.source_file, line_no, line.strip(), "a row of a table flattened to text")
            for group, n in zip(table.groups, numbers)]


def is_labelled_row(line: str) -> bool:
    """Whether a line is a table row whose label is one governorate or party ("Idlib 14", "Russian forces 7 2")."""
    match = regex("TableRow").fullmatch(line.strip())
    if not match or is_year(match.group("cells")):
        return False
    label = match.group("label").strip(" |:-")
    found = find_governorates(label) or find_parties(label)
    return len(found) == 1 and found[0].start == 0 and not label[found[0].end:].strip()


def is_year(cells: str) -> bool:
    """A lone cell that reads as a year ("Aleppo 2024"): a heading, not a row."""
    return bool(re.fullmatch(r"\s*(?:19|20)\d{2}\s*", cells))
