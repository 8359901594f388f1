"""Texts for the social map's pages, in the visitor's language."""
from __future__ import annotations

import datetime as dt

from babel import Locale
from flask_babel import format_date, gettext as _

from portal.socialmap.hours import DAY_NAMES, Day


def day_label(date: dt.date, lang: str) -> str:
    """'dinsdag 29 december'."""
    return f"{DAY_NAMES['en' if lang == 'en' else 'nl'][date.weekday()]} {format_date(date, 'd MMMM')}"


def day_hours(day: Day, lang: str) -> str:
    """'9.00-11.00 uur', 'gesloten (Tweede kerstdag)'."""
    if day.closed:
        reason = (day.reason_en or day.reason) if lang == "en" else day.reason
        return _("gesloten (%(reason)s)", reason=reason) if reason else _("gesloten")
    times = ", ".join(p.text(lang) for p in day.periods)
    return times if lang == "en" else f"{times} uur"


def age_text(min_age: float | None, max_age: float | None) -> str:
    """Whole years, both inclusive: '0 tot en met 3 jaar'."""
    if min_age is None and max_age is None:
        return _("alle leeftijden")
    if max_age is None:
        return _("vanaf %(min)d jaar", min=min_age)
    if min_age is None:
        return _("tot en met %(max)d jaar", max=max_age)
    return _("%(min)d tot en met %(max)d jaar", min=min_age, max=max_age)


def language_name(code: str, lang: str) -> str:
    return Locale(lang).languages.get(code, code)
