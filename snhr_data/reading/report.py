"""A report's blocks -> its figures: the title and the headings set the context -- the measure ("Deaths due
to Torture"), the period ("B. in December 2023") and the party ("- Russian forces:") -- that a statement can
leave unsaid; each sentence is read within it by ``sentence``. Narrative sentences about a single incident
("On Sunday, December 3, ...") and sections that state no figures of the report (recommendations, history,
victims abroad) are left out. Patterns: ``vocab/layout.yaml`` and ``vocab/sections.yaml``."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate

from ..clean import ROMAN_HEADING, Block, is_labelled_cells_row
from ..grammar import cached_by_text, classes, matches_any, regex, regexes, words
from ..numbers import adds_up_to, find_numbers
from ..periods import contains, is_period, period_span
from ..vocab import find_governorates, find_parties, report_unknown_party
from .agents import is_unknown_party_heading, refers_back
from .dates import PeriodMention, is_date_line, is_month_heading, title_month, without_date_label
from .heads import is_count_number, noun_of
from .measure import SECTION_MEASURES, measure_of_text, measures_named
from .governorates import place_label
from .model import NO_MEASURE, NO_PERIOD, UNMAPPED, Context, Figure, Source, join_notes, warn_left_out
from .sentence import LABEL_WORDS, fighters_label, group_item_under_a_party, read_sentence
from .tables import (Table, combined_label_split_later, count_first_item, flat_list_intro, flat_month_list,
                     flat_party_list, flat_place_list, flat_table_cuts,
                     group_period_line, groups_row,
                     is_flat_party_line, is_flat_place_line, is_labelled_item, is_labelled_row, is_row_label, item_count,
                     is_total_row, cross_table_header, header_columns, labelled_groups_row, measure_table_header,
                     month_column_cells, month_columns_header, months_total_row, party_columns_header,
                     period_table_header, row_lines,
                     table_header, table_intro, table_row, warn_unlabelled_cells, with_combined_label_rows)
from .text import split_sentences, title_case_months
from .zeros import states_zero


@dataclass(frozen=True)
class HeadingNumber:
    """A heading's number: its kind ("digits.", "letter)") and its place in the count (B is 2)."""

    kind: str
    place: int

    def follows(self, other: HeadingNumber) -> bool:
        """Whether this number comes next after ``other``: the headings are siblings."""
        return self.kind == other.kind and self.place == other.place + 1


@dataclass
class ReportReader:
    """Reads one report's blocks: headings set the context, sentences are read within it."""

    source: Source
    section: Context = field(default_factory=Context)
    skipping: bool = False  # inside a section that states no figures of the report
    figures: list[Figure] = field(default_factory=list)
    table: Table | None = None  # a table flattened to text whose rows may follow
    fighters: bool = False  # under a heading of fighters killed ("B. Rebels"): no civilian figures until the next
    aside: bool = False  # under a heading of a section beside the toll ("Most notable incidents", "Arrests"): no
    # figures until the next heading
    outline: list[tuple[HeadingNumber, dict[str, object]]] = field(default_factory=list)  # the numbered headings in
    # force since the last major or unnumbered one, each with what it changed, as it was before it
    listed: str | None = None  # the period a list's introduction states ("The report also covers December 2022, in
    # which ...:"), handed on to the list's items and the labels between them
    listed_measure: str | None = None  # the measure a list's introduction counts ("SNHR documented 34 massacres in
    # April, distributed as follows:"), handed on to the list's items: "Russian forces: 3" counts massacres
    period_level: int = 0  # the level of the Markdown heading that set the section's period ("## June 2019": 2), 0 if
    # none did: a heading of that level or above that names no period ends the period's section
    listed_counts: tuple[tuple[str, float], ...] = ()  # the counts of a list's introduction that counts several
    # measures ("21 massacres in May, in which 160 civilians were killed, distributed as follows:"): by their sum, the
    # list's items say which one they break down (measure_by_sum)
    before: str = ""  # the text of the part read last: a table's caption, when a header follows it
    items_party: str | None = None  # the party of an ordinal heading ("First: The government forces"), handed on to
    # the lettered items under it ("A. Civilians: ...", "C. Deaths due to torture: 148"), up to a block of no letter
    section_group: str | None = None  # the victim group a section's heading names ("Children"), up to the next heading:
    # its breakdowns naming no subject of their own ("- Government forces: 131") count that group (round 69c)
    grouped: dict[int, tuple[str, str]] = field(default_factory=dict)  # id of a figure read in such a section -> its
    # (measure, group), refiled as the subject's (``with_release_subject``)
    group_from: int = 0  # the index in ``figures`` from which ``section_group`` is in force
    after_fighters_row: bool = False  # the block before was a flattened row of fighters killed by a party alone on its
    # line ("Rebels killed by government forces 812"): a torture cell alone after it is of no party the text says
    undated_heading: bool = False  # under a heading naming no period ("Massacres") in the section a month's heading
    # opened ("December 2014") within the report's longer period, before any figure: whether the heading is the
    # month's sibling is not yet said (``back_to_report_period``)
    contents_run: int = 0  # the numbered headings read one right after another, no body between them: two or more are
    # a table of contents ("5. Massacres" / "6. Recommendations" / "Introduction"), whose entries set nothing

    def close_contents(self) -> None:
        """Undo what the numbered headings in force set: they were a table of contents's entries, not sections."""
        for _, changed in reversed(self.outline):
            for name, value in changed.items():
                setattr(self if name == "skipping" else self.section, name, value)
        self.outline = []

    def open_numbered(self, number: HeadingNumber | None) -> None:
        """Before the heading numbered next after one in force ("4. December 2025" after "3. Deaths Due to Torture"),
        what that one and the headings after it set undone: December's figures are no deaths under torture. A heading
        of no number, of which level is not said, closes the numbered ones before it."""
        if number is None:
            self.outline = []
            return
        siblings = [i for i, (before, _) in enumerate(self.outline) if number.follows(before)]
        if not siblings:
            return
        sibling = siblings[-1]
        for _, changed in reversed(self.outline[sibling:]):
            for name, value in changed.items():
                setattr(self if name == "skipping" else self.section, name, value)
        del self.outline[sibling:]

    def heading_state(self) -> dict[str, object]:
        """What a heading may set: the section's measure, period and party, and whether the section is skipped."""
        return {"measure": self.section.measure, "period": self.section.period, "party": self.section.party,
                "skipping": self.skipping}

    def read_heading(self, block: Block, major: bool, contents_run: int) -> None:
        text = regex("ItemPrefix").sub("", block.text).rstrip(":").strip()
        if is_date_line(text):
            return  # the publication date, not a period of the figures
        if major:
            self.outline = []
            self.skipping = False
            self.section, self.period_level = Context(), 0
        number = None if major else heading_number(block.text) or ordinal_heading_number(block.text)
        if number is None and contents_run >= 2:
            self.close_contents()  # "1. Introduction" / ... / "6. Recommendations" / "Introduction": the body begins
        self.contents_run = contents_run + 1 if number is not None else 0
        self.open_numbered(number)
        before = self.heading_state()
        self.set_by_heading(block, text)
        if regex("OrdinalRowLabel").match(block.text):
            self.items_party = self.section.party if self.section.party != UNMAPPED else None
        elif not regex("LetteredItem").match(block.text):
            # a lettered heading ("B. Rebels: 611 fighters") is one of the items; a party's sub-heading ("1. Syrian
            # Regime forces" / "- 712 civilians, ..." / "- 23 deaths due to torture") hands its party on to the bullets
            # of the list under it (round 69c)
            self.items_party = self.section.party if self.section.party not in (None, "all", UNMAPPED) \
                and not self.fighters and not regex("VictimsHeading").fullmatch(text) else None
        if number is not None:
            self.outline.append((number, {name: value for name, value in before.items()
                                          if self.heading_state()[name] != value}))

    def set_by_heading(self, block: Block, text: str) -> None:
        """The context a heading sets: whether its section is skipped, its measure, period and party."""
        # a month's heading ("December 2016" after an annual release's "Recommendations") opens figures again
        self.skipping = (self.skipping and not is_month_heading(text)) or matches_any("SkipSection", text)
        self.section_group, self.group_from = heading_group(text), len(self.figures)
        self.fighters = bool(regex("FightersLabel").fullmatch(text))
        self.aside = bool(regex("AsideHeading").fullmatch(text))
        if self.skipping:
            return
        measure = measure_of_text(text)
        if regex("PlacesAndMassacresHeading").fullmatch(text) or regex("MeasureAndWorkersHeading").fullmatch(text) \
                or regex("GroupsAndMeasureHeading").fullmatch(text) \
                or len(measures_named(text)) > 1 \
                or regex("ComparisonsHeading").fullmatch(text) or regex("WholeTollHeading").fullmatch(text) \
                or regex("SpecialPeriodHeading").fullmatch(text) or names_several_workers(text):
            # "Governorates and massacres", "Massacres and workers", "Medical, media and Civil Defense personnel",
            # "Children, women and torture" (fx159b): several subjects, each statement names its own; "Comparisons": the
            # report's tolls set beside others, of no one measure; "General toll": all victims; "Ramadan": the toll of
            # other days
            self.section.measure = None
        elif measure:
            self.section.measure = measure
        elif self.section.measure is not None and heading_number(block.text) is None and (
                regex("PlacesHeading").fullmatch(text) or regex("PlacesHeadingLine").fullmatch(text)):
            # "Massacres" (or "Torture") / ... / "Governorates" ("Distribution of victims by governorate", a heading
            # cut from its paragraph): a section of its own
            self.section.measure = None
        dated = heading_dated_text(text, self.source)
        mentions = self.source.periods(dated)
        unreadable = [m for m in mentions if m.kind == "unreadable"]
        periods = [p for p in mentions if p.period]
        if unreadable:  # "Civilian deaths documented in Novmber 2024 are distributed ...:"
            self.section.period, self.section.heading_month = NO_PERIOD, None
            phrase = dated[unreadable[0].start:unreadable[0].end]
            warn_left_out(self.source, block.first_line, phrase, "unreadable")
        elif periods:
            if not measure and (reaches_beyond(periods[0].period, self.section.period)
                                or ((is_period_only(dated, periods) or is_month_heading(text))
                                    and heading_number(block.text) is None)):
                # "Massacres" / ... / "The toll of the first half of 2020", or an unnumbered "June 2017" or "The
                # month of June" (not the numbered part "1. In 2024" of its section): another toll
                self.section.measure = None
            self.section.period = periods[0].period
            self.section.heading_month = month_named_with_year(dated, periods[0])
            self.period_level = block.md_heading
            if regex("TopicAndMonthHeading").fullmatch(text) and is_month_heading_within(self.section.period,
                                                                                         self.source.period):
                # "IV. Governorates and December 2019" in an annual release: the year's section or the month's?
                self.section.period = NO_PERIOD
                warn_left_out(self.source, block.first_line, text, "topic_and_month")
        elif ends_period_section(block.md_heading, self.period_level):
            # "## June 2019" / ... / "## Governorates": the month's section has ended, the report's period is back
            self.section.period, self.period_level, self.section.heading_month = self.source.period, 0, None
        self.undated_heading = not mentions and reaches_beyond(self.source.period, self.section.period)
        if regex("ShareHeadline").search(text) or regex("RankingHeadline").search(text) \
                or regex("TollLabelHeadline").search(text):
            # a headline's share or ranking ("X Is Responsible for 71% of ...", "X became the second deadliest
            # party"), or one labelled as the whole toll's ("Civilian toll: X strikes push June figures up"): no party
            # of the section
            return
        # "B. Rebels: 410 fighters from the armed opposition factions", its colon perhaps lost in a flattened table ("B.
        # Rebels 9,880 fighters from the armed opposition"; fx123d): fighters killed, whose party is no section's
        fighters = fighters_label(text) or bool(regex("FightersCountHeading").match(text))
        # a table's caption ("Table 2: Civilians killed by other parties, December 2024"): its rows name their own parties,
        # and the prose after the table is no section of the caption's party (round 165b: the medical personnel after it
        # had been the other parties')
        parties = [] if fighters or regex("TableCaption").match(text) else find_parties(text, self.source.report)
        if parties or not regex("VictimsHeading").fullmatch(text):
            self.section.party = parties[0].code if parties else None
        if not parties and not self.fighters and not self.aside and not fighters \
                and is_unknown_party_heading(text):
            self.section.party = UNMAPPED  # "C. Armed groups loyal to the former regime:": its figures are left out
            report_unknown_party(f"{self.source.source_file}:{block.first_line}",
                                 f"unmapped perpetrator label {text!r}", self.source.strict)

    def read_rows(self, block: Block) -> Block | None:
        """The figures of the table rows that open ``block``; the rest of the block, None if all of it were rows. The
        rows of a table of no readable period are reported and left out. A row whose statement goes on on the next
        line ("Other parties 39" / "of whom 14 died in landmine explosions.") is read with it as a sentence
        (``row_goes_on``)."""
        above = None  # the figures of the row before, for a line of its groups ("Children: 12, Women: 4")
        row_at = None  # the offset of the row before, a table row
        lines = row_lines(block.text, block.starts)
        joined = False  # the line was read with the one before it, a row label hyphenated at its end
        for k, (offset, line) in enumerate(lines):
            if joined:
                joined = False
                continue
            rows = table_row(line, self.table, self.source, block.line_at(offset)) if self.table else None
            if rows is None and self.table and k + 1 < len(lines) and regex("HyphenatedRowLabel").search(line):
                # a row's label hyphenated at the line's end, its cells on the next line ("Deir Ez-" / "Zour 51 9 6";
                # round 144b): the two lines are one row
                rows = table_row(line + lines[k + 1][1], self.table, self.source, block.line_at(offset))
                joined = bool(rows)
            if rows == [] and self.table.key == "month" and is_total_row(line):
                rows = months_total_row(line, self.table, self.figures, self.source, block.line_at(offset))
            is_row = bool(rows)
            if rows is None and self.table:
                rows = groups_row(line, above, block.line_at(offset))
            if rows is None and self.table and self.table.key == "party" and above \
                    and regex("PartyTableOtherPartiesCaption").match(line):
                above, row_at = None, None  # "Other parties distributed as follows:" between rows: the table goes on
                self.table = replace(self.table, sub_rows=True)
                continue
            if rows is None and self.table and self.table.key == "party" and above \
                    and (caption := regex("PartyTableGroupCaption").match(line)) \
                    and find_parties(caption.group("label"), self.source.report):
                above, row_at = None, None  # "Extremist Islamist groups:" above its members' rows: the table goes on
                continue
            if rows is None and self.table and self.table.key == "party" and above and len(set(self.table.periods)) > 1 \
                    and regex("VictimsHeading").fullmatch(line.strip()):
                # "Victims" between the rows of a table whose columns are periods ("Party August 2016 Since the start
                # of 2016" / ... / "Victims" / "Of which children 266 1,893"; fx150ab): the rows of measures under it
                # keep the columns' periods
                above, row_at = None, None
                self.table = Table("measure", self.table.groups, self.table.period, periods=self.table.periods)
                continue
            if rows is None and row_at is not None and goes_on(line):
                return self.row_goes_on(block, row_at, above, offset)
            above, row_at = rows, offset if is_row else None
            if rows is None:
                self.table = None
                return block_from(block, offset) if offset else block
            if offset == 0 and self.table.period == NO_PERIOD:
                warn_left_out(self.source, block.first_line, block.text[:40], "row")
            if is_row and self.table.key == "party":
                self.figures = with_combined_label_rows(self.figures, rows)
            self.figures += rows
        return None

    def row_goes_on(self, block: Block, row_at: int, row: list[Figure], offset: int) -> Block | None:
        """The rest of ``block`` to read after a table row (at ``row_at``, its figures ``row``) whose statement goes on
        on the line at ``offset``: from the row on, the row's figures taken back, when the table's period is the one
        the sentence would take (a table by party, of the section's measure and period); else from the line after,
        that line reported and left out."""
        table, self.table = self.table, None
        if table.key == "party" and table.period == (self.section.period or self.source.period) \
                and table.measure == (self.section.measure or "civilian_deaths"):
            del self.figures[len(self.figures) - len(row):]
            return block_from(block, row_at)
        warn_left_out(self.source, block.line_at(offset), block.text[offset:offset + 40], "groups")
        after = [start for start in block.starts if start > offset]
        return block_from(block, after[0]) if after else None

    def read_block(self, block: Block, title: bool = False) -> None:
        if block.text.lstrip().startswith(('"', "'")) and not regex("ReadQuoteOpening").match(block.text):
            return  # an eyewitness account, quoted
        ordinal = ordinal_heading_number(block.text)
        if ordinal is not None:  # "Second: ISIS 104 civilians ...": a sibling of "First: ..." above, whose lettered
            # headings' measure ("C. Deaths due to torture: 48") is no longer in force
            self.open_numbered(ordinal)
            self.outline.append((ordinal, {}))
        if regex("LetteredItem").match(block.text) and is_item_alone(block) \
                and is_other_side_item(block.text, self.section.party or self.items_party, self.source.report):
            # "Fourth: The armed opposition factions" / "A. Civilians: 61, ..." / "B. Government forces: 52": the other
            # side's dead at the heading's party's hands (its soldiers), no civilians (fx163ab: the regime's toll)
            warn_left_out(self.source, block.first_line, block.text.strip()[:60], "other_side_item")
            return
        if (regex("LetteredItem").match(block.text) or is_bullet_of_party(block, self.section.measure,
                                                                          self.source.report)) \
                and is_item_alone(block):  # the item, not the rows after it
            self.section.party = self.section.party or self.items_party
            cell_party = None
        else:
            # an unlettered cell alone on its line after the lettered items ("First: The government forces" / "A.
            # Civilians 1,455 ..." / "B. Rebels 612" / "Victims who died due to torture 88" / "Second: ISIS"): one of
            # the heading's cells too, that line only (fx83ab)
            first = block.text[:block.line_spans[0][1]] if block.line_spans else block.text
            cell_party = self.items_party if self.items_party \
                and regex("UnletteredItemCell").fullmatch(first.strip()) else None
            self.items_party = None
        in_list = not title and is_list_part(block.text, self.source.report)
        prefix = regex("ItemPrefix").match(block.text)
        block_ctx = Context(period=self.listed if in_list else None, measure=self.listed_measure if in_list else None,
                            item=bool(prefix))
        in_incident = False
        incident_line = False  # the incident's paragraph opened a raw line: a web copy's line a paragraph
        body_start = prefix.end() if prefix else 0
        body = block.text[body_start:]
        label_open = False  # the label line that set ``carried`` left a bracket open
        heading_party, carried = self.section.party, None  # carried: the party a label line names for the next
        row: Row | None = None  # the ordinal row of a party list flattened into the block being read
        line_starts = {start - body_start for start in block.starts}
        pieces = headlines(block, body_start) if title else table_rows(
            flat_rows(split_sentences(body), block, body_start), block, body_start)
        cell_alone = False  # the piece before was a row's cell alone on its line ("Civilians: 16")
        line_place = None  # the governorate a label opening the raw line names ("Daraa: 98 victims; ...")
        in_correction = False  # a statement before on the raw line retracts a figure: the line is a correction note
        row_read: list[Figure] | None = None  # the figures of the statement before, whose groups a line may give
        other_source = False  # the statement before was another organisation's (left out), or had it as its subject
        network_quote = False  # a statement before in the block quoted the network's speaker, who goes on quoted
        for offset, sentence in pieces:
            text = sentence.strip()
            if network_quote and text.startswith(('"', "“")) and not regex("ReadQuoteOpening").match(text):
                # '"...," Fadel Abdul Ghany, the network's chairman, told the wire. "We recorded 97 deaths under torture
                # in September alone."': the speaker's next quote, the network's words (fx150cd: left out as an
                # eyewitness's)
                text = text.lstrip('"“')
            network_quote = network_quote or bool(regex("QuotedNetworkSpeakerOpening").match(text)
                                                  or regex("QuotedNetworkHeadOpening").match(text)
                                                  or regex("QuotedNetworkMemberOpening").match(text))
            if other_source and regex("OtherSourceGoesOn").match(text):
                continue  # "...; its last estimate exceeded 100,000" after "The United Nations stopped ..." (round 98b)
            other_source = bool(regex("OtherSourceSubject").match(text))
            after_fighters = self.after_fighters_row
            self.after_fighters_row = bool(regex("FightersRowLine").fullmatch(text))
            if after_fighters and regex("TortureRowLine").match(text):
                # "Rebels killed by government forces 812" / "Victims of torture 64": that party's torture victims, or
                # all parties'? (round 89c)
                warn_left_out(self.source, block.line_at(body_start + offset), text[:40], "after_fighters_row")
                continue
            above, row_read = row_read, None
            if offset in line_starts or offset == 0:
                line_place = opening_place_label(text, self.source.report)
                in_correction = False
            if offset in line_starts and is_before_the_release(block_ctx.period, self.source) \
                    and lines_are_paragraphs(block) and not opens_on_a_part_of_the_count_before(text):
                # a monthly release's paragraph on an earlier month or year ("In March 2025 SNHR documented 1,562
                # civilians killed.") ends with its line: the statements of the next line are the release's (round 65),
                # unless its first count is a part of that month's ("X killed 12 of them", a quoted message's next line;
                # fx165cd: the parts of December's toll had been filed under the digest's January)
                block_ctx.period = None
            glued = next((heading_group(body[offset:start]) for start in sorted(line_starts)
                          if offset < start < offset + len(sentence)), None)
            if glued:  # a group's heading on a raw line of its own, run into the paragraph after it ("Other parties |
                # 750" / "Children" / "In 2019, 842 children were killed: 326 by ..."): its section begins (round 69c)
                self.section_group, self.group_from = glued, len(self.figures)
            correcting = not in_correction and bool(regex("Retraction").search(text))
            if correcting and has_count(text):
                # "Correction: our March release gave 219 deaths; the corrected figure is 224.": said, not read
                warn_left_out(self.source, block.line_at(body_start + offset), text[:40], "correction")
            in_correction = in_correction or correcting
            if in_correction or regex("OtherSourceCitation").match(body, offset):
                continue  # a correction note, or a reference to a work of another organisation (its title's figures)
            # a later statement of the line names no place nor label of its own: the label's governorate's
            # ... never a sentence of its own after a full stop that does not refer back to the label's count ("Aleppo
            # alone: 591 civilians. 47 civilians died under torture."; fx150cd: had been Aleppo's torture deaths)
            held = line_place if offset and offset not in line_starts and not regex("Label").match(text) \
                and not find_governorates(text) \
                and not (body[:offset].rstrip().endswith((".", "!", "?")) and not regex("ReferringBack").search(text)) \
                else None
            after_cell, cell_alone = cell_alone, bool(regex("CellAloneLine").fullmatch(text))
            row_party = ordinal_party(block.text[:body_start] + sentence if offset == 0 else sentence,
                                      block.line_at(body_start + offset), self.source)
            self.fighters = self.fighters and not row_party
            # "Third: The armed opposition factions" / "Civilian death toll 47": a heading for the next line; never a
            # row that states its party's zero ("Seventh: We did not document any deaths at the hands of X")
            if row_party and not has_count(text) and not states_zero(text):
                carried, label_open = row_party, text.rfind("(") > text.rfind(")")
                continue
            if carried and label_open and not row_party and regex("WrappedLabelTail").fullmatch(text):
                # "First: The government forces (army, security, local and foreign" / "militias)": the label's bracket
                # wrapped onto a line of its own, the label's still (fx160ab: the party of the rows under it was lost)
                label_open = False
                continue
            if row_party or carried:
                row, block_ctx = Row.opened(row, block_ctx, row_party or carried)
            elif offset in line_starts and (not after_cell or is_sentence_of_its_own(text)):
                # a row's statements go on within its raw line; a new line is a statement of its own, but the line
                # after a cell alone ("Civilians: 16") is still the row's, unless it is a whole sentence referring back
                # to no party ("Civilians: 43" / "The network's count for January 2014 had been 2,967 civilians.";
                # fx167cd: had been the last row's party's January). A whole sentence after the rows is not of
                # the party of the heading above them either, their sibling ("First: The government forces" / ... /
                # "Fifth: Unknowns ..." / "The number of victims who died due to torture in March 2014 was 114.")
                heading_party = None if (row and regex("SentenceLine").fullmatch(text)) \
                    or leaves_heading_party(text, self.section.measure, self.source.report) \
                    or sentence_after_rows(block, body_start + offset) else heading_party
                row = None
            self.section.party, carried = carried or (row.party if row else (
                cell_party if offset == 0 and cell_party else heading_party)), None
            if self.fighters or row_party == UNMAPPED:
                continue
            if in_incident and incident_line and offset in line_starts and lines_are_paragraphs(block) \
                    and not regex("IncidentGoesOn").match(text):
                # the incident's paragraph ended with its line in a block whose lines are paragraphs (a web copy: "On
                # August 14, a child was killed by a landmine in Daraa." / "Syrian regime forces killed 16 civilians,
                # ..."): the next line is a paragraph of its own, unless it goes on with the incident
                in_incident = False
            if is_incident_opening(text) or matches_any("Abroad", text):
                in_incident = True  # one incident, or deaths abroad: the rest of the paragraph is about it
                incident_line = offset in line_starts or offset == 0
                continue
            if in_incident and not matches_any("AggregateOpener", text):
                continue
            if (regex("DeathDateUnknown").search(text) and len(find_numbers(text)) <= 1) or (
                    text.endswith(";") and regex("DeathDateUnknown").match(
                    body[offset + len(sentence):].lstrip())):
                # "the bodies of 6 civilians were recovered this month; the date of their deaths could not be
                # determined": deaths of no period the reader can give (round 151a)
                if has_count(text):
                    warn_left_out(self.source, block.line_at(body_start + offset), text[:60], "undated_deaths")
                continue
            if matches_any("SkipSentence", with_seated_monitor_named(text, self.source,
                                                                     block.line_at(body_start + offset))):
                sentence = own_statement_after_other_source(sentence) or statement_before_aside(sentence)
                if not sentence:
                    other_source = True
                    continue
                text = sentence.strip()
            if offset == 0 and not title and regex("CutGroupsOpening").match(text):  # "of whom two were children."
                warn_left_out(self.source, block.line_at(body_start), text[:40], "groups")
                continue
            start = body_start + offset
            line_at = lambda position, start=start: block.line_at(start + position)  # noqa: E731
            when = block_ctx.period or self.section.period or self.source.period
            warn_unlabelled_cells(sentence, line_at, self.source)
            groups = groups_row(text, above, line_at(len(sentence) - len(sentence.lstrip())))
            if groups:  # "Syrian regime forces 1,142" / "Children 234 | Women 139": the row's children and women
                self.figures += groups
                row_read = above + groups  # a cell of the other group may follow ("...; children 2; women 1")
                continue
            listed = self.flat_list(sentence, block_ctx, line_at, when, title)
            if listed is None:
                listed = group_period_line(sentence, self.source, self.section.party,
                                           block_ctx.measure or self.section.measure, line_at)
            if listed is None and prefix and offset == 0:
                listed = count_first_item(sentence, self.source, when, block_ctx.measure or self.section.measure,
                                          line_at)
            if listed is None:
                listed = None if is_other_section_list(sentence, self.section.measure) \
                    else flat_place_list(sentence, self.source, when, line_at)
            if listed is not None:
                self.figures += listed
                block_ctx.measure = listed[0].measure if listed else block_ctx.measure  # the list's, for what follows
                continue
            read = read_sentence(sentence, line_at, block_ctx, self.section, self.source, title)
            if offset == 0 and group_item_under_a_party(text, read, self.figures, block.first_line):
                warn_left_out(self.source, line_at(0), text[:40], "groups")
                read = []
            combined = combined_split_after(above or [], read, text)
            if combined:  # "Extremist Islamist groups: 9 civilians. ISIS killed seven of them and HTS two": the group's
                self.figures = [combined.get(id(f), f) for f in self.figures]
            seam = regex("ColumnSeam").search(text)
            if seam:  # "..., X killed 12 civilians, including two children. including four children ...": whose groups?
                warn_left_out(self.source, line_at(len(sentence) - len(sentence.lstrip()) + seam.end()),
                              text[seam.end():][:40], "groups")
                read = [f for f in read if f.victim_group == "all"]
            self.figures += [in_place(f, held, LINE_LABEL_NOTE) for f in read] if held else read
            row_read = read
            if not title and leaves_torture_section(self.section.measure, read):
                self.section.measure = None
            self.table = None if title else table_intro(sentence, self.source,
                                                        block_ctx.period or self.section.period or self.source.period)
        # a label heading ("- Russian forces:") names the party of the next block only, as a label line ending the block;
        # an ordinal label line ending it ("... First: The government forces"), of each lettered item after it too
        self.section.party = carried
        self.items_party = carried or self.items_party
        introduced = block_ctx.listed
        if introduced is None and row_read and regex("OpenPictographList").search(block.text):
            last = {f.period for f in row_read}  # the period of the post's last item, its introduction's
            introduced = last.pop() if len(last) == 1 else None
        self.listed = None if title else list_period_after(block.text, introduced, self.listed, self.source.report)
        self.listed_measure = None if title else list_part_after(block.text, block_ctx.listed_measure,
                                                                 self.listed_measure, self.source.report)
        self.listed_counts = () if title or not block.text.rstrip().endswith(":") else block_ctx.listed_counts

    def back_to_report_period(self, read: list[Figure]) -> None:
        """After the first figures under a heading naming no period in a month's section: when they are of the report's
        own period ("December 2014" / ... / "Massacres" / "SNHR recorded 412 massacres in 2014"), the heading is the
        month's sibling, and its section and those after it are of the report's period ("Governorates" / "Aleppo
        recorded 4,812 victims"); when they are the month's ("9 died under torture in December"), it is a part of the
        month's section."""
        if read and self.undated_heading:
            self.undated_heading = False
            if read[0].period == self.source.period:
                self.section.period = self.source.period

    def flat_list(self, sentence: str, block_ctx: Context, line_at: Callable[[int], int], when: str,
                  title: bool) -> list[Figure] | None:
        """The figures of a list of parties flattened into the sentence that introduces it: of an introduction stating a
        count ("SNHR documented 34 massacres in April, distributed as follows: Syrian regime forces 9 Russian forces 3
        ..."), its own counts, then the cells' of their one measure (the massacres by party); the cells of one that
        states counts of several measures are reported and left out. None when the sentence is no such list."""
        intro = flat_list_intro(sentence)
        if intro is None or not has_count(intro):
            return flat_party_list(sentence, self.source, when, line_at)
        items = flat_party_list(sentence, self.source, when, line_at, "civilian_deaths")
        if items is None:
            return None
        stated = read_sentence(intro, line_at, block_ctx, self.section, self.source, title)
        measure = block_ctx.listed_measure
        if measure is None:
            warn_left_out(self.source, line_at(len(intro)), sentence[len(intro):].strip()[:40], "list_measure")
            return stated
        return stated + [replace(item, measure=measure) for item in items]  # the introduction's one measure

    def listed_rows_table(self, first_row: str) -> Table | None:
        """The one-column table of the rows after a list's introduction stating a count of one measure and one period
        ("SNHR documented 34 massacres in April, distributed as follows:" / "Syrian regime forces 9" / "Russian forces
        3"): each row its party's (or governorate's) count of that measure; None after any other block."""
        if self.listed_measure is None or self.listed is None:
            return None
        key = "governorate" if find_governorates(first_row) else "party"
        return Table(key, ("all",), self.listed, self.listed_measure)

    def places_heading_table(self, before: str | None, rows: list[str]) -> Table | None:
        """The one-column table of rows of governorates, one a line, right under a heading naming the governorates alone
        ("Governorates" / "Aleppo 412" / "Idlib 198", a PDF's table one row a line; round 90d): each row its governorate's
        civilian deaths, of the section's period, as the same rows run on into a sentence are read; None after any
        other block, for a row naming no governorate, or in a section of another measure. The heading may be numbered
        ("III. Distribution by Governorate"), and each row may give its share after its count ("Raqqa" / "2,095" /
        "20.53%"; round 121d)."""
        if not before or not regex("PlacesHeading").fullmatch(regex("ItemPrefix").sub("", before.strip(), count=1)) \
                or (self.section.measure or "civilian_deaths") != "civilian_deaths" \
                or not all(find_governorates(row) for row in rows):
            return None
        return Table("governorate", ("all",), self.section.period or self.source.period, "civilian_deaths",
                     introduced=True)

    def measure_heading_table(self, before: str | None, rows: list[str]) -> Table | None:
        """The one-column table of rows of parties, one count each, right under a heading naming a
        measure alone ("Deaths Due to Torture" / "Government forces" / "136" / "ISIS" / "3", a PDF's table one cell a
        line; round 121d): each row its party's count of the section's measure and period; None after any other block,
        or for a row of more than one count."""
        if not before or before.rstrip().endswith(":") or not is_measure_label(before, colon=False) \
                or self.section.measure is None or measure_of_text(before) != self.section.measure \
                or not all(item_count(row) is not None and not find_governorates(row) for row in rows):
            return None
        return Table("party", ("all",), self.section.period or self.source.period, self.section.measure, introduced=True)

    def parties_heading_table(self, before: str | None, rows: list[str]) -> Table | None:
        """The one-column table of rows of parties, one count each and no colon, right under a heading naming the
        parties alone ("By party:" / "Syrian regime forces 61" / "ISIS 40", a thread's post; fx159cd: its rows had been
        left out), when the rows add up to the civilian toll of the section's period read before: each row its
        party's civilian deaths; None after any other block, or when the rows add up to no toll read."""
        if not before or not regex("PartiesHeadingLine").fullmatch(before.strip()) \
                or (self.section.measure or "civilian_deaths") != "civilian_deaths":
            return None
        counts = [item_count(row) for row in rows]
        if len(counts) < 2 or any(count is None for count in counts) \
                or not all(find_parties(row, self.source.report) and not find_governorates(row) for row in rows):
            return None
        period = self.section.period or self.source.period
        total = sum(counts)
        if not any(f.measure == "civilian_deaths" and f.period == period and f.value == total
                   and f.perpetrator == "all" and f.victim_group == "all" and f.governorate == "all"
                   and f.unit == "count" for f in self.figures):
            return None
        return Table("party", ("all",), period, "civilian_deaths", introduced=True)

    def read(self, blocks: list[Block], title: list[Block]) -> list[Figure]:
        """Every figure of the report's blocks, the first ``len(title)`` being its title."""
        self.section.period = self.source.period
        for block in title:
            self.read_block(title_copy(block), title=True)
        place = None  # the governorate a label line ending the part before names ("Aleppo:")
        body = blocks[len(title):]
        for i, whole in enumerate(body):
            whole = without_title_date_label(whole)
            if self.listed_counts:
                self.listed_measure, self.listed_counts = measure_by_sum(self.listed_counts, body[i:], self.source), ()
            handed = breakdown_measure(body[i - 1], whole) if i else None
            if handed:  # "Massacres: 38" / "Syrian regime forces 7 | Russian forces 4 | ...": its count broken down
                self.listed, self.listed_measure = self.section.period or self.source.period, handed
            if not is_contents_entry(whole):
                for part in at_table_headers(whole):
                    start = len(self.figures)
                    self.read_part(part)
                    periods = {f.period for f in self.figures[start:]}
                    if periods:
                        self.section.block_before_period = periods.pop() if len(periods) == 1 else None
                    self.back_to_report_period(self.figures[start:])
                    if place:
                        self.figures[start:] = [in_place(f, place) for f in self.figures[start:]]
                    if self.section_group:
                        self.grouped.update({id(f): ("civilian_deaths", self.section_group)
                                             for f in self.figures[max(start, self.group_from):]})
                    place = None if self.skipping else ending_place_label(part, self.source.report)
            if handed:
                self.listed, self.listed_measure = None, None  # the breakdown ends the list
        figures = [f for f in self.figures if f.measure != NO_MEASURE]
        figures = with_release_subject(figures, release_subject(title, body), self.source, self.grouped)
        return within_their_wholes(combined_label_split_later(figures), self.source)

    def read_part(self, whole: Block) -> None:
        """Read one block of the body (or the part of one before, at or after a table's header)."""
        context = self.table or self.section
        period = context.period or self.source.period
        group = self.table.groups[0] if self.table and self.table.introduced else "all"
        before, self.before = self.before, whole.text
        contents_run, self.contents_run = self.contents_run, 0
        header = None if self.skipping else (table_header(whole.text, period, context.measure, group)
                                             or measure_table_header(whole.text, self.source, period)
                                             or period_table_header(whole.text, self.source, context.measure, period)
                                             or cross_table_header(whole.text, self.source, context.measure, period)
                                             or party_columns_header(whole.text, self.source, period,
                                                                     whole.first_line, before)
                                             or month_columns_header(whole.text, period, self.source))
        if header:
            self.table = header
            return
        block = self.read_rows(whole) if self.table else whole
        if block is None:
            return
        listed = None if self.skipping else flat_month_list(block.text, self.source, period, block.first_line)
        if listed is not None:
            self.figures += listed
            return
        rows = None if self.skipping or len(block.starts) > 1 else labelled_groups_row(
            block.text, self.source, period, context.measure, block.first_line)
        if rows is not None:  # "Syrian Democratic Forces | 31 | Children: 6 | Women: 3"
            self.figures += rows
            return
        cells = [] if self.skipping else measure_cells(block)
        for cell in cells:  # "Medical personnel: 8 | Media workers: 2 | Civil Defense: 3": a statement each
            self.read_block(cell)
        if cells:
            return
        if self.listed is not None and self.listed_measure is not None:
            block = bar_cells_as_lines(block)  # "... distributed as follows:" / "Landmines ...: 132 | Gunfire ...: 356"
        labelled = [line for _, line in row_lines(block.text, block.starts) if is_labelled_row(line)]
        table = (self.listed_rows_table(labelled[0]) or self.places_heading_table(before, labelled)
                 or self.measure_heading_table(before, labelled)
                 or self.parties_heading_table(before, labelled)) if labelled else None
        if not self.skipping and table and len(labelled) == len(block.starts):
            self.table = table  # "SNHR documented 34 massacres in April, distributed as follows:" / "Russian forces 3"
            self.read_rows(block)
        elif not self.skipping and (len(labelled) == len(block.starts) or is_labelled_cells_row(block.text)) \
                and not is_civilians_item_after_item(block, before):
            warn_left_out(self.source, block.first_line, block.text[:40], "row")  # rows of no table the text names
        elif not self.skipping and regex("UnlabelledCellsRow").match(block.text):
            warn_unlabelled_cells(block.text, block.line_at, self.source)  # "ISIS: 6 / 0 / 0", no heading of a table
        elif is_heading(block) and not flat_row_starts(block, 0):
            # ... or an ordinal heading of the list's items ("Civilian deaths in 2014 are distributed as follows:" /
            # "First: The government forces" / "A. Civilians: 1,902 ..."; round 149b): the list goes on under it
            goes_on = block.text.rstrip().endswith(":") or (
                self.listed is not None and ordinal_heading_number(block.text) is not None)
            self.listed = self.listed if goes_on else None
            self.listed_measure = list_measure_under(block.text, self.listed_measure) if goes_on else None
            self.read_heading(block, is_major_heading(block), contents_run)
            self.section.block_before_period = None  # "December 2024" / "... 1,021 civilian deaths that month": the heading's
            self.table = None if self.skipping else table_intro(block.text, self.source,
                                                                self.section.period or self.source.period)
        elif not self.skipping and not self.aside:
            self.read_block(block)
        elif not self.skipping and (rest := after_aside(block)) is not None:
            self.aside = False  # "Most notable incidents" / ... / "SNHR documented 62 massacres: ...": the month again
            self.read_part(rest)


def list_measure_under(heading: str, listed_measure: str | None) -> str | None:
    """The measure of a list's items under ``heading``, a line ending in its colon within the list of
    ``listed_measure``: the measure the heading names when it names another ("SNHR documented 12 massacres, distributed
    as follows:" / ... / "The victims of torture were distributed as follows:" / "Syrian regime forces – 9"; session 44:
    the torture deaths had been massacres), else the list's."""
    named = measure_of_text(heading) if listed_measure else None
    return named or listed_measure


def is_civilians_item_after_item(block: Block, before: str | None) -> bool:
    """Whether ``block`` is one list item naming its party and its civilians with no groups ("HTS 59 civilians"), right
    after another such item of the list, read as a statement ("ISIS 402 civilians, including 61 children"; a thread's
    items, each a block of its own; round 82c): an item like the others, of their measure and period, never a row of
    no table; so is a party's item of a dash and its count, alone or with its groups in brackets, after a party's item
    with its groups ("HTS — 2" after "Russian forces — 4 (children 2)"; never a place's, whose count would be the
    total's)."""
    def item(text: str, *names: str, party: bool = False) -> bool:
        match = next((m for name in names if (m := regex(name).match(text))), None)
        label = match.group("label").strip() if match else ""
        return bool(match) and is_row_label(label) and (not party or not find_governorates(label))
    if len(block.starts) != 1 or before is None:
        return False
    return (item(block.text, "CiviliansItemLine") and item(before, "CiviliansItemLine")) or (
        item(before, "DashGroupsItemLine", party=True)
        and item(block.text, "DashGroupsItemLine", "BareCountItemLine", party=True))


def is_other_section_list(sentence: str, section_measure: str | None) -> bool:
    """Whether a list labelled by places only ("Distribution by governorate: Homs 41, ...") stands in a section of a
    measure other than civilian deaths (under "Massacres"): the section's, read as its sentences are."""
    return section_measure not in (None, "civilian_deaths") and bool(regex("PlacesOnlyLabel").match(sentence.strip()))


def breakdown_measure(before: Block, block: Block) -> str | None:
    """The measure of a block that breaks down the count of the measure's label line before it ("Massacres: 38" /
    "Syrian regime forces 7 | Russian forces 4 | ...", "Deaths due to torture: 27" / "X 26, Y 1"; round 43): the
    label's, when the block's numbers, two or more, add up to that count; else None."""
    if len(before.lines) > 1 or not is_measure_count_line(before.text):
        return None
    count = find_numbers(before.text)[-1].value
    return measure_of_text(before.text.split(":")[0]) if adds_up_to(block.text, count) else None


def measure_by_sum(counts: tuple[tuple[str, float], ...], after: list[Block], source: Source) -> str | None:
    """The measure of the list after an introduction counting several measures (``counts``: "SNHR documented 21
    massacres in May, in which 160 civilians were killed, distributed as follows:" / "Syrian regime forces: 12" /
    "Russian forces: 9"): the one whose count its items' bare counts add up to, each item then its party's (or
    governorate's) count of it; NO_MEASURE, reported, when they add up to none of them or to several (the items are
    left out); None for a list of no bare counts (its items say what they count)."""
    items = list_item_counts(after)
    if not items:
        return None
    adding_up = [measure for measure, value in counts if value == sum(items)]
    if len(adding_up) == 1:
        return adding_up[0]
    warn_left_out(source, after[0].first_line, after[0].text[:40], "list_measure")
    return NO_MEASURE


def list_item_counts(blocks: list[Block]) -> list[float]:
    """The bare counts of the list items on the raw lines ``blocks`` open with ("Russian forces: 9", "- ISIS: 2"), one
    a line, up to the first line that is no such item."""
    counts = []
    for block in blocks:
        for _, line in row_lines(block.text, block.starts):
            count = item_count(line)
            if count is None:
                return counts
            counts.append(count)
    return counts


def ending_place_label(block: Block, report: str) -> str | None:
    """The governorate a label alone on the last raw line of ``block`` names ("Aleppo:", "Damascus Suburbs:"), whose
    counts the next part states ("1,107 victims, including 89 children ..."); None if it ends otherwise, or in a
    dateline in capitals ("DAMASCUS:")."""
    return labelled_place(row_lines(block.text, block.starts)[-1][1].strip(), report)


def opening_place_label(line: str, report: str) -> str | None:
    """The governorate a label opening a line names ("Daraa: 398 victims; 31 children and 24 women were among
    them"), which the statements after a semicolon on that line go on counting in; None for any other line, and for
    a label that is more than a place's name (a dateline: "DAMASCUS:", "Damascus (Agency):"), and for a place ranked
    before a colon ("Idlib governorate had the highest toll: 171 civilians, .... 11 people died due to torture": the
    ranking's count is the place's, the statements after it the month's; round 105c)."""
    label = regex("Label").match(line)
    if label and regex("PlaceRankingOpening").match(label.group("label")):
        return None
    return labelled_place(label.group("label").strip() + ":", report) if label else None


def labelled_place(label_line: str, report: str) -> str | None:
    """The governorate a label alone ("Aleppo:", "Damascus Suburbs:") names; None for any other text and for a
    dateline in capitals ("DAMASCUS:")."""
    label = None if label_line.isupper() else regex("PlaceLabelLine").fullmatch(label_line)
    place = place_label(label.group("label"), report) if label else None
    return place.codes[0] if place else None


# the note of a count after a semicolon on a line that a governorate's label opens
LINE_LABEL_NOTE = "the governorate of the label opening the line"


def in_place(figure: Figure, place: str, note: str = "the governorate of the label line before") -> Figure:
    """``figure`` of the governorate a label line before its paragraph (or opening its line) names, unless it names
    its own."""
    if figure.governorate != "all":
        return figure
    return replace(figure, governorate=place, note=join_notes(figure.note, note))


def within_their_wholes(figures: list[Figure], source: Source) -> list[Figure]:
    """``figures`` less the counts of a place larger than the exact whole toll of their period, measure and victims
    ("In June alone the group counted 71 civilian deaths" ... "Daraa recorded the most deaths, 118": the place's count
    is of another period, the text does not say which), each reported and left out (round 18)."""
    wholes: dict[tuple, float] = {}
    for f in figures:
        if (f.perpetrator, f.governorate, f.unit, f.share_of, f.qualifier) == ("all", "all", "count", "", "exact"):
            key = (f.period, f.measure, f.victim_group)
            wholes[key] = max(wholes.get(key, f.value), f.value)
    kept, warned = [], set()
    for f in figures:
        whole = wholes.get((f.period, f.measure, f.victim_group))
        if f.governorate != "all" and f.unit == "count" and not f.share_of and whole is not None and f.value > whole:
            if f.line not in warned:
                warn_left_out(source, f.line, f.quote[:60], "larger_than_whole")
            warned.add(f.line)
        else:
            kept.append(f)
    return kept


def with_seated_monitor_named(text: str, source: Source, line: int) -> str:
    """``text`` (on raw ``line``) with a monitor named by its seat ("the UK-based monitor") named SNHR before any line
    naming the Syrian Observatory: SNHR itself, the only monitor named so far, whom the seat refers back to ("SNHR said
    on Tuesday ... In its monthly report, the UK-based monitor said ..."; round 42); from that line on, only where the
    seat is an apposition to SNHR's own name ("SNHR, a UK-based monitor, said ...")."""
    if source.observatory_line is not None and line >= source.observatory_line:
        return regex("SeatedMonitorOfSnhr").sub("SNHR", text)
    return regex("SeatedMonitor").sub("SNHR", text)


def own_statement_after_other_source(sentence: str) -> str | None:
    """A sentence that quotes another organisation's count, then sets SNHR's own against it ("The UN said 320 civilians
    were killed in March, while SNHR put the figure at 288"): the sentence with the other's numbers blanked, its words
    (and the period they name) kept for SNHR's count; None for any other sentence."""
    contrast = regex("OwnSourceContrast").search(sentence)
    if not contrast or matches_any("SkipSentence", sentence[contrast.end():]):
        return None
    quoted = sentence[:contrast.start()]
    for mention in reversed(find_numbers(quoted)):
        quoted = quoted[:mention.start] + "n" * (mention.end - mention.start) + quoted[mention.end:]
    return quoted + sentence[contrast.start():]


def statement_before_aside(sentence: str) -> str:
    """The statement a sentence makes before the definition it adds in a relative clause ("Five massacres were recorded
    during the month, according to the report, which defines a massacre as an attack that kills five or more ...":
    five massacres, never a count of the definition) or before another organisation's count it sets against it ("...,
    SNHR said on Thursday, while the Syrian Observatory ... reported 402 deaths": SNHR's figures, never the other's);
    empty when the sentence is all aside or skipped else."""
    aside = regex("DefinitionAside").search(sentence) or regex("OtherSourceContrast").search(sentence)
    statement = sentence[:aside.start()] if aside else ""
    return "" if matches_any("SkipSentence", statement) else statement


def heading_dated_text(text: str, source: Source) -> str:
    """The words whose period a heading gives (months in title case): the whole heading; of a lead-in paragraph of
    several sentences ending in its list's colon ("The toll was dominated by the offensive in February and March.
    SNHR's figures for January to June are:"), its last sentence that names a period. A date with its clock time
    ("03 Jul 2017, 10:42", a forum post's header) is blanked: it dates the copy, never the section."""
    titled = regex("PostedDateTime").sub(lambda match: " " * len(match.group(0)), title_case_months(text))
    sentences = [sentence for _, sentence in split_sentences(titled)]
    if len(sentences) < 2:
        return titled
    return next((sentence for sentence in reversed(sentences) if source.periods(sentence)), titled)


def list_period_after(text: str, introduced: str | None, listed: str | None, report: str) -> str | None:
    """The period handed on to the list after a block: the one its last sentence gives the list it introduces ("The
    report also covers December 2022, in which ...:", "Distribution of deaths by perpetrator party in 2021:"), when the
    block ends in a colon; the list's own while the block is one of its items; else none."""
    period = list_part_after(text, introduced, listed, report)
    return period if period != NO_PERIOD else None


def list_part_after(text: str, introduced: str | None, listed: str | None, report: str) -> str | None:
    """What a list's introduction hands on to the list after a block (its period, its measure): what the block's last
    sentence ``introduced``, when the block ends in a colon; the list's own (``listed``) while the block is one of its
    items; else None."""
    if text.rstrip().endswith(":") or regex("OpenPictographList").search(text):
        return introduced
    return listed if is_list_part(text, report) else None


def is_list_part(text: str, report: str) -> bool:
    """Whether a block opens with a label and its colon ("Russian forces: 3", "Second: Other parties: 46 ..."), a
    bullet ("- Russian forces killed 14"), a bare count and its party ("14 at the hands of X, ...") or a party's name
    ("Syrian regime forces killed 261 civilians, ..." after "Distribution of deaths by perpetrator party in 2021:"): an
    item of a list, when a list was introduced; its number too ("6. US-led coalition forces: none."; round 41)."""
    first = text.strip().split("\n", 1)[0]
    if regex("BulletItem").match(first):
        return True
    first = regex("ItemPrefix").sub("", first, count=1)
    if regex("Label").match(first) or regex("CountByPartyItem").match(first):
        return True
    parties = find_parties(first, report)
    return bool(parties) and first[:parties[0].start].strip().lower() in {"", "the"}


@dataclass(frozen=True)
class Row:
    """An ordinal row of a party list flattened into one paragraph ("Third: Kurdish forces Civilians: 14, including 3
    children; one of them died due to torture. Fourth: ..."): its party is the party of every statement of the row,
    and each row is read in the context the list's introduction set (its period, its measure), not in what the row
    before it said; nor does a party of the introduction ("SNHR recorded 640 civilian deaths") name the row's."""

    party: str
    intro: Context  # the block's context before its first row

    @staticmethod
    def opened(before: Row | None, block_ctx: Context, party: str) -> tuple[Row, Context]:
        """The row that starts with ``party``, and the block context its statements are read in."""
        intro = before.intro if before else first_row_context(block_ctx)
        return Row(party, intro), replace(intro)


def first_row_context(block_ctx: Context) -> Context:
    """The context the first ordinal row of a block is read in: the block's, without its party; and without its measure
    when the statement before names its own subject ("Government forces also killed 127 individuals under torture.
    Third: Kurdish forces (PYD) Civilians: 21"), or names a party's victims ("Torture: 131 of the government forces'
    civilian victims died under torture Second: Armed opposition factions Civilians: 88"; round 121b): that party's
    count, no introduction whose measure the rows count."""
    measure = None if block_ctx.subject is not None or block_ctx.party not in (None, "all") else block_ctx.measure
    return replace(block_ctx, party=None, subject=None, alliance=None, measure=measure)


def is_bullet_of_party(block: Block, measure: str | None, report: str) -> bool:
    """Whether a block is a bullet item that may be of the party of the sub-heading above it ("- 29 massacres"), not
    one leaving that party's part ("- Massacres: SNHR documented 38 massacres in all.")."""
    return bool(regex("BulletItem").match(block.text)) \
        and not leaves_heading_party(regex("ItemPrefix").sub("", block.text).strip(), measure, report)


def is_other_side_item(text: str, heading_party: str | None, report: str) -> bool:
    """Whether a lettered item under a party's ordinal heading is labelled by another party alone ("B. Government
    forces: 52" under "Fourth: The armed opposition factions"): the other side's dead at the heading party's hands."""
    if heading_party in (None, "all", UNMAPPED):
        return False
    item = regex("OtherSideItemLabel").match(text)
    if not item:
        return False
    named = [m for m in find_parties(item.group("label"), report) if m.code != "all"]
    return len(named) == 1 and named[0].start <= 4 and named[0].code != heading_party


def is_item_alone(block: Block) -> bool:
    """Whether a block is one item, perhaps with its own "of which" cells on the raw lines after it ("B. Civilians:
    1,203" / "Of which children: 201", after "A. Rebels: 412" under "First: The government forces"), and perhaps the
    next party's ordinal label run on after them ("Second: ISIS"), not the rows of other items."""
    cells = [block.text[start:end].strip() for start, end in block.line_spans[1:]]
    if cells and regex("OrdinalRowLabel").match(cells[-1]):
        cells.pop()
    return all(regex("OfWhichCellRowEnd").match(cell) for cell in cells)


def flat_row_starts(block: Block, body_start: int) -> list[int]:
    """Where raw lines after ``body_start`` start a new row of a table flattened into the paragraph ("Second:
    ISIS ...", a ranking after a row ending in a number), as offsets from ``body_start``."""
    lines = block.line_spans
    labels = [row_label(block.text[start:end]) for start, end in lines]
    cuts = [start for (start, _), label in zip(lines[1:], labels[1:])
            if regex("FlatRowStart").match(block.text[start:])
            or (regex("FlatRowEnd").search(block.text[:start]) and regex("RankingSubject").match(block.text[start:]))
            or (regex("FlatRowBefore").search(block.text[:start])
                and (regex("FlatTotalRow").match(block.text[start:]) or label and labels.count(label) > 1))]
    # a row ending in its children and women before a line on the whole toll ("... of whom 41 children and 36 women" /
    # "Of the 9,812 civilians, 1,904 were children ..."; round 92c)
    cuts += [start for start, _ in lines[1:] if regex("FlatGroupsRowEnd").search(block.text[:start])
             and regex("WholeBackReferenceLine").match(block.text[start:])]
    # ... and a line ending in a count before a line referring back to it ("... 2,311 individuals (civilians and
    # fighters)" / "Of these, the civilians numbered 1,402."; fx154ab)
    cuts += [start for start, _ in lines[1:] if regex("CountNounRowEnd").search(block.text[:start])
             and regex("BackReferenceOpeningLine").match(block.text[start:])]
    # a row of fighters killed by a party ending in its count on a raw line of its own ("Rebels killed by government
    # forces 812" / "Victims of torture 64"; round 89c) ends where its line ends, unless its cells go on on the next line
    cuts += [end for (start, end), (after, after_end) in zip(lines, lines[1:])
             if regex("FightersRowLine").fullmatch(block.text[start:end].strip())
             and not regex("CellsGoOn").match(block.text[after:after_end])]
    # a list of labelled counts one item a raw line ("Ministry of Defence forces: 44 civilians (6 children, 3 women)" /
    # "General Security: 3 civilians" / "Syrian Democratic Forces: 38 civilians ..."; round 118b): each item a statement
    # of its own, so that one whose label maps to no party leaves out its own figures only
    cuts += [second for (first, first_end), (second, second_end) in zip(lines, lines[1:])
             if is_count_item_line(block.text[first:first_end])
             and is_count_item_line(block.text[second:second_end], opening=True)]
    # ... so in a list whose items, each opening a raw line, wrap over lines ("Remnants of the Assad regime: 271 civilians,
    # including 9 children and" / "11 women" / "Forces of the transitional government and allied factions: 644" /
    # "civilians, ..." / "Syrian Democratic Forces: 19 civilians, ..."; round 121d): an item opens where a raw line opens
    # with a label and its count after a line that ends no word short of its statement
    # ... the first item's label perhaps as long as any item's, an actor the vocabulary lacks ("Armed groups loyal to the
    # former regime: 614, including 21 children and 30 women" / "Syrian Democratic Forces: 288, ..."; fx160cd: the items
    # after it had been left out with it)
    if lines and is_count_item_line(block.text[lines[0][0]:lines[0][1]], opening=True, words=LABEL_WORDS):
        cuts += [second for (first, first_end), (second, second_end) in zip(lines, lines[1:])
                 if is_count_item_line(block.text[second:second_end], opening=True, words=LABEL_WORDS)
                 and has_count(block.text[first:first_end])
                 and block.text[second:second + 1].isupper() and not regex("CellsGoOn").match(block.text[second:])
                 and not matches_any("NoPartyLabel", block.text[second:second_end].split(":", 1)[0].strip())
                 and not regex("DanglingEnd").search(block.text[first:first_end].rstrip())]
    # a label line of no count ("First: Extrajudicial Killing") ends where its line ends
    cuts += [end for start, end in lines[:-1] if regex("FlatRowStart").match(block.text[start:])
             and not has_count(block.text[start:end])]
    cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
             if any(p.match(block.text[start:end]) for p in regexes("StandfirstNextLine"))
             and not has_count(block.text[before:start]) and block.text[before:start].rstrip()[-1:].isalpha()]
    cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
             if regex("LeadAfterHeadlineLine").match(block.text[start:end]) and has_count(block.text[before:start])
             and block.text[before:start].rstrip()[-1:].isalpha()
             and not regex("DanglingEnd").search(block.text[before:start].rstrip())]
    cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
             if regex("DatelineLeadLine").match(block.text[start:end])
             and not regex("DanglingEnd").search(block.text[before:start].rstrip())]
    # a row "<label> Civilians N ..." on a raw line of its own is a statement of its own
    cuts += [start for start, end in lines[1:]
             if regex("FlatLabelRow").match(block.text[start:end]) and regex("FlatRowBefore").search(block.text[:start])]
    cuts += [end for (start, end), (after, _) in zip(lines, lines[1:])
             if regex("FlatLabelRow").match(block.text[start:end]) and regex("FlatLabelRowEnd").search(block.text[start:end])
             and not regex("FlatRowCells").match(block.text[after:])]
    # ... as does a party's row of counts each before its noun ("Russian forces 452 civilians 124 children 87 women"; round
    # 90d), unless its words go on on the next line
    cuts += [end for (start, end), (_, after) in zip(lines, lines[1:])
             if (row := regex("CountNounsRowLine").fullmatch(block.text[start:end].strip()))
             and is_row_label(row.group("label").strip()) and not goes_on(block.text[end:after])]
    # a row's children and women alone on the line after it ("Syrian regime forces 1,142" / "Children 234 | Women 139"):
    # the row's groups, a statement of their own, never the opening words of the next row (round 27)
    cuts += [end for (before, start), (_, end) in zip(lines, lines[1:])
             if is_labelled_row(block.text[before:start], colon=True)
             and regex("TableGroupsLine").fullmatch(block.text[start:end].strip())]
    # a measure's label on a raw line of its own ("Massacres:"), or its heading ("Deaths due to torture"; round 28), run
    # on after a row ending in a count ("... Daraa 6", "... Of which women 15"): it opens what follows it, never names the
    # row's count; so does such a label opening a whole sentence ("Deaths due to torture: 112 persons died due to
    # torture, ..."; round 53a), never a cell of the row; so after such a statement on the line before ("Deaths under
    # torture: 93 in total, ..., 4 by ISIS" / "Massacres: 31, of which ..."; round 119b); so after a labelled row of one
    # count and its noun ("Civilians and fighters together: 16,356 individuals" / "Massacres" / "Between January and June
    # the team recorded 94 massacres, ..."; round 127b: the massacres' sentence had been the unmapped row's)
    cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
             if (regex("FlatRowEnd").search(block.text[before:start])
                 or regex("LabelCountNounLine").fullmatch(block.text[before:start].strip())
                 or is_labelled_measure_statement(
                 block.text[before:start]) and not regex("DanglingEnd").search(block.text[before:start].rstrip()))
             and (is_measure_label(block.text[start:end]) or is_measure_heading_after_row(block.text[before:start],
                                                                                         block.text[start:end])
                  or is_labelled_measure_statement(block.text[start:end]))]
    # ... and so does a measure's label and its colon after a row ending in its children and women, no full stop ("46
    # civilians, among them 3 children and 4 women" / "Torture: in total, 88 victims of torture were documented ..."; round
    # 119c): the label opens a statement of its own, never the row's count of that measure; so does its heading with no
    # colon ("37 civilians, among them 5 children" / "Massacres" / "The team recorded 29 massacres ..."; fx154ab: the
    # massacres had been the row's party's)
    cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
             if regex("FlatGroupsRowEnd").search(block.text[before:start])
             and (is_measure_label(block.text[start:end]) or is_labelled_measure_statement(block.text[start:end])
                  or is_measure_heading_after_row(block.text[before:start], block.text[start:end]))]
    # a month's own toll opening a raw line after a line ending in a count or its share ("Aleppo 431 (12.4%); Daraa 239
    # (6.9%)" / "In December alone, 272 civilians were killed, ..."; round 127b): a statement of its own
    cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
             if regex("CountOrShareEnd").search(block.text[before:start]) and regex("MonthLeadLine").match(
                 block.text[start:end])]
    # a whole sentence on a raw line of its own after an ordinal row ending in a count ("Fifth: Unknowns ... Of which
    # women 4" / "The number of victims who died due to torture in March 2014 was 114."; round 27): a statement of its
    # own, none of the row's
    cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
             if regex("FlatRowStart").match(block.text[before:start]) and regex("FlatRowEnd").search(
                 block.text[before:start]) and regex("SentenceLine").fullmatch(block.text[start:end].strip())]
    # ... and so after a table's total row ending in its count ("Total 1,057" / "The report adds that the total number
    # of individuals killed in 2024, fighters included, exceeded 7,000."; fx167ab: joined, the total was left out with
    # the sentence's individuals)
    cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
             if regex("FlatTotalRow").match(block.text[before:start]) and regex("FlatRowEnd").search(
                 block.text[before:start]) and regex("SentenceLine").fullmatch(block.text[start:end].strip())]
    # ... and a whole sentence of the one who counts after a row of ordinal rows ending in its count and its noun
    # ("Fifth: Unknowns" / "Civilian death toll 108 civilians" / "SNHR also recorded 27 massacres in August, 22 of them
    # by government forces."; round 115d)
    ordinal_rows = [start for start, _ in lines if regex("FlatRowStart").match(block.text[start:])]
    cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
             if ordinal_rows and ordinal_rows[0] < before and regex("FlatCountRowEnd").search(block.text[before:start])
             and regex("ReporterSentenceLine").fullmatch(block.text[start:end].strip())]
    # ... and any line opening in a capital after a row ending in its last "Of which" cell ("Civilian death toll 66
    # civilians Of which children 8 Of which women 5" / "The total number of victims who died due to tor-", a sentence
    # wrapped over lines; round 36): a statement of its own, never the row's cells
    cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
             if regex("OfWhichCellRowEnd").search(block.text[before:start]) and block.text[start:start + 1].isupper()
             and not regex("CellsGoOn").match(block.text[start:end])
             and not regex("TortureRowLine").match(block.text[start:end])]
    # ... but a torture cell alone on the line after them is the row's last cell (round 89c): the row ends with it
    cuts += [end for (before, start), (_, end) in zip(lines, lines[1:])
             if regex("FlatRowEnd").search(block.text[before:start])
             and regex("TortureRowLine").match(block.text[start:end])]
    # a heading on a raw line of its own before a labelled count's line is a statement of its own (round 48)
    cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
             if is_heading_before_label(block.text[before:start], block.text[start:end])]
    # a measure's label and its one count alone on a raw line ("Medical staff killed: 6", "Civil Defense members: 3")
    # is a statement of its own: neither the line before nor the line after names its count; not a row's "Of which" cell
    # on the line after the row's last "Of which" cell ("Of which women: 168" / "Of which died under torture: 87", a
    # table read cell by cell; round 65b), the row's count of that measure
    counted = [(start, end) for (before, start), (_, end) in zip([(0, 0)] + lines, lines)
               if is_measure_count_line(block.text[start:end])
               and not (before < start and regex("CellsGoOn").match(block.text[start:end])
                        and regex("OfWhichCellRowEnd").search(block.text[before:start]))]
    cuts += [start for start, _ in counted] + [end for _, end in counted]
    # a labelled cell alone on its line ("Civilians: 16" under "Fifth: Unknowns") is a statement of its own
    cuts += [end for (start, end), (_, after) in zip(lines, lines[1:])
             if regex("CellAloneLine").match(block.text[start:end]) and not goes_on(block.text[end:after])
             and not regex("CellsGoOn").match(block.text[end:after])]
    # ... as is a list of parties run on from its introduction on the line before ("SNHR documented 34 massacres in April,
    # distributed as follows" / "Syrian regime forces 9 Russian forces 3 ... Other parties 3"): the next line is no cell
    cuts += [end for start, end in lines[1:-1] if is_flat_party_line(block.text[start:end])]
    # ... as is a list of governorates flattened into its introduction on its line ("Civilian victims by governorate:
    # Aleppo 401 ... Others 61"): the sentence on the next line is none of its cells, nor is it a part of the statement on
    # the line before ("Massacres: 31, of which ... 1 by unknowns" / "Victims by governorate: Aleppo 388 ..."; round 119b)
    cuts += [cut for start, end in lines if is_flat_place_line(block.text[start:end]) for cut in (start, end)]
    # a listed row ("Hama: 88", "Idlib 14") is a statement of its own: the sentence after it is not its; a line going
    # on in lower case goes on with it ("Syrian regime forces 27" / "civilians, including 5 children")
    # ("Of which women: 168" / "Of which died under torture: 87", a table read cell by cell, its row's cells go on;
    # round 65b)
    cuts += [end for (start, end), (_, after) in zip(lines, lines[1:])
             if is_labelled_row(block.text[start:end], colon=True) and not goes_on(block.text[end:after])
             and not (regex("CellsGoOn").match(block.text[start:end]) and regex("CellsGoOn").match(block.text[end:after]))]
    # the last item of such a list, or of a list of items with their groups ("International coalition forces: 26
    # civilians, including 12 children and 6 women"), with an aside and no full stop, before the paragraph that a PDF's
    # lines ran on into, or a sentence opening with its count ("58 victims died due to torture in October."; session 16);
    # or before an item of its own in lower case, a member's under its combined group's ("of which ISIS: 6 civilians";
    # round 83c)
    cuts += [end for (before, _), (start, end), (after, after_end) in zip(lines, lines[1:], lines[2:])
             if (is_labelled_row(block.text[before:start], colon=True) or is_labelled_item(block.text[before:start]))
             and is_labelled_item(block.text[start:end])
             and (block.text[after:after + 1].isupper() or is_labelled_item(block.text[after:after_end])
                  or regex("CountSentenceLine").fullmatch(block.text[after:after_end].strip()))
             and not regex("DanglingEnd").search(block.text[start:end].rstrip())]
    # ... or a bulleted item of that kind, a block of its own, before a whole sentence on the next line ("- Other
    # parties: 81, of whom ... 9 in killings by unidentified persons" / "SNHR also documented 13 deaths due to torture,
    # ..."; round 37): the sentence is none of the item's; so too an item opened by its count and its part's party or
    # cause ("- 11 by Turkish forces, including four children and two women" / "Of the nine deaths due to torture, six
    # occurred in ..."; round 125d: the item had been read as deaths under torture)
    cuts += [end for (start, end), (after, after_end) in zip(lines[:1], lines[1:2])
             if regex("BulletItem").match(block.text[start:end])
             and (is_labelled_item(item := regex("ItemPrefix").sub("", block.text[start:end]))
                  or regex("CountPartItem").match(item))
             and not regex("DanglingEnd").search(block.text[start:end].rstrip())
             and regex("SentenceLine").match(block.text[after:after_end].strip())]
    # ... or a lettered item stating a count, a block of its own, before a whole sentence on the next line ("B. Rebels:
    # 9,214 fighters ... were killed by government forces" / "Government forces also killed 1,623 people under
    # torture ..."; round 51): the sentence is none of the item's, nor its label's
    cuts += [end for (start, end), (after, after_end) in zip(lines[:1], lines[1:2])
             if regex("LetteredItem").match(block.text[start:end]) and find_numbers(block.text[start:end])
             and not regex("EndsSentence").search(block.text[start:end].rstrip())
             and not regex("DanglingEnd").search(block.text[start:end].rstrip())
             and regex("SentenceLine").fullmatch(block.text[after:after_end].strip())]
    # a post run on with no full stop at all, each statement on a raw line of its own ("52 civilians killed by unknown
    # parties among them 6 children and 2 women" / "So the total civilians killed in June 2014 is 1210 civilian, ...";
    # a machine translation, round 82c): a line opening in a capital with a verb starts a statement of its own, never
    # the words after the line before's party; but not a row's "Of which" cell alone on the line after the row's last
    # one ("... Of which women 41" / "Of which died under torture 36"; fx143a): the row's cell
    if not any(regex("EndsSentence").search(block.text[start:end].rstrip()) for start, end in lines):
        cuts += [start for (before, start), (_, end) in zip(lines, lines[1:])
                 if regex("RunOnSentenceLine").fullmatch(block.text[start:end].strip())
                 and not regex("DanglingEnd").search(block.text[before:start].rstrip())
                 and not (regex("OfWhichCellLine").match(block.text[start:end])
                          and regex("OfWhichCellRowEnd").search(block.text[before:start]))]
    return sorted({cut - body_start for cut in cuts if cut > body_start})


def is_heading_before_label(heading: str, line: str) -> bool:
    """Whether a raw line of no count and no full stop is a heading of its own before a labelled count's line
    ("Distribution of the 2025 death toll by perpetrator party" / "Syrian government forces and affiliated security
    services: 1,784 civilians"; round 48): run on into the label, it would make one too long for a label, never a label
    or a sentence wrapped over two lines ("All armed opposition factions/Syrian National" / "Army: 96 civilians"); a
    heading with a colon of its own, too, whatever its length: run on, the label's colon would be its second ("The
    first half of 2025: distribution by perpetrator" / "Forces of the interim government: 1,209 civilians"; round
    75c)."""
    label = regex("LabelledCountLine").match(line)
    heading = heading.strip()
    return bool(label) and not has_count(heading) and heading[-1:].isalpha() \
        and not regex("DanglingEnd").search(heading) and not goes_on(line) \
        and (len(f"{heading} {label.group('label')}".split()) > LABEL_WORDS
             or (":" in heading and regex("Label").match(line.strip()) is not None))


def goes_on(line: str) -> bool:
    """Whether a line after a row goes on with the row's statement: it opens in lower case, and is no row or list item
    of its own ("civilians, including 5 children", "of whom 14 died in ...", not "drowning: 3"); or it opens with the
    groups of the row's count in brackets ("(39 children, 21 women)")."""
    return (line[:1].islower() and not is_labelled_row(line, colon=True) and not is_labelled_item(line)) \
        or bool(regex("GroupsAsideLine").match(line))


def raw_line_at(block: Block, start: int) -> str:
    """The raw line of ``block`` that starts at offset ``start``."""
    after = [s for s in block.starts if s > start]
    return block.text[start:after[0] if after else len(block.text)]


def is_measure_label(line: str, colon: bool = True) -> bool:
    """A short label of a measure and its colon (none when ``colon`` is False), no count ("Massacres:", "Deaths due to
    torture:")."""
    text = line.strip()
    return ((text.endswith(":") or not colon) and len(text.split()) <= _MEASURE_LABEL_WORDS and not has_count(text)
            and measure_of_text(text) is not None)


_MEASURE_LABEL_WORDS = 5


def measure_cells(block: Block) -> list[Block]:
    """The cells of a one-line block of measures' labelled counts between bars ("Medical personnel: 8 | Media workers: 2
    | Civil Defense: 3", an infographic's alt text; round 27), each a block: a statement of its own whose count is its
    label's, never the next label's; [] for any other block."""
    spans = [cell.span() for cell in re.finditer(r"[^|]+", block.text)]
    if len(block.starts) > 1 or len(spans) < _LIST_ROWS \
            or not all(is_measure_count_line(block.text[start:end]) for start, end in spans):
        return []
    cells = [block_from(block, start, end) for start, end in spans]
    return [Block(cell.text.strip(), cell.md_heading, [0], [block.first_line]) for cell in cells]


def is_labelled_measure_statement(line: str) -> bool:
    """Whether a raw line opens with a measure's label and its colon and goes on as a whole sentence ("Deaths due to
    torture: 112 persons died due to torture, 109 of them in ...", "Massacres: 37 in March 2014, of which 34 by ..."; round
    114c), not with a cell's count ("Torture: 12")."""
    label, colon, rest = line.strip().partition(":")
    return bool(colon) and is_measure_label(f"{label}:") and any(
        regex(name).fullmatch(rest.strip()) for name in ("StatementWithVerb", "LabelledCountSentence"))


def is_measure_heading_after_row(row: str, line: str) -> bool:
    """Whether ``line``, after the raw line ``row`` ending in a count, is a measure's heading with no colon ("Deaths due
    to torture" after "... Of which women 15"): capitalised, unpunctuated, after a row that no conjunction or comma
    before its count shows to be a sentence wrapped ("... 127 Women, and 97" / "Victims Due to Torture")."""
    return (is_measure_label(line, colon=False) and bool(regex("MeasureHeadingLine").fullmatch(line.strip()))
            and not regex("WrappedCountEnd").search(row))


def is_measure_count_line(line: str) -> bool:
    """A short label of a measure other than civilian deaths, its colon and one count, alone on the line ("Victims
    among medical personnel: 8"); a label of civilian deaths ("Total civilian deaths: 8,403") may be a row of what a
    heading glued to it opens."""
    match = regex("LabelCountLine").fullmatch(line.strip())
    return bool(match) and is_measure_label(match.group("label")) \
        and measure_of_text(match.group("label")) != "civilian_deaths"


def row_label(line: str) -> str:
    """The words a flattened table's row opens with ("Civilian deaths at the hands of"), '' for a line too short to
    be a row: lines of one block that open alike are the rows of one table."""
    tokens = line.split()
    return " ".join(tokens[:5]) if len(tokens) > 8 and not any(ch.isdigit() for ch in " ".join(tokens[:5])) else ""


def flat_rows(sentences: Sequence[tuple[int, str]], block: Block, body_start: int) -> list[tuple[int, str]]:
    """The sentences, each cut where a raw line starts a new row of a table flattened into the paragraph."""
    cuts = flat_row_starts(block, body_start)
    pieces = []
    for offset, sentence in sentences:
        inner = [c - offset for c in cuts if offset < c < offset + len(sentence)]
        for begin, end in zip([0] + inner, inner + [len(sentence)]):
            pieces.append((offset + begin, sentence[begin:end]))
    return pieces


def is_count_item_line(line: str, opening: bool = False, words: int = 0) -> bool:
    """A raw line that is one item of a list, a short label, a colon and a count of its noun ("General Security: 3
    civilians", "Syrian Democratic Forces: 38 civilians (9 children, 4 women)"), no sentence ending in it; ``opening``:
    one that opens so, whatever follows its count ("Syrian Democratic Forces: 121 civilians, including ...");
    ``words``: the most words of its label, if not the default's."""
    item = regex("Label").match(line.strip())
    if item is None or len(item.group("label").split()) > (words or _ITEM_LABEL_WORDS):
        return False
    if opening:
        return bool(re.match(r"\d", item.group("rest")))
    return bool(regex("CountItemRest").match(item.group("rest"))) and not re.search(r"[.!?]\s*$", line)


_ITEM_LABEL_WORDS = 6


def is_sentence_of_its_own(line: str) -> bool:
    """Whether a raw line is a whole sentence that refers back to no party ("The network's count for January 2014 had
    been 2,967 civilians."), never a row's cell nor a statement of the row's party ("Two of them died due to torture.")."""
    return bool(regex("SentenceLine").fullmatch(line)) and not regex("PartyBackReference").search(line)


def sentence_after_rows(block: Block, start: int) -> bool:
    """Whether the raw line of ``block`` beginning at ``start`` is a whole sentence right after a labelled row, one
    party's or governorate's count ("The deaths at the hands of other parties break down as follows:" / "Landmine
    explosions 9" / "Turkish forces 4" / "One medical worker was killed in May; no media workers were killed."): the
    rows of the heading's party have ended, and the sentence, referring back to no party, is not of that party."""
    spans = block.line_spans
    index = next((i for i, (begin, _) in enumerate(spans) if begin == start), 0)
    if not index:
        return False
    line = block.text[start:spans[index][1]].strip()
    row_before = block.text[spans[index - 1][0]:spans[index - 1][1]]
    return is_labelled_row(row_before) and bool(regex("SentenceLine").fullmatch(line)) \
        and not regex("PartyBackReference").search(line)


def leaves_heading_party(text: str, measure: str | None, report: str) -> bool:
    """Whether a line under a party's sub-heading states another subject than that party's civilians, ending the
    party's part ("F. Other parties:" / "Other parties killed 36 civilians ..." / "Massacres: we documented two
    massacres, ..." / "By governorate, Daraa had the highest toll with 21"): deaths under torture, massacres or workers,
    or a ranking of the places, unless it refers back to the party ("Two of them died due to torture"), opens on the
    party's toll with its parts ("1,978 civilians, including ..., and 64 victims who died under torture") or is no
    statement of its own (a table's cell "Torture 38"). ``measure``: the section's, None for civilian deaths."""
    if regex("PartyBackReference").search(text) or regex("PartyTollWithParts").match(text) \
            or not regex("StatementWithVerb").fullmatch(text):
        return False
    other_measure = bool(measures_named(text) - {measure or "civilian_deaths"})
    places_ranked = bool(regex("PlacesRankingStatement").search(text)) and len(find_governorates(text)) > 1 \
        and not find_parties(text, report)
    return other_measure or places_ranked


def ordinal_party(text: str, line: int, source: Source) -> str | None:
    """The party an ordinal row's label names ("Second: ISIS ..."); UNMAPPED, reported, for a label that names
    none ("Fifth: Foreign militias ...", a row with counts): its figures are left out; None for a text that is no
    ordinal row, or a section heading ("First: Extrajudicial Killing")."""
    match = regex("OrdinalRowLabel").match(text)
    label = match.group("label").strip(" :.-") if match else ""
    if not label:
        return None
    found = find_parties(label, source.report)
    if found:
        return found[0].code
    if not has_count(text) and not is_unknown_party_heading(label):
        return None  # a section heading glued to the paragraph ("... First: Extrajudicial Killing")
    report_unknown_party(f"{source.source_file}:{line}", f"unmapped perpetrator label {label!r}", source.strict)
    return UNMAPPED


def after_aside(block: Block) -> Block | None:
    """The part of ``block``, under a heading of a section beside the toll ("Most notable incidents"), from the first
    raw line of the reporter documenting a count of the month's own ("SNHR documented 62 massacres: ..."), which ends
    the section; None if no line does."""
    ends = [offset for offset, line in row_lines(block.text, block.starts) if regex("AsideEndLine").match(line)]
    return block_from(block, ends[0]) if ends else None


def bar_cells_as_lines(block: Block) -> Block:
    """A one-line block of labelled counts parted by bars ("Landmines of unknown source: 132 | Gunfire of unknown
    source: 356 | Turkish forces: 47") as a block of one raw line per cell, each a row of the list it is under (fx167ab:
    left out as rows of no table); any other block as it is."""
    if len(block.starts) > 1 or not is_labelled_cells_row(block.text):
        return block
    cells = [cell.strip() for cell in block.text.split("|") if cell.strip()]
    starts = list(accumulate((len(cell) + 1 for cell in cells[:-1]), initial=0))
    return Block(" ".join(cells), block.md_heading, starts, [block.first_line] * len(cells))


def block_from(block: Block, offset: int, end: int | None = None) -> Block:
    """The part of ``block`` from ``offset`` on (up to ``end``), lines kept."""
    end = len(block.text) if end is None else end
    kept = [(s - offset, line) for s, line in zip(block.starts, block.lines) if offset <= s < end]
    return Block(block.text[offset:end].rstrip(), block.md_heading, [s for s, _ in kept], [line for _, line in kept])


def at_table_headers(block: Block) -> list[Block]:
    """``block`` cut before and after each raw line that is a table's header, where a PDF's lines ran the caption,
    the header and the rows into one paragraph ("... Table 1: Civilian deaths by perpetrator, September 2017" /
    "Perpetrator Civilians Children Women" / "Syrian regime forces 297 58 41" / ...); a table flattened into one line
    is read as a line of header and a line per row first."""
    block = with_flat_table_lines(block)
    cuts = {cut for start, line in row_lines(block.text, block.starts)
            if regex("TableHeader").fullmatch(line.strip()) or regex("MeasureTableHeader").fullmatch(line.strip())
            or regex("PeriodTableHeader").fullmatch(line.strip()) or regex("FlatPeriodTableHeader").fullmatch(line.strip())
            or regex("FlatMonthList").fullmatch(line.strip()) or header_columns(line) or month_column_cells(line)
            for cut in (start, start + len(line))}
    cuts |= {cut for start, end in places_heading_lines(block) for cut in (start, end)}
    cuts |= {cut for start, end in item_heading_lines(block) for cut in (start, end)}
    cuts |= {cut for start, end in measure_heading_lines_after_rows(block) for cut in (start, end)}
    cuts = sorted(cuts - {0, len(block.text)})
    return [block_from(block, begin, end) for begin, end in zip([0] + cuts, cuts + [len(block.text)])]


def item_heading_lines(block: Block) -> list[tuple[int, int]]:
    """(start, end) of each raw line of a bullet item's block, after its first, that is a section's heading run into
    the item by a PDF's layer, no count of its own, before a line of its section ("• Turkish forces: 2" / "Victims who
    died due to torture" / "6 victims: 4 at the hands of ...", "• Civil Defense: 2, both killed by landmines" /
    "Governorates" / "Aleppo recorded 17 deaths, ..."; round 69c): it opens what follows it, none of the item's words."""
    if not regex("BulletItem").match(block.text):
        return []
    lines = row_lines(block.text, block.starts)
    return [(start, start + len(line)) for (start, line), _ in zip(lines[1:], lines[2:])
            if not has_count(line) and (regex("PlacesHeading").fullmatch(line.strip()) or heading_group(line)
                                        or (measure_of_text(line) is not None and len(line.split()) <= 8
                                            and regex("MeasureHeadingLine").fullmatch(line.strip())))]


def measure_heading_lines_after_rows(block: Block) -> list[tuple[int, int]]:
    """(start, end) of each raw line of ``block`` that is a measure's heading with no colon and no count, run on after a
    flattened row ending in its count and before a line it heads ("... Of which women 19" / "Deaths under torture" /
    "Government forces 143, ISIS 2, ..."; fx164ab: the list under it had been read as the civilian deaths), a list with no
    verb (never a whole sentence, "Massacres" / "SNHR documented 31 massacres ...", which names its own measure): a
    heading of its own, which sets the measure of what follows it, never a word of the list."""
    lines = row_lines(block.text, block.starts)
    return [(start, start + len(line)) for (_, row), (start, line), (_, after) in zip(lines, lines[1:], lines[2:])
            if regex("FlatRowEnd").search(row) and not has_count(line) and has_count(after)
            and not regex("StatementWithVerb").fullmatch(after.strip()) and is_measure_heading_after_row(row, line)]


def places_heading_lines(block: Block) -> list[tuple[int, int]]:
    """(start, end) of each raw line of ``block`` that is a heading of the breakdown by governorate, no count of its own,
    before a raw line that is a governorate's row ("Distribution of civilian victims by governorate" / "Idlib 287"):
    a heading run into the paragraph by a copy, which sets the measure of the rows after it; or before a line of
    governorates' items ("Distribution of victims by governorate" / "Aleppo: 812 civilians. Idlib: 301. ..."), or of
    rows run on by commas ("Aleppo 402, Homs 377, Hama 188"; fx154ab)."""
    lines = row_lines(block.text, block.starts)
    return [(start, start + len(line)) for (start, line), (_, after) in zip(lines, lines[1:])
            if regex("PlacesHeadingLine").fullmatch(line.strip()) and not has_count(line)
            and (is_labelled_row(after, colon=True) or is_labelled_item(after)
                 or is_labelled_row(re.split(r"[,;]", after)[0], colon=True))]


def with_flat_table_lines(block: Block) -> Block:
    """``block`` with each table flattened into a raw line (its rows perhaps run on over the lines after it) cut into
    lines of its own, at its header and at each row, each of the raw line it starts on; the raw lines' own starts
    inside the table's rows are no longer starts of lines."""
    starts = dict(zip(block.starts, block.lines))
    for start in block.starts:
        cuts = flat_table_cuts(block.text, start, set(block.starts)) if start in starts else []
        if cuts:
            starts = {s: line for s, line in starts.items() if not cuts[0] < s < cuts[-1]}
            starts.update({cut: block.line_at(cut) for cut in cuts[:-1]})
    kept = sorted(starts.items())
    return Block(block.text, block.md_heading, [s for s, _ in kept], [line for _, line in kept])


def table_rows(sentences: list[tuple[int, str]], block: Block, body_start: int) -> list[tuple[int, str]]:
    """The sentences of a block, with the rows of a table flattened to "<label> <number>" cells on their own lines
    ("The government army Civilians 1,011 Children 198 ..." / "Daesh Civilians 216 ...") read apart: a row's party
    is no party of the next row, nor of the sentence after the table; a line going on in lower case ("Syrian regime
    forces 27" / "civilians, including 5 children") goes on with the row's statement."""
    split: list[tuple[int, str]] = []
    for offset, sentence in sentences:
        start = offset
        for line_start in block.starts:
            at = line_start - body_start
            row = block.text[max(body_start, previous_start(block, line_start)):line_start]
            if start < at < offset + len(sentence) and regex("LabelledCellRow").search(row) \
                    and regex("RowEnd").search(row) and not goes_on(raw_line_at(block, line_start)):
                split.append((start, sentence[start - offset:at - offset]))
                start = at
        split.append((start, sentence[start - offset:]))
    return [(offset, s) for offset, s in split if s.strip()]


def lines_are_paragraphs(block: Block) -> bool:
    """Whether the raw lines of a block of several end sentences, two in three of them or more before its last (whose
    end is the block's): lines pasted one a paragraph (a web copy, perhaps under a title run into it), never a PDF's
    wrapped lines, which end a sentence only by chance."""
    ends = block.starts[1:]
    ended = sum(bool(regex("LineEndsSentence").search(block.text[start:end])) for start, end in zip(block.starts, ends))
    return bool(ends) and 3 * ended >= 2 * len(ends)


def opens_on_a_part_of_the_count_before(text: str) -> bool:
    """Whether the first count of ``text`` refers back to the victims of the statement before ("The forces of X killed
    12 of them, ...", "Of these, 40 were children"): a part of that count, of its period."""
    first = next(iter(find_numbers(text)), None)
    return first is not None and refers_back(text[:first.start], text[first.end:])


def is_before_the_release(period: str | None, source: Source) -> bool:
    """Whether a context ``period`` of a monthly release ends before the release's month."""
    return source.period == source.report and period is not None and is_period(period) \
        and period_span(period)[1] < period_span(source.period)[0]


def headlines(block: Block, body_start: int) -> list[tuple[int, str]]:
    """The headlines of a title block: a line that states a count of its own, after a line that stated one and ended,
    is a headline of its own ("PKK/YPG killed 9 civilians in Syria in February: Report" / "Syrian rights group
    documents 79 civilian deaths ..."): the first one's party is not the second's; a quoted headline ends at its
    closing quote; a subtitle ranking a party ("The Highest Toll Was at the Hands of X") is one of its own, whose
    party is none of the counts above it. A title wrapped over lines
    ("... 134 Women, and 30 Victims" / "Due to Torture", "... Including 203" / "Children, ...") stays one; a headline
    ending on the source it credits ("...: monitor") ends there, the deck after it is a piece of its own."""
    body = block.text[body_start:]
    cuts = [0] + [s - body_start for s in block.starts if 0 < s - body_start < len(body)] + [len(body)]
    pieces, start = [], 0
    for at, end in zip(cuts[1:-1], cuts[2:]):
        before, line = body[start:at], body[at:end]
        if has_count(before) and (has_count(line) and regex("HeadlineEnd").search(before)
                                  and not regex("DanglingEnd").search(before.rstrip())
                                  and (regex("HeadlineStart").match(line) or regex("TollSubtitleStart").match(line))
                                  or regex("QuotedHeadlineEnd").search(before)
                                  or regex("AttributedHeadlineEnd").search(before)
                                  or regex("RankingSubtitleStart").match(line)) or is_slogan(before, line) \
                or is_ranking_headline(before, line):
            pieces.append((start, before))
            start = at
    pieces.append((start, body[start:]))
    return pieces


def is_ranking_headline(before: str, line: str) -> bool:
    """Whether the title's lines ``before`` a headline are a headline ranking parties with no count of its own ("X, Y
    among top killers of Syrian civilians in 2021: Report" / "Over 1,200 civilians killed in Syria last year";
    round 104d): the ranked parties are not the next headline's count's."""
    return not has_count(before) and bool(regex("RankingHeadline").search(before)) and has_count(line)


def is_slogan(before: str, line: str) -> bool:
    """Whether the title's lines ``before`` a headline are a slogan apart from it ("Independent news from the Levant" /
    "Syria rights monitor: 118 civilians killed in March"): no count, month or year of their own, before a line
    that states a count; the headline's label is on its own line."""
    return not has_count(before) and not regex("PeriodWord").search(before) and has_count(line)


def previous_start(block: Block, line_start: int) -> int:
    """Where the raw line before the one starting at ``line_start`` starts."""
    return max((s for s in block.starts if s < line_start), default=0)


def title_copy(block: Block) -> Block:
    """A title block without its date prefix and with its months in title case, lines kept."""
    text = title_case_months(regex("DatePrefix").sub("", block.text))
    starts = [max(0, s - (len(block.text) - len(text))) for s in block.starts]
    return Block(without_date_label(text, starts), block.md_heading, starts, block.lines)


def without_title_date_label(block: Block) -> Block:
    """A body block that is a title line of counts ending in a date label ("Civilians 394 Killed in Syria in First Half
    of 2023, ..., and 27 Died Due to Torture - June 2023", a repost's title under its site's lines), its label blanked:
    the label dates the copy, never the title's last count (session 44); any other block as it is."""
    if len(block.starts) != 1 or not regex("DateLabelledTitleLine").fullmatch(block.text.strip()):
        return block
    return replace(block, text=without_date_label(block.text))


def title_blocks(blocks: list[Block]) -> list[Block]:
    """The leading blocks that form the title: no sentence ends in them, and no heading, date line, story after a
    news dateline, list of rows or block opening with a row of labelled cells ("Massacres: 5 | Deaths due to
    torture: 7") yet."""
    title = []
    for block in blocks:
        text = regex("DatePrefix").sub("", block.text)
        stop = regex("TitleStop").search(text)
        if stop and not any(has_count(b.text) for b in title) and names_its_period_before_colon(text, stop):
            stop = None
        if block.after_dateline or stop or is_date_line(text) or ROMAN_HEADING.match(text) \
                or regex("SentenceInBlock").search(text) or is_list_of_rows(block) \
                or is_labelled_cells_row(raw_line_at(block, 0)) or is_table_header_line(raw_line_at(block, 0)):
            break
        title.append(block)
    return title


def month_named_with_year(text: str, mention: PeriodMention) -> str | None:
    """The month ``mention`` names in ``text`` when it names it with its year ("January 2026"), else None."""
    named = regex("PeriodNamedMonth").fullmatch(text[mention.start:mention.end])
    return mention.period if mention.kind == "month" and named is not None and named.group("year") else None


def names_its_period_before_colon(text: str, stop: re.Match) -> bool:
    """Whether a cover line that stops a title only by its closing colon names the title's period and no count ("Civilian
    Death Toll in the First Half of 2015:" / "10,470 Civilians, Including ...", a PDF cover wrapped after the colon;
    round 118b): the title goes on in the counts below it, no list's introduction."""
    return not stop.group(0).strip(": \t") and not has_count(text) and title_month(title_case_months(text)) is not None


def is_table_header_line(line: str) -> bool:
    """Whether a raw line is a table's header ("| The party | Civilians | Children | Women |" under a Markdown
    headline; round 144c: a row whose label opened with "The" had let the table run on as the title's): no title's."""
    return bool(regex("TableHeader").fullmatch(line.strip()))


def is_list_of_rows(block: Block) -> bool:
    """Whether ``block`` holds two raw lines or more that are rows of a list: a party's or a governorate's count
    ("Syrian regime forces 1,142", "Idlib: 14") or a measure's ("Massacres: 24"), as an infographic's OCR runs them
    on without a full stop (round 27): a list, never a headline."""
    rows = [line for _, line in row_lines(block.text, block.starts)
            if is_labelled_row(line, colon=True) or is_measure_count_line(line)]
    return len(rows) >= _LIST_ROWS


_LIST_ROWS = 2


def title_text(blocks: list[Block]) -> str:
    """The title of a report, months in title case."""
    return " ".join(title_copy(block).text for block in title_blocks(blocks))


def ends_period_section(level: int, period_level: int) -> bool:
    """Whether a Markdown heading of ``level`` (0: no Markdown heading) naming no period ends the section of a period
    a Markdown heading of ``period_level`` opened: a heading of the same level or above."""
    return 0 < level <= period_level


def is_month_heading_within(period: str | None, release_period: str | None) -> bool:
    """Whether a heading's ``period`` is one month within the release's longer period (December 2019 in 2019)."""
    return bool(period and release_period) and is_period(period) and is_period(release_period) \
        and len(period) == 7 and period != release_period and contains(release_period, period)


def reaches_beyond(period: str, section_period: str | None) -> bool:
    """Whether a heading's ``period`` covers months beyond the period the section already has (the first half of 2020
    in a section of June 2020, not January 2018 in one of 2018; under a major heading, which sets none, no section has
    one): a section of its own, whose measure is no longer the one before."""
    return bool(section_period) and is_period(period) and is_period(section_period) \
        and not contains(section_period, period)


def is_period_only(text: str, periods: list) -> bool:
    """Whether a heading is one period and nothing else ("June 2017", "January - June 2017"): the heading of a
    section of its own, not a part of the measure's section before it."""
    return len(periods) == 1 and not text[:periods[0].start].strip(" .:-#") and not text[periods[0].end:].strip(" .:")


def heading_number(text: str) -> HeadingNumber | None:
    """The number of a heading ("3." of "3. Deaths Due to Torture", "B)" of "B) ..."); None for a heading of none."""
    match = regex("HeadingNumber").match(text)
    if match is None:
        return None
    if match.group("digits"):
        return HeadingNumber("digits" + match.group("separator"), int(match.group("digits")))
    return HeadingNumber("letter" + match.group("separator"), ord(match.group("letter")) - ord("A") + 1)


def ordinal_heading_number(text: str) -> HeadingNumber | None:
    """The place of an ordinal heading ("Second" of "Second: ISIS"), a number of its own kind; None for another."""
    match = regex("OrdinalHeadingNumber").match(text)
    return HeadingNumber("ordinal", words("OrdinalWord").index(match.group("ordinal")) + 1) if match else None


def is_major_heading(block: Block) -> bool:
    text = block.text.strip()
    return bool(ROMAN_HEADING.match(text) or (block.md_heading and regex("MajorHeadingNumber").match(text)))


def is_contents_entry(block: Block) -> bool:
    """A contents entry ending in its page number, glued or not ("IV. Death Toll of Victims Who Died Due to
    Torture8", "V. Recommendations 10"): neither a heading of what follows nor a count."""
    text = block.text.strip()
    return bool(ROMAN_HEADING.match(text) and regex("PageNumberEnd").search(regex("ItemPrefix").sub("", text)))


def combined_split_after(before: list[Figure], read: list[Figure], text: str) -> dict[int, Figure]:
    """The figures of the statement before (by ``id``) whose party is HTS by a combined label ("Extremist Islamist
    groups: 9 civilians, including one child"), renamed the combined group's when this statement splits their count
    into ISIS and HTS, referring back to it ("ISIS killed seven of them and Hay'at Tahrir al-Sham two"; round 37)."""
    named = [f for f in before if f.perpetrator == "hts" and regex("CombinedLabel").search(f.quote)]
    whole = next((f for f in named if f.victim_group == "all" and f.unit == "count"), None)
    parts = {f.perpetrator: f.value for f in read if whole is not None and f.victim_group == "all"
             and (f.measure, f.period, f.unit) == (whole.measure, whole.period, whole.unit)}
    if whole is None or set(parts) != {"isis", "hts"} or sum(parts.values()) != whole.value \
            or not regex("BackReferenceBefore").search(text):
        return {}
    return {id(f): replace(f, perpetrator="extremist_islamic_groups") for f in named}


def is_heading(block: Block) -> bool:
    """A heading or label line (no figure of its own): it sets the context for what follows."""
    text = regex("ItemPrefix").sub("", block.text).strip()
    if has_count(text) or states_share(text):
        return False  # (a line of shares of the deaths with no full stop is no heading: "Idlib 27%, Aleppo 22% of the
        # month's victims", a post's item; round 115d)
    item = regex("MeasureCountItem").fullmatch(raw_line_at(block, 0).strip())
    if item and is_measure_label(item.group("label"), colon=False):
        return False  # "- massacres 4": a count of its own, no heading of what follows
    given = regex("CountToPartyItem").fullmatch(text) if regex("ItemPrefix").match(block.text) else None
    if given and find_parties(given.group("label")):
        return False  # "- 98 to Syrian regime forces": a party's count, its label after it (session 43)
    looks_like_one = (is_major_heading(block) or block.md_heading or text.endswith(":")
                      or (not regex("EndsSentence").search(text) and len(text.split()) <= 14))
    if looks_like_one and ends_sentence_before_last_line(block):
        return False  # a paragraph run into a label line ("... caused most of the victims." / "Victims by party:")
    # a short item stating a zero is no heading ("- Coalition forces: none. SNHR recorded no deaths at their hands");
    # asked last: the zero patterns are the reader's costliest, and most blocks are paragraphs
    return looks_like_one and not states_zero(text)


def leaves_torture_section(measure: str | None, read: list[Figure]) -> bool:
    """Whether a statement under a heading of torture leaves its subject: it states counts, each of another measure
    than the section's and the toll's ("Deaths due to torture" / ... / "The report documents 132 massacres ... Among the
    victims were 48 medical personnel"), so a statement after it naming no measure ("Aleppo saw the highest toll (2,311
    civilians)") is the toll's, never the torture's."""
    return measure == "torture_deaths" and bool(read) \
        and all(f.measure not in ("torture_deaths", "civilian_deaths") for f in read)


def names_several_workers(heading: str) -> bool:
    """Whether a heading names the workers of several measures, perhaps with no noun ("Medical, media and Civil
    Defense"): each statement under it names its own."""
    return bool(regex("WorkersHeading").fullmatch(heading)) and len(regex("WorkerTopic").findall(heading)) > 1


def ends_sentence_before_last_line(block: Block) -> bool:
    """Whether a raw line of ``block`` before its last one ends a sentence: the block is a paragraph, whatever its
    last line (a label line ending in a colon) looks like."""
    return any(regex("EndsSentence").search(block.text[:start].rstrip()) for start in block.starts[1:])


@cached_by_text
def has_count(text: str) -> bool:
    """Whether a line states a number that counts something (not a year, date or page). (What follows the number is
    read first: most numbers of no noun need no count test.)"""
    return any((noun_of(text[m.end:])[0] or regex("PercentAfter").match(text[m.end:])) and is_count_number(text, m)
               for m in find_numbers(text))


def states_share(text: str) -> bool:
    """Whether a line states a percent of the deaths, its denominator named ("22% of the month's victims")."""
    return any(regex("ShareOfDeathsAfter").match(text[m.end:]) for m in find_numbers(text))


def statements_with_counts(text: str, describing: bool = False) -> list[str]:
    """The sentences of ``text`` that state a count (or, ``describing``, that describe the report: "published today
    its periodic report on the civilian death toll in the first half of 2018"), in order, narratives of one incident
    left out."""
    return [sentence for paragraph in text.split("\n\n") for _, sentence in split_sentences(" ".join(paragraph.split()))
            if (has_count(sentence) or describing and regex("ReportDescribed").search(sentence))
            and not is_incident_opening(sentence.strip())]


def is_incident_opening(sentence: str) -> bool:
    """Whether ``sentence`` opens the narrative of one incident ("On May 9, ..."), never the publisher's report on its
    day ("On June 1, 2020, SNHR released its monthly report ...")."""
    return matches_any("IncidentOpener", sentence) and not regex("PublisherOnItsDay").match(sentence)


def heading_group(heading: str) -> str | None:
    """The one victim group a section's heading names alone ("Children", "Women killed"), else None."""
    if not regex("GroupHeading").fullmatch(heading.strip()):
        return None
    found = [g for g, pattern in classes("SubjectGroup") if pattern.search(heading)]
    return found[0] if len(found) == 1 else None


def release_subject(title: list[Block], body: list[Block]) -> tuple[str, str] | None:
    """The (measure, victim group) of a release about one special group: the one its title names ("Six Media Workers
    Killed in Syria in April 2017", "38 women killed last month"), else the one its opening says it is a report on
    ("its annual report on the violations against children"); None for a release of the civilians at large, or of
    several subjects, or of massacres (whose breakdowns may count the massacres or their victims)."""
    titled = " ".join(title_copy(block).text for block in title)
    named = subject_of(titled) if regex("SubjectCounted").search(titled) else None
    if named is not None or not body:
        return named or None
    sentences = split_sentences(body[0].text)
    opening = regex("ReportOnSubject").search(sentences[0][1]) if sentences else None
    return (subject_of(opening.group("what")) or None) if opening else None


def subject_of(text: str) -> tuple[str, str] | None | bool:
    """The special group ``text`` names: (measure, group); False when it names the civilians at large or several; None
    when it names none."""
    if not text.strip():
        return None
    if regex("SubjectAtLarge").search(text):
        return False
    found = {(m, "all") for m in measures_named(text) if m in SECTION_MEASURES}
    found |= {("civilian_deaths", g) for g, pattern in classes("SubjectGroup") if pattern.search(text)}
    if measures_named(text) - SECTION_MEASURES or len(found) > 1:
        return False
    return found.pop() if found else None


def with_release_subject(figures: list[Figure], subject: tuple[str, str] | None, source: Source,
                         sections: dict[int, tuple[str, str]] | None = None) -> list[Figure]:
    """The breakdowns of a special group's release (by party or governorate) whose statement names no subject of its
    own ("Distribution by governorate: Homs 19, ...", "three of the victims were killed in Idlib", "HTS killed 14"),
    filed as that group's, not as all civilians'; one whose key the release states with another value is left out with
    a warning. ``sections``: the subject of the figures read under a heading naming a group ("Children" / "- ISIS:
    17"; by the figure's id), in place of the release's."""
    sections = sections or {}
    if subject is None and not sections:
        return figures
    subject_of_figure = lambda f: sections.get(id(f), subject)  # noqa: E731

    def refiled(f: Figure) -> bool:
        own = subject_of_figure(f)
        if own is None:
            return False
        measure, group = own
        # under a group's heading, its whole too where the statement names the group ("Children" / "The children killed
        # in May numbered 97:")
        named = id(f) in sections and any(g == group and p.search(f.quote) for g, p in classes("SubjectGroup"))
        return (f.measure == "civilian_deaths" and f.victim_group == "all" and f.unit == "count"
                and ((f.perpetrator, f.governorate) != ("all", "all") or named)
                and not regex("SubjectAtLarge").search(f.quote)
                and not measures_named(f.quote) - {measure})

    key = lambda f: (f.period, f.measure, f.victim_group, f.perpetrator, f.governorate, f.unit, f.share_of)  # noqa: E731
    moving = [refiled(f) for f in figures]
    stated: dict[tuple, set[float]] = {}
    for f, moves in zip(figures, moving):
        if not moves:
            stated.setdefault(key(f), set()).add(f.value)
    kept = []
    for f, moves in zip(figures, moving):
        if not moves:
            kept.append(f)
            continue
        measure, group = subject_of_figure(f)
        moved = replace(f, measure=measure, victim_group=group)
        values = stated.get(key(moved), set())
        if values and f.value not in values:
            warn_left_out(source, f.line, f.quote[:60], "release_subject")
        elif not values:
            kept.append(moved)
    return kept
