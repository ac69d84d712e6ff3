"""The CdE microsite: a multilingual Flask application, built by `create_app`.

Besides the modules wired below: pages.py (the page table) and negotiation.py (the
language at `/`). Two rooms are no part of the site, and rendering a page never
imports them: the export (cde/export/: `flask freeze`, its nginx configuration) and
the translator's desk (cde/translator/: `flask translate`). app.py adds their
commands.
"""
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Build the site. Read top to bottom, this is the table of contents of the app."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )

    # Settings: defaults in code, then FLASK_* environment variables, then tests.
    app.config.from_mapping(
        SITE_URL="http://127.0.0.1:5000",
        DEFAULT_LANGUAGE="es",
        TRANSLATIONS_DIR=str(ROOT / "translations"),
        # Country the site speaks from: its languages get its locale (es_MX).
        SITE_COUNTRY="MX",
        # Percent of texts translated for a language to be shown to visitors; below
        # it, a draft: its pages only at their address, with noindex.
        PUBLISH_THRESHOLD=100,
        # For an https:// SITE_URL, the certificate and key nginx serves (PEM);
        # unset, Let's Encrypt's paths for SITE_URL's host (cde/export/nginx.py).
        TLS_CERTIFICATE=None,
        TLS_CERTIFICATE_KEY=None,
    )
    app.config.from_prefixed_env()
    if test_config:
        app.config.from_mapping(test_config)

    from . import (
        assets, errors, i18n, languages, safe_gettext, security, seo, templating,
        views,
    )
    from .finish import finish

    # No debug in production; the site's own host only; the policy headers, built.
    security.init_app(app)
    # Languages come from translations/: offered once translated, else drafts.
    languages.init_app(app)
    # The URL prefix picks a request's language; Flask-Babel's locale follows it.
    i18n.init_app(app)
    # Plain-text translations are escaped; bad ones never reach the .mo (compile).
    safe_gettext.init_app(app)
    # Template helpers: language links, alternates, locale-aware filters.
    templating.init_app(app)
    # Pages under each language's prefix, and the language choice at /.
    views.init_app(app)
    # Error pages (400, 404, 405, 500) in the visitor's language, never a traceback.
    errors.init_app(app)
    # What search engines read: /sitemap.xml, /robots.txt, Open Graph locales.
    seo.init_app(app)
    # Static files under content-hashed names, cached by browsers for a year.
    assets.init_app(app)
    # Every response completed in one step: untranslated texts shown as the
    # original, the page's language, the security headers (cde/finish.py).
    app.after_request(finish)
    return app
