"""Static files under content-hashed names, cached by browsers for a year.

`url_for('static', filename='css/site.css')` gives `/static/css/site.<hash>.css`,
where the hash comes from the file's bytes. A changed file gets a new name, so its
old name can be cached forever (`immutable`): a returning visitor downloads nothing
until a deploy changes a file, and then only that file. Templates need no change.
Files are hashed once, when the app starts, and read and compressed once, on their
build (cde/build.py renders them under their hashed names).
"""
import hashlib
import mimetypes
from pathlib import Path, PurePosixPath

from flask import Flask, Response, current_app, send_from_directory
from werkzeug.exceptions import NotFound

# The name changes whenever the bytes do, so the URL may be cached for good.
IMMUTABLE = "public, max-age=31536000, immutable"
# Plain (unhashed) names still work, for a hand-written link, but must be
# revalidated every time since their bytes can change under the same name.
REVALIDATE = "public, no-cache"
# 12 hex digits: a collision between two versions of one file is out of reach.
HASH_LENGTH = 12


def hashed_name(filename: str, data: bytes) -> str:
    """`css/site.css` -> `css/site.<hash of data>.css`."""
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    path = PurePosixPath(filename)
    if path.suffix:
        return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))
    return f"{filename}.{digest}"


def content_type(filename: str) -> str:
    """The Content-Type of a static file, with a charset for text as Flask sends."""
    mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return f"{mimetype}; charset=utf-8" if mimetype.startswith("text/") else mimetype


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
    """The static view: hashed names from memory for a year, plain names revalidated."""
    manifest = current_app.extensions["assets"]
    plain = manifest.plain.get(filename)
    if plain is None:
        if filename not in manifest.hashed:
            raise NotFound()
        response = send_from_directory(manifest.folder, filename, max_age=None)
        response.headers["Cache-Control"] = REVALIDATE
        return response
    data = (manifest.folder / plain).read_bytes()
    if hashed_name(plain, data) != filename:
        # Changed on disk since start-up: these bytes must not be cached for a year
        # under the old name. A restart gives the file its new name.
        raise NotFound()
    response = Response(data, content_type=content_type(plain))
    response.headers["Cache-Control"] = IMMUTABLE
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
