"""De redactie: lokale artikelen schrijven, nakijken en publiceren."""
from __future__ import annotations

import datetime as dt
import math
import time

from flask import Blueprint, abort, current_app, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy import func, select

from portal import access, municipality, search_index, taxonomy
from portal.content import compose, indexing
from portal.content.parse import INTERNAL_LINK_RE
from portal.content.render import article_path, render
from portal.editorial import checks, diff, overview, revisions, scheduling, workflow
from portal.editorial.form import read_draft, slugify
from portal.editorial.locking import StaleVersion, parse_version
from portal.editorial.revisions import Draft
from portal.ehulp import accounts
from portal.ehulp.models import AuditEntry, Worker
from portal.ehulp.queue import audit
from portal.extensions import db
from portal.models import Article
from portal.numbers import whole_number
from portal.socialmap.hours import TZ
from portal.taxonomy import load_municipalities

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
    ("editorial.accounts", _l("Accounts"), "accounts"),
)

STATE_LABELS = {"draft": _l("Concept"), "review": _l("Ter beoordeling"), "published": _l("Gepubliceerd"),
                "scheduled": _l("Gepland"), "unpublished": _l("Offline")}
ACTION_LABELS = {"import": _l("Uit de inhoudsbestanden"), "create": _l("Aangemaakt"), "save": _l("Opgeslagen"),
                 "submit": _l("Ter beoordeling aangeboden"), "publish": _l("Gepubliceerd"),
                 "publish_due": _l("Gepubliceerd (gepland)"), "schedule": _l("Gepland"),
                 "unpublish": _l("Offline gehaald"), "send_back": _l("Teruggestuurd"),
                 "restore": _l("Oude versie teruggezet")}
FIELD_LABELS = {"slug": _l("Adres (slug)"), "title": _l("Titel"), "summary": _l("Samenvatting"),
                "body": _l("Tekst"), "audience": _l("Doelgroepen"), "theme": _l("Thema's"),
                "age_phase": _l("Leeftijden"), "addition_to": _l("Aanvulling op"),
                "review_by": _l("Controleren vóór"), "example": _l("Voorbeeldgegevens")}
STEP_DONE = {"submit": _l("Het artikel wacht nu op beoordeling door de eindredactie."),
             "publish": _l("Het artikel staat online. Zoeken en de assistent vinden het meteen."),
             "schedule": _l("Het artikel is gepland."),
             "unpublish": _l("Het artikel staat offline. Zoeken en de assistent tonen het niet meer."),
             "send_back": _l("Het artikel is teruggestuurd naar de schrijver, met je opmerking."),
             "restore": _l("De oude versie is teruggezet als nieuwste versie. Bied het artikel opnieuw aan om "
                           "het te publiceren.")}
WORKFLOW_ERRORS = {
    "national": _l("Landelijke artikelen kun je hier alleen lezen. Schrijf een aanvulling voor je gemeente."),
    "not_now": _l("Deze stap kan niet in de huidige status van het artikel."),
    "unchanged": _l("Er was niets veranderd; er is geen nieuwe versie gemaakt."),
    "past": _l("Kies een moment in de toekomst."),
    "note": _l("Schrijf kort wat de schrijver moet aanpassen."),
    "no_revision": _l("Die versie bestaat niet."),
}
STALE = _l("Iemand anders heeft dit artikel intussen veranderd. Bekijk de nieuwste versie en probeer het opnieuw.")
AUDIT_PAGE = 50


@bp.app_context_processor
def editorial_nav():
    """The menu entries the logged-in account may use, for templates/editorial/base.html."""
    worker = g.get("worker")
    entries = [(endpoint, label) for endpoint, label, right in NAV
               if endpoint in current_app.view_functions and access.can(worker, right)]
    return {"editorial_nav": entries, "can": lambda right: access.can(g.get("worker"), right)}


@bp.before_app_request
def publish_due_lazily():
    """Scheduled publication without a worker: while pages and the API are
    served, each process looks at most every EDITORIAL_DUE_CHECK_SECONDS
    whether something is due (one indexed query) and publishes it."""
    if request.method not in ("GET", "HEAD") or request.path.startswith("/static/"):
        return
    checked = current_app.extensions.setdefault("editorial_due_check", [-math.inf])
    now = time.monotonic()
    if now - checked[0] < current_app.config.get("EDITORIAL_DUE_CHECK_SECONDS", 10):
        return
    checked[0] = now
    if scheduling.is_due(db.session):
        went_live(scheduling.publish_due(db.session, today=today()))


def went_live(slugs: list[str]) -> None:
    """What the public sees changed: the search index follows at once (the
    page cache follows Article.updated_at)."""
    indexing.refresh(db.session, search_index(), municipality(), slugs)


def today() -> dt.date:
    return dt.datetime.now(TZ).date()


def _may(right: str) -> bool:
    return access.can(g.worker, right)


def _article(article_id: int) -> Article:
    """An article the editors of this municipality may see: national or their own."""
    item = db.session.get(Article, article_id)
    if item is None or (item.source == "local" and item.municipality != municipality()["slug"]):
        abort(404)
    return item


def _page() -> int:
    raw = request.args.get("pagina", "1")
    return whole_number(raw, 1, 10_000) or 1


@bp.get("/")
@access.staff_required("edit")
def dashboard():
    place, day = municipality()["slug"], today()
    return render_template("editorial/dashboard.html", review=overview.in_state(db.session, place, "review"),
                           scheduled=overview.in_state(db.session, place, "scheduled"),
                           drafts=overview.in_state(db.session, place, "draft"),
                           overdue=overview.review_overdue(db.session, place, day),
                           soon=overview.review_soon(db.session, place, day), soon_days=overview.SOON_DAYS,
                           **_labels())


def _labels() -> dict:
    return {"states": STATE_LABELS, "action_labels": ACTION_LABELS, "field_labels": FIELD_LABELS,
            "local_time": _local_time}


def _local_time(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(TZ).strftime("%d-%m-%Y %H:%M")


@bp.get("/artikelen")
@access.staff_required("edit")
def articles():
    state = request.args.get("status", "")
    state = state if state in workflow.STATES else ""
    source = request.args.get("bron", "")
    source = source if source in ("national", "local") else ""
    text = " ".join(request.args.get("q", "").split())[:100]
    page = _page()
    items, total = overview.listing(db.session, municipality()["slug"], state=state, source=source, text=text,
                                    page=page)
    return render_template("editorial/articles.html", items=items, total=total, page=page,
                           pages=max(1, -(-total // overview.PAGE_SIZE)), state=state, source=source, text=text,
                           **_labels())


@bp.get("/nakijken")
@access.staff_required("edit")
def review():
    place = municipality()["slug"]
    waiting = [(a, revisions.latest(db.session, a)) for a in overview.in_state(db.session, place, "review")]
    return render_template("editorial/review.html", waiting=waiting,
                           scheduled=overview.in_state(db.session, place, "scheduled"), **_labels())


@bp.get("/artikelen/<int:article_id>")
@access.staff_required("edit")
def article(article_id):
    item = _article(article_id)
    copy = revisions.working_copy(db.session, item)
    history = revisions.history(db.session, item)
    return render_template("editorial/article.html", item=item, copy=copy, history=history,
                           preview=_preview(copy), steps=workflow.steps_for(item, _may),
                           editable=workflow.editable(item), live_path=article_path(item.slug, item.audiences),
                           pending=item.published and item.state in ("draft", "review", "scheduled"),
                           additions=overview.additions_of(db.session, municipality()["slug"], item.slug)
                           if item.source == "national" else [],
                           note=next((r.note for r in history if r.action == "send_back"), "")
                           if item.state == "draft" else "", **_labels())


def _preview(draft: Draft) -> Markup:
    paths = compose.link_paths(db.session, INTERNAL_LINK_RE.findall(draft.body))
    return Markup(render(draft.body, municipality(), paths))


# --- writing ---------------------------------------------------------------------


@bp.route("/artikelen/nieuw", methods=["GET", "POST"])
@access.staff_required("edit")
def new():
    if request.method == "POST":
        return _editor(None)
    national = request.args.get("aanvulling_op", "")
    base = db.session.scalar(select(Article).where(Article.slug == national, Article.source == "national"))
    draft = Draft("", "", "", {}, None, today() + dt.timedelta(days=365))
    if base is not None:
        draft.addition_to, draft.tags = base.slug, {f: base.facet(f) for f in revisions.FACETS}
        draft.title = f"In {municipality()['name']}: "  # the start of a Dutch title, not interface text
    return _form(None, draft, slug="")


@bp.route("/artikelen/<int:article_id>/bewerken", methods=["GET", "POST"])
@access.staff_required("edit")
def edit(article_id):
    item = _article(article_id)
    if not workflow.editable(item):
        if request.method == "POST":
            abort(403)
        flash(WORKFLOW_ERRORS["national"])
        return redirect(url_for("editorial.article", article_id=item.id))
    if request.method == "POST":
        return _editor(item)
    return _form(item, revisions.working_copy(db.session, item), slug=item.slug, version=item.version)


def _form(item, draft: Draft, *, slug: str, version: int | None = None, errors=None, preview=None,
          conflict=None, status: int = 200):
    """The edit form with the writing checks; what was typed is always kept."""
    place = municipality()
    feedback = checks.feedback(draft, slug, place["slug"], checks.known_articles(db.session), load_municipalities())
    return render_template("editorial/edit.html", item=item, draft=draft, slug=slug, version=version,
                           errors=errors or {}, preview=preview, conflict=conflict, feedback=feedback,
                           nationals=overview.national_choices(db.session), **_labels()), status


def _editor(item: Article | None):
    """Handle a posted form: preview, or save and perhaps submit or publish."""
    intent = request.form.get("intent", "save")
    if intent == "publish" and not _may("publish"):
        abort(403)
    place = municipality()
    draft, unread = read_draft(request.form, taxonomy(), revisions.working_copy(db.session, item) if item else None)
    slug = item.slug if item else (request.form.get("slug", "").strip().lower() or slugify(draft.title))
    expected = parse_version(request.form.get("version")) if item else None
    if intent == "preview":
        return _form(item, draft, slug=slug, version=expected, preview=_preview(draft))
    errors = _errors(item, draft, slug, unread)
    if not slug and "title" in errors:
        errors.pop("slug", None)  # it comes from the title: the title's message says it all
    if errors:
        return _form(item, draft, slug=slug, version=expected, errors=errors, status=422)
    try:
        if item is None:
            item = workflow.create(db.session, slug, place["slug"], g.worker, draft)
        else:
            workflow.save(db.session, item, g.worker, expected if expected is not None else -1, draft)
        db.session.commit()
    except StaleVersion:
        db.session.rollback()
        newest = revisions.working_copy(db.session, item)
        return _form(item, draft, slug=slug, version=item.version, conflict=diff.compare(newest, draft),
                     status=409)
    except workflow.WorkflowError as exc:  # "unchanged": no new revision, but the step may still be wanted
        db.session.rollback()
        flash(WORKFLOW_ERRORS[exc.code])
    else:
        flash(_("Opgeslagen."))
    already = {"submit": "review", "publish": "published"}.get(intent)
    if already is not None and item.state != already:
        return _take_step(item, intent, item.version)
    return redirect(url_for("editorial.article", article_id=item.id))


def _errors(item, draft: Draft, slug: str, unread: dict[str, str]) -> dict[str, str]:
    """Messages by form field for what must be right before saving."""
    errors = {name: (_("Dit is geen datum.") if code == "date" else
                     _("De tekst is te lang; maak hem korter.")) for name, code in unread.items()}
    found = checks.validate(draft, slug, municipality()["slug"], taxonomy(), load_municipalities(), today())
    for name, message in found.items():
        errors.setdefault(name, message)
    if item is None and "slug" not in errors and db.session.scalar(select(Article.id).where(Article.slug == slug)):
        errors["slug"] = _("Er is al een artikel met dit adres. Kies een ander.")
    if draft.addition_to and draft.addition_to not in dict(overview.national_choices(db.session)):
        errors["addition_to"] = _("Kies een landelijk artikel dat online staat.")
    return errors


# --- workflow steps ----------------------------------------------------------------


def _take_step(item: Article, step: str, expected: int | None, **kwargs):
    """One workflow step from a form that carried the version it was shown."""
    if step == "publish":
        kwargs["today"] = today()
    try:
        getattr(workflow, step)(db.session, item, g.worker, -1 if expected is None else expected, **kwargs)
        db.session.commit()
    except StaleVersion:
        db.session.rollback()
        flash(STALE)
    except workflow.WorkflowError as exc:
        db.session.rollback()
        flash(WORKFLOW_ERRORS[exc.code])
    else:
        if step in ("publish", "unpublish"):
            went_live([item.slug])
        flash(STEP_DONE[step])
    return redirect(url_for("editorial.article", article_id=item.id))


def _posted_step(article_id: int, step: str, **kwargs):
    return _take_step(_article(article_id), step, parse_version(request.form.get("version")), **kwargs)


@bp.post("/artikelen/<int:article_id>/aanbieden")
@access.staff_required("edit")
def submit(article_id):
    return _posted_step(article_id, "submit", note=request.form.get("note", ""))


@bp.post("/artikelen/<int:article_id>/publiceren")
@access.staff_required("publish")
def publish(article_id):
    return _posted_step(article_id, "publish")


@bp.post("/artikelen/<int:article_id>/offline")
@access.staff_required("publish")
def unpublish(article_id):
    return _posted_step(article_id, "unpublish")


@bp.post("/artikelen/<int:article_id>/terugsturen")
@access.staff_required("publish")
def send_back(article_id):
    return _posted_step(article_id, "send_back", note=request.form.get("note", ""))


@bp.post("/artikelen/<int:article_id>/plannen")
@access.staff_required("publish")
def schedule(article_id):
    try:
        day = dt.date.fromisoformat(request.form.get("publish_date", ""))
        moment = dt.time.fromisoformat(request.form.get("publish_time", "") or "09:00")
    except ValueError:
        flash(_("Vul een datum en een tijd in, zoals 25-12-2026 en 09:00."))
        return redirect(url_for("editorial.article", article_id=article_id))
    at = dt.datetime.combine(day, moment, tzinfo=TZ).astimezone(dt.timezone.utc)
    return _posted_step(article_id, "schedule", at=at)


# --- revisions ---------------------------------------------------------------------


@bp.get("/artikelen/<int:article_id>/verschil")
@access.staff_required("edit")
def compare(article_id):
    item = _article(article_id)
    history = revisions.history(db.session, item)
    if len(history) < 2:
        flash(_("Er is nog maar één versie; er is niets te vergelijken."))
        return redirect(url_for("editorial.article", article_id=item.id))
    numbers = [r.number for r in history]
    old_n, new_n = _number(request.args.get("van"), numbers[1]), _number(request.args.get("naar"), numbers[0])
    old, new = revisions.revision(db.session, item, old_n), revisions.revision(db.session, item, new_n)
    if old is None or new is None:
        abort(404)
    return render_template("editorial/compare.html", item=item, history=history, old=old, new=new,
                           changes=diff.compare(Draft.of(old), Draft.of(new)), **_labels())


def _number(raw, default: int) -> int:
    number = whole_number(raw)
    return default if number is None else number


@bp.post("/artikelen/<int:article_id>/versies/<int:number>/terugzetten")
@access.staff_required("edit")
def restore(article_id, number):
    return _posted_step(article_id, "restore", number=number)


# --- live writing checks -------------------------------------------------------------


@bp.post("/controle")
@access.staff_required("edit")
def check():
    """The writing checks for the text in the form, for the live feedback (editorial.js)."""
    draft, _unread = read_draft(request.form, taxonomy())
    slug = request.form.get("slug", "").strip().lower() or slugify(draft.title)
    feedback = checks.feedback(draft, slug, municipality()["slug"], checks.known_articles(db.session),
                               load_municipalities())
    return jsonify(feedback.as_json())


# --- audit log and accounts ----------------------------------------------------------------


@bp.get("/logboek", endpoint="audit")
@access.staff_required("publish")
def audit_log():
    """Recent editorial actions (actions named "<area>.<verb>"), newest first."""
    page = _page()
    editorial = AuditEntry.action.like("%.%")
    total = db.session.scalar(select(func.count()).select_from(AuditEntry).where(editorial)) or 0
    rows = db.session.execute(select(AuditEntry, Worker).outerjoin(Worker, Worker.id == AuditEntry.worker_id)
                              .where(editorial).order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
                              .offset((page - 1) * AUDIT_PAGE).limit(AUDIT_PAGE)).all()
    return render_template("editorial/audit.html", rows=rows, page=page, pages=max(1, -(-total // AUDIT_PAGE)),
                           total=total, **_labels())


@bp.route("/accounts", methods=["GET", "POST"], endpoint="accounts")
@access.staff_required("accounts")
def accounts_page():
    error, typed = None, {}
    if request.method == "POST":
        typed = {k: request.form.get(k, "").strip() for k in ("email", "display_name", "role")}
        try:
            worker = accounts.create_worker(db.session, typed["email"], request.form.get("password", ""),
                                            typed["role"], typed["display_name"] or None)
        except accounts.AccountError as exc:
            error = str(exc)
        else:
            audit(db.session, g.worker, "account.create", f"{worker.id} {worker.role}")
            db.session.commit()
            flash(_("Account gemaakt voor %(email)s.", email=worker.email))
            return redirect(url_for("editorial.accounts"))
    staff = db.session.scalars(select(Worker).order_by(Worker.active.desc(), Worker.email)).all()
    return render_template("editorial/accounts.html", staff=staff, roles=access.ROLES, error=error, typed=typed,
                           **_labels()), 422 if error else 200



@bp.post("/accounts/<int:worker_id>")
@access.staff_required("accounts")
def account_update(worker_id):
    worker = db.session.get(Worker, worker_id) or abort(404)
    role, active = request.form.get("role", worker.role), request.form.get("active") == "ja"
    if role not in access.ROLES:
        flash(_("Kies een bestaande rol."))
    elif worker.id == g.worker.id and (role != worker.role or not active):
        flash(_("Je kunt je eigen rol niet veranderen en je eigen account niet uitzetten. Vraag een andere beheerder."))
    else:
        changes = [f"rol {worker.role}->{role}" if role != worker.role else "",
                   ("aan" if active else "uit") if active != worker.active else ""]
        worker.role, worker.active = role, active
        if not active:
            worker.on_duty = False
        audit(db.session, g.worker, "account.update", f"{worker.id} " + " ".join(c for c in changes if c))
        db.session.commit()
        flash(_("Account van %(email)s bijgewerkt.", email=worker.email))
    return redirect(url_for("editorial.accounts"))
