"""Import content files into the database, idempotently.

Articles that editors manage in the portal (`Article.editor_managed`: created,
edited or moved on in the editorial workflow) belong to the portal from then
on, and national articles that `flask content sync` wrote belong to the
national feed (`Article.feed_managed`): the importer neither overwrites nor
unpublishes them, and reports them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.content.parse import ArticleSource, ContentError, read_all
from portal.models import Article, utcnow
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
    managed: list[str] = field(default_factory=list)  # skipped: editors manage these in the portal
    synced: list[str] = field(default_factory=list)  # skipped: the national feed manages these
    errors: list[ContentError] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.unpublished)

    def summary(self) -> str:
        return (f"{len(self.created)} nieuw, {len(self.updated)} bijgewerkt, {len(self.unchanged)} ongewijzigd, "
                f"{len(self.unpublished)} offline gehaald, {len(self.errors)} fouten, "
                f"{len(self.managed)} overgeslagen (beheerd in de redactie), "
                f"{len(self.synced)} overgeslagen (uit de landelijke feed)")


def _apply(session: Session, article: Article, src: ArticleSource) -> None:
    for name in FIELDS:
        setattr(article, name, getattr(src, name))
    article.source_path = src.path
    article.published, article.state = True, "published"
    article.version = (article.version or 0) + 1  # a form opened before the import is now stale
    article.updated_at = utcnow()
    article.set_tags(session, [("audience", v) for v in src.audiences] + [("theme", v) for v in src.themes]
                     + [("age_phase", v) for v in src.age_phases])


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
        if article is not None and article.editor_managed:
            report.managed.append(src.slug)
        elif article is not None and article.feed_managed:
            report.synced.append(src.slug)
        elif article is None:
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
        if slug not in seen and article.published and article.source_path not in failed_paths \
                and not article.editor_managed:
            article.published, article.state = False, "unpublished"
            article.version += 1
            article.updated_at = utcnow()
            report.unpublished.append(slug)
    session.commit()
    return report
