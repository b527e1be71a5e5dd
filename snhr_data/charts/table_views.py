"""Tables shown in the notebooks: ``TableView`` (HTML and text written here) and the tables it shows."""
from __future__ import annotations

import html

import pandas as pd

from .formatting import MEASURE_NOUNS, SPECIAL_MEASURES, format_number, period_label
from .selection import party_order, select
from .style import governorate_label, party_label


class TableView:
    """A table shown in a notebook with HTML and plain text both written by this module.

    The notebook regression tests compare these outputs exactly; pandas' own HTML and text reprs
    change between pandas versions, these do not.
    """

    def __init__(self, frame: pd.DataFrame, caption: str = "") -> None:
        self.frame = frame
        self.caption = caption

    def cells(self) -> list[list[str]]:
        return [[table_cell(value) for value in row] for row in self.frame.itertuples(index=False)]

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in self.frame.columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in self.cells())
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return f'<table class="snhr-table">{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'

    def __repr__(self) -> str:
        header = [str(c) for c in self.frame.columns]
        rows = self.cells()
        widths = [max([len(header[i])] + [len(r[i]) for r in rows]) for i in range(len(header))]
        lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
        lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
        return "\n".join(([self.caption] if self.caption else []) + lines) if rows else f"{self.caption}\n(none)"


def table_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return str(value)


def headline_table(stated: pd.DataFrame, report: str) -> pd.DataFrame:
    """The headline figures of a report's month, as stated (with the line they are stated on)."""
    rows = [
        ("Civilian deaths", dict(measure="civilian_deaths", victim_group="all")),
        ("of whom children", dict(measure="civilian_deaths", victim_group="children")),
        ("of whom women", dict(measure="civilian_deaths", victim_group="women")),
        ("Deaths under torture", dict(measure="torture_deaths", victim_group="all")),
    ]
    records = []
    for name, criteria in rows:
        found = select(stated, report=report, period=report, perpetrator="all", governorate="all", **criteria)
        records.append(headline_record(name, found))
    share = select(stated, report=report, period=report, perpetrator="all", governorate="all",
                   measure="civilian_deaths", victim_group="children_and_women", unit="percent")
    if len(share):
        records.append(headline_record("Share of children and women (%)", share))
    else:
        counts = {r["figure"]: r["value"] for r in records}
        total = counts.get("Civilian deaths")
        parts = [counts.get("of whom children"), counts.get("of whom women")]
        value = round(100 * sum(parts) / total, 1) if total and None not in parts else None
        records.append({"figure": "Share of children and women (%)", "value": value,
                        "how": "computed from the counts above" if value is not None else "not stated",
                        "line": None, "also stated": ""})
    return pd.DataFrame(records)


def headline_record(name: str, found: pd.DataFrame) -> dict:
    if found.empty:
        return {"figure": name, "value": None, "how": "not stated", "line": None, "also stated": ""}
    row = found.iloc[0]
    how = {"exact": "stated", "about": "stated as 'about'", "at_least": "stated as 'at least'"}[row["qualifier"]]
    return {"figure": name, "value": float(row["value"]), "how": how, "line": int(row["line"]),
            "also stated": row.get("also_stated", "")}


def year_to_date_table(stated: pd.DataFrame, report: str) -> pd.DataFrame:
    """Figures a report states for its year or year to date (totals for the whole country)."""
    year = report[:4]
    rows = select(stated, report=report, governorate="all")
    rows = rows[rows["period"].isin([year, f"{year}-01/{report}"])]
    rank = {code: index for index, code in enumerate(party_order(list(dict.fromkeys(rows["perpetrator"]))))}
    rows = rows.assign(party=rows["perpetrator"].map(party_label), order=rows["perpetrator"].map(rank))
    rows = rows.sort_values(["measure", "order", "victim_group"], kind="stable")
    return pd.DataFrame({
        "period": rows["period"].map(period_label),
        "measure": rows["measure"].map(lambda m: MEASURE_NOUNS.get(m, SPECIAL_MEASURES.get(m, m))),
        "party": rows["party"],
        "victims": rows["victim_group"],
        "value": [format_number(v, q) for v, q in zip(rows["value"], rows["qualifier"])],
        "line": rows["line"].astype(int),
    }).reset_index(drop=True)


def governorate_counts_table(stated: pd.DataFrame, period: str) -> pd.DataFrame:
    """Civilian deaths a report states by governorate and party (a wide table: party columns)."""
    rows = select(stated, measure="civilian_deaths", period=period, victim_group="all")
    rows = rows[rows["governorate"] != "all"]
    if rows.empty:
        return pd.DataFrame()
    wide = rows.pivot_table(index="governorate", columns="perpetrator", values="value", aggfunc="first")
    wide = wide[party_order(list(wide.columns))]
    wide.index = [governorate_label(g) for g in wide.index]
    wide.columns = [party_label(c) for c in wide.columns]
    return wide.sort_index().rename_axis("governorate").reset_index()


def wide_shares(composition: pd.DataFrame) -> pd.DataFrame:
    """``composition_by_period`` data as a party x period table of counts and shares."""
    if composition.empty:
        return composition
    rows = []
    for code in party_order(list(dict.fromkeys(composition["perpetrator"])),
                            composition.groupby("perpetrator")["value"].sum()):
        row = {"party": party_label(code)}
        for period, part in composition.groupby("period", sort=False):
            match = part[part["perpetrator"] == code]
            row[f"{period_label(period)} count"] = float(match["value"].iloc[0]) if len(match) else None
            row[f"{period_label(period)} %"] = float(match["share"].iloc[0]) if len(match) else None
        rows.append(row)
    return pd.DataFrame(rows)


def wide_same_month(compared: pd.DataFrame) -> pd.DataFrame:
    """``same_month`` data as a party x month table, with the change."""
    if compared.empty:
        return compared
    months = list(dict.fromkeys(compared["month"]))
    wide = compared.pivot_table(index="perpetrator", columns="month", values="value", aggfunc="first", dropna=False)
    codes = ["all"] + [c for c in dict.fromkeys(compared["perpetrator"]) if c != "all"]
    table = pd.DataFrame({"party": [party_label(c) for c in codes]})
    for month in months:
        table[period_label(month)] = [wide.loc[c, month] for c in codes]
    table["change"] = table[period_label(months[-1])] - table[period_label(months[0])]
    return table
