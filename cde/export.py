"""The whole site as static files, for hosts that can only serve files: `flask freeze`.

Every page in every language (as `<path>/index.html`, so the site's URLs work on any
web server), the sitemap, robots.txt and the other fixed files, the static assets
under their hashed names, and the 404 page of each language (`<lang>/404.html`).
Text files get `.gz` and `.br` siblings, compressed once here, for servers that
send precompressed files (nginx `gzip_static`). The language choice at `/` is the
web server's job: deploy/nginx.conf does it as the app does. For a host that cannot
be configured at all, `index.html` and `404.html` at the top are the home and 404
pages of the default language (each page's canonical link names its real address).
"""
import warnings
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask_frozen import Freezer, MissingURLGeneratorWarning

from . import i18n
from .caching import compress
from .pages import PAGES, SOURCE_LANGUAGE

# Not a file: `/` answers each visitor differently, so the web server decides it.
NOT_EXPORTED = frozenset({"choose_language"})
# What gets precompressed siblings, by file name.
COMPRESSED_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".svg", ".xml", ".txt", ".json"}
)
# Any path under a language prefix that no page has: its 404 page is what it shows.
MISSING_PATH = "/{lang}/404.html"


def site_urls(app: Flask):
    """Everything to export: each page in each language, then every fixed URL.

    Languages and pages come from the config and the page table, so a new language
    or page is exported with no change here; so is any new argument-free route
    (/sitemap.xml, /robots.txt, /favicon.ico).
    """
    for page in PAGES:
        for lang in app.config["LANGUAGES"]:
            yield page.endpoint, {"lang": lang}
    for rule in app.url_map.iter_rules():
        if (
            not rule.arguments
            and "GET" in rule.methods
            and rule.endpoint not in NOT_EXPORTED
        ):
            yield rule.endpoint, {}


def write_not_found_pages(app: Flask, destination: Path) -> list[Path]:
    """The 404 page of every language, as `<lang>/404.html`."""
    client = app.test_client()
    written = []
    for lang in app.config["LANGUAGES"]:
        response = client.get(MISSING_PATH.format(lang=lang))
        if response.status_code != 404:
            raise click.ClickException(
                f"{MISSING_PATH.format(lang=lang)} answered {response.status_code}, "
                "not 404: a page now uses that path"
            )
        path = destination / lang / "404.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(response.get_data())
        written.append(path)
    return written


def write_plain_host_fallbacks(app: Flask, destination: Path) -> list[Path]:
    """`index.html` and `404.html` at the top: the default language's home and 404.

    Only for hosts that serve files and nothing else (no redirect at `/`, a fixed
    /404.html); deploy/nginx.conf never serves them.
    """
    with app.test_request_context():
        lang = i18n.request_default_language()
    fallbacks = {
        destination / "index.html": destination / lang / "index.html",
        destination / "404.html": destination / lang / "404.html",
    }
    for fallback, original in fallbacks.items():
        fallback.write_bytes(original.read_bytes())
    return list(fallbacks)


def write_compressed_siblings(destination: Path) -> list[Path]:
    """`name.gz` and `name.br` next to every text file, when smaller than the file."""
    written = []
    for path in sorted(destination.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSED_SUFFIXES:
            continue
        data = path.read_bytes()
        for encoding, suffix in (("gzip", ".gz"), ("br", ".br")):
            packed = compress(data, encoding)
            if len(packed) < len(data):
                sibling = path.with_name(path.name + suffix)
                sibling.write_bytes(packed)
                written.append(sibling)
    return written


def check_destination(destination: Path) -> None:
    """Refuse to export into a folder that holds anything but an earlier export.

    The export deletes whatever the site no longer has, so a mistyped
    `--destination ~` must stop here rather than empty a home folder.
    """
    if not destination.exists():
        return
    if not destination.is_dir():
        raise click.ClickException(f"{destination} exists and is not a folder")
    earlier_export = (destination / SOURCE_LANGUAGE / "index.html").is_file()
    if any(destination.iterdir()) and not earlier_export:
        raise click.ClickException(
            f"{destination} is not empty and holds no earlier export of the site; "
            "choose an empty or new folder"
        )


def freeze(app: Flask, destination: Path) -> list[Path]:
    """Export the site into `destination` (emptied first); return the files written."""
    destination = Path(destination).resolve()
    check_destination(destination)
    app.config.update(
        FREEZER_DESTINATION=str(destination),
        # Files from an earlier export that the site no longer has are removed.
        FREEZER_REMOVE_EXTRA_FILES=True,
    )
    freezer = Freezer(app, with_no_argument_rules=False, with_static_files=True)
    freezer.register_generator(lambda: site_urls(app))
    with warnings.catch_warnings():
        # `/` is left to the web server on purpose; any other endpoint still warns.
        warnings.filterwarnings(
            "ignore",
            message="Nothing frozen for endpoints choose_language[.]",
            category=MissingURLGeneratorWarning,
        )
        pages = [destination / page.path for page in freezer.freeze_yield()]
    pages += write_not_found_pages(app, destination)
    pages += write_plain_host_fallbacks(app, destination)
    compressed = write_compressed_siblings(destination)
    return pages + compressed


def init_app(app: Flask) -> None:
    """Register the `flask freeze` command."""
    app.cli.add_command(freeze_command)


@click.command("freeze")
@click.option(
    "--destination",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to write the site into (default: build/ next to app.py).",
)
@with_appcontext
def freeze_command(destination: Path | None) -> None:
    """Export the whole site as static files (default: build/).

    Every page in every language, the 404 page of each language, the sitemap,
    robots.txt and the hashed static files, with .gz and .br siblings. Serve the
    folder with deploy/nginx.conf, or with any static web server.
    """
    app = current_app._get_current_object()
    if destination is None:
        destination = Path(app.root_path).parent / "build"
    written = freeze(app, destination)
    click.echo(f"Exported {len(written)} files to {destination}")
