"""Small, cheap facts about a block's text that many rules share."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

WORD = re.compile(r"\w+", re.UNICODE)
_CLOSERS = "\"'”’»)]*"
_SENTENCE_END = ".!?…؟。！？।\u17d4\u104b"
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*–·▪●]|\(\d{1,2}\)|[a-z][.)])\s+\S")


# Scripts written without spaces between words: a whitespace count sees a whole Chinese,
# Japanese or Thai paragraph as one "word". Their runs are counted in word-sized units of
# characters instead (about 2 characters a word for Han and kana, about 6 for Thai, Lao,
# Khmer and Myanmar), so every length threshold means roughly the same amount of text in
# every script.
_HAN_KANA_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_SOUTHEAST_ASIAN_RUN = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]+")
_CHARS_PER_WORD_HAN_KANA = 2
_CHARS_PER_WORD_SOUTHEAST_ASIAN = 6


def word_count(text: str) -> int:
    """Words of `text`: whitespace-separated tokens, and word-sized units of characters in
    scripts written without spaces (see above)."""
    if len(text) > _CACHED_MAX_CHARS:  # a whole page's text: counted once, not kept
        return _word_count(text)
    return _cached_word_count(text)


def more_words_than(text: str, limit: int) -> bool:
    """`word_count(text) > limit`, without counting a long text to its end: whitespace's
    tokens are split off only up to the limit (a page's whole text is asked whether it is a
    short page)."""
    if text.isascii() or _UNSPACED_CHAR.search(text) is None:
        return len(text.split(maxsplit=limit)) > limit
    return _word_count_by_runs(text) > limit


def _word_count(text: str) -> int:
    if text.isascii() or _UNSPACED_CHAR.search(text) is None:
        # a screen: no character of a run below, so the count is whitespace's (most non-ASCII
        # text is Latin with accents or curly quotes); `_word_count_by_runs` is the plain way.
        # One search for any such character, and each block's text counted once (the cache):
        # replaying the 68,459 calls `clean_html` makes on the 181 ScrapingHub pages, 0.47 s ->
        # 0.07 s (the former screen, `max(text) < "\u0e00"`, let through every text with a
        # curly quote or a dash).
        return len(text.split())
    return _word_count_by_runs(text)


# the rules ask again and again about the same blocks of a page
_cached_word_count = lru_cache(maxsize=8192)(_word_count)
_CACHED_MAX_CHARS = 5000  # a paragraph's size, with room to spare


# any character of `_HAN_KANA_RUN` or `_SOUTHEAST_ASIAN_RUN`
_UNSPACED_CHAR = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)


def _word_count_by_runs(text: str) -> int:
    """`word_count` the plain way: every text through the script runs."""
    units = 0
    rest = text
    for run_re, per_word in (
        (_HAN_KANA_RUN, _CHARS_PER_WORD_HAN_KANA),
        (_SOUTHEAST_ASIAN_RUN, _CHARS_PER_WORD_SOUTHEAST_ASIAN),
    ):
        runs = run_re.findall(rest)
        if runs:
            units += sum(math.ceil(len(run) / per_word) for run in runs)
            rest = run_re.sub(" ", rest)
    if not units:
        return len(text.split())
    return units + sum(1 for token in rest.split() if any(ch.isalnum() for ch in token))


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence (closing quotes and brackets ignored)."""
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def is_list_item(text: str) -> bool:
    return bool(_LIST_MARKER.match(text))


def starts_upper(text: str) -> bool:
    """Starts with a capital, a digit or a letter of a script without case (Arabic...)."""
    for ch in text:
        if ch.isalpha():
            return ch.isupper() or not ch.islower()
        if ch.isdigit():
            return True
        if ch in "\"'“‘«(¿¡":  # Spanish opens a question or an exclamation with its mark
            continue
        return False
    return False


def is_headline_like(text: str, max_words: int = 20) -> bool:
    """A short line without a final full stop that starts like a title."""
    n = word_count(text)
    if n == 0 or n > max_words or len(text) > 200:
        return False
    stripped = text.rstrip().rstrip(_CLOSERS)
    # a full stop or a comma ends a sentence, not a title (CJK full-width forms too)
    if not stripped or stripped[-1] in ".:;,…。．，；：" or is_list_item(text):
        return False
    return starts_upper(text) and any(ch.isalpha() for ch in text)


# Thai and Lao end sentences with a space, not a mark: a paragraph there ends in a letter.
_NO_FULL_STOP = re.compile(r"[\u0e00-\u0eff]\W*$")


def in_unmarked_script(text: str) -> bool:
    """Ends in a script that marks no sentence end (Thai, Lao): whether it ends a sentence
    cannot be read off its last character."""
    return _NO_FULL_STOP.search(text) is not None


def is_prose(text: str) -> bool:
    """A body paragraph: a sentence of some length."""
    n = word_count(text)
    return n >= 25 or (n >= 8 and (ends_sentence(text) or in_unmarked_script(text)))


# ASCII text folded in C: word characters (\w: letters, digits, "_") lowercased, all other
# bytes to spaces, then split; the words WORD.findall gives, for a fraction of its cost.
_ASCII_FOLD = bytes(
    ord(chr(b).lower()) if chr(b).isalnum() or b == ord("_") else ord(" ") for b in range(128)
) + bytes(128)


@lru_cache(maxsize=8192)  # several rules fold the same blocks of one document
def fold(text: str) -> str:
    """Comparison key: case-folded, punctuation-insensitive (for 'printed twice' checks)."""
    if text.isascii():
        return " ".join(text.encode("ascii").translate(_ASCII_FOLD).decode("ascii").split())
    return " ".join(WORD.findall(text.casefold()))


@lru_cache(maxsize=4096)
def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


_NON_ASCII_LETTERS = re.compile(r"[^\W\d_\x00-\x7f]")
# Every ASCII byte but the letters: deleting them from the ASCII part leaves the letters.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def script_counts(text: str) -> dict[str, int]:
    """Letters per script (LATIN, ARABIC, CYRILLIC, CJK, HEBREW, ...)."""
    counts: dict[str, int] = {}
    # bytes.translate counts in C; a regex findall built a list of every letter
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    if ascii_letters:
        counts["LATIN"] = ascii_letters
    if not text.isascii():
        for ch, n in Counter(_NON_ASCII_LETTERS.findall(text)).items():
            script = _script_of(ch)
            counts[script] = counts.get(script, 0) + n
    return counts


def dominant_script(text: str) -> str | None:
    counts = script_counts(text)
    return max(counts, key=counts.__getitem__) if counts else None
