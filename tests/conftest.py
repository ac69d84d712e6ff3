import os
import shutil

import pytest

from cde import ROOT, create_app
from tests.projectcopy import add_languages, app_for, copy_project
from deploy import serve
from tests.servers import HAS_NGINX, NO_NGINX, SITE, public_folder


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
        # LANGUAGE comes first where gettext (and cde/translator/tool_language.py) looks.
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
def runner():
    """`flask` on the project itself, with the commands app.py adds."""
    return app_for(ROOT).test_cli_runner()


@pytest.fixture(scope="session")
def polyglot(tmp_path_factory):
    """A copy of the project with every UN language (missing ones pseudo-translated).

    For the behaviours that only show with more languages than the repository has:
    right to left, Chinese characters, a switcher of six. Build apps on it with
    `projectcopy.app_for(polyglot)`.
    """
    return add_languages(copy_project(tmp_path_factory.mktemp("polyglot")))


@pytest.fixture(scope="session")
def production_server():
    """`make serve` on a free port of 127.0.0.1, exported for that address, as root
    would start it when the tests run as root: (base URL, nginx master process).

    Skipped without nginx (.ci/run installs it).
    """
    if not HAS_NGINX:
        pytest.skip(NO_NGINX)
    run = public_folder()
    with serve.production("127.0.0.1", serve.nginx_server.free_port(), run) as server:
        yield server
    shutil.rmtree(run, ignore_errors=True)


@pytest.fixture(scope="session")
def production(production_server):
    """The base URL of `make serve` (production_server)."""
    return production_server[0]
