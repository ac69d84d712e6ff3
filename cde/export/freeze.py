"""`flask freeze`: the whole site as static files, with its web server's
configuration, as a new release (releases.py); `flask rollback`. Every answer of
render.py is written once, a page as `<path>/index.html` so that the site's URLs
work on any web server (the choice at `/` is nginx.conf's, by the app's rule)."""
import gzip
import shutil
from functools import partial
from pathlib import Path

import brotli
import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from .. import ROOT
from ..i18n import default_language
from ..languages import catalog_faults
from . import releases
from .nginx import file_of, headers_file, language_script, nginx_config
from .render import render_site

# What gets precompressed siblings: text, which shrinks (images are compressed).
COMPRESSED_SUFFIXES = frozenset({".html", ".css", ".js", ".svg", ".xml", ".txt"})
# Compressed once per export, never per request: the strongest levels are worth it.
# gzip gets no timestamp, so the same file always gives the same bytes.
COMPRESSORS = {
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
    ".br": lambda data: brotli.compress(data, quality=11),
}


def write_files(app: Flask, site: dict, folder: Path) -> None:
    """Write every answer of `site` under `folder`, text with compressed siblings."""
    for path, answer in site.items():
        target = folder / file_of(path).lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(answer.body)
        if target.suffix in COMPRESSED_SUFFIXES:
            for suffix, compress in COMPRESSORS.items():
                packed = compress(answer.body)
                if len(packed) < len(answer.body):
                    target.with_name(target.name + suffix).write_bytes(packed)
    # For hosts that serve files and nothing else (no choice at `/`, one 404 page):
    # the default language's index.html and 404.html, with their siblings.
    for source in (folder / default_language(app.config)).glob("*.html*"):
        shutil.copy2(source, folder / source.name)


def freeze(app: Flask, destination: Path, grace_days: float = releases.GRACE_DAYS) -> int:
    """Export the site as a new release of `destination`, switched in; return its file count."""
    destination = Path(destination).resolve()
    releases.check_destination(destination)
    site = render_site(app)
    # Written into a folder of its own first, so a web server serving the old
    # export never sees half of the new one.
    release = releases.new_release(destination)
    try:
        write_files(app, site, release / releases.SITE)
        releases.keep_retired_static(destination, release, grace_days)
        # _headers is for static hosts that read one (nginx answers 404 for it).
        for name, text in ((releases.CONFIG, nginx_config(
                app, site, release / releases.SITE, release / releases.LANGUAGE_JS)),
                (releases.LANGUAGE_JS, language_script(app)),
                (f"{releases.SITE}/_headers", headers_file(app, site))):
            (release / name).write_text(text, encoding="utf-8")
        releases.make_world_readable(release)
    except BaseException:
        shutil.rmtree(release, ignore_errors=True)  # the current one stays in service
        raise
    releases.switch(destination, release)
    return sum(path.is_file() for path in (release / releases.SITE).rglob("*"))


# Both commands' folder, build/ beside app.py when not told.
destination_option = partial(click.option, "--destination", default=ROOT / "build",
                             type=click.Path(file_okay=False, path_type=Path))


@click.command("freeze")
@destination_option(help="Folder to write the export into (build/).")
@with_appcontext
def freeze_command(destination: Path) -> None:
    """Export the whole site as static files, with its nginx configuration.

    Writes DESTINATION/site/ (every page in every language, the error pages of each
    language, the sitemap, robots.txt and the hashed static files, with .gz and .br
    siblings) and DESTINATION/nginx.conf, which serves them as the app does.
    """
    app = current_app._get_current_object()  # each page renders in its own context
    # What visitors get is never a fallback: a language whose catalog is missing or
    # unreadable would be exported in English, and debug mode changes the files.
    if app.debug:
        raise click.ClickException("debug mode is on (FLASK_DEBUG): unset it to export")
    if faults := catalog_faults(Path(app.config["TRANSLATIONS_DIR"])):
        raise click.ClickException("not exported: " + "; ".join(faults.values()))
    count = freeze(app, destination)
    click.echo(f"Exported {count} files to {destination}; serve them with "
               f"{destination / releases.CONFIG} and reload nginx (deploy/README.md).")


@click.command("rollback")
@destination_option(help="Folder of the exports (build/).")
def rollback_command(destination: Path) -> None:
    """Serve the previous export again; reload nginx afterwards."""
    release = releases.rollback(destination.resolve())
    click.echo(f"{destination / releases.CURRENT} is {release.name} again; "
               "reload nginx to serve it (deploy/README.md).")
