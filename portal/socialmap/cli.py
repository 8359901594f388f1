"""`flask socialmap import`: the social map's source files into the database.
The socialmap blueprint adds it to its command group."""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from portal.extensions import db
from portal.socialmap.importer import import_socialmap


@click.command("import")
@click.option("--dir", "content_dir", type=click.Path(file_okay=False), help="Map met inhoud (standaard content/).")
@with_appcontext
def import_command(content_dir):
    """Import content/socialmap and content/crisis_lines.yml (idempotent)."""
    report = import_socialmap(db.session, Path(content_dir or current_app.config["CONTENT_DIR"]))
    for error in report.errors:
        click.echo(f"FOUT {error}", err=True)
    for label in report.overridden:
        click.echo(f"LET OP {label}: het bronbestand is gewijzigd; de wijziging in het portaal is overschreven",
                   err=True)
    click.echo(report.summary())
