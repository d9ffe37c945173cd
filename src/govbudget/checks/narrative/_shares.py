"""Narrative shares (占x%) against their amounts and wholes.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from ..._findings import Finding, Severity
from ..._money import Interval, round_half_up
from ..._report import FactKind
from ..._subjects import Scope, Side
from .._context import Context, norm
from .._fact_figures import (
    HUNDRED,
    interval_of,
    is_money,
    label_of,
    location_of,
    pct,
    qualifier_of,
    quantum_of,
)
from .._registry import Category, Code, RuleSet
from ._analysis import (
    _An,
    _an,
    _say,
)
from ._lookup import (
    _Side,
)
from ._vocab import (
    _BASIC,
    _CARRY,
    _CUR_SPEND,
    _G_INCOME,
    _G_SPEND,
    _G_TOTAL,
    _GENERAL,
    _PERSONNEL,
    _PROJECT,
    _PUBLIC,
    _SOURCES,
    _T_INCOME,
    _T_SPEND,
    _THREE,
)

RULES = RuleSet()

_RATIO: Final = Code(
    "narrative.shares.ratio", "占比与金额不符", "A share disagrees with amount ÷ whole",
    template="“{label}”占比{share}与金额不符：{part}÷{whole}应为{expected}"
             "（考虑四舍五入为{lo}%～{hi}%）",
    template_en="share of {label!r} is {share} but {part} ÷ {whole} is {expected} (with "
                "rounding {lo}%–{hi}%)",
    example={"label": "基本支出", "share": "65.62%", "part": "基本支出", "whole": "本年支出",
             "expected": "65.61%", "lo": "65.6075", "hi": "65.6119"})
_ROUNDING: Final = Code(
    "narrative.shares.rounding", "占比差异在四舍五入误差内", "A share off by rounding only",
    template="“{label}”占比{share}：{part}÷{whole}按印出数计算为{expected}，差异在四舍五入误差范围内",
    template_en="share of {label!r} {share}: {part} ÷ {whole} gives {expected} from the "
                "printed figures, within rounding",
    example={"label": "基本支出", "share": "65.62%", "part": "基本支出", "whole": "本年支出",
             "expected": "65.61%"})
_HUNDRED_PCT: Final = Code(
    "narrative.shares.total", "各组成部分占比合计不为100%", "Shares of a whole do not add up",
    template="“{whole}”各组成部分的金额合计为其全部，占比合计却为{total}（四舍五入后应为{lo}%～{hi}%）",
    template_en="the parts of {whole!r} make up all of it but their shares add up to {total} "
                "(with rounding {lo}%–{hi}%)",
    example={"whole": "本年支出", "total": "100.10%", "lo": "99.99", "hi": "100.01"})


# ---------------------------------------------------------------------------
# 5. shares
# ---------------------------------------------------------------------------


_USUAL_WHOLE: Final = {**dict.fromkeys(_SOURCES, _T_INCOME), _CARRY: _T_INCOME,
                       _PERSONNEL: _BASIC, _PUBLIC: _BASIC,
                       **dict.fromkeys([k for k in _THREE if k != "三公经费"], "三公经费")}


# The whole of 基本/项目支出 and of functional classes by scope, in order of preference
# (the general budget's spending of the year is its grant of the year).
_SPENDING_WHOLES: Final = {
    Scope.GENERAL: (_GENERAL, "一般公共预算拨款收入"),
    Scope.GRANT: (_G_SPEND, _G_INCOME, _G_TOTAL),
    Scope.ALL: (_CUR_SPEND, _T_SPEND),
}


class _Shares:
    def __init__(self, an: _An) -> None:
        self.an = an
        shared: set[tuple[str, str, str | None]] = set()
        for f in an.facts:
            if f.kind is FactKind.SHARE:
                shared.add((f.section, f.subject, qualifier_of(f.qualifier)))
        self.shared = shared

    def part(self, i: int) -> _Side | None:
        an, s = self.an, self.an.facts[i]
        for j in range(i - 1, -1, -1):
            f = an.facts[j]
            if f.section != s.section:
                break
            if f.subject != s.subject or qualifier_of(f.qualifier) != qualifier_of(s.qualifier):
                continue
            if f.kind is FactKind.SHARE:
                break
            if f.kind is FactKind.AMOUNT and is_money(f) and an.is_main(j):
                return an.side(j)
        r = an.ref_for(s.subject, s.qualifier, an.scopes[i], an.sides[i], s.about.column,
                       s.about.code)
        return an.table_side(r, s.subject) if r is not None else None

    def _stated(self, subject: str, i: int, scope: Scope | None = None) -> _Side | None:
        """The nearest stated amount of ``subject`` (same section first, same scope); only
        of ``scope`` when the share's words name one (占一般公共预算项目支出总额的100%)."""
        an = self.an
        s = an.facts[i]
        cands = [j for j in an.of(subject) if is_money(an.facts[j])
                 and (scope is None or an.scopes[j] is scope)]
        for pool in ([j for j in cands if an.facts[j].section == s.section and j < i],
                     [j for j in cands if an.scopes[j] is an.scopes[i]], cands):
            if pool:
                return an.side(min(pool, key=lambda j: (abs(j - i), j)))
        return None

    def whole(self, i: int, part: _Side | None) -> _Side | None:
        an, s = self.an, self.an.facts[i]
        scope = an.scopes[i]
        named_whole = s.about.whole
        named = named_whole.words if named_whole is not None else None
        subject = named_whole.subject if named_whole is not None else None
        column = named_whole.column if named_whole is not None else None
        if subject is None and named is not None and norm(named) in an.classes:
            subject = named
        if subject is not None:
            said = named_whole.scope if named_whole is not None else None
            found = self._stated(subject, i, said)
            if found is not None:
                return found
            r = an.ref_for(subject, None, said or scope, None, column, None)
            return an.table_side(r, subject) if r is not None else None
        if named is not None and len(named) > 4:
            # A whole named in words no subject matches (占授予中小企业合同金额的55.78%):
            # an amount stated under that very name earlier in the passage, else none.
            for j in range(i - 1, -1, -1):
                f = an.facts[j]
                if f.section != s.section:
                    break
                if f.kind is FactKind.AMOUNT and is_money(f) and an.is_main(j) \
                        and norm(f.subject) == norm(named):
                    return an.side(j)
            return None
        # no whole named (or none we know): the total the passage breaks down
        start = part.index if part is not None and part.index is not None else i
        for j in range(start - 1, -1, -1):
            f = an.facts[j]
            if f.section != s.section:
                break
            if f.kind is not FactKind.AMOUNT or not is_money(f):
                continue
            if (f.section, f.subject, qualifier_of(f.qualifier)) in self.shared:
                continue
            side = an.side(j)
            if part is not None and side.iv.hi < part.iv.lo:
                continue
            return side
        usual: tuple[str, ...] = ()
        if s.subject in _USUAL_WHOLE:
            usual = (_USUAL_WHOLE[s.subject],)
        elif s.subject in (_BASIC, _PROJECT) or an.is_class(i):
            usual = _SPENDING_WHOLES[scope]
        for subject in usual:
            found = self._stated(subject, i)
            if found is not None:
                return found
        for subject in usual:
            r = an.ref_for(subject, None, scope, Side.INCOME, None, None)
            if r is not None:
                return an.table_side(r, subject)
        return None


_CENT: Final = Decimal("0.01")


def _ratio(part: Interval, whole: Interval) -> Interval | None:
    """part / whole × 100 (conservative, closed); ``None`` when the whole may be zero."""
    if whole.lo <= 0:
        return None
    lo = max(part.lo, Decimal(0))
    hi = max(part.hi, Decimal(0))
    return Interval(lo / whole.hi * HUNDRED, hi / whole.lo * HUNDRED, True, True)


def _listed_parts_whole(an: _An, sh: _Shares, i: int, part: _Side, printed: Interval,
                        stated: _Side) -> bool:
    """The shares listed together with share ``i`` (the same section, none naming its
    whole, only amounts between them) add up to 100% within the rounding of the printed
    percentages, and ``i``'s part divided by the sum of their parts is its printed share:
    the whole is the listed parts (城乡社区支出12600.00万元，占45.7%；其他支出15000.00万元，
    占54.3%, under 政府性基金预算当年拨款结构情况), not an amount stated before them.
    Where the parts may add up to the ``stated`` whole, their true sum is that whole's
    true value: it lies in both intervals (parts of 3.23, 1.08 and 0.54 add up to 4.835 to
    4.865, but parts of a stated 4.84 to 4.835 to 4.845)."""
    s = an.facts[i]
    members = [i]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(an.facts):
            f = an.facts[j]
            if f.section != s.section or f.kind not in (FactKind.AMOUNT, FactKind.SHARE):
                break
            if f.kind is FactKind.SHARE:
                if f.unit != "%" or f.about.whole is not None:
                    break
                members.append(j)
            j += step
    if len(members) < 2:
        return False
    values = [an.facts[m].value for m in members]
    slack = sum((quantum_of(v) or _CENT) / 2 for v in values)
    if abs(sum(values, Decimal(0)) - HUNDRED) > slack:
        return False
    whole: Interval | None = None
    for m in members:
        p = sh.part(m)
        if p is None:
            return False
        whole = p.iv if whole is None else whole + p.iv
    if whole is not None:
        whole = whole.intersection(stated.iv) or whole
    implied = _ratio(part.iv, whole) if whole is not None else None
    return implied is not None and implied.intersects(printed)


def _another_whole(an: _An, i: int, part: _Side, printed: Interval) -> bool:
    """An amount stated earlier in the share's section (or in the passage just before it)
    of which the part is the printed share."""
    s = an.facts[i]
    start = part.index if part.index is not None else i
    seen = 0
    for j in range(start - 1, -1, -1):
        f = an.facts[j]
        if f.section != s.section:
            break
        if f.kind is not FactKind.AMOUNT or not is_money(f) or j == part.index:
            continue
        seen += 1
        if seen > 12:
            break
        whole = an.side(j)
        if whole is None or whole.point <= 0 or whole.point < part.point:
            continue
        implied = _ratio(part.iv, whole.iv)
        if implied is not None and implied.intersects(printed):
            return True
    return False


@RULES.rule("narrative.shares", title="情况说明中的占比与金额一致，同一总额的各占比合计为100%",
      title_en="Narrative shares equal amount ÷ whole, and shares of one whole add up to 100%",
      category=Category.NARRATIVE,
      applies="every 占x% whose part and whole can be found (stated in the narrative or "
              "printed in a table); the 100% test applies to two or more shares of one whole "
              "whose amounts add up to it",
      when=lambda r: any(f.kind is FactKind.SHARE for f in r.narrative.facts),
      codes=(_RATIO, _ROUNDING, _HUNDRED_PCT))
def shares(ctx: Context) -> Iterator[Finding]:
    """Each share equals its amount divided by its whole, with interval arithmetic: the
    amount and the whole stand for every value that rounds to them (narrowed by the table
    figure when the narrative agrees with it), the percentage for every value that rounds
    to it; the share is wrong when the two sets do not meet. How the whole is chosen is
    described in the module documentation (named whole, the total the passage breaks down,
    else the usual whole). Shares of one whole whose amounts add up to it must add up to
    the same ratio (100% when the parts are complete) within the rounding of the n
    percentages (n × half their printed quantum) and of the amounts."""
    an = _an(ctx)
    sh = _Shares(an)
    groups: dict[tuple[object, ...], list[tuple[int, _Side, _Side, bool]]] = {}
    for i, s in enumerate(an.facts):
        if s.kind is not FactKind.SHARE or s.unit != "%":
            continue
        part = sh.part(i)
        whole = sh.whole(i, part)
        if part is None or whole is None:
            continue
        printed = interval_of(s.value, quantum_of(s.value))
        implied = _ratio(part.iv, whole.iv)
        if implied is None:
            continue
        point = part.point / whole.point * HUNDRED if whole.point else None
        q = quantum_of(s.value) or _CENT
        expect = round_half_up(point, q) if point is not None else None
        ok = implied.intersects(printed)
        gkey = (s.section, whole.index if whole.index is not None else whole.location)
        groups.setdefault(gkey, []).append((i, part, whole, ok))
        if ok and (expect is None or expect == s.value):
            continue
        related = [part.location, whole.location]
        shown = pct(expect) if expect is not None else "?"
        if ok:
            yield _say(
                ctx, _ROUNDING, Severity.INFO,
                {"label": label_of(s), "share": pct(s.value), "part": part.label,
                 "whole": whole.label, "expected": shown},
                location_of(s), related, expected_text=shown, actual_text=pct(s.value))
            continue
        if s.about.whole is None and (_another_whole(an, i, part, printed)
                                      or _listed_parts_whole(an, sh, i, part, printed, whole)):
            # The share names no whole, and another total the passage states before it, or
            # the parts listed with it, give the printed share: which whole is meant is not
            # certain, so no error.
            continue
        diff = f"{s.value - expect}%" if expect is not None else None
        yield _say(
            ctx, _RATIO, Severity.ERROR,
            {"label": label_of(s), "share": pct(s.value), "part": part.label,
             "whole": whole.label, "expected": shown, "lo": f"{implied.lo:.4f}",
             "hi": f"{implied.hi:.4f}"},
            location_of(s), related, expected_text=shown, actual_text=pct(s.value),
            difference_text=diff)
    for members in groups.values():
        if len(members) < 2 or not all(ok for *_, ok in members):
            continue
        whole = members[0][2]
        total = Interval.exact(Decimal(0))
        for _, part, _, _ in members:
            total = total + part.iv
        if not total.intersects(whole.iv) or whole.point <= 0 or whole.iv.lo <= 0:
            continue  # the parts do not make up the whole (a partial list)
        # Complete: the true shares add up to 100%, or, for shares worked out from the
        # printed figures, to Σ parts ÷ whole as printed; a part too small to show in the
        # rounding of the amounts could be missing from the list.
        printed_ratio = sum((p.point for _, p, _, _ in members), Decimal(0)) \
            / whole.point * HUNDRED
        hidden = max(whole.iv.hi - total.lo, Decimal(0)) / whole.iv.lo * HUNDRED
        expected = Interval(min(HUNDRED, printed_ratio) - hidden, max(HUNDRED, printed_ratio),
                            True, True)
        stated = Interval.exact(Decimal(0))
        for i, *_ in members:
            v = an.facts[i].value
            stated = stated + interval_of(v, quantum_of(v))
        if expected.intersects(stated):
            continue
        last = an.facts[members[-1][0]]
        got = sum((an.facts[i].value for i, *_ in members), Decimal(0))
        yield _say(
            ctx, _HUNDRED_PCT, Severity.ERROR,
            {"whole": whole.label, "total": pct(got), "lo": f"{expected.lo:.2f}",
             "hi": f"{expected.hi:.2f}"},
            location_of(last), [location_of(an.facts[i]) for i, *_ in members[:-1]] + [whole.location],
            expected_text="100%", actual_text=pct(got), difference_text=pct(got - HUNDRED))


