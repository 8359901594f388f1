"""Combine national and local content per theme, audience and age phase.
Queries only; no Flask."""
from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from portal.content.render import article_path
from portal.models import Article, ArticleTag


def _visible(municipality: str):
    """Published national content plus this municipality's own local content."""
    return and_(Article.published.is_(True),
                or_(Article.source == "national", Article.municipality == municipality))


def _tagged(facet: str, value: str):
    return Article.id.in_(select(ArticleTag.article_id).where(ArticleTag.facet == facet, ArticleTag.value == value))


def articles(session: Session, municipality: str, *, audience: str | None = None, theme: str | None = None,
             age_phase: str | None = None, source: str | None = None, slugs: list[str] | None = None,
             limit: int | None = None, offset: int = 0) -> list[Article]:
    """Published articles (not additions), national and local mixed, in the
    national feed's order with local articles after national ones of the same position."""
    query = select(Article).where(_visible(municipality), Article.addition_to.is_(None))
    for facet, value in (("audience", audience), ("theme", theme), ("age_phase", age_phase)):
        if value:
            query = query.where(_tagged(facet, value))
    if source:
        query = query.where(Article.source == source)
    if slugs is not None:
        query = query.where(Article.slug.in_(slugs))
    query = query.order_by(Article.position.is_(None), Article.position, Article.source, Article.title)
    query = query.offset(offset)
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def count_articles(session: Session, municipality: str, **filters) -> int:
    return len(articles(session, municipality, **filters))


def article(session: Session, municipality: str, slug: str) -> Article | None:
    return session.scalar(select(Article).where(_visible(municipality), Article.slug == slug,
                                                Article.addition_to.is_(None)))


def additions(session: Session, municipality: str, slug: str) -> list[Article]:
    """This municipality's "In <gemeente>" additions shown inside a national article."""
    return list(session.scalars(select(Article).where(
        Article.published.is_(True), Article.municipality == municipality, Article.addition_to == slug
    ).order_by(Article.title)))


def related(session: Session, municipality: str, item: Article, limit: int = 4) -> list[Article]:
    """The articles the editors linked, topped up with others of the same theme and audience."""
    chosen = articles(session, municipality, slugs=item.related) if item.related else []
    chosen.sort(key=lambda a: item.related.index(a.slug))
    if len(chosen) < limit and item.themes:
        audience = item.audiences[0] if item.audiences else None
        for other in articles(session, municipality, theme=item.themes[0], audience=audience, limit=limit + 2):
            if other.slug != item.slug and other not in chosen:
                chosen.append(other)
    return chosen[:limit]


def theme_counts(session: Session, municipality: str, audience: str) -> dict[str, int]:
    """How many articles each theme has for one audience (for the home pages)."""
    items = articles(session, municipality, audience=audience)
    counts: dict[str, int] = {}
    for item in items:
        for theme in item.themes:
            counts[theme] = counts.get(theme, 0) + 1
    return counts


def link_paths(session: Session, slugs: list[str]) -> dict[str, str]:
    """Paths of the articles a body links to with `artikel:<slug>`."""
    if not slugs:
        return {}
    found = session.scalars(select(Article).where(Article.slug.in_(slugs), Article.published.is_(True)))
    return {a.slug: article_path(a.slug, a.audiences) for a in found}
