"""Purchase orders: placed with their lines in one request. Every line's stock is taken from the
catalog service at once, each line is priced by it, the total is the server's sum, and
cancel gives the stock back. A refusal saves nothing."""

import itertools
import json
from decimal import Decimal

import jwt
import pytest

from tests.conftest import FAILING_ID, MISSING_ID, SECRET, SOLD_OUT_ID, UNREACHABLE_ID, stand_in_price, token
from tests.test_purchase_orders import purchase_order_payload

PATH = "/api/orders/purchase_orders"
LINES = "/api/orders/order_lines"
RESERVATIONS = "/api/catalog/products/reservations"
STAFF = token("admin")
# Accounts of this role act as account 1, which places every purchase_order here; other roles act as account 9.
OWNER_ROLE = "customer"
_numbers = itertools.count(12000)


def as_role(role: str) -> dict[str, str]:
    return token(role, "1" if role == OWNER_ROLE else "9")


def place(client, lines: list[dict], **changes):
    payload = purchase_order_payload(client, next(_numbers)) | {"lines": lines} | changes
    return client.post(PATH, json=payload, headers=as_role("customer"))


def line(record: int, quantity: int = 1) -> dict:
    return {"product_id": record, "quantity": quantity}


def asked(client, method: str) -> list:
    return [request for request in client.calls if request.method == method and RESERVATIONS in request.url.path]


def counts(client) -> tuple[int, int]:
    return (client.get(PATH, headers=STAFF).json()["total"], client.get(LINES, headers=STAFF).json()["total"])


def test_every_line_is_taken_at_once_under_the_purchase_orders_own_key_as_this_service(client):
    response = place(client, [line(11, 2), line(12)])
    assert response.status_code == 201, response.text
    key = response.json()["reservation_key"]
    [reservation] = asked(client, "POST")
    assert json.loads(reservation.content) == {"key": key, "lines": [line(11, 2), line(12)]}
    caller = jwt.decode(reservation.headers["Authorization"].removeprefix("Bearer "), SECRET, algorithms=["HS256"])
    assert caller["role"] == "service" and caller["sub"] == "orders"


def test_each_line_is_priced_by_the_catalog_service_and_the_total_is_their_exact_sum(client):
    wanted = [line(11, 3), line(12, 1), line(13, 7)]
    response = place(client, wanted)
    assert response.status_code == 201, response.text
    body = response.json()
    prices = [Decimal(placed["unit_price"]) for placed in body["lines"]]
    assert prices == [stand_in_price(record["product_id"]) for record in wanted]
    assert Decimal(body["total"]) == sum(price * record["quantity"] for price, record in zip(prices, wanted))
    assert body["status"] == "pending"
    assert body["placed_at"]
    stored = client.get(f"{PATH}/{body['id']}", headers=STAFF).json()
    assert stored["total"] == body["total"]


@pytest.mark.parametrize("field", ["status", "total", "placed_at", "paid_by", "reservation_key"])
def test_the_servers_fields_are_refused(client, field):
    before = counts(client)
    response = place(client, [line(11)], **{field: "1"})
    assert response.status_code == 422, response.text
    assert field in response.text
    assert counts(client) == before


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [line(11, 0)],
        [line(11, -1)],
        [{"product_id": 11, "quantity": "2"}],
        [{"product_id": 11, "quantity": 1.5}],
        [line(11) | {"unit_price": "0.01"}],
        [line(0)],
        [line(11)] * 101,
    ],
)
def test_lines_that_are_not_what_and_how_many_are_a_422_and_nothing_is_asked(client, lines):
    response = place(client, lines)
    assert response.status_code == 422, response.text
    assert asked(client, "POST") == []


def test_a_product_with_nothing_left_is_a_409_naming_it_and_nothing_is_saved(client):
    before = counts(client)
    response = place(client, [line(11), line(SOLD_OUT_ID, 2)])
    assert response.status_code == 409, response.text
    assert f"product {SOLD_OUT_ID} has 0 left" in response.json()["detail"]
    assert counts(client) == before


def test_an_unknown_product_is_a_422_naming_it_and_nothing_is_saved(client):
    before = counts(client)
    response = place(client, [line(MISSING_ID)])
    assert response.status_code == 422, response.text
    assert str(MISSING_ID) in response.json()["detail"]
    assert counts(client) == before


@pytest.mark.parametrize("record", [FAILING_ID, UNREACHABLE_ID])
def test_when_the_catalog_service_cannot_take_it_nothing_is_saved(client, record):
    before = counts(client)
    response = place(client, [line(record)])
    assert response.status_code == 503, response.text
    assert "catalog" in response.json()["detail"]
    assert counts(client) == before


def test_a_total_larger_than_a_purchase_order_holds_is_a_422_and_the_stock_goes_back(client):
    before = counts(client)
    # Ten lines of the dearest stand-in price, each as many as an INTEGER holds.
    response = place(client, [line(89 + 90 * number, 2_147_483_647) for number in range(10)])
    assert response.status_code == 422, response.text
    assert "total" in response.json()["detail"]
    [reservation] = asked(client, "POST")
    key = json.loads(reservation.content)["key"]
    assert [request.url.path for request in asked(client, "DELETE")] == [f"{RESERVATIONS}/{key}"]
    assert counts(client) == before


def test_cancel_gives_the_stock_back(client):
    item = place(client, [line(11, 2), line(12)]).json()
    for transition, role in [("cancel", "customer")]:
        moved = client.post(f"{PATH}/{item['id']}/{transition}", headers=as_role(role))
        assert moved.status_code == 200, moved.text
    key = item["reservation_key"]
    assert [request.url.path for request in asked(client, "DELETE")] == [f"{RESERVATIONS}/{key}"]


def test_pay_keeps_the_stock(client):
    item = place(client, [line(11)]).json()
    for transition, role in [("pay", "staff")]:
        moved = client.post(f"{PATH}/{item['id']}/{transition}", headers=as_role(role))
        assert moved.status_code == 200, moved.text
    assert asked(client, "DELETE") == []
