"""Command-line tools: `flask content import`, `flask content sync`, `flask search reindex`,
`flask translate ...`, `flask backup` and `flask restore`."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from portal import backup, municipality, search_index, taxonomy
from portal.content.importer import import_content
from portal.content.indexing import reindex
from portal.editorial.scheduling import publish_due
from portal.ehulp.accounts import AccountError, create_worker
from portal.ehulp.models import ROLES
from portal.ehulp.purge import purge, purge_rasa_trackers
from portal.extensions import db
from portal.models import utcnow
from portal.national.models import KINDS
from portal.national.sync import SyncBusy, sync
from portal.stories import moderation as stories, photos
from portal.taxonomy import load_municipalities

ROOT = Path(__file__).resolve().parent.parent
content_cli = AppGroup("content", help="Inhoud importeren.")
search_cli = AppGroup("search", help="De zoekindex beheren.")
translate_cli = AppGroup("translate", help="Vertalingen (pybabel).")
users_cli = AppGroup("users", help="Accounts van medewerkers.")
privacy_cli = AppGroup("privacy", help="Privacy: oude gesprekken, vragen en verhalen wissen.")


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--role", type=click.Choice(ROLES), default="worker", show_default=True)
@click.option("--name", "display_name", help="Voornaam of functie, zichtbaar voor de bezoeker.")
@click.password_option(help="Minstens 12 tekens.")
def users_create(email, role, display_name, password):
    """Create a staff account: worker, supervisor, redacteur, eindredacteur or admin."""
    try:
        worker = create_worker(db.session, email, password, role, display_name)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Account gemaakt: {worker.email} ({worker.role})")


@privacy_cli.command("purge")
@click.option("--days", type=int, default=None, help="Bewaartermijn in dagen (standaard PRIVACY_RETENTION_DAYS of 30).")
def privacy_purge(days):
    """Delete closed conversations, answered questions, and rejected or never
    reviewed stories, older than the retention period."""
    days = current_app.config["PRIVACY_RETENTION_DAYS"] if days is None else days
    counts = purge(db.session, days)
    click.echo(f"Gewist: {counts['conversations']} gesprekken, {counts['questions']} vragen, "
               f"{counts['audit_entries']} oude logregels")
    if current_app.config.get("RASA_TRACKER_DB_URL"):
        click.echo(f"Gewist bij de assistent: {purge_rasa_trackers(current_app.config['RASA_TRACKER_DB_URL'], days)} "
                   "gesprekken")
    gone = stories.purge(db.session, days, photos.folder(current_app.config["UPLOAD_DIR"]))
    click.echo(f"Gewist: {gone} verhalen van jongeren (afgewezen of nooit beoordeeld)")


def rebuild_index() -> int:
    """Rebuild the search index; a clear message when its directory cannot be written."""
    try:
        return reindex(db.session, search_index(), municipality())
    except OSError as exc:
        raise click.ClickException(
            f"De zoekindex kan niet worden geschreven in {search_index().directory} ({exc.strerror or exc}). "
            "De gegevens in de database zijn wel bijgewerkt. Controleer SEARCH_INDEX_DIR en de rechten op die "
            "map, en voer daarna `flask search reindex` uit.") from exc


@content_cli.command("import")
@click.option("--dir", "content_dir", type=click.Path(file_okay=False), help="Map met inhoud (standaard content/).")
def content_import(content_dir):
    """Import content/national and content/local; then rebuild the search index."""
    report = import_content(db.session, Path(content_dir or current_app.config["CONTENT_DIR"]),
                            taxonomy(), load_municipalities())
    for error in report.errors:
        click.echo(f"FOUT {error}", err=True)
    click.echo(report.summary())
    if report.managed:
        click.echo("Overgeslagen, want beheerd in de redactie: " + ", ".join(report.managed))
    count = rebuild_index()
    click.echo(f"Zoekindex: {count} artikelen")


@content_cli.command("sync")
@click.argument("source", required=False)
@click.option("--full", is_flag=True, help="Alles opvragen; wat niet meer in de feed staat, gaat offline.")
def content_sync(source, full):
    """Synchronise the national articles from the national feed (URL or file;
    default NATIONAL_FEED_URL); then bring the search index up to date."""
    from portal.views.editorial import went_live
    source = source or current_app.config.get("NATIONAL_FEED_URL")
    if not source:
        click.echo("Geen bron: geef een URL of bestand op, of stel NATIONAL_FEED_URL in.", err=True)
        raise click.exceptions.Exit(2)
    try:
        run = sync(db.session, source, taxonomy=taxonomy(), place=municipality(), full=full)
    except SyncBusy as exc:
        click.echo(str(exc), err=True)
        raise click.exceptions.Exit(1) from exc
    since = f" (wijzigingen na {run.changed_after:%Y-%m-%d %H:%M:%S} UTC)" if run.changed_after else ""
    click.echo(f"Landelijke inhoud van {run.source}{since}{' (volledig)' if full else ''}")
    if run.status == "failed":
        click.echo(f"Synchronisatie mislukt: {run.error}", err=True)
        raise click.exceptions.Exit(1)
    for change in run.changes:
        click.echo(f"  {KINDS[change.kind]}: {change.title} ({change.slug})")
    for problem in run.problems:
        click.echo(f"{'FOUT' if problem.level == 'error' else 'LET OP'} {problem}", err=True)
    click.echo(run.summary())
    if run.changed_anything:
        went_live([change.slug for change in run.changes])
        click.echo("Zoekindex bijgewerkt")


@content_cli.command("publish-due")
def content_publish_due():
    """Publish the scheduled articles whose time has come (run it from cron every minute)."""
    from portal.views.editorial import today, went_live
    slugs = publish_due(db.session, today=today())
    went_live(slugs)
    click.echo(f"Gepubliceerd: {len(slugs)} gepland(e) artikel(en)" + (f": {', '.join(slugs)}" if slugs else ""))


@search_cli.command("reindex")
def search_reindex():
    """Rebuild the search index from the database."""
    click.echo(f"Zoekindex: {rebuild_index()} artikelen")


def _pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def _extract() -> None:
    _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "-o", "locales/messages.pot", ".")


@translate_cli.command("extract")
def translate_extract():
    """Collect the interface strings into locales/messages.pot."""
    _extract()


@translate_cli.command("update")
def translate_update():
    """Extract and merge new strings into every catalogue."""
    _extract()
    _pybabel("update", "-i", "locales/messages.pot", "-d", "locales")


@translate_cli.command("compile")
def translate_compile():
    """Compile the catalogues (.po -> .mo)."""
    _pybabel("compile", "-d", "locales")


@translate_cli.command("init")
@click.argument("lang")
def translate_init(lang):
    """Start a catalogue for a new language."""
    _extract()
    _pybabel("init", "-i", "locales/messages.pot", "-d", "locales", "-l", lang)


def _uploads() -> Path:
    return Path(current_app.config.get("UPLOAD_DIR") or Path(current_app.instance_path) / "uploads")


@click.command("backup")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Het archief (standaard instance/backups/portal-<tijd>.tar.gz).")
@with_appcontext
def backup_command(output):
    """Back up the database and the uploaded files into one archive."""
    output = output or Path(current_app.instance_path) / "backups" / \
        f"portal-{utcnow().strftime('%Y%m%dT%H%M%SZ')}.tar.gz"
    with db.engine.connect() as conn:
        report = backup.backup(conn, db.metadata, _uploads(), output)
    click.echo(f"Back-up gemaakt: {output} ({report.summary()})")


@click.command("restore")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Vervang de gegevens die al in de database staan.")
@with_appcontext
def restore_command(archive, replace):
    """Restore a backup made with `flask backup`; then rebuild the search index."""
    db.session.remove()
    try:
        with db.engine.connect() as conn:
            report = backup.restore(conn, db.metadata, _uploads(), archive, replace=replace)
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Teruggezet: {report.summary()}")
    click.echo(f"Zoekindex: {rebuild_index()} artikelen")


def register(app: Flask) -> None:
    for group in (content_cli, search_cli, translate_cli, users_cli, privacy_cli):
        app.cli.add_command(group)
    for command in (backup_command, restore_command):
        app.cli.add_command(command)
