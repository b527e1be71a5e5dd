"""The report month as a reader finds it (snhr_data.reading.month): title, first statements, publication date,
the month stated most; a month the user gives; refusals in one line."""
from __future__ import annotations

import pytest

from snhr_data.reading.dates import NoReportMonthError
from snhr_data.reading.month import date_report


def dating(title: str, body: str = "", given: str | None = None) -> tuple[str, str]:
    found = date_report(title, body, f"{title}\n\n{body}", given)
    return found.month, found.period


@pytest.mark.parametrize("title, expected", [
    ("SNHR: 71 Civilian Deaths Documented in Syria in November 2024", ("2024-11", "2024-11")),
    ("Civilian Deaths in the First Half of 2022", ("2022-06", "2022-01/2022-06")),
    ("Civilians Killed in Syria in the Second Quarter of 2023", ("2023-06", "2023-04/2023-06")),
    ("SNHR's Annual Report: Civilian Deaths in 2019", ("2019-12", "2019")),
    ("... in 2019, with 267 Civilians Killed in December", ("2019-12", "2019-12")),
    # a special report's span: its undated statements are the span's, never its last month's
    ("One Year After the Ceasefire: 1,734 Civilians Killed in Syria from March 2020 to March 2021",
     ("2021-03", "2020-03/2021-03")),
    # a monthly title that also names a span keeps the month
    ("SNHR: 81 Civilians Killed in August 2024, 902 from January to August 2024", ("2024-08", "2024-08")),
])
def test_a_title_gives_the_month_and_the_period_of_undated_statements(title, expected):
    assert dating(title) == expected


@pytest.mark.parametrize("body, expected", [
    ("The Hague - SNHR revealed today that 88 civilians were killed in Syria in March 2021, including 9 children.",
     ("2021-03", "2021-03")),
    ("Wednesday 3 July 2019\n\nSNHR documented 40 civilian deaths during the month of June.", ("2019-06", "2019-06")),
    ("July 3, 2019\n\nSNHR documented the killing of 40 civilians last month.", ("2019-06", "2019-06")),
    (" date 2019-07-01 SNHR Documented 21 Massacres\n\nSNHR documented 21 massacres in the first half of 2019.",
     ("2019-06", "2019-01/2019-06")),
    ("In 2023, SNHR documented the killing of 1,032 civilians.", ("2023-12", "2023")),
    ("The Hague, January 4, 2024 - SNHR said 55 civilians were killed last December.", ("2023-12", "2023-12")),
])
def test_without_a_title_the_first_statements_give_the_month(body, expected):
    assert dating("SNHR Documented 21 Massacres and 48 Victims Who Died Due to Torture", body) == expected


def test_a_publication_date_alone_gives_the_month_before_it_in_its_first_days():
    assert dating("Civilian Deaths Documented", "Sunday 01 December 2024\nbody") == ("2024-11", "2024-11")
    assert dating("Report on the Massacre in Kafr Nabl", "Wednesday 15 June 2022\nbody") == ("2022-06", "2022-06")


def test_else_the_month_stated_most_beside_counts():
    body = ("Regime forces killed 12 civilians in May 2022. ISIS killed four civilians in May 2022. "
            "In April 2022 we had recorded 30 civilians.")
    assert dating("A slogan with neither number nor month", body) == ("2022-05", "2022-05")


def test_a_given_month_dates_a_text_without_a_year_and_agrees_with_one_that_has_it():
    assert dating("Rights group: civilians killed in April", "Some 143 civilians were killed in April.", "2024-04") == (
        "2024-04", "2024-04")
    assert dating("71 Civilian Deaths in November 2024", "", "2024-11") == ("2024-11", "2024-11")
    with pytest.raises(NoReportMonthError, match="the text covers 2024-11, not 2024-10 as --month says"):
        dating("71 Civilian Deaths in November 2024", "", "2024-10")


def test_a_text_naming_no_year_is_refused_with_the_fix():
    with pytest.raises(NoReportMonthError, match=r"names no year; date it with --month YYYY-MM"):
        dating("Rights group: civilians killed in April", "Some 143 civilians were killed in April.")
    with pytest.raises(NoReportMonthError, match=r"no recognizable report month.*--month YYYY-MM"):
        dating("Civilian Deaths Documented", "no date here, but the year 2020 is named.")


def test_a_report_month_after_the_publication_date_is_refused():
    with pytest.raises(NoReportMonthError, match="report month 2031-02 is after the text's own publication date 2024-12-01"):
        dating("Civilian Deaths in February 2031", "Sunday 01 December 2024\nbody")


@pytest.mark.parametrize("body, given, now", [
    # a wire dateline without its year: "last month" counts back from its month, the first on or after the given one
    ("BEIRUT, Dec 1 (Reuters) - 835 civilians were killed last month, a rights group said.", "2017-11", "2017-12"),
    ("AMMAN, Jan 2 (Reuters) - 410 civilians were killed last month, a rights group said.", "2017-12", "2018-01"),
    # no date: a text naming no month whose "last month" is the month it covers
    ("The group said 233 civilians were killed last month.", "2016-03", "2016-04"),
    # no date, a month named and "last month": no month to count back from
    ("The group said 187 civilians were killed in April. It said 12 died under torture last month.", "2016-04", "?"),
])
def test_a_text_the_user_dates_counts_last_month_back_from_its_dateline_or_not_at_all(body, given, now):
    found = date_report("", body, body, given)
    assert (found.month, found.now) == (given, now)
