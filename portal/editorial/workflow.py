"""The workflow of a local article and who may move it.

    concept (draft) --submit--> ter beoordeling (review) --publish--> gepubliceerd
          ^                          |   \\--schedule--> gepland --(due)--> gepubliceerd
          \\------- send_back --------/
    any live or scheduled article --unpublish--> offline (unpublished)

A redacteur (right "edit") writes and submits; an eindredacteur or admin
(right "publish") also publishes, schedules, takes offline and sends back with
a remark. Saving a published article does not change what the public sees:
the change is a new concept until someone publishes it. National articles
are read-only. Every step raises the article's version (locking.claim),
keeps a revision and writes the audit log; the caller commits."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from portal.editorial import revisions
from portal.editorial.locking import StaleVersion, claim
from portal.editorial.revisions import Draft
from portal.ehulp.queue import audit
from portal.models import Article, utcnow

STATES = ("draft", "review", "published", "scheduled", "unpublished")
MAX_NOTE = 1000


@dataclass(frozen=True)
class Step:
    right: str
    sources: frozenset[str]


STEPS = {
    "submit": Step("edit", frozenset({"draft"})),
    "publish": Step("publish", frozenset({"draft", "review", "scheduled", "unpublished"})),
    "schedule": Step("publish", frozenset({"draft", "review", "scheduled", "unpublished"})),
    "unpublish": Step("publish", frozenset({"published", "draft", "review", "scheduled"})),
    "send_back": Step("publish", frozenset({"review"})),
}


class WorkflowError(Exception):
    """A step that cannot be taken; `code` says why (national, not_now,
    unchanged, past, note, no_revision)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def editable(article: Article) -> bool:
    """Only local articles are written here; national ones come from the national feed."""
    return article.source == "local"


def possible(article: Article, step: str) -> bool:
    """Whether the step fits the article's state (not who may take it)."""
    if not editable(article) or article.state not in STEPS[step].sources:
        return False
    if step == "unpublish":
        return article.published or article.state == "scheduled"
    return True


def steps_for(article: Article, may) -> list[str]:
    """The steps this account (`may(right) -> bool`) can take now."""
    return [name for name, step in STEPS.items() if may(step.right) and possible(article, name)]


def _begin(session: Session, article: Article, expected: int, step: str | None = None) -> None:
    if not editable(article):
        raise WorkflowError("national")
    if step is not None and not possible(article, step):
        raise WorkflowError("not_now")
    claim(session, article, expected)
    revisions.baseline(session, article)
    article.editor_managed = True


def _finish(session: Session, article: Article, worker, action: str, draft: Draft, note: str = ""):
    item = revisions.record(session, article, worker, action, draft, note)
    audit(session, worker, f"article.{action}", article.slug)
    return item


def create(session: Session, slug: str, municipality: str, worker, draft: Draft) -> Article:
    """A new local article (or addition) as a concept, offline."""
    article = Article(slug=slug, source="local", municipality=municipality, state="draft", published=False,
                      editor_managed=True, version=1, related=[], links=[], attachments=[], videos=[])
    session.add(article)
    revisions.apply(session, article, draft)
    session.flush()
    _finish(session, article, worker, "create", draft)
    return article


def save(session: Session, article: Article, worker, expected: int, draft: Draft, action: str = "save",
         note: str = ""):
    """Keep the editor's text as a new revision. A concept stays a concept and
    an article under review stays under review; a published, scheduled or
    offline article gets a new concept (a scheduled publication is cancelled).
    What the public sees changes only when the article is published."""
    if article.version != expected:
        raise StaleVersion(expected, article.version)
    if draft.same_as(revisions.working_copy(session, article)):
        raise WorkflowError("unchanged")
    _begin(session, article, expected)
    article.state = "review" if article.state == "review" else "draft"
    article.publish_at = None
    if not article.published:
        revisions.apply(session, article, draft)  # offline: the row follows the working copy
    return _finish(session, article, worker, action, draft, note)


def submit(session: Session, article: Article, worker, expected: int, note: str = ""):
    _begin(session, article, expected, "submit")
    article.state = "review"
    return _finish(session, article, worker, "submit", revisions.working_copy(session, article), _note(note))


def publish(session: Session, article: Article, worker, expected: int, today: dt.date, action: str = "publish"):
    """Put the working copy online, now."""
    _begin(session, article, expected, "publish")
    draft = revisions.working_copy(session, article)
    revisions.apply(session, article, draft)
    article.published, article.state, article.publish_at, article.reviewed_on = True, "published", None, today
    return _finish(session, article, worker, action, draft)


def schedule(session: Session, article: Article, worker, expected: int, at: dt.datetime,
             now: dt.datetime | None = None):
    """Publish the working copy at `at` (UTC); until then the public sees what it saw."""
    if at <= (now or utcnow()):
        raise WorkflowError("past")
    _begin(session, article, expected, "schedule")
    article.state, article.publish_at = "scheduled", at
    return _finish(session, article, worker, "schedule", revisions.working_copy(session, article))


def unpublish(session: Session, article: Article, worker, expected: int):
    """Take the article offline (and cancel a scheduled publication)."""
    _begin(session, article, expected, "unpublish")
    article.published, article.state, article.publish_at = False, "unpublished", None
    article.updated_at = utcnow()
    return _finish(session, article, worker, "unpublish", revisions.working_copy(session, article))


def send_back(session: Session, article: Article, worker, expected: int, note: str):
    """Back to the writer as a concept, with a remark on what to change."""
    note = _note(note)
    if not note:
        raise WorkflowError("note")
    _begin(session, article, expected, "send_back")
    article.state = "draft"
    return _finish(session, article, worker, "send_back", revisions.working_copy(session, article), note)


def restore(session: Session, article: Article, worker, expected: int, number: int):
    """Bring an old revision back as a new one (the history keeps everything)."""
    old = revisions.revision(session, article, number)
    if old is None:
        raise WorkflowError("no_revision")
    return save(session, article, worker, expected, Draft.of(old), action="restore", note=f"#{number}")


def _note(text: str) -> str:
    return " ".join((text or "").split())[:MAX_NOTE]
