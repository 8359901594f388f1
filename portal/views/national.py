"""De landelijke inhoud: synchronisatie en wat er veranderde."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _

from portal import access, municipality, taxonomy
from portal.content.render import article_path
from portal.editorial import diff
from portal.editorial.revisions import Draft
from portal.ehulp.queue import audit
from portal.extensions import db
from portal.national import feed
from portal.national import sync as national_sync
from portal.national.models import SyncChange, SyncRun
from portal.views.editorial import FIELD_LABELS, went_live

bp = Blueprint("national", __name__, url_prefix="/redactie/landelijk")


def _changes(change: SyncChange) -> list[diff.FieldDiff]:
    """What a changed article's title, summary and text were and became."""
    return diff.compare(Draft(change.title_before or "", change.summary_before or "", change.body_before or ""),
                        Draft(change.title, change.summary or "", change.body or ""))


def _link(change: SyncChange) -> str | None:
    """The article's page while it is online."""
    article = change.article
    return article_path(article.slug, article.audiences) if article is not None and article.published else None


def _page(run: SyncRun | None, runs: list[SyncRun]):
    source = current_app.config.get("NATIONAL_FEED_URL") or ""
    return render_template("national/changes.html", run=run, runs=runs,
                           previous=national_sync.previous(db.session, run) if run else None,
                           feed_source=feed.display(source) if source else "", link_of=_link,
                           format_datetime=format_datetime)


@bp.get("/")
@access.staff_required("sync")
def changes():
    runs = national_sync.latest(db.session)
    return _page(runs[0] if runs else None, runs)


@bp.get("/run/<int:run_id>")
@access.staff_required("sync")
def run(run_id: int):
    chosen = db.session.get(SyncRun, run_id)
    if chosen is None:
        abort(404)
    return _page(chosen, national_sync.latest(db.session))


@bp.get("/wijziging/<int:change_id>")
@access.staff_required("sync")
def change(change_id: int):
    item = db.session.get(SyncChange, change_id)
    if item is None:
        abort(404)
    return render_template("national/change.html", change=item, changes=_changes(item), link=_link(item),
                           field_labels=FIELD_LABELS, format_datetime=format_datetime)


@bp.post("/synchroniseren")
@access.staff_required("sync")
def sync_now():
    source = current_app.config.get("NATIONAL_FEED_URL")
    if not source:
        flash(_("Er is geen landelijke feed ingesteld, dus synchroniseren kan nu niet. Vraag de beheerder om "
                "NATIONAL_FEED_URL in te stellen."))
        return redirect(url_for(".changes"))
    try:
        done = national_sync.sync(db.session, source, taxonomy=taxonomy(), place=municipality(),
                                  full=request.form.get("full") == "1", worker_id=g.worker.id)
    except national_sync.SyncBusy:
        flash(_("Er loopt al een synchronisatie. Kijk over een paar minuten opnieuw."))
        return redirect(url_for(".changes"))
    audit(db.session, g.worker, "national.sync", f"run {done.id} {done.status}")
    db.session.commit()
    if done.status == "failed":
        flash(_("De synchronisatie is mislukt. Hieronder staat waarom; er is niets veranderd."))
    else:
        if done.changed_anything:
            went_live([change.slug for change in done.changes])
        flash(_("Gesynchroniseerd: %(created)d nieuw, %(changed)d gewijzigd, %(withdrawn)d teruggetrokken, "
                "%(skipped)d overgeslagen.", created=done.created, changed=done.changed + done.restored,
                withdrawn=done.withdrawn, skipped=done.skipped))
    return redirect(url_for(".run", run_id=done.id))
