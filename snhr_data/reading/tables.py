"""Tables flattened into text, one row a line: a header ("Party Civilians Children Women", with or without
pipes, "Month Civilians Children Women") or an introduction naming what the rows list ("The deaths by governorate
in July 2024:", "The monthly distribution of civilian deaths in 2024 was as follows:", a caption "Table 1: Civilian
deaths by perpetrator, September 2017"), then rows ("Syrian regime forces 22 4 2", "Daraa 27", "January: 186").
Each row gives one figure per column, for the party or the governorate its label names, or for the month it names
(of the year the table's period is: a month row of a table of no one year is reported and left out); a label that
names none is reported and its row left out; a line of children and women after a row ("Children: 12, Women: 4")
gives that row's groups; the first line that is no row ends the table. A header whose columns are periods
("| Governorate | May 2024 | January-May 2024 |", "| Perpetrator | 2021 | December 2021 |", "Party | March 2022 | April
2022") files each column under its own period, its total row giving each period's total; a line of one group's counts
per period after it ("Children: 71 in January, 107 in February.") gives each count its own period. A header of months
alone whose rows name victims ("| | Jan | ... | Dec | Total |" / "| Children | 295 | ... |") gives each cell its month.
Patterns: ``TableHeader``, ``MeasureTableHeader``, ``PeriodTableHeader``, ``TableIntro``, ``TableRow``,
``TableMonthLabel``, ``GroupPeriodLine``, ``CountFirstItem`` in ``vocab/layout.yaml``."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..codes import PARENT_OF_GROUP, combined_members, perpetrator_groups
from ..grammar import cached_by_text, classes, regex, regexes_for
from ..numbers import NumberMention, find_numbers
from ..periods import contains, month_code, month_number, period_span, period_type
from ..vocab import find_governorates, find_parties, report_unknown_party, report_unmapped
from .dates import QUARTERS
from .measure import measure_of_text
from .model import NO_PERIOD, Figure, Source, warn_left_out
from .text import title_case_months

TABLE_MEASURES = {"civilian_deaths", "torture_deaths"}  # what a table of deaths by party or governorate counts
FIGHTERS = "fighters"  # a column of fighters killed: no civilian figure
TORTURE = "torture"  # a column of the deaths under torture beside the civilians: torture deaths of all victims
MASSACRES = "massacres"  # a column of the massacres by party ("| Perpetrator | Massacres |"): massacres, no deaths
ROW_NOTE = "a row of a table flattened to text"
COMBINED_ROW_NOTE = "the combined group's label, its members' rows after it"
GROUPS_LINE_NOTE = "the groups of a table row, on the line after it"
OTHER_PLACES = "other places"  # the cell of a flattened list giving the other governorates together: no figure
SHARE_CELL = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")  # a cell of a cross table's row of shares ("33.9%")
COUNT_CELL = re.compile(r"\d[\d,]*")  # a cell of a cross table that holds a count ("297", "1,508")
GROUP_OF_COLUMN = {"civilians": "all", "deaths": "all", "victims": "all", "toll": "all", "children": "children",
                   "women": "women", "total": "all", "fighters": FIGHTERS, "combatants": FIGHTERS}


@dataclass(frozen=True)
class Table:
    """What the rows of a table list: by ``key`` (party, governorate or month), one victim group per column."""

    key: str
    groups: tuple[str, ...]
    period: str
    measure: str = "civilian_deaths"
    periods: tuple[str, ...] = ()  # one per column, for a table whose columns are periods; else each is ``period``
    party: str = "all"  # of a table by governorate: the one party its introduction names ("The regime's toll ...")
    introduced: bool = False  # opened by an introduction ("Children killed by governorate:"), no header: its one
    # victim group is that of the header's columns of all victims, if a header follows
    share: bool = False  # a last column of each row's share of the total ("| ... | Share of total |")
    share_at: int = 0  # the place among a row's cells of a share column between the counts' (its rows' cells moved last)
    # of a cross table ("| Governorate | Syrian regime forces | Russian forces | Total |") or a table of parties as
    # columns (PARTY_COLUMNS): the party's or governorate's code each column names ("all" for its Total column), and
    # which of the two they are
    columns: tuple[str, ...] = ()
    column_key: str = ""
    sub_rows: bool = False  # after its caption of the other parties' rows ("Other parties distributed as follows:"): a
    # row of one count gives that party's count of its first column alone ("Drowning 2" under "... Children Women")

    def column_periods(self) -> tuple[str, ...]:
        return self.periods or (self.period,) * len(self.groups)


def table_header(text: str, period: str, measure: str | None, group: str = "all") -> Table | None:
    """The table a header line opens ("Party Civilians Children Women", "Governorate | Civilians | Children"), of
    the ``measure`` and victim ``group`` its introduction or heading names ("Children killed by governorate:" /
    "| Governorate | Deaths |": children); None when that is no measure a table of deaths holds. Under an introduction
    naming a victim group, a header with a column of another group has no period (its rows are left out)."""
    match = regex("TableHeader").fullmatch(text.strip())
    share_at = 0
    if not match:
        moved, share_at = share_cell_moved_last(text, share_column_at(text))
        match = regex("TableHeader").fullmatch(moved.strip()) if share_at else None
    if not match:
        return None
    columns = [column_group(c) for c in regex("HeaderColumn").findall(match.group("columns"))]
    if (measure or "civilian_deaths") not in TABLE_MEASURES and set(columns) != {MASSACRES}:
        return None
    key = key_of(match.group("key"))
    if key == "month" and match.group("key_year"):
        period = match.group("key_year")  # "Month (2016)": the months of the year its key cell names
    elif key == "month":
        period = months_table_period(period)
    if group != "all" and set(columns) - {"all", FIGHTERS}:
        period = NO_PERIOD  # "Children killed by governorate:" / "| Governorate | Civilians | Children |": whose is which
    groups = tuple(group if column == "all" else column for column in columns)
    return Table(key, groups, period, measure or "civilian_deaths", share=bool(match.group("share")), share_at=share_at)


def share_column_at(header: str) -> int:
    """The place among a header's cells between bars of its one share column standing between its columns of counts
    ("| Perpetrator | Civilians | Share | Children | Women | Torture |": 2), 0 when it has none."""
    cells = [cell.strip() for cell in header.strip().strip("|").split("|")]
    at = [i for i, cell in enumerate(cells[1:-1], 1) if regex("ShareColumnCell").fullmatch(cell)]
    return at[0] if len(at) == 1 and len(cells) >= 4 else 0


def share_cell_moved_last(line: str, at: int) -> tuple[str, int]:
    """A header or row between bars with its cell at ``at`` (a share column between the columns of counts) moved to
    its end, where a share column stands ("Syrian regime forces | 611 | 41% | 138": "Syrian regime forces | 611 | 138
    | 41%"; fx134d), an empty share cell left out ("- ISIS | 39 | - | 4": a combined group's member), and ``at``; the
    line itself and 0 when that cell is no share (nor its header's)."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if not at or len(cells) <= at:
        return line, 0
    cell = cells[at]
    if not (regex("ShareColumnCell").fullmatch(cell) or SHARE_CELL.fullmatch(cell) or regex("EmptyCell").fullmatch(cell)):
        return line, 0
    rest = cells[:at] + cells[at + 1:]
    return " | ".join(rest + ([cell] if not regex("EmptyCell").fullmatch(cell) else [])), at


def months_table_period(period: str | None) -> str | None:
    """The period of a table by month under the context's ``period``: for one month's, its year (a table by month lists
    months of a year, never of one month: a half-year or annual release's month-by-month list under its last month's
    heading), else ``period`` itself."""
    if period not in (None, NO_PERIOD) and period_type(period) == "month":
        return period[:4]
    return period


def column_group(column: str) -> str:
    """The victim group a header's column counts ("Of which children": children), TORTURE for a column of the deaths
    under torture ("Died under torture", "Torture deaths"), MASSACRES for a column of massacres."""
    if regex("MassacresColumn").fullmatch(column.strip()):
        return MASSACRES
    return TORTURE if regex("TortureColumn").fullmatch(column.strip()) else GROUP_OF_COLUMN[column_word(column)]


def cell_measure_group(table: Table, group: str) -> tuple[str, str]:
    """The measure and victim group of a table's cell in the column of ``group``: a torture column's cells are torture
    deaths of all victims, a massacres column's the massacres, the other columns' the table's measure."""
    if group == MASSACRES:
        return "massacres", "all"
    return ("torture_deaths", "all") if group == TORTURE else (table.measure, group)


def measure_table_header(text: str, source: Source, period: str) -> Table | None:
    """The table of measures a header opens ("| Indicator | May 2019 |"), for the one period its column names, else
    ``period`` (the context's); a column naming several periods, or one the reader cannot read, gives none."""
    match = regex("MeasureTableHeader").fullmatch(text.strip())
    if not match:
        return None
    if match.group("more"):  # a column per period ("| Indicator | March 2018 | January-March 2018 | March 2017 |")
        cells = [match.group("period").strip()] + [cell.strip() for cell in match.group("more").split("|")[1:]]
        found = [source.periods(title_case_months(cell)) for cell in cells]
        if not all(mentions or regex("Year").search(cell) for cell, mentions in zip(cells, found)):
            return None  # columns of parties or places ("| Category | Syrian regime forces | ... |"): another table
        whole = [column_period(cell, mentions, source) for cell, mentions in zip(cells, found)]
        if None in whole or any(period_span(p)[1] > period_span(source.report)[1] for p in whole):
            if regex("EmptyKeyCellHeader").match(text.strip()):
                return None  # an empty key cell ("| | January 2023 | ... | Total 2023 (Jan - Mar) |"): another table's
            return Table("measure", ("all",) * len(cells), NO_PERIOD)  # a column of no one period, or a later one
        return Table("measure", ("all",) * len(cells), whole[0], periods=tuple(whole))
    mentions = source.periods(title_case_months(match.group("period").strip()))
    if len(mentions) > 1 or (mentions and not mentions[0].period):
        return Table("measure", ("all",), NO_PERIOD)
    return Table("measure", ("all",), mentions[0].period if mentions else period)


def period_table_header(text: str, source: Source, measure: str | None, period: str) -> Table | None:
    """The table by governorate or party a header opens whose columns are periods ("| Governorate | May 2024 |
    January-May 2024 |"), each column of the one period its whole cell names; a table with a column the reader cannot
    read as one period has no period (``NO_PERIOD``: its rows are left out). Columns naming months alone ("| Party |
    Jan | Feb | ... | Jun | Total |") are months of the one calendar year of ``period`` (the context's), their Total
    column ("Total", "Total 2020") the span of those months. None when no column names a period, or the table holds no measure a table of
    deaths holds."""
    match = regex("PeriodTableHeader").fullmatch(text.strip())
    flat = None if match else regex("FlatPeriodTableHeader").fullmatch(text.strip())
    cells = [cell.strip() for cell in match.group("columns").rstrip().removesuffix("|").split("|")] if match \
        else flat_period_cells(flat.group("columns"), source) if flat else None
    match = match or flat
    if not match or not cells or key_of(match.group("key")) == "month" \
            or (measure or "civilian_deaths") not in TABLE_MEASURES:
        return None
    months = month_columns(cells, period)
    if months is not None:
        return Table(key_of(match.group("key")), ("all",) * len(cells), months[0] if months else NO_PERIOD,
                     measure or "civilian_deaths", months)
    mentions = [source.periods(cell) for cell in cells]
    if not any(mentions) and not any(regex("Year").fullmatch(cell) for cell in cells):
        return None
    whole = [column_period(cell, found, source) for cell, found in zip(cells, mentions)]
    if whole and whole[-1] is None:
        whole[-1] = total_months_column(cells[-1], whole[:-1])
    groups = tuple(period_column_group(cell) for cell in cells)
    whole, groups = with_group_columns_of_period(cells, whole, groups)
    if None in whole:
        return Table(key_of(match.group("key")), groups, NO_PERIOD, measure or "civilian_deaths")
    return Table(key_of(match.group("key")), groups, whole[0], measure or "civilian_deaths", tuple(whole))


def total_months_column(cell: str, before: list[str | None]) -> str | None:
    """The period of a header's last column that is a Total naming its months' span in brackets, its year perhaps left
    out ("Total (Jan–Mar)" after "January 2020 | February 2020 | March 2020": 2020-01/2020-03), when the columns
    ``before`` it are single months of one year, in order, and the span runs from the first of them to the last (the
    year the Total names, if it names one, theirs); else None (which months it counts is not said)."""
    total = regex("TotalMonthsColumn").fullmatch(cell)
    if total is None or len(before) < 2 or not all(p and re.fullmatch(r"\d{4}-\d{2}", p) for p in before):
        return None
    year = int(before[0][:4])
    if any(int(p[:4]) != year for p in before) or (total.group("year") and int(total.group("year")) != year) \
            or list(before) != sorted(set(before)):
        return None
    first = month_code(year, month_number(total.group("first").rstrip(".")))
    last = month_code(year, month_number(total.group("last").rstrip(".")))
    return f"{first}/{last}" if (first, last) == (before[0], before[-1]) else None


def with_group_columns_of_period(cells: list[str], whole: list[str | None], groups: tuple[str, ...]
                                 ) -> tuple[list[str | None], tuple[str, ...]]:
    """The periods and groups of a header's columns, a column naming a victim group alone ("of whom children",
    "Women") after a column of a period given that period (its part: "| Party | November 2021 | of whom children |
    of whom women | January - November 2021 |"; fx152ab: the table's rows had been left out) and its group; the other
    columns unchanged."""
    whole, groups = list(whole), list(groups)
    for i in range(1, len(cells)):
        if whole[i] is None and whole[i - 1] is not None and regex("GroupOfPeriodColumn").fullmatch(cells[i]) \
                and (groups[i - 1] == "all" or i >= 2 and whole[i - 2] == whole[i - 1]):
            whole[i], groups[i] = whole[i - 1], column_group(cells[i])
    return whole, tuple(groups)


def flat_period_cells(columns: str, source: Source) -> list[str] | None:
    """The cells of a header's columns flattened into one line, set apart by spaces alone ("August 2016 Since the
    start of 2016"): the periods the reader finds in it, each a cell, when they fill it, two or more, nothing but
    spaces between them; None when they do not (a cell the reader cannot read as a period: which words are whose is
    not said)."""
    found = source.periods(columns)
    if len(found) < 2 or any(not m.period for m in found):
        return None
    ends = [0] + [m.end for m in found]
    if any(columns[end:m.start].strip() for end, m in zip(ends, found)) or columns[found[-1].end:].strip():
        return None
    return [columns[m.start:m.end] for m in found]


def month_columns(cells: list[str], period: str) -> tuple[str, ...] | None:
    """The periods of a header's columns when they name months alone, in order, perhaps then a Total column ("Jan",
    "Feb", ..., "Jun", "Total"): each month of the one calendar year of ``period`` (the context's), the Total column the
    span of those months (the year for all twelve), and so is a last column naming their quarter or half alone ("July
    | August | September | Third quarter"; fx153ab: the table's rows had been left out); () when ``period`` is of no one
    year or does not hold them all, or that last column names other months (the table's rows are then left out); None
    when the columns are no such months."""
    total = regex("TotalColumn").fullmatch(cells[-1]) if cells else None
    own = regex("MonthColumnsOwnSpan").fullmatch(cells[-1]) if cells and not total else None
    labels = [regex("TableMonthLabel").fullmatch(cell) for cell in (cells[:-1] if total or own else cells)]
    if len(labels) < 2 or not all(label and not label.group("year") for label in labels):
        return None
    first, last = period_span(period) if period not in (None, NO_PERIOD) else (0, -1)
    if first // 12 != last // 12 or (total and total.group("year") and int(total.group("year")) != first // 12):
        return ()  # "Total 2019" over months of 2020: which year the months are of is not said
    codes = [month_code(first // 12, month_number(label.group("month"))) for label in labels]
    if not all(contains(period, code) for code in codes) or len(set(codes)) != len(codes):
        return ()
    span = codes[0][:4] if (codes[0][5:], codes[-1][5:]) == ("01", "12") else f"{codes[0]}/{codes[-1]}"
    if own and span != own_span(own, first // 12):
        return ()  # "July | August | Fourth quarter": which months the last column counts is not said
    return tuple(codes) + ((span,) if total or own else ())


def own_span(own: re.Match[str], year: int) -> str:
    """The months of a quarter or half a header's last column names alone ("Third quarter", "Q3", "First half"), in
    ``year``."""
    if own.group("half"):
        return f"{year}-01/{year}-06" if own.group("half").lower() == "first" else f"{year}-07/{year}-12"
    number = int(own.group("number")) if own.group("number") else QUARTERS.index(own.group("quarter").lower()) + 1
    return f"{month_code(year, 3 * number - 2)}/{month_code(year, 3 * number)}"


def cross_table_header(text: str, source: Source, measure: str | None, period: str) -> Table | None:
    """The cross table a header opens whose columns name parties or governorates, perhaps then a Total column ("|
    Governorate | Syrian regime forces | Russian forces | ... | Total |", "| Party | Damascus Suburbs | Idlib | Total |",
    "| Month | Syrian regime forces | ISIS | Total |"): each cell the count of its row's party, governorate or month and
    its column's, of the context's ``period`` (a table by month: its months, of the context's one year). None when a
    column names no one party or governorate, or the table holds no measure a table of deaths holds."""
    match = regex("PeriodTableHeader").fullmatch(text.strip())
    if not match or (measure or "civilian_deaths") not in TABLE_MEASURES:
        return None
    key = key_of(match.group("key"))
    cells = [cell.strip() for cell in match.group("columns").rstrip().removesuffix("|").split("|")]
    total = bool(regex("TableTotalLabel").fullmatch(cells[-1]))
    column_key = "party" if key != "party" else "governorate"
    codes = [label_code(cell, find_governorates(cell) if column_key == "governorate"
                        else find_parties(cell, source.report)) for cell in cells[:len(cells) - total]]
    if len(codes) < 2 or None in codes:
        return None
    if key == "month":
        period = months_table_period(period)
    return Table(key, ("all",) * len(cells), period, measure or "civilian_deaths",
                 columns=tuple(codes) + (("all",) if total else ()), column_key=column_key)


def cross_row(line: str, table: Table, source: Source, line_no: int) -> list[Figure] | None:
    """The figures of a row of a cross table ("| Raqqa | – | – | 38 | 297 | 365 |"): each cell the count of the row's
    label and its column's, an empty cell none; a Total row each column's total, a Total column each row's; None when
    the line is no such row (the table has ended). A label naming none of the table's key is reported and left out."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    counts = cells[1:]
    if regex("ShareRowLabel").fullmatch(cells[0].strip(" *")) and len(counts) == len(table.columns) \
            and all(not cell or regex("EmptyCell").fullmatch(cell) or SHARE_CELL.fullmatch(cell) for cell in counts):
        return cross_share_row(cells[0], counts, table, source, line_no, line.strip())
    if len(counts) != len(table.columns) or not cells[0][:1].isalpha() and not cells[0].startswith("*") \
            or not all(not cell or regex("EmptyCell").fullmatch(cell) or COUNT_CELL.fullmatch(cell) for cell in counts):
        return None
    label, quote = cells[0].strip(" *"), line.strip()
    if table.period == NO_PERIOD:
        return []
    period = table.period
    if regex("TableTotalLabel").fullmatch(label):
        code = "all"
    elif table.key == "month":
        month = regex("TableMonthLabel").fullmatch(label)
        first, last = period_span(table.period)
        year = month and (month.group("year") or (str(first // 12) if first // 12 == last // 12 else None))
        period = year and month_code(int(year), month_number(month.group("month")))
        if not period or not contains(table.period, period):
            warn_left_out(source, line_no, quote, "row")
            return []
        code = "all"
    else:
        found = find_governorates(label) if table.key == "governorate" else find_parties(label, source.report)
        code = label_code(label, found)
        if code is None:
            report_unmapped(f"{source.source_file}:{line_no}: unmapped {table.key} label {label!r}; its figures are "
                            "left out", source.strict)
            return []
    figures = []
    for column, cell in zip(table.columns, counts):
        if not COUNT_CELL.fullmatch(cell):
            continue
        party, gov = (column, code) if table.column_key == "party" and table.key == "governorate" else \
            (code, column) if table.column_key == "governorate" else (column, "all")
        figures.append(Figure(source.report, period, table.measure, "all", party, gov, "count", "",
                              float(cell.replace(",", "")), "exact", source.source_file, line_no, quote,
                              "a row of a cross table"))
    return figures


def cross_share_row(label: str, cells: list[str], table: Table, source: Source, line_no: int,
                    quote: str) -> list[Figure]:
    """The figures of the row of shares of a cross table by month or governorate ("| Share of 2021 toll | 33.9% | 3.5% |
    ... | 100% |"): each the percent of the table's deaths that are its column's party's (or governorate's), of the
    table's period (the one its label names, if any); the Total column's 100% says nothing. A label naming another
    period than the table's is reported and left out."""
    named = source.periods(label)
    if table.period == NO_PERIOD or len(named) > 1 or (named and named[0].period != table.period):
        warn_left_out(source, line_no, quote, "row")
        return []
    share_of = "perpetrator" if table.column_key == "party" else "governorate"
    return [Figure(source.report, table.period, table.measure, "all", *((column, "all") if share_of == "perpetrator"
                   else ("all", column)), "percent", share_of, float(SHARE_CELL.fullmatch(cell).group(1)), "exact",
                   source.source_file, line_no, quote, "the row of shares of a cross table")
            for column, cell in zip(table.columns, cells) if column != "all" and SHARE_CELL.fullmatch(cell)]


def period_column_group(cell: str) -> str:
    """The victim group of a table's column naming a period, the group the words before its period name ("Children in
    December 2020": children); all victims for a column naming its period alone ("December 2021")."""
    lead = regex("PeriodColumnLead").match(cell)
    return GROUP_OF_COLUMN[column_word(lead.group("column"))] if lead else "all"


def column_period(cell: str, found: list, source: Source) -> str | None:
    """The one period a table's column header names, its whole cell ("December 2021", "January-May 2024", a year alone:
    "2021", read as "in 2021" is: of the report's own year not yet over, the months up to the report's; or with a word
    before it, "Year 2021"), perhaps after
    the victims it counts ("Civilians in December", "Deaths, 2020"); None for a cell that names no one period, or more
    than it."""
    lead = regex("PeriodColumnLead").match(cell)
    if lead and lead.end() < len(cell):
        rest = cell[lead.end():]
        return column_period(rest, source.periods(rest), source)
    whole_year = regex("YearColumn").fullmatch(cell)  # "Year 2025", "Full year 2019": the year alone
    if whole_year:
        cell = whole_year.group("year")
    if regex("Year").fullmatch(cell):
        year = source.periods(f"in {cell}")
        return year[0].period if len(year) == 1 and year[0].period else None
    return found[0].period if len(found) == 1 and found[0].period and found[0].start == 0 \
        and found[0].end == len(cell) else None


def table_intro(sentence: str, source: Source, period: str) -> Table | None:
    """The one-column list a sentence introduces ("The deaths by governorate in July 2024:"), or the table a caption
    names ("Table 1: Civilian deaths by perpetrator, September 2017"), of the period it names, else ``period`` (the
    context's); None when it introduces no table of deaths. One that names several periods, or one the reader
    cannot read, has no period (``NO_PERIOD``): its rows are left out."""
    stripped = sentence.strip()
    match = next((m for pattern in regexes_for("TableIntro", stripped) if (m := pattern.search(stripped))), None)
    if not match:
        return None
    mentions = source.periods(sentence)
    measure = measure_of_text(sentence) or "civilian_deaths"
    if measure not in TABLE_MEASURES:
        return None
    key = "governorate" if match.groupdict().get("places") is not None \
        else "party" if match.groupdict().get("parties") is not None else key_of(match.group("key"))
    party = intro_party(sentence, source) if key == "governorate" else "all"
    groups = legend_groups(match.groupdict().get("legend")) or (intro_group(sentence),)
    if match.groupdict().get("counted_groups") is not None:
        groups = ("all", "children", "women")  # the rows' cells in the order the sentence counts them
    # "in the first quarter of 2020 (January-March)": one period spelt out twice
    if len({m.period for m in mentions}) > 1 or (mentions and not mentions[0].period):
        return Table(key, groups, NO_PERIOD, measure, party=party, introduced=True)
    if not mentions and key == "month":
        period = months_table_period(period)  # "June 2016" / ... / "Monthly distribution of the death toll:"
    return Table(key, groups, mentions[0].period if mentions else period, measure, party=party, introduced=True)


def warn_unlabelled_cells(text: str, line_at: Callable[[int], int], source: Source) -> None:
    """Warns (file and line) of a row of counts set apart by slashes outside a table ("Russian forces: 48 / 13 / 8"
    under "By perpetrator:"): no header or legend names its columns, so none of its counts is read."""
    row = regex("UnlabelledCellsRow").match(text)
    if row:
        warn_left_out(source, line_at(row.start()), row.group(0).strip(), "unlabelled_cells")


def legend_groups(legend: str | None) -> tuple[str, ...] | None:
    """The victim group of each column an introduction's legend names ("civilians / children / women": all, children,
    women; "civilians, children and women" too); None for no legend, or one naming a column of no victim group."""
    words = [word.strip().lower() for word in re.split(r"[/;]|,?\s+and\s+|,", legend)] if legend else []
    if not words or any(word not in GROUP_OF_COLUMN for word in words):
        return None
    return tuple(GROUP_OF_COLUMN[word] for word in words)


def intro_group(sentence: str) -> str:
    """The victim group a list's introduction names ("Children killed by governorate:": children), whose counts its
    items are: both together for one naming both ("Children and women killed by party:"), all victims for one naming
    none. A group named with its count is a count's, not the list's ("642 civilians killed in June, including 139
    children and 88 women" / "By perpetrator:", a headline run into the introduction; round 27)."""
    counted_ends = {number.end for number in find_numbers(sentence)}
    groups = [group for group, pattern in classes("TableIntroGroup")
              if any(len(sentence[:m.start()].rstrip()) not in counted_ends for m in pattern.finditer(sentence))]
    return "children_and_women" if len(groups) > 1 else groups[0] if groups else "all"


def intro_party(sentence: str, source: Source) -> str:
    """The one party whose victims a list by governorate counts, when its introduction names one ("The regime's toll
    is broken down by governorate as follows:"); "all" when it names none ("the parties to the conflict") or several."""
    codes = {p.code for p in find_parties(sentence, source.report)} - {"all"}
    return codes.pop() if len(codes) == 1 else "all"


def row_lines(text: str, starts: list[int]) -> list[tuple[int, str]]:
    """(offset, line) for each raw line of a block's text."""
    ends = starts[1:] + [len(text)]
    return [(start, text[start:end]) for start, end in zip(starts, ends)]


def flat_table_cuts(text: str, start: int, line_starts: set[int]) -> list[int]:
    """Where the header and each row of a table flattened into the raw line at ``start`` of a block's ``text`` start
    ("Table: civilian victims by governorate Governorate Victims Aleppo 521 Idlib 266 ...", "Party Civilians Children
    Women Government forces 812 166 109 Russian forces 189 41 30 ..."), as offsets in ``text``, then where it ends: the
    header's after a caption, then every row's, each row having one cell per column, the rows perhaps run on over the
    raw lines after it up to the end of one (``line_starts``: where raw lines start); [] for a line that opens no such
    table of two rows or more."""
    head = regex("FlatTableStart").match(text, start)
    if not head:
        return []
    columns = len(regex("HeaderColumn").findall(head.group("columns")))
    rows, ended, end, at = [], 0, start, head.end()
    while (row := regex("FlatTableRow").match(text, at)) and len(find_numbers(row.group("cells"))) == columns:
        rows.append(at)
        at = row.end()
        if at in line_starts or at == len(text):
            ended, end = len(rows), at  # the rows up to here end with a raw line
    if ended < 2:
        return []
    return ([head.start("header")] if head.group("caption") else []) + rows[:ended] + [end]


def column_word(column: str) -> str:
    """The word of a column that names its victim group ("Of which children": "children"; "Civilians killed":
    "civilians")."""
    words = column.lower().split()
    return next((w for w in reversed(words) if w in GROUP_OF_COLUMN), words[-1])


def key_of(word: str) -> str:
    word = re.sub(r"^the\s+", "", word.lower())  # "| The party | Civilians |" (round 144c)
    if word.startswith("month"):
        return "month"
    if regex("PeriodTableKey").fullmatch(word.strip()):
        return "period"
    return "governorate" if word.lower().startswith(("governorate", "province")) else "party"


def table_row(line: str, table: Table, source: Source, line_no: int) -> list[Figure] | None:
    """The figures of one row; None when the line is no row of ``table`` (the table has ended)."""
    if table.key == PARTY_COLUMNS:
        return party_columns_row(line, table, source, line_no)
    if table.columns:
        return cross_row(line, table, source, line_no)
    if table.key == "month" and regex("TableMonthListRow").fullmatch(line.strip()):
        return month_list_row(line, table, source, line_no)
    if table.share_at:
        line = share_cell_moved_last(line, table.share_at)[0]
    item_row = table.introduced and (table.key == "governorate" or table.groups != ("all",))
    line = regex("PlaceItemBullet" if item_row else "RowBullet").sub("", line)
    match = regex("TableRow").fullmatch(line.strip()) or (
        regex("YearTableRow").fullmatch(line.strip()) if table.key == "period" else None)  # "2012 31,208 3,594 2,977"
    unmarked = regex("RowLabelMarker").sub("", line, count=1)
    if match and unmarked != line and len(row_cells(match.group("cells"))) == len(table.groups) + 1 \
            and (bare := regex("TableRow").fullmatch(unmarked.strip())) \
            and len(row_cells(bare.group("cells"))) == len(table.groups):
        # a footnote's marker glued to the label, one cell too many ("Russian forces3 104 26 18"): no cell of the row
        line, match = unmarked, bare
    # a list one count a line under its introduction, no header, perhaps each count's share of the list's deaths after
    # it ("Distribution by Governorate" / "Homs 31 40%"; round 74d): the share cell its header would name
    listed_share = table.introduced and table.groups == ("all",) and not table.share
    # ... and a row whose share cell is empty under a header naming one (a combined group's members, the rows after
    # them: "Extremist Islamic groups 1,502 217 176" under "... Women Share"; fx131d): its counts, no share
    if not match or is_year(match.group("cells")) or (match.group("share") and not table.share and not listed_share):
        return places_line_row(line, table, source, line_no)
    label = match.group("label").strip(" |:-–—.")
    numbers = row_cells(match.group("cells"))
    if table.sub_rows and len(numbers) == 1 and len(table.groups) > 1 and not table.periods:
        table = replace(table, groups=table.groups[:1], share=False, share_at=0)
    if table.key == "month" and len(numbers) + 1 == len(table.groups):
        label, numbers = month_row_count_as_year(label, numbers, table)
    if len(numbers) != len(table.groups) or not all(float(n.value).is_integer() for n in numbers if n) \
            or (match.group("noun") and len(numbers) > 1):
        return places_line_row(line, table, source, line_no)
    if table.period == NO_PERIOD or (table.key == "governorate" and regex("OtherPlacesLabel").fullmatch(label)):
        return []  # a table of no readable period gives nothing; nor does the row of the other governorates together
    if regex("TableTotalLabel").fullmatch(label) or names_the_tables_period(label, table, source):
        return total_row(numbers, table, source, line_no, line.strip())
    if table.key == "month":
        return month_row(label, numbers, table, source, line_no, line.strip())
    if table.key == "period":
        return period_row(label, numbers, table, source, line_no, line.strip())
    if table.key == "measure":
        return measure_row(label, numbers, table, source, line_no, line.strip())
    if table.key == "governorate":
        label = regex("PlaceRowLabelWord").sub("", label)  # "Homs governorate: 507 victims"
    if table.key == "party" and table.groups == ("all",):
        label = regex("RowCellLabelAfterParty").sub("", label)  # "ISIS Civilian death toll 1,409": ISIS's row
    found = find_governorates(label) if table.key == "governorate" else find_parties(label, source.report)
    code = label_code(label, found)
    if code is None:
        where = f"{source.source_file}:{line_no}"
        if table.key == "party":
            report_unknown_party(where, f"unmapped perpetrator label {label!r}", source.strict)
        else:
            report_unmapped(f"{where}: unmapped governorate label {label!r} (add it to snhr_data/vocab/governorates.yaml); "
                            "its figures are left out", source.strict)
        return []
    party, gov = (table.party, code) if table.key == "governorate" else (code, "all")
    counts = [Figure(source.report, period, *cell_measure_group(table, group), party, gov, "count", "", float(n.value),
                     "exact", source.source_file, line_no, line.strip(), ROW_NOTE)
              for group, period, n in zip(table.groups, table.column_periods(), numbers) if group != FIGHTERS and n]
    # ... or in brackets after the count ("Syrian regime forces 642 (35%)": a thread's list; round 121a)
    share = match.group("share") or match.group("bracketed_share")
    return counts + share_cell(share, table, party, gov, source, line_no, line.strip())


def places_line_row(line: str, table: Table, source: Source, line_no: int) -> list[Figure] | None:
    """The figures of a line of several governorates, each with its one count, under the heading of a one-column
    table by governorate ("The Death Toll by Governorate" / "Raqqa 512 Idlib 93 Damascus Suburbs 71" / "Homs 40
    Hama 12": a chart's labels as a text layer lays them; round 141b), each count its governorate's; None for any
    other line, or one with a cell naming no governorate (the table has ended)."""
    if table.key != "governorate" or table.groups != ("all",) or table.columns or table.share \
            or table.period == NO_PERIOD:
        return None
    cells = place_cells(line.strip())
    codes = [label_code(cell.group("label").strip(), find_governorates(cell.group("label").strip()))
             for cell in cells or []]
    if not cells or None in codes or any(cell.group("share") for cell in cells):
        return None
    return [Figure(source.report, table.period, table.measure, "all", table.party, code, "count", "",
                   float(cell.group("count").replace(",", "")), "exact", source.source_file, line_no, line.strip(),
                   ROW_NOTE) for cell, code in zip(cells, codes)]


def share_cell(share: str | None, table: Table, party: str, gov: str, source: Source, line_no: int,
               quote: str) -> list[Figure]:
    """The figure of a row's share cell ("29.5%" under "Share of total"): the percent of the table's deaths that are the
    row's party's (or governorate's), of the table's measure, its first column's period."""
    if share is None:
        return []
    share_of = "governorate" if table.key == "governorate" else "perpetrator"
    return [Figure(source.report, table.column_periods()[0], table.measure, "all", party, gov, "percent", share_of,
                   float(share), "exact", source.source_file, line_no, quote, ROW_NOTE)]


def row_cells(cells: str) -> list[NumberMention | None]:
    """The counts of a row's cells, in order, None for an empty cell ("12 | 1 | –": 12, 1, None)."""
    cut = [(n.start, n) for n in find_numbers(cells)] + [(m.start(), None) for m in regex("EmptyCell").finditer(cells)]
    return [cell for _, cell in sorted(cut, key=lambda pair: pair[0])]


def with_combined_label_rows(figures: list[Figure], row: list[Figure]) -> list[Figure]:
    """``figures`` (the rows read before ``row``, last) with the rows of the same table whose label is a combined
    group's that from 2018 names one of its members ("Extremist Islamist groups 71": HTS) filed under the combined
    group, when ``row`` is a row of one of its members ("Extremist Islamist groups 71 / Hay'at Tahrir al-Sham 19 / ISIS
    52"): the label's count is then the members' together, never the member's it names."""
    members = {code for figure in row[:1] for code, parts in combined_members().items() if figure.perpetrator in parts}
    if not members:
        return figures
    combined = members.pop()
    parts = combined_members()[combined]
    table = len(figures)
    while table and figures[table - 1].note in (ROW_NOTE, COMBINED_ROW_NOTE) \
            and (figures[table - 1].period, figures[table - 1].measure) == (row[0].period, row[0].measure):
        table -= 1
    return figures[:table] + [
        replace(f, perpetrator=combined, note=COMBINED_ROW_NOTE)
        if f.note == ROW_NOTE and f.perpetrator in parts and names_combined_only(f.quote, f.report) else f
        for f in figures[table:]]


def names_combined_only(row: str, report: str) -> bool:
    """Whether a row's party is named only by a combined group's label ("Extremist Islamist groups 71"; not "Extremist
    Islamic groups - ISIS 612", a member's row)."""
    named = find_parties(row, report)
    return len(named) == 1 and bool(regex("CombinedLabel").search(named[0].text))


def groups_row(line: str, above: list[Figure] | None, line_no: int) -> list[Figure] | None:
    """The children and women of the row above, on a line of their own ("Syrian regime forces: 45" + "Children: 12,
    Women: 4", "including 12 children and 4 women") or in cells after it, one at a time ("Russian forces: 12; children
    2; women 1"; ``above`` then holds the row and the groups given so far): the groups of that row's party or
    governorate, of its period and measure; None when the line is no such line, gives a group again, or the row above
    gave no one count of all victims."""
    if not regex("TableGroupsLine").fullmatch(line.strip()) or not above or above[0].victim_group != "all" \
            or any(f.note != GROUPS_LINE_NOTE for f in above[1:]):
        return None
    cells = [("children" if regex("ChildNoun").search(cell.group(0)) else "women", cell.group(0))
             for cell in regex("TableGroupCell").finditer(line)]
    if {group for group, _ in cells} & {f.victim_group for f in above}:
        return None
    return [replace(above[0], victim_group=group, value=float(find_numbers(cell)[0].value), line=line_no,
                    quote=line.strip(), note=GROUPS_LINE_NOTE)
            for group, cell in cells]


def labelled_groups_row(line: str, source: Source, period: str, measure: str | None,
                        line_no: int) -> list[Figure] | None:
    """The figures of a row whose cells name their groups, between bars ("Syrian Democratic Forces | 31 | Children: 6 |
    Women: 3"): its party's (or governorate's) count of all victims, then its children's and women's, of the context's
    period and measure; [] for a label the vocabulary lacks (reported); None when the line is no such row."""
    match = regex("LabelledGroupsRow").fullmatch(line.strip())
    if not match:
        return None
    label = match.group("label").strip()
    places = find_governorates(label)
    code = label_code(label, places or find_parties(label, source.report))
    if code is None:
        report_unknown_party(f"{source.source_file}:{line_no}", f"unmapped perpetrator label {label!r}", source.strict)
        return []
    party, gov = ("all", code) if places else (code, "all")
    cells = [("all", match.group("count"))] + [
        ("children" if regex("ChildNoun").search(cell.group(0)) else "women", cell.group(0))
        for cell in regex("TableGroupCell").finditer(match.group("groups"))]
    return [Figure(source.report, period, measure or "civilian_deaths", group, party, gov, "count", "",
                   float(find_numbers(cell)[0].value), "exact", source.source_file, line_no, line.strip(), ROW_NOTE)
            for group, cell in cells]


def names_the_tables_period(label: str, table: Table, source: Source) -> bool:
    """Whether a row's label is "Total" with the table's own period in brackets ("| Total (January-October 2025) |"
    under "Since the beginning of 2025"; fx158bc: the row had been an unmapped party's): the table's total row. A
    bracket naming another period, or none the reader can date, is no total of the table's."""
    match = regex("TableTotalSpanLabel").fullmatch(label)
    if not match or table.periods or table.period == NO_PERIOD:
        return False
    found = source.periods(title_case_months(match.group("span")))
    return len(found) == 1 and found[0].period == table.period


def total_row(numbers: list, table: Table, source: Source, line_no: int, quote: str) -> list[Figure]:
    """The figures of a table's total row: its children's and women's totals ("Total 1,183 203 119": 203 children,
    119 women), and the whole total of a table by party (1,183: every party's, of the table's period; a December
    table in an annual report gives the month's total, stated nowhere else), never a table by governorate's (perhaps
    the worst-hit places' only). A table whose columns are periods ("| Party | January 2020 | February 2020 |")
    states each period's whole total in its cell: the total of the table's party (all parties, or the one its
    introduction names)."""
    if table.key not in {"party", "governorate"}:
        return []
    return [Figure(source.report, period, *cell_measure_group(table, group), table.party, "all", "count", "",
                   float(n.value), "exact", source.source_file, line_no, quote, ROW_NOTE)
            for group, period, n in zip(table.groups, table.column_periods(), numbers)
            if group != FIGHTERS and n and (group != "all" or table.periods or table.key == "party")]


def label_code(label: str, found: list) -> str | None:
    """The one code a row's label names, the whole label being its names: one name, or names of the same code with
    the second in brackets or after a slash ("Fateh al-Sham Front (Hay'at Tahrir al-Sham)", "Factions of the Armed
    Opposition / Syrian National Army"); None for any other label."""
    member = member_row_code(label, found)
    if member is not None:
        return member
    opening = regex("MemberRowOpening").match(label)
    if opening and found and found[0].start == opening.end() and len({m.code for m in found}) == 1 \
            and (any(found[0].code in parts for parts in combined_members().values())
                 or PARENT_OF_GROUP.get(perpetrator_groups().get(found[0].code, "")) == "other_parties"):
        # "of which ISIS 1,419 203 170" under "Extremist Islamic groups 1,502 217 176" (fx131d): the member's row; so
        # too a part of the other parties ("| - of which landmine explosions | 88 |" under "| Other parties | 517 |";
        # fx152ab: reported as unmapped parties, their counts left out)
        label, found = label[opening.end():], [replace(m, start=m.start - opening.end(), end=m.end - opening.end())
                                                for m in found]
    article = regex("RowLabelArticle").match(label)  # "| The regime forces | 694 | ..." (round 144c)
    start = article.end() if article else 0
    rest = label
    for mention in reversed(found):
        rest = rest[:mention.start] + rest[mention.end:]
    rest = regex("RowLabelTenureAside").sub("", rest)  # "Syrian regime forces (until 8 December 2024)" (fx167ab)
    if not found or found[0].start not in (0, start) or len({m.code for m in found}) != 1 \
            or rest[start if found[0].start else 0:].strip(" ()/"):
        return None
    return found[0].code


def member_row_code(label: str, found: list) -> str | None:
    """The member a row's label names after its combined party ("Extremist Islamic groups - ISIS": the combined group
    split into its members, one row each): that member's code; None for any other label."""
    if len(found) != 2 or found[0].start != 0 or label[found[1].end:].strip() \
            or found[1].code not in combined_members().get(found[0].code, ()) \
            or not regex("MemberRowJoin").fullmatch(label[found[0].end:found[1].start]):
        return None
    return found[1].code


def month_row_count_as_year(label: str, numbers: list, table: Table) -> tuple[str, list]:
    """A row of a table by month whose first count reads as a year after its month ("March 1984 412 214" under "Month
    Civilians Children Women" of 2015; round 141a: the table had ended there, its last ten months left out): the
    month alone and that number its first count, when the year is outside the table's period and the row then fills
    its columns; else the row as read."""
    month = regex("TableMonthLabel").fullmatch(label)
    if not month or not month.group("year") or not table.period or table.period == NO_PERIOD:
        return label, numbers
    if contains(table.period, month_code(int(month.group("year")), month_number(month.group("month")))):
        return label, numbers
    return month.group("month"), row_cells(month.group("year")) + numbers


def month_row(label: str, numbers: list, table: Table, source: Source, line_no: int, quote: str) -> list[Figure] | None:
    """The figures of a row of a table by month ("January 2,140 403 253"), each filed under the month its label
    names, in the year it gives or, else, the one calendar year of the table's period; a row whose month is not in
    the table's period, or whose year it does not tell, is reported and left out. None when the label is no month:
    the table has ended."""
    month = regex("TableMonthLabel").fullmatch(label)
    if not month:
        return None
    first, last = period_span(table.period)
    year = month.group("year") or (str(first // 12) if first // 12 == last // 12 else None)
    period = year and month_code(int(year), month_number(month.group("month")))
    if not period or not contains(table.period, period):
        warn_left_out(source, line_no, quote, "row")
        return []
    return [Figure(source.report, period, *cell_measure_group(table, group), "all", "all", "count", "", float(n.value),
                   "exact", source.source_file, line_no, quote, MONTH_ROW_NOTE)
            for group, n in zip(table.groups, numbers) if group != FIGHTERS]


MONTH_ROW_NOTE = "a row of a table by month flattened to text"


def period_row(label: str, numbers: list, table: Table, source: Source, line_no: int,
               quote: str) -> list[Figure] | None:
    """The figures of a row of a table of periods compared ("| Period | Civilians | Children |" / "| February 2024 |
    132 | 29 |", "| January-March 2024 | 348 | 74 |"), filed under the one period its whole label names with its year;
    a row whose label is such a period but none the reader can date, or one ending after the report month, is reported
    and left out, and so is one naming a month alone ("| August | 88 |", fx143b), the rows after it read. None when the
    label names no period with its year: the table has ended. A row whose label is a quarter's number with its months
    in brackets ("Q1 (Jan - Mar)", no year) is of those months in the report's year, as "in the first quarter" is;
    "Total" before a span ("Total Jan - Oct 2021") is that span's row (fx153ab: the table had ended at its first row,
    its quarters' counts left out)."""
    total = regex("PeriodRowTotalBefore").match(label)  # "Total Jan - Oct 2021": the span's own row
    label = label[total.end():] if total else label
    quarter = regex("QuarterRowMonths").fullmatch(label)  # "Q1 (Jan - Mar)": the months in brackets name it
    label = label[quarter.start("months") - 1:quarter.end("months") + 1] if quarter else label  # "(Jan - Mar)"
    if not regex("Year").search(label) and not quarter:
        if regex("TableMonthLabel").fullmatch(label):  # "| August | 88 |": of which year the table does not say
            warn_left_out(source, line_no, quote, "row")
            return []
        return None
    if regex("Year").fullmatch(label):
        period = label  # a year alone ("2012 31,208 3,594 2,977" under "Year Civilians Children Women"; fx167ab)
    else:
        found = source.periods(title_case_months(label))
        if len(found) != 1 or (found[0].start, found[0].end) != ((1, len(label) - 1) if quarter else (0, len(label))):
            return None
        period = found[0].period
    if quarter and period and (period_type(period) != "range" or period_span(period)[1] - period_span(period)[0] != 2
                               or period_span(period)[0] % 12 != 3 * int(quarter.group("number")) - 3):
        period = None  # its number and its months disagree: no quarter the reader can date
    if not period or period_span(period)[1] > period_span(source.report)[1]:
        warn_left_out(source, line_no, quote, "row")
        return []
    return [Figure(source.report, period, *cell_measure_group(table, group), "all", "all", "count", "", float(n.value),
                   "exact", source.source_file, line_no, quote, ROW_NOTE)
            for group, n in zip(table.groups, numbers) if group != FIGHTERS and n]


def months_total_row(line: str, table: Table, figures: list[Figure], source: Source, line_no: int) -> list[Figure]:
    """The figures of the total row of a table by month ("January 87" / ... / "April 84" / "Total 334"): each cell the
    total of the months the rows just read give, one after another, filed under their span ("2022-01/2022-04"), when it
    is their sum; nothing for a cell that is not (perhaps the year's, of months the table leaves out) or of fewer than
    two months. Months that fill the table's period give its total under that period ("2019")."""
    match = regex("TableRow").fullmatch(line.strip())
    numbers = row_cells(match.group("cells")) if match else []
    if len(numbers) != len(table.groups) or table.period == NO_PERIOD:
        return []
    rows = []
    for figure in reversed(figures):
        if figure.note != MONTH_ROW_NOTE or figure.report != source.report:
            break
        rows.insert(0, figure)
    totals = []
    for group, n in zip(table.groups, numbers):
        if group == FIGHTERS or not n:
            continue
        measure, victims = cell_measure_group(table, group)
        cells = [f for f in rows if f.victim_group == victims and f.measure == measure]
        months = [period_span(f.period)[0] for f in cells]
        if len(cells) < 2 or months != list(range(months[0], months[0] + len(months))) \
                or sum(f.value for f in cells) != float(n.value):
            continue
        span = (months[0], months[-1])  # the table's own period when the months fill it ("2019": January-December)
        period = table.period if period_span(table.period) == span else f"{cells[0].period}/{cells[-1].period}"
        totals.append(Figure(source.report, period, measure, victims, "all", "all",
                             "count", "", float(n.value), "exact", source.source_file, line_no, line.strip(),
                             "the total row of a table by month: the months' sum"))
    return totals


def measure_row(label: str, numbers: list, table: Table, source: Source, line_no: int,
                quote: str) -> list[Figure] | None:
    """The figures of a row of a table of measures ("| Deaths due to torture | 19 |": torture deaths of all victims; a
    label naming children or women counts them, one naming the victims alone their deaths: "| Civilians killed | 1,632 |",
    "| Children | 412 |"), each cell of its column's period (a table whose columns are periods:
    "| Massacres | 41 | 87 | 19 |"), an empty cell none; None when its label names no one measure: the table has
    ended."""
    measure = measure_of_text(label)
    column = regex("TableColumn").findall(label)
    group = GROUP_OF_COLUMN.get(column_word(column[-1]), "all") if column else "all"
    if measure is None and regex("TableColumn").fullmatch(label):  # the victims alone ("| Children | 412 |")
        measure = "civilian_deaths"
    if measure is None or len(numbers) != len(table.groups) or group == FIGHTERS \
            or (group != "all" and measure != "civilian_deaths"):
        return None
    return [Figure(source.report, period, measure, group, "all", "all", "count", "", float(n.value),
                   "exact", source.source_file, line_no, quote, "a row of a table of measures flattened to text")
            for period, n in zip(table.column_periods(), numbers) if n]


def month_list_row(line: str, table: Table, source: Source, line_no: int) -> list[Figure] | None:
    """The figures of a line listing several months of a one-column table by month ("January 1,382 | February
    1,401", "January 3,102 February 2,687"), each cell read as a row of its own; None when a cell is no row of
    ``table`` (the table has ended)."""
    cells = [table_row(cell.group(0), table, source, line_no) for cell in regex("TableMonthCell").finditer(line)]
    return None if any(cell is None for cell in cells) else [figure for cell in cells for figure in cell]


def flat_party_list(sentence: str, source: Source, period: str, line_at: Callable[[int], int],
                    measure: str | None = None) -> list[Figure] | None:
    """The figures of a list of parties flattened into the sentence that introduces it ("Deaths caused by other
    parties, by cause: Landmines of unknown source 162 Gunfire of unknown source 183 ..."), each count its label's
    party's, of the victim group the introduction names ("Children killed by party: ..."), of ``measure`` (the one of
    the introduction's own counts: "SNHR documented 34 massacres in April, distributed as follows: ..."), else the one
    its words name; of the period the introduction names, else
    ``period``; None when the sentence is no such list (a label that names no one party, an introduction of several
    periods or, with no ``measure``, of no measure a table holds)."""
    match = regex("FlatLabelList").fullmatch(sentence)
    named = (measure_of_text(match.group("intro")) or "civilian_deaths") if match else None
    if not match or (measure is None and named not in TABLE_MEASURES):
        return None
    measure = measure or named
    cells = [(match.start("cells") + cell.start(), cell.group(0)) for cell in regex("FlatLabelCell").finditer(
        match.group("cells"))]
    rows = [(offset, regex("TableRow").fullmatch(cell.strip())) for offset, cell in cells]
    codes = [label_code(row.group("label").strip(), find_parties(row.group("label").strip(), source.report))
             if row else None for _, row in rows]
    mentions = source.periods(match.group("intro"))
    if None in codes or len(mentions) > 1 or (mentions and not mentions[0].period):
        return None
    when = mentions[0].period if mentions else period
    return [Figure(source.report, when, measure, intro_group(match.group("intro")), code, "all",
                   "count", "", float(find_numbers(row.group("cells"))[0].value), "exact", source.source_file,
                   line_at(offset), sentence.strip(), "a list of parties flattened into its introduction's sentence")
            for (offset, row), code in zip(rows, codes)]


def flat_list_intro(sentence: str) -> str | None:
    """The introduction of a list of parties flattened into its sentence, up to its colon or the words announcing the
    breakdown ("SNHR documented 34 massacres in April, distributed as follows"); None for a sentence of no such list."""
    match = regex("FlatLabelList").fullmatch(sentence)
    return match.group("intro") if match else None


def is_flat_party_line(line: str) -> bool:
    """Whether a raw line is a whole list of parties flattened to cells, run on from its introduction on the line
    before ("Syrian regime forces 9 Russian forces 3 Other parties 22"): two cells or more, each label one party."""
    if not regex("FlatLabelCells").fullmatch(line.strip()):
        return False
    rows = [regex("TableRow").fullmatch(cell.group(0).strip()) for cell in regex("FlatLabelCell").finditer(line)]
    return all(row and is_row_label(row.group("label").strip()) for row in rows)


def count_first_item(item: str, source: Source, period: str, measure: str | None,
                     line_at: Callable[[int], int]) -> list[Figure] | None:
    """The figure of a list item whose count comes before its party's label, after a dash ("624 — gunfire of unknown
    source", "117 - Turkish forces"), of ``period`` and ``measure`` (the context's, the list's introduction's): the
    party the label opens with, all its names that one party's and no governorate ("landmines whose planting party could
    not be identified"); None for an item of no such shape, or whose label names no party. A label naming several
    parties, or a place, is reported and left out."""
    match = regex("CountFirstItem").fullmatch(item) or regex("CountToPartyItem").fullmatch(item)
    if not match or (measure or "civilian_deaths") not in TABLE_MEASURES:
        return None
    label = match.group("label")
    found = find_parties(label, source.report)
    if not found:
        return None
    if label[:found[0].start].strip().lower() not in {"", "the"} or len({m.code for m in found}) != 1 \
            or find_governorates(label) or period == NO_PERIOD:
        warn_left_out(source, line_at(match.start("label")), label[:40], "item_label")
        return []
    return [Figure(source.report, period, measure or "civilian_deaths", "all", found[0].code, "all", "count", "",
                   float(match.group("count").replace(",", "")), "exact", source.source_file, line_at(0), item.strip(),
                   "a list item: its count, then its party's label")]


def group_period_line(line: str, source: Source, party: str | None, measure: str | None,
                      line_at: Callable[[int], int]) -> list[Figure] | None:
    """The figures of a line of one victim group's counts, each followed by its period ("Children: 71 in January, 107 in
    February."): each count the group's (of ``party``, the context's, else all parties), in the one period its own
    words name; None for a line of no such shape, or of a measure no group is counted in. A line with a count whose
    words name no one period is reported and left out."""
    match = regex("GroupPeriodLine").fullmatch(line)
    if not match or (measure or "civilian_deaths") != "civilian_deaths":
        return None
    group = "children" if match.group("group").lower() == "children" else "women"
    cells = [(match.start("cells") + cell.start(), cell.group(0)) for cell in regex("GroupPeriodCell").finditer(
        match.group("cells"))]
    figures = []
    for offset, cell in cells:
        count = find_numbers(cell)[0]
        words = cell[count.end:].strip()
        mentions = source.periods(words)
        if len(mentions) != 1 or not mentions[0].period or mentions[0].end != len(words):
            warn_left_out(source, line_at(offset), cell, "vague")
            return []
        figures.append(Figure(source.report, mentions[0].period, "civilian_deaths", group, party or "all", "all",
                              "count", "", float(count.value), "exact", source.source_file, line_at(offset),
                              line.strip(), "a line of a victim group's counts, each with its period"))
    return figures


def flat_place_list(sentence: str, source: Source, period: str, line_at: Callable[[int], int]) -> list[Figure] | None:
    """The figures of a list of governorates flattened into the sentence that introduces it ("The death toll by
    governorate: Raqqa 571 (43%), Deir Ez-Zour 212, Idlib 158"), each count (and share of the toll) its governorate's,
    of the victim group ("Children killed by governorate: ...") and the period the introduction names, else
    ``period``; None when the sentence is no such list (no cell whose label names one governorate, an introduction of
    no table by governorate). A cell naming no governorate is reported and left out, as is the cell of the other
    governorates together ("other governorates 50") without a word; a list of several periods is reported and left
    out."""
    match = regex("FlatPlaceList").fullmatch(sentence)
    table = table_intro(match.group("intro"), source, period) if match else None
    cells = place_cells(match.group("cells")) if table and table.key == "governorate" else None
    codes = [OTHER_PLACES if regex("OtherPlacesLabel").fullmatch(cell.group("label").strip())
             else label_code(cell.group("label").strip(), find_governorates(cell.group("label").strip()))
             for cell in cells or []]
    if not cells or set(codes) <= {None, OTHER_PLACES}:
        return None
    for cell, code in zip(cells, codes):  # a cell naming no governorate, in a list of governorates: reported, left out
        if code is None:
            report_unmapped(f"{source.source_file}:{line_at(match.start('cells') + cell.start('label'))}: unmapped "
                            f"governorate label {cell.group('label').strip()!r} (add it to snhr_data/vocab/governorates.yaml); "
                            "its figures are left out", source.strict)
    cells, codes = [c for c, code in zip(cells, codes) if code not in {None, OTHER_PLACES}], \
        [c for c in codes if c not in {None, OTHER_PLACES}]
    if table.period == NO_PERIOD:
        warn_left_out(source, line_at(0), sentence.strip()[:40], "row")
        return []
    def figure(cell: re.Match[str], code: str, unit: str, value: str) -> Figure:
        return Figure(source.report, table.period, table.measure, table.groups[0], table.party, code, unit,
                      "governorate" if unit == "percent" else "", float(value.replace(",", "")), "exact",
                      source.source_file, line_at(match.start("cells") + cell.start("label")), sentence.strip(),
                      "a list of governorates flattened into its introduction's sentence")
    return [figure(cell, code, "count", cell.group("count")) for cell, code in zip(cells, codes)] + \
        [figure(cell, code, "percent", cell.group("share")) for cell, code in zip(cells, codes) if cell.group("share")]


def is_flat_place_line(line: str) -> bool:
    """Whether a raw line is a whole list of governorates flattened into its introduction ("Civilian victims by
    governorate: Aleppo 401 Idlib 188 Others 61"): two cells or more, one naming a governorate."""
    match = regex("FlatPlaceList").fullmatch(line.strip())
    cells = place_cells(match.group("cells")) if match else None
    return bool(cells) and any(find_governorates(cell.group("label").strip()) for cell in cells)


def place_cells(cells: str) -> list[re.Match[str]] | None:
    """The cells of a flattened list of governorates, one after another to its end; None unless two or more."""
    found, at = [], 0
    while cell := regex("FlatPlaceCell").match(cells, at):
        found.append(cell)
        at = cell.end()
    return found if len(found) > 1 and regex("FlatPlaceListEnd").fullmatch(cells[at:]) else None


def flat_month_list(line: str, source: Source, period: str, line_no: int) -> list[Figure] | None:
    """The figures of a monthly distribution flattened into its introduction's line ("Monthly distribution of
    civilian victims in 2013: January 3,102 February 2,687 ..."), each month under its own period; None when the line
    is no such list."""
    match = regex("FlatMonthList").fullmatch(line.strip())
    table = table_intro(match.group("intro"), source, period) if match else None
    if table is None or table.key != "month":
        return None
    if table.period != NO_PERIOD and period_type(table.period) == "month":
        table = Table(table.key, table.groups, table.period[:4], table.measure)  # months of a year, never of one month
    return month_list_row(match.group("cells"), table, source, line_no)


@cached_by_text
def is_labelled_row(line: str, colon: bool = False) -> bool:
    """Whether a line is a table row whose label is one governorate or party ("Idlib 14", "Russian forces 7 2");
    a colon row ("Idlib: 14") is one only under a table that says what it counts, or with ``colon``."""
    match = regex("TableRow").fullmatch(line.strip())
    if not match or (match.group("colon") and not colon) or is_year(match.group("cells")):
        return False
    return is_row_label(match.group("label").strip(" |:-"))


def is_total_row(line: str) -> bool:
    """Whether a line is a table's total row, its label and its cells ("Total 41", "Total: 1,108 215 140")."""
    match = regex("TableRow").fullmatch(line.strip())
    return bool(match) and not is_year(match.group("cells")) \
        and bool(regex("TableTotalLabel").fullmatch(match.group("label").strip(" |:-")))


def item_count(line: str) -> float | None:
    """The bare count of a list item alone on its raw line, its label one party or governorate ("Russian forces: 9",
    "- ISIS: 2", "Other parties 7"); None for any other line (one whose count names what it counts, "ISIS: 2
    civilians", or of several counts)."""
    prefix = regex("ItemPrefix").match(line)
    match = regex("TableRow").fullmatch(line[prefix.end() if prefix else 0:].strip())
    numbers = find_numbers(match.group("cells")) if match and not match.group("noun") else []
    if len(numbers) != 1 or is_year(match.group("cells")) or not is_row_label(match.group("label").strip(" |:-")):
        return None
    return numbers[0].value


def is_labelled_item(line: str) -> bool:
    """Whether a line opens with a list item's label, one party or governorate, and its count, and goes on ("Other
    parties: 1,898 civilians, or 54.8% of the total")."""
    match = regex("LabelledCountLine").match(line)
    return bool(match) and is_row_label(match.group("label").strip())


def is_row_label(label: str) -> bool:
    """Whether ``label`` names one governorate or party and nothing else, perhaps named again in brackets ("Kurdish
    forces (PYD)"), a governorate perhaps with its word ("Homs governorate", "Governorate of Hama")."""
    place = regex("PlaceRowLabelWord").sub("", label)
    if find_governorates(place):
        label = place
    found = find_governorates(label) or find_parties(label)
    rest = label
    for mention in reversed(found):
        rest = rest[:mention.start] + rest[mention.end:]
    return bool(found) and found[0].start == 0 and len({m.code for m in found}) == 1 and not rest.strip(" ()")


def is_year(cells: str) -> bool:
    """A lone cell that reads as a year ("Aleppo 2024"): a heading, not a row."""
    return bool(re.fullmatch(r"\s*(?:19|20)\d{2}\s*", cells))


def combined_label_split_later(figures: list[Figure]) -> list[Figure]:
    """``figures`` with the counts of a combined group's label that from 2018 names one of its members ("| Extremist
    Islamic groups | 9 | 1 | 0 |": HTS) filed under the combined group, with the other counts of their line, when the
    report gives each member's count of the same period, measure, victims and place elsewhere and they add up to it
    ("Of the nine ..., Hay'at Tahrir al-Sham killed five and ISIS killed four"): the label's count is then the members'
    together, never the member's it names (round 18)."""
    split = {(f.line, f.quote, f.perpetrator): combined for f in figures
             for combined, parts in combined_members().items()
             if f.perpetrator in parts and (split_as_combined(f, parts, figures)
                                            or label_combined_elsewhere(f, combined, figures))}
    return [replace(f, perpetrator=split[(f.line, f.quote, f.perpetrator)], note=COMBINED_ROW_NOTE)
            if (f.line, f.quote, f.perpetrator) in split else f for f in figures]


def split_as_combined(f: Figure, parts: tuple[str, ...], figures: list[Figure]) -> bool:
    """Whether ``f``, a member's count of all victims, stands for the combined party its quote alone names, its members'
    counts adding up to it or one of them counted fewer."""
    return f.victim_group == "all" and names_combined_only(f.quote, f.report) \
        and (members_add_up(f, parts, figures) or member_counted_fewer(f, figures))


def label_combined_elsewhere(figure: Figure, combined: str, figures: list[Figure]) -> bool:
    """Whether a count filed under the member a combined group's label names from 2018 ("Extremist Islamist groups
    killed three": HTS), naming that member by the label alone, is of a report that files the same label under the
    combined group on another line, its count broken down into the members there ("Extremist Islamist groups: 134
    civilians, ... distributed between ISIS (97 ...) and HTS (37 ...)"; round 92c): the report uses the label for the
    members together throughout."""
    named = [m for m in find_parties(figure.quote, figure.report) if m.code == figure.perpetrator]
    return bool(named) and all(regex("CombinedLabel").search(m.text) for m in named) \
        and any(f.perpetrator == combined and f.line != figure.line and regex("CombinedLabel").search(f.quote)
                for f in figures)


def member_counted_fewer(figure: Figure, figures: list[Figure]) -> bool:
    """Whether a count filed under the member a combined group's label names from 2018 ("Extremist Islamist groups: 18,
    including 3 children": HTS) is more than the member's own count of the same period, measure, victims and place
    that another line gives under its own name ("Of the Extremist Islamist groups' victims, Hay'at Tahrir al-Sham
    killed 16 and ..."; round 65): the label then counts more than the member, its count is the group's."""
    return any(f.perpetrator == figure.perpetrator and f.line != figure.line and f.unit == "count" and not f.share_of
               and (f.period, f.measure, f.victim_group, f.governorate)
               == (figure.period, figure.measure, figure.victim_group, figure.governorate)
               and f.value < figure.value and not names_combined_only(f.quote, f.report) for f in figures)


def members_add_up(figure: Figure, parts: tuple[str, ...], figures: list[Figure]) -> bool:
    """Whether ``figures`` give, on lines other than ``figure``'s and each under its own name, one count of every
    member in ``parts`` of ``figure``'s period, measure, victims and place, and these add up to ``figure``'s value."""
    values = []
    for part in parts:
        found = {f.value for f in figures
                 if f.perpetrator == part and f.line != figure.line and f.unit == "count" and not f.share_of
                 and (f.period, f.measure, f.victim_group, f.governorate)
                 == (figure.period, figure.measure, figure.victim_group, figure.governorate)
                 and not names_combined_only(f.quote, f.report)}
        if len(found) != 1:
            return False
        values.append(found.pop())
    return sum(values) == figure.value


UNKNOWN_COLUMN = "?"  # a column of a table of parties whose header names no party the vocabulary knows
PARTY_COLUMNS_NOTE = "a row of a table whose columns are the parties"
PARTY_COLUMNS = "party_columns"  # the key of a table whose columns are parties and rows measures: its columns the
# parties' codes ("all" for the Total column, UNKNOWN_COLUMN for one naming no known party)


def header_columns(text: str, report: str | None = None) -> tuple[str, ...] | None:
    """The columns of a header whose cells are parties, flattened to one line ("Measure Syrian regime forces Russian
    forces ISIS Other parties Total", "| | HTS | SNA | Others | Total |"): each party named (twice named in brackets:
    "Kurdish forces (PYD)", one column), a stretch of words around them ``stretch_columns``', a last "Total" the
    "all" column; None for a line of no two parties named, with digits or a sentence's marks, or with words naming no
    known party and no Total column (a sentence's words: "Syrian regime forces killed two children")."""
    line = " ".join(text.replace("|", " ").split())
    key = regex("PartyColumnsKey").match(line)
    line = line[key.end():] if key else line
    if not line or re.search(r"[\d.;:,]", line):
        return None
    found = find_parties(line, report)
    if len({m.code for m in found}) < 2:
        return None
    columns, at = [], 0
    for mention in found:
        between = line[at:mention.start].strip()
        columns += stretch_columns(between.strip("()"))
        if between.strip("()") or between != "(" or not columns or columns[-1] != mention.code:
            columns.append(mention.code)
        at = mention.end
    rest = line[at:].strip(" ()")
    head, _, last = rest.rpartition(" ")
    total = bool(rest) and bool(regex("PartyColumnsTotal").fullmatch(last))
    columns += stretch_columns(head if total else rest)
    return tuple(columns + ["all"]) if total else tuple(columns) if UNKNOWN_COLUMN not in columns else None


def stretch_columns(stretch: str) -> list[str]:
    """The columns of a stretch of a header's words naming no party the vocabulary knows: none for no words, or for
    words in lower case going on with the party named before ("SNA factions": one cell), the other parties' for
    "Others", else one UNKNOWN_COLUMN (perhaps more: ``widened``)."""
    if not stretch.strip() or stretch.strip()[0].islower():
        return []
    return ["other_parties"] if regex("OtherPartiesColumn").fullmatch(stretch.strip()) else [UNKNOWN_COLUMN]


def widened(columns: tuple[str, ...], cells: list[str]) -> tuple[str, ...]:
    """``columns`` widened to the row's trailing ``cells`` (each a count or a dash) when the header's one stretch naming
    no known party spans more than one column ("Transitional government forces Assad regime remnants SDF Total" /
    "Civilians 1122 487 64 2,332"): the unknown stretch takes the extra cells, the named columns keep their places
    from either end. Unchanged for a table of another number of unknown stretches, or a row whose first extra cell
    reads as a year (a label's: "Civilians, May 2022 27 ...")."""
    extra = len(cells) - len(columns)
    if extra <= 0 or columns.count(UNKNOWN_COLUMN) != 1 or regex("Year").fullmatch(cells[0]):
        return columns
    at = columns.index(UNKNOWN_COLUMN)
    return columns[:at] + (UNKNOWN_COLUMN,) * (extra + 1) + columns[at + 1:]


def party_columns_header(text: str, source: Source, period: str, line_no: int, caption: str = "") -> Table | None:
    """The table a header whose cells are parties opens, of the one period its ``caption`` (the line before it:
    "Table 2: Civilian deaths in Syria in June 2025, by perpetrator") names, else ``period`` (the heading's, the
    context's); NO_PERIOD for a caption naming several periods or one the reader cannot read. A column naming no
    known party is reported: its cells are left out."""
    columns = header_columns(text, source.report)
    if columns is None:
        return None
    if UNKNOWN_COLUMN in columns:
        report_unknown_party(f"{source.source_file}:{line_no}", f"unmapped perpetrator label in the table header "
                             f"{text.strip()!r}", source.strict)
    named = caption_periods(caption, source)
    if named:
        period = next(iter(named)) or NO_PERIOD if len(named) == 1 else NO_PERIOD
    return Table(PARTY_COLUMNS, ("all",) * len(columns), period, columns=columns, column_key="party")


def month_columns_header(text: str, period: str, source: Source | None = None) -> Table | None:
    """The table a header whose cells are months opens, its rows measures or victim groups ("| | Jan | Feb | ... | Dec
    | Total |" then "| Civilians | 1,200 | ... |", "| Children | 295 | ... |"): each column the month of the one calendar
    year of ``period`` (the context's), the Total column the span of those months (``month_columns``); a table of no
    such year has no period (its rows are left out). A key cell naming a year ("| Deaths documented, 2026 | January |
    February | March | Q1 2026 |"), else a last column naming the months' span with its year, gives the months' year,
    none of them after the report month; that last column is their span when it is, else the table has no period.
    None for a header of no two months alone."""
    cells = month_column_cells(text)
    if cells is None:
        return None
    year, span = named_months_year(text, cells, source) if source else (None, None)
    dated = own_year_months(cells, source) if source and year is None else None
    if dated is not None:
        months = dated
    elif year is None:
        months = month_columns(cells, period)
    else:
        codes = tuple(month_code(year, month_number(regex("TableMonthLabel").fullmatch(cell).group("month")))
                      for cell in (cells[:-1] if span is not None else cells))
        whole = f"{codes[0]}/{codes[-1]}"
        months = () if len(set(codes)) != len(codes) or list(codes) != sorted(codes) \
            or period_span(codes[-1])[1] > period_span(source.report)[1] or span not in (None, whole) \
            else codes + ((whole,) if span else ())
    if months is None:
        return None
    return Table(PARTY_COLUMNS, ("all",) * len(months), months[0] if months else NO_PERIOD, periods=months,
                 columns=("all",) * len(months), column_key="party")


def own_year_months(cells: list[str], source: Source) -> tuple[str, ...] | None:
    """The months of a header's columns when each names its own year and no column after them sums them ("| |
    January 2024 | December 2024 | January 2025 |", a comparison of a month with the one before and the same month a
    year before; fx156abd: the table's rows had been left out): each column its month, in order, none after the report
    month, else () (the rows are left out); None when a column names no year of its own, or the last is a Total."""
    labels = [regex("TableMonthLabel").fullmatch(cell) for cell in cells]
    if len(labels) < 2 or not all(label and label.group("year") for label in labels):
        return None
    codes = tuple(month_code(int(label.group("year")), month_number(label.group("month"))) for label in labels)
    if list(codes) != sorted(set(codes)) or period_span(codes[-1])[1] > period_span(source.report)[1]:
        return ()
    return codes


def named_months_year(text: str, cells: list[str], source: Source) -> tuple[int | None, str | None]:
    """The year a header of months alone names for them, in its key cell or its last column's span ("| Deaths, 2026 |
    January | February | Q1 2026 |": 2026), and that span's period ("" for a Total column, None for none); (None, None)
    when it names no year, the key cell's and the span's years differing giving a year of none of the months (-1)."""
    key = text.strip().strip("|").split("|")[0].strip()
    keyed = regex("MonthColumnsYearKey").fullmatch(key)
    last = cells[-1]
    span = None
    if regex("TotalColumn").fullmatch(last):
        span = ""
    elif regex("MonthColumnsSpanColumn").fullmatch(last):
        total = regex("TotalYearMonthsColumn").fullmatch(last)  # "Total 2026 (Jan - Feb)": "Jan - Feb 2026"
        last = f"{total.group('months')} {total.group('year')}" if total else last
        found = source.periods(f"in {title_case_months(last)}")
        span = found[0].period if len(found) == 1 and found[0].period and found[0].end == len(last) + 3 else "?"
    years = {int(keyed.group("year"))} if keyed else set()
    if span and span != "?":
        years.add(int(span[:4]))
    if not years:
        return None, None
    return (years.pop() if len(years) == 1 else -1), span


def month_column_cells(text: str) -> list[str] | None:
    """The cells after the key cell of a header between pipes whose key cell is empty, names the rows' measures or
    the months' year ("| | Jan | Feb | ... | Total |", "| Measure | Jan | Feb |", "| Deaths, 2026 | January |") and
    whose other cells are months alone, perhaps then a Total column or their span with its year ("Q1 2026"); else
    None."""
    if "|" not in text:
        return None
    key, *cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
    if key and not regex("PartyColumnsKey").fullmatch(f"{key} ") and not regex("MonthColumnsYearKey").fullmatch(key):
        return None
    total = regex("TotalColumn").fullmatch(cells[-1]) or regex("MonthColumnsSpanColumn").fullmatch(cells[-1]) \
        if cells else None
    months = cells[:-1] if total else cells
    return cells if len(months) >= 2 and all(regex("TableMonthLabel").fullmatch(c) for c in months) else None


def caption_periods(caption: str, source: Source) -> set[str | None]:
    """The periods a table's caption names ("Table 1: Civilian deaths in the first half of 2025 (January 1 - June
    30), by perpetrator": one), none for a line that is no caption; None among them for one the reader cannot read."""
    if not caption or not regex("TableCaption").match(caption.strip()):
        return set()
    return {m.period for m in source.periods(caption)}


def party_columns_row(line: str, table: Table, source: Source, line_no: int) -> list[Figure] | None:
    """The figures of one row of a table whose columns are parties ("Civilians, May 2022 | 27 | 2 | – | 89 |",
    "of whom children 211 17 3 9 3 6 249", "Share of civilian victims (%) 30% 3.8% ... 100%"): each count its column's
    party's, of the measure and victim group the label names, in the period the label names, else the table's; a
    dash gives no figure, nor does a row counting no civilians ("Fighters", "Total people killed"), nor the Total
    column of a row of shares. None when the line is no row of the table (another number of cells, no label); a
    label naming no measure, of several periods or with a number the reader reads as none, is reported and its row
    left out."""
    tokens = line.replace("|", " ").split()
    trailing = next((n for n in range(len(tokens), -1, -1)
                     if all(regex("PartyColumnsCell").fullmatch(t) for t in tokens[len(tokens) - n:])), 0)
    columns = widened(table.columns, tokens[len(tokens) - trailing:])
    cells = tokens[len(tokens) - len(columns):]
    if len(tokens) <= len(columns) or trailing < len(columns) \
            or (trailing > len(columns) and not regex("Year").fullmatch(tokens[-len(columns) - 1])):
        return None
    label = " ".join(tokens[:-len(columns)]).strip(" :*")
    if regex("PartyColumnsSilentRow").fullmatch(label):
        return []
    percent = all(cell.endswith("%") or cell in "-–—" for cell in cells)
    measure = "civilian_deaths" if percent else measure_of_text(label)
    group = "all" if percent else intro_group(label)
    if measure is None and group == "all" and not regex("PartyColumnsVictims").search(label):
        warn_left_out(source, line_no, label[:40], "row")
        return []
    measure = measure or "civilian_deaths"
    group = group if measure == "civilian_deaths" and group != "children_and_women" else "all"
    named = {m.period for m in source.periods(label)}
    if len(named) > 1 or None in named or (named and table.periods) \
            or (not named and (table.period == NO_PERIOD or re.search(r"\d", label))):
        warn_left_out(source, line_no, label[:40], "row")
        return []
    periods = (named.pop(),) * len(columns) if named else table.periods or (table.period,) * len(columns)
    return [Figure(source.report, period, measure, group, code, "all", "percent" if percent else "count",
                   "perpetrator" if percent else "", float(cell.rstrip("%").replace(",", "")), "exact",
                   source.source_file, line_no, line.strip(), PARTY_COLUMNS_NOTE)
            for code, period, cell in zip(columns, periods, cells)
            if code != UNKNOWN_COLUMN and cell not in "-–—" and not (percent and (code == "all" or table.periods))]
