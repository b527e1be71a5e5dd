"""Report descriptions: the source line under each chart, from the raw manifest."""
from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from .formatting import month_name, period_label


MAX_LISTED_SOURCES = 6  # more reports than this are summed up in one line (an archive-wide chart)


def source_text(reports: Sequence[str], sources: Mapping[str, str]) -> str:
    """The footer's source line: each report described, or, for many, how many and which months."""
    months = sorted(set(reports))
    if len(months) > MAX_LISTED_SOURCES:
        return (f"Sources: {len(months)} SNHR reports, {period_label(months[0])} to {period_label(months[-1])} "
                "(each listed in data/raw/manifest.csv).")
    used = [sources.get(report, f"SNHR report for {period_label(report)}") for report in months]
    return ("Source: " if len(used) == 1 else "Sources: ") + "; ".join(used) + "."


def describe_reports(manifest: pd.DataFrame) -> dict[str, str]:
    """report month -> source line naming the SNHR publication and its date, from the raw manifest."""
    kinds = {"monthly_report": "SNHR monthly death-toll report", "press_release": "SNHR press release"}
    out = {}
    for row in manifest.itertuples():
        published = row.published if isinstance(row.published, str) and row.published else ""
        when = f", published {published}" if published else ", publication date not recorded"
        out[row.report_month] = f"{kinds.get(row.kind, 'SNHR report')} for {month_name(row.report_month)}{when}"
    return out
