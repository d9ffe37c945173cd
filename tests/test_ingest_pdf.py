"""Tests for govbudget._ingest._pdf: pages put together (tables over pages), errors, the
wiring into the reader and the CLI; PDFs made here (`tests/pdf_helpers.py`) and two real
published PDFs. The grids and laid-out text: `test_ingest_pdf_grid`; characters and
scans: `test_ingest_pdf_page`."""

from __future__ import annotations

import builtins
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import govbudget
from govbudget import ReadError
from govbudget._cli import main
from govbudget._ingest._pdf import INSTALL_HINT, PdfText, extract_pdf

from .pdf_helpers import REAL, XS, H, W, cell_text, grid, make_pdf, table, ys_for

# -- pages -------------------------------------------------------------------------


HEADER = [["科目编码", "科目名称", "合计", "基本支出"], ["类款", "", "", ""]]


class TestPages:
    def test_repeated_header_on_a_continuation_page_is_dropped(self) -> None:
        """A table over two pages: the header the second page repeats is read once; the
        page number between is kept as its own line."""
        def page1(c: Any) -> None:
            c.drawString(200, 810, "一般公共预算支出表")
            table([*HEADER, ["201", "一般公共服务支出", "5.00", "4.00"]])(c)
            c.drawString(290, 40, "- 1 -")

        def page2(c: Any) -> None:
            table([*HEADER, ["205", "教育支出", "1.00", "1.00"],
                   ["合计", "", "6.00", "5.00"]], top=800)(c)
            c.drawString(290, 40, "- 2 -")
        pdf = extract_pdf(make_pdf(page1, page2), source="t.pdf")
        lines = pdf.text.split("\n")
        assert lines.count("科目编码\t科目名称\t合计\t基本支出") == 1
        assert lines.count("类款\t\t\t") == 1
        assert "205\t教育支出\t1.00\t1.00" in lines
        assert [ln.strip() for ln in lines if "\t" not in ln] == [
            "一般公共预算支出表", "- 1 -", "- 2 -"]
        assert len(pdf.pages) == len(lines)
        assert pdf.pages[lines.index("205\t教育支出\t1.00\t1.00")] == 2

    def test_letter_spaced_page_numbers_are_page_furniture(self) -> None:
        """A page number between em dashes, its digits drawn apart (``— 1 2 —``): the
        header the next page repeats is still dropped, and the reader takes the number
        for a page number, not for the tail of the name of the row above it."""
        def page1(c: Any) -> None:
            c.drawString(200, 810, "一般公共预算支出表")
            c.drawString(420, 795, "单位：万元")
            table([*HEADER, ["201", "一般公共服务支出", "5.00", "4.00"],
                   ["20101", "人大事务", "5.00", "4.00"]])(c)
            c.drawString(290, 40, "— 1 2 —")

        def page2(c: Any) -> None:
            table([*HEADER, ["2010101", "行政运行", "5.00", "4.00"],
                   ["合计", "", "5.00", "4.00"]], top=800)(c)
            c.drawString(290, 40, "— 1 3 —")
        data = make_pdf(page1, page2)
        lines = extract_pdf(data, source="t.pdf").text.split("\n")
        assert "— 1 2 —" in [ln.strip() for ln in lines]
        assert lines.count("科目编码\t科目名称\t合计\t基本支出") == 1
        report = govbudget.read_report(data, name="t.pdf")
        names = [r.name for t in report.tables for _, r in t.rows()]
        assert "人大事务" in names and "行政运行" in names
        assert not [n for n in names if "1" in n]

    def test_a_new_table_keeps_its_header(self) -> None:
        """The next page starts a new table (a title above it): its header is kept."""
        def page1(c: Any) -> None:
            table([*HEADER, ["201", "一般公共服务支出", "5.00", "4.00"]])(c)

        def page2(c: Any) -> None:
            c.drawString(200, 810, "一般公共预算基本支出表")
            table([*HEADER, ["301", "工资福利支出", "1.00", "1.00"]])(c)
        lines = extract_pdf(make_pdf(page1, page2), source="t.pdf").text.split("\n")
        assert lines.count("科目编码\t科目名称\t合计\t基本支出") == 2

    def test_a_last_row_alone_takes_the_table_columns(self) -> None:
        """The last row of a table alone on a page, its label spanning the code and name
        columns, still has the table's column count."""
        def page1(c: Any) -> None:
            table([*HEADER, ["201", "一般公共服务支出", "5.00", "4.00"]])(c)

        def page2(c: Any) -> None:
            ys = ys_for(1, 800)
            grid(c, XS, ys, skip_v=[(1, 0)])
            cell_text(c, XS, ys, 0, 0, "合计")
            cell_text(c, XS, ys, 0, 2, "5.00")
            cell_text(c, XS, ys, 0, 3, "4.00")
        lines = extract_pdf(make_pdf(page1, page2), source="t.pdf").text.split("\n")
        assert lines[-1] == "合计\t\t5.00\t4.00"

    def test_a_new_table_keeps_its_own_columns(self) -> None:
        """A table under its own title on the next page, its column lines some of the
        previous table's, keeps its own column count."""
        def page1(c: Any) -> None:
            table([*HEADER, ["201", "一般公共服务支出", "5.00", "4.00"]])(c)

        def page2(c: Any) -> None:
            c.drawString(200, 810, "三公经费支出表")
            table([["合计", "因公出国", "公务接待"], ["5.00", "1.00", "4.00"]],
                  xs=[XS[0], XS[2], XS[3], XS[4]])(c)
        lines = extract_pdf(make_pdf(page1, page2), source="t.pdf").text.split("\n")
        assert lines[-1] == "5.00\t1.00\t4.00"


# -- errors and wiring ---------------------------------------------------------------


class TestErrors:
    def test_corrupt_pdf(self) -> None:
        with pytest.raises(ReadError, match="not a readable PDF"):
            extract_pdf(b"%PDF-1.7\n this is not a PDF", source="bad.pdf")
        with pytest.raises(ReadError, match=r"^bad\.pdf: not a readable PDF"):
            govbudget.read_report(b"%PDF-1.4 garbage", name="bad.pdf")

    def test_truncated_pdf(self) -> None:
        data = make_pdf(table([["a", "b", "c", "d"]]))
        with pytest.raises(ReadError):
            govbudget.read_report(data[: len(data) // 3], name="cut.pdf")

    def test_encrypted_pdf(self) -> None:
        data = make_pdf(table([["a", "b", "c", "d"]]), encrypt="secret")
        with pytest.raises(ReadError, match="encrypted"):
            extract_pdf(data, source="locked.pdf")

    def test_owner_password_only_is_read(self) -> None:
        """A PDF encrypted with an owner password only (printing or copying restricted,
        as many published reports are) opens without a password and is read."""
        from reportlab.lib.pdfencrypt import StandardEncryption

        enc = StandardEncryption("", ownerPassword="owner", canCopy=0, canModify=0)
        data = make_pdf(table([["科目编码", "科目名称", "合计", "基本支出"]]), encrypt=enc)
        assert b"/Encrypt" in data
        assert extract_pdf(data, source="r.pdf").text == "科目编码\t科目名称\t合计\t基本支出"

    def test_pdf_without_text(self) -> None:
        with pytest.raises(ReadError, match="no text"):
            govbudget.read_report(make_pdf(lambda c: None), name="empty.pdf")

    def test_missing_extra(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
        """Without pypdfium2: a ReadError naming the extra; the CLI exits 2 with one line."""
        real_import = builtins.__import__

        def no_pdfium(name: str, *args: Any, **kwargs: Any) -> Any:
            if name.startswith("pypdfium2"):
                raise ImportError(name)
            return real_import(name, *args, **kwargs)
        for mod in [m for m in sys.modules if m.startswith("pypdfium2")]:
            monkeypatch.delitem(sys.modules, mod)
        monkeypatch.setattr(builtins, "__import__", no_pdfium)
        data = make_pdf(table([["a", "b", "c", "d"]]))
        with pytest.raises(ReadError, match=re.escape('pip install "govbudget[pdf]"')):
            govbudget.read_report(data, name="x.pdf")
        path = tmp_path / "x.pdf"
        path.write_bytes(data)
        for cmd in ("check", "parse"):
            assert main([cmd, str(path)]) == 2
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and INSTALL_HINT in err

    def test_import_govbudget_does_not_import_pypdfium2(self) -> None:
        import subprocess

        code = "import govbudget, sys; print('pypdfium2' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout
        assert out.strip() == "False"


def test_threads_read_pdfs_one_at_a_time() -> None:
    """PDFium is not thread-safe: PDFs read from several threads at once all come out
    whole (the reader takes one document at a time)."""
    from concurrent.futures import ThreadPoolExecutor

    data = make_pdf(table([*HEADER, ["201", "一般公共服务支出", "5.00", "4.00"]]))
    want = extract_pdf(data, source="t.pdf")
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda _: extract_pdf(data, source="t.pdf"), range(12)))
    assert all(g == want for g in got)


class TestWiring:
    def test_read_report_from_path_and_bytes(self, tmp_path: Path) -> None:
        def draw(c: Any) -> None:
            c.drawString(50, 800, "第二部分 2024年部门预算表")
        data = make_pdf(draw, draw)
        path = tmp_path / "report.PDF"
        path.write_bytes(data)
        for src in (path, str(path), data):
            pdf = extract_pdf(data, source="x")
            assert isinstance(pdf, PdfText) and pdf.pages == (1, 2)
            with pytest.raises(ReadError, match="budget report"):
                govbudget.read_report(src)

    def test_directories_give_pdfs_too(self, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
        """``govbudget check DIR`` reads *.pdf as well as *.txt; a text beside its PDF
        (same name) is the same report, read once, from the PDF."""
        (tmp_path / "a.pdf").write_bytes((REAL / "shanghai-ptflfy-2024-budget.pdf").read_bytes())
        (tmp_path / "a.txt").write_text("not read", encoding="utf-8")
        (tmp_path / "b.txt").write_bytes((REAL / "shanghai-ptflfy-2024-budget.txt").read_bytes())
        assert main(["check", str(tmp_path), "--format", "jsonl", "--quiet"]) in (0, 1)
        out = capsys.readouterr().out
        sources = sorted(Path(json.loads(ln)["file"]).name for ln in out.splitlines()
                         if ln.startswith('{"file"'))
        assert sources == ["a.pdf", "b.txt"]

    def test_check_pdf_on_the_command_line(self, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "r.pdf"
        path.write_bytes((REAL / "shanghai-ptflfy-2024-budget.pdf").read_bytes())
        status = main(["parse", str(path), "--format", "json"])
        out = capsys.readouterr().out
        assert status == 0 and '"tables"' in out
        assert main(["check", str(path)]) in (0, 1)  # read and checked (1: errors found)
        assert "error:" not in capsys.readouterr().err


# -- real PDFs ---------------------------------------------------------------------


def _grids(text: str) -> list[list[list[str]]]:
    """Runs of consecutive tab rows (a grid, or a table over pages) as lists of fields."""
    out: list[list[list[str]]] = []
    prev = False
    for ln in text.split("\n"):
        if "\t" in ln:
            if not prev:
                out.append([])
            out[-1].append(ln.split("\t"))
            prev = True
        elif not re.fullmatch(r"[-\s\d]*", ln):
            prev = False
    return out


@pytest.fixture(scope="module")
def ptghzy() -> PdfText:
    return extract_pdf((REAL / "shanghai-ptghzy-2024-final.pdf").read_bytes(), source="ptghzy")


@pytest.fixture(scope="module")
def ptflfy() -> PdfText:
    return extract_pdf((REAL / "shanghai-ptflfy-2024-budget.pdf").read_bytes(), source="ptflfy")


class TestRealPdfs:
    def test_pages(self, ptghzy: PdfText) -> None:
        assert ptghzy.page_count == 30 and ptghzy.scanned == ()
        assert len(ptghzy.pages) == len(ptghzy.text.split("\n"))
        assert list(ptghzy.pages) == sorted(ptghzy.pages)

    def test_field_count_constant_within_a_table(self, ptghzy: PdfText, ptflfy: PdfText
                                                 ) -> None:
        for pdf in (ptghzy, ptflfy):
            runs = _grids(pdf.text)
            assert len(runs) >= 9
            for run in runs:
                assert len({len(r) for r in run}) == 1, run[0]

    def test_known_rows_whole(self, ptghzy: PdfText) -> None:
        """Code, full name (wrapped in the PDF's narrow cell) and amounts, each in its
        field; blank cells empty."""
        lines = ptghzy.text.split("\n")
        assert "2080505\t机关事业单位基本养老保险缴费支出\t446.11\t446.11\t0.00" in lines
        assert "2200199\t其他自然资源事务支出\t45.00\t0.00\t45.00\t\t\t" in lines
        assert "合计\t\t9746.50\t5364.75\t4381.74" in lines
        # 收入支出决算总表: the income side blank, the expenditure side filled.
        assert "\t\t十一、城乡社区支出\t3845.25" in lines

    def test_header_read_once_across_pages(self, ptflfy: PdfText) -> None:
        lines = ptflfy.text.split("\n")
        heads = [ln for ln in lines if ln.startswith("类\t款\t项")]
        runs = _grids(ptflfy.text)
        assert len(heads) <= len(runs)

    def test_reads_as_a_report(self) -> None:
        report = govbudget.read_report(REAL / "shanghai-ptflfy-2024-budget.pdf")
        assert len(report.tables) >= 9
        assert report.pages and max(report.pages) <= 16


class TestTwoPagesSideBySide:
    """A page printed as two pages side by side (a booklet's imposition) is read as the
    left page, then the right one; a two-sided table printed without rules is not cut."""

    @staticmethod
    def _sheet(draw_left: Any, draw_right: Any) -> bytes:
        from .pdf_helpers import FONT, canvas_mod

        buf = io.BytesIO()
        c = canvas_mod.Canvas(buf, pagesize=(2 * W + 40, H))
        c.setFont(FONT, 10)
        draw_left(c)
        c.translate(W + 40, 0)
        draw_right(c)
        c.showPage()
        c.save()
        return buf.getvalue()

    @staticmethod
    def _prose(first: str, number: str) -> Any:
        def draw(c: Any) -> None:
            c.drawString(60, 780, f"{first}，本单位收入合计100.00万元。")
            c.drawString(60, 760, "其中：一般公共预算拨款收入80.00万元，比上年增加。")
            c.drawString(W / 2 - 10, 40, f"- {number} -")
        return draw

    def test_two_pages_side_by_side_read_one_after_the_other(self) -> None:
        pdf = extract_pdf(self._sheet(self._prose("一、收入情况", "3"),
                                      self._prose("二、支出情况", "4")), source="t.pdf")
        lines = pdf.text.split("\n")
        assert [ln.strip()[:6] for ln in lines] == ["一、收入情况", "其中：一般公", "二、支出情况",
                                                     "其中：一般公"]
        assert set(pdf.pages) == {1} and pdf.page_count == 1

    def test_a_two_sided_table_without_rules_is_not_cut(self) -> None:
        def draw(c: Any) -> None:
            c.drawString(60, 780, "一、一般公共预算拨款收入 80.00")
            c.drawString(60, 760, "二、政府性基金预算拨款收入 20.00")
            c.drawString(W + 100, 780, "一、一般公共服务支出 60.00")
            c.drawString(W + 100, 760, "二、教育支出 40.00")
        from .pdf_helpers import FONT, canvas_mod

        buf = io.BytesIO()
        c = canvas_mod.Canvas(buf, pagesize=(2 * W + 40, H))
        c.setFont(FONT, 10)
        draw(c)
        c.showPage()
        c.save()
        lines = extract_pdf(buf.getvalue(), source="t.pdf").text.split("\n")
        assert len(lines) == 2 and "80.00" in lines[0] and "60.00" in lines[0]

    def test_a_real_report_two_up_gives_no_error_it_does_not_give(self) -> None:
        """The published PDF printed two pages a sheet: no error the PDF as published
        does not give (compared without pages: a sheet holds two)."""
        import govbudget

        from .pdf_helpers import rewrite

        path = REAL / "shanghai-ptghzy-2024-final.pdf"
        buf = io.BytesIO()
        rewrite("two_up", path).save(buf)

        def errors(report: govbudget.Report) -> set[tuple[str, str, str]]:
            return {(f.rule, f.code, f.message) for f in govbudget.check_report(report).errors}

        assert errors(govbudget.read_report(buf.getvalue(), name="r.pdf")) <= \
            errors(govbudget.read_report(path))

