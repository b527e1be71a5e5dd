"""The vocabulary files (``snhr_data/vocab/*.yaml``): one typed loader that validates each file when it loads.

Three kinds of file live there:

* **grammar files** (``counts``, ``clauses``, ``agents``, ``percents``, ``periods``, ``layout``, ``sections``):
  named entries of regular expressions that the reader asks for by name, composed by reference in the
  style of Microsoft Recognizers-Text: ``{VictimNoun}`` inside an entry stands for the entry
  ``VictimNoun`` of any grammar file. An entry is a pattern (a string: matched ignoring case), or a mapping
  with one of ``pattern`` (a string), ``words`` (a list, matched as one alternation), ``any_of`` (a list of
  patterns tried in turn) or ``classes`` (an ordered mapping name -> pattern), and optionally
  ``case_sensitive: true``;
* **label files** (``perpetrators``, ``governorates``): entries ``code, label, variants`` (plus ``group``,
  ``color``, ``short_label`` for parties, ``members`` for a combined party, ``named_force`` for a subcategory of the
  other parties that is a state's forces), a variant being a pattern or
  ``{pattern, since, until}``;
* **settings** (``audit``): the audit's tolerances.

Whatever is wrong in a file (an unknown key, a pattern that does not compile, a reference to no entry, a
label that two codes match) raises one ``VocabularyError`` naming the file and the entry.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import ahocorasick
import yaml

from .pattern_cache import compiled, kept_derivation
from .paths import VOCAB_DIR

GRAMMAR_FILES = ("counts", "clauses", "agents", "percents", "periods", "layout", "sections")
LABEL_FILES = ("perpetrators", "governorates")
SETTINGS_FILES = ("audit",)

ENTRY_KINDS = ("pattern", "words", "any_of", "classes")
ENTRY_KEYS = set(ENTRY_KINDS) | {"case_sensitive"}
LABEL_KEYS = {"perpetrators": {"code", "label", "group", "variants", "color", "short_label", "members", "named_force"},
              "governorates": {"code", "label", "variants"}}
REQUIRED_LABEL_KEYS = {"perpetrators": {"code", "label", "group", "variants"}, "governorates": {"code", "label", "variants"}}
VARIANT_KEYS = {"pattern", "since", "until"}
PARTY_GROUPS = {"total", "main", "combined", "other", "other_sub"}
SETTINGS_KEYS = {"audit": {"percent_points", "about_count_fraction", "massacre_min_deaths", "min_other_subcategories"}}
REFERENCE = re.compile(r"\{(?P<name>[A-Z][A-Za-z0-9]*)\}")


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used as it is; the message names the file and the entry."""


@dataclass(frozen=True)
class Entry:
    """One named grammar entry, its references resolved."""

    name: str
    file: str
    kind: str  # pattern | words | any_of | classes
    value: Any  # str (pattern, words) | tuple[str, ...] (any_of) | tuple[tuple[str, str], ...] (classes)
    flags: int


# --- where the files are ----------------------------------------------------------------------------------

_vocab_dir: Path = VOCAB_DIR
_caches: list[Callable] = []


# Entries kept by a cache of what the reader finds in a text (``cached_by_text``).
TEXTS_CACHED = 8192


def cached(function: Callable, maxsize: int | None = None) -> Callable:
    """``lru_cache`` whose cache is emptied when the vocabulary folder changes (``using_vocab_dir``)."""
    wrapped = lru_cache(maxsize=maxsize)(function)
    _caches.append(wrapped)
    return wrapped


def cached_by_text(function: Callable) -> Callable:
    """``cached`` for a pure function of a text and settings whose value is immutable (a tuple, a bool): the last
    ``TEXTS_CACHED`` results.

    The same sentences come back whenever a report is read again: another copy, or an edit of one line."""
    return cached(function, TEXTS_CACHED)


def vocab_dir() -> Path:
    return _vocab_dir


@contextmanager
def using_vocab_dir(folder: Path) -> Iterator[None]:
    """Read the vocabulary from ``folder`` inside the block (a test's edited copy), then from the package again."""
    global _vocab_dir
    previous, _vocab_dir = _vocab_dir, Path(folder)
    _clear()
    try:
        load_all()
        yield
    finally:
        _vocab_dir = previous
        _clear()


def _clear() -> None:
    for function in _caches:
        function.cache_clear()


# --- reading and checking files -----------------------------------------------------------------------------

class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where there is one (5x faster)
    """A YAML loader that refuses a key given twice in one mapping (YAML would keep the last silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        counts = Counter(self.construct_object(key, deep=deep) for key, _ in node.value)
        twice = sorted(str(k) for k, n in counts.items() if n > 1)
        if twice:
            raise yaml.constructor.ConstructorError(None, None, f"key(s) given twice: {', '.join(twice)}", node.start_mark)
        return super().construct_mapping(node, deep=deep)


@cached
def raw_file(name: str) -> Any:
    path = vocab_dir() / f"{name}.yaml"
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_UniqueKeyLoader)
    except (OSError, yaml.YAMLError) as err:
        raise VocabularyError(f"{path}: cannot be read ({err})") from err


def fail(file: str, entry: str, problem: str) -> VocabularyError:
    return VocabularyError(f"{vocab_dir() / (file + '.yaml')}: entry {entry!r}: {problem}")


def check_pattern(file: str, entry: str, pattern: object, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise fail(file, entry, f"a pattern must be a string, not {pattern!r}")
    try:
        return compiled(pattern, flags)
    except re.error as err:
        raise fail(file, entry, f"pattern does not compile ({err}): {pattern!r}") from err


@cached
def grammar_sources() -> dict[str, tuple[str, dict]]:
    """name -> (file, entry as written), for every entry of every grammar file; unknown keys refused."""
    sources: dict[str, tuple[str, dict]] = {}
    for file in GRAMMAR_FILES:
        content = raw_file(file)
        if not isinstance(content, dict):
            raise VocabularyError(f"{vocab_dir() / (file + '.yaml')}: a grammar file is a mapping of named entries")
        for name, raw in content.items():
            entry = {"pattern": raw} if isinstance(raw, str) else raw
            if not isinstance(entry, dict):
                raise fail(file, name, "an entry is a pattern or a mapping")
            unknown = set(entry) - ENTRY_KEYS
            if unknown:
                raise fail(file, name, f"unknown key(s) {', '.join(sorted(unknown))}; use {', '.join(sorted(ENTRY_KEYS))}")
            kinds = [k for k in ENTRY_KINDS if k in entry]
            if len(kinds) != 1:
                raise fail(file, name, f"give exactly one of {', '.join(ENTRY_KINDS)}")
            if name in sources:
                raise fail(file, name, f"also defined in {sources[name][0]}.yaml")
            sources[name] = (file, entry)
    return sources


def expand(text: str, file: str, name: str, trail: tuple[str, ...] = ()) -> str:
    """``text`` with every ``{Reference}`` replaced by the referenced entry's pattern."""
    def replace(match: re.Match[str]) -> str:
        target = match.group("name")
        if target in trail:
            raise fail(file, name, f"circular reference {' -> '.join(trail + (target,))}")
        if target not in grammar_sources():
            raise fail(file, name, f"reference {{{target}}} names no entry of the grammar files")
        return fragment(target, trail + (target,))
    return REFERENCE.sub(replace, text)


def fragment(name: str, trail: tuple[str, ...] = ()) -> str:
    """The pattern text of entry ``name``, references resolved (``words`` as one alternation)."""
    file, raw = grammar_sources()[name]
    trail = trail or (name,)
    if "pattern" in raw:
        return expand(raw["pattern"], file, name, trail)
    if "words" in raw:
        return "(?:" + "|".join(expand(w, file, name, trail) for w in raw["words"]) + ")"
    raise fail(file, name, "a list of patterns cannot be referenced inside another pattern")


@cached
def entry(name: str) -> Entry:
    """The grammar entry ``name``, references resolved and every pattern checked."""
    if name not in grammar_sources():
        raise VocabularyError(f"{vocab_dir()}: no grammar entry named {name!r}")
    file, raw = grammar_sources()[name]
    flags = 0 if raw.get("case_sensitive") else re.IGNORECASE
    if "any_of" in raw:
        value: Any = tuple(expand(p, file, name) for p in _listed(raw["any_of"], file, name))
        for pattern in value:
            check_pattern(file, name, pattern, flags)
        return Entry(name, file, "any_of", value, flags)
    if "classes" in raw:
        if not isinstance(raw["classes"], dict):
            raise fail(file, name, "classes is a mapping of name -> pattern")
        value = tuple((cls, expand(p, file, name)) for cls, p in raw["classes"].items())
        for _, pattern in value:
            check_pattern(file, name, pattern, flags)
        return Entry(name, file, "classes", value, flags)
    if "words" in raw:
        _listed(raw["words"], file, name)
    text = fragment(name)
    check_pattern(file, name, text, flags)
    return Entry(name, file, "pattern" if "pattern" in raw else "words", text, flags)


def _listed(value: object, file: str, name: str) -> list:
    if not isinstance(value, list) or not value:
        raise fail(file, name, "expected a non-empty list")
    return value


# --- what the reader asks for -------------------------------------------------------------------------------

@cached
def regex(name: str) -> re.Pattern[str]:
    """Entry ``name`` compiled (ignoring case unless the entry says ``case_sensitive``)."""
    found = entry(name)
    if found.kind not in {"pattern", "words"}:
        raise VocabularyError(f"{found.file}.yaml: entry {name!r} is a list; ask for it with regexes() or classes()")
    return compiled(found.value, found.flags)


@cached
def regexes(name: str) -> tuple[re.Pattern[str], ...]:
    """The patterns of an ``any_of`` entry, compiled, in order."""
    found = entry(name)
    if found.kind != "any_of":
        raise VocabularyError(f"{found.file}.yaml: entry {name!r} is not an any_of list")
    return tuple(compiled(p, found.flags) for p in found.value)


@cached
def classes(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(class, compiled pattern) of a ``classes`` entry, in order."""
    found = entry(name)
    if found.kind != "classes":
        raise VocabularyError(f"{found.file}.yaml: entry {name!r} is not a classes mapping")
    return tuple((cls, compiled(p, found.flags)) for cls, p in found.value)


def class_texts(name: str) -> tuple[tuple[str, str], ...]:
    """(class, pattern text) of a ``classes`` entry, for code that wraps them in a pattern of its own."""
    found = entry(name)
    if found.kind != "classes":
        raise VocabularyError(f"{found.file}.yaml: entry {name!r} is not a classes mapping")
    return found.value


def words(name: str) -> tuple[str, ...]:
    """The words of a ``words`` entry, in the order written (an ordinal's place: "Second" is the second)."""
    found = entry(name)
    if found.kind != "words":
        raise VocabularyError(f"{found.file}.yaml: entry {name!r} is not a list of words")
    return tuple(grammar_sources()[name][1]["words"])


# Characters other than ASCII letters that a case-insensitive pattern matches to one (re's case folding).
ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def parsed(pattern: re.Pattern[str]) -> list | None:
    """The items of ``pattern`` as Python's own regular-expression parser reads them; None if it cannot."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse as parser  # type: ignore[no-redef]
    try:
        return list(parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 (a pattern the parser of another Python version reads otherwise: no shortcut)
        return None


def requirements(items: list) -> list[tuple[str, ...]]:
    """Sets of texts every match of the parsed sequence ``items`` holds one of: each run of ASCII characters in it
    (a set of one), and each alternation all of whose branches require a text (the texts they require)."""
    found, run, items = [], [], list(items)
    while items:
        op, value = items.pop(0)
        if str(op) == "LITERAL" and value < 128:
            run.append(chr(value))
            continue
        if str(op) == "SUBPATTERN" and not value[1] and value[2] in (0, re.IGNORECASE):
            items[:0] = list(value[-1])  # a group matched once, flags unchanged or case kept ("(?-i:IS)"): in line
            continue
        found.append(("".join(run),))
        run = []
        if str(op) == "BRANCH":
            branches = [best_requirement(requirements(branch)) for branch in value[1]]
            if all(branches):
                found.append(tuple(sorted({text for texts in branches for text in texts})))
    found.append(("".join(run),))
    return [texts for texts in found if all(texts)]


def best_requirement(found: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The set of ``found`` whose shortest text is the longest (the likeliest to be missing from a text); () if none."""
    return max(found, key=lambda texts: min(map(len, texts)), default=())


@lru_cache(maxsize=None)
def required_texts(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Texts every match of ``pattern`` holds one of (a run of ASCII characters, or one of the runs its alternatives
    require: "January", "February", ...), lower-cased if the pattern ignores case; ("",) if none: a text holding none
    of them cannot match, so the pattern need not scan it. Kept between processes with the compiled patterns
    (``pattern_cache.kept_derivation``), under a hash of this module's source."""
    return kept_derivation(pattern, derived_required_texts, source_version())


def derived_required_texts(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """``required_texts`` derived from the pattern's parse."""
    texts = best_requirement(requirements(parsed(pattern) or [])) or ("",)
    return tuple(sorted({t.lower() for t in texts})) if pattern.flags & re.IGNORECASE else texts


@lru_cache(maxsize=None)
def source_version() -> str:
    """A hash of this module's source: what ``required_texts`` derives is kept for this version only."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


@cached
def keyed_regexes(name: str) -> tuple[tuple[re.Pattern[str], tuple[str, ...], bool], ...]:
    """The patterns of entry ``name`` (an ``any_of`` list, or one pattern), each with its ``required_texts`` and
    whether it ignores case."""
    patterns = regexes(name) if entry(name).kind == "any_of" else (regex(name),)
    return tuple((pattern, required_texts(pattern), bool(pattern.flags & re.IGNORECASE)) for pattern in patterns)


@cached_by_text
def folded(text: str) -> str:
    """``text`` lower-cased, with the characters a case-insensitive pattern matches to an ASCII letter made it."""
    return text.translate(ASCII_FOLDS).lower()


class Requirements:
    """Which of many requirements a text holds, each a set of texts (a requirement is held when the text holds one of
    them; an empty text is always held) searched for in the text as it is or in its ``folded`` form. All of them are
    found in one pass over the text (an Aho-Corasick automaton of every text, pyahocorasick), not by one substring
    search each: the reader asks this for every sentence and part of one, against a few hundred requirements."""

    def __init__(self, requirements: tuple[tuple[tuple[str, ...], bool], ...]) -> None:
        self.always = frozenset(index for index, (texts, _) in enumerate(requirements) if not all(texts))
        self.automata: list[tuple[bool, ahocorasick.Automaton]] = []
        for ignore_case in (False, True):
            holders: dict[str, list[int]] = {}
            for index, (texts, case) in enumerate(requirements):
                if case == ignore_case and index not in self.always:
                    for text in texts:
                        holders.setdefault(text, []).append(index)
            if holders:
                automaton = ahocorasick.Automaton()
                for text, indexes in holders.items():
                    automaton.add_word(text, tuple(indexes))
                automaton.make_automaton()
                self.automata.append((ignore_case, automaton))

    def held(self, text: str, lowered: str) -> set[int]:
        """The indexes of the requirements ``text`` holds (``lowered``: its ``folded`` form)."""
        held = set(self.always)
        for ignore_case, automaton in self.automata:
            for _, indexes in automaton.iter(lowered if ignore_case else text):
                held.update(indexes)
        return held


@cached
def keyed_entries(names: tuple[str, ...]) -> tuple[tuple[tuple[str, re.Pattern[str], int], ...], Requirements]:
    """The patterns of each of ``names`` in turn, each with the name of its entry and the index of its requirement;
    and the distinct requirements (``required_texts``, and whether the pattern ignores case): many patterns share one
    (a month's name), tested once a text."""
    requirements: dict[tuple[tuple[str, ...], bool], int] = {}
    patterns = tuple((name, pattern, requirements.setdefault((required, ignore_case), len(requirements)))
                     for name in names for pattern, required, ignore_case in keyed_regexes(name))
    return patterns, Requirements(tuple(requirements))


def named_regexes_for(names: tuple[str, ...], text: str) -> list[tuple[str, re.Pattern[str]]]:
    """``regexes_for`` of each of the entries ``names`` in turn (one pass over their patterns), each pattern with the
    name of its entry."""
    patterns, requirements = keyed_entries(names)
    held = requirements.held(text, folded(text))
    return [(name, pattern) for name, pattern, requirement in patterns if requirement in held]


def regexes_for(name: str, text: str) -> list[re.Pattern[str]]:
    """The patterns of entry ``name`` (an ``any_of`` list, or one pattern) that may match ``text``: those one of whose
    ``required_texts`` it holds. The others cannot match; most of the costliest patterns (a party of up to 60
    characters before "killed no", tried from every position of a sentence; a month's name in a period phrase) need
    not scan most sentences."""
    return [pattern for _, pattern in named_regexes_for((name,), text)]


@cached_by_text
def matches_any(name: str, text: str) -> bool:
    """Whether any pattern of the ``any_of`` entry ``name`` is found in ``text`` (only those that may match it are
    tried)."""
    return any(p.search(text) for p in regexes_for(name, text))


# --- label files and settings --------------------------------------------------------------------------------

@cached
def label_entries(name: str) -> tuple[dict, ...]:
    """The entries of a label file (``perpetrators``, ``governorates``), checked."""
    if name not in LABEL_FILES:
        raise VocabularyError(f"{vocab_dir()}: {name!r} is not a label file ({', '.join(LABEL_FILES)})")
    content = raw_file(name)
    if not isinstance(content, list):
        raise VocabularyError(f"{vocab_dir() / (name + '.yaml')}: a label file is a list of entries")
    seen: set[str] = set()
    for raw in content:
        check_label_entry(name, raw, seen)
    check_labels_are_unambiguous(name, content)
    check_members(name, content)
    return tuple(content)


def check_label_entry(name: str, raw: object, seen: set[str]) -> None:
    code = raw.get("code", "?") if isinstance(raw, dict) else "?"
    if not isinstance(raw, dict):
        raise fail(name, code, "an entry is a mapping")
    unknown, missing = set(raw) - LABEL_KEYS[name], REQUIRED_LABEL_KEYS[name] - set(raw)
    if unknown:
        raise fail(name, code, f"unknown key(s) {', '.join(sorted(unknown))}; use {', '.join(sorted(LABEL_KEYS[name]))}")
    if missing:
        raise fail(name, code, f"missing key(s) {', '.join(sorted(missing))}")
    if code in seen:
        raise fail(name, code, "code defined twice")
    seen.add(code)
    if name == "perpetrators" and raw["group"] not in PARTY_GROUPS:
        raise fail(name, code, f"group {raw['group']!r} is not one of {', '.join(sorted(PARTY_GROUPS))}")
    if "named_force" in raw and (raw["named_force"] is not True or raw["group"] != "other_sub"):
        raise fail(name, code, "named_force is `true`, and only on a subcategory of the other parties (other_sub)")
    if "color" in raw and not re.fullmatch(r"#[0-9A-Fa-f]{6}", str(raw["color"])):
        raise fail(name, code, f"color {raw['color']!r} is not a hex colour such as '#1f77b4'")
    for variant in _listed(raw["variants"], name, code):
        if isinstance(variant, dict):
            extra = set(variant) - VARIANT_KEYS
            if extra or "pattern" not in variant:
                raise fail(name, code, f"a dated variant has keys {', '.join(sorted(VARIANT_KEYS))} (pattern required)")
            variant = variant["pattern"]
        check_pattern(name, code, variant)


def check_members(name: str, entries: list[dict]) -> None:
    """A combined party (group ``combined``) lists its ``members``, two or more main parties; no other entry has them."""
    main = {raw["code"] for raw in entries if raw.get("group") == "main"}
    for raw in entries:
        members = raw.get("members")
        if (raw.get("group") == "combined") != (members is not None):
            raise fail(name, raw["code"], "a combined party, and only a combined party, lists its members")
        if members is not None and (not isinstance(members, list) or len(members) < 2 or not set(members) <= main):
            raise fail(name, raw["code"], f"members {members!r} must be two or more codes of main parties")


def variant_pattern(variant: str | dict) -> str:
    return variant["pattern"] if isinstance(variant, dict) else variant


def check_labels_are_unambiguous(name: str, entries: list[dict]) -> None:
    """Each entry's human label must be read as its own code only: a label that variants of two codes match
    whole is an error."""
    for raw in entries:
        matching = sorted({other["code"] for other in entries for v in other["variants"]
                           if compiled(variant_pattern(v), re.IGNORECASE).fullmatch(raw["label"])})
        if len(matching) > 1:
            raise fail(name, raw["code"], f"label {raw['label']!r} matches the codes {', '.join(matching)}")


@cached
def settings(name: str) -> dict:
    """A settings file (``audit``), its keys checked."""
    content = raw_file(name)
    expected = SETTINGS_KEYS.get(name)
    if expected is None or not isinstance(content, dict):
        raise VocabularyError(f"{vocab_dir() / (name + '.yaml')}: not a settings file")
    unknown, missing = set(content) - expected, expected - set(content)
    if unknown or missing:
        raise fail(name, ", ".join(sorted(unknown | missing)), "unknown or missing setting")
    return content


def load_all() -> None:
    """Load and check every vocabulary file (the first call to any of them does the same, file by file)."""
    for name in grammar_sources():
        entry(name)
    for name in LABEL_FILES:
        label_entries(name)
    for name in SETTINGS_FILES:
        settings(name)
