"""Report descriptions: the source line under each chart, from the raw manifest."""
from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd

from .formatting import month_name, period_label

def source_text(reports: Sequence[str], sources: Mapping[str, str]) -> str:
    used = [sources.get(report, f"SNHR report for {period_label(report)}") for report in sorted(set(reports))]
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
