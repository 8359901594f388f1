"""Fuzzing the JSON API with Schemathesis, in-process against the Flask app:
every operation of portal/openapi.yml (served at /api/openapi.json) gets
generated valid and invalid requests; no answer may be a 500, and every answer
must match the documented status codes, content type, headers and schema, and
requests that break the schema must be refused. Not checked: that every
schema-valid request is accepted, since the schema types the taxonomy filters
and `at` as plain strings while the portal answers 400 to an unknown wijk or
an invalid moment (documented in docs/api.md).

The app holds the fixture articles and the real social map, on SQLite and on
PostgreSQL. The number of examples is bounded (MAX_EXAMPLES per operation and
generation phase) so the module runs in well under two minutes; raise
FUZZ_EXAMPLES in the environment for a longer run."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from portal.views import api
from tests.conftest import FIXTURES, POSTGRES_URL, _empty_tables, make_app

ROOT = Path(__file__).resolve().parent.parent
MAX_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fuzz_app(request, tmp_path_factory):
    """One app per database for the whole module: importing once keeps the run short."""
    tmp = tmp_path_factory.mktemp(f"fuzz-{request.param}")
    content = tmp / "content"
    shutil.copytree(FIXTURES / "content", content)
    for name in ("taxonomy.yml", "municipalities.yml", "crisis_lines.yml"):
        shutil.copy(ROOT / "content" / name, content / name)
    shutil.copytree(ROOT / "content" / "socialmap", content / "socialmap")
    url = f"sqlite:///{tmp / 'fuzz.sqlite3'}" if request.param == "sqlite" else POSTGRES_URL
    app = make_app(tmp, url, content)
    runner = app.test_cli_runner()
    for args in (["content", "import"], ["socialmap", "import"]):
        result = runner.invoke(args=args)
        assert result.exit_code == 0, result.output
    yield app
    _empty_tables(app)


def served_document() -> dict:
    """The document the portal serves at /api/openapi.json (portal/openapi.yml);
    test_served_document checks that the endpoint serves exactly this."""
    return json.loads(json.dumps(api._openapi()))


schema = schemathesis.openapi.from_dict(served_document())


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, fuzz_app):
    case.call_and_validate(app=fuzz_app, excluded_checks=[positive_data_acceptance])


def test_served_document(fuzz_app):
    response = fuzz_app.test_client().get("/api/openapi.json")
    assert response.status_code == 200 and response.get_json() == served_document()


@pytest.mark.parametrize("path", [
    "/api/articles?limit=%C2%B2", "/api/articles?offset=%C2%B2", "/api/search?q=slapen&limit=%C2%B2",
    "/api/search?q=slapen&page=nul", "/api/services?limit=%C2%B2", "/api/services?age=%C2%B2",
    "/api/articles?offset=" + "9" * 5000, "/api/services?age=" + "1" * 5000,
    "/api/services?at=9999-12-31T23:00", "/api/locations/cjg-inloop-rivierenwijk?at=9999-12-31T23:00",
    "/api/locations?at=0001-01-01T00:30%2B14:00",
])
def test_what_fuzzing_found_gets_400(fuzz_app, path):
    """Digits that str.isdigit() accepts but int() refuses ('²'), numbers past
    int()'s limit, and moments at the ends of the calendar once gave a 500."""
    response = fuzz_app.test_client().get(path)
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.get_json()["error"]["status"] == 400
