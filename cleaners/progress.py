"""Progress on stderr: a tqdm bar on a terminal, a periodic one-line update otherwise."""

from __future__ import annotations

import sys
import time
from typing import IO, Any


class Progress:
    def __init__(
        self,
        enabled: bool = True,
        stream: IO[str] | None = None,
        every: float = 10.0,
        total: int | None = None,
        initial: int = 0,
    ) -> None:
        # `total`: the items the whole run reads, when known (then a percentage and an ETA);
        # `initial`: those done before (a resumed run)
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.every = every
        self.total = total
        self.initial = initial
        self.documents = 0
        self.errors = 0
        self._started = time.perf_counter()
        self._last = self._started
        self._bar: Any = None
        if enabled and _is_terminal(self.stream):
            from tqdm import tqdm

            self._bar = tqdm(
                unit=" docs",
                file=self.stream,
                dynamic_ncols=True,
                smoothing=0.1,
                total=total,
                initial=initial,
            )

    def update(self, documents: int = 1, errors: int = 0) -> None:
        self.documents += documents
        self.errors += errors
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(documents)
            if errors:
                self._bar.set_postfix(errors=self.errors, refresh=False)
            return
        now = time.perf_counter()
        if now - self._last >= self.every:
            self._last = now
            rate = self.documents / (now - self._started)
            done = self.initial + self.documents
            if self.total:
                left = max(self.total - done, 0)
                eta = _duration(left / rate) if rate > 0 else "?"
                count = f"{done}/{self.total} documents ({done / self.total:.0%}), ETA {eta}"
            else:
                count = f"{done} documents"
            print(
                f"newsclean: {count}, {rate:.1f} docs/s, {self.errors} errors",
                file=self.stream,
                flush=True,
            )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
