"""vCJG: the site for parents and professionals."""
from __future__ import annotations

from flask import Blueprint, abort, render_template

from portal import municipality, taxonomy
from portal.content import compose
from portal.content.render import article_path
from portal.extensions import db
from portal.pagecache import cached_page
from portal.views import board
from portal.views.common import show_article, theme_page

bp = Blueprint("vcjg", __name__)


@bp.get("/")
@cached_page(vary=lambda: board.home_vary("vcjg"))
def home():
    place = municipality()
    counts = compose.theme_counts(db.session, place["slug"], "ouders")
    local = compose.articles(db.session, place["slug"], audience="ouders", source="local", limit=4)
    return render_template("vcjg/home.html", themes=taxonomy().themes_for("ouders"), counts=counts,
                           local_articles=local, article_path=article_path,
                           board=board.home_blocks("vcjg"))


@bp.get("/ouders/thema/<theme>")
@cached_page
def theme(theme):
    return theme_page("ouders", theme, "vcjg/theme.html")


@bp.get("/ouders/leeftijd/<phase>")
@cached_page
def age_phase(phase):
    term = taxonomy().age_phases.get(phase)
    if term is None:
        abort(404)
    items = compose.articles(db.session, municipality()["slug"], audience="ouders", age_phase=phase)
    by_theme: dict[str, list] = {}
    for item in items:
        by_theme.setdefault(item.themes[0] if item.themes else "", []).append(item)
    return render_template("vcjg/age_phase.html", phase=term, by_theme=by_theme, total=len(items),
                           article_path=article_path)


@bp.get("/ouders/artikel/<slug>")
@cached_page
def article(slug):
    return show_article("ouders", slug, "vcjg/article.html")


@bp.get("/professionals")
@cached_page
def professionals():
    items = compose.articles(db.session, municipality()["slug"], audience="professionals")
    return render_template("vcjg/professionals.html", articles=items, article_path=article_path)
