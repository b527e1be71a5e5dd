"""Paraphrases of the five raw reports (house-style drift) and provenance on them.

1. Heavy paraphrase of the five raw reports. Each rewrite restates the SAME figures the way SNHR's
   wording drifts between years (active <-> passive voice, "We documented the killing of N" <->
   "N civilians were killed by ..." <-> "SNHR recorded the deaths of N", "including N children" <->
   "among them" <-> "(N children, N women)" <-> "N of them children", list items "- Label: N (N
   children)", percents "accounting for about N percent" <-> "(about N%)" <-> "or roughly N percent",
   headings in capitals or lettered instead of roman, number words <-> digits, the month moved to the
   end of the sentence). All of a report's working rewrites together must leave the figures table
   (key + values + qualifiers) unchanged; each rewrite the extractor gets wrong is also checked alone.
   Changing one figure inside a paraphrased sentence must change exactly that key.
2. Provenance on the raw reports: every row's ``line`` is the raw line on which its number is written
   (digits or words), and its ``quote`` is text of the report (markup removed) that holds the number.
   A paraphrased report printed to PDF gives the figures of its text.
(Press releases as web pages are cases in ``tests/cases/web_furniture/``.)

Cases the extractor gets wrong today are kept and marked ``xfail(strict=True)`` with the reason, so they
turn into failures (and lose the mark) once fixed.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from figure_checks import (
    DEC_2023, DEC_2024, MAY_2020, NOV_2020, NOV_2024, RAW, altered_table, extract_with_warnings,
    figure_table, key, original_table, rewritten_text, show, table_diff,
)
from fixtures.pdfmaker import pdf_safe, text_pdf
from tiers import first_in_make_test

from snhr_data.numbers import find_numbers

REPORTS = [MAY_2020, NOV_2020, DEC_2023, NOV_2024, DEC_2024]


def quietly(source):
    """The figures of ``source``, unmapped-label warnings dropped."""
    return extract_with_warnings(source)[0]


# --- 1. paraphrase: (id, old, new, xfail reason or None) per report ------------------------------

REWRITES: dict[str, list[tuple[str, str, str, str | None]]] = {
    NOV_2024: [
        ("regime-passive-among-percent-paren-month-last",
         "In November 2024, regime forces killed 11 civilians, including five children and one woman, "
         "accounting for about 15 percent of all the month's civilian deaths.",
         "Eleven civilians, among them five children and one woman, were killed by regime forces in "
         "November 2024 (about 15% of all the month's civilian deaths).", None),
        ("total-recorded-deaths-of-them",
         "In November 2024, we documented the killing of 71 civilians, including 20 children and six women, in Syria.",
         "SNHR recorded the deaths of 71 civilians in Syria in November 2024, 20 of them children and six women.", None),
        ("sdf-documented-killed-paren-or-roughly",
         "In November 2024, we documented the killing of 11 civilians, including two children, by SDF, with these "
         "deaths accounting for about 15 percent of all civilian deaths recorded this month.",
         "Eleven civilians (two children) were documented killed by SDF in November 2024, or roughly 15 percent "
         "of all civilian deaths recorded this month.", None),
        ("other-active-paren-groups",
         "In November 2024, we documented the killing of 47 civilians, including 13 children and five women, at the "
         "hands of other parties, who were responsible for about 66 percent of all the month's documented civilian deaths.",
         "Other parties killed 47 civilians (13 children, five women) in November 2024, and were responsible for "
         "about 66 percent of all the month's documented civilian deaths.", None),
        ("landmines-active-month-last",
         "In November 2024, four civilians, including two children, were killed by landmines of unidentified source.",
         "Landmines of unidentified source killed four civilians, including two children, in November 2024.", None),
        ("gunfire-passive-number-word",
         "In November 2024, gunfire of unidentified source killed 13 civilians, accounting for about 28 percent",
         "Thirteen civilians were killed by gunfire of unidentified source in November 2024, accounting for about 28 percent",
         None),
        ("list-item-bare-number-paren-groups",
         "- Killings by unidentified parties: Seven civilians, including three children and one woman.",
         "- Killings by unidentified parties: 7 (3 children, 1 woman).", None),
        ("list-item-digits-paren-group",
         "- Drowning: Seven civilians, including one woman.",
         "- Drowning: 7 civilians (1 woman).", None),
        ("lettered-headings-in-capitals",
         "A. Main parties:", "A. MAIN PARTIES:", None),
        ("roman-heading-to-lettered",
         "V. DEATHS AMONG MEDICAL PERSONNEL", "E. Deaths Among Medical Personnel", None),
        ("torture-passive-documented-by",
         "In November 2024, SNHR documented three deaths due to torture at the hands of the parties to the conflict "
         "and controlling forces in Syria.",
         "Three deaths due to torture at the hands of the parties to the conflict and controlling forces in Syria "
         "were documented by SNHR in November 2024.", None),
        ("massacre-deaths-among-them-month-last",
         "In the massacres documented in November 2024, a total of 15 civilians were killed, including four children "
         "and one woman.",
         "A total of 15 civilians, among them four children and one woman, were killed in the massacres documented "
         "in November 2024.", None),
        ("children-women-made-up-percent-sign",
         "Based on these numbers, children and women accounted for 37 percent of the total death toll.",
         "Children and women thus made up 37% of the total death toll.", None),
        ("governorate-percent-in-parentheses",
         "As the graph shows, Daraa governorate saw the highest number of victims, with 34 percent of all civilian "
         "deaths in November,",
         "Daraa governorate saw the highest number of victims (34 percent of all civilian deaths in November),", None),
        ("israel-list-digits-paren", "- Israeli forces: Nine civilians: Six children and three women.",
         "- Israeli forces: 9 civilians (6 children and 3 women).", None),
        ("bombings-list-two-of-whom", "- Bombings by unidentified parties: Seven civilians, including two children.",
         "- Bombings by unidentified parties: Seven civilians, two of whom were children.", None),
        ("medical-passive-month-last",
         "In November 2024, we documented the killing of one medical worker at the hands of other parties.",
         "One medical worker was killed at the hands of other parties in November 2024.", None),
        ("massacre-list-digit", "Syrian Democratic Forces (SDF): One massacre.", "Syrian Democratic Forces (SDF): 1 massacre.", None),
        ("regime-torture-responsible-for",
         "We also documented three deaths due to torture at the hands of Syrian regime forces.",
         "Syrian regime forces were also responsible for three deaths due to torture.", None),
        ("israel-passive-month-last",
         "In November 2024, Israeli attacks killed nine civilians in Syria -six children and three women.",
         "Nine civilians, six children and three women, were killed in Syria by Israeli attacks in November 2024.", None),
        ("gunfire-governorates-of-the-13",
         "Ten of the 13 victims were killed in Daraa governorate, while two were killed in Suwayda governorate, and one in "
         "Deir Ez-Zour governorate.",
         "Of the 13 victims, ten were killed in Daraa governorate, two in Suwayda governorate and one in Deir Ez-Zour "
         "governorate.", None),
        ("torture-share-passive",
         "Syrian regime forces have been responsible for about 63 percent of all deaths due to torture recorded to date in 2024.",
         "About 63 percent of all deaths due to torture recorded to date in 2024 were at the hands of Syrian regime forces.",
         None),
        ("month-share-possessive-digits",
         "As the graph shows, November accounted for about nine percent of all the civilian deaths documented this year to date.",
         "November's share of all the civilian deaths documented this year to date was about 9%.", None),
        ("regime-governorates-saw-n-of-these",
         "five were killed in Idlib governorate, two each in the governorates of Daraa and Homs,",
         "Idlib governorate saw five of these deaths, Daraa and Homs governorates two each,", None),
        ("other-parties-governorate-share-accounted-for",
         "The governorate of Daraa saw the largest number of deaths at the hands of other parties this month, accounting "
         "for 47 percent of the total, followed by Hasaka governorate with 25 percent.",
         "Daraa governorate accounted for 47 percent of the deaths at the hands of other parties this month, and Hasaka "
         "governorate for 25 percent.", None),
    ],
    MAY_2020: [
        ("regime-active-among-them",
         "We documented the deaths of 10 civilians at the hands of Syrian Regime forces, including \ntwo women.",
         "Syrian Regime forces killed 10 civilians, \namong them two women.", None),
        ("russia-passive-number-word",
         "We documented the death of one civilian at the hands of Russian forces",
         "One civilian was killed by Russian forces", None),
        ("hts-label-digits",
         "o Hay’at Tahrir al Sham: We documented the deaths of three civilians.",
         "o Hay’at Tahrir al Sham: 3 civilians.", None),
        ("factions-documented-killed-paren",
         "SNHR documented the deaths of seven civilians, including two children and one woman.",
         "Seven civilians were documented killed (two children, one woman).", None),
        ("sdf-recorded-of-them-digits",
         "SNHR documented the deaths of seven civilians, including two children.",
         "We recorded the deaths of 7 civilians, 2 of them children.", None),
        ("list-item-bare-number-paren",
         "•  Fires of unknown source: 29 civilians, including four children.",
         "•  Fires of unknown source: 29 (four children).", None),
        ("list-item-among-them",
         "•  Killings by unknown persons: Nine civilians, including two children.",
         "•  Killings by unknown persons: nine civilians, among them two children.", None),
        ("headings-in-capitals",
         "A. The main parties:", "A. THE MAIN PARTIES:", None),
        ("torture-in-month-first",
         "SNHR documented in May 2020 the deaths of eight individuals due to torture, bringing ",
         "In May 2020, eight individuals died due to torture, bringing ", None),
        ("torture-share-percent-word",
         "The record of this month constitutes approximately 14% of the year’s total to date for tor-",
         "This month’s record is approximately 14 percent of the year’s total to date for tor-", None),
        ("torture-list-digit-with-noun",
         "-  Syrian Regime forces: Seven.", "-  Syrian Regime forces: 7 individuals.", None),
        ("zero-no-media-workers-were",
         "SNHR didn’t document any deaths among media workers in May 2020.",
         "No media workers were documented killed in May 2020.", None),
        ("total-passive",
         "In May, the SNHR documented the deaths of 125 civilians, including 26 children and \nsix women",
         "In May, 125 civilians were killed, including 26 children and \nsix women", None),
        ("torture-list-word-with-noun",
         "-  Kurdish-led Syrian Democratic Forces (the Democratic Union Party): One.",
         "-  Kurdish-led Syrian Democratic Forces (the Democratic Union Party): One individual.", None),
        ("massacres-since-first",
         "SNHR documented at least 28 massacres since the beginning of 2020, including one mas-",
         "Since the beginning of 2020, SNHR has documented at least 28 massacres, including one mas-", None),
    ],
    NOV_2020: [
        ("regime-active-of-whom",
         "We documented the deaths of 39 civilians at the hands of Syrian Regime forces, including five children.",
         "Syrian Regime forces killed 39 civilians, five of whom were children.", None),
        ("russia-passive",
         "We documented the deaths of one civilian at the hands of Russian forces.",
         "One civilian was killed by Russian forces.", None),
        ("isis-active-number-word",
         "We documented the deaths of 11 civilians at the hands of ISIS.",
         "ISIS killed eleven civilians.", None),
        ("hts-documented-killed-by",
         "We documented the deaths of four civilians at the hands of Hay'at Tahrir al Sham.",
         "Four civilians were documented killed by Hay'at Tahrir al Sham.", None),
        ("sna-active-paren",
         "We documented the deaths of four civilians, including one child, at the hands of the Armed Opposition/ the "
         "Syrian National Army.",
         "The Armed Opposition/ the Syrian National Army killed four civilians (one child).", None),
        ("sdf-groups-after-party",
         "We documented the deaths of seven civilians, including one child and one woman, at the hands of the "
         "Kurdish-led Syrian Democratic Forces.",
         "SNHR recorded the deaths of seven civilians at the hands of the Kurdish-led Syrian Democratic Forces, "
         "among them one child and one woman.", None),
        ("list-item-bare-number-paren-groups",
         "- Gunfire of unknown source: 65 civilians, including two children and four women.",
         "- Gunfire of unknown source: 65 (2 children, 4 women).", None),
        ("list-item-of-them",
         "- Killings by unknown persons: 19 civilians, including three children and three women.",
         "- Killings by unknown persons: 19 civilians, three of them children and three women.", None),
        ("headings-in-capitals",
         "### A. The main parties:", "### A. THE MAIN PARTIES:", None),
        ("torture-list-number-word",
         "- Syrian Regime forces: 25.", "- Syrian Regime forces: twenty-five.", None),
        ("percent-sign-to-word",
         "with the governorate accounting for nearly 27% of the total death toll",
         "with the governorate accounting for nearly 27 percent of the total death toll", None),
        ("zero-recorded-no",
         "SNHR didn't document any deaths among media workers in November 2020.",
         "SNHR recorded no deaths among media workers in November 2020.", None),
        ("torture-month-first-died",
         "SNHR documented in November 2020 the deaths of 30 victims due to torture, bringing",
         "In November 2020, 30 victims died due to torture, bringing", None),
        ("other-heading-capitals-bare-word", "#### B. Other parties: One.", "#### B. OTHER PARTIES: ONE.", None),
        ("landmines-active-of-them",
         "during this month alone, we documented the deaths of 12 victims, including three children, caused by landmines",
         "during this month alone, landmines killed 12 victims, three of them children,", None),
        ("massacre-deaths-one-of-them-a-girl",
         "with both massacres resulting in the deaths of 11 civilians, including one female child,",
         "with 11 civilians, one of them a girl, killed in the two massacres,", None),
    ],
    DEC_2023: [
        ("month-regime-passive-among",
         "We documented the killing of 31 civilians, including four children and four women, at the hands of Syrian "
         "regime forces.",
         "31 civilians, among them four children and four women, were killed by Syrian regime forces.", None),
        ("year-regime-responsible-for-paren",
         "We documented the killing of 225 civilians, including 57 children and 24 women (adult female), at the hands "
         "of Syrian regime forces.",
         "Syrian regime forces were responsible for the deaths of 225 civilians (57 children and 24 women).", None),
        ("year-russia-passive-of-them-word",
         "We documented the killing of 20 civilians, including six children and five women, at the hands of Russian forces.",
         "Twenty civilians, six of them children and five women, were killed by Russian forces.", None),
        ("year-isis-active",
         "We documented the killing of one civilian at the hands of ISIS.", "ISIS killed one civilian.", None),
        ("list-item-bare-number-paren-groups",
         "- Gunfire of unidentified source: 189 civilians, including eight children and three women.",
         "- Gunfire of unidentified source: 189 (8 children, 3 women).", None),
        ("list-item-digits-among-a-woman",
         "- Jordanian forces: Seven civilians, including five children and one woman.",
         "- Jordanian forces: 7 civilians, among them 5 children and a woman.", None),
        ("hts-passive-month-last",
         "In December, HTS killed five civilians, including one child and two women.",
         "Five civilians, including one child and two women, were killed by HTS in December.", None),
        ("month-share-in-parentheses",
         "As the chart shows, October saw the highest number of deaths in one month, accounting for approximately "
         "16 percent of the total,",
         "October saw the highest number of deaths in one month (approximately 16% of the total),", None),
        ("torture-year-paren-groups-year-last",
         "In 2023, SNHR documented that 57 individuals, including one child and two women, died due to torture by the "
         "parties to the conflict and controlling forces in Syria.",
         "Fifty-seven individuals (one child and two women) died due to torture by the parties to the conflict and "
         "controlling forces in Syria in 2023.", None),
        ("torture-list-digits-one-of-them",
         "- **HTS:** eight individuals, including one woman.", "- **HTS:** 8 individuals, one of them a woman.", None),
        ("massacres-year-last",
         "In 2023, SNHR documented 20 massacres, distributed as follows:",
         "SNHR documented 20 massacres in 2023, distributed as follows:", None),
        ("zero-no-medical-were-killed",
         "We documented no deaths among medical personnel in December.",
         "No medical personnel were killed in December.", None),
        ("other-active-month-moved",
         "In December, we documented the killing of 47 civilians, including nine children and six women, at the hands "
         "of other parties.",
         "Other parties killed 47 civilians in December, among them nine children and six women.", None),
        ("turkish-border-guard-bare-word", "- Turkish Border Guard: 17 civilians.", "- Turkish Border Guard: seventeen.", None),
        ("drowning-among-whom-were", "- Drowning: 78 civilians, including six children and 11 women.",
         "- Drowning: 78 civilians, among whom were six children and 11 women.", None),
        ("year-sna-passive-of-them",
         "We documented the killing of 17 civilians, including five children and one woman, at the hands of the SNA.",
         "Seventeen civilians, five of them children and one a woman, were killed at the hands of the SNA.", None),
        ("year-total-groups-last",
         "In 2023, SNHR documented the killing of 1,032 civilians, including 181 children and 150 women (adult female) at "
         "the hands of the parties to the conflict and controlling forces in Syria.",
         "SNHR documented the killing of 1,032 civilians at the hands of the parties to the conflict and controlling forces "
         "in Syria in 2023, among them 181 children and 150 women (adult female).", None),
        ("month-total-active",
         "In December, SNHR documented the killing of 91 civilians, including 14 children and 13 women (adult female), at "
         "the hands of the parties to the conflict and the controlling forces in Syria.",
         "The parties to the conflict and the controlling forces in Syria killed 91 civilians in December, including 14 "
         "children and 13 women (adult female).", None),
        ("sdf-one-of-them-a-woman",
         "In December, the SDF killed seven civilians, including one woman, as well as one individual due to torture,",
         "Seven civilians, one of them a woman, were killed by the SDF in December, as well as one individual due to torture,", None),
        ("torture-list-one-of-whom-was-a-woman",
         "- **Syrian regime forces:** 32 individuals, including one woman.",
         "- **Syrian regime forces:** 32 individuals, one of whom was a woman.", None),
        ("medical-one-of-them-a-woman-passive",
         "In 2023, SNHR documented the killing of four medical personnel, including one woman, at the hands of Syrian "
         "regime forces.",
         "Four medical personnel, one of them a woman, were killed by Syrian regime forces in 2023.", None),
        ("other-share-that-is",
         "These deaths accounted for approximately 51 percent of December's total death toll.",
         "That is approximately 51 percent of December's total death toll.", None),
    ],
    DEC_2024: [
        ("year-regime-russia-passive",
         "Of these, Assad regime forces killed 356 civilians, including 92 children and 40 women, while Russian forces "
         "killed 29 civilians, including nine children and two women.",
         "Of these, 356 civilians, among them 92 children and 40 women, were killed by Assad regime forces, while 29 "
         "civilians (nine children and two women) were killed by Russian forces.", None),
        ("year-sdf-passive-of-them",
         "In addition, Syrian Democratic Forces (SDF) killed 166 civilians, including 23 children and six women",
         "In addition, 166 civilians, 23 of them children and six women, were killed by Syrian Democratic Forces (SDF)",
         None),
        ("year-hts-passive-number-word",
         "Hay’at Tahrir al-Sham (HTS), on the other hand, killed 21 civilians, including two children and two women",
         "On the other hand, twenty-one civilians, including two children and two women, were killed by Hay’at Tahrir "
         "al-Sham (HTS)", None),
        ("year-other-active",
         "Lastly, the report records that 662 civilians, including 111 children and 65 women, were killed by other parties.",
         "Lastly, other parties killed 662 civilians, including 111 children and 65 women.", None),
        ("governorate-percent-in-parentheses",
         "Daraa governorate came second, with about 18 percent,",
         "Daraa governorate came second (about 18%),", None),
        ("governorate-or-roughly",
         "then Deir Ez-Zour governorate with about 11 percent.",
         "then Deir Ez-Zour governorate, or roughly 11 percent.", None),
        ("torture-passive",
         "As for deaths due to torture, the report documents 86 deaths due to torture in 2024.",
         "As for deaths due to torture, 86 deaths due to torture were documented in 2024.", None),
        ("massacres-year-first-passive",
         "The report also documents 33 massacres in 2024 at the hands of the parties to the conflict and controlling forces.",
         "In 2024, 33 massacres were perpetrated by the parties to the conflict and controlling forces.", None),
        ("month-total-and-two-parties-passive",
         "The report documents the killing of 503 civilians in December 2024. Assad regime forces were responsible "
         "for 223 of these civilian deaths, including those of 65 children and 28 women, while Russian forces killed "
         "13 civilians, including two children and one woman.",
         "In December 2024, 503 civilians were killed. Of these, 223 civilians, including 65 children and 28 women, "
         "were killed by Assad regime forces, while 13 civilians, including two children and one woman, were killed "
         "by Russian forces.", None),
        ("month-other-active",
         "The report also documents the killing of 151 civilians, including 20 children and 13 women by other parties.",
         "Other parties killed 151 civilians, including 20 children and 13 women.", None),
        ("month-sna-active",
         "Eight civilians, including two children and three women, were killed by all armed opposition factions/SNA",
         "All armed opposition factions/SNA killed eight civilians, including two children and three women", None),
        ("year-total-deaths-of",
         "The report documents the killing of 1,264 civilians in 2024.",
         "In 2024, the report documents the deaths of 1,264 civilians.", None),
        ("torture-active-while",
         "Of this total, 52, including two children, were killed by Assad regime forces, while 17 were killed by HTS,",
         "Of this total, Assad regime forces killed 52, including two children, while HTS killed 17,", None),
        ("medical-colon-split",
         "Additionally, 15 medical personnel were killed in 2024, including nine who were killed by other parties, and six "
         "who were killed by Assad regime forces.",
         "Additionally, 15 medical personnel were killed in 2024: nine by other parties and six by Assad regime forces.", None),
        ("civil-defense-all-in-month-last",
         "Three Civil Defense personnel were killed this year, all in December 2024 – two by Assad regime forces and one "
         "by other parties.",
         "Three Civil Defense personnel were killed this year, two by Assad regime forces and one by other parties, all of "
         "them in December 2024.", None),
        ("us-coalition-passive-one-child",
         "Furthermore, US-led international Coalition forces killed one child.",
         "Furthermore, one child was killed by US-led international Coalition forces.", None),
        ("massacres-active-two-each",
         "Fourteen of these massacres were perpetrated by Assad regime forces, while two each were carried out by Russian "
         "forces and the SDF,",
         "Assad regime forces perpetrated 14 of these massacres, Russian forces and the SDF two each,", None),
    ],
}


def assert_paraphrase_leaves_the_table_unchanged(name: str, old: str, new: str, tmp_path: Path) -> None:
    """One rewrite alone: for rewrites that overlap another rewrite of the same report. A rewrite the
    extractor gets wrong gets its own test calling this, marked xfail(strict=True) with the reason."""
    diff = table_diff(original_table(name), altered_table(name, [(old, new)], tmp_path)[0])
    assert diff == {}, show(diff)


def test_groups_after_a_semicolon_keep_the_party_share(tmp_path):
    old = "In November 2024, regime forces killed 11 civilians, including five children and one woman, accounting"
    new = ("In November 2024, regime forces killed 11 civilians; five children and one woman were among the victims, "
           "accounting")
    assert_paraphrase_leaves_the_table_unchanged(NOV_2024, old, new, tmp_path)


@pytest.mark.parametrize("name", first_in_make_test(REPORTS))
def test_all_working_paraphrases_of_a_report_together_leave_the_table_unchanged(name, tmp_path):
    """A report whose whole style drifted: every rewrite not marked as failing, applied together.
    (Each was also checked alone while writing these tests; a failure here shows the changed keys.)"""
    working = [(old, new) for _, old, new, reason in REWRITES[name] if reason is None]
    assert len(working) >= 8
    diff = table_diff(original_table(name), altered_table(name, working, tmp_path)[0])
    assert diff == {}, show(diff)


# --- 1b. a changed figure inside a paraphrased sentence changes exactly that key -------------------

CHANGED_FIGURES = [
    # (report, replacement, {key: (before, after)}) -- before/after as (value, qualifier) statements
    (NOV_2024,
     ("In November 2024, regime forces killed 11 civilians, including five children and one woman, "
      "accounting for about 15 percent of all the month's civilian deaths.",
      "Eleven civilians, among them four children and one woman, were killed by regime forces in "
      "November 2024 (about 15% of all the month's civilian deaths)."),
     {key("2024-11", "2024-11", "civilian_deaths", "children", "syrian_regime"):
      (((5.0, "exact"), (5.0, "exact")), ((4.0, "exact"), (5.0, "exact")))}),
    (DEC_2023,
     ("We documented the killing of 20 civilians, including six children and five women, at the hands of Russian forces.",
      "Twenty-two civilians, six of them children and five women, were killed by Russian forces."),
     {key("2023-12", "2023", "civilian_deaths", "all", "russia"): (((20.0, "exact"),), ((22.0, "exact"),))}),
    (NOV_2020,
     ("- Gunfire of unknown source: 65 civilians, including two children and four women.",
      "- Gunfire of unknown source: 65 civilians (2 children, 5 women)."),
     {key("2020-11", "2020-11", "civilian_deaths", "women", "gunfire_unidentified"): (((4.0, "exact"),), ((5.0, "exact"),))}),
    (DEC_2024,
     ("Lastly, the report records that 662 civilians, including 111 children and 65 women, were killed by other parties.",
      "Lastly, other parties killed 626 civilians, including 111 children and 65 women."),
     {key("2024-12", "2024", "civilian_deaths", "all", "other_parties"): (((662.0, "exact"),), ((626.0, "exact"),))}),
    (MAY_2020,
     ("We documented the deaths of 10 civilians at the hands of Syrian Regime forces, including \ntwo women.",
      "Syrian Regime forces killed 12 civilians, \namong them two women."),
     {key("2020-05", "2020-05", "civilian_deaths", "all", "syrian_regime"): (((10.0, "exact"),), ((12.0, "exact"),))}),
]


@pytest.mark.parametrize("name, replacement, expected", CHANGED_FIGURES,
                         ids=[f"{c[0][5:12]}-{i}" for i, c in enumerate(CHANGED_FIGURES)])
def test_changing_a_figure_in_a_paraphrased_sentence_changes_only_that_key(name, replacement, expected, tmp_path):
    diff = table_diff(original_table(name), altered_table(name, [replacement], tmp_path)[0])
    assert diff == expected, show(diff)


# --- 2. provenance: the line states the number, the quote is report text holding it ------------------

ZERO_WORDS = re.compile(r"\bno\b|n['’]t\b|\bnot\b|\bnone\b", re.IGNORECASE)


def states_number(text: str, value: float) -> bool:
    """Whether ``text`` writes ``value`` (digits or words, "a child" as one; a zero as "no" / "didn't")."""
    if value == 0 and ZERO_WORDS.search(text):
        return True
    return any(m.value == value for m in find_numbers(text))


def squashed(text: str) -> str:
    """Letters and digits only, lower case: text compared across wraps, hyphenation, punctuation and quotes."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def without_markup(raw: str) -> str:
    """The report text with footnote markers, tags, link targets and markdown emphasis/heading marks removed."""
    text = re.sub(r"<sup>.*?</sup>", "", raw, flags=re.IGNORECASE | re.DOTALL)
    text = re.sub(r"</?[a-zA-Z][^>]*>", "", text)
    text = re.sub(r"\]\((?:[^()]|\([^)]*\))*\)", "]", text)
    return text


def split_total(note: str) -> float | None:
    """The stated total of a row the extractor derived by splitting it one per governorate (its note says so)."""
    match = re.search(r"(\d+) deaths across \d+ governorates: one each", note)
    return float(match.group(1)) if match else None


@cache
def raw_rows(name: str):
    return quietly(RAW / name)


@pytest.mark.parametrize("name", first_in_make_test(REPORTS))
def test_every_row_points_at_the_raw_line_that_writes_its_number(name):
    lines = (RAW / name).read_text(encoding="utf-8").split("\n")
    frame = raw_rows(name)
    assert len(frame) > 0 and set(frame["source_file"]) == {name}
    bad = [f"line {row.line} {row.perpetrator} {row.victim_group} {row.measure} {row.value:g}: {lines[row.line - 1][:90]!r}"
           for row in frame.itertuples(index=False)
           if not (1 <= row.line <= len(lines) and states_number(lines[row.line - 1], row.value))]
    assert bad == [], "\n".join(bad)


@pytest.mark.parametrize("name", first_in_make_test(REPORTS))
def test_every_quote_is_report_text_that_holds_its_number(name):
    report = squashed(without_markup((RAW / name).read_text(encoding="utf-8")))
    bad = []
    for row in raw_rows(name).itertuples(index=False):
        quote = row.quote.strip("…").strip()
        if not quote or squashed(quote) not in report:
            bad.append(f"line {row.line}: quote not in the report: {row.quote[:100]!r}")
        elif not states_number(quote, split_total(row.note) or row.value):
            bad.append(f"line {row.line}: quote lacks {row.value:g}: {row.quote[:100]!r}")
    assert bad == [], "\n".join(bad)


def test_a_paraphrased_report_printed_to_pdf_gives_the_figures_of_its_text(tmp_path):
    """The whole-style-drift copy of the December 2024 press release, as text and as PDF: same keys, same values."""
    working = [(old, new) for _, old, new, reason in REWRITES[DEC_2024] if reason is None]
    text = pdf_safe(rewritten_text(DEC_2024, working))
    text_file = tmp_path / "paraphrased.txt"
    text_file.write_text(text, encoding="utf-8")
    pdf = text_pdf(text, tmp_path / "paraphrased.pdf", header="Syrian Network for Human Rights",
                   footer="snhr.org", page_numbers=True)
    from_text, from_pdf = figure_table(quietly(text_file)), figure_table(quietly(pdf))
    assert len(from_text) > 50
    diff = table_diff(from_text, from_pdf)
    assert diff == {}, show(diff)
    assert table_diff(original_table(DEC_2024), from_text) == {}


def test_a_dash_aside_paraphrase_alone_leaves_the_table_unchanged(tmp_path):
    """Checked alone: it rewrites the sentence the passive paraphrase above also rewrites."""
    old = "Of these, Assad regime forces killed 356 civilians, including 92 children and 40 women,"
    new = "Of these, 356 civilians - 92 children and 40 women among them - were killed by Assad regime forces,"
    assert_paraphrase_leaves_the_table_unchanged(DEC_2024, old, new, tmp_path)


def test_an_elliptical_responsible_for_paraphrase_alone_leaves_the_table_unchanged(tmp_path):
    """Checked alone: another paraphrase above rewrites part of the same sentence."""
    old = ("while 17 were killed by HTS, six were killed by all armed opposition factions/SNA, 10 by SDF, including two "
           "children and one woman,")
    new = ("while HTS was responsible for 17, all armed opposition factions/SNA for six and SDF for 10 (two children and "
           "one woman),")
    assert_paraphrase_leaves_the_table_unchanged(DEC_2024, old, new, tmp_path)
