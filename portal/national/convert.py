"""Turn the feed's texts into our Markdown (docs/content-format.md): HTML
becomes Markdown, raw HTML in Markdown is removed, the feed's placeholders
become ours ({{cjgNaam}} -> {cjg}) and links to other national articles
(`ref:<externalReference>`) become `artikel:<slug>`."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

FEED_PLACEHOLDER_RE = re.compile(r"\{\{\s*([A-Za-z]+)\s*\}\}")
PLACEHOLDERS = {"cjgNaam": "{cjg}", "gemeenteNaam": "{gemeente}", "jonginNaam": "{jongin}"}
REF_LINK_RE = re.compile(r"\[([^\]]*)\]\(ref:([^)\s]+)\)")
KEPT_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "b", "em", "i",
             "a", "blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td"}
URL_SCHEMES = {"http", "https", "mailto", "tel", "ref"}
DANGEROUS_RE = re.compile(r"<(script|style|iframe|object|embed|template)\b.*?(</\1\s*>|\Z)", re.I | re.S)
TAG_RE = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>", re.S)
HEADINGS = {"h1": "## ", "h2": "## ", "h3": "### ", "h4": "#### ", "h5": "#### ", "h6": "#### "}
BREAK = "\x00"  # a <br>, until the spaces are tidied
EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*"}


def escape(text: str) -> str:
    """Text that Markdown must show as it is."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text).replace("<", "&lt;")


def _escape_start(line: str) -> str:
    """A paragraph that starts like a heading, quote or list stays a paragraph."""
    line = re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", line)
    return re.sub(r"^([#>+-])", r"\\\1", line)


class _MarkdownWriter(HTMLParser):
    """Cleaned HTML (only KEPT_TAGS, see nh3) to Markdown blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, int]] = []  # (text, number of its list or 0)
        self.inline: list[str] = []
        self.prefix = ""
        self.lists: list[list] = []  # [tag, counter]
        self.links: list[tuple[str, int]] = []  # (href, where its text starts in inline)
        self.emphasis: list[tuple[str, int]] = []  # (mark, where it starts in inline)
        self.item = 0  # the number of the list this block is an item of
        self.list_count = 0
        self.quote = 0
        self.table: list[list[str]] | None = None

    def flush(self) -> None:
        text = re.sub(r"[ \t]+", " ", "".join(self.inline)).strip().replace(BREAK, "  \n")
        self.inline = []
        if text:
            text = self.prefix + (text if self.prefix else _escape_start(text))
            self.blocks.append(("> " * self.quote + text, self.item))
        self.prefix, self.item = "", 0

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "div"):
            if self.lists or self.table is not None:
                self.inline.append(" ")
            else:
                self.flush()
        elif tag in HEADINGS:
            self.flush()
            self.prefix = HEADINGS[tag]
        elif tag in ("ul", "ol"):
            self.flush()
            if not self.lists:
                self.list_count += 1
            self.lists.append([tag, 0])
        elif tag == "li" and self.lists:
            self.flush()
            kind = self.lists[-1]
            kind[1] += 1
            self.prefix = "    " * (len(self.lists) - 1) + ("- " if kind[0] == "ul" else f"{kind[1]}. ")
            self.item = self.list_count
        elif tag in EMPHASIS:
            self.emphasis.append((EMPHASIS[tag], len(self.inline)))
            self.inline.append(EMPHASIS[tag])
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.inline)))
        elif tag == "br":
            self.inline.append(" " if self.table is not None or self.prefix.startswith("#") else BREAK)
        elif tag == "blockquote":
            self.flush()
            self.quote += 1
        elif tag == "hr":
            self.flush()
            self.blocks.append(("---", False))
        elif tag == "table":
            self.flush()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th"):
            self.inline = []

    def handle_endtag(self, tag):
        if tag in ("p", "div", "li") or tag in HEADINGS:
            if not (self.lists and tag in ("p", "div")) and self.table is None:
                self.flush()
        elif tag in ("ul", "ol") and self.lists:
            self.flush()
            self.lists.pop()
        elif tag in EMPHASIS and self.emphasis:
            self._close_emphasis()
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            text = "".join(self.inline[start:]).strip()
            self.inline[start:] = [f"[{text}]({href})" if href and text else text]
        elif tag == "blockquote" and self.quote:
            self.flush()
            self.quote -= 1
        elif tag in ("td", "th") and self.table is not None:
            if not self.table:
                self.table.append([])
            cell = re.sub(r"\s+", " ", "".join(self.inline)).strip().replace("|", "\\|")
            self.table[-1].append(cell)
            self.inline = []
        elif tag == "table" and self.table is not None:
            self._write_table()

    def _close_emphasis(self) -> None:
        """`**` must touch the text it marks: spaces move outside, an empty pair goes."""
        mark, start = self.emphasis.pop()
        lead, core, trail = re.match(r"(\s*)(.*?)(\s*)$", "".join(self.inline[start + 1:]), re.S).groups()
        self.inline[start:] = [lead + mark + core + mark + trail if core else lead + trail]

    def _write_table(self) -> None:
        rows = [r for r in self.table or [] if any(r)]
        self.table = None
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        self.blocks.append(("\n".join(lines), False))

    def handle_data(self, data):
        self.inline.append(escape(re.sub(r"\s+", " ", data.replace(BREAK, ""))))

    def markdown(self) -> str:
        self.flush()
        out = ""
        previous = 0
        for text, item in self.blocks:
            if out:
                out += "\n" if item and item == previous else "\n\n"
            out += text
            previous = item
        return out


def html_to_markdown(html: str) -> str:
    """Safe Markdown from the feed's HTML: scripts, styles, images and every
    other tag outside KEPT_TAGS are gone before the conversion."""
    clean = nh3.clean(html, tags=KEPT_TAGS, attributes={"a": {"href"}}, url_schemes=URL_SCHEMES, link_rel=None)
    writer = _MarkdownWriter()
    writer.feed(clean)
    writer.close()
    return writer.markdown()


def strip_html(markdown: str) -> tuple[str, bool]:
    """Our Markdown has no raw HTML: remove it (scripts with their content).
    Returns the text and whether anything was removed."""
    cleaned = TAG_RE.sub("", DANGEROUS_RE.sub("", markdown))
    return cleaned.strip(), cleaned != markdown


def our_placeholders(text: str) -> tuple[str, list[str]]:
    """{{cjgNaam}} -> {cjg} etc. Returns the text and the unknown placeholders."""
    unknown = [m.group(0) for m in FEED_PLACEHOLDER_RE.finditer(text) if m.group(1) not in PLACEHOLDERS]
    return FEED_PLACEHOLDER_RE.sub(lambda m: PLACEHOLDERS.get(m.group(1), m.group(0)), text), unknown


def resolve_references(text: str, slugs: dict[str, str]) -> tuple[str, list[str]]:
    """`[tekst](ref:<externalReference>)` -> `[tekst](artikel:<slug>)`; a link to
    an article we do not have keeps only its text. Returns the text and the unknown references."""
    unknown: list[str] = []

    def link(match: re.Match) -> str:
        slug = slugs.get(match.group(2))
        if slug is None:
            unknown.append(match.group(2))
            return match.group(1)
        return f"[{match.group(1)}](artikel:{slug})"
    return REF_LINK_RE.sub(link, text), unknown
