"""The public schema of the figures table and its code lists.

Measures, victim groups, units, shares and qualifiers are fixed by the public schema
(``../shared/acceptance/README.md``); perpetrator and governorate codes come from the vocabulary
files in ``snhr_data/vocab`` so that the code lists and the label mappings cannot drift apart.
"""
from __future__ import annotations

from .grammar import label_entries

PUBLIC_COLUMNS = [
    "report", "period", "measure", "victim_group", "perpetrator", "governorate",
    "unit", "share_of", "value", "qualifier",
]
PROVENANCE_COLUMNS = ["source_file", "line", "quote", "note"]
FIGURE_COLUMNS = PUBLIC_COLUMNS + PROVENANCE_COLUMNS

# the deaths of the special groups the reports count apart (medical, media and Civil Defense workers)
SPECIAL_GROUP_MEASURES = ["medical_personnel_deaths", "media_worker_deaths", "civil_defense_deaths"]
MEASURES = ["civilian_deaths", "torture_deaths", "massacres", "massacre_deaths", *SPECIAL_GROUP_MEASURES]
VICTIM_GROUPS = ["all", "children", "women", "children_and_women"]
UNITS = ["count", "percent"]
SHARE_OF = ["", "perpetrator", "governorate", "period", "victim_group"]
QUALIFIERS = ["exact", "about", "at_least"]
# a party's group (``group`` in vocab/perpetrators.yaml) -> the party whose total it is part of
PARENT_OF_GROUP = {"total": "", "main": "all", "combined": "all", "other": "all", "other_sub": "other_parties"}


def load_vocab(name: str) -> tuple[dict, ...]:
    """The entries of ``vocab/<name>.yaml`` (``perpetrators`` or ``governorates``), validated."""
    return label_entries(name)


def perpetrator_codes() -> list[str]:
    return [entry["code"] for entry in load_vocab("perpetrators")]


def perpetrator_groups() -> dict[str, str]:
    """code -> total | main | combined | other | other_sub."""
    return {entry["code"]: entry["group"] for entry in load_vocab("perpetrators")}


def combined_members() -> dict[str, tuple[str, ...]]:
    """code of a combined party ("syrian_regime_and_russia") -> the main parties it counts together."""
    return {entry["code"]: tuple(entry["members"]) for entry in load_vocab("perpetrators") if "members" in entry}


def named_forces() -> set[str]:
    """The subcategories of the other parties that are a state's forces ("Turkish forces", "Israeli forces"): a list may
    name one beside the main parties as a party of its own, not as its other parties."""
    return {entry["code"] for entry in load_vocab("perpetrators") if entry.get("named_force")}


def governorate_codes() -> list[str]:
    return ["all"] + [entry["code"] for entry in load_vocab("governorates")]


def labels(name: str) -> dict[str, str]:
    """code -> human label, for charts and tables."""
    return {entry["code"]: entry["label"] for entry in load_vocab(name)}
