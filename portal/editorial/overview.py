"""What the editors see at a glance: articles by state, review dates that
passed or come soon, and the list of articles with filters."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from portal.models import Article

SOON_DAYS = 30
PAGE_SIZE = 50


def _local(municipality: str):
    return select(Article).where(Article.source == "local", Article.municipality == municipality)


def in_state(session: Session, municipality: str, state: str) -> list[Article]:
    """Local articles in one workflow state, the longest waiting first."""
    return list(session.scalars(_local(municipality).where(Article.state == state)
                                .order_by(Article.publish_at, Article.updated_at)))


def review_overdue(session: Session, municipality: str, today: dt.date) -> list[Article]:
    """Published local articles whose review date has passed, the oldest first."""
    return list(session.scalars(_local(municipality).where(Article.published.is_(True), Article.review_by < today)
                                .order_by(Article.review_by, Article.title)))


def review_soon(session: Session, municipality: str, today: dt.date, days: int = SOON_DAYS) -> list[Article]:
    """Published local articles to review within `days` days."""
    return list(session.scalars(_local(municipality).where(
        Article.published.is_(True), Article.review_by >= today, Article.review_by <= today + dt.timedelta(days=days)
    ).order_by(Article.review_by, Article.title)))


def listing(session: Session, municipality: str, *, state: str = "", source: str = "", text: str = "",
            page: int = 1) -> tuple[list[Article], int]:
    """National articles and this municipality's own, filtered, by title; and the total."""
    query = select(Article).where(or_(Article.source == "national", Article.municipality == municipality))
    if state:
        query = query.where(Article.state == state)
    if source:
        query = query.where(Article.source == source)
    if text:
        pattern = f"%{text.lower()}%"
        query = query.where(or_(func.lower(Article.title).like(pattern), func.lower(Article.slug).like(pattern)))
    total = session.scalar(query.with_only_columns(func.count()).order_by(None))
    items = session.scalars(query.order_by(Article.source.desc(), Article.title)
                            .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE))
    return list(items), total or 0


def additions_of(session: Session, municipality: str, slug: str) -> list[Article]:
    """This municipality's additions to a national article, in every state."""
    return list(session.scalars(_local(municipality).where(Article.addition_to == slug).order_by(Article.title)))


def national_choices(session: Session) -> list[tuple[str, str]]:
    """(slug, title) of the published national articles an addition can belong to."""
    rows = session.execute(select(Article.slug, Article.title).where(
        Article.source == "national", Article.published.is_(True)).order_by(Article.title))
    return [(row.slug, row.title) for row in rows]
