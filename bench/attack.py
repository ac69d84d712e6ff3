"""`make bench`, second part: `make serve` under attack, bounded in count and time.

Each scenario runs against `make serve` (deploy/serve.py: the export served by
nginx) on 127.0.0.1 only, prints its figures and says whether its target holds:

1. Slow clients: 500 connections sending their headers a line every 5 s and 500
   sending a body at 1 byte/s, held 30 s (reconnecting when dropped), while a
   visitor browses every page and the error pages. Target: 0 failed, each < 1 s.
2. Flood: at least 50,000 requests for other spellings of the site's URLs and for
   random URLs. Target: none answered as a page, resident memory of nginx grows by
   under 10%.
3. Forged SCRIPT_NAME, X-Forwarded-Host, X-Forwarded-Prefix, Forwarded. Target: 0
   pages changed, 0 5xx.
4. Reloads: nginx reloaded (SIGHUP, as after a new export or a rollback) every 5 s
   during 30 s at 64 connections. Target: at most 0.01% failed requests (5xx,
   refused, timed out); requests that met a keep-alive connection closed by a
   retiring worker, which a browser sends again, are counted apart.
5. The language at `/`: app and nginx on about a thousand cases. Target: 100% agree.

    python -m bench.attack          (make bench runs it after bench.run)
"""
import asyncio
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from cde import create_app
from cde.export.render import site_paths
from deploy import serve
from tests.languages import root_cases
from tests.servers import fetch

ROOT = Path(__file__).resolve().parent.parent

FORGED = {
    "SCRIPT_NAME": "//evil.example",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Prefix": "//evil.example",
    "Forwarded": "host=evil.example;proto=https;for=1.2.3.4",
}


def request(port: int, path: str, method: str = "GET", headers=None):
    """(status, body, seconds) of one request; raises on a connection failure."""
    started = time.monotonic()
    status, _, body = fetch(f"http://127.0.0.1:{port}", path, headers, method)
    return status, body, time.monotonic() - started


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it (nginx's workers)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue += children.get(current, [])
    return found


def resident_kib(pids) -> int:
    """Resident memory of these processes, in KiB (VmRSS)."""
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        match = re.search(r"VmRSS:\s+(\d+)", status)
        total += int(match.group(1)) if match else 0
    return total


class Visitor(threading.Thread):
    """Browses `paths` in turn until stopped: counts failures, keeps the slowest."""

    def __init__(self, port: int, paths: list[tuple[str, str, int]]):
        super().__init__(daemon=True)
        self.port, self.paths = port, paths
        self.stop = threading.Event()
        self.requests = self.failures = 0
        self.slowest = 0.0

    def run(self):
        while not self.stop.is_set():
            for method, path, expected in self.paths:
                try:
                    status, _, seconds = request(self.port, path, method)
                    ok = status == expected
                except OSError:
                    ok, seconds = False, 10.0
                self.requests += 1
                self.failures += not ok
                self.slowest = max(self.slowest, seconds)


async def slow_client(port: int, until: float, body: bool) -> None:
    """Hold a connection by sending a little at a time; reconnect when dropped."""
    while time.monotonic() < until:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            if body:
                writer.write(b"POST /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             b"Content-Length: 100000\r\n\r\n")
            else:
                writer.write(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            while time.monotonic() < until:
                await asyncio.sleep(1 if body else 5)
                writer.write(b"x" if body else b"X-Slow: 1\r\n")
                await writer.drain()
                if reader.at_eof():
                    break
            writer.close()
        except OSError:
            await asyncio.sleep(0.5)


def slow_clients(port: int, visitor_paths, seconds: int = 30, count: int = 1000):
    """Scenario 1; returns the misses."""
    until = time.monotonic() + seconds

    async def all_of_them():
        await asyncio.gather(*(slow_client(port, until, body=i % 2 == 1)
                               for i in range(count)))

    visitor = Visitor(port, visitor_paths)
    holder = threading.Thread(target=asyncio.run, args=(all_of_them(),))
    holder.start()
    time.sleep(3)  # every slow client connected before the visitor starts
    visitor.start()
    holder.join()
    visitor.stop.set()
    visitor.join()
    print(f"1. {count} slow clients for {seconds} s: visitor made {visitor.requests} "
          f"requests, {visitor.failures} failed, slowest {visitor.slowest:.3f} s")
    misses = []
    if visitor.failures or visitor.slowest >= 1 or visitor.requests == 0:
        misses.append("slow clients: a visitor was failed or waited 1 s or more")
    return misses


def tally(counter: str, label: str) -> str:
    """Lua that prints `label: N`, N being `counter` summed over wrk's threads."""
    return f"""
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("{counter}") end
  io.write(string.format("{label}: %%d\\n", total))
end
"""


FLOOD_LUA = """
local pages = {%s}
local spellings = {"/%%s", "%%s/", "%%s.", "%%s./", "%%s%%%%2e/"}
counter = 0
pages_answered = 0
function request()
  counter = counter + 1
  local page = pages[(counter %% #pages) + 1]
  local path
  if counter %% 2 == 0 then
    path = string.format(spellings[(counter %% #spellings) + 1], page)
  else
    path = "/" .. math.random(1, 1000000000) .. "/" .. counter
  end
  return wrk.format("GET", path)
end
function response(status, headers, body)
  if status == 200 then pages_answered = pages_answered + 1 end
end
""" + tally("pages_answered", "pages answered")


def flood(port: int, pids, pages: list[str], workdir: Path):
    """Scenario 2; returns the misses."""
    script = workdir / "flood.lua"
    script.write_text(FLOOD_LUA % ", ".join(f'"{p}"' for p in pages))
    before = resident_kib(pids())
    done = subprocess.run(
        ["wrk", "-t2", "-c32", "-d20s", "-s", str(script), f"http://127.0.0.1:{port}/"],
        capture_output=True, text=True, timeout=60, check=True)
    time.sleep(1)
    after = resident_kib(pids())
    total = int(re.search(r"(\d+) requests in", done.stdout).group(1))
    answered = int(re.search(r"pages answered: (\d+)", done.stdout).group(1))
    growth = (after - before) / before
    print(f"2. flood: {total} requests for other spellings and random URLs, "
          f"{answered} answered as a page; memory {before} -> {after} KiB "
          f"({growth:+.1%})")
    misses = []
    if total < 50_000 or answered or growth >= 0.10:
        misses.append("flood: fewer than 50,000 requests, a page answered, or "
                      "memory grew by 10% or more")
    return misses


def forged_headers(port: int, pages: list[str]):
    """Scenario 3; returns the misses."""
    changed = errors = checked = 0
    for path in pages + ["/nothing"]:
        for method in ("GET", "POST"):
            status, plain, _ = request(port, path, method)
            for name, value in FORGED.items():
                forged_status, body, _ = request(port, path, method, {name: value})
                checked += 1
                changed += body != plain or forged_status != status
                errors += forged_status >= 500
    print(f"3. forged forwarding headers: {checked} requests, {changed} answers "
          f"changed, {errors} 5xx")
    return ["forged headers changed an answer"] if changed or errors else []


RESTART_LUA = """
local paths = {%s}
counter = 0
failed = 0
function request()
  counter = counter + 1
  local method, path = paths[(counter %% #paths) + 1]:match("(%%u+) (.+)")
  return wrk.format(method, path)
end
function response(status, headers, body)
  if status >= 500 then failed = failed + 1 end
end
""" + tally("failed", "5xx")


def restarts(port: int, nginx: subprocess.Popen, pages: list[str], workdir: Path):
    """Scenario 4; returns the misses."""
    script = workdir / "restart.lua"
    mix = [f"GET {p}" for p in pages] + ["GET /", "GET /nothing", "POST /en/"] * 2
    script.write_text(RESTART_LUA % ", ".join(f'"{m}"' for m in mix))
    load = subprocess.Popen(
        ["wrk", "-t2", "-c64", "-d30s", "-s", str(script), f"http://127.0.0.1:{port}/"],
        stdout=subprocess.PIPE, text=True)
    for _ in range(5, 30, 5):
        time.sleep(5)
        os.kill(nginx.pid, signal.SIGHUP)
    output, _ = load.communicate(timeout=60)
    total = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    connect, read, write, timeout = map(int, errors.groups()) if errors else (0,) * 4
    # An old worker closes its idle keep-alive connections when a reload retires it;
    # a request sent on one at that instant meets a closed connection (read/write),
    # which a browser sends again on a new one (RFC 9112, 9.3.1). What a visitor
    # would see is a 5xx, a refused connection or a timeout.
    failed = int(re.search(r"5xx: (\d+)", output).group(1)) + connect + timeout
    print(f"4. nginx reloaded 5 times under load: {total} requests, {failed} failed "
          f"({failed / total:.4%}); {read + write} met a keep-alive connection closed "
          "by a retiring worker")
    return ["restarts: more than 0.01% failed"] if failed > total * 0.0001 else []


def agreement(port: int, app) -> list[str]:
    """Scenario 5; returns the misses."""
    fresh = app.test_client(use_cookies=False)
    cases = root_cases(app.config["LANGUAGES"])
    agreed = 0
    for headers in cases:
        location = fetch(f"http://127.0.0.1:{port}", "/", headers)[1]["Location"]
        agreed += location == fresh.get("/", headers=headers).headers["Location"]
    print(f"5. the language at /: app and nginx agree on {agreed} of {len(cases)}")
    return [] if agreed == len(cases) >= 150 else ["app and nginx disagree at /"]


def main() -> int:
    """Run the scenarios against a fresh production stack; 1 if a target is missed."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        workdir.chmod(0o711)  # nginx's workers (www-data under root) pass through
        port = serve.nginx_server.free_port()
        site = f"http://127.0.0.1:{port}"
        env = {"FLASK_SITE_URL": site}
        app = create_app({"SITE_URL": site})
        pages = [path for path in site_paths(app) if path.endswith("/")]
        visitor_paths = [("GET", p, 200) for p in pages] + [
            ("GET", "/", 302), ("GET", "/nothing", 404), ("POST", "/en/", 405)]
        print("# make serve under attack (bench/attack.py), 127.0.0.1 only")
        with serve.production("127.0.0.1", port, workdir / "run", env) as (_, nginx):

            def pids():
                return descendants(nginx.pid)

            misses = slow_clients(port, visitor_paths)
            misses += flood(port, pids, pages, workdir)
            misses += forged_headers(port, pages)
            misses += restarts(port, nginx, pages, workdir)
            misses += agreement(port, app)
    for miss in misses:
        print("FAIL:", miss)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
