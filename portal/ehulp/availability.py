"""Whether a CJG worker can take a live chat: within the e-hulp hours of the
social map, and at least one worker on duty."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from portal.ehulp.queue import workers_on_duty
from portal.socialmap import directory, hours

EHULP_SERVICE = "cjg-e-hulp"


@dataclass
class Availability:
    in_hours: bool
    on_duty: int
    next_open: dt.datetime | None

    @property
    def available(self) -> bool:
        return self.in_hours and self.on_duty > 0


def schedules(session: Session, municipality: str) -> list:
    """The e-hulp live-chat hours, from the social map in the database."""
    service = directory.service(session, EHULP_SERVICE, municipality)
    return service.schedules if service else []


def _after_current_period(chat_hours, at: dt.datetime) -> dt.datetime:
    """The end of the opening period `at` falls in (or `at` itself)."""
    local = at.astimezone(hours.TZ)
    minute = local.hour * 60 + local.minute
    for period in hours.hours_on(chat_hours, local.date()).periods:
        if period.opens <= minute < period.closes:
            midnight = dt.datetime.combine(local.date(), dt.time(), tzinfo=hours.TZ)
            return midnight + dt.timedelta(minutes=period.closes)
    return at


def check(session: Session, municipality: str, at: dt.datetime) -> Availability:
    """Live chat now? Otherwise when the next chat hours start (the next period
    when the current one has nobody on duty)."""
    chat_hours = schedules(session, municipality)
    in_hours = bool(chat_hours) and hours.is_open(chat_hours, at)
    on_duty = len(workers_on_duty(session))
    next_open = None
    if chat_hours and not (in_hours and on_duty):
        next_open = hours.next_opening(chat_hours, _after_current_period(chat_hours, at) if in_hours else at)
    return Availability(in_hours, on_duty, next_open)
