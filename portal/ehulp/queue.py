"""The live-chat queue: joining, place and honest wait estimate, taking,
transferring and closing. State lives in the database, so every portal
process sees the same queue."""
from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal.chat import conversations
from portal.chat.models import Conversation
from portal.ehulp.models import AuditEntry, Worker
from portal.models import utcnow

DEFAULT_HANDLE_SECONDS = 600
HISTORY_DAYS = 30


def workers_on_duty(session: Session) -> list[Worker]:
    return list(session.scalars(select(Worker).where(Worker.on_duty.is_(True), Worker.active.is_(True))))


def waiting(session: Session) -> list[Conversation]:
    return list(session.scalars(select(Conversation).where(Conversation.state == "waiting")
                                .order_by(Conversation.queued_at, Conversation.id)))


def position(session: Session, conversation: Conversation) -> int | None:
    for i, item in enumerate(waiting(session), start=1):
        if item.id == conversation.id:
            return i
    return None


def average_handle_seconds(session: Session, now: dt.datetime | None = None) -> float:
    """How long a live chat took on average over the last 30 days (10 minutes without history)."""
    since = (now or utcnow()) - dt.timedelta(days=HISTORY_DAYS)
    rows = session.execute(select(Conversation.taken_at, Conversation.closed_at).where(
        Conversation.taken_at.is_not(None), Conversation.closed_at.is_not(None),
        Conversation.closed_at >= since)).all()
    durations = [(closed - taken).total_seconds() for taken, closed in rows if closed > taken]
    return sum(durations) / len(durations) if durations else DEFAULT_HANDLE_SECONDS


def estimated_wait(session: Session, place: int) -> int:
    """Seconds until a worker is likely free for the person at `place`:
    free workers take the first in line at once; otherwise each round of
    chats takes the average handling time."""
    on_duty = workers_on_duty(session)
    if not on_duty:
        return 0
    busy = session.scalar(select(func.count()).select_from(Conversation).where(Conversation.state == "human")) or 0
    free = max(len(on_duty) - busy, 0)
    if place <= free:
        return 30
    rounds = math.ceil((place - free) / len(on_duty))
    return int(rounds * average_handle_seconds(session))


def join(session: Session, conversation: Conversation, in_hours: bool) -> str:
    """Put the conversation in the queue when a worker can take it; otherwise 'unavailable'."""
    if conversation.state in ("waiting", "human"):
        return conversation.state
    if not in_hours or not workers_on_duty(session):
        return "unavailable"
    conversation.state = "waiting"
    conversation.queued_at = utcnow()
    conversations.add(session, conversation, "system",
                      "Je staat in de wachtrij voor een medewerker van het CJG. Je kunt intussen verder kijken op de site.")
    session.commit()
    return "waiting"


def leave(session: Session, conversation: Conversation) -> None:
    """The visitor stops waiting (for instance to leave a question instead)."""
    if conversation.state == "waiting":
        conversation.state = "bot"
        conversation.queued_at = None
        conversations.add(session, conversation, "system", "Je staat niet meer in de wachtrij.")
        session.commit()


def audit(session: Session, worker: Worker | None, action: str, target: str = "") -> None:
    session.add(AuditEntry(worker_id=worker.id if worker else None, action=action, target=target[:80]))


def take(session: Session, conversation: Conversation, worker: Worker) -> bool:
    if conversation.state != "waiting":
        return False
    conversation.state = "human"
    conversation.worker_id = worker.id
    conversation.taken_at = utcnow()
    conversations.add(session, conversation, "system",
                      f"Je praat nu met {worker.display_name}, medewerker van het CJG.", {"worker": worker.display_name})
    audit(session, worker, "take", conversation.id)
    session.commit()
    return True


def transfer(session: Session, conversation: Conversation, worker: Worker, colleague: Worker) -> bool:
    if conversation.state != "human" or conversation.worker_id != worker.id or not colleague.on_duty:
        return False
    conversation.worker_id = colleague.id
    conversations.add(session, conversation, "system",
                      f"Je praat nu met {colleague.display_name}, ook medewerker van het CJG.",
                      {"worker": colleague.display_name})
    audit(session, worker, "transfer", f"{conversation.id} -> {colleague.id}")
    session.commit()
    return True


def close(session: Session, conversation: Conversation, worker: Worker) -> bool:
    """End the live chat; the assistant answers again after this."""
    if conversation.state != "human" or (conversation.worker_id != worker.id and not worker.is_supervisor):
        return False
    conversation.state = "bot"
    conversation.closed_at = utcnow()
    conversations.add(session, conversation, "system",
                      "Het gesprek met de medewerker is afgelopen. De digitale assistent helpt je weer verder.")
    audit(session, worker, "close", conversation.id)
    session.commit()
    return True


def send(session: Session, conversation: Conversation, worker: Worker, text: str, card: dict | None = None) -> bool:
    if conversation.state != "human" or conversation.worker_id != worker.id:
        return False
    payload = {"worker": worker.display_name, **({"custom": card} if card else {})}
    conversations.add(session, conversation, "worker", text, payload)
    session.commit()
    return True
