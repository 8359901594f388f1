"""Finding services and locations in the database, and their hours at a moment.

Every query shows the published records of one municipality plus the
national records. Text search (q) is a case-insensitive substring match of
every word over the service's name, summary and description and its
organization's name (SQL LIKE; SQLite folds the case of ASCII letters only).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from portal.numbers import whole_number
from portal.socialmap import hours
from portal.socialmap.hours import TZ, Day, Schedule
from portal.socialmap.models import Location, Organization, Service, ServiceAtLocation, ServiceAttribute
from portal.socialmap.records import LANGUAGE_NAMES
from portal.taxonomy import Taxonomy

MAX_AGE = 120
MAX_QUERY = 200
MOMENT_YEARS = (1900, 2999)  # the hours engine looks 400 days ahead: keep far from date.max and date.min
NO_HOURS_TEXT = "Geen vaste tijden bekend; bel of kijk op de site."


def now() -> dt.datetime:
    """The current moment in Europe/Amsterdam (tests replace this)."""
    return dt.datetime.now(TZ)


def parse_moment(raw: str) -> dt.datetime:
    """An ISO 8601 moment; a naive one is Europe/Amsterdam. A '+' that a URL
    turned into a space is read as '+'. Raises ValueError, also outside MOMENT_YEARS."""
    text = raw.strip()
    if "T" in text and " " in text:
        text = text.replace(" ", "+")
    moment = dt.datetime.fromisoformat(text)
    if not MOMENT_YEARS[0] <= moment.year <= MOMENT_YEARS[1]:
        raise ValueError(f"year {moment.year} is outside {MOMENT_YEARS}")
    return moment.replace(tzinfo=TZ) if moment.tzinfo is None else moment


@dataclass
class FilterError:
    """A filter value that is not allowed; `message` is for the API (English)."""
    param: str
    value: str
    message: str


@dataclass
class Filters:
    q: str = ""
    category: str | None = None
    wijk: str | None = None
    audience: str | None = None
    language: str | None = None
    age: int | None = None
    open_now: bool | None = None

    @property
    def active(self) -> bool:
        return any(v not in (None, "") for v in vars(self).values())


def parse_filters(args, taxonomy: Taxonomy) -> tuple[Filters, list[FilterError]]:
    """The filters of a query string; unknown values are left out and reported."""
    filters, errors = Filters(q=" ".join((args.get("q") or "").split())[:MAX_QUERY]), []
    for param, allowed in (("category", taxonomy.service_categories), ("wijk", taxonomy.wijken),
                           ("audience", taxonomy.audiences)):
        value = args.get(param) or None
        if value and value not in allowed:
            errors.append(FilterError(param, value, f"Unknown {param} '{value}'. Allowed: {', '.join(allowed)}"))
        else:
            setattr(filters, param, value)
    language = args.get("language") or None
    if language and language not in LANGUAGE_NAMES:
        errors.append(FilterError("language", language, f"Unknown language '{language}'. "
                                  "Allowed: an ISO 639-1 code such as nl, en, ar, tr, pl"))
    else:
        filters.language = language
    age = (args.get("age") or "").strip()
    if age and whole_number(age, 0, MAX_AGE) is None:
        errors.append(FilterError("age", age, f"age must be a whole number of years from 0 to {MAX_AGE}, "
                                  f"not '{age}'"))
    elif age:
        filters.age = int(age)
    open_now = (args.get("open_now") or "").strip().lower()
    if open_now and open_now not in ("true", "false"):
        errors.append(FilterError("open_now", open_now, f"open_now must be true or false, not '{open_now}'"))
    elif open_now:
        filters.open_now = open_now == "true"
    return filters, errors


def _visible(model, municipality: str):
    return (model.published.is_(True), or_(model.municipality == municipality, model.municipality.is_(None)))


def _has(facet: str, value: str):
    return Service.id.in_(select(ServiceAttribute.service_id).where(ServiceAttribute.facet == facet,
                                                                     ServiceAttribute.value == value))


def find_services(session: Session, municipality: str, filters: Filters, at: dt.datetime) -> list[Service]:
    """Services that match every filter: local first, then by name."""
    stmt = select(Service).where(*_visible(Service, municipality))
    for facet in ("category", "wijk", "audience", "language"):
        if getattr(filters, facet):
            stmt = stmt.where(_has(facet, getattr(filters, facet)))
    if filters.age is not None:
        stmt = stmt.where(or_(Service.min_age.is_(None), Service.min_age <= filters.age),
                          or_(Service.max_age.is_(None), Service.max_age >= filters.age))
    for word in filters.q.split():
        stmt = stmt.where(or_(Service.name.icontains(word, autoescape=True),
                              Service.summary.icontains(word, autoescape=True),
                              Service.description.icontains(word, autoescape=True),
                              Service.organization.has(Organization.name.icontains(word, autoescape=True))))
    found = session.scalars(stmt.order_by(Service.municipality.is_(None), Service.name)).all()
    if filters.open_now is not None:
        found = [s for s in found if hours.is_open(s.schedules, at) == filters.open_now]
    return list(found)


def find_locations(session: Session, municipality: str, wijk: str | None = None,
                   category: str | None = None) -> list[Location]:
    """Locations in a wijk and/or with a service of a category, by name."""
    stmt = select(Location).where(*_visible(Location, municipality))
    if wijk:
        stmt = stmt.where(Location.wijk == wijk)
    if category:
        stmt = stmt.where(Location.id.in_(
            select(ServiceAtLocation.location_id).join(Service)
            .where(*_visible(Service, municipality), _has("category", category))))
    return list(session.scalars(stmt.order_by(Location.name)))


def languages_in_use(session: Session, municipality: str) -> list[str]:
    """The language codes of the services shown, for the language filter."""
    stmt = (select(ServiceAttribute.value).join(Service)
            .where(ServiceAttribute.facet == "language", *_visible(Service, municipality)).distinct())
    return sorted(session.scalars(stmt))


def _one(session: Session, model, slug: str, municipality: str):
    rows = session.scalars(select(model).where(model.slug == slug, *_visible(model, municipality))).all()
    return next((r for r in rows if r.municipality == municipality), None) or (rows[0] if rows else None)


def service(session: Session, slug: str, municipality: str) -> Service | None:
    """A published service: the municipality's own, else the national one."""
    return _one(session, Service, slug, municipality)


def location(session: Session, slug: str, municipality: str) -> Location | None:
    return _one(session, Location, slug, municipality)


def services_at(loc: Location) -> list[ServiceAtLocation]:
    """The published services at a location, with their hours there."""
    return sorted((sal for sal in loc.services_here if sal.service.published), key=lambda sal: sal.service.name)


def location_schedules(loc: Location) -> list[Schedule]:
    return [sal.hours for sal in services_at(loc) if sal.schedule]


def location_is_example(loc: Location) -> bool:
    """True when the location or the hours shown for it hold example data."""
    return loc.example or any(s.example for s in location_schedules(loc))


@dataclass
class Status:
    """Hours at a moment: open now, next opening, the seven days from today; hours_known is
    False when there is no schedule at all (then never open, no next opening)."""
    schedules: list[Schedule]
    at: dt.datetime
    open_now: bool
    next_open: dt.datetime | None
    week: list[Day]

    @property
    def hours_known(self) -> bool:
        return bool(self.schedules)

    @property
    def today(self) -> dt.date:
        return self.at.astimezone(TZ).date()

    @property
    def example(self) -> bool:
        return any(s.example for s in self.schedules)

    def text(self, lang: str = "nl") -> str | None:
        """The status sentence of the hours engine ('Nu open: vandaag 9.00-11.00 uur.',
        'Vandaag gesloten (Tweede kerstdag). Weer open ...'); None when no hours are known."""
        return hours.hours_text(self.schedules, self.at, lang) if self.schedules else None


def status(schedules: list[Schedule], at: dt.datetime) -> Status:
    """The hours of `schedules` at the moment `at` (aware)."""
    next_open = hours.next_opening(schedules, at) if schedules else None
    today = at.astimezone(TZ).date()
    return Status(schedules, at, hours.is_open(schedules, at), next_open, hours.week(schedules, today))
