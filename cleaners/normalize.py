"""Text normalisation shared by every input path: mojibake, invisible characters, whitespace."""

from __future__ import annotations

import re

import ftfy

# ftfy repairs mojibake; everything that would change the article's own punctuation or
# characters (curly quotes, ligatures, full-width forms) is switched off.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
    explain=False,
)

# UTF-8 read as Latin-1/cp1252 leaves a lead byte (Â..ô) followed by a continuation-byte
# character. ftfy is costly (~0.5 ms/KB), so it only runs on lines showing that trace.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\u0080-\u009f]"
)
# Invisible characters with no meaning in running text. ZWJ/ZWNJ are kept: they change
# how Arabic-script and emoji text is written.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_CONTROL = re.compile("[\u0000-\u0008\u000e-\u001f\u007f]")
_RUNS_OF_SPACE = re.compile(" {2,}")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\u0085")


def may_need_repair(text: str) -> bool:
    """False when `repair_mojibake` leaves the text, and every part of it, as it is."""
    return not text.isascii() and _MOJIBAKE_HINT.search(text) is not None


def repair_mojibake(text: str) -> str:
    """Fix mis-decoded UTF-8 on the lines that show it; leave every other line untouched."""
    if not may_need_repair(text):
        return text
    return "\n".join(
        ftfy.fix_text(line, _FTFY_CONFIG) if _MOJIBAKE_HINT.search(line) else line
        for line in text.split("\n")
    )


def normalize_text(text: str) -> str:
    """Unify line endings, repair mojibake, drop invisible characters, unify spaces."""
    text = _LINE_BREAKS.sub("\n", text)
    text = repair_mojibake(text)
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
        text = _SPACES.sub(" ", text)
    else:
        text = text.replace("\t", " ")
    return _CONTROL.sub("", text)


def normalize_line(line: str) -> str:
    """One block's text: inner whitespace runs collapsed, ends trimmed."""
    return _RUNS_OF_SPACE.sub(" ", line).strip()
