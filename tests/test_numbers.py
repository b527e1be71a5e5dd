"""Numbers as SNHR writes them."""
import pytest
from hypothesis import given, strategies as st

from snhr_data.numbers import find_numbers, parse_number, words_to_number


@pytest.mark.parametrize(
    "text, value",
    [("1,032", 1032), ("1402", 1402), ("Four", 4), ("nine", 9), ("Fourteen", 14), ("twenty-eight", 28),
     ("one hundred and six", 106), ("a", 1)],
)
def test_parse_number_reads_digits_and_words(text, value):
    assert parse_number(text) == value


def test_find_numbers_in_a_sentence_keeps_order_and_positions():
    text = "We documented 1,032 civilians, including Fourteen children and a woman."
    found = find_numbers(text)
    assert [m.value for m in found] == [1032, 14, 1]
    assert [text[m.start:m.end] for m in found] == ["1,032", "Fourteen", "a"]


@pytest.mark.parametrize("text", ["a 38-year-old man", "nine-year-old Inas", "at 10:35 a.m.", "the 13th year",
                                  "a civilian observer", "a civilian-level agent"])
def test_ages_times_ordinals_and_articles_are_not_numbers(text):
    assert find_numbers(text) == []


def test_a_hyphen_before_a_list_is_not_a_compound():
    assert [m.value for m in find_numbers("nine civilians in Syria -six children")] == [9, 6]


@given(st.integers(min_value=0, max_value=999_999))
def test_digits_round_trip_with_thousands_separators(n):
    assert parse_number(f"{n:,}") == n


def test_words_to_number_rejects_non_numbers():
    with pytest.raises(ValueError):
        words_to_number("several")
