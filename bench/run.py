"""`make bench`: how fast the site is under load, against what Flask itself costs.

1. Starts the production stack (`make serve`: nginx in front of gunicorn,
   deploy/serve.py) and, with gunicorn's production settings, bench/bare.py: a
   Flask app that answers a fixed body of the same size as each page.
2. Loads each with wrk (2 threads, 32 connections, 5 s after a 1 s warm-up, three
   times in turn, the median run counting) on every page in every language, and
   prints requests per second, p50 and p99 latency, and the ratio
   site/bare (target: at least 0.9).
4. Load test (issue #6): 30 s at 64 connections on every page, `/`, the sitemap and
   a stylesheet, and reports socket errors and non-2xx/3xx answers (5xx apart).
5. Building with the six UN languages (a copy of the project, the missing ones
   pseudo-translated): seconds from starting `make serve`'s gunicorn to its first
   page (target: 2 s), and seconds for `flask freeze` (target: 10 s).

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
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
TARGET_RATIO = 0.9
TARGET_FIRST_PAGE_SECONDS = 2
TARGET_FREEZE_SECONDS = 10
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # projectcopy: the six-language copy
from servers import serve  # noqa: E402  (the deploy scripts)

from cde.build import site_paths  # noqa: E402


nginx_preview = serve.nginx_preview


@dataclass
class Result:
    """What wrk measured for one URL."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    socket_errors: int
    non_2xx_3xx: int
    server_errors: int | None
    output: str


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse_wrk(output: str) -> Result:
    """Requests/sec, p50, p99, socket errors and non-2xx/3xx from wrk --latency."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    socket_errors = sum(int(n) for n in errors.groups()) if errors else 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    server = re.search(r"^5xx responses: (\d+)", output, re.M)
    return Result(
        rps,
        p50,
        p99,
        socket_errors,
        int(non_2xx.group(1)) if non_2xx else 0,
        int(server.group(1)) if server else None,
        output,
    )


def wrk(url: str, seconds: int, connections: int, script: Path | None = None) -> Result:
    """Run wrk on `url` (2 threads) and parse what it prints."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency",
               "--timeout", "5s"]
    if script is not None:
        command += ["-s", str(script)]
    done = subprocess.run(
        command + [url],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    )
    return parse_wrk(done.stdout)


def wait_for(url: str, process: subprocess.Popen, timeout: float = 20) -> None:
    """Return once `url` answers; fail if the server exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with status {process.returncode}")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=1).close()
            return
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@contextlib.contextmanager
def gunicorn(app: str | None, logdir: Path, name: str, extra_path: Path | None = None,
             env: dict | None = None):
    """gunicorn with the production config on a free port; yields its base URL."""
    port = nginx_preview.free_port()
    env = {**os.environ, **(env or {}), "PORT": str(port), "HOST": "127.0.0.1"}
    command = [str(BIN / "gunicorn"), "--config", str(GUNICORN_CONFIG)]
    if extra_path is not None:
        command += ["--pythonpath", str(extra_path)]
    if app is not None:
        command.append(app)
    errors = (logdir / f"{name}.log").open("wb")
    # The access log (stdout) is written as in production, then thrown away.
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + "/robots.txt" if app is None else url + "/1", process)
        yield url
    finally:
        nginx_preview.stop(process, timeout=15)
        errors.close()


def body_size(url: str) -> int:
    """Size of the uncompressed body at `url` (wrk asks for no compression)."""
    with urllib.request.urlopen(url, timeout=5) as response:
        return len(response.read())


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
    from projectcopy import add_languages, copy_project

    copy = logdir / "six-copy"
    copy.mkdir()
    add_languages(copy_project(copy))
    env = {"FLASK_TRANSLATIONS_DIR": str(copy / "translations")}
    started = time.monotonic()
    with serve.production("127.0.0.1", nginx_preview.free_port(), logdir / "six",
                          env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL) as (url, app, _):
        wait_for(url + "/en/", app)
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


def median_run(results: list[Result]) -> Result:
    """The run with the median requests per second (runs are odd in number)."""
    ordered = sorted(results, key=lambda result: result.requests_per_second)
    return ordered[len(ordered) // 2]


def row(label: str, result: Result) -> str:
    return (f"{label:<28} {result.requests_per_second:>9.0f} "
            f"{result.p50_ms:>8.2f} {result.p99_ms:>8.2f}")


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

    site_app = create_app()
    paths = page_paths(site_app)
    failures = []
    print(f"# make bench, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
          f"{os.cpu_count()} CPUs; wrk -t2 -c{args.connections} -d{args.seconds}s "
          f"--latency, no compression; median of {args.runs} alternating runs")
    print(f"{'':<28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        logdir = Path(tmp)
        with serve.production(
            "127.0.0.1", nginx_preview.free_port(), logdir / "site", {},
            stdout=subprocess.DEVNULL, stderr=(logdir / "site.log").open("wb"),
        ) as (site, _, _), gunicorn(
            "bare:app", logdir, "bare", ROOT / "bench"
        ) as bare:
            for path in paths:
                size = body_size(site + path)
                targets = [("site " + path, site + path),
                           (f"bare /{size} ({size} B)", f"{bare}/{size}")]
                # Site and bare take turns, `--runs` times each, and the median run
                # of each counts: how gunicorn's workers happen to share wrk's
                # connections varies from run to run, and a single unlucky run
                # (all connections on one worker) says nothing about the site.
                runs = {label: [] for label, _ in targets}
                for _ in range(args.runs):
                    for label, url in targets:
                        wrk(url, 1, args.connections)  # warm-up: connections, caches
                        runs[label].append(wrk(url, args.seconds, args.connections))
                results = [(label, median_run(runs[label])) for label, _ in targets]
                for label, result in results:
                    print(row(label, result))
                site_rps, bare_rps = (r.requests_per_second for _, r in results)
                ratio = site_rps / bare_rps
                verdict = "ok" if ratio >= TARGET_RATIO else f"UNDER {TARGET_RATIO}"
                print(f"{'  ratio site/bare':<28} {ratio:>9.2f}  {verdict}")
                if ratio < TARGET_RATIO:
                    failures.append(f"{path}: site/bare {ratio:.2f} < {TARGET_RATIO}")

            print(f"\n# Load test: wrk -t2 -c{args.load_connections} "
                  f"-d{args.load_seconds}s on make serve, every page, /, sitemap, CSS")
            script = logdir / "crowd.lua"
            urls = load_test_paths(site_app)
            script.write_text(LUA % ", ".join(f'"{u}"' for u in urls))
            load = wrk(site + "/", args.load_seconds, args.load_connections, script)
            print(row("site, mixed URLs", load))
            total = re.search(r"(\d+) requests in", load.output).group(1)
            print(f"  requests: {total}, "
                  f"socket errors: {load.socket_errors}, "
                  f"non-2xx/3xx: {load.non_2xx_3xx}, 5xx: {load.server_errors}")
            if load.socket_errors or load.non_2xx_3xx or load.server_errors:
                failures.append("load test: errors under load")
                print(load.output)
        failures += build_figures(logdir)
        server_log = (logdir / "site.log").read_text(errors="replace")
        if "Traceback" in server_log or "[ERROR]" in server_log:
            failures.append("the site's error log has errors")
            print(server_log[-4000:])
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
