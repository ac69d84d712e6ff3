"""Error pages answer in the visitor's language, with the right status."""
import pytest

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
