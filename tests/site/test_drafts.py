"""A language is offered to visitors once its catalog is complete (PUBLISH_THRESHOLD).

Until then it is a draft: its pages answer at their address, with noindex, for the
translator to preview, but nothing leads a visitor there: no switcher, hreflang,
sitemap, Open Graph alternate or choice at `/`. The same in the app and in the
export nginx serves.
"""
import shutil

import pytest

from cde.translator import catalogs
from cde.export.freeze import freeze
from cde.pages import PAGES
from cde.seo import og_locale
from tests.htmltext import HtmlText
from tests.projectcopy import app_for, replace_in
from tests.pseudo import fill
from deploy import nginx_server
from tests.servers import HAS_NGINX, NO_NGINX, PLAIN_SITE, fetch, on_site

DRAFT = "fr"


@pytest.fixture
def draft(project):
    """The copy with French started: every text but "Home" still untranslated."""
    shutil.rmtree(project / "translations" / DRAFT, ignore_errors=True)
    done = catalogs.Project(project, project / "translations")
    path, _ = catalogs.init(done, DRAFT)
    replace_in(path, 'msgid "Home"\nmsgstr ""', 'msgid "Home"\nmsgstr "Accueil"')
    catalogs.compile_catalogs(done)
    return project


def nothing_leads_to_the_draft(client):
    """Assert that no page, the sitemap or `/` sends a visitor to the draft."""
    app = client.application
    with app.app_context():
        locale = og_locale(DRAFT)
    for page in PAGES:
        for lang in app.config["LANGUAGES"]:
            html = client.get(page.rule(lang)).get_data(as_text=True)
            assert f"/{DRAFT}/" not in html and f'hreflang="{DRAFT}"' not in html
            assert f'content="{locale}"' not in html  # no og:locale:alternate
    assert f"/{DRAFT}/" not in client.get("/sitemap.xml").get_data(as_text=True)
    chosen = client.get("/", headers={"Accept-Language": DRAFT},
                        environ_base={"HTTP_COOKIE": f"lang={DRAFT}"})
    assert not chosen.headers["Location"].endswith(f"/{DRAFT}/")


def test_a_draft_is_previewed_at_its_address_and_offered_nowhere(draft):
    app = app_for(draft)
    assert DRAFT in app.config["DRAFT_LANGUAGES"]
    assert DRAFT not in app.config["LANGUAGES"]
    client = app.test_client()
    for page in PAGES:
        response = client.get(page.rule(DRAFT))
        assert response.status_code == 200
        html = HtmlText(response.get_data(as_text=True))
        assert html.html_lang == DRAFT
        assert '<meta name="robots" content="noindex">' in response.get_data(
            as_text=True)
        assert not html.alternates()
        # Reading a draft chooses nothing for the next visit to `/`.
        assert "Set-Cookie" not in response.headers
    assert "Accueil" in HtmlText(client.get(f"/{DRAFT}/").get_data(as_text=True)).texts
    nothing_leads_to_the_draft(client)


def test_a_complete_catalog_is_published_and_a_new_text_makes_it_a_draft(draft):
    # A text with a context (pgettext) counts like any other. (Apps render the
    # repository's templates: a template of the copy only changes its catalogs.)
    replace_in(draft / "templates" / "contact.html", '<h2>{{ _("Email") }}</h2>',
               '<h2>{{ _("Email") }}</h2>\n<p>{{ pgettext("month", "May") }}</p>')
    project = catalogs.Project(draft, draft / "translations")
    catalogs.update(project)
    for po in project.languages():
        fill(project.po_path(po))
    catalogs.compile_catalogs(project)
    app = app_for(draft)
    assert DRAFT in app.config["LANGUAGES"]
    published = next(lang for lang in app.config["LANGUAGES"] if lang != DRAFT)
    html = app.test_client().get(f"/{published}/").get_data(as_text=True)
    assert f'hreflang="{DRAFT}"' in html
    # The threshold is 100%: one new English text, and French is a draft again
    # until its translators catch up.
    replace_in(draft / "templates" / "contact.html", "<h2>{{ _(\"Email\") }}</h2>",
               '<h2>{{ _("Email") }}</h2>\n<p>{{ _("We read every message.") }}</p>')
    catalogs.update(project)
    catalogs.compile_catalogs(project)
    app = app_for(draft)
    assert DRAFT in app.config["DRAFT_LANGUAGES"]
    nothing_leads_to_the_draft(app.test_client())


def test_the_threshold_is_a_setting(draft):
    # One text of them all is over 1%.
    assert DRAFT in app_for(draft, PUBLISH_THRESHOLD=1).config["LANGUAGES"]


@pytest.mark.skipif(not HAS_NGINX, reason=NO_NGINX)
def test_the_export_keeps_the_draft_as_private_as_the_app(draft, served):
    app = app_for(draft, SITE_URL=PLAIN_SITE)
    freeze(app, served / "build")
    with nginx_server.running(served / "build", served / "run") as (url, _):
        url = on_site(url)
        status, _, body = fetch(url, f"/{DRAFT}/")
        assert status == 200 and b'<meta name="robots" content="noindex">' in body
        status, headers, _ = fetch(url, "/", {"Accept-Language": DRAFT,
                                             "Cookie": f"lang={DRAFT}"})
        assert status == 302 and not headers["Location"].endswith(f"/{DRAFT}/")
        _, _, sitemap = fetch(url, "/sitemap.xml")
        assert f"/{DRAFT}/".encode() not in sitemap
        for lang in app.config["LANGUAGES"]:
            _, _, home = fetch(url, f"/{lang}/")
            assert f"/{DRAFT}/".encode() not in home
