"""Delete what is no longer needed: conversations without activity and
answered questions older than the retention period, in the portal and in
Rasa's tracker store."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
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


def purge_rasa_trackers(tracker_db_url: str, days: int = 30, now: dt.datetime | None = None) -> int:
    """Delete Rasa's stored conversations (its SQL tracker store, production
    mode) whose last event is older than `days`: Rasa keeps the texts as typed."""
    cutoff = ((now or utcnow()) - dt.timedelta(days=days)).timestamp()
    engine = sa.create_engine(tracker_db_url)
    try:
        with engine.begin() as conn:
            if not sa.inspect(conn).has_table("events"):
                return 0
            old = [row[0] for row in conn.execute(sa.text(
                "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"),
                {"cutoff": cutoff})]
            for start in range(0, len(old), 500):
                conn.execute(sa.text("DELETE FROM events WHERE sender_id IN :ids").bindparams(
                    sa.bindparam("ids", expanding=True)), {"ids": old[start:start + 500]})
            return len(old)
    finally:
        engine.dispose()
