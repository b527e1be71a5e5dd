"""Small hand-made figures tables for the chart tests; the numbers in them are arbitrary test values."""
from __future__ import annotations

import pandas as pd

from snhr_data.codes import FIGURE_COLUMNS

SOURCES = {"2030-05": "SNHR monthly death-toll report for May 2030, published 2030-06-01"}


def figures(*rows: dict) -> pd.DataFrame:
    """A figures table from partial rows (defaults: a count of all civilian deaths in May 2030)."""
    defaults = dict(report="2030-05", period="2030-05", measure="civilian_deaths", victim_group="all",
                    perpetrator="all", governorate="all", unit="count", share_of="", value=0.0,
                    qualifier="exact", source_file="r.txt", line=1, quote="", note="")
    frame = pd.DataFrame([{**defaults, **row} for row in rows], columns=FIGURE_COLUMNS)
    return frame.astype({"value": float, "line": int})


def party_month() -> pd.DataFrame:
    """May 2030: a total with children and women, two main-level parties, two subcategories."""
    return figures(
        dict(value=40, line=1),
        dict(value=7, victim_group="children", line=1),
        dict(value=3, victim_group="women", line=1),
        dict(perpetrator="syrian_regime", value=10, line=5),
        dict(perpetrator="syrian_regime", victim_group="children", value=4, line=5),
        dict(perpetrator="other_parties", value=30, line=6),
        dict(perpetrator="other_parties", victim_group="women", value=3, line=6),
        dict(perpetrator="drowning", value=12, line=7),
        dict(perpetrator="gunfire_unidentified", value=18, line=8),
    )


def footer_text(figure) -> str:
    """Every text of a figure, line breaks undone."""
    return " ".join(t.get_text() for t in figure.texts).replace("\n", " ")
