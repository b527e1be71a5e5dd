"""The period type (snhr_data.periods): codes, spans, containment, tiling, labels and file-name parts."""
from __future__ import annotations

import pytest

from snhr_data.periods import (
    contains, containing_period, is_period, month_name, month_number, months_spanned, period_end, period_label,
    period_slug, period_span, period_tiling, period_type, shift_month, year_to_date,
)


@pytest.mark.parametrize("code, ok", [("2024-11", True), ("2024", True), ("2024-01/2024-11", True),
                                      ("2023-12/2024-12", True), ("2024-13", False), ("24-11", False), ("", False)])
def test_period_codes(code, ok):
    assert is_period(code) is ok


def test_types_spans_and_ends():
    assert [period_type(p) for p in ("2024-11", "2024", "2024-01/2024-11")] == ["month", "year", "range"]
    assert months_spanned("2023-12/2024-12") == 13 and months_spanned("2024") == 12
    assert period_span("2024")[1] - period_span("2024")[0] == 11
    assert [period_end(p) for p in ("2024", "2024-01/2024-11", "2024-05")] == ["2024-12", "2024-11", "2024-05"]


def test_containment_and_the_containing_period():
    assert contains("2024", "2024-03") and contains("2024-01/2024-06", "2024-06") and not contains("2024-05", "2024")
    assert containing_period(["2024-01/2024-11", "2024", "2024-11"], "2024-11") == "2024"
    assert containing_period(["2024-01/2024-06", "2024-01/2024-11"], "2024-05") == "2024-01/2024-11"
    assert containing_period(["2023"], "2024-05") is None


def test_tiling():
    assert period_tiling("2024", ["2024-01/2024-11", "2024-12", "2024-05"]) == (["2024-01/2024-11", "2024-12"], True)
    assert period_tiling("2024", ["2024-01/2024-06"]) == (["2024-01/2024-06"], False)


def test_labels_and_file_name_parts():
    assert [period_label(p) for p in ("2024-11", "2024", "2024-01/2024-11", "2023-12/2024-12")] == [
        "Nov 2024", "2024", "Jan–Nov 2024", "Dec 2023–Dec 2024"]
    assert month_name("2024-11") == "November 2024"
    assert period_slug("2024-01/2024-11") == "2024-01_2024-11"


def test_months_by_name_and_arithmetic():
    assert [month_number(m) for m in ("November", "nov.", "Sept", "May")] == [11, 11, 9, 5]
    assert shift_month("2024-01", -1) == "2023-12" and shift_month("2024-12", 1) == "2025-01"
    assert [year_to_date(2024, e) for e in ("2024-12", "2024-01", "2024-05")] == ["2024", "2024-01", "2024-01/2024-05"]
