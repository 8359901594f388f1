"""Delete what is no longer needed: conversations without activity and
answered questions older than the retention period."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from portal.chat.models import ChatMessage, Conversation
from portal.ehulp.models import AuditEntry, EConsult
from portal.models import utcnow


def purge(session: Session, days: int = 30, now: dt.datetime | None = None) -> dict[str, int]:
    """Conversations whose last message is older than `days` (the live chat is
    over by then) and questions answered more than `days` ago are deleted,
    with their messages. Audit entries are kept a year."""
    cutoff = (now or utcnow()) - dt.timedelta(days=days)
    old = [c for c in session.scalars(select(Conversation.id).where(
        Conversation.last_activity < cutoff, Conversation.state.in_(("bot", "closed"))))]
    if old:
        session.execute(delete(ChatMessage).where(ChatMessage.conversation_id.in_(old)))
        session.execute(delete(Conversation).where(Conversation.id.in_(old)))
    answered = session.execute(delete(EConsult).where(EConsult.status == "answered",
                                                      EConsult.answered_at < cutoff)).rowcount
    audit = session.execute(delete(AuditEntry).where(
        AuditEntry.created_at < (now or utcnow()) - dt.timedelta(days=365))).rowcount
    session.commit()
    return {"conversations": len(old), "questions": answered, "audit_entries": audit}
