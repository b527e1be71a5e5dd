"""Raw report text -> clean blocks: the second stage of the flow.

PDF text arrives with hard line wraps, words hyphenated across lines, bullets and stray URLs;
markdown with headings, HTML tags, escapes and footnote markers. ``clean_blocks`` turns either into
a list of ``Block``s -- a heading, a list item or a paragraph, as one line of clean text -- that
remember, character by character, the raw line each piece came from (for provenance). Page furniture
(site chrome, breadcrumbs, tables of contents: ``snhr_data.furniture``) is skipped line by line first.
"""
from __future__ import annotations

import bisect
import csv
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby

from .furniture import furniture_and_lone_numbers, is_named_row, starts_with_pictograph
from .grammar import cached_by_text, classes, regex
from .grammar import words as vocab_words
from .numbers import DIGIT_GAP, adds_up_to, find_numbers
from .pdf_text import PDF_CHAR_FIXES
from .reading.dates import english_dates, is_date_line, is_month_heading
from .reading.heads import noun_of
from .reading.measure import measures_named

BULLET = r"[•■➤▪►◦●→\-\*o]"  # "→" a post's arrow bullet (fx153cd: its items had been run together)
# ... or a number in brackets before a capital ("(2) DETENTION: ...", a newsletter digest's items; round 114c): the item's
# number, never a count
ENUMERATOR = r"(?:(?:[IVX]{1,5}|V1|[A-H]|[ivx]{1,4}|\d{1,2})[.\-)]|\(\d{1,2}\)(?=\s+[A-Z]))"
ROMAN_HEADING = re.compile(r"^(?:[IVX]{1,5}|V1)\.\s+\S")

# (never the number sign glued to digits: "#4271", a forum post's number, is no heading; round 136d)
_MD_HEADING = re.compile(r"^\s*(#{1,6})(?!\d)\s*")
# the marker of a quoted line, in markdown or an e-mail ("> SNHR documented ...", ">> ...", a lone ">" between quoted
# paragraphs): no text of the report; a lone one is a blank line (round 24)
_QUOTE_MARKER = re.compile(r"^\s*(?:>(?=\s|>|$)\s*)+")
_SUP = re.compile(r"<sup>.*?</sup>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
# a markdown image ("![Residents inspect the crater left by a landmine blast](https://...)"): its alt text describes a
# picture, no report prose (never a heading naming the party of the counts after it; round 19)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()]|\([^)]*\))*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
# (a Markdown bullet opening its line, "* 18 - Syrian regime forces", is no emphasis: kept, the item read as a "- " one
# is; session 43: its count had been read as civilians under an introduction of massacres)
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?!\s)|(?<=\S)\*(?!\w)")
# text in italics between single underscores (markdown, a chat's "_Deir Ez-Zour recorded the highest toll: 23
# civilians._"; fx129c: the place unread, its count the month's total): its words, never a pair of underscores
# within a word or a link ("t.me/snhr_en", "snake_case_name")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w_/])_(?=[^\s_])(?P<words>[^_\n]*?[^\s_])_(?![\w_])")
_SUPERSCRIPT_DIGITS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_URL_LINE = re.compile(r"^\s*<?(?:https?://|www\.)\S+>?\s*$")
_TOC_LINE = re.compile(r"\.{4,}|\t\s*\.?\s*\d{1,3}\s*$")
# a row of tab-separated cells whose last two are numbers ("Syrian regime forces\t21\t4\t2", from an HTML table or a
# copied one), the one before the last perhaps a dash or marked by a footnote ("Media workers\t2\t-\t-\t3",
# "Other parties\t36**\t80"; round 30), is no contents entry
_TAB_ROW_END = re.compile(r"\t\s*(?:\d[\d,]*\**|[–—-])\s*\t\s*\d[\d,]*\s*$")
# a row of a page's table, its cells between tabs, the last a count or empty ("Medical personnel\t2\t4\t6",
# "Civil Defense members\t–\t3\t3"): a row of its own, the next line never goes on with it as one sentence
# a cell of a table pasted as comma- or tab-separated values that holds a count ("297", "1,013", "33.9%")
_DELIMITED_COUNT = re.compile(r"\d[\d,]*(?:\.\d+)?%?")
_SPACED_CELLS = re.compile(r"\s{2,}")  # the gap between two cells of a table aligned by spaces
_TAB_CELLS_ROW = re.compile(r"\t\s*(?:\d[\d,]*|[–—-])\s*$")
# a line ending in a tab and a number ("Massacres\t38", a contents entry's "II. Introduction\t3"), and the colon and
# tab after a measure's label on such a line, written ":\t" when the number is its count (``measure_count_lines``)
_TAB_NUMBER_END = re.compile(r"\t\s*(\d[\d,]*)\s*$")
_TAB_LABEL_END = re.compile(r"\s*:?[ ]*\t")
# ... or drawn with box-drawing or other dash characters, as an e-mail newsletter draws it between its sections
# ("━━━━━━━━━━", "══════", "——————"; round 147d: its sections had run into one paragraph)
_RULE_LINE = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,}|={3,}|~{3,}|[\u2500-\u257f\u2014\u2015\u2013]{3,})\s*$")
# the line under a markdown table's header ("|---|---|", "| :--- | ---: |", "|:--|--:|": a cell's dashes may be few)
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
_PAGE_NUMBER_LINE = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\s*$", re.IGNORECASE)
_FOOTNOTE_AFTER_PAREN = re.compile(r"(?<=\))\d{1,2}\b")
# a count written again in brackets right after it, in other digits ("104 (١٠٤) civilians", a translated news copy) or
# in words before its digits ("two hundred fifty six (256) child", a forum translation; round 98c): one count, the
# digits (as two, the bracket's aside took the first's period away, or the words took no noun)
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)")
# ... or glued to the full stop of a sentence ending in a word, before the next sentence or the line's end ("sources it
# can verify.6 It documented ...", "documented late.12"; session 21): a number of no statement
_FOOTNOTE_AFTER_STOP = re.compile(r"(?<=[a-z]\.)\d{1,2}(?=\s+[A-Z]|\s*$)")


def _glued_footnote_dropped(match: re.Match) -> str:
    """The word of a ``FootnoteGluedParen`` match without its marker; the match itself after a word naming victims
    (``CountedWordBeforeBrackets``: "children(12)", a count in brackets, however glued)."""
    word = match.group("word")
    return match.group(0) if regex("CountedWordBeforeBrackets").fullmatch(word) else word


# a footnote marker in brackets glued to the word or number it annotates ("87[1] civilians", "nine women[2]", "[^3]" of
# markdown, perhaps linking to its note: "3[4](#fn4)"; round 24); a note's own marker, opening its line, is kept
_FOOTNOTE_BRACKETED = re.compile(r"(?<=[^\s\[(])\[\^?\d{1,3}\](?:\(#[^()\s]*\))?")
_ITEM_START = re.compile(rf"^\s*(?:{BULLET}\s+|{ENUMERATOR}\s+)")
# a thread's post number opening each post ("3/ Torture: 21 detainees ...", "4/12 Massacres: 9"; round 32)
_POST_NUMBER = re.compile(r"^\s*(?:\d{1,2}/(?:\d{1,2})?|\(\d{1,2}(?:/\d{1,2})?\))\s+(?=[A-Z\d])")
# ... and the post number alone before the post's pictograph ("4/ 😢 11 people died under torture", "3/ ▪️ HTS: 6";
# round 118a: the post had run on from the list item before it)
_POST_NUMBER_OPENING = re.compile(r"^\s*\d{1,2}/\s+")
# ... and a thread's post counter with its total, perhaps after the thread's pictograph ("🧵 4/6 ", "5/6 📍 ...",
# "(3/6) 📍 ..."; round 93c), or its number alone in brackets ("(2) The Kurdish-led SDF killed ...", "(6) 📍 ...", a
# thread whose posts a copy runs on, line after line; fx112b: they had been one statement, a post's number a count),
# opening a line (or all of what comes before a pictograph: ``_THREAD_COUNTER_ALONE``)
_COUNTER = r"\s*(?:\U0001F9F5\s*)?(?:\d{1,2}/\d{1,2}|\(\d{1,2}(?:/\d{1,2})?\))"
_THREAD_COUNTER = re.compile(rf"^{_COUNTER}\s+(?!of\b)")
_THREAD_COUNTER_ALONE = re.compile(_COUNTER)
# ... the counter of a numbered thread's post ("3/7 torture 😔 97 person died ...", "5/7 governorates with most
# victims"), whatever word follows it, where another line opens with the post before or after it ("2/7", "4/7"):
# a post of its own, never the last words of the post above (round 119a: "unidentified groups: 28" and the torture
# post after it had been one statement; ``thread_post_lines``)
_SERIES_COUNTER = re.compile(r"^\s*(?:\U0001F9F5\s*)?(?P<number>\d{1,2})/(?P<total>\d{1,2})\s+(?!of\b)")
# a list item that is one label and its count, perhaps with its victims' noun ("- Israeli forces: four", "- Daraa: 14",
# "- Other parties: 64 civilians"; round 25) and their groups ("- Unidentified groups: 70 civilians, including 8
# children and 6 women", "- ISIS: 96 civilians (18 children, 15 women)"; round 26), ending on a noun, never on a word
# that goes on onto the next line
_LABELLED_COUNT_ITEM = re.compile(rf"^\s*(?:{BULLET}|{ENUMERATOR})\s+[^:]{{2,80}}:\s*(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)"
                                  r"(?:\s+(?:civilians?|victims?|people|persons|deaths|individuals))?"
                                  r"(?:,?\s+(?:including|among them|of whom)\s[^:;.()]{1,80}?"
                                  r"\b(?:children|child|women|woman)|\s*\([^():;]{1,60}\))?$")
# a line of labelled counts between pipes ("Regime forces: 688 | ISIS: 132 | Other: 100"): a row of its own, never
# the opening words of the sentence on the next line (whose counts would take its last party)
_LABELLED_CELLS = re.compile(r"[A-Za-z)]\s*:\s*\d[\d,]*\s*\|\s*[A-Za-z][^:|\d]*:\s*\d")
# a list pasted as one run-on line, its cells of a label and a count (and their groups) parted by bars or dashes
# ("Syrian regime forces 28 | Russian forces 5 | ...", "...: 173 civilians, including 22 children and 17 women - Kurdish
# forces: 31 civilians ..."; round 43): two partings at least make a row of its own, never the opening words of the
# next line's sentence nor the last words of the sentence before it; or by semicolons after their counts, each label's
# count after it with no colon ("landmine explosions 14 ; gunfire of unknown source 22 ; ...", round 47; not "Medical
# personnel killed: 13; media workers killed: 3", a sentence of labelled counts)
_RUN_ON_PARTING = re.compile(r"\d[\d,]*(?:\s+[A-Za-z]+){0,2}\)?\s+[|–—-]\s+(?=[A-Za-z])|(?<![:\d])\s\d[\d,]*;\s+(?=[A-Za-z])")
# ... of items each a label, its colon and its count: parted at each dash or bar before a label ("... (8 children, 5
# women) | Military Operations Administration forces: 9 civilians | ...", round 47), the introduction's colon before
# the first label ending the introduction
_RUN_ON_ITEM_PARTING = re.compile(r"(?<=[\d)a-z])\s+[|–—-]\s+(?=[A-Z][^:\d]{1,60}:\s*\d)")
_LABELLED_ITEM = re.compile(r"[A-Z][^:\d]{1,60}:\s*\d[\d,]*\s")
# ... or a label and its count alone, in a list parted by dashes ("Medical personnel: 12 - Civil Defense: 7 - Media
# workers: 4"; fx153cd: left joined, all three counts had been the first label's)
_LABELLED_COUNT_ALONE = re.compile(r"[A-Z][^:\d]{1,60}:\s*\d[\d,]*\s*")
_LIST_INTRO = re.compile(r"([^:]{3,120}:)\s+([A-Z][^:\d]{1,60}:\s*\d.*)$")
_PARTED_END = re.compile(r"(?:[|,;–—-]|\b(?:and|or))\s*$")
# a list item of a sentence ending on its last count's victims, no full stop ("- and 702 civilian was killed by
# unidentified groups, among them 121 child and 61 woman"; round 117c), or on its last count alone ("➡️ the other
# parties killed 84 civilian, ... and gunfire of unknown source 41"; round 119a), or in brackets ("▪️ Hama lost the
# most (31), then Homs (12)"; round 146d: the paragraph after it had been read as the ranking's words): whole, never
# going on onto a paragraph after it
_COUNTED_ITEM = re.compile(rf"^\s*(?:{BULLET}|{ENUMERATOR})\s+[^:]{{2,200}}?\s(?:\d[\d,]*|\(\d[\d,]*\))(?:\s+"
                           r"(?:civilians?|children|child|women|woman|victims?))?$")
# a list item of a label and its count, then words of any length ending on a word that closes a phrase, no full stop
# ("- Other parties: 2,029 civilians, of whom 187 ..., a large part of them in revenge killings"; fx134b): whole before a
# whole paragraph, never a line it goes on onto (one ending on a joiner or a preposition does)
_LABELLED_STATEMENT_ITEM = re.compile(rf"^\s*(?:{BULLET}|{ENUMERATOR})\s+[^:\d]{{2,80}}:\s*\d[\d,]*\s")
# a list item opening with its count, then its words, no label and no full stop ("- 9 massacres; 4 medical workers and
# one Civil Defense volunteer killed"; fx137d): whole before a whole paragraph, never a line it goes on onto (one ending
# on a joiner or a preposition does)
_COUNT_OPENING_ITEM = re.compile(rf"^\s*(?:{BULLET}|{ENUMERATOR})\s+\d[\d,]*\s[^:.!?]{{2,160}}$")
# a list item of words and the count that ends it ("- Other parties killed 391"): no label, no full stop
_COUNT_ITEM = re.compile(rf"^\s*(?:{BULLET}|{ENUMERATOR})\s+[^\d:]{{2,80}}?\s\d[\d,]*$")
# a line opening with a label of two words or more and its colon (not "Children: 12"), the list or the statement it
# introduces after it (round 13)
_LABEL_LINE = re.compile(r"^[A-Z][^:\d\s]*\s[^:\d]{1,80}:\s+\S")
_ENDS_IN_COUNT = re.compile(r"\d\s*\|?$")
# a line of a key-figures box: a count, then the few words of its label, no verb nor punctuation ("116 civilians
# killed", "26 children", "9 deaths due to torture", "0 media workers"; round 27); never a word that goes on onto the next line
_COUNT_LABEL_LINE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+[A-Za-z][A-Za-z'-]*){1,5}$")
_HEADLINE_LINES = 3  # a headline and its subtitle, perhaps wrapped
_PARAGRAPH_WORDS = 12  # a line this long that ends a sentence is a paragraph of its own, not a headline's last words
# a sentence's count and its victims' noun opening it, not a part of a count before it ("12 of them", "9 among them")
_COUNT_OPENING = re.compile(r"\d[\d,]*\s+(?!of\b|among\b)[a-z]+\b")
_SUBHEADING_WORDS = 8  # the most words of a sub-heading between two paragraphs
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "\t": " ",
                         "،": ",", "؛": ";",  # Arabic commas and semicolons in translated English
                         "\u00ad": None,  # a soft hyphen an OCR or a converter left inside a word ("per\u00adsonnel")
                         **PDF_CHAR_FIXES})  # a PDF text layer's ligatures pasted as text ("ﬁve", "the ﬁrst half")
# Eastern Arabic (and Persian) digits, the Arabic thousands separator and decimal mark in a translated or reposted
# copy ("٤٬٣١٢ civilians"; round 93c), and the Arabic percent sign ("٣٤٫٥٪ of all"; fx112b): the Western digits and
# marks they stand for, one character for one, so that a count is read whole, never its first digit alone
_EASTERN_ARABIC_DIGITS = str.maketrans({**{chr(0x0660 + digit): str(digit) for digit in range(10)},
                                        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
                                        "\u066c": ",", "\u066b": ".", "\u066a": "%"})
# a no-break, narrow no-break, thin or figure space between digits ("1\u202f934 civilians", an old converter's or a
# typesetter's): a thousands separator, read as a comma, where it stands after one to three digits and before exactly
# three ("in 2\u00a0134 cases") and no other number touches the group. A line with any other such space between digits
# ("Aleppo 12\u00a0345\u00a067", "2016\u00a0134") may use them to part numbers: none of its are joined, each is kept
# as a thin space (numbers.DIGIT_GAP), whose digits are never read, and warned of (round 36)
_DIGIT_SPACE = "[\u00a0\u202f\u2009\u2007]"
_DIGITS_SPACED = re.compile(rf"(?<=\d){_DIGIT_SPACE}(?=\d)")
_SPACED_THOUSANDS = re.compile(rf"(?<![\d.,])(?<!\d\s)\d{{1,3}}(?:{_DIGIT_SPACE}\d{{3}})+(?!\d|[.,]\d|\s\d)")
# a decimal comma in a percent, as a French or German copy writes it ("55,9 % of the total", "20,8 percent"; fx151bc:
# read as no percent): a decimal point; one or two digits after the comma, never a thousands group of three
_DECIMAL_COMMA_PERCENT = re.compile(r"(?<![\d.,])(\d{1,2}),(\d{1,2})(?=\s?(?:%|percent\b|per\s+cent\b))", re.IGNORECASE)
# a space before a comma, full stop, semicolon or colon that ends a word ("1,152 civilian , among them"): translated
# or typed English; the mark goes with the word before it
_SPACE_BEFORE_MARK = re.compile(r"(?<=\S)\s+([,.;:])(?=\s|$)")
# a bullet a PDF or a word processor gives as a Wingdings or Symbol font's private character ("\uf0a7", "\uf0b7"),
# or pasted with its UTF-8 bytes read as Windows-1252 ("ï‚§ Israeli forces: 5 civilians", "â€¢"; round 52): a bullet
_FONT_BULLET = re.compile("[\uf0a7\uf0b7]|\u00ef\u201a[\u00a7\u00b7]|\u00e2\u20ac\u00a2")
# a count opening its line and a bar before the words it counts, in lower case ("1,784 | civilians killed in Syria in
# March 2025", an infographic's alt text; round 27): one statement, the bar a space
_COUNT_BAR = re.compile(r"^(\s*\d{1,3}(?:,\d{3})+|\s*\d+)\s*\|\s*(?=[a-z])")
# a middle dot or a bullet parting labelled counts on one line ("Syrian regime forces: 6 · Syrian Democratic Forces: 1";
# round 68a): the items of a list, parted as by semicolons (never "Posted: 2 May 2018 · Originally published: ...")
# ... or by a small square a post puts before each ("HTS: 6 ▪️ armed opposition / SNA: 9 ▪️ SDF: 13"; round 118a)
_ITEM_DOT = "[\u00b7\u2022\u25aa\u25ab\u25fe\u25fd]\ufe0f?"
# ... the next item's count perhaps "none" ("Medical staff: 2 · Civil Defense members: none recorded", a forwarded
# summary; fx149d: the line had been read as no list, its counts lost)
_NONE_CELL = r"(?i:none|nil)(?:\s+(?i:recorded|documented|registered|reported))?"
_COUNT_DOT = re.compile(rf"(:\s*\d[\d,]*)\s+{_ITEM_DOT}\s+(?=[A-Za-z][^:\d\u00b7\u2022\u25aa\u25ab\u25fe\u25fd]{{1,60}}:\s*"
                        rf"(?:\d[\d,]*|{_NONE_CELL})\s*(?:{_ITEM_DOT}|$))")
# ... as it parts hashtags with their counts ("#Suwayda 52 · #Homs 31 · #Latakia 22. Torture: ..."; round 82c)
_HASHTAG_COUNT_DOT = re.compile(r"(#[A-Za-z][\w-]*\s+\d[\d,]*)\s+[\u00b7\u2022]\s+(?=#[A-Za-z][\w-]*\s+\d[\d,]*\b)")
# a post's hashtags ending its line after its last count ("Daraa 29 | Idlib 24 | Aleppo 21 | Deir ez-Zour 18 #Daraa
# #Idlib"; fx112b: the last cell had been no label's count, the list no list): tags, cut
_TRAILING_HASHTAGS = re.compile(r"(?<=\d)(?:\s+#[^\W\d_][\w-]*)+\s*$")
# a place written as a hashtag in a post's prose, after its preposition ("1,674 civilian deaths in #Syria - 437 children
# and 261 women among them"; round 119a: the women had been left out as a part of a place): the place's name
_PLACE_HASHTAG = re.compile(r"(?:(?<=\bin )|(?<=\bIn )|(?<=\bacross )|(?<=\bthroughout ))#(?=[A-Z][a-z])")
# ... and the second of two joined after it ("Israeli forces 4 in #Quneitra and #Daraa", a thread's bullet; round 131c: the
# count had been Quneitra's alone): the place's name, the two places the count's together
_JOINED_PLACE_HASHTAG = re.compile(r"(\b(?:in|In|across|throughout) [A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*)? (?:and|or|&) )#(?=[A-Z][a-z])")
# ... and places or parties each with its count after it, no colon, the last ending its line ("Governorates: Aleppo 44 ·
# Homs 18 · Daraa 16 · Idlib 15", a thread's post, perhaps with its full stop; fx112b: only the last had been read): a
# list parted by commas; so a run of three or more with slashes between, the last perhaps ending a sentence ("Governorates: Idlib 512 / Hama
# 96 / Aleppo 88 / Daraa 71. And 27 massacres ...", a thread's post; round 131c: only the last had been read)
_LABEL_COUNT_DOT = re.compile(r"((?<![^\s:])[A-Z][A-Za-z'\u2019-]*(?:\s+[A-Za-z'\u2019-]+){0,4}\s+\d[\d,]*)\s+[\u00b7\u2022]\s+"
                              r"(?=[A-Za-z][A-Za-z'\u2019-]*(?:\s+[A-Za-z'\u2019-]+){0,4}\s+\d[\d,]*\s*(?:[\u00b7\u2022]|[.;]?\s*$))")
_ITEM_AFTER_FIRST_LETTER = r"[A-Za-z'\u2019-]*(?:\s+[A-Za-z'\u2019-]+){0,4}\s+\d[\d,]*"
_LABEL_COUNT_SLASH_RUN = re.compile(rf"(?<![^\s:])[A-Z]{_ITEM_AFTER_FIRST_LETTER}"
                                    rf"(?:\s+/\s+[A-Za-z]{_ITEM_AFTER_FIRST_LETTER}){{2,}}(?=[.;]?\s*$|[.;]\s)")
# ... and such items parted by a post's pictograph, each label perhaps in small letters or a hashtag ("#ISIS 109 🔻
# factions of armed opposition 47 🔻 Kurdish PYD forces 21 🔻 intl coalition 18 🔻 unidentified 25", a thread's post;
# round 131c: the coalition had taken the 25 of the label after it): a list parted by commas, each count its label's
_LABEL_COUNT_PICTOGRAPH = re.compile(
    r"(?<=\d)(?<!/\d)(?<!/\d\d)\s+(?:(?![\u2794-\u27bf\U0001f446-\U0001f449])[\u2600-\u27bf\u25aa\u25ab\u25b6\u25bc\u25be\U0001f000-\U0001faff][\ufe0f\u200d]*\s*)+"
    r"\s(?=#?[A-Za-z][A-Za-z'\u2019-]*(?:\s+[A-Za-z'\u2019-]+){0,4}\s+\d[\d,]*(?:\s+[^\w\s]|[.;]?\s*$))")
# a post's pictograph inside its line, after a word or a count and before the next statement ("... 8 women 📌 14 of
# victims died due to torture", "#Idlib 97 civilians 🔴 #Aleppo 41 🔴 #Daraa 18"; fx96b): a full stop, as the same
# pictograph opening a line opens a paragraph; never an arrow or a pointing hand, which lead on to what they point at
# ("June 2021 alone ➡️ 109 civilians killed"), nor a pictograph after a thread's post counter ("1/5 🧵 New report:
# ..."), nor a reactions counter ("👍 12 💬 3"); after a sentence's own stop, only dropped ("... other parties 580. 📍 In
# December most deaths were ..."; round 99c: the stop went unseen before the pictograph and the year's 580 took December);
# nor a reactions counter with its labels ("👍 212   💬 17 comments   ↗️ 40 shares"; round 115c: the stop left the likes
# a count of its own, the month's toll); and after a count, before a remark in small letters ("Russian forces: 0 ✅ first
# month like this in long time", a thread's bullet; round 120a: the zero had been lost in the remark): a comma, the
# remark still the count's clause; only in a bullet item, never a chat line's ("Nour: 118 😔 that is less than December
# though": no count of the report)
_MID_LINE_PICTOGRAPH = re.compile(
    r"(?:(?<=\d)(?P<count>)|(?<=[A-Za-z.!?]))\s+(?:(?![\u2794-\u27bf\U0001f446-\U0001f449])[\u2600-\u27bf\U0001f000-\U0001faff][\ufe0f\u200d]*\s*)+"
    r"\s(?=#?[A-Z]|\d[\d,]*\s+(?!(?:comments?|shares?|likes?|views?|reactions?|replies|(?:re)?tweets?|reposts?)\b)[a-z]|(?(count)[a-z]|(?!)))")


# a line ending a sentence after a word, and a line opening on a word in small letters (clean._join)
_SENTENCE_ENDS_LINE = re.compile(r"[a-z]{2}[.!?]$")
_LOWER_OPENING = re.compile(r"[a-z]{2,}\b")


@dataclass
class Block:
    """One heading, list item or paragraph of clean text, with the raw line of every character."""

    text: str
    md_heading: int = 0  # the level of a Markdown heading ("## June 2019": 2); 0 for any other block
    starts: list[int] = field(default_factory=list)  # offsets in ``text`` where a raw line begins
    lines: list[int] = field(default_factory=list)  # the raw line (1-based) beginning at each offset
    after_dateline: bool = False  # its first line began with a news dateline, cut ("TOKYO, Dec. 2, 2022 - A"): a story's
    # first paragraph, never part of its title

    def line_at(self, offset: int) -> int:
        """The raw line that holds character ``offset`` of the clean text."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[max(index, 0)]

    @property
    def first_line(self) -> int:
        return self.lines[0]

    @property
    def line_spans(self) -> list[tuple[int, int]]:
        """(start, end) in ``text`` of each raw line's part."""
        return list(zip(self.starts, self.starts[1:] + [len(self.text)]))


@cached_by_text
def clean_line(line: str) -> str:
    """One raw line without markup: tags, footnote markers, images, links, escapes and emphasis removed, character
    references decoded. Cleaned until nothing changes: one removal can uncover another ("\\²<" is an escape only once
    its superscript is gone, "&amp;lt;" a reference once decoded), and a clean line stays as it is when read again."""
    line = line.translate(_EASTERN_ARABIC_DIGITS)  # once: no cleaning step puts such a digit in
    for _ in range(_MAX_CLEANING_PASSES):
        cleaner = _clean_once(line)
        if cleaner == line:
            break
        line = cleaner
    return line


# each pass removes characters or puts a separator or a standard wording in; real lines settle in two
_MAX_CLEANING_PASSES = 8


def _clean_once(line: str) -> str:
    line = _FONT_BULLET.sub("•", line)
    line = regex("TranscriptCue").sub("", line, count=1)  # "[00:46] HATEM: Daraa governorate ..." (fx156c)
    line = _QUOTE_MARKER.sub("", line)
    line = _SUP.sub("", line)
    line = _TAG.sub("", line)
    line = _FOOTNOTE_BRACKETED.sub("", line)
    # an HTML character reference left in copied text ("104&nbsp;civilians", "Hay&#8217;at", "&#8211;") is the
    # character it names: its digits are never a count
    line = html.unescape(line)
    line = spaced_thousands_joined(line)
    line = thousand_word_digits_read(line)
    line = regex("GluedCaseSuffix").sub("", line)  # "248-of children", "31-i child" (fx148bc)
    line = comma_spaced_digits_read(line)
    line = _DECIMAL_COMMA_PERCENT.sub(r"\1.\2", line)
    line = space_grouped_thousands_read(line)
    line = space_parted_count_read(line)
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_ESCAPE.sub(r"\1", line)
    line = _EMPHASIS.sub("", line)
    line = _UNDERSCORE_EMPHASIS.sub(r"\g<words>", line)
    line = _SUPERSCRIPT_DIGITS.sub("", line)
    line = restated_in_digits(line)
    line = bracketed_counts_read(line)
    line = _FOOTNOTE_AFTER_PAREN.sub("", line)  # "(HTS)3": a footnote marker that lost its superscript
    line = _FOOTNOTE_AFTER_STOP.sub("", line)
    line = regex("FootnoteAfterComma").sub(" ", line)  # "... due to torture,2 54 of them" (fx148bc)
    line = regex("FootnoteAfterCountNoun").sub(r"\g<noun>", line)  # "... killed 260 civilians2, including ..." (fx154ab)
    line = regex("FootnoteBeforeCount").sub("", line)  # "ISIS 71 and Hay'at Tahrir al-Sham4 21" (fx154ab)
    line = regex("FootnoteBeforeColon").sub("", line)  # "Hay'at Tahrir al-Sham2: 7 civilians" (fx134d)
    line = regex("FootnoteGluedParen").sub(_glued_footnote_dropped, line)  # "the regime's offensive(3)." (fx134d)
    line = _SPACE_BEFORE_MARK.sub(r"\1", line.translate(_QUOTES))
    line = _COUNT_BAR.sub(r"\1 ", line)
    line = _COUNT_DOT.sub(r"\1; ", line)
    line = _HASHTAG_COUNT_DOT.sub(r"\1; ", line)
    line = regex("HashtagJoinedWords").sub(lambda m: m.group(0).replace("_", " "), line)  # "#Deir_ez-Zour 45"
    line = _TRAILING_HASHTAGS.sub("", line)
    line = _PLACE_HASHTAG.sub("", line)
    line = _JOINED_PLACE_HASHTAG.sub(r"\1", line)
    line = _LABEL_COUNT_DOT.sub(r"\1, ", line)
    line = _LABEL_COUNT_SLASH_RUN.sub(lambda m: re.sub(r"\s+/\s+", ", ", m.group(0)), line)
    line = _LABEL_COUNT_PICTOGRAPH.sub(", ", line) if len(_LABEL_COUNT_PICTOGRAPH.findall(line)) >= 2 else line
    bullet = starts_with_pictograph(line.lstrip()) or line.lstrip().startswith(("•", "- "))
    line = _MID_LINE_PICTOGRAPH.sub(
        lambda m: m.group(0) if _THREAD_COUNTER_ALONE.fullmatch(line, 0, m.start())
        else " " if line[m.start() - 1] in ".!?"
        else (", " if bullet else m.group(0)) if m.group("count") is not None and line[m.end():m.end() + 1].islower()
        else ". ", line)
    for month, pattern in classes("LevantineMonth"):  # "Tishreen al-Awwal 2014" is October 2014 (round 144c)
        line = pattern.sub(month, line)
    line = english_dates(line)  # "3. Juni 2020" is 3 June 2020 (fx154cd)
    line = regex("RankingJoinedByAndThat").sub(lambda m: ". The " if m["the"] else ". ", line)  # (fx161c)
    line = regex("VerbFirstRanking").sub(lambda m: f"{'. ' if m['joint'] else ''}{m['place'] or m['place2']} came first",
                                         line)  # "came Homs first with 103" (fx148bc); ", and came ..." (fx151bc)
    line = regex("HandsOfVariant").sub("at the hands of", line)  # "in hands of regime forces" (round 89c)
    line = regex("KillingProgressiveVariant").sub("killed", line)  # "X was killing 71 civilians" (round 91d)
    line = regex("DungeonsVariant").sub("prison", line)  # "in the dungeons of the Assad regime" (fx130b)
    line = regex("CivilNounVariant").sub("civilians", line)  # "113 civil were killed" (fx143d)
    line = regex("RegimeAccentVariant").sub("egime", line)  # "the régime forces" (fx150cd)
    line = regex("OwnWordsForTheTerm").sub("", line)  # "the militants it describes as 'factions of ...'" (fx134c)
    line = regex("SingleQuotedTerm").sub(r"\g<before> \g<term>", line)  # "died 'under torture'" (fx134c)
    line = regex("ScareQuotedPartyName").sub(r"\g<term>", line)  # 'the "opposition" factions' (fx130b)
    line = regex("WhatItCallsVariant").sub(r"\g<term>", line)  # 'what the network calls "other parties"' (round 131b)
    line = regex("GroupLabelSlash").sub(r"\g<first>, ", line)  # "(children 51 / women 67)" (round 117c)
    line = regex("NoneOfThemGroup").sub("0 of them", line)  # "four civilians, none of them children" (fx112b)
    line = regex("NoGroupInList").sub(r"\g<before>0 \g<noun>", line)  # "(no child, 1 woman)" (round 119a)
    line = regex("NoneRowCount").sub(_none_row_read, line)  # "International Coalition forces: none" (round 122c)
    return re.sub(r"[ ]{2,}", " ", line).rstrip()


def _none_row_read(match: re.Match[str]) -> str:
    """A party's or a place's row whose count is "none" ("International Coalition forces: none") read as its 0; any
    other field ("Disaster type: none") as it is."""
    label = match.group("label")
    named = is_named_row(re.sub(r"^[^A-Za-z]*", "", label).rstrip(": "))
    return f"{label} 0" if named else match.group(0)


def restated_in_digits(line: str) -> str:
    """``line`` with each count that its digits in brackets restate given as the digits alone ("one thousand and twenty
    three (1,023) civilians" -> "1,023 civilians", "104 (104) civilians" -> "104 civilians")."""
    if "(" not in line:
        return line
    mentions = find_numbers(line)
    for first, digits in reversed(list(zip(mentions, mentions[1:]))):
        close = _CLOSE_BRACKET.match(line, digits.end)
        # (never words before digits of four or more with no separator, "(1807)": the digits alone may be taken for a
        # year)
        words_to_year = first.text[:1].isalpha() and bool(re.fullmatch(r"\d{4,}", digits.text))
        if first.value == digits.value and close and not words_to_year \
                and _OPEN_BRACKET.fullmatch(line, first.end, digits.start):
            line = line[:first.start] + digits.text + line[close.end():]
    return line


def bracketed_counts_read(line: str) -> str:
    """``line`` with each count in brackets before the noun it counts or the part it opens read as the count ("killing
    of (1732) civilian, between them (288) child" -> "killing of 1732 civilian, between them 288 child"; round 117c);
    never one opening the line (a list item's number), nor one before any other word."""
    def read(match: re.Match[str]) -> str:
        after = line[match.end():]
        if not line[:match.start()].strip():
            return match.group()
        words = match.group("words")
        # words in brackets are a count only when they read whole as one number ("(eighteen)", never "(sic)")
        if words is not None and [(m.start, m.end) for m in find_numbers(words)] != [(0, len(words))]:
            return match.group()
        if noun_of(after)[0] not in ("", "bare") or regex("BracketedCountPartAfter").match(after) \
                or regex("ThingsCountedAfter").match(after) or regex("FightersNounAfter").match(after):
            # "(2,218) case of arbitrary arrest", "(412) from the fighters" (round 144c): as without the brackets
            return match.group("count")
        return match.group()
    return regex("BracketedCount").sub(read, line)


def spaced_thousands_joined(line: str) -> str:
    """``line`` with its digits grouped by no-break or thin spaces read ("1\u00a0934" -> "1,934"), or, where one such
    space may part two numbers, every one of the line's between digits a thin space (``_SPACED_THOUSANDS``)."""
    if not _DIGITS_SPACED.search(line):
        return line
    joined = _SPACED_THOUSANDS.sub(lambda match: re.sub(_DIGIT_SPACE, ",", match.group()), line)
    return _DIGITS_SPACED.sub(DIGIT_GAP, line) if _DIGITS_SPACED.search(joined) else joined


def thousand_word_digits_read(line: str) -> str:
    """``line`` with each "6 thousand 964" (translated news writing a count's thousands before the word and the rest
    after it; round 119a) read as the count in digits ("6,964")."""
    return regex("ThousandWordDigits").sub(
        lambda match: f"{match.group('thousands')},{int(match.group('rest')):03d}", line)


def comma_spaced_digits_read(line: str) -> str:
    """``line`` with each "1, 794" (a thousands comma a hurried hand followed with a space; round 43) read: kept as two
    numbers where a number, a day or a list comes before it or a list or a part follows it ("December 8 and 31, 212
    civilians", "318, 244 and 201", "numbered 218, 203 of them"); joined ("1,794") where a victim noun follows it; else
    parted by a thin space after the comma (numbers.DIGIT_GAP): left out and warned of, one number or two."""
    def read(match: re.Match[str]) -> str:
        before, after = line[:match.start()], line[match.end():]
        if regex("CommaSpacedTwoBefore").search(before) or regex("CommaSpacedTwoAfter").match(after):
            return match.group()
        if noun_of(after)[0] not in ("", "bare"):
            return f"{match.group('thousands')},{match.group('rest')}"
        return f"{match.group('thousands')},{DIGIT_GAP}{match.group('rest')}"
    return regex("CommaSpacedDigits").sub(read, line)


_CLOSING_EMPHASIS = re.compile(r"^(?:\*\*|__|\*|_)(?=\s)")  # "**1 219** civilians": the bold's closing marks


def space_grouped_thousands_read(line: str) -> str:
    """``line`` with each "16 913" (thousands grouped by an ordinary space, as a translated or typeset copy writes
    them; round 70) read: kept as two numbers where a number or a month comes before it ("March 3 264 ..."), or where
    it ends its line (a table's cells: "Hama 902 181"); joined ("16,913") where a victim noun follows it, it fills a
    bracket ("Syrian regime forces (8 736)") or a word that only a count follows comes before it ("at least 3 118,");
    else parted by a thin space (numbers.DIGIT_GAP): left out and warned of, one number or two. A count in bold or
    italics ("**1 219** civilians", a Markdown copy's; fx148bc) is read by the words after its closing marks."""
    def read(match: re.Match[str]) -> str:
        before, after = line[:match.start()], _CLOSING_EMPHASIS.sub("", line[match.end():], count=1)
        if regex("CommaSpacedTwoBefore").search(before) or not after.strip():
            return match.group()
        joined = match.group().replace(" ", ",")
        if (noun_of(after)[0] not in ("", "bare") or regex("SpaceGroupedCountBefore").search(before)
                or (before.endswith("(") and after.startswith(")"))):
            return joined
        return joined.replace(",", f" {DIGIT_GAP}")
    return regex("SpaceGroupedDigits").sub(read, line)


def space_parted_count_read(line: str) -> str:
    """``line`` with each count of a sentence whose digits a space parts ("Russian forces killed 2 16 civilians", a
    hurried hand's; round 43) marked by a thin space after that space (numbers.DIGIT_GAP): one number garbled, or two,
    its digits left out and warned of, never read as the count."""
    return regex("SpacePartedCount").sub(
        lambda match: f"{match.group('verb')} {match.group('first')} {DIGIT_GAP}{match.group('rest')}", line)


def is_noise_line(line: str) -> bool:
    """Lines that carry no report prose: bare URLs, table-of-contents entries, rules (a markdown table's too), page
    numbers."""
    return bool(_URL_LINE.match(line) or (_TOC_LINE.search(line) and not _TAB_ROW_END.search(line)
                                          and not is_named_row(line))
                or _RULE_LINE.match(line) or _MD_TABLE_RULE.match(line) or _PAGE_NUMBER_LINE.match(line))


def thread_post_lines(raw_lines: list[str]) -> set[int]:
    """The indices of the lines opening with a thread's post counter ("3/7 ...") where another line opens with the
    counter of the post before or after it ("2/7", "4/7"): each a post of its own."""
    counters = {i: (int(m["number"]), int(m["total"])) for i, line in enumerate(raw_lines)
                if (m := _SERIES_COUNTER.match(line)) and 0 < int(m["number"]) <= int(m["total"])}
    numbered = set(counters.values())
    return {i for i, (number, total) in counters.items()
            if (number - 1, total) in numbered or (number + 1, total) in numbered}


def speaker_label_ends(lines: list[str]) -> dict[int, int]:
    """Where the speaker's label ends on each line of a transcript that opens with one ("OKAFOR: By governorate, ...",
    "RANA HADDAD (SNHR): We documented ..."), by line index: only where three lines or more open with one, else none
    and one label opens two of them or more, as a speaker speaks again (a headline's "SYRIA: ..." alone is no
    transcript, nor a list of parties' labels, "REGIME: Killed ...", "RUSSIA: Killed ...")."""
    matches = {i: match for i, line in enumerate(lines) if (match := regex("SpeakerLabel").match(line))}
    labels = [match.group().strip() for match in matches.values()]
    if len(matches) < 3 or len(set(labels)) == len(labels):
        return {}
    return {i: match.end() for i, match in matches.items()}


def _starts_new_block(raw_line: str, text: str) -> bool:
    """A bullet, an enumerator, a roman-numbered heading, a PDF paragraph indent (one leading space), a thread's post
    number ("3/ Torture: ...") or the emoji a post puts before each of its paragraphs ("📌 Extremist Islamic groups
    killed 104 ...", "⛓ 46 victims ..."). A Markdown bullet "* " is looked for in the raw line: cleaning takes the
    asterisk for emphasis; so is a thread's post counter that cleaning cuts, before a count or an emoji ("4/6 7 people
    died ...", "5/6 📍 Governorates: ..."; round 82c): a post of its own."""
    return bool(
        _ITEM_START.match(text)
        or _POST_NUMBER.match(text)
        or bool((counter := _THREAD_COUNTER.match(raw_line) or _POST_NUMBER_OPENING.match(raw_line)) and (
            _POST_NUMBER.match(raw_line) or starts_with_pictograph(raw_line[counter.end():])))
        or _ITEM_START.match(raw_line)
        or ROMAN_HEADING.match(text)
        or starts_with_pictograph(raw_line)
        or (raw_line[:1] == " " and raw_line[1:2] != " " and text[:1].isupper())
        or bool(regex("TranscriptTimestamp").match(raw_line))  # a transcript's timestamped line: a statement of its own (fx156c)
        or bool(regex("LiveBlogEntryTime").fullmatch(text))  # a live blog's entry header, "15:10 - Raqqa toll" (fx156c)
    )


# a count alone on its line with its full stop ("6."), no enumerator of an item: nothing follows it
_COUNT_ALONE = re.compile(r"\d{1,3}(?:,\d{3})*\.")


def _is_wrapped_count(last_text: str, text: str) -> bool:
    """Whether a line is the count of the label ending the line before, wrapped onto a line of its own ("Turkish
    forces:" / "6."; a PDF text layer's wrap, round 35): the label's line goes on, no numbered item starts."""
    return last_text.rstrip().endswith(":") and bool(_COUNT_ALONE.fullmatch(text))


# a count opening a line with its full stop, a sentence after it ("27. Other parties were ...")
_COUNT_THEN_SENTENCE = re.compile(r"(?P<count>\d{1,3}(?:,\d{3})*)\.\s+[A-Z]")


def _is_wrapped_sentence_count(block: Block, last_text: str, text: str) -> bool:
    """Whether a line opening with a count and its full stop ends the sentence of a paragraph's line cut short on a
    word ("..., and the Kurdish-led Syrian Democratic Forces" / "27. Other parties were responsible ..."; a news
    site's wrap, round 74c): the sentence's count, no numbered item. Never after a list's item or a short title, nor
    an item numbered 1, which opens a list."""
    count = _COUNT_THEN_SENTENCE.match(text)
    return (count is not None and count.group("count") != "1" and not _ITEM_START.match(block.text)
            and len(last_text) >= 40 and bool(re.search(r"[A-Za-z]$", last_text.rstrip())))


def _month_row_ends(block: Block, last_text: str, text: str) -> bool:
    """Whether a one-line row of a month-by-month list ("January 2025: 402 civilians") ends before ``text``, the line
    after it: another such row ("February 2025: 311 civilians") or a paragraph. Joined, each month would read as the
    period of the count before it (round 66b)."""
    return (len(block.lines) == 1 and bool(regex("MonthRowLine").fullmatch(last_text)) and text[:1].isupper()
            and (bool(regex("MonthRowLine").fullmatch(text)) or _opens_paragraph(text)))


_PLACE_LIST_SENTENCE_WORDS = 6  # the fewest words of a whole sentence's line that ends a list of places before it


def _place_list_ends(block: Block, last_text: str, text: str) -> bool:
    """Whether a one-line list of places each with its count, ending in a governorate's count ("Aleppo 642, Homs 274,
    Hama 197"), ends before ``text``, a line opening a paragraph or a whole sentence ("Among the victims were ..."):
    joined, the last place's count had run into the sentence's words and been lost (round 146a)."""
    last = _LAST_LABELLED_COUNT.search(last_text)
    return (len(block.lines) == 1 and bool(regex("PlaceCountsLine").fullmatch(last_text)) and last is not None
            and is_named_row(last["label"].strip())
            and (_opens_paragraph(text) or (text[:1].isupper() and _is_sentence_end(text)
                                            and len(text.split()) >= _PLACE_LIST_SENTENCE_WORDS)))


def _civilians_count_line_ends(last_text: str, text: str) -> bool:
    """Whether a line that is a count of civilians alone ("44 civilians", alone or the last of a flattened list, under
    a party's label "Fifth: Unknowns") ends before ``text``, a whole sentence of its own ("The death toll of victims
    who died under torture reached 162."): joined, the count had run into the sentence and been read as its measure's
    (fx152cd: a flattened forum copy's 44 unidentified victims had been the month's torture deaths)."""
    return ((bool(regex("CiviliansCountLine").fullmatch(last_text)) or bool(_LABELLED_CIVILIANS_LINE.fullmatch(last_text)))
            and text[:1].isupper() and not _GROUPS_GO_ON.match(text)
            and _is_sentence_end(text) and len(text.split()) >= _PLACE_LIST_SENTENCE_WORDS)


# ... or a line of a party's label, its colon and its count of civilians alone, the last item of a list with no stop
# ("Seventh: Unknowns: 2,557 civilians" / "Torture: 1,781 people died under torture in 2014, ..."; fx162ab: joined,
# the year's torture count had been left out as the party's second count), unless the line after it gives the count's
# groups ("Including 148 children and 129 women.")
_LABELLED_CIVILIANS_LINE = re.compile(r"(?:[^:\d]{2,60}:\s*){1,2}\d{1,3}(?:,\d{3})*\s+civilians\s*")
_GROUPS_GO_ON = re.compile(r"(?i:including|among|of\s+(?:whom|them|which|these)|with|and|plus|in\s+addition|as\s+well)\b")


# a line opening with its label, a colon and the label's count, a comma after it ("Deaths under torture: 153, all of
# them in detention"), never a date's or a counter's ("Date of publish: 02.02.2017 - 14:35 | Views: 1,208")
_LABEL_THEN_COUNT = re.compile(r"[^:\d]{2,80}:\s*\d{1,3}(?:,\d{3})*,\s")


def _labelled_count_line_ends(last_text: str, text: str) -> bool:
    """Whether a line of a label and its count with words after it, no full stop and no word its sentence goes on from
    ("Deaths under torture: 153, all of them in government detention", alone or the last row of a flattened table),
    ends before ``text``, a whole sentence of its own ("The total number killed in February, fighters included, was
    3,911 individuals."): joined, the sentence's count had been read under the label's measure (fx158ad: a forum
    copy's toll of all the dead, fighters with them, had been the month's torture deaths)."""
    return (bool(_LABEL_LINE.match(last_text)) and bool(_LABEL_THEN_COUNT.match(last_text))
            and not _is_sentence_end(last_text) and not regex("OpenPhraseEnd").search(last_text)
            and not regex("RunsOnEnd").search(last_text)
            and text[:1].isupper() and _is_sentence_end(text) and len(text.split()) >= _PLACE_LIST_SENTENCE_WORDS)


def _caption_before_row(line: str, text: str) -> bool:
    """Whether ``line`` is a whole caption on its own line and ``text``, the line after it, a row with its count
    ("Figure 2: civilian victims by governorate, November 2019" / "Idlib 171"): the row is its table's or chart's,
    never the caption's words, which would hide the caption's measure (round 30). A caption cut short at a comma or
    a joining word goes on."""
    return (bool(regex("CaptionOpening").match(line)) and not regex("CaptionGoesOn").search(line)
            and bool(re.search(r"\d", text)))


def _is_wrapped_dateline(text: str) -> bool:
    """A dateline's paragraph cut mid-sentence at the line's end ("July 1, 2025 - SNHR documented the killing of 2,814
    civilians in" / "Syria between January and the end of June 2025, ..."; round 111d): the next line goes on with it."""
    return len(text.split()) > _DATELINE_WORDS and not _is_sentence_end(text) \
        and bool(regex("DatelineParagraphStart").match(text))


def _is_short_title(text: str) -> bool:
    """A line of at most six words, no digits and no punctuation, such as "Methodology" or "Security Council"."""
    return len(text.split()) <= 6 and not re.search(r"[\d.,;:!?]", text)


# a line quoted whole, a release's title a post quotes before its text ('"139 Civilians Including 23 Children ... in May
# 2020"'; round 104a): a block of its own, never the first line of the paragraph after it (read as a quote, all of it)
_QUOTED_LINE = re.compile(r'\s*["“][^"“”]{10,300}["”]\s*')


def _ends_block(block: Block, last_line: str, next_text: str) -> bool:
    """Whether ``block`` is complete before ``next_text``: after a label, a heading or a short title line."""
    if block.text.endswith(":"):
        return True
    if next_text[:1].islower():
        return False
    if len(block.lines) != 1:
        return False
    return ((bool(ROMAN_HEADING.match(block.text)) and not regex("RunsOnEnd").search(last_line.rstrip()))
            or _is_short_title(last_line) or _is_topic_heading(last_line)
            or bool(_QUOTED_LINE.fullmatch(last_line))
            or _is_parties_heading(last_line) or is_month_heading(last_line)
            or _is_enumerated_title(block.text, next_text) or bool(regex("MonthsHeading").fullmatch(last_line))
            or bool(regex("DateLabelledTitleLine").fullmatch(last_line.strip())))


_CIVILIANS_COUNT_END = re.compile(r"\b\d{1,3}(?:,\d{3})*\s+civilians$")  # a row ending on its count of civilians
_LAST_LABELLED_COUNT = re.compile(r"(?P<label>[^,;:.\d]+?)\s+\d{1,3}(?:,\d{3})*$")  # "..., Hama 184": its label


def _heading_after_sentence(block: Block, text: str) -> bool:
    """A short title-case line ("Death Toll by Governorate"), a short heading of the places ("Distribution by
    governorate", round 18), of the whole toll ("General toll", round 36) or of the report's subjects ("Children and
    women", "Torture and massacres", round 21; "Medical, media and Civil Defense", round 22), of the breakdown by party
    ("Distribution of the victims by the party responsible", round 42; "Distribution of the month's victims by the
    perpetrator parties", round 44), of the toll by month ("Death toll by month in 2020", round 45) or a month ("June
    2018") right after a line ending a sentence, as a PDF text layer or a web copy gives a heading with no blank line
    around it, or a month right after a row ending in its number ("June 2014: 1,472" / "June 2014 in detail"): a
    heading of its own, not the paragraph's last words; so is a month's heading in capitals ("OCTOBER 2019") after any
    line (fx153cd), and a short title in capitals ("EDITOR'S NOTE" after a list's last item, no stop after it; fx153cd:
    joined to the item, the note's percentages had been read as the item's measure's)."""
    if regex("MonthCapitalsHeading").fullmatch(text):
        return True
    if _is_short_title(text) and len(text.split()) > 1 and text.isupper():
        return True
    if (is_month_heading(text) or regex("MonthVictimsHeading").fullmatch(text)) and re.search(r"\d%?\)?$", block.text):
        return True  # ... or after a row ending in its share in brackets ("Daraa 1,380 (10%)" / "Victims of June 2014")
    if regex("MonthsHeading").fullmatch(text) and re.search(r"\d$", block.text):
        return True  # ... a heading of the toll by month after a flattened row ending in its count ("... Of which women
        # 40" / "Breakdown of the civilian deaths by month in 2014"; round 137a)
    if _is_topic_heading(text) and (last := _LAST_LABELLED_COUNT.search(block.text)) and is_named_row(last["label"]):
        return True  # a topic's heading after a list ending in a place's count ("..., Hama 184" / "Media and medical";
        # round 103a)
    if _is_topic_heading(text) and text[:1].isupper() and regex("TortureRowLabel").search(text) \
            and (regex("GroupCountLastWords").search(block.text) or _CIVILIANS_COUNT_END.search(block.text)):
        return True  # ... or a heading of the deaths under torture after a row ending on its children and women
        # ("Civilians: 390, including 45 children and 38 women" / "Deaths under torture"; round 124d): joined, the
        # heading's words, a torture row's label, had made the row's counts torture deaths; or on its count of
        # civilians ("Civilian death toll 52 civilians" / "Victims of torture"; fx162ab: an unidentified party's
        # civilians had been torture deaths)
    return _is_sentence_end(block.text) and (
        is_month_heading(text) or _is_title_line(text)
        or (_is_short_title(text)
            and bool(regex("PlacesHeading").fullmatch(text) or regex("WholeTollHeading").fullmatch(text)))
        or _is_topic_heading(text) or _is_parties_heading(text) or bool(regex("MonthsHeading").fullmatch(text))
        or bool(regex("AnnexHeading").fullmatch(text)))


def _is_subheading(before: str, text: str, after: str | None) -> bool:
    """A short line with no digits, no sentence end and no colon at its end ("March: a sharp fall after the ceasefire",
    "How June compares") between a line ending a sentence and a whole paragraph, as a web copy gives a news story's
    sub-heading with no blank line around it: a heading of its own, neither the paragraph's last words nor the next
    one's first (round 41)."""
    return (_is_sentence_end(before) and len(text.split()) <= _SUBHEADING_WORDS
            and not re.search(r"[.!?;,:]$|\d", text) and text[:1].isupper() and after is not None
            and _is_paragraph(after))


def _is_topic_heading(text: str) -> bool:
    """A short heading of the report's subjects, its list perhaps with commas ("Children and women", "Medical, media
    and Civil Defense"); a list of the workers only may be longer ("Medical personnel, media workers and Civil
    Defense"; round 61a); perhaps with its period after it ("Perpetrators in 2025"; fx114b)."""
    text = regex("HeadingPeriodTail").sub("", text)
    short = _is_short_title(text.replace(",", "")) or (
        not re.search(r"[\d.;:!?]", text) and bool(regex("WorkersHeading").fullmatch(text)))
    return short and bool(regex("TopicHeading").fullmatch(text))


def _is_parties_heading(text: str) -> bool:
    """A heading of the breakdown by party, longer than a short title ("Distribution of the month's victims by the
    perpetrator parties"; round 44), perhaps with its period after it ("... by perpetrator in 2025"; fx114b)."""
    return bool(regex("PartiesHeading").fullmatch(regex("HeadingPeriodTail").sub("", text)))


def _is_title_line(text: str) -> bool:
    """A short title-case line with no digits and no punctuation ("Death Toll by Governorate", "Massacres")."""
    return _is_short_title(text) and all(word[:1].isupper() for word in text.split() if len(word) > 3)


def _item_before_paragraph(block: Block, item_raw_line: str, next_text: str) -> bool:
    """A one-line list item that is a label and its count ("- Israeli forces: four", "- Other parties killed 391",
    "▪️ Other parties: 29 civilians": a post's item after its pictograph, which cleaning drops) before a line that
    opens a paragraph ("Aleppo governorate recorded the highest toll with 96 civilians, ...", "48 people died due to
    torture in September: ...") or a heading ("Massacres", "Deaths due to torture": round 42), or
    opens with a label of its own ("Deaths by governorate: Deir Ez-Zour 29 | ...", not the item's groups "Of whom
    children: 2"): the list ends there. So does a line of a label and its list of counts ("Deaths by governorate: Deir
    Ez-Zour 29 | Aleppo 22") before a whole paragraph, and a sentence's item ending on its victims ("- and 702 civilian
    was killed by unidentified groups, among them 121 child and 61 woman") before a whole paragraph."""
    if len(block.lines) != 1:
        return False
    item = f"- {block.text}" if starts_with_pictograph(item_raw_line) else block.text
    if _ITEM_START.match(item) and _is_lead_in(next_text):
        return True  # an item with no full stop before the lead-in of the next list ("🔸 Massacres: 221, in which
        # about 2,900 civilians were killed" / "June 2017 alone:"; fx129c: joined, the lead-in's month had dated the
        # item's count and its list's toll had been left out)
    if _LABELLED_COUNT_ITEM.match(item) or _COUNT_ITEM.match(item):
        return (_opens_paragraph(next_text) or _is_count_sentence(next_text) or _is_title_line(next_text)
                or _is_topic_heading(next_text)
                or (bool(_LABEL_LINE.match(next_text)) and not regex("GroupsOpener").match(next_text)))
    if _COUNTED_ITEM.match(item):
        return _is_paragraph(next_text)
    if _COUNT_OPENING_ITEM.match(item) and not regex("OpenPhraseEnd").search(item):
        return _is_paragraph(next_text)  # "- 9 massacres; 4 medical workers ... killed" / "In May 2023 alone, ...":
        # joined, the paragraph's month had dated the item's counts (fx137d)
    if _ITEM_START.match(item) and regex("KillingClauseItem").search(item) and not regex("OpenPhraseEnd").search(item) \
            and not _is_sentence_end(item):
        return _is_paragraph(next_text)  # "🔹 the other 412 were killed by other parties, including 90 by landmines" /
        # "And for May alone: 120 civilians, ...": joined, the paragraph's month had dated the item's last count
        # (round 147d)
    if _LABELLED_STATEMENT_ITEM.match(item) and not regex("OpenPhraseEnd").search(item):
        return _is_paragraph(next_text)  # "- Other parties: 2,029 civilians, of whom ... 1,628 by unidentified persons,
        # a large part of them in revenge killings" / "Latakia governorate accounted for 27% of ..." (fx134b: joined,
        # the item's last party had been the governorates' shares')
    return bool(_LABEL_LINE.match(block.text) and _ENDS_IN_COUNT.search(block.text)) and _is_paragraph(next_text)


# a short capitalised lead-in ending in its colon, no count in it but a year's ("June 2017 alone:", "Main findings for
# H1 2017:", "In the rest of the country:")
_LEAD_IN_LINE = re.compile(r"[A-Z][^:;.!?]{0,60}:")
_YEAR_NUMBER = re.compile(r"\b(?:19|20)\d\d\b")


def _is_lead_in(text: str) -> bool:
    """A line that introduces the list after it ("June 2017 alone:"): a block of its own, never the words of a list's
    item before it."""
    return bool(_LEAD_IN_LINE.fullmatch(text)) and not re.search(r"\d", _YEAR_NUMBER.sub("", text))


def _after_indented_item(block: Block, last_raw_line: str, raw_line: str, text: str) -> bool:
    """A list item wrapped onto indented lines, as markdown wraps one ("- Other parties: 1,013, including ..." +
    "  and 18 shot by ..."), before an unindented capitalised line: the item ends there, the line is a paragraph."""
    return (len(block.lines) > 1 and bool(_ITEM_START.match(block.text)) and last_raw_line[:2] == "  "
            and raw_line[:1] not in (" ", "\t") and text[:1].isupper())


def with_run_on_items_apart(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each one-line run-on list of labelled items ("The civilian death toll by party: Remnants of the
    Assad regime forces: 9 civilians (1 child, 1 woman) - Israeli forces: 6 civilians (1 child) - ...") as its
    introduction and one block per item, each on the line: read like a list whose items stand on lines of their own
    (an item's label that names no party reported and its counts left out, never given to the item before it)."""
    apart: list[Block] = []
    for block in blocks:
        parts = _RUN_ON_ITEM_PARTING.split(block.text)
        if len(block.lines) != 1 or len(parts) < 3 or not all(
                _LABELLED_ITEM.match(part) or "|" not in block.text and _LABELLED_COUNT_ALONE.fullmatch(part)
                for part in parts[1:]):
            apart.append(block)
            continue
        intro = _LIST_INTRO.match(parts[0])
        heads = list(intro.groups()) if intro else [parts[0]]
        apart += [Block(text=text.strip(), starts=[0], lines=list(block.lines)) for text in [*heads, *parts[1:]]]
    return apart


def _is_run_on_list(text: str) -> bool:
    """A list pasted as one line, two cells at least parted by bars or dashes after their counts (``_RUN_ON_PARTING``)."""
    return len(_RUN_ON_PARTING.findall(text)) >= 2


def _run_on_list_ends(last_text: str, text: str) -> bool:
    """Whether a run-on list stands between ``last_text`` and ``text``, the line after it: a row of its own, unless
    the list goes on onto the next line (``last_text`` ending on a parting, ``text`` on a small letter)."""
    if text[:1].islower() or _PARTED_END.search(last_text):
        return False
    if text[:1].isdigit() and regex("CountAwaitedEnd").search(last_text.rstrip()):
        return False  # a sentence cut on its verb, its count on the next line (fx140ab)
    return _is_run_on_list(last_text) or _is_run_on_list(text)


def is_labelled_cells_row(text: str) -> bool:
    """A line of labelled counts between pipes ("Regime forces: 688 | ISIS: 132 | Other: 100"): a row of its own."""
    return bool(_LABELLED_CELLS.search(text))


def _is_paragraph(text: str) -> bool:
    """A capitalised line long enough and ending a sentence: a paragraph of its own."""
    return _opens_paragraph(text) and _is_sentence_end(text)


def _is_count_sentence(text: str) -> bool:
    """A whole sentence long enough opening with its count, never a part of the count before it ("48 people died due
    to torture in September: 47 in ...", not "12 of them were killed by landmines ..."); a shorter one too whose count's
    own noun and verb open it ("19 detainees died under torture, 15 of them in regime prisons."; fx158ad: joined to a
    list's last item, "- Other parties: 85", its deaths had been that party's)."""
    return bool(_COUNT_OPENING.match(text)) and _is_sentence_end(text) and (
        len(text.split()) >= _PARAGRAPH_WORDS
        or len(text.split()) >= _PLACE_LIST_SENTENCE_WORDS and bool(_COUNT_CLAUSE_OPENING.match(text)))


# a count, its own noun of persons and its verb, opening a sentence ("19 detainees died ...", "40 people were killed")
_COUNT_CLAUSE_OPENING = re.compile(r"\d[\d,]*\s+(?:civilians?|people|persons?|individuals?|detainees?|victims?|prisoners?)"
                                   r"\s+(?:died|were|was|had|have|lost)\b")


def _is_sentence_end(text: str) -> bool:
    return bool(re.search(r"[.!?][\"')]?$", text))


def _opens_paragraph(text: str) -> bool:
    """A capitalised line long enough to be a paragraph's first line, whole or wrapped onto the next ("The seven
    torture victims died in the detention centres of Syrian regime forces (5), the Syrian" / "Democratic Forces ...")."""
    return text[:1].isupper() and len(text.split()) >= _PARAGRAPH_WORDS


def _headline_before_paragraph(block: Block, next_text: str) -> bool:
    """A headline of a line or a few with no sentence end ("Monitor counts 73 civilian deaths in Syria in August"),
    perhaps under a date line, before a line that is a whole paragraph (a web copy pasted with one line per
    paragraph) or a paragraph's first line wrapped: the headline ends there."""
    return (len(block.lines) <= _HEADLINE_LINES and not re.search(r"[.!?:;,]$", block.text)
            and not regex("DanglingCount").search(block.text)
            and (_is_paragraph(next_text) or _opens_paragraph(next_text) and _is_prose_line(next_text)
                 and bool(re.search(r"[a-z]$", next_text))))


def _is_prose_line(text: str) -> bool:
    """Whether a third or more of the longer words of ``text`` are in small letters: a paragraph's first line wrapped
    onto the next ("The Syrian Network for Human Rights has documented the killing of 813 civilians in Syria during
    June" / "2017, ..."; round 86b; it ends on a word, never a table row's last cell), never a title's second line in
    title case."""
    words = [word for word in text.split() if len(word) > 3 and word[:1].isalpha()]
    return bool(words) and sum(word[:1].islower() for word in words) * 3 >= len(words)


def _is_enumerated_title(text: str, next_text: str) -> bool:
    """ "A. Death toll of medical personnel", "B. Rebels: 38": an enumerated line of a dozen words or fewer,
    unpunctuated, unless it is a labelled count whose groups follow on the next line ("A. Civilians: 1,061" +
    "Of whom children: 197") or an item cut short at a joining word ("E. Factions of the Armed Opposition: 197
    civilians, including 54 children and" / "31 women."; a PDF text layer's wrap, round 58): it goes on."""
    return (bool(re.match(rf"{ENUMERATOR}\s", text)) and len(text.split()) <= 12 and not re.search(r"[.,;:!?]$", text)
            and not (re.search(r":\s*\d[\d,]*$", text) and regex("GroupsOpener").match(next_text))
            and not regex("CaptionGoesOn").search(text))


def _groups_sub_item(item_raw_line: str, raw_line: str, text: str) -> bool:
    """A bullet nested under a list item, giving the item's children or women ("* Russian forces: 8 civilians" +
    "  * including 3 children" + "  * and 2 women", "2. landmines: 81" + "   - of which 17 were children"): the
    item's own groups, read with it, never a whole list's."""
    indent = len(raw_line) - len(raw_line.lstrip())
    return (bool(_ITEM_START.match(item_raw_line)) and indent > len(item_raw_line) - len(item_raw_line.lstrip())
            and bool(_ITEM_START.match(text)) and (bool(regex("GroupsSubItem").match(_ITEM_START.sub("", text)))
                                                   or bool(regex("GroupLabelSubItem").match(_ITEM_START.sub("", text)))))


def _toll_groups_item(block: Block, item_raw_line: str, raw_line: str, text: str) -> bool:
    """A bullet of the groups' labels and counts alone ("▪️ Children: 17   ▪️ Women: 9") right after a bullet of the
    whole toll's label and count alone, at its level ("▪️ Civilians killed in January: 97"), or after the groups' bullets
    read with it ("- Civilians killed: 273" / "- Of whom children: 71" / "- Of whom women: 29"): the toll's groups, read
    with it, never parties named "Children" and "Women"."""
    def bulleted(line: str) -> bool:
        return bool(_ITEM_START.match(line)) or starts_with_pictograph(line.lstrip())
    indent = len(raw_line) - len(raw_line.lstrip())
    return (len(block.lines) == 1 and bulleted(item_raw_line) and bulleted(raw_line)
            and indent == len(item_raw_line) - len(item_raw_line.lstrip())
            and bool(regex("TollGroupsItem").fullmatch(_ITEM_START.sub("", block.text)))
            and bool(regex("GroupLabelsItem").fullmatch(_ITEM_START.sub("", text))))


def _goes_on(block_text: str, text: str) -> bool:
    """Whether ``text``, after a blank line, continues a statement cut at a count ("30 Victims" + "Due to Torture")."""
    return bool(regex("DanglingCount").search(block_text.rstrip()) and regex("GoesOnAfterCount").match(text))


def _join(block: Block, text: str, line_no: int, words: frozenset[str] = frozenset()) -> None:
    """Append a wrapped line to ``block``, undoing end-of-line hyphenation ("impor-" + "tance"; "Rus-" + "sian" when
    the text writes ``words`` "russian" whole elsewhere)."""
    if not block.text:
        block.starts.append(0)
        block.lines.append(line_no)
        block.text = text.strip()
        return
    separator = " "
    if _SENTENCE_ENDS_LINE.search(block.text) and _LOWER_OPENING.match(text.strip()):
        # "... killed by unknown parties." / "also in year 2014 died under torture ...": a new sentence in small
        # letters (a non-native writer's post; round 75d), ended there by the layout's SentenceEnd
        separator = "\n"
    if regex("HeadlineLastWords").search(block.text) and regex("HeadlineCountOpening").match(text.strip()):
        # "SNHR Documented 23 Massacres and 61 Victims Who Died Due to Torture" / "1,674 Civilians Killed in ...": two
        # headlines, never "... Due to Torture 1,674 Civilians" (session 21), ended there by the layout's SentenceEnd
        separator = "\n"
    if regex("GroupCountLastWords").search(block.text) and (regex("CountStatementOpening").match(text.strip())
                                                             or regex("MeasureLabelLine").match(text.strip())
                                                             or regex("PeriodLabelLine").match(text.strip())):
        # "212 civilians, including 35 children and 22 women" / "602 civilians died due to torture ...": a row, then a
        # statement of its own (round 97d); or "Massacres: ..." after it, a label of another measure (round 122a); or
        # "Previous month (September): 217", a label of another period (session 43)
        separator = "\n"
    if regex("BareCountRowLine").fullmatch(block.text[block.starts[-1]:]) \
            and regex("WholeSentenceLine").fullmatch(text.strip()):
        # "Armed opposition fighters killed by government forces 412" / "In all, 64 victims died due to torture in
        # November.": a flattened row, then a sentence of its own (round 130a), ended there by the layout's SentenceEnd
        separator = "\n"
    last = block.text[block.starts[-1]:]
    if block.starts[-1] > 0 and regex("SubheadingLine").fullmatch(last) \
            and regex("EndedBeforeSubheading").search(block.text[:block.starts[-1]].rstrip()) \
            and regex("WholeSentenceLine").fullmatch(text.strip()):
        # "Deaths under torture: 1,022" / "Torture in the regime's prisons" / "A total of 1,022 detainees died ...": a
        # news page's subheading between paragraphs (round 131b), a line apart, ended there by the layout's SentenceEnd
        separator = "\n"
        head = block.text[:block.starts[-1]]
        block.text = head[:-1] + "\n" + last if head.endswith(" ") else block.text
    if re.search(r"[A-Za-z]-$", block.text) and text[:1].islower():
        separator = ""
        if ((re.search(r"(?<![A-Za-z])[a-z]+-$", block.text) and not regex("TensHyphenEnd").search(block.text))
                or _rejoined(block.text, text) in words | set(vocab_words("HyphenCutWords"))):
            # "impor-" + "tance" -> "importance"; "US-" + "led" and "twenty-" + "three" keep their hyphen; a name cut
            # at a line's end, "Syr-" + "ian", is one word when the text writes it whole elsewhere (round 30), or when it
            # is a word of a party's name or a victim group ("Demo-" + "cratic Forces"; round 144b)
            block.text = block.text[:-1]
    elif re.search(r"(?<![A-Za-z])[A-Za-z]{1,3}-$", block.text) and text[:1].isupper():
        # "Hay'at Tahrir al-" + "Sham 9, ...", "Deir Ez-" + "Zour": a name's particle and its hyphen cut from the name
        # by the wrap, one word with its hyphen (round 119d: "al- Sham" named no party)
        separator = ""
    block.starts.append(len(block.text) + len(separator))
    block.lines.append(line_no)
    block.text = block.text + separator + text.strip()


def _rejoined(before: str, after: str) -> str:
    """The word cut by a hyphen at the end of ``before`` and going on at the start of ``after``, in lower case,
    without its hyphen ("... Rus-", "sian killed" -> "russian")."""
    return (re.search(r"([A-Za-z]*)-$", before).group(1) + re.match(r"[A-Za-z]*", after).group(0)).casefold()


def _words(texts: list[str | None]) -> frozenset[str]:
    """The words ``texts`` write, in lower case."""
    return frozenset(word.casefold() for text in texts if text for word in re.findall(r"[A-Za-z]+", text))


_DATELINE_WORDS = 12  # more words than a date line alone holds with its place and outlet
_CHART_VALUE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_CHART_ROWS = 2  # the fewest rows that make a chart or a list
# a row's share of the total after its count, alone on its line ("Aleppo" / "22" / "22.9%"; round 63b): its last cell
_CHART_SHARE = re.compile(r"\d{1,3}(?:\.\d{1,2})?\s?%")
_ROW_CELLS = 4  # the most values a row holds, one a column (civilians, children, women and one more)
# the label of a value standing alone on the next line: perhaps a bullet or an enumerator ("A. Government forces:"),
# one governorate or party, perhaps an aside in brackets ("Kurdish forces (PYD)", "Russian forces (from September 30,
# 2015)"), perhaps a colon
_VALUE_LABEL = re.compile(rf"^(?:{BULLET}\s+|{ENUMERATOR}\s+)?(?P<label>[^()]+?)\s*(?:\([^()]*\))?\s*:?$")


def chart_rows(texts: list[str | None]) -> dict[int, list[int]]:
    """The rows of a chart, a list or a table flattened into its text layer, each label on a line and each of its
    values on a line of its own after it ("Daraa" / "24" / "Idlib" / "21", round 14; "A. Government forces:" / "8,736",
    "Syrian regime forces" / "712" / "188" / "121", round 16): label line index -> value line indices, for runs of two
    rows or more of as many values each, whose labels each name one governorate or party (a row's line of groups
    between two rows, "civilians, including 5 children" or "Children 234 | Women 139", does not end the run). The
    values are the label's, never a page number. A header whose cells stand one a line right before such a run ("Perpetrator" / "Civilians" /
    "Children" / "Women") is one line too: its first cell's index -> the others'."""
    lines = [i for i, text in enumerate(texts) if text and text.strip()]
    rows = [(n, count) for n in range(len(lines)) if (count := _values_after(texts, lines, n))]
    runs: list[list[tuple[int, int]]] = []
    for n, count in rows:
        last = runs[-1][-1] if runs else None
        if last and count == last[1] + 1 and n == last[0] + 1 + last[1] and _page_number_after_row(texts, lines, n + count):
            count = last[1]  # "Other parties" / "97" / "2" under rows of one value: the page's number after the table
        if last and last[1] == count and (n == last[0] + 1 + count or (
                n == last[0] + 2 + count and is_row_groups_line(texts[lines[n - 1]]))):
            runs[-1].append((n, count))
        else:
            runs.append([(n, count)])
    runs = _across_unnamed_rows(texts, lines, runs)
    charted: dict[int, list[int]] = {}
    for run in runs:
        if len(run) >= _CHART_ROWS and not _values_first(texts, lines, run):
            charted.update(_header_before(texts, lines, run))
            charted.update({lines[n]: lines[n + 1:n + 1 + count] for n, count in run})
            charted.update(_total_after(texts, lines, run))
    return charted


def _total_after(texts: list[str | None], lines: list[int], run: list[tuple[int, int]]) -> dict[int, list[int]]:
    """The total row right after a run of rows one cell a line, its label and as many values as each row ("Total" /
    "181" after "ISIS" / "19"; fx129d: the total had been left out): its label's line -> its values' lines."""
    last, count = run[-1]
    label = last + 1 + count
    values = lines[label + 1:label + 2 + count]  # its values, and the line after them: no value of the row
    if len(values) < count or not regex("TableTotalLabel").fullmatch(texts[lines[label]].strip().rstrip(":")) \
            or not all(_CHART_VALUE.fullmatch(texts[i].strip()) for i in values[:count]) \
            or (len(values) > count and _CHART_VALUE.fullmatch(texts[values[-1]].strip())):
        return {}
    return {lines[label]: lines[label + 1:label + 1 + count]}


def _page_number_after_row(texts: list[str | None], lines: list[int], n: int) -> bool:
    """Whether ``lines[n]``, a row's last value, may be the number of the page the table ends (round 103d): at most
    three digits, and no row's label nor value after it."""
    after = texts[lines[n + 1]].strip() if n + 1 < len(lines) else ""
    return bool(re.fullmatch(r"\d{1,3}", texts[lines[n]].strip())) and not _CHART_VALUE.fullmatch(after) \
        and not _is_value_label(after)


def header_cells_before_rows(texts: list[str | None]) -> dict[int, list[int]]:
    """The header of a table whose cells stand one a line right before a row on a line of its own, its label and one
    value a column ("Party" / "Civilians" / "Children" / "Women" / "Government forces 16,114 2,635 1,724"; a PDF
    copied from the web, round 65b): its first cell's index -> the others', one header line as in the PDF."""
    lines = [i for i, text in enumerate(texts) if text and text.strip()]
    headers: dict[int, list[int]] = {}
    for n, i in enumerate(lines):
        if not regex("TableKeyCell").fullmatch(texts[i].strip()):
            continue
        columns = []
        while n + 1 + len(columns) < len(lines) \
                and regex("TableColumnCell").fullmatch(texts[lines[n + 1 + len(columns)]].strip()):
            columns.append(lines[n + 1 + len(columns)])
        row = texts[lines[n + 1 + len(columns)]].strip() if n + 1 + len(columns) < len(lines) else ""
        values = re.fullmatch(r"[A-Za-z][^\d]*?((?:\s+\d[\d,]*)+)", row)
        if len(columns) >= 2 and values and len(values.group(1).split()) == len(columns):
            headers[i] = columns
    return headers


def wrapped_row_labels(texts: list[str | None]) -> dict[int, int]:
    """The labels of a flattened table wrapped over two lines before their value ("Syrian regime" / "forces" / "1,247",
    "International" / "Coalition forces" / "64"; a PDF's narrow first column, round 103d): first line index -> second,
    where the two lines together name one governorate or party and a value stands alone on the line after them."""
    lines = [i for i, text in enumerate(texts) if text and text.strip()]
    wrapped: dict[int, int] = {}
    for first, second, value in zip(lines, lines[1:], lines[2:]):
        label, rest = texts[first].strip(), texts[second].strip()
        if (first not in wrapped.values() and _CHART_VALUE.fullmatch(texts[value].strip())
                and not re.search(r"\d", label + rest) and len(rest.split()) <= 3
                and _is_value_label(f"{label} {rest}")):
            wrapped[first] = second
    return wrapped


_CELLS_ROW = re.compile(r"(?P<label>[A-Za-z][^\d]*?)(?P<cells>(?:\s+\d{1,3}(?:,\d{3})+|\s+\d+){2,})\s*")
_LABEL_TAIL = re.compile(r"[A-Za-z][^\d:;.!?]*")


def row_label_tails(texts: list[str | None]) -> dict[int, int]:
    """The labels of a table's rows wrapped after their cells, the label's last words on the line after the row
    ("ISIS (the self-proclaimed 2,104 343 297" / "Islamic State)", "Kurdish Self-Management 219 46 31" / "forces"; a
    PDF's narrow first column, fx154ab: the tail had been read as the next row's first words): row line index -> tail's,
    where the row's label names one governorate or party with the tail (three words at most), and names none alone or
    the tail cannot open the next row's label."""
    lines = [i for i, text in enumerate(texts) if text and text.strip()]
    tails: dict[int, int] = {}
    for row, tail, after in zip(lines, lines[1:], lines[2:] + [None]):
        match = _CELLS_ROW.fullmatch(texts[row].strip())
        rest = texts[tail].strip()
        if match and row not in tails.values() and _LABEL_TAIL.fullmatch(rest) and len(rest.split()) <= 3 \
                and _is_value_label(f"{match.group('label')} {rest}") \
                and (not _is_value_label(match.group("label")) or not opens_a_row(rest, texts[after] if after else "")):
            tails[row] = tail
    return tails


def opens_a_row(words: str, line: str) -> bool:
    """Whether ``words`` may be the first words of a row's label wrapped before ``line``, its rest and its cells
    ("International" / "coalition forces 346 107 63"): together a governorate's or party's label."""
    match = _CELLS_ROW.fullmatch(line.strip())
    return bool(match) and _is_value_label(f"{words} {match.group('label')}")


def with_row_label_tails(texts: list[str | None]) -> list[str | None]:
    """``texts`` with each row's label tail (``row_label_tails``) put back in its label, its own line dropped."""
    tails = row_label_tails(texts)
    joined: list[str | None] = []
    for i, text in enumerate(texts):
        match = _CELLS_ROW.fullmatch(text.strip()) if i in tails and text else None
        joined.append(f"{match.group('label')} {texts[tails[i]].strip()}{match.group('cells')}" if match
                      else None if i in tails.values() else text)
    return joined


def cells_one_a_line(texts: list[str | None]) -> dict[int, int]:
    """The cells of a 2014-2016 table a PDF text layer reads cell by cell, each cell's label alone on a line and its
    value alone on the next ("A. Civilians" / "1,402" / "Of which children" / "231" / "Died under torture" / "112";
    round 52): label line index -> value line index, for runs of two such cells or more (a lone label before a number
    may be a title wrapped before it), unless the values may come before their labels (an infographic's "119" /
    "Civilian deaths" / "19" / "Children": a value right before the first label, or a label right after the last
    value), which value is whose then not told."""
    return paired_lines(texts, lambda text: bool(regex("CellLabelLine").fullmatch(text)),
                        lambda text: bool(_CHART_VALUE.fullmatch(text)))


def is_row_groups_line(text: str | None) -> bool:
    """A line that goes on with the chart row above it: in lower case ("civilians, including 5 children"), or the
    row's children and women alone ("Children 234 | Women 139", an infographic's OCR, round 27)."""
    line = (text or "").strip()
    return line[:1].islower() or bool(regex("TableGroupsLine").fullmatch(line))


@cached_by_text
def _is_value_label(text: str) -> bool:
    """A line that is a label of one governorate or party, perhaps its bullet, aside and colon ("A. Government
    forces:", "Kurdish forces (PYD)")."""
    match = _VALUE_LABEL.match(text.strip())
    return bool(match) and is_named_row(match.group("label"))


def _values_after(texts: list[str | None], lines: list[int], n: int) -> int:
    """The number of values standing alone on the lines after the label ``lines[n]``, one a line: 0 if it is no label
    or has none, or more than a row holds. (The values are counted first: most lines have none, and need not be
    read as a label.)"""
    count = 0
    while n + 1 + count < len(lines) and _CHART_VALUE.fullmatch(texts[lines[n + 1 + count]].strip()):
        count += 1
    if count and n + 1 + count < len(lines) and _CHART_SHARE.fullmatch(texts[lines[n + 1 + count]].strip()):
        count += 1  # the row's share, after its counts
    return count if 0 < count <= _ROW_CELLS and _is_value_label(texts[lines[n]]) else 0


def _across_unnamed_rows(texts: list[str | None], lines: list[int],
                         runs: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """The runs of rows, a run under a header going on over a row whose label names no known party or governorate
    ("Party" / "Civilians" / "Children" / "Women" / "Syrian National Army" / "17" / "4" / "2" / "Forces of the
    transitional government" / "39" / "3" / "2" / "Other parties" / ...; round 71c): that row, as many values as the rows
    around it, is the table's too (its label is reported unmapped and its figures left out), and the rows after it
    are not cut off from the table's header; so over several such rows in turn ("General Security (Ministry of
    Interior)" / "9" / "Tribal gunmen" / "6" / "Other parties" / "86"; round 121d)."""
    merged: list[list[tuple[int, int]]] = []
    for run in runs:
        if merged:
            last, count = merged[-1][-1]
            middle = last + 1 + count
            unnamed = []
            while middle + count < len(lines) and run[0][0] > middle and _is_unnamed_label(texts[lines[middle]]) \
                    and all(_CHART_VALUE.fullmatch(texts[lines[middle + 1 + k]].strip()) for k in range(count)):
                unnamed.append((middle, count))
                middle += 1 + count
            if unnamed and run[0] == (middle, count) and _header_before(texts, lines, merged[-1]):
                merged[-1] += unnamed + run
                continue
        merged.append(list(run))
    return merged


def _is_unnamed_label(text: str | None) -> bool:
    """A line that may be a row's label naming what the vocabulary lacks: words, a capital first, no digit, short."""
    line = (text or "").strip()
    return bool(re.fullmatch(r"[A-Z][A-Za-z'’ ,/()-]{2,80}", line)) and len(line.split()) <= 8


def _values_first(texts: list[str | None], lines: list[int], run: list[tuple[int, int]]) -> bool:
    """Whether a run of label/value rows may be a chart whose values come before their labels ("24" / "Daraa" / "21" /
    "Idlib"): a value right before its first label, or a label right after its last value; which value is whose is
    not told."""
    first, (last, count) = run[0][0], run[-1]
    before = lines[first - 1] if first else None
    after = lines[last + 1 + count] if last + 1 + count < len(lines) else None
    return bool((before is not None and _CHART_VALUE.fullmatch(texts[before].strip()))
                or (after is not None and _is_value_label(texts[after])))


def _header_before(texts: list[str | None], lines: list[int], run: list[tuple[int, int]]) -> dict[int, list[int]]:
    """The header of a table whose cells stand one a line right before its rows ("Perpetrator" / "Civilians" /
    "Children" / "Women": the key's cell, then one a column): its first line -> the others; none if there is none."""
    first, count = run[0]
    if first < count + 1:
        return {}
    cells = lines[first - count - 1:first]
    shared = _CHART_SHARE.fullmatch(texts[lines[first + count]].strip())  # the row's last value is its share
    if regex("TableKeyCell").fullmatch(texts[cells[0]].strip()) and all(
            regex("TableColumnCell").fullmatch(texts[i].strip()) for i in cells[1:len(cells) - bool(shared)]) \
            and (not shared or regex("ShareColumnCell").fullmatch(texts[cells[-1]].strip())):
        return {cells[0]: cells[1:]}
    return {}


def counts_above_labels(texts: list[str | None]) -> set[int]:
    """The lines that hold a count alone above the line of its label alone ("918" / "civilians killed", an
    infographic's headline; round 27), after a line that ends no sentence cut by a page break (a blank line, a
    heading's last letter or a number): the count is the label's, never a page number."""
    lines = [i for i, text in enumerate(texts) if text and text.strip()]
    return {i for before, i, after in zip([None] + lines, lines, lines[1:])
            if _CHART_VALUE.fullmatch(texts[i].strip()) and regex("CountLabelLine").fullmatch(texts[after].strip())
            and (before is None or before < i - 1 or not re.search(r"[a-z,]$", texts[before].strip()))}


def counts_before_labels(texts: list[str | None]) -> dict[int, int]:
    """A key-figures box pasted a count on a line and its label on the next, two such pairs or more in a row ("1,271" /
    "civilians killed" / "299" / "children" / "104" / "deaths under torture"; round 68a): count line index -> label line
    index, each pair read as one line of the box ("104 deaths under torture"). The run opens on a count and closes on a
    label, with no label right before it nor a count right after it: otherwise each label may be the count after it's
    (``cells_one_a_line``), which count is whose then not told."""
    return paired_lines(texts, lambda text: bool(_CHART_VALUE.fullmatch(text)), _is_box_label,
                        lambda first, second: _is_count_label_line(f"{first} {second}"))


def paired_lines(texts: list[str | None], first: Callable[[str], bool], second: Callable[[str], bool],
                 pair: Callable[[str, str], bool] = lambda first, second: True) -> dict[int, int]:
    """Runs of two pairs of lines or more, each a ``first`` line and a ``second`` one right after it (``pair`` of the
    two texts holding): first line index -> second line index; never a run with a ``second`` line right before it or
    a ``first`` line right after it, where each line may pair with the other neighbour (``cells_one_a_line``,
    ``counts_before_labels``)."""
    lines = [i for i, text in enumerate(texts) if text and text.strip()]
    stripped = [texts[i].strip() for i in lines]
    is_first, is_second = [first(t) for t in stripped], [second(t) for t in stripped]
    runs: list[list[int]] = []  # each run's first positions in ``lines``
    for n in range(len(lines) - 1):
        if is_first[n] and is_second[n + 1] and pair(stripped[n], stripped[n + 1]):
            if runs and runs[-1][-1] == n - 2:
                runs[-1].append(n)
            else:
                runs.append([n])
    return {lines[n]: lines[n + 1] for run in runs if len(run) >= _CHART_ROWS
            and not (run[0] > 0 and is_second[run[0] - 1])
            and not (run[-1] + 2 < len(lines) and is_first[run[-1] + 2])
            for n in run}


def _is_box_label(text: str) -> bool:
    """A key-figures box's label alone on its line: victims ("civilians killed", "children") or a measure
    ("deaths under torture", "massacres")."""
    return bool(regex("CountLabelLine").fullmatch(text) or regex("CellLabelLine").fullmatch(text)
                or measures_named(text))


def measure_count_lines(lines: list[str]) -> set[int]:
    """The indices of the raw lines that hold a measure's label, a tab and its count ("Massacres\t38", "Children:\t273";
    round 43): counts, no contents entries, where the run of lines ending in a tab and a number that holds one falls
    somewhere (a table of contents' pages never do), or, alone, where the line after it breaks its count down (its
    numbers add up to it: "Syrian regime forces 26, Self-management forces 1")."""
    ends = [_TAB_NUMBER_END.search(line) for line in lines]
    found: set[int] = set()
    for start, stop in _runs([bool(end) for end in ends]):
        values = [float(ends[i].group(1).replace(",", "")) for i in range(start, stop)]
        falls = any(later < earlier for earlier, later in zip(values, values[1:]))
        for i in range(start, stop):
            if _is_measure_tab_line(lines[i]) and (falls or (
                    stop - start == 1 and adds_up_to(_next_text(lines, i), values[0]))):
                found.add(i)
    return found


def month_count_lines(lines: list[str]) -> set[int]:
    """The indices of the raw lines that hold a month, a tab and its count ("January\t512", a one-column table by
    month of an HTML page), where the run of such lines that holds them falls somewhere: a month's count, never a
    contents entry (a table of contents' pages never fall; fx158bc: the rows had been dropped as contents entries)."""
    ends = [_TAB_NUMBER_END.search(line) for line in lines]
    found: set[int] = set()
    for start, stop in _runs([bool(end) for end in ends]):
        values = [float(ends[i].group(1).replace(",", "")) for i in range(start, stop)]
        if any(later < earlier for earlier, later in zip(values, values[1:])):
            found.update(i for i in range(start, stop) if (row := regex("TabCountLine").fullmatch(lines[i]))
                         and regex("TableMonthLabel").fullmatch(row.group("label").strip()))
    return found


def _is_measure_tab_line(line: str) -> bool:
    """A label, a tab and its count, the label a tile's ("Children", "Massacres") or one naming a measure ("Victims
    who died under torture")."""
    found = regex("TabCountLine").fullmatch(line)
    label = found.group("label") if found else ""
    return bool(found) and bool(regex("TileLabels").fullmatch(label) or measures_named(label))


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """The (start, stop) of each run of consecutive true ``flags``."""
    runs, start = [], 0
    for flag, group in groupby(flags):
        stop = start + len(list(group))
        if flag:
            runs.append((start, stop))
        start = stop
    return runs


def _next_text(lines: list[str], index: int) -> str:
    """The next line after ``index`` that has text, '' when there is none."""
    return next((line for line in lines[index + 1:] if line.strip()), "")


def count_label_lines(texts: list[str | None]) -> set[int]:
    """The indices of the lines of a key-figures box, two such lines or more in a row ("116 civilians killed" / "26
    children" / "11 women"): each a statement of its own, never the words before the next line's count."""
    boxed = [bool(text) and _is_count_label_line(text.strip()) for text in texts]
    return {i for i, box in enumerate(boxed)
            if box and ((i > 0 and boxed[i - 1]) or (i + 1 < len(boxed) and boxed[i + 1]))}


def _is_count_label_line(text: str) -> bool:
    return bool(_COUNT_LABEL_LINE.fullmatch(text)) and not regex("CountLabelDangling").search(text)


def delimited_as_pipes(lines: list[str]) -> list[str]:
    """``lines`` with each table pasted as comma- or tab-separated values ("Governorate,Syrian regime forces,...,Total" /
    "Raqqa,,,38,297,9,,21,365") written between pipes, as a Markdown table is ("| Raqqa | – | – | 38 | ... |"), an empty
    cell a dash: a header line of three cells or more naming no count, then two rows or more of as many cells, each a
    label and counts (or empty cells) after it; so a plain-text table whose columns runs of spaces align, under a
    header whose columns each name a period with its year (``delimited_table``); every other line as it is."""
    out, at = list(lines), 0
    while at < len(lines):
        delimiter, rows, keyless = delimited_table(lines, at)
        for row in range(at, at + rows + 1 if rows else at):
            out[row] = "| " + " | ".join(cell.strip() or "–" for cell in delimited_cells(lines[row], delimiter)) + " |"
        if keyless:  # its empty key cell, dropped from the page's text
            out[at] = "| " + out[at]
        at += rows + 1
    return out


def delimited_table(lines: list[str], start: int) -> tuple[str, int, bool]:
    """The delimiter (a tab, a comma, or runs of spaces aligning the columns under a header of periods: "Indicator
    March 2018    January-March 2018    March 2017" / "Massacres    41    87    19") of the table whose header is
    ``lines[start]``, its rows after the header, and whether the header lacks its empty key cell: a tab-separated
    header whose every cell names a period's year, one cell fewer than its rows ("January 2026\tFebruary 2026\tTotal
    2026 (Jan - Feb)" / "Civilians\t116\t97\t213", a web page's table whose first header cell is empty; fx153ab: its
    rows had been left out), or such a header aligned by spaces, indented over the empty key cell ("            May
    2019    January-May 2019" / "Children killed    88    512", an e-mail bulletin's table; fx164cd: its rows had been
    run together, a year's count read for the month's); ("", 0, False) when the line opens no such table."""
    for delimiter in ("\t", ",", "  "):
        header = delimited_cells(lines[start], delimiter)
        keyless = (delimiter == "\t" or delimiter == "  " and lines[start].startswith("  ")) and len(header) >= 2 \
            and all(regex("Year").search(cell) for cell in header)
        if len(header) < 3 - keyless:
            continue
        if delimiter == "  " and not keyless:  # aligned by spaces: only under a header whose every column names a year
            if not header[0][:1].isalpha() or not all(regex("Year").search(cell) for cell in header[1:]):
                continue
        elif any(not cell.strip() or _DELIMITED_COUNT.fullmatch(cell.strip()) for cell in header):
            continue
        rows = 0
        for line in lines[start + 1:]:
            cells = [cell.strip() for cell in delimited_cells(line, delimiter)]
            if len(cells) != len(header) + keyless or not cells[0] or _DELIMITED_COUNT.fullmatch(cells[0]) \
                    or not all(not cell or _DELIMITED_COUNT.fullmatch(cell) for cell in cells[1:]):
                break
            rows += 1
        if rows >= 2:
            return delimiter, rows, keyless
    return "", 0, False


def delimited_cells(line: str, delimiter: str) -> list[str]:
    """The cells of a tab-separated line, of one aligned by runs of two spaces or more, or of a comma-separated one (a
    cell in quotes may hold commas: "1,013"); a line the comma-separated reading cannot split (a stray carriage return)
    is one cell."""
    if delimiter == "\t":
        return line.split("\t")
    if delimiter == "  ":
        return _SPACED_CELLS.split(line.strip()) if line.strip() else []
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return [line]


def _following_texts(texts: list[str | None]) -> list[str | None]:
    """For each line, the next line with text after it (stripped), None at the end."""
    following: list[str | None] = [None] * len(texts)
    after = None
    for i in range(len(texts) - 1, -1, -1):
        following[i] = after
        if texts[i] is not None and texts[i].strip():
            after = texts[i].strip()
    return following


def clean_blocks(raw: str) -> list[Block]:
    """Split raw report text into clean blocks (headings, list items, paragraphs) with line provenance."""
    blocks: list[Block] = []
    current: Block | None = None
    pending_blank = False
    furniture_gap = False  # the lines skipped since the last text were page furniture only, no blank line
    last_text, last_raw_line, last_dated = "", "", False
    raw_lines = delimited_as_pipes(raw.split("\n"))
    measured = measure_count_lines(raw_lines)
    month_rows = month_count_lines(raw_lines)  # "January\t512": a table's row, no contents entry
    raw_lines = [_TAB_LABEL_END.sub(":\t", line, count=1) if i in measured else line
                 for i, line in enumerate(raw_lines)]
    posts = thread_post_lines(raw_lines)
    grouped = {i for i in measured if i and regex("TableGroupsLine").fullmatch(raw_lines[i])
               and _TAB_NUMBER_END.search(raw_lines[i - 1])}  # "Children:\t273" under the line of the whole
    headings = [_MD_HEADING.match(line) for line in raw_lines]
    cleaned = [clean_line(line[h.end():] if h else line) for line, h in zip(raw_lines, headings)]
    speakers = speaker_label_ends(cleaned)  # a transcript's "OKAFOR: ...": no words of the line, a statement of its own
    cleaned = [line[speakers[i]:] if i in speakers else line for i, line in enumerate(cleaned)]
    posts |= set(speakers)
    shown, alone = furniture_and_lone_numbers(cleaned, raw_lines)
    wrapped = wrapped_row_labels(shown)  # "Syrian regime" / "forces" / "1,247": one label, on its first line
    shown = [f"{text.strip()} {shown[wrapped[i]].strip()}" if i in wrapped else None if i in wrapped.values() else text
             for i, text in enumerate(shown)]
    shown = with_row_label_tails(shown)  # "Kurdish Self-Management 219 46 31" / "forces": one label, before its cells
    cells = cells_one_a_line(shown)  # each cell read on its label's line, "A. Civilians: 1,402"
    shown = [f"{text.strip().rstrip(':')}: {shown[cells[i]].strip()}" if i in cells else text
             for i, text in enumerate(shown)]
    boxed_pairs = counts_before_labels(shown)  # "1,271" / "civilians killed": one line of a key-figures box
    shown = [f"{text.strip()} {shown[boxed_pairs[i]].strip()}" if i in boxed_pairs
             else None if i in boxed_pairs.values() else text for i, text in enumerate(shown)]
    charted = chart_rows(shown)
    charted.update({i: cells for i, cells in header_cells_before_rows(shown).items()
                    if not any(i in row or any(c in row for c in cells) for row in charted.values())})
    values, last_charted = ({i for cells in charted.values() for i in cells} | set(cells.values())
                            | set(boxed_pairs.values()), False)
    labelled = counts_above_labels(shown) | set(boxed_pairs)
    texts = [None if i in alone and i not in values | labelled else text for i, text in enumerate(shown)]
    boxed, last_boxed = count_label_lines(texts) | set(boxed_pairs), False
    following = _following_texts(texts)
    last_subheading = False
    last_opened_groups = False
    words = _words(texts)
    for line_no, (raw_line, heading, line, text) in enumerate(zip(raw_lines, headings, cleaned, texts), start=1):
        if line_no - 1 in values:
            continue  # a chart's value: read on its label's line
        if line_no - 1 in charted:  # a chart's label and values, one row a line ("Daraa 24")
            text = " ".join([text.strip()] + [texts[i].strip() for i in charted[line_no - 1]])
        if text is None:  # page furniture: skipped like a blank line, the other lines keep their numbers
            furniture_gap = furniture_gap or not pending_blank
            pending_blank = True
            continue
        if not text.strip() or (is_noise_line(raw_line) and line_no - 1 not in labelled | measured | month_rows):
            furniture_gap = furniture_gap and bool(text.strip())
            pending_blank = pending_blank or not text.strip()
            continue
        text = text.strip()
        subheading = _is_subheading(last_text, text, following[line_no - 1])
        dated = is_date_line(text)  # a publication date line stands alone: the end of a title, not its last words
        # a line the furniture cut a dateline from ("TOKYO, Dec. 2, 2022 - A ..."): a story's first paragraph
        after_dateline = not dated and line.strip() != text and is_date_line(line)
        continuation = (
            current is not None
            and not dated
            and not after_dateline
            and (not last_dated or _is_wrapped_dateline(last_text))
            and not heading
            and not current.md_heading
            and (not _ends_block(current, last_text, text) or _is_wrapped_count(last_text, text))
            and not (all(is_date_line(b.text) or regex("MastheadLine").fullmatch(b.text) for b in blocks[:-1])
                     and _headline_before_paragraph(current, text))
            and not _item_before_paragraph(current, raw_lines[current.lines[0] - 1], text)
            and not _after_indented_item(current, last_raw_line, raw_line, text)
            and not (is_labelled_cells_row(text) and not is_row_groups_line(text))
            and not is_labelled_cells_row(last_text)
            and (not _TAB_CELLS_ROW.search(last_raw_line) or line_no - 1 in grouped)
            and not _run_on_list_ends(last_text, text)
            and (not _starts_new_block(raw_line, text) or _is_wrapped_count(last_text, text)
                 or _is_wrapped_sentence_count(current, last_text, text))
            and not _heading_after_sentence(current, text)
            and line_no - 1 not in posts
            and not regex("LiveBlogEntryTime").fullmatch(last_text)  # a live blog's entry header ends at its line (fx156c)
            and not subheading and not last_subheading
            and not _caption_before_row(last_text, text)
            and not _month_row_ends(current, last_text, text)
            and not _place_list_ends(current, last_text, text)
            and not _civilians_count_line_ends(last_text, text)
            and not _labelled_count_line_ends(last_text, text)
            and not regex("DashRowLine").fullmatch(last_text) and not regex("DashRowLine").fullmatch(text)
            and line_no - 1 not in boxed | (measured - grouped) and (not last_boxed or text[:1].islower())
            # a chart's rows are a block of their own, a row's groups on the line after it with them
            and ((line_no - 1 in charted) == last_charted or (last_charted and is_row_groups_line(text)))
            # (a thread's post counter after a blank or a post's header opens a post, whatever word follows it: "4/6 other
            # parties killed ..."; fx96b)
            and (not pending_blank or (text[:1].islower() and not _THREAD_COUNTER.match(raw_line))
                 or current.text.rstrip().endswith((",", ";"))
                 or _goes_on(current.text, text)
                 # a running footer dropped inside a sentence ("..., including 5 children and" / "SNHR Report | 4" /
                 # "2 women; ..."; round 121d): the sentence goes on after it
                 or (furniture_gap and bool(regex("DanglingEnd").search(current.text.rstrip()))))
        )
        # the groups of a count cut at its opener, one a line ("2,158 civilians, including" / "361 children" / "233
        # women"): read with the count, never a key-figures box of their own (round 65b)
        opened_groups = (current is not None and not heading and regex("GroupCountLine").fullmatch(text)
                         and (regex("GroupsOpenerEnd").search(current.text) or last_opened_groups
                              or (len(current.lines) == 1 and regex("CiviliansCountLine").fullmatch(current.text))))
        if opened_groups:
            if last_opened_groups:
                current.text += ","
            elif not regex("GroupsOpenerEnd").search(current.text):
                current.text += ", including"  # "1,021 civilians" / "148 children": the count's groups
            _join(current, text, line_no, words)
        elif last_opened_groups and regex("GroupsBackReferenceLine").match(text):
            current.text += "."  # "... 233 women" / "118 of these civilians died under torture": the next sentence
            _join(current, text, line_no, words)
        elif continuation:
            _join(current, text, line_no, words)
        elif current is not None and _groups_sub_item(raw_lines[current.lines[0] - 1], raw_line, text):
            sub_item = _ITEM_START.sub("", text)  # the item's own statement, read on the item's line
            # "children: 6" under "Syrian regime forces: 41": "of whom children: 6", never a count of its own
            current.text += ", " + ("of whom " if regex("GroupLabelSubItem").match(sub_item) else "") + sub_item
        elif current is not None and _toll_groups_item(current, raw_lines[current.lines[0] - 1], raw_line, text):
            item = _ITEM_START.sub("", text)  # "Civilians killed in January: 97" / "Children: 17; Women: 9" (fx143d)
            # ... its own opener kept, never doubled ("Of whom children: 71"; fx150ab)
            current.text += ", " + ("" if regex("GroupItemOpener").match(item) else "of whom ") + item
        else:
            current = Block(text="", md_heading=len(heading.group(1)) if heading else 0, after_dateline=after_dateline)
            _join(current, text, line_no)
            blocks.append(current)
        pending_blank = furniture_gap = False
        last_text, last_raw_line, last_dated = text, raw_line, dated
        last_boxed = line_no - 1 in boxed or bool(opened_groups)
        last_opened_groups = bool(opened_groups)
        last_subheading = subheading
        last_charted = line_no - 1 in charted or (continuation and last_charted)  # a chart's block goes on
    return with_run_on_items_apart(blocks)
