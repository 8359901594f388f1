"""Accessibility in a real browser (docs/accessibility.md).

axe-core (from npm, pinned in package-lock.json) checks every page of both
sites, the social map, e-hulp, the chat widget with its cards, the worker
console and the editorial screens; keyboard-only journeys go through the chat
and the handoff to a worker. Playwright drives Debian's Chromium against the
real stack (trained assistant, Rasa, action server, portal).

The pages come from the app's url_map: every endpoint that answers GET with a
page is checked, so a new page is covered without touching this file. An
address with parameters is found by following links from the pages without
parameters, after the test has made the data those links need the way people
make it: through the public forms, the chat, the console and the editors'
"nieuw" forms. A serious or critical violation fails the test with the rule,
the element and the rule's help page."""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from collections import deque
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from werkzeug.exceptions import HTTPException
from werkzeug.routing import AnyConverter, RequestRedirect

from tests.test_browser_handoff import ARGS, CHROMIUM, PASSWORD, content_with_chat_hours_all_day
from portal.socialmap.hours import TZ
from tools.stack import ROOT, running_stack, train_model

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")
ADMIN = "redactie@cjg.example"      # every right: console, editorial screens, board, stories, sync
WORKER = "bram@cjg.example"         # takes the keyboard-only handoff
EDITOR_PASSWORD = "sociale-kaart-redactie"
STAFF_PREFIXES = ("/medewerker", "/redactie")
PUBLIC_IN_STAFF_AREA = {"console.login"}
EXIT_PREFIX = "https://www.google.com/"  # the quick exit's target; answered locally, nothing leaves the machine
SAMPLE_TEXT = ("Dit is een voorbeeld voor de toegankelijkheidstest. Mijn zoon van vijftien slaapt slecht en is vaak "
               "moe op school. We praten er thuis wel over, maar ik weet niet goed wat ik nog kan doen. Hebben "
               "andere ouders hier ervaring mee, en wat hielp hen?")
FILL_FORM = """(form, text) => {
  // Fill what must be filled: required fields, a choice in every radio group, and what the server marked
  // as wrong (aria-invalid on the field or its fieldset, or a link to it in the error summary).
  // Optional fields stay empty.
  // today where the portal is (its dates are Dutch): in UTC it is still yesterday between 23:00 and 24:00
  const today = new Date().toLocaleDateString('sv-SE', {timeZone: 'PORTAL_TZ'});
  const plain = {text: 'Voorbeeld voor de toegankelijkheidstest', email: 'voorbeeld@example.org',
                 url: 'https://example.org/', date: today, tel: '0570 000000', number: '16'};
  const times = ['10:00', '12:00'];
  const used = {};
  const summary = [...document.querySelectorAll('[role=alert] a[href^="#"]')]
    .map(a => document.getElementById(a.getAttribute('href').slice(1))).filter(Boolean);
  const wrong = el => el.closest('[aria-invalid=true]') || summary.some(target => target.contains(el));
  const checked = (type, name) => form.querySelector(`input[type=${type}][name="${CSS.escape(name)}"]:checked`);
  for (const el of form.elements) {
    if (el.disabled || ['hidden', 'file', 'password', 'submit', 'button'].includes(el.type)) continue;
    if (el.type === 'radio') { if (!checked('radio', el.name)) el.checked = true; continue; }
    if (!el.required && !wrong(el)) continue;
    const n = used[el.name] = (used[el.name] || 0) + 1;
    if (el.type === 'checkbox') { if (!checked('checkbox', el.name)) el.checked = true; }
    else if (el.value) continue;
    else if (el.tagName === 'TEXTAREA') el.value = el.maxLength > 0 ? text.slice(0, el.maxLength) : text;
    else if (el.tagName === 'SELECT') { if (el.options.length > 1) el.selectedIndex = 1; }
    else if (el.type === 'time') el.value = times.shift() || '12:00';
    else if (el.type === 'number') el.value = el.min || plain.number;
    else if (el.type in plain) {
      const value = el.type === 'text' && n > 1 ? `${plain.text} ${n}` : plain[el.type];
      el.value = el.maxLength > 0 ? value.slice(0, el.maxLength) : value;
    }
  }
}""".replace("PORTAL_TZ", TZ.key)


# --- the pages, from the app's url_map ------------------------------------------------------

@lru_cache(maxsize=1)
def url_map():
    from portal import create_app
    return create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).url_map


def is_page(rule) -> bool:
    """A GET route that shows a page: not the API, a static file, a calendar, a photo or the language switch."""
    path = rule.rule
    return ("GET" in rule.methods and rule.endpoint not in ("static", "pages.language") and "/api/" not in path
            and not path.startswith("/api") and not path.endswith((".ics", "/foto")))


def page_endpoints() -> list[str]:
    return sorted({rule.endpoint for rule in url_map().iter_rules() if is_page(rule)})


def staff_page(endpoint: str) -> bool:
    rules = [r.rule for r in url_map().iter_rules(endpoint)]
    return endpoint not in PUBLIC_IN_STAFF_AREA and any(r.startswith(STAFF_PREFIXES) for r in rules)


def endpoint_of(path: str) -> str | None:
    parts = urlsplit(path)
    try:
        endpoint, _ = url_map().bind("localhost").match(parts.path, method="GET", query_args=parts.query)
    except (HTTPException, RequestRedirect):
        return None
    return endpoint


# --- axe -----------------------------------------------------------------------------------

def axe_violations(page, impacts=FAILING_IMPACTS) -> list[dict]:
    """axe-core's violations on the page as it is now, with the impacts asked for."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [v for v in found if v["impact"] in impacts]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:6]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
        if len(v["nodes"]) > 6:
            lines.append(f"    ... and {len(v['nodes']) - 6} more")
    return "\n".join(lines)


def assert_accessible(page, what: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"{what} ({page.url}) has serious or critical accessibility problems:\n" \
                           f"{describe(violations)}"


# --- the accessibility statement -------------------------------------------------------------

def test_statement_is_in_the_footer_of_both_sites(client):
    statement = client.get("/toegankelijkheid")
    text = statement.get_data(as_text=True)
    assert statement.status_code == 200 and "<h1>Toegankelijkheidsverklaring</h1>" in text
    for heading in ("Hoe staat het ervoor?", "Wat hebben we getest, en hoe?", "Wat werkt nog niet goed?",
                    "Loop je ergens tegenaan?"):
        assert heading in text
    assert 'class="site-jongin"' in client.get("/toegankelijkheid?site=jongin").get_data(as_text=True)
    for home, href in (("/", 'href="/toegankelijkheid"'), ("/jongeren/", 'href="/toegankelijkheid?site=jongin"')):
        page = client.get(home).get_data(as_text=True)
        assert href in page[page.index("<footer"):], f"no link to the statement in the footer of {home}"


def test_ehulp_error_is_tied_to_the_field_it_is_about(client):
    page = client.post("/e-hulp", data={"text": "Mijn dochter slaapt slecht", "email": "geen adres"})
    text = page.get_data(as_text=True)
    assert page.status_code == 400 and 'id="question-error"' in text
    email = re.search(r'<input id="question-email"[^>]*>', text).group(0)
    question = re.search(r'<textarea id="question-text"[^>]*>', text).group(0)
    assert 'aria-invalid="true"' in email and "question-error" in email
    assert 'aria-invalid' not in question and "question-error" not in question
    lookup = client.get("/e-hulp/antwoord/ABCD-1234").get_data(as_text=True)
    field = re.search(r'<input id="ticket"[^>]*>', lookup).group(0)
    assert 'value="ABCD-1234"' in field and 'aria-describedby="ticket-error"' in field


# --- the stack, the browser and the data ----------------------------------------------------

def flask_cli(args: list[str], instance: Path, env: dict, stdin: str = "") -> None:
    subprocess.run([str(ROOT / ".venv/bin/flask"), *args], input=stdin, text=True, check=True, cwd=ROOT,
                   env={**os.environ, **env, "FLASK_APP": "portal", "INSTANCE_PATH": str(instance)},
                   stdout=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make browser installs it)")
    assert AXE.exists(), "axe-core is missing: run make a11y-deps (npm ci)"
    train_model()
    base = tmp_path_factory.mktemp("a11y")
    feed = base / "national-feed.json"  # make_data syncs two versions of the national feed
    env = {"CONTENT_DIR": str(content_with_chat_hours_all_day(base / "content")), "EDITOR_PASSWORD": EDITOR_PASSWORD,
           "NATIONAL_FEED_URL": str(feed)}
    with running_stack(base / "instance", env=env) as urls:
        for email, role, name in ((ADMIN, "admin", "Anna"), (WORKER, "worker", "Bram")):
            flask_cli(["users", "create", "--email", email, "--role", role, "--name", name], base / "instance", env,
                      f"{PASSWORD}\n{PASSWORD}\n")
        yield {**urls, "feed": feed}


@pytest.fixture(scope="module")
def browser(stack):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def new_context(browser, portal: str):
    # bypass_csp: axe is injected with add_script_tag, which adds an inline script that the portal's CSP
    # (script-src 'self') rightly blocks. Only the test's own script needs it; the pages are unchanged.
    context = browser.new_context(base_url=portal, bypass_csp=True,
                                  http_credentials={"username": "redactie", "password": EDITOR_PASSWORD})
    context.route(EXIT_PREFIX + "**", lambda route: route.fulfill(content_type="text/html",
                                                                  body="<!doctype html><title>weer</title>"))
    return context


def log_in(page, email: str) -> None:
    page.goto("/medewerker/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).not_to_have_url(re.compile(r"/login"))


@pytest.fixture(scope="module")
def public(browser, stack):
    context = new_context(browser, stack["portal"])
    yield context
    context.close()


@pytest.fixture(scope="module")
def staff(browser, stack):
    context = new_context(browser, stack["portal"])
    page = context.new_page()
    log_in(page, ADMIN)
    page.close()
    yield context
    context.close()


SHOWS_ERRORS = "[aria-invalid=true], .form-error, [role=alert]"
POST_FORM = "main form[method=post]:has([type=submit])"


def submit_form(page, form, attempts: int = 3) -> None:
    """Fill what is empty with example values and send; again while the page answers with the form and
    a message (an error, or a warning in a preview)."""
    for _ in range(attempts):
        form.evaluate(FILL_FORM, SAMPLE_TEXT)
        with page.expect_navigation():
            form.locator("[type=submit]").last.click()
        if not (page.locator(SHOWS_ERRORS).count() and page.locator(POST_FORM).count()):
            return
        form = page.locator(POST_FORM).last


def make_data(stack, public, staff) -> list[str]:
    """What visitors, a worker and an editor make, the way they make it; returns the addresses of the pages
    this ends on and of what they link to."""
    seen = []
    page = public.new_page()
    page.set_default_timeout(10000)
    for path in ("/e-hulp", "/jongeren/verhalen/schrijven"):  # a question and a story
        page.goto(path)
        submit_form(page, page.locator(POST_FORM).last)
        seen += links_on(page)
    page.close()

    editor = staff.new_page()
    editor.set_default_timeout(10000)
    seen.append(take_a_conversation(editor, stack["portal"]) + "?kaart=baby")
    for path in creation_forms():
        editor.goto(path)
        submit_form(editor, editor.locator(POST_FORM).last)
        seen += [urlsplit(editor.url).path] + links_on(editor)
    for version in ("feed-v1.json", "feed-v2.json"):  # two national syncs: new articles, then changes
        shutil.copy(ROOT / "tests" / "fixtures" / "national" / version, stack["feed"])
        editor.goto("/redactie/landelijk/")
        with editor.expect_navigation():
            editor.locator("form[action$='/synchroniseren'] [type=submit]").last.click()
        seen += links_on(editor)
    editor.close()
    return seen


def take_a_conversation(editor, portal: str) -> str:
    """A visitor asks the assistant and then for a person; the editor, on duty, takes the conversation.
    Returns the conversation's address in the console."""
    editor.goto("/medewerker/")
    if editor.get_by_role("button", name="In dienst gaan").count():
        with editor.expect_navigation():
            editor.get_by_role("button", name="In dienst gaan").click()
    visitor = requests.Session()
    started = visitor.post(f"{portal}/api/chat/messages", json={"text": "Mijn baby huilt elke avond heel veel",
                                                                 "site": "vcjg"}, timeout=60).json()
    visitor.post(f"{portal}/api/chat/handoff", json={"conversation_id": started["conversation_id"]}, timeout=30)
    editor.goto("/medewerker/")
    with editor.expect_navigation():
        editor.get_by_role("button", name="Aannemen").first.click()
    return urlsplit(editor.url).path


def approve_a_story(staff, review_path: str) -> list[str]:
    """An editor approves the story sent in; returns the links on the stories page after that."""
    page = staff.new_page()
    page.goto(review_path)
    approve = page.locator("form[action$='/goedkeuren']")
    if approve.count():
        with page.expect_navigation():
            approve.first.locator("button[type=submit]").last.click()
    page.goto("/jongeren/verhalen")
    links = links_on(page)
    page.close()
    return links


def example_paths(rule) -> list[str]:
    """The addresses of a rule whose only parameters have a fixed set of values (e.g. any(nieuws, agenda))."""
    args = list(rule.arguments)
    if not args:
        return [url_map().bind("localhost").build(rule.endpoint, {}, method="GET")]
    converter = rule._converters[args[0]] if len(args) == 1 else None  # a bound rule's converters, by name
    if isinstance(converter, AnyConverter):
        adapter = url_map().bind("localhost")
        return [adapter.build(rule.endpoint, {args[0]: value}, method="GET") for value in sorted(converter.items)]
    return []


def creation_forms() -> list[str]:
    """The editors' "nieuw" forms (an article, news, an event, a course, a poll, ...), from the url_map."""
    return [path for rule in url_map().iter_rules() if rule.rule.startswith("/redactie")
            and rule.rule.endswith("/nieuw") and "GET" in rule.methods for path in example_paths(rule)]


def links_on(page) -> list[str]:
    return page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")


ADDRESS = re.compile(r"""(?:href|action)=["']([^"']+)["']""")  # links, and forms whose address also answers GET


class SiteMap:
    """One example address per page endpoint: the addresses without parameters, then whatever the
    pages link to, fetched as a visitor or, under /medewerker and /redactie, as the editor."""

    def __init__(self, public, staff, portal: str):
        self.contexts = {False: public, True: staff}
        self.host = urlsplit(portal).netloc
        self.examples: dict[str, str] = {}
        self.not_pages: set[str] = set()
        self.tried: set[str] = set()

    def crawl(self, seeds) -> None:
        todo = deque(seeds)
        while todo:
            path = self.local_path(todo.popleft())
            endpoint = path and endpoint_of(path)
            if not endpoint or path in self.tried or endpoint in self.examples or endpoint in self.not_pages:
                continue
            self.tried.add(path)
            response = self.contexts[staff_page(endpoint)].request.get(path, max_redirects=0)
            if response.status != 200:
                continue
            if "text/html" not in response.headers.get("content-type", ""):
                self.not_pages.add(endpoint)
                continue
            self.examples[endpoint] = path
            todo.extend(html.unescape(href) for href in ADDRESS.findall(response.text()))

    def local_path(self, href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme not in ("", "http") or (parts.netloc and parts.netloc != self.host):
            return None
        if not parts.path.startswith("/"):
            return None
        return parts.path + (f"?{parts.query}" if parts.query else "")


_failed: list[str] = []  # pytest runs a failed module fixture again for every test: once is enough


@pytest.fixture(scope="module")
def site(stack, public, staff) -> SiteMap:
    if _failed:
        pytest.fail(f"making the data and finding the pages failed: {_failed[0]}")
    try:
        seen = make_data(stack, public, staff)
        site = SiteMap(public, staff, stack["portal"])
        no_parameters = [path for rule in url_map().iter_rules() if is_page(rule) for path in example_paths(rule)]
        site.crawl(no_parameters + seen)
        if "stories.review" in site.examples:
            site.crawl(approve_a_story(staff, site.examples["stories.review"]))
    except Exception as exc:
        _failed.append(f"{type(exc).__name__}: {exc}")
        raise
    return site


# --- every page -----------------------------------------------------------------------------

@pytest.mark.parametrize("endpoint", page_endpoints())
def test_page_has_no_serious_accessibility_problems(site, endpoint):
    if endpoint in site.not_pages:
        pytest.skip(f"{endpoint} answers with a file, not a page")
    assert endpoint in site.examples, (
        f"no address of {endpoint} could be reached: nothing links to it with data made through the forms "
        f"(tried: {sorted(p for p in site.tried if endpoint_of(p) == endpoint)[:3]})")
    page = site.contexts[staff_page(endpoint)].new_page()
    try:
        page.goto(site.examples[endpoint])
        assert_accessible(page, endpoint)
    finally:
        page.close()


WIDER_THAN_SCREEN = """() => {
  // The innermost elements that stick out of the screen, or whose text sticks out of them.
  const out = el => el.getBoundingClientRect().right > innerWidth + 1
    || (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible');
  return [...document.querySelectorAll('body *')]
    .filter(el => out(el) && ![...el.children].some(out) && getComputedStyle(el).position !== 'fixed'
                  && !el.closest('[hidden], .visually-hidden, .chat-sr'))
    .slice(0, 5).map(el => el.outerHTML.slice(0, 120));
}"""


@pytest.mark.parametrize("endpoint", [e for e in page_endpoints() if not staff_page(e)])
def test_public_page_fits_a_narrow_screen(site, endpoint):
    """WCAG 1.4.10 (reflow): 320 CSS pixels wide, as at 400 % zoom, nothing needs sideways scrolling."""
    if endpoint not in site.examples:
        pytest.skip(f"{endpoint} was not reached (see the test above)")
    page = site.contexts[False].new_page()
    try:
        page.set_viewport_size({"width": 320, "height": 640})
        page.goto(site.examples[endpoint])
        wide = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert wide <= 1, f"{page.url} scrolls sideways by {wide}px at 320px: {page.evaluate(WIDER_THAN_SCREEN)}"
    finally:
        page.close()


# --- pages in a particular state -------------------------------------------------------------

STATES = {
    "search without results": "/zoeken?q=qwxzkjvbn",
    "search on JongIn": "/zoeken?site=jongin&q=school",
    "search without a question": "/zoeken?q=",
    "e-hulp on JongIn": "/e-hulp?site=jongin",
    "page not found": "/bestaat-niet",
    "answer with an unknown code": "/e-hulp/antwoord/ONBEKEND",
    "in English": "/ouders/leeftijd/baby?lang=en",
}


@pytest.mark.parametrize("state", STATES)
def test_page_state_has_no_serious_accessibility_problems(site, state):
    page = site.contexts[False].new_page()
    try:
        page.goto(STATES[state])
        assert_accessible(page, state)
    finally:
        page.close()


UNTIED_ERRORS = """() => [...document.querySelectorAll('[aria-invalid=true]')]
  .filter(el => !(el.getAttribute('aria-describedby') || '').split(/\\s+/)
                   .some(id => id && document.getElementById(id) && document.getElementById(id).textContent.trim()))
  .map(el => el.outerHTML.slice(0, 120))"""
# Sent empty: the public forms, the login, the social map's form for organisations and the editors' "nieuw"
# forms. (Not forms that change what exists, such as accounts or deleting.)
FORMS_WITH_ERRORS = ["/e-hulp", "/jongeren/verhalen/schrijven", "/medewerker/login", "socialmap.edit",
                     *creation_forms()]


@pytest.mark.parametrize("form", FORMS_WITH_ERRORS)
def test_form_with_errors_has_no_serious_accessibility_problems(site, form):
    """A form sent empty (the browser's own checks off): errors shown, each tied to its field."""
    path = form if form.startswith("/") else site.examples.get(form)
    assert path, f"{form} was not reached"
    page = site.contexts[staff_page(endpoint_of(path))].new_page()
    try:
        page.goto(path)
        form = page.locator(POST_FORM).last
        form.evaluate("form => { form.noValidate = true; for (const el of form.elements) "
                      "if (el.type !== 'hidden' && el.type !== 'submit') el.value = ''; }")
        with page.expect_navigation():
            form.locator("[type=submit]").last.click()
        assert page.locator(SHOWS_ERRORS).count(), "no error is shown"
        untied = page.evaluate(UNTIED_ERRORS)
        assert not untied, f"fields marked wrong without a description (aria-describedby) of what is wrong: {untied}"
        assert_accessible(page, f"{form} with errors")
    finally:
        page.close()


@pytest.mark.parametrize("path,button", [("/e-hulp", "Vraag versturen"),
                                         ("/jongeren/verhalen/schrijven", "Bekijk eerst hoe het eruitziet")])
def test_form_answer_has_no_serious_accessibility_problems(site, path, button):
    """What a visitor sees after sending: the question's code, the story's preview."""
    page = site.contexts[False].new_page()
    try:
        page.goto(path)
        page.locator(POST_FORM).last.evaluate(FILL_FORM, SAMPLE_TEXT)
        with page.expect_navigation():
            page.get_by_role("button", name=button).click()
        assert_accessible(page, f"{path} after {button}")
    finally:
        page.close()


# --- the chat widget --------------------------------------------------------------------------

CARD_MESSAGES = {  # what makes the assistant answer with each kind of card
    "crisis": "ik wil niet meer leven",
    "article": "Mijn baby huilt elke avond heel veel",
    "service": "waar kan ik terecht met schulden?",
    "location": "wanneer is het inloopspreekuur in de keizerslanden",
    "fallback": "qwpoeiruty zxmcnvb",
}


def chat_send(page, text: str, expect_card: str) -> None:
    page.locator("#cjg-chat-input").fill(text)
    page.locator("#cjg-chat-input").press("Enter")
    expect(page.locator(f"#cjg-chat-log .chat-card--{expect_card}").last).to_be_visible(timeout=30000)


@pytest.mark.parametrize("home,viewport", [("/", (1280, 800)), ("/jongeren/", (1280, 800)), ("/", (390, 844))],
                         ids=["vcjg", "jongin", "vcjg-phone"])
def test_chat_with_every_kind_of_card(stack, browser, home, viewport):
    context = new_context(browser, stack["portal"])
    page = context.new_page()
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    try:
        page.goto(home)
        page.locator("#cjg-chat-launcher").click()
        expect(page.locator("#cjg-chat-log .chat-msg--intro")).to_be_visible()
        assert_accessible(page, "the chat, just opened")
        for kind, text in CARD_MESSAGES.items():
            chat_send(page, text, kind)
        page.locator("#cjg-chat-input").fill("Kan ik met een medewerker chatten?")
        page.locator("#cjg-chat-input").press("Enter")
        expect(page.locator("#cjg-chat-log .chat-choice").last).to_be_visible(timeout=30000)
        assert_accessible(page, "the chat with crisis, article, service, location and fallback cards")
    finally:
        context.close()


# --- keyboard only ----------------------------------------------------------------------------

def focused(page) -> str:
    return page.evaluate("() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 120) : ''; }")


def assert_focus_visible(page) -> None:
    """The focused element shows a focus indicator (an outline or a box shadow)."""
    style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                shadow: s.boxShadow !== 'none'}; }""")
    assert style["outline"] or style["shadow"], f"no visible focus on {focused(page)}"


def tab_to(page, locator, backwards: bool = False, limit: int = 120) -> None:
    """Press Tab (or Shift+Tab) until the element has the focus, which must be visible."""
    key = "Shift+Tab" if backwards else "Tab"
    target = locator.element_handle(timeout=10000)
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("el => document.activeElement === el", target):
            assert_focus_visible(page)
            return
    raise AssertionError(f"{locator} cannot be reached with {key} ({limit} presses); focus is on {focused(page)}")


def test_chat_by_keyboard_only(stack, browser):
    """Open the chat, type, send, reach the card's link, close (Escape and the button), follow the link,
    find the conversation again, and leave with Snel weg, which wipes it: all without a mouse."""
    context = new_context(browser, stack["portal"])
    page = context.new_page()
    try:
        page.goto("/")
        page.keyboard.press("Tab")
        expect(page.locator(".skip-link")).to_be_focused()
        launcher = page.locator("#cjg-chat-launcher")
        tab_to(page, launcher, backwards=True)
        page.keyboard.press("Enter")
        chat_input = page.locator("#cjg-chat-input")
        expect(chat_input).to_be_focused()
        expect(launcher).to_have_attribute("aria-expanded", "true")

        page.keyboard.type("Mijn baby huilt elke avond heel veel")
        page.keyboard.press("Enter")
        card_link = page.locator("#cjg-chat-log .chat-card--article a").last
        expect(card_link).to_be_visible(timeout=30000)
        expect(chat_input).to_be_focused()
        tab_to(page, card_link, backwards=True, limit=20)
        href = card_link.get_attribute("href")

        page.keyboard.press("Escape")
        expect(page.locator("#cjg-chat-panel")).to_be_hidden()
        expect(launcher).to_be_focused()
        page.keyboard.press("Enter")
        expect(chat_input).to_be_focused()
        tab_to(page, page.get_by_role("button", name="Sluiten"), backwards=True)
        page.keyboard.press("Enter")
        expect(page.locator("#cjg-chat-panel")).to_be_hidden()
        expect(launcher).to_be_focused()

        page.keyboard.press("Enter")
        tab_to(page, card_link, backwards=True, limit=20)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert urlsplit(page.url).path == href
        page.keyboard.press("Tab")
        expect(page.locator(".skip-link")).to_be_focused()
        tab_to(page, launcher, backwards=True)
        page.keyboard.press("Enter")
        expect(page.locator("#cjg-chat-log")).to_contain_text("Mijn baby huilt elke avond")

        tab_to(page, page.get_by_role("button", name="Snel weg"), backwards=True)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.startswith(EXIT_PREFIX)
        page.goto("/")
        assert page.evaluate("() => sessionStorage.getItem('cjg-chat')") is None
        expect(page.locator("#cjg-chat-log")).to_be_empty()
    finally:
        context.close()


def test_handoff_by_keyboard_only(stack, browser):
    """A visitor asks for a person and a worker takes the conversation, both by keyboard only; the queue's
    refresh every second must not take the focus away from the worker's "Aannemen" button."""
    worker_context, visitor_context = new_context(browser, stack["portal"]), new_context(browser, stack["portal"])
    worker, visitor = worker_context.new_page(), visitor_context.new_page()
    try:
        worker.goto("/medewerker/login")
        tab_to(worker, worker.get_by_label("E-mailadres"))
        worker.keyboard.type(WORKER)
        worker.keyboard.press("Tab")
        worker.keyboard.type(PASSWORD)
        with worker.expect_navigation():
            worker.keyboard.press("Enter")
        tab_to(worker, worker.get_by_role("button", name="In dienst gaan"))
        with worker.expect_navigation():
            worker.keyboard.press("Enter")
        expect(worker.get_by_text("Je bent in dienst")).to_be_visible()

        visitor.goto("/jongeren/")
        tab_to(visitor, visitor.locator("#cjg-chat-launcher"), backwards=True)
        visitor.keyboard.press("Enter")
        visitor.keyboard.type("Kan ik met een medewerker chatten?")
        visitor.keyboard.press("Enter")
        accept = visitor.locator("#cjg-chat-log .chat-choice").filter(has_text=re.compile(r"ja|chat|medewerker", re.I))
        expect(accept.first).to_be_visible(timeout=30000)
        tab_to(visitor, accept.first, backwards=True, limit=20)
        visitor.keyboard.press("Enter")
        expect(visitor.locator("[data-chat-queue-text]")).to_contain_text("wachtrij", timeout=10000)
        assert_accessible(visitor, "the chat while waiting for a worker")

        take = worker.get_by_role("button", name="Aannemen").last
        expect(take).to_be_visible(timeout=10000)
        worker.wait_for_timeout(1500)  # the queue is refreshed every second: the focus must survive that
        tab_to(worker, take)
        worker.wait_for_timeout(1500)
        with worker.expect_navigation():
            worker.keyboard.press("Enter")
        expect(worker.get_by_role("heading", name="Gesprek tot nu toe")).to_be_visible()
        expect(visitor.locator("#cjg-chat-log")).to_contain_text("Je praat nu met Bram", timeout=10000)

        tab_to(worker, worker.get_by_label("Je bericht"))
        worker.keyboard.type("Hoi, ik ben Bram van JongIn. Waar wil je het over hebben?")
        tab_to(worker, worker.get_by_role("button", name="Versturen"), limit=3)
        worker.keyboard.press("Enter")
        expect(visitor.locator("#cjg-chat-log")).to_contain_text("Hoi, ik ben Bram", timeout=5000)
        assert_accessible(worker, "the worker's conversation")
        assert_accessible(visitor, "the chat with a worker")

        expect(visitor.locator("#cjg-chat-input")).to_be_focused()
        visitor.keyboard.type("Ik heb ruzie met mijn ouders")
        visitor.keyboard.press("Enter")
        expect(worker.locator("#transcript")).to_contain_text("ruzie met mijn ouders", timeout=5000)

        tab_to(worker, worker.get_by_role("button", name="Gesprek afsluiten"))
        with worker.expect_navigation():
            worker.keyboard.press("Enter")
        expect(visitor.locator("#cjg-chat-log")).to_contain_text("afgelopen", timeout=5000)
    finally:
        worker_context.close()
        visitor_context.close()
