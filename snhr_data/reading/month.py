"""The month a text covers, as a reader finds it, and the period of its statements that name none.

In turn: the title, when it names a month, a half-year, a quarter or a year; else the first statements of the body
("were killed in Syria in November 2024", "during the month of April" with the year of the publication date, "last
month" against a publication date such as "July 3, 2019" or " date 2019-07-01"; of a digest stating months in turn,
the latest whole month they state); else the publication date alone (a monthly report comes out in the first days of
the next month); else the month the text states most often beside counts. A month the user gives (``--month``) dates
a text that states none; one that contradicts what the text states is refused, as is a month after the text's own
publication date, and a date in digits read day first (the convention of the region's outlets) that the month the
text names contradicts. A title naming a span ("from March 2020 to March 2021") gives its undated statements the
span. The words are entries of ``vocab/periods.yaml``.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from dataclasses import dataclass

from ..grammar import regex, regexes
from ..periods import month_code, month_index, month_number, shift_month, year_of_month
from .dates import (PUBLICATION_WINDOW, UNDATED, NoReportMonthError, date_of, find_periods, month_range,
                    months_of_year, publication_date, publication_date_read_month_first, publication_match, title_month)
from .report import has_count, statements_with_counts
from .text import split_sentences

FIRST_STATEMENTS = 3000  # characters of the body in which the first statements are read
ISSUE_LINE_WINDOW = 300  # characters at the head of the body in which a newsletter's issue is read


@dataclass(frozen=True)
class Dating:
    """The report month, and the period of a statement that names none (the month, or the half-year or
    year of a half-year or annual release: its headline figures are never filed under the month)."""

    month: str
    period: str
    stated: bool = True  # read from the title or the first statements (not guessed from a date or a count)
    now: str | None = None  # the month "last month" counts back from, for a text dated by its "last month"


def date_report(title: str, body: str, text: str, given: str | None = None) -> Dating:
    """The dating of a report: ``title`` its title, ``body`` the text after it, ``text`` the whole text.

    Raises ``NoReportMonthError`` (a ``ValueError``) with one line saying what to do.
    """
    published = publication_date(text) or yearless_dateline_date(text, body) or permalink_month(text)
    title = without_publication_date(without_issue_masthead(title), text)
    found = dating_published(title, body, text, published)
    if given is not None and found is not None and found.stated and found.month != given \
            and (month_first := publication_date_read_month_first(text)) is not None \
            and (read := dating_published(title, body, text, month_first)) is not None and read.month == given:
        # "09-02-2014, 11:47 PM" atop a forum post saying "in the month of August", dated August 2014 by the user:
        # September 2 read month first, the reading that fits the given month (fx166ab: refused, read day first)
        found, published = read, month_first
    if found is None and given is None and (tagged := hashtag_month(text)) is not None:
        found = Dating(tagged, tagged, stated=False, now=given_now(text, body, tagged))
    if given is not None:
        if found is not None and found.stated and found.month != given:
            raise NoReportMonthError(f"the text covers {found.month}, not {given} as --month says")
        found = found if found is not None and found.month == given else Dating(given, given,
                                                                                now=given_now(text, body, given))
    found = with_post_timestamp(found, text)
    if found is None:
        if not regex("AnyYear").search(text):
            raise NoReportMonthError("the text names no year; date it with --month YYYY-MM")
        raise NoReportMonthError("no recognizable report month in the title, the first statements or a publication "
                                 "date; date it with --month YYYY-MM")
    month_first = publication_date_read_month_first(text)
    if published and found.month > published[:7] and not fits_month_first(found, month_first):
        raise NoReportMonthError(f"report month {found.month} is after the text's own publication date {published}")
    if given is None and contradicts_day_first(found, body, month_first, published):
        raise NoReportMonthError(f"the publication date in digits reads as {published} (day first) or {month_first} "
                                 "(month first), and only the second fits the month the text names; date it with "
                                 "--month YYYY-MM")
    return found


def dating_published(title: str, body: str, text: str, published: str | None) -> Dating | None:
    """The dating a text's title and first statements give when it was ``published`` (ISO, or None), ``title`` without
    the publication date; None when they give none."""
    titled = title_dating(title)
    if titled is not None and published and titled.month > published[:7] \
            and not regex("TitleMonth").search(without_conflict_start(title)):
        titled = None  # "..., 481 of Them in 2020" published in November 2020: a year not over, dated by the body
    titled = month_led_body(titled, title, body, published)
    return issue_dating(title, body, published) or titled \
        or body_dating(body, published or issue_month(body), title) or guessed_dating(text, published)


def month_led_body(titled: Dating | None, title: str, body: str, published: str | None) -> Dating | None:
    """An annual title's dating kept, unless the title names its December alone beside the year ("3,746 civilians
    killed in Syria in 2021, 103 in December") and the body's first statement with a count dates it by that month, not
    the year ("... documented the killing of 103 civilians in Syria last month, ..., bringing its toll for 2021 to
    3,746"; fx150cd: the month's party counts had been the year's): a news story on the month's report, its undated
    statements the month's."""
    if titled is None or titled.period != titled.month[:4] or not regex("TitleBareMonth").search(title):
        return titled
    statements = statements_with_counts(body[:FIRST_STATEMENTS], describing=True)
    now = published[:7] if published and says_last_month(body, statements) else None
    first = sentence_dating(statements[0], published, now) if statements else None  # the first, never a later one
    if first is not None and first.month == titled.month and first.period == first.month:
        return Dating(first.month, first.month, now=first.now)
    return titled


def without_publication_date(title: str, text: str) -> str:
    """A title without the publication date a dateline joined to it states, its day with it ("Syria: 573 civilians
    killed in January ... (Article translated automatically from French) - Beirut, the 1st February 2020, wire story":
    the date dates the copy, never the figures; round 131c: the text had been dated February 2020), blanked (the same
    length). A month named with no day ("in January 2020") is no publication date and stays."""
    match = publication_match(text)
    if match is None or not match.groupdict().get("day") or match["month"].isdigit():
        return title
    start = min(match.start("day"), match.start("month"))
    words = match.string[start:match.end("year")]
    # the shortest date in words with its day is ten characters ("1 May 2020"): anything shorter is blanked nowhere
    return title.replace(words, " " * len(words)) if len(words) >= len("1 May 2020") else title


def hashtag_month(text: str) -> str | None:
    """The month a post's hashtag names with its year ("#Syria #SNHR #February2016"), when the text names no other
    month a reader dates it by: the month it covers, read as a month the user gives (its "last month" counting back
    from the post's timestamp; fx158ad: a post whose year stood only in its hashtag had been refused). None when its
    hashtags name no such month or more than one."""
    months = {month_code(int(match["year"]), month_number(match["month"]))
              for match in regex("MonthYearHashtag").finditer(text)}
    return months.pop() if len(months) == 1 else None


def given_now(text: str, body: str, given: str) -> str:
    """The month "last month" counts back from in a text the user dates (``given``) and that dates itself by none:
    the month of its dateline without a year ("BEIRUT, Dec 1 (Reuters) -": December, the first on or after the given
    month); else, in a text whose first statements name no month but say "last month", the month after the given one
    (its "last month" is the month the text covers); else none the text gives (UNDATED: its "last month" is left out
    with a warning, never counted back from the given month)."""
    dateline = regex("YearlessDateline").search(text[:PUBLICATION_WINDOW])
    if dateline is not None:
        month = month_number(dateline.group("month"))
        return month_code(int(given[:4]) + (month < int(given[5:7])), month)
    statements = statements_with_counts(body[:FIRST_STATEMENTS], describing=True)
    names_month = any(regex("StatedMonth").search(s) or regex("StatedMonthYear").search(s) for s in statements)
    return shift_month(given, 1) if says_last_month(body, statements) and not names_month else UNDATED


def with_post_timestamp(found: Dating | None, text: str) -> Dating | None:
    """A dating whose "last month" counts back from no date the text gives (``now`` UNDATED), in a social post whose
    timestamp names its day and month and no year ("1 March at 10:14", the post's year only in the month it states,
    "February 2023"): its "last month" counts back from the timestamp's month, in the first year on or after the
    stated month (March 2023). Else the dating as it is."""
    if found is None or found.now != UNDATED:
        return found
    stamps = {(match["month"][:3], match["day"]) for pattern in regexes("YearlessPostTimestamp")
              for match in pattern.finditer(text[:PUBLICATION_WINDOW])}
    if len(stamps) != 1:
        return post_date_line_now(found, text) if not stamps else found
    month = month_number(next(iter(stamps))[0])
    now = month_code(int(found.month[:4]) + (month < int(found.month[5:7])), month)
    return Dating(found.month, found.period, found.stated, now)


def post_date_line_now(found: Dating, text: str) -> Dating:
    """A dating whose "last month" counts back from the date line with no year of the post that says it ("February 2"
    alone on its line above the post, a channel export's, its posts dated so one by one), when that date is in the
    month right after the month the text states (``found``): its "last month" is that month (fx158ad: a Telegram
    post's "412 civilian deaths last month", under a post headed "... in January 2025", had been left out). Else the
    dating as it is."""
    said = regex("StatedLastMonth").search(text)
    if said is None:
        return found
    dates = list(regex("PostDateLine").finditer(text[:said.start()]))
    if not dates:
        return found
    month = month_number((dates[-1]["month"] or dates[-1]["month2"])[:3])
    now = month_code(int(found.month[:4]) + (month < int(found.month[5:7])), month)
    return Dating(found.month, found.period, found.stated, now) if now == shift_month(found.month, 1) else found


def yearless_dateline_date(text: str, body: str) -> str | None:
    """The date of a news dateline that names no year ("PARIS, Nov 1 (Wire) -") in the one year the first statements
    give a year-to-date toll of ("2022 had so far seen 1,263 civilian deaths"): the year of the report month, so the
    next year's for a dateline in January (December's report comes out then); else None."""
    dateline = regex("YearlessDateline").search(text[:PUBLICATION_WINDOW])
    if dateline is None:
        return copyright_dated(text) if not regex("YearToDateYear").search(body[:FIRST_STATEMENTS]) else None
    years = {int(year) for match in regex("YearToDateYear").finditer(body[:FIRST_STATEMENTS])
             for year in match.groups() if year}
    if not years:
        return copyright_dated(text, dateline)
    if len(years) != 1:
        return None
    month = month_number(dateline["month"])
    return date_of({"year": str(years.pop() + (month == 1)), "month": str(month), "day": dateline["day"]})


def copyright_dated(text: str, dateline: re.Match[str] | None = None) -> str | None:
    """The date of a news page whose dateline names no year ("IDLIB, June 1 (ST) -", or "Sunday, 1 November" on its
    own line) in the one year of its copyright line ("Copyright © 2015 Gulf Evening Post"): the year the page was
    published in, the chrome's only year (fx139a: such texts were refused). Only where the dateline names its weekday
    and that date falls on it: a live site's copyright line gives the year the page was copied in, which may be years
    after the story; with no weekday to agree, the text stays undated (None) rather than filed under that year."""
    head = text[:PUBLICATION_WINDOW]
    if dateline is None:
        dateline = next((m for pattern in regexes("YearlessWeekdayDate") for m in [pattern.search(head)] if m), None)
    years = {match["year"] for match in regex("CopyrightYear").finditer(text)}
    if dateline is None or len(years) != 1:
        return None
    found = date_of({"year": years.pop(), "month": str(month_number(dateline["month"])), "day": dateline["day"]})
    weekday = dateline.groupdict().get("weekday")
    if found is None or not weekday or WEEKDAYS[date.fromisoformat(found).weekday()] != weekday:
        return None
    return found


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def permalink_month(text: str) -> str | None:
    """The first day of the month a page's address gives ("levantdispatch.com/news/2014/07/syria-rights-group-..."),
    in a text that gives no other date: the month the copy was published in (a monthly report's story then covers
    the month before); else None."""
    found = regex("PermalinkMonth").search(text[:PUBLICATION_WINDOW])
    return date_of({"year": found["year"], "month": found["month"]}) if found else None


def fits_month_first(found: Dating, month_first: str | None) -> bool:
    """Whether a month the text names with its year ("in July 2019"), after a publication date in digits read day
    first ("08/01/2019": 8 January), is the month just before or of its month-first reading (August 1): the text's
    own month decides the reading, as a dateline in words does."""
    return month_first is not None and found.stated \
        and 0 <= month_index(month_first[:7]) - month_index(found.month) <= 1


def contradicts_day_first(found: Dating, body: str, month_first: str | None, published: str | None) -> bool:
    """Whether a month the text names without its year ("in March") is far before a publication date read day
    first (4 February) but just before its month-first reading (April 2): the text contradicts the convention."""
    if month_first is None or published is None or not found.stated:
        return False
    other = body_dating(body, month_first)
    return (other is not None and month_index(published[:7]) - month_index(found.month) > 1
            and 0 <= month_index(month_first[:7]) - month_index(other.month) <= 1)


def issue_dating(title: str, body: str, published: str | None) -> Dating | None:
    """The month of the report a newsletter or digest summarises, when its title gives only its own issue's month and
    no count ("Syria Justice Brief | Issue 42 | July 2019") and a list of counts is introduced by an earlier month
    ("Its key findings for June 2019:"), or, under a title with its issue number, the first statements date an earlier
    period ("in the first half of 2019"): the month the figures cover, never the issue's; else None."""
    issue = title_month(title)
    if issue is None or has_count(title):
        return None
    intro = regex("ListIntroMonth").search(body[:FIRST_STATEMENTS])
    if intro is not None:
        month = month_code(int(intro.group("year")), month_number(intro.group("month")))
        return Dating(month, month) if month < issue else None
    named = regex("IssueNumber").search(title) or regex("IssueTitle").search(title)
    stated = body_dating(body, published) if named else None
    return stated if stated is not None and stated.stated and stated.month < issue else None


def without_issue_masthead(title: str) -> str:
    """``title`` without a newsletter's masthead run on before the headline it carries ("SNHR Newsletter | January 2021
    1,734 Civilians Killed in Syria in 2020, ..."): the issue's month dates no figure of the headline."""
    masthead = regex("IssueMasthead").match(title)
    return title[masthead.end():] if masthead and has_count(title[masthead.end():]) else title


def issue_month(body: str) -> str | None:
    """The month of a newsletter's issue named at the head of the body ("Issue No. 11 – November 2016"), else None."""
    line = regex("IssueLine").search(body[:ISSUE_LINE_WINDOW])
    return month_code(int(line.group("year")), month_number(line.group("month"))) if line else None


def title_dating(title: str) -> Dating | None:
    month = title_month(title)
    if month is None:
        return None
    span = title_span(title)
    if span and span.endswith(month):  # "... Killed in Syria from March 2020 to March 2021": a special report
        return Dating(month, span)
    if regex("TitleMonth").search(title):
        return Dating(month, month)
    half = regex("TitleHalfYear").search(title)
    if half and month.endswith(("-06", "-12")) and month[:4] == (half.group("year") or half.group("pos_year")):
        return Dating(month, f"{month[:4]}-{'01' if month.endswith('-06') else '07'}/{month}")
    if months_to_date := title_months_to_date(title, month):
        return Dating(month, months_to_date)
    if regex("TitleQuarter").search(title):
        return Dating(month, f"{shift_month(month, -2)}/{month}")
    if month.endswith("-12") and is_year_title(title):
        return Dating(month, month[:4])  # an annual report
    return Dating(month, month)


def title_months_to_date(title: str, month: str) -> str | None:
    """The months of a year to date a title heads with ("1,426 Civilians Killed in Syria in the First Nine Months of
    2020, 139 of Them in September": 2020-01/2020-09), ending at the title's month; never when a month it names alone
    comes first ("139 Civilians Killed in September, 1,426 in the First Nine Months of 2020": the month's release)."""
    found, bare = regex("TitleFirstMonths").search(title), regex("TitleBareMonth").search(title)
    if found is None or (bare is not None and bare.start() < found.start()):
        return None
    span = months_of_year(int(found.group("year")), "first", found.group("count"))
    return span if span and "/" in span and span.endswith(month) else None


def is_year_title(title: str) -> bool:
    """Whether a title naming a year, and no month with its year, heads with the year's count: it names no month
    alone, or names the year first after a count of its own ("3,541 Civilians Killed in Syria in 2022, ..., and 241
    Civilians in December": an annual report, December's count a part of it). A cut title whose first count is the
    month's ("... in 2019, with 267 Civilians Killed in December") is the month's."""
    year, bare = regex("TitleYear").search(title), regex("TitleBareMonth").search(title)
    return bare is None or (year is not None and year.start() < bare.start() and has_count(title[:year.start()]))


def title_span(title: str) -> str | None:
    """The span of months a title names ("from March 2020 to March 2021", "January-June 2022"), when it names no month
    outside it."""
    for pattern in (regex("PeriodCrossYearRange"), regex("PeriodMonthRange"), *regexes("PeriodMonthSpan")):
        found = pattern.search(title)
        if found and (found.groupdict().get("year") or found.groupdict().get("year1")):
            outside = title[:found.start()] + title[found.end():]
            return None if regex("TitleMonth").search(outside) else month_range(found.groupdict())
    return None


def body_dating(body: str, published: str | None, title: str = "") -> Dating | None:
    """The dating the first statements of the body give, reading them in order. A text that says "last month"
    against its publication date in a title naming no month or in its first sentences ("Rights group: 187 civilians killed in Syria last
    month") covers the month before it: a month it names without a year other than that one ("In February the group
    had documented ...") is a month compared with. A headline with a count naming a month without its year ("197
    civilians killed by violence in February") is read before the first statements."""
    statements = statements_with_counts(body[:FIRST_STATEMENTS], describing=True)
    # a text dated against its publication date that says "last month" counts back from that date
    says = says_last_month(body, statements) or headline_says_last_month(title)
    now = published[:7] if published and says else None
    # a headline with its count and a month without its year ("197 civilians killed in February") reads first
    # (not when the title says "last month", nor when a first statement names its month with its year)
    headline = [title] if published and regex("HeadlineCountMonth").search(title) \
        and not regex("StatedLastMonth").search(title) \
        and not any(regex("StatedMonthYear").search(s) for s in statements) else []
    for sentence in [*headline, *statements]:
        dating = sentence_dating(sentence, published, now)
        if dating is not None and published and dating.period == dating.month[:4] and dating.month > published[:7]:
            continue  # "481 of them in 2020" published in November 2020: the year so far, no month of its own
        if dating is not None and not is_compared_month(dating):
            return with_last_month(latest_whole_month(dating, statements, published, now), statements, published)
    if now is not None:
        return Dating(shift_month(now, -1), shift_month(now, -1), now=now)
    return None


def latest_whole_month(dating: Dating, statements: list[str], published: str | None, now: str | None) -> Dating:
    """The latest whole month (before the publication date's) that the first statements date their counts by, when
    the first dates them by a month: a digest stating its months in turn ("In January, ... 1,012 civilians. In
    February, ... 1,125. In March, ... 1,483", published 4 April) covers the last of them, never the first."""
    if published is None or dating.period != dating.month:
        return dating
    months = [later for later in (sentence_dating(s, published, now) for s in statements)
              if later is not None and later.period == later.month and not is_compared_month(later)
              and dating.month < later.month < published[:7]]
    return max(months, key=lambda later: later.month, default=dating)


def headline_says_last_month(title: str) -> bool:
    """Whether a title dates its figures by "last month" alone (it names no month): "Rights group: 187 civilians killed
    in Syria last month"."""
    names_month = regex("TitleMonth").search(title) or regex("StatedMonth").search(title)  # not a byline's date
    return bool(regex("StatedLastMonth").search(title)) and not names_month


def says_last_month(body: str, statements: list[str]) -> bool:
    """Whether the first sentences of the body, or its first statements with counts, say "last month"."""
    first = [sentence for _, sentence in split_sentences(" ".join(body[:FIRST_STATEMENTS].split()))[:3]]
    return any(regex("StatedLastMonth").search(s) for s in [*first, *statements[:3]])


def is_compared_month(dating: Dating) -> bool:
    """A month named without its year, in a text whose "last month" is another month."""
    return dating.now is not None and dating.month != shift_month(dating.now, -1)


def with_last_month(dating: Dating, statements: list[str], published: str | None) -> Dating:
    """A text without a title that states its month ("in April 2018") and, later, "last month", with no publication
    date: its "last month" counts back from no date the text gives (left out with a warning, never guessed). With a
    publication date, ``Source.periods`` decides (the report month or the publication date: no period)."""
    if dating.now is not None or published is not None or not any(regex("StatedLastMonth").search(s) for s in statements):
        return dating
    return Dating(dating.month, dating.period, dating.stated, UNDATED)


def is_others_statement(sentence: str) -> bool:
    """Whether another body makes the statement ("A United Nations report in June estimated that ..."), SNHR unnamed."""
    return bool(regex("OthersStatement").search(sentence)) and not regex("OwnStatement").search(sentence)


def sentence_dating(sentence: str, published: str | None, now: str | None = None) -> Dating | None:
    if is_others_statement(sentence):
        return None  # its months are no month the text covers
    sentence = without_compared_clause(without_conflict_start(sentence))
    across = span_over_year_end(sentence)
    if across is not None:
        return Dating(across[-7:], across)
    stated = regex("StatedMonthYear").search(sentence)
    if stated:
        month = month_code(int(stated.group("year")), month_number(stated.group("month")))
        return Dating(month, month)
    half = regex("StatedHalfYear").search(sentence)
    if half:
        year, first = half.group("year"), half.group("half").lower() == "first"
        return Dating(f"{year}-{'06' if first else '12'}", f"{year}-01/{year}-06" if first else f"{year}-07/{year}-12")
    span = regex("PeriodMonthRange").search(sentence)
    if span and span.group("year") and (half := month_range(span.groupdict())) in half_years(span.group("year")):
        # "between the beginning of January and the end of June 2022": a half-year's statement (round 118c: its news
        # story, headlined "in first half of the year", had been dated by a 2021 half-year it compared with)
        return Dating(half[-7:], half)
    if published and regex("StatedHalfYearReport").search(sentence):
        return half_year_before(published, now)
    quarter = regex("StatedQuarter").search(sentence)
    if quarter:
        last = 3 * ["first", "second", "third", "fourth"].index(quarter.group("quarter").lower()) + 3
        year = quarter.group("year")
        return Dating(f"{year}-{last:02d}", f"{year}-{last - 2:02d}/{year}-{last:02d}")
    to_month = year_to_named_month(sentence)
    if to_month and to_month in half_years(to_month[:4]):
        # "since the beginning of 2020 and until the end of June": a half-year's statement (a monthly release's running
        # total "since the beginning of 2021 until the end of May" dates no release: its month's statements do)
        return Dating(to_month[-7:], to_month)
    year = regex("StatedYear").search(sentence)
    named = regex("StatedMonth").search(sentence) or regex("StatedLastNamedMonth").search(sentence) \
        or (None if has_count(sentence) else regex("ReportOfNamedMonth").search(sentence))
    if named is not None and named.groupdict().get("year"):  # "released its June 2019 report"
        code = month_code(int(named.group("year")), month_number(named.group("month")))
        return Dating(code, code)
    if year and not month_count_before_its_year(sentence, year, named, published):
        return Dating(f"{year.group('year')}-12", year.group("year"))
    if published is None:
        return None
    if named:
        month = month_number(named.group("month"))
        code = month_code(year_of_month(month, published[:7]), month)
        return Dating(code, code, now=now)
    if regex("StatedLastMonth").search(sentence):
        code = shift_month(published[:7], -1)
        return Dating(code, code, now=published[:7])
    if regex("StatedLastYear").search(sentence):
        year = str(int(published[:4]) - 1)
        return Dating(f"{year}-12", year)
    return None


def month_count_before_its_year(sentence: str, year: re.Match[str], named: re.Match[str] | None,
                                published: str | None) -> bool:
    """Whether ``sentence`` states a count of a month named without its year before the year's ("93 civilians killed in
    December, and 1,057 during the year 2022", published in January 2023; fx149c: the whole release had been dated by
    the year, its month's statements filed under 2022), the month one of that year: the month's statement dates the
    text, the year's count is a second one. So does "last month" ("284 civilians killed last month, 3,371 in 2019",
    published in January 2020; fx153cd)."""
    last = regex("StatedLastMonth").search(sentence)
    if named is None and last is not None and published is not None and last.start() < year.start() \
            and has_count(sentence[:last.start()]):
        return shift_month(published[:7], -1)[:4] == year.group("year")
    if named is None or published is None or named.start() > year.start() or not has_count(sentence[:named.start()]):
        return False
    month = month_number(named.group("month"))
    return str(year_of_month(month, published[:7])) == year.group("year")


# a report month after any a text can name: the periods of a sentence resolved against it take no year from the report
# (span_over_year_end then asks both years of a span to be written out)
_AFTER_ANY_REPORT = "2100-12"


def span_over_year_end(sentence: str) -> str | None:
    """The span of months from one year into a later one that a statement dates its first count by, its first period
    phrase ("from the beginning of April 2019 until the end of February 2020, it documented the killing of 4,396
    civilians": 2019-04/2020-02; round 135c): the release covers that span, and its statements naming no period are of
    it, never of its last month alone. No year to date is such a span (a running total starts in January of its
    year), so a monthly release's running total never dates it; else None."""
    if not has_count(sentence) or not regex("SpanReleaseDeathWord").search(sentence):
        return None  # (never a count of others: "940,000 people were displaced between December 2019 and March 2020")
    mentions = [m for m in find_periods(sentence, _AFTER_ANY_REPORT) if m.kind != "point"]  # a dateline's day: no period
    first = mentions[0] if mentions else None
    if first is None or first.kind != "range" or not first.period or "/" not in first.period:
        return None
    start, end = first.period.split("/")
    words = sentence[first.start:first.end]  # both years written out: "from December to February" dates nothing here
    return first.period if len(start) == len(end) == 7 and start[:4] < end[:4] \
        and start[:4] in words and end[:4] in words else None


def year_to_named_month(sentence: str) -> str | None:
    """The months a statement's year to date names its year and its end month of ("1,786 civilians since the beginning
    of 2020 and until the end of June": 2020-01/2020-06), when the sentence names no month of its own outside it ("150
    civilians in June and 1,786 since the beginning of 2020 until the end of June" is June's); else None."""
    found = regex("PeriodYearToDate").search(sentence)
    if found is None or not found.group("end_month") or not (found.group("year") or found.group("year2")):
        return None
    year = int(found.group("year") or found.group("year2"))
    if found.group("end_year") and int(found.group("end_year")) != year:
        return None
    outside = sentence[:found.start()] + " " + sentence[found.end():]
    if regex("StatedMonth").search(outside) or regex("StatedMonthYear").search(outside):
        return None
    month = month_code(year, month_number(found.group("end_month")))
    return f"{year}-01/{month}" if not month.endswith("-01") else month


def half_years(year: str) -> tuple[str, str]:
    return f"{year}-01/{year}-06", f"{year}-07/{year}-12"


def half_year_before(published: str, now: str | None) -> Dating | None:
    """The half-year that ended in the two months before ``published`` (a half-year report comes out in the first days
    after it), or None."""
    back = {"01": 1, "02": 2, "07": 1, "08": 2}.get(published[5:7])
    if back is None:
        return None
    last = shift_month(published[:7], -back)
    return Dating(last, f"{last[:4]}-{'01' if last.endswith('-06') else '07'}/{last}", now=now)


def without_conflict_start(sentence: str) -> str:
    """``sentence`` without the start of the conflict it names ("the bloodiest month since the uprising erupted in
    March 2011"), or the month the network was founded ("founded in June 2011"): a moment a toll counts from or a
    background date, never the month the text covers."""
    return regex("BackgroundMonth").sub(lambda match: " " * len(match.group(0)), sentence)


def without_compared_clause(sentence: str) -> str:
    """``sentence`` without the clauses comparing its toll with another period's ("far higher than in March 2017, when
    ..."): a period compared with, never the month the text covers."""
    return regex("ComparedClause").sub(lambda match: " " * len(match.group(0)), sentence)


def guessed_dating(text: str, published: str | None) -> Dating | None:
    """The publication date's month (the month before, in its first five days); else the month stated most, never the
    start of the conflict ("killed since the war began in March 2011": a background date, no month a text covers)."""
    if published:
        month = shift_month(published[:7], -1) if int(published[8:10]) <= 5 else published[:7]
        return Dating(month, month, stated=False)
    covered = regex("CoveredMonth").search(text)
    if covered:
        month = month_code(int(covered.group("year")), month_number(covered.group("month")))
        return Dating(month, month, stated=False)
    counted = Counter(month_code(int(m.group("year")), month_number(m.group("month")))
                      for sentence in statements_with_counts(text) if not is_others_statement(sentence)
                      for m in regex("TitleMonth").finditer(without_conflict_start(sentence)))
    if not counted:
        return None
    month = max(counted, key=lambda code: (counted[code], code))
    return Dating(month, month, stated=False)
