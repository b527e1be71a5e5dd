"""The book that saves a notebook's charts: PNG, SVG and PDF with fixed metadata, and a fingerprint of each.

Date and software-version fields are left out so a rebuild gives byte-identical files.
"""
from __future__ import annotations

import hashlib
import html
import json
from io import BytesIO
from pathlib import Path
from typing import Mapping, Sequence
from urllib.parse import quote

import pandas as pd
from matplotlib.figure import Figure

from .. import __version__
from ..io import atomic_path, write_csv_atomic
from .kept_ticks import ticks_kept
from .layout import Chart
from .style import house_style


def figure_metadata(title: str, report: str, parameters: Mapping[str, object]) -> dict[str, dict[str, str | None]]:
    """Per-format ``savefig`` metadata: what the chart is, its report, the notebook parameters, the version.

    Date and software-version fields are set to None so rebuilds give identical bytes.
    """
    description = json.dumps({"report": report, "parameters": dict(parameters),
                               "snhr_data_version": __version__}, sort_keys=True)
    creator = f"snhr_data {__version__}"
    return {
        "png": {"Title": title, "Description": description, "Software": None, "Source": "SNHR; snhr_data"},
        "svg": {"Title": title, "Description": description, "Date": None, "Creator": creator,
                "Source": "SNHR; snhr_data"},
        "pdf": {"Title": title, "Subject": description, "Creator": creator, "Producer": creator,
                "CreationDate": None, "ModDate": None},
    }


# zlib's fastest level: a chart's PNG (large flat areas) comes out within 1 % of the default level's size
# in about two thirds of the time.
FORMAT_OPTIONS: dict[str, dict[str, object]] = {"png": {"pil_kwargs": {"compress_level": 1}}}


def save_figure(fig: Figure, stem: Path, metadata: Mapping[str, Mapping[str, str | None]],
                formats: Sequence[str] = ("png", "svg", "pdf")) -> list[Path]:
    """Write ``stem``.png/.svg/.pdf atomically with fixed metadata; return the paths written."""
    written = []
    with house_style(), ticks_kept(fig):
        for fmt in formats:
            target = Path(f"{stem}.{fmt}")
            with atomic_path(target) as tmp:
                fig.savefig(tmp, format=fmt, metadata=dict(metadata[fmt]), **FORMAT_OPTIONS.get(fmt, {}))
            written.append(target)
    return written


def warm_up() -> None:
    """Draw a small chart in the house style and save it in memory in every format: what a process pays once."""
    from .layout import finish, new_figure

    with house_style():
        fig, ax = new_figure(3, 2)
        ax.barh([0, 1], [1, 2])
        finish(fig, ax, "Warm-up", "nothing saved", [], {})
        for fmt in ("png", "svg", "pdf"):
            fig.savefig(BytesIO(), format=fmt, **FORMAT_OPTIONS.get(fmt, {}))


def data_fingerprint(data: pd.DataFrame) -> str:
    """A short hash of the plotted numbers: changes whenever a charted value, label or row changes."""
    text = data.to_csv(index=False, lineterminator="\n", float_format="%.6g")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def png_bytes(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes for display in a notebook (no metadata, so the bytes are stable)."""
    buffer = BytesIO()
    with house_style():
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def saved_image(png: Path, title: str, width: int):
    """What a notebook shows of a saved chart: a link to its PNG beside the notebook, else the PNG itself.

    A build saves the charts in ``figures/`` beside the executed notebook (``output_dir`` "."): the
    notebook and its HTML page then link to the 300-dpi PNG (the chart's title as its alt text) instead
    of holding a base64 copy of it, which made each page megabytes large and slow to write and render.
    A chart saved elsewhere (an absolute ``output_dir``) is embedded, as a link would not resolve.
    """
    from IPython.display import HTML, Image

    if png.is_absolute():
        return Image(data=png.read_bytes(), format="png", width=width)
    return HTML(f'<img src="{quote(png.as_posix())}" alt="{html.escape(title, quote=True)}" width="{width}">')


class ChartBook:
    """What a notebook uses to show its charts: display, save to files, fingerprint the plotted data.

    ``output_dir`` empty or None: charts are only displayed (as when the regression tests re-run a
    golden notebook). ``fingerprints()`` lists every chart's data hash so a checked notebook cell
    fails when a charted number changes (nbval does not compare images).
    """

    def __init__(self, output_dir: str | Path | None, report: str, parameters: Mapping[str, object]) -> None:
        self.output_dir = Path(output_dir) if output_dir else None
        self.report = report
        self.parameters = dict(parameters)
        self.drawn: dict[str, str] = {}
        self.missing: dict[str, str] = {}

    def show(self, name: str, chart: Chart) -> pd.DataFrame:
        """Display ``chart`` (or say what is missing), save its files, and return its plotted data."""
        from IPython.display import Image, Markdown, display

        if chart.figure is None:
            display(Markdown(f"*Not drawn:* {chart.missing}"))
            self.drawn[name] = "not drawn"
            self.missing[name] = chart.missing
            return chart.data
        self.drawn[name] = data_fingerprint(chart.data)
        width = int(chart.figure.get_figwidth() * 120)
        title = chart.figure.get_label().replace("\n", " ")
        if self.output_dir is None:
            display(Image(data=png_bytes(chart.figure), format="png", width=width))
            return chart.data
        stem = self.output_dir / "figures" / name
        save_figure(chart.figure, stem, figure_metadata(title, self.report, self.parameters))
        write_csv_atomic(chart.data, self.output_dir / "figures" / f"{name}.csv")
        display(saved_image(Path(f"{stem}.png"), title, width))
        return chart.data

    def missing_text(self) -> str:
        """Markdown listing every chart not drawn and why."""
        if not self.missing:
            return "Every chart of this notebook could be drawn from the figures the text states."
        return "Not drawn, because the text does not state the numbers:\n\n" + "\n".join(
            f"- `{name}`: {why}" for name, why in self.missing.items())

    def fingerprints(self) -> str:
        """One line per chart: its name and the hash of the data it plots (or 'not drawn')."""
        width = max((len(n) for n in self.drawn), default=0)
        return "\n".join(f"{name.ljust(width)}  {value}" for name, value in self.drawn.items())
