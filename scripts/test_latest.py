"""`make test-latest`: the whole suite with the newest releases pyproject.toml allows.

requirements.lock holds the versions that were tested; this run looks ahead, so that
an upstream release that breaks the site is seen here before it reaches a clone. In a
throwaway environment it resolves the newest versions (uv), says which packages
differ from the lock, compiles the catalogs and runs the tests with them. When a test
fails it ends with a notice naming the packages (locked -> newest) and the failing
tests, and exits non-zero; .ci/run reports that without failing the run.
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
UV = Path(sys.executable).parent / "uv"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def lock_command() -> list[str]:
    """How requirements.lock was written (uv records it in the lock's header), less
    its output file: the newest releases are resolved exactly as the lock was, for
    every platform, so the two lists compare package by package."""
    header = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()[1]
    words = header.removeprefix("#").split()
    assert words[:3] == ["uv", "pip", "compile"], f"requirements.lock: {header}"
    output = words.index("-o")
    return words[1:output] + words[output + 2:]


def pins(text: str) -> dict[str, str]:
    """{normalised name: version} of a requirements file's `name==version` lines."""
    return {canonicalize_name(name): version for name, version in PIN.findall(text)}


def differences(locked: dict, newest: dict) -> list[str]:
    """One line for each package whose newest release is not the locked one."""
    return [f"{name}: locked {locked.get(name, '(none)')}, newest {newest.get(name, '(none)')}"
            for name in sorted(locked.keys() | newest.keys())
            if locked.get(name) != newest.get(name)]


def failed_tests(report: Path) -> list[str]:
    """The ids of the tests that failed or errored, from pytest's JUnit XML."""
    if not report.exists():
        return []
    return [f"{case.get('classname', '').replace('.', '/')}.py::{case.get('name')}"
            for case in ElementTree.parse(report).iter("testcase")
            if case.find("failure") is not None or case.find("error") is not None]


def main() -> int:
    locked = pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="cde-latest-") as scratch:
        scratch = Path(scratch)
        latest = scratch / "requirements.txt"
        venv = scratch / "venv"
        python = venv / "bin" / "python"
        subprocess.run([UV, *lock_command(), "--upgrade", "--quiet", "-o", latest],
                       cwd=ROOT, check=True)
        newest = pins(latest.read_text(encoding="utf-8"))
        changed = differences(locked, newest)
        print("Newest releases against requirements.lock:")
        print("\n".join(f"  {line}" for line in changed) or "  the same as the lock")
        subprocess.run([UV, "venv", "--quiet", "--python", sys.executable, venv],
                       check=True)
        subprocess.run([UV, "pip", "sync", "--quiet", "--python", python, latest],
                       check=True)
        # The catalogs are compiled by the newest Babel too: that is where a release
        # once refused the Spanish catalog.
        compiled = subprocess.run([venv / "bin" / "flask", "--app", "app", "translate",
                                   "compile"], cwd=ROOT)
        report = scratch / "report.xml"
        tests = subprocess.run([python, "-m", "pytest", "-p", "no:cacheprovider",
                                f"--junitxml={report}"], cwd=ROOT,
                               env={**os.environ, "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"})
        failed = failed_tests(report)
    if compiled.returncode == 0 and tests.returncode == 0:
        return 0
    print("\nNOTICE: the suite FAILS with the newest releases pyproject.toml allows "
          "(make test, with requirements.lock, is what CI gates on).")
    print("Packages that differ from requirements.lock:")
    print("\n".join(f"  {line}" for line in changed) or "  none")
    if compiled.returncode:
        print("The catalogs did not compile with them (see above).")
    print("Failing tests:")
    print("\n".join(f"  {test}" for test in failed) or "  none reported")
    print("Before `make upgrade`, fix the code, or keep the bad release out in "
          "pyproject.toml (README: Upgrading dependencies).")
    return tests.returncode or compiled.returncode


if __name__ == "__main__":
    sys.exit(main())
