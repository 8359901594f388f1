"""What every page needs: the vocabulary, the municipality, the language,
the national lines, and strict security headers."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import Flask, abort, current_app, request
from flask_babel import format_date, get_locale
from flask_babel import gettext as _

from portal import access, municipality, taxonomy
from portal.socialmap.records import CrisisLine, load_crisis_lines


@lru_cache(maxsize=4)
def _crisis_lines(path: str, mtime_ns: int) -> list[CrisisLine]:
    lines, errors = load_crisis_lines(path, taxonomy())
    for error in errors:
        current_app.logger.warning("crisis_lines.yml: %s", error)
    return list(lines.values())


def crisis_lines() -> list[CrisisLine]:
    """The national lines, from the one data file content/crisis_lines.yml (records.load_crisis_lines);
    read again when the file changes."""
    path = Path(current_app.config["CONTENT_DIR"]) / "crisis_lines.yml"
    return _crisis_lines(str(path), path.stat().st_mtime_ns) if path.exists() else []


CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")


def register(app: Flask) -> None:
    @app.context_processor
    def inject():
        locale = str(get_locale() or "nl")
        return {"tax": taxonomy(), "place": municipality(), "locale": locale,
                "label": lambda term: term.label(locale), "crisis_lines": crisis_lines(),
                "format_date": format_date}

    @app.template_filter("dict_with")
    def dict_with(d: dict, key: str, value: str) -> dict:
        return {**d, key: value}

    @app.template_filter("dict_without")
    def dict_without(d: dict, key: str) -> dict:
        return {k: v for k, v in d.items() if k != key}

    @app.before_request
    def refuse_cross_site_posts():
        """No form or API call from another site's page (CSRF), for visitors too."""
        if request.method not in ("GET", "HEAD", "OPTIONS") and not access.same_origin(request.headers, request.host):
            abort(403, _("Dit formulier kwam niet van onze eigen pagina. Open de pagina opnieuw en probeer het nog "
                         "een keer."))

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if current_app.config.get("SESSION_COOKIE_SECURE"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        if request.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "public, max-age=3600")
        return response
