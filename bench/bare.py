"""The benchmark's yardstick: a bare Flask app answering a fixed body of a given size.

`GET /<size>` returns `size` bytes of HTML-typed filler, built once per size, with no
hooks, templates or extensions: the least any Flask app can do per request. bench/run.py
serves it with the same gunicorn settings as the site, so the ratio of the two
throughputs is the cost of the site's own per-request work.
"""
from flask import Flask, Response

# The largest body it will build: enough for any page, bounded so a stray request
# cannot make it allocate gigabytes.
MAX_SIZE = 1024 * 1024

app = Flask(__name__)
_bodies: dict[int, bytes] = {}


@app.get("/<int:size>")
def body(size: int):
    """`size` bytes of filler, as text/html."""
    if size > MAX_SIZE:
        return Response("too large", status=400)
    data = _bodies.get(size)
    if data is None:
        data = _bodies[size] = b"x" * size
    return Response(data, mimetype="text/html")
