"""The service publishes its OpenAPI description, generated from its code, and interactive docs."""


def test_the_openapi_description_lists_every_route(client):
    description = client.get("/api/auth/openapi.json")
    assert description.status_code == 200
    paths = description.json()["paths"]
    assert "/api/auth/register" in paths
    assert "/api/auth/login" in paths
    assert "/api/auth/me" in paths
    assert "/api/auth/accounts" in paths
    assert "/health" in paths


def test_the_docs_page_and_its_files_are_served_by_the_service_under_its_prefix(client):
    page = client.get("/api/auth/docs")
    assert page.status_code == 200 and "<script>" not in page.text, "no inline script: the gateway's policy allows none"
    for asset in ("/assets/swagger-ui-bundle.js", "/assets/swagger-ui.css", "/start.js"):
        assert asset in page.text
        served = client.get("/api/auth/docs" + asset)
        assert served.status_code == 200 and served.content, asset
    assert "/api/auth/openapi.json" in client.get("/api/auth/docs" + "/start.js").text
