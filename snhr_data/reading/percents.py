"""Percents and what each is a share of: a victim group ("children accounted for 25 percent"), a governorate
("Aleppo with 20 percent"), a party ("were responsible for 42 percent"), a month of the year ("November's
share"), read from the words before and after it. Patterns: ``vocab/percents.yaml``."""
from __future__ import annotations

from dataclasses import dataclass

from ..codes import combined_members
from ..grammar import regex
from ..numbers import NumberMention, find_numbers
from ..vocab import LabelMention, find_governorates, find_parties
from .agents import is_backward
from .governorates import is_ranking_of_another_period
from .heads import qualifier_of
from .model import NO_PERIOD, UNMAPPED, Context, Figure, Sentence, Source
from .parties import each_party_of
from .text import quote_around


@dataclass(frozen=True)
class Share:
    share_of: str  # victim_group | governorate | perpetrator | period
    subjects: tuple[str, ...]  # governorates or periods
    party: str
    victim: str


@dataclass(frozen=True)
class Stated:
    """The last percent read in a sentence: the next one may share its subject."""

    share: Share
    period: str


@dataclass(frozen=True)
class Percents:
    figures: tuple[Figure, ...]
    period: str | None  # the period the sentence's percents speak of, for the sentences that follow


def read_percents(sentence: Sentence, block: Context, section: Context, heads_parties: tuple[str, ...],
                  heads_measure: str | None, counted: frozenset[str] = frozenset()) -> Percents:
    """Every percent of ``sentence`` with what it is a share of; ``heads_*``: the last count's parties and measure;
    ``counted``: the parties of all its counts."""
    text = sentence.text
    percents = [m for m in find_numbers(text) if regex("PercentAfter").match(text[m.end:])]
    figures: list[Figure] = []
    previous_end, previous, block_period = 0, None, None
    respective = respective_shares(text, percents, sentence.source.report)
    for mention in percents:
        pre = text[previous_end:mention.start]
        nxt = next((p.start for p in percents if p.start > mention.start), len(text))
        post = text[mention.end:nxt]
        share = respective.get(mention.start) or \
            percent_subject(pre, post, text[:mention.start], sentence.source, block, heads_parties, previous, counted)
        previous_end = mention.end + regex("PercentAfter").match(text[mention.end:]).end()
        if share is None or regex("UpperBoundBefore").search(text[:mention.start]):
            continue  # (an upper bound, "less than 3 percent", is no share)
        measure = percent_measure(text, post, section, heads_measure, text[:mention.start])
        if share.share_of == "period":
            period_list, govs = list(share.subjects), ["all"]
        else:
            period_list = [percent_period(sentence, mention, nxt, previous, block, section)]
            if period_list[0] is None:
                continue
            govs = list(share.subjects) if share.share_of == "governorate" else ["all"]
        quote = quote_around(text, mention.start, mention.end)
        for period in period_list:
            for gov in govs:
                figures.append(sentence.figure(period, measure, share.victim, share.party, gov, "percent", share.share_of,
                                               mention.value, qualifier_of(pre), sentence.line_at(mention.start), quote, ""))
        previous = Stated(share, period_list[0])
        if share.share_of != "period":
            block_period = period_list[0]
    return Percents(tuple(figures), block_period)


def respective_shares(text: str, percents: list[NumberMention], report: str) -> dict[int, Share]:
    """The shares of a run of percents stated "respectively" after as many governorates, or as many parties, listed
    before them ("Idlib and Daraa recorded the highest tolls, 24% and 22% of all victims respectively"): each its own
    subject's, in order; by the start of each percent. A list of another length, or of both places and parties, gives
    none (each percent is then read alone)."""
    runs: list[list[NumberMention]] = []
    for mention in percents:
        if runs:
            last = runs[-1][-1]
            gap = text[last.end + regex("PercentAfter").match(text[last.end:]).end():mention.start]
            if regex("PercentRunJoin").fullmatch(gap):
                runs[-1].append(mention)
                continue
        runs.append([mention])
    shares: dict[int, Share] = {}
    for run in runs:
        end = run[-1].end + regex("PercentAfter").match(text[run[-1].end:]).end()
        if len(run) < 2 or not regex("RespectiveSharesAfter").match(text[end:]):
            continue
        clause = regex("RespectiveSubjectsClause").search(text[:run[0].start]).group(0)
        govs = find_governorates(clause)
        parties = [m for m in find_parties(clause, report) if m.code != "all"]
        # (a combined label joining two parties' names, "Syrian regime forces and Russian forces", is each of them)
        codes = [code for m in parties for code in each_party_of(m)]
        if len(govs) == len(run) and not parties and all(
                regex("GovernorateListJoin").fullmatch(clause[a.end:b.start]) for a, b in zip(govs, govs[1:])):
            shares.update({m.start: Share("governorate", (g.code,), "all", "all") for m, g in zip(run, govs)})
        elif len(codes) == len(run) and not govs and all(
                regex("PartyListJoin").fullmatch(clause[a.end:b.start]) for a, b in zip(parties, parties[1:])):
            shares.update({m.start: Share("perpetrator", (), code, "all") for m, code in zip(run, codes)})
    return shares


def percent_period(sentence: Sentence, mention: NumberMention, nxt: int, previous: Stated | None,
                   block: Context, section: Context) -> str | None:
    """The period a percent speaks of: a phrase after it (not one of a part of its deaths, "most of them in
    March"), else before it, else the percent before's; None for a phrase that may mean either of two months."""
    usable = [p for p in sentence.periods if p.period or p.kind in {"ambiguous", "unreadable"}]
    # "73% of these deaths, most of them in February and March": the period of a part of the deaths, not the share's;
    # "61% of deaths, killing 190 civilians, 42 more than in April": the period compared with (session 41); "72% of the
    # total, a share that has not fallen below two-thirds since ... September 2015": the share's history's (fx167ab)
    post_periods = [p for p in usable if mention.end <= p.start < nxt
                    and not regex("PartialBefore").search(sentence.text[mention.end:p.start])
                    and not regex("ComparedWith").search(sentence.text[mention.end:p.start])
                    and not regex("ShareHistoryClause").search(sentence.text[mention.end:p.start])]
    pre_periods = [p for p in usable if p.end <= mention.start]
    if post_periods:
        return post_periods[0].period
    if pre_periods:
        return pre_periods[-1].period
    if previous is not None:
        return previous.period
    if is_ranking_of_another_period(sentence.text, block, section, sentence.source):
        return None  # "Suwayda saw the highest toll, with 29 victims (about 30%)" after a year-so-far total: which
        # period the ranking's count and its share are of, the text does not say (reading/sentence.py warns)
    period = block.period or section.period or sentence.source.period
    return None if period == NO_PERIOD else period


def percent_subject(pre: str, post: str, before_all: str, source: Source, block: Context,
                    heads_parties: tuple[str, ...], previous: Stated | None,
                    counted: frozenset[str] = frozenset()) -> Share | None:
    """What a percent is a share of, from the words before it (and after it, for a denominator)."""
    if regex("PercentChangeBefore").search(pre) or regex("PercentChangeAfter").match(post):
        return None  # "a decrease of about 37 percent", "180 percent over September's": a change, no share
    if regex("OfNoDeathsAfter").match(post) or regex("ControlShareBefore").search(pre):
        return None  # "control more than 60 percent of the city": a share of a place, not of the deaths
    report = source.report
    parties = lambda text: find_parties(text, report)  # noqa: E731
    group = regex("VictimGroupShare").search(pre)
    if not group and previous is not None and previous.share.share_of == "victim_group":  # "..., and women 14 percent"
        group = regex("NextVictimGroupShare").search(pre)
    if group:
        if any(is_backward(post, m) for m in parties(post[:80])):
            return None  # "62 percent of those killed by Russian forces": a share of one party's victims
        victim = {"children": "children", "women": "women"}.get(group.group(1).lower(), "children_and_women")
        return Share("victim_group", (), "all", victim)
    named_after = regex("VictimGroupAfterShare").match(post)
    if named_after:  # "that is 19% children and 13% women"; of one party's victims ("X killed 40, 20% women"): none
        return None if any(m.code != "all" for m in parties(before_all)) else \
            Share("victim_group", (), "all", named_after.group(1).lower())
    located = regex("LocatedShare").match(post)
    if located and find_governorates(located.group("list")):
        named = find_governorates(located.group("list"))
        named_parties = [m for m in parties(pre) if m.code != "all"]
        if len(named) == 1:  # (the party of the share before, "... and 71 (24%) in Idlib")
            party = named_parties[-1].code if named_parties else \
                previous.share.party if previous is not None and previous.share.share_of == "governorate" else "all"
            return Share("governorate", (named[0].code,), party, "all")
    governorate_share = governorate_subject(pre, post, before_all, report, previous)
    if governorate_share is not False:
        return governorate_share
    attributed = attributed_share(pre, post, report)
    if attributed is not None:
        return attributed
    # (never a party of an aside on the subject: "The coalition, which backed the SDF ..., killed 1,759 civilians, or
    # 17.2 percent": the coalition's share; fx124b; nor a category's members named in an aside: "Other parties, a
    # category that covers landmines ... and Turkish forces, were responsible for ... 57%"; fx124d)
    asides = countless_asides(pre) + [(a.start(), a.end()) for a in regex("CategoryMembersAside").finditer(pre)]
    pre_parties = [m for m in parties(pre) if m.code != "all" and not regex("PartialBefore").search(pre[:m.start])
                   and not any(a <= m.start < b for a, b in asides)
                   and (not regex("ToPartyBefore").search(pre[:m.start])
                        or regex("CountAttributedToBefore").search(pre[:m.start])
                        and regex("ShareApposedGap").fullmatch(pre[m.end:]))]
    if pre_parties and joint_share(pre, pre_parties[-1]):
        return None  # "Assad and Russia behind 80% of civilian deaths": two subjects' share, not the last one's
    if pre_parties and regex("ThereCountShareBefore").search(pre):
        return None  # "X killed 705 civilians there, 71% of all their victims": X's share in an unnamed place
    if pre_parties:
        of_group = regex("OfChildrenOrWomen").match(post)
        return Share("perpetrator", (), share_party(pre_parties[-1], counted),
                     of_group.group(1).lower() if of_group else "all")
    if not pre_parties and previous is None and regex("JointShareAnaphorOpening").match(before_all):
        # "X killed 9,104 and Y 3,869. Together, the two caused nearly 79 percent of all civilian deaths": the share of
        # the combined party whose members are exactly the parties the sentence before counted, else of no one column
        code = combined_of(block)
        return Share("perpetrator", (), code, "all") if code else None
    if not pre_parties and block.alliance and regex("AllianceShareAnaphorOpening").match(before_all):
        # "... by the Syrian-Russian alliance. The alliance is thus responsible for 68% of all civilian deaths": the share
        # of the alliance named before (round 128a)
        return Share("perpetrator", (), block.alliance, "all")
    # "In June 2024, ... 86 civilians, ..., about 15 percent of the civilian deaths of the first half of the year": the
    # month's share of a wider period, though the month is the sentence's ("in June") rather than the percent's subject
    wider = bool(regex("OfWiderPeriodDeaths").match(post))
    months = [p for p in source.periods(pre)
              if p.kind == "month" and p.period and (wider or not regex("InMonthBefore").search(pre[:p.start]))]
    if wider:  # the month named twice ("... in June, ..., June's toll represents 16.6% of ...") is one subject
        months = list({m.period: m for m in months}.values())
    if months:
        if len(months) > 1 and not regex("EachWord").search(pre + post[:25]):
            return None
        return Share("period", tuple(m.period for m in months), "all", "all")
    if previous is not None and not pre.strip(" ,") == "" and previous.share.share_of == "perpetrator":
        return None
    after_parties = [m for m in parties(post) if m.code != "all" and is_backward(post, m)]
    agent = regex("CountShareAgentAfter").match(post) if regex("CountShareBefore").search(pre) else None
    if agent and after_parties and regex("PartyLabelLead").fullmatch(post[agent.end():after_parties[0].start]):
        return Share("perpetrator", (), after_parties[0].code, "all")  # "1,646 civilians (48%), ..., killed by X"
    if after_parties and regex("BarePrefix").fullmatch(pre) and not regex("GovernorateMention").search(post):
        return Share("perpetrator", (), after_parties[0].code, "all")  # "Nearly 40 percent of the victims were killed by X"
    if regex("ThatShare").search(pre):
        party = block.party or (heads_parties[0] if heads_parties else None)
        if party and party not in ("all", UNMAPPED):
            return Share("perpetrator", (), party, "all")
    return None


def countless_asides(text: str) -> list[tuple[int, int]]:
    """Where the relative asides of ``text`` that hold no number lie ("The coalition, which backed the SDF ..., killed"):
    what they name is not the share's subject; an aside holding a count is a clause of its own."""
    return [(m.start(), m.end()) for m in regex("RelativeApposition").finditer(text)
            if not any(ch.isdigit() for ch in m.group(0))]


def combined_of(block: Context) -> str | None:
    """The combined party (``syrian_regime_and_russia``) whose members are exactly the parties of the counts of the
    block's last sentence with counts, else None."""
    parties = {party for count in block.last_counts for party in count.parties if party != "all"}
    return next((code for code, members in combined_members().items() if set(members) == parties), None)


def share_party(mention: LabelMention, counted: frozenset[str]) -> str:
    """The party of a share after ``mention``: the combined group where the label (from 2018 HTS's, "Extremist Islamic
    groups") gave a count of the sentence (``counted``: its counts' parties) to the combined group, being broken down
    after it ("Extremist Islamic groups killed 233 civilians (6.9%): ISIS killed 171, ..."; round 117d), else the
    label's own."""
    if mention.code == "hts" and "extremist_islamic_groups" in counted and regex("CombinedLabel").search(mention.text):
        return "extremist_islamic_groups"
    return mention.code


def joint_share(pre: str, party) -> bool:
    """Whether ``party`` (named in ``pre``, before the percent) is the last of two subjects joined by "and" (or "+")
    that the percent is the share of ("Assad and Russia behind 80%", "regime + Russia = 82%"), and not one party named
    across the "and"."""
    joint = regex("JointShareSubjectBefore").search(pre)
    return bool(joint) and any(joint.start(name) <= party.start < joint.end(name)
                               for name in ("last", "last2", "last3") if joint.group(name) is not None)


def attributed_share(pre: str, post: str, report: str) -> Share | None:
    """ "attributes 24% of the half-year's deaths to Syrian regime forces": the share of the party after "to"; so "attributes
    591 civilian deaths (18.3%), including ..., to X": the share of the count in brackets, X's."""
    bracketed = regex("BracketedShareTo").match(post) if regex("CountAttributedBracketBefore").search(pre) else None
    to = bracketed or regex("AttributedShareTo").match(post)
    if not to or not (bracketed or regex("AttributedShareBefore").search(pre)) \
            or not bracketed and regex("ChildrenOrWomenWord").search(to.group(0)):
        return None  # "attributes 30% of children's deaths to X": a share of one group's deaths, no column holds it
    named = find_parties(post[to.end():], report)
    if not named or named[0].start != 0 or named[0].code == "all":
        return None
    return Share("perpetrator", (), named[0].code, "all")


def governorate_subject(pre: str, post: str, before_all: str, report: str, previous: Stated | None):
    """A governorate's share ("Aleppo with 20 percent"), None when ambiguous, False when no governorate is named."""
    followed = list(regex("FollowedBy").finditer(pre))
    subject_text = pre[followed[-1].end():] if followed else pre
    # (never a place of an aside on the subject: "The coalition, which backed the SDF in its offensive on Raqqa, killed
    # 1,759 civilians, or 17.2 percent": the party's share, not Raqqa's; fx124b); an aside holding a count is a clause
    # of its own ("Idlib, where ...: Idlib governorate recorded 49 civilian deaths, about 43 percent")
    subject_asides = countless_asides(subject_text)
    # (nor a place inside a party's name: "The forces of the regime of Damascus are responsible for 38 of these deaths,
    # that is 26.6 % of the total": the regime's share, not Damascus's; fx157ac)
    named_parties = [(m.start, m.end) for m in find_parties(subject_text, report) if m.code != "all"]
    govs = [m for m in find_governorates(subject_text) if not regex("CityAfter").match(subject_text[m.end:])
            and not any(a <= m.start < b for a, b in subject_asides)
            and not any(a <= m.start < b for a, b in named_parties)]
    if not govs:
        return False
    if len(govs) > 1 and (regex("JointShare").search(pre) or not regex("EachWord").search(pre + post[:25])):
        return None
    # (not a party of an apposition of the place: "Hama province, target of a Russian campaign since May, accounted
    # for 38 percent"; round 92c)
    asides = [(m.start(), m.end()) for m in regex("RelativeApposition").finditer(before_all)]
    denominator = regex("OfAllDeaths").match(post)
    # (nor a party of a clause before the place's own, the share of all the victims: "Syrian regime forces killed 431 of
    # these civilians, and Aleppo governorate accounts for 24% of the victims of the year so far"; round 135c)
    # ... nor, for a place ranked after one ("..., and Idlib ... with 24% of victims then Daraa with 19% and Aleppo
    # 18%"; session 34), a party of a clause before the place's own: the places after it share the first one's party
    ranked_after = previous is not None and previous.share.share_of == "governorate"
    place_at = len(before_all) - len(subject_text) + govs[0].start
    boundary = max((m.end() for m in regex("PlaceClauseBoundary").finditer(before_all) if m.end() <= place_at),
                   default=0) if denominator or ranked_after else 0
    sentence_parties = [m for m in find_parties(before_all, report)
                        if m.code != "all" and not regex("PartialBefore").search(before_all[:m.start])
                        and not any(a <= m.start < b for a, b in asides) and m.start >= boundary]
    # "... with 63% of the victims, the vast majority of whom were killed by X": X killed a part, the share is of all
    # ... but "with 42% of the victims of X": a share of X's victims
    after = [m for m in find_parties(post[:90], report) if m.code != "all"
             and (is_backward(post, m) or regex("VictimsOfAPartyBefore").match(post[:m.start]))
             and not regex("PartialBefore").search(post[:m.start])] if denominator else []
    if sentence_parties:
        party = sentence_parties[-1].code
    elif after:
        party = after[0].code
    elif previous is not None and previous.share.share_of == "governorate":
        party = previous.share.party
    else:
        party = "all"
    return Share("governorate", tuple(m.code for m in govs), party, "all")


def is_civilians_share_in_own_clause(before: str, post: str) -> bool:
    """Whether a percent stands in a clause of its own after an earlier one ("..., and Idlib was the governorate that lost
    the most civilians with 24% of victims"), that clause naming civilians before it and torture nowhere: a share of
    the civilian deaths, whatever the clauses before it count."""
    boundaries = [m.end() for m in regex("PlaceClauseBoundary").finditer(before)]
    if not boundaries:
        return False
    clause = before[boundaries[-1]:]
    return bool(regex("CiviliansNamed").search(clause)) and not regex("TortureWord").search(clause + post)


def percent_measure(text: str, post: str, section: Context, heads_measure: str | None, before: str = "") -> str:
    """What a percent is a share of: civilian deaths when its denominator says so ("52% of the civilian victims", in a
    title that also counts deaths under torture, or "of the victims" after the civilian toll that opens the sentence or
    after "killed", ``before`` the words before the percent), deaths under torture, what its denominator names, or
    civilian deaths."""
    if section.measure != "torture_deaths" and (regex("OfCivilianDeaths").match(post) or (
            regex("OfTheVictims").match(post) and (regex("CivilianTollOpening").match(text)
                                                   or regex("KilledShareBefore").search(before)))):
        return "civilian_deaths"
    if regex("PlaceHighestCivilianToll").match(text) and not regex("TortureWord").search(text):
        return "civilian_deaths"  # "Aleppo ... suffered the highest toll of the year with 6,089 civilians, or 36% of all
        # victims", under a heading of torture deaths: the places' civilian toll (round 89d)
    if section.measure != "torture_deaths" and is_civilians_share_in_own_clause(before, post):
        return "civilian_deaths"  # "..., and the Syrian Democratic Forces on one [torture victim], and Idlib was the
        # governorate that lost the most civilians with 24% of victims" (session 34: a torture share, from the clause before)
    if regex("TortureWord").search(text) or section.measure == "torture_deaths":
        return "torture_deaths"
    if regex("OfThem").match(post):
        return heads_measure or "civilian_deaths"  # "five massacres ..., 40 percent of them"
    if regex("OfMassacres").match(post):
        return "massacres"
    return "civilian_deaths"
