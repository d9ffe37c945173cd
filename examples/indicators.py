"""Parse, check and score performance indicators (绩效指标) from a target table.

Run: python examples/indicators.py
"""

from __future__ import annotations

from decimal import Decimal

from govbudget.indicators import (
    IncompatibleUnits,
    IndicatorLevelError,
    Unparsed,
    check_name_unit,
    evaluate,
    parse_indicator_value,
    validate_levels,
)

# (一级, 二级, 三级 name, target value, actual value, weight): rows as a self-evaluation
# would fill them in, with the targets of the 2024 sample report.
ROWS: list[tuple[str, str, str, str, str, Decimal]] = [
    ("产出指标", "数量指标", "阅览室装修改造面积（平方米）", "≤82平方米", "80平方米", Decimal(10)),
    ("产出指标", "数量指标", "更换会议室座椅（套）", "≤55把", "55把", Decimal(10)),
    ("产出指标", "质量指标", "阅览室装修改造验收合格率", "≥95%", "92%", Decimal(10)),
    ("产出指标", "时效指标", "资金支付时间", "2024年12月底 前", "2025年1月6日", Decimal(5)),
    ("产出指标", "时效指标", "履职培训开展时间", "6至7月", "2024年6月20日", Decimal(5)),
    ("产出指标", "时效指标", "栏目制作时间", "每两周", "每周", Decimal(5)),
    ("产出指标", "成本指标", "会议所需费用（万元）", "≤16万元", "171,500元", Decimal(10)),
    ("产出指标", "成本指标", "补助发放标准", "≤200元/人/天", "210元/人/天", Decimal(5)),
    ("产出指标", "数量指标", "《全过程人民民主进行时》", "20分钟左右", "21分钟", Decimal(5)),
    ("效益指标", "社会效益指标", "优化单位工作环境", "优化", "达成预期指标", Decimal(15)),
    ("效益指标", "社会效益指标", "保障日常工作正常开展", "保障", "部分达成预期指标", Decimal(15)),
    ("满意度指标", "服务对象满意度指标", "单位人员满意度", "≥95%", "96.5%", Decimal(10)),
    ("满意度指标", "质量指标", "购置沙发数量", "14个", "14套", Decimal(5)),
    ("产出指标", "质量指标", "宣传主题和内容合格率", "≥%95", "100%", Decimal(5)),
]


def main() -> None:
    total = Decimal(0)
    full = Decimal(0)
    for level1, level2, name, target_text, actual_text, weight in ROWS:
        print(f"{name}: {target_text!r} -> ", end="")
        target = parse_indicator_value(target_text)
        if isinstance(target, Unparsed):
            print(f"cannot read the target: {target.reason} (at {target.start})")
            continue
        print(f"{target} [{target.kind}]")
        try:
            validate_levels(level1, level2)
        except IndicatorLevelError as exc:
            print(f"  levels: {exc}")
        units = check_name_unit(name, target)
        if not units.ok:
            print(f"  unit: {units.message}")
        try:
            score = evaluate(target, actual_text, weight, year=2024)
        except IncompatibleUnits as exc:
            print(f"  cannot score: {exc}")
            continue
        total += score.score
        full += weight
        print(f"  {score.explanation}")
        print(f"  {score.explanation_zh}")
    print(f"total: {total} of {full}")


if __name__ == "__main__":
    main()
