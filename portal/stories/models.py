"""A young person's story. Nothing in it points to the writer: no IP address,
no account, no cookie, no device; only what they chose to write."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.models import utcnow

STATUSES = ("submitted", "approved", "rejected")


class Story(db.Model):
    """Sent in (`submitted`), then `approved` (public) or `rejected` by an editor.
    Until the decision `text` is exactly what the writer sent; an editor who
    edits while approving replaces it, so only the approved text is kept."""
    __tablename__ = "story"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    signature: Mapped[str | None] = mapped_column(String(40))  # "meisje, 15": never a real name
    age: Mapped[int | None] = mapped_column(Integer)
    theme: Mapped[str | None] = mapped_column(String(50))  # a JongIn theme of the taxonomy
    photo_name: Mapped[str | None] = mapped_column(String(40))  # random file name under UPLOAD_DIR/stories
    photo_alt: Mapped[str | None] = mapped_column(String(200))
    photo_width: Mapped[int | None] = mapped_column(Integer)
    photo_height: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="submitted", index=True)
    edited: Mapped[bool] = mapped_column(Boolean, default=False)  # the editor changed it before approving
    moderation_note: Mapped[str | None] = mapped_column(String(500))  # for editors only
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    @property
    def paragraphs(self) -> list[str]:
        """The text in paragraphs, split on empty lines."""
        blocks = "\n".join(line.rstrip() for line in self.text.splitlines()).split("\n\n")
        return [block.strip("\n") for block in blocks if block.strip()]
