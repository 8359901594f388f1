"""Import the social map's source files into the database, idempotently.

records.load validates the files; a record with an error is reported and left
as it is in the database (its last good version stays online), the other
records import. A record that is no longer in the files is unpublished.
Each record's source is hashed: when the hash is unchanged the record is left
alone, so edits made in the portal stay until the record changes in its file
(then the file wins and the edit is reported as overridden).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.models import utcnow
from portal.socialmap import records
from portal.socialmap.models import Location, Organization, Service, ServiceAtLocation, ServiceAttribute

FACETS = (("category", "categories"), ("wijk", "wijken"), ("audience", "audiences"), ("language", "languages"))


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    overridden: list[str] = field(default_factory=list)  # portal edits replaced by a changed source record
    errors: list[records.RecordError] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.created)} nieuw, {len(self.updated)} bijgewerkt, {len(self.unchanged)} ongewijzigd, "
                f"{len(self.removed)} verwijderd, {len(self.errors)} fouten")


def _hash(values: dict) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def _organization_source(org: records.Organization) -> dict:
    return {"name": org.name, "description": org.description, "url": org.url,
            "assured_date": org.assured_date, "example": org.example}


def _location_source(loc: records.Location) -> dict:
    return {"name": loc.name, "description": loc.description, "wijk": loc.wijk, "address": loc.address,
            "location_type": loc.location_type, "accessibility": loc.accessibility, "languages": loc.languages,
            "organization": loc.organization, "assured_date": loc.assured_date, "example": loc.example}


def _service_source(svc: records.Service) -> dict:
    return {"name": svc.name, "summary": svc.summary, "description": svc.description,
            "organization": svc.organization, "min_age": svc.min_age, "max_age": svc.max_age,
            "phones": [{"number": p.number, "description": p.description} for p in svc.phones],
            "url": svc.url, "schedule": svc.schedule.to_dict() if svc.schedule else None,
            "crisis_line": svc.crisis_line, "application_process": svc.application_process,
            "fees_description": svc.fees_description, "status": svc.status,
            "assured_date": svc.assured_date, "example": svc.example,
            "attributes": [[facet, v] for facet, name in FACETS for v in getattr(svc, name)],
            "locations": [{"location": sal.location, "description": sal.description,
                           "schedule": sal.schedule.to_dict() if sal.schedule else None} for sal in svc.locations]}


def _label(kind: str, record) -> str:
    return f"{kind} {record.municipality or records.NATIONAL}/{record.slug}"


class _Importer:
    def __init__(self, session: Session, report: ImportReport):
        self.session, self.report = session, report
        failed = [(e.file, e.record) for e in report.errors]
        self.failed_files = {f for f, r in failed if r is None}
        self.failed_records = set(failed)

    def run(self, model, kind: str, items: list, source, apply) -> None:
        rows = {(r.municipality, r.slug): r for r in self.session.scalars(select(model))}
        seen = set()
        for item in items:
            key, values = (item.municipality, item.slug), source(item)
            seen.add(key)
            label, digest, row = _label(kind, item), _hash(values), rows.get(key)
            if row is not None and row.source_hash == digest and row.published and row.source_file == item.file:
                self.report.unchanged.append(label)
                continue
            if row is None:
                row = model(municipality=item.municipality, slug=item.slug)
                self.session.add(row)
                self.report.created.append(label)
            else:
                self.report.updated.append(label)
                if getattr(row, "edited_at", None):
                    self.report.overridden.append(label)
            apply(row, values)
            row.source_file, row.source_hash, row.published, row.updated_at = item.file, digest, True, utcnow()
        for key, row in rows.items():
            protected = row.source_file in self.failed_files or (row.source_file, row.slug) in self.failed_records
            if key not in seen and row.published and not protected:
                row.published, row.updated_at = False, utcnow()
                self.report.removed.append(_label(kind, row))
        self.session.flush()

    def lookup(self, model, slug: str | None, municipality: str | None):
        """A record by slug: the municipality's own, else the national one."""
        if slug is None:
            return None
        rows = self.session.scalars(select(model).where(model.slug == slug)).all()
        return next((r for r in rows if r.municipality == municipality), None) or \
            next((r for r in rows if r.municipality is None), None)

    def organization(self, row: Organization, values: dict) -> None:
        for name in ("name", "description", "url", "assured_date", "example"):
            setattr(row, name, values[name])

    def location(self, row: Location, values: dict) -> None:
        for name in ("name", "description", "wijk", "address", "location_type", "accessibility", "languages",
                     "assured_date", "example"):
            setattr(row, name, values[name])
        row.organization = self.lookup(Organization, values["organization"], row.municipality)

    def service(self, row: Service, values: dict) -> None:
        for name in ("name", "summary", "description", "min_age", "max_age", "phones", "url", "schedule",
                     "crisis_line", "application_process", "fees_description", "status", "assured_date", "example"):
            setattr(row, name, values[name])
        row.organization = self.lookup(Organization, values["organization"], row.municipality)
        row.edited_at = None
        if [[a.facet, a.value] for a in row.attributes] != values["attributes"]:
            row.attributes.clear()
            self.session.flush()  # delete the old rows before the new ones meet the unique constraint
            row.attributes = [ServiceAttribute(facet=f, value=v, position=i)
                              for i, (f, v) in enumerate(values["attributes"])]
        wanted = [(self.lookup(Location, sal["location"], row.municipality), sal) for sal in values["locations"]]
        current = [(sal.location, {"location": sal.location.slug, "description": sal.description,
                                   "schedule": sal.schedule}) for sal in row.at_locations]
        if current != wanted:
            row.at_locations.clear()
            self.session.flush()
            row.at_locations = [ServiceAtLocation(location=loc, description=sal["description"],
                                                  schedule=sal["schedule"], position=i)
                                for i, (loc, sal) in enumerate(wanted)]


def import_socialmap(session: Session, content_dir: Path) -> ImportReport:
    """Bring the database in line with content/socialmap and content/crisis_lines.yml."""
    smap, errors = records.load(content_dir)
    report = ImportReport(errors=errors)
    importer = _Importer(session, report)
    importer.run(Organization, "organisatie", smap.organizations, _organization_source, importer.organization)
    importer.run(Location, "locatie", smap.locations, _location_source, importer.location)
    importer.run(Service, "dienst", smap.services, _service_source, importer.service)
    session.commit()
    return report
