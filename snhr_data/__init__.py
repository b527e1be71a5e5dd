"""snhr_data: the figures stated in SNHR's monthly civilian death-toll reports, as tidy, traceable tables.

The public API (each name is imported on first use, so that ``import snhr_data`` stays light):

Reading the processed data (``data/processed``, built by ``snhr-data build-data``):
    load_figures()        the figures table: one row per figure a report states, with file, line, quote
    load_table(name)      any processed table by name (``figures``, ``totals``, ``series`` ...)
    table_names()         the names of the processed tables

Reading a report:
    extract_figures(path_or_text)   every figure a report states, with provenance

Checking and tracing the numbers:
    run_checks(figures)   the audit: stated figures that do not add up, with the statements involved
    explain(figures, row=None, **selectors)   the quotes, files and lines behind a figure, row or finding

Across reports:
    build_series(figures) every count any report states, with its first and latest value and revisions

Sharing the data:
    write_release(target=None)   one zip of the tables for R, Stata or spreadsheets, with a README,
                                 the data dictionary and CITATION.cff (``snhr-data release``)

Example::

    import snhr_data
    series = snhr_data.load_table("series")
    snhr_data.explain(snhr_data.load_figures(), series.query("revised").iloc[0])

The same from a shell: ``snhr-data --help`` (or ``python -m snhr_data --help``).
"""
__version__ = "0.1.0"

# name -> the module (in this package) that defines it; imported on first use.
_LAZY = {
    "load_figures": "build",
    "load_table": "build",
    "table_names": "metadata",
    "extract_figures": "extract",
    "run_checks": "audit",
    "explain": "provenance",
    "build_series": "series",
    "write_release": "release",
}

__all__ = list(_LAZY)


def __getattr__(name: str):
    """The public API's functions, imported from their modules on first use (PEP 562)."""
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module 'snhr_data' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The module's attributes and the public API not loaded yet, for tab completion and ``dir()``."""
    return sorted(set(globals()) | set(__all__))
