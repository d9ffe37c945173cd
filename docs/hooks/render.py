"""mkdocs hook: what the rendered pages and the search index need.

- Doctest directives (``# doctest: +SKIP``, ``+ELLIPSIS`` …) keep the examples runnable
  under pytest; they mean nothing to a reader, so they are taken out of the rendered HTML.
- The search index segments Chinese text into words with jieba (Material's search plugin
  does so when jieba is installed); the names of the built-in classification catalogue
  (行政运行, 人大事务 …) and the field's own words (勾稽, 四舍五入 …) are added to jieba's
  dictionary, so that each is one word a search can find.
"""

from __future__ import annotations

import logging
import re
from typing import Any

# In highlighted code the comment is one span; elsewhere plain text.
_DOCTEST_SPAN = re.compile(r'\s*<span class="c1">#\s*doctest:[^<]*</span>')
_DOCTEST_TEXT = re.compile(r"[ \t]*#\s*doctest:\s*[+-][A-Z_]+(?:\s*,?\s*[+-][A-Z_]+)*")

TERMS = (
    "勾稽", "勾稽关系", "四舍五入", "预算公开", "部门预算", "单位预算", "部门决算", "决算",
    "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政拨款", "财政专户管理资金",
    "单位资金", "上年结转", "基本支出", "项目支出", "人员经费", "公用经费", "三公经费",
    "机关运行经费", "功能分类", "经济分类", "支出功能分类", "部门预算支出经济分类",
    "政府预算支出经济分类", "绩效目标", "绩效指标", "收支总表", "收入总表", "支出总表",
    "情况说明", "应为", "实为", "相差", "根源", "连带",
)


def strip_doctest_markers(html: str) -> str:
    """The page without doctest directives.

    >>> strip_doctest_markers('r = f()  # doctest: +SKIP')
    'r = f()'
    """
    return _DOCTEST_TEXT.sub("", _DOCTEST_SPAN.sub("", html))


def _words() -> set[str]:
    words = set(TERMS)
    try:
        from govbudget.codes import SCHEMES
    except ImportError:  # building the docs without the package: the terms only
        return words
    for scheme in SCHEMES.values():
        for info in scheme.codes():
            if info.name and 2 <= len(info.name) <= 20:
                words.add(info.name)
    return words


def on_config(config: Any) -> Any:
    """Teach jieba the catalogue's names and the field's words (when jieba is there)."""
    try:
        import jieba
    except ImportError:
        return config
    jieba.setLogLevel(logging.WARNING)  # not its "Building prefix dict" chatter
    for word in sorted(_words()):
        jieba.add_word(word, freq=100_000)
    return config


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Take doctest directives out of the rendered page."""
    return strip_doctest_markers(html)
