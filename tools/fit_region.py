#!/usr/bin/env python3
"""Fit the article-region model of `cleaners/region.py` and report its cross-validated figure.

For every page of the benchmark corpora (`../shared/bench/*`, research data: never committed),
the page is flattened to a whole-page text dump (`tools/flatten.py`) and segmented as
`clean_text` does; each line is labelled body (1) when most of its word trigrams (or, for a line
of one or two words, the words themselves in order) occur in the reference body. A logistic
regression (L2, Newton steps, deterministic) is fitted on the line features, and the region's
cost (`offset`, `power`) is chosen by grid search on the region's shingle F1.

5-fold cross-validation by page (folds by sorted page id, every corpus in every fold): the
model is fitted on four folds and scored on the fifth; the printed CV figure is the held-out
one, per corpus. Then the model is fitted on every page and written to
`cleaners/data/region_model.json` (`--write`).

Usage: python tools/fit_region.py [--bench DIR] [--write] [--cache FILE.pkl]
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
from pathlib import Path

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
from tools.extraction_metric import PageScore, aggregate, shingles, tokenize  # noqa: E402
from tools.flatten import flatten_html  # noqa: E402

CORPORA = ("article-extraction-benchmark", "l3s-gn1", "wcxb-articles")
OFFSETS = (-1.0, -0.5, 0.0, 0.5, 1.0)
POWERS = (0.5, 1.0)
FOLDS = 5
L2 = 1.0


def load_pages(bench: Path) -> list[tuple[str, str, list[str], str]]:
    """(corpus, id, lines of the dump, reference body) for every page."""
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
            pages.append((corpus, page_id, lines, truth[page_id].get("articleBody") or ""))
    return pages


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


def region_f1(pages, feats, model: RegionModel) -> dict[str, float]:
    by_corpus: dict[str, list] = {}
    for (corpus, _id, lines, truth), x in zip(pages, feats, strict=True):
        z = model.bias + ((x - np.array(model.mean)) / np.array(model.scale)) @ np.array(
            model.weights
        )
        span = best_region(region_gains(lines, list(z), model))
        pred = "\n".join(lines[span[0] : span[1]]) if span else ""
        by_corpus.setdefault(corpus, []).append(_score(truth, pred))
    return {c: aggregate(s).f1 for c, s in by_corpus.items()}


def fit(pages, feats, ys) -> RegionModel:
    x = np.vstack(feats)
    y = np.concatenate(ys)
    w, b, mean, scale = fit_logistic(x, y)
    best = None
    for offset in OFFSETS:
        for power in POWERS:
            model = RegionModel(
                tuple(w.tolist()), b, tuple(mean.tolist()), tuple(scale.tolist()), offset, power
            )
            f1 = region_f1(pages, feats, model)
            score = sum(f1.values()) / len(f1)  # every corpus counts the same
            if best is None or score > best[0]:
                best = (score, model)
    assert best is not None
    return best[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=REPO_ROOT.parent / "shared" / "bench")
    parser.add_argument("--write", action="store_true", help="write region_model.json")
    parser.add_argument("--cache", type=Path, help="pickle of the flattened pages (reused)")
    args = parser.parse_args(argv)
    if args.cache and args.cache.exists():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = load_pages(args.bench)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(pages))
    if not pages:
        print("no benchmark pages found", file=sys.stderr)
        return 1
    feats = [
        np.array(line_features(lines, stop_words(page_language(lines))), dtype=float).reshape(
            -1, len(FEATURES)
        )
        for _c, _i, lines, _t in pages
    ]
    ys = [np.array(labels(lines, truth), dtype=float) for _c, _i, lines, truth in pages]
    # from here on a page carries its reference's shingles (scored many times)
    pages = [(c, i, lines, shingles(truth)) for c, i, lines, truth in pages]
    held_out: dict[str, list] = {}
    for fold in range(FOLDS):
        train = [i for i in range(len(pages)) if i % FOLDS != fold]
        test = [i for i in range(len(pages)) if i % FOLDS == fold]
        model = fit([pages[i] for i in train], [feats[i] for i in train], [ys[i] for i in train])
        for corpus, f1 in region_f1(
            [pages[i] for i in test], [feats[i] for i in test], model
        ).items():
            held_out.setdefault(corpus, []).append(f1)
    for corpus, values in held_out.items():
        print(f"5-fold held-out region F1 {corpus}: {sum(values) / len(values):.4f}")
    model = fit(pages, feats, ys)
    print(
        f"fitted on all: {region_f1(pages, feats, model)} offset {model.offset} power {model.power}"
    )
    if args.write:
        out = REPO_ROOT / "cleaners" / "data" / "region_model.json"
        data = {
            "features": list(FEATURES),
            "weights": [round(v, 6) for v in model.weights],
            "bias": round(model.bias, 6),
            "mean": [round(v, 6) for v in model.mean],
            "scale": [round(v, 6) for v in model.scale],
            "offset": model.offset,
            "power": model.power,
            "note": "fitted by tools/fit_region.py on the public benchmark pages (5-fold CV)",
        }
        out.write_text(json.dumps(data, indent=1) + "\n")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
