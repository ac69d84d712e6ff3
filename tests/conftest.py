import os
import shutil
import subprocess

import pytest

from cde import ROOT, create_app
from projectcopy import add_languages, copy_project
from servers import HAS_NGINX, NO_NGINX, SITE, public_folder, serve


def pytest_sessionstart(session):
    """Stop at once, with the fix, when the compiled catalogs are missing.

    Without them every Spanish page quietly renders in English and dozens of tests
    fail for a reason that none of them names. `make test` compiles them first.
    """
    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists():
            pytest.exit(
                f"{mo.relative_to(ROOT)} is missing: run "
                "`make catalogs` (or `make test`, which does it) first.",
                returncode=4,
            )


@pytest.fixture(autouse=True, scope="session")
def clean_environment():
    """Tests see the app's own defaults, never the developer's FLASK_* settings, and
    the translators' commands speak English (the tests assert their exact words),
    whatever the developer's locale; a test sets LANGUAGE to hear another."""
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith("FLASK_"):
                patch.delenv(name)
        # LANGUAGE comes first where gettext (and cde/tool_language.py) looks.
        patch.setenv("LANGUAGE", "en")
        yield


@pytest.fixture
def app():
    """A fresh app per test, configured as in production but for TESTING."""
    return create_app({"TESTING": True, "SITE_URL": SITE})


@pytest.fixture
def served():
    """A folder for an export that nginx serves (servers.public_folder), removed after."""
    folder = public_folder()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def project(tmp_path):
    """A scratch copy of the project (sources and catalogs) to break on purpose."""
    return copy_project(tmp_path)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def polyglot(tmp_path_factory):
    """A copy of the project with every UN language (missing ones pseudo-translated).

    For the behaviours that only show with more languages than the repository has:
    right to left, Chinese characters, a switcher of six. Build apps on it with
    `projectcopy.app_for(polyglot)`.
    """
    return add_languages(copy_project(tmp_path_factory.mktemp("polyglot")))


@pytest.fixture(scope="session")
def production(tmp_path_factory):
    """`make serve` on a free port of 127.0.0.1: nginx in front of gunicorn.

    Yields the base URL. Skipped without nginx (.ci/run installs it).
    """
    if not HAS_NGINX:
        pytest.skip(NO_NGINX)
    run = tmp_path_factory.mktemp("production")
    port = serve.nginx_preview.free_port()
    env = {"FLASK_SITE_URL": f"http://127.0.0.1:{port}", "WEB_CONCURRENCY": "1"}
    with (run / "app.log").open("wb") as log, serve.production(
        "127.0.0.1", port, run, env, stdout=subprocess.DEVNULL, stderr=log
    ) as (url, _, _):
        yield url
