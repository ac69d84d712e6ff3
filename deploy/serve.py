"""`make serve`: the site as production runs it, until Ctrl-C or SIGTERM.

    python -m deploy.serve [--host 127.0.0.1] [--port 5000]   (from the project)

1. Exports the site (`flask freeze`) into EXPORT_DIR (default .run/export/), for
   FLASK_SITE_URL or, when that is unset, for the address it serves: canonical and
   hreflang links name the address a visitor actually reached.
2. Runs nginx on HOST:PORT with the configuration the export wrote. nginx answers
   every request from the files, its own refusals (400, 405, 413) and OPTIONS
   included: no Python process answers visitors.

A catalog that cannot be read, or a page that cannot be rendered, stops step 1
with a message naming it. If nginx stops, the command fails, for the service
manager to restart it (deploy/cde.service). SIGHUP (`make rollback`) makes nginx
serve the export's current release again, without a restart.
"""
import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from deploy import nginx_server

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def export(destination: Path, env: dict) -> None:
    """`flask freeze` into `destination`, as production: stops with the reason."""
    done = subprocess.run(
        [str(BIN / "flask"), "--app", "app", "freeze", "--destination",
         str(destination)], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"The site could not be built:\n{done.stderr or done.stdout}")


def refuse_unreachable(folder: Path) -> None:
    """Stop with a sentence when nginx's workers (another user, when root starts
    nginx) could not pass through a folder above the export: every page would be
    a 403."""
    if nginx_server.worker_user() is None:
        return
    for parent in folder.resolve().parents:
        if not parent.stat().st_mode & 0o001:
            raise SystemExit(
                f"{parent} cannot be entered by nginx's workers "
                f"({nginx_server.worker_user().split()[0]}): choose an EXPORT_DIR "
                "they can reach, such as /srv/cde")


@contextlib.contextmanager
def production(host: str, port: int, run: Path, env: dict | None = None,
               export_dir: Path | None = None, logs: Path | None = None):
    """Export, then nginx on `host`:`port`: yields (base URL, nginx process), and
    stops nginx on the way out. `run` holds nginx's pid and temporary files."""
    env = {**os.environ, **(env or {}), "FLASK_PRODUCTION": "true"}
    env.setdefault("FLASK_SITE_URL", f"http://{host}:{port}")
    nginx_server.refuse_busy_port(host, port)
    export_dir = export_dir or run / "export"
    export_dir.parent.mkdir(parents=True, exist_ok=True)
    refuse_unreachable(export_dir)
    export(export_dir, env)
    with nginx_server.running(export_dir, run / "nginx", port, host,
                              logs) as (url, nginx):
        yield url, nginx


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # SIGTERM (kill, a service manager) stops as Ctrl-C does


RELOAD = []


def _reload(signum, frame):
    RELOAD.append(signum)  # SIGHUP (make rollback): served on the next tick


def main() -> int:
    """Serve the site with nginx until Ctrl-C or SIGTERM; fail if nginx stops."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 5000)))
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _reload)
    run = Path(os.environ.get("RUN_DIR") or ROOT / ".run")
    export_dir = Path(os.environ.get("EXPORT_DIR") or run / "export")
    logs = Path(os.environ["LOG_DIR"]) if os.environ.get("LOG_DIR") else None
    try:
        with production(args.host, args.port, run, None, export_dir,
                        logs) as (url, nginx):
            print(f"Serving the site at {url}/ with nginx (Ctrl-C to stop)",
                  flush=True)
            (run / "serve.pid").write_text(str(os.getpid()))
            with contextlib.suppress(KeyboardInterrupt):
                while nginx.poll() is None:
                    time.sleep(0.5)
                    if RELOAD:  # the export's current release changed: nginx follows
                        RELOAD.clear()
                        nginx_server.reload(export_dir, run / "nginx", args.port,
                                            args.host, nginx)
                        print("nginx reloaded", flush=True)
                print(f"nginx stopped (status {nginx.returncode})", file=sys.stderr)
                return 1
    except RuntimeError as error:  # a busy port, a server that would not start
        raise SystemExit(str(error)) from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
