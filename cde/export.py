"""The whole site as static files, with its nginx configuration: `flask freeze`.

Every answer of cde/build.py is written once, a page as `<path>/index.html` so the
site's URLs work on any web server. The language choice at `/` is the web server's
job: nginx.conf makes it by the app's own rule. For a host that cannot be configured
at all, `index.html` and `404.html` at the top of site/ are the default language's.
"""
import gzip
import os
import shutil
import time
from pathlib import Path

import brotli
import click
from flask import Flask

from . import i18n, releases
from .build import render_site
from .webserver import file_of, headers_file, language_script, nginx_config

SITE_FOLDER = "site"
CONFIG_FILE = "nginx.conf"
LANGUAGE_FILE = "language.js"
HEADERS_FILE = "_headers"
# What gets precompressed siblings: text, which shrinks (images are compressed).
COMPRESSED_SUFFIXES = frozenset({".html", ".css", ".js", ".svg", ".xml", ".txt"})
# Compressed once per export, never per request: the strongest levels are worth it.
# gzip gets no timestamp, so the same file always gives the same bytes.
COMPRESSORS = {
    ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
    ".br": lambda data: brotli.compress(data, quality=11),
}


def check_destination(destination: Path) -> None:
    """Refuse to export into a folder that holds anything but earlier exports."""
    # Old releases are deleted there: a mistyped `--destination ~` must stop here
    # rather than touch a home folder.
    if destination.exists() and not destination.is_dir():
        raise click.ClickException(f"{destination} exists and is not a folder")
    earlier_export = (destination / releases.CURRENT).is_symlink()
    if destination.exists() and any(destination.iterdir()) and not earlier_export:
        raise click.ClickException(
            f"{destination} is not empty and holds no earlier export of the site; "
            "choose an empty or new folder")


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
    with app.app_context():
        lang = i18n.request_default_language()
    for source in (folder / lang).glob("*.html*"):
        shutil.copy2(source, folder / source.name)


def make_world_readable(folder: Path) -> None:
    """Folders 0755 and files 0644 under `folder`, itself included.

    The web server's workers run as another user (www-data, nobody), and neither
    mkdtemp (always 0700) nor a strict umask (systemd's, root's 027) may decide
    what they can read: every export is readable however it was made.
    """
    folder.chmod(0o755)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            os.chmod(os.path.join(parent, name), 0o755)
        for name in files:
            os.chmod(os.path.join(parent, name), 0o644)


def freeze(app: Flask, destination: Path,
           grace_days: float = releases.GRACE_DAYS) -> int:
    """Export the site into a new release of `destination` and switch to it
    (cde/releases.py); return the files written."""
    destination = Path(destination).resolve()
    check_destination(destination)
    site = render_site(app)
    # Written into a folder of its own first, so a web server serving the old
    # export never sees half of the new one.
    release = releases.new_release(destination)
    try:
        write_files(app, site, release / SITE_FOLDER)
        releases.keep_retired_static(destination, release, time.time(), grace_days)
        config = nginx_config(app, site, release / SITE_FOLDER,
                              release / LANGUAGE_FILE)
        (release / CONFIG_FILE).write_text(config, encoding="utf-8")
        (release / LANGUAGE_FILE).write_text(language_script(app), encoding="utf-8")
        # For static hosts that read one; nginx answers 404 for it.
        (release / SITE_FOLDER / HEADERS_FILE).write_text(headers_file(app, site),
                                                          encoding="utf-8")
        make_world_readable(release)
        for folder in (destination, release.parent):
            folder.chmod(0o755)
    except BaseException:
        shutil.rmtree(release, ignore_errors=True)  # the current one stays in service
        raise
    releases.switch(destination, release)
    return sum(path.is_file() for path in (release / SITE_FOLDER).rglob("*"))


def init_app(app: Flask) -> None:
    """Register the `flask freeze` command."""

    @app.cli.command("freeze")
    @click.option(
        "--destination", type=click.Path(file_okay=False, path_type=Path),
        help="Folder to write the export into (default: build/ next to app.py).")
    def freeze_command(destination: Path | None) -> None:
        """Export the whole site as static files, with its nginx configuration.

        Writes DESTINATION/site/ (every page in every language, the 404 page of each
        language, the sitemap, robots.txt and the hashed static files, with .gz and
        .br siblings) and DESTINATION/nginx.conf, which serves them as the app does.
        """
        destination = destination or Path(app.root_path).parent / "build"
        count = freeze(app, destination)
        click.echo(f"Exported {count} files to {destination}; serve them with "
                   f"{destination / CONFIG_FILE} and reload nginx (deploy/README.md).")

    @app.cli.command("rollback")
    @click.option(
        "--destination", type=click.Path(file_okay=False, path_type=Path),
        help="Folder of the exports (default: build/ next to app.py).")
    def rollback_command(destination: Path | None) -> None:
        """Serve the previous export again; reload nginx afterwards."""
        destination = destination or Path(app.root_path).parent / "build"
        try:
            release = releases.rollback(destination.resolve())
        except FileNotFoundError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"{destination / releases.CURRENT} is {release.name} again; "
                   "reload nginx (systemctl reload nginx, or make rollback).")
