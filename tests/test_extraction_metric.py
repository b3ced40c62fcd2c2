"""The benchmark metric in tools/extraction_metric.py, on small hand-made texts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.extraction_metric import (
    aggregate,
    exact_match,
    score_page,
    shingles,
    tokenize,
)

TEXT = "The council voted on Tuesday to close the old bridge for repairs."


def test_tokenize_keeps_case_and_drops_punctuation() -> None:
    assert tokenize("Hello, World! it's 2024") == ["Hello", "World", "it", "s", "2024"]
    assert tokenize(None) == []
    assert tokenize("Grüße aus Köln") == ["Grüße", "aus", "Köln"]


def test_shingles_are_word_4grams() -> None:
    sh = shingles("a b c d e")
    assert sh == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_short_and_empty_texts() -> None:
    assert shingles("two words") == {("two", "words"): 1}
    assert shingles("") == {}
    assert shingles("  ... ") == {}


def test_identical_texts() -> None:
    s = score_page(TEXT, TEXT)
    assert (s.tp, s.fp, s.fn) == (1.0, 0.0, 0.0)
    assert s.precision == s.recall == 1.0
    assert s.exact
    m = aggregate([s])
    assert (m.precision, m.recall, m.f1, m.accuracy) == (1.0, 1.0, 1.0, 1.0)


def test_exact_match_ignores_punctuation_and_whitespace_but_not_case() -> None:
    assert exact_match("One two.\n\nThree, four!", "One two Three four")
    assert not exact_match("One two", "one two")
    assert score_page("One two three four", "one two three four").precision == 0.0


def test_disjoint_texts() -> None:
    s = score_page("alpha beta gamma delta epsilon", "one two three four five")
    assert s.tp == 0.0
    assert s.precision == s.recall == 0.0
    assert not s.exact
    m = aggregate([s])
    assert (m.precision, m.recall, m.f1, m.accuracy) == (0.0, 0.0, 0.0, 0.0)


def test_both_empty_scores_one() -> None:
    s = score_page("", None)
    assert (s.tp, s.fp, s.fn) == (0.0, 0.0, 0.0)
    assert s.precision == s.recall == 1.0
    assert s.exact
    m = aggregate([s])
    assert (m.precision, m.recall, m.f1, m.accuracy) == (1.0, 1.0, 1.0, 1.0)


def test_both_empty_page_takes_no_part_in_the_averages() -> None:
    # As in the benchmark: a page with nothing predicted and nothing to find is left out
    # of both averages (it only counts for accuracy).
    half = score_page("a b c d e", "a b c d x")  # 1 shingle right, 1 wrong, 1 missed
    m = aggregate([half, score_page("", "")])
    assert m.precision == pytest.approx(0.5)
    assert m.recall == pytest.approx(0.5)
    assert m.accuracy == pytest.approx(0.5)


def test_repeated_shingles_count_as_multiset() -> None:
    true = "w x y z w x y z"  # 5 shingles, (w x y z) twice
    s = score_page(true, "w x y z")  # predicts (w x y z) once
    # TP 1, FP 0, FN 4, normalised by 5
    assert (s.tp, s.fp, s.fn) == pytest.approx((0.2, 0.0, 0.8))
    assert s.precision == 1.0
    assert s.recall == pytest.approx(0.2)
    # Predicting the paragraph twice when it is there once: the copy is a false positive.
    s = score_page(TEXT, f"{TEXT} {TEXT}")
    n = len(tokenize(TEXT)) - 3
    assert s.recall == 1.0
    assert s.precision == pytest.approx(n / (2 * n + 3))


def test_normalised_counts_sum_to_one() -> None:
    s = score_page(TEXT, "The council voted on Tuesday. Weather: sunny all day long.")
    assert s.tp + s.fp + s.fn == pytest.approx(1.0)
    assert 0.0 < s.precision < 1.0
    assert 0.0 < s.recall < 1.0


def test_precision_skips_pages_without_prediction() -> None:
    perfect = score_page(TEXT, TEXT)
    missed = score_page(TEXT, "")  # TP + FP == 0: no precision, recall 0
    assert missed.recall == 0.0
    m = aggregate([perfect, missed])
    assert m.precision == 1.0
    assert m.recall == pytest.approx(0.5)
    assert m.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert m.accuracy == pytest.approx(0.5)


def test_recall_skips_pages_with_nothing_to_find() -> None:
    perfect = score_page(TEXT, TEXT)
    spurious = score_page("", "Subscribe to our newsletter for more news")
    assert spurious.precision == 0.0
    m = aggregate([perfect, spurious])
    assert m.precision == pytest.approx(0.5)
    assert m.recall == 1.0


def test_averages_are_per_page_not_per_shingle() -> None:
    long_true = " ".join(f"w{i}" for i in range(400))
    good_long = score_page(long_true, long_true)
    bad_short = score_page("a b c d e f", "a b c d x y")  # TP 1, FP 2, FN 2
    m = aggregate([good_long, bad_short])
    assert m.precision == pytest.approx((1.0 + 1 / 3) / 2)
    assert m.recall == pytest.approx((1.0 + 1 / 3) / 2)


def test_aggregate_needs_pages() -> None:
    with pytest.raises(ValueError):
        aggregate([])
