"""The service publishes its OpenAPI description, generated from its code, and interactive docs."""


def test_the_openapi_description_lists_every_route(client):
    description = client.get("/api/customers/openapi.json")
    assert description.status_code == 200
    paths = description.json()["paths"]
    assert "/api/customers/customers" in paths
    assert "/api/customers/customers/{item_id}" in paths
    assert "/api/customers/addresses" in paths
    assert "/api/customers/addresses/{item_id}" in paths
    assert "/health" in paths


def test_the_docs_page_and_its_files_are_served_by_the_service_under_its_prefix(client):
    page = client.get("/api/customers/docs")
    assert page.status_code == 200 and "<script>" not in page.text, "no inline script: the gateway's policy allows none"
    for asset in ("/assets/swagger-ui-bundle.js", "/assets/swagger-ui.css", "/start.js"):
        assert asset in page.text
        served = client.get("/api/customers/docs" + asset)
        assert served.status_code == 200 and served.content, asset
    assert "/api/customers/openapi.json" in client.get("/api/customers/docs" + "/start.js").text
