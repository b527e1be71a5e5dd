"""Zeros stated in words: "We documented no deaths among medical personnel", "no media workers or Civil
Defense personnel were killed", "No one died due to torture". Patterns: ``ZeroStatement`` in ``vocab/clauses.yaml``."""
from __future__ import annotations

from ..grammar import regex, regexes
from .heads import noun_of
from .measure import NOUN_MEASURE
from .model import NO_PERIOD, Context, Figure, Sentence
from .text import quote_around


def read_zero_statements(sentence: Sentence, block: Context, section: Context) -> list[Figure]:
    """One zero per measure the sentence says no one of was killed."""
    text, seen, figures = sentence.text, set(), []
    for match in (m for pattern in regexes("ZeroStatement") for m in pattern.finditer(text)):
        for group in regex("ZeroGroupSplit").split(match.group("group")):
            measure = NOUN_MEASURE.get(noun_of(" " + group)[0]) or (
                "torture_deaths" if regex("TortureZero").match(group) else None)
            if measure and measure not in seen:
                seen.add(measure)
                found = [p for p in sentence.source.periods(text) if p.period or p.kind in {"ambiguous", "unreadable"}]
                period = found[0].period if found else (block.period or section.period or sentence.source.period)
                if period in {None, NO_PERIOD}:
                    continue  # "during Ramadan": either of two months
                figures.append(sentence.figure(period, measure, "all", "all", "all", "count", "", 0.0, "exact",
                                               sentence.line_at(match.start()),
                                               quote_around(text, match.start(), match.end()), "stated as no deaths"))
    return figures
