"""nginx on an export, with the configuration `flask freeze` wrote for it: what
`make serve` (deploy/serve.py), the tests and the benchmark run.

The export's nginx.conf is used as written, except its `listen` lines, which point
at the given address; pid and temporary files go to a folder of the caller's, logs
too unless another folder is given. nginx runs in the foreground; root's nginx runs
its workers as www-data (else nobody), never as root.
"""
import contextlib
import grp
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

CANDIDATES = ("nginx", "/usr/sbin/nginx")
# The njs module, which chooses the language at `/` (Debian: libnginx-mod-http-js).
JS_MODULE = Path("/usr/lib/nginx/modules/ngx_http_js_module.so")


def find_nginx() -> str | None:
    """The nginx binary, or None when it or its njs module is not installed."""
    for candidate in CANDIDATES:
        found = shutil.which(candidate)
        if found and JS_MODULE.exists():
            return found
    return None


def free_port() -> int:
    """A TCP port that nothing listens on right now, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_config(export: Path, port: int, host: str = "127.0.0.1",
                tls_port: int | None = None) -> str:
    """The export's nginx.conf, listening on `host`:`port` instead of port 80, and
    on `host`:`tls_port` (default 443) for an https export."""
    config = export / "nginx.conf"
    # One address here: the IPv6 wildcard lines are for a server's own ports.
    text = re.sub(r"(?m)^\s*listen\s+\[::\]:\d+.*\n", "", config.read_text())
    text, listens = re.subn(r"(?m)^(\s*)listen\s+80\b", rf"\1listen {host}:{port}",
                            text)
    text = re.sub(r"(?m)^(\s*)listen\s+443\b",
                  rf"\1listen {host}:{tls_port or 443}", text)
    if not listens:
        raise ValueError(f"{config}: no `listen 80` line")
    return text


# Who nginx's workers run as when root starts it: Debian's web server user, else
# the user every Unix has. Never root: a worker is what a visitor talks to.
WORKER_USERS = ("www-data", "nobody")


def worker_user() -> str | None:
    """`user group` for nginx's workers when started by root; None otherwise (an
    unprivileged master cannot switch users: the workers stay its own)."""
    if os.geteuid() != 0:
        return None
    for name in WORKER_USERS:
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return f"{name} {grp.getgrgid(entry.pw_gid).gr_name}"
    raise RuntimeError(f"none of the users {', '.join(WORKER_USERS)} exists: create "
                       "one for nginx's workers (useradd --system www-data)")


def main_config(site: Path, workdir: Path, logs: Path) -> str:
    """A complete nginx.conf around the site configuration: pid and temporary files
    in `workdir`, logs in `logs`."""
    user = worker_user()
    user = f"user {user};\n" if user else ""
    temp = workdir / "temp"
    return f"""{user}load_module {JS_MODULE};
daemon off;
worker_processes auto;
pid {workdir}/nginx.pid;
error_log {logs}/error.log warn;
# Room for many slow clients at once: each holds a connection, not a thread.
worker_rlimit_nofile 16384;
events {{
    worker_connections 8192;
}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    # Written in 64 KB blocks (at least each second), not a write per request.
    access_log {logs}/access.log combined buffer=64k flush=1s;
    sendfile on;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {site};
}}
"""


def wait_for_port(port: int, process: subprocess.Popen, host: str = "127.0.0.1",
                  timeout: float = 10) -> None:
    """Return once something accepts connections on `port`; fail if nginx exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with status {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(
            ("127.0.0.1" if host == "0.0.0.0" else host, port), timeout=0.2
        ):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on port {port} within {timeout} s")


def refuse_busy_port(host: str, port: int) -> None:
    """Stop with a sentence when something already listens on the port: a leftover
    server would answer in place of the one about to start."""
    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError:
            raise RuntimeError(f"port {port} is already in use on {host}: stop what "
                               "listens there, or choose another PORT") from None


@contextlib.contextmanager
def running(export: Path, workdir: Path, port: int | None = None,
            host: str = "127.0.0.1", logs: Path | None = None,
            tls_port: int | None = None):
    """nginx serving the export in `export`: yields (base URL, process), then stops.
    An https export also listens on `tls_port` (site_config)."""
    nginx = find_nginx()
    if nginx is None:
        raise FileNotFoundError("nginx or its njs module is not installed (Debian: "
                                "apt-get install nginx libnginx-mod-http-js)")
    port = port or free_port()
    refuse_busy_port(host, port)
    logs = logs or workdir
    for folder in (workdir / "temp", logs):
        folder.mkdir(parents=True, exist_ok=True)
    site = workdir / "site.conf"
    site.write_text(site_config(Path(export).resolve(), port, host, tls_port))
    config = workdir / "nginx.conf"
    config.write_text(main_config(site, workdir, logs))
    log = (workdir / "stderr.log").open("wb")
    process = subprocess.Popen(
        [nginx, "-p", str(workdir), "-c", str(config)], stdout=log, stderr=log
    )
    try:
        wait_for_port(port, process, host)
        yield f"http://{host}:{port}", process
    finally:
        # SIGTERM is nginx's fast shutdown; the master stops its workers.
        stop(process, timeout=10)
        log.close()


def reload(export: Path, workdir: Path, port: int, host: str,
           process: subprocess.Popen, tls_port: int | None = None) -> None:
    """Point running nginx at the export's current configuration (after a new
    export or a rollback): rewritten as `running` wrote it, then SIGHUP, nginx's
    graceful reload (old workers finish their requests)."""
    (workdir / "site.conf").write_text(
        site_config(Path(export).resolve(), port, host, tls_port))
    process.send_signal(signal.SIGHUP)


def stop(process: subprocess.Popen, timeout: float) -> None:
    """Ask a server to stop (SIGTERM); kill it if it is still there after `timeout`."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
