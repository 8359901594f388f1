"""Revisions: every save and every step in the workflow keeps the whole text
of the article's working copy, so any two can be compared and an old one
brought back. The Article row itself holds what the public sees."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal.editorial.models import ArticleRevision
from portal.models import Article, utcnow

FACETS = ("audience", "theme", "age_phase")


@dataclass
class Draft:
    """The part of an article that editors write: text, tags and review date."""
    title: str
    summary: str
    body: str
    tags: dict[str, list[str]] = field(default_factory=dict)
    addition_to: str | None = None
    review_by: dt.date | None = None
    example: bool = False

    @classmethod
    def of(cls, item: Article | ArticleRevision) -> Draft:
        if isinstance(item, Article):
            tags = {facet: item.facet(facet) for facet in FACETS}
        else:
            tags = {facet: list(item.tags.get(facet, [])) for facet in FACETS}
        return cls(item.title, item.summary, item.body, tags, item.addition_to, item.review_by, item.example)

    def facet(self, name: str) -> list[str]:
        return list(self.tags.get(name, []))

    def tag_pairs(self) -> list[tuple[str, str]]:
        return [(facet, value) for facet in FACETS for value in self.facet(facet)]

    def same_as(self, other: Draft) -> bool:
        return asdict(self) == asdict(other)


def history(session: Session, article: Article) -> list[ArticleRevision]:
    """All revisions, newest first."""
    return list(session.scalars(select(ArticleRevision).where(ArticleRevision.article_id == article.id)
                                .order_by(ArticleRevision.number.desc())))


def revision(session: Session, article: Article, number: int) -> ArticleRevision | None:
    return session.scalar(select(ArticleRevision).where(ArticleRevision.article_id == article.id,
                                                        ArticleRevision.number == number))


def latest(session: Session, article: Article) -> ArticleRevision | None:
    return session.scalar(select(ArticleRevision).where(ArticleRevision.article_id == article.id)
                          .order_by(ArticleRevision.number.desc()).limit(1))


def working_copy(session: Session, article: Article) -> Draft:
    """What editors work on: the newest revision, else the article as it was imported."""
    newest = latest(session, article)
    return Draft.of(newest if newest is not None else article)


def baseline(session: Session, article: Article) -> None:
    """Before the first change in the portal, keep the article as it came
    from the content files as revision 1, so it can be compared and brought back."""
    if latest(session, article) is None:
        session.add(_revision(article, None, 1, "import", article.state, Draft.of(article)))
        session.flush()


def record(session: Session, article: Article, worker, action: str, draft: Draft, note: str = "") -> ArticleRevision:
    """Keep this draft as the next revision, with the article's state after `action`."""
    number = session.scalar(select(func.max(ArticleRevision.number))
                            .where(ArticleRevision.article_id == article.id)) or 0
    item = _revision(article, worker, number + 1, action, article.state, draft, note)
    session.add(item)
    return item


def _revision(article, worker, number, action, state, draft: Draft, note="") -> ArticleRevision:
    return ArticleRevision(article_id=article.id, number=number, worker_id=worker.id if worker else None,
                           action=action, state=state, note=note[:1000], title=draft.title, summary=draft.summary,
                           body=draft.body, tags={f: draft.facet(f) for f in FACETS}, addition_to=draft.addition_to,
                           review_by=draft.review_by, example=draft.example, created_at=utcnow())


def apply(session: Session, article: Article, draft: Draft) -> None:
    """Put the draft into the article's own columns: what the public sees once published."""
    article.title, article.summary, article.body = draft.title, draft.summary, draft.body
    article.addition_to, article.review_by, article.example = draft.addition_to, draft.review_by, draft.example
    article.set_tags(session, draft.tag_pairs())
    article.updated_at = utcnow()
