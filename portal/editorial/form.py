"""Read the article form (any mapping with get/getlist, such as a request's
form) into a Draft, size-limited, and say what could not be read."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from portal.editorial.revisions import FACETS, Draft
from portal.taxonomy import Taxonomy

MAX_TITLE, MAX_SUMMARY, MAX_BODY = 200, 400, 40_000
MAX_SLUG = 100


def _one_line(text: str, limit: int) -> str:
    return " ".join((text or "").split())[:limit]


def read_draft(form, taxonomy: Taxonomy, previous: Draft | None = None) -> tuple[Draft, dict[str, str]]:
    """The draft as typed, and the fields that could not be read (by name).
    Tags keep the order they had in `previous` (the first audience and theme
    decide the site and the breadcrumb); new ones follow in taxonomy order."""
    errors: dict[str, str] = {}
    body = (form.get("body") or "").replace("\r\n", "\n").strip()
    if len(body) > MAX_BODY:
        errors["body"] = "too_long"
        body = body[:MAX_BODY]
    tags = {}
    for facet in FACETS:
        allowed = taxonomy.facet(facet)
        chosen = [v for v in dict.fromkeys(form.getlist(facet)) if v in allowed]
        kept = [v for v in previous.facet(facet) if v in chosen] if previous else []
        tags[facet] = kept + [v for v in chosen if v not in kept]
    review_by = None
    raw_date = (form.get("review_by") or "").strip()
    if raw_date:
        try:
            review_by = dt.date.fromisoformat(raw_date)
        except ValueError:
            errors["review_by"] = "date"
    addition_to = (form.get("addition_to") or "").strip()[:MAX_SLUG] or None
    draft = Draft(title=_one_line(form.get("title"), MAX_TITLE), summary=_one_line(form.get("summary"), MAX_SUMMARY),
                  body=body, tags=tags, addition_to=addition_to, review_by=review_by,
                  example=form.get("example") == "ja")
    return draft, errors


def slugify(text: str) -> str:
    """A slug from a title: lower case, no accents, words joined by '-'."""
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:MAX_SLUG].rstrip("-")
