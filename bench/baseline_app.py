"""The baseline of the page benchmarks: a minimal Flask app that renders one
small Jinja template (a layout, a title, a short list, autoescaping, url_for).
No database, no search, no Babel. Served by gunicorn with the same worker
settings as the portal: `gunicorn bench.baseline_app:app`."""
from __future__ import annotations

from flask import Flask, render_template
from jinja2 import DictLoader

TEMPLATES = {
    "layout.html": """<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>{% block title %}{% endblock %} | CJG Deventer</title></head>
<body>
<header><a href="{{ url_for('page', slug='start') }}">CJG Deventer</a></header>
<main>{% block content %}{% endblock %}</main>
<footer><p>Bij gevaar: bel 112.</p></footer>
</body>
</html>
""",
    "page.html": """{% extends "layout.html" %}
{% block title %}{{ title }}{% endblock %}
{% block content %}
<h1>{{ title }}</h1>
<p>{{ summary }}</p>
<ul>
{% for item in items %}  <li><a href="{{ url_for('page', slug=item.slug) }}">{{ item.title }}</a></li>
{% endfor %}</ul>
{% endblock %}
""",
}

ITEMS = [{"slug": f"artikel-{i}", "title": f"Artikel {i} over opvoeden & opgroeien"} for i in range(1, 11)]


def create_app() -> Flask:
    app = Flask(__name__)
    app.jinja_loader = DictLoader(TEMPLATES)

    @app.get("/")
    @app.get("/pagina/<slug>")
    def page(slug: str = "start"):
        return render_template("page.html", title=f"Pagina {slug}",
                               summary="Antwoord op je vragen over opvoeden en opgroeien.", items=ITEMS)

    return app


app = create_app()
