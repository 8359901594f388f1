"""`flask backup` and `flask restore`: the database and the uploads, round trip,
across database engines, and refusals that protect the data."""
from __future__ import annotations

import datetime as dt
import io
import json
import tarfile
from pathlib import Path

import sqlalchemy as sa

from portal.chat import conversations
from portal.chat.models import Conversation
from portal.ehulp import econsult
from portal.ehulp.accounts import create_worker
from portal.ehulp.models import EConsult, Worker
from portal.extensions import db
from portal.models import Article
from tests.conftest import FIXTURES, POSTGRES_URL, _empty_tables, make_app

PASSWORD = "een-lang-wachtwoord-voor-tests"


def _fill(app) -> dict:
    """Content, a worker, an open question and an upload; returns what to expect back."""
    with app.app_context():
        create_worker(db.session, "anna@cjg.example", PASSWORD, "eindredacteur", "Anna")
        _, ticket = econsult.ask(db.session, "Mijn dochter van 4 slaapt slecht, wat kan ik doen?")
        return {"articles": db.session.scalar(sa.select(sa.func.count()).select_from(Article)), "ticket": ticket}


def _plain(value) -> str:
    """A value as text; times in UTC whether the engine keeps the zone or not."""
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return str(value)


def _snapshot(app) -> dict:
    with app.app_context():
        return {table.name: sorted(json.dumps([_plain(v) for v in row], ensure_ascii=False)
                                   for row in db.session.execute(sa.select(table)))
                for table in db.metadata.sorted_tables}


def test_backup_and_restore_round_trip(imported, runner, tmp_path):
    app = imported
    expected = _fill(app)
    upload = Path(app.config.get("UPLOAD_DIR") or Path(app.instance_path) / "uploads") / "foto.jpg"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"\xff\xd8 not really a jpeg")
    before = _snapshot(app)
    archive = tmp_path / "backup.tar.gz"

    result = runner.invoke(args=["backup", "-o", str(archive)])
    assert result.exit_code == 0, result.output
    assert "1 bestanden" in result.output

    _empty_tables(app)
    upload.unlink()
    result = runner.invoke(args=["restore", str(archive)])
    assert result.exit_code == 0, result.output
    assert _snapshot(app) == before
    assert upload.read_bytes() == b"\xff\xd8 not really a jpeg"
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Article)) == expected["articles"]
        assert econsult.find(db.session, expected["ticket"]) is not None
        # new rows get fresh ids after a restore (PostgreSQL sequences follow)
        create_worker(db.session, "bram@cjg.example", PASSWORD, "worker", "Bram")
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Worker)) == 2
    assert "Zoekindex:" in result.output
    assert app.test_client().get("/zoeken?q=slapen").status_code == 200


def test_restore_refuses_to_overwrite_without_replace(imported, runner, tmp_path):
    _fill(imported)
    archive = tmp_path / "backup.tar.gz"
    assert runner.invoke(args=["backup", "-o", str(archive)]).exit_code == 0
    with imported.app_context():
        conversations.start(db.session, "vcjg")
        db.session.commit()
    result = runner.invoke(args=["restore", str(archive)])
    assert result.exit_code != 0
    assert "--replace" in result.output
    with imported.app_context():  # nothing was lost
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Conversation)) == 1
    result = runner.invoke(args=["restore", "--replace", str(archive)])
    assert result.exit_code == 0, result.output
    with imported.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Conversation)) == 0
        assert db.session.scalar(sa.select(sa.func.count()).select_from(EConsult)) == 1


def test_sqlite_backup_restores_into_postgresql(tmp_path):
    source = make_app(tmp_path / "a", f"sqlite:///{tmp_path / 'a.sqlite3'}", content_dir=FIXTURES / "content")
    assert source.test_cli_runner().invoke(args=["content", "import"]).exit_code == 0
    _fill(source)
    archive = tmp_path / "sqlite.tar.gz"
    assert source.test_cli_runner().invoke(args=["backup", "-o", str(archive)]).exit_code == 0

    target = make_app(tmp_path / "b", POSTGRES_URL, content_dir=FIXTURES / "content")
    _empty_tables(target)
    try:
        result = target.test_cli_runner().invoke(args=["restore", str(archive)])
        assert result.exit_code == 0, result.output
        assert _snapshot(target) == _snapshot(source)
    finally:
        _empty_tables(target)


def _archive(path, members: dict[str, bytes]) -> None:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def test_restore_rejects_what_is_not_a_backup(app, runner, tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"this is no archive")
    result = runner.invoke(args=["restore", str(junk)])
    assert result.exit_code != 0 and "niet openen" in result.output

    no_manifest = tmp_path / "empty.tar.gz"
    _archive(no_manifest, {"data/article.jsonl": b""})
    result = runner.invoke(args=["restore", str(no_manifest)])
    assert result.exit_code != 0 and "manifest.json" in result.output


def test_restore_rejects_another_database_version(app, runner, tmp_path):
    archive = tmp_path / "old.tar.gz"
    _archive(archive, {"manifest.json": json.dumps({"format": 1, "revision": "a3d0485b8d8c"}).encode()})
    result = runner.invoke(args=["restore", str(archive)])
    assert result.exit_code != 0 and "flask db upgrade" in result.output


def test_restore_refuses_paths_outside_the_uploads(app, runner, tmp_path):
    with app.app_context(), db.engine.connect() as conn:
        from portal.backup import revision
        current = revision(conn)
    archive = tmp_path / "evil.tar.gz"
    _archive(archive, {"manifest.json": json.dumps({"format": 1, "revision": current}).encode(),
                       "uploads/../../escaped.txt": b"nope"})
    result = runner.invoke(args=["restore", str(archive)])
    assert result.exit_code != 0 and "onveilig pad" in result.output
    assert not (tmp_path / "escaped.txt").exists()
