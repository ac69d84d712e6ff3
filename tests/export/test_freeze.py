"""`flask freeze`: the whole site as files, each one what a fresh render answers.

The export is made through the command, as an operator makes it (inside the app
context that `flask` pushes), of a project with every UN language; each file is
compared with a page rendered afresh by another app, one request at a time.
"""
import gzip
import os
import re
import stat
from pathlib import Path

import brotli
import pytest
from flask import url_for

from cde.export.render import not_found_paths, site_paths
from cde.pages import PAGES
from tests.htmltext import HtmlText
from tests.languages import WRITTEN
from tests.projectcopy import app_for


@pytest.fixture(scope="module")
def site(polyglot):
    return app_for(polyglot)


@pytest.fixture(scope="module")
def export(site, tmp_path_factory):
    destination = tmp_path_factory.mktemp("export") / "build"
    result = site.test_cli_runner().invoke(
        args=["freeze", "--destination", str(destination)])
    assert result.exit_code == 0, result.output
    return destination


@pytest.fixture
def fresh(polyglot):
    """A new app, no page kept anywhere: the reference every file is compared with."""
    return app_for(polyglot).test_client()


def exported(export: Path, path: str) -> Path:
    return export / "site" / (path.lstrip("/") + ("index.html" if path.endswith("/")
                                                   else ""))


def test_every_url_of_the_site_is_the_fresh_render(site, export, fresh):
    paths = site_paths(site)
    assert len(paths) > len(PAGES) * len(site.config["LANGUAGES"])
    for path in paths:
        response = fresh.get(path)
        assert response.status_code == 200, path
        assert exported(export, path).read_bytes() == response.data, path


def test_every_page_is_in_its_own_language(site, export):
    titles = {}
    for page in PAGES:
        for lang in site.config["LANGUAGES"]:
            with site.test_request_context():
                path = url_for(page.endpoint, lang=lang)
            html = HtmlText(exported(export, path).read_text(encoding="utf-8"))
            assert html.html_lang == WRITTEN[lang].tag, path
            assert html.html_dir == WRITTEN[lang].dir, path
            titles.setdefault(page.endpoint, set()).add(html.title)
        # Each language has its own catalog: no two languages share the text.
        assert len(titles[page.endpoint]) == len(site.config["LANGUAGES"]), page


def test_not_found_page_of_each_language_is_the_fresh_one(site, export, fresh):
    for path in not_found_paths(site):
        lang = path.split("/")[1]
        response = fresh.get(f"/{lang}/no-such-page/")
        assert response.status_code == 404
        assert response.headers["Content-Language"] == WRITTEN[lang].tag
        assert (export / "site" / lang / "404.html").read_bytes() == response.data


def test_every_link_of_every_page_resolves_to_an_exported_file(export):
    pages = list((export / "site").rglob("index.html"))
    assert pages
    for page in pages:
        for target in re.findall(r'(?:href|src)="(/[^"#?]*)', page.read_text()):
            assert exported(export, target).is_file(), f"{page}: {target}"


def test_text_files_have_precompressed_siblings_of_the_same_content(export):
    texts = [p for p in (export / "site").rglob("*")
             if p.suffix in (".html", ".css", ".xml", ".svg")]
    assert texts
    for path in texts:
        data = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data


def test_plain_hosts_get_the_default_language_at_the_top(site, export, fresh):
    default = site.config["DEFAULT_LANGUAGE"]
    assert (export / "site" / "index.html").read_bytes() == fresh.get(
        f"/{default}/").data
    assert (export / "site" / "404.html").read_bytes() == fresh.get(
        f"/{default}/no-such-page/").data


def test_the_nginx_configuration_names_every_language(site, export):
    config = (export / "nginx.conf").read_text()
    script = (export / "language.js").read_text()
    for lang in site.config["LANGUAGES"]:
        assert f'    "/{lang}/" "/{lang}/";' in config
        assert f'"{lang}"' in script.split("var LANGUAGES = ")[1].split(";")[0]
    release = (export / "current").resolve()
    assert f"root {release / 'site'};" in config
    assert f"js_import cde_language from {release / 'language.js'};" in config
    assert "    server_name cde.example.org;" in config


def test_freeze_refuses_a_folder_that_is_not_an_export(site, tmp_path):
    keep = tmp_path / "notes.txt"
    keep.write_text("not part of the site")
    result = site.test_cli_runner().invoke(
        args=["freeze", "--destination", str(tmp_path)])
    assert result.exit_code != 0
    assert "not empty" in result.output
    assert keep.read_text() == "not part of the site"


def test_a_second_export_replaces_the_first_whole(site, export):
    stale = export / "site" / "old-page" / "index.html"
    stale.parent.mkdir()
    stale.write_text("gone")
    result = site.test_cli_runner().invoke(
        args=["freeze", "--destination", str(export)])
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert not list(export.parent.glob(".build*")), "staging folders left behind"


def test_the_export_is_world_readable_whatever_the_umask(site, tmp_path):
    # A service's umask (077) must not hide the site from the web server's user.
    umask = os.umask(0o077)
    try:
        result = site.test_cli_runner().invoke(
            args=["freeze", "--destination", str(tmp_path / "build")])
    finally:
        os.umask(umask)
    assert result.exit_code == 0, result.output
    modes = {path: stat.S_IMODE(path.stat().st_mode)
             for path in [tmp_path / "build", *(tmp_path / "build").rglob("*")]}
    assert {modes[p] for p in modes if p.is_dir()} == {0o755}
    assert {modes[p] for p in modes if p.is_file()} == {0o644}


def test_static_hosts_get_the_app_headers_in_a_headers_file(site, export, fresh):
    # Netlify / Cloudflare Pages form: a path, then its headers indented.
    rules = (export / "site" / "_headers").read_text()
    page = fresh.get("/en/about/")
    every_file = rules.split("\n/*\n")[1].split("\n/")[0]
    for name in ("Content-Security-Policy", "X-Content-Type-Options",
                 "Referrer-Policy", "Permissions-Policy"):
        assert f"  {name}: {page.headers[name]}" in every_file.splitlines()
    assert "/en/*\n  Content-Language: en\n  Cache-Control: private, no-cache\n" in rules
    assert "/static/*\n  Cache-Control: public, max-age=31536000, immutable\n" in rules


@pytest.mark.parametrize("broken, said", [
    ("missing catalog", "messages.mo cannot be read"),
    ("debug mode", "debug mode is on (FLASK_DEBUG): unset it to export"),
])
def test_the_command_refuses_to_export_what_visitors_should_not_get(
    project, broken, said, monkeypatch
):
    """A language whose compiled catalog is missing would be exported in English,
    and debug mode serves other files: either stops the export, said in a line."""
    assert app_for(project).test_cli_runner().invoke(
        args=["translate", "compile"]).exit_code == 0
    if broken == "missing catalog":
        (project / "translations/es/LC_MESSAGES/messages.mo").unlink()
    if broken == "debug mode":  # as an operator's shell may have it
        monkeypatch.setenv("FLASK_DEBUG", "1")
    result = app_for(project).test_cli_runner().invoke(
        args=["freeze", "--destination", str(project / "out")])
    assert result.exit_code == 1
    assert said in result.output and "Traceback" not in result.output
    assert not (project / "out").exists()
