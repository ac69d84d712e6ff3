"""Exports as releases: a new export is switched in with one rename, the one before
stays for `flask rollback`, and the hashed static files of earlier exports stay
for the grace period (cde/export/releases.py)."""
import os

import pytest

from cde.export.freeze import freeze
from tests.projectcopy import app_for

OLD_STYLES = "static/css/site.0123456789ab.css"


@pytest.fixture
def site(polyglot):
    return app_for(polyglot)


def release_of(export, link: str) -> str:
    return os.readlink(export / link)


def test_a_new_export_keeps_the_previous_one_for_a_rollback(site, tmp_path):
    export = tmp_path / "build"
    freeze(site, export)
    first = release_of(export, "current")
    freeze(site, export)
    second = release_of(export, "current")
    assert first != second and release_of(export, "previous") == first
    assert (export / "nginx.conf").resolve() == export / second / "nginx.conf"
    result = site.test_cli_runner().invoke(args=["rollback", "--destination",
                                                 str(export)])
    assert result.exit_code == 0, result.output
    assert release_of(export, "current") == first
    assert release_of(export, "previous") == second
    assert (export / "site" / "en" / "index.html").resolve().is_relative_to(
        export / first)


def test_only_the_current_and_the_previous_release_stay(site, tmp_path):
    export = tmp_path / "build"
    for _ in range(3):
        freeze(site, export)
    assert sorted(p.name for p in (export / "releases").iterdir()) == sorted(
        os.path.basename(release_of(export, link)) for link in ("current", "previous"))


def test_a_rollback_needs_a_previous_export(site, tmp_path):
    freeze(site, tmp_path / "build")
    result = site.test_cli_runner().invoke(args=["rollback", "--destination",
                                                 str(tmp_path / "build")])
    assert result.exit_code != 0 and "no previous release" in result.output


def test_old_hashed_static_files_stay_for_the_grace_period(site, tmp_path):
    export = tmp_path / "build"
    freeze(site, export)
    (export / "site" / OLD_STYLES).write_text("body{}")  # a stylesheet retired now
    freeze(site, export)
    assert (export / "site" / OLD_STYLES).read_text() == "body{}"
    freeze(site, export)  # still within the grace period: carried again
    assert (export / "site" / OLD_STYLES).exists()
    freeze(site, export, grace_days=0)
    assert not (export / "site" / OLD_STYLES).exists()
