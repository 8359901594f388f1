"""Prepare portal instances and run gunicorn on free loopback ports."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from tools.stack import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
WORKERS = 2
THREADS = 16  # gthread threads per worker, as in gunicorn.conf.py; the baseline runs the same


def _bin(name: str) -> list[str]:
    """The portal venv's console script, else this interpreter's module."""
    script = VENV_BIN / name
    return [str(script)] if script.exists() else [sys.executable, "-m", name]


def base_env(**extra: str) -> dict:
    """The environment of every server: no Redis (so no rate limit), no telemetry."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("REDIS_URL", "DATABASE_URL", "SEARCH_INDEX_DIR", "CONTENT_DIR", "INSTANCE_PATH")}
    env.update({"FLASK_APP": "portal", "RASA_TELEMETRY_ENABLED": "false", "PYTHONDONTWRITEBYTECODE": "1"})
    env.update(extra)
    return env


def prepare_instance(instance: Path, content_dir: Path, log) -> tuple[dict, int | None]:
    """A fresh instance: `flask db upgrade` and `flask content import` (which builds the search index).
    Returns the environment that points the portal at it and the number of indexed articles."""
    instance.mkdir(parents=True, exist_ok=True)
    env = base_env(INSTANCE_PATH=str(instance), CONTENT_DIR=str(content_dir))
    indexed = None
    for args in (["db", "upgrade"], ["content", "import"]):
        result = subprocess.run([*_bin("flask"), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=600)
        log.write(f"$ flask {' '.join(args)}\n{result.stdout}{result.stderr}\n")
        if result.returncode:
            raise RuntimeError(f"flask {' '.join(args)} failed:\n{result.stderr[-2000:]}")
        found = re.search(r"Zoekindex: (\d+)", result.stdout)
        indexed = int(found.group(1)) if found else indexed
    return env, indexed


@contextmanager
def gunicorn(app: str, env: dict, log_path: Path, health: str = "/", workers: int = WORKERS,
             threads: int = THREADS):
    """Yield the base URL of `gunicorn app` on a free loopback port; stop it afterwards.
    No control socket: gunicorn's default path (~/.gunicorn/gunicorn.ctl) is shared by
    every gunicorn of the user, and the benchmark must not take it over."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(log_path, "w")
    proc = subprocess.Popen([*_bin("gunicorn"), "--config", str(ROOT / "gunicorn.conf.py"), "--bind",
                             f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads), app],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(url + health, 60, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()
