"""Anonymous questions out of hours: a long random ticket code to read the
answer later; an optional e-mail address used once and then deleted."""
from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.ehulp.models import EConsult, Worker
from portal.ehulp.queue import audit
from portal.models import utcnow
from portal.privacy import scrub

MAX_TEXT = 4000
ANSWER_DAYS = 3  # working days within which a worker answers; shown to the person asking


class QuestionError(ValueError):
    pass


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode()).hexdigest()


def new_code() -> str:
    """A ticket code that cannot be guessed: 128 random bits, readable in groups."""
    raw = secrets.token_hex(16).upper()
    return "-".join(raw[i:i + 4] for i in range(0, 32, 4))


def ask(session: Session, text: str, email: str | None = None, site: str = "vcjg") -> tuple[EConsult, str]:
    """Store a question (scrubbed of personal data) and return it with its code."""
    text = (text or "").strip()
    if not text:
        raise QuestionError("empty")
    if len(text) > MAX_TEXT:
        raise QuestionError("too_long")
    email = (email or "").strip() or None
    if email and ("@" not in email or len(email) > 254 or " " in email):
        raise QuestionError("email")
    code = new_code()
    question = EConsult(ticket_hash=_hash(code), text=scrub(text), email=email, site=site)
    session.add(question)
    session.commit()
    return question, code


def find(session: Session, code: str) -> EConsult | None:
    if not code or len(code) > 64:
        return None
    return session.scalar(select(EConsult).where(EConsult.ticket_hash == _hash(code.upper())))


def open_questions(session: Session) -> list[EConsult]:
    return list(session.scalars(select(EConsult).where(EConsult.status == "open").order_by(EConsult.created_at)))


def answer(session: Session, question: EConsult, worker: Worker, text: str, notify) -> None:
    """Store the answer; tell the person by e-mail when they asked for that,
    then forget the address."""
    text = (text or "").strip()
    if not text:
        raise QuestionError("empty")
    question.answer = text[:MAX_TEXT]
    question.status = "answered"
    question.answered_by = worker.id
    question.answered_at = utcnow()
    if question.email:
        notify(question.email)
        question.email = None
    audit(session, worker, "answer_econsult", str(question.id))
    session.commit()
