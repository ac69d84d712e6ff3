"""gunicorn settings for the app behind nginx: `make serve` (deploy/serve.py) starts
it on a unix socket with nginx in front; on several machines, start it with HOST
and PORT and name them with `flask freeze --app-server` on the nginx machine.

Environment: BIND (a gunicorn address such as unix:/run/cde/app.sock; default
HOST:PORT), PORT (default 8000), HOST (default 127.0.0.1; 0.0.0.0 to be reached
from nginx on another machine), WEB_CONCURRENCY (workers, default from the CPU
count), FLASK_SITE_URL (the public address, for canonical and hreflang URLs). The
app keeps no state, so any number of these servers can run side by side.

Never put gunicorn before visitors directly: a gthread worker waits on a slow
client with a thread of its own, so a dozen clients that send their headers slowly
hold every thread. nginx in front reads whole requests first (deploy/serve.py).
"""
import multiprocessing
import os

# The production contract with cde/security.py: app.config["PRODUCTION"] is True
# (read by from_prefixed_env when the app is built, which happens after this file
# is read), and create_app refuses to start if debug mode is also on.
os.environ["FLASK_PRODUCTION"] = "true"

wsgi_app = "app:app"
# Build the app once, in the master, before the workers fork: a refusal to start
# (debug in production) is reported once and stops the server, and the workers
# share the app's memory.
preload_app = True
bind = os.environ.get("BIND") or (
    f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}")
# No client header acts as configuration: gunicorn trusts no forwarder, so neither
# SCRIPT_NAME nor X-Forwarded-* from a request changes the environ (nginx passes
# the app only Host, Accept-Language and Cookie anyway). The app needs no client
# address or scheme: its absolute URLs come from FLASK_SITE_URL.
forwarded_allow_ips = ""
forwarder_headers = ""
secure_scheme_headers = {}

# nginx answers pages from files; the app gets errors and other methods, short
# CPU-bound requests: one process per core, plus one for a worker busy with I/O.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
# Threads serve nginx's keep-alive connections; behind nginx every request arrives
# whole, so no thread waits on a visitor.
worker_class = "gthread"
threads = 4
keepalive = 5
# A request that takes longer than this is stuck: the worker is replaced.
timeout = 30
graceful_timeout = 10

# Access log to stdout, errors to stderr: the service manager or container keeps them.
accesslog = "-"
errorlog = "-"
loglevel = "info"
# No control socket (gunicornc): one shared path in $HOME would make two instances on
# one machine (a blue/green deploy, the benchmark) fight over it.
control_socket_disable = True
# Flask's debug mode stays off: FLASK_DEBUG is not set here, and if the environment
# sets it, create_app refuses to start (see above).
