"""The agenda as an iCalendar feed (RFC 5545), with the icalendar package:
one event per agenda item, in Europe/Amsterdam time, with a stable UID."""
from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from portal.board.models import AgendaItem
from portal.socialmap.hours import TZ

UID_DOMAIN = "agenda.cjg-portal"


def calendar(name: str, uid: str, items: list[AgendaItem], page_url: str, stamp: dt.datetime) -> bytes:
    """A feed of `items`; an event without its own link links to `page_url`."""
    cal = Calendar.new(name=name, uid=f"{uid}@{UID_DOMAIN}", prodid="-//CJG portal//Agenda//NL",
                       calscale="GREGORIAN", method="PUBLISH", refresh_interval=dt.timedelta(hours=6))
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    for item in items:
        url = item.link or f"{page_url}#agenda-{item.id}"
        cal.add_component(Event.new(
            summary=item.title, start=item.starts_at.replace(tzinfo=TZ),
            end=item.ends_at.replace(tzinfo=TZ) if item.ends_at else None,
            uid=f"{item.municipality}-{item.id}@{UID_DOMAIN}", stamp=stamp, url=url, location=item.place,
            description=f"{item.description}\n\n{url}"))
    if items:
        days = [i.starts_at.date() for i in items]
        cal.add_missing_timezones(first_date=min(days) - dt.timedelta(days=366),
                                  last_date=max(days) + dt.timedelta(days=366))
    return cal.to_ical()
