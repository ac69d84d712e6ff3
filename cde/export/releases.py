"""Exports as releases: each `flask freeze` writes a new folder, switched in with
one rename, and the one before stays for `flask rollback` (freeze.py).

    DESTINATION/releases/<time>/    one export: site/, nginx.conf, language.js
    DESTINATION/current             -> releases/<time> (the one served)
    DESTINATION/previous            -> the one before (what a rollback serves)
    DESTINATION/site, nginx.conf, language.js -> current/... (what nginx includes)

Each release's nginx.conf names its own folder as `root`: nginx changes releases
at its reload, all files and headers at once. Hashed static files of the releases
before stay in the new one for GRACE_DAYS (`static-retired.json` says since when),
so a page loaded just before a deploy still finds its stylesheet."""
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import click

GRACE_DAYS = 7
RELEASES, CURRENT, PREVIOUS = "releases", "current", "previous"
RETIRED = "static-retired.json"
# A release's files: the site, nginx's configuration and its njs rule at `/`, which
# nginx and plain hosts read through `current`.
SITE, CONFIG, LANGUAGE_JS = "site", "nginx.conf", "language.js"


def check_destination(destination: Path) -> None:
    """Refuse to export into a folder that holds anything but earlier exports."""
    # Old releases are deleted there: a mistyped `--destination ~` must stop here
    # rather than touch a home folder.
    if destination.exists() and not destination.is_dir():
        raise click.ClickException(f"{destination} exists and is not a folder")
    earlier_export = (destination / CURRENT).is_symlink()
    if destination.exists() and any(destination.iterdir()) and not earlier_export:
        raise click.ClickException(
            f"{destination} is not empty and holds no earlier export of the site; "
            "choose an empty or new folder")


def new_release(destination: Path) -> Path:
    """A new, empty release folder under `destination`, named for the time; the
    folders above it open to nginx's workers (make_world_readable)."""
    releases = destination / RELEASES
    releases.mkdir(parents=True, exist_ok=True)
    for folder in (destination, releases):
        folder.chmod(0o755)
    return Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%dT%H%M%S-"), dir=releases))


def make_world_readable(folder: Path) -> None:
    """Folders 0755 and files 0644 under `folder`, itself included: the web server's
    workers run as another user (www-data, nobody), and neither mkdtemp (always
    0700) nor a strict umask (systemd's, root's 027) may decide what they read."""
    for path in (folder, *folder.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _link(link: Path, target: str) -> None:
    """Point the symlink `link` at `target` in one rename: never missing."""
    temporary = link.with_name(f".{link.name}.new")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(target)
    os.replace(temporary, link)


def keep_retired_static(destination: Path, release: Path, grace_days: float) -> None:
    """Copy into `release` the hashed static files of the current release that it
    no longer has, and those it carried, while younger than `grace_days`."""
    current, now = destination / CURRENT, time.time()
    if not (current / SITE / "static").is_dir():
        return
    carried = json.loads((current / RETIRED).read_text()) if (current / RETIRED).exists() else {}
    kept = {}
    for old in (current / SITE / "static").rglob("*"):
        name = old.relative_to(current / SITE).as_posix()
        new = release / SITE / name
        retired = carried.get(name, now)
        if old.is_file() and not new.exists() and now - retired < grace_days * 86400:
            new.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(old, new)
            kept[name] = retired
    (release / RETIRED).write_text(json.dumps(kept, indent=1, sort_keys=True))


def switch(destination: Path, release: Path) -> None:
    """Serve `release`: `current` points at it, `previous` at the one before, and
    releases older than both are deleted."""
    current, keep = destination / CURRENT, {release.name}
    if current.is_symlink():
        keep.add(Path(os.readlink(current)).name)
        _link(destination / PREVIOUS, os.readlink(current))
    _link(current, f"{RELEASES}/{release.name}")
    for name in (SITE, CONFIG, LANGUAGE_JS):
        if not (destination / name).is_symlink():
            _link(destination / name, f"{CURRENT}/{name}")
    for old in (destination / RELEASES).iterdir():
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)


def rollback(destination: Path) -> Path:
    """Serve the previous release again, the current one becoming previous; return it."""
    previous = destination / PREVIOUS
    if not previous.is_symlink():
        raise click.ClickException(f"{destination} holds no previous release")
    back, now = os.readlink(previous), os.readlink(destination / CURRENT)
    _link(destination / CURRENT, back)
    _link(previous, now)
    return destination / back
