"""The ``snhr-data`` command line: the only place (with ``build``) that reads and writes files."""
from __future__ import annotations

import sys
from pathlib import Path

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="snhr_data")
def main() -> None:
    """Figures from SNHR's monthly civilian death-toll reports, as tidy, traceable tables."""


@main.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write CSV here (default: stdout).")
@click.option("--strict", is_flag=True, help="Treat unmapped labels as errors instead of warnings.")
def extract_command(files: tuple[Path, ...], output: Path | None, strict: bool) -> None:
    """Extract every stated figure from report FILES (.txt, .md, .pdf, .html)."""
    import pandas as pd

    from .extract import extract_figures
    from .io import write_csv_atomic, figures_to_csv_frame

    frames = []
    failed = False
    for path in files:
        try:
            frames.append(extract_figures(path, strict=strict))
        except (ValueError, OSError) as err:
            click.echo(f"error: {err}", err=True)
            failed = True
    if frames:
        figures = pd.concat(frames, ignore_index=True)
        if output is None:
            figures_to_csv_frame(figures).to_csv(sys.stdout, index=False, lineterminator="\n")
        else:
            write_csv_atomic(figures, output)
            click.echo(f"{len(figures)} figures from {len(frames)} report(s) -> {output}", err=True)
    if failed:
        sys.exit(1)
