"""Classification codes of the government budget (政府收支分类科目).

One module per scheme, all with the same verbs:

- `govbudget.codes.functional`: 支出功能分类 (类/款/项: 201, 20101, 2010101);
- `govbudget.codes.dept_economic`: 部门预算支出经济分类 (301, 30101);
- `govbudget.codes.gov_economic`: 政府预算支出经济分类 (501, 50101);
- `govbudget.codes.procurement`: 政府购买服务指导性目录 (A, A15, A1502, A150201);
- `govbudget.codes.mapping`: the departmental → government economic mapping.

The built-in data is partial and verified: every entry names its source and the
editions (years) it is attested for. Load a fuller official edition from a file with
``<scheme>.load_edition(path, year=...)``.

```pycon
>>> from govbudget.codes import functional
>>> i = functional.info("2010101")
>>> i.name, i.level_name, i.parent
('行政运行', '项', '20101')
>>> [a.name for a in functional.ancestors("2010101")]
['一般公共服务支出', '人大事务']
>>> functional.check_name("2010101", "行政 运行").status.name
'MATCH'

```
"""

from __future__ import annotations

from . import dept_economic, functional, gov_economic, mapping, procurement
from ._scheme import CodeInfo, NameCheck, NameStatus, Scheme, normalise_name

SCHEMES: dict[str, Scheme] = {
    m.SCHEME.name: m.SCHEME for m in (functional, dept_economic, gov_economic, procurement)
}
"""Every scheme by name."""


def scheme_for(code: str) -> Scheme | None:
    """Guess the scheme a code belongs to from its shape (``None`` if none fits).

    ```pycon
    >>> scheme_for("2010101").name, scheme_for("30217").name, scheme_for("A15").name
    ('functional', 'dept_economic', 'procurement')

    ```
    """
    for s in SCHEMES.values():
        if s.is_valid(code):
            return s
    return None


__all__ = [
    "SCHEMES",
    "CodeInfo",
    "NameCheck",
    "NameStatus",
    "Scheme",
    "dept_economic",
    "functional",
    "gov_economic",
    "mapping",
    "normalise_name",
    "procurement",
    "scheme_for",
]
