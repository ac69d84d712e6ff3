"""A real nginx serving `flask freeze` with the configuration it generated: to a
visitor, the app's site, in every language.

The export is of a project with every UN language; every answer is compared with
a fresh render of another app. nginx runs on 127.0.0.1 in the foreground, with pid,
logs and temporary files in the test's temporary folder, and is stopped afterwards.
Skipped when nginx is not installed (.ci/run installs it).
"""
import gzip
import os
import shutil
from urllib.parse import urlsplit

import pytest
from flask import url_for

from cde.export.render import site_paths
from cde.export.freeze import freeze
from cde.i18n import code_of
from cde.security import policy_headers
from tests.languages import root_cases
from tests.projectcopy import app_for
from deploy import nginx_server
from tests.servers import (
    HAS_NGINX,
    IS_ROOT,
    NO_NGINX,
    PLAIN_SITE,
    UNPRIVILEGED,
    fetch,
    on_site,
    public_folder,
    worker_users,
)

# What nginx must send as the app does, besides the body.
SAME_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Set-Cookie")


pytestmark = pytest.mark.skipif(not HAS_NGINX, reason=NO_NGINX)


@pytest.fixture(scope="module")
def site(polyglot):
    return app_for(polyglot, SITE_URL=PLAIN_SITE)


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    """Base URL of nginx serving a fresh export of `site`."""
    workdir = public_folder()
    freeze(site, workdir / "build")
    with nginx_server.running(workdir / "build", workdir / "run") as (url, _):
        yield on_site(url)
    shutil.rmtree(workdir)


@pytest.fixture
def fresh(polyglot):
    """Another app, no page kept anywhere, cookies sent by hand as to nginx."""
    return app_for(polyglot, SITE_URL=PLAIN_SITE).test_client(use_cookies=False)


def assert_same_answer(nginx_answer, app_answer, what):
    status, headers, body = nginx_answer
    assert status == app_answer.status_code, what
    assert body == app_answer.data, what
    for name in SAME_HEADERS + tuple(name for name, _ in policy_headers(True)):
        assert headers.get(name) == app_answer.headers.get(name), (what, name)


def test_every_url_of_the_site_is_the_app_answer(site, nginx, fresh):
    for path in site_paths(site):
        assert_same_answer(fetch(nginx, path), fresh.get(path), path)


def missing_paths(site) -> list[str]:
    """Addresses no page has: under each language, and outside any."""
    paths = ["/nothing", "/index.html", "/404.html", "/static/", "/static/x.css",
             "/sitemap.xml.gz", "/_headers"]
    for lang in site.config["LANGUAGES"]:
        paths += [f"/{lang}/no-such-page/", f"/{lang}/index.html", f"/{lang}/404.html",
                  f"/{lang}/index.html.gz"]
    return paths


def test_missing_addresses_get_the_app_404_page(site, nginx, fresh):
    for path in missing_paths(site):
        for lang in (None, *site.config["LANGUAGES"]):
            headers = {"Accept-Language": lang} if lang else {}
            answer, expected = fetch(nginx, path, headers), fresh.get(path,
                                                                     headers=headers)
            assert expected.status_code == 404, path
            assert_same_answer(answer, expected, (path, lang))
            varies = ",".join(answer[1].get_all("Vary") or []).replace(" ", "")
            assert set(varies.split(",")) - {"Accept-Encoding", ""} == set(
                expected.vary), (path, lang)


def test_root_chooses_the_language_as_the_app_does(site, nginx, fresh):
    cases = root_cases(site.config["LANGUAGES"])
    assert len(cases) >= 150
    for headers in cases:
        expected = fresh.get("/", headers=headers)
        status, answer, _ = fetch(nginx, "/", headers)
        assert status == expected.status_code == 302
        assert answer["Location"] == expected.headers["Location"], headers
        assert answer["Vary"] == expected.headers["Vary"]
        assert answer["Cache-Control"] == expected.headers["Cache-Control"]


def test_compressed_pages_are_the_same_pages(site, nginx, fresh):
    for path in site_paths(site):
        if not path.endswith("/"):
            continue
        status, headers, body = fetch(nginx, path, {"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in headers["Vary"]
        assert gzip.decompress(body) == fresh.get(path).data


def test_a_known_etag_gets_a_304(site, nginx):
    page = site_paths(site)[0]
    _, headers, _ = fetch(nginx, page)
    status, _, body = fetch(nginx, page, {"If-None-Match": headers["ETag"]})
    assert status == 304
    assert body == b""


def test_missing_trailing_slash_redirects_like_the_app(site, nginx, fresh):
    with site.test_request_context():
        page = url_for("about", lang=site.config["LANGUAGES"][-1])
    expected = fresh.get(page.rstrip("/"))
    status, headers, _ = fetch(nginx, page.rstrip("/"))
    assert status == expected.status_code == 308
    assert headers["Location"] == urlsplit(expected.headers["Location"]).path


def test_head_answers_like_get_without_body(site, nginx):
    page = site_paths(site)[0]
    status, headers, body = fetch(nginx, page, method="HEAD")
    assert status == 200
    assert body == b""
    assert int(headers["Content-Length"]) == len(fetch(nginx, page)[2])


def test_a_variant_catalog_is_served_and_reached(polyglot, tmp_path, served):
    # A regional variant is a folder like any other: zh_Hant gets /zh-hant/, and
    # Traditional Chinese readers (zh-TW) reach it while zh-CN stays on /zh/.
    translations = tmp_path / "translations"
    shutil.copytree(polyglot / "translations", translations)
    if not (translations / "zh_Hant").exists():
        shutil.copytree(translations / "zh", translations / "zh_Hant")
    app = app_for(polyglot, TRANSLATIONS_DIR=str(translations), SITE_URL=PLAIN_SITE)
    assert code_of("zh_Hant") in app.config["LANGUAGES"]
    freeze(app, served / "build")
    with nginx_server.running(served / "build", served / "run") as (url, _):
        url = on_site(url)
        for accept, expected in (("zh-TW", "/zh-hant/"), ("zh-Hant", "/zh-hant/"),
                                 ("zh-CN", "/zh/"), ("zh", "/zh/")):
            assert fetch(url, "/", {"Accept-Language": accept})[1]["Location"] == (
                expected)
            assert app.test_client().get(
                "/", headers={"Accept-Language": accept}).headers["Location"] == expected
        status, headers, _ = fetch(url, "/zh-hant/")
        assert status == 200
        assert headers["Content-Language"] == "zh-Hant"


def test_certbots_challenge_is_served_but_no_other_dotfile(site, served):
    # certbot --webroot writes its token under site/.well-known/acme-challenge/ and
    # Let's Encrypt fetches it over plain HTTP (deploy/README.md: TLS).
    freeze(site, served / "build")
    challenge = served / "build" / "site" / ".well-known" / "acme-challenge"
    challenge.mkdir(parents=True)
    (challenge / "token").write_text("proof")
    (served / "build" / "site" / ".hidden").write_text("secret")
    for path in (challenge, challenge / "token", served / "build" / "site" / ".hidden"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    with nginx_server.running(served / "build", served / "run") as (url, _):
        url = on_site(url)
        assert fetch(url, "/.well-known/acme-challenge/token")[::2] == (200, b"proof")
        assert fetch(url, "/.hidden")[0] == 404


@pytest.mark.skipif(not IS_ROOT, reason="only root can run nginx's workers as "
                    "another user")
def test_an_export_made_under_a_strict_umask_is_served_by_unprivileged_workers(
        site, served):
    # The export is made as a service makes it (umask 077), and served by workers
    # that are not its owner: every page, the sitemap and the 404 page are read.
    umask = os.umask(0o077)
    try:
        freeze(site, served / "build")
    finally:
        os.umask(umask)
    with nginx_server.running(served / "build", served / "run") as (url, process):
        url = on_site(url)
        users = worker_users(process.pid)
        assert users and users <= UNPRIVILEGED, users
        assert fetch(url, "/")[0] == 302
        for path in site_paths(site):
            assert fetch(url, path)[0] == 200, path
        assert fetch(url, "/en/no-such-page/")[0] == 404
