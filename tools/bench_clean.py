"""`make bench`: clean a synthetic dump of many documents and print docs/s and peak memory.

The dump is generated from the text fixtures, deterministically (seeded): each document takes
a fixture's paragraphs, shuffles some of them, and mixes in debris lines of other fixtures,
so rules see varied inputs rather than 10,000 copies of five pages.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def _load_fixtures(groups: list[str] | None = None) -> list[tuple[list[str], list[str]]]:
    """(page lines, debris lines) of every text fixture (of these fixture groups)."""
    out = []
    for expected_path in sorted(FIXTURES.rglob("*.expected.json")):
        if groups and expected_path.relative_to(FIXTURES).parts[0] not in groups:
            continue
        raw = expected_path.with_name(expected_path.name.replace(".expected.json", ".txt"))
        if not raw.exists():
            continue
        expected = json.loads(expected_path.read_text("utf-8"))
        lines = raw.read_text("utf-8").splitlines()
        debris = [r["text"] for r in expected["removed"] if r["reason"] != "second_story"]
        out.append((lines, debris))
    return out


def generate(directory: Path, count: int, seed: int = 7, groups: list[str] | None = None) -> int:
    """Write the dump; returns its size in bytes."""
    rng = random.Random(seed)
    sources = _load_fixtures(groups)
    size = 0
    all_debris = [d for _, debris in sources for d in debris]
    for number in range(count):
        lines, _ = sources[number % len(sources)]
        lines = list(lines)
        body = [i for i, line in enumerate(lines) if len(line.split()) > 20]
        if len(body) > 4 and rng.random() < 0.5:  # reorder two body paragraphs
            a, b = rng.sample(body, 2)
            lines[a], lines[b] = lines[b], lines[a]
        for _ in range(rng.randint(0, 3)):  # debris from other pages at random places
            lines.insert(rng.randint(1, len(lines)), rng.choice(all_debris))
        sub = directory / f"{number // 1000:03d}"
        sub.mkdir(exist_ok=True)
        text = "\n\n".join(lines) + "\n"
        (sub / f"doc{number:06d}.txt").write_text(text, "utf-8")
        size += len(text.encode("utf-8"))
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--groups",
        help="comma-separated fixture groups to draw from (default: all; the whole-page dumps "
        "of fixtures/whole_page are several times longer than the others)",
    )
    args = parser.parse_args()
    groups = args.groups.split(",") if args.groups else None
    with tempfile.TemporaryDirectory(prefix="newscrawl-bench-") as tmp:
        dump = Path(tmp) / "dump"
        dump.mkdir()
        size = generate(dump, args.docs, groups=groups)
        out = Path(tmp) / "out.jsonl"
        start = time.perf_counter()
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [sys.executable, "-m", "cleaners", "clean", str(dump), "-o", str(out), "-q", "-j", "1"],
            check=True,
        )
        elapsed = time.perf_counter() - start
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (
            cpu_before.ru_utime + cpu_before.ru_stime
        )
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        records = sum(1 for _ in out.open(encoding="utf-8"))
    print(f"newsclean clean, 1 process, language detection on: {args.docs} documents")
    print(f"  records written : {records}")
    print(f"  wall time       : {elapsed:.1f} s (including start-up)")
    print(f"  throughput      : {args.docs / elapsed:.0f} docs/s")
    # CPU time of the cleaning process: what the figure would be with a core to itself
    # (other processes on a busy machine stretch the wall time, not this)
    print(f"  CPU time        : {cpu:.1f} s = {args.docs / cpu:.0f} docs per CPU-second")
    print(f"  dump size       : {size / 1e6:.1f} MB = {size / 1e6 / cpu:.2f} MB per CPU-second")
    print(f"  peak memory     : {peak_mb:.0f} MB (max RSS of the cleaning process)")


if __name__ == "__main__":
    main()
