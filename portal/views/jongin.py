"""JongIn: the site for young people of 12 to 23."""
from __future__ import annotations

from flask import Blueprint, render_template

from portal import municipality, taxonomy
from portal.content import compose
from portal.content.render import article_path
from portal.extensions import db
from portal.pagecache import cached_page
from portal.views import board
from portal.views.common import show_article, theme_page

bp = Blueprint("jongin", __name__, url_prefix="/jongeren")


@bp.get("/")
@cached_page(vary=lambda: board.home_vary("jongin"))
def home():
    place = municipality()
    counts = compose.theme_counts(db.session, place["slug"], "jongeren")
    stories = [a for a in compose.articles(db.session, place["slug"], audience="jongeren") if a.story][:3]
    local = compose.articles(db.session, place["slug"], audience="jongeren", source="local", limit=4)
    return render_template("jongin/home.html", themes=taxonomy().themes_for("jongeren"), counts=counts,
                           stories=stories, local_articles=local, article_path=article_path,
                           board=board.home_blocks("jongin"))


@bp.get("/thema/<theme>")
@cached_page
def theme(theme):
    return theme_page("jongeren", theme, "jongin/theme.html")


@bp.get("/artikel/<slug>")
@cached_page
def article(slug):
    return show_article("jongeren", slug, "jongin/article.html")
