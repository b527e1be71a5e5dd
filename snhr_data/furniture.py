"""Page furniture: the text around a report that is not the report, removed before the reader sees it.

Web copies, reposts and PDF text layers carry site chrome ("Contact Us", share counters, photo
credits), a breadcrumb glued to the title ("HomeMonthly ReportsDeath Toll64 Civilians ..."), the title
twice (first cut short with "..."), a repost's site suffix ("... - May 2019 [EN/AR] - Syrian Arab
Republic | ReliefWeb"), tables of contents and a PDF's page footers and headers pasted as text ("The Syrian Network
for Human Rights 2", "SNHR - Annual Report 2015"), whose page numbers would read as counts. The words and
shapes are data (``vocab/furniture.yaml``); this module applies them line by line, so that every kept
line keeps its raw line number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from typing import Sequence

import yaml

from .grammar import regex
from .pattern_cache import compiled
from .paths import VOCAB_DIR
from .vocab import find_governorates, find_parties

FURNITURE_FILE = VOCAB_DIR / "furniture.yaml"
FURNITURE_KEYS = {"chrome_lines", "breadcrumb", "repost_suffix", "cut_title", "cut_title_window", "contents", "lone_number",
                  "date_prefixes", "related", "chrome_separator", "chrome_counter", "running_lines", "written_date", "numeric_dates",
                  "numeric_date_before", "dateline", "publisher", "address", "page_header",
                  "glued_footer", "other_script", "chat_prefix", "pictograph", "section", "photo_credit", "caption_agency",
                  "comments_heading"}
RELATED_KEYS = {"heading", "title_words", "sentence_end"}
# a table-of-contents entry: a heading ending in its page number, after dot leaders, a tab, a dash ("Second:
# Methodology - 3"), or glued to a "?" or to its last word ("Summary of the Death Toll3": a PDF text layer drops
# the gap), or to a year its heading ends in ("The Death Toll of Civilian Victims in 20204": 2020, page 4; round 45)
TOC_ENTRY = re.compile(r"(?:(?:\.{2,}|\t|[\w),'?:]\s|[A-Za-z)]\s+[-–—])\s*\.?\s*|\?|[A-Za-z)]|(?<=\s)(?:19|20)\d\d)"
                       r"(?P<page>\d{1,3})\s*$")
# a page number at a line's start or end, after a bar or a dash, or after "page" or "p." ("... | 6", "... page 2 of 9",
# "Monthly report - March 2020 - p. 3"; fx131d)
PAGE_AT_EDGE = re.compile(r"^\s*(?:page\s+)?(?P<start>\d{1,3})\s+[-|]\s|(?:\s[-|]\s+(?:page\s+|p\.\s*)?|\s(?:page\s+|p\.\s*))"
                          r"(?P<end>\d{1,3})(?:\s*(?:/|of)\s*\d{1,3})?\s*$", re.I)
# a page number after the year a running header ends in, a space between them ("SNHR's monthly report, May 2018 7";
# round 141b): taken for one only on a line of three words or more printed again with the number going up
PAGE_AFTER_YEAR = re.compile(r"[A-Za-z,]\s+(?:19|20)\d\d\s+(?P<end>\d{1,3})\s*$")
# ... or after the last word of a running footer that names its month and year before it, no other number on the line
# ("February 2018 - Civilian Death Toll Report 3"; round 144b: its page number had been the regime's toll of the chart
# whose labels stood above it)
PAGE_AFTER_TITLE = re.compile(r"^[^\d]*\b(?:19|20)\d\d\b[^\d]*[A-Za-z]\s+(?P<end>\d{1,3})\s*$")
# a running footer's page number at its end, perhaps after a separator or "page", perhaps with the pages' count
PAGE_AT_END = re.compile(r"\s*(?:[-|]\s*)?(?:page\s+|p\.\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\s*$", re.I)
# a contents entry is a heading, and the second line of a wrapped one its last few words: a full line of prose
# ending in a number ("In March 2023, we recorded ... as well as 21") is no entry
CONTENTS_ENTRY_WORDS, WRAPPED_ENTRY_WORDS = 20, 8
CELL_BREAK = re.compile(r"\t|\s*\.{4,}\s*")  # what parts a row's label from its count: a tab, a dotted leader
ROW_BULLET = re.compile(r"^\s*[-–—•*]\s+")
TOC_GLUED = re.compile(r"\?\d{1,3}\s*$|\.{4,}\s*\d{1,3}\s*$")
# a page number alone on its line ("7", "Page 7", "7 of 12")
# (or between two dashes, "- 3 -", "— 12 —": a PDF's footer; round 137b: not taken for one, the page's footnotes
# above it ("1 Children: every person under ...") were read as counts, their markers glued to "children1")
PAGE_NUMBER_LINE = re.compile(r"\s*(?:(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—])\s*", re.I)
# a page number alone, as a running header's or footer's neighbour line; such a header is no longer than this
PAGE_ALONE = re.compile(r"\d{1,3}")
RUNNING_LINE_WORDS = 12
PULL_QUOTE = re.compile(r"[\"“][^\"“”]+[\"”]")  # a line that is all one quotation
# a raw line that is one markup element whole, opened and closed on it ("<ttl>60</ttl>", "<slash:comments>0
# </slash:comments>", a feed's fields; round 96d): its text is a field's value, never the end of the line before it
ELEMENT_LINE = re.compile(r"\s*<(?P<tag>[a-z][\w:.-]*)\b[^<>]*>[^<>]*</(?P=tag)\s*>\s*", re.I)
# a caption's words in lower case, as a sentence has them and a title in capitals does not: the fewest and their shape
CAPTION_WORDS, CAPTION_WORD = 2, re.compile(r"\b[a-z]{5,}\b")
AXIS_TICKS = 3  # the fewest numbers of a chart's axis
# a footnote's text at a page's foot: its marker, a superscript or a number, then a sentence ("¹ Deaths due to ...",
# "1 SNHR counts as a child ...")
# "1 SNHR counts as a child ...", "2 A separate group reported ..." (a one-letter word opening it; round 74d), "3 UN
# OCHA, flash update ..." (another body's name in capitals, two acronyms: no party's count opens so; fx131d)
# a numbered section's heading ("IV. Massacres", "V. Deaths Due to Torture"): a new section of the report
SECTION_HEADING = re.compile(r"^\s*[IVX]{1,5}\.\s+[A-Z]")
FOOTNOTE_LINE = re.compile(r"^\s*(?P<marker>[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2})\s+(?=[A-Z][a-z]|[AI]\s+[a-z]|SNHR\b|[A-Z]{2,}\s+[A-Z]{2,}\b)")
SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


class FurnitureVocabError(ValueError):
    """``vocab/furniture.yaml`` is malformed (an unknown key, a pattern that does not compile)."""


@dataclass(frozen=True)
class Furniture:
    chrome: re.Pattern[str]
    breadcrumb_start: re.Pattern[str]
    breadcrumb_segment: re.Pattern[str]
    breadcrumb_trail: re.Pattern[str]
    repost_suffix: re.Pattern[str]
    cut_title: re.Pattern[str]
    cut_title_window: int
    contents: re.Pattern[str]
    lone_number: re.Pattern[str]
    date_prefix: re.Pattern[str]
    dateline: re.Pattern[str]
    chrome_separator: re.Pattern[str]
    chrome_counter: re.Pattern[str]
    running_line: re.Pattern[str]
    page_header: re.Pattern[str]
    glued_footer: re.Pattern[str]
    numeric_dates: tuple[re.Pattern[str], ...]
    other_script: re.Pattern[str]
    chat_prefix: re.Pattern[str]
    numeric_date_line: re.Pattern[str]
    related_heading: re.Pattern[str]
    related_prefix: re.Pattern[str]
    related_kicker: re.Pattern[str]
    related_title_words: int
    sentence_end: re.Pattern[str]
    pictographs: re.Pattern[str]
    trailing_pictographs: re.Pattern[str]
    photo_credit: re.Pattern[str]
    caption_agency: re.Pattern[str]
    written_date: re.Pattern[str]
    comments_heading: re.Pattern[str]


def _listed(patterns: str | Sequence[str]) -> list[str]:
    return [patterns] if isinstance(patterns, str) else list(patterns)


def _compiled(key: str, patterns: str | Sequence[str], template: str = "(?:{})") -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``patterns``; FurnitureVocabError naming the bad one."""
    patterns = _listed(patterns)
    for pattern in patterns:
        try:
            compiled(pattern)
        except (re.error, TypeError) as err:
            raise FurnitureVocabError(f"{FURNITURE_FILE}: {key}: pattern {pattern!r} does not compile ({err})") from err
    return compiled(template.format("|".join(f"(?:{p})" for p in patterns)), re.IGNORECASE)


def parse_furniture(data: object) -> Furniture:
    """The furniture vocabulary from the YAML mapping ``data``, checked: known keys only, patterns that compile."""
    if not isinstance(data, dict):
        raise FurnitureVocabError(f"{FURNITURE_FILE}: expected a mapping of {', '.join(sorted(FURNITURE_KEYS))}")
    unknown, missing = set(data) - FURNITURE_KEYS, FURNITURE_KEYS - set(data)
    if unknown or missing:
        raise FurnitureVocabError(f"{FURNITURE_FILE}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    crumb = data["breadcrumb"]
    if not isinstance(crumb, dict) or set(crumb) != {"start", "segments"}:
        raise FurnitureVocabError(f"{FURNITURE_FILE}: breadcrumb must have exactly the keys start and segments")
    related = data["related"]
    if not isinstance(related, dict) or set(related) != RELATED_KEYS:
        raise FurnitureVocabError(f"{FURNITURE_FILE}: related must have exactly the keys {', '.join(sorted(RELATED_KEYS))}")
    window = _positive(data["cut_title_window"], "cut_title_window")
    return Furniture(
        chrome=_compiled("chrome_lines", [_with_parts(p, data) for p in _listed(data["chrome_lines"])]),
        # each perhaps with its spaced separator after it ("Home > Press Releases > 1,836 Civilians Killed ...")
        breadcrumb_start=_compiled("breadcrumb.start", crumb["start"], r"^\s*(?:{})(?:\s*[»›>]\s*)?(?-i:(?=[A-Z]))"),
        breadcrumb_segment=_compiled("breadcrumb.segments", crumb["segments"],
                                     r"^(?:{})(?:\s*[»›>]\s*)?(?-i:(?=[A-Z0-9]))"),
        breadcrumb_trail=_compiled("breadcrumb.segments", crumb["segments"], r"(?:(?:{})\s*)+"),
        repost_suffix=_compiled("repost_suffix", data["repost_suffix"], r"(?:{})+\s*$"),
        cut_title=_compiled("cut_title", data["cut_title"], r"\s*(?:{})\s*$"),
        cut_title_window=window,
        contents=_compiled("contents", data["contents"]),
        lone_number=_compiled("lone_number", data["lone_number"]),
        date_prefix=_compiled("date_prefixes", data["date_prefixes"], r"^\s*(?:{})\s+(?=\d{{1,2}} \w+ \d{{4}}\s*$|\w+ \d{{1,2}}, \d{{4}}\s*$)"),
        dateline=_compiled("dateline", data["dateline"], r"^\s*(?:{})"),
        chrome_separator=_compiled("chrome_separator", data["chrome_separator"]),
        chrome_counter=_compiled("chrome_counter", data["chrome_counter"]),
        running_line=_compiled("running_lines", [_with_parts(p, data) for p in _listed(data["running_lines"])]),
        page_header=_compiled("page_header", _with_parts(data["page_header"], data)),
        glued_footer=_compiled("glued_footer", [_with_parts(p, data) for p in _listed(data["glued_footer"])]),
        other_script=_compiled("other_script", data["other_script"]),
        chat_prefix=_compiled("chat_prefix", data["chat_prefix"], r"^\s*(?:{})\s*[\u200e\u200f]*"),
        numeric_dates=tuple(_compiled("numeric_dates", p, r"(?<![\d.,/-])(?:{})(?![\d/-]|[.,]\d)")
                            for p in _listed(data["numeric_dates"])),
        numeric_date_line=_compiled("numeric_date_before", data["numeric_date_before"], r"\s*(?:(?:{})\s+)?(?P<date>\S+)\s*"),
        # (?!\w), not \b: a heading may end on a menu's arrow ("Most relevant comments ▾"; round 68a)
        related_heading=_compiled("related.heading", related["heading"], r"\s*(?:{})(?!\w)\s*:?\s*"),
        related_prefix=_compiled("related.heading", related["heading"], r"\s*(?:{})\s*[:\-|]\s+(?=\S)"),
        related_kicker=_compiled("related.heading", related["heading"], r"\s*(?:{})\s+(?=\S)"),
        related_title_words=_positive(related["title_words"], "related.title_words"),
        sentence_end=_compiled("related.sentence_end", related["sentence_end"], r"(?:{})\s*$"),
        pictographs=_compiled("pictograph", data["pictograph"], r"^\s*(?:(?:{})\s*)+"),
        trailing_pictographs=_compiled("pictograph", data["pictograph"], r"(?<=\S)(?:\s*(?:{}))+\s*$"),
        photo_credit=_compiled("photo_credit", data["photo_credit"]),
        caption_agency=_compiled("caption_agency", data["caption_agency"]),
        written_date=_compiled("written_date", data["written_date"]),
        comments_heading=_compiled("comments_heading", data["comments_heading"], r"\s*(?:{})\s*"),
    )


def _with_parts(pattern: str, data: dict) -> str:
    """``pattern`` with the parts it names filled in: ``{date}`` (``written_date``), ``{publisher}``, ``{address}``,
    ``{pictograph}``, ``{section}``."""
    publisher = str(data["publisher"]).replace("{address}", f"(?:{data['address']})")
    return (pattern.replace("{date}", f"(?:{data['written_date']})").replace("{publisher}", f"(?:{publisher})")
            .replace("{address}", f"(?:{data['address']})").replace("{pictograph}", f"(?:{data['pictograph']})")
            .replace("{section}", f"(?:{data['section']})"))


def _positive(value: object, key: str) -> int:
    if not isinstance(value, int) or value < 1:
        raise FurnitureVocabError(f"{FURNITURE_FILE}: {key} must be a positive integer")
    return value


@lru_cache(maxsize=None)
def furniture() -> Furniture:
    with open(FURNITURE_FILE, encoding="utf-8") as handle:
        return parse_furniture(yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


# ---------------------------------------------------------------- one line

def is_chrome(line: str) -> bool:
    """A whole line of site chrome: navigation, counters, captions and credits, a running header or footer;
    or pieces of chrome joined by a separator ("Read the full report · Share: 31"), perhaps with bare counters
    ("Share on Facebook · Share on Twitter · 0 · 14")."""
    vocab = furniture()
    if vocab.running_line.fullmatch(line.strip()):
        return True
    if vocab.chrome.fullmatch(line.strip()):
        return True  # before the pictographs are cut: a counter's pictograph is its label ("👍 57")
    pieces = [piece.strip() for piece in vocab.chrome_separator.split(without_pictographs(line).strip())]
    worded = [piece for piece in pieces if len(pieces) == 1 or not vocab.chrome_counter.fullmatch(piece)]
    return bool(worded) and all(vocab.chrome.fullmatch(piece) for piece in worded)


def without_pictographs(line: str) -> str:
    """``line`` without the emoji it starts or ends with ("📎 Previous post: ..." -> "Previous post: ...", "...,
    Idlib 82 📍" -> "..., Idlib 82": a post's decoration, which would keep a list from ending with its line)."""
    return furniture().trailing_pictographs.sub("", furniture().pictographs.sub("", line, count=1))


def starts_with_pictograph(line: str) -> bool:
    """Whether ``line`` opens with an emoji ("📌 ...", "⛓ ...")."""
    return bool(furniture().pictographs.match(line))


def is_other_language(line: str) -> bool:
    """Whether ``line`` is written mostly in a script the reader does not read (Arabic: more of its letters than
    Latin ones): a bilingual page's translation of a line near it, repeating its figures, never figures of its own."""
    other = len(furniture().other_script.findall(line))
    return other > 0 and other > len(re.findall(r"[A-Za-z]", line))


def with_numeric_dates(line: str) -> str | None:
    """``line`` with its dates written in digits read as dates: a line holding only one is dropped (None); in a
    sentence, the date's separators become "/", which no count has ("On 2.07.2023, ..." -> "On 2/07/2023, ...")."""
    vocab = furniture()
    alone = vocab.numeric_date_line.fullmatch(line)
    if alone and any(form.fullmatch(alone.group("date")) for form in vocab.numeric_dates):
        return None
    for form in vocab.numeric_dates:
        line = form.sub(lambda found: re.sub(r"[-.]", "/", found.group(0)), line)
    return line


def without_breadcrumb(line: str) -> str:
    """``line`` without a navigation trail glued to its start ("HomeMonthly ReportsDeath Toll64 ..." -> "64 ...",
    "Monthly reportsSNHR: 1,146 ..." -> "SNHR: 1,146 ...")."""
    vocab = furniture()
    start = vocab.breadcrumb_start.match(line)
    rest = line[start.end():] if start else line.lstrip()
    if not start and not vocab.breadcrumb_segment.match(rest):
        return line
    cut = 0
    while (segment := vocab.breadcrumb_segment.match(rest)) and segment.end() < len(rest):
        rest, cut = rest[segment.end():], cut + 1
    return rest if start or cut > 1 or rest[:1].isupper() else line  # without "Home", one segment glued to a word
    # ("Death Toll3": a contents entry's page number stays); two glued segments are a trail ("Monthly ReportsDeath
    # Toll117 Civilians ...", round 13)


def without_chat_prefix(line: str) -> str:
    """``line`` without the sender and time a chat export puts before each message ("[02/02/2025, 10:41:32] Rami K: ")."""
    return furniture().chat_prefix.sub("", line, count=1)


def without_repost_suffix(line: str) -> str:
    """A repost's title line without the site's name ("... - May 2019 [EN/AR] - Syrian Arab Republic | ReliefWeb")."""
    return furniture().repost_suffix.sub("", line)


@lru_cache(maxsize=8192)  # the same lines come back whenever a report is read again
def without_line_furniture(line: str) -> str | None:
    """``line`` without the furniture it holds by itself (emoji before it, a breadcrumb, a repost suffix, "Posted" before
    a date, a news dateline before a sentence, a page footer glued to its end), or None if it is all furniture (chrome, a breadcrumb before a title cut short,
    a dateline's place alone)."""
    line = without_chat_prefix(line)
    if is_chrome(line) or is_other_language(line) or is_axis_ticks(line):
        return None
    line = without_pictographs(line)  # a post's emoji before a line is no word of it ("⛓ Of the 12 victims ...")
    line = with_numeric_dates(line)
    if line is None:
        return None
    rest = without_breadcrumb(line)
    if rest != line and (furniture().breadcrumb_trail.fullmatch(rest.strip()) or furniture().cut_title.search(rest)):
        return None  # all trail ("HomeReportsPeriodic Reports"), or a trail before a title cut short
    rest = furniture().date_prefix.sub("", without_repost_suffix(furniture().glued_footer.sub("", rest)))
    after_dateline = furniture().dateline.sub("", rest)
    return None if rest.strip() and not after_dateline.strip() else after_dateline


# ---------------------------------------------------------------- lines in context

def is_cut_title(lines: Sequence[str | None], index: int) -> bool:
    """Whether line ``index`` ends in "..." and a line nearby, later or earlier, starts with its words (the title,
    twice: the full one after the cut teaser, or before it)."""
    vocab = furniture()
    line = lines[index] or ""
    cut = vocab.cut_title.search(line)
    stem = line[: cut.start()].strip() if cut else ""
    if len(stem.split()) < 3:
        return False
    later = islice((text.strip() for text in lines[index + 1:] if text and text.strip()), vocab.cut_title_window)
    earlier = islice((text.strip() for text in reversed(lines[:index]) if text and text.strip()),
                     vocab.cut_title_window)
    return any(text.casefold().startswith(stem.casefold()) and len(text) > len(stem) for text in chain(later, earlier))


def page_number(line: str) -> int | None:
    """The page number a table-of-contents entry ends in, or None if ``line`` is no entry."""
    found = TOC_ENTRY.search(line.strip())
    return int(found.group("page")) if found else None


def entry_at(lines: Sequence[str | None], index: int) -> tuple[int | None, int]:
    """(page number, lines taken) of the table-of-contents entry starting at line ``index``: one line ending in
    its page number, or a heading wrapped onto a second line that does; (None, 1) if there is none."""
    text = (lines[index] or "").strip()
    if regex("CountCutAtLineEnd").search(text):
        return None, 1  # prose cut after a count, after the contents ("..., including 57" / "children and ..."; round 118b)
    page = page_number(text) if len(text.split()) <= CONTENTS_ENTRY_WORDS else None
    if page is not None:
        return page, 1
    rest = (lines[index + 1] or "").strip() if index + 1 < len(lines) else ""
    if rest and not re.search(r"[.!?;]$", text) and len(rest.split()) <= WRAPPED_ENTRY_WORDS:
        return page_number(rest), 2
    return None, 1


def contents_entries(lines: Sequence[str | None]) -> set[int]:
    """Indices of table-of-contents entries: the lines after a "Contents" line that end in a page number
    (an entry may wrap onto a second line; page numbers never go down) with the "Contents" line itself when
    it has entries (left alone, it would open a section of no figures up to the next major heading), and
    anywhere, lines whose page number is glued to a "?" or follows dot leaders."""
    entries = {i for i, line in enumerate(lines) if line and TOC_GLUED.search(line) and not is_named_row(line)}
    vocab = furniture()
    for start, line in enumerate(lines):
        if line is None or not vocab.contents.fullmatch(line.strip()):
            continue
        i, last_page = start + 1, 0
        while i < len(lines):
            if not (lines[i] or "").strip():
                i += 1
                continue
            page, width = entry_at(lines, i)
            if page is None or page < last_page:
                break
            entries |= set(range(start, i + width))
            i, last_page = i + width, page
        if not last_page:
            entries |= set(unpaged_entries(lines, start))
    return entries


def unpaged_entries(lines: Sequence[str | None], start: int) -> range:
    """The lines of a table of contents of no page numbers, with the "Contents" line at ``start``: the short lines after it
    up to the first that repeats one of them (the body opening on the first entry's heading again; round 57), or, when
    they are two or more numbered headings ("I. Introduction and Methodology" / ... / "V. Conclusions"), up to the
    first sentence or long line (the body opening on its prose, round 70a: left in, the last entry opened a section
    of recommendations that skipped the whole body), or up to a date or the first sentence when the body after it
    repeats an entry as a heading of its own ("Contents:" / "Extrajudicial killing" / ... / "Recommendations" /
    "February 5, 2025" / <a paragraph> / "Extrajudicial killing" / ...; round 97c). Empty when a sentence or a long line
    comes first, or no line repeats an entry among unnumbered ones: no entries are told from the body then."""
    seen: set[str] = set()
    numbered = True
    for i in range(start + 1, len(lines)):
        text = (lines[i] or "").strip()
        if not text:
            continue
        if text.casefold() in seen:
            return range(start, i) if len(seen) > 1 else range(0)
        if len(text.split()) > CONTENTS_ENTRY_WORDS or re.search(r"[.!?;:]$", text) \
                or furniture().written_date.fullmatch(text):
            told = numbered or any((line or "").strip().casefold() in seen for line in lines[i + 1:])
            return range(start, i) if told and len(seen) > 1 else range(0)
        numbered = numbered and bool(regex("MajorHeadingNumber").match(text) or regex("HeadingNumber").match(text))
        seen.add(text.casefold())
    return range(0)


def is_named_row(line: str) -> bool:
    """A row of tab-separated cells, or of a label and its count joined by a dotted leader, whose label is one
    governorate or party ("Aleppo\t44", a two-column table of an HTML page; "— Homs ........ 188", round 18): no
    contents entry, though it ends in a tab or dots and a number as one does."""
    label = ROW_BULLET.sub("", CELL_BREAK.split(line)[0]).strip()
    found = find_governorates(label) or find_parties(label)
    return len(found) == 1 and found[0].start == 0 and not label[found[0].end:].strip()


def is_lone_number(lines: Sequence[str | None], index: int, raw: Sequence[str] | None = None) -> bool:
    """Whether line ``index`` holds only a number that does not continue the sentence of the line before it: after
    a blank line or a sentence's end, or one of two such lines or more in a row (a chart's values as a block of their
    own, after the block of its labels; round 30): a sentence wraps before one number, never before two; nor into a
    markup element of its own line (``ELEMENT_LINE``; the ``raw`` lines')."""
    vocab = furniture()
    if not vocab.lone_number.fullmatch((lines[index] or "").strip()):
        return False
    if raw is not None and ELEMENT_LINE.fullmatch(raw[index]):
        return True
    before = (lines[index - 1] or "").strip() if index else ""
    after = (lines[index + 1] or "").strip() if index + 1 < len(lines) else ""
    return (not before or bool(re.search(r"[.!?:]$", before)) or bool(vocab.lone_number.fullmatch(before))
            or bool(vocab.lone_number.fullmatch(after)))


def is_axis_ticks(line: str) -> bool:
    """Whether ``line`` is a chart's axis: three numbers or more and nothing else, going up by one step ("0      4000
    8000      12000      16000"; round 30), or three months' names or more and nothing else: no count, no period."""
    if regex("AxisMonthsLine").fullmatch(line):
        return True  # ... or its months alone ("Jan Feb Mar Apr May Jun ..."; round 118b)
    ticks = [int(tick) for tick in re.findall(r"\d+", line)]
    steps = {after - before for before, after in zip(ticks, ticks[1:])}
    return (len(ticks) >= AXIS_TICKS and bool(re.fullmatch(r"\s*\d+(?:\s+\d+)+\s*", line)) and len(steps) == 1
            and steps.pop() > 0)


def is_title_like(line: str) -> bool:
    """A line that may be a link to a report: short, and not ending like a sentence (a date, a title)."""
    vocab = furniture()
    return len(line.split()) <= vocab.related_title_words and not vocab.sentence_end.search(line)


def starts_related_list(heading: str) -> bool:
    """Whether an HTML heading starts a list of links to other reports ("Related reports", "Most read")."""
    return bool(furniture().related_heading.match(heading))


def related_links(lines: Sequence[str], kept: Sequence[str | None]) -> set[int]:
    """Indices of lists of links to other reports: a related heading (``lines``: before chrome was dropped) with
    the title-like lines after it (``kept``: without line furniture), and a heading with a title on its line
    ("Read also: 81 Civilians Killed in ...")."""
    vocab = furniture()
    links: set[int] = set()
    for start, line in enumerate(map(without_pictographs, lines)):
        inline = vocab.related_prefix.match(line)
        if inline and is_title_like(line[inline.end():]):
            links.add(start)
        # ... or set off in capitals with no colon ("RELATED  Shelling kills 9 in Idlib", a news site's kicker)
        kicker = vocab.related_kicker.match(line)
        if kicker and kicker.group().strip().isupper() and is_title_like(line[kicker.end():]):
            links.add(start)
        if not vocab.related_heading.fullmatch(line):
            continue
        links.add(start)
        for i in range(start + 1, len(lines)):
            text = (kept[i] or "").strip()
            if text and not is_title_like(text):
                break
            if text:
                links.add(i)
    return links


# a paragraph of an article that states a count: a number, then a full stop later on the line
COUNTED_PARAGRAPH = re.compile(r"\d[^.!?]*[.!?](?:\s|$)")


def comment_lines(lines: Sequence[str]) -> set[int]:
    """Indices of the lines of readers' comments: from a comments heading on a line of its own ("Comments (2)") to the
    text's end, when a paragraph of the article before it stated a count (a share bar's "Comments (0)" above the
    article heads none)."""
    vocab = furniture()
    counted = False
    for index, line in enumerate(map(without_pictographs, lines)):
        if counted and vocab.comments_heading.fullmatch(line):
            return set(range(index, len(lines)))
        counted = counted or bool(COUNTED_PARAGRAPH.search(line))
    return set()


def page_counted_lines(lines: Sequence[str | None]) -> set[int]:
    """Indices of short lines repeated with a page number at one end that goes up each time: the running header or
    footer of a PDF pasted as text ("Monthly report | 6", ..., "Monthly report | 7"; an excerpt skips pages: "... | 3",
    "... | 5", "... | 20")."""
    repeated: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        page = PAGE_AT_EDGE.search(line or "") or (len((line or "").split()) >= 4 and (
            PAGE_AFTER_YEAR.search(line) or PAGE_AFTER_TITLE.search(line)))
        if page and len(line.split()) <= 12:
            key = re.sub(r"\d+", "#", " ".join(line.split()).casefold())
            repeated.setdefault(key, []).append((i, int(page.groupdict().get("start") or page.group("end"))))
    found: set[int] = set()
    for occurrences in repeated.values():
        pages = [page for _, page in occurrences]
        if len(pages) >= 2 and all(after > before for before, after in zip(pages, pages[1:])):
            found |= {i for i, _ in occurrences}
    return found


def pull_quotes(lines: Sequence[str | None]) -> set[int]:
    """Indices of a page's pull quotes: a line that is all a quotation ("“96 civilians, 17 of them children”"), set
    inside a sentence that the line before leaves open and the line after goes on with in lower case (a news page's
    columns as a text layer; round 30). Left in, its numbers would be read as the sentence's."""
    filled = [i for i, line in enumerate(lines) if line and line.strip()]
    return {i for before, i, after in zip(filled, filled[1:], filled[2:])
            if PULL_QUOTE.fullmatch(lines[i].strip()) and not re.search(r"[.!?:;]\W*$", lines[before].strip())
            and lines[after].strip()[:1].islower()}


def photo_captions(lines: Sequence[str | None], raw: Sequence[str | None] | None = None) -> set[int]:
    """Indices of a photo's caption: the line just before its credit ("A volunteer searches the rubble in Raqqa, June
    2017" / "Credit: (AFP)"), in sentence case (no title) and stating no number but a date's. Left in, it would be
    read as a line of the title, its month the report's period (round 38). So is a line ending in a news agency's
    credit in capitals after its full stop ("... in Aleppo, October 18, 2016. REUTERS"; round 134a) when the words
    before it read as a caption; and a line in italics right after a markdown image's line ("![Douma](...)" / "*Civil
    Defense members search the rubble of a building in Douma, April 2018*"; fx166cd), as the ``raw`` lines have them
    (cleaned, the image and the italics are gone)."""
    filled = [i for i, line in enumerate(lines) if line and line.strip()]
    raw = raw or lines
    marked = [i for i, line in enumerate(raw) if line and line.strip()]
    return {i for i, after in zip(filled, filled[1:])
            if furniture().photo_credit.fullmatch(lines[after].strip()) and is_caption(lines[i])} \
        | {i for i in filled if (credit := furniture().caption_agency.search(lines[i]))
           and is_caption(lines[i][:credit.start()])} \
        | {after for i, after in zip(marked, marked[1:])
           if regex("MarkdownImageLine").fullmatch(raw[i]) and regex("ItalicLine").fullmatch(raw[after])
           and is_caption(raw[after])}


def is_caption(line: str) -> bool:
    """Whether ``line`` reads as a photo's caption: words in lower case as a sentence has them ("searches the rubble"),
    not a title's capitals, and no number but a date's, nor a zero in words ("No civilian deaths ... in December.")."""
    undated = furniture().written_date.sub("", line)
    return len(CAPTION_WORD.findall(undated)) >= CAPTION_WORDS and not re.search(r"\d", undated) \
        and not regex("CaptionZero").search(undated)


def unnumbered_running_lines(lines: Sequence[str | None], footers: set[int]) -> set[int]:
    """Indices of the running ``footers``' label printed again without its page number after the first of them: the
    page's header ("SNHR – Death Toll – First Half of 2016   page 3" / "SNHR – Death Toll – First Half of 2016", round
    30). Before the first footer the label may be the title: kept."""
    if not footers:
        return set()
    labels = {" ".join(PAGE_AT_END.sub("", lines[i] or "").split()).casefold() for i in footers}
    return {i for i in range(min(footers) + 1, len(lines))
            if " ".join((lines[i] or "").split()).casefold() in labels - {""}}


def numbered_running_lines(lines: Sequence[str | None]) -> set[int]:
    """Indices of a PDF's running header or footer pasted as text, its page number alone on the line after or before
    it ("SNHR Annual Death Toll Report 2021" / "5"): a short line that is no sentence, printed at least twice, each time
    beside a page number, the numbers going up. Left in, it would run on into the sentence after it ("... Report 2021
    Of the 97 victims ...")."""
    filled = [i for i, line in enumerate(lines) if line and line.strip()]
    beside: dict[str, list[tuple[int, int]]] = {}
    for k, i in enumerate(filled):
        text = " ".join((lines[i] or "").split())
        if len(text.split()) > RUNNING_LINE_WORDS or PAGE_NUMBER_LINE.fullmatch(text) or (
                re.search(r"[.!?:;,]$", text) and not furniture().cut_title.search(text)):
            continue  # (a title cut short by "..." is no sentence's stop: "1,134 Civilians Killed in ... 2017 ..." /
            # after "2" and the footer; round 165b: the header after "IV. Massacres" had been its massacres' deaths)
        if regex("TableHeader").fullmatch(text):
            continue  # a table's header printed again atop the page it goes on to ("2" / "Party | Civilians | Children
            # | Women" / ... / "3" / "Party | Civilians | ..."; fx160ab: both dropped, the table's rows were lost)
        around = [lines[filled[j]].strip() for j in (k + 1, k - 1) if 0 <= j < len(filled)]
        page = next((int(line) for line in around if PAGE_ALONE.fullmatch(line)), None)
        if page is not None:
            beside.setdefault(text.casefold(), []).append((i, page))
    found: set[int] = set()
    for occurrences in beside.values():
        pages = [page for _, page in occurrences]
        if len(pages) >= 2 and all(after > before for before, after in zip(pages, pages[1:])):
            found |= {i for i, _ in occurrences}
    return found


def cut_titles_opening_pages(lines: Sequence[str | None]) -> set[int]:
    """Indices of running headers that repeat the title cut short by "..." at a page's top, the line before them (line
    furniture aside) a page number alone ("2" / "Monthly Report on the Civilian Death Toll ..."): printed once in an
    excerpt, but no sentence of the text. Left in, it would split the sentence the page break cuts ("... all armed
    opposition factions/Syrian National" / <header> / "Army killed 6 civilians ..."; round 165b: "Army" was read as a
    party of its own, and its figures left out)."""
    filled = [i for i, line in enumerate(lines) if line and line.strip()]
    return {i for before, i in zip(filled, filled[1:])
            if PAGE_NUMBER_LINE.fullmatch(lines[before]) and len(lines[i].split()) <= RUNNING_LINE_WORDS
            and (cut := furniture().cut_title.search(lines[i])) and not re.search(r"[.!?:;,]", lines[i][:cut.start()])}


def ends_page(line: str) -> bool:
    """Whether ``line`` is a page's last: its number alone, or a running footer holding it."""
    return bool(PAGE_NUMBER_LINE.fullmatch(line) or (furniture().running_line.fullmatch(line.strip())
                                                      and re.search(r"^\s*(?:page\s+)?\d|\d\s*$", line, re.I)))


def page_headers(lines: Sequence[str]) -> set[int]:
    """Indices of running headers that name no page ("SNHR Monthly Report - September 2017"): opening a page (the
    line before it, blank lines aside, ends one), closing one (the line after it is a page number alone: a footer),
    or printed again (the first print may be the title: kept), or inside a sentence (``splits_sentence``)."""
    headers = [i for i, line in enumerate(lines) if furniture().page_header.fullmatch(line.strip())]
    first = {}
    for i in headers:
        first.setdefault(" ".join(lines[i].split()).casefold(), i)
    before = {i: next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None) for i in headers}
    after = {i: next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None) for i in headers}
    return {i for i in headers if first[" ".join(lines[i].split()).casefold()] != i
            or (before[i] is not None and ends_page(lines[before[i]]))
            or (after[i] is not None and bool(PAGE_NUMBER_LINE.fullmatch(lines[after[i]])))
            or (before[i] is not None and after[i] is not None and splits_sentence(lines[before[i]], lines[after[i]]))}


def splits_sentence(before: str, after: str) -> bool:
    """Whether a line between ``before`` and ``after`` stands inside one sentence: ``before`` ends on no stop and
    ``after`` goes on in lower case ("Russian forces killed 8" / <header> / "civilians, including 3 children."; round
    90d)."""
    return not re.search(r"[.!?:;]\s*$", before) and after.lstrip()[:1].islower()


def without_furniture(lines: Sequence[str], raw: Sequence[str] | None = None) -> list[str | None]:
    """Each line as the reader should see it, or None where the line is furniture (skipped, keeping the others'
    line numbers): chrome dropped, breadcrumbs and repost suffixes cut, a title cut short dropped when
    given again in full, table-of-contents entries, numbers standing alone, running headers, footnotes at a page's
    foot and lists of links to other reports dropped. ``raw``: the lines before cleaning, whose footnote markers
    cleaning dropped (else ``lines``)."""
    kept, alone = furniture_and_lone_numbers(lines, raw)
    return [None if i in alone else line for i, line in enumerate(kept)]


def footnote_marker_glued(lines: Sequence[str], marker: str) -> bool:
    """Whether a line of ``lines`` carries the footnote ``marker`` glued to the word, bracket or stop it annotates
    ("(adult females)1.", "in the same year.¹", "1,083 ²")."""
    if not marker.isascii():  # a superscript, perhaps after a space ("Total civilians: 1,083 ²"; round 108d)
        return any(re.search(rf"\S\s?{marker}", line) for line in lines)
    # (a comma may follow it, "153 women1, and ...", not a number's digits: "Aleppo1,204" is a cell glued to its label)
    glued = re.compile(rf"(?<=[A-Za-z)\]]){marker}(?!\d|,\d)|(?<=[A-Za-z)\]][.,;:]){marker}(?!\d)")
    return any(glued.search(line) for line in lines)


def without_glued_markers(line: str | None, markers: set[str]) -> str | None:
    """``line`` without the markers of the page's footnotes glued to the end of a word in lower case ("We recorded 12
    massacres2 in October: ..." with "2 A massacre is ..." at the page's foot; round 113c): left in, the word was no
    noun the reader knows and its count was lost."""
    for marker in sorted(m for m in markers if m.isascii()):
        line = line and re.sub(rf"(?<=[a-z]{{2}}){marker}(?=[\s,.;:)]|$)", "", line)
    return line


def wrapped_note_lines(lines: Sequence[str], start: int, page_ends: set[int]) -> list[int]:
    """The lines a note goes on to from ``start``, each opening in small letters, and the page's end after them (its
    footer or its number), the last index; [] when no page end follows them."""
    found: list[int] = []
    j: int | None = start
    while j is not None and len(found) < 3:
        if j in page_ends or ends_page(lines[j]):
            return found + [j] if found else []
        if not re.match(r"\s*[a-z]", lines[j]):
            return []
        found.append(j)
        j = next((k for k in range(j + 1, len(lines)) if lines[k].strip()), None)
    return []


def page_footnotes(lines: Sequence[str], raw: Sequence[str], page_ends: set[int]) -> set[int]:
    """Indices of the footnotes at a page's foot, each a line opening with its marker: a superscript, or a number the
    text carries glued where it annotates ("... (adult fe-" / "males)1." ... "1 SNHR counts as a child every victim
    under eighteen years of age."), the lines after it footnotes too up to the page's end (a footer: one of
    ``page_ends`` or a page number's line; round 30). The markers are read in the ``raw`` lines: cleaning drops
    those glued to a word. Left in, a note runs on into the sentence before it, its marker
    read as a count ("Of which women 1" + "1 SNHR counts as a child ..." -> one more child)."""
    notes: set[int] = set()
    counted: set[int] = set()
    # a note numbered on from the one before it, whose own marker the text layer lost where it annotates ("3 The names
    # of the 23 interviewees ...; 14 of them asked ..." + "4 SNHR's database has held ..." + the page's number; round
    # 74d): a footnote too when the note before it is one (its index -> the line after it)
    unglued: dict[int, int | None] = {}
    for i in range(len(lines) - 1, -1, -1):
        found = FOOTNOTE_LINE.match(raw[i])
        if not found:
            continue
        after = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        at_foot = (after is None or after in notes or after in counted or after in page_ends or ends_page(lines[after])
                   or (after in unglued and found.group("marker").isascii()
                       and FOOTNOTE_LINE.match(raw[after]).group("marker") == str(int(found.group("marker")) + 1))
                   # ... or the note wrapped onto a last line opening with a number ("1 On the escalation ..., see our
                   # statement of" / "12 October."; round 118b): its own words, at the page's foot
                   or (after in unglued and re.search(r"[A-Za-z,]\s*$", lines[i]) is not None)
                   # ... or a finished note closing its section, a numbered heading the line after it ("2 By our
                   # definition, a massacre is ..." / "V. Deaths Due to Torture"; round 141b)
                   or (re.search(r"[a-z]\.\s*$", lines[i]) is not None and SECTION_HEADING.match(lines[after]) is not None))
        wrapped = [] if at_foot or after is None else wrapped_note_lines(lines, after, page_ends)
        tail: list[int] = []
        if wrapped and not any(re.search(r"\d", lines[j]) for j in wrapped[:-1]) \
                and not re.search(r"\d", raw[i][found.end():]):
            # a note of words only wrapped onto lines of its own down to the page's foot ("5 Parties whose responsibility
            # SNHR could not establish," / "as well as the forces of neighbouring states." / "Page 2"; fx160ab: the
            # marker glued to "Other parties5" was left in, the party's count lost): the note, its lines with it
            at_foot, tail = True, wrapped[:-1]
        if not footnote_marker_glued(raw[:i], found.group("marker")):
            if at_foot and found.group("marker").isascii():
                unglued[i] = after
            continue
        if at_foot:
            if after in unglued and after not in notes:
                j = after
                while j in unglued and j not in notes:
                    notes.add(j)
                    j = unglued[j]
            if not found.group("marker").isascii() and re.search(r"\d", raw[i][found.end():]):
                counted.add(i)  # a superscript's note stating a count ("³ Including 22 civilians killed by landmines",
                # round 71c): kept, its own statement (the marker is no digit the reader reads); the notes above it
                # are still the page's foot
            else:
                notes.add(i)
                notes.update(tail)
    return notes


def furniture_and_lone_numbers(lines: Sequence[str], raw: Sequence[str] | None = None
                               ) -> tuple[list[str | None], set[int]]:
    """``without_furniture``'s lines with the numbers standing alone still in, and the indices of those numbers: the
    cleaning stage keeps the ones a chart or a list gives its labels (``clean.chart_rows``)."""
    kept = [without_line_furniture(line) for line in lines]
    footers = page_counted_lines(kept) | {i for i, line in enumerate(lines) if ends_page(line) and kept[i] is None}
    toc = (contents_entries(kept) | related_links(lines, kept) | footers | page_headers(lines)
           | numbered_running_lines(kept) | cut_titles_opening_pages(kept) | unnumbered_running_lines(lines, footers)
           | pull_quotes(kept)
           | comment_lines(lines))
    # (a photo's caption is no page's foot: "HomeMonthly ReportsDeath Toll76 Civilians, ..." / "76 Civilians, ..." /
    # "Photo: ..." made the title a footnote, its count the marker glued in the trail; round 107b)
    notes = page_footnotes(lines, raw or lines, toc)
    toc |= notes | photo_captions(lines, raw)
    markers = {found.group("marker") for i in notes if (found := FOOTNOTE_LINE.match((raw or lines)[i]))}  # (a note's
    # wrapped lines hold no marker)
    shown = [None if i in toc or (line is not None and is_cut_title(kept, i)) else without_glued_markers(line, markers)
             for i, line in enumerate(kept)]
    return shown, {i for i, line in enumerate(shown) if line is not None and is_lone_number(kept, i, raw)}
