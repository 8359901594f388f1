"""The CJG worker's console: duty, the queue, live chats, questions, and the
supervisor's overview. Behind a login; every action is in the audit log."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml
from flask import (Blueprint, abort, current_app, flash, g, jsonify, redirect, render_template, request, session,
                   url_for)
from flask_babel import gettext as _

from portal import access, municipality, search_index
from portal.chat import rasa
from portal.chat.conversations import after
from portal.chat.models import Conversation
from portal.ehulp import accounts, econsult, queue
from portal.ehulp.models import EConsult, SafetyConcern, Worker
from portal.extensions import db
from portal.models import utcnow
from portal.numbers import whole_number
from portal.ratelimit import too_many
from portal.content import compose
from portal.content.render import article_path
from portal.ehulp.stats import load as load_stats
from portal.socialmap import directory
from portal.socialmap.serialize import location_path, service_path
from portal.views.chat import ehulp_now
from portal.views.ehulp import notify

bp = Blueprint("console", __name__, url_prefix="/medewerker")


@bp.app_context_processor
def inject_csrf():
    return {"csrf_token": access.csrf_token}


def login_required(role: str | None = None):
    """The console is for workers; the overview for supervisors."""
    return access.staff_required("supervise" if role == "supervisor" else "console")


@bp.route("/login", methods=["GET", "POST"])
def login():
    error = None
    email = request.form.get("email", "")
    if request.method == "POST":
        if not access.csrf_valid(request.form):
            error = _("Het formulier is verlopen. Probeer het opnieuw.")
        elif too_many("login", current_app.config.get("LOGIN_RATE_LIMIT", 10)):
            error = _("Te veel pogingen. Wacht een minuut en probeer het opnieuw.")
        else:
            worker = accounts.authenticate(db.session, email, request.form.get("password", ""))
            if worker:
                session.clear()
                session["worker_id"] = worker.id
                queue.audit(db.session, worker, "login")
                db.session.commit()
                target = request.args.get("next", "")
                return redirect(target if access.safe_next(target) else access.home_for(worker))
            error = _("Dat e-mailadres en wachtwoord horen niet bij elkaar, of het account is even geblokkeerd.")
    return render_template("console/login.html", error=error, email=email), 401 if error else 200


@bp.post("/uitloggen")
@login_required()
def logout():
    g.worker.on_duty = False
    queue.audit(db.session, g.worker, "logout")
    db.session.commit()
    session.clear()
    return redirect(url_for("console.login"))


@bp.get("/")
@login_required()
def dashboard():
    mine = db.session.scalars(db.select(Conversation).where(
        Conversation.state == "human", Conversation.worker_id == g.worker.id)).all()
    db.session.commit()
    return render_template("console/dashboard.html", waiting=queue.waiting(db.session), mine=mine,
                           open_questions=len(econsult.open_questions(db.session)), status=ehulp_now())


@bp.post("/dienst")
@login_required()
def duty():
    g.worker.on_duty = request.form.get("on_duty") == "1"
    queue.audit(db.session, g.worker, "on_duty" if g.worker.on_duty else "off_duty")
    db.session.commit()
    return redirect(url_for("console.dashboard"))


@bp.get("/api/wachtrij")
@login_required()
def queue_json():
    waiting = queue.waiting(db.session)
    db.session.commit()
    return jsonify({"waiting": [{"id": c.id, "since": c.queued_at.isoformat() if c.queued_at else None,
                                 "site": c.site} for c in waiting]})


def _conversation(conversation_id: str) -> Conversation:
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None:
        abort(404)
    return conversation


def _mine(conversation: Conversation) -> bool:
    return conversation.worker_id == g.worker.id


def _readable(conversation_id: str) -> Conversation:
    """A conversation this worker may read: waiting, their own, or any for a supervisor."""
    item = _conversation(conversation_id)
    if item.state == "human" and not _mine(item) and not g.worker.is_supervisor:
        abort(403)
    return item


def _pause_assistant(conversation: Conversation, paused: bool) -> None:
    rasa.set_paused(current_app.config["RASA_URL"], current_app.config["RASA_TOKEN"], conversation.id, paused)


@bp.post("/gesprek/<conversation_id>/aannemen")
@login_required()
def take(conversation_id):
    conversation = _conversation(conversation_id)
    if queue.take(db.session, conversation, g.worker):
        _pause_assistant(conversation, True)
    else:
        flash(_("Dit gesprek is al door een collega aangenomen."))
    return redirect(url_for("console.conversation", conversation_id=conversation.id))


@bp.get("/gesprek/<conversation_id>")
@login_required()
def conversation(conversation_id):
    item = _readable(conversation_id)
    queue.audit(db.session, g.worker, "read", item.id)
    db.session.commit()
    context = rasa.context(current_app.config["RASA_URL"], current_app.config["RASA_TOKEN"], item.id)
    colleagues = [w for w in queue.workers_on_duty(db.session) if w.id != g.worker.id]
    return render_template("console/conversation.html", item=item, messages=after(db.session, item, 0),
                           context=context, colleagues=colleagues, canned=canned_replies(), mine=_mine(item),
                           cards=card_search(request.args.get("kaart", "")), card_query=request.args.get("kaart", ""))


@bp.get("/api/gesprek/<conversation_id>")
@login_required()
def conversation_json(conversation_id):
    item = _readable(conversation_id)
    since = request.args.get("after", "0")
    messages = after(db.session, item, whole_number(since) or 0)
    db.session.commit()
    return jsonify({"state": item.state, "mine": _mine(item), "messages": [
        {"id": m.id, "sender": m.sender, "text": m.text, "custom": (m.payload or {}).get("custom")} for m in messages]})


@bp.post("/gesprek/<conversation_id>/bericht")
@login_required()
def send(conversation_id):
    item = _conversation(conversation_id)
    text = " ".join(request.form.get("text", "").split())[:2000]
    card = _card(request.form.get("card_type", ""), request.form.get("card_slug", ""))
    if card and not text:
        text = card.get("title") or card.get("name") or ""
    if not text or not queue.send(db.session, item, g.worker, text, card):
        flash(_("Bericht niet verstuurd: het gesprek is niet (meer) van jou, of het bericht is leeg."))
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"ok": True})
    return redirect(url_for("console.conversation", conversation_id=item.id))


@bp.post("/gesprek/<conversation_id>/doorzetten")
@login_required()
def transfer(conversation_id):
    item = _conversation(conversation_id)
    colleague = db.session.get(Worker, int(request.form.get("worker_id", "0") or 0))
    if colleague is None or not queue.transfer(db.session, item, g.worker, colleague):
        flash(_("Doorzetten lukte niet: de collega is niet in dienst of het gesprek is niet van jou."))
        return redirect(url_for("console.conversation", conversation_id=item.id))
    return redirect(url_for("console.dashboard"))


@bp.post("/gesprek/<conversation_id>/afsluiten")
@login_required()
def close(conversation_id):
    item = _conversation(conversation_id)
    if queue.close(db.session, item, g.worker):
        _pause_assistant(item, False)
        return redirect(url_for("console.dashboard"))
    abort(403)


@bp.post("/gesprek/<conversation_id>/zorg")
@login_required()
def concern(conversation_id):
    item = _conversation(conversation_id)
    return _record_concern(conversation_id=item.id, back=url_for("console.conversation", conversation_id=item.id))


def _record_concern(back: str, **target):
    note = request.form.get("note", "").strip()[:4000]
    if not note:
        flash(_("Schrijf kort op wat je zorgen zijn."))
        return redirect(back)
    db.session.add(SafetyConcern(worker_id=g.worker.id, note=note, **target))
    queue.audit(db.session, g.worker, "safety_concern", str(next(iter(target.values()))))
    db.session.commit()
    flash(_("Je zorg is vastgelegd. Bespreek dit met een collega of je leidinggevende en volg de meldcode."))
    return redirect(back)


@bp.get("/vragen")
@login_required()
def questions():
    return render_template("console/questions.html", questions=econsult.open_questions(db.session))


@bp.route("/vragen/<int:question_id>", methods=["GET", "POST"])
@login_required()
def question(question_id):
    item = db.session.get(EConsult, question_id) or abort(404)
    if request.method == "POST":
        if request.form.get("action") == "concern":
            return _record_concern(econsult_id=item.id, back=url_for("console.question", question_id=item.id))
        try:
            econsult.answer(db.session, item, g.worker, request.form.get("answer", ""), notify)
            flash(_("Je antwoord is opgeslagen."))
            return redirect(url_for("console.questions"))
        except econsult.QuestionError:
            flash(_("Schrijf eerst een antwoord."))
    else:
        queue.audit(db.session, g.worker, "read_econsult", str(item.id))
        db.session.commit()
    return render_template("console/question.html", item=item)


@bp.get("/overzicht")
@login_required(role="supervisor")
def overview():
    return render_template("console/overview.html", stats=load_stats(db.session))


@functools.lru_cache(maxsize=1)
def _canned(path: str) -> list[dict]:
    return yaml.safe_load(Path(path).read_text("utf-8")) or []


def canned_replies() -> list[dict]:
    return _canned(str(Path(current_app.config["CONTENT_DIR"]) / "canned_replies.yml"))


def _article_card(item) -> dict:
    return {"type": "article", "slug": item.slug, "title": item.title, "url": article_path(item.slug, item.audiences)}


def _service_card(svc) -> dict:
    return {"type": "service", "slug": svc.slug, "name": svc.name, "url": service_path(svc.slug)}


def _location_card(loc) -> dict:
    st = directory.status(directory.location_schedules(loc), directory.now())
    return {"type": "location", "slug": loc.slug, "name": loc.name, "url": location_path(loc.slug),
            "open_now": st.open_now, "next_open": st.next_open.isoformat() if st.next_open else None}


def card_search(query: str) -> list[dict]:
    """Articles, services and locations a worker can send as a card."""
    query = " ".join(query.split())[:100]
    if not query:
        return []
    place = municipality()["slug"]
    cards = [{"type": "article", "slug": h.slug, "title": h.title, "url": h.url}
             for h in search_index().search(query, municipality=place, page_size=5).hits]
    services = directory.find_services(db.session, place, directory.Filters(q=query), directory.now())
    cards += [_service_card(s) for s in services[:5]]
    words = query.lower()
    cards += [_location_card(loc) for loc in directory.find_locations(db.session, place)
              if words in loc.name.lower() or words in (loc.wijk or "")][:3]
    return cards


def _card(kind: str, slug: str) -> dict | None:
    """The card to send, looked up by its kind and slug."""
    place = municipality()["slug"]
    if kind == "article":
        item = compose.article(db.session, place, slug)
        return _article_card(item) if item else None
    if kind == "service":
        svc = directory.service(db.session, slug, place)
        return _service_card(svc) if svc else None
    if kind == "location":
        loc = directory.location(db.session, slug, place)
        return _location_card(loc) if loc else None
    return None
