"""Pages outside the content: contact, the accessibility statement and the language switch."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, redirect, render_template, request

bp = Blueprint("pages", __name__)


@bp.get("/contact")
def contact():
    return render_template("pages/contact.html")


@bp.get("/toegankelijkheid")
def accessibility():
    """The accessibility statement, in JongIn's style when asked from JongIn."""
    site = "jongin" if request.args.get("site") == "jongin" else "vcjg"
    return render_template("pages/accessibility.html", site=site)


@bp.get("/taal/<lang>")
def language(lang):
    """Switch the interface language and go back to the page the visitor was on."""
    if lang not in current_app.config["LANGUAGES"]:
        abort(404)
    target = request.args.get("next", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        target = "/"
    response = redirect(target)
    response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response
