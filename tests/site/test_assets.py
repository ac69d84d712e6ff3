"""Static files under content-hashed names, cached by browsers for a year."""
import hashlib
from pathlib import Path

import pytest
from flask import url_for

from cde import create_app


def test_static_urls_carry_the_hash_of_the_file(app):
    # The first 12 hex digits of the file's SHA-256, before its extension.
    data = (Path(app.static_folder) / "css" / "site.css").read_bytes()
    with app.test_request_context():
        url = url_for("static", filename="css/site.css")
    assert url == f"/static/css/site.{hashlib.sha256(data).hexdigest()[:12]}.css"


def test_hashed_asset_is_the_file_cached_for_a_year(app, client):
    with app.test_request_context():
        url = url_for("static", filename="css/site.css")
    response = client.get(url)
    assert response.status_code == 200
    assert response.data == (Path(app.static_folder) / "css" / "site.css").read_bytes()
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.mimetype == "text/css"


def test_plain_asset_name_still_works_but_is_revalidated(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, no-cache"


@pytest.mark.parametrize(
    # Paths that climb out of static/: test_hostile_input.py.
    "path", ["/static/css/site.000000000000.css", "/static/nothing.css"]
)
def test_unknown_assets_are_404_pages(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b'<main id="main"' in response.data


def test_debug_mode_keeps_plain_static_names():
    app = create_app({"DEBUG": True})
    with app.test_request_context():
        assert url_for("static", filename="css/site.css") == "/static/css/site.css"
