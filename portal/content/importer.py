"""Import content files into the database, idempotently."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.content.parse import ArticleSource, ContentError, read_all
from portal.models import Article, ArticleTag, utcnow
from portal.taxonomy import Taxonomy

FIELDS = ("title", "summary", "body", "source", "municipality", "addition_to", "story", "example",
          "reviewed_on", "review_by", "related", "links", "attachments", "videos", "external_reference",
          "parent_reference", "position", "last_change_date", "content_hash")


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.unpublished)

    def summary(self) -> str:
        return (f"{len(self.created)} nieuw, {len(self.updated)} bijgewerkt, {len(self.unchanged)} ongewijzigd, "
                f"{len(self.unpublished)} offline gehaald, {len(self.errors)} fouten")


def _apply(session: Session, article: Article, src: ArticleSource) -> None:
    for name in FIELDS:
        setattr(article, name, getattr(src, name))
    article.source_path = src.path
    article.published = True
    article.updated_at = utcnow()
    wanted = [("audience", v) for v in src.audiences] + [("theme", v) for v in src.themes] + \
             [("age_phase", v) for v in src.age_phases]
    current = [(t.facet, t.value) for t in sorted(article.tags, key=lambda t: t.position)]
    if current != wanted:
        if article.tags:
            article.tags.clear()
            session.flush()  # delete the old tags before the new ones hit the unique constraint
        article.tags = [ArticleTag(facet=f, value=v, position=i) for i, (f, v) in enumerate(wanted)]


def import_content(session: Session, content_dir: Path, taxonomy: Taxonomy, municipalities: dict) -> ImportReport:
    """Bring the database in line with the files: new files are added, changed
    files update, removed files are unpublished. Invalid files are reported and
    skipped; a file that became invalid keeps its last good version online."""
    report = ImportReport()
    sources, report.errors = read_all(Path(content_dir), taxonomy, municipalities)
    existing = {a.slug: a for a in session.scalars(select(Article).where(Article.source_path.is_not(None)))}
    failed_paths = {e.path for e in report.errors}
    for src in sources:
        article = existing.get(src.slug)
        if article is None:
            article = session.scalar(select(Article).where(Article.slug == src.slug))
        if article is None:
            article = Article(slug=src.slug)
            _apply(session, article, src)
            session.add(article)
            report.created.append(src.slug)
        elif article.content_hash == src.content_hash and article.published and article.source_path == src.path:
            report.unchanged.append(src.slug)
        else:
            _apply(session, article, src)
            report.updated.append(src.slug)
    seen = {s.slug for s in sources}
    for slug, article in existing.items():
        if slug not in seen and article.published and article.source_path not in failed_paths:
            article.published = False
            article.updated_at = utcnow()
            report.unpublished.append(slug)
    session.commit()
    return report
