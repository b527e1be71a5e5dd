"""The reports, looked at in a real browser: headless Chromium opens the index and a report page.

Each page is checked for images that do not load (``naturalWidth`` 0), content cut off (the document
wider than the window, or an element hiding its overflow) and, on the index, links to missing files.
Chromium reads the page through ``--dump-dom``: an instrumented copy of the page (a ``<base>`` pointing
at the original folder, and a script that writes its measurements into the DOM on ``load``) is
opened, and the measurements are read back from the dumped DOM. A full-page screenshot of each page is
kept in ``build/browser-check/`` (git-ignored) for a person to look at.

The pages are those of ``reports/`` when it is built (``make build``); otherwise one monthly report is
built into a temporary folder first. Skipped, with the reason, where Chromium is not installed
(``make browser-check`` installs Debian's package and runs this file).
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from snhr_data import paths

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed: `make browser-check` installs it (apt-get install chromium)")

WINDOW = (1280, 800)
MAX_SCREENSHOT_HEIGHT = 16000
ARTIFACTS = paths.project_root() / "build" / "browser-check"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    # No page reaches the network: the notebook pages ask a CDN for require.js and MathJax.
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
MEASURE = """<script>
window.addEventListener("load", function () {
  var root = document.documentElement;
  var clipped = Array.prototype.filter.call(document.querySelectorAll("body *"), function (el) {
    var overflow = getComputedStyle(el).overflowX;
    return (overflow === "hidden" || overflow === "clip") && el.scrollWidth > el.clientWidth + 1;
  }).map(function (el) { return el.tagName.toLowerCase() + "." + el.className; });
  var result = {
    images: Array.prototype.map.call(document.images, function (img) {
      return {src: img.getAttribute("src").slice(0, 60), loaded: img.complete && img.naturalWidth > 0};
    }),
    links: Array.prototype.map.call(document.links, function (a) { return a.href; }),
    scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, scrollHeight: root.scrollHeight,
    clipped: clipped.slice(0, 10)
  };
  var out = document.createElement("pre");
  out.id = "browser-check";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
});
</script>"""


def chromium(*arguments: str, profile: Path) -> str:
    """Run headless Chromium with a fresh profile; its standard output."""
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *arguments],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def measure(page: Path, work: Path) -> dict:
    """What the browser measured on ``page`` once loaded (images, links, widths, clipped elements)."""
    text = page.read_text(encoding="utf-8")
    base = f'<base href="{page.parent.resolve().as_uri()}/">'
    instrumented = re.sub(r"<head[^>]*>", lambda m: m.group(0) + base, text, count=1)
    instrumented = instrumented.replace("</body>", MEASURE + "</body>", 1)
    copy = work / f"measured-{page.name}"
    copy.write_text(instrumented, encoding="utf-8")
    dom = chromium("--dump-dom", "--virtual-time-budget=10000", f"--window-size={WINDOW[0]},{WINDOW[1]}",
                   copy.as_uri(), profile=work / "profile-measure")
    found = re.search(r'<pre id="browser-check">(.*?)</pre>', dom, flags=re.S)
    assert found, f"{page}: the page never finished loading (no load event within the time budget)"
    return json.loads(html.unescape(found.group(1)))


def screenshot(page: Path, height: int, target: Path, work: Path) -> Path:
    """A full-page PNG of ``page`` (up to MAX_SCREENSHOT_HEIGHT pixels high) at ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    chromium(f"--screenshot={target}", "--hide-scrollbars", "--virtual-time-budget=10000",
             f"--window-size={WINDOW[0]},{min(height, MAX_SCREENSHOT_HEIGHT)}", page.resolve().as_uri(),
             profile=work / "profile-screenshot")
    return target


def built_site(out: Path) -> Path:
    """One monthly report built into ``out`` (without the cross-year notebook), for when reports/ is not built."""
    from snhr_data.notebooks import report_months
    from snhr_data.reports import build_reports

    done = build_reports([report_months()[-1]], out, cross_year=False, workers=1, progress=False)
    assert not done.failed, [r.message for r in done.failed]
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory, request) -> Path:
    reports = paths.reports_dir()
    if (reports / "index.html").is_file() and list(reports.glob("*/monthly_report.html")):
        return reports
    request.getfixturevalue("notebook_workers_ready")
    return built_site(tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Path]:
    return {"index": site / "index.html", "report": sorted(site.glob("*/monthly_report.html"))[-1]}


@pytest.fixture(scope="module")
def measured(pages, tmp_path_factory) -> dict[str, dict]:
    return {which: measure(page, tmp_path_factory.mktemp(which)) for which, page in pages.items()}


def problems(page: Path, measured: dict) -> list[str]:
    """What a reader would see go wrong: images that do not load, content cut off."""
    found = [f"image does not load: {image['src']}" for image in measured["images"] if not image["loaded"]]
    if measured["scrollWidth"] > measured["clientWidth"]:
        found.append(f"{measured['scrollWidth']} px wide in a {measured['clientWidth']} px window: content is cut off")
    found += [f"element hides content that overflows it: {element}" for element in measured["clipped"]]
    return [f"{page}: {problem}" for problem in found]


def test_the_check_sees_a_broken_image_and_a_page_too_wide(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<html><head></head><body><img src="missing.png"><div style="width:3000px">wide</div>'
                   '<div style="width:50px;overflow:hidden"><span style="display:inline-block;width:400px">'
                   "cut</span></div></body></html>", encoding="utf-8")
    found = problems(bad, measure(bad, tmp_path))
    assert len(found) == 3, found
    assert "missing.png" in found[0] and "cut off" in found[1] and "div" in found[2]


@pytest.mark.parametrize("which", ["index", "report"])
def test_the_page_loads_whole_in_chromium_and_its_screenshot_is_kept(pages, measured, which, tmp_path):
    assert not problems(pages[which], measured[which])
    shot = screenshot(pages[which], measured[which]["scrollHeight"], ARTIFACTS / f"{which}.png", tmp_path)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000  # a blank page compresses to far less


def test_the_report_page_shows_its_charts(pages, measured):
    images = measured["report"]["images"]
    assert len(images) >= 3, f"{pages['report']}: only {len(images)} images; the monthly report draws its charts"


def test_every_local_link_of_the_index_leads_to_a_file(measured):
    local = [Path(unquote(urlparse(link).path)) for link in measured["index"]["links"] if link.startswith("file:")]
    assert local, "the index links to no notebook, page or figure"
    missing = [str(path) for path in local if not path.is_file()]
    assert not missing, f"the index links to missing files: {missing[:5]}"
