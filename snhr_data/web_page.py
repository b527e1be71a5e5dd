"""The article text of an HTML page: the report, without the site's menus, headers, footers and teasers.

``<article>``, else ``<main>``, else the element holding most paragraph text; headings, paragraphs and
list items each start a line, blocks are separated by blank lines. The page's ``<h1>`` headline (and the subheading
right after it) is kept even when it sits outside the article, because press releases state their figures in it; so is
a byline that dates the page outside it ("Published: November 2, 2020" in the header): "last month" counts back from it.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator

from .furniture import starts_related_list
from .raw import ReportReadError, decode_text

NOISE_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "button", "select", "menu", "dialog"]
NOISE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
# class/id tokens of site chrome (WordPress and common themes), matched as whole tokens
NOISE_NAME = re.compile(
    r"^(?:nav|navbar|navigation|menu|main-menu|sub-menu|breadcrumbs?|sidebar|widget|site-header|site-footer"
    r"|share|sharing|social|social-links|cookie|cookies|cookie-banner|related|related-posts|comments?|skip-link)$",
    re.I,
)
BLOCK_TAGS = {"p", "div", "section", "article", "main", "blockquote", "pre", "figure", "figcaption",
              "ul", "ol", "dl", "table", "address", "center", "h1", "h2", "h3", "h4", "h5", "h6"}
LINE_TAGS = {"li", "tr", "dt", "dd", "caption"}
FOOTNOTE_MARK = re.compile(r"\d{1,2}|[*†‡]")  # the text of a superscript footnote marker
CELL_TAGS = {"td", "th"}
# a section's heading, written as Markdown writes it ("<h2>Governorates</h2>": "## Governorates"), its level kept: a
# heading of a month's level ends the month's section (clean.py, reading/report.py); the headline (h1) is the title
SECTION_HEADINGS = {f"h{level}": "#" * level + " " for level in range(2, 7)}
SKIPPED_STRINGS = {"Comment", "Declaration", "ProcessingInstruction", "Doctype", "CData"}


# parts of class/id names of boxes that sit inside an article but are not it: counters, teasers
_COUNTER_WORDS = "counter|counters|stats?"
_OTHER_BOX_WORDS = "related|teasers?|promo|recommended|popular|most-read|more-news|read-more|latest-posts"


def _name_part(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?:^|[-_])(?:{words})(?:[-_]|$)", re.I)


NOISE_NAME_PART = _name_part(f"{_COUNTER_WORDS}|{_OTHER_BOX_WORDS}")
# ... but a <table> named for its statistics ("<table class=\"stats\">", the article's table by month) is no counters
# box (fx158bc: the table had been dropped as one): for a table, only the other boxes' words count
TABLE_NOISE_NAME_PART = _name_part(_OTHER_BOX_WORDS)


def is_noise(tag) -> bool:
    if tag.name in NOISE_TAGS or (tag.get("role") or "").lower() in NOISE_ROLES or is_picture_caption(tag):
        return True
    names = list(tag.get("class") or []) + ([tag["id"]] if tag.get("id") else [])
    part = TABLE_NOISE_NAME_PART if tag.name == "table" else NOISE_NAME_PART
    return any(NOISE_NAME.match(name) or part.search(name) for name in names)


def is_picture_caption(tag) -> bool:
    """A ``<figcaption>`` of a figure holding a picture ("A landmine warning sign near Sarmin, February 2022"): the
    picture's words, not the article's (fx166cd: such a caption, naming landmines, had been read as a heading giving its
    party to the paragraph after it)."""
    figure = tag.parent if tag.name == "figcaption" else None
    return figure is not None and figure.name == "figure" and figure.find("img") is not None


def is_link_list(tag) -> bool:
    """A list whose every item is one link: teasers of other articles, not the article's own text."""
    if tag.name not in {"ul", "ol"}:
        return False
    items = tag.find_all("li", recursive=False)
    return bool(items) and all(
        len(item.find_all("a")) == 1 and item.get_text(" ", strip=True) == item.a.get_text(" ", strip=True)
        for item in items)


def drop_related_sections(soup) -> None:
    """Remove "Related reports" headings with the lists after them, and lists of links to other articles."""
    for heading in soup.find_all(["h2", "h3", "h4", "h5", "h6", "strong"]):
        if heading.decomposed or not starts_related_list(heading.get_text(" ", strip=True)):
            continue
        following = heading.find_next_sibling()
        if following is not None and following.name in {"ul", "ol", "div", "section"}:
            following.decompose()
        heading.decompose()
    for listing in soup.find_all(is_link_list):
        if not listing.decomposed:
            listing.decompose()


def is_menu(tag) -> bool:
    """Site chrome other than a <header>: a page's headline often sits in its header, never in a menu."""
    return tag.name != "header" and is_noise(tag)


def paragraph_text_size(tag) -> int:
    """Characters of text in the <p> elements directly under ``tag`` (how much article it holds)."""
    return sum(len(p.get_text(" ", strip=True)) for p in tag.find_all("p", recursive=False))


def article_root(soup):
    """The element holding the article: the largest <article>, else <main>, else the biggest paragraph block."""
    found = soup.find_all("article") or soup.find_all("main") or soup.find_all(attrs={"role": "main"})
    if found:
        return max(found, key=lambda t: len(t.get_text(" ", strip=True)))
    blocks = [t for t in soup.find_all(True) if paragraph_text_size(t)]
    return max(blocks, key=paragraph_text_size) if blocks else (soup.body or soup)


LINE_END, BLOCK_END = "\x01", "\x02"
EMPTY_CELL = "–"  # an empty table cell (the reader's EmptyCell)
MARKER_RUN = re.compile(r"[^\S\t]*[\x01\x02][\x01\x02\s]*")  # not the tab of an empty last cell before it


def html_pieces(node) -> Iterator[str]:
    """The text of ``node`` in pieces: text, '\\t' between table cells, and LINE_END / BLOCK_END markers."""
    from bs4 import NavigableString, Tag

    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child).__name__ not in SKIPPED_STRINGS:
                yield re.sub(r"\s+", " ", str(child))
        elif isinstance(child, Tag):
            if child.name == "br":
                yield LINE_END
            elif child.name == "sup" and FOOTNOTE_MARK.fullmatch(child.get_text().strip()):
                continue  # a footnote's marker ("47<sup>1</sup>"): never digits of the count it is glued to
            elif child.name in CELL_TAGS:
                yield "\t"
                yield from html_pieces(child)
            else:
                edge = BLOCK_END if child.name in BLOCK_TAGS else LINE_END if child.name in LINE_TAGS else ""
                yield edge
                yield SECTION_HEADINGS.get(child.name, "")
                yield from html_pieces(child)
                yield edge


def pieces_to_text(pieces: Iterable[str]) -> str:
    """Text from ``html_pieces``: a run of markers is a blank line if it holds a block end, else a line end."""
    joined = MARKER_RUN.sub(lambda m: "\n\n" if BLOCK_END in m.group() else "\n", "".join(pieces))
    lines = []
    for line in joined.split("\n"):
        lines.append("\t".join(row_cells(line.split("\t"))))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def row_cells(pieces: list[str]) -> list[str]:
    """The cells of a line split at its tabs, spaces collapsed: the pieces before the first cell with text dropped, an
    empty cell after it kept as a dash ("ISIS | 7 | | 1": "ISIS", "7", "–", "1"), so that no count moves to the column
    before it."""
    cells = [" ".join(piece.split()) for piece in pieces]
    first = next((i for i, cell in enumerate(cells) if cell), len(cells))
    return [cell or EMPTY_CELL for cell in cells[first:]]


def html_published(soup) -> str:
    """The publication date the page declares (article:published_time meta or a <time datetime>), ISO, or ''."""
    meta = soup.find("meta", attrs={"property": "article:published_time"}) or soup.find(
        "meta", attrs={"name": re.compile(r"^(?:date|publish[_-]?date|dc\.date)$", re.I)}
    )
    value = (meta.get("content") if meta else "") or ""
    if not value:
        time = soup.find("time", attrs={"datetime": True})
        value = time["datetime"] if time else ""
    match = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
    return match.group(0) if match else ""


def page_date_line(soup, article_text: str) -> str:
    """A short line outside the article and its menus that dates the page (a byline in its header), or ''."""
    from .reading.dates import publication_date

    for tag in soup.find_all(["p", "time", "span", "div"]):
        line = " ".join(tag.get_text(" ", strip=True).split())
        if (len(line) <= 200 and line not in article_text and publication_date(line)
                and not any(is_menu(parent) for parent in tag.parents if parent.name)):
            return line
    return ""


def with_date_line(text: str, headline: str, date_line: str) -> str:
    """``text`` with ``date_line`` under its headline (the end of a title), else first; unchanged without one."""
    if not date_line:
        return text
    if headline and text.startswith(headline):
        return f"{headline}\n\n{date_line}\n\n{text[len(headline):].lstrip()}"
    return f"{date_line}\n\n{text}"


def headline_subtitle(headline) -> str:
    """The subheading right after the page's <h1>, outside the article ("<h2 class="subtitle">27 Massacres and 36
    Deaths Due to Torture Documented Between January and June</h2>"): the headline's second line, which states figures
    too; '' when the next element is no heading, or was dropped as chrome."""
    following = headline.find_next_sibling() if headline is not None and not headline.decomposed else None
    if following is None or following.decomposed or following.name not in {"h2", "h3"}:
        return ""
    return " ".join(following.get_text(" ", strip=True).split())


def span(cell, attribute: str) -> int:
    """A cell's ``colspan`` or ``rowspan``, 1 when it has none (or one that is no number)."""
    value = str(cell.get(attribute, "1")).strip()
    return int(value) if value.isdigit() and int(value) > 0 else 1


def merge_spanned_header(table) -> None:
    """A header of two rows, its first with cells spanning columns ("Perpetrator" over both rows, "Civilian victims"
    over "Total | Children | Women"), made one row of the columns' own cells ("Perpetrator | Total | Children |
    Women"): each spanning cell gives way to the cells under it. Left as it is when the second row's cells do not
    fill the spans."""
    rows = table.find_all("tr")
    if len(rows) < 2:
        return
    top, under = rows[0].find_all(["th", "td"], recursive=False), rows[1].find_all(["th", "td"], recursive=False)
    spanned = [cell for cell in top if span(cell, "colspan") > 1]
    if not spanned or any(cell.name != "th" for cell in top + under) \
            or sum(span(cell, "colspan") for cell in top if span(cell, "rowspan") < 2) != len(under):
        return
    for cell in top:
        if span(cell, "rowspan") < 2:
            for _ in range(span(cell, "colspan")):
                cell.insert_before(under.pop(0))
            cell.decompose()
    rows[1].decompose()


def html_to_text(html: str, name: str) -> tuple[str, str]:
    """(article text, published date) of an HTML page; ``name`` is used in error messages."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    published = html_published(soup)
    headline = next((h for h in soup.find_all("h1") if not any(is_menu(p) for p in h.parents if p.name)), None)
    headline_text = " ".join(headline.get_text(" ", strip=True).split()) if headline else ""
    dated_outside = page_date_line(soup, pieces_to_text(html_pieces(article_root(soup))))
    for tag in soup.find_all(is_noise):
        if not tag.decomposed:
            tag.decompose()
    drop_related_sections(soup)
    for table in soup.find_all("table"):
        merge_spanned_header(table)
    text = pieces_to_text(html_pieces(article_root(soup)))
    subtitle = headline_subtitle(headline)
    if subtitle and subtitle not in text:
        text = f"{subtitle}\n\n{text}"
    if headline_text and headline_text not in text:
        text = f"{headline_text}\n\n{text}"
    text = with_date_line(text, headline_text, dated_outside)
    if not text.strip():
        raise ReportReadError(f"{name}: no article text found in this HTML page")
    return text.rstrip("\n") + "\n", published


def read_html(path: Path) -> tuple[str, str]:
    return html_to_text(decode_text(path.read_bytes(), str(path)), str(path))
