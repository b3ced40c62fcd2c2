"""Headless Chromium for the report tests: load a local page, dump its DOM or screenshot it.

Debian's `chromium` (tools/ensure_chromium.sh installs it). Each call starts one browser in a
session of its own with a fresh profile, and ends every process of that session before it
returns, whatever happened (`leftover_processes` lets a test check that).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import struct
import subprocess
import tempfile
import time
import zlib
from pathlib import Path

import pytest

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--disable-breakpad",
    "--disable-crash-reporter",
)
PROFILE_PREFIX = "newscrawl-chromium-"  # every browser started here runs with such a profile
GUARD_SECONDS = 180  # a hung browser fails the test instead of hanging the suite


def chromium_binary() -> str:
    """The browser, or skip (fail under CI: the test set-up must have installed it)."""
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None
    )
    if found:
        return found
    message = "chromium is missing: run tools/ensure_chromium.sh"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def run_chromium(url: str, *extra: str) -> tuple[str, int]:
    """Run the browser once on `url`; (stdout, session id). No process of it is left."""
    binary = chromium_binary()
    with tempfile.TemporaryDirectory(prefix=PROFILE_PREFIX) as profile:
        command = [binary, *FLAGS, f"--user-data-dir={profile}", *extra, url]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own session: every child can be found and ended
        )
        try:
            out, err = process.communicate(timeout=GUARD_SECONDS)
        finally:
            end_session(process.pid)
            if process.poll() is None:
                process.kill()
                process.wait()
        if process.returncode != 0:
            raise AssertionError(f"chromium exited {process.returncode}: {err.decode()[-2000:]}")
        return out.decode("utf-8"), process.pid


def dump_dom(page: Path) -> str:
    """The DOM Chromium built from the page, serialised."""
    out, _ = run_chromium(page.resolve().as_uri(), "--dump-dom")
    return out


def screenshot(page: Path, target: Path, width: int = 1200, height: int = 1400) -> None:
    run_chromium(
        page.resolve().as_uri(), f"--window-size={width},{height}", f"--screenshot={target}"
    )


def leftover_processes(session: int) -> list[int]:
    """Live (not zombie) processes of a session."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        fields = stat[stat.rindex(")") + 2 :].split()
        state, sid = fields[0], int(fields[3])
        if sid == session and state != "Z":
            pids.append(int(entry.name))
    return pids


def live_browsers() -> list[int]:
    """Live processes started by `run_chromium` (their command line names our profile)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if PROFILE_PREFIX.encode() in command and state != "Z":
            pids.append(int(entry.name))
    return pids


def end_session(session: int) -> None:
    """Kill every process of the session and wait (bounded) until none is alive."""
    for _ in range(100):
        pids = leftover_processes(session)
        if not pids:
            return
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.05)


def png_facts(path: Path) -> tuple[int, int, int]:
    """(width, height, distinct byte values in the pixel data) of a PNG file."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    pixels = bytearray()
    position = 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        if kind == b"IDAT":
            pixels += data[position + 8 : position + 8 + length]
        position += 12 + length
    return width, height, len(set(zlib.decompress(bytes(pixels))))
