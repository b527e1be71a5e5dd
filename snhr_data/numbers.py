"""Numbers as SNHR writes them: digits ("1,032", "1402", "1.137" in a translated copy) and English words ("Fourteen", "twenty-eight").

Word numbers are converted by the text2num library; this module only finds them in text. ``number_text``
is the one formatter of a stated number as text (tables, the series, the audit's findings).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from .grammar import cached, cached_by_text, regex

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

_TENS_WORD = rf"(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[1:10])}))?"
_SIMPLE_WORD = rf"(?:{_TENS_WORD}|{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
# "a hundred and twelve" (round 42): the article before a scale is one; "eight thousand three hundred and seventeen",
# "one thousand two hundred and five" (a translated copy spelling its counts; round 75d): hundreds after thousands
_HUNDREDS_WORD = rf"(?:{_SIMPLE_WORD}|a)\s+hundred(?:\s+(?:and\s+)?{_SIMPLE_WORD})?"
_BELOW_THOUSAND_WORD = rf"(?:{_HUNDREDS_WORD}|{_SIMPLE_WORD})"
# ... a comma after the thousands before the hundreds ("One thousand, six hundred and seventy-nine civilians", a blog's
# translated title; round 135b: it read as 1000 and 679); never before a smaller word ("two thousand, five of them")
_WORD_NUMBER = (rf"(?:(?:{_BELOW_THOUSAND_WORD}|a)\s+thousand(?:\s+(?:and\s+)?{_BELOW_THOUSAND_WORD}|,\s+{_HUNDREDS_WORD})?"
                rf"|{_HUNDREDS_WORD}|{_SIMPLE_WORD})")
# "1.137 civilians" (a translated copy): a dot before exactly three digits separates thousands ("1.5%", "12.500
# percent" stay decimals)
_DOT_THOUSANDS = r"\d{1,3}(?:\.\d{3})+(?!\d|[.,]\d|\s*(?:%|per ?cent))"
# ... never the whole part alone of a decimal the pattern cannot end ("1.2K" reactions is no 1)
_DIGIT_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+(?:\.\d+)?(?!\d|,\d|\.\d)"

# a thin space the cleaning keeps between digits it could not tell a thousands separator from a gap between two numbers
# ("Aleppo 12 345 67"; clean.spaced_thousands_joined), or after such a comma followed by a space ("Forces: 1, 312";
# clean.comma_spaced_digits_read) or a space ("killed 2 16 civilians"; clean.space_parted_count_read): the digits on
# either side of it are never read
DIGIT_GAP = "\u2009"
DIGITS_PARTED = re.compile(rf"\d[, ]?{DIGIT_GAP}\d")
# the characters a number starts with (a digit, or the first letter of a number word or of "a hundred"), looked for
# before the lookbehinds below are tried at a position: the same matches, in about half the time over a text
_NUMBER_START = rf"(?=[\d{''.join(sorted({word[0] for word in _UNITS + _TENS} | {'a'}))}])"
# a number after a number sign ("Reply #4", "Issue #142") names a post or an issue, never counts
NUMBER_PATTERN = re.compile(
    rf"{_NUMBER_START}(?<![\w.,:/#])(?<!\w-)(?<!\d{DIGIT_GAP})(?<!\d[, ]{DIGIT_GAP})"
    rf"(?:(?P<dots>{_DOT_THOUSANDS})|(?P<digits>{_DIGIT_NUMBER})|(?P<words>{_WORD_NUMBER}))"
    # "killed 624: 301 by ...", never "10:30", "One:"; never a fraction's numerator ("two-thirds of them", "one quarter")
    rf"(?![\w/]|:\S|(?<![\d,]):|-(?:year|month|day|page)|[, ]?{DIGIT_GAP}\d"
    rf"|[- ](?:thirds?|quarters?|fifths?|sixths?|tenths?|halves)\b)",
    re.IGNORECASE,
)
# a word number after a verb of counting, before a colon (the grammar's CountingVerbBeforeWords): a count, not a label
COUNTED_WORDS_BEFORE_COLON = rf"(?P<words>{_WORD_NUMBER})(?=:\s)"

SENTENCE_END = re.compile(r"[.!?]\s+$")
ORDINALS = {"third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


@dataclass(frozen=True)
class NumberMention:
    value: float
    start: int
    end: int
    text: str


def words_to_number(words: str) -> int:
    """``"twenty-eight"`` -> 28, ``"a hundred and twelve"`` -> 112; raises ValueError for text that is not a number."""
    normalized = re.sub(r"^a ", "one ", re.sub(r"\s+", " ", re.sub(r"(?<=thousand),", "", words.strip().lower())))
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


@cached_by_text
def number_mentions(text: str) -> tuple[NumberMention, ...]:
    """``find_numbers``'s mentions."""
    found = []
    for match in NUMBER_PATTERN.finditer(text):
        value = float(match.group("dots").replace(".", "")) if match.group("dots") else parse_number(match.group(0))
        found.append(NumberMention(value, match.start(), match.end(), match.group(0)))
    for match in regex("ArticleOne").finditer(text):
        if match.group("person") and opens_sentence(text[:match.start()]):
            continue
        found.append(NumberMention(1.0, match.start("article"), match.end("article"), match.group("article")))
    for match in counted_words_before_colon().finditer(text):
        found.append(NumberMention(parse_number(match.group("words")), match.start("words"), match.end("words"),
                                   match.group("words")))
    for match in article_after_a_count().finditer(text):
        found.append(NumberMention(1.0, match.start("article"), match.end("article"), match.group("article")))
    for match in regex("OtherOfAPair").finditer(text):
        found.append(NumberMention(1.0, match.start("other"), match.end("other"), match.group("other")))
    for match in regex("BothOfAPair").finditer(text):
        found.append(NumberMention(2.0, match.start("both"), match.end("both"), match.group("both")))
    for match in regex("LastOfASet").finditer(text):
        if parse_number(match.group("rest")) + 1 == ORDINALS[match.group("ordinal").lower()]:
            found.append(NumberMention(1.0, match.start("last"), match.end("last"), match.group("last")))
    return tuple(sorted(found, key=lambda mention: mention.start))


@cached
def counted_words_before_colon() -> re.Pattern[str]:
    """A word number stated by a verb of counting before a colon ("numbered six: four by ...")."""
    return re.compile(regex("CountingVerbBeforeWords").pattern + COUNTED_WORDS_BEFORE_COLON, re.IGNORECASE)


@cached
def article_after_a_count() -> re.Pattern[str]:
    """A special group's member with its article after a count of another's (the grammar's ArticleAfterACount)."""
    return re.compile(rf"\b(?:{_SIMPLE_WORD}|\d{{1,3}})" + regex("ArticleAfterACount").pattern, re.IGNORECASE)


def adds_up_to(text: str, value: float) -> bool:
    """Whether the numbers of ``text``, two or more, add up to ``value``: a breakdown of a count stated before it."""
    parts = [mention.value for mention in find_numbers(text)]
    return len(parts) >= 2 and sum(parts) == value


def opens_sentence(before: str) -> bool:
    """Whether a word after ``before`` opens a sentence (nothing before it, or the end of a sentence)."""
    return not before.strip() or bool(SENTENCE_END.search(before))


def number_text(value: float) -> str:
    """A stated number as text: integers without '.0' ("12"), others as written ("18.2")."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)
