"""Moments from the portal (ISO 8601) as short Dutch phrases."""
from datetime import datetime
from typing import Optional

DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december",
)


def parse_moment(value: Optional[str]) -> Optional[datetime]:
    """The datetime of an ISO 8601 string, or None when missing or invalid."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None


def format_moment(value: Optional[str], now: Optional[datetime] = None) -> Optional[str]:
    """'vandaag om 9.00 uur', 'morgen om ...', 'dinsdag om ...' or with the date."""
    moment = parse_moment(value)
    if moment is None:
        return None
    now = now or datetime.now(moment.tzinfo)
    if moment.tzinfo and now.tzinfo:
        now = now.astimezone(moment.tzinfo)
    days = (moment.date() - now.date()).days
    clock = f"{moment.hour}.{moment.minute:02d} uur"
    if days == 0:
        return f"vandaag om {clock}"
    if days == 1:
        return f"morgen om {clock}"
    day = DAYS[moment.weekday()]
    if 1 < days < 7:
        return f"{day} om {clock}"
    return f"{day} {moment.day} {MONTHS[moment.month - 1]} om {clock}"
