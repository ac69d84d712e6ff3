"""Security of every response: policy headers, the site's own host only, no debug.

The site has no forms, no logins and no sessions, so it needs no secret key: the only
cookie is `lang`, the visitor's language.
"""
from urllib.parse import urlsplit

from flask import Flask, Response, current_app

# Only the site's own files; nothing inline (a <style> or <script> in a template, or
# a style="" attribute, would need its hash added here), no plugins, no framing.
CONTENT_SECURITY_POLICY = ("default-src 'self'; object-src 'none'; base-uri 'self'; "
                           "form-action 'self'; frame-ancestors 'none'")
# Browser features the site never uses, denied to it and to anything it could embed.
# Only features Chromium knows: an unknown name is an error in the browser's console.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "camera", "display-capture", "geolocation", "gyroscope",
    "magnetometer", "microphone", "payment", "usb"))


LOOPBACK = ("localhost", "127.0.0.1")


class ProductionDebugError(RuntimeError):
    """The app was asked to run in production with Flask's debug mode on."""


def is_https(config) -> bool:
    """Whether the site is served over HTTPS (SITE_URL or PREFERRED_URL_SCHEME say so).

    HSTS and the Secure flag of the language cookie both follow this.
    """
    return (str(config["SITE_URL"]).lower().startswith("https://")
            or config["PREFERRED_URL_SCHEME"] == "https")


def policy_headers(https: bool) -> list[tuple[str, str]]:
    """The policy headers added to every response; HSTS among them under HTTPS."""
    headers = [
        ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        # Other sites may not embed the site's files (pages, styles, images).
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ]
    # HSTS only under HTTPS: sent over plain HTTP it is ignored, and on a development
    # address it would pin the browser to an HTTPS that isn't there. One year; no
    # includeSubDomains: other services of the same domain are not ours to commit.
    if https:
        headers.append(("Strict-Transport-Security", "max-age=31536000"))
    return headers


def init_app(app: Flask) -> None:
    """Refuse debug in production; trust only the site's host; build the policy
    headers (`add_policy_headers` adds them)."""
    # The debugger runs any code a visitor types into an error page.
    if app.config.get("PRODUCTION") and app.debug:
        raise ProductionDebugError(
            "Refusing to start: FLASK_PRODUCTION is set and Flask's debug mode is on, "
            "which would let any visitor run code on the server. In production unset "
            "FLASK_DEBUG (and do not pass --debug); for development unset "
            "FLASK_PRODUCTION.")
    # Canonical links, hreflang alternates, Open Graph and the sitemap are built from
    # SITE_URL, so search engines would be sent to 127.0.0.1. A warning, not a
    # refusal: the benchmarks and Lighthouse run production on loopback on purpose.
    site = urlsplit(str(app.config["SITE_URL"]))
    host = site.hostname or ""
    if site.scheme not in ("http", "https") or not host:
        raise ValueError(f"FLASK_SITE_URL is {app.config['SITE_URL']!r}: it must be "
                         "the site's address, such as https://cde.example.org")
    if app.config.get("PRODUCTION") and host in LOOPBACK:
        app.logger.warning(
            "SITE_URL is %s: canonical links, hreflang alternates and the sitemap "
            "will name this local address. Set FLASK_SITE_URL to the public address "
            "(e.g. https://cde.example.org).", app.config["SITE_URL"])
    # The site answers on its own host only: Flask refuses any other Host header
    # (400), so Werkzeug's own redirects (/en/about -> /en/about/) name the site.
    # A local SITE_URL also trusts the other names of this machine, and keeps the
    # one a developer typed (localhost:5001); a public one is named as SITE_URL
    # writes it (SERVER_NAME).
    if app.config["TRUSTED_HOSTS"] is None:
        app.config["TRUSTED_HOSTS"] = [host, *(LOOPBACK if host in LOOPBACK else ())]
    if app.config["SERVER_NAME"] is None and host not in LOOPBACK:
        app.config["SERVER_NAME"] = site.netloc
    # Behind nginx the app hears plain HTTP even when visitors use HTTPS: its
    # requests, and so its redirects, have SITE_URL's scheme.
    wsgi_app = app.wsgi_app
    app.wsgi_app = lambda environ, respond: wsgi_app(
        {**environ, "wsgi.url_scheme": site.scheme}, respond)
    app.extensions["policy_headers"] = policy_headers(is_https(app.config))


def add_policy_headers(response: Response) -> None:
    """The policy headers of the app (built once, when it starts), on `response`."""
    # Once only, even if a response object were answered twice.
    if "Content-Security-Policy" not in response.headers:
        response.headers.extend(current_app.extensions["policy_headers"])
