"""A revision: the article as one editor saved it or moved it on in the workflow."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.ehulp.models import Worker
from portal.extensions import db
from portal.models import utcnow


class ArticleRevision(db.Model):
    """One saved state of an article's working copy: who, when, which action,
    the workflow state after it, and the text and tags at that moment."""
    __tablename__ = "article_revision"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("worker.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(String(1000), default="")
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(400))
    body: Mapped[str] = mapped_column(Text)
    tags: Mapped[dict] = mapped_column(JSON, default=dict)
    addition_to: Mapped[str | None] = mapped_column(String(100))
    review_by: Mapped[dt.date | None] = mapped_column(Date)
    example: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    worker: Mapped[Worker | None] = relationship(lazy="joined")
