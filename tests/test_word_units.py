"""Length measures count words in every script, also in scripts written without spaces."""

from cleaners.blocks import Block
from cleaners.textfeatures import is_prose, word_count


def test_spaced_scripts_count_whitespace_tokens() -> None:
    assert word_count("The council met on Tuesday.") == 5
    assert word_count("اجتمع المجلس يوم الثلاثاء") == 4


def test_han_and_kana_count_two_characters_a_word() -> None:
    # 14 Han/kana characters, split at the ideographic full stop: 7 + 4 units
    assert word_count("東京都は新しい計画を発表した。計画は来年から") == 7 + 4
    # a Latin token inside Japanese text is a word of its own
    assert word_count("iPhone 15を発売") == 2 + 2  # "を発売": 3 characters, 2 units


def test_thai_counts_six_characters_a_word() -> None:
    assert word_count("กรุงเทพมหานคร") == 3  # 13 characters


def test_a_japanese_paragraph_is_prose_and_a_block_knows_its_length() -> None:
    paragraph = (
        "政府は二十九日、来年度の予算案を閣議決定した。総額は過去最大となり、"
        "防衛費と社会保障費が大きく伸びた。財務省は財政健全化の目標を維持するとしている。"
    )
    assert is_prose(paragraph)
    assert Block(index=0, text=paragraph).n_words == word_count(paragraph) > 25
