"""The kept programs of compiled regular expressions (``snhr_data.pattern_cache``): never another match than a fresh
``re.compile``, and a fall-back to it on any doubt."""
from __future__ import annotations

import marshal
import re
from array import array

import pytest

from snhr_data import grammar, pattern_cache


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """The pattern cache reading and writing a file of this test's own, nothing of this process's kept."""
    path = tmp_path / "__pycache__" / "patterns.bin"
    monkeypatch.setattr(pattern_cache, "cache_path", lambda: path)
    monkeypatch.delenv("SNHR_PATTERN_CACHE", raising=False)
    pattern_cache.forget()
    yield path
    pattern_cache.forget()  # the next test reads the real file again


def same_as_fresh(pattern: str, flags: int, kept: re.Pattern[str]) -> None:
    fresh = re.compile(pattern, flags)
    # == on two patterns compares their flags, their text and their compiled programs (CPython's pattern_richcompare)
    assert kept == fresh, pattern
    assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == (fresh.pattern, fresh.flags, fresh.groups,
                                                                         fresh.groupindex)


def kept_entries(path) -> dict:
    header, entries = marshal.loads(path.read_bytes())
    assert tuple(header) == pattern_cache.HEADER
    return entries


def test_every_kept_pattern_is_the_one_re_compiles(cache):
    written = pattern_cache.compile_all()
    assert written == cache
    pattern_cache.forget()
    assert pattern_cache.compile_all() is None  # every pattern found in the file: nothing to write
    entries = kept_entries(cache)
    assert len(entries) > 1000  # the whole grammar, the label files and the page furniture
    for (pattern, flags), program in entries.items():
        same_as_fresh(pattern, flags, pattern_cache.built(pattern, program))


def test_the_installed_cache_matches_a_fresh_compile():
    """The file ``make bytecode`` or the last data stage wrote, if any: every entry as ``re`` compiles it."""
    path = pattern_cache.cache_path()
    if not path.is_file():
        pytest.skip(f"no pattern cache at {path}")
    entries = pattern_cache.read(path)
    if not entries:
        pytest.skip(f"{path}: of another Python or format (not used: every pattern is compiled afresh)")
    for (pattern, flags), program in entries.items():
        same_as_fresh(pattern, flags, pattern_cache.built(pattern, program))


def test_a_kept_pattern_is_built_from_the_file_and_matches_as_before(cache):
    pattern, flags = r"(?P<count>\d[\d,]*)\s+(?:civilians?|children)\b", re.IGNORECASE
    first = pattern_cache.compiled(pattern, flags)
    assert pattern_cache.missed() == 1
    assert pattern_cache.save() == cache
    pattern_cache.forget()
    kept = pattern_cache.compiled(pattern, flags)
    assert pattern_cache.missed() == 0  # from the file
    assert kept is not first
    same_as_fresh(pattern, flags, kept)
    assert kept.search("as many as 1,032 Civilians were").group("count") == "1,032"
    assert pattern_cache.compiled(pattern, flags) is kept  # one object per pattern in a process
    assert pattern_cache.save() is None  # nothing missed: nothing written


@pytest.mark.battery  # a data stage in a subprocess, about 1 s of CPU: make test-battery (CI)
def test_a_data_stage_that_missed_a_pattern_keeps_the_ones_it_did_not_use(cache):
    """A data stage compiles only what its reports need: saving its one new pattern must not drop the rest of the
    grammar that ``make bytecode`` kept; a pruning save (``compile_all``'s, the whole grammar) keeps only what it used."""
    pattern_cache.compile_all()
    kept = set(kept_entries(cache))
    pattern_cache.forget()  # a new process that uses one kept pattern and one new one
    old_key = next(iter(sorted(kept)))
    pattern_cache.compiled(*old_key)
    pattern_cache.compiled(r"\bnot\s+in\s+the\s+grammar\s+(\d+)", re.IGNORECASE)
    assert pattern_cache.save() == cache
    assert set(kept_entries(cache)) == kept | {(r"\bnot\s+in\s+the\s+grammar\s+(\d+)", int(re.IGNORECASE))}
    pattern_cache.forget()
    pattern_cache.compiled(*old_key)
    assert pattern_cache.save(only_if_missed=False, prune=True) == cache  # as compile_all saves
    assert set(kept_entries(cache)) == {old_key}


@pytest.mark.parametrize("damage", ["truncated", "other python", "not marshal", "refused program", "not a mapping"])
def test_a_damaged_or_foreign_cache_falls_back_to_re_compile(cache, damage):
    pattern, flags = r"killed\s+(\d+)", re.IGNORECASE
    pattern_cache.compiled(pattern, flags)
    pattern_cache.save()
    header, entries = marshal.loads(cache.read_bytes())
    if damage == "truncated":
        cache.write_bytes(cache.read_bytes()[:-7])
    elif damage == "other python":
        cache.write_bytes(marshal.dumps((header[:3] + ("2.7.18",) + header[4:], entries)))
    elif damage == "not marshal":
        cache.write_bytes(b"\x00garbage")
    elif damage == "refused program":  # a program the engine's validator refuses
        entries[(pattern, int(flags))] = (int(flags), array(pattern_cache.CODE_TYPE, [99999, 1, 2]).tobytes(), 1, {},
                                          (None, None))
        cache.write_bytes(marshal.dumps((header, entries)))
    else:
        cache.write_bytes(marshal.dumps((header, list(entries.items()))))
    pattern_cache.forget()
    found = pattern_cache.compiled(pattern, flags)
    same_as_fresh(pattern, flags, found)
    assert pattern_cache.missed() == 1


def test_a_bad_pattern_raises_re_error_and_is_not_kept(cache):
    with pytest.raises(re.error):
        pattern_cache.compiled(r"(unclosed", re.IGNORECASE)
    with pytest.raises(TypeError):
        pattern_cache.compiled(["not", "a", "pattern"])  # type: ignore[arg-type]
    assert pattern_cache.missed() == 0
    assert pattern_cache.save() is None


def test_off_compiles_afresh_and_writes_nothing(cache, monkeypatch):
    monkeypatch.setenv("SNHR_PATTERN_CACHE", "0")
    found = pattern_cache.compiled(r"\bmassacres?\b", re.IGNORECASE)
    same_as_fresh(r"\bmassacres?\b", re.IGNORECASE, found)
    assert pattern_cache.save(only_if_missed=False) is None
    assert not cache.exists()


def test_a_folder_that_cannot_be_made_writes_nothing(cache, monkeypatch):
    blocker = cache.parent.parent / "a-file"
    blocker.write_text("")
    monkeypatch.setattr(pattern_cache, "cache_path", lambda: blocker / "__pycache__" / "patterns.bin")
    found = pattern_cache.compiled(r"\bbarrel bombs?\b", re.IGNORECASE)
    same_as_fresh(r"\bbarrel bombs?\b", re.IGNORECASE, found)
    assert pattern_cache.save() is None  # the build goes on without it


@pytest.mark.battery  # two compiles of the grammar in subprocesses, about 1 s of CPU: make test-battery (CI)
def test_make_bytecodes_step_writes_the_file_and_never_fails_on_a_bad_grammar(cache, monkeypatch):
    assert pattern_cache.main() == f"{cache}: {len(pattern_cache._used)} patterns"
    pattern_cache.forget()  # as the next `make bytecode`, a new process
    assert pattern_cache.main() == "pattern cache: up to date"

    def broken() -> None:
        raise grammar.VocabularyError("counts.yaml: entry 'X': pattern does not compile")

    monkeypatch.setattr(pattern_cache, "compile_all", broken)
    assert pattern_cache.main().startswith("pattern cache: not written (VocabularyError: counts.yaml")


def test_the_grammar_gets_its_patterns_through_the_cache(cache):
    grammar._clear()
    try:
        found, flags = grammar.regex("OfTheDead"), grammar.entry("OfTheDead").flags
        assert (found.pattern, flags) in pattern_cache._used
        assert found is pattern_cache.compiled(found.pattern, flags)
    finally:
        grammar._clear()


def fresh_requirements_agree(entries: dict) -> None:
    for (pattern, flags), texts in entries.items():
        assert texts == grammar.derived_required_texts(re.compile(pattern, flags)), pattern


def test_every_kept_requirement_is_the_one_derived_afresh(cache):
    """What ``make bytecode`` keeps of ``grammar.required_texts`` (the texts a pattern's matches hold, which decide
    whether the reader tries the pattern on a text at all) is, for every pattern, what the parse gives now."""
    pattern_cache.compile_all()
    header, entries = marshal.loads(pattern_cache.derived_path().read_bytes())
    assert tuple(header) == (*pattern_cache.HEADER, grammar.source_version())
    assert len(entries) > 1000
    fresh_requirements_agree(entries)
    pattern_cache.forget()
    grammar.required_texts.cache_clear()
    month = grammar.regex("OfTheDead")
    assert grammar.required_texts(month) == grammar.derived_required_texts(month)
    assert pattern_cache._missed_derived == 0  # read from the file


def test_the_installed_requirements_match_a_fresh_derivation():
    """The file ``make bytecode`` or the last data stage wrote beside the programs, if any, for this grammar.py."""
    entries = pattern_cache.read_derived(pattern_cache.derived_path(), grammar.source_version())
    if not entries:
        pytest.skip("no requirements kept for this version of grammar.py (every one is derived afresh)")
    fresh_requirements_agree(entries)


@pytest.mark.parametrize("damage", ["other version", "truncated", "not texts"])
def test_requirements_of_another_version_or_damaged_are_derived_afresh(cache, damage):
    pattern = re.compile(r"\bkilled\s+by\s+(?:Russian|Syrian)\s+forces", re.IGNORECASE)
    calls, expected = [], grammar.derived_required_texts(pattern)
    assert expected == ("killed",)

    def derive(found: re.Pattern[str]) -> tuple[str, ...]:
        calls.append(found)
        return grammar.derived_required_texts(found)

    assert pattern_cache.kept_derivation(pattern, derive, "v1") == expected
    pattern_cache.compiled(r"\bx\b")  # (a missed program, so that save writes both files)
    pattern_cache.save()
    header, entries = marshal.loads(pattern_cache.derived_path().read_bytes())
    version = "v1"
    if damage == "other version":
        version = "v2"
    elif damage == "truncated":
        pattern_cache.derived_path().write_bytes(pattern_cache.derived_path().read_bytes()[:-5])
    else:
        entries[(pattern.pattern, int(pattern.flags))] = ("killed", 7)
        pattern_cache.derived_path().write_bytes(marshal.dumps((header, entries)))
    pattern_cache.forget()
    calls.clear()
    assert pattern_cache.kept_derivation(pattern, derive, version) == expected
    assert calls == [pattern]
    pattern_cache.forget()
    calls.clear()
    if damage == "other version":  # the same version as written: read, not derived
        assert pattern_cache.kept_derivation(pattern, derive, "v1") == expected
        assert calls == []
