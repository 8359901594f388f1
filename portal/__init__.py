"""The CJG portal: vCJG for parents and professionals, JongIn for young people."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

from portal import config, gcsafe
from portal.extensions import babel, db, migrate
from portal.search import SearchIndex
from portal.taxonomy import load_municipalities, load_taxonomy

MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


def select_locale() -> str:
    """The language the visitor chose (kept in a cookie), else Dutch."""
    from flask import current_app
    chosen = request.args.get("lang") or request.cookies.get("lang")
    return chosen if chosen in current_app.config["LANGUAGES"] else "nl"


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_path=os.environ.get("INSTANCE_PATH") or None)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(config.from_environment(Path(app.instance_path)))
    if test_config:
        app.config.update(test_config)

    if app.config.get("PROXY_COUNT"):  # behind a reverse proxy: the visitor's address for the rate limits
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_COUNT"], x_proto=app.config["PROXY_COUNT"])
    gcsafe.register(app)  # before db.init_app: collects garbage after the session is closed (CPython 3.11 fault)
    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS)
    babel.init_app(app, locale_selector=select_locale)
    app.extensions["search_index"] = SearchIndex(app.config["SEARCH_INDEX_DIR"])

    from portal import cli, errors, site
    from portal.views import (api, board, chat, console, editorial, ehulp, jongin, national, pages, search, socialmap,
                              stories, vcjg)
    for module in (vcjg, jongin, pages, search, api, chat, ehulp, console, socialmap, editorial, national, board,
                   stories):
        app.register_blueprint(module.bp)
    errors.register(app)
    site.register(app)
    cli.register(app)
    return app


def taxonomy():
    return load_taxonomy()


def municipality() -> dict:
    """The municipality this portal serves, with its slug."""
    from flask import current_app
    slug = current_app.config["MUNICIPALITY"]
    return {"slug": slug, **load_municipalities()[slug]}


def search_index() -> SearchIndex:
    from flask import current_app
    return current_app.extensions["search_index"]
