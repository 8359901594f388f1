"""The editors' side: the queue, the decisions (approve, edit and approve,
reject, take offline), the public list, and deleting what is not needed."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from portal.ehulp.queue import audit
from portal.models import utcnow
from portal.stories import photos
from portal.stories.models import Story
from portal.stories.submission import Draft, apply

PAGE_SIZE = 10
MAX_NOTE = 500


class DecisionError(ValueError):
    """not_open (already decided), not_approved, or note_empty."""


@dataclass(frozen=True)
class Page:
    items: list[Story]
    number: int
    pages: int


def queue(session: Session) -> list[Story]:
    """Stories waiting for an editor, oldest first."""
    return list(session.scalars(select(Story).where(Story.status == "submitted")
                                .order_by(Story.created_at, Story.id)))


def approved(session: Session, number: int = 1, size: int = PAGE_SIZE) -> Page:
    """One page of the approved stories, newest first."""
    total = session.scalar(select(func.count()).select_from(Story).where(Story.status == "approved"))
    pages = max(1, math.ceil(total / size))
    number = min(max(1, number), pages)
    items = session.scalars(select(Story).where(Story.status == "approved")
                            .order_by(Story.decided_at.desc(), Story.id.desc())
                            .offset((number - 1) * size).limit(size))
    return Page(list(items), number, pages)


def published(session: Session, story_id: int) -> Story | None:
    story = session.get(Story, story_id)
    return story if story is not None and story.status == "approved" else None


def _fields(story: Story) -> tuple:
    return story.title, story.text, story.signature, story.age, story.theme, story.photo_alt, story.photo_name


def approve(session: Session, story: Story, worker, folder: Path, draft: Draft | None = None,
            drop_photo: bool = False, note: str = "") -> None:
    """Publish a waiting (or earlier rejected) story; with a checked `draft`
    the editor's version replaces the writer's text; `drop_photo` deletes the photo."""
    if story.status == "approved":
        raise DecisionError("not_open")
    before = _fields(story)
    if drop_photo and story.photo_name:
        photos.remove(folder, story.photo_name)
        story.photo_name = story.photo_alt = story.photo_width = story.photo_height = None
    if draft is not None:
        apply(story, draft, story.photo_name is not None)
    changed = _fields(story) != before
    story.edited = story.edited or changed
    story.status, story.decided_at = "approved", utcnow()
    story.moderation_note = note.strip()[:MAX_NOTE] or None
    if changed:
        audit(session, worker, "story.edit", str(story.id))
    audit(session, worker, "story.approve", str(story.id))
    session.commit()


def reject(session: Session, story: Story, worker, note: str) -> None:
    """Turn a waiting story down, with a note for the other editors."""
    if story.status != "submitted":
        raise DecisionError("not_open")
    _decline(session, story, worker, note, "story.reject")


def unpublish(session: Session, story: Story, worker, note: str) -> None:
    """Take an approved story offline; it is deleted with the rejected ones."""
    if story.status != "approved":
        raise DecisionError("not_approved")
    _decline(session, story, worker, note, "story.unpublish")


def _decline(session: Session, story: Story, worker, note: str, action: str) -> None:
    if not note.strip():
        raise DecisionError("note_empty")
    story.status, story.decided_at = "rejected", utcnow()
    story.moderation_note = note.strip()[:MAX_NOTE]
    audit(session, worker, action, str(story.id))
    session.commit()


def purge(session: Session, days: int, folder: Path, now: dt.datetime | None = None) -> int:
    """Delete rejected stories decided, and waiting stories sent, more than
    `days` ago, with their photos; and photo files that belong to no story.
    Returns the number of stories deleted."""
    cutoff = (now or utcnow()) - dt.timedelta(days=days)
    old = list(session.scalars(select(Story).where(or_(
        and_(Story.status == "rejected", Story.decided_at < cutoff),
        and_(Story.status == "submitted", Story.created_at < cutoff)))))
    for story in old:
        photos.remove(folder, story.photo_name)
        session.delete(story)
    session.commit()
    _remove_orphans(session, folder, ((now or utcnow()) - dt.timedelta(days=1)).timestamp())
    return len(old)


def _remove_orphans(session: Session, folder: Path, before: float) -> None:
    """Photo files no story points to (a save whose story was never stored)."""
    if not folder.is_dir():
        return
    known = set(session.scalars(select(Story.photo_name).where(Story.photo_name.is_not(None))))
    for file in folder.iterdir():
        if file.is_file() and file.name not in known and file.stat().st_mtime < before:
            file.unlink(missing_ok=True)
