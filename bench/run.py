"""`make bench`: how fast `make serve` is, against nginx's own speed.

1. Starts `make serve` (deploy/serve.py: the export served by nginx) and a bare
   nginx serving each page's bytes as a plain file (no maps, no headers added, no
   log). wrk (2 threads, 32 connections, 5 s after a 1 s warm-up) loads each in
   turn, three times, the median run counting, on every page in every language,
   and prints requests per second, p50 and p99 latency, and the ratio site/bare
   (target: at least 0.8).
2. The language at `/`: `/` with a 1,000-character Accept-Language against `/`
   with none, one connection, side by side (target: at most twice the time).
3. Where the time goes: the bare nginx again, given one part of the site's
   configuration at a time (its headers, its maps, its access log).
4. Load test: 30 s at 64 connections on every page, `/`, the sitemap and a
   stylesheet, and reports socket errors and non-2xx/3xx answers (5xx apart).
5. Building with the six UN languages (a copy of the project, the missing ones
   pseudo-translated): seconds from starting `make serve` to its first page
   (target: 10 s, the export included), and seconds for `flask freeze` (target:
   10 s).

Everything runs on 127.0.0.1 and is bounded in time (about four minutes). Exits
non-zero when a ratio is under the target or the load test saw any error. Never
part of `make test`: speed is measured here, not asserted in tests.
"""
import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from cde.export.releases import make_world_readable
from cde.export.render import site_paths
from deploy import nginx_server, serve

from .wrk import row, side_by_side, wait_for, wrk

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TARGET_RATIO = 0.8
TARGET_ACCEPT_LANGUAGE_COST = 2
TARGET_FIRST_PAGE_SECONDS = 10
TARGET_FREEZE_SECONDS = 10


BARE = """daemon off;
worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 8192; }}
http {{
    include /etc/nginx/mime.types;
    sendfile on;
    access_log off;
    server {{
        listen 127.0.0.1:{port};
        root {work}/files;
        {extra}
    }}
}}
"""


@contextlib.contextmanager
def bare_nginx(work: Path, files: dict[str, bytes], extra: str = ""):
    """nginx with nothing but a server block serving `files` as plain files (and
    `extra` directives in that block); yields its base URL."""
    work.mkdir(parents=True, exist_ok=True)
    work.chmod(0o755)
    for name, body in files.items():
        (work / "files" / name).parent.mkdir(parents=True, exist_ok=True)
        (work / "files" / name).write_bytes(body)
    make_world_readable(work / "files")
    port = nginx_server.free_port()
    user = nginx_server.worker_user()
    (work / "nginx.conf").write_text((f"user {user};\n" if user else "")
                                     + BARE.format(work=work, port=port, extra=extra))
    process = subprocess.Popen([nginx_server.find_nginx(), "-p", str(work), "-c",
                                str(work / "nginx.conf")], stderr=subprocess.DEVNULL)
    try:
        nginx_server.wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        nginx_server.stop(process, timeout=10)


def page_paths(app) -> list[str]:
    """Every page in every language."""
    return [path for path in site_paths(app) if path.endswith("/")]


def load_test_paths(app) -> list[str]:
    """What a crowd at a report launch asks for: every URL of the site, and `/`."""
    return site_paths(app) + ["/"]


LUA = """
-- Cycles through the site's URLs like a crowd of browsers and counts 5xx answers.
local paths = {%s}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) server_errors = 0; n = 0 end
function request()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1],
                    {["Accept-Encoding"] = "gzip, deflate, br"})
end
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("server_errors") end
  io.write(string.format("5xx responses: %%d\\n", total))
end
"""


def build_figures(logdir: Path) -> list[str]:
    """Time `make serve` to its first page and `flask freeze`, with six languages.

    Prints the figures; returns the targets missed.
    """
    from tests.projectcopy import add_languages, copy_project

    copy = logdir / "six-copy"
    copy.mkdir()
    add_languages(copy_project(copy))
    env = {"FLASK_TRANSLATIONS_DIR": str(copy / "translations")}
    started = time.monotonic()
    with serve.production("127.0.0.1", nginx_server.free_port(), logdir / "six",
                          env) as (url, nginx):
        wait_for(url + "/en/", nginx)
        first_page = time.monotonic() - started
        languages = urllib.request.urlopen(url + "/sitemap.xml").read().count(b"<loc>")
    started = time.monotonic()
    subprocess.run(
        [str(BIN / "flask"), "--app", "app", "freeze", "--destination",
         str(logdir / "build")],
        cwd=ROOT, env={**os.environ, **env}, check=True, capture_output=True)
    freezing = time.monotonic() - started
    print(f"\n# Building the site in six languages ({languages} pages)")
    missed = []
    for label, seconds, target in (
        ("make serve, first page", first_page, TARGET_FIRST_PAGE_SECONDS),
        ("flask freeze", freezing, TARGET_FREEZE_SECONDS),
    ):
        verdict = "ok" if seconds <= target else f"OVER {target} s"
        print(f"{label:<28} {seconds:>8.2f} s  {verdict}")
        if seconds > target:
            missed.append(f"{label}: {seconds:.2f} s > {target} s")
    return missed


# One part of the site's configuration at a time, added to the bare nginx.
PARTS = {
    "+ security headers": "add_header Content-Security-Policy \"default-src 'self'; "
    "object-src 'none'\" always; add_header X-Content-Type-Options nosniff always; "
    "add_header Referrer-Policy strict-origin-when-cross-origin always; "
    "add_header Permissions-Policy \"camera=(), microphone=()\" always; "
    "add_header Cross-Origin-Opener-Policy same-origin always; "
    "add_header Cross-Origin-Resource-Policy same-origin always;",
    "+ access log (buffered)": "access_log {work}/access.log combined buffer=64k "
    "flush=1s;",
    "+ access log (a write each)": "access_log {work}/access.log;",
    "+ charset and regex location": "charset utf-8; location ~ /$ {{ try_files "
    "${{uri}}index.html =404; }}",
}


def main() -> int:
    """Run the benchmark and the load test; print the figures."""
    parser = argparse.ArgumentParser(description="Benchmark the site (bench/run.py).")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--load-seconds", type=int, default=30)
    parser.add_argument("--load-connections", type=int, default=64)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed: `make bench` installs it (apt-get install wrk)")
        return 2

    from cde import create_app

    failures = []
    print(f"# make bench, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
          f"{os.cpu_count()} CPUs; wrk -t2 -c{args.connections} -d{args.seconds}s "
          f"--latency, no compression; median of {args.runs} alternating runs")
    print(f"{'':<32} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        logdir = Path(tmp)
        logdir.chmod(0o711)  # nginx's workers (www-data under root) pass through
        port = nginx_server.free_port()
        site_app = create_app({"SITE_URL": f"http://127.0.0.1:{port}"})
        paths = page_paths(site_app)
        with serve.production("127.0.0.1", port, logdir / "site") as (site, _):
            bodies = {path: urllib.request.urlopen(site + path).read()
                      for path in paths}
            files = {f"page{i}.html": body for i, body in enumerate(bodies.values())}
            with bare_nginx(logdir / "bare", files) as bare:
                for i, path in enumerate(paths):
                    results = side_by_side(
                        [("site " + path, site + path),
                         (f"bare nginx, same {len(bodies[path])} B",
                          f"{bare}/page{i}.html")],
                        args.runs, args.seconds, args.connections)
                    for label, result in results:
                        print(row(label, result))
                    ratio = (results[0][1].requests_per_second
                             / results[1][1].requests_per_second)
                    verdict = "ok" if ratio >= TARGET_RATIO else f"UNDER {TARGET_RATIO}"
                    print(f"{'  ratio site/bare':<32} {ratio:>9.2f}  {verdict}")
                    if ratio < TARGET_RATIO:
                        failures.append(f"{path}: site/bare {ratio:.2f} < {TARGET_RATIO}")

            print("\n# The language at /: wrk -t1 -c1, no header against 1,000 characters")
            header = ", ".join(f"x-{i:03d};q=0.{i:03d}" for i in range(1, 100))
            header = (header + ", " + "a" * 1000)[:1000]
            empty, long = (side_by_side([(label, site + "/")], args.runs, args.seconds,
                                        1, extra)[0][1]
                           for label, extra in (("/", ()), ("/ long", (header,))))
            print(row("/ without Accept-Language", empty))
            print(row("/ with 1,000 characters", long))
            cost = empty.requests_per_second / long.requests_per_second
            verdict = ("ok" if cost <= TARGET_ACCEPT_LANGUAGE_COST
                       else f"OVER {TARGET_ACCEPT_LANGUAGE_COST}")
            print(f"{'  time long/empty':<32} {cost:>9.2f}  {verdict}")
            if cost > TARGET_ACCEPT_LANGUAGE_COST:
                failures.append(f"/ with a long Accept-Language: {cost:.2f}x")
            # The worst case, reported only: every member names a language of the
            # site, so each one is parsed (a browser sends a handful).
            worst = ", ".join(f"es-x{i:03d};q=0.{i:03d}" for i in range(1, 100))[:1000]
            heavy = side_by_side([("/ worst", site + "/")], args.runs, args.seconds, 1,
                                 (worst,))[0][1]
            print(row("/ with 1,000 characters, all es", heavy))
            print(f"{'  time worst/empty':<32} "
                  f"{empty.requests_per_second / heavy.requests_per_second:>9.2f}")

            print("\n# Where the time goes: the bare nginx, one part of the site's "
                  "configuration added at a time, on the largest page")
            largest = max(files, key=lambda name: len(files[name]))
            for label, extra in (("bare nginx", ""), *PARTS.items()):
                work = logdir / f"part{len(label)}"
                with bare_nginx(work, files, extra.format(work=work)) as url:
                    result = side_by_side([(label, f"{url}/{largest}")], 1,
                                          args.seconds, args.connections)[0][1]
                print(row(label, result))

            print(f"\n# Load test: wrk -t2 -c{args.load_connections} "
                  f"-d{args.load_seconds}s on make serve, every page, /, sitemap, CSS")
            script = logdir / "crowd.lua"
            script.write_text(LUA % ", ".join(
                f'"{u}"' for u in load_test_paths(site_app)))
            load = wrk(site + "/", args.load_seconds, args.load_connections, script)
            print(row("site, mixed URLs", load))
            total = re.search(r"(\d+) requests in", load.output).group(1)
            print(f"  requests: {total}, socket errors: {load.socket_errors}, "
                  f"non-2xx/3xx: {load.non_2xx_3xx}, 5xx: {load.server_errors}")
            if load.socket_errors or load.non_2xx_3xx or load.server_errors:
                failures.append("load test: errors under load")
                print(load.output)
        failures += build_figures(logdir)
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
