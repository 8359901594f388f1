"""Bring the national articles in line with a checked feed. Only articles
with source 'national' are matched (by externalReference); local articles,
additions and anything editors manage in the portal are never written here.
Nothing is deleted: an article the feed withdraws is taken offline. The
caller commits."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.content.render import resolve_placeholders
from portal.editorial.form import slugify
from portal.models import Article, utcnow
from portal.national.convert import resolve_references
from portal.national.validate import Feed, FeedArticle, Problem

MAX_SLUG = 90  # room for "-2" within the column's 100


@dataclass
class Change:
    kind: str  # created | changed | restored | withdrawn
    article: Article
    reference: str
    content_set: str = ""
    before: dict | None = None  # title, summary and body before a change


@dataclass
class Outcome:
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)


def unique_slug(title: str, taken: set[str]) -> str:
    """A slug from the title that no article has yet; it stays when the title changes."""
    base = slugify(title)[:MAX_SLUG].rstrip("-") or "artikel"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def _tags(item: FeedArticle) -> list[tuple[str, str]]:
    return [("audience", v) for v in item.audiences] + [("theme", v) for v in item.themes] + \
           [("age_phase", v) for v in item.age_phases]


def _values(item: FeedArticle, slugs: dict[str, str], place: dict, problems: list[Problem]) -> dict:
    """The Article fields this feed item sets. Titles and summaries are shown
    as they are stored, so their placeholders are filled in now; the body keeps
    them ({cjg}) for the page to fill in."""
    body, unknown = resolve_references(item.body, slugs)
    for reference in unknown:
        problems.append(Problem("warning", item.subject, "body",
                                f"link naar onbekend artikel '{reference}': alleen de linktekst is gehouden"))
    if item.parent_reference and item.parent_reference not in slugs:
        problems.append(Problem("warning", item.subject, "parentReference",
                                f"'{item.parent_reference}' is bij ons geen landelijk artikel"))
    return {"title": resolve_placeholders(item.title, place), "summary": resolve_placeholders(item.summary, place),
            "body": body, "parent_reference": item.parent_reference, "position": item.position,
            "last_change_date": item.last_change_date, "links": item.links, "attachments": item.attachments,
            "videos": item.videos}


def _current(article: Article) -> tuple[dict, list[tuple[str, str]]]:
    values = {name: getattr(article, name) for name in
              ("title", "summary", "body", "parent_reference", "position", "last_change_date", "links",
               "attachments", "videos")}
    return values, [(t.facet, t.value) for t in sorted(article.tags, key=lambda t: t.position)]


def _fingerprint(values: dict, tags: list) -> str:
    return hashlib.sha256(json.dumps([values, tags], sort_keys=True, default=str).encode()).hexdigest()


def _publish(article: Article, published: bool) -> None:
    """Online or offline, in the editorial workflow's terms too; a form opened before is now stale."""
    article.published, article.state = published, "published" if published else "unpublished"
    article.version = (article.version or 0) + 1
    article.updated_at = utcnow()


def _write(session: Session, article: Article, values: dict, tags: list[tuple[str, str]]) -> None:
    for name, value in values.items():
        setattr(article, name, value)
    article.source_path = None  # the feed manages it from now on: `flask content import` leaves it alone
    article.content_hash = _fingerprint(values, tags)
    _publish(article, True)
    article.set_tags(session, tags)


def _withdraw(session: Session, article: Article, reference: str, content_set: str, outcome: Outcome) -> None:
    article.source_path = None  # withdrawn by the feed: a file import must not bring it back
    _publish(article, False)
    outcome.changes.append(Change("withdrawn", article, reference, content_set))
    for title in session.scalars(select(Article.title).where(Article.addition_to == article.slug,
                                                             Article.published.is_(True))):
        outcome.problems.append(Problem("warning", f"{reference} '{article.title}'", "",
                                        f"de lokale aanvulling '{title}' hoort bij dit artikel en is nu niet te zien"))


def apply(session: Session, feed: Feed, *, full: bool, place: dict) -> Outcome:
    """Create, change, put back or withdraw national articles. With `full`
    (and a feed that is complete, not a list of changes) an article that is no
    longer in the feed is withdrawn too; a skipped article keeps its last good version."""
    outcome = Outcome()
    national = {a.external_reference: a for a in session.scalars(
        select(Article).where(Article.source == "national", Article.external_reference.is_not(None)))}
    managed = {reference for reference, a in national.items() if a.editor_managed}
    taken = set(session.scalars(select(Article.slug)))
    slugs = {reference: a.slug for reference, a in national.items()}
    for item in feed.articles:
        if not item.deleted and item.reference not in national:
            slugs[item.reference] = unique_slug(resolve_placeholders(item.title, place), taken)

    for item in feed.articles:
        article = national.get(item.reference)
        if item.reference in managed:
            outcome.problems.append(Problem("warning", item.subject, "",
                                            "wordt in de redactie beheerd: de feed heeft het niet veranderd"))
            continue
        if item.deleted:
            if article is not None and article.published:
                _withdraw(session, article, item.reference, item.content_set, outcome)
            else:
                outcome.unchanged += 1
            continue
        values, tags = _values(item, slugs, place, outcome.problems), _tags(item)
        if article is None:
            article = Article(slug=slugs[item.reference], source="national", municipality=None,
                              external_reference=item.reference, related=[], story=False, example=False)
            session.add(article)
            _write(session, article, values, tags)
            outcome.changes.append(Change("created", article, item.reference, item.content_set))
        elif article.published and _current(article) == (values, tags):
            outcome.unchanged += 1
        else:
            before = {"title": article.title, "summary": article.summary, "body": article.body}
            kind = "changed" if article.published else "restored"
            _write(session, article, values, tags)
            outcome.changes.append(Change(kind, article, item.reference, item.content_set, before))

    if full and feed.changed_after is None:
        for reference, article in national.items():
            if reference not in feed.seen and article.published and reference not in managed:
                _withdraw(session, article, reference, "", outcome)
    return outcome
