"""Fifth round of adversarial tests of ``extract_figures``: percent statements and periods.

``fixtures/generalization5/texts.yaml`` holds short texts of our own (invented numbers, SNHR house style
2016-2025):

1. Percents: shares of a party ("were responsible for 42 percent", "(12%)", "or 38 percent"), of a
   subcategory of other parties, of a governorate with and without a party, of a month within the year,
   of children and women and of children alone, lists with "followed by ... then ..." and "each"; and
   percents that are no figure of the table (changes on the previous month, shares of the injured or of
   refugees, "nearly half").
2. Periods: an annual report whose title names only the year ("this year" in a report published the next
   January), "last month" in a January report, "the first six months", quarters (a range the table can
   hold, or nothing -- never a month), "since the beginning of the year" in a December report (the
   calendar year), comparisons with the previous month, year-to-date figures through another month than
   the report's, and day dates ("On 1 December 2024").

Each case is checked six ways: every row names the report's month; every stated figure is found; no row
contradicts a stated figure (same key, other value); no row has a key the text does not state
(``may_also`` lists stated extras) or comes from a ``silent_lines`` line; no row comes from a narrative
line; unknown labels are reported with file and line (and no other label is). Failing (case, check)
pairs are marked ``xfail(strict=True)`` with the reason, so a fix shows up as an XPASS failure.
"""
from __future__ import annotations

from functools import partial

import pytest
from figure_checks import (
    check_found, check_narrative_silent, check_no_contradiction, check_nothing_unstated, check_params,
    check_report_month, check_unmapped_reported, run_text_check, text_cases,
)

FOLDER = "generalization5"

CHECK_FUNCTIONS = {
    "report_month": check_report_month,
    "found": check_found,
    "no_contradiction": check_no_contradiction,
    "nothing_unstated": check_nothing_unstated,
    "narrative_silent": check_narrative_silent,
    "unmapped_reported": partial(check_unmapped_reported, ignore_case=True),
}

# Currently failing (case, check) pairs: "extractor: <what goes wrong>". Remove an entry once it passes.
XFAIL: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("name, check", list(check_params(text_cases(FOLDER), list(CHECK_FUNCTIONS), XFAIL)))
def test_case(name, check):
    run_text_check(FOLDER, name, CHECK_FUNCTIONS, check)
