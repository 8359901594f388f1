"""Read one content file (YAML front matter + Markdown) and validate it
against the taxonomy. Plain module: no Flask, no database."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from portal.taxonomy import Taxonomy

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INTERNAL_LINK_RE = re.compile(r"\]\(artikel:([^)\s]+)\)")
MAX_TITLE = 120
MAX_SUMMARY = 300
SOURCES = ("national", "local")


@dataclass(frozen=True)
class ContentError:
    """One problem in one file: which file, which field, what is wrong."""
    path: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


@dataclass
class ArticleSource:
    """A validated content file, ready to be imported."""
    path: str
    slug: str
    title: str
    summary: str
    body: str
    audiences: list[str]
    themes: list[str]
    age_phases: list[str]
    source: str
    municipality: str | None
    reviewed_on: dt.date | None
    review_by: dt.date | None
    related: list[str] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)
    videos: list[dict] = field(default_factory=list)
    external_reference: str | None = None
    parent_reference: str | None = None
    position: int | None = None
    last_change_date: dt.date | None = None
    addition_to: str | None = None
    story: bool = False
    example: bool = False
    content_hash: str = ""

    @property
    def internal_links(self) -> list[str]:
        return INTERNAL_LINK_RE.findall(self.body)


def split_front_matter(text: str) -> tuple[str, str] | None:
    """Return (yaml, body) or None when the file has no front matter."""
    if not text.startswith("---"):
        return None
    parts = re.split(r"^---[ \t]*$", text, maxsplit=2, flags=re.M)
    if len(parts) < 3:
        return None
    return parts[1], parts[2].lstrip("\n")


class _Checker:
    def __init__(self, path: str, meta: dict, taxonomy: Taxonomy):
        self.path, self.meta, self.tax = path, meta, taxonomy
        self.errors: list[ContentError] = []

    def error(self, fld: str, message: str) -> None:
        self.errors.append(ContentError(self.path, fld, message))

    def text(self, fld: str, max_len: int, required: bool = True) -> str:
        value = self.meta.get(fld)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(fld, "ontbreekt")
            return ""
        if not isinstance(value, str):
            self.error(fld, "moet tekst zijn")
            return ""
        if len(value) > max_len:
            self.error(fld, f"is langer dan {max_len} tekens")
        return value.strip()

    def slugs(self, fld: str, allowed: dict | None, required: bool) -> list[str]:
        value = self.meta.get(fld) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(fld, "moet een lijst van slugs zijn")
            return []
        if required and not value:
            self.error(fld, "ontbreekt of is leeg")
        if allowed is not None:
            for v in value:
                if v not in allowed:
                    self.error(fld, f"onbekende slug '{v}'")
        return [v for v in value if allowed is None or v in allowed]

    def date(self, fld: str, required: bool) -> dt.date | None:
        value = self.meta.get(fld)
        if value is None:
            if required:
                self.error(fld, "ontbreekt")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.error(fld, f"'{value}' is geen datum (JJJJ-MM-DD)")
            return None

    def link_list(self, fld: str) -> list[dict]:
        value = self.meta.get(fld) or []
        if not isinstance(value, list):
            self.error(fld, "moet een lijst zijn")
            return []
        items = []
        for i, item in enumerate(value):
            if not isinstance(item, dict) or not item.get("title") or not item.get("url"):
                self.error(fld, f"item {i + 1} heeft geen title en url")
                continue
            url = str(item["url"])
            if not (url.startswith(("https://", "http://", "/"))):
                self.error(fld, f"item {i + 1}: url moet met https:// of / beginnen")
                continue
            items.append({"title": str(item["title"]), "url": url})
        return items


def parse_text(path: str, text: str, taxonomy: Taxonomy,
               municipalities: dict) -> tuple[ArticleSource | None, list[ContentError]]:
    """Parse and validate one file's text. Returns the article or the errors."""
    split = split_front_matter(text)
    if split is None:
        return None, [ContentError(path, "front matter", "geen YAML-kop tussen twee regels '---'")]
    try:
        meta = yaml.safe_load(split[0])
    except (yaml.YAMLError, ValueError, RecursionError) as exc:  # ValueError: a date such as 2026-02-30
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 2})" if mark else ""
        return None, [ContentError(path, "front matter", f"ongeldige YAML{where}: {getattr(exc, 'problem', exc)}")]
    if not isinstance(meta, dict):
        return None, [ContentError(path, "front matter", "de YAML-kop is geen lijst van velden")]

    c = _Checker(path, meta, taxonomy)
    slug = c.text("slug", 100)
    if slug and not SLUG_RE.match(slug):
        c.error("slug", f"'{slug}' mag alleen kleine letters, cijfers en '-' bevatten")
    if slug and Path(path).stem != slug:
        c.error("slug", f"bestandsnaam moet {slug}.md zijn")
    title = c.text("title", MAX_TITLE)
    summary = c.text("summary", MAX_SUMMARY)
    audiences = c.slugs("audiences", taxonomy.audiences, required=True)
    themes = c.slugs("themes", taxonomy.themes, required=True)
    age_phases = c.slugs("age_phases", taxonomy.age_phases, required="ouders" in audiences)
    for theme in themes:
        allowed = taxonomy.themes[theme].audiences
        for audience in audiences:
            if audience != "professionals" and audience not in allowed:
                c.error("themes", f"thema '{theme}' is er niet voor doelgroep '{audience}'")

    source = meta.get("source")
    if source not in SOURCES:
        c.error("source", "moet 'national' of 'local' zijn")
    municipality = meta.get("municipality")
    addition_to = meta.get("addition_to")
    if source == "local":
        if not isinstance(municipality, str) or municipality not in municipalities:
            c.error("municipality", f"onbekende gemeente '{municipality}'")
    elif source == "national":
        if municipality:
            c.error("municipality", "landelijke inhoud hoort bij geen gemeente")
        if addition_to:
            c.error("addition_to", "alleen lokale inhoud kan een aanvulling zijn")
        if not meta.get("external_reference"):
            c.error("external_reference", "ontbreekt (verplicht voor landelijke inhoud)")
    if addition_to is not None and (not isinstance(addition_to, str) or not SLUG_RE.match(addition_to)):
        c.error("addition_to", "moet de slug van een landelijk artikel zijn")

    position = meta.get("position")
    if position is not None and not isinstance(position, int):
        c.error("position", "moet een geheel getal zijn")
        position = None
    body = split[1].strip()
    if not body:
        c.error("body", "de tekst is leeg")
    if re.search(r"<\s*(script|iframe|style|object|embed)\b", body, re.I):
        c.error("body", "HTML zoals <script> of <iframe> is niet toegestaan")

    article = ArticleSource(
        path=path, slug=slug, title=title, summary=summary, body=body,
        audiences=audiences, themes=themes, age_phases=age_phases,
        source=source if source in SOURCES else "", municipality=municipality if source == "local" else None,
        reviewed_on=c.date("reviewed_on", required=True), review_by=c.date("review_by", required=False),
        related=c.slugs("related", None, required=False),
        links=c.link_list("links"), attachments=c.link_list("attachments"), videos=c.link_list("videos"),
        external_reference=_opt_str(meta.get("external_reference")),
        parent_reference=_opt_str(meta.get("parent_reference")),
        position=position, last_change_date=c.date("last_change_date", required=False),
        addition_to=addition_to, story=bool(meta.get("story")), example=bool(meta.get("example")),
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    known = {"slug", "title", "summary", "audiences", "themes", "age_phases", "source", "municipality",
             "reviewed_on", "review_by", "related", "links", "attachments", "videos", "external_reference",
             "parent_reference", "position", "last_change_date", "addition_to", "story", "example"}
    for unknown in sorted(str(k) for k in set(meta) - known):
        c.error(unknown, "onbekend veld")
    return (None, c.errors) if c.errors else (article, [])


def _opt_str(value) -> str | None:
    return None if value is None else str(value)


def content_files(content_dir: Path) -> list[Path]:
    """All article files: national first, then every municipality's local files."""
    files = sorted((content_dir / "national").glob("*.md"))
    files += sorted((content_dir / "local").glob("*/*.md"))
    return files


def read_all(content_dir: Path, taxonomy: Taxonomy, municipalities: dict):
    """Parse every content file and check what spans files: duplicate slugs,
    additions to unknown articles. Returns (articles, errors)."""
    articles: list[ArticleSource] = []
    errors: list[ContentError] = []
    seen: dict[str, str] = {}
    for path in content_files(content_dir):
        rel = str(path.relative_to(content_dir.parent))
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            errors.append(ContentError(rel, "bestand", "geen geldige UTF-8-tekst"))
            continue
        article, errs = parse_text(rel, text, taxonomy, municipalities)
        errors.extend(errs)
        if article is None:
            continue
        if article.slug in seen:
            errors.append(ContentError(rel, "slug", f"'{article.slug}' bestaat al in {seen[article.slug]}"))
            continue
        seen[article.slug] = rel
        articles.append(article)
    national = {a.slug for a in articles if a.source == "national"}
    valid = []
    for a in articles:
        if a.addition_to and a.addition_to not in national:
            errors.append(ContentError(a.path, "addition_to", f"landelijk artikel '{a.addition_to}' bestaat niet"))
            continue
        valid.append(a)
    return valid, errors
