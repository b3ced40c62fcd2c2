"""Captions: a line that ends in a photo credit, and every copy of a caption printed twice."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cleaners.blocks import Page
from cleaners.data import load_toml
from cleaners.textfeatures import fold, word_count

_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.-]{1,7}")
_MAX_CAPTION_WORDS = 70
# A picture's description over its credit line is a sentence or two. Longer, the line above
# is the story's paragraph before the picture: on the development corpora' dumps, where no
# blank line parts them, the lines of 36-60 words taken this way were 88 % body text (those
# of 21-35 words 48 %, of up to 20 words 36 %). With 35 (60 before) every corpus's text F1
# rose or stayed; with 20 ScrapingHub's fell.
_MAX_DESCRIPTION_WORDS = 35
# what may follow a credit's name after a "/", "," or ";": a photographer's name
_CREDIT_TAIL = r"[\w .'-]{1,40}"


@dataclass(frozen=True, slots=True)
class CreditPatterns:
    after_sentence: re.Pattern[str]  # "... the border. AFP"
    bracket: re.Pattern[str]  # "... (AP Photo/Hussein Malla)"
    credit_line: re.Pattern[str]  # "Photo: Reuters", "Credit: Name"
    dash_credit: re.Pattern[str]  # "... — AP Photo/Name"
    opener: re.Pattern[str]  # "(Photo ...", "(Courtesy ..." opening a bracketed credit
    # What `after_sentence` and `dash_credit` need at a line's end (`_may_end_in_credit`):
    # the credit names written in ASCII, lowercased, and the longest name's length
    ascii_names: tuple[str, ...]
    longest_name: int
    # a credit's optional tail after its last "/", "," or ";" ("AP Photo/Hussein Malla")
    credit_tail: re.Pattern[str]
    label: re.Pattern[str]  # "Image copyright Getty Images", "Image caption ..."
    slash_credit: re.Pattern[str]  # "Mohamed Azakir/Reuters", "AFP/Getty Images"


@cache
def credit_patterns() -> CreditPatterns:
    data = load_toml("credits.toml")
    agencies = sorted(data["agencies"], key=len, reverse=True)
    words = sorted(data["credit_words"], key=len, reverse=True)
    wires = sorted(data["wire_services"], key=len, reverse=True)
    agency = "|".join(re.escape(a) for a in agencies)
    wire = "|".join(re.escape(a) for a in wires)
    word = "|".join(re.escape(w) for w in words)
    # A credit word names a picture's source, so after one ("Foto: ANP") a wire service is a
    # credit too; alone, ". PTI" closing a paragraph is the wire's signature on the story.
    # "=" separates the word in Korean captions ("사진=연합뉴스").
    credit = (
        rf"(?:(?:{word})\s*[:/=＝]?\s*(?:{agency}|{wire})|(?:{agency}))"
        rf"(?:\s*[/,;]\s*{_CREDIT_TAIL})?"
    )
    names = agencies + wires
    any_name = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    labels = "|".join(re.escape(w) for w in sorted(data["labels"], key=len, reverse=True))
    return CreditPatterns(
        # "।" ends a Hindi sentence; "。" a Chinese or Japanese one, with no space after it
        after_sentence=re.compile(rf"(?:[.!?…”\"।]\s+|[。！？]\s*){credit}$", re.IGNORECASE),
        # full-width brackets close CJK captions: "（ロイター）"
        bracket=re.compile(r"[(（]([^()（）]{2,80})[)）]\s*$"),
        credit_line=re.compile(rf"^(?:{word})\s*(?::|：|=|＝|by\b)\s*\S", re.IGNORECASE),
        opener=re.compile(rf"^(?:{'|'.join(data['credit_openers'])})\b", re.IGNORECASE),
        dash_credit=re.compile(
            rf"\s[—–-]\s*{credit}$|[|]\s*(?:{word})\s*:?\s*\S.{{0,50}}$", re.IGNORECASE
        ),
        ascii_names=tuple(sorted({n.lower() for n in names if n.isascii()})),
        longest_name=max(map(len, names)),
        credit_tail=re.compile(rf"\s*{_CREDIT_TAIL}", re.IGNORECASE),
        label=re.compile(rf"^(?:{labels})(?!\w)\s*[:：,=]?\s*\S", re.IGNORECASE),
        # a name, a slash and any agency or wire service (no credit word), maybe a second
        # slash and a name ("AFP/Getty Images/Name")
        slash_credit=re.compile(
            rf"^[^\W\d_][\w .'-]{{0,40}}?\s*/\s*(?:{any_name})(?:\s*/\s*{_CREDIT_TAIL})?$",
            re.IGNORECASE,
        ),
    )


def _bracket_is_credit(inner: str, before: str) -> bool:
    """'(AFP)', '(AP Photo/Name)', '(Egyptian presidency)' closing a caption line."""
    patterns = credit_patterns()
    if patterns.after_sentence.search(". " + inner) or "/" in inner or "©" in inner:
        return True
    if patterns.opener.match(inner):
        return True
    # An unnamed credit ("(Egyptian presidency)", "(Activist Name- Town)"): a short proper
    # name closing a description. An acronym alone ("(UNDP)") expands a name, it credits nothing.
    if not inner[:1].isupper() or word_count(inner) > 6 or not any(c.isalpha() for c in inner):
        return False
    if _ACRONYM.fullmatch(inner):
        return False
    return word_count(before) >= 6


def is_credit_line(text: str) -> bool:
    """A line that is only a credit: "Photo: Reuters", "Credit: Name"."""
    return bool(credit_patterns().credit_line.match(text.strip())) and word_count(text) <= 12


# A picture's bare credit line, the photographer's name over a slash and the agency
# ("Mohamed Azakir/Reuters", "AFP/Getty Images"), a few words: printed under or over each
# picture set into a story. No sentence, no credit word: the slash and a known agency name
# after it are the evidence, so the line is short.
_SLASH_CREDIT_MAX_WORDS = 6


def is_slash_credit(text: str) -> bool:
    """A photo's bare credit line: "Name/Agency" ("Jamal Saidi/Reuters", "Hans Meier / dpa")."""
    stripped = text.strip()
    return len(stripped.split()) <= _SLASH_CREDIT_MAX_WORDS and bool(
        credit_patterns().slash_credit.match(stripped)
    )


def is_labelled_caption(text: str) -> bool:
    """A line opened by a picture's credit or caption label ("Image copyright Getty Images",
    "Photo credit: Name", "Image caption Rescue workers search the rubble")."""
    return credit_patterns().label.match(text.strip()) is not None


def is_caption(text: str) -> bool:
    """A line that ends in (or is) a photo credit."""
    return word_count(text) <= _MAX_CAPTION_WORDS and _ends_in_credit(text)


def _ends_in_credit(text: str) -> bool:
    """`is_caption` for a line known to be short enough."""
    patterns = credit_patterns()
    stripped = text.strip()
    if is_credit_line(stripped) or is_labelled_caption(stripped) or is_slash_credit(stripped):
        return True
    if _may_end_in_credit(stripped, patterns) and (
        patterns.after_sentence.search(stripped) or patterns.dash_credit.search(stripped)
    ):
        return True
    if stripped[-1:] not in ")）":  # the bracket closes the line (`bracket` ends so)
        return False
    bracket = patterns.bracket.search(stripped)
    if bracket and not stripped.endswith((".)", "?)", "!)")):
        return _bracket_is_credit(bracket.group(1), stripped[: bracket.start()])
    return False


def _may_end_in_credit(stripped: str, patterns: CreditPatterns) -> bool:
    """False only when neither `after_sentence` nor `dash_credit` can match `stripped` (a
    line without surrounding whitespace).

    Both end in a credit (`{credit}$`) but for `dash_credit`'s "| Photo: ..." (a "|" in the
    line): a credit name at the very end, or a tail after the line's last "/", "," or ";"
    (the tail holds none of them). A name is compared with the line's end when that end is
    ASCII: there re.IGNORECASE is `lower()`, and no name with other characters matches it
    (none of their characters folds to ASCII; tests/test_fast_paths.py checks). The two
    searches tried every position of every line (most lines end in neither). With the
    bracket search only on lines ending in a bracket, the word count read off the block and
    the copies' pass skipped when there is no caption, the rule over the 181 ScrapingHub
    pages as they reach it (CPU, best of 10, alternating): HTML path 0.38-0.45 -> 0.23-0.35
    ms/page, text path 1.46-1.73 -> 0.75. tests/test_fast_paths.py checks `is_caption`
    against the plain searches (tests/plain_paths.py)."""
    if "|" in stripped:
        return True
    end = stripped[-patterns.longest_name :]
    if not end.isascii() or end.lower().endswith(patterns.ascii_names):
        return True
    cut = max(stripped.rfind("/"), stripped.rfind(","), stripped.rfind(";"))
    return cut >= 0 and patterns.credit_tail.fullmatch(stripped, cut + 1) is not None


@dataclass(frozen=True, slots=True)
class CreditCaptionRule:
    """A line ending in a photo credit is a caption, wherever it sits."""

    name: str = "caption_credit"
    reason: str = "caption"

    def apply(self, page: Page) -> None:
        for block in page.blocks:
            # `is_caption`, with the block's word count known
            if block.kept and block.n_words <= _MAX_CAPTION_WORDS and _ends_in_credit(block.text):
                block.remove(self.reason, self.name)
        # A credit on a line of its own ("Photo: AFP/Name") closes the description above it.
        for position, block in enumerate(page.blocks[1:], start=1):
            above = page.blocks[position - 1]
            if (
                block.removal is not None
                and block.removal.rule == self.name
                and block.gap_before == 0
                and is_credit_line(block.text)
                and above.kept
                and 4 <= word_count(above.text) <= _MAX_DESCRIPTION_WORDS
            ):
                above.remove(self.reason, self.name)
        # Every other copy of a caption found above goes too: the same picture, printed again.
        captions = {fold(b.text) for b in page.blocks if b.removal and b.removal.rule == self.name}
        if not captions:
            return
        for block in page.blocks:
            if block.kept and fold(block.text) in captions:
                block.remove(self.reason, self.name)
