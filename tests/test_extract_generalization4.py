"""Fourth round of adversarial tests of ``extract_figures``: after the fall of the regime, issue-5 press
releases, anaphora, parentheses, flattened tables and bullets.

``fixtures/generalization4/texts.yaml`` holds short texts of our own (invented numbers):

1. 2025 publications that hold parties outside the code list ("forces of the transitional government",
   "General Security forces", "Assad regime remnants", "armed groups loyal to the former regime",
   "unidentified gunmen") next to known ones (Israeli forces; Assad regime forces for deaths in the former
   regime's prisons). Totals must be right, unknown labels reported with file:line, and their figures left
   out -- never given to another party or to 'all'.
2. Press releases in the shapes of issue 5 (month, year with December, first half of a year, a report on a
   single massacre, victims abroad: the last two state no figure of a monthly Syria toll).
3. Pronoun and anaphor subjects ("They killed", "The group killed", "These forces were responsible for"),
   "(N)" after a label, tables flattened to text, unusual bullets, a title in digits and a body in words.

Each case is checked five ways: every stated figure is found; no row contradicts a stated figure (same
key, other value); no row has a key the text does not state (``may_also`` lists stated extras); unknown
labels are reported with file and line (and no other label is). Failing (case, check) pairs are marked
``xfail(strict=True)`` with the reason, so a fix shows up as an XPASS failure.
"""
from __future__ import annotations

from functools import partial

import pytest
from figure_checks import (
    check_found, check_no_contradiction, check_nothing_unstated, check_params, check_report_month,
    check_unmapped_reported, run_text_check, text_cases,
)

FOLDER = "generalization4"

CHECK_FUNCTIONS = {
    "report_month": check_report_month,
    "found": check_found,
    "no_contradiction": check_no_contradiction,
    "nothing_unstated": check_nothing_unstated,
    "unmapped_reported": partial(check_unmapped_reported, ignore_case=True),
}

# Currently failing (case, check) pairs: "extractor: <what goes wrong>". Remove an entry once it passes.
XFAIL: dict[tuple[str, str], str] = {
}


@pytest.mark.parametrize("name, check", list(check_params(text_cases(FOLDER), list(CHECK_FUNCTIONS), XFAIL)))
def test_case(name, check):
    run_text_check(FOLDER, name, CHECK_FUNCTIONS, check)
