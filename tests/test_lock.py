"""requirements.lock agrees with pyproject.toml: what is installed is what was tested.

pyproject.toml holds the ranges the code supports; the lock, every package pinned
with its hashes (`make lock`, `make upgrade`). Each test fails when one is changed
without the other.
"""
import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name as normal

from cde import ROOT

LOCK = (ROOT / "requirements.lock").read_text(encoding="utf-8")
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# One entry of the lock: `name==version`, its hashes, then `# via` lines.
ENTRY = re.compile(r"^(?P<name>[A-Za-z0-9][\w.-]*)==(?P<version>[^\s;\\]+)(?P<rest>.*?)"
                   r"(?=^[A-Za-z0-9]|\Z)", re.MULTILINE | re.DOTALL)


LOCKED = {normal(m["name"]): m for m in ENTRY.finditer(LOCK)}
DECLARED = [Requirement(line) for line in [
    *PROJECT["dependencies"], *sum(PROJECT["optional-dependencies"].values(), [])]]


def test_every_declared_dependency_is_locked_within_its_range():
    outside = {str(req): LOCKED[normal(req.name)]["version"] if normal(req.name)
               in LOCKED else "not locked" for req in DECLARED
               if normal(req.name) not in LOCKED
               or LOCKED[normal(req.name)]["version"] not in req.specifier}
    assert outside == {}, "run `make lock` after changing pyproject.toml"


def test_every_locked_package_is_needed_and_hash_checked():
    """No pin is left over from a dependency that was removed, and pip can check
    every file it installs."""
    wanted_by = {name: set(map(normal, re.findall(
        r"^\s+#\s+(?:via\s+)?([\w.-]+)", entry["rest"], re.MULTILINE)))
        for name, entry in LOCKED.items()}
    declared = {normal(req.name) for req in DECLARED}
    # "cde-site" is this project: uv writes "via cde-site (pyproject.toml)".
    orphans = [name for name, via in wanted_by.items() if not (
        name in declared or via & (LOCKED.keys() | {"cde-site"}))]
    assert orphans == [], "run `make lock` after changing pyproject.toml"
    assert [name for name, entry in LOCKED.items()
            if "--hash=sha256:" not in entry["rest"]] == []
