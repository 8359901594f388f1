"""Check the feed (docs/national-sync.md) and turn it into FeedArticles in our
format. A feed that is not in the agreed shape raises FeedError; one bad
article is reported (in Dutch, with its field) and skipped. Taxonomy values
we do not know are reported and left out."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from portal.national import convert
from portal.national.feed import FeedError
from portal.taxonomy import Taxonomy, Term

MAX_TITLE = 200  # the Article columns
MAX_SUMMARY = 400
MAX_REFERENCE = 100
MAX_BODY = 200_000
FORMATS = ("html", "markdown")


@dataclass(frozen=True)
class Problem:
    """One remark about one article: an error skips it, a warning does not."""
    level: str  # error | warning
    subject: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.field}: {self.message}" if self.field else f"{self.subject}: {self.message}"


@dataclass
class FeedArticle:
    """An article of the feed, checked, with its text in our Markdown. Links
    to other national articles are still `ref:<externalReference>`."""
    reference: str
    content_set: str
    subject: str
    deleted: bool = False
    title: str = ""
    summary: str = ""
    body: str = ""
    audiences: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    age_phases: list[str] = field(default_factory=list)
    parent_reference: str | None = None
    position: int | None = None
    last_change_date: dt.date | None = None
    links: list[dict] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)
    videos: list[dict] = field(default_factory=list)


@dataclass
class Feed:
    generated_at: dt.datetime | None
    changed_after: dt.datetime | None  # set when the feed holds only what changed after this moment
    articles: list[FeedArticle] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # every reference in the feed, skipped ones too
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0


def parse_moment(value) -> tuple[dt.datetime, dt.date] | None:
    """An ISO 8601 date or moment (naive means UTC) and the date it names."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)), moment.date()


def _feed_moment(raw: dict, name: str) -> dt.datetime | None:
    if raw.get(name) is None:
        return None
    parsed = parse_moment(raw[name])
    if parsed is None:
        raise FeedError(f"'{name}' van de feed is geen datum of tijdstip (ISO 8601, bijvoorbeeld "
                        f"2026-11-20T10:00:00Z): {str(raw[name])[:40]!r}.")
    return parsed[0]


class _Checker:
    """The checks of one article; collects its problems."""

    def __init__(self, raw: dict, subject: str):
        self.raw, self.subject = raw, subject
        self.problems: list[Problem] = []

    @property
    def failed(self) -> bool:
        return any(p.level == "error" for p in self.problems)

    def error(self, fld: str, message: str) -> None:
        self.problems.append(Problem("error", self.subject, fld, message))

    def warn(self, fld: str, message: str) -> None:
        self.problems.append(Problem("warning", self.subject, fld, message))

    def text(self, fld: str, max_len: int) -> str:
        value = self.raw.get(fld)
        if value is None or (isinstance(value, str) and not value.strip()):
            self.error(fld, "ontbreekt")
            return ""
        if not isinstance(value, str):
            self.error(fld, "moet tekst zijn")
            return ""
        value = " ".join(value.split())
        if len(value) > max_len:
            self.error(fld, f"is langer dan {max_len} tekens")
        return self.placeholders(fld, value)

    def placeholders(self, fld: str, value: str) -> str:
        value, unknown = convert.our_placeholders(value)
        for name in unknown:
            self.error(fld, f"onbekende plaatshouder {name} (bekend: "
                            f"{', '.join('{{' + p + '}}' for p in convert.PLACEHOLDERS)})")
        return value

    def body(self) -> str:
        value, fmt = self.raw.get("body"), self.raw.get("bodyFormat", "html")
        if fmt not in FORMATS:
            self.error("bodyFormat", f"moet 'html' of 'markdown' zijn, niet {str(fmt)[:20]!r}")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.error("body", "de tekst ontbreekt")
            return ""
        if len(value) > MAX_BODY:
            self.error("body", f"is langer dan {MAX_BODY} tekens")
            return ""
        if fmt == "html":
            text = convert.html_to_markdown(value)
        else:
            text, removed = convert.strip_html(value)
            if removed:
                self.warn("body", "HTML in de Markdown-tekst is weggehaald")
        if not text.strip():
            self.error("body", "de tekst is leeg na het opschonen")
        return self.placeholders("body", text)

    def terms(self, fld: str, vocabulary: dict[str, Term], noun: str) -> list[str]:
        value = self.raw.get(fld) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(fld, "moet een lijst van teksten zijn")
            return []
        by_label = {label.lower(): t.slug for t in vocabulary.values() for label in (t.nl, t.en)}
        slugs = []
        for v in value:
            slug = v if v in vocabulary else by_label.get(v.strip().lower())
            if slug is None:
                self.warn(fld, f"{noun} '{v[:60]}' staat niet in onze taxonomie en is weggelaten")
            elif slug not in slugs:
                slugs.append(slug)
        return slugs

    def reference(self, fld: str, required: bool) -> str | None:
        value = self.raw.get(fld)
        if value is None or value == "":
            if required:
                self.error(fld, "ontbreekt")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.error(fld, "moet tekst of een getal zijn")
            return None
        value = str(value)
        if len(value) > MAX_REFERENCE or not value.strip() or any(c.isspace() for c in value):
            self.error(fld, f"moet 1 tot {MAX_REFERENCE} tekens zonder spaties zijn")
            return None
        return value

    def position(self) -> int | None:
        value = self.raw.get("position")
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            self.error("position", "moet een geheel getal zijn")
            return None
        return value

    def link_list(self, fld: str) -> list[dict]:
        value = self.raw.get(fld) or []
        if not isinstance(value, list):
            self.warn(fld, "is geen lijst en is weggelaten")
            return []
        items = []
        for i, item in enumerate(value, 1):
            url = item.get("url") if isinstance(item, dict) else None
            title = item.get("title") if isinstance(item, dict) else None
            if not isinstance(title, str) or not isinstance(url, str) or not title.strip() \
                    or not url.startswith(("https://", "http://", "/")):
                self.warn(fld, f"item {i} heeft geen title en een url met https:// of / en is weggelaten")
                continue
            items.append({"title": title.strip()[:200], "url": url.strip()[:500]})
        return items


def _article(raw, content_set: str, number: int, taxonomy: Taxonomy) -> tuple[FeedArticle | None, list[Problem]]:
    where = f"artikel {number} in '{content_set}'"
    if not isinstance(raw, dict):
        return None, [Problem("error", where, "", "is geen JSON-object")]
    title = raw.get("title")
    reference = raw.get("externalReference")
    subject = where if reference is None else f"{str(reference)[:100]} ({where})"
    if isinstance(title, str) and title.strip():
        subject = f"{subject} '{' '.join(title.split())[:80]}'"
    c = _Checker(raw, subject)
    reference = c.reference("externalReference", required=True)
    deleted = raw.get("deleted", False)
    if not isinstance(deleted, bool):
        c.error("deleted", "moet true of false zijn")
    moment = raw.get("lastChangeDate")
    parsed = parse_moment(moment)
    if parsed is None and (moment is not None or not deleted):
        c.error("lastChangeDate", "ontbreekt" if moment is None else
                f"'{str(moment)[:40]}' is geen datum of tijdstip (ISO 8601, bijvoorbeeld 2026-11-20T10:00:00Z)")
    if deleted is True:
        return (None if c.failed else FeedArticle(reference, content_set, subject, deleted=True)), c.problems
    article = FeedArticle(
        reference=reference or "", content_set=content_set, subject=subject,
        title=c.text("title", MAX_TITLE), summary=c.text("summary", MAX_SUMMARY), body=c.body(),
        audiences=c.terms("audiences", taxonomy.audiences, "onbekende doelgroep"),
        themes=c.terms("themes", taxonomy.themes, "onbekend thema"),
        age_phases=c.terms("ageGroups", taxonomy.age_phases, "onbekende leeftijdsfase"),
        parent_reference=c.reference("parentReference", required=False), position=c.position(),
        last_change_date=parsed[1] if parsed else None,
        links=c.link_list("links"), attachments=c.link_list("attachments"), videos=c.link_list("videos"),
    )
    if not article.audiences:
        c.error("audiences", "geen bekende doelgroep: het artikel kan nergens staan")
    if not article.themes:
        c.error("themes", "geen bekend thema: het artikel kan nergens staan")
    for theme in article.themes:
        fits = [a for a in article.audiences if a != "professionals" and a not in taxonomy.themes[theme].audiences]
        for audience in fits:
            c.warn("themes", f"thema '{theme}' heeft bij ons geen pagina voor doelgroep '{audience}'")
    return (None if c.failed else article), c.problems


def parse(text: str, taxonomy: Taxonomy) -> Feed:
    """The whole feed, checked. Raises FeedError when its shape is wrong."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedError(f"De feed is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}).") from exc
    if not isinstance(raw, dict):
        raise FeedError("De feed moet een JSON-object zijn met een lijst 'contentSets'.")
    sets = raw.get("contentSets")
    if not isinstance(sets, list):
        raise FeedError("De feed heeft geen lijst 'contentSets'.")
    feed = Feed(generated_at=_feed_moment(raw, "generatedAt"), changed_after=_feed_moment(raw, "changedAfter"))
    for i, content_set in enumerate(sets, 1):
        if not isinstance(content_set, dict) or not isinstance(content_set.get("articles"), list):
            raise FeedError(f"Inhoudsset {i} van de feed is geen object met een lijst 'articles'.")
        name = str(content_set.get("name") or f"set {i}")[:100]
        for number, item in enumerate(content_set["articles"], 1):
            reference = item.get("externalReference") if isinstance(item, dict) else None
            duplicate = reference is not None and str(reference) in feed.seen
            if reference is not None:
                feed.seen.add(str(reference))
            article, problems = _article(item, name, number, taxonomy)
            feed.problems.extend(problems)
            if duplicate:
                feed.problems.append(Problem("error", f"{reference} (artikel {number} in '{name}')",
                                             "externalReference", "staat twee keer in de feed; de tweede is overgeslagen"))
            if article is None or duplicate:
                feed.skipped += 1
            else:
                feed.articles.append(article)
    return feed
