"""Load and waiting times for the supervisor."""
from __future__ import annotations

import datetime as dt
import statistics

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal.chat.models import Conversation
from portal.ehulp.models import EConsult, Worker
from portal.ehulp.queue import average_handle_seconds, waiting, workers_on_duty
from portal.models import utcnow


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def load(session: Session, days: int = 7) -> dict:
    now = utcnow()
    since = now - dt.timedelta(days=days)
    taken = session.execute(select(Conversation.queued_at, Conversation.taken_at).where(
        Conversation.taken_at.is_not(None), Conversation.taken_at >= since)).all()
    waits = [(_aware(t) - _aware(q)).total_seconds() for q, t in taken if q and t]
    busy = dict(session.execute(select(Conversation.worker_id, func.count()).where(
        Conversation.state == "human").group_by(Conversation.worker_id)).all())
    return {
        "days": days,
        "waiting_now": len(waiting(session)),
        "longest_wait_now": max(((now - _aware(c.queued_at)).total_seconds() for c in waiting(session)
                                 if c.queued_at), default=0),
        "on_duty": [{"name": w.display_name, "email": w.email, "chats": busy.get(w.id, 0)}
                    for w in workers_on_duty(session)],
        "chats_taken": len(waits),
        "wait_median": statistics.median(waits) if waits else 0,
        "wait_max": max(waits, default=0),
        "handle_average": average_handle_seconds(session, now),
        "questions_open": session.scalar(select(func.count()).select_from(EConsult).where(
            EConsult.status == "open")) or 0,
        "workers": session.scalar(select(func.count()).select_from(Worker).where(Worker.active.is_(True))) or 0,
    }
