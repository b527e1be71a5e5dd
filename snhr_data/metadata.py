"""The one description of every processed table, and what is generated from it.

``TABLE_METADATA`` names each table of ``data/processed/``, describes it, lists its fields (from the
shared catalogue ``FIELDS``) and declares its primary key. From it come:

* ``schema(name)``: the pandera schema the build validates each table with before writing it
  (column order, types, code lists, patterns, non-empty required text, a unique primary key);
* ``datapackage(manifest)``: the Frictionless ``datapackage.json`` (a CSV and a Parquet resource
  per table, field types, ``constraints.enum`` code lists, ``primaryKey``, and the raw sources with
  their sha256 checksums);
* ``data_dictionary_markdown()``: ``docs/data_dictionary.md``.

Code lists come from ``snhr_data.codes``, so the schemas cannot drift from the vocabularies.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pandas as pd

from . import __version__
from .codes import (
    MEASURES, PARENT_OF_GROUP, QUALIFIERS, SHARE_OF, UNITS, VICTIM_GROUPS, governorate_codes, perpetrator_codes,
)
from .audit import CHECKS, SEVERITIES
from .manifest import KINDS
from .tables import STATEMENT_COLUMNS, WIDE_COLUMNS

if TYPE_CHECKING:  # imported where a schema is made: a notebook's kernel reads tables and never validates them
    import pandera.pandas as pa

MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
PERIOD_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2]))?$|^\d{4}-(0[1-9]|1[0-2])/\d{4}-(0[1-9]|1[0-2])$"
FIGURE_ID_PATTERN = r"^[^:]+:[1-9]\d*:[1-9]\d*$"

FIELD_TYPES = {"string": "str", "integer": "int64", "number": "float64", "boolean": "bool"}


def code_lists() -> dict[str, list[str]]:
    """Every code list a field can be constrained to, by name."""
    return {
        "measure": list(MEASURES),
        "victim_group": list(VICTIM_GROUPS),
        "perpetrator": perpetrator_codes(),
        "governorate": governorate_codes(),
        "unit": list(UNITS),
        "share_of": list(SHARE_OF),
        "qualifier": list(QUALIFIERS),
        "period_type": ["month", "year", "range"],
        "party_group": list(PARENT_OF_GROUP),
        "source_kind": list(KINDS),
        "parent": sorted(set(PARENT_OF_GROUP.values())),
        "check": list(CHECKS),
        "severity": list(SEVERITIES),
    }


@dataclass(frozen=True)
class Field:
    """One column. ``required``: text must be non-empty, numbers non-missing."""

    name: str
    type: str
    description: str
    codes: str | None = None
    pattern: str | None = None
    required: bool = True

    def allowed(self) -> list[str] | None:
        return code_lists()[self.codes] if self.codes else None


def _count(name: str, description: str) -> Field:
    return Field(name, "number", description + " Empty where the report does not state it.", required=False)


_CATALOGUE = [
    Field("report", "string", "The report stating the figure, by the month it covers (YYYY-MM).", pattern=MONTH_PATTERN),
    Field("period", "string", "The period counted: YYYY-MM a month, YYYY a year, YYYY-MM/YYYY-MM a range of months.",
          pattern=PERIOD_PATTERN),
    Field("period_type", "string", "month, year or range (year to date), from `period`.", codes="period_type"),
    Field("measure", "string", "What is counted.", codes="measure"),
    Field("victim_group", "string", "Whose deaths: all, children, women (adult females), children_and_women.",
          codes="victim_group"),
    Field("perpetrator", "string", "The party held responsible; `all` for the total. A combined party "
          "(`syrian_regime_and_russia`, `extremist_islamic_groups`) is one figure the text gives for several parties "
          "together (\"the Syrian-Russian alliance forces\"): never the total, never one of its members.",
          codes="perpetrator"),
    Field("party_group", "string", "total (all), main (a main party), combined (several main parties counted "
          "together), other (other_parties), other_sub (a subcategory of other_parties).", codes="party_group"),
    Field("parent", "string", "The party whose total this party is part of: `all` for main, combined parties and "
          "other_parties, `other_parties` for its subcategories, empty for `all`.", codes="parent", required=False),
    Field("governorate", "string", "Where the deaths happened; `all` for the whole country.", codes="governorate"),
    Field("unit", "string", "count or percent.", codes="unit"),
    Field("share_of", "string", "For a percent, the dimension the share is taken across; empty for counts.",
          codes="share_of", required=False),
    Field("value", "number", "The number as stated (the first-stated one where a figure is stated more than once)."),
    Field("qualifier", "string", "How the text states it: exact, about, at_least.", codes="qualifier"),
    Field("source_file", "string", "The raw report file (in data/raw/) stating the figure."),
    Field("source_kind", "string", "The kind of publication the figure is read from (`kind` in data/raw/manifest.csv): "
          "monthly_report or press_release, SNHR's own text; news, an article of another publisher summarising an "
          "SNHR report (SNHR's figures as the article gives them; numbers the article quotes from other "
          "organisations are left out). A derived table's row is from news when its `source_rows` are.",
          codes="source_kind"),
    Field("line", "integer", "1-based line in the raw file where the figure is stated."),
    Field("quote", "string", "The clause stating the figure.", required=False),
    Field("note", "string", "A flag such as 'stated twice' or 'implied total'; empty if none.", required=False),
    Field("figure_id", "string", "Stable id of the figure: <source_file>:<line>:<n>, n its rank on that line.",
          pattern=FIGURE_ID_PATTERN),
    Field("alt_values", "string", "Other values the same report states for the same figure, in order of statement, "
          "';'-separated (wide tables: '<column>:<value>'); empty if none.", required=False),
    Field("conflict", "boolean", "True when the report states the figure with more than one value."),
    Field("n_statements", "integer", "How many times the report states the figure."),
    Field("qualifiers", "string", "Cells whose qualifier is not exact, as '<column>:<qualifier>', ';'-separated.",
          required=False),
    Field("source_rows", "string", "The figure_id of every figure the row is built from, ';'-separated "
          "(look them up in `figures` for the quotes)."),
    _count("all", "Deaths of all victims."),
    _count("children", "Deaths of children."),
    _count("women", "Deaths of women (adult females)."),
    _count("massacres", "Number of massacres."),
    _count("deaths", "Civilians killed in the massacres (in `massacres`) or in the governorate (in `governorates`)."),
    _count("children_deaths", "Children killed in the massacres."),
    _count("women_deaths", "Women killed in the massacres."),
    _count("percent", "The stated percentage."),
    Field("of_period", "string", "The year or year-to-date period the share is taken of (the year if the report "
          "states a count for it, else its longest year-to-date range); empty if the report states no such count.",
          pattern=PERIOD_PATTERN + "|^$", required=False),
    _count("month_count", "The count the same report states for the month."),
    _count("of_count", "The count the same report states for `of_period`."),
    _count("computed_percent", "100 * month_count / of_count, rounded to one decimal."),
    Field("first_value", "number", "The value first stated for the figure (by report month, then file and line)."),
    Field("first_report", "string", "The report that first states the figure (YYYY-MM).", pattern=MONTH_PATTERN),
    Field("latest_value", "number", "The value the latest statement gives (by report month, then file and line)."),
    Field("latest_report", "string", "The report of the latest statement (YYYY-MM).", pattern=MONTH_PATTERN),
    Field("n_reports", "integer", "How many reports state the figure."),
    Field("revised", "boolean", "True when the statements of the figure give more than one value."),
    Field("values", "string", "Every distinct value stated for the figure, in order of first statement, "
          "';'-separated."),
    Field("check", "string", "The audit check that found the discrepancy (see snhr_data/audit.py).", codes="check"),
    Field("stated", "number", "The value the report states."),
    Field("expected", "number", "What the other stated figures imply for it; empty where there is no single "
          "expected value (a figure stated twice).", required=False),
    Field("severity", "string", "error (the figures cannot all be right) or warning.", codes="severity"),
    Field("detail", "string", "The discrepancy in words, with the figures and the lines that state them."),
    Field("reports", "string", "The reports whose statements the finding rests on, ';'-separated."),
    Field("sources", "string", "The figure_id of every statement the finding rests on, ';'-separated."),
]
FIELDS: dict[str, Field] = {field.name: field for field in _CATALOGUE}


def _fields(*names: str, **overrides: Field) -> list[Field]:
    return [overrides.get(name, FIELDS[name]) for name in names]


_PARTY = ("perpetrator", "party_group", "parent")
_PERCENT_VALUE = replace(FIELDS["value"], description="The stated percentage (the first-stated one).")

TABLE_METADATA: dict[str, dict] = {
    "figures": {
        "title": "Figures stated in the reports",
        "description": "One row per figure a report states, with its provenance (file, line, quote). A figure "
                       "stated twice is two rows.",
        "fields": _fields("report", "period", "measure", "victim_group", "perpetrator", "governorate", "unit",
                          "share_of", "value", "qualifier", "source_file", "source_kind", "line", "quote", "note",
                          "figure_id",
                          value=replace(FIELDS["value"], description="The number as stated; integral for counts.")),
        "primary_key": ["figure_id"],
    },
    "totals": {
        "title": "Whole-country totals",
        "description": "Counts for all parties and all governorates: every measure and victim group, for months, "
                       "years and year-to-date ranges.",
        "fields": _fields("report", "period", "period_type", "measure", "victim_group", *STATEMENT_COLUMNS),
        "primary_key": ["report", "period", "measure", "victim_group"],
    },
    "by_perpetrator": {
        "title": "Civilian deaths by perpetrator",
        "description": "Civilian deaths in all governorates by party (including `all`), with children and women "
                       "as columns.",
        "fields": _fields("report", "period", "period_type", *_PARTY, "all", "children", "women", *WIDE_COLUMNS),
        "primary_key": ["report", "period", "perpetrator"],
    },
    "torture_by_perpetrator": {
        "title": "Deaths under torture by perpetrator",
        "description": "Deaths under torture in all governorates by party, with children and women as columns.",
        "fields": _fields("report", "period", "period_type", *_PARTY, "all", "children", "women", *WIDE_COLUMNS),
        "primary_key": ["report", "period", "perpetrator"],
    },
    "massacres": {
        "title": "Massacres by perpetrator",
        "description": "Number of massacres and the civilians (children, women) killed in them, by party.",
        "fields": _fields("report", "period", "period_type", *_PARTY, "massacres", "deaths", "children_deaths",
                          "women_deaths", *WIDE_COLUMNS),
        "primary_key": ["report", "period", "perpetrator"],
    },
    "special_groups": {
        "title": "Medical personnel, media workers and Civil Defense members killed",
        "description": "Deaths of medical personnel, media workers and Civil Defense members, by party (long).",
        "fields": _fields("report", "period", "period_type", "measure", "victim_group", *_PARTY, *STATEMENT_COLUMNS),
        "primary_key": ["report", "period", "measure", "victim_group", "perpetrator"],
    },
    "governorates": {
        "title": "Deaths by governorate",
        "description": "Deaths by governorate and party: the stated count and the stated share of the same "
                       "party's deaths in all governorates.",
        "fields": _fields("report", "period", "period_type", "measure", "victim_group", "perpetrator",
                          "governorate", "deaths", "percent", *WIDE_COLUMNS),
        "primary_key": ["report", "period", "measure", "victim_group", "perpetrator", "governorate"],
    },
    "shares": {
        "title": "Stated percentages",
        "description": "Every percentage a report states, with the dimension it is a share across.",
        "fields": _fields("report", "period", "period_type", "measure", "victim_group", "perpetrator",
                          "governorate", "share_of", *STATEMENT_COLUMNS, value=_PERCENT_VALUE),
        "primary_key": ["report", "period", "measure", "victim_group", "perpetrator", "governorate", "share_of"],
    },
    "period_shares": {
        "title": "A month's share of the year",
        "description": "A month's stated share of the year (or year to date), beside the counts the same report "
                       "states and the share they imply.",
        "fields": _fields("report", "period", "period_type", "measure", "victim_group", "perpetrator",
                          "governorate", "percent", "qualifier", "of_period", "month_count", "of_count",
                          "computed_percent", "alt_values", "conflict", "source_rows",
                          percent=replace(FIELDS["percent"], required=True,
                                          description="The stated percentage (the first-stated one).")),
        "primary_key": ["report", "period", "measure", "victim_group", "perpetrator", "governorate"],
    },
    "series": {
        "title": "Every stated count across reports, with its revisions",
        "description": "One row per period, measure, victim group, party and governorate that any report states "
                       "as a count: the value first published and the latest one, the report stating each, how "
                       "many statements and reports give it and whether they disagree. A period no report "
                       "states has no row (absent, not zero).",
        "fields": _fields("period", "measure", "victim_group", "perpetrator", "governorate", "first_value",
                          "first_report", "latest_value", "latest_report", "n_statements", "n_reports", "reports",
                          "revised", "values", "source_rows",
                          reports=replace(FIELDS["reports"], description="Every report that states the figure."),
                          n_statements=replace(FIELDS["n_statements"],
                                               description="How many statements, in all reports, give the figure.")),
        "primary_key": ["period", "measure", "victim_group", "perpetrator", "governorate"],
    },
    "discrepancies": {
        "title": "Stated figures that do not hold together",
        "description": "The audit's findings (snhr_data.audit.run_checks): parts that do not add up to their "
                       "total, percents that do not match the counts, figures stated twice with different values.",
        "fields": _fields("check", "report", "period", "measure", "victim_group", "perpetrator", "governorate",
                          "stated", "expected", "severity", "detail", "unit", "reports", "sources",
                          report=replace(FIELDS["report"], description="The report the finding is filed under.")),
        "primary_key": ["check", "report", "period", "measure", "victim_group", "perpetrator", "governorate",
                        "unit", "sources"],
    },
}


def table_names() -> list[str]:
    """Every processed table: ``figures``, the derived tables of ``snhr_data.tables.TABLES``, ``discrepancies``."""
    return list(TABLE_METADATA)


def field_names(name: str) -> list[str]:
    return [field.name for field in TABLE_METADATA[name]["fields"]]


# ---------------------------------------------------------------- pandera schemas

def _checks(field: Field) -> list[pa.Check]:
    import pandera.pandas as pa

    checks = []
    allowed = field.allowed()
    if allowed is not None:
        checks.append(pa.Check.isin(allowed))
    if field.pattern:
        checks.append(pa.Check.str_matches(field.pattern))
    if field.type == "string" and field.required:
        checks.append(pa.Check.str_length(min_value=1))
    return checks


def schema(name: str) -> pa.DataFrameSchema:
    """The pandera schema of table ``name``: exact columns in order, types, codes, unique primary key."""
    import pandera.pandas as pa

    meta = TABLE_METADATA[name]
    columns = {
        field.name: pa.Column(
            FIELD_TYPES[field.type], checks=_checks(field), coerce=True,
            nullable=field.type == "number" and not field.required,
        )
        for field in meta["fields"]
    }
    return pa.DataFrameSchema(columns, name=name, strict=True, ordered=True, unique=meta["primary_key"],
                              report_duplicates="all")


class TableValidationError(ValueError):
    """A processed table that does not match its declared schema."""


def validate(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` checked (and its types coerced) against the schema of ``name``; raises ``TableValidationError``."""
    import pandera.pandas as pa

    try:
        return schema(name).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases.to_dict("records")
        details = "\n".join(
            f"  column {case['column']!s}, row {case['index']!s}: {case['failure_case']!r} fails {str(case['check'])[:70]}"
            for case in cases[:20]
        )
        raise TableValidationError(
            f"table '{name}' does not match its schema ({len(cases)} failure(s)):\n{details}"
        ) from err


# ---------------------------------------------------------------- Frictionless data package

def _frictionless_field(field: Field) -> dict:
    out: dict = {"name": field.name, "type": field.type, "description": field.description}
    constraints: dict = {}
    if field.required:
        constraints["required"] = True
    allowed = field.allowed()
    if allowed is not None:
        # An empty string is a missing value in CSV; it is allowed exactly when the field is not required.
        constraints["enum"] = [code for code in allowed if code]
    if field.pattern:
        constraints["pattern"] = field.pattern
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(name: str) -> dict:
    """The Frictionless Table Schema of table ``name``."""
    meta = TABLE_METADATA[name]
    return {
        "fields": [_frictionless_field(field) for field in meta["fields"]],
        "primaryKey": list(meta["primary_key"]),
        "missingValues": [""],
    }


def resources(name: str) -> list[dict]:
    """The CSV and the Parquet resource of table ``name`` (same schema; names ``<name>``, ``<name>-parquet``)."""
    meta = TABLE_METADATA[name]
    common = {"title": meta["title"], "description": meta["description"], "profile": "tabular-data-resource"}
    return [
        {"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
         **common, "schema": table_schema(name)},
        {"name": f"{name}-parquet", "path": f"{name}.parquet", "format": "parquet",
         "mediatype": "application/vnd.apache.parquet", **common, "schema": table_schema(name)},
    ]


def sources(manifest: pd.DataFrame) -> list[dict]:
    """The raw reports (data/raw/manifest.csv rows) as Data Package sources, with their sha256."""
    return [
        {"title": row["file"], "path": f"../raw/{row['file']}", "sha256": row["sha256"],
         "report_month": row["report_month"], "kind": row["kind"], "description": row["source"]}
        for row in manifest.fillna("").to_dict("records")
    ]


def datapackage(manifest: pd.DataFrame) -> dict:
    """The ``datapackage.json`` descriptor for every table of ``TABLE_METADATA``."""
    return {
        "name": "snhr-civilian-deaths",
        "title": "Civilian deaths stated in SNHR monthly reports",
        "description": "The figures stated in the Syrian Network for Human Rights' monthly civilian death-toll "
                       "reports, with provenance, and tables derived from them. Built by snhr_data; see "
                       "docs/data_dictionary.md.",
        "version": __version__,
        "profile": "tabular-data-package",
        "sources": sources(manifest),
        "resources": [r for name in table_names() for r in resources(name)],
    }


# ---------------------------------------------------------------- data dictionary

def _constraint_text(field: Field) -> str:
    parts = []
    allowed = field.allowed()
    if allowed is not None:
        parts.append(", ".join(f"`{code}`" for code in allowed if code))
    if field.pattern:
        parts.append(f"pattern `{field.pattern}`".replace("|", "\\|"))
    parts.append("required" if field.required else "may be empty")
    return "; ".join(parts)


def data_dictionary_markdown() -> str:
    """``docs/data_dictionary.md``, generated from ``TABLE_METADATA`` (do not edit the file by hand)."""
    lines = [
        "# Data dictionary",
        "",
        "<!-- Generated from snhr_data/metadata.py by `snhr-data data-dictionary`; do not edit by hand. -->",
        "",
        "Every table is written to `data/processed/` as `<name>.csv` and `<name>.parquet` (same content) and is",
        "described in `data/processed/datapackage.json`. Load one with `snhr_data.load_table(name)`",
        "(or `snhr_data.load_figures()`).",
        "",
        "Rules shared by the derived tables:",
        "",
        "- **A figure stated more than once is not silently merged.** The cell keeps the first-stated value",
        "  (first in the figures table's order: report, file, line, order within the line); the other values",
        "  stated for it go to `alt_values` and `conflict` is true.",
        "- **Every row traces back to quotes.** `source_rows` lists the `figure_id`s of the figures the row is",
        "  built from; `snhr_data.load_figures()` gives their file, line and quote.",
        "- Numbers are stated numbers, never computed ones (except `period_shares.computed_percent`); a wide",
        "  cell is empty where the report does not state the figure.",
        "",
    ]
    for name in table_names():
        meta = TABLE_METADATA[name]
        lines += [
            f"## `{name}`: {meta['title']}",
            "",
            meta["description"],
            "",
            f"Primary key (unique): {', '.join(f'`{k}`' for k in meta['primary_key'])}",
            "",
            "| field | type | description | values |",
            "|---|---|---|---|",
        ]
        lines += [f"| `{f.name}` | {f.type} | {f.description} | {_constraint_text(f)} |" for f in meta["fields"]]
        lines.append("")
    return "\n".join(lines)

