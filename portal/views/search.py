"""The search page (/zoeken) for both sites."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from portal import municipality, search_index, taxonomy
from portal.ratelimit import too_many

bp = Blueprint("search", __name__)


def search_params(args) -> tuple[str, dict[str, str], int, list[str]]:
    """The query (capped), the facet filters, the page; and what was wrong with them."""
    problems = []
    max_len = current_app.config["SEARCH_MAX_QUERY"]
    query = " ".join((args.get("q") or "").split())
    if len(query) > max_len:
        query = query[:max_len]
        problems.append("too_long")
    tax = taxonomy()
    filters = {}
    for facet in ("audience", "theme", "age_phase"):
        value = args.get(facet, "")
        if value and value in tax.facet(facet):
            filters[facet] = value
        elif value:
            problems.append(f"unknown_{facet}")
    try:
        page = min(max(int(args.get("page", 1)), 1), 1000)
    except ValueError:
        page = 1
    return query, filters, page, problems


@bp.get("/zoeken")
def results():
    query, filters, page, problems = search_params(request.args)
    result, status = None, 200
    if query and too_many("search", current_app.config.get("SEARCH_RATE_LIMIT", 60)):
        status, problems = 429, [*problems, "too_many"]
        query = ""
    elif query and not search_index().exists():  # the index could not be built: say so, keep serving
        status = 503
    elif query:
        result = search_index().search(query, filters=filters, municipality=municipality()["slug"], page=page,
                                       page_size=current_app.config["SEARCH_PAGE_SIZE"])
    site = "jongin" if request.args.get("site") == "jongin" or filters.get("audience") == "jongeren" else "vcjg"
    return render_template("search/results.html", query=query, filters=filters, result=result,
                           problems=problems, site=site, tax=taxonomy()), status
