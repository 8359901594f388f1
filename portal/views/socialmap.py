"""The social map: /sociale-kaart with its entries and locations, /inloop, the
calendar feeds, the editors' form, and the JSON API (docs/api.md).
`flask socialmap import` comes with this blueprint."""
from __future__ import annotations

import datetime as dt

from flask import (Blueprint, Response, abort, current_app, flash, jsonify, redirect, render_template, request,
                   session, url_for)
from flask_babel import get_locale
from flask_babel import gettext as _

from portal import municipality, taxonomy
from portal.extensions import db
from portal.numbers import whole_number
from portal.site import crisis_lines
from portal.socialmap import directory, display, editor, export, ics, jsonld, serialize
from portal.socialmap.cli import import_command
from portal.socialmap.directory import Filters
from portal.socialmap.records import hsds_id

bp = Blueprint("socialmap", __name__, cli_group="socialmap")
bp.cli.help = "De sociale kaart importeren."
bp.cli.add_command(import_command)
MAX_LIMIT = 50
WALK_IN, PHONE, ONLINE = "cjg-inloop", "cjg-telefoon", "e-hulp"
EXAMPLE_HOURS = "Voorbeeldtijden: deze tijden zijn een voorbeeld en worden nog gecontroleerd."


def _place() -> str:
    return municipality()["slug"]


def _page(template: str, **context):
    """A page of vCJG, or of JongIn with ?site=jongin."""
    site = "jongin" if request.args.get("site") == "jongin" else "vcjg"
    return render_template(template, site=site, site_args={"site": site} if site == "jongin" else {},
                           lang=str(get_locale() or "nl"), display=display, **context)


def _by_category(category: str, at: dt.datetime):
    return directory.find_services(db.session, _place(), Filters(category=category), at)


# --- pages -----------------------------------------------------------------------

@bp.get("/sociale-kaart")
def index():
    filters, problems = directory.parse_filters(request.args, taxonomy())
    at = directory.now()
    found = directory.find_services(db.session, _place(), filters, at)
    return _page("socialmap/index.html", filters=filters, problems=problems, services=found,
                 statuses={s.id: directory.status(s.schedules, at) for s in found},
                 languages=directory.languages_in_use(db.session, _place()))


@bp.get("/sociale-kaart/<slug>")
def entry(slug):
    svc = directory.service(db.session, slug, _place()) or abort(404)
    at = directory.now()
    own = directory.status([svc.own_schedule], at) if svc.schedule else None
    here = [(sal, directory.status([sal.hours] if sal.schedule else [], at)) for sal in svc.published_locations]
    overall = directory.status(svc.schedules, at)
    data = jsonld.service_jsonld(svc, request.url_root, municipality()["name"], overall.today)
    return _page("socialmap/entry.html", svc=svc, own=own, here=here, overall=overall, jsonld=data)


@bp.get("/sociale-kaart/locatie/<slug>")
def location(slug):
    loc = directory.location(db.session, slug, _place()) or abort(404)
    at = directory.now()
    return _page("socialmap/location.html", loc=loc, services=directory.services_at(loc),
                 status=directory.status(directory.location_schedules(loc), at))


@bp.get("/inloop")
def walk_in():
    at = directory.now()
    points = [(sal, directory.status([sal.hours] if sal.schedule else [], at))
              for svc in _by_category(WALK_IN, at) for sal in svc.published_locations]
    phone = [(svc, directory.status(svc.schedules, at)) for svc in _by_category(PHONE, at)]
    online = [(svc, directory.status(svc.schedules, at)) for svc in _by_category(ONLINE, at)]
    return _page("socialmap/walk_in.html", points=points, phone=phone, online=online)


# --- calendar feeds --------------------------------------------------------------

def _calendar(name: str, uid: str, filename: str, sals) -> Response:
    root = request.url_root.rstrip("/")
    entries = [ics.Entry(uid=f"{hsds_id('service', sal.service.municipality, sal.service.slug)}-{sal.location.slug}",
                         summary=f"{sal.service.name}: {sal.location.name}",
                         location=", ".join(t for t in (sal.location.name, sal.location.address) if t),
                         url=root + serialize.service_path(sal.service.slug), schedule=sal.hours,
                         note=EXAMPLE_HOURS if sal.hours.example else "")
               for sal in sals if sal.schedule]
    body = ics.calendar(name, uid, entries, directory.now().date(), dt.datetime.now(dt.timezone.utc))
    return Response(body, mimetype="text/calendar", headers={"Content-Disposition": f'inline; filename="{filename}"'})


@bp.get("/inloop.ics")
def walk_in_calendar():
    sals = [sal for svc in _by_category(WALK_IN, directory.now()) for sal in svc.published_locations]
    return _calendar(f"Inloopspreekuren {municipality()['cjg_name']}", f"inloop-{_place()}", "inloop.ics", sals)


@bp.get("/sociale-kaart/locatie/<slug>.ics")
def location_calendar(slug):
    loc = directory.location(db.session, slug, _place()) or abort(404)
    return _calendar(loc.name, hsds_id("location", loc.municipality, loc.slug), f"{loc.slug}.ics",
                     directory.services_at(loc))


# --- the editors' form -----------------------------------------------------------

@bp.route("/sociale-kaart/<slug>/bewerken", methods=["GET", "POST"])
def edit(slug):
    password = editor.editor_password(current_app.config)
    if not password:
        return _page("socialmap/edit_off.html"), 403
    if not editor.authorized(request.authorization, password):
        return _page("socialmap/edit_denied.html"), 401, {
            "WWW-Authenticate": 'Basic realm="Redactie sociale kaart", charset="UTF-8"'}
    svc = directory.service(db.session, slug, _place()) or abort(404)
    form, status, stale = editor.EditForm.of(svc), 200, False
    if request.method == "POST":
        form = editor.EditForm.read(request.form, svc)
        stale = not editor.csrf_valid(session, request.form.get("csrf_token"))
        if not stale and not form.errors:
            form.apply(svc, directory.now().date())
            db.session.commit()
            flash(_("De wijzigingen zijn opgeslagen."))
            return redirect(url_for("socialmap.entry", slug=svc.slug))
        status = 400
    response = Response(_page("socialmap/edit.html", svc=svc, form=form, stale=stale,
                              csrf_token=editor.csrf_token(session)), status)
    response.headers["Cache-Control"] = "no-store"
    return response


# --- JSON API --------------------------------------------------------------------

def _query() -> tuple[Filters, dt.datetime, int]:
    """Filters, moment and limit of an API request; a 400 names what is wrong."""
    filters, problems = directory.parse_filters(request.args, taxonomy())
    if problems:
        abort(400, "; ".join(p.message for p in problems))
    raw_at = request.args.get("at")
    try:
        at = directory.parse_moment(raw_at) if raw_at else directory.now()
    except ValueError:
        abort(400, f"at must be an ISO 8601 moment such as 2026-12-29T10:00:00+01:00 (without an offset it is "
                   f"Europe/Amsterdam time), not '{raw_at}'")
    raw_limit = request.args.get("limit") or str(MAX_LIMIT)
    limit = whole_number(raw_limit, 1, MAX_LIMIT)
    if limit is None:
        abort(400, f"limit must be a number from 1 to {MAX_LIMIT}, not '{raw_limit}'")
    return filters, at, limit


@bp.get("/api/services")
def api_services():
    filters, at, limit = _query()
    found = directory.find_services(db.session, _place(), filters, at)
    return jsonify({"total": len(found), "items": [serialize.service_item(s, at) for s in found[:limit]]})


@bp.get("/api/services/<slug>")
def api_service(slug):
    _filters, at, _limit = _query()
    svc = directory.service(db.session, slug, _place()) or abort(404)
    return jsonify(serialize.service_item(svc, at, full=True))


@bp.get("/api/locations")
def api_locations():
    filters, at, limit = _query()
    found = directory.find_locations(db.session, _place(), filters.wijk, filters.category)
    return jsonify({"total": len(found), "items": [serialize.location_item(loc, at) for loc in found[:limit]]})


@bp.get("/api/locations/<slug>")
def api_location(slug):
    _filters, at, _limit = _query()
    loc = directory.location(db.session, slug, _place()) or abort(404)
    return jsonify(serialize.location_detail(loc, at))


@bp.get("/api/crisis-lines")
def api_crisis_lines():
    return jsonify({"lines": [serialize.crisis_line(line) for line in crisis_lines()]})


@bp.get("/api/hsds/services")
def api_hsds_services():
    found = directory.find_services(db.session, _place(), Filters(), directory.now())
    docs = export.hsds_services(found, taxonomy())
    return jsonify({"total_items": len(docs), "total_pages": 1, "page_number": 1, "size": len(docs),
                    "first_page": True, "last_page": True, "empty": not docs, "contents": docs})
