"""Article-body extraction metric of the ScrapingHub article-extraction benchmark.

Re-implementation (same behaviour, own code) of the benchmark's ``evaluate.py``:

* text is tokenised as ``\\w+`` runs, case kept;
* each text becomes a multiset of word 4-gram shingles; a text with fewer than
  four tokens (but at least one) gives a single shorter shingle, an empty text none;
* per page, TP/FP/FN are the multiset overlaps, normalised to sum 1 so that long
  pages do not weigh more;
* precision is averaged over pages with TP + FP > 0 and recall over pages with
  TP + FN > 0 (so a page where both texts are empty, which scores 1 on its own,
  takes no part in either average); F1 is computed from the two averages;
* accuracy is the share of pages whose token sequence equals the ground truth.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "NGRAM_N",
    "Metrics",
    "PageScore",
    "aggregate",
    "exact_match",
    "precision_score",
    "recall_score",
    "score_page",
    "shingles",
    "tokenize",
]

NGRAM_N = 4

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def tokenize(text: str | None) -> list[str]:
    """``\\w+`` runs of ``text`` (case kept); ``None`` counts as empty."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = NGRAM_N) -> Counter[tuple[str, ...]]:
    """Multiset of word ``n``-gram shingles of ``text``.

    As in the benchmark, 1 to ``n - 1`` tokens make one short shingle; no tokens, none.
    """
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    """Normalised TP/FP/FN of one page (they sum to 1, or are all 0) and the exact-match flag."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float:
        return precision_score(self.tp, self.fp, self.fn)

    @property
    def recall(self) -> float:
        return recall_score(self.tp, self.fp, self.fn)


def precision_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def exact_match(true: str | None, pred: str | None) -> bool:
    """True when both texts have the same token sequence."""
    return tokenize(true) == tokenize(pred)


def score_page(true: str | None, pred: str | None, n: int = NGRAM_N) -> PageScore:
    """Score one predicted body against the ground-truth body."""
    true_sh = shingles(true, n)
    pred_sh = shingles(pred, n)
    tp = float(sum((true_sh & pred_sh).values()))
    fp = float(sum((pred_sh - true_sh).values()))
    fn = float(sum((true_sh - pred_sh).values()))
    total = tp + fp + fn
    if total > 0:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageScore(tp=tp, fp=fp, fn=fn, exact=exact_match(true, pred))


@dataclass(frozen=True, slots=True)
class Metrics:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracy": self.accuracy,
            "pages": self.pages,
        }


def _mean(values: Sequence[float], default: float) -> float:
    return sum(values) / len(values) if values else default


def aggregate(scores: Iterable[PageScore]) -> Metrics:
    """Benchmark averages over pages.

    Precision uses pages with TP + FP > 0, recall pages with TP + FN > 0 (as the benchmark).
    Where the benchmark would fail on an empty average, this returns 1.0 when no page has
    anything to find or predict at all, else 0.0.
    """
    scores = list(scores)
    if not scores:
        raise ValueError("no pages to aggregate")
    precisions = [s.precision for s in scores if s.tp + s.fp > 0]
    recalls = [s.recall for s in scores if s.tp + s.fn > 0]
    all_empty = all(s.tp == s.fp == s.fn == 0 for s in scores)
    default = 1.0 if all_empty else 0.0
    precision = _mean(precisions, default)
    recall = _mean(recalls, default)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    accuracy = _mean([float(s.exact) for s in scores], 0.0)
    return Metrics(precision=precision, recall=recall, f1=f1, accuracy=accuracy, pages=len(scores))
