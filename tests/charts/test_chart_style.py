"""snhr_data.charts.style and .formatting: party colours and labels from the vocabulary, the house style, labels."""
from __future__ import annotations

import matplotlib.colors as mcolors
import pytest
from chart_frames import SOURCES, party_month

from snhr_data import charts
from snhr_data.charts import style
from snhr_data.codes import load_vocab, perpetrator_codes


def test_every_perpetrator_has_its_own_colour_and_a_short_label():
    codes = perpetrator_codes()
    styles = charts.party_styles()
    assert sorted(styles) == sorted(codes)
    assert len({mcolors.to_hex(charts.party_color(code)) for code in codes}) == len(codes)
    assert charts.party_label("armed_opposition_sna") == "Armed opposition / SNA"
    assert charts.party_color("not_a_code") == style.NOT_STATED_COLOR


@pytest.fixture
def vocabulary(monkeypatch):
    """Replace the perpetrator vocabulary the chart style reads with the given entries."""
    def use(entries):
        monkeypatch.setattr(style, "load_vocab", lambda name: tuple(entries))
        style.party_styles.cache_clear()
    yield use
    style.party_styles.cache_clear()


def test_a_new_party_is_one_vocabulary_entry(vocabulary):
    entry = dict(code="new_party", label="A party of a long name", group="main", color="#123456",
                 short_label="New party", variants=["new party"])
    vocabulary([*load_vocab("perpetrators"), entry])
    assert charts.party_color("new_party") == "#123456"
    assert charts.party_label("new_party") == "New party"


@pytest.mark.parametrize("broken, complaint", [({"color": "red"}, "color"), ({"short_label": ""}, "short_label")])
def test_a_party_without_colour_or_label_is_refused_by_name(vocabulary, broken, complaint):
    entry = dict(code="new_party", label="New", group="main", color="#123456", short_label="New", variants=["x"])
    vocabulary([{**entry, **broken}])
    with pytest.raises(ValueError, match=rf"perpetrators.yaml: party 'new_party' needs a `{complaint}`"):
        charts.party_color("new_party")


def test_charts_use_the_house_style_without_pyplot_state():
    import matplotlib.pyplot as plt

    chart = charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES)
    ax = chart.figure.axes[0]
    assert ax.xaxis.label.get_fontsize() == 7.5
    assert not ax.spines["top"].get_visible()
    assert plt.get_fignums() == []


def test_the_house_style_sets_the_rcparams_its_file_sets_whatever_was_changed_before_and_restores_them():
    import matplotlib

    if style.style_params() is None:
        pytest.skip("this matplotlib has no style blacklist this module knows: the style file is read each time")
    changed = {"font.size": 13.0, "figure.edgecolor": "red", "figure.subplot.bottom": 0.3, "lines.linewidth": 4.0}
    with matplotlib.rc_context(changed):
        before = dict(matplotlib.rcParams)
        with matplotlib.rc_context(fname=str(style.STYLE_PATH)):
            matplotlibs = dict(matplotlib.rcParams)
        with charts.house_style():
            assert dict(matplotlib.rcParams) == matplotlibs
            matplotlib.rcParams["font.family"].append("changed in place")
        assert dict(matplotlib.rcParams) == before
        with charts.house_style():
            assert dict(matplotlib.rcParams) == matplotlibs


def test_period_helpers():
    assert charts.period_label("2030-05") == "May 2030"
    assert charts.period_label("2030-01/2030-05") == "Jan–May 2030"
    assert charts.period_end("2030") == "2030-12"
    assert charts.period_slug("2030-01/2030-05") == "2030-01_2030-05"
    assert charts.chronological(["2030", "2029-11", "2030-12", "2030-01/2030-05"]) == [
        "2029-11", "2030-01/2030-05", "2030-12", "2030"]
    assert charts.format_number(3.0, "about") == "≈3" and charts.format_number(12.5, unit="percent") == "12.5%"
