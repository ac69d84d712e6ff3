"""Answers built once: each page (in each language) and each hashed static file is
rendered on its first request, compressed, and then answered from memory until the
app restarts.

The site's content changes only when templates, catalogs or static files change,
and all of these take a restart, so an answer that depends on nothing but its path
can be kept for the life of the process. Each kept answer carries its gzip and
brotli forms and a strong ETag per form: a repeat visit costs a 304, a new one a
dictionary lookup, never a template render or a compression.

How: the first request goes through Flask as usual, with every hook. An
`after_request` hook marks the answers that may be kept; a small WSGI layer in
front of Flask records such an answer, *headers included*, as it leaves. The
headers that other hooks put on it (the language cookie, the security headers)
are part of what is kept and are replayed on every later answer, 304s included,
without running Flask again. The contract that makes this right: a kept answer,
body and headers, depends on its path only, never on the Host header, the query
string, cookies or the time. (The one date in a kept answer, the `Expires` of the
language cookie, stays that of the first answer; browsers follow its `Max-Age`,
which takes precedence, so the cookie still lasts a year from each visit.)
"""
import gzip
import hashlib
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

import brotli
from flask import Flask, Response, request, url_for
from werkzeug.exceptions import SecurityError
from werkzeug.http import is_entity_header
from werkzeug.wsgi import get_host

from .pages import PAGES_BY_ENDPOINT

# Types worth compressing; images other than SVG are compressed already.
COMPRESSIBLE = frozenset(
    {
        "text/html",
        "text/css",
        "text/plain",
        "text/xml",
        "text/javascript",
        "application/javascript",
        "application/json",
        "application/manifest+json",
        "application/xml",
        "image/svg+xml",
    }
)
# Preferred first when the client accepts several equally: brotli is the smallest.
ENCODINGS = ("br", "gzip", "identity")
# Pages set the `lang` cookie, and a shared cache (a proxy, a CDN) that stored one
# visitor's response would replay that Set-Cookie to everyone: `private` keeps them
# out. `no-cache` lets the browser keep its copy but ask every time; with a strong
# ETag that question is answered by a bodiless 304, so content is never stale after
# a deploy and a repeat visit costs a few hundred bytes.
PAGE_CACHE_CONTROL = "private, no-cache"
# Endpoints whose successful answers depend only on their path: the pages of the
# page table, and the sitemap and robots.txt when the app has them.
EXTRA_KEPT_ENDPOINTS = frozenset({"sitemap", "robots"})
# A header longer than this is cut before parsing: browsers send about 30 characters.
MAX_ACCEPT_ENCODING = 200
# Where a view or hook leaves the body of an answer to keep, for the WSGI layer.
KEEP = "cde.caching.keep"
# Set per form by the cache; whatever the app said for these is replaced.
REPLACED = frozenset({"content-length", "content-encoding", "etag", "vary"})


class Representation(NamedTuple):
    """One encoding of a body, with the headers to send it with."""

    body: bytes
    etag: str
    headers: tuple  # (name, value) pairs sent with a 200
    not_modified_headers: tuple  # (name, value) pairs sent with a 304


@lru_cache(maxsize=256)
def preferred_encodings(header: str) -> tuple[str, ...]:
    """Content codings the client accepts, best first, from an Accept-Encoding value.

    q-values are honoured and q=0 refuses a coding; between equals brotli beats
    gzip beats identity. Identity is always acceptable as a last resort, because
    answering 406 to a browser helps nobody. Memoised: clients send a handful of
    distinct headers, and the parse then costs one dictionary lookup.
    """
    quality = {}
    wildcard = None
    for item in header.split(","):
        coding, _, params = item.partition(";")
        coding = coding.strip().lower()
        if coding == "x-gzip":
            coding = "gzip"
        q = 1.0
        name, _, value = params.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                q = float(value)
            except ValueError:
                continue
            if not 0 <= q <= 1:
                continue
        if coding == "*":
            wildcard = q
        elif coding in ENCODINGS:
            quality[coding] = max(q, quality.get(coding, 0.0))
    if wildcard is not None:
        for coding in ENCODINGS:
            quality.setdefault(coding, wildcard)
    quality.setdefault("identity", 0.001)
    ranked = sorted(
        (coding for coding in ENCODINGS if quality.get(coding, 0) > 0),
        key=lambda coding: (-quality[coding], ENCODINGS.index(coding)),
    )
    return tuple(ranked) or ("identity",)


def compress(body: bytes, encoding: str) -> bytes:
    """`body` compressed as `encoding` ("gzip" or "br"), at the strongest setting.

    The cost is paid once per body, never per request, so the strongest level is
    worth it. gzip gets no timestamp, so the same body always gives the same bytes.
    """
    if encoding == "gzip":
        return gzip.compress(body, compresslevel=9, mtime=0)
    if encoding == "br":
        return brotli.compress(body, quality=11)
    raise ValueError(f"unknown content coding: {encoding}")


def is_compressible(content_type: str) -> bool:
    """Whether a body of this type shrinks when compressed (text, SVG, XML)."""
    mimetype = content_type.split(";", 1)[0].strip().lower()
    return mimetype in COMPRESSIBLE or mimetype.endswith("+xml")


class CachedAnswer:
    """A 200 answer kept with its compressed forms, their ETags and its headers."""

    def __init__(self, body: bytes, headers: list[tuple[str, str]]):
        kept = [(k, v) for k, v in headers if k.lower() not in REPLACED]
        if not any(k.lower() == "cache-control" for k, _ in kept):
            kept.append(("Cache-Control", PAGE_CACHE_CONTROL))
        vary = [v for k, v in headers if k.lower() == "vary"]
        content_type = next((v for k, v in kept if k.lower() == "content-type"), "")
        bodies = {"identity": body}
        if is_compressible(content_type):
            for encoding in ("br", "gzip"):
                packed = compress(body, encoding)
                if len(packed) < len(body):
                    bodies[encoding] = packed
        if len(bodies) > 1:
            vary.append("Accept-Encoding")
        varies = (("Vary", ", ".join(vary)),) if vary else ()
        # A 304 carries no representation metadata (RFC 9110, 15.4.5), the rest yes.
        not_modified = tuple(
            (k, v) for k, v in kept if not is_entity_header(k) or k.lower() == "expires"
        )
        digest = hashlib.sha256(body).hexdigest()[:32]
        self.representations = {}
        for encoding, data in bodies.items():
            # Each form is a different representation, so it gets its own strong
            # ETag (RFC 9110, 8.8.3): a cache must never mix gzip and brotli bytes.
            if encoding == "identity":
                etag, coding = f'"{digest}"', ()
            else:
                etag = f'"{digest}-{encoding}"'
                coding = (("Content-Encoding", encoding),)
            self.representations[encoding] = Representation(
                data,
                etag,
                (*kept, *coding, ("Content-Length", str(len(data))), ("ETag", etag),
                 *varies),
                (*not_modified, ("ETag", etag), *varies),
            )

    def choose(self, environ: dict) -> tuple[Representation, bool]:
        """The form for this request, and whether the client already has it (304)."""
        accept = environ.get("HTTP_ACCEPT_ENCODING", "")[:MAX_ACCEPT_ENCODING]
        for encoding in preferred_encodings(accept):
            representation = self.representations.get(encoding)
            if representation is not None:
                break
        else:  # pragma: no cover - identity is always kept and always acceptable
            representation = self.representations["identity"]
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        # Weak comparison, as RFC 9110 asks for If-None-Match.
        not_modified = bool(if_none_match) and (
            representation.etag in if_none_match or if_none_match.strip() == "*"
        )
        return representation, not_modified

    def serve(self, environ: dict, start_response):
        """Answer a request from memory: the best form, or a 304 if it has it."""
        representation, not_modified = self.choose(environ)
        if not_modified:
            headers = list(representation.not_modified_headers)
            start_response("304 Not Modified", headers)
            return []
        start_response("200 OK", list(representation.headers))
        if environ.get("REQUEST_METHOD") == "HEAD":
            return []
        return [representation.body]


class AnswerCache:
    """WSGI layer in front of Flask: kept answers by path, recorded as they leave."""

    def __init__(self, wsgi_app, config):
        self.wsgi_app = wsgi_app
        self.config = config
        self.answers: dict[str, CachedAnswer] = {}

    def _host_is_refused(self, environ) -> bool:
        """Whether Flask would refuse the Host header (TRUSTED_HOSTS, when set)."""
        trusted = self.config.get("TRUSTED_HOSTS")
        if not trusted:
            return False
        try:
            get_host(environ, trusted)
        except SecurityError:
            return True
        return False

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD")
        if method == "GET" or method == "HEAD":
            cached = self.answers.get(path)
            # A refused Host goes to Flask, which answers it with its 400 page.
            if cached is not None and not self._host_is_refused(environ):
                return cached.serve(environ, start_response)

        recorded = []

        def record(status, headers, exc_info=None):
            if exc_info is None and KEEP in environ and status.startswith("200 "):
                recorded.append(headers)
                return _no_write
            return start_response(status, headers, exc_info)

        app_iter = self.wsgi_app(environ, record)
        if not recorded:
            return app_iter
        # The body was handed over with the KEEP mark (a HEAD has none here).
        if hasattr(app_iter, "close"):
            app_iter.close()
        cached = CachedAnswer(environ[KEEP], recorded[0])
        # Keyed on the path alone: the key set is bounded by the site's URLs.
        self.answers[path] = cached
        return cached.serve(environ, start_response)

    def clear(self) -> None:
        """Forget every kept answer."""
        self.answers.clear()


def _no_write(data: bytes) -> None:  # pragma: no cover - Flask never calls write()
    raise RuntimeError("write() is not supported for answers being kept")


def keep(response: Response) -> Response:
    """Mark `response` (a 200 to a GET or HEAD) to be kept and answered from memory.

    For answers that depend on their path only. Streamed answers cannot be kept.
    """
    if (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.direct_passthrough
        and not response.is_streamed
    ):
        request.environ[KEEP] = response.get_data()
    return response


def keep_pages(response: Response) -> Response:
    """after_request: keep the pages, the sitemap and robots.txt."""
    endpoint = request.endpoint
    if endpoint in PAGES_BY_ENDPOINT or endpoint in EXTRA_KEPT_ENDPOINTS:
        keep(response)
    return response


def warm_up(app: Flask) -> int:
    """Render and keep every page, the fixed files and the hashed static files now.

    Called by deploy/gunicorn.conf.py in the master process before the workers
    fork, so every worker starts with the whole site in (shared) memory and a page
    that cannot be rendered stops the deployment instead of greeting a visitor.
    Returns how many answers are kept.
    """
    from .export import site_urls  # export uses this module: import when needed

    cache = app.extensions.get("page_cache")
    if cache is None:
        return 0
    # Asked for on the site's own address, which TRUSTED_HOSTS, when set, accepts.
    address = urlsplit(app.config["SITE_URL"])
    site = f"{address.scheme}://{address.netloc}"
    with app.test_request_context(base_url=site):
        urls = {url_for(endpoint, **values) for endpoint, values in site_urls(app)}
        assets = app.extensions.get("assets")
        if assets is not None:
            urls |= {url_for("static", filename=name) for name in assets.hashed}
    client = app.test_client()
    for url in sorted(urls):
        response = client.get(url, base_url=site)
        if response.status_code >= 500:
            raise RuntimeError(f"{url} answered {response.status} while warming up")
    return len(cache.answers)


def init_app(app: Flask) -> None:
    """Answer pages from memory after their first request, except in debug mode.

    In debug mode (`flask --debug run`) every request renders afresh so that a
    template edit shows on reload. `make run` restarts the server whenever a
    template or a compiled catalog changes, which empties the cache too. Set
    PAGE_CACHE to False (FLASK_PAGE_CACHE=false) to turn it off anywhere.
    """
    if not app.config.setdefault("PAGE_CACHE", not app.debug):
        return
    cache = AnswerCache(app.wsgi_app, app.config)
    app.extensions["page_cache"] = cache
    app.wsgi_app = cache
    app.after_request(keep_pages)
