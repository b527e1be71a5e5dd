"""The vocabulary files as data: one loader checks every file, and a new wording is one data edit plus one case."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from figure_checks import RAW
from test_cases import check_warns, extract_case, run_check

from snhr_data import grammar
from snhr_data.grammar import VocabularyError, using_vocab_dir
from snhr_data.paths import VOCAB_DIR
from snhr_data.reading.dates import PHRASE_NAMES


def vocab_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "vocab"
    shutil.copytree(VOCAB_DIR, folder)
    return folder


def edit(folder: Path, name: str, change) -> None:
    """Load ``<name>.yaml`` of ``folder``, apply ``change`` to it, write it back."""
    path = folder / f"{name}.yaml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --- the loader checks every file --------------------------------------------------------------------------

def test_every_shipped_vocabulary_file_loads():
    grammar.load_all()
    assert grammar.regex("ClauseBreak").search("..., bringing the total")
    assert dict(grammar.class_texts("VictimNoun")).keys() >= {"children", "women", "generic", "massacres"}


def test_a_reference_is_replaced_by_the_entry_it_names():
    assert "January" in grammar.fragment("PeriodNamedMonth") and "{Month}" not in grammar.fragment("PeriodNamedMonth")


@pytest.mark.parametrize("name, change, message", [
    ("counts", lambda c: c.update(Broken={"pattern": "x", "colour": "red"}), r"counts\.yaml: entry 'Broken': unknown key"),
    ("counts", lambda c: c.update(Broken="(unclosed"), r"counts\.yaml: entry 'Broken': pattern does not compile"),
    ("clauses", lambda c: c.update(Broken="{NoSuchEntry} killed"), r"clauses\.yaml: entry 'Broken': reference \{NoSuchEntry\}"),
    ("clauses", lambda c: c.update(Loop1="{Loop2}", Loop2="{Loop1}"), r"circular reference"),
    ("counts", lambda c: c.update(Month="a second Month"), r"periods\.yaml: entry 'Month': also defined in counts\.yaml"),
    ("perpetrators", lambda c: c[1].update(colour="#123456"), r"perpetrators\.yaml: entry 'syrian_regime': unknown key"),
    ("perpetrators", lambda c: c[2]["variants"].append("[bad"), r"entry 'russia': pattern does not compile"),
    ("perpetrators", lambda c: c[2]["variants"].append("Syrian regime forces"),
     r"label 'Syrian regime forces' matches the codes russia, syrian_regime"),
    ("governorates", lambda c: c[0].update(group="main"), r"governorates\.yaml: entry 'rural_damascus': unknown key"),
    ("perpetrators", lambda c: c[1].update(group="combined"), r"entry 'syrian_regime': a combined party, and only"),
    ("perpetrators", lambda c: next(e for e in c if e["code"] == "syrian_regime_and_russia").update(members=["russia", "drowning"]),
     r"entry 'syrian_regime_and_russia': members .* two or more codes of main parties"),
    ("audit", lambda c: c.update(percent_point=1), r"audit\.yaml: entry 'percent_point"),
])
def test_a_broken_vocabulary_file_is_one_clear_error_naming_file_and_entry(tmp_path, name, change, message):
    folder = vocab_copy(tmp_path)
    edit(folder, name, change)
    with pytest.raises(VocabularyError, match=message):
        with using_vocab_dir(folder):
            pass
    grammar.load_all()  # the package's own files again


def test_party_entries_may_carry_a_colour_and_a_short_label(tmp_path):
    folder = vocab_copy(tmp_path)
    edit(folder, "perpetrators", lambda c: c[1].update(color="#8B0000", short_label="Regime"))
    with using_vocab_dir(folder):
        assert grammar.label_entries("perpetrators")[1]["short_label"] == "Regime"


# --- a new wording is one data edit plus one case ------------------------------------------------------------

def may_2023_case(name: str, what: str, body: str, *expected: str) -> dict:
    """A case of a May 2023 text stating 40 civilian deaths and ``body``."""
    return {"name": name, "origin": f"issue 8: {what}", "report": "2023-05",
            "text": f"SNHR: 40 Civilians Killed in Syria in May 2023\n\nIn May 2023, SNHR documented the killing of {body}\n",
            "expected": ["2023-05 civilian_deaths all all all 40", *expected]}


def add_party_name(perpetrators: list) -> None:
    next(e for e in perpetrators if e["code"] == "syrian_regime")["variants"].append("Tiger Forces")


def add_child_noun(counts: dict) -> None:
    counts["ChildNoun"]["words"].append("youngsters?")


def add_year_to_date_phrase(periods: dict) -> None:
    periods["PeriodToDate"] = periods["PeriodToDate"].replace("(?:(?:this|the) year", "(?:(?:this|the) year-to-date|(?:this|the) year", 1)


NEW_WORDINGS = [
    pytest.param("perpetrators", add_party_name, may_2023_case(
        "new_party_name", "a party name is one variant in perpetrators.yaml",
        "40 civilians. The Tiger Forces killed 12 civilians.", "2023-05 civilian_deaths all syrian_regime all 12"),
        id="party-name"),
    pytest.param("counts", add_child_noun, may_2023_case(
        "new_victim_noun", "a victim noun is one word in counts.yaml",
        "40 civilians, including 11 youngsters and three women.",
        "2023-05 civilian_deaths children all all 11", "2023-05 civilian_deaths women all all 3"),
        id="victim-noun"),
    pytest.param("periods", add_year_to_date_phrase, may_2023_case(
        "new_period_phrase", "a period phrase is one alternative in periods.yaml",
        "40 civilians. The year-to-date death toll reached 310 civilians.",
        "2023-01/2023-05 civilian_deaths all all all 310"),
        id="period-phrase"),
]


@pytest.mark.parametrize("name, change, case", NEW_WORDINGS)
def test_a_new_wording_is_one_edit_of_one_data_file_plus_one_case(tmp_path, name, change, case):
    case = {**case, "source_file": "<text>"}
    checks = ["report_month", "found", "no_contradiction", "nothing_unstated", "unmapped_reported"]

    def failing(result) -> list[str]:
        failed = []
        for check in checks:
            try:
                run_check(case, result, check)
            except AssertionError:
                failed.append(check)
        return failed

    assert "found" in failing(extract_case(case, tmp_path)), "the case passes without the edit: it proves nothing"
    folder = vocab_copy(tmp_path)
    edit(folder, name, change)
    with using_vocab_dir(folder):
        assert failing(extract_case(case, tmp_path)) == []
    assert "found" in failing(extract_case(case, tmp_path)), "the package's own vocabulary is back"


def test_warnings_of_a_case_must_name_file_and_line():
    case = {"source_file": "<text>", "warns": ["unknown"]}

    class Result:
        warnings = ("<text>: unknown thing", "<text>:3: unknown party")
    check_warns(Result(), case)
    with pytest.raises(AssertionError):
        check_warns(Result(), {**case, "warns": ["thing"]})


def test_an_entry_given_twice_in_one_file_is_an_error(tmp_path):
    folder = vocab_copy(tmp_path)
    path = folder / "clauses.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "EachWord: 'each'\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"clauses\.yaml: cannot be read .*given twice: EachWord"):
        with using_vocab_dir(folder):
            pass
    grammar.load_all()


def test_a_pattern_requires_one_of_its_alternatives_texts():
    """``required_texts``: the texts one of which every match holds, an alternation's when its shortest is longer than
    the pattern's longest run of characters; lower-cased for a pattern that ignores case; ("",) when there is none."""
    assert grammar.required_texts(re.compile("in (?:January|February) 2024")) == ("February", "January")
    assert grammar.required_texts(re.compile("in (?:January|February) 2024", re.IGNORECASE)) == ("february", "january")
    assert grammar.required_texts(re.compile("(?:January|Feb) of 2024")) == (" of 2024",)
    assert grammar.required_texts(re.compile(r"\d+(?:st|)")) == ("",)


def test_requirements_held_are_found_overlapping_in_the_text_or_its_folded_form():
    """``Requirements.held``: a requirement is held when the text holds one of its texts, found where they overlap or
    nest ("isis" holds "is"), a case-sensitive one in the text as written and one ignoring case in its folded form; an
    empty text is always held."""
    requirements = grammar.Requirements(((("ISIS",), False), (("is",), True), (("ypg", "pyd"), True), (("",), False),
                                         (("Nusra",), False)))
    assert requirements.held("Killed by ISIS", "killed by isis") == {0, 1, 3}
    assert requirements.held("killed by isis and the PYD", "killed by isis and the pyd") == {1, 2, 3}
    assert requirements.held("NUSRA", "nusra") == {3}


def test_a_period_pattern_is_skipped_only_where_it_cannot_match():
    """``named_regexes_for`` keeps every pattern of the period phrases that matches a line of the raw reports (as
    written and upper-cased): those it leaves out hold none of the texts one of which each of their matches holds."""
    lines = {line for path in sorted(RAW.glob("snhr-*")) for line in path.read_text(encoding="utf-8").split("\n")}
    lines |= {line.upper() for line in lines}
    patterns, requirements = grammar.keyed_entries(PHRASE_NAMES)
    for line in lines:
        kept = grammar.named_regexes_for(PHRASE_NAMES, line)
        assert all((name, p) in kept for name, p, _ in patterns if p.search(line)), line
    unconditional = [(name, p) for name, p, requirement in patterns if requirement in requirements.always]
    assert grammar.named_regexes_for(PHRASE_NAMES, "Idlib: 31 civilians") == unconditional


def test_a_pattern_is_skipped_only_where_it_cannot_match():
    """``regexes_for`` keeps every pattern of an ``any_of`` entry that matches a text (those it leaves out lack a
    run of characters each of their matches holds): the zero entries, over the raw reports' lines stating a zero."""
    lines = {line for path in sorted(RAW.glob("snhr-*")) for line in path.read_text(encoding="utf-8").split("\n")
             if grammar.regex("ZeroWord").search(line)}  # the lines the reader asks about zeros
    lines |= {line.upper() for line in lines} | {"Russian forces killed no civilians", "NO ONE DIED DUE TO TORTURE"}
    for name in ("PartyZero", "ZeroStatement"):
        for line in lines:
            kept = grammar.regexes_for(name, line)
            assert all(p in kept for p in grammar.regexes(name) if p.search(line)), (name, line)
    assert grammar.regexes_for("PartyZero", "Idlib: 31") == []  # a count line with no word any zero pattern holds
