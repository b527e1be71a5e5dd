"""Numbers as SNHR writes them: digits ("1,032", "1402", "1.137" in a translated copy) and English words ("Fourteen", "twenty-eight").

Word numbers are converted by the text2num library; this module only finds them in text. ``number_text``
is the one formatter of a stated number as text (tables, the series, the audit's findings).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ["hundred", "thousand"]

_TENS_WORD = rf"(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[1:10])}))?"
_SIMPLE_WORD = rf"(?:{_TENS_WORD}|{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
_WORD_NUMBER = rf"{_SIMPLE_WORD}(?:\s+(?:{'|'.join(_SCALES)})(?:\s+(?:and\s+)?{_SIMPLE_WORD})?)?"
# "1.137 civilians" (a translated copy): a dot before exactly three digits separates thousands ("1.5%", "12.500
# percent" stay decimals)
_DOT_THOUSANDS = r"\d{1,3}(?:\.\d{3})+(?!\d|[.,]\d|\s*(?:%|per ?cent))"
_DIGIT_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+(?:\.\d+)?(?!\d|,\d)"

# a thin space the cleaning keeps between digits it could not tell a thousands separator from a gap between two numbers
# ("Aleppo 12 345 67"; clean.spaced_thousands_joined): the digits on either side of it are never read
DIGIT_GAP = "\u2009"
DIGITS_PARTED = re.compile(rf"\d{DIGIT_GAP}\d")
NUMBER_PATTERN = re.compile(
    rf"(?<![\w.,:/])(?<!\w-)(?<!\d{DIGIT_GAP})"
    rf"(?:(?P<dots>{_DOT_THOUSANDS})|(?P<digits>{_DIGIT_NUMBER})|(?P<words>{_WORD_NUMBER}))"
    # "killed 624: 301 by ...", never "10:30", "One:"
    rf"(?![\w/]|:\S|(?<![\d,]):|-(?:year|month|day|page)|{DIGIT_GAP}\d)",
    re.IGNORECASE,
)
# "a child", "a woman": the article is the number one. ("a civilian observer" is not a count.) So is it before one of
# a special group said to be among the victims ("a paramedic was among those killed"), and only then ("told a
# journalist" is no count, "a doctor was killed in the attack" narrates one incident). "A woman" opening a sentence
# is the subject of a story or a photo's caption ("A woman and her son walk between tents ..."), no count
ARTICLE_ONE = re.compile(
    r"(?<![\w-])(?P<article>an?)\s+(?=(?P<person>(?:female\s+|male\s+)?(?:child|woman|girl|boy)(?![\w-]))"
    r"|(?:paramedic|doctor|nurse|pharmacist|journalist|media (?:worker|activist)|civil defen[cs]e (?:volunteer|member))"
    r"\s+was\s+(?:also\s+)?among\s+(?:those\s+killed|the\s+(?:dead|victims|killed))\b)",
    re.IGNORECASE,
)

# a word number before a colon is a label ("One:"), unless a verb of counting states it ("Deaths due to torture numbered
# six: four by ..."; round 22): the count its parts follow
COUNTED_WORD_BEFORE_COLON = re.compile(
    rf"\b(?:numbered|reached|totall?ed|amounted to|stood at)\s+(?P<words>{_WORD_NUMBER})(?=:\s)", re.IGNORECASE)

SENTENCE_END = re.compile(r"[.!?]\s+$")
# "the other" after "one" in a pair split by party ("two massacres, one committed by ISIS and the other by other
# parties"): the second of the pair, one
OTHER_OF_A_PAIR = re.compile(r"\bone\b[^.;:]{1,60}?,?\s+and\s+(?P<other>the other)\s+(?=by\b|at the hands of\b|(?:was|were)\s+)",
                             re.IGNORECASE)
# ... and the last of a set after the count of the rest ("three massacres, two of them committed by ISIS and the third
# by other parties"; round 37): one, when its ordinal is the one after that count (the nearest number before it)
LAST_OF_A_SET = re.compile(
    r"\b(?P<rest>two|three|four|five|[2-5])\b(?=(?:(?!\b(?:one|two|three|four|five|six)\b)[^.;:\d]){1,60}?,?\s+and\s+"
    r"(?P<last>the\s+(?P<ordinal>third|fourth|fifth|sixth))"
    r"\s+(?:(?:was|were)\s+)?(?:committed\s+)?(?:by\b|at the hands of\b))",
    re.IGNORECASE)
ORDINALS = {"third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
# ... and a special group's member with its article after a count of another special group, each said killed ("One
# medical worker was killed by X, and a Civil Defense volunteer was killed by ..."; round 41): one, like the count before
_SPECIAL_MEMBER = r"(?:medical (?:worker|staff member)|media (?:worker|activist)|civil defen[cs]e (?:volunteer|member)|" \
    r"paramedic|doctor|nurse|journalist)"
ARTICLE_AFTER_A_COUNT = re.compile(
    rf"\b(?:{_SIMPLE_WORD}|\d{{1,3}})\s+{_SPECIAL_MEMBER}s?\s+(?:was|were)\s+killed\b[^.;:]{{0,80}}?,?\s+and\s+"
    rf"(?P<article>an?)\s+"
    rf"(?={_SPECIAL_MEMBER}\s+was\s+(?:also\s+)?killed\b)",
    re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    value: float
    start: int
    end: int
    text: str


def words_to_number(words: str) -> int:
    """``"twenty-eight"`` -> 28; raises ValueError for text that is not a number."""
    normalized = re.sub(r"\s+", " ", words.strip().lower())
    return int(text2num(normalized, "en"))


def parse_number(text: str) -> float:
    """A number written in digits or words, e.g. ``"1,032"``, ``"Fourteen"``, ``"a"`` (one)."""
    stripped = text.strip()
    if stripped.lower() in {"a", "an"}:
        return 1.0
    if re.fullmatch(_DIGIT_NUMBER, stripped):
        return float(stripped.replace(",", ""))
    return float(words_to_number(stripped))


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text``, in order, digits and words alike (including "a child" as one)."""
    return list(number_mentions(text))


@lru_cache(maxsize=8192)  # the same sentences come back whenever a report is read again
def number_mentions(text: str) -> tuple[NumberMention, ...]:
    """``find_numbers``'s mentions."""
    found = []
    for match in NUMBER_PATTERN.finditer(text):
        value = float(match.group("dots").replace(".", "")) if match.group("dots") else parse_number(match.group(0))
        found.append(NumberMention(value, match.start(), match.end(), match.group(0)))
    for match in ARTICLE_ONE.finditer(text):
        if match.group("person") and opens_sentence(text[:match.start()]):
            continue
        found.append(NumberMention(1.0, match.start("article"), match.end("article"), match.group("article")))
    for match in COUNTED_WORD_BEFORE_COLON.finditer(text):
        found.append(NumberMention(parse_number(match.group("words")), match.start("words"), match.end("words"),
                                   match.group("words")))
    for match in ARTICLE_AFTER_A_COUNT.finditer(text):
        found.append(NumberMention(1.0, match.start("article"), match.end("article"), match.group("article")))
    for match in OTHER_OF_A_PAIR.finditer(text):
        found.append(NumberMention(1.0, match.start("other"), match.end("other"), match.group("other")))
    for match in LAST_OF_A_SET.finditer(text):
        if parse_number(match.group("rest")) + 1 == ORDINALS[match.group("ordinal").lower()]:
            found.append(NumberMention(1.0, match.start("last"), match.end("last"), match.group("last")))
    return tuple(sorted(found, key=lambda mention: mention.start))


def opens_sentence(before: str) -> bool:
    """Whether a word after ``before`` opens a sentence (nothing before it, or the end of a sentence)."""
    return not before.strip() or bool(SENTENCE_END.search(before))


def number_text(value: float) -> str:
    """A stated number as text: integers without '.0' ("12"), others as written ("18.2")."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)
