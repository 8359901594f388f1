"""The JSON shapes of the social map API (docs/api.md). Portal paths, not URLs;
moments as ISO 8601 with their offset; texts in Dutch."""
from __future__ import annotations

import datetime as dt

from portal.socialmap import directory, hours
from portal.socialmap.directory import NO_HOURS_TEXT, Status
from portal.socialmap.hours import Schedule
from portal.socialmap.models import Location, Service
from portal.socialmap.records import CrisisLine


def service_path(slug: str) -> str:
    return f"/sociale-kaart/{slug}"


def location_path(slug: str) -> str:
    return f"/sociale-kaart/locatie/{slug}"


def age(value: float | None) -> int | float | None:
    return int(value) if value is not None and float(value).is_integer() else value


def _moment(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def hours_json(st: Status) -> dict:
    """open_now, next_open, hours_known, hours_text and the week's hours."""
    return {"open_now": st.open_now, "next_open": _moment(st.next_open), "hours_known": st.hours_known,
            "hours_text": st.text() or NO_HOURS_TEXT,
            "week": [{**day.as_dict(), "text": hours.day_text(day, today=day.date == st.today)} for day in st.week]}


def service_item(svc: Service, at: dt.datetime, full: bool = False) -> dict:
    """A service for a list; `full` adds the week and everything of the entry page."""
    st = hours_json(directory.status(svc.schedules, at))
    item = {"slug": svc.slug, "name": svc.name, "url": service_path(svc.slug), "summary": svc.summary,
            "categories": svc.categories, "wijken": svc.wijken, "audiences": svc.audiences, "phones": svc.phones,
            **{k: st[k] for k in ("open_now", "next_open", "hours_known", "hours_text")}, "example": svc.example}
    if not full:
        return item
    org = svc.organization
    return {**item, "week": st["week"], "description": svc.description, "municipality": svc.municipality,
            "website": svc.url,
            "organization": {"slug": org.slug, "name": org.name, "website": org.url} if org else None,
            "languages": svc.languages, "min_age": age(svc.min_age), "max_age": age(svc.max_age),
            "application_process": svc.application_process or None,
            "fees_description": svc.fees_description or None, "status": svc.status,
            "crisis_line": svc.crisis_line, "assured_date": svc.assured_date.isoformat(),
            "locations": [{**location_item(sal.location, at, [sal.hours] if sal.schedule else []),
                           "description_here": sal.description or None} for sal in svc.published_locations]}


def location_item(loc: Location, at: dt.datetime, schedules: list[Schedule] | None = None) -> dict:
    """A location with its hours: those of all its services, or the given schedules."""
    schedules = directory.location_schedules(loc) if schedules is None else schedules
    return {"slug": loc.slug, "name": loc.name, "url": location_path(loc.slug), "wijk": loc.wijk,
            "address": loc.address, **hours_json(directory.status(schedules, at)),
            "example": loc.example or any(s.example for s in schedules)}


def location_detail(loc: Location, at: dt.datetime) -> dict:
    return {**location_item(loc, at), "description": loc.description or None, "municipality": loc.municipality,
            "location_type": loc.location_type, "accessibility": loc.accessibility, "languages": loc.languages,
            "assured_date": loc.assured_date.isoformat(), "calendar": location_path(loc.slug) + ".ics",
            "services": [{"slug": sal.service.slug, "name": sal.service.name, "url": service_path(sal.service.slug)}
                         for sal in directory.services_at(loc)]}


def crisis_line(line: CrisisLine) -> dict:
    """A national line of content/crisis_lines.yml."""
    return {"slug": line.slug, "name": line.name, "phone": line.phone, "url": line.url, "chat_url": line.chat_url,
            "text": line.text, "text_en": line.text_en, "when": line.when, "audiences": line.audiences,
            "other_phones": [{"number": p.number, "text": p.description} for p in line.other_phones],
            "hours": line.hours, "free": line.free, "anonymous": line.anonymous}
