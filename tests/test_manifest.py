"""snhr_data.manifest: the raw-data manifest, its verification, and adding reports."""
from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from fixtures.pdfmaker import text_pdf
from snhr_data.cli import main
from snhr_data.manifest import (
    MANIFEST_COLUMNS,
    ManifestError,
    ManifestWarning,
    add_report,
    describe_report,
    read_manifest,
    KINDS,
    report_kind,
    verify_manifest,
    write_manifest,
)
from snhr_data.paths import raw_dir as project_raw_dir

REAL_RAW = project_raw_dir()

RELEASE = """312 Civilian Deaths, Including 41 Children, Documented in Syria in February 2025

Saturday 01 March 2025

The Syrian Network for Human Rights (SNHR) revealed in its latest report, released today, that 312 civilians
were killed in Syria in February 2025, including 41 children and 29 women.
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project root in a temporary folder, holding a copy of the real data/raw."""
    raw = tmp_path / "data" / "raw"
    shutil.copytree(REAL_RAW, raw)
    monkeypatch.setenv("SNHR_DATA_ROOT", str(tmp_path))
    return raw


@pytest.fixture
def release(tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "snhr-2025-02-press-release.txt"
    path.parent.mkdir()
    path.write_text(RELEASE, encoding="utf-8")
    return path


# ---------------------------------------------------------------- verify


def test_real_manifest_verifies_and_lists_every_raw_report() -> None:
    manifest = verify_manifest(REAL_RAW)
    assert list(manifest.columns) == MANIFEST_COLUMNS
    assert sorted(manifest["file"]) == sorted(p.name for p in REAL_RAW.iterdir() if p.name != "manifest.csv")


def test_rewriting_the_manifest_is_byte_identical(project: Path) -> None:
    before = (project / "manifest.csv").read_bytes()
    write_manifest(read_manifest(project), project)
    assert (project / "manifest.csv").read_bytes() == before


def test_edited_raw_file_is_named(project: Path) -> None:
    victim = project / "snhr-2024-11-monthly.txt"
    victim.chmod(0o644)
    victim.write_text(victim.read_text(encoding="utf-8").replace("71", "72", 1), encoding="utf-8")
    with pytest.raises(ManifestError, match=r"data/raw/snhr-2024-11-monthly.txt was edited"):
        verify_manifest(project)


def test_missing_and_unlisted_files_are_named(project: Path) -> None:
    (project / "snhr-2020-05-monthly.txt").unlink()
    (project / "stray.txt").write_text("not listed", encoding="utf-8")
    with pytest.raises(ManifestError) as error:
        verify_manifest(project)
    assert "data/raw/snhr-2020-05-monthly.txt is listed in manifest.csv but missing" in str(error.value)
    assert "data/raw/stray.txt is not listed" in str(error.value)


def test_bad_manifest_values_are_named_with_their_line(project: Path) -> None:
    manifest = read_manifest(project)
    manifest.loc[1, "report_month"] = "Nov 2020"
    manifest.to_csv(project / "manifest.csv", index=False, lineterminator="\n")
    with pytest.raises(ManifestError, match=r"line 3 \(snhr-2020-11-monthly.md\): report_month 'Nov 2020'"):
        read_manifest(project)


# ---------------------------------------------------------------- describing a report from its text


@pytest.mark.parametrize("row", pd.read_csv(REAL_RAW / "manifest.csv", dtype=str, keep_default_na=False)
                         .to_dict("records"), ids=lambda row: row["file"])
def test_month_date_and_kind_read_from_each_raw_report_agree_with_the_manifest(row: dict) -> None:
    found = describe_report(REAL_RAW / row["file"])
    assert (found["report_month"], found["published"], found["kind"]) == (
        row["report_month"], row["published"], row["kind"]
    )
    assert found["sha256"] == row["sha256"]


def test_report_kind_decided_by_the_text() -> None:
    assert report_kind("I. Background and Methodology\ntext\nII. Civilian Death Toll\ntext") == "monthly_report"
    assert report_kind("SNHR revealed in its latest report, released today, that 12 civilians ...") == "press_release"
    assert report_kind("12 civilians were killed in Syria in May 2020.") is None
    assert report_kind("BEIRUT (AFP) - 12 civilians were killed in May, the rights group said on Sunday.") == "news"
    assert report_kind("Twelve civilians died in May, according to the Syrian Network for Human Rights.") == "news"


def test_report_kind_cues_of_real_copies() -> None:
    """Shapes of the held-out set (issue 9): a photo credit "(AFP)" is no wire dateline; "the monthly toll of the
    SNHR", "the group said" and a headline's "monitor says" are a news article's; an SNHR release's own "The group
    also documented" is not."""
    assert report_kind("SNHR revealed in its latest report, released today, that 12 civilians were killed.\n"
                       "A street in Idlib after an air strike. Credit: (AFP)") == "press_release"
    assert report_kind("At least 97 civilians were killed last month, according to the monthly toll of the Syrian "
                       "Network for Human Rights (SNHR).") == "news"
    assert report_kind("Regime forces killed 23 of them, the group said.") == "news"
    assert report_kind("Hundreds of civilians killed in Syria last month, monitor says") == "news"
    assert report_kind("SNHR revealed in its latest report, released today, that 12 civilians were killed. The group "
                       "also documented the killing of 103 civilians in the year.") == "press_release"


def test_cli_kind_choices_are_the_manifest_kinds() -> None:
    from snhr_data.cli import add_command

    kind = next(p for p in add_command.params if p.name == "kind")
    assert list(kind.type.choices) == KINDS


# ---------------------------------------------------------------- add


def test_add_copies_byte_for_byte_and_lists_the_report(project: Path, release: Path) -> None:
    row = add_report(release, project, source="press release page")
    copied = project / release.name
    assert copied.read_bytes() == release.read_bytes()
    assert row == {
        "file": release.name,
        "sha256": verify_manifest(project).set_index("file").loc[release.name, "sha256"],
        "report_month": "2025-02",
        "published": "2025-03-01",
        "kind": "press_release",
        "source_format": "text",
        "source": "press release page",
    }
    manifest = verify_manifest(project)
    assert list(manifest["report_month"]) == sorted(manifest["report_month"])  # chronological order
    assert not copied.stat().st_mode & 0o222  # raw files are read-only


def test_add_reads_a_pdf_publication(project: Path, tmp_path: Path) -> None:
    pdf = text_pdf(RELEASE, tmp_path / "snhr-2025-02.pdf")
    row = add_report(pdf, project)
    assert (row["report_month"], row["published"], row["source_format"]) == ("2025-02", "2025-03-01", "pdf")
    assert (project / pdf.name).read_bytes() == pdf.read_bytes()


def test_add_refuses_a_file_already_present(project: Path, release: Path) -> None:
    add_report(release, project)
    before = (project / "manifest.csv").read_bytes()
    with pytest.raises(ManifestError, match="already present"):
        add_report(release, project)
    assert (project / "manifest.csv").read_bytes() == before


def test_add_refuses_same_content_under_another_name(project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "renamed-copy.txt"
    shutil.copyfile(REAL_RAW / "snhr-2024-11-monthly.txt", copy)
    with pytest.raises(ManifestError, match="same content.*data/raw/snhr-2024-11-monthly.txt"):
        add_report(copy, project)
    assert not (project / copy.name).exists()


def test_add_refuses_a_text_with_no_month_and_copies_nothing(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Civilian Deaths Documented\n\nSNHR documented the killing of 12 civilians.\n", encoding="utf-8")
    before = sorted(p.name for p in project.iterdir())
    with pytest.raises(ManifestError, match=r"undated.txt: cannot tell which month"):
        add_report(path, project)
    assert sorted(p.name for p in project.iterdir()) == before


def test_add_asks_for_the_kind_when_the_text_does_not_show_it(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("12 Civilians Killed in Syria in May 2019\n\n12 civilians were killed.\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="--kind"):
        add_report(path, project)
    assert add_report(path, project, kind="press_release")["kind"] == "press_release"


def test_cli_add_records_a_news_article(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("Monitor: 57 civilians killed in Syria in June 2019\n\nBEIRUT (AFP) - 57 civilians were killed in "
                    "June 2019, the Syrian Network for Human Rights said on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["add", str(path)])
    assert result.exit_code == 0, result.output
    assert "added data/raw/wire.txt: news for 2019-06" in result.output
    assert read_manifest(project).set_index("file").loc["wire.txt", "kind"] == "news"


def test_add_warns_when_a_month_is_already_covered(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "dec-2024-again.txt"
    path.write_text((REAL_RAW / "snhr-2024-12-press-release.txt").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.warns(ManifestWarning, match="snhr-2024-12-press-release.txt already covers 2024-12"):
        add_report(path, project)


def test_add_refuses_to_add_onto_an_edited_raw_folder(project: Path, release: Path) -> None:
    (project / "stray.txt").write_text("not listed", encoding="utf-8")
    with pytest.raises(ManifestError, match="stray.txt is not listed"):
        add_report(release, project)
    assert not (project / release.name).exists()


def test_cli_add(project: Path, release: Path) -> None:
    result = CliRunner().invoke(main, ["add", str(release), "--source", "web"])
    assert result.exit_code == 0, result.output
    assert "added data/raw/snhr-2025-02-press-release.txt: press_release for 2025-02, published 2025-03-01" in result.output
    again = CliRunner().invoke(main, ["add", str(release)])
    assert again.exit_code == 1
    assert "already present" in again.output


def test_added_report_is_read_by_extraction(project: Path, release: Path) -> None:
    """No code change to add a month: the added file is a report the extractor reads like any other."""
    from snhr_data.extract import extract_figures

    add_report(release, project)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figures = extract_figures(project / release.name)
    totals = figures[(figures["period"] == "2025-02") & (figures["victim_group"] == "all")
                     & (figures["measure"] == "civilian_deaths") & (figures["perpetrator"] == "all")]
    assert set(figures["report"]) == {"2025-02"}
    assert set(totals["value"]) == {312}


NEWS_WITHOUT_YEAR = ("Rights group: 143 civilians killed in April\n\n"
                     "The Syrian Network for Human Rights said on Thursday that 143 civilians were killed in April, "
                     "including 21 children.\n")


def test_add_dates_a_text_without_a_year_with_month(project: Path, tmp_path: Path) -> None:
    """A news article that names no year is refused with the fix, then added with --month and built with it."""
    article = tmp_path / "news-april.txt"
    article.write_text(NEWS_WITHOUT_YEAR, encoding="utf-8")
    refused = CliRunner().invoke(main, ["add", str(article), "--kind", "press_release"])
    assert refused.exit_code == 1 and "--month YYYY-MM" in refused.output
    added = CliRunner().invoke(main, ["add", str(article), "--kind", "press_release", "--month", "2024-04"])
    assert added.exit_code == 0, added.output
    assert "press_release for 2024-04" in added.output
    assert read_manifest(project).set_index("file").loc["news-april.txt", "report_month"] == "2024-04"
    from snhr_data.build import build_data

    build_data(project, tmp_path / "processed")
    figures = pd.read_csv(tmp_path / "processed" / "figures.csv", dtype=str)
    assert set(figures.loc[figures["source_file"] == "news-april.txt", "period"]) == {"2024-04"}


def test_extract_takes_month_for_a_text_without_a_year(tmp_path: Path) -> None:
    article = tmp_path / "news-april.txt"
    article.write_text(NEWS_WITHOUT_YEAR, encoding="utf-8")
    refused = CliRunner().invoke(main, ["extract", str(article)])
    assert refused.exit_code == 1 and "names no year; date it with --month YYYY-MM" in refused.output
    read = CliRunner().invoke(main, ["extract", str(article), "--month", "2024-04"])
    assert read.exit_code == 0, read.output
    assert "2024-04,2024-04,civilian_deaths,all,all,all,count,,143" in read.output


@pytest.mark.parametrize("command", ["extract", "add"])
@pytest.mark.parametrize("month", ["2024-13", "01", "April"])
def test_a_month_that_is_no_month_is_one_line_before_any_file_is_read(command, month, project: Path,
                                                                       tmp_path: Path) -> None:
    article = tmp_path / "news-april.txt"
    article.write_text(NEWS_WITHOUT_YEAR, encoding="utf-8")
    before = sorted(p.name for p in project.iterdir())
    output = tmp_path / "out.csv"
    extra = ["-o", str(output)] if command == "extract" else []
    wrong = CliRunner().invoke(main, [command, str(article), "--month", month, *extra])
    assert wrong.exit_code == 2
    assert wrong.output == f"error: --month {month!r} is not a month: write it as YYYY-MM with a month 01-12, e.g. '2024-01'\n"
    assert not output.exists() and sorted(p.name for p in project.iterdir()) == before


def test_add_says_once_why_a_text_without_a_year_is_refused(project: Path, tmp_path: Path) -> None:
    article = tmp_path / "news-april.txt"
    article.write_text(NEWS_WITHOUT_YEAR, encoding="utf-8")
    refused = CliRunner().invoke(main, ["add", str(article), "--kind", "press_release"])
    assert refused.output == (f"error: {article}: cannot tell which month this report covers: the text names no year; "
                              "date it with --month YYYY-MM\n")


NEWS = """Rights group: 96 civilians killed in Syria in March 2022

BEIRUT, April 2, 2022 (AFP) -- The Syrian Network for Human Rights said on Saturday that 96 civilians, including 21 children, were killed in Syria in March 2022.

The Syrian Observatory for Human Rights, a war monitor, put the civilian toll for March at 164.
"""


def test_report_kind_tells_a_news_article_quoting_snhr() -> None:
    assert report_kind(NEWS) == "news"
    assert report_kind("12 civilians were killed in March 2022, according to the Syrian Network for Human Rights.") == "news"
    assert report_kind("SNHR revealed in its latest report, released today, that 12 civilians ...") == "press_release"


def test_a_news_article_builds_with_source_kind_news_and_without_the_other_monitors_figure(
        project: Path, tmp_path: Path) -> None:
    """Issue 9, shape 9: SNHR's figures as the article gives them, told apart by `source_kind`; the other
    monitor's 164 is no figure."""
    from snhr_data.build import build_data, load_figures

    path = tmp_path / "news-2022-03.txt"
    path.write_text(NEWS, encoding="utf-8")
    assert add_report(path, project)["kind"] == "news"
    out = tmp_path / "processed"
    build_data(project, out)
    figures = load_figures(out)
    news = figures[figures["source_file"] == path.name]
    assert set(news["source_kind"]) == {"news"}
    assert set(figures.loc[figures["source_file"] != path.name, "source_kind"]) <= {"monthly_report", "press_release"}
    assert 96 in set(news["value"]) and 21 in set(news["value"]) and 164 not in set(news["value"])


def test_add_kind_news_from_the_command_line(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "short-news.txt"
    path.write_text("12 Civilians Killed in Syria in May 2019\n\n12 civilians were killed.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["add", "--kind", "news", str(path)])
    assert result.exit_code == 0, result.output
    assert "news for 2019-05" in result.output
    assert verify_manifest(project).set_index("file").loc[path.name, "kind"] == "news"


def test_cli_add_errors_name_the_file_with_its_path(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "sub" / "binary.txt"
    path.parent.mkdir()
    path.write_bytes(b"\x00\x01\x02 not text")
    result = CliRunner().invoke(main, ["add", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {path}: ") and "binary" in result.output
