"""One recorded sync run: read the feed, check it, apply it, write down what
happened. A feed that cannot be read or is not in shape changes nothing; the
run is recorded as failed with the reason."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.models import utcnow
from portal.national import feed as feeds
from portal.national import validate
from portal.national.apply import Outcome, apply
from portal.national.models import KINDS, SyncChange, SyncProblem, SyncRun, as_utc
from portal.taxonomy import Taxonomy

STALE_AFTER = dt.timedelta(minutes=15)  # a run still "running" after this has died


class SyncBusy(Exception):
    """Another sync is running; the message says since when."""


def running(session: Session) -> SyncRun | None:
    run = session.scalar(select(SyncRun).where(SyncRun.status == "running").order_by(SyncRun.started_at.desc()))
    return run if run is not None and as_utc(run.started_at) > utcnow() - STALE_AFTER else None


def changed_after(session: Session) -> dt.datetime | None:
    """Where the next incremental sync starts: the mark of the last successful
    run that skipped nothing (so skipped articles come again until they are fixed)."""
    run = session.scalar(select(SyncRun).where(SyncRun.status == "ok", SyncRun.skipped == 0)
                         .order_by(SyncRun.started_at.desc()).limit(1))
    return run.mark if run is not None else None


def latest(session: Session, limit: int = 20) -> list[SyncRun]:
    return list(session.scalars(select(SyncRun).order_by(SyncRun.started_at.desc(), SyncRun.id.desc()).limit(limit)))


def previous(session: Session, run: SyncRun) -> SyncRun | None:
    return session.scalar(select(SyncRun).where(SyncRun.id < run.id).order_by(SyncRun.id.desc()).limit(1))


def _record(run: SyncRun, outcome: Outcome, parsed: validate.Feed) -> None:
    for change in outcome.changes:
        a, before = change.article, change.before or {}
        run.changes.append(SyncChange(
            article=a, kind=change.kind, external_reference=change.reference, content_set=change.content_set,
            slug=a.slug, title=a.title, summary=a.summary, body=None if change.kind == "withdrawn" else a.body,
            title_before=before.get("title"), summary_before=before.get("summary"), body_before=before.get("body")))
    for problem in parsed.problems + outcome.problems:
        run.problems.append(SyncProblem(level=problem.level, subject=problem.subject[:300], field=problem.field[:40],
                                        message=problem.message[:500]))
    for kind in KINDS:
        setattr(run, kind, outcome.count(kind))
    run.unchanged, run.skipped = outcome.unchanged, parsed.skipped


def _fail(session: Session, run: SyncRun, message: str) -> SyncRun:
    run.status, run.error, run.finished_at = "failed", message, utcnow()
    session.commit()
    return run


def sync(session: Session, source: str, *, taxonomy: Taxonomy, place: dict, full: bool = False,
         worker_id: int | None = None, max_bytes: int = feeds.MAX_BYTES, timeout: float = feeds.TIMEOUT) -> SyncRun:
    """Run one sync from a URL or file and return its record. Incremental
    unless `full`: a URL is asked only for what changed after the last good run."""
    busy = running(session)
    if busy is not None:
        raise SyncBusy(f"Er loopt al een synchronisatie (gestart {as_utc(busy.started_at):%Y-%m-%d %H:%M} UTC).")
    since = None if full or not feeds.is_url(source) else changed_after(session)
    run = SyncRun(source=feeds.display(source), full=full, changed_after=since, worker_id=worker_id)
    session.add(run)
    session.commit()
    try:
        parsed = validate.parse(feeds.read(source, since, max_bytes=max_bytes, timeout=timeout), taxonomy)
    except feeds.FeedError as exc:
        return _fail(session, run, f"{exc} Er is niets veranderd.")
    if full and all(a.deleted for a in parsed.articles):
        return _fail(session, run, "De feed bevat geen artikelen; een volledige synchronisatie zou alle landelijke "
                                   "artikelen offline halen. Er is niets veranderd.")
    try:
        outcome = apply(session, parsed, full=full, place=place)
        run.generated_at = parsed.generated_at
        _record(run, outcome, parsed)
        run.status, run.finished_at = "ok", utcnow()
        session.commit()
    except Exception:
        session.rollback()
        _fail(session, run, "Onverwachte fout bij het verwerken van de feed. Er is niets veranderd.")
        raise
    return run
