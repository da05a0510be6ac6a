"""The service publishes its OpenAPI description, generated from its code, and interactive docs."""


def test_the_openapi_description_lists_every_route(client):
    description = client.get("/openapi.json")
    assert description.status_code == 200
    paths = description.json()["paths"]
    assert "/api/orders/purchase_orders" in paths
    assert "/api/orders/purchase_orders/{item_id}" in paths
    assert "/api/orders/order_lines" in paths
    assert "/api/orders/order_lines/{item_id}" in paths
    assert "/health" in paths


def test_the_docs_page_is_served(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "swagger" in page.text.lower()
