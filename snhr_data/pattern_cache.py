"""Compiled regular expressions kept between processes, as ``__pycache__`` keeps compiled modules.

The reader compiles about 1,600 patterns of the grammar and vocabularies (``snhr_data/vocab``) in every process that
reads a report: about 0.4 s of CPU in Python's pure-Python pattern parser and compiler, on the data stage's critical
path and again in every test process. What ``re`` hands to its C engine is a list of integers (the compiled program)
with the pattern's flags and groups; this module keeps those, per pattern text and flags, in one file
(``snhr_data/__pycache__/patterns.<python tag>.bin``, ``marshal`` format: data only, no code), and builds a pattern from
them with ``_sre.compile``, the call ``re`` itself ends with: the same program gives the same pattern (``==`` on two
patterns compares their programs; ``tests/test_pattern_cache.py`` compares every kept pattern with a fresh compile).

Robustness: the file's header names the Python version and the engine's constants (``_sre.MAGIC``, code size, group
limits); any difference, an unreadable or truncated file, or an entry the engine refuses, and the pattern is
compiled by ``re.compile`` as before. A pattern that is not kept is compiled by ``re.compile`` too (so errors are
re's own), then its program is recorded. ``save`` writes the file through a temporary file and a rename (two
processes writing at once leave one whole file); the data stage calls it when it compiled any pattern that was not
kept, and ``make bytecode`` (``python -m snhr_data.pattern_cache``) writes it for the whole grammar. Set
``SNHR_PATTERN_CACHE=0`` to compile every pattern afresh.

What the reader derives from a pattern's parse (``grammar.required_texts``: the texts every match holds, about 0.3 s
of CPU a process in the same pure-Python parser) is kept the same way in a second file beside it
(``derived.<python tag>.bin``), under the version of the code that derived it (``kept_derivation``): a file of another
version, or of another Python, is not read, and the value is derived afresh.
"""
from __future__ import annotations

import marshal
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Callable

import _sre

from .paths import PACKAGE_DIR

FORMAT = 2
CODE_TYPE = "I" if array("I").itemsize == _sre.CODESIZE else "L"  # the engine's code words, kept as their bytes
HEADER = ("snhr-patterns", FORMAT, sys.implementation.name, sys.version, sys.byteorder, _sre.MAGIC, _sre.CODESIZE,
          _sre.MAXREPEAT, _sre.MAXGROUPS, CODE_TYPE, array(CODE_TYPE).itemsize)
Key = tuple[str, int]
Program = tuple[int, bytes, int, dict[str, int], tuple]  # flags, code (as bytes), groups - 1, groupindex, indexgroup

_kept: dict[Key, Program] | None = None  # as read from the file (None: not read yet)
_used: dict[Key, Program] = {}  # programs of the patterns this process compiled through ``compiled``
_patterns: dict[Key, re.Pattern[str]] = {}  # this process's patterns, one object per key (as ``re``'s cache would)
_missed = 0  # patterns compiled afresh because the file did not hold them
Derived = tuple[str, ...]
_kept_derived: dict[str, dict[Key, Derived]] = {}  # version -> what the derived file holds for it (read once)
_derived: dict[Key, Derived] = {}  # what this process derived or found, for the version it asked with
_derived_version: str | None = None
_missed_derived = 0


def enabled() -> bool:
    return os.environ.get("SNHR_PATTERN_CACHE", "1") != "0"


def cache_path() -> Path:
    return PACKAGE_DIR / "__pycache__" / f"patterns.{sys.implementation.cache_tag}.bin"


def derived_path() -> Path:
    return cache_path().with_name(f"derived.{sys.implementation.cache_tag}.bin")


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` for a ``str`` pattern, from the kept program when there is one."""
    flags = int(flags)
    key = (pattern, flags)
    found = _patterns.get(key)
    if found is not None:
        return found
    if not enabled() or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    program = _kept_programs().get(key)
    result = None
    if program is not None:
        try:
            result = built(pattern, program)
        except Exception:  # noqa: BLE001 - an entry the engine refuses: compiled afresh below
            result = None
    if result is None:
        global _missed
        result = re.compile(pattern, flags)  # re's own errors for a bad pattern
        program = _program(pattern, flags, result)
        _missed += 1
    if program is not None:
        _used[key] = program
    _patterns[key] = result
    return result


def built(pattern: str, program: Program) -> re.Pattern[str]:
    """The pattern ``_sre.compile`` makes of ``program`` (what ``re._compiler.compile`` ends with)."""
    flags, code, groups, groupindex, indexgroup = program
    words = array(CODE_TYPE)
    words.frombytes(code)
    return _sre.compile(pattern, flags, words.tolist(), groups, dict(groupindex), tuple(indexgroup))


def _program(pattern: str, flags: int, compiled_pattern: re.Pattern[str]) -> Program | None:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``pattern``: None unless it gives ``compiled_pattern``
    back (another Python's internals)."""
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = array(CODE_TYPE, [int(op) for op in _compiler._code(parsed, flags)]).tobytes()
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        if built(pattern, program) != compiled_pattern:
            return None
        return program
    except Exception:  # noqa: BLE001 - nothing kept for this pattern
        return None


def _kept_programs() -> dict[Key, Program]:
    global _kept
    if _kept is None:
        _kept = read(cache_path())
    return _kept


def read(path: Path) -> dict[Key, Program]:
    """The programs kept in ``path``; empty if it is missing, unreadable or of another Python."""
    try:
        header, entries = marshal.loads(Path(path).read_bytes())
        if tuple(header) != HEADER or not isinstance(entries, dict):
            return {}
        return entries
    except Exception:  # noqa: BLE001 - any damage: nothing is kept
        return {}


def kept_derivation(pattern: re.Pattern[str], derive: Callable[[re.Pattern[str]], Derived], version: str) -> Derived:
    """``derive(pattern)`` (a tuple of texts), as the derived file keeps it for ``version`` when it does. ``version``
    names the deriving code (a hash of its source): one process asks with one version."""
    global _derived_version, _missed_derived
    if not enabled():
        return derive(pattern)
    if _derived_version != version:
        _derived.clear()
        _derived_version = version
    key = (pattern.pattern, int(pattern.flags))
    found = _derived.get(key)
    if found is None:
        if version not in _kept_derived:
            _kept_derived[version] = read_derived(derived_path(), version)
        found = _kept_derived[version].get(key)
        if not (isinstance(found, tuple) and all(isinstance(text, str) for text in found)):
            found = tuple(derive(pattern))
            _missed_derived += 1
        _derived[key] = found
    return found


def read_derived(path: Path, version: str) -> dict[Key, Derived]:
    """What ``path`` keeps for ``version``; empty if it is missing, unreadable, of another Python or version."""
    try:
        header, entries = marshal.loads(Path(path).read_bytes())
        if tuple(header) != (*HEADER, version) or not isinstance(entries, dict):
            return {}
        return entries
    except Exception:  # noqa: BLE001 - any damage: nothing is kept
        return {}


def missed() -> int:
    """How many patterns this process compiled afresh for want of a kept program."""
    return _missed


def save(path: Path | None = None, only_if_missed: bool = True, prune: bool = False) -> Path | None:
    """Write the programs of every pattern this process compiled through ``compiled``, with those ``path`` (default
    ``cache_path()``) already keeps, to ``path``, replacing the file whole; nothing when nothing was missed
    (``only_if_missed``), when the cache is off or the folder cannot be written. A process uses only some of the
    patterns (a data stage, the grammar entries its reports need), so the others stay; ``prune`` keeps only this
    process's (``compile_all``, which compiles every pattern there is: those of removed entries go). Returns the path
    written, if any."""
    if not enabled():
        return None
    if _derived_version is not None and _derived and (_missed_derived or not only_if_missed):
        target = derived_path() if path is None else Path(path).with_name(f"derived.{Path(path).name}")
        kept = {} if prune else read_derived(target, _derived_version)
        _write(target, ((*HEADER, _derived_version), dict(sorted({**kept, **_derived}.items()))))
    if not _used or (only_if_missed and not _missed):
        return None
    path = Path(path) if path is not None else cache_path()
    entries = _used if prune else {**read(path), **_used}
    return _write(path, (HEADER, dict(sorted(entries.items()))))


def _write(path: Path, content: object) -> Path | None:
    """``content`` in ``marshal`` format to ``path``, whole (a temporary file and a rename); None if it cannot be."""
    data = marshal.dumps(content)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # (not snhr_data.io: reading code imports none of it)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except OSError:
        return None
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def forget() -> None:
    """Drop what this process read and compiled (tests)."""
    global _kept, _missed, _derived_version, _missed_derived
    _kept, _missed, _derived_version, _missed_derived = None, 0, None, 0
    _used.clear()
    _patterns.clear()
    _kept_derived.clear()
    _derived.clear()


def compile_all() -> Path | None:
    """Compile every pattern of the grammar, the vocabularies and the page furniture, and keep them if any was not
    kept (``make bytecode``)."""
    from . import furniture, grammar, vocab
    from .reading import heads

    grammar._clear()  # what this process compiled before is compiled (or found) again, and so counted
    furniture.furniture.cache_clear()
    grammar.load_all()
    for name in grammar.LABEL_FILES:
        vocab.compiled_vocab(name)
    furniture.furniture()
    heads._noun_pattern()
    grammar.required_texts.cache_clear()
    for pattern in list(_patterns.values()):
        grammar.required_texts(pattern)
    return save(prune=True)


def main() -> str:
    """``python -m snhr_data.pattern_cache`` (``make bytecode``): what it did, in a line. A grammar that does not load
    is not this step's to report (the build and the tests name the file and entry): nothing is written then."""
    from snhr_data import pattern_cache  # run as a script, this file is another module than the one the reader imports

    try:
        written = pattern_cache.compile_all()
    except Exception as err:  # noqa: BLE001 - see above
        return f"pattern cache: not written ({type(err).__name__}: {err})"
    return f"{written}: {len(pattern_cache._used)} patterns" if written else "pattern cache: up to date"


if __name__ == "__main__":
    print(main())
