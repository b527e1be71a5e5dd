"""snhr_data.charts.book: saved files are deterministic and described; the book shows, saves and fingerprints."""
from __future__ import annotations

import json
import re
from pathlib import Path

from chart_frames import SOURCES, party_month
from PIL import Image

from snhr_data import __version__, charts


def test_saved_files_are_deterministic_and_carry_metadata(tmp_path):
    chart = charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES)
    metadata = charts.figure_metadata(chart.figure.get_label(), "2030-05", {"month": "2030-05"})
    first = charts.save_figure(chart.figure, tmp_path / "a" / "chart", metadata)
    second = charts.save_figure(chart.figure, tmp_path / "b" / "chart", metadata)
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes(), one.suffix
    png = Image.open(first[0])
    assert png.info["dpi"][0] >= 200
    described = json.loads(png.info["Description"])
    assert described == {"report": "2030-05", "parameters": {"month": "2030-05"}, "snhr_data_version": __version__}
    pdf = first[2].read_bytes()
    assert b"/FontFile2" in pdf and b"/Type3" not in pdf  # TrueType embedded
    assert b"CreationDate" not in pdf
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "2030-05" in svg
    assert list(tmp_path.rglob("*.tmp")) == []


def test_fingerprint_changes_with_a_charted_number():
    frame = party_month()
    before = charts.deaths_by_party(charts.statements(frame), "2030-05", SOURCES).data
    frame.loc[frame["perpetrator"].eq("syrian_regime") & frame["victim_group"].eq("children"), "value"] = 5
    after = charts.deaths_by_party(charts.statements(frame), "2030-05", SOURCES).data
    assert charts.data_fingerprint(before) != charts.data_fingerprint(after)
    assert charts.data_fingerprint(before) == charts.data_fingerprint(before.copy())


def test_chart_book_records_missing_charts_and_fingerprints(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    book = charts.ChartBook("", "2030-05", {"month": "2030-05"})
    stated = charts.statements(party_month())
    book.show("torture", charts.torture_by_party(stated, "2030-05", SOURCES))
    book.show("parties", charts.deaths_by_party(stated, "2030-05", SOURCES))
    assert "torture" in book.missing_text()
    lines = book.fingerprints().splitlines()
    assert lines[0].split() == ["torture", "not", "drawn"]
    assert re.fullmatch(r"parties\s+[0-9a-f]{16}", lines[1])
    assert len(shown) == 2


def test_a_saved_chart_beside_the_notebook_is_linked_not_embedded(tmp_path):
    linked = charts.book.saved_image(Path("figures") / "a b.png", 'Deaths "by" party & <year>', 420)
    html = linked._repr_html_()
    assert html.startswith('<img src="figures/a%20b.png"') and 'width="420"' in html
    assert 'alt="Deaths &quot;by&quot; party &amp; &lt;year&gt;"' in html
    chart = charts.deaths_by_party(charts.statements(party_month()), "2030-05", SOURCES)
    png = charts.save_figure(chart.figure, tmp_path / "chart", charts.figure_metadata("t", "2030-05", {}), ("png",))[0]
    embedded = charts.book.saved_image(png, "t", 420)  # saved elsewhere: a link would not resolve
    assert embedded.data == png.read_bytes()
