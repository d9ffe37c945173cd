"""The machinery shared by every classification scheme: structure, data, editions.

A `Scheme` knows the shape of its codes (how many characters each level has) and
holds its entries. Built-in entries are read lazily, once, from the CSV files in
``govbudget/codes/data``; official editions a user holds can be loaded over them with
`Scheme.load_edition`. Each scheme module (``functional``, ``dept_economic``,
``gov_economic``, ``procurement``) exposes the same verbs as module-level functions.
"""

from __future__ import annotations

import csv
import re
import threading
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final, Literal, TypeVar, cast

from .._errors import CatalogueFileError, InvalidCode, UnknownCode
from .._pattern_cache import compile_pattern
from ._files import data_file, read_pairs
from ._model import CodeInfo, NameCheck, NameStatus, normalise_name

_MAX_ANSWERS: Final = 1 << 16
_T = TypeVar("_T")
_MISSING: Final = object()
_SEPARATORS = compile_pattern(r"[\s\-_.|/·]+")

__all__ = ["CodeInfo", "NameCheck", "NameStatus", "Scheme", "normalise_name"]


class Scheme:
    """A classification scheme: code shape, built-in entries, and loaded editions.

    Args:
        name: short identifier (``"functional"``).
        title: the Chinese title (``"支出功能分类科目"``).
        pattern: regular expression a compact code must match in full.
        lengths: the code length at each level, e.g. ``(3, 5, 7)``.
        level_names: the Chinese name of each level.
        data: the built-in CSV file's stem in ``govbudget/codes/data``, or ``None``.
        upper: upper-case codes when compacting (letter codes).
        local_data: the CSV stem of local sub-items (codes longer than the national
            levels that some regions print, e.g. Beijing's ``3021101``), or ``None``.
        local_length: the length of those local codes.
    """

    def __init__(
        self,
        *,
        name: str,
        title: str,
        pattern: str,
        lengths: Sequence[int],
        level_names: Sequence[str],
        data: str | None,
        upper: bool = False,
        local_data: str | None = None,
        local_length: int | None = None,
    ) -> None:
        self.name = name
        self.title = title
        self._pattern = compile_pattern(pattern)
        # A code printed compact (ASCII digits only) is valid only if it matches
        # ``pattern``; any other code may become one by `compact` (see `screen`).
        self._screen = compile_pattern(rf"(?:{pattern})\Z|[0-9]*+[^0-9]|\Z")
        self.lengths = tuple(lengths)
        self.level_names = tuple(level_names)
        self._data_name = data
        self._upper = upper
        self._two_digit_levels = all(
            b - a == 2 for a, b in zip(self.lengths, self.lengths[1:], strict=False))
        self._local_name = local_data
        self.local_length = local_length
        self._local: dict[str, list[CodeInfo]] | None = None
        self._lock = threading.Lock()
        self._builtin: dict[str, list[CodeInfo]] | None = None
        self._merged: dict[int, dict[str, list[CodeInfo]]] = {}
        self._replaced: dict[int, dict[str, list[CodeInfo]]] = {}
        # Look-up caches, cleared whenever an edition is loaded or reset.
        self._cand_cache: dict[tuple[str, int | None], list[CodeInfo]] = {}
        self._checked: dict[tuple[str, str, int | None], NameCheck] = {}
        self._looked_up: dict[tuple[str, int | None, str | None], tuple[CodeInfo, ...]] = {}
        self._names: dict[str, set[str]] | None = None
        self._valid: dict[str, bool] = {}
        self._derived: dict[Hashable, object] = {}

    def __repr__(self) -> str:
        return f"<Scheme {self.name} ({self.title})>"

    # -- structure ------------------------------------------------------------
    def compact(self, code: str) -> str:
        """Strip spaces and separators and fold full-width characters: ``" 201 01 01"`` → ``"2010101"``.

        A code printed as separate level parts whose lower parts have one digit (some
        reports print the 款 ``02`` as ``2``: ``"301 2"``) gets those parts zero-padded:
        ``"301 2"`` → ``"30102"``. Only a first part of the top level's length followed
        by parts of one or two digits is read so; anything else is joined as printed.

        ```pycon
        >>> from govbudget.codes import dept_economic
        >>> dept_economic.compact("301 2"), dept_economic.compact("301 02")
        ('30102', '30102')

        ```
        """
        if isinstance(code, str) and code.isascii() and code.isdigit():
            return code  # the common case: printed compact, nothing to fold or join
        raw = unicodedata.normalize("NFKC", str(code))
        text = _SEPARATORS.sub("", raw)
        if text != raw:  # printed in parts: maybe a one-digit part to pad
            parts = [p for p in _SEPARATORS.split(raw) if p]
            if len(parts) > 1 and self._padded_parts(parts):
                text = parts[0] + "".join(p.zfill(2) for p in parts[1:])
        return text.upper() if self._upper else text

    def _padded_parts(self, parts: list[str]) -> bool:
        """True when ``parts`` are a top-level code and lower levels of 1–2 digits, with
        at least one one-digit part, and every level below the top is two characters."""
        lower = parts[1:]
        return (
            self._two_digit_levels
            and any(len(p) == 1 for p in lower)
            and len(parts[0]) == self.lengths[0]
            and len(lower) < len(self.lengths)
            and parts[0].isdigit()
            and all(len(p) <= 2 and p.isdigit() for p in lower)
        )

    def validate(self, code: str) -> str:
        """Return the compact code, or raise `InvalidCode` if it is malformed.

        Validation is about shape only; a well-formed code may still be unknown.
        """
        compacted = self.compact(code)
        if not compacted:
            raise InvalidCode(code, self.name, "it is empty")
        if len(compacted) not in self.lengths:
            want = "/".join(str(n) for n in self.lengths)
            raise InvalidCode(code, self.name, f"expected {want} characters, got {len(compacted)}")
        if not self._pattern.fullmatch(compacted):
            raise InvalidCode(code, self.name, f"it does not match {self._pattern.pattern}")
        return compacted

    def is_valid(self, code: str) -> bool:
        """True when ``code`` is well-formed (never raises); the test of `validate`
        without building the error it would raise. The answer for a text is kept (the
        shape of codes never changes; reports print the same few hundred codes)."""
        if type(code) is str:
            hit = self._valid.get(code)
            if hit is not None:
                return hit
        try:
            compacted = self.compact(code)
        except TypeError:
            return False
        ok = len(compacted) in self.lengths and self._pattern.fullmatch(compacted) is not None
        if type(code) is str:
            if len(self._valid) >= _MAX_ANSWERS:
                self._valid.clear()
            self._valid[code] = ok
        return ok

    def screen(self, codes: Iterable[str]) -> Iterator[re.Match[str] | None]:
        """For each code, ``None`` when `is_valid` is false for certain (a code printed
        compact, ASCII digits only, that does not match the scheme's pattern), else a true
        value: it may be valid, and `is_valid` decides. One regular-expression match per
        code, in C: lets a caller pass over the rows of a big table that cannot hold a
        code of this scheme without a Python call per row.

        ```pycon
        >>> from itertools import compress
        >>> from govbudget.codes import functional
        >>> codes = ["2010101", "1000101", "201 01", "", "２０１"]
        >>> list(compress(codes, functional.screen(codes)))
        ['2010101', '201 01', '', '２０１']

        ```
        """
        return map(self._screen.match, codes)

    def level(self, code: str) -> int:
        """The 1-based level of a well-formed code (1 = 类)."""
        return self.lengths.index(len(self.validate(code))) + 1

    def level_name(self, code: str) -> str:
        """The Chinese name of the code's level (类, 款, 项 …)."""
        return self.level_names[self.level(code) - 1]

    def parent_code(self, code: str) -> str | None:
        """The structural parent code (by truncation), whether or not it is known."""
        lvl = self.level(code)
        return None if lvl == 1 else self.validate(code)[: self.lengths[lvl - 2]]

    def ancestor_codes(self, code: str) -> tuple[str, ...]:
        """Structural ancestors from the top down, excluding ``code`` itself."""
        c = self.validate(code)
        return tuple(c[:n] for n in self.lengths if n < len(c))

    def format(self, code: str) -> str:
        """Print a code with its levels separated: ``"2010101"`` → ``"201 01 01"``."""
        c = self.validate(code)
        parts: list[str] = []
        start = 0
        for n in self.lengths:
            if n > len(c):
                break
            parts.append(c[start:n])
            start = n
        return " ".join(parts)

    def is_other(self, code: str) -> bool:
        """True for a catch-all "其他…" code: below the top level, ending in ``99``."""
        c = self.validate(code)
        return len(c) > self.lengths[0] and c.endswith("99")

    # -- data -----------------------------------------------------------------
    def _data(self) -> dict[str, list[CodeInfo]]:
        if self._builtin is None:
            with self._lock:
                if self._builtin is None:
                    self._builtin = self._load_builtin()
        return self._builtin

    def _load_builtin(self) -> dict[str, list[CodeInfo]]:
        table: dict[str, list[CodeInfo]] = {}
        if self._data_name is None:
            return table
        res = data_file(f"{self._data_name}.csv")
        if not res.is_file():
            return table
        with res.open(encoding="utf-8") as f:
            lines = (line for line in f if not line.startswith("#"))
            for row in csv.DictReader(lines):
                code = row["code"]
                years = row.get("editions") or row.get("edition") or ""
                editions = tuple(int(y) for y in years.split())
                info = self._make(
                    code,
                    row["name"],
                    editions=editions,
                    source=row["source"],
                    confidence=row.get("confidence") or "high",
                    scope=row.get("scope") or row.get("department") or None,
                    conflict=row.get("conflict") or None,
                    note=row.get("note") or None,
                )
                table.setdefault(code, []).append(info)
        return table

    def _make(
        self,
        code: str,
        name: str,
        *,
        editions: tuple[int, ...],
        source: str,
        confidence: str,
        scope: str | None = None,
        conflict: str | None = None,
        note: str | None = None,
    ) -> CodeInfo:
        c = self.validate(code)
        lvl = self.lengths.index(len(c)) + 1
        return CodeInfo(
            scheme=self.name,
            code=c,
            name=name.strip(),
            level=lvl,
            level_name=self.level_names[lvl - 1],
            parent=None if lvl == 1 else c[: self.lengths[lvl - 2]],
            editions=editions,
            source=source,
            confidence=confidence,
            scope=scope,
            conflict=conflict,
            note=note,
        )

    def _clear_caches(self) -> None:
        self._cand_cache = {}
        self._names = None
        # Answers of `check_name` and `lookup_name`: reports print the same few hundred
        # names again and again, and the answers depend only on the data, so they are kept
        # until the data changes (here), at most _MAX_ANSWERS of each.
        self._checked = {}
        self._looked_up = {}
        self._derived = {}

    def derived(self, key: Hashable, make: Callable[[], _T]) -> _T:
        """An answer worked out from the scheme's data alone by ``make()``, kept under
        ``key`` until the data changes (an edition loaded, `reset`), like the answers
        of `check_name`: for a caller's own question asked of the same few names in
        every report. ``key`` must name the question and every argument ``make`` uses.

        ```pycon
        >>> from govbudget.codes import functional
        >>> functional.SCHEME.derived(("name of", "201"), lambda: functional.name_of("201"))
        '一般公共服务支出'

        ```
        """
        kept = self._derived.get(key, _MISSING)
        if kept is _MISSING:
            kept = make()
            if len(self._derived) >= _MAX_ANSWERS:
                self._derived.clear()
            self._derived[key] = kept
        return cast(_T, kept)

    def _candidates(self, code: str, year: int | None) -> list[CodeInfo]:
        """Entries for ``code`` ranked for ``year``: best first (cached)."""
        key = (code, year)
        hit = self._cand_cache.get(key)
        if hit is None:
            hit = self._cand_cache[key] = self._rank_candidates(code, year)
        return hit

    def _rank_candidates(self, code: str, year: int | None) -> list[CodeInfo]:
        if year is not None and year in self._replaced:
            return list(self._replaced[year].get(code, ()))
        pool = list(self._data().get(code, ()))
        for table in self._merged.values():
            pool.extend(table.get(code, ()))
        if not pool:
            return []

        def rank(info: CodeInfo) -> tuple[int, int, int]:
            official = 0 if info.confidence == "official" else 1
            if year is None:
                newest = max(info.editions) if info.editions else -1
                return (0 if info.editions else 1, official, -newest)
            if year in info.editions:
                return (0, official, 0)
            earlier = [e for e in info.editions if e < year]
            if earlier:
                return (1, official, year - max(earlier))
            if not info.editions:
                return (2, official, 0)
            return (3, official, min(info.editions) - year)

        # A conflicting entry never answers while another entry exists.
        pool.sort(key=lambda i: (i.conflict is not None, rank(i), i.scope is not None))
        return pool

    def info(self, code: str, *, year: int | None = None) -> CodeInfo:
        """The catalogue entry of ``code`` for ``year`` (default: the newest known).

        Raises:
            InvalidCode: the code is malformed.
            UnknownCode: the code is not in the catalogue.
        """
        c = self.validate(code)
        found = self._candidates(c, year)
        if not found:
            raise UnknownCode(c, self.name, year)
        return found[0]

    def entries(self, code: str, *, year: int | None = None) -> tuple[CodeInfo, ...]:
        """Every entry for ``code``, best for ``year`` first: the names of other editions
        and the names flagged as conflicting (`CodeInfo.conflict`, last) included, so a
        conflict between sources stays visible. Empty for an unknown code.

        ```pycon
        >>> from govbudget.codes import functional
        >>> [(i.name, i.editions) for i in functional.entries("20805", year=2019)]
        [('行政事业单位离退休', (2019,)), ('行政事业单位养老支出', (2024, 2025, 2026))]

        ```

        Raises:
            InvalidCode: the code is malformed.
        """
        return tuple(self._candidates(self.validate(code), year))

    def get(self, code: str, *, year: int | None = None) -> CodeInfo | None:
        """Like `info`, but ``None`` for an unknown or malformed code."""
        if not self.is_valid(code):
            return None
        found = self._candidates(self.compact(code), year)
        return found[0] if found else None

    def is_known(self, code: str, *, year: int | None = None) -> bool:
        """True when the code is well-formed and in the catalogue."""
        return self.get(code, year=year) is not None

    def name_of(self, code: str, *, year: int | None = None) -> str:
        """The name of ``code`` (see `info`)."""
        return self.info(code, year=year).name

    def parent(self, code: str, *, year: int | None = None) -> CodeInfo | None:
        """The parent's entry, ``None`` at the top level.

        Raises:
            UnknownCode: the parent is not in the catalogue.
        """
        p = self.parent_code(code)
        return None if p is None else self.info(p, year=year)

    def ancestors(self, code: str, *, year: int | None = None) -> tuple[CodeInfo, ...]:
        """Known ancestors from the top down (unknown ones are skipped)."""
        out = []
        for a in self.ancestor_codes(code):
            info = self.get(a, year=year)
            if info is not None:
                out.append(info)
        return tuple(out)

    def children(self, code: str, *, year: int | None = None) -> tuple[CodeInfo, ...]:
        """Known direct children, in code order."""
        c = self.validate(code)
        lvl = self.lengths.index(len(c)) + 1
        if lvl == len(self.lengths):
            return ()
        width = self.lengths[lvl]
        kids = sorted(k for k in self._all_codes(year) if len(k) == width and k.startswith(c))
        return tuple(self.info(k, year=year) for k in kids)

    def _all_codes_set(self, year: int | None) -> set[str] | dict[str, list[CodeInfo]]:
        if year is not None and year in self._replaced:
            return self._replaced[year]
        return self._all_codes(None) if self._merged else self._data()

    def _all_codes(self, year: int | None) -> set[str]:
        if year is not None and year in self._replaced:
            return set(self._replaced[year])
        codes = set(self._data())
        for table in self._merged.values():
            codes.update(table)
        return codes

    def codes(self, *, year: int | None = None, level: int | None = None) -> Iterator[CodeInfo]:
        """Every known entry (one per code, best for ``year``), in code order."""
        for c in sorted(self._all_codes(year)):
            if level is not None and self.lengths.index(len(c)) + 1 != level:
                continue
            yield self.info(c, year=year)

    def lookup_name(
        self, name: str, *, year: int | None = None, parent: str | None = None
    ) -> tuple[CodeInfo, ...]:
        """Entries whose name matches ``name`` (normalised), optionally under ``parent``."""
        key = (name, year, parent)
        found = self._looked_up.get(key)
        if found is None:
            found = self._lookup_name(name, year, parent)
            if len(self._looked_up) >= _MAX_ANSWERS:
                self._looked_up.clear()
            self._looked_up[key] = found
        return found

    def _lookup_name(self, name: str, year: int | None, parent: str | None
                     ) -> tuple[CodeInfo, ...]:
        want = normalise_name(name)
        prefix = self.compact(parent) if parent else ""
        found = []
        if self._names is None:
            index: dict[str, set[str]] = {}
            tables = [self._data(), *self._merged.values(), *self._replaced.values()]
            for table in tables:
                for c, infos in table.items():
                    for i in infos:
                        if i.conflict is None:
                            index.setdefault(normalise_name(i.name), set()).add(c)
            self._names = index
        for c in sorted(self._names.get(want, ())):
            if not c.startswith(prefix) or c == prefix or c not in self._all_codes_set(year):
                continue
            for info in self._candidates(c, year):
                if info.conflict is None and normalise_name(info.name) == want:
                    found.append(info)
                    break
        return tuple(found)

    def check_name(self, code: str, name: str, *, year: int | None = None) -> NameCheck:
        """Check a (code, name) pair as printed in a report: four possible answers.

        Names are compared after `normalise_name` (full-width/half-width and
        whitespace do not matter). An entry flagged as conflicting (`CodeInfo.conflict`)
        never makes a match: a name only such an entry carries is a ``WRONG_NAME`` whose
        `NameCheck.conflicting` lists it, so a caller can say that a source prints it.

        Raises:
            InvalidCode: the code is malformed (check `is_valid` first).
        """
        key = (code, name, year)
        answer = self._checked.get(key)
        if answer is None:
            answer = self._check_name(code, name, year)
            if len(self._checked) >= _MAX_ANSWERS:
                self._checked.clear()
            self._checked[key] = answer
        return answer

    def _check_name(self, code: str, name: str, year: int | None) -> NameCheck:
        c = self.validate(code)
        found = self._candidates(c, year)
        if not found:
            return NameCheck(NameStatus.UNKNOWN_CODE, c, name, None)
        want = normalise_name(name)
        flagged = tuple(
            i for i in found if i.conflict is not None and normalise_name(i.name) == want
        )
        found = [i for i in found if i.conflict is None] or found
        best = found[0]
        in_year = [
            i for i in found if year is None or year in i.editions or i is best
        ]
        for info in in_year:
            if info.conflict is None and normalise_name(info.name) == want:
                return NameCheck(NameStatus.MATCH, c, name, info.name, info.editions, info)
        for info in found:
            if info.conflict is None and normalise_name(info.name) == want:
                return NameCheck(
                    NameStatus.OTHER_EDITION, c, name, best.name, info.editions, best
                )
        return NameCheck(NameStatus.WRONG_NAME, c, name, best.name, (), best, flagged)

    # -- local sub-items -------------------------------------------------------
    def _local_data(self) -> dict[str, list[CodeInfo]]:
        if self._local is None:
            with self._lock:
                if self._local is None:
                    self._local = self._load_local()
        return self._local

    def _load_local(self) -> dict[str, list[CodeInfo]]:
        table: dict[str, list[CodeInfo]] = {}
        if self._local_name is None or self.local_length is None:
            return table
        res = data_file(f"{self._local_name}.csv")
        if not res.is_file():
            return table
        depth = len(self.lengths) + 1
        with res.open(encoding="utf-8") as f:
            lines = (line for line in f if not line.startswith("#"))
            for row in csv.DictReader(lines):
                code = row["code"]
                years = row.get("editions") or ""
                table.setdefault(code, []).append(CodeInfo(
                    scheme=self.name, code=code, name=row["name"].strip(), level=depth,
                    level_name="地方细化", parent=code[: self.lengths[-1]],
                    editions=tuple(int(y) for y in years.split()), source=row["source"],
                    confidence=row.get("confidence") or "high",
                    scope=row.get("scope") or None, conflict=row.get("conflict") or None,
                    note=row.get("note") or None))
        return table

    def is_local(self, code: str) -> bool:
        """True when ``code`` has the shape of a local sub-item (地方细化): the scheme's
        local length, under a well-formed national code. Such a code is *not* a national
        code (`validate` rejects it); `national_code` gives the item it refines."""
        if self.local_length is None:
            return False
        c = self.compact(code) if isinstance(code, str) else ""
        return (len(c) == self.local_length and c.isdigit()
                and self.is_valid(c[: self.lengths[-1]]))

    def national_code(self, code: str) -> str:
        """The national code a code belongs to: itself for a national code, the item
        refined for a local sub-item (``"3021101"`` → ``"30211"``).

        Raises:
            InvalidCode: neither a national code nor a local sub-item.
        """
        if self.is_local(code):
            return self.compact(code)[: self.lengths[-1]]
        return self.validate(code)

    def local_item(self, code: str) -> CodeInfo | None:
        """The local sub-item (地方细化) printed in a real report under this code, with its
        region (`CodeInfo.scope`) and national parent; ``None`` when none is attested.

        ```pycon
        >>> from govbudget.codes import dept_economic
        >>> i = dept_economic.local_item("3021101")
        >>> i.name, i.parent, i.level_name, dept_economic.is_valid("3021101")
        ('差旅费', '30211', '地方细化', False)

        ```
        """
        if not self.is_local(code):
            return None
        found = self._local_data().get(self.compact(code))
        return found[0] if found else None

    def local_items(self) -> Iterator[CodeInfo]:
        """Every local sub-item in the built-in data, in code order."""
        for c in sorted(self._local_data()):
            yield from self._local_data()[c]

    # -- editions ------------------------------------------------------------
    def load_edition(
        self,
        source: str | Path | Iterable[tuple[str, str]],
        *,
        year: int,
        mode: Literal["merge", "replace"] = "merge",
        label: str | None = None,
    ) -> int:
        """Load an official edition for ``year`` from a CSV/Excel file or (code, name) pairs.

        File layout: a header row naming a code column (``code``, ``科目编码``, ``编码``
        or ``代码``) and a name column (``name``, ``科目名称`` or ``名称``); or split
        code columns ``类``/``款``/``项`` (functional) whose blank parts carry over from
        the row above, as printed in reports (``201 | 01 | 01``). Lines starting with
        ``#`` are comments. CSV may be UTF-8 (with or without BOM) or GB18030; ``.xlsx``
        needs the ``excel`` extra (openpyxl) and reads the first sheet.

        Args:
            source: a path, or an iterable of ``(code, name)`` pairs.
            year: the edition's year.
            mode: ``"merge"`` puts the edition over the built-in data for that year;
                ``"replace"`` makes it the only data for that year.
            label: the source recorded on each entry (default: the file name).

        Returns:
            The number of entries loaded.

        Raises:
            CatalogueFileError: the file cannot be read, lacks the columns, or holds a
                malformed code (with its line).
        """
        if isinstance(source, str | Path):
            path = Path(source)
            pairs = list(read_pairs(path, self))
            where = label or path.name
        else:
            pairs = [(self.compact(c), n, 0) for c, n in source]
            where = label or "<pairs>"
        table: dict[str, list[CodeInfo]] = {}
        for code, nm, line in pairs:
            try:
                info = self._make(
                    code,
                    nm,
                    editions=(year,),
                    source=f"{where}" + (f" line {line}" if line else ""),
                    confidence="official",
                )
            except InvalidCode as exc:
                raise CatalogueFileError(where, str(exc), line or None) from None
            table.setdefault(info.code, []).append(info)
        with self._lock:
            self._clear_caches()
            if mode == "replace":
                self._replaced[year] = table
                self._merged.pop(year, None)
            elif mode == "merge":
                self._merged[year] = table
                self._replaced.pop(year, None)
            else:
                raise ValueError(f"mode must be 'merge' or 'replace' (got {mode!r})")
        return len(pairs)

    def editions(self) -> tuple[int, ...]:
        """Years of the editions loaded with `load_edition`."""
        return tuple(sorted(set(self._merged) | set(self._replaced)))

    def reset(self) -> None:
        """Forget every loaded edition (the built-in data stays)."""
        with self._lock:
            self._clear_caches()
            self._merged.clear()
            self._replaced.clear()
