"""Start the whole stack (action server, Rasa, portal) on free loopback ports
for tests, evaluations and benchmarks, and stop it again."""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BOT = ROOT / "bot"
MODEL = BOT / "models" / "cjg.tar.gz"
PRODUCTION_ENDPOINTS = ROOT / "deploy" / "rasa-endpoints.yml"


def _signal(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass  # already gone


class Processes:
    """The stack's processes by name, to stop and start one again (fault tests)."""

    def __init__(self, starters: dict, log_dir: Path):
        self._starters, self._log_dir, self.running = starters, log_dir, {}

    def start(self, name: str) -> subprocess.Popen:
        cmd, cwd, env = self._starters[name]
        log = open(self._log_dir / f"{name}.log", "a")
        self.running[name] = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                              start_new_session=True)  # its own group: workers stop with it
        return self.running[name]

    def stop(self, name: str, kill: bool = False) -> None:
        proc = self.running.pop(name, None)
        if proc is None:
            return
        _signal(proc, signal.SIGKILL if kill else signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            _signal(proc, signal.SIGKILL)
            proc.wait()

    def stop_all(self) -> None:
        for name in list(self.running):
            self.stop(name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process for {url} exited with {proc.returncode}")
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not come up in {timeout:.0f} s")


def train_model() -> Path:
    """Train the assistant unless Rasa finds the model up to date."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    subprocess.run([str(BOT / ".venv/bin/rasa"), "train", "--fixed-model-name", "cjg", "--out", "models"],
                   cwd=BOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return MODEL


@contextmanager
def running_stack(instance: Path, *, database_url: str | None = None, workers: int = 2, log_dir: Path | None = None,
                  env: dict | None = None, rasa_env: dict | None = None,
                  only: tuple = ("actions", "rasa", "portal")):
    """Yield the URLs of a running stack; the portal's database is prepared and the content imported.
    With `rasa_env` (the RASA_DB_* and RASA_REDIS_* settings of docs/deploy.md) Rasa runs as in
    production: deploy/rasa-endpoints.yml, conversations in PostgreSQL, locks in Redis, two Sanic
    workers. The yielded dict's "processes" stops and starts single processes. `only` names the
    processes to start (the portal alone for database faults)."""
    instance = Path(instance)
    instance.mkdir(parents=True, exist_ok=True)
    log_dir = Path(log_dir or instance)
    ports = {name: free_port() for name in ("portal", "rasa", "actions")}
    urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    token = secrets.token_hex(16)
    extra_env = env or {}
    env = {**os.environ, "INSTANCE_PATH": str(instance), "FLASK_APP": "portal", "RASA_URL": urls["rasa"],
           "RASA_TOKEN": token, "PORTAL_URL": urls["portal"], "RASA_TELEMETRY_ENABLED": "false",
           "ACTION_ENDPOINT_URL": f"{urls['actions']}/webhook",
           "SANIC_HOST": "127.0.0.1"}  # the action server listens on loopback only
    env.update(extra_env)
    if database_url:
        env["DATABASE_URL"] = database_url
    flask = str(ROOT / ".venv/bin/flask")
    for args in (["db", "upgrade"], ["content", "import"], ["socialmap", "import"]):
        result = subprocess.run([flask, *args], cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode and args[0] != "socialmap":
            raise RuntimeError(result.stderr)
    endpoints = instance / "endpoints.yml"
    endpoints.write_text(f"action_endpoint:\n  url: \"{urls['actions']}/webhook\"\n")
    if rasa_env:
        endpoints = PRODUCTION_ENDPOINTS
    rasa_cmd = [str(BOT / ".venv/bin/rasa"), "run", "--enable-api", "--auth-token", token, "-i", "127.0.0.1",
                "-p", str(ports["rasa"]), "--model", str(MODEL), "--endpoints", str(endpoints),
                "--credentials", "credentials.yml"]
    processes = Processes({
        "actions": ([str(BOT / ".venv/bin/rasa"), "run", "actions", "--port", str(ports["actions"]),
                     "--actions", "actions"], BOT, env),
        "rasa": (rasa_cmd, BOT, {**env, **(rasa_env or {}), **({"SANIC_WORKERS": "2"} if rasa_env else {})}),
        "portal": ([str(ROOT / ".venv/bin/gunicorn"), "--config", str(ROOT / "gunicorn.conf.py"),
                    "--bind", f"127.0.0.1:{ports['portal']}", "--workers", str(workers), "portal:create_app()"],
                   ROOT, env),
    }, log_dir)
    try:
        for name in only:
            processes.start(name)
        checks = {"portal": ("/api/themes", 60), "actions": ("/health", 120), "rasa": ("/", 300)}
        for name in ("portal", "actions", "rasa"):
            if name in only:
                path, timeout = checks[name]
                wait_for(urls[name] + path, timeout, processes.running[name])
        yield {**urls, "token": token, "processes": processes}
    finally:
        processes.stop_all()


if __name__ == "__main__":
    with running_stack(ROOT / "instance" / "stack") as urls:
        print(urls, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            sys.exit(0)
