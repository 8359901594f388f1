"""E-hulp for the person asking: leave a question anonymously, read the answer
with the ticket code; the API behind it; whether a worker can chat now."""
from __future__ import annotations

from flask import Blueprint, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from portal.ehulp import econsult
from portal.errors import json_error
from portal.extensions import db
from portal.mail import send
from portal.ratelimit import too_many
from portal.views.chat import ehulp_now

bp = Blueprint("ehulp", __name__)

ERRORS = {
    "empty": lambda: _("Typ eerst je vraag."),
    "too_long": lambda: _("Je vraag is te lang. Houd het onder de %(n)d tekens.", n=econsult.MAX_TEXT),
    "email": lambda: _("Dit e-mailadres klopt niet. Laat het veld leeg als je geen bericht wilt."),
}


def notify(address: str) -> None:
    send(address, _("Je vraag aan het CJG is beantwoord"),
         _("Er staat een antwoord klaar op je vraag. Lees het met je code op de site van het CJG (e-hulp). "
           "We hebben je e-mailadres nu gewist."))


@bp.route("/e-hulp", methods=["GET", "POST"])
def ask_page():
    form = {"text": "", "email": ""}
    error = error_field = None
    if request.method == "POST":
        form = {"text": request.form.get("text", ""), "email": request.form.get("email", "")}
        if too_many("econsult", 10, 3600):
            error = _("Je hebt al veel vragen gestuurd. Probeer het later nog eens.")
        else:
            try:
                question, code = econsult.ask(db.session, form["text"], form["email"],
                                              request.form.get("site", "vcjg"))
                return render_template("ehulp/ticket.html", code=code, days=econsult.ANSWER_DAYS)
            except econsult.QuestionError as exc:
                error, error_field = ERRORS[str(exc)](), "email" if str(exc) == "email" else "text"
    status = ehulp_now()
    return render_template("ehulp/ask.html", form=form, error=error, error_field=error_field, status=status,
                           days=econsult.ANSWER_DAYS, max_text=econsult.MAX_TEXT), 400 if error else 200


@bp.get("/e-hulp/antwoord")
def answer_lookup():
    code = (request.args.get("code") or "").strip().upper()
    if code:
        return redirect(url_for("ehulp.answer_page", code=code))
    return render_template("ehulp/lookup.html")


@bp.get("/e-hulp/antwoord/<code>")
def answer_page(code):
    question = econsult.find(db.session, code)
    if question is None:
        return render_template("ehulp/lookup.html", not_found=True), 404
    return render_template("ehulp/answer.html", question=question, days=econsult.ANSWER_DAYS)


@bp.post("/api/econsult")
def api_ask():
    if too_many("econsult", 10, 3600):
        return json_error(429, _("Je hebt al veel vragen gestuurd. Probeer het later nog eens."))
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("text", ""), str):
        return json_error(400, ERRORS["empty"]())
    email = data.get("email") if isinstance(data.get("email"), str) else None
    try:
        _question, code = econsult.ask(db.session, data.get("text", ""), email, data.get("site", "vcjg"))
    except econsult.QuestionError as exc:
        return json_error(400, ERRORS[str(exc)]())
    return jsonify({"ticket_code": code, "url": url_for("ehulp.answer_page", code=code),
                    "answer_within_days": econsult.ANSWER_DAYS}), 201


@bp.get("/api/econsult/<code>")
def api_answer(code):
    question = econsult.find(db.session, code)
    if question is None:
        return json_error(404, "Unknown ticket code")
    return jsonify({"status": question.status, "answer": question.answer,
                    "asked_at": question.created_at.isoformat(),
                    "answered_at": question.answered_at.isoformat() if question.answered_at else None})


@bp.get("/api/ehulp/status")
def status():
    now = ehulp_now()
    return jsonify({"available": now.available, "in_hours": now.in_hours,
                    "next_open": now.next_open.isoformat() if now.next_open else None})
