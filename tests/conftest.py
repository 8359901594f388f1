"""Fixtures: the app on SQLite and on PostgreSQL (both real), a client, a CLI
runner, and small content trees to import."""
from __future__ import annotations

import os
import re
import shutil
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from portal import create_app, ratelimit
from portal.extensions import db

FIXTURES = Path(__file__).parent / "fixtures"
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
_migrated: set[str] = set()


def _reset_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"))
    engine.dispose()


def make_app(tmp_path: Path, database_url: str, content_dir: Path | None = None, **extra):
    os.environ["INSTANCE_PATH"] = str(tmp_path / "instance")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url, "PAGE_CACHE_TTL": 0,
                      "CONTENT_DIR": str(content_dir or tmp_path / "content"),
                      "SEARCH_INDEX_DIR": str(tmp_path / "index"), **extra})
    with app.app_context():
        if database_url not in _migrated or database_url.startswith("sqlite"):
            if database_url.startswith("postgresql"):
                _reset_postgres(database_url)
            upgrade()
            _migrated.add(database_url)
    return app


def csrf_in(page: str) -> str:
    """The CSRF token of the (first) form on an HTML page."""
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def _empty_tables(app) -> None:
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
        db.engine.dispose()


@pytest.fixture
def redis_window(monkeypatch) -> str:
    """Redis for the rate limits, with their clock pinned inside a window of its
    own: a test's calls never straddle two windows, nor share one with another test."""
    window = 60 * (uuid.uuid4().int % 10**9)
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: window + 1.0))
    return "redis://127.0.0.1:6379/0"


@pytest.fixture
def content_dir(tmp_path) -> Path:
    """A copy of the fixture content that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", target)
    return target


@pytest.fixture(params=["sqlite", "postgresql"])
def app(request, tmp_path, content_dir):
    url = f"sqlite:///{tmp_path / 'test.sqlite3'}" if request.param == "sqlite" else POSTGRES_URL
    app = make_app(tmp_path, url, content_dir)
    yield app
    _empty_tables(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def imported(app, runner):
    """The app with the fixture content imported and indexed."""
    result = runner.invoke(args=["content", "import"])
    assert result.exit_code == 0, result.output
    return app


@pytest.fixture
def socialmap_content(content_dir) -> Path:
    """The content copy plus the real social map, crisis lines, taxonomy and municipalities."""
    real = Path(__file__).resolve().parent.parent / "content"
    for name in ("taxonomy.yml", "municipalities.yml", "crisis_lines.yml"):
        shutil.copy(real / name, content_dir / name)
    shutil.copytree(real / "socialmap", content_dir / "socialmap")
    return content_dir


@pytest.fixture
def socialmap(app, runner, socialmap_content):
    """The app with the real social map imported (`flask socialmap import`)."""
    result = runner.invoke(args=["socialmap", "import"])
    assert result.exit_code == 0 and " 0 fouten" in result.output, result.output
    return app
