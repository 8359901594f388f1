"""View helpers shared by vCJG and JongIn."""
from __future__ import annotations

from flask import abort, redirect, render_template
from markupsafe import Markup

from portal import municipality, taxonomy
from portal.content import compose
from portal.content.parse import INTERNAL_LINK_RE
from portal.content.render import article_path, render
from portal.extensions import db

SITE_AUDIENCE = {"ouders": "ouders", "jongeren": "jongeren"}


def show_article(site: str, slug: str, template: str):
    """An article with its local additions and related articles; redirects
    to the article's own site when it is asked for under the other one."""
    place = municipality()
    item = compose.article(db.session, place["slug"], slug)
    if item is None:
        abort(404)
    canonical = article_path(item.slug, item.audiences)
    if not canonical.startswith(f"/{site}/"):
        return redirect(canonical, code=301)
    paths = compose.link_paths(db.session, _linked(item.body))
    additions = [(a, Markup(render(a.body, place, compose.link_paths(db.session, _linked(a.body)))))
                 for a in compose.additions(db.session, place["slug"], item.slug)]
    theme = taxonomy().themes.get(item.themes[0]) if item.themes else None
    return render_template(template, article=item, body=Markup(render(item.body, place, paths)),
                           additions=additions, related=compose.related(db.session, place["slug"], item),
                           theme=theme, article_path=article_path)


def theme_page(audience: str, theme_slug: str, template: str):
    theme = taxonomy().themes.get(theme_slug)
    if theme is None or audience not in theme.audiences:
        abort(404)
    items = compose.articles(db.session, municipality()["slug"], audience=audience, theme=theme_slug)
    return render_template(template, theme=theme, articles=items, article_path=article_path)


def _linked(body: str) -> list[str]:
    return INTERNAL_LINK_RE.findall(body)
