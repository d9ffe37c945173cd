"""Tests for govbudget._ingest._perf_sections: where each field of a performance target
table starts (labels, wrapped and vertical labels)."""

from __future__ import annotations

from govbudget._ingest import _perf_sections as sections
from govbudget._ingest._text import Line


def test_label_lookup_by_length_is_the_first_label_in_order() -> None:
    """`_match_label` finds, for every label and line, the label a scan of
    ``_LABELS_BY_HEAD`` (longest first) would."""
    def first(text: str, seen: set[str]) -> tuple[str, str] | None:
        for key, label in sections._LABELS_BY_HEAD.get(text[:2], ()):
            # (年度目标 opens nothing under an open 实施期目标 | 年度目标 goals section)
            if key not in seen and not (key == "goal_year" and "goals" in seen) \
                    and text.startswith(label):
                return key, label
        return None

    for _, a in sections._LABELS:
        for kb, b in (*sections._LABELS, ("", " 某某")):
            for seen in (set(), {kb}, {k for k, lab in sections._LABELS if lab == a}):
                text = a + b
                m = sections._match_label(text, seen, grid_ok=False)
                want = first(text, seen)
                assert (m[:2] if m is not None and m[0] not in ("grid", "footer") else None) == want


def test_vertical_labels_are_merged_and_noise_dropped() -> None:
    """Runs of one-character lines: 绩/效/指/标 is noise, 产/出/指/标 a label."""
    body = [Line(1, "绩"), Line(2, "效"), Line(3, "指"), Line(4, "标"), Line(5, "一级指标 二级指标"),
            Line(6, "产"), Line(7, "出"), Line(8, "指"), Line(9, "标"), Line(10, "数量指标 会议次数 2次")]
    merged = [(ln.no, ln.text) for ln in sections._merge_vertical(body)]
    assert merged == [(5, "一级指标 二级指标"), (6, "产出指标"), (10, "数量指标 会议次数 2次")]
