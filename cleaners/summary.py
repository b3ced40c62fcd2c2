"""Run counters: what was read, kept, rejected and removed, and how fast."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cleaners.document import ReadError


@dataclass
class RunSummary:
    documents: int = 0  # input documents read (each gives one record, or more when split)
    ok: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)  # inputs passed over, by reason
    started: float = field(default_factory=time.perf_counter)
    documents_before: int = 0  # documents of earlier invocations of a resumed run
    # Per rule, as datatrove reports its steps: blocks removed (by the `rule` of each removal
    # entry) and seconds spent (by pipeline step; the line-pattern group and the markup
    # signals are one step each, their removals listed under each pattern's own name).
    removed_by_rule: Counter[str] = field(default_factory=Counter)
    rule_seconds: dict[str, float] = field(default_factory=dict)

    def add_result(
        self,
        ok: bool,
        reject_reason: str | None,
        removed: Iterable[str],
        rules: Iterable[str] = (),
    ) -> None:
        if ok:
            self.ok += 1
        else:
            self.rejected[reject_reason or "unknown"] += 1
        self.removed.update(removed)
        self.removed_by_rule.update(rules)

    def add_rule_seconds(self, seconds: Iterable[tuple[str, float]]) -> None:
        for name, spent in seconds:
            self.rule_seconds[name] = self.rule_seconds.get(name, 0.0) + spent

    def add_error(self, error: ReadError) -> None:
        self.errors[error.kind] += 1

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "ok": self.ok,
            "rejected": dict(self.rejected),
            "errors": dict(self.errors),
            "removed": dict(self.removed),
            "skipped": dict(self.skipped),
            "removed_by_rule": dict(self.removed_by_rule),
            "rule_ms": {name: round(s * 1000, 3) for name, s in self.rule_seconds.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunSummary:
        return cls(
            documents=data["documents"],
            ok=data["ok"],
            rejected=Counter(data["rejected"]),
            errors=Counter(data["errors"]),
            removed=Counter(data["removed"]),
            skipped=Counter(data.get("skipped", {})),
            documents_before=data["documents"],
            removed_by_rule=Counter(data.get("removed_by_rule", {})),
            rule_seconds={name: ms / 1000 for name, ms in data.get("rule_ms", {}).items()},
        )

    def render(self) -> str:
        def counts(counter: Counter[str]) -> str:
            return ", ".join(f"{k} {v}" for k, v in sorted(counter.items())) or "none"

        done_now = self.documents - self.documents_before
        rate = done_now / self.elapsed if self.elapsed > 0 else 0.0
        records = self.ok + sum(self.rejected.values())
        # A document gives one record, or more with --split-stories: say so, so the counts
        # add up (ok + rejected = records = documents + stories split off).
        split = records - self.documents
        lines = [
            f"documents read: {self.documents}",
            f"records: {records}"
            + (
                f" ({_count(self.documents, 'document')} + {_count(split, 'split-off story')})"
                if split > 0
                else ""
            ),
            f"ok: {self.ok}",
            f"rejected: {sum(self.rejected.values())} ({counts(self.rejected)})",
            f"errors: {self.error_count} ({counts(self.errors)})",
            f"removed blocks: {sum(self.removed.values())} ({counts(self.removed)})",
        ]
        if self.skipped:
            lines.append(f"skipped: {sum(self.skipped.values())} ({counts(self.skipped)})")
        lines.append(f"throughput: {rate:.1f} docs/s in {self.elapsed:.2f} s")
        lines.extend(self.render_rules())
        return "\n".join(lines)

    def render_rules(self) -> list[str]:
        """The per-rule table: blocks removed, milliseconds in all and per document, the
        slowest first (nothing when no rule ran or removed anything)."""
        names = set(self.removed_by_rule) | set(self.rule_seconds)
        if not names:
            return []
        documents = max(1, self.documents)
        width = max(len(name) for name in names)
        lines = ["per rule:", f"  {'rule':<{width}} {'removed':>9} {'ms':>10} {'ms/doc':>8}"]
        for name in sorted(names, key=lambda n: (-self.rule_seconds.get(n, 0.0), n)):
            spent = self.rule_seconds.get(name)
            time_cells = f"{spent * 1000:10.1f} {spent * 1000 / documents:8.3f}" if spent else ""
            lines.append(f"  {name:<{width}} {self.removed_by_rule[name]:>9} {time_cells}".rstrip())
        return lines


def _count(number: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"
