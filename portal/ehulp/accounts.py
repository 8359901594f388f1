"""Worker accounts: creation, Argon2 password hashes, login with lock-out."""
from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal.ehulp.models import ROLES, Worker
from portal.models import utcnow

HASHER = PasswordHasher()
MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 12
_DUMMY = HASHER.hash("timing-equaliser-not-a-password")


class AccountError(ValueError):
    pass


def create_worker(session: Session, email: str, password: str, role: str = "worker",
                  display_name: str | None = None) -> Worker:
    email = email.strip().lower()
    if role not in ROLES:
        raise AccountError(f"onbekende rol '{role}' (kies uit: {', '.join(ROLES)})")
    if "@" not in email or len(email) > 254:
        raise AccountError("geen geldig e-mailadres")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"het wachtwoord moet minstens {MIN_PASSWORD} tekens hebben")
    if session.scalar(select(Worker).where(func.lower(Worker.email) == email)):
        raise AccountError(f"er is al een account voor {email}")
    worker = Worker(email=email, password_hash=HASHER.hash(password), role=role,
                    display_name=(display_name or "CJG-medewerker").strip()[:60])
    session.add(worker)
    session.commit()
    return worker


def authenticate(session: Session, email: str, password: str, now: dt.datetime | None = None) -> Worker | None:
    """The worker when the password is right and the account is not locked.
    Five wrong passwords lock the account for fifteen minutes."""
    now = now or utcnow()
    worker = session.scalar(select(Worker).where(func.lower(Worker.email) == (email or "").strip().lower()))
    if worker is None or not worker.active:
        _verify(_DUMMY, password)
        return None
    if worker.locked_until and _aware(worker.locked_until) > now:
        return None
    if not _verify(worker.password_hash, password):
        worker.failed_logins += 1
        if worker.failed_logins >= MAX_FAILURES:
            worker.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
            worker.failed_logins = 0
        session.commit()
        return None
    worker.failed_logins = 0
    worker.locked_until = None
    if HASHER.check_needs_rehash(worker.password_hash):
        worker.password_hash = HASHER.hash(password)
    session.commit()
    return worker


def _verify(hash_: str, password: str) -> bool:
    try:
        return HASHER.verify(hash_, password or "")
    except (VerificationError, InvalidHashError):
        return False


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite returns naive datetimes; they are stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
