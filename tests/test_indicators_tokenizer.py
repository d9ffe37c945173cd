"""Tests for govbudget.indicators._tokenizer: normalisation and named token rules."""

from __future__ import annotations

import pytest

from govbudget import IndicatorSyntaxError
from govbudget.indicators._tokenizer import LazyPatterns, Tokenizer, normalise, rules


class TestNormalise:
    @pytest.mark.parametrize(
        ("given", "expected"),
        [("９５％", "95%"), ("＞＝", ">="), ("≧≦", "≥≤"), ("１－２", "1-2"), ("1～2", "1~2"),
         ("ＡＢｃ", "ABc"), ("a\u3000b\u00a0c\td\ne", "a b c d e"), ("元／人", "元/人"),
         ("1−2", "1-2"), ("1–2", "1-2"), ("１２．５", "12.5"), ("人・天", "人·天")],
    )  # fmt: skip
    def test_maps_look_alikes(self, given: str, expected: str) -> None:
        """Full-width and look-alike characters become their plain forms."""
        assert normalise(given) == expected

    def test_keeps_chinese_punctuation(self) -> None:
        """Chinese commas and brackets stay, so qualitative text keeps its punctuation."""
        assert normalise("宣传，展示（风采）") == "宣传，展示（风采）"

    def test_length_is_preserved(self) -> None:
        """One character in, one character out: error offsets stay valid."""
        text = "２０２４年１２月底\u3000前　＞＝９５％\u200b"
        assert len(normalise(text)) == len(text)

    def test_every_space_becomes_ascii(self) -> None:
        """Every character str.isspace() accepts turns into an ASCII space."""
        spaces = [chr(c) for c in range(0x3100) if chr(c).isspace()]
        assert normalise("".join(spaces)) == " " * len(spaces)


class TestTokenizer:
    def test_read_moves_and_peek_does_not(self) -> None:
        """peek() looks without moving; read() moves past a match; misses return None."""
        t = Tokenizer("≥95%")
        assert t.peek("CMP_SYMBOL") is not None
        assert t.position == 0
        assert t.read("NUMBER") is None
        m = t.read("CMP_SYMBOL")
        assert m is not None
        assert m[0] == "≥"
        assert t.position == 1

    def test_skip_ws_and_at_end(self) -> None:
        """Whitespace is skipped; at_end is true only at the end."""
        t = Tokenizer("  x ")
        t.skip_ws()
        assert t.position == 2
        assert t.rest() == "x "
        assert not t.at_end()
        t.position = 4
        assert t.at_end()

    def test_fail_points_at_the_current_character(self) -> None:
        """fail() raises IndicatorSyntaxError on the given source with the span."""
        t = Tokenizer("95%%", source="95%%")
        t.position = 3
        with pytest.raises(IndicatorSyntaxError) as info:
            t.fail("boom")
        assert info.value.span == (3, 4)
        t.position = 4
        with pytest.raises(IndicatorSyntaxError) as info:
            t.fail("end")
        assert info.value.span == (4, 4)

    @pytest.mark.parametrize(
        ("rule", "text", "match"),
        [("NUMBER", "1,800.5万", "1,800.5"), ("NUMBER", "12,34", "12"), ("NUMBER", "-3", "-3"),
         ("CMP_WORD", "不超过5", "不超过"), ("CMP_WORD", "超过5", "超过"),
         ("SUFFIX", "及以上", "及以上"), ("UNIT", "元/人/天以内", "元/人/天"),
         ("UNIT", "把以上", "把"), ("UNIT", "平方米左右", "平方米"), ("UNIT", "期节目制作", "期节目制"),
         ("MONTH_PART", "中下旬", "中下旬"), ("ISO_DATE", "2024-06-30", "2024-06-30"),
         ("RANGE_SEP", "——", "——"), ("TIMES", "两次", "两次"), ("FREQ_PERIOD", "季度", "季度")],
    )  # fmt: skip
    def test_rules(self, rule: str, text: str, match: str) -> None:
        """Each named rule matches the longest sensible token at the position."""
        m = rules()[rule].match(text)
        assert m is not None
        assert m[0] == match

    @pytest.mark.parametrize(
        ("rule", "text"),
        [("ISO_DATE", "2024-06/30"), ("UNIT", "以上"), ("NUMBER", "%5"), ("CMP_SYMBOL", "不低于")],
    )
    def test_rules_do_not_match(self, rule: str, text: str) -> None:
        """Rules do not match what they should not."""
        assert rules()[rule].match(text) is None


class TestLazyPatterns:
    def test_compiles_on_first_use_and_caches(self) -> None:
        """A pattern is compiled when first read, then the same object is returned."""
        rx = LazyPatterns(word=r"[a-z]+")
        assert "word" not in vars(rx)
        first = rx.word
        assert first.fullmatch("abc") is not None
        assert rx.word is first

    def test_unknown_name(self) -> None:
        """An unknown name is an AttributeError."""
        with pytest.raises(AttributeError):
            _ = LazyPatterns().missing


@pytest.mark.parametrize("text", ["2024年2024", "2024年3", "≥"])
def test_a_syntax_error_at_the_end_points_within_the_text(text: str) -> None:
    """An error found after the last character (a month number with no 月 after it) has the
    empty span at the text's end, never one past it."""
    from govbudget import IndicatorSyntaxError
    from govbudget.indicators import parse_target

    with pytest.raises(IndicatorSyntaxError) as info:
        parse_target(text)
    assert info.value.span == (len(text), len(text))
