"""Which kinds of debris the rules recognise in which language.

Reads `fixtures/languages/debris_lines.toml` (debris lines per kind and language, and body
sentences that must stay) and tries each line with the rule of its kind. Prints a table: a
language's cell is the share of its lines recognised ("2/2"), "-" when there are none.
    python tools/language_audit.py [--markdown]
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

from cleaners.blocks import Block, Page
from cleaners.rules.captions import is_caption
from cleaners.rules.donation import DonationAppealRule
from cleaners.rules.line_patterns import classify_line
from cleaners.rules.page_level import error_page_heading, is_bot_wall
from cleaners.rules.related import is_related_heading, is_teaser

LINES = Path(__file__).resolve().parent.parent / "fixtures" / "languages" / "debris_lines.toml"
LANGUAGES = [
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "ru",
    "pl",
    "tr",
    "ar",
    "fa",
    "he",
    "hi",
    "id",
    "ja",
    "zh",
    "ko",
    "uk",
    "sv",
    "vi",
    "cs",
    "ro",
    "el",
    "hu",
    "da",
    "no",
    "fi",
    "th",
    "bg",
    "sk",
    "hr",
]


def _reason(reason: str) -> Callable[[str], bool]:
    return lambda line: classify_line(line) == reason


def _donation_box(lines: list[str]) -> bool:
    page = Page(blocks=[Block(i, t) for i, t in enumerate(lines)], source="audit")
    DonationAppealRule().apply(page)
    return all(not b.kept for b in page.blocks)


def _trap_kept(line: str) -> bool:
    """True when no rule of this audit takes the body sentence."""
    return (
        classify_line(line) is None
        and not is_related_heading(line)
        and not is_teaser(line)
        and not is_caption(line)
    )


# kind -> a test of one line; the kinds whose test takes the lines together are below
LINE_KINDS: dict[str, Callable[[str], bool]] = {
    "share": _reason("share_bar"),
    "breadcrumb": _reason("breadcrumb"),
    "interface": _reason("ui_chrome"),
    "reading_time": _reason("ui_chrome"),
    "tags": _reason("ui_chrome"),
    "advert": _reason("advertisement"),
    "cookie": _reason("cookie_notice"),
    "copyright": _reason("copyright"),
    "newsletter": _reason("newsletter_prompt"),
    "comments": _reason("comment_prompt"),
    "captcha": _reason("captcha"),
    # a follow prompt is a share bar's kind, or interface text when it is the bare menu item
    "follow": lambda line: classify_line(line) in ("share_bar", "ui_chrome"),
    "relative_age": _reason("date_line"),
    "related": is_related_heading,
    "teaser": is_teaser,
    "caption": is_caption,
    "error_page": lambda line: bool(error_page_heading().search(line)),
    "trap": _trap_kept,
}
PAGE_KINDS: dict[str, Callable[[list[str]], bool]] = {
    "bot_wall": lambda lines: is_bot_wall("\n".join(lines)),
    "donation": _donation_box,
}


def load_lines() -> dict[str, dict[str, list[str]]]:
    data = tomllib.loads(LINES.read_text("utf-8"))
    return {kind: {lang: v["lines"] for lang, v in langs.items()} for kind, langs in data.items()}


def misses() -> list[tuple[str, str, str]]:
    """(kind, language, line) for every line its kind's rule does not handle as expected."""
    found = []
    for kind, langs in load_lines().items():
        for lang, lines in langs.items():
            if kind in PAGE_KINDS:
                if not PAGE_KINDS[kind](lines):
                    found.append((kind, lang, " / ".join(lines)))
                continue
            found.extend((kind, lang, line) for line in lines if not LINE_KINDS[kind](line))
    return found


def table() -> list[list[str]]:
    rows = [["kind", *LANGUAGES]]
    for kind, langs in load_lines().items():
        row = [kind]
        for lang in LANGUAGES:
            lines = langs.get(lang)
            if not lines:
                row.append("-")
            elif kind in PAGE_KINDS:
                row.append("ok" if PAGE_KINDS[kind](lines) else "0")
            else:
                hits = sum(LINE_KINDS[kind](line) for line in lines)
                row.append("ok" if hits == len(lines) else f"{hits}/{len(lines)}")
        rows.append(row)
    return rows


def main(argv: list[str]) -> int:
    rows = table()
    if "--markdown" in argv:
        print("| " + " | ".join(rows[0]) + " |")
        print("|" + "---|" * len(rows[0]))
        for row in rows[1:]:
            print("| " + " | ".join(row) + " |")
    else:
        for row in rows:
            print(f"{row[0]:<13}" + " ".join(f"{c:>4}" for c in row[1:]))
    if "--misses" in argv:
        for kind, lang, line in misses():
            print(f"MISS {kind} {lang}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
