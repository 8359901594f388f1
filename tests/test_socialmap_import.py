"""`flask socialmap import`: idempotent, validated per record, removed records
unpublished, portal edits kept until the source record changes; several
municipalities side by side."""
import datetime as dt
import shutil

import yaml
from sqlalchemy import select

from portal.extensions import db
from portal.socialmap import directory
from portal.socialmap.directory import Filters
from portal.socialmap.hours import TZ
from portal.socialmap.models import Location, Organization, Service

TOTAL = 41  # 11 organizations, 6 locations, 24 services


def run_import(runner) -> str:
    result = runner.invoke(args=["socialmap", "import"])
    assert result.exit_code == 0, result.output
    return result.output


def service(app, slug, municipality="deventer"):
    with app.app_context():
        return db.session.scalar(select(Service).where(Service.slug == slug, Service.municipality == municipality))


def edit_yaml(path, change):
    records = yaml.safe_load(path.read_text("utf-8"))
    records = change(records) or records
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")


def by_slug(slug):
    def pick(records):
        return next(r for r in records if r["slug"] == slug)
    return pick


def test_first_import_creates_and_second_changes_nothing(app, runner, socialmap_content):
    assert f"{TOTAL} nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 verwijderd, 0 fouten" in run_import(runner)
    first = service(app, "cjg-inloop")
    assert f"0 nieuw, 0 bijgewerkt, {TOTAL} ongewijzigd, 0 verwijderd, 0 fouten" in run_import(runner)
    again = service(app, "cjg-inloop")
    assert again.updated_at == first.updated_at and again.source_hash == first.source_hash


def test_fields_are_imported(socialmap):
    with socialmap.app_context():
        inloop = directory.service(db.session, "cjg-inloop", "deventer")
        assert inloop.categories == ["cjg-inloop"] and inloop.example and inloop.municipality == "deventer"
        assert [sal.location.slug for sal in inloop.at_locations] == [
            "cjg-inloop-rivierenwijk", "cjg-inloop-keizerslanden", "cjg-inloop-vijfhoek"]
        assert inloop.at_locations[0].schedule["weekly"] == {"tuesday": ["09:00-11:00"]}
        assert inloop.min_age == 0 and inloop.max_age == 23 and len(inloop.wijken) == 15
        assert inloop.organization.slug == "cjg-deventer"
        line = directory.service(db.session, "113-zelfmoordpreventie", "deventer")
        assert line.municipality is None and line.crisis_line == "113"
        assert [p["number"] for p in line.phones] == ["113", "0800-0113"] and line.url == "https://www.113.nl"
        rivierenwijk = directory.location(db.session, "cjg-inloop-rivierenwijk", "deventer")
        assert rivierenwijk.wijk == "rivierenwijk" and rivierenwijk.address == "De Bron, Rivierenwijk"
        local = db.session.scalars(select(Organization)).all() + db.session.scalars(select(Location)).all()
        assert all(r.municipality == "deventer" for r in local)


def test_changed_record_updates_and_removed_record_is_unpublished(socialmap, runner, socialmap_content, client):
    services = socialmap_content / "socialmap/deventer/services.yml"

    def change(records):
        by_slug("cjg-telefoon")(records)["summary"] = "Bel het CJG."
        return [r for r in records if r["slug"] != "jongerenloket"]
    edit_yaml(services, change)
    assert f"0 nieuw, 1 bijgewerkt, {TOTAL - 2} ongewijzigd, 1 verwijderd, 0 fouten" in run_import(runner)
    assert service(socialmap, "cjg-telefoon").summary == "Bel het CJG."
    assert service(socialmap, "jongerenloket").published is False
    assert client.get("/api/services/jongerenloket").status_code == 404
    assert client.get("/sociale-kaart/jongerenloket").status_code == 404
    assert "0 nieuw, 0 bijgewerkt" in run_import(runner)


def test_errors_are_reported_per_record_and_the_rest_imports(app, runner, socialmap_content):
    run_import(runner)
    folder = socialmap_content / "socialmap/deventer"

    def break_services(records):
        by_slug("cjg-telefoon")(records)["schedule"]["weekly"] = {"maandag": ["09:00-11:00"]}
        by_slug("gezinscoach")(records)["wijken"] = ["atlantis"]
        by_slug("schuldhulp")(records)["kleur"] = "rood"
        by_slug("jongerenwerk")(records)["assured_date"] = "2999-01-01"
        by_slug("opvoedcursussen")(records)["phones"] = [{"number": "bel ons"}]
        records.append({"slug": "nieuw-kapot", "municipality": "deventer", "name": "Kapot"})
    edit_yaml(folder / "services.yml", break_services)
    edit_yaml(folder / "locations.yml", lambda records: by_slug("cjg-inloop-vijfhoek")(records).update(wijk="nergens"))
    (socialmap_content / "socialmap/national/services.yml").write_text("- slug: [kapot\n", "utf-8")
    result = runner.invoke(args=["socialmap", "import"])
    assert result.exit_code == 0
    errors = [line for line in result.output.splitlines() if line.startswith("FOUT ")]
    text = "\n".join(errors)
    services = "content/socialmap/deventer/services.yml"
    assert f"{services}: cjg-telefoon: schedule.weekly.maandag: onbekende weekdag" in text
    assert f"{services}: gezinscoach: wijken: onbekende waarde 'atlantis'" in text
    assert f"{services}: schuldhulp: kleur: onbekend veld" in text
    assert f"{services}: jongerenwerk: assured_date: ligt in de toekomst" in text
    assert f"{services}: opvoedcursussen: phones[0]: heeft geen geldig number" in text
    assert f"{services}: nieuw-kapot: categories: ontbreekt of is leeg" in text
    assert "content/socialmap/deventer/locations.yml: cjg-inloop-vijfhoek: wijk: onbekende wijk 'nergens'" in text
    assert f"{services}: cjg-inloop: locations[2].location: onbekende locatie 'cjg-inloop-vijfhoek'" in text
    assert "content/socialmap/national/services.yml: niet te lezen" in text
    summary = result.output.strip().splitlines()[-1]
    assert summary.endswith(f"{len(errors)} fouten") and "0 nieuw" in summary and "0 verwijderd" in summary
    # records with an error keep their last good version; national records of the unreadable file stay online
    assert service(app, "cjg-telefoon").schedule["weekly"] == {"monday": ["09:00-11:00"], "thursday": ["13:00-15:00"]}
    assert service(app, "gezinscoach").published and service(app, "113-zelfmoordpreventie", None).published
    assert service(app, "nieuw-kapot") is None


def test_portal_edits_stay_until_the_source_record_changes(socialmap, runner, socialmap_content):
    with socialmap.app_context():
        svc = directory.service(db.session, "gezinscoach", "deventer")
        svc.description, svc.edited_at = "Door de redactie verbeterd.", dt.datetime.now(dt.timezone.utc)
        db.session.commit()
    assert f"{TOTAL} ongewijzigd" in run_import(runner)
    assert service(socialmap, "gezinscoach").description == "Door de redactie verbeterd."
    edit_yaml(socialmap_content / "socialmap/deventer/services.yml",
              lambda records: by_slug("gezinscoach")(records).update(summary="Hulp voor je gezin."))
    result = runner.invoke(args=["socialmap", "import"])
    assert "LET OP dienst deventer/gezinscoach: het bronbestand is gewijzigd" in result.output
    assert "1 bijgewerkt" in result.output
    again = service(socialmap, "gezinscoach")
    assert again.description.startswith("Gaat het thuis al een tijd moeilijk") and again.edited_at is None


def test_several_municipalities_share_the_national_records(app, runner, socialmap_content):
    municipalities = socialmap_content / "municipalities.yml"
    municipalities.write_text(municipalities.read_text("utf-8") + "zutphen:\n  name: Zutphen\n  cjg_name: CJG Zutphen\n"
                              "  jongin_name: JongIn Zutphen\n", "utf-8")
    zutphen = socialmap_content / "socialmap/zutphen"
    shutil.copytree(socialmap_content / "socialmap/deventer", zutphen)
    for kind in ("organizations", "locations", "services"):
        path = zutphen / f"{kind}.yml"
        path.write_text(path.read_text("utf-8").replace("municipality: deventer", "municipality: zutphen"), "utf-8")
    assert f"{TOTAL + 37} nieuw" in run_import(runner)  # a second copy of the 37 local records
    at = dt.datetime(2026, 11, 24, 10, tzinfo=TZ)
    with app.app_context():
        deventer = directory.find_services(db.session, "deventer", Filters(category="cjg-inloop"), at)
        there = directory.find_services(db.session, "zutphen", Filters(category="crisis"), at)
        assert [s.municipality for s in deventer] == ["deventer"]
        assert {s.municipality for s in there} == {"zutphen", None}
        assert directory.service(db.session, "cjg-inloop", "zutphen").municipality == "zutphen"
        assert directory.service(db.session, "112", "zutphen").municipality is None
