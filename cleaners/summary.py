"""Run counters: what was read, kept, rejected and removed, and how fast."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from cleaners.document import ReadError
from cleaners.record import Article


@dataclass
class RunSummary:
    documents: int = 0
    ok: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def add_article(self, article: Article) -> None:
        self.documents += 1
        if article.ok:
            self.ok += 1
        else:
            self.rejected[article.reject_reason or "unknown"] += 1
        self.removed.update(r.reason for r in article.removed)

    def add_error(self, error: ReadError) -> None:
        self.errors[error.kind] += 1

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def render(self) -> str:
        def counts(counter: Counter[str]) -> str:
            return ", ".join(f"{k} {v}" for k, v in sorted(counter.items())) or "none"

        rate = self.documents / self.elapsed if self.elapsed > 0 else 0.0
        return "\n".join(
            [
                f"documents read: {self.documents}",
                f"ok: {self.ok}",
                f"rejected: {sum(self.rejected.values())} ({counts(self.rejected)})",
                f"errors: {sum(self.errors.values())} ({counts(self.errors)})",
                f"removed blocks: {sum(self.removed.values())} ({counts(self.removed)})",
                f"throughput: {rate:.1f} docs/s in {self.elapsed:.2f} s",
            ]
        )
