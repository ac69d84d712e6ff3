"""The studio's server, in a terminal that says only the studio's own lines, in the
translator's language: Werkzeug's `make_server`, without `run_simple`'s banner."""
import errno
import os
import signal
import socket
import subprocess
import sys
from contextlib import contextmanager, suppress

import click
from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server

from .tool_language import _t
from .where import STUDIO_PREFIX

HOST = "127.0.0.1"  # loopback only: the studio writes the catalogs


class _Quiet(WSGIRequestHandler):
    """Werkzeug's request handler without its log (a line per request, in English)."""

    def log(self, type: str, message: str, *args) -> None:
        pass


@contextmanager
def _own_ctrl_c():
    """Ctrl+C reaches the studio alone. The terminal sends it to its foreground
    process group, make included, and make then prints "*** Interrupt" however
    the studio ends; so the studio takes the terminal in a group of its own while
    it runs, and gives it back after. Without a terminal (tests, pipes), nothing."""
    terminal = None
    with suppress(OSError):
        terminal = os.open("/dev/tty", os.O_RDWR) if sys.stdin.isatty() else None
    if terminal is None:
        yield
        return
    previous = os.tcgetpgrp(terminal)
    # Ctrl+C stops the studio, even when it was started with SIGINT ignored (from a
    # background job of a script, say), as Python then leaves it.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with suppress(OSError):  # a session leader, say: Ctrl+C works as it always does
        # Leaving make's group makes this a background group, which the terminal
        # stops with SIGTTOU when it takes the terminal, unless ignored.
        signal.signal(signal.SIGTTOU, signal.SIG_IGN)
        os.setpgid(0, 0)
        os.tcsetpgrp(terminal, os.getpgrp())
    try:
        yield
    finally:
        with suppress(OSError):
            os.tcsetpgrp(terminal, previous)
        os.close(terminal)


def serve(app: Flask, port: int, browse: bool) -> None:
    """Serve `app` on HOST:port until Ctrl+C, saying where (and opening the studio in
    the browser if `browse`), and when it stopped. The socket is bound here, so that
    a busy port is said in the translator's words (Werkzeug would say it in English)."""
    url = f"http://{HOST}:{port}{STUDIO_PREFIX}/"
    try:
        listening = socket.create_server((HOST, port), backlog=socket.SOMAXCONN)
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        raise SystemExit(_t(  # said on stderr, and the exit status is 1
            "Port {port} is busy: another program uses it (make run, or another "
            "studio?). Start the studio on another port: PORT={other} make translate"
        ).format(port=port, other=port + 1)) from None
    server = make_server(HOST, port, app, threaded=True, request_handler=_Quiet,
                         fd=listening.fileno())
    listening.close()  # the server holds its own copy of the socket
    click.echo(_t("The translation studio is at {url} (Ctrl+C stops it).").format(
        url=url))
    if browse:  # with the browser's own messages (in English) out of the terminal
        subprocess.run([sys.executable, "-m", "webbrowser", url], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with _own_ctrl_c():
        server.serve_forever()  # returns on Ctrl+C
    click.echo(_t("The translation studio has stopped."))
