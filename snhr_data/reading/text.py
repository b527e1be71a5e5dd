"""Sentences of a block, quotes of a sentence, and months written in capitals."""
from __future__ import annotations

import re

from ..grammar import cached_by_text, fragment, regex


@cached_by_text
def split_sentences(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, sentence) pairs; a semicolon also ends a statement."""
    sentences, start = [], 0
    for match in regex("SentenceEnd").finditer(text):
        sentences.append((start, text[start:match.start() + (1 if text[match.start()] == ";" else 0)]))
        start = match.end()
    sentences.append((start, text[start:]))
    return tuple((offset, s) for offset, s in sentences if s.strip())


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


def masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` blanked (offsets kept)."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def title_case_months(text: str) -> str:
    """ "IN NOVEMBER 2024" -> "IN November 2024", so headings in capitals name their month."""
    return re.sub(rf"\b({fragment('Month').strip('(?:)').upper()})\b", lambda m: m.group(1).title(), text)
