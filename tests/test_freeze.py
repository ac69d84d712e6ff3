"""`flask freeze`: the whole site as files, each one what the app answers."""
import gzip
import re
from pathlib import Path

import brotli
import pytest

from cde import create_app
from cde.export import freeze
from cde.pages import PAGES

SITE = "https://cde.example.org"


@pytest.fixture(scope="module")
def site():
    return create_app({"TESTING": True, "SITE_URL": SITE})


@pytest.fixture(scope="module")
def build(site, tmp_path_factory):
    destination = tmp_path_factory.mktemp("export") / "build"
    freeze(site, destination)
    return destination


@pytest.fixture
def live(site):
    return site.test_client()


def exported_pages(build: Path) -> dict[str, Path]:
    """URL path -> file, for every page in the export (dir/index.html)."""
    return {
        "/" + path.parent.relative_to(build).as_posix() + "/": path
        for path in build.rglob("index.html")
        if path.parent != build  # the fallback for plain hosts, tested apart
    }


def test_every_page_of_every_language_is_exported(site, build):
    with site.test_request_context():
        from flask import url_for

        expected = {
            url_for(page.endpoint, lang=lang)
            for page in PAGES
            for lang in site.config["LANGUAGES"]
        }
    assert set(exported_pages(build)) == expected


def test_every_exported_page_is_the_live_page(build, live):
    pages = exported_pages(build)
    assert pages
    for url, path in pages.items():
        response = live.get(url)
        assert response.status_code == 200, url
        assert path.read_bytes() == response.data, url


@pytest.mark.parametrize("lang, missing", [("en", "/en/no-such-page/"),
                                           ("es", "/es/no-existe/")])
def test_not_found_page_of_each_language_is_the_live_one(build, live, lang, missing):
    response = live.get(missing)
    assert response.status_code == 404
    assert (build / lang / "404.html").read_bytes() == response.data


@pytest.mark.parametrize("path", ["/sitemap.xml", "/robots.txt", "/favicon.ico"])
def test_fixed_files_are_exported_as_served(build, live, path):
    response = live.get(path)
    assert response.status_code == 200
    assert (build / path.lstrip("/")).read_bytes() == response.data


def test_static_files_are_exported_under_their_hashed_names(site, build, live):
    manifest = site.extensions["assets"]
    for hashed in manifest.plain:
        exported = build / "static" / hashed
        assert exported.read_bytes() == live.get(f"/static/{hashed}").data
    assert not (build / "static" / "css" / "site.css").exists()


def test_every_link_of_every_page_resolves_to_an_exported_file(build):
    for url, path in exported_pages(build).items():
        html = path.read_text()
        for target in re.findall(r'(?:href|src)="(/[^"#?]*)', html):
            file = build / target.lstrip("/")
            if target.endswith("/"):
                file = file / "index.html"
            assert file.is_file(), f"{url} links to {target}, which is not exported"


def test_text_files_have_precompressed_siblings_of_the_same_content(build):
    suffixes = (".html", ".css", ".xml", ".svg")
    texts = [p for p in build.rglob("*") if p.suffix in suffixes]
    assert texts
    for path in texts:
        data = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data


def test_plain_hosts_get_the_default_language_at_the_top(build, live):
    # A host without configuration cannot choose at `/`: it shows the Spanish home.
    assert (build / "index.html").read_bytes() == live.get("/es/").data
    assert (build / "404.html").read_bytes() == live.get("/es/no-existe/").data


def test_freeze_command_exports_into_the_given_folder(site, tmp_path):
    result = site.test_cli_runner().invoke(
        args=["freeze", "--destination", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "es" / "acerca" / "index.html").is_file()
    assert "Exported" in result.output


def test_freeze_refuses_a_folder_that_is_not_an_export(site, tmp_path):
    keep = tmp_path / "notes.txt"
    keep.write_text("not part of the site")
    runner = site.test_cli_runner()
    result = runner.invoke(args=["freeze", "--destination", str(tmp_path)])
    assert result.exit_code != 0
    assert "not empty" in result.output
    assert keep.read_text() == "not part of the site"


def test_a_second_export_removes_what_the_site_no_longer_has(site, tmp_path):
    freeze(site, tmp_path / "out")
    stale = tmp_path / "out" / "en" / "old-page" / "index.html"
    stale.parent.mkdir()
    stale.write_text("gone")
    freeze(site, tmp_path / "out")
    assert not stale.exists()
