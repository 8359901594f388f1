"""Feed the published articles to the search index."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.content.render import article_path, plain_text
from portal.models import Article
from portal.search import SearchDocument, SearchIndex


def documents(session: Session, place: dict):
    """Every published article (not the additions) as a search document, with
    placeholders resolved for the municipality this portal serves (`place`)."""
    for a in session.scalars(select(Article).where(Article.published.is_(True), Article.addition_to.is_(None))):
        yield SearchDocument(slug=a.slug, url=article_path(a.slug, a.audiences), title=a.title, summary=a.summary,
                             body=plain_text(a.body, place), source=a.source, municipality=a.municipality or "",
                             audiences=a.audiences, themes=a.themes, age_phases=a.age_phases)


def reindex(session: Session, index: SearchIndex, place: dict) -> int:
    return index.rebuild(documents(session, place))
