"""Who may do what: the staff roles, their rights, and the check in front of
every protected page (login, right, CSRF on every POST)."""
from __future__ import annotations

import functools
import hmac
import secrets
from urllib.parse import urlsplit

from flask import abort, current_app, g, redirect, request, session, url_for
from flask_babel import gettext as _

from portal.extensions import db
from portal.models import utcnow

# A role's rights. Workers and supervisors answer chats and questions; the
# editorial roles keep the sites. An admin may do everything.
RIGHTS = {
    "worker": {"console"},
    "supervisor": {"console", "supervise"},
    "redacteur": {"edit"},
    "eindredacteur": {"edit", "publish", "board", "moderate", "sync"},
    "admin": {"console", "supervise", "edit", "publish", "board", "moderate", "sync", "accounts"},
}
ROLES = tuple(RIGHTS)
# Where someone with this right starts after logging in, in this order.
HOME = (("console", "console.dashboard"), ("edit", "editorial.dashboard"))
PROTECTED_PREFIXES = ("/medewerker", "/redactie")


def can(worker, right: str) -> bool:
    return worker is not None and worker.active and right in RIGHTS.get(worker.role, set())


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(24)
    return session["csrf"]


def csrf_valid(form) -> bool:
    return hmac.compare_digest(str(form.get("csrf", "")), csrf_token())


def current_staff():
    from portal.ehulp.models import Worker
    worker = db.session.get(Worker, session.get("worker_id") or 0)
    return worker if worker is not None and worker.active else None


def staff_required(right: str | None = None):
    """Log in first; then the right (403 without it); a POST needs the form's
    CSRF token. Puts the account in `g.worker`."""
    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            worker = current_staff()
            if worker is None:
                return redirect(url_for("console.login", next=request.path))
            if right is not None and not can(worker, right):
                abort(403)
            if request.method == "POST" and not csrf_valid(request.form):
                abort(400, _("Het formulier is verlopen. Laad de pagina opnieuw."))
            g.worker = worker
            worker.last_seen = utcnow()
            return view(*args, **kwargs)
        return wrapped
    return decorator


def home_for(worker) -> str:
    """The start page for this account after logging in."""
    for right, endpoint in HOME:
        if can(worker, right) and endpoint in current_app.view_functions:
            return url_for(endpoint)
    return url_for("console.login")


def same_origin(headers, host: str) -> bool:
    """A form or API call sent from a page of this site. Browsers send Origin
    with every cross-site POST; without it the request did not come from
    another site's page."""
    origin = headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == host


def safe_next(target: str) -> bool:
    """Only a local staff page is a safe place to return to after login."""
    return target.startswith(PROTECTED_PREFIXES) and not target.startswith("//")
