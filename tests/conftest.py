from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# Every process a test starts (crawls, cleaning pools, redis-server, Dask workers, chromium)
# inherits this variable, whoever its parent is; once every fixture is torn down, none may be
# left running. The value is this pytest's pid, so a test run beside this one is not counted.
_RUN_MARK = "NEWSCRAWL_TEST_RUN"
_GRACE_SECONDS = 15.0  # processes told to stop (pools shut down without waiting) may be ending


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "slow: starts servers, crawls, clusters or a browser, or takes more than about 2 s; "
        'the inner loop is `pytest -m "not slow"`, `make test` and CI run everything',
    )
    os.environ[_RUN_MARK] = str(os.getpid())
    # trafilatura imports urllib3's SOCKS support, which warns when PySocks is missing: an
    # error under `filterwarnings = error` when a test (or a forked worker) imports it first.
    config.addinivalue_line(
        "filterwarnings", "ignore:SOCKS support in urllib3:urllib3.exceptions.DependencyWarning"
    )


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


def _started_by_this_run() -> dict[int, str]:
    """pid -> what it runs and which test started it, of every live process this run began."""
    mark = f"{_RUN_MARK}={os.getpid()}".encode()
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            if mark not in environ or (entry / "stat").read_text().rsplit(")", 1)[1][1] == "Z":
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue  # ended meanwhile, or not ours to read
        if parent == os.getpid() and "multiprocessing.resource_tracker" in command:
            continue  # this process's own helper (a pool ran in it): ends when pytest ends
        test = next((v for v in environ if v.startswith(b"PYTEST_CURRENT_TEST=")), b"=?")
        found[int(entry.name)] = f"{command[:160]} (started by {test.split(b'=', 1)[1].decode()})"
    return found


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when a test left a process behind, and end those processes."""
    if not Path("/proc/self/environ").exists():
        return  # no /proc (not Linux): nothing to check with
    deadline = time.monotonic() + _GRACE_SECONDS
    left = _started_by_this_run()
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = _started_by_this_run()
    if not left:
        return
    for pid in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = [f"{len(left)} process(es) left running by the tests (now killed):"]
    lines += [f"  {pid}: {what}" for pid, what in sorted(left.items())]
    if reporter is not None:
        reporter.write_sep("=", "processes left behind", red=True)
        for line in lines:
            reporter.write_line(line)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
