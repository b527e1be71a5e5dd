"""Raw text -> clean blocks with line provenance."""
from hypothesis import example, given, strategies as st

from snhr_data.clean import clean_blocks, clean_line, is_noise_line


def test_hard_wraps_are_joined_and_hyphenation_undone():
    blocks = clean_blocks("The entry of parties increased the impor-\ntance and complexity of docu-\nmenting victims.\n")
    assert [b.text for b in blocks] == ["The entry of parties increased the importance and complexity of documenting victims."]


def test_hyphen_of_a_capitalised_prefix_is_kept():
    blocks = clean_blocks("bombardment by the alliance of US-\nled coalition forces.\n")
    assert "US-led coalition" in blocks[0].text


def test_each_character_knows_its_raw_line():
    raw = "title line\n\nWe documented the deaths of 125 \ncivilians, including 26 children.\n"
    block = clean_blocks(raw)[1]
    assert block.line_at(block.text.index("125")) == 3
    assert block.line_at(block.text.index("26")) == 4


def test_bullets_and_labels_start_their_own_blocks():
    raw = "B. Other parties:\nWe documented 97 civilians.\n• Landmines of unknown origin: Four civilians.\n• Fires of unknown source: 29 civilians.\n"
    assert [b.text for b in clean_blocks(raw)] == [
        "B. Other parties:", "We documented 97 civilians.",
        "• Landmines of unknown origin: Four civilians.", "• Fires of unknown source: 29 civilians.",
    ]


def test_a_lowercase_line_after_a_blank_continues_the_block():
    raw = "• Bombings: 55 civilians, including 15 \n\nchildren and three women.\n"
    assert clean_blocks(raw)[0].text == "• Bombings: 55 civilians, including 15 children and three women."


def test_a_date_line_stands_alone_between_title_and_body():
    texts = [b.text for b in clean_blocks("SNHR: 1,011 Civilians Killed in Syria in March 2015\nPosted on April 1, 2015\n"
                                          "The network documented the killing of 1,011 civilians.")]
    assert texts == ["SNHR: 1,011 Civilians Killed in Syria in March 2015", "April 1, 2015",
                     "The network documented the killing of 1,011 civilians."]


def test_a_headline_before_a_whole_paragraph_line_ends_there():
    lines = ["Monitor counts 73 civilian deaths in Syria in August",
             "The Syrian Network for Human Rights said on Friday that 73 civilians were killed in Syria in August."]
    assert [b.text for b in clean_blocks("\n".join(lines))] == lines


def test_a_title_wrapped_onto_a_short_line_and_a_wrapped_paragraph_stay_joined():
    title = "337 Civilians Including 77 Children, 41 Women, and 30 Victims\nDue to Torture in February 2020"
    assert len(clean_blocks(title)) == 1
    paragraph = ("SNHR documented the killing of 337 civilians in Syria in February 2020, including\n"
                 "77 children and 41 women, most of them in the governorate of Idlib in the northwest.")
    assert len(clean_blocks(paragraph)) == 1


def test_markdown_and_html_markup_is_removed():
    assert clean_line("#### - Hay'at Tahrir al Sham<sup>3</sup> :") == "#### - Hay'at Tahrir al Sham:"
    assert clean_line("<b>about</b> [a special form](#) and **bold** http\\_x") == "about a special form and bold http_x"
    assert clean_line("Syrian regime forces (army)¹") == "Syrian regime forces (army)"


def test_character_references_arabic_commas_and_spaced_marks_are_normalised():
    assert clean_line("**104&nbsp;civilians** in Hay&#8217;at &amp; Daraa") == "104 civilians in Hay'at & Daraa"
    assert clean_line("killed 27 civilian , among them 5 child ، and 3 woman .") == "killed 27 civilian, among them 5 child, and 3 woman."
    assert clean_line("Date : 1 August 2017") == "Date: 1 August 2017"
    assert clean_line("a share of 0 .5 and 1,152") == "a share of 0 .5 and 1,152"


def test_urls_and_table_of_contents_lines_are_noise():
    assert is_noise_line("https://drive.google.com/file/d/1qrD1/view")
    assert is_noise_line("IV. Civilian Death Toll.....\t8")
    assert not is_noise_line("IV. Civilian Death Toll")
    assert is_noise_line("II. Introduction\t3")
    assert not is_noise_line("Syrian regime forces\t21\t4\t2")  # a table row's cells, tab-separated


def test_roman_heading_ends_its_block_in_pdf_text():
    raw = " III. Death Toll of Civilian Victims Documented in May\nSince the beginning of 2020, many died.\n"
    assert [b.text for b in clean_blocks(raw)] == [
        "III. Death Toll of Civilian Victims Documented in May", "Since the beginning of 2020, many died."]


@given(st.text())
@example("0*²")  # a superscript after an asterisk: removed after the emphasis, it left a "*" for a second cleaning
def test_clean_line_never_crashes_and_is_idempotent(text):
    once = clean_line(text)
    assert clean_line(once) == once


@given(st.text())
def test_clean_blocks_never_crashes_and_lines_are_in_range(text):
    n_lines = text.count("\n") + 1
    for block in clean_blocks(text):
        assert all(1 <= line <= n_lines for line in block.lines)


def test_a_month_line_between_paragraphs_is_a_heading_of_its_own():
    lines = ["SNHR documented the killing of 5,611 civilians in the first half of 2018.", "June 2018",
             "The report adds that 932 civilians were killed in June."]
    assert [b.text for b in clean_blocks("\n".join(lines))] == lines


def test_a_headline_and_its_subtitle_under_a_date_line_end_before_a_paragraph_line():
    lines = [" date 2019-10-01", "SNHR Documented Seven Massacres and 17 Victims Who Died Due to Torture",
             "Syrian-Russian alliance responsible for 52% of the civilian victims",
             "The Syrian Network for Human Rights said that 248 civilians were killed in Syria in September 2019."]
    assert [b.text for b in clean_blocks("\n".join(lines))] == [
        "date 2019-10-01", " ".join(lines[1:3]), lines[3]]
