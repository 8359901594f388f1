"""How dates and times of events and courses read, in the visitor's language."""
from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from portal.board.forms import END_OF_DAY

DAY = "EEEE d MMMM y"


def event_when(starts: dt.datetime, ends: dt.datetime | None, locale: str) -> str:
    """'dinsdag 14 maart 2027, 19:30 - 21:30', or across days '... 19:30 - zondag 16 maart 2027 16:00'."""
    text = f"{format_date(starts.date(), DAY, locale=locale)}, {starts:%H:%M}"
    if ends is None:
        return text
    end_time = "" if ends.time() == END_OF_DAY else f"{ends:%H:%M}"
    if ends.date() == starts.date():
        return f"{text} - {end_time}" if end_time else text
    return f"{text} - {format_date(ends.date(), DAY, locale=locale)} {end_time}".rstrip()


def days(starts: dt.date, ends: dt.date | None, locale: str) -> str:
    """'14 maart 2027', or '14 maart 2027 - 18 april 2027'."""
    first = format_date(starts, "long", locale=locale)
    return f"{first} - {format_date(ends, 'long', locale=locale)}" if ends and ends != starts else first


def month(day: dt.date, locale: str) -> str:
    """'maart 2027'."""
    return format_date(day, "MMMM y", locale=locale)
