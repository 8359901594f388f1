"""Verhalen van jongeren op JongIn, met voormoderatie: lezen en schrijven
onder /jongeren/verhalen, nakijken onder /redactie/verhalen."""
from __future__ import annotations

import base64
import binascii

from flask import (Blueprint, abort, current_app, flash, g, redirect, render_template, request, send_file,
                   url_for)
from flask_babel import gettext as _
from werkzeug.exceptions import RequestEntityTooLarge

from portal import access, taxonomy
from portal.extensions import db
from portal.numbers import whole_number
from portal.privacy import scrub
from portal.ratelimit import too_many
from portal.stories import hints, moderation, photos, submission
from portal.stories.models import Story
from portal.stories.submission import Draft

bp = Blueprint("stories", __name__)

MAX_REQUEST = 25 * 1024 * 1024  # a too-large photo up to here still gets a kind answer with the text kept
MAX_FIELD = photos.MAX_BYTES * 4 // 3 + 4096  # the checked photo travels back in the form as base64
RATE_WINDOW = 3600

FIELD_ERRORS = {
    ("title", "empty"): lambda: _("Geef je verhaal een titel."),
    ("title", "too_long"): lambda: _("Je titel is te lang. Houd hem onder de %(n)d tekens.", n=submission.MAX_TITLE),
    ("text", "empty"): lambda: _("Je hebt nog niks geschreven. Vertel je verhaal in het grote vak."),
    ("text", "too_short"): lambda: _("Je verhaal is nog heel kort. Schrijf minstens een paar zinnen "
                                     "(%(n)d tekens of meer).", n=submission.MIN_TEXT),
    ("text", "too_long"): lambda: _("Je verhaal is te lang. Maak het korter dan %(n)d tekens.",
                                    n=submission.MAX_TEXT),
    ("signature", "too_long"): lambda: _("Dit is te lang. Maximaal %(n)d tekens, bijvoorbeeld: meisje, 15.",
                                         n=submission.MAX_SIGNATURE),
    ("age", "out_of_range"): lambda: _("Vul een leeftijd in van 12 tot en met 23, of laat het leeg."),
    ("theme", "unknown"): lambda: _("Kies een onderwerp uit de lijst, of laat het leeg."),
    ("photo_alt", "empty"): lambda: _("Vertel in een paar woorden wat er op je foto staat. Zo weet iemand die "
                                      "de foto niet kan zien ook wat erop staat."),
    ("photo_alt", "too_long"): lambda: _("Dit is te lang. Houd het onder de %(n)d tekens.", n=submission.MAX_ALT),
    ("consent", "missing"): lambda: _("Zet een vinkje als je het goed vindt dat je verhaal op JongIn komt."),
    ("photo", "empty"): lambda: _("Dit bestand is leeg. Kies een andere foto."),
    ("photo", "too_large"): lambda: _("Je foto is groter dan %(mb)d MB. Kies een kleinere foto, of maak een "
                                      "schermafbeelding van je foto en kies die.", mb=photos.MAX_BYTES // 2**20),
    ("photo", "too_many_pixels"): lambda: _("Deze foto is te groot om te openen. Kies een kleinere foto."),
    ("photo", "not_an_image"): lambda: _("Dit bestand kunnen we niet openen als foto. Kies een foto in JPG, "
                                         "PNG of WebP."),
    ("photo", "request_too_large"): lambda: _(
        "Wat je stuurde was veel te groot (meer dan %(mb)d MB), daardoor kwam je verhaal niet bij ons aan. "
        "Sorry! Schrijf je verhaal opnieuw en kies een foto van maximaal %(max)d MB.",
        mb=MAX_REQUEST // 2**20, max=photos.MAX_BYTES // 2**20),
    ("photo", "rate_limited"): lambda: _("Je hebt al heel veel foto's gekozen. Wacht een uur en probeer het dan "
                                         "opnieuw, of stuur je verhaal zonder foto."),
    ("form", "rate_limited"): lambda: _("Je hebt net al een paar verhalen gestuurd. Wacht een uur en probeer het "
                                        "dan opnieuw. Je tekst staat er nog."),
}
HINTS = {
    "email": lambda: _("een e-mailadres"),
    "address": lambda: _("een adres"),
    "phone": lambda: _("een telefoonnummer"),
    "number": lambda: _("een lang nummer (zoals een BSN)"),
    "postcode": lambda: _("een postcode"),
    "handle": lambda: _("een naam van Snapchat, Insta, TikTok of zoiets"),
}
DECISION_ERRORS = {
    "not_open": lambda: _("Over dit verhaal is al besloten."),
    "not_approved": lambda: _("Dit verhaal staat niet online."),
    "note_empty": lambda: _("Schrijf kort op waarom. Dat helpt je collega's."),
}


def _messages(errors: dict[str, str]) -> dict[str, str]:
    return {field: FIELD_ERRORS[field, code]() for field, code in errors.items()}


def _hint_labels(story: Story) -> list[str]:
    return [HINTS[kind]() for kind in hints.find(story.title, story.text, story.signature or "", story.photo_alt or "")]


def _folder():
    return photos.folder(current_app.config["UPLOAD_DIR"])


def _themes() -> list:
    return taxonomy().themes_for("jongeren")


def _page_number() -> int:
    arg = request.args.get("page", "1")
    return whole_number(arg, 1, 99_999) or 1


def _send_photo(story: Story | None, public: bool):
    """A stored photo as a JPEG that browsers may not sniff as anything else."""
    found = photos.path(_folder(), story.photo_name) if story is not None and story.photo_name else None
    if found is None:
        abort(404)
    response = send_file(found, mimetype="image/jpeg", conditional=True, etag=True)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Disposition"] = "inline"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "public, max-age=600" if public else "private, no-store"
    return response


# --- JongIn: reading ---------------------------------------------------------------

@bp.get("/jongeren/verhalen")
def index():
    return render_template("stories/index.html", page=moderation.approved(db.session, _page_number()))


@bp.get("/jongeren/verhalen/<int:story_id>")
def show(story_id):
    story = moderation.published(db.session, story_id) or abort(404)
    return render_template("stories/show.html", story=story)


@bp.get("/jongeren/verhalen/<int:story_id>/foto")
def photo(story_id):
    return _send_photo(moderation.published(db.session, story_id), public=True)


# --- JongIn: writing ---------------------------------------------------------------

def _form(draft: Draft, photo: photos.Photo | None = None, errors: dict | None = None, status: int = 200,
          preview: bool = False, found: list[str] | None = None):
    kept = base64.b64encode(photo.data).decode() if photo else ""
    sample = None
    if preview:  # the story as it would look, never stored
        sample = Story(status="submitted")
        submission.apply(sample, draft, photo is not None)
        sample.photo_width, sample.photo_height = (photo.width, photo.height) if photo else (None, None)
    return render_template("stories/write.html", draft=draft, photo=photo, kept=kept, errors=errors or {},
                           preview=preview, sample=sample, hints=[HINTS[k]() for k in found or []],
                           confirm=",".join(found or []), themes=_themes(), limits=submission,
                           max_mb=photos.MAX_BYTES // 2**20), status


def _photo(form, files) -> tuple[photos.Photo | None, str | None]:
    """The photo of this post: a new upload, else the checked photo kept from
    the previous round (checked again: it came back from the browser)."""
    upload = files.get("photo")
    if upload is not None and upload.filename:
        if too_many("story_photo", current_app.config.get("STORY_PHOTO_RATE_LIMIT", 30), RATE_WINDOW):
            return None, "rate_limited"  # decoding photos costs work: previews count too
        data = upload.stream.read(photos.MAX_BYTES + 1)
    elif form.get("photo_kept") and not form.get("photo_remove"):
        try:
            data = base64.b64decode(form["photo_kept"], validate=True)
        except (binascii.Error, ValueError):
            return None, "not_an_image"
    else:
        return None, None
    try:
        return photos.process(data), None
    except photos.PhotoError as exc:
        return None, str(exc)


@bp.route("/jongeren/verhalen/schrijven", methods=["GET", "POST"])
def write():
    if request.method == "GET":
        return _form(Draft())
    request.max_content_length = MAX_REQUEST
    request.max_form_memory_size = MAX_FIELD
    try:
        form, files = request.form, request.files
    except RequestEntityTooLarge:
        return _form(Draft(), errors=_messages({"photo": "request_too_large"}), status=413)
    draft = Draft.from_form(form)
    photo, photo_error = _photo(form, files)
    preview = form.get("action") == "preview"
    errors = submission.validate(draft, {t.slug for t in _themes()}, photo is not None, need_consent=not preview)
    if photo_error:
        errors["photo"] = photo_error
    if errors:
        return _form(draft, photo, _messages(errors), 400)
    found = hints.find(draft.title, draft.text, draft.signature, draft.photo_alt)
    if preview or (found and form.get("confirm") != ",".join(found)):  # warn before anything is sent
        return _form(draft, photo, preview=True, found=found)
    if too_many("story", current_app.config.get("STORY_RATE_LIMIT", 5), RATE_WINDOW):
        return _form(draft, photo, _messages({"form": "rate_limited"}), 429)
    submission.submit(db.session, draft, photo, _folder())
    return redirect(url_for("stories.thanks"))


@bp.get("/jongeren/verhalen/bedankt")
def thanks():
    return render_template("stories/thanks.html")


# --- De redactie: nakijken -----------------------------------------------------------

def _story(story_id: int) -> Story:
    return db.session.get(Story, story_id) or abort(404)


def _review(story: Story, draft: Draft | None = None, errors: dict | None = None, status: int = 200):
    return render_template("stories/review.html", story=story, draft=draft or Draft.of(story),
                           errors=errors or {}, hints=_hint_labels(story), scrubbed=scrub(story.text),
                           themes=_themes(), limits=submission, max_note=moderation.MAX_NOTE), status


@bp.get("/redactie/verhalen", endpoint="moderation")
@access.staff_required("moderate")
def moderation_page():
    waiting = moderation.queue(db.session)
    return render_template("stories/moderation.html", waiting=[(s, _hint_labels(s)) for s in waiting],
                           page=moderation.approved(db.session, _page_number()),
                           days=current_app.config["PRIVACY_RETENTION_DAYS"])


@bp.get("/redactie/verhalen/<int:story_id>")
@access.staff_required("moderate")
def review(story_id):
    return _review(_story(story_id))


@bp.get("/redactie/verhalen/<int:story_id>/foto")
@access.staff_required("moderate")
def review_photo(story_id):
    return _send_photo(_story(story_id), public=False)


def _decided(action, story: Story, *args, done: str, **kwargs):
    try:
        action(db.session, story, g.worker, *args, **kwargs)
    except moderation.DecisionError as exc:
        db.session.rollback()
        flash(DECISION_ERRORS[str(exc)]())
        return redirect(url_for("stories.review", story_id=story.id))
    flash(done)
    return redirect(url_for("stories.moderation"))


@bp.post("/redactie/verhalen/<int:story_id>/goedkeuren")
@access.staff_required("moderate")
def approve(story_id):
    story = _story(story_id)
    draft = None
    if request.form.get("edit"):
        draft = Draft.from_form(request.form)
        keeps_photo = story.photo_name is not None and not request.form.get("drop_photo")
        errors = submission.validate(draft, {t.slug for t in _themes()}, keeps_photo, need_consent=False)
        if errors:
            return _review(story, draft, _messages(errors), 400)
    return _decided(moderation.approve, story, _folder(), draft=draft,
                    drop_photo=bool(request.form.get("drop_photo")), note=request.form.get("note", ""),
                    done=_("Het verhaal staat nu op JongIn."))


@bp.post("/redactie/verhalen/<int:story_id>/afwijzen")
@access.staff_required("moderate")
def reject(story_id):
    return _decided(moderation.reject, _story(story_id), request.form.get("note", ""),
                    done=_("Het verhaal is afgewezen. Het komt niet online."))


@bp.post("/redactie/verhalen/<int:story_id>/offline")
@access.staff_required("moderate")
def unpublish(story_id):
    return _decided(moderation.unpublish, _story(story_id), request.form.get("note", ""),
                    done=_("Het verhaal staat niet meer op JongIn."))
