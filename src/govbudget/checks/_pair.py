"""Two documents of one unit, as the cross-document rules see them."""

from __future__ import annotations

from attrs import evolve

from .._enum import IdentityEnum
from .._findings import Location
from .._report import Report
from ._context import Context, Figure

__all__ = ["Pair", "Relation"]


class Relation(IdentityEnum):
    """How two documents of one unit relate."""

    BUDGET_TO_BUDGET = "budget→budget"
    """A budget and the budget of the year before."""
    BUDGET_TO_FINAL = "budget→final"
    """A year's budget and the same year's final account."""
    FINAL_TO_FINAL = "final→final"
    """A final account and the final account of the year before."""


class Pair:
    """Two documents of one unit, as the cross-document rules see them: the ``earlier``
    and the ``later`` report (only the tables the reader is sure of), their relation, and a
    `Context` of each (the later one makes the findings)."""

    def __init__(self, earlier: Report, later: Report, relation: Relation) -> None:
        self.earlier = _trusted(earlier)
        self.later = _trusted(later)
        self.relation = relation
        self.ctx_earlier = Context(self.earlier)
        self.ctx = Context(self.later)

    def at(self, report: Report, loc: Location) -> Location:
        """The location in ``report`` (named by its source)."""
        return evolve(loc, document=report.source, page=loc.page if loc.page is not None
                      else report.page_of(loc.line))

    def figure(self, report: Report, fig: Figure) -> Figure:
        """A figure of ``report`` whose location names the document."""
        return Figure(fig.money, fig.quantum, self.at(report, fig.location))


def _trusted(report: Report) -> Report:
    if not any(t.doubts for t in report.tables):
        return report
    return evolve(report, tables=tuple(t for t in report.tables if not t.doubts))


# -- grouping --------------------------------------------------------------------
