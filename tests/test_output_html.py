"""Tests for govbudget._output._html: the self-contained HTML report."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from govbudget._cli import main


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article" and a.get("id"):
            self.ids.append(a["id"] or "")
        for key in ("href", "src"):
            v = a.get(key)
            if v and v.startswith("#"):
                self.links.append(v[1:])
            elif v:
                self.external.append(v)


def test_html_every_finding_self_contained(sample_path: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Every finding is on the page (its fingerprint as an id), with its context lines;
    no external resource; knock-ons link to their root."""
    main(["check", str(sample_path), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    out = tmp_path / "r.html"
    main(["check", str(sample_path), "--format", "html", "--output", str(out)])
    page = out.read_text(encoding="utf-8")
    p = _Collect()
    p.feed(page)
    assert sorted(p.ids) == sorted(f"f-{f['fingerprint']}" for f in findings)
    assert not p.external and "<link" not in page and "<script" not in page
    assert all(link in p.ids or link.startswith("file-") for link in p.links)
    assert page.count('<pre class="context">') >= sum(1 for f in findings
                                                      if f["location"]["line"])
    assert "根源" in page and "连带" in page and 'class="hit"' in page
    assert re.search(r"第\d+页", page)


@pytest.mark.skipif(not shutil.which("chromium"), reason="chromium is not installed")
def test_html_in_headless_chromium(sample_path: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Chromium, offline, builds a DOM with one article per finding."""
    import subprocess

    main(["check", str(sample_path), "--format", "json"])
    n = len(json.loads(capsys.readouterr().out)["files"][0]["findings"])
    out = tmp_path / "r.html"
    main(["check", str(sample_path), "--format", "html", "--output", str(out)])
    done = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                           "--dump-dom", out.as_uri()], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-1000:]
    assert done.stdout.count('<article class="finding') == n
