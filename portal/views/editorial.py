"""De redactie: lokale artikelen schrijven, nakijken en publiceren."""
from __future__ import annotations

from flask import Blueprint, current_app, g
from flask_babel import lazy_gettext as _l

from portal import access

bp = Blueprint("editorial", __name__, url_prefix="/redactie")

# The editorial menu: (endpoint, label, right). A link shows when its page
# exists and the account has the right.
NAV = (
    ("editorial.dashboard", _l("Overzicht"), "edit"),
    ("editorial.articles", _l("Artikelen"), "edit"),
    ("editorial.review", _l("Nakijken"), "edit"),
    ("national.changes", _l("Landelijke inhoud"), "sync"),
    ("board.admin_news", _l("Nieuws en agenda"), "board"),
    ("board.admin_courses", _l("Cursussen en activiteiten"), "board"),
    ("board.admin_poll", _l("Poll"), "board"),
    ("board.newsletter", _l("Nieuwsbrief"), "board"),
    ("stories.moderation", _l("Verhalen"), "moderate"),
    ("editorial.audit", _l("Logboek"), "publish"),
)


@bp.app_context_processor
def editorial_nav():
    """The menu entries the logged-in account may use, for templates/editorial/base.html."""
    worker = g.get("worker")
    entries = [(endpoint, label) for endpoint, label, right in NAV
               if endpoint in current_app.view_functions and access.can(worker, right)]
    return {"editorial_nav": entries, "can": lambda right: access.can(g.get("worker"), right)}
