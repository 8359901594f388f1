"""The chat widget's contract: accessible markup rendered by the partial,
strings from data attributes, no inline code (CSP), and a script that talks
only to the portal and keeps the conversation only in sessionStorage.
The real-browser behaviour is tested elsewhere (Playwright)."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import render_template

ROOT = Path(__file__).resolve().parent.parent
JS = (ROOT / "portal/static/js/chat.js").read_text("utf-8")
CSS = (ROOT / "portal/static/css/chat.css").read_text("utf-8")
PARTIAL = "partials/chat_widget.html"


class Element:
    def __init__(self, tag: str, attrs: dict, parent: "Element | None"):
        self.tag, self.attrs, self.parent, self.text, self.children = tag, attrs, parent, "", []

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class Collector(HTMLParser):
    """Every element with its attributes, text and parent; inline script text."""
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "path"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.script_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        parent = self.stack[-1] if self.stack else None
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs}, parent)
        self.elements.append(element)
        if parent is not None:
            parent.children.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1].tag == tag and tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        for element in self.stack:
            element.text += data
        if self.stack and self.stack[-1].tag == "script" and data.strip():
            self.script_text.append(data)


def parse(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    return collector


def by_id(doc: Collector, ident: str) -> Element:
    found = [e for e in doc.elements if e.attrs.get("id") == ident]
    assert len(found) == 1, f"expected one element with id={ident!r}, found {len(found)}"
    return found[0]


def render(app, path: str = "/") -> str:
    with app.test_request_context(path):
        return render_template(PARTIAL)


def string_keys() -> set[str]:
    """The keys chat.js reads with t("..."), as data-* attribute names."""
    keys = set(re.findall(r'\bt\("([A-Za-z]+)"\)', JS))
    assert keys, "chat.js reads no strings"
    return {"data-" + re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), k) for k in keys}


@pytest.fixture
def widget(app):
    return parse(render(app))


# The partial ------------------------------------------------------------------

def test_root_is_hidden_until_script_and_has_every_string(widget):
    root = by_id(widget, "cjg-chat")
    assert "hidden" in root.attrs, "without JavaScript the widget must not show a dead launcher"
    missing = [name for name in sorted(string_keys()) if not root.attrs.get(name, "").strip()]
    assert missing == []
    assert root.attrs["data-locale"] == "nl"
    assert root.attrs["data-exit-url"].startswith("https://")
    for name in ("data-next-open", "data-handoff-next"):
        assert "{when}" in root.attrs[name]
    assert "{phone}" in root.attrs["data-call"] and "{name}" in root.attrs["data-website"]
    assert "CJG Deventer" in root.attrs["data-intro"] and "JongIn Deventer" in root.attrs["data-intro-jongin"]


def test_launcher_is_a_button_that_controls_a_labelled_region(widget):
    launcher = by_id(widget, "cjg-chat-launcher")
    assert launcher.tag == "button" and launcher.attrs.get("type") == "button"
    assert launcher.attrs.get("aria-expanded") == "false"
    panel = by_id(widget, launcher.attrs["aria-controls"])
    assert panel.attrs.get("role") == "region" and "hidden" in panel.attrs
    assert "aria-modal" not in panel.attrs and panel.attrs.get("role") != "dialog"
    title = by_id(widget, panel.attrs["aria-labelledby"])
    assert title.text.strip() == "Chat met de assistent"
    assert "Chat met de assistent" in launcher.text


def test_message_list_is_a_polite_log(widget):
    logs = [e for e in widget.elements if e.attrs.get("role") == "log"]
    assert len(logs) == 1
    log = logs[0]
    assert log.attrs.get("aria-live", "polite") == "polite"
    assert log.attrs.get("aria-label") or log.attrs.get("aria-labelledby")
    statuses = [e for e in widget.elements if e.attrs.get("role") == "status"]
    assert len(statuses) == 2, "polite statuses: the typing indicator and the place in the queue"


def test_input_has_a_label_and_a_limit(widget):
    inputs = [e for e in widget.elements if e.tag in ("input", "textarea")]
    assert len(inputs) == 1
    field = inputs[0]
    labels = [e for e in widget.elements if e.tag == "label" and e.attrs.get("for") == field.attrs.get("id")]
    assert len(labels) == 1 and labels[0].text.strip() == "Stel je vraag"
    assert field.attrs.get("maxlength") == "1000"
    assert any(a.tag == "form" for a in field.ancestors())


def test_controls_are_real_buttons(widget):
    buttons = [e for e in widget.elements if e.tag == "button"]
    texts = {" ".join(b.text.split()) for b in buttons}
    assert {"Versturen", "Snel weg"} <= texts and any(t.endswith("Sluiten") for t in texts)
    assert all(b.attrs.get("type") in ("button", "submit") for b in buttons)
    submit = [b for b in buttons if b.attrs.get("type") == "submit"]
    assert len(submit) == 1 and " ".join(submit[0].text.split()) == "Versturen"
    for element in widget.elements:
        assert element.attrs.get("role") != "button", f"<{element.tag} role=button> instead of a <button>"
        assert not any(name.startswith("on") for name in element.attrs), "inline event handler"
        assert "style" not in element.attrs, "inline style is blocked by the CSP"
        if element.tag == "a":
            assert element.attrs.get("href"), "a link without href is not a button"


def test_no_inline_script_and_a_same_origin_script(widget):
    scripts = [e for e in widget.elements if e.tag == "script"]
    assert len(scripts) == 1 and widget.script_text == []
    src = scripts[0].attrs["src"]
    assert src.startswith("/static/") and not src.startswith("//") and src.endswith("/js/chat.js")
    assert "defer" in scripts[0].attrs
    assert not [e for e in widget.elements if e.tag == "style"]


def test_english_interface(app):
    doc = parse(render(app, "/?lang=en"))
    root = by_id(doc, "cjg-chat")
    assert root.attrs["data-locale"] == "en"
    assert root.attrs["data-exit-url"].startswith("https://")


# On the pages (once base.html includes the partial) ---------------------------

@pytest.mark.parametrize("path, site", [("/", "site-vcjg"), ("/jongeren/", "site-jongin"),
                                        ("/contact", "site-vcjg")])
def test_every_page_has_the_widget(imported, client, path, site):
    response = client.get(path)
    html = response.get_data(as_text=True)
    doc = parse(html)
    body = next(e for e in doc.elements if e.tag == "body")
    assert site in body.attrs.get("class", "").split()
    root = by_id(doc, "cjg-chat")
    assert body in root.ancestors()
    assert len([e for e in doc.elements if e.attrs.get("role") == "log"]) == 1
    assert doc.script_text == [], "inline scripts are blocked by the CSP"
    for script in (e for e in doc.elements if e.tag == "script"):
        assert script.attrs.get("src", "").startswith("/") and not script.attrs["src"].startswith("//")
    stylesheets = [e.attrs.get("href", "") for e in doc.elements
                   if e.tag == "link" and e.attrs.get("rel") == "stylesheet"
                   and any(a.tag == "head" for a in e.ancestors())]
    assert any(href.endswith("/css/chat.css") for href in stylesheets), "chat.css is linked in <head>"
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp and "connect-src 'self'" in csp


def test_static_files_are_served(client):
    for path in ("/static/js/chat.js", "/static/css/chat.css"):
        assert client.get(path).status_code == 200


# chat.js and chat.css, read as text ------------------------------------------------

def code_only(source: str) -> str:
    """The script without its comments (strings stay)."""
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    return re.sub(r"(?m)^\s*//.*$|(?<=[;,{}()\s])//[^\n\"']*$", "", source)


def test_script_never_parses_html():
    code = code_only(JS)
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                      "new Function", "setAttribute(\"style", "DOMParser", "createContextualFragment"):
        assert forbidden not in code, forbidden
    assert "textContent" in code and "createTextNode" in code


def test_script_keeps_the_conversation_only_in_session_storage():
    code = code_only(JS)
    assert "sessionStorage" in code
    assert "localStorage" not in code and "document.cookie" not in code and "indexedDB" not in code


def test_script_talks_only_to_the_portal_api():
    code = code_only(JS)
    assert re.search(r'const API = "/api/chat/messages";', code)
    calls = re.findall(r"\bfetch\(\s*([^,)]+)", code)
    assert calls, "no fetch call found"
    for argument in calls:
        argument = argument.strip()
        assert argument in ("API", "url") or re.fullmatch(r"[\"']/api/[^\"']*[\"']", argument), argument
    # request(url, ...) is the one function that calls fetch; every caller passes the API.
    for argument in re.findall(r"\brequest\(\s*([^,)]+)", code):
        assert argument.strip() in ("API", "url") or re.fullmatch(r"[\"']/api/chat/[^\"']*[\"']", argument.strip()), argument
    assert re.search(r'let url = API \+ "\?conversation_id="', code)
    for forbidden in ("XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon", "importScripts", "http://"):
        assert forbidden not in code, forbidden
    # https:// appears only in the neutral exit site and the link checks.
    for match in re.finditer(r"https:", code):
        line = code[code.rfind("\n", 0, match.start()) + 1:code.find("\n", match.start())]
        assert "DEFAULT_EXIT" in line or "test(" in line, line


def test_script_sends_credentials_and_the_site():
    code = code_only(JS)
    assert 'credentials: "same-origin"' in code
    assert "site-jongin" in code and 'conversation_id' in code
    assert "location.replace(" in code, "quick exit replaces the page in the history"
    assert "MAX_STORED = 100" in code and "MAX_LENGTH = 1000" in code and "POLL_MS = 1000" in code


def test_stylesheet_is_self_contained_and_accessible():
    assert "@import" not in CSS and not re.search(r"url\(\s*['\"]?(https?:)?//", CSS)
    assert "prefers-reduced-motion" in CSS and ":focus-visible" in CSS
    assert "scroll-padding-bottom" in CSS and "--chat-offset" in CSS
    assert "min-height: 44px" in CSS
    assert re.search(r"\.chat\[hidden\]", CSS), "the site's display rules must not override hidden"
