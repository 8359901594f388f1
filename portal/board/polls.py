"""The poll: which one is open on a site, counting a vote, the results, and
the cookie that remembers in which polls this browser voted.

Nothing about the voter is stored: a vote adds one to its answer's count.
The browser keeps a signed list of poll numbers ("voted in poll 3 and 7"),
the same for everyone who voted in those polls, so it identifies no one."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from portal.board.models import SITES, Poll, PollOption

COOKIE = "cjg_peiling"
COOKIE_SALT = "board-poll-votes"
COOKIE_DAYS = 400
REMEMBERED = 50  # the most recent polls a browser's cookie remembers


def active(session: Session, municipality: str, site: str, today: dt.date) -> Poll | None:
    """The poll open on this site today (the editors' form allows one at a time)."""
    return session.scalar(select(Poll).where(Poll.municipality == municipality, Poll.site.in_((site, "both")),
                                             Poll.starts_on <= today, Poll.ends_on >= today)
                          .order_by(Poll.starts_on.desc(), Poll.id.desc()).limit(1))


def conflicting(session: Session, municipality: str, site: str, starts_on: dt.date, ends_on: dt.date,
                exclude_id: int | None = None) -> Poll | None:
    """Another poll on the same site whose days overlap these."""
    sites = SITES if site == "both" else (site, "both")
    query = select(Poll).where(Poll.municipality == municipality, Poll.site.in_(sites),
                               Poll.starts_on <= ends_on, Poll.ends_on >= starts_on)
    if exclude_id is not None:
        query = query.where(Poll.id != exclude_id)
    return session.scalar(query.order_by(Poll.starts_on).limit(1))


def set_options(poll: Poll, labels: list[str]) -> None:
    """Give a poll without votes these answers, in this order."""
    if [o.label for o in poll.options] != labels:
        poll.options = [PollOption(position=i, label=label) for i, label in enumerate(labels)]


def vote(session: Session, poll: Poll, option: str) -> bool:
    """Add one to the answer `option` (its number, as sent) of this poll, in the
    database (safe with many processes at once). False when it is not one of this poll's answers."""
    if option not in {str(o.id) for o in poll.options}:
        return False
    option_id = int(option)
    result = session.execute(update(PollOption).where(PollOption.id == option_id, PollOption.poll_id == poll.id)
                             .values(votes=PollOption.votes + 1).execution_options(synchronize_session=False))
    for option in poll.options:
        session.expire(option, ["votes"])
    return result.rowcount == 1


@dataclass(frozen=True)
class Result:
    label: str
    votes: int
    percent: int


def results(poll: Poll) -> list[Result]:
    """Each answer with its votes and a whole percentage; the percentages add up to 100."""
    counts = [o.votes for o in poll.options]
    return [Result(o.label, o.votes, p) for o, p in zip(poll.options, percentages(counts))]


def percentages(counts: list[int]) -> list[int]:
    """Whole percentages that add up to 100 (largest remainder), all 0 without votes."""
    total = sum(counts)
    if not total:
        return [0] * len(counts)
    exact = [c * 100 / total for c in counts]
    whole = [int(x) for x in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: (exact[i] - whole[i], counts[i]), reverse=True)
    for i in by_remainder[:100 - sum(whole)]:
        whole[i] += 1
    return whole


def _serializer(secret: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret, salt=COOKIE_SALT)


def voted_in(cookie: str | None, secret: str) -> set[int]:
    """The polls this browser voted in, from its cookie (nothing when it is missing or altered)."""
    if not cookie:
        return set()
    try:
        ids = _serializer(secret).loads(cookie)
    except BadSignature:
        return set()
    return {i for i in ids if isinstance(i, int)} if isinstance(ids, list) else set()


def cookie_with(voted: set[int], poll_id: int, secret: str) -> str:
    """The cookie's new value: the polls voted in, plus this one."""
    return _serializer(secret).dumps(sorted(voted | {poll_id})[-REMEMBERED:])
