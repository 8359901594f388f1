"""Back up and restore the database and the uploaded files as one archive.

The archive is a gzipped tar with a manifest (format, time, the database's
migration revision, rows per table), one JSON-lines file per table and the
uploads. It is independent of the database engine: a backup of SQLite can be
restored into PostgreSQL and the other way round, as long as both are at the
same migration revision."""
from __future__ import annotations

import base64
import datetime as dt
import io
import json
import tarfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import sqlalchemy as sa
from sqlalchemy.engine import Connection

FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(RuntimeError):
    pass


@dataclass
class Report:
    tables: dict[str, int] = field(default_factory=dict)
    files: int = 0
    revision: str | None = None

    def summary(self) -> str:
        return f"{sum(self.tables.values())} rijen in {len(self.tables)} tabellen, {self.files} bestanden"


def revision(conn: Connection) -> str | None:
    """The migration revision the database is at."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def _encode(value):
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def _decoder(column: sa.Column):
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return lambda value: value
    if kind is dt.datetime and getattr(column.type, "timezone", False):
        return _aware  # SQLite keeps them naive, in UTC
    if kind is dt.datetime:
        return dt.datetime.fromisoformat
    if kind is dt.date:
        return dt.date.fromisoformat
    if kind is dt.time:
        return dt.time.fromisoformat
    if kind is bytes:
        return base64.b64decode
    return lambda value: value


def _aware(value: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(dt.datetime.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


def backup(conn: Connection, metadata: sa.MetaData, uploads: Path, target: Path) -> Report:
    """Write every table of `metadata` and every file under `uploads` to `target`."""
    report = Report(revision=revision(conn))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with tarfile.open(partial, "w:gz") as tar:
        for table in metadata.sorted_tables:
            lines = [json.dumps({k: _encode(v) for k, v in row._mapping.items()}, ensure_ascii=False)
                     for row in conn.execute(sa.select(table))]
            report.tables[table.name] = len(lines)
            _add_bytes(tar, f"data/{table.name}.jsonl", ("\n".join(lines) + "\n" if lines else "").encode())
        if uploads.is_dir():
            for path in sorted(p for p in uploads.rglob("*") if p.is_file()):
                tar.add(path, arcname=f"uploads/{path.relative_to(uploads).as_posix()}", recursive=False)
                report.files += 1
        manifest = {"format": FORMAT, "created": dt.datetime.now(dt.timezone.utc).isoformat(),
                    "revision": report.revision, "tables": report.tables, "files": report.files}
        _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
    partial.replace(target)
    return report


def _read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError, TypeError) as exc:
        raise BackupError("dit is geen back-up van de portal (manifest.json ontbreekt of is onleesbaar)") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"onbekend back-upformaat {manifest.get('format')!r}")
    return manifest


def _has_data(conn: Connection, metadata: sa.MetaData) -> bool:
    return any(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() for t in metadata.sorted_tables)


def _reset_sequences(conn: Connection, metadata: sa.MetaData) -> None:
    """PostgreSQL: the next id after the restored rows."""
    for table in metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and pk[0].autoincrement is not False and isinstance(pk[0].type, sa.Integer):
            conn.execute(sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"))


def _upload_members(tar: tarfile.TarFile):
    """Regular files under uploads/, never outside it."""
    for member in tar.getmembers():
        path = PurePosixPath(member.name)
        if path.parts[:1] != ("uploads",) or not member.isfile():
            continue
        if ".." in path.parts or path.is_absolute() or len(path.parts) < 2:
            raise BackupError(f"onveilig pad in de back-up: {member.name}")
        yield member, Path(*path.parts[1:])


def _load_tables(conn: Connection, metadata: sa.MetaData, tar: tarfile.TarFile, report: Report) -> None:
    for table in reversed(metadata.sorted_tables):
        conn.execute(table.delete())
    for table in metadata.sorted_tables:
        try:
            lines = tar.extractfile(f"data/{table.name}.jsonl").read().decode().splitlines()
        except KeyError:
            raise BackupError(f"tabel {table.name} ontbreekt in de back-up") from None
        decoders = {c.name: _decoder(c) for c in table.columns}
        rows = [{k: (decoders[k](v) if v is not None else v) for k, v in json.loads(line).items() if k in decoders}
                for line in lines if line]
        if rows:
            conn.execute(table.insert(), rows)
        report.tables[table.name] = len(rows)
    if conn.dialect.name == "postgresql":
        _reset_sequences(conn, metadata)


def restore(conn: Connection, metadata: sa.MetaData, uploads: Path, source: Path, replace: bool = False) -> Report:
    """Load `source` into the database (one transaction, committed on `conn`
    at the end) and the uploads directory. Refuses when the revisions differ,
    and when the database already holds data unless `replace` is set."""
    try:
        tar = tarfile.open(source, "r:gz")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"kan {source} niet openen als back-up: {exc}") from exc
    with tar:
        manifest = _read_manifest(tar)
        current = revision(conn)
        if manifest["revision"] != current:
            raise BackupError(f"de back-up is van databaseversie {manifest['revision']}, de database is op "
                              f"{current}; breng eerst de database op dezelfde versie (flask db upgrade)")
        if _has_data(conn, metadata) and not replace:
            raise BackupError("de database bevat al gegevens; gebruik --replace om ze te vervangen")
        report = Report(revision=current)
        uploads_in_archive = list(_upload_members(tar))
        try:
            _load_tables(conn, metadata, tar, report)
        except Exception:
            conn.rollback()
            raise
        conn.commit()
        for member, relative in uploads_in_archive:
            destination = uploads / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(tar.extractfile(member).read())
            report.files += 1
    return report
