"""The whole e-hulp flow in a real browser (Playwright driving Debian's
Chromium), with two browser contexts: a visitor and a CJG worker, against the
real stack (trained assistant, Rasa, action server, portal)."""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tools.stack import ROOT, running_stack, train_model

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "een-lang-wachtwoord-42"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def content_with_chat_hours_all_day(target: Path) -> Path:
    shutil.copytree(ROOT / "content", target)
    path = target / "socialmap" / "deventer" / "services.yml"
    services = yaml.safe_load(path.read_text())
    for service in services:
        if service["slug"] == "cjg-e-hulp":
            service["schedule"] = {"example": True, "closed_on_holidays": False,
                                   "weekly": {d: ["00:00-24:00"] for d in ("monday", "tuesday", "wednesday", "thursday",
                                                                          "friday", "saturday", "sunday")}}
    path.write_text(yaml.safe_dump(services, allow_unicode=True))
    return target


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: make test installs it (make browser)")
    train_model()
    base = tmp_path_factory.mktemp("browser")
    env = {"CONTENT_DIR": str(content_with_chat_hours_all_day(base / "content"))}
    with running_stack(base / "instance", env=env) as urls:
        subprocess.run([str(ROOT / ".venv/bin/flask"), "users", "create", "--email", "anna@cjg.example", "--name",
                        "Anna"], input=f"{PASSWORD}\n{PASSWORD}\n", text=True, check=True, cwd=ROOT,
                       env={**os.environ, **env, "FLASK_APP": "portal", "INSTANCE_PATH": str(base / "instance")})
        yield urls


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def test_visitor_and_worker(stack, browser):
    expect = playwright.expect
    portal = stack["portal"]

    worker = browser.new_context().new_page()
    worker.goto(portal + "/medewerker/login")
    worker.get_by_label("E-mailadres").fill("anna@cjg.example")
    worker.get_by_label("Wachtwoord").fill(PASSWORD)
    worker.get_by_role("button", name="Inloggen").click()
    worker.get_by_role("button", name="In dienst gaan").click()
    expect(worker.get_by_text("Je bent in dienst")).to_be_visible()

    visitor = browser.new_context().new_page()
    visitor.goto(portal + "/")
    visitor.locator("#cjg-chat-launcher").click()
    chat_input = visitor.locator("#cjg-chat-input")
    expect(chat_input).to_be_focused()
    chat_input.fill("Kan ik met een medewerker chatten?")
    chat_input.press("Enter")
    log = visitor.locator("#cjg-chat-log")
    accept = log.get_by_role("button").filter(has_text=re.compile(r"ja|chat|medewerker", re.I)).first
    expect(accept).to_be_visible(timeout=30000)
    accept.click()

    queue_text = visitor.locator("[data-chat-queue-text]")
    expect(queue_text).to_contain_text("nummer 1 in de wachtrij", timeout=10000)
    expect(queue_text).to_contain_text("minuten")

    take = worker.get_by_role("button", name="Aannemen").first
    expect(take).to_be_visible(timeout=10000)
    take.click()
    expect(worker.get_by_role("heading", name="Gesprek tot nu toe")).to_be_visible()
    expect(worker.locator("#transcript")).to_contain_text("Kan ik met een medewerker chatten?")

    expect(log).to_contain_text("Je praat nu met Anna", timeout=10000)
    worker.get_by_label("Je bericht").fill("Hoi, ik ben Anna van het CJG. Waar wil je het over hebben?")
    worker.get_by_role("button", name="Versturen").click()
    expect(log).to_contain_text("Hoi, ik ben Anna van het CJG", timeout=5000)

    chat_input.fill("Mijn dochter slaapt slecht sinds de scheiding")
    chat_input.press("Enter")
    expect(worker.locator("#transcript")).to_contain_text("slaapt slecht sinds de scheiding", timeout=5000)

    worker.get_by_role("button", name="Gesprek afsluiten").click()
    expect(log).to_contain_text("afgelopen", timeout=5000)

    chat_input.fill("Mijn baby huilt elke avond heel veel")
    chat_input.press("Enter")
    expect(log.locator("a[href^='/ouders/artikel/']").last).to_be_visible(timeout=30000)
