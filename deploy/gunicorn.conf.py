"""gunicorn settings for production: `make serve`, or
`gunicorn --config deploy/gunicorn.conf.py app:app`.

Environment: PORT (default 8000; `make serve` passes 5000), HOST (default
127.0.0.1; 0.0.0.0 to be reached from a load balancer on another machine),
WEB_CONCURRENCY (workers, default from the CPU count), FLASK_SITE_URL (the public
address, for canonical and hreflang URLs). The app keeps no state, so any number of
these servers can run side by side behind a load balancer.
"""
import multiprocessing
import os

from gunicorn.http import wsgi

# The production contract with cde/security.py: app.config["PRODUCTION"] is True
# (read by from_prefixed_env when the app is built, which happens after this file
# is read), and create_app refuses to start if debug mode is also on.
os.environ["FLASK_PRODUCTION"] = "true"

wsgi_app = "app:app"
# Build the app once, in the master, before the workers fork: a refusal to start
# (debug in production) is reported once and stops the server, and the workers
# share the app's memory.
preload_app = True
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# Pages are answered from memory, so a request is short and CPU-bound: one process
# per core does the work, plus one to cover a worker that is busy with I/O.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
# Threads let a worker keep connections open (keep-alive) and wait on a slow
# client without blocking the others; the GIL costs little on such short requests.
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


def when_ready(server):
    """Render every page once, in the master, before the workers fork.

    The workers then share the rendered and compressed site (copy-on-write), and a
    page that fails to render stops the start-up instead of failing for visitors.
    """
    from cde.caching import serve_from_memory

    kept = serve_from_memory(server.app.wsgi())
    server.log.info("Warmed up: %d answers rendered and compressed", kept)


def _without_server_header(default_headers):
    """Wrap gunicorn's default headers so that no `Server` header is sent."""

    def headers(self):
        return [h for h in default_headers(self) if not h.lower().startswith("server:")]

    return headers


# gunicorn always sends `Server: gunicorn` (older versions add the version) and has
# no setting to turn it off; naming the server only helps an attacker pick exploits.
if not getattr(wsgi.Response.default_headers, "_without_server", False):
    wsgi.Response.default_headers = _without_server_header(
        wsgi.Response.default_headers
    )
    wsgi.Response.default_headers._without_server = True
