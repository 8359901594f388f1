"""schema.org JSON-LD of an entry of the social map: a GovernmentService with
its provider, its channels, and its locations as Places with their
OpeningHoursSpecification (weekly hours, and closed or extra days of the
coming year). The template writes it with Jinja's `tojson`, which escapes
'<', '>' and '&', so "</script>" cannot end the block."""
from __future__ import annotations

import datetime as dt

from portal.socialmap.hours import WEEKDAYS, Period, Schedule
from portal.socialmap.models import Service
from portal.socialmap.serialize import age, location_path, service_path

SPECIAL_DAYS = 365
EXAMPLE_NOTE = "Voorbeeldgegevens: deze tijden/gegevens zijn een voorbeeld en worden nog gecontroleerd."


def _time(minutes: int) -> str:
    minutes = min(minutes, 23 * 60 + 59)  # schema.org has no 24:00
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _spec(day: str, period: Period | None, **extra) -> dict:
    return {"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{day.capitalize()}",
            "opens": _time(period.opens) if period else "00:00", "closes": _time(period.closes) if period else "00:00",
            **extra}


def opening_hours(schedule: Schedule, today: dt.date) -> list[dict]:
    """Weekly hours, then the dates of the coming year that differ from them
    (closed all day: opens = closes = 00:00)."""
    validity = {k: v.isoformat() for k, v in (("validFrom", schedule.valid_from),
                                               ("validThrough", schedule.valid_until)) if v}
    specs = [_spec(WEEKDAYS[wd], p, **validity) for wd, periods in sorted(schedule.weekly.items()) for p in periods]
    for offset in range(SPECIAL_DAYS):
        date = today + dt.timedelta(days=offset)
        day = schedule.day(date)
        if day.periods != tuple(sorted(schedule.regular(date))):
            one_day = {"validFrom": date.isoformat(), "validThrough": date.isoformat()}
            specs += [_spec(WEEKDAYS[date.weekday()], p, **one_day) for p in day.periods or (None,)]
    return specs


def service_jsonld(svc: Service, base_url: str, place_name: str, today: dt.date) -> dict:
    """The entry as schema.org data; base_url is the site's root ('https://host/')."""
    root = base_url.rstrip("/")
    data = {"@context": "https://schema.org", "@type": "GovernmentService", "@id": root + service_path(svc.slug),
            "url": root + service_path(svc.slug), "name": svc.name, "description": svc.description,
            "areaServed": {"@type": "AdministrativeArea", "name": place_name if svc.municipality else "Nederland"},
            "audience": {"@type": "PeopleAudience", "audienceType": ", ".join(svc.audiences),
                         **({"suggestedMinAge": age(svc.min_age)} if svc.min_age is not None else {}),
                         **({"suggestedMaxAge": age(svc.max_age)} if svc.max_age is not None else {})},
            "dateModified": svc.assured_date.isoformat()}
    if svc.example:
        data["disambiguatingDescription"] = EXAMPLE_NOTE
    if svc.organization:
        data["provider"] = {"@type": "Organization", "name": svc.organization.name,
                            **({"url": svc.organization.url} if svc.organization.url else {})}
    channels = []
    if svc.phones or svc.schedule:
        contact = {"@type": "ContactPoint", "contactType": svc.name, "availableLanguage": svc.languages}
        if svc.phones:
            contact["telephone"] = svc.phones[0]["number"]
        if svc.schedule:
            contact["hoursAvailable"] = opening_hours(svc.own_schedule, today)
        channels.append({"@type": "ServiceChannel", "name": svc.name, "servicePhone": contact,
                         **({"serviceUrl": svc.url} if svc.url else {})})
    elif svc.url:
        channels.append({"@type": "ServiceChannel", "name": svc.name, "serviceUrl": svc.url})
    for sal in svc.published_locations:
        loc = sal.location
        place = {"@type": "Place", "name": loc.name, "url": root + location_path(loc.slug),
                 **({"address": loc.address} if loc.address else {})}
        if sal.schedule:
            place["openingHoursSpecification"] = opening_hours(sal.hours, today)
        channels.append({"@type": "ServiceChannel", "name": loc.name, "serviceLocation": place,
                         "availableLanguage": loc.languages or svc.languages})
    if channels:
        data["availableChannel"] = channels
    return data
