"""portal.gcsafe: the workaround for CPython 3.11's heap corruption (docs/reliability.md).

The child processes run under PYTHONMALLOC=debug, where a use of freed memory
crashes at once instead of minutes later. The probe shows the fault
deterministically; the page loop without the workaround crashes only most of
the time, so it is no test of its own."""
from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap

import pytest

from portal import gcsafe
from tools.stack import ROOT

# The fault in 20 lines: a weakref callback run by an automatic collection that
# starts while an attribute store builds the same object's __dict__.
PROBE = textwrap.dedent("""
    import gc, sys, weakref
    sys.path.insert(0, {root!r})
    from portal import gcsafe
    SAFE = {safe}
    class State:
        __slots__ = ("__dict__", "__weakref__", "obj")
    filler = State()
    for i in range(30): setattr(filler, f"k{{i}}", i)
    class Obj: pass
    s = State(); s.k0 = 0
    o = Obj(); o.me = o
    def cleanup(ref):
        s.session_id = None
        for j in range(10): setattr(s, f"x{{j}}", j)
    s.obj = weakref.ref(o, cleanup)
    del o
    keep = [{{}} for _ in range(100)]
    gc.set_threshold(1)
    if SAFE: gc.disable()
    s.other = None
    if SAFE: gcsafe.collect_if_due()
    print(sorted(s.__dict__))
""")

# /sociale-kaart rendered again and again, collecting after every request.
PAGES = textwrap.dedent("""
    import gc, sys
    sys.path.insert(0, {root!r})
    from portal import create_app
    app = create_app({{"PAGE_CACHE_TTL": 0}})
    client = app.test_client()
    gc.set_threshold(1)
    for n in range(60):
        assert client.get("/sociale-kaart").status_code == 200
    print("pages ok", n + 1, "automatic gc:", gc.isenabled())
""")


def _child(code: str, tmp_path, **env) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONMALLOC": "debug", "PYTHONFAULTHANDLER": "1", **env}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def social_map_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gcsafe")
    env = {**os.environ, "FLASK_APP": "portal", "INSTANCE_PATH": str(tmp / "instance"),
           "DATABASE_URL": f"sqlite:///{tmp / 'portal.sqlite3'}", "SEARCH_INDEX_DIR": str(tmp / "index")}
    for args in (["db", "upgrade"], ["socialmap", "import"]):
        subprocess.run([str(ROOT / ".venv/bin/flask"), *args], cwd=ROOT, env=env, check=True, capture_output=True)
    return {k: env[k] for k in ("INSTANCE_PATH", "DATABASE_URL", "SEARCH_INDEX_DIR")}


def test_collecting_at_a_safe_point_keeps_the_callbacks_writes(tmp_path):
    result = _child(PROBE.format(root=str(ROOT), safe=True), tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "'session_id'" in result.stdout and "'x9'" in result.stdout


@pytest.mark.skipif(not gcsafe.AFFECTED, reason="the fault is CPython 3.11's")
def test_the_fault_is_there_without_the_workaround(tmp_path):
    """A canary: when this fails, the interpreter no longer corrupts its heap and
    portal.gcsafe can go."""
    result = _child(PROBE.format(root=str(ROOT), safe=False), tmp_path)
    assert result.returncode != 0 or "'session_id'" not in result.stdout


def test_the_social_map_page_survives_collections_after_every_request(tmp_path, social_map_db):
    result = _child(PAGES.format(root=str(ROOT)), tmp_path, **social_map_db)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "pages ok 60" in result.stdout
    if gcsafe.AFFECTED:
        assert "automatic gc: False" in result.stdout


def test_collect_if_due_follows_the_thresholds(monkeypatch):
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        monkeypatch.setattr(gc, "get_threshold", lambda: (10, 10, 10))
        monkeypatch.setattr(gc, "get_count", lambda: (5, 0, 0))
        assert gcsafe.collect_if_due() is None
        monkeypatch.setattr(gc, "get_count", lambda: (11, 3, 0))
        assert gcsafe.collect_if_due() == 0
        monkeypatch.setattr(gc, "get_count", lambda: (11, 10, 10))
        assert gcsafe.collect_if_due() == 2
    finally:
        if was_enabled:
            gc.enable()


def test_switch(monkeypatch):
    monkeypatch.setenv("GC_AT_SAFE_POINTS", "0")
    assert not gcsafe.wanted()
    monkeypatch.setenv("GC_AT_SAFE_POINTS", "1")
    assert gcsafe.wanted()
    monkeypatch.delenv("GC_AT_SAFE_POINTS")
    assert gcsafe.wanted() == gcsafe.AFFECTED
