"""The checks on what an editor writes, the same as for content files:
validation (parse.parse_text: lengths, taxonomy, no raw HTML) blocks a save;
the writing checks of `make lint-content` (lint.check_article: word count,
Flesch-Douma readability, policy jargon, links, placeholders, example marks)
are advice shown while writing."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.content import lint
from portal.content.parse import ArticleSource, ContentError, parse_text
from portal.editorial.revisions import Draft
from portal.models import Article
from portal.taxonomy import Taxonomy

# Form fields by the field names of the content format.
FORM_FIELDS = {"audiences": "audience", "themes": "theme", "age_phases": "age_phase"}


@dataclass
class Feedback:
    """Readability and the writing checks' remarks on one draft."""
    stats: lint.TextStats
    minimum: int
    problems: list[ContentError]

    @property
    def readability(self) -> float:
        return self.stats.readability

    @property
    def measured(self) -> bool:
        """Whether there is text enough to score."""
        return self.stats.words > 0

    @property
    def readable_enough(self) -> bool:
        return self.measured and self.readability >= self.minimum

    def as_json(self) -> dict:
        return {"readability": round(self.readability), "minimum": self.minimum, "ok": self.readable_enough,
                "measured": self.measured,
                "words": self.stats.words, "sentences": self.stats.sentences,
                "words_per_sentence": round(self.stats.words / max(self.stats.sentences, 1), 1),
                "problems": [{"check": p.field, "message": p.message} for p in self.problems]}


def source_of(draft: Draft, slug: str, municipality: str) -> ArticleSource:
    """The draft as a local content file would be read."""
    return ArticleSource(path=f"{slug or 'nieuw'}.md", slug=slug, title=draft.title, summary=draft.summary,
                         body=draft.body, audiences=draft.facet("audience"), themes=draft.facet("theme"),
                         age_phases=draft.facet("age_phase"), source="local", municipality=municipality,
                         reviewed_on=None, review_by=draft.review_by, addition_to=draft.addition_to,
                         example=draft.example)


def known_articles(session: Session) -> dict:
    """Every article's slug with its source and addition_to, for the link checks."""
    return {row.slug: row for row in session.execute(select(Article.slug, Article.source, Article.addition_to))}


def feedback(draft: Draft, slug: str, municipality: str, known: dict, municipalities: dict) -> Feedback:
    """The lint's per-file checks on a draft, placeholders resolved as on the site."""
    source = source_of(draft, slug, municipality)
    stats, problems = lint.check_article(source, known, municipalities)
    return Feedback(stats, lint.min_readability(source.audiences), problems)


def validate(draft: Draft, slug: str, municipality: str, taxonomy: Taxonomy, municipalities: dict,
             today: dt.date) -> dict[str, str]:
    """What must be right before a save, by form field: the checks of a
    content file (parse.parse_text) on the draft written as one."""
    meta = {"slug": slug, "title": draft.title, "summary": draft.summary, "audiences": draft.facet("audience"),
            "themes": draft.facet("theme"), "age_phases": draft.facet("age_phase"), "source": "local",
            "municipality": municipality, "reviewed_on": today, "review_by": draft.review_by,
            "addition_to": draft.addition_to, "example": draft.example}
    text = "---\n" + yaml.safe_dump({k: v for k, v in meta.items() if v is not None}, allow_unicode=True,
                                    sort_keys=False) + "---\n" + draft.body + "\n"
    _, errors = parse_text(f"{slug}.md", text, taxonomy, municipalities)
    found: dict[str, str] = {}
    for error in errors:
        found.setdefault(FORM_FIELDS.get(error.field, error.field), error.message)
    return found
