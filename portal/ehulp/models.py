"""CJG workers, anonymous questions, safety concerns and the audit log."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.access import ROLES, can  # noqa: F401  (ROLES: the roles an account can have)
from portal.extensions import db
from portal.models import utcnow



class Worker(db.Model):
    """A staff account: a CJG worker or supervisor who answers chats and
    questions, or an editor (redacteur, eindredacteur) or admin."""
    __tablename__ = "worker"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))  # first name or role, shown to the visitor
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="worker")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    on_duty: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    @property
    def is_supervisor(self) -> bool:
        return can(self, "supervise")


class EConsult(db.Model):
    """An anonymous question left for a worker, read back with a ticket code."""
    __tablename__ = "econsult"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_hash: Mapped[str] = mapped_column(String(64), unique=True)
    text: Mapped[str] = mapped_column(Text)
    site: Mapped[str] = mapped_column(String(10), default="vcjg")
    email: Mapped[str | None] = mapped_column(String(254))  # only to say the answer is there; then deleted
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)  # open | answered
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("worker.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    worker: Mapped[Worker | None] = relationship()


class SafetyConcern(db.Model):
    """A worker's note that a child or adult may be unsafe: the first step of
    the reporting code for domestic violence and child abuse."""
    __tablename__ = "safety_concern"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str | None] = mapped_column(ForeignKey("conversation.id", ondelete="SET NULL"))
    econsult_id: Mapped[int | None] = mapped_column(ForeignKey("econsult.id", ondelete="SET NULL"))
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("worker.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuditEntry(db.Model):
    """What a worker did, and when."""
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("worker.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
