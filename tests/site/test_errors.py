"""Error pages answer in the visitor's language, with the right status."""
import pytest

from cde import create_app, i18n
from cde.pages import PAGES, PAGES_BY_ENDPOINT
from tests.htmltext import HtmlText
from tests.languages import LANGUAGES, WRITTEN, language_without_catalog, translated

HOME = PAGES_BY_ENDPOINT["home"]
ABOUT = PAGES_BY_ENDPOINT["about"]


def another_language(lang: str) -> str:
    """A language of the site other than `lang`, to ask for in Accept-Language."""
    return next(other for other in LANGUAGES if other != lang)


def error_page(response):
    """The page of an error response, checked to carry no stack trace."""
    body = response.get_data(as_text=True)
    assert "Traceback" not in body and 'File "' not in body
    assert "secret detail" not in body
    return HtmlText(body)


def assert_in_language(app, response, lang: str, heading: str) -> None:
    """The error page is in `lang`: lang, dir, Content-Language and its heading."""
    page = error_page(response)
    assert page.html_lang == WRITTEN[lang].tag
    assert page.html_dir == WRITTEN[lang].dir
    assert response.headers["Content-Language"] == WRITTEN[lang].tag
    assert translated(app, lang, heading) in page.texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_not_found_in_the_language_of_the_prefix(app, client, lang):
    # Slugs of other languages do not exist under this prefix (/es/about/).
    foreign_slugs = {page.slug(other) for page in PAGES for other in LANGUAGES}
    foreign_slugs -= {page.slug(lang) for page in PAGES}
    for path in [f"/{lang}/no-such-page/"] + [f"/{lang}/{s}/" for s in foreign_slugs]:
        response = client.get(
            path, headers={"Accept-Language": another_language(lang)}
        )
        assert response.status_code == 404, path
        assert_in_language(app, response, lang, "Page not found")


# Prefixes that are no language of the site: one Babel knows but the site has no
# catalog for, a site language in capitals or with a region, and no code at all.
NOT_A_PREFIX = [language_without_catalog(), LANGUAGES[-1].upper(),
                f"{LANGUAGES[-1]}-zz", "xx"]


@pytest.mark.parametrize("prefix", NOT_A_PREFIX)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_unknown_prefix_is_a_404_in_the_negotiated_language(app, client, lang, prefix):
    for path in (f"/{prefix}/", f"/{prefix}{ABOUT.rule(lang)[len(lang) + 1:]}"):
        response = client.get(path, headers={"Accept-Language": WRITTEN[lang].tag})
        assert response.status_code == 404, path
        assert_in_language(app, response, lang, "Page not found")


def test_unknown_prefix_without_a_preference_is_a_404_in_the_default_language(
    app, client
):
    missing = language_without_catalog(app.config["LANGUAGES"])
    response = client.get(f"/{missing}/")
    assert response.status_code == 404
    default = i18n.code_of(app.config["DEFAULT_LANGUAGE"])
    assert_in_language(app, response, default, "Page not found")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_error_page_switcher_leads_to_the_other_homes(client, lang):
    page = HtmlText(client.get(f"/{lang}/missing/").get_data(as_text=True))
    assert [a["href"] for a in page.anchors if "hreflang" in a] == [
        HOME.rule(other) for other in LANGUAGES if other != lang
    ]


def test_unexpected_error_is_a_500_page_without_traceback(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/en/boom/")
    def boom():
        raise RuntimeError("secret detail")

    response = client.get("/en/boom/")
    assert response.status_code == 500
    assert "An error occurred" in error_page(response).texts



# The headings of the error pages, written out: plain words, not HTTP's.
HEADINGS = {
    "en": {400: "Invalid request", 404: "Page not found", 405: "Request not allowed",
           500: "An error occurred"},
    "es": {400: "Solicitud no válida", 404: "Página no encontrada",
           405: "Solicitud no permitida", 500: "Se produjo un error"},
}


@pytest.mark.parametrize("lang", sorted(HEADINGS))
def test_each_error_page_has_its_heading_in_the_language_of_its_prefix(app, lang):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get(f"/{lang}/boom/")
    def boom():
        raise RuntimeError("secret detail")

    client = app.test_client()
    about = ABOUT.rule(lang)
    for status, response in [
        (400, client.get(about, headers={"Host": "evil.example"})),
        (404, client.get(f"/{lang}/nada/")),
        (405, client.post(about)),
        (500, client.get(f"/{lang}/boom/")),
    ]:
        assert response.status_code == status
        assert HEADINGS[lang][status] in error_page(response).texts, status

# A path under each language's prefix, asked for in another language, and `/` asked
# for in each language: the prefix decides, else Accept-Language.
PREFIX_OR_NEGOTIATED = [
    pytest.param(ABOUT.rule(lang), another_language(lang), lang, id=ABOUT.rule(lang))
    for lang in LANGUAGES
] + [
    pytest.param("/", WRITTEN[lang].tag, lang, id=f"/ in {lang}") for lang in LANGUAGES
]


@pytest.mark.parametrize("method", ["POST", "DELETE", "TRACE"])
@pytest.mark.parametrize("path, accept, lang", PREFIX_OR_NEGOTIATED)
def test_wrong_method_is_405_with_allow_in_the_visitors_language_echoing_nothing(
    app, client, path, accept, lang, method
):
    marker = "<script>echo-me</script>"
    response = client.open(path, method=method, data=marker, headers={
        "Accept-Language": accept, "X-Echo-Marker": marker})
    assert response.status_code == 405
    assert {"GET", "HEAD"} <= {m.strip() for m in response.headers["Allow"].split(",")}
    assert_in_language(app, response, lang, "Request not allowed")
    assert "echo-me" not in response.get_data(as_text=True)
    assert not any("echo-me" in value for _, value in response.headers)


@pytest.mark.parametrize("path, accept, lang", PREFIX_OR_NEGOTIATED)
def test_host_refused_before_routing_is_a_400_in_the_visitors_language(
    app, client, path, accept, lang
):
    # Flask refuses a Host that is not the site's before any routing, so neither
    # the page nor its language is known yet.
    response = client.get(
        path, headers={"Host": "evil.example", "Accept-Language": accept}
    )
    assert response.status_code == 400
    assert_in_language(app, response, lang, "Invalid request")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_local_site_answers_on_every_local_name_and_no_other(lang):
    # `make run` prints 127.0.0.1, and a developer may well type localhost.
    local = create_app({"TESTING": True, "SITE_URL": "http://127.0.0.1:5000"})
    client = local.test_client()
    for host in ("127.0.0.1:5000", "localhost:5000"):
        assert client.get(f"/{lang}/", headers={"Host": host}).status_code == 200
    response = client.get(f"/{lang}/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert_in_language(local, response, lang, "Invalid request")


@pytest.mark.parametrize("path, accept, lang", PREFIX_OR_NEGOTIATED)
def test_failing_before_request_hook_is_a_500_in_the_visitors_language(
    app, path, accept, lang
):
    @app.before_request
    def fail():
        raise RuntimeError("secret detail")

    response = app.test_client().get(path, headers={"Accept-Language": accept})
    assert response.status_code == 500
    assert_in_language(app, response, lang, "An error occurred")


def test_failing_negotiation_is_a_500_in_the_default_language(app, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(i18n, "negotiate_language", broken)
    default = i18n.code_of(app.config["DEFAULT_LANGUAGE"])
    response = app.test_client().get(
        "/", headers={"Accept-Language": another_language(default)}
    )
    assert response.status_code == 500
    assert_in_language(app, response, default, "An error occurred")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_error_page_falls_back_to_plain_html_when_its_template_fails(app, lang):
    # A broken context processor breaks every template, the error page's included.
    @app.context_processor
    def broken():
        raise RuntimeError("secret detail")

    client = app.test_client()
    for path, status, heading in [
        (ABOUT.rule(lang), 500, "An error occurred"),
        (f"/{lang}/nada/", 404, "Page not found"),
    ]:
        response = client.get(path)
        assert response.status_code == status, path
        assert_in_language(app, response, lang, heading)
        page = error_page(response)
        assert [a["href"] for a in page.anchors] == [HOME.rule(lang)]


def test_negotiated_error_page_tells_caches_it_varies(client):
    response = client.get("/no-such-page", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert {"Accept-Language", "Cookie"} <= set(response.vary)
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_error_page_under_a_prefix_does_not_vary_on_language(client):
    response = client.get("/es/no-existe/", headers={"Accept-Language": "en"})
    assert "Accept-Language" not in response.vary
    assert response.headers["Cache-Control"] == "private, no-cache"
