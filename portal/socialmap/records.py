"""The social map's source files: loading, validation and the HSDS 3.0 export.

Reads content/socialmap/<group>/{organizations,locations,services}.yml (group:
a municipality slug of content/municipalities.yml, or `national`) and
content/crisis_lines.yml. Plain module, no Flask, no database. A record with
an error is left out with RecordError(s); the other records still load.
Format and rules: docs/socialmap.md.
"""
from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel import Locale

from portal.socialmap.hours import DAY_NAMES, WEEKDAYS, Period, Schedule, ScheduleError, join_words
from portal.taxonomy import CONTENT_DIR, Taxonomy, load_municipalities, load_taxonomy

NATIONAL = "national"
KINDS = ("organizations", "locations", "services")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PHONE_RE = re.compile(r"^[0-9][0-9 -]{1,18}[0-9]$")
URL_RE = re.compile(r"^https://[^\s/]+\.[^\s]+$")
STATUSES = ("active", "inactive", "defunct", "temporarily closed")
LOCATION_TYPES = ("physical", "virtual", "postal")
LANGUAGE_NAMES = {code: name for code, name in Locale("nl").languages.items()
                  if len(code) == 2 and code.isalpha()}  # ISO 639-1, Dutch names
HSDS_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/cjg-portal/socialmap")

_COMMON = {"slug", "municipality", "name", "description", "example", "assured_date"}
FIELDS = {
    "organizations": _COMMON | {"url"},
    "locations": _COMMON | {"organization", "wijk", "address", "location_type", "accessibility", "languages"},
    "services": _COMMON | {"summary", "organization", "categories", "wijken", "audiences", "languages",
                           "min_age", "max_age", "phones", "url", "schedule", "locations", "crisis_line",
                           "application_process", "fees_description", "status"},
}
LINE_FIELDS = {"slug", "name", "phone", "other_phones", "url", "chat_url", "hours", "free", "anonymous",
               "when", "audiences", "text", "text_en"}


@dataclass(frozen=True)
class RecordError:
    """One problem: file, record slug (None for the whole file), field, message (Dutch)."""
    file: str
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        return ": ".join(p for p in (self.file, self.record, self.field, self.message) if p)


@dataclass(frozen=True)
class Phone:
    number: str
    description: str = ""


@dataclass
class CrisisLine:
    """A national line of content/crisis_lines.yml."""
    slug: str
    name: str
    phone: str | None
    text: str
    text_en: str
    when: list[str]
    audiences: list[str]
    other_phones: list[Phone] = field(default_factory=list)
    url: str | None = None
    chat_url: str | None = None
    hours: str | None = None
    free: bool = False
    anonymous: bool = False

    @property
    def phones(self) -> list[Phone]:
        notes = [n for n, on in (("gratis", self.free), ("anoniem", self.anonymous),
                                 ("dag en nacht", self.hours == "24/7")) if on]
        main = [Phone(self.phone, ", ".join(notes))] if self.phone else []
        return main + self.other_phones

    @property
    def schedule(self) -> Schedule | None:
        """Always open for "24/7", otherwise None (hours not stated)."""
        if self.hours != "24/7":
            return None
        return Schedule(weekly={d: (Period(0, 1440),) for d in range(7)}, closed_on_holidays=False)


@dataclass
class Organization:
    slug: str
    municipality: str | None
    name: str
    description: str
    assured_date: dt.date
    example: bool = False
    url: str | None = None
    file: str = ""


@dataclass
class Location:
    slug: str
    municipality: str | None
    name: str
    assured_date: dt.date
    wijk: str | None = None
    address: str = ""
    description: str = ""
    location_type: str = "physical"
    organization: str | None = None
    accessibility: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    example: bool = False
    file: str = ""


@dataclass
class ServiceAtLocation:
    location: str
    schedule: Schedule | None = None
    description: str = ""


@dataclass
class Service:
    """A service; for a `crisis_line` service, name, phones, url and hours come from that line."""
    slug: str
    municipality: str | None
    name: str
    summary: str
    description: str
    categories: list[str]
    wijken: list[str]
    audiences: list[str]
    languages: list[str]
    assured_date: dt.date
    organization: str | None = None
    min_age: float | None = None
    max_age: float | None = None
    phones: list[Phone] = field(default_factory=list)
    url: str | None = None
    schedule: Schedule | None = None
    locations: list[ServiceAtLocation] = field(default_factory=list)
    crisis_line: str | None = None
    application_process: str = ""
    fees_description: str = ""
    status: str = "active"
    example: bool = False
    file: str = ""

    @property
    def schedules(self) -> list[Schedule]:
        """The service's own hours and its hours at every location."""
        own = [self.schedule] if self.schedule else []
        return own + [sal.schedule for sal in self.locations if sal.schedule]


@dataclass
class SocialMap:
    """All valid records. Slugs are unique per municipality; national records
    (municipality None) are shared by every municipality."""
    organizations: list[Organization]
    locations: list[Location]
    services: list[Service]
    crisis_lines: dict[str, CrisisLine]
    taxonomy: Taxonomy

    def services_for(self, municipality: str) -> list[Service]:
        return [s for s in self.services if s.municipality in (municipality, None)]

    def locations_for(self, municipality: str) -> list[Location]:
        return [loc for loc in self.locations if loc.municipality in (municipality, None)]

    def service(self, slug: str, municipality: str) -> Service | None:
        return _find(self.services, slug, municipality)

    def location(self, slug: str, municipality: str) -> Location | None:
        return _find(self.locations, slug, municipality)

    def organization(self, slug: str, municipality: str | None) -> Organization | None:
        return _find(self.organizations, slug, municipality)

    def services_at(self, location: Location) -> list[Service]:
        return [s for s in self.services if s.municipality == location.municipality
                and any(sal.location == location.slug for sal in s.locations)]

    def location_schedules(self, location: Location) -> list[Schedule]:
        """The hours at a location: the schedules of the services there."""
        return [sal.schedule for s in self.services_at(location) for sal in s.locations
                if sal.location == location.slug and sal.schedule]

    def location_is_example(self, location: Location) -> bool:
        """True when the location or the hours shown for it hold example data."""
        return location.example or any(s.example for s in self.location_schedules(location))


def _find(records: list, slug: str, municipality: str | None):
    local = [r for r in records if r.slug == slug and r.municipality == municipality]
    return (local or [r for r in records if r.slug == slug and r.municipality is None] or [None])[0]


class _Check:
    """Reads the fields of one record and collects its errors."""

    def __init__(self, file: str, data: dict, allowed: set[str]):
        self.file, self.data, self.errors = file, data, []
        slug = data.get("slug")
        self.record = str(slug) if isinstance(slug, (str, int)) and not isinstance(slug, bool) else None
        for key in data:
            if key not in allowed:
                self.error(str(key), "onbekend veld")

    def error(self, fld: str | None, message: str) -> None:
        self.errors.append(RecordError(self.file, self.record, fld, message))

    def slug(self) -> str:
        if self.record is None:
            self.error("slug", "ontbreekt")
        elif not SLUG_RE.match(self.record):
            self.error("slug", f"'{self.record}' mag alleen a-z, 0-9 en '-' bevatten")
        return self.record or ""

    def text(self, fld: str, required: bool = True, max_len: int = 4000) -> str:
        value = self.data.get(fld)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(fld, "ontbreekt")
            return ""
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            self.error(fld, "moet tekst zijn")
            return ""
        if len(str(value)) > max_len:
            self.error(fld, f"is langer dan {max_len} tekens")
        return " ".join(str(value).split())

    def ref(self, fld: str) -> str | None:
        value = self.data.get(fld)
        return None if value is None else str(value)

    def flag(self, fld: str) -> bool:
        value = self.data.get(fld, False)
        if not isinstance(value, bool):
            self.error(fld, "moet true of false zijn")
            return False
        return value

    def slugs(self, fld: str, allowed, required: bool = True, all_value: bool = False) -> list[str]:
        value = self.data.get(fld)
        if all_value and value == "all":
            return list(allowed)
        if value is None or value == []:
            if required:
                self.error(fld, "ontbreekt of is leeg")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(fld, "moet een lijst van slugs zijn" + (" of 'all'" if all_value else ""))
            return []
        for v in value:
            if v not in allowed:
                self.error(fld, f"onbekende waarde '{v}'")
        if len(set(value)) != len(value):
            self.error(fld, "een waarde staat er twee keer in")
        return value

    def date(self, fld: str) -> dt.date | None:
        value = self.data.get(fld)
        if value is None:
            self.error(fld, "ontbreekt")
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        elif not isinstance(value, dt.date):
            try:
                value = dt.date.fromisoformat(str(value))
            except ValueError:
                self.error(fld, f"'{value}' is geen datum (JJJJ-MM-DD)")
                return None
        if value > dt.date.today():
            self.error(fld, "ligt in de toekomst")
        return value

    def age(self, fld: str) -> float | None:
        value = self.data.get(fld)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 120:
            self.error(fld, "moet een leeftijd in jaren zijn (0-120)")
            return None
        return value

    def url(self, fld: str) -> str | None:
        value = self.data.get(fld)
        if value is None:
            return None
        if not isinstance(value, str) or not URL_RE.match(value):
            self.error(fld, "moet een volledige https://-link zijn")
            return None
        return value

    def phones(self, fld: str, text_key: str) -> list[Phone]:
        value, phones = self.data.get(fld) or [], []
        if not isinstance(value, list):
            self.error(fld, "moet een lijst zijn, met per telefoonnummer een number")
            return []
        for i, item in enumerate(value):
            number = item.get("number") if isinstance(item, dict) else None
            if not isinstance(number, str) or not PHONE_RE.match(number):
                self.error(f"{fld}[{i}]", "heeft geen geldig number (cijfers, spaties en '-')")
                continue
            phones.append(Phone(number, str(item.get(text_key) or "")))
        return phones

    def schedule(self, fld: str, value) -> Schedule | None:
        if value is None:
            return None
        try:
            return Schedule.from_dict(value)
        except ScheduleError as exc:
            self.error(f"{fld}.{exc.field}".rstrip("."), exc.message)
            return None


def load(content_dir: str | Path = CONTENT_DIR) -> tuple[SocialMap, list[RecordError]]:
    """Load and validate the social map and the crisis lines of a content folder."""
    content_dir = Path(content_dir)
    taxonomy = load_taxonomy(str(content_dir / "taxonomy.yml"))
    municipalities = load_municipalities(str(content_dir / "municipalities.yml"))
    lines, errors = load_crisis_lines(content_dir / "crisis_lines.yml", taxonomy)
    raw: dict[str, list[tuple[str, str, dict]]] = {kind: [] for kind in KINDS}
    root = content_dir / "socialmap"
    # national records first, so that a local record reusing a national slug is the one reported
    for path in sorted(root.glob("*/*"), key=lambda p: (p.parent.name != NATIONAL, str(p))):
        rel, group = _rel(path, content_dir), path.parent.name
        if group != NATIONAL and group not in municipalities:
            errors.append(RecordError(rel, None, None, f"map '{group}' is geen gemeente uit municipalities.yml"))
        elif path.suffix != ".yml" or path.stem not in KINDS:
            errors.append(RecordError(rel, None, None, f"onbekend bestand (gebruik {', '.join(KINDS)}.yml)"))
        else:
            records, file_errors = _read_list(path, rel)
            errors += file_errors
            raw[path.stem] += [(rel, group, r) for r in records]
    smap = SocialMap([], [], [], lines, taxonomy)
    seen: dict[tuple[str, str | None, str], str] = {}
    for kind, build in (("organizations", _organization), ("locations", _location), ("services", _service)):
        for rel, group, data in raw[kind]:
            check = _Check(rel, data, FIELDS[kind])
            record = build(check, group, smap)
            _check_unique(check, kind, record, seen)
            errors += check.errors
            if not check.errors:
                getattr(smap, kind).append(record)
    return smap, errors


def load_crisis_lines(path: str | Path, taxonomy: Taxonomy) -> tuple[dict[str, CrisisLine], list[RecordError]]:
    """The national lines by slug, and the errors of content/crisis_lines.yml."""
    path = Path(path)
    rel = _rel(path, path.parent)
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError) as exc:
        return {}, [RecordError(rel, None, None, f"niet te lezen: {exc}")]
    if not isinstance(data, dict) or not isinstance(data.get("situations"), dict) \
            or not isinstance(data.get("lines"), list):
        return {}, [RecordError(rel, None, None, "moet 'situations' (slug: tekst) en 'lines' (lijst) bevatten")]
    lines, errors = {}, []
    for item in data["lines"]:
        if not isinstance(item, dict):
            errors.append(RecordError(rel, None, None, "elke lijn moet een lijst van velden zijn"))
            continue
        check = _Check(rel, item, LINE_FIELDS)
        phone = check.ref("phone")
        if phone is not None and not PHONE_RE.match(phone):
            check.error("phone", f"'{phone}' is geen telefoonnummer")
        hours = check.ref("hours")
        if hours not in (None, "24/7"):
            check.error("hours", "alleen '24/7' of leeg (uren die niet vaststaan, noemen we niet)")
        line = CrisisLine(slug=check.slug(), name=check.text("name", max_len=120), phone=phone,
                          text=check.text("text", max_len=500), text_en=check.text("text_en", max_len=500),
                          when=check.slugs("when", data["situations"]),
                          audiences=check.slugs("audiences", taxonomy.audiences),
                          other_phones=check.phones("other_phones", "text"),
                          url=check.url("url"), chat_url=check.url("chat_url"), hours=hours,
                          free=check.flag("free"), anonymous=check.flag("anonymous"))
        if line.slug in lines:
            check.error("slug", "bestaat al")
        errors += check.errors
        if not check.errors:
            lines[line.slug] = line
    return lines, errors


def _rel(path: Path, content_dir: Path) -> str:
    """The path as shown in errors: from the content folder's name on (content/...)."""
    return str(path.relative_to(content_dir.parent))


def _read_list(path: Path, rel: str) -> tuple[list[dict], list[RecordError]]:
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError) as exc:
        return [], [RecordError(rel, None, None, f"niet te lezen: {exc}")]  # ValueError: a date such as 2026-02-30
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [RecordError(rel, None, None, "moet een lijst van records zijn")]
    errors = [RecordError(rel, None, None, f"record {i + 1} is geen lijst van velden")
              for i, r in enumerate(data) if not isinstance(r, dict)]
    return [r for r in data if isinstance(r, dict)], errors


def _municipality(check: _Check, group: str) -> str | None:
    value = check.data.get("municipality")
    if group == NATIONAL:
        if value is not None:
            check.error("municipality", "landelijke records hebben geen gemeente")
        return None
    if value != group:
        check.error("municipality", f"moet '{group}' zijn (de naam van de map)")
    return group


def _check_unique(check: _Check, kind: str, record, seen: dict) -> None:
    key = (kind, record.municipality, record.slug)
    if key in seen:
        check.error("slug", f"'{record.slug}' bestaat al in {seen[key]}")
    elif record.municipality and (kind, None, record.slug) in seen:
        check.error("slug", f"'{record.slug}' is al een landelijk record")
    elif not check.errors:
        seen[key] = check.file


def _organization(check: _Check, group: str, smap: SocialMap) -> Organization:
    return Organization(slug=check.slug(), municipality=_municipality(check, group),
                        name=check.text("name", max_len=120), description=check.text("description"),
                        assured_date=check.date("assured_date"), example=check.flag("example"),
                        url=check.url("url"), file=check.file)


def _org_ref(check: _Check, municipality: str | None, smap: SocialMap, required: bool) -> str | None:
    slug = check.ref("organization")
    if slug is None:
        if required:
            check.error("organization", "ontbreekt")
    elif smap.organization(slug, municipality) is None:
        check.error("organization", f"onbekende organisatie '{slug}'")
    return slug


def _location(check: _Check, group: str, smap: SocialMap) -> Location:
    municipality = _municipality(check, group)
    location_type = check.data.get("location_type", "physical")
    if location_type not in LOCATION_TYPES:
        check.error("location_type", f"moet een van {', '.join(LOCATION_TYPES)} zijn")
    wijk = check.ref("wijk")
    if wijk is None and location_type == "physical" and municipality:
        check.error("wijk", "ontbreekt")
    elif wijk is not None and wijk not in smap.taxonomy.wijken:
        check.error("wijk", f"onbekende wijk '{wijk}'")
    accessibility = check.data.get("accessibility") or []
    if not isinstance(accessibility, list) or not all(isinstance(a, str) for a in accessibility):
        check.error("accessibility", "moet een lijst van korte teksten zijn")
        accessibility = []
    return Location(slug=check.slug(), municipality=municipality, name=check.text("name", max_len=120),
                    assured_date=check.date("assured_date"), wijk=wijk,
                    address=check.text("address", required=False, max_len=200),
                    description=check.text("description", required=False), location_type=location_type,
                    organization=_org_ref(check, municipality, smap, required=False),
                    accessibility=accessibility,
                    languages=check.slugs("languages", LANGUAGE_NAMES, required=False),
                    example=check.flag("example"), file=check.file)


def _service(check: _Check, group: str, smap: SocialMap) -> Service:
    municipality = _municipality(check, group)
    line_slug = check.ref("crisis_line")
    line = smap.crisis_lines.get(line_slug) if line_slug else None
    if line_slug and line is None:
        check.error("crisis_line", f"'{line_slug}' staat niet in crisis_lines.yml")
    if line_slug:
        for fld in ("phones", "url", "schedule"):
            if fld in check.data:
                check.error(fld, "komt uit crisis_lines.yml; zet het hier niet")
    service = Service(
        slug=check.slug(), municipality=municipality,
        name=check.text("name", required=not line_slug, max_len=120) or (line.name if line else ""),
        summary=check.text("summary", required=not line_slug, max_len=300) or (line.text if line else ""),
        description=check.text("description", required=not line_slug) or (line.text if line else ""),
        categories=check.slugs("categories", smap.taxonomy.service_categories),
        wijken=check.slugs("wijken", smap.taxonomy.wijken, all_value=True),
        audiences=check.slugs("audiences", smap.taxonomy.audiences),
        languages=check.slugs("languages", LANGUAGE_NAMES),
        assured_date=check.date("assured_date"),
        organization=_org_ref(check, municipality, smap, required=not line_slug),
        min_age=check.age("min_age"), max_age=check.age("max_age"),
        phones=line.phones if line else check.phones("phones", "description"),
        url=line.url if line else check.url("url"),
        schedule=line.schedule if line else check.schedule("schedule", check.data.get("schedule")),
        locations=_service_locations(check, municipality, smap), crisis_line=line_slug,
        application_process=check.text("application_process", required=False),
        fees_description=check.text("fees_description", required=False),
        status=check.data.get("status", "active"), example=check.flag("example"), file=check.file)
    if service.status not in STATUSES:
        check.error("status", f"moet een van {', '.join(STATUSES)} zijn")
    if service.min_age is not None and service.max_age is not None and service.min_age > service.max_age:
        check.error("max_age", "is kleiner dan min_age")
    if any(s.example for s in service.schedules) and not service.example:
        check.error("example", "de openingstijden zijn een voorbeeld: zet ook example: true op het record")
    return service


def _service_locations(check: _Check, municipality: str | None, smap: SocialMap) -> list[ServiceAtLocation]:
    value = check.data.get("locations") or []
    if not isinstance(value, list):
        check.error("locations", "moet een lijst zijn")
        return []
    result = []
    for i, item in enumerate(value):
        where = f"locations[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("location"), str):
            check.error(where, "moet een location (slug) hebben")
            continue
        unknown = set(item) - {"location", "schedule", "description"}
        if unknown:
            check.error(where, f"onbekend veld {', '.join(sorted(map(str, unknown)))}")
        slug = item["location"]
        if not any(loc.slug == slug and loc.municipality == municipality for loc in smap.locations):
            check.error(f"{where}.location", f"onbekende locatie '{slug}'")
        if slug in [sal.location for sal in result]:
            check.error(f"{where}.location", f"'{slug}' staat er twee keer in")
        result.append(ServiceAtLocation(slug, check.schedule(f"{where}.schedule", item.get("schedule")),
                                        " ".join(str(item.get("description") or "").split())))
    return result


def hsds_id(kind: str, municipality: str | None, slug: str) -> str:
    """A stable UUID for a record (HSDS ids are UUIDs)."""
    return str(uuid.uuid5(HSDS_NAMESPACE, f"{municipality or NATIONAL}/{kind}/{slug}"))


def service_to_hsds(service: Service, smap: SocialMap) -> dict:
    """The service as an HSDS 3.0 `service` object with its organization,
    phones, schedules, wijken (service areas), languages, categories and
    audiences (attributes) and locations."""
    sid = hsds_id("service", service.municipality, service.slug)
    out = {"id": sid, "name": service.name, "description": service.description, "status": service.status,
           "assured_date": service.assured_date.isoformat()}
    for key, value in (("url", service.url), ("minimum_age", service.min_age), ("maximum_age", service.max_age),
                       ("application_process", service.application_process),
                       ("fees_description", service.fees_description)):
        if value not in (None, ""):
            out[key] = value
    org = smap.organization(service.organization, service.municipality) if service.organization else None
    if org:
        out["organization_id"] = hsds_id("organization", org.municipality, org.slug)
        out["organization"] = {"id": out["organization_id"], "name": org.name, "description": org.description,
                               **({"website": org.url} if org.url else {})}
    out["phones"] = [{"id": _sub(sid, "phone", i), "service_id": sid, "number": p.number,
                      **({"description": p.description} if p.description else {})}
                     for i, p in enumerate(service.phones)]
    out["schedules"] = _schedules_hsds(service.schedule, {"service_id": sid}, sid)
    areas = [(w, smap.taxonomy.wijken[w].nl) for w in service.wijken] if service.municipality else [("nl", "Nederland")]
    out["service_areas"] = [{"id": _sub(sid, "area", key), "service_id": sid, "name": name,
                             "extent_type": "wijk" if service.municipality else "land"} for key, name in areas]
    out["languages"] = [{"id": _sub(sid, "language", c), "service_id": sid, "code": c,
                         "name": LANGUAGE_NAMES[c]} for c in service.languages]
    out["attributes"] = (
        [_attribute(sid, "service_category", c, smap.taxonomy.service_categories[c].nl) for c in service.categories]
        + [_attribute(sid, "audience", a, smap.taxonomy.audiences[a].nl) for a in service.audiences]
        + ([_attribute(sid, "flag", "example", "Voorbeeldgegevens die de redactie nog moet vervangen")]
           if service.example else []))
    out["service_at_locations"] = [_service_at_location_hsds(service, sal, sid, smap) for sal in service.locations]
    return out


def _sub(parent: str, kind: str, key) -> str:
    return str(uuid.uuid5(uuid.UUID(parent), f"{kind}/{key}"))


def _attribute(sid: str, taxonomy: str, code: str, name: str) -> dict:
    term_id = str(uuid.uuid5(HSDS_NAMESPACE, f"term/{taxonomy}/{code}"))
    return {"id": _sub(sid, "attribute", f"{taxonomy}/{code}"), "link_id": sid, "link_type": taxonomy,
            "link_entity": "service", "taxonomy_term_id": term_id, "value": code,
            "taxonomy_term": {"id": term_id, "code": code, "name": name, "description": name,
                              "taxonomy": f"cjg-{taxonomy}"}}


def _service_at_location_hsds(service: Service, sal: ServiceAtLocation, sid: str, smap: SocialMap) -> dict:
    loc = smap.location(sal.location, service.municipality)
    lid = hsds_id("location", loc.municipality, loc.slug)
    sal_id = _sub(sid, "at", loc.slug)
    location = {"id": lid, "location_type": loc.location_type, "name": loc.name,
                "description": ". ".join(p.rstrip(".") for p in (loc.address, loc.description) if p) + "."
                if loc.address or loc.description else loc.name,
                "accessibility": [{"id": _sub(lid, "accessibility", i), "location_id": lid, "description": a}
                                  for i, a in enumerate(loc.accessibility)],
                "languages": [{"id": _sub(lid, "language", c), "location_id": lid, "code": c,
                               "name": LANGUAGE_NAMES[c]} for c in loc.languages]}
    if loc.organization:
        location["organization_id"] = hsds_id("organization", loc.municipality, loc.organization)
    return {"id": sal_id, "service_id": sid, "location_id": lid,
            **({"description": sal.description} if sal.description else {}),
            "schedules": _schedules_hsds(sal.schedule, {"service_at_location_id": sal_id}, sal_id),
            "location": location}


def _schedules_hsds(schedule: Schedule | None, owner: dict, parent: str) -> list[dict]:
    """HSDS schedule rows: one per weekly period (days with the same times share a
    row) and one per extra opening. Closures and the holiday rule go into notes."""
    if schedule is None:
        return []
    notes = ["Tijden in Europe/Amsterdam."]
    notes.append("Gesloten op feestdagen (niet op Goede Vrijdag)." if schedule.closed_on_holidays
                 else "Ook open op feestdagen.")
    notes += [f"Gesloten op {c.date.isoformat()}" + (f" ({c.reason})." if c.reason else ".")
              for c in schedule.closures]
    if schedule.example:
        notes.append("Voorbeeldtijden.")
    common = {**owner, "notes": " ".join(notes),
              **({"valid_from": schedule.valid_from.isoformat()} if schedule.valid_from else {}),
              **({"valid_to": schedule.valid_until.isoformat()} if schedule.valid_until else {})}
    by_period: dict[Period, list[int]] = {}
    for wd, periods in sorted(schedule.weekly.items()):
        for p in periods:
            by_period.setdefault(p, []).append(wd)
    rows = []
    for p, days in sorted(by_period.items()):
        opens, closes = str(p).split("-")
        rows.append({"id": _sub(parent, "schedule", f"{p}/{days}"), **common, "freq": "WEEKLY", "wkst": "MO",
                     "byday": ",".join(WEEKDAYS[d][:2].upper() for d in days), "opens_at": opens,
                     "closes_at": closes,
                     "description": join_words([DAY_NAMES["nl"][d] for d in days]) + f" {p.text()} uur"})
    for e in schedule.extra:
        for p in e.periods:
            opens, closes = str(p).split("-")
            rows.append({"id": _sub(parent, "extra", f"{e.date}/{p}"), **owner, "freq": "WEEKLY", "count": 1,
                         "dtstart": e.date.isoformat(), "until": e.date.isoformat(),
                         "byday": WEEKDAYS[e.date.weekday()][:2].upper(), "opens_at": opens, "closes_at": closes,
                         "description": f"Extra open op {e.date.isoformat()}" + (f" ({e.reason})" if e.reason else "")})
    return rows
