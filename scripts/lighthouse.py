"""Lighthouse scores of the home pages, served as in production: `make lighthouse`.

Starts `make serve` (the export served by nginx, deploy/serve.py) on a free
port of 127.0.0.1 with FLASK_SITE_URL set to that address, so the canonical and
hreflang audits see the URL Lighthouse really visits; runs Lighthouse (mobile, its
default form factor) on the home page of every language with Debian's Chromium;
prints the scores and every audit that cost points; exits 1 when accessibility,
best practices or SEO is below 100 or performance below 95.

Environment: LIGHTHOUSE (the CLI, default .tools/node_modules/.bin/lighthouse),
CHROME_PATH (default /usr/bin/chromium). JSON reports go to build/lighthouse/.
Not part of the test suite: it takes about a minute and measures timings.
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from cde import create_app
from deploy import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = os.environ.get(
    "LIGHTHOUSE", str(ROOT / ".tools/node_modules/.bin/lighthouse")
)
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu "
    "--disable-background-networking --disable-component-update"
)
REPORTS = ROOT / "build" / "lighthouse"
# Lowest acceptable score (0-100) of each category.
REQUIRED = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def run_lighthouse(url: str, report: Path) -> dict:
    """Lighthouse's JSON report for `url` (mobile settings), also saved to `report`."""
    subprocess.run(
        [LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={report}",
         "--only-categories=" + ",".join(REQUIRED), f"--chrome-flags={CHROME_FLAGS}"],
        check=True, env={**os.environ, "CHROME_PATH": CHROME_PATH},
    )
    return json.loads(report.read_text())


def lost_points(result: dict, category: str) -> list[str]:
    """The audits of a category that did not pass, with what Lighthouse says."""
    lines = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            shown = audit.get("displayValue", "")
            lines.append(
                f"    {audit['id']} ({audit['score']:.2f}) {audit['title']} {shown}"
            )
    return lines


def main() -> int:
    """Serve, measure every home page, print the scores; 1 if any is too low."""
    if not Path(LIGHTHOUSE).exists():
        sys.exit(f"no Lighthouse at {LIGHTHOUSE}: run `make lighthouse`")
    REPORTS.mkdir(parents=True, exist_ok=True)
    port = serve.nginx_server.free_port()
    site = f"http://127.0.0.1:{port}"
    homes = [f"/{lang}/" for lang in create_app().config["LANGUAGES"]]
    failed = False
    with tempfile.TemporaryDirectory() as run:
        Path(run).chmod(0o711)  # nginx's workers (www-data under root) pass through
        with serve.production("127.0.0.1", port, Path(run), {"FLASK_SITE_URL": site}):
            for path in homes:
                url = f"http://127.0.0.1:{port}{path}"
                name = path.strip("/") or "root"
                result = run_lighthouse(url, REPORTS / f"{name}.json")
                print(f"{path}  (Lighthouse {result['lighthouseVersion']}, "
                      f"{result['configSettings']['formFactor']})")
                for category, required in REQUIRED.items():
                    score = round(result["categories"][category]["score"] * 100)
                    ok = score >= required
                    failed |= not ok
                    verdict = "ok" if ok else f"below {required}"
                    print(f"  {category:15} {score:3}  {verdict}")
                    if score < 100:
                        print("\n".join(lost_points(result, category)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
