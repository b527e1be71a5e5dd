"""The governorates of a count: "five were killed in Idlib governorate", "Daraa and Homs governorates two
each", "- Daraa: 274 civilians."; all governorates when none is named, and left out when the text splits a
count over several governorates without saying how."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..grammar import regex
from ..vocab import LabelMention, find_governorates, find_parties
from .heads import Head, noun_end
from .model import Context, Source

AMBIGUOUS = ("?",)
COUNTED_IN_PLACES = {"bare", "generic", "civilians", "children", "women", "children_and_women", "medical", "media",
                     "civil_defense"}


@dataclass(frozen=True)
class Governorates:
    codes: tuple[str, ...]  # () for all governorates; AMBIGUOUS: left out
    one_each: bool = False  # "2 deaths in Daraa and Homs": one in each
    listed: tuple[str, ...] = ()  # AMBIGUOUS: the governorates a count is stated across with no split ("in Daraa and Quneitra")
    region: str = ""  # AMBIGUOUS: the region a count is stated in ("in the Afrin area"), no governorate
    named_before: bool = False  # the place is named right before the count, as in a list ("Hama 21; Homs 16")
    within: str = ""  # AMBIGUOUS: the place within a governorate the count's clause opens with ("In the city of Homs,")
    kicker: bool = False  # AMBIGUOUS: a headline's place kicker before its toll ("Hama: at least 212 civilians killed ...")

    def note(self, value: float) -> str:
        if self.one_each:
            return f"{int(value)} deaths across {len(self.codes)} governorates: one each"
        if self.listed:
            return f"{LISTED_NOTE} ({', '.join(self.listed)})"
        if self.region:
            return f"{REGION_NOTE} ({self.region})"
        return ""

    def as_party_total(self) -> Governorates:
        """A party's count stated across several governorates with no split ("Israeli forces killed four civilians in
        Daraa and Quneitra") or in a region ("Turkish forces: 64 civilians, in the Afrin area"): the party's count in
        all governorates, noted (``snhr_data.extract`` drops it if the text states another count of that party)."""
        return Governorates((), listed=self.listed, region=self.region) if self.listed or self.region else self


# the note of a party's count stated across several governorates with no split, filed under all governorates
LISTED_NOTE = "the party's count stated across several governorates with no split by governorate"
# the note of a party's count stated for a region that is no governorate, filed under all governorates
REGION_NOTE = "the party's count stated for a region that is no governorate"
# the note of a party's count stated in one governorate ("X killed seven civilians in Daraa"), filed under all
# governorates too
ONE_PLACE_NOTE = "the party's count stated in one governorate only, filed under all governorates too"


def is_party_total_by_place(note: str) -> bool:
    """Whether a figure's ``note`` says it is a party's count stated for places (several governorates, a region, one
    governorate) filed under all governorates: one ``snhr_data.extract`` drops if the text states another count of
    that party."""
    return LISTED_NOTE in note or REGION_NOTE in note or ONE_PLACE_NOTE in note


def governorates_of(head: Head, previous: Head | None, sentence: str, segment: str, report: str,
                    heads: list[Head]) -> Governorates:
    """The governorates ``head`` counts in (``previous``: the head before it in the sentence; ``heads``: all of them)."""
    kicker = regex("KickerBeforeReporter").match(sentence)
    if kicker and kicker.end() <= head.mention.start:
        # "Most Victims in Suwayda: SNHR Documents the Killing of 1,109 Civilians": the statement after the kicker, read
        # as if the kicker were not there
        blank = " " * kicker.end()
        segment_start = head.mention.start - len(segment)
        sentence = blank + sentence[kicker.end():]
        segment = sentence[max(segment_start, 0):head.mention.start]
    excluded = regex("PlaceExcludedOpening").match(sentence)
    if excluded and excluded.end() <= head.mention.start and find_governorates(excluded.group("place")) \
            and ranking_subject(" " * excluded.end() + sentence[excluded.end():]) not in {None, *(
                m.code for m in find_governorates(excluded.group("place")))}:
        # "Outside Homs, Hama recorded 42 civilian deaths and Idlib 17": the opening leaves a place out, the
        # governorate after it is the subject; read as if the opening were not there (fx157bd)
        segment_start = head.mention.start - len(segment)
        sentence = " " * excluded.end() + sentence[excluded.end():]
        segment = sentence[max(segment_start, 0):head.mention.start]
    reporter = reporter_clause_after_ranking(sentence[:head.mention.start])
    if reporter is not None:
        # "X was the deadliest governorate, ..., according to the report, which also counted 14 medical personnel": the
        # reporter's own statement, read as if the ranking before it were not there
        segment_start = head.mention.start - len(segment)
        sentence = " " * reporter + sentence[reporter:]
        segment = sentence[max(segment_start, reporter):head.mention.start]
        return own_governorates(head, previous if previous and previous.mention.start >= reporter else None,
                                sentence, segment, report)
    respective = respective_governorate(head, heads, sentence)
    if respective is not None:
        return respective
    after_pairs = placed_after_respective_places(head, previous, heads, sentence)
    if after_pairs is not None:
        return after_pairs
    if head.noun in COUNTED_IN_PLACES and is_joint_place_before(sentence[:head.mention.start]):
        return Governorates(AMBIGUOUS)  # "Damascus/Rural Damascus: 30": the two together, no one governorate's
    each = each_of_governorates(head, previous, sentence)
    if each is not None:
        return each
    ranked = ranked_governorate(head, previous, sentence, report)
    if ranked is not None:
        return ranked
    if ranks_a_place_no_governorate(sentence, report) and not find_governorates(sentence[:head.mention.start]):
        return Governorates(AMBIGUOUS)  # "The northwest was the worst-hit area with 300": the region's, no one's here
    subject = regex("RankingSubject").match(sentence)
    if subject and (names_a_city(subject.group("subject")) or len(find_governorates(subject.group("subject"))) > 1
                    or is_place_within(subject.group("subject"), report)
                    or names_a_countryside(subject.group("subject"))):  # "the Idlib countryside came first" (fx161c)
        ranked_next = governorate_right_before(head, previous, sentence) if previous is not None else None
        if ranked_next and head.noun in COUNTED_IN_PLACES:
            # a later count right after a governorate ranked beside the subject ("Eastern Ghouta in Rural Damascus
            # accounted for 1,107 of the deaths, while Idlib recorded 294"; round 63a): that governorate's
            return Governorates((ranked_next,))
        own_item = subject_item_governorate(head, subject, sentence)
        if own_item is not None:
            return own_item
        if ":" not in sentence[subject.end():head.mention.start] and not placed_after(head, sentence):
            return Governorates(AMBIGUOUS)  # "Hama city saw 31 deaths", "Hama and Homs together accounted for 84"
        own = own_governorates(head, previous, sentence, segment, report)
        # after a colon ending the subject's clause, a count may name its own one governorate ("Raqqa and Idlib
        # suffered most: 311 civilians were killed in Raqqa governorate and 279 in Idlib"), as may one placed right
        # after it ("Latakia and Tartus accounted for 1,217 of the victims, with 612 in Latakia alone"); else it is the
        # joint count
        return own if len(own.codes) == 1 and own.codes != AMBIGUOUS else Governorates(AMBIGUOUS)
    return own_governorates(head, previous, sentence, segment, report)


def subject_item_governorate(head: Head, subject: re.Match[str], sentence: str) -> Governorates | None:
    """The governorate of a count in parentheses after it, in a ranking's subject that lists governorates each with
    its own count so ("Hama (210) and Daraa (95) led the governorates"): that governorate's; None for any other
    count, or when an item names no one governorate, or a city."""
    start, end = subject.span("subject")
    rest = sentence[end:]
    if not start <= head.mention.start < end or regex("TortureWord").search(rest) or regex("MassacreWord").search(rest):
        return None  # "Aleppo (3) and Homs (2) had the most deaths due to torture": another measure's, left as it was
    items = regex("SubjectItemSeparator").split(sentence[start:end])
    place = None
    offset = start
    for item in items:
        match = regex("PlaceWithOwnCount").fullmatch(item)
        named = find_governorates(match.group("place")) if match else []
        if len(named) != 1 or names_a_city(match.group("place")):
            return None
        item_start = sentence.index(item, offset)
        if item_start <= head.mention.start < item_start + len(item):
            place = named[0].code
        offset = item_start + len(item)
    return Governorates((place,)) if place and len(items) > 1 else None


def reporter_clause_after_ranking(before: str) -> int | None:
    """Where the clause of the one who counts opens, after a ranking of governorates, before a count ("Deir Ez-Zour was
    the deadliest governorate, ..., according to the report, which also counted 14 medical personnel"); None when no
    such clause opens before it."""
    clauses = list(regex("ReporterClauseAfterRanking").finditer(before))
    if not clauses:
        return None
    ranking = before[:clauses[-1].start()]
    if not (ranking_subject(ranking) or regex("PlaceRankingOpening").match(ranking)
            or (regex("RankingMarker").search(ranking) and find_governorates(ranking))):
        return None
    return clauses[-1].start()


def is_joint_place_before(before: str) -> bool:
    """Whether a label naming two governorates as one place ends right before a count ("Damascus/Rural Damascus: 30",
    "Damascus & Rural Damascus 30", "Damascus and its countryside: 30"): the count is the two together's."""
    named = find_governorates(before)
    if not named:
        return False
    tail = before[named[-1].end:]
    countryside = regex("JointPlaceCountryside").match(tail)
    if countryside:
        return bool(regex("JointPlaceLabelEnd").fullmatch(tail[countryside.end():]))
    return len(named) > 1 and bool(regex("JointPlaceLabelEnd").fullmatch(tail)) \
        and bool(regex("JointPlaceJoin").fullmatch(before[named[-2].end:named[-1].start]))


def placed_after(head: Head, sentence: str) -> bool:
    """Whether a count names its own place right after it ("612 in Latakia alone")."""
    return place_right_after(sentence[head.mention.end:])


def place_right_after(after: str) -> bool:
    """Whether the words ``after`` a count open with a governorate it was counted in ("in Latakia alone")."""
    place = regex("GovernorateAfter").match(after)
    return bool(place and find_governorates(place.group("list").split(",")[0][:60]))


def excludes_a_place(head: Head, sentence: str) -> bool:
    """Whether the clause of a count names a governorate it leaves out ("In all governorates except Idlib, 120 ...",
    "Outside Idlib, 120 ...", "120 civilians were killed outside Idlib governorate"): the count of the rest of the
    country, never the country's toll nor a governorate's, unless the count names its own right after it ("Outside
    Suwayda, SNHR recorded 96 civilian deaths in Daraa": Daraa's; session 39)."""
    before = sentence[:head.mention.start]
    clause = before[max(before.rfind(";"), before.rfind(". ")) + 1:]
    after = re.split(r"[,;.]", sentence[head.mention.end:], maxsplit=1)[0]
    return any(find_governorates(place.group("place")) for text in (clause, after)
               for place in regex("PlaceExcluded").finditer(text))


def own_governorates(head: Head, previous: Head | None, sentence: str, segment: str, report: str) -> Governorates:
    """The governorates the words around ``head`` name for it (no ranking sentence's subject)."""
    if head.noun in COUNTED_IN_PLACES and excludes_a_place(head, sentence) and not placed_after(head, sentence):
        return Governorates(AMBIGUOUS)  # "Outside Idlib, 120 civilians were killed": no governorate's, nor the country's
    within = place_within_opening(sentence[:head.mention.start]) if head.noun in COUNTED_IN_PLACES else None
    if within is not None:
        return within
    scoped = place_scope(segment, sentence[:head.mention.start]) if head.noun in COUNTED_IN_PLACES else None
    if scoped is not None:
        return scoped
    if head.noun in COUNTED_IN_PLACES and (regex("ThereAfter").match(sentence[noun_end(sentence, head.mention):])
                                           or regex("ThatPlaceBefore").search(sentence[:head.mention.start])):
        return place_there(sentence[:head.mention.start])
    is_first, end = previous is None, head.mention.end
    found = Governorates(())
    after_groups = sentence[noun_end(sentence, head.groups[-1][1]):] if head.groups else ""
    gov = (regex("GovernorateAfter").match(sentence[end:]) or regex("GovernorateAfterGroups").match(after_groups)
           or regex("GovernorateAfter").match(sentence[noun_end(sentence, head.mention):])  # "7 of the 8 ... were in"
           or regex("PartOfPlaceAfter").match(sentence[end:]))  # "18 of the martyrs of Homs died under torture"
    before = regex("GovernorateBefore").search(segment)
    put_at = None if before else (regex("PlaceTollPutAtBefore").search(segment) or elided_place_put_at(head, previous,
                                                                                                   sentence))
    before = before or put_at
    if gov and head.noun in COUNTED_IN_PLACES:
        within = regex("PlaceWithinAfter").match(gov.group("list"))
        if within:
            return Governorates(AMBIGUOUS, within=within.group("place"))  # "10 civilians in the city of Homs": a part
        countryside = regex("CountrysideAfter").match(gov.group("list"))
        if countryside:  # "Israeli forces killed nine civilians in the Daraa countryside": the party's, never Daraa's
            return Governorates(AMBIGUOUS, region=countryside.group("place"))
        found = listed_governorates(head, gov, sentence)
    elif head.noun in {"bare", "generic"} and before:
        named = find_governorates(before.group("list"))
        each = regex("EachAfter").match(sentence[end:])
        found = Governorates(tuple(m.code for m in named) if (len(named) == 1 or each) else (AMBIGUOUS if named else ()))
        if put_at and is_put_at_part_of_place(put_at.group("list"), named):
            # "The report puts the toll in Eastern Ghouta at 932", "puts the Idlib countryside at 80": a place no
            # governorate, or a part of one; its count is neither a governorate's nor the country's (fx159cd)
            found = Governorates(AMBIGUOUS)
    if not found.codes and head.noun in COUNTED_IN_PLACES:
        found = stated_toll_place(segment) or found
    if not found.codes and (head.noun == "bare" and regex("StatedAsShort").search(segment) or head.noun
                            in COUNTED_IN_PLACES and regex("PlaceTollChangeBefore").search(segment)):
        named = find_governorates(segment)
        found = Governorates((named[0].code,) if len(named) == 1 else (AMBIGUOUS if named else ()))
    label = regex("Label").match(sentence) or regex("DashPlaceLabel").match(sentence)
    if label and is_first and label.end("label") < head.mention.start and not found.codes \
            and regex("PlaceKickerTollHeadline").match(sentence[label.end("label"):]) \
            and not regex("SentenceEnds").search(sentence.strip()) and place_label(label.group("label"), report):
        # "Hama: at least 212 civilians killed in May as ...": a headline's kicker, the story's place; whether the toll
        # after it is the place's or the country's, the headline does not say (round 142c: the country's read as Idlib's)
        return Governorates(AMBIGUOUS, kicker=True)
    if label and is_first and label.end("label") < head.mention.start and not found.codes:
        found = place_label(label.group("label"), report) or found  # "- Daraa: 274 civilians."
        if not found.codes and regex("OtherPlacesNamed").fullmatch(label.group("label").strip()):
            return Governorates(AMBIGUOUS)  # "Other governorates - 90 civilians": several places', no one's
    inline = (regex("LabelRightBefore").search(sentence[: head.mention.start])
              or regex("PlaceBeforeParenthesis").search(sentence[: head.mention.start]))
    if inline and regex("EventPlaceBefore").search(sentence[:inline.start("label")]):
        inline = None  # "... after the March ceasefire in Idlib: 561 civilians in January": the event's place
    if inline and regex("MostlyThereBefore").search(sentence[:inline.start("label")]):
        inline = None  # "factions, mainly in western Homs: 63": where most of the party's count fell, not its scope
    if inline and not found.codes and inline.groupdict().get("city") and find_governorates(inline.group("label")):
        return Governorates(AMBIGUOUS)  # "killed in Aleppo city (583)": a city's count, never the country's
    if inline and not found.codes:
        found = place_label(inline.group("label"), report) or found  # "Aleppo: 502 civilians", "Latakia (187)"
    if not found.codes and head.noun in COUNTED_IN_PLACES:
        found = place_right_before(sentence[: head.mention.start], report) or found  # "Hama 21; Homs 16; Idlib 9"
    tail = sentence[end:head.window_end]
    parts = regex("PlacePartsInParenthesesAfter").match(sentence[end:])
    if parts:  # "Hama 64 (41 of them in Hama city)": the city is the part's, not the count's (fx143a)
        tail = sentence[end + parts.end():head.window_end]
    if found.codes and found.codes != AMBIGUOUS and names_a_city(segment + " " + tail, found.codes):
        return Governorates(AMBIGUOUS)  # "the death toll in Aleppo city reached 410": a city's, not its governorate's
    if not found.codes and head.noun in COUNTED_IN_PLACES:
        return opening_place(sentence[: head.mention.start]) or joined_clause_place(sentence[: head.mention.start]) \
            or found
    return found


def elided_place_put_at(head: Head, previous: Head | None, sentence: str) -> re.Match[str] | None:
    """The second place of a toll "put at" a count, its verb elided ("The report puts Idlib at 19 and Homs at 13"),
    after the count of the first."""
    before = sentence[:head.mention.start]
    elided = regex("PlaceTollPutAtElided").search(before)
    if not elided or previous is None or previous.mention.end > elided.start():
        return None
    return elided if regex("PlaceTollPutAtBefore").search(sentence[:previous.mention.start]) else None


def is_put_at_part_of_place(place: str, named: list) -> bool:
    """Whether the place a toll is "put at" a count for is a place no governorate, or a part of one ("Eastern
    Ghouta", "the Idlib countryside", "Aleppo city"), never the country nor a period."""
    place = place.strip()
    if regex("WholeCountry").fullmatch(place) or regex("NamedPeriod").search(place):
        return False
    if named:
        return names_a_countryside(place) or names_a_city(place)
    return bool(regex("PlacePutAtName").fullmatch(place))


def joined_clause_place(before: str) -> Governorates | None:
    """The place a clause joined by "and" opens with, as ``opening_place`` reads a sentence's ("Across Hama the toll was
    120, and in Homs, where the fighting moved, it was 85": Homs's; fx155cd: had been the country's toll); None when the
    count's clause is no such clause."""
    joins = list(regex("JoinedPlaceClauseStart").finditer(before))
    return opening_place(before[joins[-1].end():]) if joins else None


def is_place_part_in_parentheses(head: Head, heads: list[Head], sentence: str) -> bool:
    """Whether ``head`` stands in the parentheses after a count that give its parts within its governorate ("Hama 64
    (41 of them in Hama city)", "Daraa 77 (30 in its countryside and 12 in Daraa city)"): a part of that count,
    never the governorate's nor the country's."""
    for whole in heads:
        if whole.mention.start >= head.mention.start:
            break
        end = noun_end(sentence, whole.mention)
        parts = regex("PlacePartsInParenthesesAfter").match(sentence[end:])
        if parts and head.mention.start < end + parts.end():
            return True
    return False


def each_of_governorates(head: Head, previous: Head | None, sentence: str) -> Governorates | None:
    """The governorates a sentence opens on, of its first count when they each lost it ("Idlib and Aleppo each lost 21
    civilians"); None for any other count."""
    subject = regex("GovernoratesEachBefore").match(sentence[:head.mention.start])
    if previous is not None or head.noun not in COUNTED_IN_PLACES or not subject:
        return None
    named = find_governorates(subject.group("list"))
    return Governorates(tuple(m.code for m in named)) if names_only(subject.group("list"), named) else None


def names_only(listed: str, named: list[LabelMention]) -> bool:
    """Whether ``listed`` is the governorates ``named`` and the words joining them, nothing else ("Idlib and Aleppo")."""
    gaps = [listed[before.end:after.start] for before, after in zip(named, named[1:])]
    return bool(named) and not listed[:named[0].start].strip() and not listed[named[-1].end:].strip() \
        and all(regex("GovernorateListJoin").fullmatch(gap) for gap in gaps)


def respective_governorate(head: Head, heads: list[Head], sentence: str) -> Governorates | None:
    """In "Idlib and Daraa were the deadliest provinces, with 29 and 18 deaths respectively", the governorate of the
    list named before the counts that stands where the count stands among them; left out when the list and the counts
    do not pair up; None outside such a sentence."""
    respectively = regex("Respectively").search(sentence, head.mention.end)
    if head.noun not in COUNTED_IN_PLACES or not respectively:
        return None
    counted = [h for h in heads if h.noun in COUNTED_IN_PLACES and h.mention.start < respectively.start()]
    run = listed_run(counted, sentence)
    if len(run) < len(counted):
        return paired_run(head, run, counted[len(counted) - len(run) - 1], sentence)
    named = find_governorates(sentence[:heads[0].mention.start])
    if not named:
        return None
    chain = named[:1]
    for mention in named[1:]:
        if not regex("GovernorateListJoin").fullmatch(sentence[chain[-1].end:mention.start]):
            return Governorates(AMBIGUOUS)
        chain.append(mention)
    # the counts before the word ("..., with 296, 231 and 198 civilians respectively, followed by Deir Ez-Zour with 154")
    counted = [h for h in heads if h.noun in COUNTED_IN_PLACES and h.mention.start < respectively.start()]
    if len(chain) != len(counted) or len(chain) < 2:
        return Governorates(AMBIGUOUS)
    return Governorates((chain[counted.index(head)].code,))


def listed_run(counted: list[Head], sentence: str) -> list[Head]:
    """The last counts of ``counted`` joined only by commas and "and" ("377 and 290"): the counts a "respectively"
    after them pairs with a list of places."""
    run = counted[-1:]
    while len(run) < len(counted) and regex("GovernorateListJoin").fullmatch(
            sentence[noun_end(sentence, counted[-len(run) - 1].mention):run[0].mention.start]):
        run.insert(0, counted[-len(run) - 1])
    return run


def paired_run(head: Head, run: list[Head], before: Head, sentence: str) -> Governorates | None:
    """In "..., followed by Aleppo with 803 and Idlib with 411, while Daraa and Hama lost 377 and 290 civilians
    respectively", the governorate of a count of the run paired "respectively" with the places named between the count
    before the run (``before``) and the run: where it stands among them; left out when they do not pair up; None for a
    count before the run, or of a run after no places (read as any other)."""
    if head not in run:
        return None
    last = before.groups[-1][1] if before.groups else before.mention
    between = sentence[noun_end(sentence, last):run[0].mention.start]
    named = find_governorates(between)
    if not named:  # "..., while the 15 women were killed in numbers of 4, 1 and 2 respectively": paired with no places
        return None
    joined = all(regex("GovernorateListJoin").fullmatch(between[a.end:b.start]) for a, b in zip(named, named[1:]))
    if len(named) != len(run) or len(run) < 2 or not joined:
        return Governorates(AMBIGUOUS)
    return Governorates((named[run.index(head)].code,))


def placed_after_respective_places(head: Head, previous: Head | None, heads: list[Head],
                                   sentence: str) -> Governorates | None:
    """After places paired with their counts "respectively" ("Idlib, Hama and Homs lost 318, 244 and 201 civilians
    respectively, while Aleppo lost 290 and Damascus Suburbs 203"), a count goes on the list: the governorate named
    right before it; None for any other count (or one of no governorate right before it)."""
    if previous is None or head.noun not in COUNTED_IN_PLACES \
            or not regex("Respectively").search(sentence, previous.mention.end, head.mention.start):
        return None
    paired = respective_governorate(heads[0], heads, sentence)
    named = governorate_right_before(head, previous, sentence)
    return Governorates((named,)) if paired and paired.codes != AMBIGUOUS and named else None


def opening_place(before: str) -> Governorates | None:
    """The place a sentence opens with, for its counts: "In Suwayda, SNHR recorded 22 deaths" (that governorate), "In
    Douma, 43 civilians were killed" (a town: left out, never the country's); None when it opens with no place."""
    match = regex("PlaceOpening").match(before) or regex("PlaceWholeOpening").match(before)
    if not match:
        return None
    place = match.group("place")
    if regex("NamedPeriod").search(place) or regex("WholeCountry").fullmatch(place):
        return None
    named = find_governorates(place)
    one = len(named) == 1 and not names_a_city(place) \
        and (named[0].start == 0 or bool(regex("ArabicArticle").fullmatch(place[:named[0].start])))  # "In al-Raqqa"
    return Governorates((named[0].code,) if one else AMBIGUOUS)


def place_within_opening(before: str) -> Governorates | None:
    """The place within a governorate that the count's clause opens with ("In the city of Homs, 12 civilians were
    killed", "In al-Hol camp, ..."): a part of the toll, left out (never the country's, a party's or the governorate's);
    None when the clause opens with no such place, or with a governorate so named ("In the Damascus countryside")."""
    match = regex("PlaceWithinOpening").match(before) or regex("PartOfCountrysideSubject").match(before) \
        or regex("PlaceWithinSubject").match(before)  # "The city of Homs accounted for 212 of them" (fx150cd)
    if not match:  # ... or the part of a countryside its verb's subject ("Hama's western countryside lost 57"; fx143c)
        return None
    place = match.group("place")
    if any(regex("PlaceWithinKind").search(place[m.start:m.end]) for m in find_governorates(place)):
        return None  # "the Damascus countryside": Rural Damascus
    return Governorates(AMBIGUOUS, within=place)


def place_there(before: str) -> Governorates:
    """The place "there" stands for ("Aleppo suffered most: 471 civilians were killed there"): the one governorate
    named before the count, else none that can be told (left out, never the country's)."""
    codes = {m.code for m in find_governorates(before)}
    return Governorates((codes.pop(),) if len(codes) == 1 and not names_a_city(before) else AMBIGUOUS)


def names_a_city(clause: str, codes: tuple[str, ...] | None = None) -> bool:
    """Whether ``clause`` names a governorate (of ``codes``, if given) as a city ("Aleppo city")."""
    return any((codes is None or m.code in codes) and regex("CityAfter").match(clause[m.end:])
               for m in find_governorates(clause))


def stated_toll_place(segment: str) -> Governorates | None:
    """The governorate whose toll the words before a count state it to be ("The death toll in Idlib reached 41
    civilians"): that governorate's; left out when the place is several governorates, a governorate's countryside or
    a place no governorate ("The toll in Eastern Ghouta was 41 civilians": never the country's); None when they state
    no place's toll, or the country's ("The death toll in Syria was ...") or a period's ("... in March was ...")."""
    stated = regex("PlaceTollStatedBefore").search(segment)
    if not stated:
        return None
    place = stated.group("place")
    if regex("WholeCountry").fullmatch(place.strip()) or regex("NamedPeriod").search(place):
        return None
    named = find_governorates(place)
    if len(named) == 1 and not names_a_countryside(place):
        return Governorates((named[0].code,))
    return Governorates(AMBIGUOUS)


def place_scope(segment: str, before: str = "") -> Governorates | None:
    """The place the words before a count confine it to: "in Suwayda governorate, where 803 civilians were killed"
    (that governorate), "In Douma alone, ... 43 civilians" (a governorate if the place is one, else left out: a
    town's count is never the country's; ``before``: the sentence before the count, whose place a where-clause
    names even after another count's clause: "killed by gunmen in Daraa, where the network counted 41"); None when
    they name no such place."""
    before = without_first_of_coordinated_where(before) if before else before
    segment = without_first_of_coordinated_where(segment)
    where = regex("WhereBefore").search(before or segment)
    alone = regex("AloneBefore").search(segment)
    if alone and regex("NamedPeriod").search(alone.group("place")):
        alone = None  # "In June alone": a period, not a place
    place = where.group("place") if where else alone.group("place") if alone else None
    if place is None:
        attacked = attacked_governorate(before or segment)
        if attacked:
            return Governorates((attacked,))
        return Governorates(AMBIGUOUS) if in_a_governorates_where_clause(before or segment) else None
    if regex("WholeCountry").fullmatch(place.strip()):
        return None
    named = find_governorates(place)
    one = len(named) == 1 and named[0].start == 0 and not names_a_city(place)  # "In Aleppo city alone": a city's
    one = one and not names_a_countryside(place)  # "In the Hama countryside alone, 163 ...": a part, as after a count
    return Governorates((named[0].code,) if one else AMBIGUOUS)


def names_a_countryside(place: str) -> bool:
    """Whether a place before a count is a governorate's countryside, Damascus's aside ("the Hama countryside",
    "Idlib's southern countryside"): a part of that governorate, as a countryside after a count is."""
    return bool(regex("CountrysideAfter").match(place.strip().removeprefix("the "))
                or regex("PartOfCountryside").search(place))


def without_first_of_coordinated_where(before: str) -> str:
    """``before`` ending in a where-clause coordinated with a first one after a place ("in Suwayda governorate, where
    clashes broke out between factions, tribes and the army, and where SNHR counted") read as the place with the last
    where-clause alone ("in Suwayda governorate, where SNHR counted"): both where-clauses are of that place."""
    chain = regex("CoordinatedWhereChain").search(before)
    return before[:chain.start()] + ", where " + chain.group("rest") if chain else before


def attacked_governorate(before: str) -> str | None:
    """The governorate an attack was "on", named alone before a where-clause ("the offensive on Daraa governorate,
    where 402 civilians died"); None when the words name no such one governorate ("an airstrike on a market, where")."""
    on = regex("WhereOnBefore").search(before)
    named = find_governorates(on.group("place")) if on else []
    one = len(named) == 1 and named[0].start == 0 and not names_a_city(on.group("place"))
    return named[0].code if one else None


def in_a_governorates_where_clause(before: str) -> bool:
    """Whether the words before a count end in a where-clause after a clause naming a governorate ("... fell in Daraa
    governorate during the offensive on the south, where 219 civilians were killed"): a place's count."""
    clause = regex("WhereClauseBefore").search(before)
    return bool(clause) and bool(find_governorates(clause.group("clause")))


def place_right_before(before: str, report: str) -> Governorates | None:
    """The governorate named right before a count, nothing between them but "governorate" ("Hama 21; Homs 16",
    "recorded in Latakia 5", "Deir Ez-Zour governorate 8 civilians"): that governorate's, never the country's; left out
    when it ends a list of governorates ("Hama and Homs 21": how the count splits is not said) or names a city ("Aleppo
    city 6"); None when no governorate ends right before the count, or it is an actor's place ("factions in Suwayda 5")
    or in a party's name."""
    named = find_governorates(before)
    gap = regex("PlaceCountGap").fullmatch(before[named[-1].end:]) if named else None
    if not gap:
        return None
    last = named[-1]
    if regex("ActorInAPlaceBefore").search(before[:last.start]) \
            or any(p.start <= last.start < p.end for p in find_parties(before, report)):
        return None
    if gap.group("city") or len(named) > 1 and regex("GovernorateListJoin").fullmatch(before[named[-2].end:last.start]):
        return Governorates(AMBIGUOUS)  # "Aleppo city 6": a city's count
    return Governorates((last.code,), named_before=True)


def place_label(label: str, report: str) -> Governorates | None:
    """The governorate a label names, when it names one and no party, nor as where most of the count fell ("factions,
    mainly in western Homs: 63": the party's whole count)."""
    named = find_governorates(label)
    if len(named) == 1 and not find_parties(label, report) \
            and not regex("MostlyThereBefore").search(label[:named[0].start]) \
            and not regex("EventPlaceBefore").search(label[:named[0].start]) \
            and not regex("EventAfterPlace").match(label[named[0].end:]) \
            and not regex("ActorAfterAPlace").match(label[named[0].end:]) \
            and not regex("ActorInAPlaceBefore").search(label[:named[0].start]) \
            and not regex("LabelClauseVerbAfterPlace").search(label[named[0].end:]):
        # "Idlib offensive:", "..., when the offensive on Idlib was at its height:": an event's place (fx143c)
        return Governorates((named[0].code,))
    return None


def is_place_within(subject: str, report: str) -> bool:
    """Whether a ranking sentence's subject is a place within the one governorate it names, no party's ("Eastern Ghouta
    in Rural Damascus accounted for 141"): its count is the place's, never the governorate's nor the country's."""
    named = find_governorates(subject)
    return len(named) == 1 and not find_parties(subject, report) \
        and bool(regex("PlaceWithinBefore").fullmatch(subject[:named[0].start])) \
        and not subject[named[0].end:].strip()


def ranks_a_place_no_governorate(sentence: str, report: str) -> bool:
    """Whether a ranking sentence's subject is a place that names no governorate: a region, an area, a city ("The
    northwest was the worst-hit area with 300 civilian deaths", "The coastal region recorded the highest toll"), no
    party, period or count; the counts before any governorate it names are that place's, never the country's."""
    match = regex("PlaceRankingOpening").match(sentence)
    if not match:
        return False
    subject = match.group("subject")
    return not find_governorates(subject) and not find_parties(subject, report) \
        and not regex("NoPlaceSubject").search(subject)


def ranking_subject(sentence: str) -> str | None:
    """The governorate a ranking sentence is about ("Rural Damascus governorate saw the highest death toll, with
    884 civilians, followed by Idlib with 411"), None for any other sentence."""
    match = regex("RankingSubject").match(sentence)
    if not match:
        return None
    subject = match.group("subject")
    named = find_governorates(subject)
    if len(named) != 1 or not regex("RankingSubjectRest").fullmatch(subject[:named[0].start] + subject[named[0].end:]):
        return None
    return named[0].code


def ranked_governorate(head: Head, previous: Head | None, sentence: str, report: str) -> Governorates | None:
    """In a ranking sentence, the governorate named right before a count ("followed by Idlib with 411"), the
    subject's for the first count, else none that can be told (left out); None outside a ranking sentence."""
    subject = ranking_subject(sentence)
    if subject is None:
        return ranked_after_marker(head, previous, sentence, report)
    if head.noun not in COUNTED_IN_PLACES:
        return Governorates(AMBIGUOUS)
    joined = joined_governorates_right_before(head, previous, sentence)
    if joined is not None:
        return joined
    if previous is not None and ranks_a_partys_victims(sentence[:head.mention.start], report):
        # "Aleppo governorate suffered most, with 1,318 civilians killed by Russian forces, followed by Idlib with
        # 1,027": the places after it are ranked by that party's deaths or by all, the text does not say (left out;
        # session 34: Idlib's 1,027 had become all parties')
        return Governorates(AMBIGUOUS)
    named = governorate_right_before(head, previous, sentence)
    if named:
        return Governorates((named,))
    if previous is None:
        return Governorates((subject,))
    return governorate_right_after(head, sentence) or Governorates(AMBIGUOUS)


def ranks_a_partys_victims(before: str, report: str) -> bool:
    """Whether a ranking's first count is one party's, its agent right after it ("... with 1,318 civilians killed by
    Russian forces ..."), never a party of an aside ("besieged by regime forces")."""
    return any(m.code != "all" and 0 <= m.start - agent.end() <= 5
               for agent in regex("RankedCountAgent").finditer(before) for m in find_parties(before, report))


def ranked_after_marker(head: Head, previous: Head | None, sentence: str, report: str) -> Governorates | None:
    """In a sentence that ranks governorates without opening on one ("The highest toll was in Idlib with 31,
    followed by Daraa with 19"), a count after a governorate it names: the one straight after it ("..., 71 in Aleppo,
    58 in Hama"), else the one right before it, or the one it refers back to ("Most of the dead were in Hama, ...,
    putting the toll in that governorate at 41"), else none that can be told (left out; also when a party is named
    before it: whose count it is is not said); None for a count before any governorate, or outside such a sentence."""
    before = sentence[:head.mention.start]
    if not regex("RankingMarker").search(sentence) or not find_governorates(before):
        return None
    if head.noun not in COUNTED_IN_PLACES or find_parties(before, report):
        return Governorates(AMBIGUOUS)
    # "Homs and Aleppo and Hama had most victims, 71 in Aleppo, 58 in Hama ...": the place after a count is its own,
    # the one before it the count before's (round 84c)
    named_after = governorate_right_after(head, sentence)
    if named_after:
        return named_after
    joined = joined_governorates_right_before(head, previous, sentence)
    if joined is not None:
        return joined
    named = governorate_right_before(head, previous, sentence)
    if named:
        return Governorates((named,))
    return place_there(before) if regex("ThatPlaceBefore").search(before) else Governorates(AMBIGUOUS)


def joined_governorates_right_before(head: Head, previous: Head | None, sentence: str) -> Governorates | None:
    """Two governorates or more joined right before a count of a ranking ("followed by Daraa and Idlib with 17 each"):
    each one's count when "each" follows it, else their joint count, no one governorate's (left out; round 124c: the 17
    had been Idlib's alone); None when one governorate alone stands before it."""
    last = previous.groups[-1][1] if previous and previous.groups else previous.mention if previous else None
    between = sentence[noun_end(sentence, last) if last else 0:head.mention.start]
    named = find_governorates(between)
    ranked = [k for k, m in enumerate(named) if regex("RankedGap").fullmatch(between[m.end:])]
    if not ranked:
        return None
    k = first = ranked[-1]
    while first > 0 and regex("GovernorateListJoin").fullmatch(between[named[first - 1].end:named[first].start]):
        first -= 1
    if first == k:
        return None
    if regex("EachAfter").match(sentence[noun_end(sentence, head.mention):]):
        return Governorates(tuple(m.code for m in named[first:k + 1]))
    return Governorates(AMBIGUOUS)


def governorate_right_before(head: Head, previous: Head | None, sentence: str) -> str | None:
    """The governorate named right before a count, after the count before it ("followed by Idlib with 411")."""
    last = previous.groups[-1][1] if previous and previous.groups else previous.mention if previous else None
    between = sentence[noun_end(sentence, last) if last else 0:head.mention.start]
    named = [m for m in find_governorates(between) if regex("RankedGap").fullmatch(between[m.end:])
             or regex("ApposedPlaceGap").fullmatch(between[m.end:])]  # "and Idlib, the last rebel-held area, 1,025"
    return named[-1].code if named else None


def governorate_right_after(head: Head, sentence: str) -> Governorates | None:
    """The one governorate named straight after a count ("121 deaths in Hama", "97 in Homs"), None if there is
    none, several, or a city's."""
    after = sentence[noun_end(sentence, head.mention):]
    gov = regex("GovernorateRightAfter").match(after)
    if not gov:
        return None
    found = listed_governorates(head, gov, sentence)
    if len(found.codes) != 1 or found.codes == AMBIGUOUS or names_a_city(gov.group("list"), found.codes):
        return None
    return found


def listed_governorates(head: Head, gov: re.Match[str], sentence: str) -> Governorates:
    listed = gov.group("list")
    names = find_governorates(listed[:120])
    unknown = regex("UnknownGovernorateAfter").match(listed)
    if unknown and not find_governorates(unknown.group(0)):
        # "five in Zaytoun governorate": a governorate the vocabulary lacks, a part of the toll (left out, warned)
        return Governorates(AMBIGUOUS, within=unknown.group("place"))
    if names and not regex("GovernorateListLead").fullmatch(listed[:names[0].start]):
        return Governorates(())  # "in April, including 60 children, most of them ... on Idlib": not where all were
    if not names:
        if regex("RegionSubset").match(listed):
            # "including 17 in the areas administered by ...": a region's count; "in the Afrin area", naming no one who
            # holds it, may say where all of a party's victims fell
            # (only its own clause may name the holder: "in the Afrin area, and 12 died in explosions of landmines")
            region = "" if find_parties(re.split(r"[,;.]", listed, maxsplit=1)[0]) \
                else regex("RegionSubset").match(listed).group(0).strip()
            return Governorates(AMBIGUOUS, region=region)
        if gov.group("the") and regex("GovernorateWord").match(listed.strip()):
            earlier = find_governorates(sentence[: head.mention.start])
            return Governorates((earlier[-1].code,) if earlier else ())
        return Governorates(())
    chain = [names[0]]  # the names of one list: "Daraa and Homs", "Aleppo, Idlib and Hama", "Daraa and in Suwayda"
    for mention in names[1:]:
        if joins_the_place_list(listed, chain[-1], mention):
            chain.append(mention)
        else:
            break
    codes = tuple(m.code for m in chain)
    if regex("GovernorateEachAfter").match(listed[chain[-1].end:]) or gov.group("each1"):
        return Governorates(codes)
    if len(chain) == 1:
        return Governorates(codes)
    if head.mention.value == len(chain):
        return Governorates(codes, one_each=True)
    return Governorates(AMBIGUOUS, listed=codes)


def joins_the_place_list(listed: str, last: LabelMention, mention: LabelMention) -> bool:
    """Whether ``mention`` continues the list of places that ends with ``last``, in the places after a count."""
    between = listed[last.end:mention.start]
    if regex("GovernorateListJoin").fullmatch(between):
        return True
    return bool(regex("GovernorateListJoinIn").fullmatch(between)) \
        and not regex("GovernorateOwnCount").match(listed[mention.end:])


def is_ranking_of_another_period(text: str, block: Context, section: Context, source: Source) -> bool:
    """Whether ``text`` ranks places with no period of its own after a statement of a period other than the one it
    would take anyway (the section's, else the report's) and not itself a ranking of that period: which one it ranks
    is not said."""
    ranked = block.ranked_period()
    return ranked not in (None, section.period or source.period, block.last_ranking) and bool(ranking_subject(text))
