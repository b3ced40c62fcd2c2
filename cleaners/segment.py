"""Turn a raw text dump into blocks: one block per line, hard-wrapped paragraphs re-joined."""

from __future__ import annotations

from cleaners.blocks import Block
from cleaners.normalize import normalize_line
from cleaners.rules.bylines import is_byline
from cleaners.textfeatures import starts_upper

_SENTENCE_END = ".!?:;…\"'”’»)]؟"
# A wrapped paragraph's lines are cut at one width: only its last line is short, and it ends
# the paragraph's sentence. A short line in small letters with no sentence end is a line of
# its own (a tag, a user name, "by" over the author's name, "by site | date").
_SHORT_LINE = 30


def _continues(previous: str, line: str, above: str) -> bool:
    """A hard wrap: a long line cut mid-sentence, the next line starting in lower case.

    A byline in small letters ("by Name | May 19, 2024") under a headline is its own line:
    joined, the headline and the author were lost together (39 such lines on the three
    development corpora' dumps, none of them a wrapped sentence's end)."""
    return (
        len(previous) >= 40
        and previous[-1] not in _SENTENCE_END
        and line[:1].islower()
        and (len(line) >= _SHORT_LINE or line[-1] in _SENTENCE_END or not starts_upper(above))
        and not is_byline(line)
    )


def segment_text(text: str) -> list[Block]:
    """Blocks from normalised text; `gap_before` records the blank lines before each."""
    paragraphs: list[tuple[str, int]] = []  # (text, blank lines before)
    gap = 0
    previous_blank = True
    above = ""  # the last line read
    for raw in text.split("\n"):
        line = normalize_line(raw)
        if not line:
            gap += 1
            previous_blank = True
            continue
        if paragraphs and not previous_blank and _continues(paragraphs[-1][0], line, above):
            paragraphs[-1] = (f"{paragraphs[-1][0]} {line}", paragraphs[-1][1])
        else:
            paragraphs.append((line, gap))
        above = line
        gap = 0
        previous_blank = False
    return [Block(index=i, text=t, gap_before=g) for i, (t, g) in enumerate(paragraphs)]
