"""Period phrases and the report month, read from the text relative to the report month (snhr_data.reading.dates)."""
import pytest

from snhr_data.reading.dates import find_periods, is_date_line, publication_date, title_month


def periods(text, report="2024-11"):
    return [(m.period, text[m.start:m.end]) for m in find_periods(text, report)]


@pytest.mark.parametrize(
    "text, report, expected",
    [
        ("since the start of the year, up until the end of November, to 761", "2024-11", "2024-01/2024-11"),
        ("since the beginning of 2020 up to June 2020 to 910", "2020-05", "2020-01/2020-05"),
        ("since the beginning of 2023", "2023-12", "2023"),
        ("of all deaths due to torture documented in 2024 to date", "2024-11", "2024-01/2024-11"),
        ("recorded to date in 2024", "2024-11", "2024-01/2024-11"),
        ("the death toll as a result of landmines this year", "2020-11", "2020-01/2020-11"),
        ("killed this year", "2024-12", "2024"),
        ("of all the month's civilian deaths", "2024-11", "2024-11"),
        ("of December's total death toll", "2024-01", "2023-12"),
        ("in December", "2023-12", "2023-12"),
        ("in May 2020", "2023-12", "2020-05"),
        ("in the first half of 2022", "2022-06", "2022-01/2022-06"),
        ("in 2023", "2023-12", "2023"),
        # a month with its year and a time after it is that year's, never the month a year back (round 8)
        ("on Thu, 1 Aug 2019 09:12:44 +0000", "2019-07", "2019-08"),
        ("in March 2021 12 civilians", "2021-03", "2021-03"),
        # "since <Month>" with no day or year: no period of a count (round 8)
        ("which have shelled the area since December, killed four", "2025-01", None),
    ],
)
def test_period_phrases_resolve_against_the_report_month(text, report, expected):
    assert [p for p, _ in periods(text, report)][0] == expected


def test_dates_are_not_periods():
    assert periods("on November 27, Syrian regime forces") == []
    assert periods("as of December 1, 2024") == []


def test_a_period_the_schema_cannot_hold_is_marked_unknown():
    assert periods("95 civilians documented killed since that date", "2023-12")[0][0] is None


def test_the_month_of_names_the_month_not_this_month():
    assert [p for p, _ in periods("The month of May saw the highest")] == ["2024-05"]


def test_the_title_month_is_its_latest_month_or_the_end_of_its_half_year_or_quarter():
    assert title_month("1,032 Deaths ... Documented in 2023 We Documented 91 Civilian Deaths in December 2023") == "2023-12"
    assert title_month("Civilian Deaths in the First Half of 2022") == "2022-06"
    assert title_month("Civilians Killed in Syria in the Second Quarter of 2023") == "2023-06"
    assert title_month("Civilian Deaths Documented") is None


def test_publication_date_lines():
    assert publication_date("title\nTuesday 1 December 2020\n") == "2020-12-01"
    assert publication_date(" date 2025-01-02 503 Civilians") == "2025-01-02"


@pytest.mark.parametrize("line, expected", [
    ("Published: 4 May 2021", "2021-05-04"),
    ("Published: 1 November 2020 · 4 min read", "2020-11-01"),
    ("By Staff Reporter 2 December 2018", "2018-12-02"),
    ("Wednesday 5 June 2024", "2024-06-05"),
    ("Posted on November 2, 2014 by SNHR", "2014-11-02"),
    ("October 2, 2024 | 10:15 AM", "2024-10-02"),
    ("March 1, 2016 2:41 PM UTC", "2016-03-01"),
    ("BEIRUT, Aug. 1, 2015 (AFP) - At least 1,418 civilians were killed", "2015-08-01"),
    ("Date: 2019-07-01", "2019-07-01"),
    ("Idlib, 01/05/2022", "2022-05-01"),
    ("ANKARA (AA) - 2/06/2020", "2020-06-02"),
    ("ISTANBUL (AA) - 2.07.2023", "2023-07-02"),
    ("Last updated: 3rd Jan 2022", "2022-01-03"),
    ("July 1st, 2019", "2019-07-01"),
    ("2019/07/01", "2019-07-01"),
    ("Mon 2 May 2022", "2022-05-02"),
    ("May 2, 2022 at 9:14 am", "2022-05-02"),
    ("By Jane Doe | May 2, 2022", "2022-05-02"),
    ("Updated 2 May 2022, 09:14 GMT", "2022-05-02"),
    ("02-05-2022", "2022-05-02"),
    ("2024-12-01T09:00:00+00:00", "2024-12-01"),
])
def test_publication_dates_in_every_form_a_copy_carries(line, expected):
    assert publication_date(f"A headline\n{line}\nThe body.") == expected
    assert is_date_line(line)


@pytest.mark.parametrize("line", [
    "ANKARA (AA) - 31/13/2020",  # no 13th month
    "SNHR: 71 Civilian Deaths Documented in Syria in November 2024",  # a month, no day
    "On Sunday, 3 December 2023, regime forces shelled the town",  # a statement that holds a date
    "BEIRUT, March 1 (Reuters) - Russian air strikes killed 679 civilians",  # a dateline without its year
    " date 2025-01-02 503 Civilians Deaths; Including 96 Children",  # a date glued to a title: a title line
])
def test_lines_that_give_no_publication_date(line):
    assert not is_date_line(line)


def test_the_earliest_date_line_is_the_publication_date():
    assert publication_date("Title\nPosted on July 1, 2014\nUpdated: 3 August 2014\nbody") == "2014-07-01"
    assert publication_date(" date 2025-01-02 503 Civilians Deaths; Including 96 Children\nbody") == "2025-01-02"


def test_a_day_first_date_names_no_month_of_a_title():
    assert title_month("Most Notable Violations in Syria in May 2024 Wednesday 5 June 2024") == "2024-05"


@pytest.mark.parametrize("text, report, expected", [
    ("from the beginning of 2024 until the end of September 2024", "2024-10", "2024-01/2024-09"),
    ("From January to August 2024", "2024-10", "2024-01/2024-08"),
    ("in the second quarter of 2023", "2023-06", "2023-04/2023-06"),
    ("in the first six months of 2022", "2022-06", "2022-01/2022-06"),
    ("compared with 103 civilians last month", "2024-01", "2023-12"),
    ("down from 14 in the previous month", "2024-08", "2024-07"),
])
def test_ranges_quarters_and_previous_months(text, report, expected):
    assert [p for p, _ in periods(text, report)][0] == expected


def test_a_range_of_days_is_a_period_the_schema_cannot_hold():
    assert periods("Between 1 and 8 December 2024, Syrian regime forces killed", "2024-12")[0][0] is None
