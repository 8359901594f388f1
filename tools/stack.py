"""Start the whole stack (action server, Rasa, portal) on free loopback ports
for tests, evaluations and benchmarks, and stop it again."""
from __future__ import annotations

import os
import secrets
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
                  env: dict | None = None):
    """Yield the URLs of a running stack; the portal's database is prepared and the content imported."""
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
    procs = []

    def start(name, cmd, cwd):
        log = open(log_dir / f"{name}.log", "w")
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        procs.append(proc)
        return proc

    try:
        actions = start("actions", [str(BOT / ".venv/bin/rasa"), "run", "actions", "--port", str(ports["actions"]),
                                    "--actions", "actions"], BOT)
        endpoints = instance / "endpoints.yml"
        endpoints.write_text(f"action_endpoint:\n  url: \"{urls['actions']}/webhook\"\n")
        rasa = start("rasa", [str(BOT / ".venv/bin/rasa"), "run", "--enable-api", "--auth-token", token,
                              "-i", "127.0.0.1", "-p", str(ports["rasa"]), "--model", str(MODEL),
                              "--endpoints", str(endpoints), "--credentials", "credentials.yml"], BOT)
        portal = start("portal", [str(ROOT / ".venv/bin/gunicorn"), "--config", str(ROOT / "gunicorn.conf.py"),
                                  "--bind", f"127.0.0.1:{ports['portal']}", "--workers", str(workers),
                                  "portal:create_app()"], ROOT)
        wait_for(urls["portal"] + "/api/themes", 60, portal)
        wait_for(urls["actions"] + "/health", 120, actions)
        wait_for(urls["rasa"] + "/", 300, rasa)
        yield {**urls, "token": token}
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    with running_stack(ROOT / "instance" / "stack") as urls:
        print(urls, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            sys.exit(0)
