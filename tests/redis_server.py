"""A throwaway ``redis-server`` for tests and benchmarks: a unix socket in a temporary folder,
no TCP port, nothing saved to disk; stopped (and waited for) on exit."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType


def redis_server_path() -> str | None:
    return shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )


class RedisServer:
    """``with RedisServer() as server: server.url`` is ``unix:///…/redis.sock``."""

    def __init__(self, folder: Path | None = None) -> None:
        binary = redis_server_path()
        if binary is None:
            raise FileNotFoundError("redis-server is not installed (make install installs it)")
        self.binary = binary
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        if folder is None:
            # A short path: unix socket paths are limited to about 100 bytes.
            self._tmp = tempfile.TemporaryDirectory(prefix="ncredis-")
            folder = Path(self._tmp.name)
        self.folder = folder
        self.socket = folder / "redis.sock"
        self.log = folder / "redis.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}?db=0"

    def __enter__(self) -> RedisServer:
        import redis

        self.folder.mkdir(parents=True, exist_ok=True)
        cmd = [
            self.binary,
            "--port", "0",
            "--unixsocket", str(self.socket),
            "--unixsocketperm", "700",
            "--save", "",
            "--appendonly", "no",
            "--dir", str(self.folder),
            "--logfile", str(self.log),
            "--daemonize", "no",
        ]  # fmt: skip
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        try:
            while True:
                if self.proc.poll() is not None:
                    log = self.log.read_text() if self.log.exists() else ""
                    raise RuntimeError(f"redis-server exited ({self.proc.returncode}): {log}")
                try:
                    client = redis.Redis.from_url(self.url, socket_connect_timeout=1)
                    try:
                        if client.ping():
                            break
                    finally:
                        client.close()
                except (redis.ConnectionError, OSError):
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("redis-server did not answer PING within 20 s")
                time.sleep(0.05)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


# -- crawler processes ------------------------------------------------------------------------


class CrawlProcess:
    """``scrapy crawl news`` started in the background (``tests.sitegen.crawl.run_crawl``
    waits; several of these run at once against one Redis)."""

    def __init__(
        self,
        tmp: Path,
        name: str,
        origin_map: dict[str, str],
        *,
        site: str = "all",
        settings: dict[str, str] | None = None,
    ) -> None:
        import json
        import os
        import sys

        from tests.sitegen.crawl import LOCAL_SETTINGS
        from tests.sitegen.site import ROOT

        tmp.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.output = tmp / f"{name}.jsonl"
        self.stats_path = tmp / f"{name}-stats.json"
        self.log_path = tmp / f"{name}.log"
        merged = {
            **LOCAL_SETTINGS,
            "NEWSCRAWL_ORIGIN_MAP": json.dumps(origin_map),
            "STATS_PATH": str(self.stats_path),
            **(settings or {}),
        }
        cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"site={site}"]
        cmd += ["-O", str(self.output)]
        for key, value in merged.items():
            cmd += ["-s", f"{key}={value}"]
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        }
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def wait(self, timeout: float = 240) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self._log.close()

    def kill(self) -> None:
        """End the process (also used for clean-up when a test fails)."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        self._log.close()

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def records(self) -> list[dict]:
        """The records in the output file; a last line cut short by a kill is left out."""
        import json

        if not self.output.exists():
            return []
        out = []
        for line in self.output.read_text(encoding="utf-8").splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
        return out

    def stats(self) -> dict:
        import json

        if not self.stats_path.exists():
            return {}
        return json.loads(self.stats_path.read_text(encoding="utf-8"))
