"""`make serve`: the site as production runs it on one machine, until Ctrl-C.

    python deploy/serve.py [--host 127.0.0.1] [--port 5000]

1. Exports the site (`flask freeze`) into .run/export/, with an nginx configuration
   that passes requests with other methods than GET and HEAD to the app.
2. Starts the app: gunicorn with deploy/gunicorn.conf.py on .run/app.sock.
3. Starts nginx in front, on HOST:PORT: it answers every page, redirect and 404
   from the files itself, reads each request whole before the app sees it, and
   drops clients that stall, so slow clients cannot take the app's threads.

A catalog that cannot be read, or a page that cannot be rendered, stops step 1
with a message naming it. If either server stops, the other is stopped too and
the command fails.
"""
import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import nginx_preview  # noqa: E402  (deploy/ is not a package)

BIN = Path(sys.executable).parent


def export(destination: Path, socket: Path, env: dict) -> None:
    """`flask freeze` for an nginx in front of the app at `socket`; stops on error."""
    done = subprocess.run(
        [str(BIN / "flask"), "--app", "app", "freeze", "--destination",
         str(destination), "--app-server", f"unix:{socket}"],
        cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"The site could not be built:\n{done.stderr or done.stdout}")


def wait_for_socket(path: Path, process: subprocess.Popen, timeout: float = 20):
    """Return once gunicorn listens on the unix socket; fail if it exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {process.returncode}")
        if path.is_socket():
            return
        time.sleep(0.05)
    raise SystemExit(f"gunicorn did not listen on {path} within {timeout} s")


@contextlib.contextmanager
def production(host: str, port: int, run: Path, env: dict | None = None,
               stdout=None, stderr=None):
    """Export, then gunicorn and nginx in front: yields (base URL, gunicorn process,
    nginx process). Everything is stopped on the way out, nginx first.
    """
    env = {**os.environ, **(env or {}), "FLASK_PRODUCTION": "true"}
    nginx_preview.refuse_busy_port(host, port)
    run.mkdir(parents=True, exist_ok=True)
    socket = run / "app.sock"
    socket.unlink(missing_ok=True)
    export(run / "export", socket, env)
    app = subprocess.Popen(
        [str(BIN / "gunicorn"), "--config", str(HERE / "gunicorn.conf.py")],
        cwd=ROOT, env={**env, "BIND": f"unix:{socket}"}, stdout=stdout, stderr=stderr)
    try:
        wait_for_socket(socket, app)
        with nginx_preview.running(run / "export", run / "nginx", port,
                                   host) as (url, nginx):
            yield url, app, nginx
    finally:
        nginx_preview.stop(app, timeout=15)


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # SIGTERM (kill, a service manager) stops as Ctrl-C does


def main() -> int:
    """Serve the site with nginx in front of the app until Ctrl-C or SIGTERM."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 5000)))
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        with production(args.host, args.port, ROOT / ".run") as (url, app, nginx):
            print(f"Serving the site at {url}/ (nginx in front of gunicorn; Ctrl-C to "
                  "stop)", flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                while app.poll() is None and nginx.poll() is None:
                    time.sleep(0.5)
                for name, process in (("gunicorn", app), ("nginx", nginx)):
                    if process.poll() is not None:
                        print(f"{name} stopped (status {process.returncode}); stopping "
                              "the site", file=sys.stderr)
                return 1
    except RuntimeError as error:  # a busy port, a server that would not start
        raise SystemExit(str(error)) from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
