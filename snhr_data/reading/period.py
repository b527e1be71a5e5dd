"""The period of a count: the period phrase of its own clause, the one before it in its segment, the one a
"bringing the total ... to N" names, a headline's trailing one, else the context's."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..grammar import regex
from .dates import PeriodMention
from .heads import Head
from .model import NO_PERIOD, Context


@dataclass(frozen=True)
class PeriodChoice:
    period: str | None  # None: the text gives a period the schema cannot hold ("since that date")
    explicit: bool  # stated in the sentence (not inherited from the context or the count before)
    unreadable: PeriodMention | None = None  # a phrase that gives no readable month ("during Ramadan", "Novmber 2024")


def period_of(head: Head, previous_period: str | None, has_previous: bool, sentence: str,
              periods: tuple[PeriodMention, ...], segment_start: int, bringing: re.Match[str] | None,
              block: Context, section: Context, default: str, title: bool) -> PeriodChoice:
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
    elif head.noun == "bare" and has_previous:
        chosen = PeriodMention(previous_period, 0, 0, "inherited")
    elif before:
        chosen = before[-1]
    elif title or not regex("SentenceEnds").search(sentence.strip()):  # a headline states its period last
        later = [p for p in periods if p.start >= end]
        chosen = later[0] if later else None
    else:
        chosen = None
    if chosen is None:
        period = block.period or section.period or default
        return PeriodChoice(None if period == NO_PERIOD else period, False)
    return PeriodChoice(chosen.period, chosen.period is not None and chosen.kind != "inherited",
                        chosen if chosen.kind in {"ambiguous", "unreadable", "undated"} else None)
