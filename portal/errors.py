"""Error pages in the visitor's language; JSON errors under /api/."""
from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError


def json_error(status: int, message: str):
    response = jsonify({"error": {"status": status, "message": message}})
    response.status_code = status
    return response


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if request.path.startswith("/api/"):
            return json_error(exc.code or 500, exc.description if exc.code != 404 else "Not found")
        if exc.code == 404:
            return render_template("errors/404.html"), 404
        if exc.code and exc.code < 500:
            return render_template("errors/error.html", code=exc.code,
                                   message=_("Dit verzoek kunnen we niet verwerken.")), exc.code
        return render_template("errors/500.html"), exc.code or 500

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("Unhandled error")
        if request.path.startswith("/api/"):
            return json_error(500, "Internal server error")
        return render_template("errors/500.html"), InternalServerError.code
