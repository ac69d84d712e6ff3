"""The production server answers from memory: the site as cde/build.py rendered it.

`serve_from_memory(app)` renders every URL of the site once (in the gunicorn master,
before the workers fork: deploy/gunicorn.conf.py) and puts a small WSGI layer in
front of Flask that answers exactly those paths from memory, each with its gzip and
brotli forms and a strong ETag per form: a repeat visit costs a 304, a new one a
dictionary lookup, never a template render or a compression. Any other path goes
to Flask, which renders it afresh and keeps nothing, so memory is bounded by the
site's URLs. The answers are the very ones `flask freeze` writes to disk.
"""
import gzip
import hashlib
from functools import lru_cache
from typing import NamedTuple

import brotli
from flask import Flask
from werkzeug.exceptions import SecurityError
from werkzeug.http import is_entity_header
from werkzeug.wsgi import get_host

from .build import render_site

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
# A header longer than this is cut before parsing: browsers send about 30 characters.
MAX_ACCEPT_ENCODING = 200
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
    """WSGI layer in front of Flask: the built answers, by exact path."""

    def __init__(self, wsgi_app, config, answers: dict[str, CachedAnswer]):
        self.wsgi_app = wsgi_app
        self.config = config
        self.answers = answers

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
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            cached = self.answers.get(environ.get("PATH_INFO", ""))
            # A refused Host goes to Flask, which answers it with its 400 page.
            if cached is not None and not self._host_is_refused(environ):
                return cached.serve(environ, start_response)
        return self.wsgi_app(environ, start_response)


def serve_from_memory(app: Flask) -> int:
    """Render the whole site now and answer its URLs from memory from now on.

    Returns how many answers are kept. Called once, by deploy/gunicorn.conf.py in
    the master process, so every worker starts with the whole site in (shared)
    memory and a page that cannot be rendered stops the deployment.
    """
    answers = {
        path: CachedAnswer(answer.body, list(answer.headers))
        for path, answer in render_site(app).items()
        if answer.status == 200
    }
    cache = AnswerCache(app.wsgi_app, app.config, answers)
    app.extensions["page_cache"] = cache
    app.wsgi_app = cache
    return len(answers)
