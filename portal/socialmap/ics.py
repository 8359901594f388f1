"""iCalendar feeds (RFC 5545) of opening hours, with the icalendar package.

Each weekly period is one recurring event from the current week on:
RRULE FREQ=WEEKLY with UNTIL from the schedule's valid_until, and EXDATE for
the dates of the coming year on which it is closed (public holidays and
closed dates). Extra openings are single events. Times carry
TZID=Europe/Amsterdam with a VTIMEZONE block. UIDs are stable: they name the
record, the weekday and the times.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Calendar, Event

from portal.socialmap.hours import TZ, WEEKDAYS, Period, Schedule

EXDATE_DAYS = 365
TIMEZONE_YEARS = 10  # VTIMEZONE transitions are written out for this many years
UID_DOMAIN = "sociale-kaart.cjg-portal"


@dataclass
class Entry:
    """The hours of one service (at one location) for a feed."""
    uid: str
    summary: str
    location: str
    url: str
    schedule: Schedule
    note: str = ""


def _at(date: dt.date, minutes: int) -> dt.datetime:
    """A wall-clock time in Europe/Amsterdam; minute 1440 is midnight after the date."""
    return (dt.datetime.combine(date, dt.time()) + dt.timedelta(minutes=minutes)).replace(tzinfo=TZ)


def _code(minutes: int) -> str:
    return f"{minutes // 60:02d}{minutes % 60:02d}"


def _event(entry: Entry, uid: str, date: dt.date, period: Period, stamp: dt.datetime, note: str = "") -> Event:
    event = Event.new(summary=entry.summary, start=_at(date, period.opens), end=_at(date, period.closes),
                      uid=f"{entry.uid}-{uid}@{UID_DOMAIN}", stamp=stamp, url=entry.url,
                      location=entry.location or None,
                      description=" ".join(t for t in (note, entry.note, entry.url) if t))
    event.add("transp", "TRANSPARENT")
    return event


def _weekly(entry: Entry, weekday: int, period: Period, anchor: dt.date, stamp: dt.datetime) -> Event | None:
    schedule = entry.schedule
    first = max(anchor, schedule.valid_from or anchor)
    first += dt.timedelta(days=(weekday - first.weekday()) % 7)
    last = min(first + dt.timedelta(days=EXDATE_DAYS), schedule.valid_until or dt.date.max)
    if first > last:
        return None
    event = _event(entry, f"{WEEKDAYS[weekday][:2]}-{_code(period.opens)}-{_code(period.closes)}", first, period,
                   stamp)
    rule = {"freq": "weekly", "byday": WEEKDAYS[weekday][:2].upper()}
    if schedule.valid_until:
        rule["until"] = _at(schedule.valid_until, 24 * 60 - 1).astimezone(dt.timezone.utc)
    event.add("rrule", rule)
    closed = [_at(d, period.opens) for d in (first + dt.timedelta(weeks=i) for i in range(EXDATE_DAYS // 7 + 1))
              if d <= last and period not in schedule.day(d).periods]
    if closed:
        event.add("exdate", closed)
    return event


def calendar(name: str, uid: str, entries: list[Entry], today: dt.date, stamp: dt.datetime) -> bytes:
    """A calendar with the hours of `entries` from the week of `today` on."""
    anchor = today - dt.timedelta(days=today.weekday())
    cal = Calendar.new(name=name, uid=f"{uid}@{UID_DOMAIN}", prodid="-//CJG portal//Sociale kaart//NL",
                       calscale="GREGORIAN", method="PUBLISH", refresh_interval=dt.timedelta(days=1))
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    for entry in entries:
        for weekday, periods in sorted(entry.schedule.weekly.items()):
            for period in periods:
                event = _weekly(entry, weekday, period, anchor, stamp)
                if event is not None:
                    cal.add_component(event)
        for extra in entry.schedule.extra:
            if extra.date >= anchor:
                for period in extra.periods:
                    uid_part = f"{extra.date:%Y%m%d}-{_code(period.opens)}-{_code(period.closes)}"
                    cal.add_component(_event(entry, uid_part, extra.date, period, stamp, extra.reason))
    cal.add_missing_timezones(first_date=anchor - dt.timedelta(days=366),
                              last_date=anchor + dt.timedelta(days=366 * TIMEZONE_YEARS))
    return cal.to_ical()
