"""The HSDS 3.0 export from the database: rows back into the records of
records.py, then records.service_to_hsds (one exporter for files and database)."""
from __future__ import annotations

from portal.socialmap import records
from portal.socialmap.models import Location, Organization, Service
from portal.taxonomy import Taxonomy


def _organization(row: Organization) -> records.Organization:
    return records.Organization(slug=row.slug, municipality=row.municipality, name=row.name,
                                description=row.description, assured_date=row.assured_date, example=row.example,
                                url=row.url)


def _location(row: Location) -> records.Location:
    return records.Location(slug=row.slug, municipality=row.municipality, name=row.name,
                            assured_date=row.assured_date, wijk=row.wijk, address=row.address,
                            description=row.description, location_type=row.location_type,
                            organization=row.organization.slug if row.organization else None,
                            accessibility=list(row.accessibility), languages=list(row.languages), example=row.example)


def _service(row: Service) -> records.Service:
    return records.Service(
        slug=row.slug, municipality=row.municipality, name=row.name, summary=row.summary,
        description=row.description, categories=row.categories, wijken=row.wijken, audiences=row.audiences,
        languages=row.languages, assured_date=row.assured_date,
        organization=row.organization.slug if row.organization else None, min_age=row.min_age, max_age=row.max_age,
        phones=[records.Phone(p["number"], p.get("description") or "") for p in row.phones], url=row.url,
        schedule=row.own_schedule,
        locations=[records.ServiceAtLocation(sal.location.slug, sal.hours, sal.description)
                   for sal in row.published_locations],
        crisis_line=row.crisis_line, application_process=row.application_process,
        fees_description=row.fees_description, status=row.status, example=row.example)


def hsds_services(services: list[Service], taxonomy: Taxonomy) -> list[dict]:
    """HSDS 3.0 service objects of database services, with their organizations and locations."""
    orgs = {s.organization.id: s.organization for s in services if s.organization}
    locs = {sal.location.id: sal.location for s in services for sal in s.published_locations}
    smap = records.SocialMap([_organization(o) for o in orgs.values()], [_location(loc) for loc in locs.values()],
                             [], {}, taxonomy)
    return [records.service_to_hsds(_service(s), smap) for s in services]
