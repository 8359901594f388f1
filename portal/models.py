"""Database models of the content (SQLAlchemy 2)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Article(db.Model):
    """A national or local article, or a local addition to a national article."""
    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(400))
    body: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(10))  # national | local
    municipality: Mapped[str | None] = mapped_column(String(50), index=True)
    addition_to: Mapped[str | None] = mapped_column(String(100), index=True)
    published: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    story: Mapped[bool] = mapped_column(Boolean, default=False)
    example: Mapped[bool] = mapped_column(Boolean, default=False)
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date)
    review_by: Mapped[dt.date | None] = mapped_column(Date)
    related: Mapped[list] = mapped_column(JSON, default=list)
    links: Mapped[list] = mapped_column(JSON, default=list)
    attachments: Mapped[list] = mapped_column(JSON, default=list)
    videos: Mapped[list] = mapped_column(JSON, default=list)
    external_reference: Mapped[str | None] = mapped_column(String(100))
    parent_reference: Mapped[str | None] = mapped_column(String(100))
    position: Mapped[int | None] = mapped_column(Integer)
    last_change_date: Mapped[dt.date | None] = mapped_column(Date)
    source_path: Mapped[str | None] = mapped_column(String(300))
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    # The editorial workflow (portal/editorial): the state of the working copy,
    # a version that every change raises (optimistic locking), whether editors
    # manage the article in the portal (the file importer then leaves it alone),
    # and when a scheduled publication is due.
    state: Mapped[str] = mapped_column(String(12), default="published", index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    editor_managed: Mapped[bool] = mapped_column(Boolean, default=False)
    publish_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    tags: Mapped[list[ArticleTag]] = relationship(back_populates="article", cascade="all, delete-orphan",
                                                  lazy="selectin")

    def facet(self, name: str) -> list[str]:
        return [t.value for t in sorted(self.tags, key=lambda t: t.position) if t.facet == name]

    @property
    def audiences(self) -> list[str]:
        return self.facet("audience")

    @property
    def themes(self) -> list[str]:
        return self.facet("theme")

    @property
    def age_phases(self) -> list[str]:
        return self.facet("age_phase")

    @property
    def is_addition(self) -> bool:
        return self.addition_to is not None

    @property
    def feed_managed(self) -> bool:
        """A national article that the national sync wrote: it no longer comes from a file."""
        return self.source == "national" and self.source_path is None and self.external_reference is not None

    def set_tags(self, session, wanted: list[tuple[str, str]]) -> None:
        """Replace the tags by these (facet, value) pairs, in this order, when they differ."""
        current = [(t.facet, t.value) for t in sorted(self.tags, key=lambda t: t.position)]
        if current == wanted:
            return
        if self.tags:
            self.tags.clear()
            session.flush()  # delete the old tags before the new ones hit the unique constraint
        self.tags = [ArticleTag(facet=f, value=v, position=i) for i, (f, v) in enumerate(wanted)]


class ArticleTag(db.Model):
    """One taxonomy slug of an article: its audiences, themes and age phases."""
    __tablename__ = "article_tag"
    __table_args__ = (UniqueConstraint("article_id", "facet", "value"),
                      Index("ix_article_tag_facet_value", "facet", "value"))

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    facet: Mapped[str] = mapped_column(String(20))  # audience | theme | age_phase
    value: Mapped[str] = mapped_column(String(50))
    position: Mapped[int] = mapped_column(Integer, default=0)

    article: Mapped[Article] = relationship(back_populates="tags")
