"""What a count counts: the measure its noun names, the measure of the clause around it, else the context's.
Keywords: ``Measure`` in ``vocab/sections.yaml``."""
from __future__ import annotations

import re

from ..grammar import classes, regex
from .heads import Head, noun_of
from .model import Context

NOUN_MEASURE = {
    "medical": "medical_personnel_deaths",
    "media": "media_worker_deaths",
    "civil_defense": "civil_defense_deaths",
    "massacres": "massacres",
    "torture": "torture_deaths",  # table cells: "Torture 71", "Civilians 1,011"
    "civilians": "civilian_deaths",
    "children_and_women": "civilian_deaths",
}
SECTION_MEASURES = {"torture_deaths", "medical_personnel_deaths", "media_worker_deaths", "civil_defense_deaths"}


def measures_named(text: str) -> set[str]:
    """The measures a heading or phrase names (civilian deaths left out beside another: "civilian deaths under
    torture")."""
    found = {m for m, pattern in classes("Measure") if pattern.search(text)}
    if "civilian_deaths" in found and len(found) > 1:
        found.discard("civilian_deaths")
    return found


def measure_of_text(text: str) -> str | None:
    """The one measure a heading names, or None when it names none or several."""
    found = measures_named(text)
    return found.pop() if len(found) == 1 else None


def opening_measure(sentence: str) -> str | None:
    """The measure a sentence's opening names for every count after it ("Of the five deaths due to torture, three
    were at the hands of ...", "The seven deaths due to torture break down as five at the hands of ...", "The nine
    torture victims died in the detention centres of X (7), ...", a label "Torture: 11 deaths in October"), None when it
    has no such opening."""
    label = regex("MeasureLabelOpening").match(sentence)
    labelled = measure_of_text(label.group("what")) if label else None
    if labelled in SECTION_MEASURES or (labelled == "massacres"
                                        and regex("LabelledCountListAfter").match(sentence, label.end())):
        later = [measure_of_text(m.group("what")) for m in regex("MeasureLabelLater").finditer(sentence, label.end())]
        if any(named not in (None, labelled) for named in later):
            return None  # "Media activists killed: 5, medical staff killed: 8": each label names its own count's
        return labelled  # "Torture: 11 deaths in October, ..."; "Massacres: X 5, Y 6"
    listed = regex("BreakdownListOpening").match(sentence)
    if listed and measure_of_text(listed.group("what")) not in (None, "civilian_deaths"):
        return measure_of_text(listed.group("what"))  # "The massacres were distributed as follows: X 17, Y 12"
    breakdown = regex("CiviliansBreakdownOpening").match(sentence)
    broken_down = measure_of_text(breakdown.group(0)) if breakdown else None
    if regex("MonthDeadOpening").match(sentence) or regex("CiviliansByPlaceOpening").match(sentence) \
            or (breakdown and broken_down in (None, "civilian_deaths")) or is_places_ranked(sentence):
        return "civilian_deaths"
    subject = regex("DeathsSubjectOpening").match(sentence)
    named = broken_down or (measure_of_text(subject.group("what")) if subject else None)
    including = regex("DeathsSubjectIncludesOpening").match(sentence) if named not in SECTION_MEASURES else None
    named = measure_of_text(including.group("what")) if including else named  # "The eight victims who died due to
    # torture include seven detainees of X and one detainee of Y"
    if named in SECTION_MEASURES:
        return named  # deaths of a kind (under torture, of medical personnel) broken down by party or by place
    glued = regex("GluedHeaderBefore").match(sentence)
    opening = regex("MeasureOpening").match(sentence[glued.end() if glued else 0:])
    return measure_of_text(opening.group("what")) if opening else None


def ranking_measure(sentence: str, block: Context, section: Context) -> str | None:
    """The civilian deaths for a sentence ranking governorates that names no measure, after a sentence counting workers
    outside a section of workers ("... one Civil Defense member and two medical personnel. / The governorates of Homs
    (63) and Suwayda (58) recorded the highest tolls, followed by Daraa with 41"; round 95a), or after a sentence counting
    massacres ("Report also documented four massacres ... / The governorate with most victims is Idlib with 102"; round
    120a): the measure the sentence before hands on is not what the ranking counts. None otherwise."""
    workers = SECTION_MEASURES - {"torture_deaths"}
    if block.measure in workers | {"massacres"} and section.measure not in workers | {"massacres"} \
            and regex("RankingMarker").search(sentence) and not measures_named(sentence) - {"civilian_deaths"}:
        return "civilian_deaths"
    # ... or after a sentence counting deaths under torture, outside a section of torture, a ranking of the places' tolls
    # ("... 41 detainees died under torture in regime prisons. / Hama province recorded the highest toll, with 206 dead,
    # followed by Idlib with 98"; fx143c: they had been torture deaths)
    if block.measure == "torture_deaths" and section.measure != "torture_deaths" \
            and regex("RankingMarker").search(sentence) and regex("PlaceTollRanking").search(sentence) \
            and not measures_named(sentence) - {"civilian_deaths"}:
        return "civilian_deaths"
    return None


def is_places_ranked(sentence: str) -> bool:
    """Whether a sentence lists places and their counts, then says they had the highest tolls ("Idlib (24), Aleppo (22)
    and Daraa (21) were the governorates with the highest tolls"), naming no measure but the civilians'."""
    return bool(regex("PlacesRankedAfter").match(sentence)) and not measures_named(sentence) - {"civilian_deaths"}


def label_measure(segment: str) -> str | None:
    """The measure the label right before a count in parentheses names ("media workers (24)"), when it is one of the
    measures beside the civilian toll (workers, torture, massacres); else None. So too the label before a colon ("media
    workers: 4 killed")."""
    labelled = regex("ParenthesisedCountLabel").search(segment) or regex("ColonCountLabel").search(segment)
    named = measure_of_text(labelled.group("label")) if labelled else None
    return named if named in SECTION_MEASURES | {"massacres"} else None


def stated_measure(head: Head, segment: str) -> str | None:
    """The measure the subject of a verb of stating right before a count of victims names ("Deaths under torture in
    2014 totalled 1,652 victims", "Media workers killed that year numbered 57 people"), when it is one beside the
    civilian toll (workers, torture); else None: the count's noun is only its unit. ``segment``: the clause up to the
    count."""
    named = measure_of_text(segment) if head.noun == "generic" and regex("StatedAs").search(segment) else None
    return named if named in SECTION_MEASURES else None


def gapped_measure(head: Head, before: str, first: bool = False) -> str | None:
    """The measure the label right before a bare count whose verb is left out names, after a count of another
    ("the medical staff numbered 97 and media activists 53": media workers) or, for the ``first`` count of its
    sentence, opening it ("Medical personnel 26, media workers 14 ... were killed"), when it is one beside the civilian
    toll (workers, torture, massacres); else None. ``before``: the sentence up to the count."""
    label = regex("OpeningCountLabel" if first else "GappedCountLabel")
    labelled = (label.search(before) or (regex("DocumentedCountLabel").search(before) if first else None)) \
        if head.noun == "bare" else None
    named = measure_of_text(labelled.group("label")) if labelled else None
    return named if named in SECTION_MEASURES | {"massacres"} else None


def measure_of(head: Head, previous_measure: str | None, window: str, segment: str,
               bringing: re.Match[str] | None, block: Context, section: Context, opening: str | None = None) -> str:
    """The measure of ``head``: its noun's, the one its clause or the sentence's opening (``opening``) names,
    else the context's."""
    if head.noun in NOUN_MEASURE:
        return NOUN_MEASURE[head.noun]
    dashed = regex("DashedNounOpening").match(window) if head.noun == "bare" and not segment.strip() else None
    if dashed and noun_of(window[dashed.end():])[0] in NOUN_MEASURE:
        return NOUN_MEASURE[noun_of(window[dashed.end():])[0]]  # "2 - massacres.", a newsletter's line: what its
        # noun after the dash counts, never the measure of the line before (round 147d)
    if bringing:  # "bringing the total for 2024 so far to 38": the total of what the clause or the count before counts
        measure = measure_of_text(bringing.group("what")) or previous_measure or "civilian_deaths"
        return measure if measure in {"torture_deaths", "massacres"} else "civilian_deaths"
    # ... but a bare count after a count of workers of another kind is of that kind ("Among the victims were eight
    # medical personnel, ..., and two media workers, one each by X and Y": media workers; round 22)
    handed_other_workers = head.noun == "bare" and previous_measure in SECTION_MEASURES - {opening, "torture_deaths"}
    # ... as is one after a count of the victims' deaths under torture ("Of the month's victims, 9 died due to torture:
    # 7 at the hands of X, ..."; round 36): a part of those deaths, not of the victims
    handed_torture = head.noun == "bare" and opening == "civilian_deaths" and previous_measure == "torture_deaths"
    if opening and not (opening == "civilian_deaths" and regex("TortureWord").search(window)) \
            and not handed_other_workers and not handed_torture:
        return opening  # "Of the month's victims, 26 died due to torture": those victims' torture deaths
    if regex("TortureWord").search(window):
        return "torture_deaths"
    if previous_measure == "torture_deaths" and head.noun == "generic" and regex("InDetentionAfter").match(window):
        return "torture_deaths"  # "..., and one victim in SDF detention", "... and one victim died in Y's prison"
    stated = stated_measure(head, segment)
    if stated:
        return stated  # "Deaths under torture in 2014 totalled 1,652 victims"
    if regex("KilledInMassacresAfter").match(window):
        return "massacre_deaths"  # "586 of the regime's civilian victims were killed in massacres"
    if (previous_measure or block.measure) == "massacres" and regex("MassacreVictimsAfter").match(window):
        return "massacre_deaths"  # "44 massacres, ..., with 1,261 civilians killed in them"; "... in these massacres"
    if head.noun == "generic" and regex("OfTheDeaths").match(window):  # "six of the March deaths": the deaths before
        if not previous_measure and block.measure == "massacres" and block.other_measure:
            return block.other_measure  # "19 massacres ... 399 civilians were killed ..." / "X caused 308 of these
            # deaths": the deaths counted after the massacres, never the massacres (round 31)
        return previous_measure or block.measure or "civilian_deaths"
    if head.noun == "bare":
        if regex("TortureRowLabel").search(segment):
            return "torture_deaths"  # "... Of which women 149 Tortured to death 91"
        if regex("CivilianRowLabel").search(segment):
            return "civilian_deaths"  # "... Civilian death toll 5,101 Of which children 812"
        if regex("CiviliansNumberBefore").search(segment) or regex("CiviliansRankedBefore").search(segment):
            return "civilian_deaths"  # "the number of civilians killed ... reaches 1,008", "the largest number of civilians, 246"
        if regex("MassacreVictimsLabel").search(segment):
            return "massacre_deaths"  # "Total number of civilians killed in massacres this month: 2,094"
        if (regex("PossessiveTollBefore").search(segment) or regex("TollChangedFromBefore").search(segment)
                and not regex("TortureWord").search(segment)) and not regex("MassacreWord").search(segment):
            return "civilian_deaths"  # "Latakia's toll of 1,001", "The February toll was up from 87 in January": deaths,
            # never the massacres of the sentence before
        if regex("VictimsByPlaceOpening").match(segment):  # "Most victims fell in Aleppo (402), ..."
            return "massacre_deaths" if section.measure == "massacres" else "civilian_deaths"
        workers = regex("KilledByOpening").match(segment)
        if workers and measure_of_text(workers.group("what")) in SECTION_MEASURES:
            return measure_of_text(workers.group("what"))  # "..., the medical personnel having been killed by X (seven)"
        labelled = label_measure(segment)
        if labelled:  # "Medical personnel (63), media workers (24) and members of the Civil Defense (38)": the label's
            return labelled
        subject = regex("CommittedByOpening").match(segment)  # "The seven massacres ... were committed by X (three)"
        named = measure_of_text(subject.group("what") if subject else segment) \
            if subject or regex("StatedAs").search(segment) else None
        if not (named or previous_measure) and block.measure == "massacres" and block.other_measure \
                and regex("PartWhoDiedAfter").match(window):
            return block.other_measure  # "... five massacres and 14 deaths due to torture; 13 of those died in ..."
        if regex("CommittedBefore").search(segment) and regex("MassacreWord").search(segment):
            return "massacres"  # "Massacres: of the 57 massacres, X committed 31": massacres are what is committed,
            # whatever the sentence before counted (round 130d: they had been the torture deaths of the line before)
        if not (named or previous_measure) and "torture_deaths" in block.last_measures \
                and regex("PartDiedInDetentionAfter").match(window):
            return "torture_deaths"  # "... 187 civilians ..., and 19 deaths due to torture. / Fifteen of them died in regime
            # prisons": the deaths in detention, never the civilians the sentence before counted first (session 44)
        measure = named or previous_measure or block.measure or section.measure or "civilian_deaths"
        handed_by_block = measure == "torture_deaths" and not (named or previous_measure) \
            and section.measure != "torture_deaths" and not regex("OfTheDeaths").match(window) \
            and not regex("BackReferenceOpening").match(segment)
        if (measure == "massacres" or handed_by_block) and regex("KilledJustBefore").search(segment):
            return "civilian_deaths"  # "X committed three massacres, while Y killed 44": people killed, not massacres;
            # "... deaths due to torture 5. / In June, X killed 17": people killed, not the torture deaths of the
            # sentence before (but a section's of torture or a count's in the sentence hand theirs on)
        # "... in which 197 civilians were killed: X committed 12 of them": the massacres, not their victims
        return "massacres" if measure == "massacre_deaths" and regex("CommittedBefore").search(segment) else measure
    # ... but not after a sentence of the section counting workers or torture deaths among all the month's victims
    # ("Massacres / ... 18 massacres ... / Among the victims were 7 medical personnel ... / Aleppo governorate lost 311
    # civilians, ..."; round 36): the section has moved on to the month's victims, and stays there after a sentence of
    # the block counting civilian deaths ("... / Aleppo governorate saw the highest toll with 388 civilians ... / Since
    # the beginning of 2016, SNHR has documented the killing of 3,912 civilians"; round 46)
    # ... nor for "the death toll ... has reached 1,181 civilians" (round 63), nor "Since the beginning of 2017, SNHR has
    # documented the killing of 5,904 civilians" (round 70): the toll of all the civilians
    if regex("MassacreWord").search(segment) \
            or section.measure == "massacres" and block.measure not in SECTION_MEASURES | {"civilian_deaths"} \
            and not (regex("CiviliansNounAfter").match(window) and (regex("DeathTollReachedBefore").search(segment)
                                                                     or regex("YearTollOpening").match(segment))):
        return "massacre_deaths"
    if section.measure in SECTION_MEASURES and not regex("CountryTollAfter").match(window) \
            and not regex("CivilianDeathsCountAfter").match(window) \
            and not regex("PlaceHighestCivilianToll").match(segment + head.mention.text + window) \
            and not (regex("CiviliansNounAfter").match(window) and regex("DeathTollReachedBefore").search(segment)):
        return section.measure  # but "the killing of 1,257 civilians in Syria": the country's civilian toll; and "Aleppo
        # suffered the highest toll of the year with 6,089 civilians": the places' civilian toll; nor "The toll of the
        # first half of 2016 had been 8,100 civilians" (round 92c): the toll of all the civilians
    return "civilian_deaths"
