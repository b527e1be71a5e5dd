"""Text -> figures: statement shapes, provenance, mutations of real reports, acceptance, bad input."""
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from snhr_data.clean import clean_line
from snhr_data.codes import FIGURE_COLUMNS
from snhr_data.numbers import find_numbers
from snhr_data.extract import TruncatedReportWarning, extract_figures
from snhr_data.raw import ReportReadError
from snhr_data.vocab import UnmappedLabelError, UnmappedLabelWarning
from tiers import first_in_make_test

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
ACCEPTANCE = ROOT.parent / "shared" / "acceptance"
REPORTS = sorted(p for p in RAW.iterdir() if p.suffix in {".txt", ".md"})
HEAD = "125 Civilians Documented Killed in Syria in May 2020\n\nSunday 01 June 2020\n\n"


def rows(text, **where):
    frame = extract_figures(text)
    for key, value in where.items():
        frame = frame[frame[key] == value]
    return frame


def value_of(frame, **where):
    for key, value in where.items():
        frame = frame[frame[key] == value]
    return sorted(set(frame["value"].tolist()))


# --- statement shapes ---------------------------------------------------------------------------

def test_total_with_children_and_women_and_year_to_date():
    text = HEAD + ("In May, the SNHR documented the deaths of 125 civilians, including 26 children and six women "
                   "(adult female), bringing the death toll since the beginning of 2020 up to June 2020 to 910.\n")
    figures = extract_figures(text)
    assert value_of(figures, period="2020-05", perpetrator="all", victim_group="all") == [125]
    assert value_of(figures, period="2020-05", victim_group="children") == [26]
    assert value_of(figures, period="2020-05", victim_group="women") == [6]
    assert value_of(figures, period="2020-01/2020-05", measure="civilian_deaths") == [910]


def test_party_list_with_heading_labels_and_inline_labels():
    text = HEAD + (
        "B. Other parties:\nWe documented the deaths of 97 civilians, including 22 children and three women, at the hands "
        "of other parties, distributed as follows:\n• Landmines of unknown origin: Four civilians, including one child.\n"
        "• Fires of unknown source: 29 civilians, including four children.\n"
        "- Russian forces:\nWe documented the death of one civilian.\n"
    )
    figures = extract_figures(text)
    assert value_of(figures, perpetrator="other_parties", victim_group="all") == [97]
    assert value_of(figures, perpetrator="landmines_unidentified", victim_group="children") == [1]
    assert value_of(figures, perpetrator="gunfire_unidentified", victim_group="all") == [29]
    assert value_of(figures, perpetrator="russia") == [1]


def test_torture_list_takes_the_measure_from_its_heading():
    text = HEAD + "IV. Deaths due to Torture\n1. The main parties:\n- Syrian Regime forces: Seven.\n- Syrian Democratic Forces: One.\n"
    figures = extract_figures(text)
    assert value_of(figures, measure="torture_deaths", perpetrator="syrian_regime") == [7]
    assert value_of(figures, measure="torture_deaths", perpetrator="sdf") == [1]


def test_press_release_sentences_with_subjects_and_passives():
    text = ("503 Civilian Deaths in December 2024\n\nThe report documents the killing of 1,264 civilians in 2024. Of these, "
            "Assad regime forces killed 356 civilians, including 92 children and 40 women, while four civilians, including "
            "one child, were killed by ISIS. Furthermore, US-led international Coalition forces killed one child.\n")
    figures = extract_figures(text)
    assert value_of(figures, period="2024", perpetrator="all") == [1264]
    assert value_of(figures, period="2024", perpetrator="syrian_regime", victim_group="women") == [40]
    assert value_of(figures, period="2024", perpetrator="isis", victim_group="all") == [4]
    assert value_of(figures, perpetrator="us_coalition", victim_group="children") == [1]
    assert value_of(figures, perpetrator="us_coalition", victim_group="all") == [1]


def test_each_splits_one_number_over_several_parties_and_governorates():
    text = ("Civilian deaths in November 2024\n\nThe report documents 33 massacres in 2024. Fourteen of these massacres "
            "were perpetrated by Assad regime forces, while two each were carried out by Russian forces and the SDF.\n\n"
            "These victims were killed by regime forces in various Syrian governorates: five were killed in Idlib "
            "governorate, two each in the governorates of Daraa and Homs.\n")
    figures = extract_figures(text)
    assert value_of(figures, measure="massacres", perpetrator="russia") == [2]
    assert value_of(figures, measure="massacres", perpetrator="sdf") == [2]
    assert value_of(figures, governorate="idlib", perpetrator="syrian_regime") == [5]
    assert value_of(figures, governorate="homs") == [2]


def test_percent_subjects():
    text = ("Civilian deaths in November 2024\n\nChildren and women accounted for 37 percent of the total death toll. "
            "Daraa governorate saw the highest number of victims, with 34 percent of all civilian deaths in November. "
            "March saw the highest monthly civilian death toll so far this year, accounting for about 13 percent. "
            "The Syrian regime has been responsible for about 63 percent of all deaths due to torture documented in 2024 to date.\n")
    figures = extract_figures(text)
    pct = figures[figures["unit"] == "percent"].set_index("share_of")
    assert pct.loc["victim_group", "victim_group"] == "children_and_women"
    assert (pct.loc["governorate", "governorate"], pct.loc["governorate", "value"]) == ("daraa", 34)
    assert (pct.loc["period", "period"], pct.loc["period", "qualifier"]) == ("2024-03", "about")
    assert tuple(pct.loc["perpetrator", ["measure", "period", "value"]]) == ("torture_deaths", "2024-01/2024-11", 63)


def test_zero_statements_are_zero_rows():
    text = HEAD + "B. Death toll of medical personnel\nSNHR didn't document any deaths among medical personnel in May 2020.\n"
    assert value_of(extract_figures(text), measure="medical_personnel_deaths", period="2020-05") == [0]


def test_incident_narratives_rates_and_definitions_are_not_figures():
    text = HEAD + (
        "We use the term massacre to refer to any attack that killed five or more peaceful individuals.\n\n"
        "On Sunday, May 3, 2020, an explosion killed 44 civilians, including nine children. The attack also killed 3 civilians.\n\n"
        "(seven children are killed every day)\n\nThe chart shows the bombing, which killed 12 civilians.\n\n"
        "In May, we documented the deaths of 125 civilians.\n"
    )
    figures = extract_figures(text)
    assert value_of(figures, measure="civilian_deaths") == [125]


def test_every_row_has_provenance_pointing_at_the_raw_line():
    path = RAW / "snhr-2024-11-monthly.txt"
    raw_lines = path.read_text(encoding="utf-8").split("\n")
    figures = extract_figures(path)
    assert list(figures.columns) == FIGURE_COLUMNS
    text = " ".join(" ".join(clean_line(line) for line in raw_lines).split())
    for row in figures.itertuples():
        assert row.source_file == path.name
        raw = clean_line(raw_lines[row.line - 1])
        stated = {m.value for m in find_numbers(raw)} | ({0.0} if re.search(r"\bno\b|n't", raw) else set())
        if "one each" not in row.note:  # "the other two ... in Deir Ez-Zour and Aleppo": 1 is not written
            assert row.value in stated, (row.line, raw, row.value)
        assert " ".join(row.quote.strip("…").split()) in text, row.quote  # the quote is the report's own words


# --- the reports in data/raw ---------------------------------------------------------------------

@pytest.mark.parametrize("path", first_in_make_test(REPORTS, ids=lambda p: p.name))
def test_report_month_is_read_from_the_text_not_the_file_name(path, tmp_path):
    renamed = tmp_path / "report.txt"
    renamed.write_bytes(path.read_bytes())
    original = extract_figures(path)
    assert set(extract_figures(renamed)["report"]) == set(original["report"])
    assert original["report"].nunique() == 1


def test_acceptance_score_recall_one_and_nothing_wrong(tmp_path):
    """The hand-read gold figures: every one found with its value, none with a wrong value."""
    scorer = ACCEPTANCE / "score_figures.py"
    if not scorer.exists():
        pytest.skip(f"acceptance fixture not found at {ACCEPTANCE}")
    figures = pd.concat([extract_figures(p) for p in REPORTS])
    out = tmp_path / "figures.csv"
    figures.to_csv(out, index=False)
    result = subprocess.run([sys.executable, str(scorer), str(out), "--min-recall", "1.0"], capture_output=True, text=True)
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout[-3000:]
    assert summary.startswith("recall 1.000") and " wrong 0 " in summary, summary


def test_figures_beyond_the_gold_are_stated_in_the_report():
    """Pinned EXTRA rows: the Dec 2023 report's second statement of bombings by unidentified parties."""
    figures = extract_figures(RAW / "snhr-2023-12-monthly-and-annual.txt")
    stated = figures[(figures["period"] == "2023-12") & (figures["perpetrator"] == "bombings_unidentified")]
    assert sorted(stated["value"]) == [1, 3, 5, 15]
    quote = stated[stated["victim_group"] == "children"].iloc[0]["quote"]
    assert quote == ("In December, 15 civilians, including five children and a woman, were killed in bombings "
                     "staged by parties we have not been able to identify.")


def test_a_figure_stated_twice_keeps_both_statements():
    figures = extract_figures(RAW / "snhr-2023-12-monthly-and-annual.txt")
    children = figures[(figures["period"] == "2023-12") & (figures["measure"] == "civilian_deaths")
                       & (figures["victim_group"] == "children") & (figures["perpetrator"] == "all")]
    assert set(children["value"]) == {14, 15}
    assert children["line"].nunique() >= 2


# --- altered copies: the output follows the text -------------------------------------------------

def altered(path, old, new, tmp_path):
    text = path.read_text(encoding="utf-8")
    assert old in text
    copy = tmp_path / path.name
    copy.write_text(text.replace(old, new), encoding="utf-8")
    return copy


def test_changing_a_number_changes_the_figure(tmp_path):
    path = RAW / "snhr-2024-11-monthly.txt"
    copy = altered(path, "- Gunfire of unidentified source: 13 civilians.", "- Gunfire of unidentified source: 31 civilians.", tmp_path)
    before = value_of(extract_figures(path), perpetrator="gunfire_unidentified", governorate="all", unit="count")
    after = value_of(extract_figures(copy), perpetrator="gunfire_unidentified", governorate="all", unit="count")
    assert 31 in after and 31 not in before


def test_changing_a_word_number_changes_the_figure(tmp_path):
    path = RAW / "snhr-2020-05-monthly.txt"
    copy = altered(path, "-  Syrian Regime forces: Seven.", "-  Syrian Regime forces: Nine.", tmp_path)
    after = extract_figures(copy)
    assert value_of(after, measure="torture_deaths", perpetrator="syrian_regime") == [9]


def test_changing_a_party_name_moves_the_figure(tmp_path):
    path = RAW / "snhr-2024-11-monthly.txt"
    copy = altered(path, "- Israeli forces: Nine civilians", "- Jordanian forces: Nine civilians", tmp_path)
    after = extract_figures(copy)
    listed = after[after["line"] == 157]
    assert set(listed["perpetrator"]) == {"jordan"}


def test_an_unknown_party_name_is_reported_with_file_and_line(tmp_path):
    path = RAW / "snhr-2024-11-monthly.txt"
    copy = altered(path, "- Drowning: Seven civilians", "- Martian expeditionary corps: Seven civilians", tmp_path)
    with pytest.warns(UnmappedLabelWarning, match=r"snhr-2024-11-monthly.txt:158: unmapped perpetrator label 'Martian expeditionary corps'"):
        figures = extract_figures(copy)
    assert 158 not in set(figures["line"])
    with pytest.raises(UnmappedLabelError, match="158"):
        extract_figures(copy, strict=True)


# --- bad input ------------------------------------------------------------------------------------

def test_empty_binary_and_monthless_files_are_clear_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    monthless = tmp_path / "monthless.txt"
    monthless.write_text("Civilian deaths\n\nWe documented the deaths of 12 civilians.\n")
    for path, message in [(empty, "empty"), (binary, "binary"), (monthless, "month")]:
        with pytest.raises(ReportReadError, match=re.escape(path.name) + ".*" + message):
            extract_figures(path)


def test_a_truncated_report_warns_and_drops_the_cut_statement(tmp_path):
    text = (RAW / "snhr-2024-11-monthly.txt").read_text(encoding="utf-8")
    cut = text[: text.index("to 761") + len("to 7")]
    path = tmp_path / "cut.txt"
    path.write_text(cut, encoding="utf-8")
    with pytest.warns(TruncatedReportWarning, match="cut.txt:125"):
        figures = extract_figures(path)
    assert 7 not in set(figures[figures["period"] == "2024-01/2024-11"]["value"])


def test_cli_extract_writes_csv_and_refuses_bad_files_without_leaving_output(tmp_path):
    out = tmp_path / "out.csv"
    cli = [sys.executable, "-m", "snhr_data.cli"]
    done = subprocess.run(cli + ["extract", str(REPORTS[0]), "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert list(pd.read_csv(out).columns) == FIGURE_COLUMNS
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    out2 = tmp_path / "out2.csv"
    failed = subprocess.run(cli + ["extract", str(bad), "-o", str(out2)], capture_output=True, text=True)
    assert failed.returncode != 0 and "bad.txt" in failed.stderr
    assert not out2.exists()


def test_new_wording_after_the_fall_of_the_regime_is_reported_not_guessed():
    text = ("Civilian Deaths in March 2025\n\nSaturday 1 April 2025\n\n"
            "In March 2025, SNHR documented the killing of 40 civilians. Transitional government forces killed 12 "
            "civilians, while government forces killed 3 civilians and Assad regime remnants killed 4 civilians.\n")
    with pytest.warns(UnmappedLabelWarning) as caught:
        figures = extract_figures(text)
    messages = " ".join(str(w.message) for w in caught)
    assert all(label in messages for label in ["Transitional government forces", "government forces", "Assad regime remnants"])
    assert value_of(figures, measure="civilian_deaths") == [40]


def test_cli_extract_to_a_dash_writes_to_standard_output(tmp_path, monkeypatch):
    """``-o -`` is standard output, as for most command-line tools, not a file named "-"."""
    from click.testing import CliRunner

    from snhr_data.cli import main

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(REPORTS[0]), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split(",") == FIGURE_COLUMNS
    assert list(tmp_path.iterdir()) == []


# --- a part read as the whole -------------------------------------------------------------------------------------

def stated(value: float, line: int, group: str = "all", party: str = "all", measure: str = "civilian_deaths"):
    from snhr_data.extract import Figure

    return Figure("2024-03", "2024-03", measure, group, party, "all", "count", "", value, "exact", "r.txt", line,
                  f"line {line}")


def test_a_whole_below_its_parts_is_left_out_beside_another_value_of_it(recwarn):
    from snhr_data.extract import without_wholes_below_their_parts

    total, part_read_as_total = stated(127, 3), stated(3, 6)
    children, regime = stated(23, 3, group="children"), stated(40, 5, party="syrian_regime")
    kept = without_wholes_below_their_parts([total, children, regime, part_read_as_total])
    assert kept == [total, children, regime]
    assert [str(w.message)[:9] for w in recwarn] == ["r.txt:6: "]


def test_values_of_a_whole_that_no_part_exceeds_are_all_kept():
    from snhr_data.extract import without_wholes_below_their_parts

    title, body, children = stated(212, 1), stated(213, 4), stated(40, 4, group="children")  # a title and body disagree
    assert without_wholes_below_their_parts([title, body, children]) == [title, body, children]


def test_a_whole_of_one_value_or_all_values_below_a_part_is_kept_as_stated():
    from snhr_data.extract import without_wholes_below_their_parts

    alone = [stated(100, 2), stated(120, 5, party="russia")]
    assert without_wholes_below_their_parts(alone) == alone  # which one is wrong the text does not say: the audit
    both_below = [stated(100, 2), stated(90, 7), stated(120, 5, group="children")]
    assert without_wholes_below_their_parts(both_below) == both_below
    party = [stated(15, 4, party="bombings_unidentified"), stated(5, 4, group="children", party="bombings_unidentified"),
             stated(3, 9, party="bombings_unidentified")]  # two sections of a report that disagree on one party
    assert without_wholes_below_their_parts(party) == party
    other_measure = [stated(5, 2, measure="torture_deaths"), stated(9, 4, measure="torture_deaths"),
                     stated(7, 6, party="syrian_regime")]  # a party's civilians are no part of the torture deaths
    assert without_wholes_below_their_parts(other_measure) == other_measure
