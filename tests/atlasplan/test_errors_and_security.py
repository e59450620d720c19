from django.test import RequestFactory

from atlasplan.errors import server_error


def test_404_page_is_in_the_house_style(consultant_client):
    response = consultant_client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    assert "Stappen van de methode" in html  # the navigation is there


def test_403_page_says_the_role_does_not_allow_it(reader_client):
    response = reader_client.get("/themes/new/")
    assert response.status_code == 403
    assert "Uw rol laat deze handeling niet toe" in response.content.decode()


def test_500_page_renders_without_database_or_context(db):
    request = RequestFactory().get("/")
    response = server_error(request)
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert "Something went wrong" in response.content.decode()


def test_pages_carry_a_strict_content_security_policy(client, db):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "frame-ancestors 'none'" in policy


def test_markup_in_a_theme_name_is_shown_as_text(consultant_client):
    consultant_client.post(
        "/themes/new/", {"name": "<script>alert(1)</script>", "colour": "#000000"}
    )
    html = consultant_client.get("/themes/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
