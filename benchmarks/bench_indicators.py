"""Benchmark: indicator values (指标值) parsed per second.

Run ``python benchmarks/bench_indicators.py [n]``. It prints two figures:

- **distinct**: ``n`` different values, generated from every form of the grammar
  (quantities, ranges, months and dates, periods, frequencies, qualitative text) with
  random numbers, units and words, so no cache can help;
- **sample**: the distinct values of the sample report's performance tables, repeated.

``run(n)`` returns the distinct figure, for a combined benchmark script.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable, Sequence

from govbudget.indicators import parse_target

TARGET = 100_000  # values per second

SAMPLE = [
    "≥95%", "≤82平方米", "≥1套", "100%", "9月份", "3月份", "≤50万元", "优化", "14个", "2024年6月底",
    "2024年12月底 前", "保障", "≥90%", "80人", "4月", "1800元/人", "提高", "≤20期", "每两周", "每月",
    "每半年", "≤60万元", "进一步有效增强", "6期", "20分钟左右", "每两月", "有效展示", "≤30次", "及时",
    "470元/人/天", "255.6万元", "3月中下旬", "1场", "≥7项", "≤55把", "≤7.95万元", "6月前", "确保",
    "弥补", "3部", "3至8月", "6至7月", "≤322人", "≥5天", "210元/人/天", "≤200元/人/天",
]  # fmt: skip

_CMP = ["", "≥", "≤", ">", "<", "不低于", "不超过", "≥ ", "达到", "约"]
_SUFFIX = ["", "", "", "以上", "以内", "左右"]
_UNITS = ["%", "万元", "元", "人", "个", "套", "把", "期", "部", "次", "天", "场", "项", "平方米",
          "分钟", "元/人", "元/人/天", "人次", "辆", "台", "份", "户", "件", "篇", "公里", "亩"]  # fmt: skip
_WORDS = (
    "及时优化保障提高确保有效展示进一步增强达成年度指标预期明显提升按期完成巩固规范服务水平质量"
)
_PARTS = ["", "", "份", "底", "上旬", "中旬", "下旬", "中下旬"]
_REL = ["", "", "前", " 前", "之前"]
_FREQ = [
    "每月",
    "每两月",
    "每半年",
    "每两周",
    "每季度",
    "每年",
    "每周",
    "每3个月",
    "每年{n}次",
    "每月{n}次",
]


def _number(rng: random.Random) -> str:
    n = rng.randint(0, 99_999)
    if rng.random() < 0.3:
        return f"{n}.{rng.randint(1, 99)}"
    if n >= 1000 and rng.random() < 0.2:
        return f"{n:,}"
    return str(n)


def _quantity(rng: random.Random) -> str:
    cmp = rng.choice(_CMP)
    suffix = rng.choice(_SUFFIX) if not cmp else ""
    return f"{cmp}{_number(rng)}{rng.choice(_UNITS)}{suffix}"


def _range(rng: random.Random) -> str:
    a = rng.randint(0, 9999)
    return f"{a}{rng.choice('-~至')}{a + rng.randint(1, 999)}{rng.choice(_UNITS)}"


def _time(rng: random.Random) -> str:
    year = f"{rng.randint(2000, 2100)}年" if rng.random() < 0.6 else ""
    month = rng.randint(1, 12)
    if rng.random() < 0.3:
        return f"{year}{month}月{rng.randint(1, 28)}日{rng.choice(_REL)}"
    return f"{year}{month}月{rng.choice(_PARTS)}{rng.choice(_REL)}"


def _period(rng: random.Random) -> str:
    a = rng.randint(1, 11)
    b = rng.randint(a + 1, 12)
    if rng.random() < 0.5:
        return f"{a}至{b}月"
    y = rng.randint(2000, 2100)
    return f"{y}.{a:02d}-{y + 1}.{b:02d}"


def _frequency(rng: random.Random) -> str:
    return rng.choice(_FREQ).format(n=rng.randint(1, 9))


def _qualitative(rng: random.Random) -> str:
    return "".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 9)))


_MAKERS: list[tuple[Callable[[random.Random], str], int]] = [
    (_quantity, 45), (_range, 5), (_time, 15), (_period, 5), (_frequency, 10), (_qualitative, 20),
]  # fmt: skip


def distinct_values(n: int, seed: int = 2024) -> list[str]:
    """``n`` different indicator values in the mix above (reproducible for a seed)."""
    rng = random.Random(seed)
    makers = [m for m, w in _MAKERS for _ in range(w)]
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        v = rng.choice(makers)(rng)
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out


def _rate(values: Sequence[str]) -> float:
    parse = parse_target
    start = time.perf_counter()
    for v in values:
        parse(v)
    return len(values) / (time.perf_counter() - start)


def run(n: int) -> float:
    """Parse ``n`` distinct generated values; return values parsed per second."""
    values = distinct_values(n)
    for v in distinct_values(1000, seed=1):  # compile the lazy regexes on other values
        parse_target(v)
    return _rate(values)


def main(argv: Sequence[str] | None = None) -> int:
    """Print both figures; exit 1 if the distinct figure misses the target."""
    args = list(sys.argv[1:] if argv is None else argv)
    n = int(args[0]) if args else 200_000
    distinct = run(n)
    sample = _rate((SAMPLE * (n // len(SAMPLE) + 1))[:n])
    print(f"indicator values parsed per second ({n:,} values, target {TARGET:,}/s):")
    print(f"  distinct generated values: {distinct:,.0f}/s")
    print(f"  sample report values:      {sample:,.0f}/s")
    return 0 if distinct >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
