"""Optimistic locking: every change to an article raises its version by one,
and only when the version is still the one the editor started from. Two
editors who saved the same version: the second is told, nothing is lost."""
from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from portal.models import Article
from portal.numbers import whole_number


class StaleVersion(Exception):
    """Someone changed the article after this editor opened it."""

    def __init__(self, expected: int, current: int):
        super().__init__(f"version {expected} is stale; the article is at version {current}")
        self.expected, self.current = expected, current


def claim(session: Session, article: Article, expected: int) -> None:
    """Raise the version from `expected` to the next in one conditional
    UPDATE, so of two concurrent requests only one wins (the database
    serialises them); StaleVersion for the other. Call before changing
    anything else in the session."""
    result = session.execute(update(Article).where(Article.id == article.id, Article.version == expected)
                             .values(version=expected + 1).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        session.refresh(article)
        raise StaleVersion(expected, article.version)
    set_committed_value(article, "version", expected + 1)


def parse_version(raw) -> int | None:
    """The version a form carried; None when it is missing or not a number."""
    text = str(raw or "").strip()
    return whole_number(text)
