"""Page furniture of web copies, reposts and PDF text layers is skipped before the reader sees the text."""
import re

import pytest
import yaml
from hypothesis import given, strategies as st

from snhr_data.clean import clean_blocks
from snhr_data.furniture import (
    FurnitureVocabError, furniture, is_axis_ticks, is_chrome, parse_furniture, without_breadcrumb, without_furniture,
    without_repost_suffix,
)
from snhr_data.paths import VOCAB_DIR


def vocab_data() -> dict:
    return yaml.safe_load((VOCAB_DIR / "furniture.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("line", [
    "Home Blog", "Contact Us", "Search For Keyword.", "In English", "Languages", "Available In", "clear", "fbpx",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "0 14", "Credit: (AFP)",
    "TOPSHOT - Rescuers search a collapsed building in Idlib on March 4, 2021.",
    "A man walks past a destroyed shop in Ariha. (Photo by Someone / AFP)",
])
def test_site_chrome_lines_are_furniture(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize("line", [
    "In English, the report counts 64 civilians.", "Contact us for the full list of 12 victims.",
    "We documented the killing of 64 civilians, including 9 children.", "Credit goes to our 40 field researchers.",
])
def test_report_sentences_holding_chrome_words_are_kept(line: str) -> None:
    assert not is_chrome(line)


@pytest.mark.parametrize("line, title", [
    ("HomeMonthly ReportsDeath Toll64 Civilians Killed in Syria in August 2021", "64 Civilians Killed in Syria in August 2021"),
    ("HomeReportMonthly ReportsMost Notable Violations in May 2019", "Most Notable Violations in May 2019"),
    ("HomeMonthly ReportsCasualtiesSNHR: 77 Civilians Killed in June 2017", "SNHR: 77 Civilians Killed in June 2017"),
    ("Home Monthly Reports", "Home Monthly Reports"),  # not glued: left to the chrome patterns
    ("Homes of 12 families were destroyed", "Homes of 12 families were destroyed"),
])
def test_glued_breadcrumb_is_cut_from_the_title(line: str, title: str) -> None:
    assert without_breadcrumb(line) == title


def test_repost_title_keeps_title_and_month_but_not_the_site() -> None:
    line = "88 Civilians Killed in Syria, Including 13 Children - April 2019 [EN/AR] - Syrian Arab Republic | ReliefWeb"
    assert without_repost_suffix(line) == "88 Civilians Killed in Syria, Including 13 Children - April 2019"


def test_title_cut_short_is_dropped_when_given_again_in_full() -> None:
    lines = ["31 Civilians, Including 4 Children and...", "", "31 Civilians, Including 4 Children and Two Women, Killed in June 2016"]
    assert without_furniture(lines) == [None, "", lines[2]]
    alone = ["Twelve victims were named...", "The report covers June 2016."]
    assert without_furniture(alone) == alone


def test_breadcrumb_before_a_title_cut_short_is_dropped_whole() -> None:
    assert without_furniture(["HomeMonthly ReportsCasualties..."]) == [None]


def test_table_of_contents_entries_are_dropped_with_wrapped_and_glued_page_numbers() -> None:
    lines = ["Contents", "I. Background and Methodology 1", "II. Civilian Deaths Documented in Syria in", "May 2019 4",
             "III. What is SNHR Doing About the Extrajudicial Killing Issue?26", "", "I. Background and Methodology",
             "We documented 12 civilians killed in the week of May 3-9, after 15"]
    kept = without_furniture(lines)
    assert [i for i, line in enumerate(kept) if line is None] == [0, 1, 2, 3, 4]  # "Contents" with its entries
    assert without_furniture(["Most Notable Massacres?20"]) == [None]


def test_contents_entries_glued_to_their_page_number_are_dropped_but_not_the_prose_after_them() -> None:
    lines = ["Contents", "Overview and Sources2", "Victims by Party4", "", "Overview and Sources",
             "In March 2023, we recorded the deaths of 58 civilians, including 9 children, as well as 21",
             "victims of torture.", "Victims by Party"]
    assert [i for i, line in enumerate(without_furniture(lines)) if line is None] == [0, 1, 2]


def test_a_lone_number_is_dropped_unless_it_continues_a_sentence() -> None:
    assert without_furniture(["Death toll by month", "", "1,874", "", "Next paragraph."]) [2] is None
    assert without_furniture(["We documented the killing of", "212", "civilians."])[1] == "212"


def test_furniture_keeps_the_raw_line_of_every_kept_character() -> None:
    raw = ("Home Blog\nContact Us\nHomeMonthly ReportsDeath Toll64 Civilians, Including...\n"
           "64 Civilians, Including 9 Children, Killed in August 2021\n0 14\nCredit: (AFP)\n\n"
           "SNHR documented the killing of 64 civilians.\n")
    blocks = clean_blocks(raw)
    assert [(b.text, b.first_line) for b in blocks] == [
        ("64 Civilians, Including 9 Children, Killed in August 2021", 4),
        ("SNHR documented the killing of 64 civilians.", 8),
    ]


def test_title_wrapped_over_a_paragraph_break_is_one_block() -> None:
    raw = "212 Civilians Killed in May 2019, Including 11 Women, and 30 Victims\n\nDue to Torture\n\nSunday 2 June 2019\n"
    texts = [b.text for b in clean_blocks(raw)]
    assert texts[0].endswith("and 30 Victims Due to Torture")
    assert clean_blocks("II. Civilian Deaths\n\nDue to the bombing, many fled.\n")[1].text.startswith("Due to")


def test_the_vocabulary_is_checked_when_loaded() -> None:
    assert furniture().chrome.pattern
    with pytest.raises(FurnitureVocabError, match="unknown keys.*chrome_line"):
        parse_furniture({**vocab_data(), "chrome_line": ["x"]})
    with pytest.raises(FurnitureVocabError, match=re.escape("chrome_lines: pattern '(unclosed'")):
        parse_furniture({**vocab_data(), "chrome_lines": ["(unclosed"]})
    with pytest.raises(FurnitureVocabError, match="missing keys.*contents"):
        parse_furniture({k: v for k, v in vocab_data().items() if k != "contents"})


def test_repost_source_line_is_chrome_and_posted_date_reads_as_a_date() -> None:
    assert without_furniture(["Source SNHR", "Posted 2 May 2019", "Posted by our team on 2 May 2019 at noon"]) == [
        None, "2 May 2019", "Posted by our team on 2 May 2019 at noon"]


@given(st.lists(st.sampled_from([
    "Home Blog", "0 14", "Contents", "I. Background 2", "II. Deaths?7", "12", "HomeMonthly ReportsDeath Toll5 Civilians",
    "5 Civilians Killed...", "5 Civilians Killed in May 2019", "Posted 2 May 2019", "", "We documented 5 civilians.",
    "Title - May 2019 [EN] - Syrian Arab Republic | ReliefWeb",
]) | st.text(max_size=40), max_size=30))
def test_furniture_keeps_line_numbers_and_only_cuts_lines(lines: list[str]) -> None:
    kept = without_furniture(lines)
    assert len(kept) == len(lines)
    assert all(line is None or line in original for line, original in zip(kept, lines))


def test_lists_of_links_to_other_reports_are_dropped_up_to_the_next_sentence() -> None:
    lines = ["We documented 12 deaths.", "Related reports", "40 Civilians Killed in May 2020", "June 1, 2020", "",
             "SNHR: 3 Massacres in April 2020", "The report ends here."]
    assert [i for i, line in enumerate(without_furniture(lines)) if line is None] == [1, 2, 3, 5]
    inline = ["Read also: 40 Civilians Killed in May 2020", "Read also: the report counts 40 civilians in May 2020.",
              "Related to the shelling, 12 civilians were killed", "Read also 40 Civilians Killed in May 2020"]
    assert without_furniture(inline) == [None] + inline[1:]


@pytest.mark.parametrize("line", [
    "01-01-2017", "Posted 01-01-2017", "2.07.2023", "2019/07/01", "Sunday 13/02/2022",
    "Share: 31", "Share 112", "Share 0 Tweet 14", "1,204 views", "Comments (3)", "Read the full report · Share: 31",
    "Monthly report - 1 August 2024 - 6", "6 | Monthly report | 1 August 2024",
])
def test_dates_in_digits_counters_and_running_footers_are_furniture(line: str) -> None:
    assert without_furniture([line]) == [None]


@pytest.mark.parametrize("line", [
    "Share the names of the 12 victims.", "Aleppo | 27", "| 59 | 12 | 7 |", "Syrian regime forces 22 4 2",
    " date 2019-07-01 SNHR Documented 21 Massacres", "In 2019-2020, 5 civilians died in the camps.",
])
def test_report_lines_with_counter_words_tables_and_iso_dates_are_kept(line: str) -> None:
    assert without_furniture([line]) == [line]


def test_a_date_in_digits_inside_a_sentence_holds_no_number() -> None:
    line = without_furniture(["On 2.07.2023, 5 civilians were killed; on 01-02-2017, two more."])[0]
    assert line == "On 2/07/2023, 5 civilians were killed; on 01/02/2017, two more."


def test_a_line_repeated_with_a_page_number_going_up_is_a_running_header() -> None:
    lines = ["SNHR | Monthly report | 2", "Regime forces killed 12 civilians.", "SNHR | Monthly report | 3",
             "Other parties: 5", "Other parties: 9"]
    assert without_furniture(lines) == [None, lines[1], None, lines[3], lines[4]]


@pytest.mark.parametrize("line, sentence", [
    ("ISTANBUL, Dec 2 (dpa) - Air strikes and shelling killed 276 civilians.", "Air strikes and shelling killed 276 civilians."),
    ("BEIRUT, March 1 (Reuters) - Gunmen killed 4 civilians.", "Gunmen killed 4 civilians."),
])
def test_a_news_dateline_is_cut_whatever_the_case_of_its_agency(line: str, sentence: str) -> None:
    assert without_furniture([line]) == [sentence]


def test_a_footer_of_addresses_with_a_page_number_is_dropped_but_not_a_sentence_naming_a_site() -> None:
    lines = ["www.example-monitor.org | info@example-monitor.org 7", "See www.example-monitor.org for 12 tables."]
    assert without_furniture(lines) == [None, lines[1]]


@pytest.mark.parametrize("line", ["0      4000      8000      12000", "0 25 50 75 100", "10 20 30"])
def test_a_charts_axis_ticks_are_furniture(line: str) -> None:
    assert without_furniture([line]) == [None]


@pytest.mark.parametrize("line", ["12 40 7", "Aleppo 10 20 30", "30 20 10", "5 5 5", "10 20"])
def test_numbers_that_do_not_go_up_by_one_step_are_no_axis(line: str) -> None:
    assert not is_axis_ticks(line)


def test_a_footnote_at_a_pages_foot_is_dropped_only_when_its_marker_is_glued_in_the_text() -> None:
    lines = ["SNHR counted 40 civilians (adult fe-", "males)3. Of them 9 were children.",
             "3 SNHR counts as a child every victim under 18.", "www.snhr.org 2"]
    raw = ["SNHR counted 40 civilians (adult fe-", "males)3. Of them 9 were children.",
           "3 SNHR counts as a child every victim under 18.", "www.snhr.org 2"]
    assert without_furniture(lines, raw)[2] is None
    unmarked = [lines[0], "males). Of them 9 were children.", lines[2], lines[3]]
    assert without_furniture(unmarked, unmarked)[2] == lines[2]


def test_a_pull_quote_inside_a_sentence_is_dropped_but_not_a_quoted_paragraph() -> None:
    inside = ["killed by other parties, including mines and", "“40 civilians, 9 of them children”", "shells."]
    assert without_furniture(inside)[1] is None
    alone = ["The report was published on Monday.", "“40 civilians, 9 of them children”", "The group said."]
    assert without_furniture(alone)[1] == alone[1]


def test_a_footers_label_again_without_its_page_number_is_the_next_pages_header() -> None:
    lines = ["Civilian Death Toll - First Half of 2017", "SNHR documented 10 deaths.",
             "Civilian Death Toll - First Half of 2017 page 5", "Civilian Death Toll - First Half of 2017",
             "ISIS killed 4.", "Civilian Death Toll - First Half of 2017 page 6"]
    assert without_furniture(lines) == [lines[0], lines[1], None, None, lines[4], None]
