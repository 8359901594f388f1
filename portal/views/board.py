"""Nieuws, agenda, cursussen en activiteiten, de poll en de nieuwsbrief.

Public pages on vCJG (/nieuws, /agenda, /cursussen, /peiling) and JongIn
(/jongeren/nieuws, /jongeren/activiteiten, /jongeren/peiling), the blocks on
both home pages (`home_blocks`, `home_vary`), and the eindredacteur's screens
under /redactie (right "board"). The logic is in portal/board/."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from flask import (Blueprint, Response, abort, current_app, flash, g, redirect, render_template, request,
                   url_for)
from flask_babel import force_locale, format_date, get_locale
from flask_babel import gettext as _
from markupsafe import Markup

from portal import access, municipality, taxonomy
from portal.board import display, forms, ics, listing, newsletter, polls
from portal.board.models import AgendaItem, Course, NewsItem, Poll
from portal.content import compose
from portal.content.parse import INTERNAL_LINK_RE
from portal.content.render import render
from portal.ehulp.queue import audit
from portal.extensions import db
from portal.models import utcnow
from portal.ratelimit import too_many

bp = Blueprint("board", __name__)

HOME_ITEMS = 3
ID = "int(max=2147483647)"  # a number in the URL that fits the database's integer column
# Where each site shows the board's items.
PAGES = {"vcjg": {"home": "vcjg.home", "news": "board.news", "news_item": "board.news_item",
                  "agenda": "board.agenda", "courses": "board.courses", "poll": "board.poll",
                  "ics": "board.agenda_ics"},
         "jongin": {"home": "jongin.home", "news": "board.youth_news", "news_item": "board.youth_news_item",
                    "agenda": "board.activities", "courses": "board.activities", "poll": "board.youth_poll",
                    "ics": "board.activities_ics"}}
BASE = {"vcjg": "vcjg/base.html", "jongin": "jongin/base.html"}


def _place() -> str:
    return municipality()["slug"]


def _locale() -> str:
    return str(get_locale() or "nl")


def item_url(item, external: bool = False, site: str | None = None) -> str:
    """The public address of a news item, event or course: on `site` when it shows there, else on its own site."""
    site = site if site in listing.sites_of(item) else listing.sites_of(item)[0]
    if isinstance(item, NewsItem):
        return url_for(PAGES[site]["news_item"], item_id=item.id, slug=listing.slug(item.title), _external=external)
    if isinstance(item, AgendaItem):
        return url_for(PAGES[site]["agenda"], _anchor=f"agenda-{item.id}", _external=external)
    return url_for(PAGES[site]["courses"], _anchor=f"cursus-{item.id}", _external=external)


def _event_when(item) -> str:
    return display.event_when(item.starts_at, item.ends_at, _locale())


def _course_days(item) -> str:
    return display.days(item.starts_on, item.ends_on, _locale())


@bp.app_context_processor
def board_helpers():
    """Links and dates of the board's items, for its templates and the home pages."""
    return {"board_url": item_url, "poll_results": polls.results, "event_when": _event_when,
            "course_days": _course_days, "news_day": lambda item: format_date(item.publishes_on, "long"),
            "event_place": lambda item: f"{_event_when(item)} · {item.place}",
            "course_place": lambda item: f"{_course_days(item)} · {item.place}"}


def _public(site: str, template: str, status: int = 200, **context):
    return render_template(template, site=site, base=BASE[site], pages=PAGES[site], **context), status


# --- the home pages ----------------------------------------------------------------

def _voted() -> set[int]:
    return polls.voted_in(request.cookies.get(polls.COOKIE), current_app.config["SECRET_KEY"])


def home_blocks(site: str) -> dict:
    """What the home page of a site shows: the latest news, events and courses, and the open poll."""
    now, place = listing.local_now(), _place()
    poll = polls.active(db.session, place, site, now.date())
    return {"site": site, "pages": PAGES[site], "poll": poll, "voted": poll is not None and poll.id in _voted(),
            "news": listing.news(db.session, place, site, now, HOME_ITEMS),
            "agenda": listing.agenda(db.session, place, site, now, HOME_ITEMS),
            "courses": listing.courses(db.session, place, site, now, HOME_ITEMS)}


def home_vary(site: str) -> tuple:
    """For the page cache: a home page differs for visitors who voted in the
    open poll, and is rebuilt when an item changes or a minute has passed
    (events end on the minute, news and courses at midnight)."""
    now = listing.local_now()
    poll = polls.active(db.session, _place(), site, now.date())
    voted = poll is not None and poll.id in _voted()
    return voted, (listing.version(db.session, _place()), now.replace(second=0))


# --- public pages --------------------------------------------------------------------

def _news_list(site: str):
    items = listing.news(db.session, _place(), site, listing.local_now())
    return _public(site, "board/news.html", items=items)


def _news_item(site: str, item_id: int, slug: str):
    item = listing.news_item(db.session, _place(), item_id, listing.local_now()) or abort(404)
    if site not in listing.sites_of(item):
        return redirect(item_url(item), 301)
    if slug != listing.slug(item.title):
        return redirect(url_for(PAGES[site]["news_item"], item_id=item.id, slug=listing.slug(item.title)), 301)
    paths = compose.link_paths(db.session, INTERNAL_LINK_RE.findall(item.body))
    return _public(site, "board/news_item.html", item=item, body=Markup(render(item.body, municipality(), paths)))


@bp.get("/nieuws")
def news():
    return _news_list("vcjg")


@bp.get(f"/nieuws/<{ID}:item_id>", defaults={"slug": ""})
@bp.get(f"/nieuws/<{ID}:item_id>-<slug>")
def news_item(item_id, slug):
    return _news_item("vcjg", item_id, slug)


@bp.get("/jongeren/nieuws")
def youth_news():
    return _news_list("jongin")


@bp.get(f"/jongeren/nieuws/<{ID}:item_id>", defaults={"slug": ""})
@bp.get(f"/jongeren/nieuws/<{ID}:item_id>-<slug>")
def youth_news_item(item_id, slug):
    return _news_item("jongin", item_id, slug)


@bp.get("/agenda")
def agenda():
    now = listing.local_now()
    return _public("vcjg", "board/agenda.html", events=listing.agenda(db.session, _place(), "vcjg", now))


@bp.get("/cursussen")
def courses():
    """The course offer for parents and professionals, to narrow down by audience and age."""
    tax = taxonomy()
    audience = request.args.get("voor") if request.args.get("voor") in listing.SITE_AUDIENCES["vcjg"] else None
    phase = request.args.get("leeftijd") if request.args.get("leeftijd") in tax.age_phases else None
    found = listing.courses(db.session, _place(), "vcjg", listing.local_now())
    shown = [c for c in found if (audience is None or audience in c.audiences)
             and (phase is None or not c.age_phases or phase in c.age_phases)]
    return _public("vcjg", "board/courses.html", courses=shown, total=len(found), audience=audience, phase=phase,
                   audiences=[tax.audiences[a] for a in listing.SITE_AUDIENCES["vcjg"]])


@bp.get("/jongeren/activiteiten")
def activities():
    now = listing.local_now()
    return _public("jongin", "board/activities.html", events=listing.agenda(db.session, _place(), "jongin", now),
                   courses=listing.courses(db.session, _place(), "jongin", now))


def _calendar(site: str, name: str, filename: str) -> Response:
    items = listing.agenda(db.session, _place(), site, listing.local_now())
    body = ics.calendar(name, f"agenda-{_place()}-{site}", items, url_for(PAGES[site]["agenda"], _external=True),
                        dt.datetime.now(dt.timezone.utc))
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": f'inline; filename="{filename}"'})


@bp.get("/agenda.ics")
def agenda_ics():
    return _calendar("vcjg", f"Agenda {municipality()['cjg_name']}", "agenda.ics")


@bp.get("/jongeren/activiteiten.ics")
def activities_ics():
    return _calendar("jongin", f"{municipality()['jongin_name']}: activiteiten", "activiteiten.ics")


# --- the poll ------------------------------------------------------------------------

def _poll_page(site: str, poll_id: int):
    now = listing.local_now()
    poll = db.session.get(Poll, poll_id)
    if poll is None or poll.municipality != _place() or site not in listing.sites_of(poll) \
            or poll.state(now) == "planned":
        abort(404)
    voted = poll.id in _voted()
    state, status, error, message = poll.state(now), 200, None, None
    if request.method == "POST":
        option = request.form.get("option", "")
        if state == "expired":
            message, status = _("Deze poll is gesloten. Dit is de uitslag."), 409
        elif voted:
            message, status = _("Je hebt al gestemd op deze vraag. Je stem telt één keer. Dit is de uitslag tot "
                                "nu toe."), 409
        elif too_many("poll-vote", current_app.config.get("POLL_RATE_LIMIT", 10)):
            error, status = _("Er wordt nu heel vaak gestemd vanaf deze verbinding. Probeer het over een minuut "
                              "opnieuw."), 429
        elif not polls.vote(db.session, poll, option):
            error, status = _("Kies een van de antwoorden en klik dan op ‘Stem’."), 400
        else:
            db.session.commit()
            response = redirect(url_for(PAGES[site]["poll"], poll_id=poll.id, _anchor="uitslag"), 303)
            response.set_cookie(polls.COOKIE, polls.cookie_with(_voted(), poll.id, current_app.config["SECRET_KEY"]),
                                max_age=polls.COOKIE_DAYS * 86400, httponly=True, samesite="Lax",
                                secure=request.is_secure)
            return response
    show_results = voted or state == "expired"
    return _public(site, "board/poll.html", status, poll=poll, voted=voted, closed=state == "expired",
                   results=polls.results(poll) if show_results else None, error=error, message=message)


@bp.route(f"/peiling/<{ID}:poll_id>", methods=["GET", "POST"])
def poll(poll_id):
    return _poll_page("vcjg", poll_id)


@bp.route(f"/jongeren/peiling/<{ID}:poll_id>", methods=["GET", "POST"])
def youth_poll(poll_id):
    return _poll_page("jongin", poll_id)


# --- the editors' screens ------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    """One kind of item the editors keep, with its form and where its list is."""
    model: type
    read: Callable  # (form, item) -> forms.Reader
    typed: Callable  # (item or None) -> the form's values
    template: str
    listing: str
    audit: str


def _read_poll(form, item):
    reader = forms.read_poll(form, options_locked=item is not None and item.total > 0)
    v = reader.values
    if v["site"] and v["starts_on"] and v["ends_on"] and "ends_on" not in reader.errors:
        other = polls.conflicting(db.session, _place(), v["site"], v["starts_on"], v["ends_on"],
                                  item.id if item else None)
        if other is not None:
            reader.fail("starts_on", _("Op deze dagen staat al een poll op dezelfde site: ‘%(question)s’ "
                                       "(%(first)s tot en met %(last)s). Er kan één poll tegelijk open zijn. "
                                       "Kies andere dagen of een andere site.", question=other.question,
                                       first=other.starts_on.strftime("%d-%m-%Y"),
                                       last=other.ends_on.strftime("%d-%m-%Y")))
    return reader


KINDS = {
    "nieuws": Kind(NewsItem, lambda form, item: forms.read_news(form),
                   lambda item: forms.typed_news(item, listing.local_now().date()), "board/admin/news_form.html",
                   "board.admin_news", "news"),
    "agenda": Kind(AgendaItem, lambda form, item: forms.read_agenda(form), forms.typed_agenda,
                   "board/admin/agenda_form.html", "board.admin_news", "agenda"),
    "cursussen": Kind(Course, lambda form, item: forms.read_course(form, taxonomy().age_phases),
                      forms.typed_course, "board/admin/course_form.html", "board.admin_courses", "course"),
    "poll": Kind(Poll, _read_poll, forms.typed_poll, "board/admin/poll_form.html", "board.admin_poll", "poll"),
}
KIND_PATH = "<any(nieuws, agenda, cursussen, poll):kind>"


def _title(item) -> str:
    return item.question if isinstance(item, Poll) else item.title


def _item(kind: Kind, item_id: int):
    item = db.session.get(kind.model, item_id)
    if item is None or item.municipality != _place():
        abort(404)
    return item


def _admin(template: str, status: int = 200, **context):
    return render_template(template, now=listing.local_now(), **context), status


@bp.get("/redactie/nieuws")
@access.staff_required("board")
def admin_news():
    return _admin("board/admin/news.html", news=listing.all_items(db.session, _place(), NewsItem),
                  events=listing.all_items(db.session, _place(), AgendaItem))


@bp.get("/redactie/cursussen")
@access.staff_required("board")
def admin_courses():
    return _admin("board/admin/courses.html", courses=listing.all_items(db.session, _place(), Course))


@bp.get("/redactie/poll")
@access.staff_required("board")
def admin_poll():
    return _admin("board/admin/polls.html", polls=listing.all_items(db.session, _place(), Poll))


def _form(kind_name: str, item=None):
    kind = KINDS[kind_name]
    if request.method == "GET":
        return _admin(kind.template, kind=kind_name, item=item, form=kind.typed(item), errors={})
    reader = kind.read(request.form, item)
    if not reader.ok:
        return _admin(kind.template, 400, kind=kind_name, item=item, form=reader.typed, errors=reader.errors)
    created = item is None
    if created:
        item = kind.model(municipality=_place())
        db.session.add(item)
    for name, value in reader.values.items():
        if name == "options":
            polls.set_options(item, value)
        else:
            setattr(item, name, value)
    item.updated_at = utcnow()
    audit(db.session, g.worker, f"{kind.audit}.{'create' if created else 'update'}", _title(item))
    db.session.commit()
    flash(_("Opgeslagen: %(title)s", title=_title(item)))
    return redirect(url_for(kind.listing, _anchor=f"{kind.audit}-{item.id}"))


@bp.route(f"/redactie/{KIND_PATH}/nieuw", methods=["GET", "POST"])
@access.staff_required("board")
def create(kind):
    return _form(kind)


@bp.route(f"/redactie/{KIND_PATH}/<{ID}:item_id>", methods=["GET", "POST"])
@access.staff_required("board")
def edit(kind, item_id):
    return _form(kind, _item(KINDS[kind], item_id))


@bp.route(f"/redactie/{KIND_PATH}/<{ID}:item_id>/verwijderen", methods=["GET", "POST"])
@access.staff_required("board")
def delete(kind, item_id):
    spec = KINDS[kind]
    item = _item(spec, item_id)
    if request.method == "GET":
        return _admin("board/admin/delete.html", kind=kind, item=item, title=_title(item))
    title = _title(item)
    db.session.delete(item)
    audit(db.session, g.worker, f"{spec.audit}.delete", title)
    db.session.commit()
    flash(_("Verwijderd: %(title)s", title=title))
    return redirect(url_for(spec.listing))


# --- the newsletter ------------------------------------------------------------------

def _subject() -> str:
    """The newsletter is for parents in Dutch, whatever language the editor's screens are in."""
    with force_locale("nl"):
        return _("Nieuwsbrief %(cjg)s, %(month)s", cjg=municipality()["cjg_name"],
                 month=display.month(listing.local_now().date(), "nl"))


@bp.route("/redactie/nieuwsbrief", methods=["GET", "POST"], endpoint="newsletter")
@access.staff_required("board")
def newsletter_page():
    weeks = newsletter.weeks(request.values.get("weken"))
    offered = newsletter.candidates(db.session, _place(), listing.local_now(), weeks)
    context = {"weeks": weeks, "offered": offered, "key": newsletter.key, "max_weeks": newsletter.MAX_WEEKS}
    if request.method == "GET":
        form = {"subject": _subject(), "intro": "", "pick": {newsletter.key(i) for i in offered.items}}
        return _admin("board/admin/newsletter.html", form=form, errors={}, **context)
    reader, issue = newsletter.read(request.form, offered)
    if not reader.ok:
        return _admin("board/admin/newsletter.html", 400, form=reader.typed, errors=reader.errors, **context)
    letter = {"subject": reader.values["subject"], "intro": newsletter.paragraphs(reader.values["intro"]),
              "issue": issue, "home": url_for("vcjg.home", _external=True)}
    action = request.form.get("action")
    if action not in ("html", "text"):
        with force_locale("nl"):
            preview = render_template("board/email/newsletter.txt", **letter)
        return _admin("board/admin/newsletter.html", form=reader.typed, errors={}, preview=preview, **context)
    audit(db.session, g.worker, "newsletter.export", reader.values["subject"])
    db.session.commit()
    extension, mimetype = ("html", "text/html") if action == "html" else ("txt", "text/plain")
    with force_locale("nl"):
        body = render_template(f"board/email/newsletter.{extension}", **letter)
    filename = f"nieuwsbrief-{listing.local_now():%Y-%m-%d}.{extension}"
    return Response(body, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})
