"""Sentence-level reading (snhr_data.reading): nouns, qualifiers, numbers that are not counts, sentence splits, one sentence's figures."""
import pytest

from snhr_data.numbers import find_numbers
from snhr_data.reading.heads import is_count_number, noun_of, qualifier_of
from snhr_data.reading.measure import measure_of_text
from snhr_data.reading.model import Context, Source
from snhr_data.reading.sentence import read_sentence
from snhr_data.reading.text import quote_around, split_sentences


@pytest.mark.parametrize("after, noun", [
    (" civilians, including", "generic"), (" Civilian Deaths", "generic"), (" children", "children"),
    (" female child", "children"), (" women (adult female)", "women"), (" of them a woman", "women"),
    (" were children", "children"), (" massacres", "massacres"), (" medical personnel", "medical"),
    (" deaths among media workers", "media"), (" Civil Defense volunteers", "civil_defense"),
    (" of these civilian deaths", "generic"), (" were killed by HTS", "bare"), (".", "bare"),
    (" each in the governorates", "bare"), (" others were injured", ""), (" Syrian refugees", ""),
    (" of the tents", ""), (" years old", ""),
])
def test_noun_after_a_number(after, noun):
    assert noun_of(after)[0] == noun


@pytest.mark.parametrize("before, qualifier", [
    ("killed ", "exact"), ("accounting for about ", "about"), ("approximately ", "about"), ("nearly ", "about"),
    ("at least ", "at_least"), ("no fewer than ", "at_least"),
])
def test_qualifier_before_a_number(before, qualifier):
    assert qualifier_of(before) == qualifier


@pytest.mark.parametrize("sentence, text", [
    ("On December 21, Geir Pederson said", "21"), ("Resolution 2254 demands", "2254"), ("born in 1985, he", "1985"),
    ("These 10 deaths brought the total", "10"), ("four of the 503 victims", "503"),
    ("between five and 12 civilians", "five"), ("between five and 12 civilians", "12"),
    ("killed five or more peaceful individuals", "five"),
])
def test_numbers_that_are_not_counts(sentence, text):
    mention = next(m for m in find_numbers(sentence) if m.text == text)
    assert not is_count_number(sentence, mention)


def test_counts_are_counts():
    sentence = "the killing of 1,032 civilians, with other parties killing 22 victims"
    assert all(is_count_number(sentence, m) for m in find_numbers(sentence))


def test_measure_named_by_a_heading_is_one_or_none():
    assert measure_of_text("IV. Deaths due to Torture") == "torture_deaths"
    assert measure_of_text("B. Death toll of medical personnel") == "medical_personnel_deaths"
    assert measure_of_text("IV. Deaths due to Torture, and Victims Amongst Media, Medical and Civil Defense Personnel") is None


def test_sentences_split_at_full_stops_and_semicolons_but_not_initials():
    text = "Geir O. Pederson spoke. In May, 12 died; in June, 14 died."
    assert [s for _, s in split_sentences(text)] == ["Geir O. Pederson spoke.", "In May, 12 died;", "in June, 14 died."]


def test_a_long_quote_is_cut_around_the_number():
    sentence = "word " * 100 + "killed 71 civilians " + "word " * 100
    quote = quote_around(sentence, sentence.index("71"), sentence.index("71") + 2)
    assert "71" in quote and quote.startswith("…") and quote.endswith("…") and len(quote) < len(sentence)


def read(sentence, report="2024-11", measure=None):
    figures = read_sentence(sentence, lambda position: 7, Context(), Context(measure=measure), Source("t.txt", report),
                            title=False)
    return {(f.period, f.measure, f.victim_group, f.perpetrator, f.governorate, f.unit): f.value for f in figures}


def test_one_sentence_with_parties_groups_and_a_year_to_date():
    figures = read("In November 2024, regime forces killed 11 civilians, including five children and one woman, "
                   "bringing the total since the start of the year to 100.")
    assert figures == {
        ("2024-11", "civilian_deaths", "all", "syrian_regime", "all", "count"): 11,
        ("2024-11", "civilian_deaths", "children", "syrian_regime", "all", "count"): 5,
        ("2024-11", "civilian_deaths", "women", "syrian_regime", "all", "count"): 1,
        ("2024-01/2024-11", "civilian_deaths", "all", "all", "all", "count"): 100,
    }


def test_a_bare_list_number_takes_the_measure_of_its_section():
    assert read("Syrian regime forces: Seven.", measure="torture_deaths") == {
        ("2024-11", "torture_deaths", "all", "syrian_regime", "all", "count"): 7}


def test_every_row_records_the_line_it_was_read_from():
    figures = read_sentence("We documented the killing of 71 civilians.", lambda position: 42, Context(), Context(),
                            Source("t.txt", "2024-11"), title=False)
    assert [(f.line, f.source_file, f.quote) for f in figures] == [
        (42, "t.txt", "We documented the killing of 71 civilians.")]


@pytest.mark.parametrize("before, after, other", [
    ("not including the more than ", " people who died in the earthquake.", True),
    ("besides ", " earthquake victims.", True),
    ("a toll down from ", " civilians the previous year.", True),
    ("compared with ", " in the previous month.", True),
    ("a toll down from ", " civilians in 2022.", False),  # the comparison names its period
    ("SNHR documented ", " civilians killed by regime forces.", False),
    ("", " civilians died due to torture.", False),
])
def test_counts_of_another_cause_or_a_compared_period_are_no_figure(before, after, other):
    from snhr_data.reading.heads import is_another_count
    assert is_another_count(before, after) is other
