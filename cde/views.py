"""The pages: one URL rule per page and language, and the language choice at `/`."""
from flask import (
    Flask, Response, current_app, g, redirect, render_template, request, url_for,
)

from werkzeug.http import dump_cookie

from . import i18n, security
from .pages import PAGES, PAGES_BY_ENDPOINT

# Pages set the `lang` cookie, and a shared cache (a proxy, a CDN) that stored one
# visitor's response would replay that Set-Cookie to everyone: `private` keeps them
# out. `no-cache` lets the browser keep its copy but ask every time; with a strong
# ETag that question is answered by a bodiless 304, so content is never stale after
# a deploy and a repeat visit costs a few hundred bytes.
PAGE_CACHE_CONTROL = "private, no-cache"
# An answer chosen by the cookie and Accept-Language (`/`) says so to caches.
NEGOTIATED_VARY = "Accept-Language, Cookie"
# A year: long enough to be remembered, bounded so the cookie does not live forever.
COOKIE_MAX_AGE = 365 * 24 * 3600


def choose_language():
    """Send `/` to the home page in the visitor's language.

    The answer depends on the cookie and on Accept-Language, and caches are told so.
    """
    response = redirect(url_for("home", lang=i18n.negotiate_language()), code=302)
    response.headers["Vary"] = NEGOTIATED_VARY
    response.headers["Cache-Control"] = PAGE_CACHE_CONTROL
    return response


def show_page(lang: str):
    """Render the page that the URL rule names, in the language of its prefix."""
    page = PAGES_BY_ENDPOINT[request.endpoint]
    return render_template(page.template, page=page)


def language_cookie(lang: str) -> str:
    """The Set-Cookie value that remembers `lang`, the same for every visitor.

    Max-Age only, no Expires date: the header depends on nothing but the page, so
    the built site and its static export send it byte for byte (browsers prefer
    Max-Age anyway).
    """
    return dump_cookie(
        i18n.COOKIE_NAME,
        lang,
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        httponly=True,
        # Same rule as HSTS: SITE_URL on https:// or PREFERRED_URL_SCHEME https.
        secure=security.is_https(current_app.config),
        sync_expires=False,
    )


def mark_language(response: Response) -> None:
    """Say which language a page is in, and remember it for the next visit to `/`.

    Reading a page in a language (by the switcher or a link) is choosing it, as on
    most bilingual sites; the cookie only matters at `/`, which negotiates.
    """
    lang = g.get("lang")
    is_page = request.endpoint in PAGES_BY_ENDPOINT
    if lang in i18n.all_languages(current_app.config) and is_page:
        response.headers["Content-Language"] = i18n.language_tag(lang)
        response.headers["Cache-Control"] = PAGE_CACHE_CONTROL
        # Only a page actually read (not an OPTIONS probe or a 405) is a choice,
        # and a draft is no language to choose.
        if (request.method in ("GET", "HEAD") and response.status_code < 400
                and lang in i18n.current_languages()):
            response.headers.add("Set-Cookie", language_cookie(lang))


def init_app(app: Flask) -> None:
    """Register `/` and every page under every language's prefix."""
    app.add_url_rule("/", "choose_language", choose_language)
    for page in PAGES:
        for lang in i18n.all_languages(app.config):
            app.add_url_rule(
                page.rule(lang), page.endpoint, show_page, defaults={"lang": lang}
            )
