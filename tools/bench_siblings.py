"""Cleaning time of pages of many sibling elements: does it grow with the input, or faster?

Three shapes from the red-team pass (issue 13): N sibling ``<p>``, N sibling ``<article>``
(a headline and a paragraph each), and a text dump of N short "Related:" lines. Each shape is
cleaned at N and 4N; the ratio of the times is printed beside the ratio of the sizes (4):
linear work gives about 4, quadratic work about 16. Pages stay under the 3,000,000-character
bound, so that the cut does not hide the growth.

    python tools/bench_siblings.py            # N = 16000
    python tools/bench_siblings.py -n 4000
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaners import clean_html, clean_text

WORDS = [
    "olive",
    "harvest",
    "farmers",
    "press",
    "oil",
    "market",
    "price",
    "season",
    "export",
    "rain",
    "grove",
]


def _sentence(i: int, words: int = 6) -> str:
    return " ".join(WORDS[(i * 7 + j) % len(WORDS)] for j in range(words)) + f" {i}."


def paragraphs(n: int) -> Callable[[], object]:
    body = "".join(f"<p>{_sentence(i)}</p>" for i in range(n))
    page = f"<html><body><h1>Olive harvest</h1>{body}</body></html>".encode()
    return lambda: clean_html(page, "https://example.com/p")


def articles(n: int) -> Callable[[], object]:
    body = "".join(f"<article><h2>H {i}</h2><p>{_sentence(i, 4)}</p></article>" for i in range(n))
    page = f"<html><body>{body}</body></html>".encode()
    return lambda: clean_html(page, "https://example.com/a")


def related(n: int) -> Callable[[], object]:
    text = "Olive harvest\n" + "\n".join(f"Related: {_sentence(i, 4)}" for i in range(n))
    return lambda: clean_text(text)


def timed(job: Callable[[], object]) -> float:
    start = time.process_time()  # CPU time: other processes on the machine do not count
    job()
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=16_000, help="the smaller size (default 16000)")
    args = parser.parse_args()
    timed(paragraphs(100))  # imports and language profiles
    print(f"{'shape':<12} {'N':>7} {'4N':>7} {'s at N':>8} {'s at 4N':>8} {'ratio':>6} (input x4)")
    for name, build in (("<p>", paragraphs), ("<article>", articles), ("Related:", related)):
        small, large = timed(build(args.n)), timed(build(4 * args.n))
        print(
            f"{name:<12} {args.n:>7} {4 * args.n:>7} {small:>8.2f} {large:>8.2f} "
            f"{large / small:>6.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
