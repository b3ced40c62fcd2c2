"""Measure what each speed shortcut of the cleaners saves, against the plain way it stands for.

    tools/bench_shortcuts.py screen [--step 3]   # ScreenedRegex (cleaners/regex_screen.py)

Pages: every `--step`-th page of the development corpora (../shared/bench), flattened to text
dumps (cached in --cache). Figures are CPU seconds
(time.process_time), the best of --rounds: other processes on a busy machine stretch the wall
time, not this. Each shortcut's docstring quotes the figures this gave.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

BENCH = REPO_ROOT.parent / "shared" / "bench"
CORPORA = ("article-extraction-benchmark", "l3s-gn1", "wcxb-articles")


def _html_pages(step: int) -> list[Path]:
    paths: list[Path] = []
    for corpus in CORPORA:
        paths += sorted((BENCH / corpus / "html").glob("*.html.gz"))
    if not paths:
        raise SystemExit(f"no pages under {BENCH}")
    return paths[::step]


def _dumps(step: int, cache: Path) -> list[str]:
    from tools.flatten import flatten_html

    cache.mkdir(parents=True, exist_ok=True)
    dumps = []
    for path in _html_pages(step):
        target = cache / f"{path.parent.parent.name}--{path.name[: -len('.html.gz')]}.txt"
        if not target.exists():
            target.write_text(flatten_html(gzip.decompress(path.read_bytes())), "utf-8")
        dumps.append(target.read_text("utf-8"))
    return dumps


def _best(rounds: int, work: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(rounds):
        result = None  # freeing the last result, and the collector, would count against this
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            result = work()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best, result


def bench_screen(args: argparse.Namespace) -> None:
    """Every ScreenedRegex.search call of clean_text on the dumps, recorded once, then
    replayed: screened (as shipped) and plain (the whole alternation on every text)."""
    import cleaners.regex_screen as screen
    from cleaners import clean_text

    dumps = _dumps(args.step, args.cache)
    shipped = screen.ScreenedRegex.search
    calls: list[tuple[screen.ScreenedRegex, str]] = []

    def record(self: screen.ScreenedRegex, text: str) -> bool:
        calls.append((self, text))
        return shipped(self, text)

    screen.ScreenedRegex.search = record  # type: ignore[method-assign]
    try:
        for dump in dumps:
            clean_text(dump)
    finally:
        screen.ScreenedRegex.search = shipped  # type: ignore[method-assign]
    whole, _ = _best(args.rounds, lambda: [clean_text(d) for d in dumps])

    def plain() -> list[bool]:
        return [
            (r.free is not None and r.free.search(t) is not None)
            or (r.screened is not None and r.screened.search(t) is not None)
            for r, t in calls
        ]

    def screened() -> list[bool]:
        return [r.search(t) for r, t in calls]

    ignorecase: dict[int, re.Pattern[str]] = {}

    def screen_without_lowering() -> list[bool]:
        """The screen run case-insensitively on the text itself (no lowercased copy)."""
        out = []
        for r, t in calls:
            if r.free is not None and r.free.search(t) is not None:
                out.append(True)
                continue
            if r.screened is None:
                out.append(False)
                continue
            need = ignorecase.get(id(r))
            if need is None:
                need = re.compile("|".join(map(re.escape, r.needs)), re.IGNORECASE)
                ignorecase[id(r)] = need
            out.append(need.search(t) is not None and r.screened.search(t) is not None)
        return out

    def lowered_once_per_text() -> list[bool]:
        """The text lowercased once for consecutive calls on the same text (the identity
        cache the rules once kept)."""
        out, last, low = [], None, None
        for r, t in calls:
            if t is not last:
                last, low = t, screen.screen_text(t)
            if r.free is not None and r.free.search(t) is not None:
                out.append(True)
                continue
            screened_out = r.screened is None or (
                low is not None and bool(r.needs) and not any(n in low for n in r.needs)
            )
            out.append(not screened_out and r.screened.search(t) is not None)  # type: ignore[union-attr]
        return out

    print(f"{len(dumps)} dumps, {len(calls)} searches; clean_text: {whole:.2f} s CPU")
    reference = plain()
    for name, way in (
        ("plain alternation", plain),
        ("ScreenedRegex.search", screened),
        ("screen without lowering", screen_without_lowering),
        ("lowered once per text", lowered_once_per_text),
    ):
        spent, result = _best(args.rounds, way)
        assert result == reference, name  # a screen never changes a verdict
        print(f"  {name:24s} {spent:7.3f} s  ({spent / whole:5.1%} of clean_text)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="what", required=True)
    for name, step in (("screen", 3),):
        one = sub.add_parser(name)
        one.add_argument("--step", type=int, default=step, help="every Nth corpus page")
        one.add_argument("--rounds", type=int, default=3)
        one.add_argument("--cache", type=Path, default=Path("/tmp/newscrawl-flat"))
    args = parser.parse_args()
    {"screen": bench_screen}[args.what](args)


if __name__ == "__main__":
    main()
