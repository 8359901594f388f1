"""Scheduled publication without a worker process. Two triggers call
`publish_due`: `flask content publish-due` from cron (every minute), and the
portal itself, which checks at most every few seconds per process whether
something is due (`is_due`, one indexed query) while it serves pages and the
API. Both may run at once in several processes: the version claim lets only
one of them publish each article."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.editorial import workflow
from portal.editorial.locking import StaleVersion
from portal.models import Article, utcnow


def _due(now: dt.datetime):
    return select(Article).where(Article.state == "scheduled", Article.publish_at <= now)


def is_due(session: Session, now: dt.datetime | None = None) -> bool:
    """Whether any scheduled article should be online by now."""
    return session.scalar(_due(now or utcnow()).with_only_columns(Article.id).limit(1)) is not None


def publish_due(session: Session, now: dt.datetime | None = None, today: dt.date | None = None) -> list[str]:
    """Publish every article whose time has come, each in its own commit.
    Returns their slugs (for the search index); an article another process
    published first is skipped."""
    now = now or utcnow()
    published = []
    for article in list(session.scalars(_due(now).order_by(Article.publish_at))):
        try:
            workflow.publish(session, article, None, article.version, today or now.date(), action="publish_due")
            session.commit()
            published.append(article.slug)
        except (StaleVersion, workflow.WorkflowError):
            session.rollback()
    return published
