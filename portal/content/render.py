"""Turn an article's Markdown into safe HTML: placeholders resolved, internal
links pointed at the right site, raw HTML removed."""
from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

PLACEHOLDER_RE = re.compile(r"\{(cjg|gemeente|jongin)\}")
INTERNAL_RE = re.compile(r"\]\(artikel:([a-z0-9-]+)\)")
ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "br", "hr",
                "table", "thead", "tbody", "tr", "th", "td"}


def article_path(slug: str, audiences: list[str]) -> str:
    """The portal path of an article: JongIn when young people come first."""
    site = "jongeren" if audiences and audiences[0] == "jongeren" else "ouders"
    return f"/{site}/artikel/{slug}"


def resolve_placeholders(text: str, municipality: dict) -> str:
    values = {"cjg": municipality.get("cjg_name", "het CJG"), "gemeente": municipality.get("name", ""),
              "jongin": municipality.get("jongin_name", "JongIn")}
    return PLACEHOLDER_RE.sub(lambda m: values[m.group(1)], text)


def resolve_links(text: str, paths: dict[str, str]) -> str:
    """`artikel:<slug>` becomes the article's path; unknown slugs lose the link."""
    return INTERNAL_RE.sub(lambda m: f"]({paths.get(m.group(1), '/zoeken?q=' + m.group(1))})", text)


@lru_cache(maxsize=2048)
def markdown_to_html(text: str) -> str:
    html = markdown.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    # raw HTML in the source is not allowed: nh3 keeps only the tags above
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}, "th": {"scope"}},
                     url_schemes={"http", "https", "mailto", "tel"}, link_rel="noopener")


def render(body: str, municipality: dict, paths: dict[str, str]) -> str:
    return markdown_to_html(resolve_links(resolve_placeholders(body, municipality), paths))


def plain_text(body: str, municipality: dict) -> str:
    """The text without Markdown syntax, for the search index and the API."""
    text = resolve_placeholders(body, municipality)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"[#*_>`\[\]|]", " ", text)
    return re.sub(r"\s+", " ", text).strip()
