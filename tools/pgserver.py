"""A PostgreSQL server of our own for fault tests: the machine's PostgreSQL
binaries on a scratch data directory and a free port, so that it can really be
stopped and started again without touching the shared server."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tools.stack import free_port


def _bindir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


class PostgresServer:
    """initdb, start, stop and start again; `url(name)` of a database on it."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        if self.bindir is None:
            raise RuntimeError("PostgreSQL's server binaries are not installed (/usr/lib/postgresql/*/bin)")
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="cjg-pg-"))  # under /tmp: the postgres user must reach it
        self.data, self.log = self.dir / "data", self.dir / "server.log"
        self._as_root = os.geteuid() == 0  # PostgreSQL refuses to run as root: then it runs as `postgres`
        if self._as_root:
            shutil.chown(self.dir, "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")

    def _run(self, program: str, *args: str) -> None:
        cmd = [str(self.bindir / program), *args]
        if self._as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode:
            raise RuntimeError(f"{program} failed: {result.stderr or result.stdout}")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "start")

    def stop(self) -> None:
        """A real shutdown: every connection is closed and the port refuses new ones."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def remove(self) -> None:
        try:
            self.stop()
        except RuntimeError:
            pass  # already stopped
        shutil.rmtree(self.dir, ignore_errors=True)
