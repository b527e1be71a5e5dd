"""Altered copies of the five raw reports: each change (numbers, qualifiers, party names, governorates,
months, list order, unknown labels, deleted and duplicated statements) must cause exactly its change of
the figures table -- and no other change. (Texts of our own are cases in ``tests/cases/``.)

A wrong number is worse than a missing one, so the checks are split: found (every stated figure is
there), no contradiction (no row gives a stated figure another value), nothing unstated (no row whose
key the text does not state), narrative lines silent. Cases the extractor gets wrong today are marked
``xfail(strict=True)``: they turn into failures once fixed, and the mark is then removed.
"""
from __future__ import annotations

import pytest
from figure_checks import DEC_2023, DEC_2024, MAY_2020, NOV_2020, NOV_2024, altered_table, key, original_table, table_diff
from tiers import first_in_make_test


def renamed_periods(table: dict, rename) -> dict:
    """The table with report and period codes mapped through ``rename`` (for a consistent month/year shift)."""
    return {(rename(k[0]), rename(k[1])) + k[2:]: v for k, v in table.items()}


def test_number_words_and_digits_swap_without_changing_any_figure(tmp_path):
    """71 -> seventy-one, 125 -> one hundred and twenty-five, Seven -> 7, fifty-two, 1,264 -> 1264: same values."""
    cases = [
        (NOV_2024, [("the killing of 71 civilians", "the killing of seventy-one civilians")]),
        (MAY_2020, [("the deaths of 125 civilians", "the deaths of one hundred and twenty-five civilians"),
                    ("-  Syrian Regime forces: Seven.", "-  Syrian Regime forces: 7.")]),
        (DEC_2024, [("Of this total, 52, including", "Of this total, fifty-two, including"),
                    ("while 17 were killed by HTS", "while seventeen were killed by HTS"),
                    ("Fourteen of these massacres", "14 of these massacres"),
                    ("1,264", "1264")]),
    ]
    for name, replacements in cases:
        after, _ = altered_table(name, replacements, tmp_path)
        assert table_diff(original_table(name), after) == {}, name


def test_qualifier_synonyms_keep_values_and_qualifiers(tmp_path):
    after, _ = altered_table(NOV_2024, [(" about ", " approximately ")], tmp_path)
    assert table_diff(original_table(NOV_2024), after) == {}
    after, _ = altered_table(DEC_2023, [("approximately", "nearly")], tmp_path)
    assert table_diff(original_table(DEC_2023), after) == {}


def test_adding_at_least_changes_only_that_qualifier(tmp_path):
    after, _ = altered_table(NOV_2024, [("- Gunfire of unidentified source: 13 civilians.",
                                         "- Gunfire of unidentified source: at least 13 civilians.")], tmp_path)
    k = key("2024-11", "2024-11", "civilian_deaths", "all", "gunfire_unidentified")
    assert table_diff(original_table(NOV_2024), after) == {
        k: (((13.0, "exact"), (13.0, "exact")), ((13.0, "at_least"), (13.0, "exact")))}


def test_changing_one_party_number_changes_only_that_figure(tmp_path):
    after, _ = altered_table(DEC_2024, [("Russian forces killed 13 civilians", "Russian forces killed 31 civilians")],
                             tmp_path)
    k = key("2024-12", "2024-12", "civilian_deaths", "all", "russia")
    assert table_diff(original_table(DEC_2024), after) == {k: (((13.0, "exact"),), ((31.0, "exact"),))}


@pytest.mark.parametrize("name, replacements", first_in_make_test([
    (DEC_2024, [("Assad regime forces", "Syrian regime forces")]),
    (DEC_2024, [("Assad regime forces", "government forces"),
                ("US-led international Coalition forces", "international coalition forces"),
                ("all armed opposition factions/SNA", "factions of the armed opposition")]),
    (DEC_2023, [("Syrian regime forces", "Assad regime forces"),
                ("Russian forces", "forces we believe are Russian"),
                ("In December, the SDF killed seven civilians", "In December, Kurdish Self-Management forces killed seven civilians"),
                ("at the hands of the SDF.", "at the hands of the Syrian Democratic Forces.")]),
    (DEC_2023, [("Syrian regime forces", "government forces")]),
    (MAY_2020, [("Kurdish-led Syrian Democratic Forces (the Democratic Union Party)", "Kurdish Self-Management forces")]),
    (NOV_2020, [("ISIS", "ISIS (the self-proclaimed Islamic State)")]),
    (NOV_2024, [("- Israeli forces: Nine civilians", "- Israeli airstrikes: Nine civilians")]),
], ids=["press-syrian_regime", "press-government-coalition-factions", "2023-assad-russian-kurdish-sdf",
        "2023-government", "2020-05-kurdish", "2020-11-isis", "2024-11-israeli"]))
def test_party_name_variants_leave_the_table_unchanged(name, replacements, tmp_path):
    after, unmapped = altered_table(name, replacements, tmp_path)
    assert table_diff(original_table(name), after) == {}
    assert unmapped == ()


def test_group_order_and_word_numbers_in_a_party_sentence_leave_the_table_unchanged(tmp_path):
    after, _ = altered_table(NOV_2024, [(
        "In November 2024, regime forces killed 11 civilians, including five children and one woman",
        "In November 2024, regime forces killed eleven civilians, including one woman and five children")], tmp_path)
    assert table_diff(original_table(NOV_2024), after) == {}


def test_changing_a_list_value_changes_only_that_figure(tmp_path):
    after, _ = altered_table(DEC_2023, [("- Turkish forces: One civilian.", "- Turkish forces: Two civilians.")], tmp_path)
    k = key("2023-12", "2023", "civilian_deaths", "all", "turkey")
    assert table_diff(original_table(DEC_2023), after) == {k: (((1.0, "exact"),), ((2.0, "exact"),))}


def test_changing_the_governorate_of_a_percent_moves_only_that_percent(tmp_path):
    after, _ = altered_table(DEC_2023, [("Daraa governorate saw the highest number of deaths in 2023",
                                         "Homs governorate saw the highest number of deaths in 2023")], tmp_path)
    share = lambda gov: key("2023-12", "2023", "civilian_deaths", "all", "all", gov, "percent", "governorate")  # noqa: E731
    assert table_diff(original_table(DEC_2023), after) == {
        share("daraa"): (((22.0, "about"),), ()), share("homs"): ((), ((22.0, "about"),))}


def test_changing_an_each_number_changes_both_parties(tmp_path):
    after, _ = altered_table(DEC_2024, [("two each were carried out by Russian forces and the SDF",
                                         "three each were carried out by Russian forces and the SDF")], tmp_path)
    massacres = lambda party: key("2024-12", "2024", "massacres", "all", party)  # noqa: E731
    assert table_diff(original_table(DEC_2024), after) == {
        massacres("russia"): (((2.0, "exact"),), ((3.0, "exact"),)),
        massacres("sdf"): (((2.0, "exact"),), ((3.0, "exact"),)),
    }


def test_changing_a_medical_count_changes_it_and_its_implied_total(tmp_path):
    after, _ = altered_table(NOV_2024, [("the killing of one medical worker at the hands of other parties",
                                         "the killing of two medical workers at the hands of other parties")], tmp_path)
    medical = lambda party: key("2024-11", "2024-11", "medical_personnel_deaths", "all", party)  # noqa: E731
    assert table_diff(original_table(NOV_2024), after) == {
        medical("all"): (((1.0, "exact"),), ((2.0, "exact"),)),
        medical("other_parties"): (((1.0, "exact"),), ((2.0, "exact"),)),
    }


def test_turning_a_zero_statement_into_a_count_replaces_the_zero(tmp_path):
    after, _ = altered_table(MAY_2020, [(
        "SNHR didn’t document any deaths among medical personnel in May 2020.",
        "SNHR documented the deaths of two medical personnel in May 2020, both at the hands of Syrian Regime forces.")],
        tmp_path)
    medical = lambda party: key("2020-05", "2020-05", "medical_personnel_deaths", "all", party)  # noqa: E731
    assert table_diff(original_table(MAY_2020), after) == {
        medical("all"): (((0.0, "exact"),), ((2.0, "exact"),)),
        medical("syrian_regime"): ((), ((2.0, "exact"),)),
    }


def test_active_and_passive_voice_and_verb_synonyms_leave_the_table_unchanged(tmp_path):
    after, _ = altered_table(DEC_2024, [("while four civilians, including one child, were killed by ISIS",
                                         "while ISIS killed four civilians, including one child")], tmp_path)
    assert table_diff(original_table(DEC_2024), after) == {}
    after, _ = altered_table(DEC_2023, [("documented the killing of", "recorded the deaths of"), ("(adult female)", "")],
                             tmp_path)
    assert table_diff(original_table(DEC_2023), after) == {}


def test_sentence_rewordings_leave_the_table_unchanged(tmp_path):
    after, _ = altered_table(DEC_2023, [
        ("We documented the killing of 31 civilians, including four children and four women, at the hands of Syrian regime forces.",
         "Syrian regime forces killed 31 civilians, including four children and four women."),
        ("We documented the killing of 74 civilians, including nine children and 10 women, at the hands of the SDF.",
         "We documented the killing of 74 civilians, among them nine children and 10 women, by Syrian Democratic Forces."),
        ("accounting for approximately 22 percent of the total, followed by Deir Ez-Zour with approximately 20 percent",
         "accounting for approximately 22% of the total, followed by Deir ez-Zor with approximately 20%"),
    ], tmp_path)
    assert table_diff(original_table(DEC_2023), after) == {}


def test_changing_a_governorate_moves_only_its_figure(tmp_path):
    after, _ = altered_table(DEC_2023, [("Of these 16, 10 were killed in Daraa governorate",
                                         "Of these 16, 10 were killed in Homs governorate")], tmp_path)
    gunfire = lambda gov: key("2023-12", "2023-12", "civilian_deaths", "all", "gunfire_unidentified", gov)  # noqa: E731
    assert table_diff(original_table(DEC_2023), after) == {
        gunfire("daraa"): (((10.0, "exact"),), ()),
        gunfire("homs"): ((), ((10.0, "exact"),)),
    }


def test_governorate_spelling_variants_leave_the_table_unchanged(tmp_path):
    after, _ = altered_table(NOV_2024, [("Hasaka governorate", "al-Hasakah governorate"),
                                        ("Deir Ez-Zour governorate", "Deir ez-Zor governorate"),
                                        ("in Idlib governorate", "in Edlib governorate")], tmp_path)
    assert table_diff(original_table(NOV_2024), after) == {}


@pytest.mark.parametrize("name, replacements, rename", first_in_make_test([
    (NOV_2024, [("November", "October"), ("NOVEMBER", "OCTOBER")],
     lambda p: p.replace("2024-11", "2024-10")),
    (MAY_2020, [("May", "April"), ("June 2020", "May 2020")],
     lambda p: p.replace("2020-05", "2020-04")),
    (NOV_2020, [("Tuesday 1 December 2020", "Sunday 1 November 2020"), ("November", "October"),
                ("December 2020", "November 2020")],
     lambda p: p.replace("2020-11", "2020-10")),
    (DEC_2024, [("2024", "2022")], lambda p: p.replace("2024", "2022")),
    (DEC_2023, [("2023", "2021")], lambda p: p.replace("2023", "2021")),
], ids=["2024-11-to-october", "2020-05-to-april", "2020-11-to-october", "2024-to-2022", "2023-to-2021"]))
def test_shifting_the_month_or_year_consistently_shifts_every_period(name, replacements, rename, tmp_path):
    after, _ = altered_table(name, replacements, tmp_path)
    assert table_diff(renamed_periods(original_table(name), rename), after) == {}


def test_reordering_list_items_leaves_the_table_unchanged(tmp_path):
    after, _ = altered_table(DEC_2023, [(
        "- Gunfire of unidentified source: 16 civilians, including one child and two women.\n"
        "- Landmines of unidentified source: 10 civilians, including one child and two women.\n"
        "- Killings by unidentified parties: Five civilians, including two children and one woman.",
        "- Killings by unidentified parties: Five civilians, including two children and one woman.\n"
        "- Landmines of unidentified source: 10 civilians, including one child and two women.\n"
        "- Gunfire of unidentified source: 16 civilians, including one child and two women.")], tmp_path)
    assert table_diff(original_table(DEC_2023), after) == {}


def test_an_unknown_list_label_adds_nothing_and_is_reported(tmp_path):
    after, unmapped = altered_table(DEC_2023, [("- Lebanese forces: One civilian.\n\nDecember",
                                                "- Lebanese forces: One civilian.\n- Iranian militias: Two civilians.\n\nDecember")],
                                    tmp_path)
    assert table_diff(original_table(DEC_2023), after) == {}
    assert any("Iranian militias" in message for message in unmapped)


def test_an_unknown_agent_in_a_sentence_loses_its_figures_and_gives_them_to_no_one(tmp_path):
    after, unmapped = altered_table(DEC_2024, [("while Russian forces killed 13 civilians",
                                                "while Iranian militias killed 13 civilians")], tmp_path)
    russia = lambda group: key("2024-12", "2024-12", "civilian_deaths", group, "russia")  # noqa: E731
    assert table_diff(original_table(DEC_2024), after) == {
        russia("all"): (((13.0, "exact"),), ()),
        russia("children"): (((2.0, "exact"),), ()),
        russia("women"): (((1.0, "exact"),), ()),
    }
    assert any("Iranian militias" in message for message in unmapped)


def test_an_unknown_agent_after_by_loses_its_figures(tmp_path):
    after, unmapped = altered_table(DEC_2024, [("were killed by ISIS", "were killed by Hezbollah")], tmp_path)
    isis = lambda group: key("2024-12", "2024", "civilian_deaths", group, "isis")  # noqa: E731
    assert table_diff(original_table(DEC_2024), after) == {
        isis("all"): (((4.0, "exact"),), ()),
        isis("children"): (((1.0, "exact"),), ()),
    }
    assert any("Hezbollah" in message for message in unmapped)


def test_deleting_a_paragraph_removes_only_its_statements(tmp_path):
    paragraph = ("In November 2024, Israeli attacks killed nine civilians in Syria -six children and three women. "
                 "An Israeli attack on al-Mazza in Damascus resulted in a massacre, in which three children and two women were killed.")
    after, _ = altered_table(NOV_2024, [(paragraph, "")], tmp_path)
    israel = lambda group: key("2024-11", "2024-11", "civilian_deaths", group, "israel")  # noqa: E731
    assert table_diff(original_table(NOV_2024), after) == {
        israel("all"): (((9.0, "exact"),) * 3, ((9.0, "exact"),) * 2),
        israel("children"): (((6.0, "exact"),) * 3, ((6.0, "exact"),) * 2),
        israel("women"): (((3.0, "exact"),) * 3, ((3.0, "exact"),) * 2),
    }


def test_a_figure_stated_twice_differently_keeps_both_values(tmp_path):
    after, _ = altered_table(NOV_2024, [(
        "In November 2024, SNHR documented the killing of 71 civilians, including 20 children and six women (adult female) at the hands",
        "In November 2024, SNHR documented the killing of 74 civilians, including 21 children and six women (adult female) at the hands")],
        tmp_path)
    total = lambda group: key("2024-11", "2024-11", "civilian_deaths", group, "all")  # noqa: E731
    assert table_diff(original_table(NOV_2024), after) == {
        total("all"): (((71.0, "exact"),) * 3, ((71.0, "exact"),) * 2 + ((74.0, "exact"),)),
        total("children"): (((20.0, "exact"),) * 3, ((20.0, "exact"),) * 2 + ((21.0, "exact"),)),
    }


def test_a_title_restating_the_total_differently_keeps_both_values(tmp_path):
    after, _ = altered_table(DEC_2024, [("date 2025-01-02 503 Civilians", "date 2025-01-02 530 Civilians")], tmp_path)
    k = key("2024-12", "2024-12", "civilian_deaths", "all", "all")
    assert table_diff(original_table(DEC_2024), after) == {
        k: (((503.0, "exact"),) * 3, ((503.0, "exact"),) * 2 + ((530.0, "exact"),))}
