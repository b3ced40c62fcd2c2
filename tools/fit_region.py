#!/usr/bin/env python3
"""Fit the article-region model of `cleaners/region.py` and report its cross-validated figure.

For every page of the benchmark corpora (`../shared/bench/*`, research data: never committed),
the page is flattened to a whole-page text dump (`tools/flatten.py`) and segmented as
`clean_text` does; each line is labelled body (1) when most of its word trigrams (or, for a line
of one or two words, the words themselves in order) occur in the reference body. A logistic
regression (L2, Newton steps, deterministic) is fitted on the line features, and the region's
cost (`offset`, `power`) is chosen by grid search on the region's shingle F1.

5-fold cross-validation by site: the pages of one registered domain (from the corpus's `url`,
`courlan.extract_domain`) are all in one fold, so a site's template is never on both sides;
the domains are dealt to the folds largest first, each to the fold with the fewest pages
(deterministic). The model is fitted on four folds of all corpora and scored on the fifth;
the printed CV figure is the held-out one, per corpus, pooled over the five held-out folds:

* region only: the shingle F1 of the best contiguous region alone;
* `--cv-pipeline`: the whole text path (`clean_text`'s pipeline, the region found with the
  fold's model, then every rule) on the held-out pages' dumps, P/R/F1 with the benchmark's
  metric (`tools/extraction_metric.py`, as `make eval`), next to the same pipeline with the
  model fitted on every page (the shipped model when the data has not changed since it was
  written: the not-held-out figure `make eval` reports).

Then the model is fitted on every page and written to `cleaners/data/region_model.json`
(`--write`).

Usage: python tools/fit_region.py [--bench DIR] [--write] [--cache FILE.pkl] [--cv-pipeline]
       [-j N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
from collections.abc import Sequence
from multiprocessing import Pool
from pathlib import Path
from typing import NamedTuple

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from cleaners.normalize import normalize_text  # noqa: E402
from cleaners.region import (  # noqa: E402
    FEATURES,
    RegionModel,
    best_region,
    line_features,
    page_language,
    region_gains,
    stop_words,
)
from cleaners.segment import segment_text  # noqa: E402
from tools.extraction_metric import PageScore, aggregate, score_page, shingles, tokenize  # noqa: E402
from tools.flatten import flatten_html  # noqa: E402

CORPORA = ("article-extraction-benchmark", "l3s-gn1", "wcxb-articles")
OFFSETS = (-1.0, -0.5, 0.0, 0.5, 1.0)
POWERS = (0.5, 1.0)
FOLDS = 5
L2 = 1.0
CACHE_VERSION = 2  # (corpus, id, url, dump, lines, truth) per page


class BenchPage(NamedTuple):
    corpus: str
    id: str
    url: str | None
    dump: str  # the flattened page, as `make eval` gives it to clean_text
    lines: list[str]  # the dump segmented as clean_text does
    truth: str  # the reference body


def load_pages(bench: Path) -> list[BenchPage]:
    """Every page of the corpora found under `bench`, flattened and segmented."""
    pages = []
    for corpus in CORPORA:
        data_dir = bench / corpus
        if not data_dir.is_dir():
            continue
        truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf8"))
        for page_id in sorted(truth):
            path = data_dir / "html" / f"{page_id}.html.gz"
            with gzip.open(path, "rt", encoding="utf8", errors="replace") as f:
                dump = flatten_html(f.read())
            lines = [b.text for b in segment_text(normalize_text(dump))]
            pages.append(
                BenchPage(
                    corpus,
                    page_id,
                    truth[page_id].get("url"),
                    dump,
                    lines,
                    truth[page_id].get("articleBody") or "",
                )
            )
    return pages


def site_of(page: BenchPage) -> str:
    """The page's registered domain (its site), or the page itself when it has no URL."""
    from courlan import extract_domain

    domain = extract_domain(page.url) if page.url else None
    return domain or f"{page.corpus}/{page.id}"


def site_folds(pages: Sequence[BenchPage], folds: int = FOLDS) -> list[int]:
    """The fold of every page: a site's pages all in one fold, folds about the same size.

    Sites are dealt largest first (ties by name), each to the fold with the fewest pages so
    far (ties: the lower fold), so the split depends on the pages only."""
    by_site: dict[str, list[int]] = {}
    for i, page in enumerate(pages):
        by_site.setdefault(site_of(page), []).append(i)
    sizes = [0] * folds
    out = [0] * len(pages)
    for _site, members in sorted(by_site.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        fold = min(range(folds), key=lambda k: (sizes[k], k))
        sizes[fold] += len(members)
        for i in members:
            out[i] = fold
    return out


def labels(lines: list[str], truth: str) -> list[int]:
    tokens = tokenize(truth)
    trigrams = set(zip(tokens, tokens[1:], tokens[2:], strict=False))
    joined = " " + " ".join(tokens) + " "
    out = []
    for line in lines:
        t = tokenize(line)
        if len(t) >= 3:
            grams = list(zip(t, t[1:], t[2:], strict=False))
            out.append(int(sum(g in trigrams for g in grams) / len(grams) >= 0.5))
        else:
            out.append(int(bool(t) and f" {' '.join(t)} " in joined))
    return out


def fit_logistic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], L2)
    reg[-1] = 0.0
    for _ in range(25):
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:-1], float(w[-1]), mean, scale


def _score(true_sh, pred: str) -> PageScore:
    """`score_page` with the reference's shingles computed once."""
    pred_sh = shingles(pred)
    tp = float(sum((true_sh & pred_sh).values()))
    fp = float(sum((pred_sh - true_sh).values()))
    fn = float(sum((true_sh - pred_sh).values()))
    total = (tp + fp + fn) or 1.0
    return PageScore(tp=tp / total, fp=fp / total, fn=fn / total, exact=False)


def region_scores(pages, true_sh, feats, model: RegionModel) -> dict[str, list[PageScore]]:
    """The region-only score of every page, per corpus."""
    by_corpus: dict[str, list[PageScore]] = {}
    for page, sh, x in zip(pages, true_sh, feats, strict=True):
        z = model.bias + ((x - np.array(model.mean)) / np.array(model.scale)) @ np.array(
            model.weights
        )
        lines = page.lines
        span = best_region(region_gains(lines, list(z), model))
        pred = "\n".join(lines[span[0] : span[1]]) if span else ""
        by_corpus.setdefault(page.corpus, []).append(_score(sh, pred))
    return by_corpus


def region_f1(pages, true_sh, feats, model: RegionModel) -> dict[str, float]:
    return {c: aggregate(s).f1 for c, s in region_scores(pages, true_sh, feats, model).items()}


def rounded(model: RegionModel) -> RegionModel:
    """The model as `region_model.json` stores it (6 decimals): what the pipeline would run."""
    return RegionModel(
        weights=tuple(round(v, 6) for v in model.weights),
        bias=round(model.bias, 6),
        mean=tuple(round(v, 6) for v in model.mean),
        scale=tuple(round(v, 6) for v in model.scale),
        offset=model.offset,
        power=model.power,
    )


def fit(pages, true_sh, feats, ys) -> RegionModel:
    x = np.vstack(feats)
    y = np.concatenate(ys)
    w, b, mean, scale = fit_logistic(x, y)
    best = None
    for offset in OFFSETS:
        for power in POWERS:
            model = RegionModel(
                tuple(w.tolist()), b, tuple(mean.tolist()), tuple(scale.tolist()), offset, power
            )
            f1 = region_f1(pages, true_sh, feats, model)
            score = sum(f1.values()) / len(f1)  # every corpus counts the same
            if best is None or score > best[0]:
                best = (score, model)
    assert best is not None
    return rounded(best[1])


# --------------------------------------------------------------------------- whole pipeline


def clean_with_model(dump: str, url: str | None, model: RegionModel | None) -> str:
    """`clean_text(dump).text` (empty when rejected) with the region found by `model`.

    The pipeline is `clean_text`'s (`page_from_text`, `text_pipeline`, `to_article`), with the
    region rule given the model instead of the shipped one; nothing global is changed."""
    from cleaners.pipeline import page_from_text, run_rules, to_article
    from cleaners.rules import text_pipeline
    from cleaners.rules.region import ArticleRegionRule

    rules = text_pipeline().map(
        lambda rule: ArticleRegionRule(model=model) if isinstance(rule, ArticleRegionRule) else rule
    )
    article = to_article(run_rules(page_from_text(dump, "<eval>", url), rules))
    return article.text if article.status == "ok" else ""


def _pipeline_score(job: tuple[str, str | None, str, RegionModel | None]) -> PageScore:
    dump, url, truth, model = job
    return score_page(truth, clean_with_model(dump, url, model))


def pipeline_scores(
    pages: Sequence[BenchPage], models: Sequence[RegionModel | None], jobs: int
) -> dict[str, list[PageScore]]:
    """The whole text path's score of every page (page i cleaned with models[i]), per corpus."""
    work = [(p.dump, p.url, p.truth, m) for p, m in zip(pages, models, strict=True)]
    if jobs > 1:
        with Pool(jobs) as pool:
            scores = pool.map(_pipeline_score, work, chunksize=4)
    else:
        scores = [_pipeline_score(w) for w in work]
    by_corpus: dict[str, list[PageScore]] = {}
    for page, score in zip(pages, scores, strict=True):
        by_corpus.setdefault(page.corpus, []).append(score)
    return by_corpus


def _load(args: argparse.Namespace) -> list[BenchPage]:
    if args.cache and args.cache.exists():
        version, pages = pickle.loads(args.cache.read_bytes())
        if version == CACHE_VERSION:
            return [BenchPage(*p) for p in pages]
    pages = load_pages(args.bench)
    if args.cache:
        args.cache.write_bytes(pickle.dumps((CACHE_VERSION, [tuple(p) for p in pages])))
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--bench", type=Path, default=REPO_ROOT.parent / "shared" / "bench")
    parser.add_argument("--write", action="store_true", help="write region_model.json")
    parser.add_argument("--cache", type=Path, help="pickle of the flattened pages (reused)")
    parser.add_argument(
        "--cv-pipeline",
        action="store_true",
        help="also score the whole text path on each held-out fold (and with the full fit)",
    )
    parser.add_argument("-j", "--jobs", type=int, default=1, help="processes for --cv-pipeline")
    args = parser.parse_args(argv)
    pages = _load(args)
    if not pages:
        print("no benchmark pages found", file=sys.stderr)
        return 1
    feats = [
        np.array(line_features(p.lines, stop_words(page_language(p.lines))), dtype=float).reshape(
            -1, len(FEATURES)
        )
        for p in pages
    ]
    ys = [np.array(labels(p.lines, p.truth), dtype=float) for p in pages]
    true_sh = [shingles(p.truth) for p in pages]  # scored many times: computed once
    fold_of = site_folds(pages)
    sizes = {
        c: [
            sum(1 for p, f in zip(pages, fold_of, strict=True) if p.corpus == c and f == k)
            for k in range(FOLDS)
        ]
        for c in dict.fromkeys(p.corpus for p in pages)
    }
    print(f"folds by site ({len({site_of(p) for p in pages})} sites), pages per fold: {sizes}")
    held_out: dict[str, list[PageScore]] = {}
    fold_models: list[RegionModel] = []
    for fold in range(FOLDS):
        train = [i for i in range(len(pages)) if fold_of[i] != fold]
        test = [i for i in range(len(pages)) if fold_of[i] == fold]
        model = fit(
            [pages[i] for i in train],
            [true_sh[i] for i in train],
            [feats[i] for i in train],
            [ys[i] for i in train],
        )
        fold_models.append(model)
        for corpus, scores in region_scores(
            [pages[i] for i in test], [true_sh[i] for i in test], [feats[i] for i in test], model
        ).items():
            held_out.setdefault(corpus, []).extend(scores)
    model = fit(pages, true_sh, feats, ys)
    fitted = region_f1(pages, true_sh, feats, model)
    from cleaners.region import region_model

    try:
        same = "the same as" if model == region_model() else "DIFFERENT from"
    except ValueError:  # the shipped model was fitted on other features (a feature added)
        same = "on other features than"
    print(f"region only (offset {model.offset}, power {model.power}; {same} the shipped model):")
    for corpus, scores in held_out.items():
        print(
            f"  {corpus:30s} 5-fold held-out F1 {aggregate(scores).f1:.4f}"
            f"   fitted on all F1 {fitted[corpus]:.4f}"
        )
    if args.cv_pipeline:
        held = pipeline_scores(pages, [fold_models[f] for f in fold_of], args.jobs)
        full = pipeline_scores(pages, [model] * len(pages), args.jobs)
        print("whole text path (clean_text on the flattened pages), P / R / F1:")
        for corpus, scores in held.items():
            h, a = aggregate(scores), aggregate(full[corpus])
            print(
                f"  {corpus:30s} held-out {h.precision:.3f} / {h.recall:.3f} / {h.f1:.3f}"
                f"   fitted on all {a.precision:.3f} / {a.recall:.3f} / {a.f1:.3f}"
            )
    if args.write:
        out = REPO_ROOT / "cleaners" / "data" / "region_model.json"
        data = {
            "features": list(FEATURES),
            "weights": list(model.weights),
            "bias": model.bias,
            "mean": list(model.mean),
            "scale": list(model.scale),
            "offset": model.offset,
            "power": model.power,
            "note": "fitted by tools/fit_region.py on the public benchmark pages (5-fold CV)",
        }
        out.write_text(json.dumps(data, indent=1) + "\n")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
