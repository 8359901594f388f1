"""Error pages in the visitor's language; JSON errors under /api/."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException, InternalServerError


def json_error(status: int, message: str):
    response = jsonify({"error": {"status": status, "message": message}})
    response.status_code = status
    return response


def _connection_errors() -> tuple:
    """The driver's errors that mean "the connection is gone", not "the query is wrong"."""
    errors = []
    try:
        import psycopg2
        errors += [psycopg2.OperationalError, psycopg2.InterfaceError]
    except ImportError:
        pass
    return tuple(errors)


_CONNECTION_ERRORS = _connection_errors()


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]  # Allow on a 405
        if request.path.startswith("/api/"):
            return json_error(exc.code or 500, exc.description if exc.code != 404 else "Not found"), headers
        if exc.code == 404:
            return render_template("errors/404.html"), 404, headers
        if exc.code and exc.code < 500:
            own = exc.description != type(exc).description  # a message of ours, in the visitor's language
            return render_template("errors/error.html", code=exc.code,
                                   message=exc.description if own else _("Dit verzoek kunnen we niet verwerken.")), \
                exc.code, headers
        return render_template("errors/500.html"), exc.code or 500, headers

    @app.errorhandler(DBAPIError)
    def database_unavailable(exc: DBAPIError):
        """The database is restarting or unreachable: say so, and give back what was typed."""
        if not exc.connection_invalidated and not isinstance(exc.orig, _CONNECTION_ERRORS):
            return unexpected(exc)
        app.logger.warning("database unavailable: %s", exc.orig)
        if request.path.startswith("/api/"):
            return json_error(503, _("We kunnen even niet bij onze gegevens. Je bericht is niet opgeslagen. "
                                     "Probeer het over een minuut opnieuw."))
        sent = "\n\n".join(v for k, v in request.form.items() if k not in ("csrf", "csrf_token") and v.strip())
        return render_template("errors/unavailable.html", sent=sent), 503

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("Unhandled error")
        if request.path.startswith("/api/"):
            return json_error(500, "Internal server error")
        return render_template("errors/500.html"), InternalServerError.code
