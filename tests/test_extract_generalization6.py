"""Sixth round of adversarial tests of ``extract_figures``: whole reports of other months in the real layouts.

``fixtures/generalization6/texts.yaml`` holds six texts of our own (invented numbers) that imitate the five
raw reports as closely as we could, but for months the extractor was not written against:

1. March 2021 in the 2020-11 markdown layout (``####`` party headings, "Landmines of unknown origin",
   "Turkish border guards", torture list "Syrian Regime forces: 11.", "at least nine massacres since the
   beginning of 2021", a non-zero Civil Defense section);
2. August 2022 and June 2023 monthly reports in the 2023-12 PDF-text layout (title broken over lines,
   bold party labels on their own line, Turkish and Jordanian forces, ISIS and HTS, zero and non-zero media
   and Civil Defense sections, massacre lists);
3. February 2024 in the 2024-11 PDF-text layout (regime deaths by governorate, shares of the month, of the
   year to date and of children and women, an anniversary massacre of 2016 among the notable massacres);
4. press releases for September 2021 and July 2024 in the 2024-12 web-text layout (figures run together
   in long paragraphs, "no media workers or Civil Defense personnel were killed").

Several figures are stated twice with different values (both must be kept). Each case is checked five
ways: every row names the report's month; every stated figure is found; no row contradicts a stated figure;
no row has a key the text does not state (``may_also`` lists stated extras) or comes from a ``silent_lines``
line; no row comes from a narrative line. Failing (case, check) pairs are ``xfail(strict=True)``.
"""
from __future__ import annotations

import pytest
from figure_checks import (
    check_found, check_narrative_silent, check_no_contradiction, check_no_unmapped, check_nothing_unstated,
    check_params, check_report_month, run_text_check, text_cases,
)

FOLDER = "generalization6"

CHECK_FUNCTIONS = {
    "report_month": check_report_month,
    "found": check_found,
    "no_contradiction": check_no_contradiction,
    "nothing_unstated": check_nothing_unstated,
    "narrative_silent": check_narrative_silent,
    "no_unmapped": check_no_unmapped,
}

# Currently failing (case, check) pairs: "extractor: <what goes wrong>". Remove an entry once it passes.
XFAIL: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("name, check", list(check_params(text_cases(FOLDER), list(CHECK_FUNCTIONS), XFAIL)))
def test_case(name, check):
    run_text_check(FOLDER, name, CHECK_FUNCTIONS, check)
