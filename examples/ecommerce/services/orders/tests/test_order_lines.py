"""Order lines: read only. Each is written with its purchase_order, at its product's price then, and is seen
by whoever sees that purchase_order."""

from decimal import Decimal

import pytest

from tests.conftest import MISSING_ID, stand_in_price, token
from tests.test_purchase_orders import new_purchase_order

PATH = "/api/orders/order_lines"
READER = token("admin")


def place(client) -> dict:
    """A new purchase_order, placed with its lines; its first line."""
    return new_purchase_order(client)["lines"][0]


def test_placing_a_purchase_order_writes_its_lines_at_the_prices_reserved(client):
    order = new_purchase_order(client)
    body = client.get(PATH, params={"purchase_order_id": order["id"]}, headers=READER).json()
    assert [line["id"] for line in body["items"]] == [line["id"] for line in order["lines"]]
    for line in body["items"]:
        assert line["purchase_order_id"] == order["id"]
        assert Decimal(line["unit_price"]) == stand_in_price(line["product_id"])


def test_get_returns_the_line(client):
    line = place(client)
    response = client.get(f"{PATH}/{line['id']}", headers=READER)
    assert response.status_code == 200
    assert response.json() == line


def test_get_unknown_id_returns_404(client):
    assert client.get(f"{PATH}/{MISSING_ID}", headers=READER).status_code == 404


def test_numbers_beyond_the_database_return_422(client):
    assert client.get(f"{PATH}/{2**63}", headers=READER).status_code == 422
    assert client.get(PATH, params={"page": 2**62}, headers=READER).status_code == 422


def test_list_is_paged(client):
    for _ in range(3):
        place(client)
    first = client.get(PATH, params={"page": 1, "page_size": 2}, headers=READER).json()
    second = client.get(PATH, params={"page": 2, "page_size": 2}, headers=READER).json()
    assert first["total"] == 3 and second["total"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_a_line_is_never_written_on_its_own(client, method):
    line = place(client)
    path = PATH if method == "POST" else f"{PATH}/{line['id']}"
    response = client.request(method, path, json={key: value for key, value in line.items() if key != "id"}, headers=READER)
    assert response.status_code == 405, response.text
    assert client.get(f"{PATH}/{line['id']}", headers=READER).json() == line


def test_reading_without_a_token_returns_401(client):
    assert client.get(PATH).status_code == 401


def test_an_account_sees_only_the_lines_of_its_own_purchase_orders(client):
    line = place(client)  # placed by account 1
    mine, theirs = token("customer", "1"), token("customer", "2")
    assert client.get(f"{PATH}/{line['id']}", headers=theirs).status_code == 404
    assert line["id"] not in [row["id"] for row in client.get(PATH, headers=theirs).json()["items"]]
    assert client.get(f"{PATH}/{line['id']}", headers=mine).status_code == 200
