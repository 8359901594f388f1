"""`flask content import`: idempotent, validated, errors per file and field."""
from pathlib import Path

from sqlalchemy import select

from portal.extensions import db
from portal.models import Article


def run_import(runner):
    result = runner.invoke(args=["content", "import"])
    assert result.exit_code == 0, result.output
    return result.output


def article(app, slug):
    with app.app_context():
        return db.session.scalar(select(Article).where(Article.slug == slug))


def test_first_import_creates_and_second_changes_nothing(app, runner):
    out = run_import(runner)
    assert "6 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 offline gehaald, 0 fouten" in out
    first = article(app, "baby-huilt-veel")
    out = run_import(runner)
    assert "0 nieuw, 0 bijgewerkt, 6 ongewijzigd, 0 offline gehaald, 0 fouten" in out
    assert article(app, "baby-huilt-veel").updated_at == first.updated_at


def test_fields_are_imported(app, runner):
    run_import(runner)
    a = article(app, "baby-huilt-veel")
    assert a.source == "national" and a.municipality is None
    assert a.audiences == ["ouders"] and a.themes == ["huilen"] and a.age_phases == ["baby"]
    assert a.external_reference == "nl-test-1" and a.position == 10
    assert a.links == [{"title": "Thuisarts", "url": "https://www.thuisarts.nl"}]
    local = article(app, "in-deventer-huilen")
    assert local.municipality == "deventer" and local.addition_to == "baby-huilt-veel"


def test_changed_file_updates_and_removed_file_unpublishes(app, runner, content_dir):
    run_import(runner)
    path = content_dir / "national" / "slapen-zonder-strijd.md"
    path.write_text(path.read_text().replace("Slapen zonder strijd", "Slapen zonder ruzie"))
    (content_dir / "national" / "ruzie-met-vrienden.md").unlink()
    out = run_import(runner)
    assert "0 nieuw, 1 bijgewerkt, 4 ongewijzigd, 1 offline gehaald, 0 fouten" in out
    assert article(app, "slapen-zonder-strijd").title == "Slapen zonder ruzie"
    assert article(app, "ruzie-met-vrienden").published is False


def write(content_dir: Path, name: str, text: str) -> None:
    (content_dir / "national" / name).write_text(text)


GOOD = (Path(__file__).parent / "fixtures/content/national/driftbuien-bij-peuters.md").read_text()


def test_each_error_is_reported_with_file_and_field_and_the_rest_imports(app, runner, content_dir):
    write(content_dir, "kapot.md", "---\nslug: kapot\ntitle: [niet af\n---\ntekst\n")
    write(content_dir, "geen-kop.md", "Alleen tekst, geen front matter.\n")
    write(content_dir, "onbekend-thema.md", GOOD.replace("driftbuien-bij-peuters", "onbekend-thema")
          .replace("themes: [gedrag]", "themes: [voetbal]"))
    write(content_dir, "dubbel.md", GOOD.replace("slug: driftbuien-bij-peuters", "slug: dubbel")
          .replace("nl-test-3", "nl-test-9"))
    (content_dir / "national" / "dubbel.md").rename(content_dir / "national" / "zz-dubbel.md")
    write(content_dir, "zz-driftbuien-bij-peuters.md", GOOD)
    write(content_dir, "verkeerde-leeftijd.md", GOOD.replace("driftbuien-bij-peuters", "verkeerde-leeftijd")
          .replace("age_phases: [peuter]", "age_phases: [kleuter]"))
    write(content_dir, "jongeren-thema.md", GOOD.replace("driftbuien-bij-peuters", "jongeren-thema")
          .replace("audiences: [ouders]", "audiences: [jongeren]").replace("age_phases: [peuter]\n", ""))
    result = runner.invoke(args=["content", "import"])
    out = result.output
    assert "national/kapot.md: front matter: ongeldige YAML" in out
    assert "national/geen-kop.md: front matter: geen YAML-kop" in out
    assert "national/onbekend-thema.md: themes: onbekende slug 'voetbal'" in out
    assert "national/zz-dubbel.md: slug: bestandsnaam moet dubbel.md zijn" in out
    assert "national/zz-driftbuien-bij-peuters.md: slug: bestandsnaam moet driftbuien-bij-peuters.md zijn" in out
    assert "national/verkeerde-leeftijd.md: age_phases: onbekende slug 'kleuter'" in out
    assert "national/jongeren-thema.md: themes: thema 'gedrag' is er niet voor doelgroep 'jongeren'" in out
    assert "6 nieuw" in out
    assert article(app, "baby-huilt-veel").published


def test_duplicate_slug_is_reported(app, runner, content_dir):
    dup = content_dir / "local" / "deventer" / "driftbuien-bij-peuters.md"
    dup.write_text(GOOD.replace("source: national", "source: local\nmunicipality: deventer")
                   .replace("external_reference: nl-test-3\n", ""))
    out = runner.invoke(args=["content", "import"]).output
    assert ("local/deventer/driftbuien-bij-peuters.md: slug: 'driftbuien-bij-peuters' bestaat al in "
            "content/national/driftbuien-bij-peuters.md") in out


def test_addition_to_unknown_article_is_reported(app, runner, content_dir):
    path = content_dir / "local" / "deventer" / "in-deventer-huilen.md"
    path.write_text(path.read_text().replace("addition_to: baby-huilt-veel", "addition_to: bestaat-niet"))
    out = runner.invoke(args=["content", "import"]).output
    assert "in-deventer-huilen.md: addition_to: landelijk artikel 'bestaat-niet' bestaat niet" in out


def test_file_that_breaks_keeps_last_good_version(app, runner, content_dir):
    run_import(runner)
    path = content_dir / "national" / "slapen-zonder-strijd.md"
    path.write_text(path.read_text().replace("themes: [slapen]", "themes: [onzin]"))
    out = runner.invoke(args=["content", "import"]).output
    assert "onbekende slug 'onzin'" in out
    assert article(app, "slapen-zonder-strijd").published
