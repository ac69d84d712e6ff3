"""The CdE microsite: a bilingual Flask application, built by `create_app`."""
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
    )
    app.config.from_prefixed_env()
    if test_config:
        app.config.from_mapping(test_config)

    from . import errors, i18n, templating, views

    # Languages come from translations/; the URL prefix picks one per request.
    i18n.init_app(app)
    # Template helpers: language links, alternates, locale-aware filters.
    templating.init_app(app)
    # Pages under /en/ and /es/, and the language choice at /.
    views.init_app(app)
    # 404, 405 and 500 pages in the visitor's language.
    errors.init_app(app)
    return app
