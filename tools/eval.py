#!/usr/bin/env python3
"""Quality evaluation (``make eval``): body P/R/F1 per corpus, both paths, next to baselines.

For every corpus found under ``../shared/bench/`` (skipped cleanly when absent):

* **HTML path**: ``cleaners.clean_html`` on the page, next to trafilatura (default
  settings, as the benchmark's adapter calls it), trafilatura with ``favor_precision`` and
  readability-lxml (when installed);
* **text path**: ``cleaners.clean_text`` on the page flattened to a whole-page text dump
  (``tools/flatten.py``: what "select all, copy" gives), next to "keep every line" (the
  flattened dump itself);

each scored with the ScrapingHub benchmark's shingle metric (``tools/extraction_metric.py``),
with the count of **near-empty** outputs (recall < 0.2 on a page whose reference has a body).
Then the fixture pass count (every ``fixtures/**/*.expected.json`` pair), and, where the
helpers exist, the metadata table (``tools/eval_metadata.py``) and the per-rule precision
report (``tools/rule_precision.py``).

``--sample K`` keeps every K-th page of each corpus (deterministic: sorted ids), the fast
subset CI runs; ``--floors tools/eval_floors.toml`` checks the figures against pinned floors
and exits 1 when one is under its floor. Pages are scored in ``-j`` worker processes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import sys
import tomllib
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tools.extraction_metric import PageScore, aggregate, score_page  # noqa: E402

BENCH_ROOT = REPO_ROOT.parent / "shared" / "bench"
CORPORA = {
    "scrapinghub": "article-extraction-benchmark",
    "l3s-gn1": "l3s-gn1",
    "wcxb": "wcxb-articles",
}
NEAR_EMPTY_RECALL = 0.2

HTML_SYSTEMS = ("clean_html", "trafilatura", "trafilatura_precision", "readability")
TEXT_SYSTEMS = ("clean_text", "every_line")


@dataclass(frozen=True, slots=True)
class Page:
    corpus: str
    id: str
    path: str
    truth: str
    url: str | None


def load_corpus(name: str, data_dir: Path, sample: int) -> list[Page]:
    with (data_dir / "ground-truth.json").open(encoding="utf8") as f:
        truth: dict[str, dict[str, Any]] = json.load(f)
    ids = sorted(truth)[::sample]
    return [
        Page(
            corpus=name,
            id=page_id,
            path=str(data_dir / "html" / f"{page_id}.html.gz"),
            truth=truth[page_id].get("articleBody") or "",
            url=truth[page_id].get("url"),
        )
        for page_id in ids
    ]


# --------------------------------------------------------------------------- systems


def _clean_html(html: str, url: str | None) -> str:
    from cleaners import clean_html

    article = clean_html(html, url=url)
    return article.text if article.status == "ok" else ""


def _clean_text(text: str, url: str | None) -> str:
    from cleaners import clean_text

    article = clean_text(text, source="<eval>", url=url)
    return article.text if article.status == "ok" else ""


def _trafilatura(html: str, url: str | None, **kwargs: Any) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False, **kwargs) or ""


def _readability(html: str, url: str | None) -> str | None:
    try:
        from readability import Document
    except ImportError:
        return None
    from tools.flatten import flatten_html

    return flatten_html(Document(html, url=url).summary(html_partial=True))


def _systems() -> dict[str, Callable[[str, str | None], str | None]]:
    return {
        "clean_html": _clean_html,
        "trafilatura": _trafilatura,
        "trafilatura_precision": lambda h, u: _trafilatura(h, u, favor_precision=True),
        "readability": _readability,
    }


def score_one(page: Page, only: frozenset[str] = frozenset()) -> dict[str, PageScore | None]:
    """Every system's score on one page (None: the system is not installed); `only`: these."""
    from tools.flatten import flatten_html

    with gzip.open(page.path, "rt", encoding="utf8", errors="replace") as f:
        html = f.read()
    out: dict[str, PageScore | None] = {}
    for name, extract in _systems().items():
        if only and name not in only:
            continue
        try:
            pred = extract(html, page.url)
        except Exception:  # an extractor crash scores as an empty output
            pred = ""
        out[f"html/{name}"] = None if pred is None else score_page(page.truth, pred)
    dump = flatten_html(html)
    out["text/clean_text"] = score_page(page.truth, _clean_text(dump, page.url))
    if not only or "every_line" in only:
        out["text/every_line"] = score_page(page.truth, dump)
    return out


def _init_worker() -> None:
    logging.disable(logging.CRITICAL)  # trafilatura and readability log per page


# --------------------------------------------------------------------------- report


def body_table(
    pages: list[Page], jobs: int, only: frozenset[str] = frozenset()
) -> dict[str, dict[str, dict[str, float]]]:
    """corpus -> "path/system" -> {precision, recall, f1, pages, near_empty}."""
    by_corpus: dict[str, dict[str, list[PageScore]]] = {}
    truths: dict[str, list[bool]] = {}
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker) as pool:
        scored = pool.map(partial(score_one, only=only), pages, chunksize=4)
        for page, scores in zip(pages, scored, strict=True):
            corpus = by_corpus.setdefault(page.corpus, {})
            truths.setdefault(page.corpus, []).append(bool(page.truth.strip()))
            for system, score in scores.items():
                if score is not None:
                    corpus.setdefault(system, []).append(score)
    table: dict[str, dict[str, dict[str, float]]] = {}
    for corpus, systems in by_corpus.items():
        table[corpus] = {}
        for system, scores in systems.items():
            metrics = aggregate(scores)
            near_empty = sum(
                1
                for score, has_body in zip(scores, truths[corpus], strict=True)
                if has_body and score.recall < NEAR_EMPTY_RECALL
            )
            table[corpus][system] = {
                "precision": round(metrics.precision, 4),
                "recall": round(metrics.recall, 4),
                "f1": round(metrics.f1, 4),
                "pages": metrics.pages,
                "near_empty": near_empty,
            }
    return table


def fixture_counts() -> dict[str, int]:
    """Fixture pairs whose cleaned record equals the expected one (as the fixture tests)."""
    from cleaners import clean_html, clean_text
    from tests.fixture_pairs import comparable, fixture_pairs

    passed = total = 0
    for kind in ("txt", "html"):
        for raw, expected in fixture_pairs(kind):
            total += 1
            if kind == "txt":
                record = clean_text(raw.read_text(encoding="utf-8"), source=str(raw))
            else:
                record = clean_html(raw.read_bytes(), source=str(raw))
            want = json.loads(expected.read_text(encoding="utf-8"))
            passed += comparable(record.to_dict()) == want
    return {"passed": passed, "total": total}


def print_body(table: dict[str, dict[str, dict[str, float]]]) -> None:
    for corpus, systems in table.items():
        n = next(iter(systems.values()))["pages"]
        print(f"\n## {corpus} ({n} pages)\n")
        print("| path | system | P | R | F1 | near-empty |")
        print("|---|---|---|---|---|---|")
        for system, m in systems.items():
            path, name = system.split("/")
            print(
                f"| {path} | {name} | {m['precision']:.3f} | {m['recall']:.3f} | "
                f"{m['f1']:.3f} | {m['near_empty']} |"
            )


def check_floors(results: dict[str, Any], floors_path: Path) -> list[str]:
    """Every `[section] "dotted.key" = floor` whose measured figure is under the floor."""
    floors = tomllib.loads(floors_path.read_text(encoding="utf8"))
    failures = []
    for key, floor in _flatten(floors).items():
        value: Any = results
        for part in key.split("|"):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            continue  # the corpus or helper is absent here: nothing to check
        if value < floor:
            failures.append(f"{key.replace('|', ' ')}: {value:.4f} < floor {floor}")
    return failures


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in tree.items():
        name = f"{prefix}|{key}" if prefix else key
        if isinstance(value, dict):
            out.update(_flatten(value, name))
        else:
            out[name] = float(value)
    return out


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=BENCH_ROOT, help="benchmark root")
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA), help="only these")
    parser.add_argument("--sample", type=int, default=1, metavar="K", help="every K-th page")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--floors", type=Path, help="TOML of floors; exit 1 under one")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures as JSON")
    parser.add_argument(
        "--ours-only",
        action="store_true",
        help="score clean_html and clean_text only (the CI gate: the baselines do not change)",
    )
    parser.add_argument("--no-metadata", action="store_true", help="skip the metadata table")
    parser.add_argument("--no-rules", action="store_true", help="skip the rule precision report")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpora = {
        name: args.bench / folder
        for name, folder in CORPORA.items()
        if (not args.corpus or name in args.corpus)
        and (args.bench / folder / "ground-truth.json").is_file()
    }
    results: dict[str, Any] = {"fixtures": fixture_counts()}
    fx = results["fixtures"]
    if fx:
        print(f"fixtures: {fx['passed']}/{fx['total']} exact")
    if not corpora:
        print(
            f"no benchmark data under {args.bench}: the corpora are not part of the repository "
            "(see README, 'Evaluation'); only the fixtures were checked"
        )
    else:
        pages = [p for name, d in corpora.items() for p in load_corpus(name, d, args.sample)]
        only = frozenset({"clean_html"}) if args.ours_only else frozenset()
        results["body"] = body_table(pages, args.jobs, only)
        print_body(results["body"])
        if not args.no_metadata:
            results["metadata"] = _metadata(corpora, args)
        if not args.no_rules:
            results["rules"] = _rule_report(corpora, args)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    if fx and fx["passed"] != fx["total"]:
        print(f"\nFAIL: {fx['total'] - fx['passed']} fixture(s) differ from their expected record")
        return 1
    if args.floors:
        failures = check_floors(results, args.floors)
        if failures:
            print("\nFAIL: under the pinned floors:\n  " + "\n  ".join(failures))
            return 1
        print(f"\nall figures at or above the floors of {args.floors}")
    return 0


def _metadata(corpora: dict[str, Path], args: argparse.Namespace) -> dict[str, Any]:
    """Title/authors/date accuracy (tools/eval_metadata.py) on the corpora that annotate them."""
    from tools.eval_metadata import format_table, has_annotations, metadata_scores

    systems = ("newscrawl", "newscrawl-text")
    if not args.ours_only:
        systems += ("trafilatura",)
    out: dict[str, Any] = {}
    for name, data_dir in corpora.items():
        if not any(has_annotations(data_dir).values()):
            continue
        scores = metadata_scores(data_dir, systems=systems, jobs=args.jobs, sample=args.sample)
        print(f"\n## metadata: {name}\n")
        print(format_table(name, scores))
        out[name] = scores
    return out


def _rule_report(corpora: dict[str, Path], args: argparse.Namespace) -> list[dict[str, Any]]:
    """Per rule and markup signal: reference-body words removed against debris words removed
    by the HTML path (tools/rule_precision.py), over every corpus."""
    from tools.rule_precision import format_table, load_corpus, rule_precision

    pages = [page for d in corpora.values() for page in load_corpus(d)[:: args.sample]]
    rows = rule_precision(pages)
    print(f"\n## rule precision, HTML path ({len(pages)} pages)\n")
    print(format_table(rows))
    return [row.as_dict() for row in rows]


if __name__ == "__main__":
    raise SystemExit(main())
