"""Staff rights: who may do what, and where login leads."""
from __future__ import annotations

import pytest

from portal import access
from portal.ehulp.models import Worker


@pytest.mark.parametrize("role, right, allowed", [
    ("worker", "console", True), ("worker", "edit", False), ("worker", "supervise", False),
    ("supervisor", "supervise", True), ("supervisor", "publish", False),
    ("redacteur", "edit", True), ("redacteur", "publish", False), ("redacteur", "console", False),
    ("eindredacteur", "publish", True), ("eindredacteur", "moderate", True), ("eindredacteur", "accounts", False),
    ("admin", "accounts", True), ("admin", "console", True),
])
def test_rights_per_role(role, right, allowed):
    assert access.can(Worker(role=role, active=True), right) is allowed


def test_inactive_or_missing_account_has_no_rights():
    assert not access.can(Worker(role="admin", active=False), "edit")
    assert not access.can(None, "console")


def test_unknown_role_has_no_rights():
    assert not access.can(Worker(role="visitor", active=True), "console")


@pytest.mark.parametrize("target, safe", [
    ("/medewerker/vragen", True), ("/redactie/artikelen", True), ("https://evil.example/", False),
    ("//evil.example/redactie", False), ("/zoeken", False), ("", False)])
def test_only_local_staff_pages_are_safe_after_login(target, safe):
    assert access.safe_next(target) is safe
