"""The JSON API used by the assistant, the widget and evaluations."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from flask import Blueprint, current_app, jsonify, request

from portal import municipality, search_index, taxonomy
from portal.content import compose
from portal.content.render import article_path, plain_text, resolve_placeholders
from portal.errors import json_error
from portal.extensions import db
from portal.numbers import whole_number
from portal.ratelimit import too_many
from portal.views.search import search_params

bp = Blueprint("api", __name__, url_prefix="/api")
MAX_LIMIT = 50
LOOPBACK = {"127.0.0.1", "::1"}
OPENAPI = Path(__file__).resolve().parent.parent / "openapi.yml"


def article_json(a, full: bool = False) -> dict:
    data = {"slug": a.slug, "title": a.title, "summary": a.summary, "url": article_path(a.slug, a.audiences),
            "themes": a.themes, "audiences": a.audiences, "age_phases": a.age_phases, "source": a.source}
    if full:
        place = municipality()
        data.update({
            "text": resolve_placeholders(a.body, place), "reviewed_on": a.reviewed_on and a.reviewed_on.isoformat(),
            "review_by": a.review_by and a.review_by.isoformat(), "municipality": a.municipality,
            "related": a.related, "links": a.links, "attachments": a.attachments, "videos": a.videos,
            "story": a.story, "external_reference": a.external_reference,
            "local_additions": [{"slug": x.slug, "title": x.title, "text": plain_text(x.body, place)}
                                for x in compose.additions(db.session, place["slug"], a.slug)],
        })
    return data


def _limit(default: int = 20) -> int | None:
    return whole_number(request.args.get("limit", str(default)), 1, MAX_LIMIT)


@lru_cache(maxsize=1)
def _openapi() -> dict:
    return yaml.safe_load(OPENAPI.read_text("utf-8"))


@bp.get("/openapi.json")
def openapi():
    return jsonify(_openapi())


@bp.get("/themes")
def themes():
    return jsonify({"themes": [{"slug": t.slug, "name": t.nl, "name_en": t.en, "audiences": list(t.audiences)}
                               for t in taxonomy().themes.values()]})


@bp.get("/articles")
def articles():
    tax = taxonomy()
    filters = {}
    for facet in ("audience", "theme", "age_phase"):
        value = request.args.get(facet)
        if value:
            if value not in tax.facet(facet):
                return json_error(400, f"Unknown {facet} '{value}'. Known: {', '.join(tax.facet(facet))}")
            filters[facet] = value
    source = request.args.get("source")
    if source and source not in ("national", "local"):
        return json_error(400, "source must be 'national' or 'local'")
    limit = _limit()
    if limit is None:
        return json_error(400, f"limit must be a number from 1 to {MAX_LIMIT}")
    offset = whole_number(request.args.get("offset", "0"))
    if offset is None:
        return json_error(400, "offset must be a number")
    place = municipality()["slug"]
    query = (request.args.get("q") or "").strip()
    if query:
        slugs = [h.slug for h in search_index().search(query[:200], filters=filters, municipality=place,
                                                       page_size=MAX_LIMIT).hits]
        items = {a.slug: a for a in compose.articles(db.session, place, slugs=slugs, source=source)}
        ordered = [items[s] for s in slugs if s in items]
        page = ordered[offset:offset + limit]
        return jsonify({"total": len(ordered), "items": [article_json(a) for a in page]})
    everything = compose.articles(db.session, place, source=source, **filters)
    page = everything[offset:offset + limit]
    return jsonify({"total": len(everything), "items": [article_json(a) for a in page]})


@bp.get("/articles/<slug>")
def article(slug):
    item = compose.article(db.session, municipality()["slug"], slug)
    if item is None:
        return json_error(404, f"No published article '{slug}'")
    return jsonify(article_json(item, full=True))


@bp.get("/search")
def search():
    query, filters, page, problems = search_params(request.args)
    unknown = [p for p in problems if p.startswith("unknown_")]
    if unknown:
        return json_error(400, "Unknown filter value: " + ", ".join(p.removeprefix("unknown_") for p in unknown))
    if not query:
        return json_error(400, "Parameter q is required")
    if request.remote_addr not in LOOPBACK and too_many("api_search", current_app.config.get("SEARCH_RATE_LIMIT", 60)):
        return json_error(429, "Too many searches; wait a minute")  # the assistant's actions call from loopback
    if whole_number(request.args.get("page", "1"), 1) is None:
        return json_error(400, "page must be a number from 1")
    limit = _limit(10)
    if limit is None:
        return json_error(400, f"limit must be a number from 1 to {MAX_LIMIT}")
    result = search_index().search(query, filters=filters, municipality=municipality()["slug"], page=page,
                                   page_size=limit)
    return jsonify({"query": result.query, "total": result.total, "page": result.page,
                    "truncated": "too_long" in problems, "facets": result.facets,
                    "hits": [{"slug": h.slug, "title": h.title, "url": h.url, "snippet": h.snippet,
                              "score": h.score, "themes": h.themes, "audiences": h.audiences, "source": h.source}
                             for h in result.hits]})
