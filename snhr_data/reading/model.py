"""The records the reading modules share: a figure, the context headings set, a sentence being read."""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Callable

from ..grammar import regex
from ..periods import month_code, shift_month, year_of_month
from .dates import UNDATED, PeriodMention, compared_last_month, find_periods, publication_date


@dataclass(frozen=True)
class Figure:
    report: str
    period: str
    measure: str
    victim_group: str
    perpetrator: str
    governorate: str
    unit: str
    share_of: str
    value: float
    qualifier: str
    source_file: str
    line: int
    quote: str
    note: str = ""


@dataclass
class Context:
    """What headings and earlier sentences establish for the statements that follow."""

    measure: str | None = None
    item: bool = False  # the block is a list item, its bullet or number before it ("- HTS killed 18 civilians, ...")
    # the measure of the last sentence's counts of another measure than ``measure`` ("five massacres and 14 deaths due
    # to torture": torture_deaths), which a part of those who died goes on with ("13 of those died in ...")
    other_measure: str | None = None
    # the measures of the last sentence's counts and of the zeros it states in words ("3 deaths under torture; no
    # massacres this month": torture_deaths and massacres), which a sentence comparing "its" count with another
    # period's, with no subject of its own ("Up from 81 in January."), does not choose between
    last_measures: frozenset[str] = frozenset()
    period: str | None = None
    # the month a heading of the section names with its year ("1. Civilian Death Toll, January 2026"): the month a
    # "last month" under it stands for, when that is one of the months it may count back to (reading/sentence.py)
    heading_month: str | None = None
    party: str | None = None
    party_measures: frozenset[str] = frozenset()  # the measures of the counts of the sentence that named ``party``
    saw_all_victims: bool = False  # an all-victims count was stated earlier in the block
    # the statement before, ended by a semicolon, counted victim groups ("X killed five children and two women; Y killed
    # two children; ..."): the statement after it goes on picking out groups, so a group-only count is not all of its
    # party's victims
    groups_before_semicolon: bool = False
    # the parties whose count of all victims (of a measure, for a period) the block stated already
    victims_of: set[tuple[str, str, str]] = field(default_factory=set)
    # the victim group the opening of a statement ended by a semicolon breaks down ("Of the 209 children, 103 were
    # killed by X ...; the remaining 12 by Y"): the bare counts of the statement after it count it too
    opening_group: str = ""
    subject: str | None = None  # the party the previous sentence's subject names (UNMAPPED + label: an unknown actor)
    alliance: str | None = None  # the last combined party ("the Syrian-Russian alliance") a sentence of the block named:
    # the party "the alliance" of a later sentence stands for (round 84b)
    # the one party of every count of the previous statement, if a semicolon ended it ("X killed 139 civilians,
    # including 22 children; 2 died due to torture"): the party of a bare count that opens the statement after it
    clause_party: str | None = None
    # the period a statement ended by a semicolon opened with ("In January 2017, 1,123 civilians were killed; 42 died due
    # to torture", "February 2017: 1,021 civilians were killed; 38 died due to torture"): the period of the counts of the
    # statement after it that name none, not the release's
    clause_period: str | None = None
    # the one governorate of the counts of the statement before, if a semicolon ended it ("Aleppo was the deadliest
    # province, with 5,817 killed; in December alone, the province lost 704"): the place "the province" stands for
    clause_place: str | None = None
    # the period of another month's or year's report that the statement before named, with no count of its own ("we
    # covered the September report here;"): a count the statement after it gives that report ("it recorded 112
    # deaths") is that report's, never the text's own (left out with a warning; round 125a)
    other_report: str | None = None
    counted: bool = False  # the block stated counts already (of the section: the report's body did, its title aside)
    last_counts: tuple = ()  # the counts of the block's last sentence with counts (reading/sentence.py: Count), whose
    # part a count of the next sentence that refers back to them may be ("...; seven of those 88 were executed")
    # the last sentence stated counts only in a span the reader cannot date ("Ramadan, which fell between May 27 and
    # June 25 this year, saw the killing of 1,086 civilians"): a count referring back to them ("421 of them") is left out
    undated_before: bool = False
    # the parties, in order, that the last sentence paired its counts with by "respectively" ("X, Y and Z killed 41, 6
    # and 3 civilians respectively"): a list of the next sentence "by the same parties, in the same order" is theirs
    respective_parties: tuple[str, ...] = ()
    listed: str | None = None  # the period of the list the last sentence introduced (reading/sentence.py: listed_period)
    listed_measure: str | None = None  # the measure of the counts of the list the last sentence introduced ("SNHR
    # documented 34 massacres in April, distributed as follows:"): its items' bare counts are of it (listed_measure)
    listed_counts: tuple[tuple[str, float], ...] = ()  # the counts, as (measure, value), of a list's introduction that
    # counts several measures ("21 massacres in May, in which 160 civilians were killed, distributed as follows:")
    stated_aside: str | None = None  # the period the sentence before stated aside, not handed on: a year to date after
    # the block's first counts ("This brings the toll since the beginning of 2024 to 301"), or a month inside a
    # half-year or annual release's sentence ("the month of June alone witnessed the killing of 661 civilians"); a
    # ranking after it may rank it, and a count that refers back to it ("120 of them") is its part
    compared_aside: bool = False  # that period was of a count the sentence before compared its own with ("a decrease
    # of 21% compared with July, when 123 civilians were killed") or ranked within the block's ("January saw the
    # highest toll of the year"): its subject was the block's period, so a ranking after it ranks that one

    # (the section's) the one period of the figures of the block before, if they were of one: the period "in the same
    # period" opening the next paragraph refers back to ("... killed 1,210 civilians between January and March 2017." /
    # "ISIS killed 212 civilians in the same period"; session 42: had been the release's month)
    block_before_period: str | None = None
    last_ranking: str | None = None  # the period of the sentence before when it ranked places in a period of its own
    # ("Aleppo saw the highest number of victims, accounting for 27 percent of all civilian deaths in 2024"): a
    # ranking after it ("Daraa came second, with about 18 percent") goes on with it

    def ranked_period(self) -> str | None:
        """The period a ranking that names none may rank: the one the sentence before stated aside (unless only to
        compare), else the block's."""
        return self.period if self.compared_aside else self.stated_aside or self.period


def states_publication_date(text: str, published: str) -> bool:
    """Whether ``text`` states the date of the publication, in the month ``published``."""
    date = publication_date(text)
    return date is not None and date[:7] == published


def is_last_year(text: str, mention: PeriodMention) -> bool:
    """Whether a vague mention is "last year" (or "in last year"), which a dated text dates."""
    return mention.kind == "vague" and bool(regex("PeriodLastYear").fullmatch(text[mention.start:mention.end]))


def is_last_year_compared_with_itself(text: str, mention: PeriodMention, found: list[PeriodMention]) -> bool:
    """Whether "last year", dated from the publication, is the year a count before it in the sentence is of, and the
    sentence compares the two ("3,364 civilians in 2019, compared with last year, when 6,964 were killed", an annual
    release of January 2020): the year before the report's, or the report's own counted from the publication, the words
    do not say (left out, never filed under the report's year)."""
    return (mention.kind == "year" and mention.period is not None
            and bool(regex("PeriodLastYear").fullmatch(text[mention.start:mention.end]))
            and bool(regex("ComparedWith").search(text[:mention.start]))
            and any(m.period and m.period[:4] == mention.period and m.end <= mention.start for m in found))


def is_past_year(text: str, mention: PeriodMention, published: str | None) -> bool:
    """Whether a vague mention is "over the past year" in a text published in January: the twelve months before it are
    the year before its publication date, which ``last_year`` gives."""
    return (mention.kind == "vague" and published is not None and published[5:7] == "01"
            and bool(regex("PeriodPastYear").fullmatch(text[mention.start:mention.end])))


@dataclass(frozen=True)
class Source:
    """The report being read: its file, its month, and whether an unknown label is an error."""

    source_file: str
    report: str
    strict: bool = False
    now: str | None = None  # the month "last month" counts back from, when not the report month
    default_period: str | None = None  # of a statement that names none: the report month unless a release's
    published: str | None = None  # the month of the text's publication date, if it states one
    # the first raw line naming the Syrian Observatory, whom "the UK-based monitor" may be from there on (None: none)
    observatory_line: int | None = 1
    # the months of Ramadan of a release about Ramadan that states its days once ("Ramadan, which this year ran from
    # February 18 to March 19, 2026"): those of its every "during Ramadan", "the holy month" (None: no such release, or
    # it states none, or two)
    ramadan: str | None = None

    @property
    def period(self) -> str:
        return self.default_period or self.report

    def periods(self, text: str) -> list[PeriodMention]:
        """The period phrases of ``text``, resolved for this report. "last month" in a text published after its
        report month, that did not date itself by it, counts back from either; in a text dated by its first statements
        that gives no date to count back from (``now`` UNDATED), from neither: no period (kind "relative")."""
        found = [self.last_year(m) if is_last_year(text, m) or is_past_year(text, m, self.published)
                 else self.yearless_month(text, m)
                 for m in find_periods(text, self.report, None if self.now == UNDATED else self.now)]
        found = [PeriodMention(None, m.start, m.end, "relative") if is_last_year_compared_with_itself(text, m, found)
                 else m for m in found]
        found = self.with_ramadan(text, found)
        if self.is_undated_release():
            return [PeriodMention(None, m.start, m.end, "relative")
                    if m.kind == "month" and regex("PeriodLastMonth").fullmatch(text[m.start:m.end]) else m for m in found]
        if self.now != UNDATED and (self.now is not None or not self.published or self.published <= self.report):
            return found
        readings = set() if self.now == UNDATED else self.last_month_readings(text)
        return [self.last_month(text, m, found, readings)
                if m.kind == "month" and regex("PeriodLastMonth").fullmatch(text[m.start:m.end]) else m for m in found]

    def is_undated_release(self) -> bool:
        """Whether the text covers a year, a half-year or a span (its report month only that period's last month),
        states no publication date and was not dated by its "last month": its "last month" counts back from no date the
        text gives (a year's release says it of its December once the year is over), never from the report month
        (fx137c1: an annual story's December had been filed under November)."""
        return self.now is None and not self.published and self.period != self.report

    def with_ramadan(self, text: str, found: list[PeriodMention]) -> list[PeriodMention]:
        """The mentions of Ramadan with no months of their own ("during Ramadan", "the holy month"), and those of its
        days stated in ``text`` ("which this year ran from February 18 to March 19, 2026"), as the months of Ramadan
        the text states (``ramadan``), when it states them once."""
        if self.ramadan is None:
            return found
        stated = [(m.start(), m.end()) for m in regex("RamadanDates").finditer(text)]
        return [PeriodMention(self.ramadan, m.start, m.end, "range")
                if (m.kind == "ambiguous" and m.period is None and regex("PeriodRamadan").fullmatch(text[m.start:m.end]))
                or any(start <= m.start and m.end <= end for start, end in stated) else m for m in found]

    def last_month_readings(self, text: str) -> set[str]:
        """The months "last month" may be in a text published after its report month: the one before the report month
        or before the publication date; only the latter in a text covering a year, half-year or span (an annual
        report's December stands for its year: no month the text covers, that "last month" could count back from), or
        in a sentence stating the publication date ("released its report today, December 1, 2016, documenting the
        killing of 1,411 civilians last month") or dating itself by it ("In its report released today, ..."), or,
        published the month after the one the text covers, citing the monthly report ("According to the monthly report
        of SNHR, ... last month") or its own report, comparing it with no other count ("SNHR documented in its report the
        killing of 1,136 civilians last month")."""
        before_publication = shift_month(self.published, -1)
        if self.period != self.report or states_publication_date(text, self.published) \
                or regex("ReleasedToday").search(text) \
                or (before_publication == self.report and (regex("MonthlyReportCited").search(text) or (
                    regex("OwnReportCited").search(text) and not regex("ComparedWith").search(text)))):
            return {before_publication}
        return {shift_month(self.report, -1), before_publication}

    def yearless_month(self, text: str, mention: PeriodMention) -> PeriodMention:
        """A month named without its year after the report month's place in the year ("In February" in a text dated
        January 2017 and published in April): the year before the report's counted back from the report month, but
        the publication's year counted back from its date; which, the text does not say: no period (kind
        "relative"), never silently the year before. So is the report's month "last year" ("in December last year") in a
        text published in a later year than its report month: the report month itself counted back from the
        publication, or the year before it counted back from the report."""
        last_year = regex("PeriodSameMonthLastYear").fullmatch(text[mention.start:mention.end])
        if last_year and last_year.group("month") and mention.period and self.published \
                and self.published[:4] != self.report[:4]:
            return PeriodMention(None, mention.start, mention.end, "relative")
        if mention.kind != "month" or not mention.period or not self.published or mention.period >= self.report:
            return mention
        named = regex("PeriodNamedMonth").fullmatch(text[mention.start:mention.end])
        if named is None or named.group("year") or int(mention.period[5:7]) <= int(self.report[5:7]):
            return mention
        from_publication = month_code(year_of_month(int(mention.period[5:7]), self.published), int(mention.period[5:7]))
        return mention if from_publication == mention.period else PeriodMention(None, mention.start, mention.end,
                                                                                 "relative")

    def last_year(self, mention: PeriodMention) -> PeriodMention:
        """ "last year": the year before the publication date the text states; none when it states none."""
        if not self.published:
            return mention
        return PeriodMention(str(int(self.published[:4]) - 1), mention.start, mention.end, "year")

    @staticmethod
    def last_month(text: str, mention: PeriodMention, found: list[PeriodMention], readings: set[str]) -> PeriodMention:
        """ "last month" of two ``readings``: the one the sentence leaves by comparing it with the other, else none;
        the one reading there is."""
        month = next(iter(readings)) if len(readings) == 1 else compared_last_month(text, mention, found, readings)
        return PeriodMention(month, mention.start, mention.end, "month" if month else "relative")


@dataclass(frozen=True)
class Sentence:
    """One statement being read: its text, the period phrases in it, and the raw line of each position."""

    text: str
    periods: tuple[PeriodMention, ...]
    line_at: Callable[[int], int]
    source: Source

    def figure(self, period: str, measure: str, victim: str, party: str, gov: str, unit: str, share_of: str,
               value: float, qualifier: str, line: int, quote: str, note: str) -> Figure:
        return Figure(self.source.report, period, measure, victim, party, gov, unit, share_of, float(value),
                      qualifier, self.source.source_file, line, quote, note)

    def warn_count_left_out(self, at: int, start: int, end: int, kind: str) -> None:
        """Warn that the count at ``at`` is left out (``kind``: why), quoting its words ``text[start:end]``."""
        warn_left_out(self.source, self.line_at(at), self.text[start:end].strip()[:80], kind)


class AmbiguousTextWarning(UserWarning):
    """A statement the reader cannot date or read without guessing: its figures are left out."""


UNMAPPED = "?"  # a context party that no vocabulary entry maps: figures under it are left out
NO_PERIOD = "?"  # a context period the text makes unreadable ("in Novmber 2024"): figures under it are left out
NO_MEASURE = "?"  # a list's measure the text does not say (reading/report.py: measure_by_sum): its figures are left out


# why the figures of a phrase are left out, by the kind of the phrase ({p}: the phrase, quoted)
LEFT_OUT_BECAUSE = {
    "ambiguous": "{p} spans two months and the text does not say which",
    "other_report": "{p} gives the count of another period's report named before it, never the text's own",
    "ranking": "the ranking {p} follows a statement of another period and does not say which period it ranks",
    "vague": "{p} names no month, year or span of months that the reader can date",
    "undated_deaths": "{p} counts deaths whose date the text says could not be determined: no period of the count",
    "event_aside": ("{p} recalls an event of another period, and the count of the clause told of it right after is "
                    "that event's, never the period's the text covers"),
    "unknown": ("{p} runs from or to a day, or from a month to an end the text does not give: no month, year or span "
               "of months the tables hold"),
    "release_subject": ("{p} breaks down the special group of the release, which the text counts otherwise for the "
                        "same party or place"),
    "row": "the table rows {p} follow no header or introduction that says what and when they count",
    "topic_and_month": ("the heading {p} joins a section of the release's period with a section of its last month, "
                        "and a statement naming no period under it does not say which"),
    "boundary": ("{p} stands between two party labels (one before, one after it) with no row boundary, and the text "
                 "does not say whose it is"),
    "same": "{p} refers back to a period the statements before do not give",
    "change_end": "{p} ends a change from a count of another period, and the text does not say the period of its end",
    "larger_part": ("{p} refers back to the count before it but is larger than it, and the text does not say whose "
                    "part it is"),
    "method": ("{p} names means of killing, no party, and the text does not say whether its count is the whole toll "
               "or a part of it"),
    "place_toll": ("{p} counts the victims of a place named after a count of massacres, and the text does not say "
                   "whether they are the massacres' victims there or all the civilians killed there"),
    "ranking_measure": ("the ranking {p} stands under a heading of massacres but names none, and the text does not say "
                        "whether it ranks the massacres' victims or all the civilian deaths"),
    "respective": ("{p} gives its counts \"respectively\" to a list of parties that does not pair up with them, "
                   "and the text does not say which count is whose"),
    "unpaired_counts": ("{p} lists several counts of one kind with no \"respectively\", and the text does not say "
                        "which count is whose"),
    "party_clash": ("{p} gives one party two counts of one kind in one sentence (two of its labels, or a count and its "
                    "part), and the text does not say which is the party's"),
    "respective_groups": ("{p} gives children or women \"respectively\" to counts they do not pair up with, and the "
                          "text does not say which is whose"),
    "pronoun_of_several": ("{p} gives its count to \"its\" or \"their\" after a sentence naming several parties, and "
                           "the text does not say whose"),
    "torture_scope": ("{p} says victims died due to torture after a list of groups set off by a comma, and the text "
                      "does not say whether of the last group, of every group or of the whole count"),
    "workers_torture": ("{p} counts workers of a special group (medical, media, Civil Defense) who died under "
                        "torture: a part of the torture victims, never the whole torture toll of anyone"),
    "part": ("{p} counts a part of the count before it (a place, a cause or a subgroup) that no column of the table "
             "holds apart"),
    "part_of_total": ("{p} counts a part of the toll (the rest of it, the victims of a cause, of some days) and "
                      "names no party of its own, and the text does not say whose they are"),
    "after_fighters_row": ("{p} stands alone on the line after a row of fighters killed by a party, and the text "
                           "does not say whether it counts that party's victims or all parties'"),
    "heading_party": ("{p} names no party of its own under a heading or sentence naming one, and a part of it is "
                      "another party's: whether it counts that party's victims or all parties', the text does not say"),
    "groups": ("{p} gives the children and women of a count stated in the lines before it, cut from it, and the text "
               "does not say whose"),
    "joint": ("{p} gives one count to several parties or causes together (\"by X, by Y or by Z\") and the text does "
              "not say how it splits"),
    "joint_place": ("{p} gives a place's count after a sentence naming several parties or causes as the killers, and "
                    "the text does not say whether it is one party's, all of theirs or all parties'"),
    "unlabelled_cells": ("the row {p} gives counts set apart by slashes under no header or legend naming its columns, "
                         "and the text does not say which count is which"),
    "massacre_parts": ("the parts {p} follow a count of massacres and one of their victims and may break down either, "
                       "and they add up to neither alone"),
    "other_side_item": ("the lettered item {p} counts the dead of another party under the heading of the party that "
                        "killed them: its soldiers or fighters, no civilians"),
    "item_label": ("the list item's label {p} names several parties, or a party in a place, and the text does not say "
                   "whose count it is"),
    "joined_label": ("the label {p} joins a party with another member by \"and\", and the text does not say how much of "
                     "its count is the party's"),
    "larger_than_whole": ("{p} gives a place a count larger than the whole toll of the period it would take, and the "
                          "text does not say which period it counts"),
    "list_measure": ("the list {p} follows counts of several measures, and the text does not say which one it breaks "
                     "down"),
    "list_party": ("{p} is a governorate's count in a list after a statement naming a party, and the text does not say "
                   "whether it is that party's or all parties'"),
    "sum_of_parties": ("{p} adds up the counts of the parties named before it, and the text does not say whether they "
                       "are all the parties'"),
    "place_part": ("{p} counts a part of a governorate's count within it (a city, a countryside, neighbourhoods), given "
                   "in parentheses after that count: the governorate's count is read, the part is no governorate's"),
    "place": ("{p} is the count of a place the text does not tie to one governorate (a city, a countryside, a "
              "region, or several governorates together)"),
    "place_kicker": ("{p} follows a headline's place kicker, and the headline does not say whether it is that "
                     "governorate's toll or the country's"),
    "comparand": ("{p} compares a count of another period with one the text does not point to (the count before it "
                  "is of another measure), and the text does not say whether it is a party's or all parties'"),
    "part_antecedent": ("the part {p} of another period follows counts of several measures, and the text does not "
                        "say which one it is a part of"),
    "joint_sum": ("{p} adds up (\"together\") the counts of parties named before it: neither the whole toll nor one "
                  "party's"),
    "joint_parties": ("{p} gives one count to two parties added together (\"X and Y together\"): neither party's "
                      "alone"),
    "span_anaphor": ("{p} is said of \"these eight months\" or the like, a span of months its text does not date, "
                     "never of the one month the reader would give it"),
    "context_period": ("{p} names no period of its own after a statement whose period cannot be read (\"Last year, "
                       "...\", \"In the past six months, ...\"), and the text does not say whether it goes on with it"),
    "part_period": ("{p} states a part of a count of a narrower period after it, and the count's own period is named "
                    "only in another count's clause"),
    "those_killed": ("{p} gives a part \"of those killed\" in a sentence of its own after a party's count, and the text "
                     "does not say whether it is that party's victims or all parties'"),
    "opening_subject": ("{p} opens with a count that belongs to the subject after it, which is neither a party nor a "
                        "governorate (a month, a city, an attack)"),
    "change_subject": ("{p} compares a count of the sentence before with another period's and names no subject of "
                       "its own, and that sentence counts several measures: the text does not say which one it is"),
    "correction": ("{p} corrects or recalls a figure an earlier report published, and the reader does not decide "
                   "which period each of its values is"),
    "compared_clause": ("{p} opens a clause after a count of another period compared in an aside, and the text does "
                        "not say whether the clause speaks of that period or of the count before the aside"),
}


def left_out_because(source: Source, phrase: str, kind: str) -> str:
    """Why the figures of ``phrase`` (a phrase of ``kind``) are left out."""
    if kind in LEFT_OUT_BECAUSE:
        return LEFT_OUT_BECAUSE[kind].format(p=repr(phrase))
    if kind == "relative":
        return (f"{phrase!r} counts back from the report month or from the publication date, and the text does not "
                "say which" if source.published else f"{phrase!r} counts back from a date the text does not give")
    impossible = not phrase[:1].isalpha() or phrase.lower().startswith("month")
    return f"{'impossible' if impossible else 'unreadable'} month {phrase!r}"


def warn_left_out(source: Source, line: int, phrase: str, kind: str) -> None:
    """A warning naming file and line: the figures of a phrase that gives no readable period are left out."""
    what = left_out_because(source, phrase, kind)
    moved = {"boundary": "given to either party", "part": "filed as the whole", "part_of_total": "filed as the total",
             "method": "given to all parties", "respective": "given to one party",
             "unpaired_counts": "given to one party or place", "party_clash": "given to the party",
             "respective_groups": "given to one count", "list_party": "given to either",
             "ranking_measure": "filed as either", "massacre_parts": "filed as either", "place_toll": "filed as either",
             "item_label": "given to either", "other_side_item": "given to the party it names",
             "heading_party": "given to the heading's party", "after_fighters_row": "given to all parties",
             "joined_label": "given to one of its members",
             "groups": "given to all parties", "joint": "given to the first of them",
             "joint_place": "given to one of them", "unlabelled_cells": "given to a column",
             "list_measure": "filed as either", "sum_of_parties": "given to the last of them",
             "joint_sum": "filed as the total", "joint_parties": "given to one of them",
             "comparand": "given to the party named before it",
             "part_antecedent": "filed as a part of the last of them", "compared_clause": "filed under either period", "change_subject": "filed as the last of them", "those_killed": "given to the party",
             "release_subject": "filed as all civilians", "torture_scope": "filed as deaths under torture",
             "opening_subject": "filed as the whole toll", "other_report": "filed under the text's period",
             "correction": "filed under the text's period",
             "event_aside": "filed under the text's period", "place_kicker": "filed as the governorate's",
             "place": "filed as a governorate's or the country's", "place_part": "filed as the governorate's"}.get(
                 kind, "moved to another period")
    warnings.warn(f"{source.source_file}:{line}: {what}; its figures are left out, not {moved}",
                  AmbiguousTextWarning, stacklevel=3)


def join_notes(*notes: str) -> str:
    return "; ".join(n for n in notes if n)
