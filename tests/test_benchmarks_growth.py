"""The check time of a big table grows linearly with its rows (benchmarks/bench_growth.py).

A cost per failing cell over the whole table (a quantity recomputed, a scan for a row's
children) makes a table ten times bigger, with ten times the wrong rows, a hundred times
slower. CPU time, best of two, with a wide margin for a shared machine.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from govbudget import Unit

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_growth.py"
_spec = importlib.util.spec_from_file_location("bench_growth", _PATH)
assert _spec is not None and _spec.loader is not None
bench_growth = importlib.util.module_from_spec(_spec)
sys.modules["bench_growth"] = bench_growth
_spec.loader.exec_module(bench_growth)


def test_wrong_rows_are_found() -> None:
    """The synthetic table has the share of wrong rows asked for, and each is found by its
    row identity and by the roll-up of its 款."""
    from govbudget import Report, check_report

    table = bench_growth.make_table(5_000, Unit.YUAN, share=0.002)
    found = check_report(Report(tables=(table,)), select=["table"]).findings
    rules = {f.rule for f in found}
    assert rules == {"table.row.basic_project", "table.functional.hierarchy"}
    assert sum(f.rule == "table.row.basic_project" for f in found) == 9


@pytest.mark.parametrize("unit", [Unit.YUAN, Unit.WAN_YUAN], ids=["yuan", "wan_yuan"])
def test_growth_is_linear(unit: Unit) -> None:
    """10× the rows and 10× the wrong rows: about 10× the time (up to ~20× in a loaded
    machine's spells); a scan of the rows per failing parent gave 48–65× at these sizes
    (100× in the limit)."""
    small, big, f_small, f_big = bench_growth.growth(6_000, unit, share=0.01, repeat=2)
    assert f_big > 9 * f_small
    assert big / small < 30, (small, big)
