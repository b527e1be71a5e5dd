"""Recall and wrong values of the reader on the realistic unseen-style cases (tests/cases/realistic/*.yaml).

Measures, it does not assert (the cases' own checks are run by tests/test_cases.py). Prints:

* headline recall: civilians, children, women and deaths under torture, all parties, all governorates, for
  whatever period the text gives them (month, year, half-year, year to date);
* all-figure recall: every expected figure (a figure counts as found when a row has its key and value;
  the qualifier is not compared);
* wrong values: rows whose key the text states (``expected`` or ``may_also``) with a value it does not state
  for that key, headline keys counted apart;
* wrong period: rows whose key the text does not state, but whose value the text states for the same
  measure, group, party and governorate under another period or report month (a figure filed under the
  wrong period);
* other unstated rows: rows with a key the text does not state at all;
* refused: texts refused with the package's own error although they state figures.

Usage: .venv/bin/python benchmarks/realistic_recall.py [--cases DIR] [--only PREFIX] [-v]   (-v lists every miss and wrong row)
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from figure_checks import KEY, expected_figures  # noqa: E402
from test_cases import case_files, extract_case, read_case_file, scratch_dir  # noqa: E402

HEADLINE_MEASURES = {("civilian_deaths", "all"), ("civilian_deaths", "children"), ("civilian_deaths", "women"),
                     ("torture_deaths", "all")}


def is_headline(key: tuple) -> bool:
    _report, _period, measure, victim, perpetrator, governorate, unit, _share = key
    return (measure, victim) in HEADLINE_MEASURES and perpetrator == "all" and governorate == "all" and unit == "count"


def without_period(key: tuple) -> tuple:
    """The key without its report month and period."""
    return key[2:]


def show(key: tuple) -> str:
    return " ".join(key[:6]) + (f" %{key[7]}" if key[6] == "percent" else "")


def score_case(case: dict) -> dict:
    """Counts for one case, and the lines describing its misses and wrong rows."""
    result = extract_case(case, scratch_dir())
    expected, may_also = expected_figures(case, case["report"])
    stated: dict[tuple, set] = {}
    for k, v, _ in expected + may_also:
        stated.setdefault(k, set()).add(v)
    rows = [(tuple(getattr(figure, c) for c in KEY), float(figure.value), figure.line)
            for figure in result.figures or ()]
    found = {(k, v) for k, v, _ in rows}
    by_other_period = {(without_period(k), v) for k, v, _ in expected + may_also}
    counts: Counter = Counter(refused=int(result.refusal is not None))
    notes = [f"  refused: {result.refusal}"] if result.refusal else []
    for k, v, _ in expected:
        hit = (k, v) in found
        counts["all"] += 1
        counts["all_found"] += hit
        counts["headline"] += is_headline(k)
        counts["headline_found"] += hit and is_headline(k)
        if not hit:
            notes.append(f"  missing{' HEADLINE' if is_headline(k) else ''}: {show(k)} {v:g}")
    for k, v, line in rows:
        if k in stated and v not in stated[k]:
            kind = "wrong_headline" if is_headline(k) else "wrong"
            notes.append(f"  {kind}: {show(k)} {v:g} (line {line}; stated {sorted(stated[k])})")
        elif k not in stated and (without_period(k), v) in by_other_period:
            kind = "wrong_period"
            notes.append(f"  wrong period: {show(k)} {v:g} (line {line})")
        elif k not in stated:
            kind = "unstated"
            notes.append(f"  unstated: {show(k)} {v:g} (line {line})")
        else:
            continue
        counts[kind] += 1
    return {"counts": counts, "notes": notes}


def realistic_cases(folder: Path, only: str = "") -> list[dict]:
    """The cases that state figures, of the files whose name starts with ``only`` (all files when empty)."""
    return [case for path in case_files(folder) if path.name.startswith(only)
            for case in read_case_file(path, folder) if "refused" not in case]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=ROOT / "tests" / "cases" / "realistic")
    parser.add_argument("--only", default="", metavar="PREFIX",
                        help="only the case files whose name starts with PREFIX (e.g. round2: the held-out set)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    total: Counter = Counter()
    cases = realistic_cases(args.cases, args.only)
    for case in cases:
        scored = score_case(case)
        total += scored["counts"]
        if args.verbose and scored["notes"]:
            print(case["id"])
            print("\n".join(scored["notes"]))
    print(f"texts: {len(cases)}, refused: {total['refused']}")
    print(f"headline recall: {total['headline_found']}/{total['headline']} = "
          f"{total['headline_found'] / max(total['headline'], 1):.3f}")
    print(f"all-figure recall: {total['all_found']}/{total['all']} = {total['all_found'] / max(total['all'], 1):.3f}")
    print(f"wrong values: {total['wrong'] + total['wrong_headline']} (headline: {total['wrong_headline']})")
    print(f"figures under a wrong period: {total['wrong_period']}")
    print(f"other unstated rows: {total['unstated']}")


if __name__ == "__main__":
    main()
