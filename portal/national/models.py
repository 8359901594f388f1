"""What every sync run did: when, from where, what changed, what went wrong."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models import Article, utcnow

KINDS = {"created": "nieuw", "changed": "gewijzigd", "restored": "weer online", "withdrawn": "teruggetrokken"}


def as_utc(moment: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; everything here is stored in UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.timezone.utc)


class SyncRun(db.Model):
    """One `flask content sync` or "Nu synchroniseren"."""
    __tablename__ = "national_sync_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(10), default="running", index=True)  # running | ok | failed
    source: Mapped[str] = mapped_column(String(300))  # the URL without credentials or query, or the file name
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_after: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))  # what was asked for
    generated_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))  # the feed's own moment
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("worker.id", ondelete="SET NULL"))
    created: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    restored: Mapped[int] = mapped_column(Integer, default=0)
    withdrawn: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)  # why the whole run failed

    changes: Mapped[list[SyncChange]] = relationship(back_populates="run", cascade="all, delete-orphan",
                                                     order_by="SyncChange.id")
    problems: Mapped[list[SyncProblem]] = relationship(back_populates="run", cascade="all, delete-orphan",
                                                       order_by="SyncProblem.id")
    worker = relationship("Worker")

    @property
    def mark(self) -> dt.datetime:
        """The moment the next incremental sync asks for changes after: the
        feed's own time when it gave one (no clock drift), else our start."""
        return as_utc(self.generated_at or self.started_at)

    @property
    def changed_anything(self) -> bool:
        return bool(self.created or self.changed or self.restored or self.withdrawn)

    def summary(self) -> str:
        return (f"{self.created} nieuw, {self.changed} gewijzigd, {self.restored} weer online, "
                f"{self.withdrawn} teruggetrokken, {self.unchanged} ongewijzigd, {self.skipped} overgeslagen")

    def of_kind(self, kind: str) -> list[SyncChange]:
        return [c for c in self.changes if c.kind == kind]


class SyncChange(db.Model):
    """One article that a run created, changed, put back online or withdrew,
    with its title, summary and text before and after."""
    __tablename__ = "national_sync_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("national_sync_run.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(10))  # one of KINDS
    external_reference: Mapped[str] = mapped_column(String(100))
    content_set: Mapped[str] = mapped_column(String(100), default="")
    slug: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str | None] = mapped_column(String(400))
    body: Mapped[str | None] = mapped_column(Text)
    title_before: Mapped[str | None] = mapped_column(String(200))
    summary_before: Mapped[str | None] = mapped_column(String(400))
    body_before: Mapped[str | None] = mapped_column(Text)

    run: Mapped[SyncRun] = relationship(back_populates="changes")
    article: Mapped[Article | None] = relationship()


class SyncProblem(db.Model):
    """An article that was skipped (error) or imported with a remark (warning)."""
    __tablename__ = "national_sync_problem"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("national_sync_run.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(10))  # error | warning
    subject: Mapped[str] = mapped_column(String(300))  # which article: reference, title, place in the feed
    field: Mapped[str] = mapped_column(String(40), default="")
    message: Mapped[str] = mapped_column(String(500))

    run: Mapped[SyncRun] = relationship(back_populates="problems")

    def __str__(self) -> str:
        return f"{self.subject}: {self.field + ': ' if self.field else ''}{self.message}"
