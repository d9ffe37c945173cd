"""The one exception hierarchy of govbudget.

Every error raised on purpose by govbudget derives from `GovBudgetError`, and also
from the built-in exception a caller would expect (``ValueError`` for bad values,
``KeyError`` for unknown keys, ``TypeError`` for wrong types), so both
``except GovBudgetError`` and ``except ValueError`` work.

```pycon
>>> from govbudget import parse_amount, GovBudgetError
>>> try:
...     parse_amount("12,34")
... except GovBudgetError as exc:
...     print(exc)
cannot read '12,34' as an amount: digit groups must have 3 digits

```
"""

from __future__ import annotations

__all__ = [
    "AmountError",
    "CatalogueFileError",
    "FloatNotAllowed",
    "GovBudgetError",
    "IndicatorSyntaxError",
    "InvalidCode",
    "ProfileError",
    "ReadError",
    "RuleDefinitionError",
    "UnitError",
    "UnknownCode",
    "UnknownRule",
]


class GovBudgetError(Exception):
    """Base class of every error govbudget raises on purpose."""


class AmountError(GovBudgetError, ValueError):
    """Text that should be an amount could not be read as one.

    Attributes:
        text: the text as given.
        reason: why it was refused.
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read {text!r} as an amount: {reason}")


class FloatNotAllowed(GovBudgetError, TypeError):
    """A ``float`` was given where an exact amount is needed.

    Binary floating point cannot hold 0.01 exactly, so money is never built from a float.
    Pass a ``str``, ``int`` or ``decimal.Decimal`` instead.
    """

    def __init__(self, value: float) -> None:
        self.value = value
        super().__init__(
            f"float {value!r} refused: amounts must be exact; "
            f"pass a str, int or Decimal such as Decimal({str(value)!r})"
        )


class UnitError(GovBudgetError, ValueError):
    """An unknown money unit, or units that cannot be combined."""


class InvalidCode(GovBudgetError, ValueError):
    """A classification code is malformed for its scheme.

    Attributes:
        code: the code as given.
        scheme: the scheme's name, e.g. ``"functional"``.
    """

    def __init__(self, code: str, scheme: str, reason: str) -> None:
        self.code = code
        self.scheme = scheme
        self.reason = reason
        super().__init__(f"{code!r} is not a valid {scheme} code: {reason}")


class UnknownCode(GovBudgetError, KeyError):
    """A well-formed code that the catalogue does not hold.

    Attributes:
        code: the code as given.
        scheme: the scheme's name.
    """

    def __init__(self, code: str, scheme: str, year: int | None = None) -> None:
        self.code = code
        self.scheme = scheme
        self.year = year
        super().__init__(code)

    def __str__(self) -> str:
        edition = f" (edition {self.year})" if self.year is not None else ""
        return (
            f"{self.code!r} is not in the {self.scheme} catalogue{edition}; "
            "load an official edition with load_edition() if you have one"
        )


class CatalogueFileError(GovBudgetError, ValueError):
    """A catalogue file (CSV or Excel) could not be read.

    Attributes:
        path: the file.
        line: the 1-based line (row) of the problem, or ``None``.
    """

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class ReadError(GovBudgetError, ValueError):
    """A report could not be read at all (as opposed to a reading *finding*).

    Attributes:
        source: the file name or ``"<text>"``.
        line: the 1-based line of the problem, or ``None``.
    """

    def __init__(self, message: str, *, source: str = "<text>", line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class IndicatorSyntaxError(GovBudgetError, ValueError):
    """An indicator value (指标值) could not be parsed.

    Attributes:
        source: the text as given.
        span: ``(start, end)`` character offsets of the problem in ``source``.
        reason: what was expected.

    ``str()`` shows the text with a caret under the problem.
    """

    def __init__(self, reason: str, source: str, span: tuple[int, int]) -> None:
        self.reason = reason
        self.source = source
        self.span = span
        super().__init__(reason)

    def __str__(self) -> str:
        start, end = self.span
        # East Asian wide characters take two columns in a terminal.
        pad = sum(2 if _is_wide(ch) else 1 for ch in self.source[:start])
        width = max(1, sum(2 if _is_wide(ch) else 1 for ch in self.source[start:end]))
        return f"{self.reason}\n    {self.source}\n    {' ' * pad}{'^' * width}"


class RuleDefinitionError(GovBudgetError, TypeError):
    """A reconciliation rule is defined wrongly (raised when the registry loads)."""


class UnknownRule(GovBudgetError, KeyError):
    """A rule id (or id prefix) names no registered rule.

    Attributes:
        rule: the id as given.
        suggestions: registered ids that are close to it.
    """

    def __init__(self, rule: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(rule)
        self.rule = rule
        self.suggestions = suggestions

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"no rule {self.rule!r} (see `govbudget rules`){hint}"


class ProfileError(GovBudgetError, ValueError):
    """A check profile (TOML) or a baseline file is malformed."""


def _is_wide(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in ("W", "F")
