"""Property tests (Hypothesis) for what reads files written by people: the
content parser (portal/content/parse.py), the social map loader
(portal/socialmap/records.py) and the hours engine (portal/socialmap/hours.py).

Garbled input never raises: the parser returns ContentErrors, the loader
RecordErrors, Schedule.from_dict raises ScheduleError only. Valid input comes
back as it went in. No app, no database. The number of
examples is bounded (FUZZ_EXAMPLES in the environment raises it)."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import string
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from portal.content.parse import MAX_SUMMARY, MAX_TITLE, ContentError, parse_text
from portal.socialmap import hours
from portal.socialmap.directory import MOMENT_YEARS
from portal.socialmap.hours import TZ, Period, Schedule, ScheduleError
from portal.socialmap.records import FIELDS, LANGUAGE_NAMES, STATUSES, RecordError, SocialMap, load
from portal.taxonomy import CONTENT_DIR, load_municipalities, load_taxonomy

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
TAX = load_taxonomy()
PLACES = load_municipalities()
TODAY = dt.date.today()
ARTICLE_FIELDS = ["slug", "title", "summary", "audiences", "themes", "age_phases", "source", "municipality",
                  "reviewed_on", "review_by", "related", "links", "attachments", "videos", "external_reference",
                  "parent_reference", "position", "last_change_date", "addition_to", "story", "example"]
SCHEDULE_FIELDS = ["weekly", "valid_from", "valid_until", "closed_on_holidays", "closed", "extra", "example"]

# --- building blocks ---------------------------------------------------------------

# Anything YAML can hold: what a garbled file gives the readers.
scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
           | st.dates() | st.datetimes() | st.sampled_from(["all", "deventer", "national", "09:00-11:00", "monday"]))
yaml_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8) | st.integers(), inner, max_size=4), max_leaves=10)
# Plain scalars as an editor types them: YAML turns some into dates, times or numbers
# (2026-02-30 is a date out of range), some are no YAML at all.
typed = (st.from_regex(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?", fullmatch=True)
         | st.from_regex(r"[0-9:._+-]{1,12}", fullmatch=True) | st.text(string.printable, max_size=15)
         | st.sampled_from(["[", "{a: [", "*x", "&a b", "!!python/object:os.system", "? [a, b]\n: c", "|", ">-"]))
slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
# Text in a field: words (no outer or double white space, as the readers normalise it).
words = st.lists(st.text(st.characters(categories=("L", "N", "P", "S"), exclude_characters="#"), min_size=1,
                         max_size=12), min_size=1, max_size=8).map(" ".join)
past_dates = st.dates(dt.date(2000, 1, 1), TODAY)
schedule_dates = st.dates(dt.date(2024, 1, 1), dt.date(2028, 12, 31))


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def texts(max_size: int):
    return words.filter(lambda w: len(w) <= max_size)


# --- the opening-hours engine ------------------------------------------------------

@st.composite
def periods(draw, low: int = 0, high: int = 1440, max_count: int = 3) -> tuple[Period, ...]:
    """Non-overlapping periods within low..high minutes (at least one)."""
    bounds = draw(st.lists(st.integers(low, high), min_size=2, max_size=2 * max_count, unique=True))
    bounds = sorted(bounds)[:len(bounds) // 2 * 2]
    return tuple(Period(a, b) for a, b in zip(bounds[::2], bounds[1::2]))


def gaps(taken: tuple[Period, ...]) -> list[tuple[int, int]]:
    """The free stretches of a day around `taken`."""
    free, start = [], 0
    for p in sorted(taken):
        if p.opens > start:
            free.append((start, p.opens))
        start = max(start, p.closes)
    return free + ([(start, 1440)] if start < 1440 else [])


@st.composite
def schedules(draw) -> Schedule:
    weekly = draw(st.dictionaries(st.integers(0, 6), periods(), max_size=7))
    valid_from = draw(st.none() | schedule_dates)
    valid_until = draw(st.none() | schedule_dates.filter(lambda d: valid_from is None or d >= valid_from))
    reason = st.just("") | words
    closures = tuple(hours.Closure(d, draw(reason), draw(reason))
                     for d in draw(st.lists(schedule_dates, max_size=3, unique=True)))
    base = Schedule(weekly=weekly, valid_from=valid_from, valid_until=valid_until, closures=closures)
    extra = []
    for d in draw(st.lists(schedule_dates, max_size=3, unique=True)):
        regular = () if d in {c.date for c in closures} else base.regular(d)
        free = [g for g in gaps(regular) if g[1] - g[0] >= 1]
        if free:
            low, high = draw(st.sampled_from(free))
            extra.append(hours.ExtraOpening(d, draw(periods(low, high, 1)), draw(reason), draw(reason)))
    return Schedule(weekly=weekly, valid_from=valid_from, valid_until=valid_until, closures=closures,
                    extra=tuple(extra), closed_on_holidays=draw(st.booleans()), example=draw(st.booleans()))


ZONES = [TZ, dt.timezone.utc, ZoneInfo("America/St_Johns"), dt.timezone(dt.timedelta(hours=14)),
         dt.timezone(dt.timedelta(hours=-12))]
moments = (st.datetimes(dt.datetime(2023, 6, 1), dt.datetime(2029, 6, 1), timezones=st.sampled_from(ZONES))
           | st.datetimes(dt.datetime(MOMENT_YEARS[0], 1, 1), dt.datetime(MOMENT_YEARS[1], 12, 31, 23, 59),
                          timezones=st.sampled_from(ZONES)))


@fuzz
@given(st.text(max_size=20) | typed)
@example("09:00-11:00")
@example("٠٩:٠٠-١١:٠٠")
def test_period_parse_gives_a_period_or_a_schedule_error(text):
    try:
        period = Period.parse(text)
    except ScheduleError as exc:
        assert exc.message
        return
    assert 0 <= period.opens < period.closes <= 1440 and Period.parse(str(period)) == period


@fuzz
@given(schedules())
def test_schedule_round_trips_through_yaml(schedule):
    assert Schedule.from_dict(yaml.safe_load(dump(schedule.to_dict()))) == schedule


@st.composite
def garbled_schedules(draw):
    """A valid schedule with one field (or one part of one) replaced by anything."""
    data = draw(schedules()).to_dict()
    fld = draw(st.sampled_from(SCHEDULE_FIELDS + ["unknown"]))
    if fld in ("weekly", "closed", "extra") and data.get(fld) and draw(st.booleans()):
        part = data[fld]
        key = draw(st.sampled_from(list(part) if isinstance(part, dict) else list(range(len(part)))))
        if isinstance(part[key], dict) and draw(st.booleans()):
            part[key][draw(st.sampled_from(["date", "hours", "reason", "other"]))] = draw(yaml_values | typed)
        else:
            part[key] = draw(yaml_values | typed)
    else:
        data[fld] = draw(yaml_values | typed)
    return data


@fuzz
@given(garbled_schedules() | yaml_values)
def test_garbled_schedule_raises_only_schedule_error(data):
    try:
        schedule = Schedule.from_dict(data)
    except ScheduleError as exc:
        assert exc.message and isinstance(exc.field, str)
        return
    assert Schedule.from_dict(schedule.to_dict()) == schedule


@fuzz
@given(st.lists(schedules(), max_size=3), moments)
@example([Schedule(weekly={d: (Period(0, 1440),) for d in range(7)})],
         dt.datetime(MOMENT_YEARS[0], 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=14))))
@example([Schedule(weekly={6: (Period(120, 180),)})], dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.timezone.utc))
@example([Schedule(valid_until=dt.date(2024, 1, 1), weekly={0: (Period(0, 60),)})],
         dt.datetime(MOMENT_YEARS[1], 12, 31, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-12))))
@example([Schedule(weekly={6: (Period(0, 271),)})], dt.datetime(2023, 11, 5, 1, 0, tzinfo=ZoneInfo("America/St_Johns")))
def test_hours_engine_agrees_with_itself(scheds, at):
    open_now = hours.is_open(scheds, at)
    assert open_now == hours.is_open(scheds, at.astimezone(dt.timezone.utc)) == hours.is_open(scheds, at.astimezone(TZ))
    nxt = hours.next_opening(scheds, at, horizon_days=60)
    if open_now:  # the same moment (compared in UTC: a time in a repeated DST hour never equals another zone's)
        assert nxt.astimezone(dt.timezone.utc) == at.astimezone(dt.timezone.utc)
    if nxt is not None:
        assert nxt >= at and nxt.tzinfo is TZ and hours.is_open(scheds, nxt)
        before = nxt - dt.timedelta(minutes=1)
        assert before < at or not hours.is_open(scheds, before)
    local = at.astimezone(TZ).date()
    days = hours.week(scheds, local)
    assert [d.date for d in days] == [local + dt.timedelta(days=i) for i in range(7)]
    for day in days:
        assert all(0 <= p.opens < p.closes <= 1440 for p in day.periods)
        assert all(a.closes < b.opens for a, b in zip(day.periods, day.periods[1:]))
        assert hours.day_text(day) and hours.day_text(day, "en")
    for lang in ("nl", "en"):
        assert hours.hours_text(scheds, at, lang).endswith(".")
        assert hours.today_text(scheds, at, lang)


@fuzz
@given(schedules(), st.datetimes(dt.datetime(2023, 1, 1), dt.datetime(2029, 12, 31)))
def test_naive_moments_are_refused(schedule, naive):
    for check in (lambda: hours.is_open(schedule, naive), lambda: hours.next_opening(schedule, naive),
                  lambda: hours.hours_text(schedule, naive)):
        try:
            check()
        except ValueError:
            continue
        raise AssertionError("a naive datetime was accepted")


# --- the content parser ------------------------------------------------------------

@st.composite
def article_files(draw) -> tuple[dict, str]:
    """Front matter and body of a valid article."""
    audiences = draw(st.lists(st.sampled_from(list(TAX.audiences)), min_size=1, max_size=3, unique=True))
    themes_ok = [t for t, term in TAX.themes.items()
                 if all(a in term.audiences for a in audiences if a != "professionals")]
    assume(themes_ok)
    slug = draw(slugs)
    meta = {"slug": slug, "title": draw(texts(MAX_TITLE)), "summary": draw(texts(MAX_SUMMARY)),
            "audiences": audiences,
            "themes": draw(st.lists(st.sampled_from(themes_ok), min_size=1, max_size=3, unique=True)),
            "age_phases": draw(st.lists(st.sampled_from(list(TAX.age_phases)),
                                        min_size=1 if "ouders" in audiences else 0, max_size=3, unique=True)),
            "source": draw(st.sampled_from(["national", "local"])), "reviewed_on": draw(past_dates)}
    if meta["source"] == "national":
        meta["external_reference"] = draw(words)
    else:
        meta["municipality"] = draw(st.sampled_from(list(PLACES)))
    optional = {"review_by": st.dates(), "related": st.lists(slugs, max_size=3), "position": st.integers(0, 10**6),
                "links": st.lists(st.fixed_dictionaries({"title": words, "url": st.sampled_from(
                    ["https://www.thuisarts.nl", "/ouders/thema/slapen", "http://example.org/a?b=c"])}), max_size=2),
                "story": st.booleans(), "example": st.booleans(), "last_change_date": st.dates()}
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True)):
        meta[key] = draw(optional[key])
    body = draw(st.text(min_size=1, max_size=400).map(str.strip).filter(bool))
    assume("<" not in body)
    return meta, body


def front_matter(meta: dict, body: str) -> str:
    return f"---\n{dump(meta)}---\n{body}\n"


def parse(text: str, slug: str = "artikel"):
    article, errors = parse_text(f"content/national/{slug}.md", text, TAX, PLACES)
    assert (article is None) == bool(errors)
    assert all(isinstance(e, ContentError) and e.message and str(e) for e in errors)
    return article, errors


@fuzz
@given(article_files())
def test_valid_article_round_trips(file):
    meta, body = file
    article, errors = parse(front_matter(meta, body), meta["slug"])
    assert errors == []
    got = {k: getattr(article, k) for k in meta}
    assert got == meta and article.body == body


@st.composite
def garbled_articles(draw) -> str:
    """A valid article with one to three fields replaced by anything, dropped or
    typed in unquoted; or its front matter replaced by text."""
    meta, body = draw(article_files())
    if draw(st.integers(0, 9)) == 0:
        return f"---\n{draw(st.text(max_size=200) | typed)}\n---\n{body}\n"
    typed_lines = ""
    for _ in range(draw(st.integers(1, 3))):
        fld = draw(st.sampled_from(ARTICLE_FIELDS + ["onbekend"]) | st.integers(0, 9))
        kind = draw(st.sampled_from(["value", "typed", "drop"]))
        if kind == "value":
            meta[fld] = draw(yaml_values)
        elif kind == "drop":
            meta.pop(fld, None)
        else:
            meta.pop(fld, None)
            typed_lines += f"{fld}: {draw(typed)}\n"
    return f"---\n{dump(meta)}{typed_lines}---\n{body}\n"


@fuzz
@given(garbled_articles() | st.text(max_size=300) | st.builds("---\n{}\n---\n{}".format, st.text(), st.text()))
@example("---\nslug: a\nreviewed_on: 2026-02-30\n---\ntekst\n")
@example("---\nsource: local\nmunicipality: [deventer]\n---\ntekst\n")
@example("---\n1: een\nb: twee\n---\ntekst\n")
@example("---\n" + "[" * 2000 + "\n---\ntekst\n")
def test_garbled_article_gives_content_errors(text):
    parse(text)


# --- the social map loader ---------------------------------------------------------

@st.composite
def record_sets(draw) -> dict[str, list[dict]]:
    """Valid organizations, locations and services of one municipality."""
    org = {"slug": draw(slugs), "municipality": "deventer", "name": draw(texts(120)), "description": draw(words),
           "assured_date": draw(past_dates), "example": draw(st.booleans())}
    if draw(st.booleans()):
        org["url"] = draw(st.sampled_from(["https://www.cjgdeventer.nl", "https://example.org/pad?x=1"]))
    locations = []
    for slug in draw(st.lists(slugs, max_size=3, unique=True)):
        locations.append({"slug": slug, "municipality": "deventer", "name": draw(texts(120)),
                          "assured_date": draw(past_dates), "wijk": draw(st.sampled_from(list(TAX.wijken))),
                          "address": draw(texts(200)), "organization": org["slug"],
                          "languages": draw(st.lists(st.sampled_from(sorted(LANGUAGE_NAMES)), max_size=2,
                                                     unique=True)),
                          "accessibility": draw(st.lists(words, max_size=2)), "example": draw(st.booleans())})
    services = []
    for slug in draw(st.lists(slugs, min_size=1, max_size=3, unique=True)):
        min_age = draw(st.none() | st.integers(0, 120))
        service = {
            "slug": slug, "municipality": "deventer", "name": draw(texts(120)), "summary": draw(texts(300)),
            "description": draw(words), "organization": org["slug"],
            "categories": draw(st.lists(st.sampled_from(list(TAX.service_categories)), min_size=1, max_size=2,
                                        unique=True)),
            "wijken": draw(st.just("all") | st.lists(st.sampled_from(list(TAX.wijken)), min_size=1, max_size=3,
                                                     unique=True)),
            "audiences": draw(st.lists(st.sampled_from(list(TAX.audiences)), min_size=1, unique=True)),
            "languages": draw(st.lists(st.sampled_from(sorted(LANGUAGE_NAMES)), min_size=1, max_size=2, unique=True)),
            "assured_date": draw(past_dates), "min_age": min_age,
            "max_age": draw(st.none() | st.integers(min_age or 0, 120)),
            "phones": draw(st.lists(st.fixed_dictionaries({"number": st.from_regex(r"0[0-9]{2}-[0-9]{7}",
                                                                                   fullmatch=True),
                                                           "description": words}), max_size=2)),
            "status": draw(st.sampled_from(STATUSES)), "example": draw(st.booleans()),
        }
        if draw(st.booleans()):
            service["schedule"] = draw(schedules()).to_dict()
        at = draw(st.lists(st.sampled_from([loc["slug"] for loc in locations]), unique=True)) if locations else []
        service["locations"] = [{"location": s, **({"schedule": draw(schedules()).to_dict()}
                                                   if draw(st.booleans()) else {})} for s in at]
        shown = [service.get("schedule")] + [sal.get("schedule") for sal in service["locations"]]
        service["example"] = service["example"] or any(s and s["example"] for s in shown)
        services.append(service)
    return {"organizations": [org], "locations": locations, "services": services}


def load_records(files: dict[str, str]) -> tuple[SocialMap, list[RecordError]]:
    """Load a content folder with the real taxonomy and these files under socialmap/deventer."""
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        (content / "socialmap" / "deventer").mkdir(parents=True)
        for name in ("taxonomy.yml", "municipalities.yml", "crisis_lines.yml"):
            shutil.copy(CONTENT_DIR / name, content / name)
        for name, text in files.items():
            (content / "socialmap" / "deventer" / name).write_text(text, "utf-8")
        smap, errors = load(content)
    assert isinstance(smap, SocialMap) and all(isinstance(e, RecordError) and e.message for e in errors)
    return smap, errors


@settings(parent=fuzz, max_examples=max(10, EXAMPLES // 2))
@given(record_sets())
def test_valid_records_round_trip(records):
    smap, errors = load_records({f"{kind}.yml": dump(items) for kind, items in records.items()})
    assert errors == [], [str(e) for e in errors]
    for kind, items in records.items():
        loaded = {r.slug: r for r in getattr(smap, kind)}
        assert sorted(loaded) == sorted(r["slug"] for r in items)
        for raw in items:
            record = loaded[raw["slug"]]
            for key, value in raw.items():
                got = getattr(record, key)
                if key == "wijken" and value == "all":
                    value = list(TAX.wijken)
                elif key == "schedule":
                    value = Schedule.from_dict(value)
                elif key == "phones":
                    value = [(p["number"], p["description"]) for p in value]
                    got = [(p.number, p.description) for p in got]
                elif key == "locations" and kind == "services":
                    value = [(s["location"], s.get("schedule") and Schedule.from_dict(s["schedule"])) for s in value]
                    got = [(s.location, s.schedule) for s in got]
                assert got == value, (kind, key)


@st.composite
def garbled_record_files(draw) -> dict[str, str]:
    """Valid files with one record's field replaced by anything, a line typed
    into a file, or a whole file replaced by text."""
    records = draw(record_sets())
    kind = draw(st.sampled_from(list(records)))
    how = draw(st.sampled_from(["value", "value", "typed", "typed", "text", "record"]))
    items = records[kind]
    if how == "value" and items:
        for _ in range(draw(st.integers(1, 3))):
            record = draw(st.sampled_from(items))
            record[draw(st.sampled_from(sorted(FIELDS[kind]) + ["onbekend"]))] = draw(yaml_values | typed)
    if how == "record":
        items.append(draw(yaml_values))
    files = {f"{k}.yml": dump(v) for k, v in records.items()}
    if how == "typed":  # a record typed in by hand, some values unquoted
        record = (draw(st.sampled_from(items)) if items else {"slug": draw(slugs)}).copy()
        typed_in = draw(st.lists(st.sampled_from(sorted(FIELDS[kind])), min_size=1, max_size=3, unique=True))
        lines = [f"{k}: {draw(typed)}" for k in typed_in]
        lines += [dump({k: v}).rstrip("\n").replace("\n", "\n  ") for k, v in record.items() if k not in typed_in]
        files[f"{kind}.yml"] += "- " + "\n  ".join(lines) + "\n"
    if how == "text":
        files[f"{kind}.yml"] = draw(st.text(max_size=200) | typed)
    return files


@settings(parent=fuzz, max_examples=max(10, EXAMPLES // 2))
@given(garbled_record_files())
@example({"organizations.yml": "- slug: cjg\n  assured_date: 2026-02-30\n"})
@example({"organizations.yml": "- slug: cjg\n  municipality: deventer\n  name: CJG\n  description: Het CJG.\n"
                               "  assured_date: 2026-01-01 10:00:00\n"})
def test_garbled_records_give_record_errors(files):
    load_records(files)
