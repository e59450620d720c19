"""SQLite, the embedded default, survives a room of phones voting at once.

A real server (gunicorn, four processes of ten threads) on a file-based SQLite database, and
forty participants voting at the same moment through their own ballots (bench/vote_load.py,
one thread and cookie jar each, all released together by a barrier). Without the WAL
journal, the busy timeout and immediate transactions, most of them got a 500 ("database is
locked"). The test database of the rest of the suite is in memory, so this one makes its own
file and runs the server and the script as separate processes, as a laptop would."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PARTICIPANTS = 40


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server stopped"
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail("the server did not start")


@pytest.fixture
def sqlite_server(tmp_path):
    """A server on its own SQLite file; yields its address and environment."""
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'stemmen.sqlite3'}",
        "CACHE_URL": f"filecache://{tmp_path / 'cache'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    python = sys.executable
    migrate = [python, "manage.py", "migrate", "--no-input", "-v", "0"]
    subprocess.run(migrate, cwd=ROOT, env=env, check=True, timeout=300)
    url = f"http://127.0.0.1:{free_port()}"
    gunicorn = [python, "-m", "gunicorn", "atlasplan.wsgi", "--workers", "4", "--threads", "10"]
    server = subprocess.Popen(
        [*gunicorn, "--bind", url.removeprefix("http://")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_up(url, server)
        yield url, env
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_forty_simultaneous_voters_on_sqlite_are_all_stored_without_an_error(sqlite_server):
    url, env = sqlite_server
    script = [sys.executable, "bench/vote_load.py", "--url", url]
    run = subprocess.run(
        [*script, "--participants", str(PARTICIPANTS), "--statements", "2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    assert f"OK: {PARTICIPANTS * 2} votes stored, one per participant and statement" in report
    assert "status codes: {200: " in report and "500" not in report, report
