"""Feed the published articles to the search index: all at once, or the few
that an editor just published or took offline."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.content.render import article_path, plain_text
from portal.models import Article
from portal.search import SearchDocument, SearchIndex


def _searchable():
    """Published articles of their own (additions are shown inside another article)."""
    return select(Article).where(Article.published.is_(True), Article.addition_to.is_(None))


def document(a: Article, place: dict) -> SearchDocument:
    """One article as a search document, placeholders resolved for `place`."""
    return SearchDocument(slug=a.slug, url=article_path(a.slug, a.audiences), title=a.title, summary=a.summary,
                          body=plain_text(a.body, place), source=a.source, municipality=a.municipality or "",
                          audiences=a.audiences, themes=a.themes, age_phases=a.age_phases)


def documents(session: Session, place: dict):
    """Every published article (not the additions) as a search document, with
    placeholders resolved for the municipality this portal serves (`place`)."""
    for a in session.scalars(_searchable()):
        yield document(a, place)


def reindex(session: Session, index: SearchIndex, place: dict) -> int:
    return index.rebuild(documents(session, place))


def refresh(session: Session, index: SearchIndex, place: dict, slugs: list[str]) -> int:
    """Bring these articles up to date in the index at once: published ones
    are (re)indexed, the rest removed. Without a current index: a full rebuild."""
    if not slugs:
        return 0
    if not index.current():
        return reindex(session, index, place)
    found = list(session.scalars(_searchable().where(Article.slug.in_(slugs))))
    return index.update([document(a, place) for a in found], removed=sorted(set(slugs) - {a.slug for a in found}))
