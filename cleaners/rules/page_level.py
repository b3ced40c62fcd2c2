"""Whole-page verdicts: bot walls before cleaning, empty pages after."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cleaners.blocks import Page
from cleaners.data import load_toml
from cleaners.regex_screen import ScreenedRegex
from cleaners.textfeatures import more_words_than


@dataclass(frozen=True, slots=True)
class BotWallPatterns:
    # Searched through a substring screen (`regex_screen`): the plain alternation tried every
    # branch at every position of a short page's whole text. `bot_wall` over the 181
    # ScrapingHub pages as they reach it (HTML path, /tmp/rules/replay.py, best of 5):
    # 0.20 -> 0.04-0.06 ms/page. tests/test_regex_screen.py checks it against the alternation.
    strong: ScreenedRegex
    weak: tuple[re.Pattern[str], ...]
    min_hits: int
    max_words: int
    max_words_weak: int


@cache
def bot_wall_patterns() -> BotWallPatterns:
    data = load_toml("bot_walls.toml")
    return BotWallPatterns(
        strong=ScreenedRegex(data["strong"], re.IGNORECASE),
        weak=tuple(re.compile(p, re.IGNORECASE) for p in data["weak"]),
        min_hits=int(data["min_hits"]),
        max_words=int(data["max_words"]),
        max_words_weak=int(data["max_words_weak"]),
    )


def is_bot_wall(text: str) -> bool:
    """A short page made of bot-check wording; a long article that mentions Cloudflare is not."""
    patterns = bot_wall_patterns()
    if more_words_than(text, patterns.max_words):
        return False
    if patterns.strong.search(text):
        return True
    if more_words_than(text, patterns.max_words_weak):
        return False
    return sum(1 for p in patterns.weak if p.search(text)) >= patterns.min_hits


# Scripts where `\b` cannot mark a word's edge: Chinese, Japanese and Thai write no spaces
# (a phrase sits between other word characters; Thai vowel signs are no `\w` character
# either), and in Indic scripts a vowel sign is no `\w` character, so a word ending in one
# ("मिला") has no boundary after it. Phrases holding such characters are matched without
# boundaries.
_NO_WORD_BOUNDARY = re.compile(
    r"[\u0900-\u0dff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"
)


@cache
def error_page_heading() -> re.Pattern[str]:
    """A headline naming an error ("Page not found", "404"): `cleaners/data/error_pages.toml`."""
    words = [w for entries in load_toml("error_pages.toml")["heading"].values() for w in entries]
    bounded = [w for w in words if not _NO_WORD_BOUNDARY.search(w)]
    unbounded = [w for w in words if _NO_WORD_BOUNDARY.search(w)]
    pattern = rf"\b({'|'.join(bounded)})\b"
    if unbounded:
        pattern += f"|{'|'.join(unbounded)}"
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class BotWallRule:
    name: str = "bot_wall"

    def apply(self, page: Page) -> None:
        if page.reject_reason is not None:
            return
        if sum(b.n_words for b in page.blocks) > bot_wall_patterns().max_words:
            return
        if is_bot_wall("\n".join(b.text for b in page.blocks)):
            page.reject_reason = "bot_wall"


@dataclass(frozen=True, slots=True)
class EmptyPageRule:
    """No article left: fewer than `min_words` words of body after cleaning."""

    name: str = "empty_page"
    min_words: int = 12

    def apply(self, page: Page) -> None:
        if page.reject_reason is None:
            words = sum(b.n_words for b in page.body())
            if words < self.min_words:
                page.reject_reason = "empty"
