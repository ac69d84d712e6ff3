"""wrk, the load generator of `make bench`: run it, read what it measured, and
compare servers side by side (bench/run.py)."""
import contextlib
import re
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path


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


def wrk(url: str, seconds: int, connections: int, script: Path | None = None,
        headers=()) -> Result:
    """Run wrk on `url` (2 threads, one for one connection) and parse its output;
    `headers` are Accept-Language values to send."""
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s",
               "--latency", "--timeout", "5s"]
    for value in headers:
        command += ["-H", f"Accept-Language: {value}"]
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


def median_run(results: list[Result]) -> Result:
    """The run with the median requests per second (runs are odd in number)."""
    ordered = sorted(results, key=lambda result: result.requests_per_second)
    return ordered[len(ordered) // 2]


def row(label: str, result: Result) -> str:
    return (f"{label:<32} {result.requests_per_second:>9.0f} "
            f"{result.p50_ms:>8.2f} {result.p99_ms:>8.2f}")


def side_by_side(targets, runs: int, seconds: int, connections: int,
                 headers=()) -> list[tuple[str, Result]]:
    """wrk on each (label, url) in turn, `runs` times; the median run of each."""
    results = {label: [] for label, _ in targets}
    for _ in range(runs):
        for label, url in targets:
            wrk(url, 1, connections, headers=headers)  # warm-up: connections, caches
            results[label].append(wrk(url, seconds, connections, headers=headers))
    return [(label, median_run(results[label])) for label, _ in targets]
