"""The organiser's report as a person sees it: rendered in headless Chromium.

Chromium loads the file with the network off; the dumped DOM tells which sections and
images were laid out, and a screenshot is saved in tests/artifacts/ to look at.
"""
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import matplotlib.image
import pytest
from test_tables import sample_records

from wsd_text import Corpus
from wsd_text.export.html import write_report

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
# After load, write what the browser laid out for each image into the DOM, for --dump-dom.
PROBE = """<script>window.addEventListener("load", () => { for (const img of document.images) {
  const box = img.getBoundingClientRect();
  img.setAttribute("data-shown", [img.naturalWidth, img.naturalHeight, Math.round(box.width)].join("x")); } });
</script>"""

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="chromium is not installed (apt-get install chromium); on CI this test always runs")


def _chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium with a throw-away profile; return its standard output."""
    assert CHROMIUM, "chromium must be installed on CI (see .ci/run)"
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def _dom(tmp_path: Path, html_path: Path) -> str:
    """The DOM after loading the page with the image probe added."""
    probed = tmp_path / "probed.html"
    probed.write_text(html_path.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    return _chromium(tmp_path, "--virtual-time-budget=10000", "--dump-dom", probed.as_uri())


def test_report_browser_shows_sections_and_figures(tmp_path):
    page = write_report(Corpus.from_records(sample_records()), tmp_path / "report.html")
    dom = _dom(tmp_path, page)
    assert re.findall(r"<h2>(.*?)</h2>", dom) == [
        "Samenvatting", "Kenniscafé schulden en armoede", "werkplaats.txt", "Platform jeugd"]
    shown = [tuple(map(int, s.split("x"))) for s in re.findall(r'data-shown="([\dx]+)"', dom)]
    assert len(shown) == 4 and all(w > 300 and h > 200 and box > 300 for w, h, box in shown), shown

    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "report.png"
    screenshot.unlink(missing_ok=True)
    _chromium(tmp_path, f"--screenshot={screenshot}", "--window-size=1280,2000", page.as_uri())
    pixels = matplotlib.image.imread(screenshot)[..., :3]
    assert pixels.shape[:2] == (2000, 1280)
    # Not blank: text and coloured figures cover a good part of the page.
    assert (pixels.min(axis=2) < 0.9).mean() > 0.05 and pixels.std() > 0.1


def test_report_browser_shows_markup_in_reports_as_text(tmp_path):
    markup = "<script>alert(1)</script><img src=x onerror=\"document.body.dataset.pwned=1\"> <b>vet</b>"
    record = replace(sample_records()[0], title=markup, quotes=(replace(sample_records()[0].quotes[0], text=markup),))
    page = write_report(Corpus.from_records([record]), tmp_path / "report.html")
    dom = _dom(tmp_path, page)
    assert "pwned" not in dom.split("<body")[1].split(">")[0]
    assert "<b>vet</b>" not in dom and "alert(1)</script>" not in dom
    assert re.search(r"<h2>&lt;script&gt;alert\(1\)&lt;/script&gt;&lt;img .*&lt;b&gt;vet&lt;/b&gt;</h2>", dom)
