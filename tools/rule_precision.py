#!/usr/bin/env python3
"""Rule precision: per rule and markup signal, how much reference-body text it removed against
how much debris (``make eval`` calls `rule_precision`; the CLI prints the table).

Every block `clean_html` removes is listed in the record with the rule that removed it. A
removed block's words count as body words in the share of its word 4-gram shingles (the
benchmark metric's unit, `tools/extraction_metric.py`) that the page's reference body holds
and the record does not already hold (a multiset: the later copy of a paragraph printed twice
is debris when the record keeps the first), and as debris words for the rest; a block shorter
than four words is one shingle. A rule whose removals are mostly body text cuts articles:
change it or retire it.

    python tools/rule_precision.py ../shared/bench/l3s-gn1 ../shared/bench/wcxb-articles
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tools.extraction_metric import shingles, tokenize  # noqa: E402


@dataclass(slots=True)
class RuleRow:
    """What one rule removed over the pages."""

    rule: str
    reason: str
    removals: int = 0
    body_words: float = 0.0
    debris_words: float = 0.0
    pages: int = 0

    @property
    def body_share(self) -> float:
        """Share of the removed words that were reference body (0 is a perfect rule)."""
        total = self.body_words + self.debris_words
        return self.body_words / total if total else 0.0

    @property
    def cuts_body(self) -> bool:
        """Removes more body than debris: to be changed or retired."""
        return self.body_words > self.debris_words

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "reason": self.reason,
            "removals": self.removals,
            "pages": self.pages,
            "body_words": round(self.body_words, 1),
            "debris_words": round(self.debris_words, 1),
            "body_share": round(self.body_share, 3),
        }


def body_words_of(removed: str, missing: Counter) -> tuple[float, float]:
    """(body words, debris words) of one removed text against the reference shingles the
    record still lacks (`missing`, consumed: a shingle counts as body once)."""
    words = len(tokenize(removed))
    if not words:
        return 0.0, 0.0
    grams = shingles(removed)
    total = sum(grams.values())
    held = 0
    for gram, n in grams.items():
        take = min(n, missing.get(gram, 0))
        if take:
            held += take
            missing[gram] -= take
    body = words * held / total
    return body, words - body


def rule_precision(pages: Iterable[tuple[str, str]]) -> list[RuleRow]:
    """Per rule, removed reference-body words against debris words over `pages` (each the
    page's HTML and its reference body), worst rules (most body removed) first."""
    from cleaners import clean_html

    rows: dict[tuple[str, str], RuleRow] = {}
    for html, reference in pages:
        record = clean_html(html)
        if record.status != "ok":
            continue
        missing = shingles(reference) - shingles(record.text)
        seen: set[tuple[str, str]] = set()
        for removal in record.removed:
            key = (removal.rule, removal.reason)
            row = rows.get(key)
            if row is None:
                row = rows[key] = RuleRow(rule=removal.rule, reason=removal.reason)
            body, debris = body_words_of(removal.text, missing)
            row.removals += 1
            row.body_words += body
            row.debris_words += debris
            if key not in seen:
                seen.add(key)
                row.pages += 1
    return sorted(rows.values(), key=lambda r: (-r.body_words, r.rule))


def load_corpus(data_dir: Path) -> list[tuple[str, str]]:
    """(html, reference body) of every page of a benchmark directory."""
    from tools.bench_extract import load_pages

    return [(page.html, page.truth) for page in load_pages(data_dir)]


def format_table(rows: list[RuleRow]) -> str:
    header = (
        f"{'rule':<28} {'reason':<20} {'removals':>8} {'pages':>6} {'body w':>9}"
        f" {'debris w':>9} {'body %':>7}"
    )
    lines = [header, "-" * len(header)]
    for r in rows:
        flag = "  <- cuts body" if r.cuts_body else ""
        lines.append(
            f"{r.rule:<28} {r.reason:<20} {r.removals:>8} {r.pages:>6} {r.body_words:>9.0f}"
            f" {r.debris_words:>9.0f} {100 * r.body_share:>6.1f}%{flag}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dirs", nargs="+", type=Path, help="benchmark data directories")
    parser.add_argument("--json", action="store_true", help="print rows as JSON")
    args = parser.parse_args(argv)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    pages: list[tuple[str, str]] = []
    for data_dir in args.data_dirs:
        if not (data_dir / "ground-truth.json").is_file():
            print(f"benchmark data not found at {data_dir}, skipping", file=sys.stderr)
            continue
        pages.extend(load_corpus(data_dir))
    rows = rule_precision(pages)
    if args.json:
        import json

        print(json.dumps([r.as_dict() for r in rows], indent=1))
    else:
        print(f"{len(pages)} pages")
        print(format_table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
