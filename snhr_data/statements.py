"""Sentences -> figures: how one statement of a report is read.

Each sentence is read number by number:

* a *head* count: a number with a victim noun ("91 civilians", "Four Deaths due to Torture", "one
  massacre") or a bare number in a breakdown ("Syrian regime forces: Seven.", "17 were killed by HTS");
* a *group*: "N children" / "N women" attached to the head before it ("including ...", ": ...", "- ...");
* a *percent*, read with the subject before it (a governorate, a party, a month, "children and women").

For each head the measure, period, party and governorate come from the words around it first, then
from the sentence, the block and the heading (the ``Context`` that ``snhr_data.extract`` keeps), and
last the report month. Labels that map to no party are reported with file and line
(``snhr_data.vocab.UnmappedLabelWarning``), never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable

import yaml

from .numbers import NumberMention, find_numbers
from .paths import VOCAB_DIR
from .periods import MONTH, PeriodMention, find_periods
from .vocab import LabelMention, find_governorates, find_parties, report_unmapped


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
    period: str | None = None
    party: str | None = None
    saw_all_victims: bool = False  # an all-victims count was stated earlier in the block
    subject: str | None = None  # the party the previous sentence's subject names (UNMAPPED + label: an unknown actor)


@dataclass
class Head:
    """A counted number in a sentence and everything resolved about it."""

    mention: NumberMention
    noun: str  # children | women | generic | bare | massacres | medical | media | civil_defense
    qualifier: str
    measure: str = "civilian_deaths"
    period: str | None = None
    period_explicit: bool = False
    parties: list[str] = field(default_factory=list)
    governorates: list[str] = field(default_factory=list)
    note: str = ""
    party_from_context: bool = False
    also_all: bool = False  # a children-only (women-only) count that is also the party's count of all victims
    also_total: bool = False  # "both at the hands of X": the count is also the total of all parties
    month_of_parent: bool = False  # "including one massacre in May" after a year-to-date count
    groups: list[tuple[str, NumberMention]] = field(default_factory=list)
    window_end: int = 0


@lru_cache(maxsize=None)
def sections_vocab() -> dict:
    with open(VOCAB_DIR / "sections.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def matches_any(patterns: list[str], text: str) -> bool:
    return any(re.search(p, text, re.IGNORECASE) for p in patterns)


# --- the words around a number ------------------------------------------------------------------

_GROUP_PREFIX = r"(?:(?:were|was|are)\s+|of (?:them|whom)\s+(?:(?:were|was)\s+)?(?:an?\s+)?)?"
_AMONG = r"(?:(?:deaths?|killings?|victims?)\s+(?:among|of)\s+(?:the\s+)?)?"
NOUNS: list[tuple[str, str]] = [
    ("children", rf"{_GROUP_PREFIX}(?:female |male )?(?:children|child|girls?|boys?|minors?)\b"),
    ("women", rf"{_GROUP_PREFIX}(?:adult )?(?:women|woman)\b"),
    ("medical", rf"{_AMONG}(?:medical (?:personnel|workers?|staff|professionals?)\b|pharmacists?\b|doctors?\b|nurses?\b)"),
    ("media", rf"{_AMONG}(?:media (?:workers?|personnel|activists?)\b|journalists?\b)"),
    ("civil_defense", rf"{_AMONG}civil defen[cs]e (?:personnel|workers?|volunteers?|members?)\b"),
    ("massacres", r"massacres?\b"),
    ("generic", r"(?:civilians?|civilian deaths?|individuals?|victims?|people|persons|deaths?)\b"),
]
NOUN_MEASURE = {
    "medical": "medical_personnel_deaths",
    "media": "media_worker_deaths",
    "civil_defense": "civil_defense_deaths",
    "massacres": "massacres",
}
# What may follow a number that has no noun of its own ("Seven.", "17 were killed by", "two each").
BARE_FOLLOWER = re.compile(
    r"^\s*(?:[.,;:)]|$|and\b|who\b|were\b|was\b|each\b|by\b|carried\b|perpetrated\b|committed\b|at the hands of\b|of (?:them|whom|which)\b|in\b|died\b|dying\b|including\b|-)",
    re.IGNORECASE,
)
OF_THE = re.compile(r"^\s+of (?:these|the|those)\s+(?:\d[\d,]*\s+)?", re.IGNORECASE)
QUALIFIER_BEFORE = [
    ("about", re.compile(r"(?:about|approximately|nearly|around|almost|roughly|some)\s+$", re.IGNORECASE)),
    ("at_least", re.compile(r"(?:at least|no fewer than|not less than|more than|over)\s+$", re.IGNORECASE)),
]
NOT_A_COUNT_BEFORE = re.compile(
    rf"(?:{MONTH}\s+$|(?:No\.|Resolution|resolutions?|Article|Articles|Circular|Decree|number|page)\s+$"
    rf"|(?<![\w-])(?:[Oo]f (?:the|these|those)|[Tt]hese|[Tt]hose|[Tt]he)\s+$|\b(?:which|that|who) (?:killed|resulted in|left|claimed)\s+$"
    rf"|(?<!parties )(?<!forces )(?<!SDF )(?<!HTS )(?<!ISIS )\bkilling\s+$|\b(?:aged?|age of)\s+$"
    rf"|\b(?i:between)\s+$|\b(?i:between)\s+[\w,]+\s+and\s+$|\b(?i:from)\s+[\w,]+\s+to\s+$"
    rf"|\b(?i:average)\b[^.;]*$)"
)
NOT_A_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:st|nd|rd|th)\b|,?\s*(?:19|20)\d{2}\b|\s+(?:or more|or fewer|years?|months?|weeks?|days?|hours?|"
    r"kilometers?|km|meters?|million|thousand|billion|times|page|pages|per cent|percent)\b|\s*%)",
    re.IGNORECASE,
)
NOT_KILLED_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:were\s+|was\s+)?(?:injured|wounded)\b", re.IGNORECASE)
RATE_AFTER = re.compile(r"\b(?:every|per)\s+(?:day|week|month)\b", re.IGNORECASE)  # "seven children are killed every day"
PERCENT_AFTER = re.compile(r"^\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
GROUP_GLUE_FIRST = re.compile(
    r"^[^.;]*?(?:\binclud(?:ing|ed)|\bamong them|\bof whom)\s+(?:of\s+|those of\s+)?$"
    r"|^\s*(?:[\w'-]+\s+){0,3}?(?:[:(]|-|\s-)\s*$",
    re.IGNORECASE,
)
GROUP_GLUE_NEXT = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+|,\s*)$", re.IGNORECASE)
# where a clause about another count starts: a group list ("including five children and ...") stops there, and
# so does a head's window (which also stops at "followed by": "Aleppo with 20 percent, followed by Idlib")
_BREAK_WORDS = r"bringing|brought|brings|while|whereas|accounting|as well as"
GROUP_BREAK = re.compile(rf"\b(?:{_BREAK_WORDS})\b|;|,\s*with\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(rf"\b(?:{_BREAK_WORDS}|followed by)\b|;|,\s*with\b", re.IGNORECASE)
BRINGING = re.compile(r"\b(?:bringing|brought|brings|bring)\b(?P<what>[^;]*?)\bto\s+$", re.IGNORECASE)
BACKWARD_MARKER = re.compile(
    r"(?:\bby|\bat the hands of|\bdue to|\bcaused by|\bas a result of|\bin|\bfrom|\bperpetrated by|\bcarried out by|\bcommitted by|"
    r"\b(?:prisons?|detention (?:centers|centres|facilities)|custody) of|"
    r"\battributed to)\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
FORWARD_MARKER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:,[^,]{0,30},\s*)?(?:on \w+\s+)?(?:killed|kill|kills|were responsible|was responsible|"
    r"(?:has|have) been responsible|accounted|account|for\b|:)",
    re.IGNORECASE,
)
PARTIAL_BEFORE = re.compile(r"\b(?:most of (?:whom|them|which)|mostly|the majority)\b[^,.;]*$", re.IGNORECASE)
GOV_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,4}?(?:(?:were|was)\s+killed\s+(?:by\s+(?:[\w'/-]+\s+){1,6}?)?|died\s+|taking\s+place\s+|killed\s+)?"
    r"(?P<each1>each\s+)?"
    r"in\s+(?P<the>the\s+)?(?:governorates?\s+of\s+)?(?P<list>[^.;]*)",
    re.IGNORECASE,
)
# "Idlib governorate saw five of these deaths", "Daraa and Homs governorates two each"
GOV_BEFORE = re.compile(r"(?:^|[,;:]\s*(?:and\s+)?|\band\s+)(?P<list>[^,;:]*?)\bgovernorates?\s+"
                        r"(?:saw|recorded|had|witnessed|registered)?\s*$", re.I)
# "28 civilians, including five children, in Aleppo governorate"
GOV_AFTER_GROUPS = re.compile(r"^,?\s+in\s+(?P<the>the\s+)?(?:governorates?\s+of\s+)?(?P<list>[^.;]*)(?P<each1>)", re.I)
# "three medical personnel, two media workers and one Civil Defense volunteer, all at the hands of other parties"
ALL_BY_PARTY = re.compile(r",?\s*all\s+(?:of\s+(?:them|whom)\s+)?(?:were\s+)?(?:killed\s+)?(?:at the hands of|by)\s+", re.I)
ALL_IN_MONTH = re.compile(
    rf",?\s*all (?:of (?:whom|them) (?:were )?(?:also )?(?:killed |documented )?)?in (?P<month>{MONTH}\s+(?:19|20)\d{{2}})"
)
ZERO_STATEMENTS = [re.compile(pattern, re.IGNORECASE) for pattern in (
    r"(?:did(?:n't| not)|have not|has not|hasn't|haven't)\s+(?:document|record|register)(?:ed)?\s+any\s+"
    r"(?:deaths\s+|killings\s+|victims\s+|cases\s+)?(?:among\s+|of\s+)?(?P<group>[^.,;]+)",
    r"\b(?:documented|recorded|registered)\s+no\s+(?:deaths\s+among\s+|killings\s+of\s+|victims\s+among\s+)?"
    r"(?P<group>[^.,;]+)",
    r"\b[Nn]o\s+(?P<group>[^.,;]+?)\s+(?:were|was)\s+(?:documented|recorded|killed)\b",
)]
SENTENCE_END = re.compile(
    r"(?<!\b[A-Z]\.)(?<!\bMrs\.)(?<!\bMr\.)(?<!\bDr\.)(?<!\bNo\.)(?<!\bSt\.)(?<=[.!?])\s+(?=[A-Z0-9\"'(■•])|;\s+")
ITEM_PREFIX = re.compile(r"^\s*(?:[•■➤▪►◦●\-\*o]\s+|(?:[IVX]{1,5}|V1|[A-H]|[ivx]{1,4}|\d{1,2})[.\-)]\s+)")
LABEL = re.compile(r"^(?P<label>[^:\d]{2,140}?):\s+(?P<rest>\S.*)$")
WORD_COUNT_HINT = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.IGNORECASE)


# --- small readers --------------------------------------------------------------------------------

def noun_of(text_after: str) -> tuple[str, int]:
    """The class of the noun right after a number and where it ends ('' if none)."""
    for name, pattern in NOUNS:
        match = re.match(rf"\s+(?:{pattern})(?!-)", text_after, re.IGNORECASE)
        if match:
            return name, match.end()
    of_the = OF_THE.match(text_after)
    if of_the:
        rest = text_after[of_the.end() - 1:]
        name, end = noun_of(rest)
        return (name, of_the.end() - 1 + end) if name else ("", 0)
    if BARE_FOLLOWER.match(text_after):
        return "bare", 0
    return "", 0


def qualifier_of(text_before: str) -> str:
    for name, pattern in QUALIFIER_BEFORE:
        if pattern.search(text_before):
            return name
    return "exact"


def measure_of_text(text: str) -> str | None:
    """The one measure a heading names, or None when it names none or several."""
    found = {m for m, pattern in sections_vocab()["measures"].items() if re.search(pattern, text, re.IGNORECASE)}
    if "civilian_deaths" in found and len(found) > 1:
        found.discard("civilian_deaths")
    return found.pop() if len(found) == 1 else None


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a semicolon also ends a statement."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(text):
        sentences.append((start, text[start:match.start() + (1 if text[match.start()] == ";" else 0)]))
        start = match.end()
    sentences.append((start, text[start:]))
    return [(offset, s) for offset, s in sentences if s.strip()]


def quote_around(sentence: str, start: int, end: int, width: int = 160) -> str:
    """The sentence, or the part of a long one around the number, on one line."""
    sentence = sentence.strip()
    if len(sentence) <= 2 * width:
        return sentence
    left = max(0, start - width)
    right = min(len(sentence), end + width)
    left = sentence.rfind(" ", 0, left) + 1 if left else 0
    right_space = sentence.find(" ", right)
    right = len(sentence) if right_space == -1 else right_space
    return ("…" if left else "") + sentence[left:right] + ("…" if right < len(sentence) else "")


def is_count_number(sentence: str, mention: NumberMention) -> bool:
    before, after = sentence[: mention.start], sentence[mention.end:]
    if NOT_A_COUNT_BEFORE.search(before) and not re.search(r"\b(?:the other|the remaining)\s+$", before, re.I):
        return False
    if NOT_A_COUNT_AFTER.match(after):
        return False
    if 1900 <= mention.value <= 2099 and "," not in mention.text and not noun_of(after)[0] in {"generic", "children", "women"}:
        return False
    return True


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


# --- the sentence reader ---------------------------------------------------------------------------

@dataclass
class SentenceReader:
    """Reads sentences of one report into figures, within the context its headings set."""

    source_file: str
    report: str
    strict: bool = False
    section: Context = field(default_factory=Context)
    figures: list[Figure] = field(default_factory=list)
    current_heads: list[Head] = field(default_factory=list)  # the heads of the sentence being read
    line_at: Callable[[int], int] = lambda position: 0  # raw line of a position in the sentence being read

    def parties(self, text: str) -> list[LabelMention]:
        """Party labels in ``text``, with the wording in use in this report's month."""
        return find_parties(text, self.report)

    def read_sentence(self, sentence: str, line_at: Callable[[int], int], block_ctx: Context, title: bool) -> None:
        """Add the figures ``sentence`` states; ``line_at`` gives the raw line of a position in it."""
        self.line_at = line_at
        self.read_zero_statements(sentence, line_at, block_ctx)
        if self.unmapped_label(sentence, line_at):
            return
        masked_spans = [(m.start(), m.end()) for m in ALL_IN_MONTH.finditer(sentence)]
        period_text = _mask(sentence, masked_spans)
        periods = [p for p in find_periods(period_text, self.report)]
        heads = self.read_heads(sentence, periods, block_ctx, title)
        for head in heads:
            self.emit_head(head, sentence, line_at)
        if masked_spans and heads:
            month_period = find_periods(ALL_IN_MONTH.search(sentence).group("month"), self.report)[0].period
            for head in heads:
                self.emit_head(replace(head, period=month_period, note=join_notes(
                    head.note, "the sentence says all of these were in this month")), sentence, line_at)
        self.read_percents(sentence, periods, block_ctx, heads, line_at)
        opening = re.match(rf"^\s*(?:In|During)\s+(?:the month of\s+)?(?:{MONTH}|(?:19|20)\d{{2}})", sentence)
        if opening:
            first = find_periods(sentence[: opening.end() + 6], self.report)
            if first and first[0].period:
                block_ctx.period = first[-1].period
        if any(h.noun == "generic" for h in heads):
            block_ctx.saw_all_victims = True
        block_ctx.subject = self.subject_party(sentence)
        if heads:
            if heads[0].period_explicit:
                block_ctx.period = heads[0].period
            block_ctx.measure = heads[-1].measure
            explicit = [h for h in heads if h.parties and not h.party_from_context]
            if explicit:
                block_ctx.party = explicit[-1].parties[0]

    def read_zero_statements(self, sentence: str, line_at, block_ctx: Context) -> None:
        seen: set[str] = set()
        for match in (m for pattern in ZERO_STATEMENTS for m in pattern.finditer(sentence)):
            for group in re.split(r"\s*(?:,|\bor\b|\band\b)\s*", match.group("group")):  # "no media workers or ..."
                measure = NOUN_MEASURE.get(noun_of(" " + group)[0])
                if measure and measure not in seen:
                    seen.add(measure)
                    self.add_zero(sentence, match, measure, line_at, block_ctx)

    def add_zero(self, sentence: str, match: re.Match[str], measure: str, line_at, block_ctx: Context) -> None:
        """A zero that the text states in words ("We documented no deaths among medical personnel")."""
        found = [p for p in find_periods(sentence, self.report) if p.period]
        period = found[0].period if found else (block_ctx.period or self.section.period or self.report)
        self.add(period, measure, "all", "all", "all", "count", "", 0.0, "exact", line_at(match.start()),
                 quote_around(sentence, match.start(), match.end()), "stated as no deaths")

    def unmapped_label(self, sentence: str, line_at) -> bool:
        """An item "Label: N ..." whose label maps to no party is reported (and its figures left out), not guessed."""
        match = LABEL.match(sentence.strip())
        if not match or len(match.group("label").split()) > 14:
            return False
        label, rest = match.group("label").strip(), match.group("rest")
        if self.parties(label) or measure_of_text(label) or not WORD_COUNT_HINT.search(rest[:40]):
            return False
        if re.search(r"\b(?:main|other) parties\b|\bparties\b|\bdistributed\b|\bincluding\b|\bnotable\b", label, re.I):
            return False
        if matches_any(sections_vocab()["not_party_labels"], label) or re.fullmatch(MONTH, label) or find_governorates(label):
            return False
        first = next((m for m in find_numbers(rest) if is_count_number(rest, m)), None)
        if first is None or first.start > 20 or not noun_of(rest[first.end:])[0]:
            return False
        report_unmapped(
            f"{self.source_file}:{line_at(0)}: unmapped perpetrator label {label!r} "
            f"(add it to snhr_data/vocab/perpetrators.yaml); its figures are left out",
            self.strict,
        )
        return True

    # numbers in a sentence -------------------------------------------------------------------
    def read_heads(self, sentence: str, periods: list[PeriodMention], block_ctx: Context, title: bool) -> list[Head]:
        every = _outside_nouns(sentence, find_numbers(sentence))
        numbers = [m for m in every if is_count_number(sentence, m)]
        heads: list[Head] = []
        previous: Head | None = None  # the last head, for groups
        last_kind = ""  # head | group | blocker | skipped group
        for index, mention in enumerate(every):
            after = sentence[mention.end:]
            before = sentence[: mention.start]
            if mention not in numbers:  # "which killed 17", "16 years": its groups are not counts either
                if not _is_year_or_date(sentence, mention) and not PERCENT_AFTER.match(after):
                    last_kind = "blocker"  # ... but "in 2024, including ..." and "(12%), including ..." are
                continue
            noun, _ = noun_of(after)
            if noun == "bare" and re.search(r"(?:\d|\|)\s*$", before) or re.match(r"\s*\|", after):
                last_kind = "blocker"  # a cell of a table flattened to text ("Aleppo 27 5 3", "| 59 | 12 | 7")
                continue
            if not noun and (re.match(r"\s*\(", after) and re.search(r":\s*$", before)
                             or re.match(r"\s*\([\w\s,]*?\b(?:children|child|women|woman)\b", after)):
                noun = "bare"  # "- Killings by unidentified parties: 7 (3 children, 1 woman)", "for 10 (two children)"
            own_clause = after[: every[index + 1].start - mention.end] if index + 1 < len(every) else after
            if not noun or NOT_KILLED_AFTER.match(after) or RATE_AFTER.search(own_clause[:60]):
                if GOV_AFTER.match(after) and find_governorates(GOV_AFTER.match(after).group("list")[:60]) and noun == "":
                    noun = "bare"
                else:
                    last_kind = "blocker"
                    continue
            glue = sentence[_noun_end(sentence, every[index - 1]):mention.start] if index else ""
            if noun in {"children", "women"} and (
                    (last_kind == "blocker" and GROUP_GLUE_FIRST.search(glue))
                    or (last_kind == "skipped group" and GROUP_GLUE_NEXT.search(glue))):
                last_kind = "skipped group"  # a group of something not counted ("16 civilians were killed every day,
                continue                     # including five children and two women"; "14 Syrians ..., including ...")
            if noun in {"children", "women"} and previous is not None and last_kind in {"head", "group"}:
                if previous.groups:
                    glue, pattern = sentence[_noun_end(sentence, previous.groups[-1][1]):mention.start], GROUP_GLUE_NEXT
                else:
                    glue, pattern = sentence[_noun_end(sentence, previous.mention):mention.start], GROUP_GLUE_FIRST
                of_them = re.match(r"\s+of (?:them|whom)\b", after) and re.fullmatch(r"[^.;]*?,\s*", glue)
                if (pattern.search(glue) or of_them) and not GROUP_BREAK.search(glue):
                    previous.groups.append((noun, mention))
                    last_kind = "group"
                    continue
            head = Head(mention, noun, qualifier_of(before))
            heads.append(head)
            previous, last_kind = head, "head"
        self.set_windows(heads, numbers, sentence)
        self.current_heads = heads
        for i, head in enumerate(heads):
            self.resolve_head(head, heads[i - 1] if i else None, sentence, periods, block_ctx, title)
        return [h for h in heads if h.period is not None and h.measure]

    def set_windows(self, heads: list[Head], numbers: list[NumberMention], sentence: str) -> None:
        """Each head's window: the words after it that speak of it (its party, period, governorate), up to the
        next number that is not its group, cut at a clause break or at the subject of the next clause."""
        group_starts = {m.start for h in heads for _, m in h.groups}
        for head in heads:
            stop = next((m.start for m in numbers if m.start > head.mention.start and m.start not in group_starts),
                        len(sentence))
            window = sentence[head.mention.end:stop]
            cuts = [c.start() for c in [CLAUSE_BREAK.search(window)] if c]
            if stop < len(sentence) and "," in window:
                cuts.append(window.rindex(","))  # what follows the last comma introduces the next number
            subject = re.search(r"(?:\band\b|\bwhile\b|\bwhereas\b)(?=[^,;]*\b(?:killed|kill|(?:were|was) responsible for)\s*$)",
                                window) if stop < len(sentence) else None
            if subject:
                cuts.append(subject.start())  # "... and Assad regime remnants killed 4": the next clause's subject
            cuts += [m.start for m in self.parties(window) if FORWARD_MARKER.match(window[m.end:]) and not _is_backward(window, m)]
            head.window_end = head.mention.end + min(cuts + [len(window)])

    def resolve_head(self, head: Head, prev: Head | None, sentence: str, periods: list[PeriodMention],
                     block_ctx: Context, title: bool) -> None:
        start, end = head.mention.start, head.mention.end
        window = sentence[end:head.window_end]
        segment_start = prev.window_end if prev else 0
        segment = sentence[segment_start:start]
        bringing = BRINGING.search(sentence[:start])
        if bringing and bringing.start() < segment_start:
            bringing = None
        head.measure = self.measure_of(head, prev, window, segment, bringing, block_ctx)
        if not self.set_period(head, prev, sentence, periods, segment_start, bringing, block_ctx, title):
            return  # "since that date": a period the schema cannot hold
        head.parties = self.parties_of(head, prev, sentence, segment_start, bringing, block_ctx)
        head.governorates = self.governorates_for(head, prev, sentence, segment)
        # H: "US-led Coalition forces killed one child" also says how many victims in all
        head.also_all = (head.noun in {"children", "women"} and not head.groups and block_ctx.saw_all_victims
                         and bool(re.search(r"\bkill(?:ed|s)?\s+$", sentence[:start])
                                  or re.match(r"\s+\w+\s+(?:was|were)\s+killed\s+by\b", sentence[end:])))
        # 13: "N massacres since the beginning of 2020, including one massacre in May": the month's total
        head.month_of_parent = bool(
            prev is not None and re.search(r"\bincluding\s+$", sentence[_noun_end(sentence, prev.mention):start])
            and prev.period and head.period and len(head.period) == 7 and head.period != prev.period
            and (len(prev.period) == 4 or "/" in prev.period) and head.measure == prev.measure)

    def measure_of(self, head: Head, prev: Head | None, window: str, segment: str, bringing, block_ctx: Context) -> str:
        """What a head counts: its noun's measure, the measure its clause names, else the context's."""
        if head.noun in NOUN_MEASURE:
            measure = NOUN_MEASURE[head.noun]
        elif bringing:
            measure = measure_of_text(bringing.group("what")) or "civilian_deaths"
            measure = "civilian_deaths" if measure not in {"torture_deaths", "massacres"} else measure
        elif re.search(r"tortur", window, re.IGNORECASE):
            measure = "torture_deaths"
        elif head.noun == "bare":
            named = measure_of_text(segment) if re.search(r"\b(?:was|were|reached|stood at|totall?ed)\s+$", segment) else None
            measure = named or (prev.measure if prev else None) or block_ctx.measure or self.section.measure or "civilian_deaths"
        elif re.search(r"massacre", segment, re.IGNORECASE) or self.section.measure == "massacres":
            measure = "massacre_deaths"
        elif self.section.measure in {"torture_deaths", "medical_personnel_deaths", "media_worker_deaths",
                                      "civil_defense_deaths"}:
            measure = self.section.measure
        else:
            measure = "civilian_deaths"
        return measure

    def set_period(self, head: Head, prev: Head | None, sentence: str, periods: list[PeriodMention],
                   segment_start: int, bringing, block_ctx: Context, title: bool) -> bool:
        """Set the head's period from the words after it, before it, in the sentence, else the context;
        False when the period is one the schema cannot hold."""
        start, end = head.mention.start, head.mention.end
        comma = sentence.find(",", end)
        own_end = min(head.window_end, comma if comma != -1 else len(sentence))
        own = [p for p in periods if end <= p.start < own_end]
        before = [p for p in periods if p.end <= start]
        in_segment = [p for p in before if p.start >= segment_start]
        if bringing:
            what = [p for p in periods if bringing.start() <= p.start < start]
            chosen = what[0] if what else None
        elif own:
            chosen = own[0]
        elif in_segment:
            chosen = in_segment[-1]
        elif head.noun == "bare" and prev is not None:
            chosen = PeriodMention(prev.period, 0, 0, "inherited")
        elif before:
            chosen = before[-1]
        elif title or not re.search(r"[.!?;:]\s*$", sentence.strip()):  # a headline states its period last
            later = [p for p in periods if p.start >= end]
            chosen = later[0] if later else None
        else:
            chosen = None
        if chosen is not None:
            if chosen.period is None:  # "since that date": a period the schema cannot hold
                head.period = None
                return False
            head.period, head.period_explicit = chosen.period, chosen.kind != "inherited"
        else:
            head.period = block_ctx.period or self.section.period or self.report
        return True

    def governorates_for(self, head: Head, prev: Head | None, sentence: str, segment: str) -> list[str]:
        """The governorates a head counts in ("five were killed in Idlib governorate"); [] for all; ["?"] when
        the text splits it over several governorates without saying how."""
        start, end = head.mention.start, head.mention.end
        governorates: list[str] = []
        gov = GOV_AFTER.match(sentence[end:]) or GOV_AFTER_GROUPS.match(sentence[_noun_end(sentence, head.groups[-1][1]):]
                                                                        if head.groups else "")
        if gov and head.noun in {"bare", "generic", "children", "women", "medical", "media", "civil_defense"}:
            governorates = self.governorates_of(head, gov, sentence)
        elif head.noun in {"bare", "generic"} and GOV_BEFORE.search(segment):
            named = find_governorates(GOV_BEFORE.search(segment).group("list"))
            each = re.match(r"\s*(?:\w+\s+)?each\b", sentence[end:])
            governorates = [m.code for m in named] if (len(named) == 1 or each) else (["?"] if named else [])
        elif head.noun == "bare" and re.search(r"\b(?:was|were|reached|stood at)\s+$", segment):
            named = find_governorates(segment)
            governorates = [named[0].code] if len(named) == 1 else (["?"] if named else [])
        label = LABEL.match(sentence)
        if label and prev is None and label.end("label") < start and not governorates:
            named = find_governorates(label.group("label"))
            if len(named) == 1 and not self.parties(label.group("label")):
                governorates = [named[0].code]  # "- Daraa: 274 civilians."
        return governorates

    def parties_of(self, head: Head, prev: Head | None, sentence: str, segment_start: int, bringing,
                   block_ctx: Context) -> list[str]:
        start, end = head.mention.start, head.mention.end
        window = sentence[end:head.window_end]
        if bringing:
            found = [m for m in self.parties(bringing.group("what")) if _is_backward(bringing.group("what"), m)]
            return [found[0].code] if found else ["all"]
        backward = [m for m in self.parties(window) if _is_backward(window, m) and not PARTIAL_BEFORE.search(window[:m.start])]
        if backward:
            if re.search(r"\b(?:both|all(?: of (?:them|which|whom))?)\b[^,.;]{0,30}$", window[: backward[0].start]):
                head.also_total = True
            if re.search(r"\beach\b", window[: backward[0].start]):
                chained = [backward[0]] + [m for m in self.parties(window[backward[0].end:])]
                return [m.code for m in chained]
            return [backward[0].code]
        segment = sentence[segment_start:start]
        named = self.parties(segment)
        if named and named[-1].end == len(segment.rstrip()):  # elliptical: "..., Russian forces and the SDF two each"
            if re.match(r"\s*each\b", sentence[end:]):
                return [m.code for m in named if re.fullmatch(r"[\s,]*(?:and\s+)?(?:the\s+)?", segment[m.end:named[-1].start])
                        or m is named[-1]]
            return [named[-1].code]
        for mention in reversed(named):
            if FORWARD_MARKER.match(segment[mention.end:]) and not PARTIAL_BEFORE.search(segment[:mention.start]):
                return [mention.code]
        shared = self.party_of_a_list(sentence, end)
        if shared:
            head.also_total = True
            return [shared]
        self.check_unknown_agent(window, segment, head)
        if head.period is None:
            return []
        free = [m for m in self.parties(sentence[:start])
                if not any(h.mention.end <= m.start < h.window_end for h in self.current_heads)
                and not PARTIAL_BEFORE.search(sentence[:m.start])]
        if free:
            return [free[-1].code]
        anaphor = ANAPHOR_SUBJECT.search(segment)
        if anaphor:  # "They killed 12 civilians": the subject of the sentence before, if it named one party
            if block_ctx.subject is None or block_ctx.subject.startswith(UNMAPPED):
                head.period = None
                named = block_ctx.subject[len(UNMAPPED):] if block_ctx.subject else ""
                what = f"unmapped perpetrator label {named!r}" if named else "a subject that names no party"
                report_unmapped(f"{self.source_file}:{self.line_at(start)}: {anaphor.group('pronoun')!r} refers to {what} "
                                f"(add it to snhr_data/vocab/perpetrators.yaml); its figures are left out", self.strict)
                return []
            return [block_ctx.subject]
        same_measure = block_ctx.measure in (None, head.measure)
        context = (block_ctx.party if same_measure else None) or self.section.party
        if context == UNMAPPED:  # under a heading naming an unknown actor
            head.period = None
            return []
        if context and context != "all":
            head.party_from_context = True
            head.note = join_notes(head.note, "party named by the heading or the sentence before")
            return [context]
        return ["all"]

    def subject_party(self, sentence: str) -> str | None:
        """The party named by a sentence's subject ("ISIS cells attacked ...": isis), UNMAPPED for an actor the
        vocabulary lacks ("Armed groups loyal to the former regime attacked ..."), None when there is none."""
        subject = re.match(r"\s*(?:In [^,]{3,30},\s*)?(?P<subject>[^,;:]{2,80}?)\s+(?:(?:have|has|had)\s+)?(?:also\s+)?"
                           r"(?:[a-z]+ed|carried out|opened fire|(?:were|was) responsible)\b", sentence)
        if not subject or ANAPHOR_SUBJECT.search(subject.group("subject") + " killed "):
            return None
        named = self.parties(subject.group("subject"))
        if named and re.fullmatch(AGENT_TAIL, subject.group("subject")[named[-1].end:]):
            return named[-1].code
        return UNMAPPED + subject.group("subject").strip() if UNKNOWN_ACTOR.search(subject.group("subject")) else None

    def party_of_a_list(self, sentence: str, end: int) -> str | None:
        """The party of "N medical personnel, N media workers and N ..., all at the hands of X", for each item."""
        tail = sentence[end:]
        match = ALL_BY_PARTY.search(tail)
        if not match or GROUP_BREAK.search(tail[: match.start()]):
            return None
        mentions = self.parties(tail[match.end():])
        return mentions[0].code if mentions and mentions[0].start == 0 else None

    def check_unknown_agent(self, window: str, segment: str, head: Head) -> None:
        """ "killed by <Some Unknown Forces>", "<some unknown forces> killed N": an agent the vocabulary lacks
        is reported, not guessed (nor replaced by the context's party)."""
        label = unknown_agent_after(window) or unknown_agent_before(segment)
        if not label:
            return
        mentions = self.parties(label)
        if mentions and re.fullmatch(AGENT_TAIL, label[mentions[-1].end:]):
            return  # "ISIS cells", "Syrian National Army factions": a known party
        head.parties = []
        head.period = None
        report_unmapped(f"{self.source_file}:{self.line_at(head.mention.start)}: unmapped perpetrator label "
                        f"{label!r} (add it to snhr_data/vocab/perpetrators.yaml); its figures are left out",
                        self.strict)

    def governorates_of(self, head: Head, gov: re.Match[str], sentence: str) -> list[str]:
        listed = gov.group("list")
        names = find_governorates(listed[:120])
        if not names:
            if gov.group("the") and re.match(r"governorate\b", listed.strip(), re.IGNORECASE):
                earlier = find_governorates(sentence[: head.mention.start])
                return [earlier[-1].code] if earlier else []
            return []
        # keep the names of one list: "Daraa and Homs", "Aleppo, Idlib and Hama"
        chain = [names[0]]
        for mention in names[1:]:
            between = listed[chain[-1].end:mention.start]
            if re.fullmatch(r"\s*(?:governorates?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*", between, re.IGNORECASE):
                chain.append(mention)
            else:
                break
        if re.match(r"^[^,.;]{0,25}?\b(?:governorates?\s+)?each\b", listed[chain[-1].end:]) or gov.group("each1"):
            return [m.code for m in chain]
        if len(chain) == 1:
            return [chain[0].code]
        if head.mention.value == len(chain):
            head.note = join_notes(head.note, f"{int(head.mention.value)} deaths across {len(chain)} governorates: one each")
            head.mention = NumberMention(1.0, head.mention.start, head.mention.end, head.mention.text)
            return [m.code for m in chain]
        return ["?"]  # ambiguous split across governorates: left out

    # output --------------------------------------------------------------------------------
    def emit_head(self, head: Head, sentence: str, line_at) -> None:
        if not head.parties or head.period is None or "?" in head.governorates:
            return
        quote = quote_around(sentence, head.mention.start, head.mention.end)
        line = line_at(head.mention.start)
        govs = head.governorates or ["all"]
        victim = head.noun if head.noun in {"children", "women"} else "all"
        for party in head.parties:
            for gov in govs:
                self.add(head.period, head.measure, victim, party, gov, "count", "", head.mention.value,
                         head.qualifier, line, quote, head.note)
                for group, mention in head.groups:
                    self.add(head.period, head.measure, group, party, gov, "count", "", mention.value,
                             _group_qualifier(head.qualifier, sentence, mention), line_at(mention.start), quote, head.note)
                if head.also_all:
                    self.add(head.period, head.measure, "all", party, gov, "count", "", head.mention.value,
                             head.qualifier, line, quote, join_notes(head.note, "all the victims stated were " + victim))
        if head.also_total and head.parties != ["all"]:
            for gov in govs:
                self.add(head.period, head.measure, victim, "all", gov, "count", "", head.mention.value, head.qualifier,
                         line, quote, join_notes(head.note, "the sentence attributes all of them to one party"))
        self.emit_month_total(head, sentence, line, quote)

    def emit_month_total(self, head: Head, sentence: str, line: int, quote: str) -> None:
        """ "N massacres since the beginning of 2020, including two massacres in November": the month's total."""
        if not head.month_of_parent or head.parties == ["all"] or head.governorates:
            return
        self.add(head.period, head.measure, "all", "all", "all", "count", "", head.mention.value, head.qualifier,
                 line, quote, join_notes(head.note, "the month's part of a year-to-date total"))

    def read_percents(self, sentence: str, periods: list[PeriodMention], block_ctx: Context, heads: list[Head],
                      line_at) -> None:
        percents = [m for m in find_numbers(sentence) if PERCENT_AFTER.match(sentence[m.end:])]
        previous_end, previous = 0, None
        for mention in percents:
            pre = sentence[previous_end:mention.start]
            nxt = next((p.start for p in percents if p.start > mention.start), len(sentence))
            post = sentence[mention.end:nxt]
            share = self.percent_subject(pre, post, sentence[:mention.start], block_ctx, heads, previous)
            previous_end = mention.end + (PERCENT_AFTER.match(sentence[mention.end:]).end())
            if share is None:
                continue
            share_of, subjects, party, victim = share
            measure = self.percent_measure(sentence, post, heads)
            if measure is None:
                continue
            if share_of == "period":
                period_list = subjects
                govs = ["all"]
            else:
                post_periods = [p for p in periods if mention.end <= p.start < nxt and p.period]
                pre_periods = [p for p in periods if p.end <= mention.start and p.period]
                if post_periods:
                    period = post_periods[0].period
                elif pre_periods:
                    period = pre_periods[-1].period
                elif previous is not None:
                    period = previous[4]
                else:
                    period = block_ctx.period or self.section.period or self.report
                period_list = [period]
                govs = subjects if share_of == "governorate" else ["all"]
            qualifier = qualifier_of(pre)
            quote = quote_around(sentence, mention.start, mention.end)
            for period in period_list:
                for gov in govs:
                    self.add(period, measure, victim, party, gov, "percent", share_of, mention.value, qualifier,
                             line_at(mention.start), quote, "")
            previous = (share_of, subjects, party, victim, period_list[0])
            if share_of != "period":
                block_ctx.period = period_list[0]

    def percent_subject(self, pre: str, post: str, before_all: str, block_ctx: Context, heads: list[Head], previous):
        """(share_of, subjects, party, victim_group) of a percent, from the words before it."""
        group = re.search(r"\b(children and women|women and children|children|women)\s+(?:alone\s+)?(?:\w+\s+){0,2}?"
                          r"(?:accounted|account|made up|constitut\w*|represent\w*)", pre, re.I)
        if not group and previous is not None and previous[0] == "victim_group":  # "..., and women 14 percent"
            group = re.search(r"(?:^|,|\band\b)\s*(children|women)\s+(?:alone\s+)?(?:for\s+)?$", pre, re.I)
        if group:
            if any(_is_backward(post, m) for m in self.parties(post[:80])):
                return None  # "62 percent of those killed by Russian forces": a share of one party's victims
            victim = {"children": "children", "women": "women"}.get(group.group(1).lower(), "children_and_women")
            return "victim_group", [], "all", victim
        located = re.match(r"\s*(?:percent|%)?\s*(?:of them\s+)?(?:were|was|occurred|took place)\s+in\s+(?:the\s+)?"
                           r"(?:governorates?\s+of\s+)?(?P<list>[^,.;]{2,60})", post, re.I)
        if located and find_governorates(located.group("list")):
            named = find_governorates(located.group("list"))
            parties = [m for m in self.parties(pre) if m.code != "all"]
            if len(named) == 1:
                return "governorate", [named[0].code], parties[-1].code if parties else "all", "all"
        followed = list(re.finditer(r"\b(?:followed by|then(?: by)?)\b", pre, re.I))
        subject_text = pre[followed[-1].end():] if followed else pre
        govs = [m for m in find_governorates(subject_text) if not re.match(r"\s*city\b", subject_text[m.end:])]
        sentence_parties = [m for m in self.parties(before_all) if m.code != "all" and not PARTIAL_BEFORE.search(before_all[:m.start])]
        if govs:
            each_or_one = len(govs) == 1 or re.search(r"\beach\b", pre + post[:25])
            if not each_or_one:
                return None
            denominator = re.match(r"\s*(?:percent|%)?\s*of (?:the |all (?:the )?)?(?:deaths|victims|civilians|civilian deaths)\b[^,.;]*?", post, re.I)
            after = [m for m in self.parties(post[:90]) if m.code != "all" and _is_backward(post, m)] if denominator else []
            if sentence_parties:
                party = sentence_parties[-1].code
            elif after:
                party = after[0].code
            elif previous is not None and previous[0] == "governorate":
                party = previous[2]
            else:
                party = "all"
            return "governorate", [m.code for m in govs], party, "all"
        pre_parties = [m for m in self.parties(pre) if m.code != "all" and not PARTIAL_BEFORE.search(pre[:m.start])]
        if pre_parties:
            of_group = re.match(r"\s*(?:percent|%)?\s*of (?:the |all (?:the )?)?(children|women)\b", post, re.I)
            return "perpetrator", [], pre_parties[-1].code, of_group.group(1).lower() if of_group else "all"
        months = [p for p in find_periods(pre, self.report)
                  if p.kind == "month" and p.period and not re.search(r"\b(?:in|during)\s+(?:the month of\s+)?$", pre[:p.start], re.I)]
        if months:
            if len(months) > 1 and not re.search(r"\beach\b", pre + post[:25]):
                return None
            return "period", [m.period for m in months], "all", "all"
        if previous is not None and not pre.strip(" ,") == "":
            share_of, subjects, party, victim, _ = previous
            if share_of == "perpetrator":
                return None
        after_parties = [m for m in self.parties(post) if m.code != "all" and _is_backward(post, m)]
        bare_pre = re.fullmatch(r"[\s,]*(?:about|approximately|nearly|around|almost|roughly|some)?\s*", pre, re.I)
        if after_parties and bare_pre and not re.search(r"governorate", post, re.I):
            return "perpetrator", [], after_parties[0].code, "all"  # "Nearly 40 percent of the victims were killed by X"
        if re.search(r"\b(?:these|those) (?:deaths|victims|killings)\b|\bwho were responsible\b|"
                     r"^\s*(?:that|this|which)\s+(?:is|was|represents|represented|amounts? to)\b|"
                     r",\s*accounting for\s+(?:about\s+|approximately\s+|nearly\s+)?$", pre, re.I):
            party = block_ctx.party or (heads[-1].parties[0] if heads and heads[-1].parties else None)
            if party and party != "all":
                return "perpetrator", [], party, "all"
        return None

    def percent_measure(self, sentence: str, post: str, heads: list[Head]) -> str | None:
        """What a percent is a share of: deaths under torture, what its denominator names, or civilian deaths."""
        if re.search("tortur", sentence, re.I) or self.section.measure == "torture_deaths":
            return "torture_deaths"
        if re.match(r"\s*(?:percent|%)?\s*of (?:them|these|those)\b", post, re.I):
            return heads[-1].measure if heads else "civilian_deaths"  # "five massacres ..., 40 percent of them"
        if re.match(r"\s*(?:percent|%)?\s*of (?:the |all (?:the )?)?massacres\b", post, re.I):
            return "massacres"
        return "civilian_deaths"

    def add(self, period: str, measure: str, victim: str, party: str, gov: str, unit: str, share_of: str,
            value: float, qualifier: str, line: int, quote: str, note: str) -> None:
        self.figures.append(Figure(self.report, period, measure, victim, party, gov, unit, share_of, float(value),
                                   qualifier, self.source_file, line, quote, note))


# how, not who: "killed by shelling" names no party
METHOD = re.compile(r"(?:an?\s+|the\s+)?(?:(?:artillery|aerial|ground|indiscriminate|rocket|missile)\s+)?"
                    r"(?:shelling|bombardments?|airstrikes?|air strikes?|shells?|rockets?|missiles?|drones?|snipers?|"
                    r"bullets?|explosions?|explosives|IEDs?|car bombs?|war remnants|torture|medical negligence|"
                    r"drowning|gunmen|unidentified|unknown)\b", re.I)
UNKNOWN_ACTOR = re.compile(r"\b(?:forces|groups?|militias?|army|regime|government|factions?|brigades?|units?|"
                           r"fighters|cells|remnants|security|gunmen)\b", re.I)
UNMAPPED = "?"  # a context party that no vocabulary entry maps: figures under it are left out
# a pronoun or anaphor as the subject of "killed": "They killed", "The group killed", "These forces were responsible for"
ANAPHOR_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\b(?:while|and)\s+)(?P<pronoun>they|the group|these (?:forces|groups|factions|militias)|"
    r"those (?:forces|groups)|the latter|it|the militia|the faction)\s+(?:(?:have|has|had)\s+(?:also\s+)?)?"
    r"(?:also\s+)?(?:killed|kill|(?:were|was) responsible for)\s+$", re.I)
# what may follow a party's name in a subject: "ISIS cells", "SDF personnel", "Syrian National Army factions"
AGENT_TAIL = r"\s*(?:cells|personnel|fighters|members|militants|units|elements|gunmen|troops|forces|factions)?\s*"
NOT_AN_AGENT = re.compile(
    r"(?:the\s+)?(?:report|SNHR|Syrian Network for Human Rights|group|network|we|they|it|which|who|that|this|these"
    r"|on the other hand|in turn|meanwhile|however|furthermore|in addition|additionally)(?:\s+\w+)?", re.I)


def unknown_agent_after(window: str) -> str | None:
    """The agent of "killed by <agent>" right after a count, if any (a method such as "shelling" is no agent)."""
    match = re.search(r"\b(?:at the hands of|killed by|perpetrated by|carried out by|committed by|"
                      r"(?:prisons?|detention (?:centers|centres|facilities)|custody) of)\s+(?:the\s+)?"
                      r"(?P<label>[^,.;()]{2,70}?)(?=\s+(?:in|on|at|during|since|with|while|whereas|and|alone)\b|[,.;()]|$)",
                      window)
    if not match or NOT_AN_AGENT.fullmatch(match.group("label")) or METHOD.match(match.group("label")):
        return None
    return match.group("label")


def unknown_agent_before(segment: str) -> str | None:
    """The subject of "<subject> killed N" (its last clause), if it is not a pronoun or the publisher."""
    match = re.search(r"(?:^|[,;:]|\b(?:while|whereas|and)\b)\s*(?:In\s+\w+(?:\s+\d{4})?,\s*)?(?P<label>[^,;:]{2,80}?)\s+"
                      r"(?:(?:have|has|had)\s+(?:also\s+)?)?"
                      r"(?:killed|kill|were responsible for|was responsible for|(?:has|have) been responsible for)\s+$",
                      segment)
    label = re.sub(r"^(?:while|whereas|and)\s+", "", match.group("label").strip()) if match else ""
    if not label or NOT_AN_AGENT.fullmatch(label):
        return None
    return label


def _is_year_or_date(sentence: str, mention: NumberMention) -> bool:
    return (1900 <= mention.value <= 2099 and "," not in mention.text) or bool(
        re.search(rf"{MONTH}\s+$", sentence[: mention.start]))


def _outside_nouns(sentence: str, numbers: list[NumberMention]) -> list[NumberMention]:
    """The numbers that are not inside the noun of the number before ("one of them a woman")."""
    kept: list[NumberMention] = []
    for mention in numbers:
        if not kept or mention.start >= _noun_end(sentence, kept[-1]):
            kept.append(mention)
    return kept


def _noun_end(sentence: str, mention: NumberMention) -> int:
    """Where the noun after a number ends ("91 civilians" -> after "civilians")."""
    return mention.end + noun_of(sentence[mention.end:])[1]


def _is_backward(text: str, mention: LabelMention) -> bool:
    return bool(BACKWARD_MARKER.search(text[: mention.start]))


def _group_qualifier(head_qualifier: str, sentence: str, mention: NumberMention) -> str:
    own = qualifier_of(sentence[: mention.start])
    return own if own != "exact" else head_qualifier


def join_notes(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def title_case_months(text: str) -> str:
    """ "IN NOVEMBER 2024" -> "IN November 2024", so headings in capitals name their month."""
    return re.sub(rf"\b({MONTH.strip('(?:)').upper().replace('|', '|')})\b", lambda m: m.group(1).title(), text)
