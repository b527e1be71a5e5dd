"""Label vocabularies: perpetrator and governorate names in report text -> codes.

The mappings are data (``vocab/perpetrators.yaml``, ``vocab/governorates.yaml``); this module only
compiles them and finds labels in text, leftmost first and, among labels starting at the same place,
longest first -- so "Turkish Border Guard" wins over "Turkish forces" and "Rural Damascus" over "Damascus".
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

from .codes import load_vocab
from .grammar import Requirements, cached, cached_by_text, folded, regex, required_texts
from .pattern_cache import compiled as compiled_pattern


class UnmappedLabelError(ValueError):
    """A party or place label that no vocabulary entry maps to a code."""


class UnmappedLabelWarning(UserWarning):
    """An unmapped label found while extracting in non-strict mode (the figure is left out)."""


@dataclass(frozen=True)
class LabelMention:
    code: str
    start: int
    end: int
    text: str


def compiled_vocab(name: str, report: str | None = None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(code, pattern) for every variant of every entry of ``vocab/<name>.yaml`` in use in ``report``'s month.

    A variant is a regular expression, or a mapping ``{pattern, since, until}`` for wording whose meaning
    changed: "government forces" meant the Syrian regime until December 2024, and the new government after.
    """
    return compiled_variants(name, dated_variants_in_use(name, report))


@cached
def dated_variant_spans(name: str) -> tuple[tuple[str, str], ...]:
    """(since, until) of each dated variant of ``vocab/<name>.yaml``, in file order."""
    return tuple((variant.get("since", "0000-00"), variant.get("until", "9999-99"))
                 for entry in load_vocab(name) for variant in entry["variants"] if isinstance(variant, dict))


@cached
def dated_variants_in_use(name: str, report: str | None) -> tuple[bool, ...]:
    """Whether each dated variant is in use in ``report``'s month (all of them for no month): the key of the compiled
    vocabulary, so that the months of an archive share the few vocabularies they use, not one each."""
    return tuple(report is None or since <= report <= until for since, until in dated_variant_spans(name))


@cached
def compiled_variants(name: str, in_use: tuple[bool, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """``compiled_vocab`` of the dated variants ``in_use``."""
    compiled = []
    dated = iter(in_use)
    for entry in load_vocab(name):
        for variant in entry["variants"]:
            if isinstance(variant, dict):
                if not next(dated):
                    continue
                variant = variant["pattern"]
            flags = 0 if re.fullmatch(r"[A-Z()\\ ]+", variant) else re.IGNORECASE
            compiled.append((entry["code"], compiled_pattern(rf"(?<![\w-]){variant}(?![\w-])", flags)))
    return tuple(compiled)


def indexed_vocab(name: str, report: str | None = None) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], Requirements]:
    """``compiled_vocab``, and each pattern's requirement: its ``required_texts`` ("Da'esh/ISIS" or "ISIS/Da'esh":
    "esh/isis" or "isis/da"), and whether it ignores case."""
    return indexed_variants(name, dated_variants_in_use(name, report))


@cached
def indexed_variants(name: str, in_use: tuple[bool, ...]) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], Requirements]:
    """``indexed_vocab`` of the dated variants ``in_use``."""
    patterns = compiled_variants(name, in_use)
    requirements = tuple((required_texts(pattern), bool(pattern.flags & re.IGNORECASE)) for _, pattern in patterns)
    return patterns, Requirements(requirements)


def find_labels(text: str, name: str, report: str | None = None) -> list[LabelMention]:
    """Non-overlapping label mentions of vocabulary ``name`` in ``text``, in order (variants in use in ``report``)."""
    return list(label_mentions(text, name, report))


@cached_by_text
def label_mentions(text: str, name: str, report: str | None) -> tuple[LabelMention, ...]:
    """``find_labels``'s mentions. A pattern scans the text only if the text holds its requirement (the same
    mentions, found without running most of the vocabulary's patterns over every text)."""
    patterns, requirements = indexed_vocab(name, report)
    candidates = [
        LabelMention(code, match.start(), match.end(), match.group(0))
        for index in sorted(requirements.held(text, folded(text)))
        for code, pattern in (patterns[index],)
        for match in pattern.finditer(text)
    ]
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[LabelMention] = []
    for mention in candidates:
        if not chosen or mention.start >= chosen[-1].end:
            chosen.append(mention)
    return tuple(chosen)


def find_parties(text: str, report: str | None = None) -> list[LabelMention]:
    """The party labels of ``text``, but for one a phrase excludes ("parties other than the regime killed 120
    civilians": the count is no party's the vocabulary knows)."""
    return [m for m in find_labels(text, "perpetrators", report)
            if not regex("ExcludedPartyBefore").search(text[:m.start])]


def joined_mentions(named: list[LabelMention], text: str, join: str = "PartyListJoin") -> list[LabelMention]:
    """The last of ``named`` and those joined to it right before it in ``text`` by the grammar entry ``join`` ("Russian
    forces and the SDF" of "..., Russian forces and the SDF two each"), in order."""
    joined = named[-1:]
    for mention in reversed(named[:-1]):
        if not regex(join).fullmatch(text[mention.end:joined[0].start]):
            break
        joined.insert(0, mention)
    return joined


def alias_end(before: LabelMention, mention: LabelMention, text: str) -> int | None:
    """Where the brackets close when ``mention`` names ``before``'s code again in brackets right after it ("Kurdish
    forces (PYD)", "Damascus Suburbs (Rural Damascus)"); None if it does not."""
    close = regex("AliasBracketClose").match(text, mention.end)
    if before.code != mention.code or not close or not regex("AliasBracketOpen").fullmatch(text[before.end:mention.start]):
        return None
    return close.end()


def without_aliases(named: list[LabelMention], text: str) -> list[LabelMention]:
    """``named`` without a party's other name in brackets right after its label ("Kurdish forces (PYD) 21": the
    brackets name the same party again, the label before them is the count's)."""
    return [m for i, m in enumerate(named) if not (i and alias_end(named[i - 1], m, text) is not None)]


def find_governorates(text: str) -> list[LabelMention]:
    """The governorates ``text`` names, a governorate's other name in brackets right after its name ("Damascus Suburbs
    (Rural Damascus) 845") taken in that one mention, brackets included: the same place named twice, not two."""
    merged: list[LabelMention] = []
    for mention in find_labels(text, "governorates"):
        end = alias_end(merged[-1], mention, text) if merged else None
        if end is None:
            merged.append(mention)
        else:
            merged[-1] = LabelMention(merged[-1].code, merged[-1].start, end, text[merged[-1].start:end])
    return merged


def map_label(label: str, name: str = "perpetrators") -> str:
    """The code of a whole label such as "Landmines of unidentified sources"; UnmappedLabelError if none."""
    mentions = find_labels(label, name)
    if not mentions:
        raise UnmappedLabelError(f"no {name} code for label {label!r}")
    return mentions[0].code


def report_unknown_party(where: str, what: str, strict: bool) -> None:
    """Raise (strict) or warn that the party ``what`` at ``where`` (file:line) is no vocabulary entry."""
    report_unmapped(f"{where}: {what} (add it to snhr_data/vocab/perpetrators.yaml); its figures are left out", strict)


def report_unmapped(message: str, strict: bool) -> None:
    """Raise (strict) or warn about an unmapped label; ``message`` names the file and line."""
    if strict:
        raise UnmappedLabelError(message)
    warnings.warn(message, UnmappedLabelWarning, stacklevel=3)
