"""What is on the public pages at a given moment, and the editors' lists.
Queries only; `now` is a wall-clock time in Europe/Amsterdam without a zone."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from portal.board.models import AgendaItem, Course, NewsItem, Poll
from portal.socialmap.hours import TZ

# The audiences of the courses each site shows.
SITE_AUDIENCES = {"vcjg": ("ouders", "professionals"), "jongin": ("jongeren",)}


def local_now() -> dt.datetime:
    """Now in Europe/Amsterdam, without a zone, as the board's dates are stored."""
    return dt.datetime.now(TZ).replace(tzinfo=None, microsecond=0)


def slug(title: str) -> str:
    """The readable part of a news item's address: 'Nieuwe inloop in de Vijfhoek!' -> 'nieuwe-inloop-in-de-vijfhoek'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].rstrip("-") or "bericht"


def sites_of(item) -> list[str]:
    """The sites a news item, event or course shows on, its own site first."""
    if isinstance(item, Course):
        return [site for site, audiences in SITE_AUDIENCES.items() if set(audiences) & set(item.audiences)]
    return ["vcjg", "jongin"] if item.site == "both" else [item.site]


def _on(model, site: str):
    return model.site.in_((site, "both"))


def _news_visible(today: dt.date):
    return (NewsItem.publishes_on <= today) & or_(NewsItem.expires_on.is_(None), NewsItem.expires_on >= today)


def news(session: Session, municipality: str, site: str, now: dt.datetime, limit: int | None = None,
         since: dt.date | None = None) -> list[NewsItem]:
    """The news on a site ('vcjg', 'jongin', or None for both) now, newest first."""
    query = select(NewsItem).where(NewsItem.municipality == municipality, _news_visible(now.date()))
    if site:
        query = query.where(_on(NewsItem, site))
    if since:
        query = query.where(NewsItem.publishes_on >= since)
    return list(session.scalars(query.order_by(NewsItem.publishes_on.desc(), NewsItem.id.desc()).limit(limit)))


def news_item(session: Session, municipality: str, item_id: int, now: dt.datetime) -> NewsItem | None:
    """One news item, when it is on the public pages now."""
    return session.scalar(select(NewsItem).where(NewsItem.id == item_id, NewsItem.municipality == municipality,
                                                 _news_visible(now.date())))


def agenda(session: Session, municipality: str, site: str | None, now: dt.datetime,
           limit: int | None = None) -> list[AgendaItem]:
    """The events on a site that are not over (or past their own expiry date), soonest first."""
    query = select(AgendaItem).where(AgendaItem.municipality == municipality, AgendaItem.visible_until > now)
    if site:
        query = query.where(_on(AgendaItem, site))
    return list(session.scalars(query.order_by(AgendaItem.starts_at, AgendaItem.id).limit(limit)))


def courses(session: Session, municipality: str, site: str | None, now: dt.datetime,
            limit: int | None = None) -> list[Course]:
    """The courses and activities of a site's audiences whose last day has not passed, soonest first."""
    query = select(Course).where(Course.municipality == municipality, Course.last_day >= now.date())
    found = session.scalars(query.order_by(Course.starts_on, Course.title, Course.id))
    audiences = set(SITE_AUDIENCES[site]) if site else None
    chosen = [c for c in found if audiences is None or audiences & set(c.audiences)]
    return chosen[:limit] if limit else chosen


def all_items(session: Session, municipality: str, model) -> list:
    """Every item of one kind for the editors, the newest (or soonest) first."""
    order = {NewsItem: (NewsItem.publishes_on.desc(),), AgendaItem: (AgendaItem.starts_at.desc(),),
             Course: (Course.starts_on.desc(),), Poll: (Poll.starts_on.desc(),)}[model]
    return list(session.scalars(select(model).where(model.municipality == municipality)
                                .order_by(*order, model.id.desc())))


def version(session: Session, municipality: str) -> tuple:
    """Changes with every new, changed or deleted item: the home pages are rebuilt when it does."""
    columns = []
    for model in (NewsItem, AgendaItem, Course, Poll):
        mine = model.municipality == municipality
        columns += [select(func.count(model.id)).where(mine).scalar_subquery(),
                    select(func.max(model.updated_at)).where(mine).scalar_subquery()]
    return tuple(session.execute(select(*columns)).one())
