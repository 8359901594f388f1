"""Database models of news, agenda, courses and polls (SQLAlchemy 2).

Dates and times are wall-clock times in Europe/Amsterdam, stored without a
zone: an event "at 19:30" stays at 19:30 on SQLite and PostgreSQL alike.
A poll keeps only a count per option: who voted is never stored."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models import utcnow

SITES = ("vcjg", "jongin", "both")  # where an item shows: vCJG, JongIn or both


class _Stamped:
    """The municipality an item belongs to, and when it was made and last changed."""
    id: Mapped[int] = mapped_column(primary_key=True)
    municipality: Mapped[str] = mapped_column(String(50), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class NewsItem(_Stamped, db.Model):
    """A local news item: shown from its publish date up to and including its expiry date."""
    __tablename__ = "news_item"

    site: Mapped[str] = mapped_column(String(10), default="both")
    title: Mapped[str] = mapped_column(String(150))
    summary: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)  # Markdown, rendered like an article's body
    publishes_on: Mapped[dt.date] = mapped_column(Date, index=True)
    expires_on: Mapped[dt.date | None] = mapped_column(Date, index=True)

    def state(self, now: dt.datetime) -> str:
        if self.publishes_on > now.date():
            return "planned"
        return "expired" if self.expires_on and self.expires_on < now.date() else "live"


class AgendaItem(_Stamped, db.Model):
    """An event: shown until it is over, or up to and including its own expiry date."""
    __tablename__ = "agenda_item"

    site: Mapped[str] = mapped_column(String(10), default="both")
    title: Mapped[str] = mapped_column(String(150))
    description: Mapped[str] = mapped_column(Text)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(200))
    link: Mapped[str | None] = mapped_column(String(500))
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    visible_until: Mapped[dt.datetime] = mapped_column(DateTime, index=True)  # from expires_on or the event's end

    def state(self, now: dt.datetime) -> str:
        return "expired" if self.visible_until <= now else "live"


class Course(_Stamped, db.Model):
    """A course or activity on offer: shown until its last date has passed."""
    __tablename__ = "course"

    title: Mapped[str] = mapped_column(String(150))
    description: Mapped[str] = mapped_column(Text)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date, index=True)  # ends_on or starts_on: gone the day after
    schedule: Mapped[str] = mapped_column(String(200), default="")  # e.g. "6 dinsdagavonden, 19.30-21.30 uur"
    place: Mapped[str] = mapped_column(String(200))
    audiences: Mapped[list] = mapped_column(JSON, default=list)  # ouders | jongeren | professionals
    age_phases: Mapped[list] = mapped_column(JSON, default=list)
    cost: Mapped[str] = mapped_column(String(100), default="")
    signup_url: Mapped[str | None] = mapped_column(String(500))
    no_signup: Mapped[bool] = mapped_column(Boolean, default=False)  # "aanmelden niet nodig"

    def state(self, now: dt.datetime) -> str:
        return "expired" if self.last_day < now.date() else "live"


class Poll(_Stamped, db.Model):
    """A question with 2 to 6 answers, open from starts_on up to and including ends_on."""
    __tablename__ = "poll"

    site: Mapped[str] = mapped_column(String(10), default="both")
    question: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[dt.date] = mapped_column(Date, index=True)
    ends_on: Mapped[dt.date] = mapped_column(Date, index=True)

    options: Mapped[list[PollOption]] = relationship(back_populates="poll", cascade="all, delete-orphan",
                                                     order_by="PollOption.position", lazy="selectin")

    def state(self, now: dt.datetime) -> str:
        if self.starts_on > now.date():
            return "planned"
        return "expired" if self.ends_on < now.date() else "live"

    @property
    def total(self) -> int:
        return sum(o.votes for o in self.options)


class PollOption(db.Model):
    """One answer of a poll and how many times it was chosen."""
    __tablename__ = "poll_option"

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("poll.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(100))
    votes: Mapped[int] = mapped_column(Integer, default=0)

    poll: Mapped[Poll] = relationship(back_populates="options")
