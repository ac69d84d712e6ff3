"""Error pages answer in the visitor's language, with the right status."""
import pytest

from cde import create_app, i18n
from htmltext import Page


@pytest.mark.parametrize(
    "path, lang, heading",
    [
        ("/en/no-such-page/", "en", "Page not found"),
        ("/es/no-existe/", "es", "Página no encontrada"),
        ("/es/about/", "es", "Página no encontrada"),  # English slug under /es/
        ("/en/acerca/", "en", "Page not found"),
    ],
)
def test_not_found_in_the_language_of_the_prefix(client, path, lang, heading):
    response = client.get(path, headers={"Accept-Language": "fr"})
    assert response.status_code == 404
    page = Page(response.get_data(as_text=True))
    assert page.html_lang == lang
    assert heading in page.texts
    assert page.meta("robots") == "noindex"


@pytest.mark.parametrize("accept, lang", [("en-US", "en"), ("es-MX", "es"), ("", "es")])
def test_unknown_prefix_is_a_404_in_the_negotiated_language(client, accept, lang):
    response = client.get("/fr/", headers={"Accept-Language": accept})
    assert response.status_code == 404
    assert Page(response.get_data(as_text=True)).html_lang == lang
    assert response.headers["Content-Language"] == lang


def test_error_page_switcher_leads_to_the_other_home(client):
    page = Page(client.get("/en/missing/").get_data(as_text=True))
    assert [a["href"] for a in page.anchors if "hreflang" in a] == ["/es/"]


def test_wrong_method_is_405_with_allow(client):
    response = client.post("/es/acerca/", headers={"Accept-Language": "en"})
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert "Método no permitido" in response.get_data(as_text=True)


def test_unexpected_error_is_a_500_page_without_traceback(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/en/boom/")
    def boom():
        raise RuntimeError("secret detail")

    response = client.get("/en/boom/")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "Something went wrong" in body
    assert "secret detail" not in body and "Traceback" not in body


def error_page(response):
    """The page of an error response, checked to carry no stack trace."""
    body = response.get_data(as_text=True)
    assert "Traceback" not in body and 'File "' not in body
    return Page(body)


@pytest.mark.parametrize("path, accept, lang, heading", [
    ("/", "en", "en", "Request not valid"),
    ("/", "es-MX", "es", "Solicitud no válida"),
    ("/es/acerca/", "en", "es", "Solicitud no válida"),
])
def test_host_refused_before_routing_is_a_400_in_the_visitors_language(
    client, path, accept, lang, heading
):
    # Werkzeug refuses a Host whose label is over 63 characters before any routing,
    # so neither the page nor its language is known yet.
    response = client.get(
        path, headers={"Host": "a" * 64 + ".example", "Accept-Language": accept}
    )
    assert response.status_code == 400
    page = error_page(response)
    assert page.html_lang == lang
    assert heading in page.texts
    assert response.headers["Content-Language"] == lang
    assert "Content-Security-Policy" in response.headers


def test_host_outside_trusted_hosts_is_a_400_page():
    app = create_app({"TESTING": True, "TRUSTED_HOSTS": ["cde.example.org"]})
    client = app.test_client()
    assert client.get("/en/", headers={"Host": "cde.example.org"}).status_code == 200
    response = client.get(
        "/en/", headers={"Host": "evil.example", "Accept-Language": "en"}
    )
    assert response.status_code == 400
    assert "Request not valid" in error_page(response).texts


@pytest.mark.parametrize("path, accept, lang, heading", [
    ("/en/about/", "es", "en", "Something went wrong"),
    ("/es/acerca/", "en", "es", "Se produjo un error"),
    ("/", "en", "en", "Something went wrong"),
    ("/", "es", "es", "Se produjo un error"),
])
def test_failing_before_request_hook_is_a_500_in_the_visitors_language(
    app, path, accept, lang, heading
):
    @app.before_request
    def fail():
        raise RuntimeError("secret detail")

    response = app.test_client().get(path, headers={"Accept-Language": accept})
    assert response.status_code == 500
    page = error_page(response)
    assert page.html_lang == lang
    assert heading in page.texts
    assert "secret detail" not in response.get_data(as_text=True)


def test_failing_negotiation_is_a_500_in_the_default_language(app, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(i18n, "negotiate_language", broken)
    response = app.test_client().get("/", headers={"Accept-Language": "en"})
    assert response.status_code == 500
    page = error_page(response)
    assert page.html_lang == "es"
    assert "Se produjo un error" in page.texts


@pytest.mark.parametrize("path, lang, heading, home", [
    ("/en/about/", "en", "Something went wrong", "/en/"),
    ("/es/acerca/", "es", "Se produjo un error", "/es/"),
    ("/es/nada/", "es", "Página no encontrada", "/es/"),
])
def test_error_page_falls_back_to_plain_html_when_its_template_fails(
    app, path, lang, heading, home
):
    # A broken context processor breaks every template, the error page's included.
    @app.context_processor
    def broken():
        raise RuntimeError("secret detail")

    response = app.test_client().get(path)
    assert response.status_code in (404, 500)
    page = error_page(response)
    assert page.html_lang == lang
    assert heading in page.texts
    assert [a["href"] for a in page.anchors] == [home]
    assert "secret detail" not in response.get_data(as_text=True)
    assert "Content-Security-Policy" in response.headers



def test_negotiated_error_page_tells_caches_it_varies(client):
    response = client.get("/no-such-page", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert {"Accept-Language", "Cookie"} <= set(response.vary)
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_error_page_under_a_prefix_does_not_vary_on_language(client):
    response = client.get("/es/no-existe/", headers={"Accept-Language": "en"})
    assert "Accept-Language" not in response.vary
    assert response.headers["Cache-Control"] == "private, no-cache"
