"""The editors' form of an entry: HTTP Basic auth against EDITOR_PASSWORD,
a CSRF token kept in the session, and the checks of what was typed.

Editors correct the description, the phone numbers and the website, and mark
the entry as checked today (assured_date). A service that takes its numbers
from content/crisis_lines.yml keeps them: those are only changed in that file.
"""
from __future__ import annotations

import datetime as dt
import hmac
import os
import secrets
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

from portal.models import utcnow
from portal.socialmap.models import Service
from portal.socialmap.records import PHONE_RE, URL_RE

CSRF_KEY = "socialmap_editor_csrf"
MAX_DESCRIPTION = 4000
EMPTY_PHONE_ROWS = 2


def editor_password(config) -> str:
    """EDITOR_PASSWORD from the app's config or the environment; empty: editing is off."""
    return config.get("EDITOR_PASSWORD") or os.environ.get("EDITOR_PASSWORD", "")


def authorized(auth, password: str) -> bool:
    """Whether the HTTP Basic credentials carry the editors' password (any user name)."""
    if auth is None or auth.type != "basic" or not auth.password:
        return False
    return hmac.compare_digest(auth.password.encode("utf-8"), password.encode("utf-8"))


def csrf_token(session) -> str:
    if CSRF_KEY not in session:
        session[CSRF_KEY] = secrets.token_urlsafe(32)
    return session[CSRF_KEY]


def csrf_valid(session, sent: str | None) -> bool:
    expected = session.get(CSRF_KEY)
    return bool(expected and sent) and hmac.compare_digest(expected.encode(), sent.encode())


@dataclass
class EditForm:
    """The form's values as typed, and the errors by field name."""
    description: str
    phones: list[dict]
    url: str
    checked: bool = False
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, svc: Service) -> EditForm:
        return cls(svc.description, [dict(p) for p in svc.phones], svc.url or "")

    @classmethod
    def read(cls, form, svc: Service) -> EditForm:
        """What was typed, checked; fields a crisis-line service keeps are not read."""
        numbers, notes = form.getlist("phone_number"), form.getlist("phone_description")
        rows = [{"number": " ".join(n.split()), "description": " ".join(d.split())}
                for n, d in zip(numbers, notes + [""] * len(numbers))]
        phones = [row for row in rows if row["number"] or row["description"]]
        edit = cls(form.get("description", "").strip(), phones, form.get("url", "").strip(),
                   form.get("checked") == "ja")
        if svc.crisis_line:
            edit.phones, edit.url = [dict(p) for p in svc.phones], svc.url or ""
        edit.check()
        return edit

    def check(self) -> None:
        if not self.description:
            self.errors["description"] = _l("Vul een beschrijving in.")
        elif len(self.description) > MAX_DESCRIPTION:
            self.errors["description"] = _l("De beschrijving is te lang (meer dan %(n)d tekens).", n=MAX_DESCRIPTION)
        for i, phone in enumerate(self.phones):
            if phone["number"] and not PHONE_RE.match(phone["number"]):
                self.errors[f"phone_number-{i}"] = _l("Dit is geen telefoonnummer. Gebruik cijfers, spaties en "
                                                      "streepjes, zoals 0570 123 456.")
            elif phone["description"] and not phone["number"]:
                self.errors[f"phone_number-{i}"] = _l("Vul ook het nummer in, of maak de uitleg leeg.")
        if self.url and not URL_RE.match(self.url):
            self.errors["url"] = _l("Vul een volledige link in die begint met https://")

    @property
    def phone_rows(self) -> list[dict]:
        """The phones as typed plus empty rows for new numbers."""
        return self.phones + [{"number": "", "description": ""}] * EMPTY_PHONE_ROWS

    def apply(self, svc: Service, today: dt.date) -> None:
        svc.description = self.description
        svc.phones = [p for p in self.phones if p["number"]]
        svc.url = self.url or None
        if self.checked:
            svc.assured_date = today
        svc.edited_at = svc.updated_at = utcnow()
