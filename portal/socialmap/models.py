"""Database models of the social map, in the shape of Open Referral HSDS 3.0:
organization, location, service, service at location, schedules, phones,
and the service's categories, wijken, audiences and languages (attributes).

Every local record carries its municipality; national records have none and
are shared by every municipality. A schedule is stored as the hours engine's
dict (hours.Schedule.to_dict), phones and accessibility as JSON lists.
`published` is false for records removed from the source files;
`source_hash` is the hash of the record as last imported, so that an import
can tell a changed source record from an edit in the portal.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models import utcnow
from portal.socialmap.hours import Schedule


class _Record:
    """Columns every record of the social map has."""
    id: Mapped[int] = mapped_column(primary_key=True)
    municipality: Mapped[str | None] = mapped_column(String(50), index=True)
    slug: Mapped[str] = mapped_column(String(100), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    assured_date: Mapped[dt.date] = mapped_column(Date)
    example: Mapped[bool] = mapped_column(Boolean, default=False)
    published: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    source_file: Mapped[str] = mapped_column(String(300), default="")
    source_hash: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Organization(_Record, db.Model):
    __tablename__ = "organization"
    __table_args__ = (UniqueConstraint("municipality", "slug"),)

    url: Mapped[str | None] = mapped_column(String(300))


class Location(_Record, db.Model):
    __tablename__ = "location"
    __table_args__ = (UniqueConstraint("municipality", "slug"),)

    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id", ondelete="SET NULL"))
    wijk: Mapped[str | None] = mapped_column(String(50), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    location_type: Mapped[str] = mapped_column(String(10), default="physical")
    accessibility: Mapped[list] = mapped_column(JSON, default=list)
    languages: Mapped[list] = mapped_column(JSON, default=list)

    organization: Mapped[Organization | None] = relationship(lazy="joined")
    services_here: Mapped[list[ServiceAtLocation]] = relationship(back_populates="location")


class Service(_Record, db.Model):
    __tablename__ = "service"
    __table_args__ = (UniqueConstraint("municipality", "slug"),)

    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id", ondelete="SET NULL"))
    summary: Mapped[str] = mapped_column(String(400), default="")
    min_age: Mapped[float | None] = mapped_column(Float)
    max_age: Mapped[float | None] = mapped_column(Float)
    phones: Mapped[list] = mapped_column(JSON, default=list)  # [{number, description}]
    url: Mapped[str | None] = mapped_column(String(300))
    schedule: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    crisis_line: Mapped[str | None] = mapped_column(String(50))
    application_process: Mapped[str] = mapped_column(Text, default="")
    fees_description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="active")
    edited_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    organization: Mapped[Organization | None] = relationship(lazy="joined")
    attributes: Mapped[list[ServiceAttribute]] = relationship(
        back_populates="service", cascade="all, delete-orphan", lazy="selectin", order_by="ServiceAttribute.position")
    at_locations: Mapped[list[ServiceAtLocation]] = relationship(
        back_populates="service", cascade="all, delete-orphan", lazy="selectin", order_by="ServiceAtLocation.position")

    def facet(self, name: str) -> list[str]:
        return [a.value for a in self.attributes if a.facet == name]

    @property
    def categories(self) -> list[str]:
        return self.facet("category")

    @property
    def wijken(self) -> list[str]:
        return self.facet("wijk")

    @property
    def audiences(self) -> list[str]:
        return self.facet("audience")

    @property
    def languages(self) -> list[str]:
        return self.facet("language")

    @property
    def own_schedule(self) -> Schedule | None:
        return Schedule.from_dict(self.schedule) if self.schedule else None

    @property
    def published_locations(self) -> list[ServiceAtLocation]:
        return [sal for sal in self.at_locations if sal.location.published]

    @property
    def schedules(self) -> list[Schedule]:
        """The service's own hours and its hours at every location."""
        own = [self.own_schedule] if self.schedule else []
        return own + [sal.hours for sal in self.published_locations if sal.schedule]


class ServiceAttribute(db.Model):
    """A taxonomy value of a service: facet category, wijk, audience or language
    (HSDS attribute, service_area and language)."""
    __tablename__ = "service_attribute"
    __table_args__ = (UniqueConstraint("service_id", "facet", "value"),
                      Index("ix_service_attribute_facet_value", "facet", "value"))

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    facet: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(50))
    position: Mapped[int] = mapped_column(Integer, default=0)

    service: Mapped[Service] = relationship(back_populates="attributes")


class ServiceAtLocation(db.Model):
    """A service at a location, with its hours there."""
    __tablename__ = "service_at_location"
    __table_args__ = (UniqueConstraint("service_id", "location_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    schedule: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    position: Mapped[int] = mapped_column(Integer, default=0)

    service: Mapped[Service] = relationship(back_populates="at_locations")
    location: Mapped[Location] = relationship(back_populates="services_here", lazy="joined")

    @property
    def hours(self) -> Schedule | None:
        return Schedule.from_dict(self.schedule) if self.schedule else None
