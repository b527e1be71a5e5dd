"""Clean report text -> figures: the third stage of the flow.

A report is read block by block (``snhr_data.clean``). The title and the headings set the context
-- the measure ("Deaths due to Torture"), the period ("B. in December 2023") and the party ("- Russian
forces:") -- that a statement can leave unsaid; ``snhr_data.statements`` reads each sentence within it.
Narrative sentences about a single incident ("On Sunday, December 3, ...") and sections that state no
figures of the report (recommendations, history, victims abroad) are left out. Afterwards exact repeats
are dropped and totals a report implies for one party only are added, with a note.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from .clean import ROMAN_HEADING, Block, clean_blocks
from .codes import FIGURE_COLUMNS
from .numbers import find_numbers
from .periods import DATE_LINE, find_periods, report_month
from .raw import SUPPORTED_SUFFIXES, ReportReadError, read_report
from .statements import (
    ITEM_PREFIX, PERCENT_AFTER, UNMAPPED, Context, Figure, SentenceReader, is_count_number, join_notes, matches_any,
    measure_of_text, noun_of, sections_vocab, split_sentences, title_case_months,
)
from .vocab import report_unmapped

__all__ = ["extract_figures", "extract_from_text", "report_month_of_text", "Figure", "TruncatedReportWarning"]


# --- the report reader ---------------------------------------------------------------------------

@dataclass
class ReportReader(SentenceReader):
    """Reads one report's blocks: headings set the context, sentences are read within it."""

    skipping: bool = False  # inside a section that states no figures of the report

    def read_heading(self, block: Block, major: bool) -> None:
        text = ITEM_PREFIX.sub("", block.text).rstrip(":").strip()
        if DATE_LINE.match(text):
            return  # the publication date, not a period of the figures
        skip = matches_any(sections_vocab()["skip_sections"], text)
        if major:
            self.skipping = skip
            self.section = Context()
        elif skip:
            self.skipping = True
        if self.skipping:
            return
        measure = measure_of_text(text)
        if measure:
            self.section.measure = measure
        periods = [p for p in find_periods(title_case_months(text), self.report) if p.period]
        if periods:
            self.section.period = periods[0].period
        parties = self.parties(text)
        self.section.party = parties[0].code if parties else None
        if not parties and UNKNOWN_PARTY_HEADING.search(text) and not NOT_A_PARTY_HEADING.search(text):
            self.section.party = UNMAPPED  # "C. Armed groups loyal to the former regime:": its figures are left out
            report_unmapped(f"{self.source_file}:{block.first_line}: unmapped perpetrator label {text!r} "
                            f"(add it to snhr_data/vocab/perpetrators.yaml); its figures are left out", self.strict)

    # sentences --------------------------------------------------------------------------------
    def read_block(self, block: Block, title: bool = False) -> None:
        block_ctx = Context()
        in_incident = False
        if block.text.lstrip().startswith(('"', "'")):
            return  # an eyewitness account, quoted
        prefix = ITEM_PREFIX.match(block.text)
        body_start = prefix.end() if prefix else 0
        body = block.text[body_start:]
        vocab = sections_vocab()
        for offset, sentence in [(0, body)] if title else split_sentences(body):
            text = sentence.strip()
            if matches_any(vocab["incident_openers"], text) or matches_any(vocab["abroad"], text):
                in_incident = True  # one incident, or deaths abroad: the rest of the paragraph is about it
                continue
            if in_incident and not matches_any(vocab["aggregate_openers"], text):
                continue
            if matches_any(vocab["skip_sentences"], text):
                continue
            start = body_start + offset
            self.read_sentence(sentence, lambda position, start=start: block.line_at(start + position), block_ctx, title)
        self.section.party = None  # a label heading ("- Russian forces:") names the party of the next block only


# a heading naming an actor ("forces", "groups", ...) that no vocabulary entry maps
UNKNOWN_PARTY_HEADING = re.compile(r"\b(?:forces|groups?|militias?|army|regime|government|factions?|brigades?|"
                                   r"units?|fighters|cells|remnants|security)\b", re.I)
NOT_A_PARTY_HEADING = re.compile(r"\b(?:main parties|other parties|death toll|deaths|civilian|victims|killings?|"
                                 r"massacres?|torture|registry|what is|conclusions?|recommendations?|methodology)\b", re.I)


# --- blocks and zones ------------------------------------------------------------------------------

TITLE_STOP = re.compile(
    r"founded in June 2011|^Contents\b|^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"^date \d{4}-\d{2}-\d{2}$",
    re.IGNORECASE,
)
DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+")


def title_blocks(blocks: list[Block]) -> list[Block]:
    """The leading blocks that form the title: no sentence ends in them, and no heading or date line yet."""
    title = []
    for block in blocks:
        text = DATE_PREFIX.sub("", block.text)
        if TITLE_STOP.search(text) or DATE_LINE.match(text) or ROMAN_HEADING.match(text) or re.search(r"[.!?]\s*$|[.!?]\s+[A-Z]", text):
            break
        title.append(block)
    return title


def is_major_heading(block: Block) -> bool:
    text = block.text.strip()
    return bool(ROMAN_HEADING.match(text) or (block.md_heading and re.match(r"^(?:[IVX]{1,5})\.\s", text)))


def is_heading(block: Block) -> bool:
    """A heading or label line (no figure of its own): it sets the context for what follows."""
    text = ITEM_PREFIX.sub("", block.text).strip()
    if has_count(text):
        return False
    if is_major_heading(block) or block.md_heading:
        return True
    words = len(text.split())
    if text.endswith(":"):
        return True
    if re.search(r"[.!?]$", text):
        return False
    return words <= 14


def has_count(text: str) -> bool:
    """Whether a line states a number that counts something (not a year, date or page)."""
    for mention in find_numbers(text):
        if is_count_number(text, mention) and (noun_of(text[mention.end:])[0] or PERCENT_AFTER.match(text[mention.end:])):
            return True
    return False


def report_month_of_text(text: str, source_file: str = "<text>") -> str:
    """The month a report covers, read from its title (or publication date); ReportReadError if none."""
    return _report_month(clean_blocks(text), text, source_file)


def _report_month(blocks: list[Block], text: str, source_file: str) -> str:
    title_text = title_case_months(" ".join(DATE_PREFIX.sub("", b.text) for b in title_blocks(blocks)))
    try:
        return report_month(title_text, text)
    except ValueError as err:
        raise ReportReadError(f"{source_file}: {err}") from err


def extract_from_text(text: str, source_file: str = "<text>", strict: bool = False) -> list[Figure]:
    """Every figure the report text states, in document order."""
    blocks = clean_blocks(text)
    if not blocks:
        raise ReportReadError(f"{source_file}: no report text")
    title = title_blocks(blocks)
    report = _report_month(blocks, text, source_file)
    reader = ReportReader(source_file, report, strict)
    reader.section.period = report
    for block in title:
        title_copy = Block(title_case_months(DATE_PREFIX.sub("", block.text)), block.md_heading, block.starts, block.lines)
        offset = len(block.text) - len(title_copy.text)
        title_copy.starts = [max(0, s - offset) for s in block.starts]
        reader.read_block(title_copy, title=True)
    for block in blocks[len(title):]:
        if is_heading(block):
            reader.read_heading(block, is_major_heading(block))
            continue
        if reader.skipping:
            continue
        reader.read_block(block)
    if not reader.figures:
        raise ReportReadError(f"{source_file}: no figures found; is this an SNHR death-toll report?")
    figures = reader.figures
    cut_line = truncation_line(blocks)
    if cut_line is not None:
        warnings.warn(f"{source_file}:{cut_line}: the text ends mid-sentence and may be truncated; "
                      f"figures stated on that last line are left out", TruncatedReportWarning, stacklevel=2)
        figures = [f for f in figures if f.line != cut_line]
    return add_implied_totals(dedupe(figures))


class TruncatedReportWarning(UserWarning):
    """A report whose text stops mid-sentence."""


def truncation_line(blocks: list[Block]) -> int | None:
    """The last raw line, if the text stops in the middle of a statement (on a number, or a long unfinished sentence)."""
    text = blocks[-1].text.rstrip()
    numbers = find_numbers(text)
    ends_on_count = (bool(numbers) and numbers[-1].end == len(text) and is_count_number(text, numbers[-1])
                     and bool(re.search(r"[A-Za-z]\s+$", text[: numbers[-1].start])))  # "to 7", not a table row "19 10"
    dangling = re.search(r"(?:,|\b(?:and|of|including|the|to|by|in|were|was|a|an|with))$", text, re.IGNORECASE)
    return blocks[-1].lines[-1] if ends_on_count or dangling else None


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


def add_implied_totals(figures: list[Figure]) -> list[Figure]:
    """A special-group count stated for one party only ("the killing of one medical worker at the hands of
    other parties") with no total also states the total: add it, noted as implied."""
    special = {"medical_personnel_deaths", "media_worker_deaths", "civil_defense_deaths"}
    added = []
    by_key: dict[tuple[str, str], list[Figure]] = {}
    for f in figures:
        if f.measure in special and f.unit == "count" and f.governorate == "all":
            by_key.setdefault((f.period, f.measure), []).append(f)
    for (period, measure), rows in by_key.items():
        parties = {r.perpetrator for r in rows}
        lines = {r.line for r in rows if r.perpetrator != "all"}
        if "all" in parties or len(parties) != 1 or len(lines) != 1:
            continue
        for row in rows:
            added.append(replace(row, perpetrator="all", note=join_notes(row.note, "implied total: the report states only this party")))
    return figures + added


def figures_frame(figures: list[Figure]) -> pd.DataFrame:
    frame = pd.DataFrame([f.__dict__ for f in figures], columns=FIGURE_COLUMNS)
    frame["value"] = frame["value"].astype("float64")
    frame["line"] = frame["line"].astype("int64")
    return frame


def extract_figures(source: str | Path, *, strict: bool = False, source_file: str | None = None) -> pd.DataFrame:
    """Every figure a report states, one row each, with provenance (file, line, quote).

    ``source`` is a path to a report (.txt, .md, .pdf, .html) or the report text itself. The report
    month and every period are read from the text, never from the file name. ``strict`` makes an
    unmapped party label an error instead of a warning.
    """
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and len(source) < 400
                                    and Path(source).suffix.lower() in SUPPORTED_SUFFIXES):
        report = read_report(source)
        text, name = report.text, source_file or report.source_file
    else:
        text, name = str(source), source_file or "<text>"
    return figures_frame(extract_from_text(text, name, strict))
