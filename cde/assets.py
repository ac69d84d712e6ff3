"""Static files under content-hashed names, cached by browsers for a year.

`url_for('static', filename='css/site.css')` gives `/static/css/site.<hash>.css`,
where the hash comes from the file's bytes. A changed file gets a new name, so its
old name can be cached forever (`immutable`): a returning visitor downloads nothing
until a deploy changes a file, and then only that file. Templates need no change.
Files are hashed once, when the app starts; the export writes them under those names.
"""
import hashlib
from pathlib import Path, PurePosixPath

from flask import Flask, current_app, send_from_directory
from werkzeug.exceptions import NotFound

# The name changes whenever the bytes do, so the URL may be cached for good.
IMMUTABLE = "public, max-age=31536000, immutable"
# Kept, but asked about every time, since the bytes can change under the same
# name: plain (unhashed) names, which still work for a hand-written link, and the
# sitemap and robots.txt (cde/seo.py).
REVALIDATE = "public, no-cache"
# 12 hex digits: a collision between two versions of one file is out of reach.
HASH_LENGTH = 12


def hashed_name(filename: str, data: bytes) -> str:
    """`css/site.css` -> `css/site.<hash of data>.css`."""
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    path = PurePosixPath(filename)
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


class AssetManifest:
    """Every file of the static folder, by plain name and by hashed name."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.hashed = {}  # plain name -> hashed name
        self.plain = {}  # hashed name -> plain name
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if not path.is_file() or any(p.startswith(".") for p in name.split("/")):
                continue
            hashed = hashed_name(name, path.read_bytes())
            self.hashed[name] = hashed
            self.plain[hashed] = name


def _hashed_url(endpoint: str, values: dict) -> None:
    """url_defaults: give url_for('static', ...) the file's hashed name."""
    if endpoint == "static":
        hashed = current_app.extensions["assets"].hashed.get(values.get("filename"))
        if hashed is not None:
            values["filename"] = hashed


def serve_asset(filename: str):
    """The static view: hashed names cached for a year, plain names revalidated."""
    manifest = current_app.extensions["assets"]
    plain = manifest.plain.get(filename, filename)
    if plain not in manifest.hashed or (plain != filename and hashed_name(
            plain, (manifest.folder / plain).read_bytes()) != filename):
        # Unknown, or changed on disk since start-up: those bytes must not be cached
        # for a year under the old name. A restart gives the file its new name.
        raise NotFound()
    response = send_from_directory(manifest.folder, plain)
    response.headers["Cache-Control"] = REVALIDATE if plain == filename else IMMUTABLE
    return response


def init_app(app: Flask) -> None:
    """Serve static files under hashed names, except in debug mode.

    In debug mode the plain names and Flask's own static view are kept, so an edited
    stylesheet shows on reload without a restart.
    """
    if app.debug or not app.has_static_folder:
        return
    app.extensions["assets"] = AssetManifest(Path(app.static_folder))
    app.url_defaults(_hashed_url)
    app.view_functions["static"] = serve_asset
