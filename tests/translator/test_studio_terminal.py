"""The studio's terminal (`make translate`, cde/translator/serve.py) says only the
studio's own lines, in the translator's language: no Werkzeug banner ("WARNING:
This is a development server..."), no "Press CTRL+C to quit", no line per request;
a busy port in plain words. And it listens on this machine's own address only.

The studio runs as `flask translate studio` does for a translator, in a process of
its own on a copy of the project, stopped as Ctrl+C stops it (SIGINT).
"""
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cde import ROOT
from cde.translator import catalogs
from deploy import nginx_server
from tests.servers import fetch

FLASK = Path(sys.executable).with_name("flask")


@pytest.fixture
def copy(project):
    catalogs.compile_catalogs(catalogs.Project(project, project / "translations"))
    return project


def start(copy, port, language="es"):
    """`flask translate studio` on the copy, speaking `language`: the process."""
    env = {**os.environ, "LANGUAGE": language, "FLASK_PROJECT_ROOT": str(copy),
           "FLASK_TRANSLATIONS_DIR": str(copy / "translations")}
    return subprocess.Popen(
        [str(FLASK), "--app", "app", "translate", "studio", "--no-browser", "--port",
         str(port)], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)


def answering(port, process) -> bool:
    """Wait until the studio answers on 127.0.0.1:port, or its process ended."""
    for _ in range(200):
        if process.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def test_the_terminal_says_only_the_studios_lines_in_spanish(copy):
    port = nginx_server.free_port()
    studio = start(copy, port)
    try:
        assert answering(port, studio)
        base = f"http://127.0.0.1:{port}"
        # A day's requests: the start page, a page, a missing page, a text, a save.
        assert fetch(base, "/_studio/")[0] == 200
        assert fetch(base, "/es/acerca/")[0] == 200
        assert fetch(base, "/es/no-such-page/")[0] == 404
        assert fetch(base, "/_studio/api/es/0000000000")[0] == 404
        assert fetch(base, "/_studio/api/es/0000000000", method="POST")[0] == 403
        # Loopback only: 127.0.0.2 is this machine too, yet not the studio's address.
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.2", port), timeout=2).close()
    finally:
        studio.send_signal(signal.SIGINT)  # what Ctrl+C sends
        output, _ = studio.communicate(timeout=30)
    assert studio.returncode == 0
    assert output.splitlines() == [
        f"El estudio de traducción está en http://127.0.0.1:{port}/_studio/ (Ctrl+C "
        "lo detiene).",
        "El estudio de traducción se detuvo.",
    ]


def test_a_busy_port_is_said_in_the_translators_words(copy):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        studio = start(copy, port)
        output, _ = studio.communicate(timeout=60)
    assert studio.returncode == 1
    assert output.splitlines() == [
        f"El puerto {port} está ocupado: otro programa lo usa (¿make run u otro "
        f"estudio?). Inicie el estudio en otro puerto: PORT={port + 1} make translate"]
