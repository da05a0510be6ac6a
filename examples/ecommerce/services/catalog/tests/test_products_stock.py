"""Products: their stock reserved for an order's lines all at once or not at all, given back once, never below zero."""

import itertools

import pytest
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from app.models import Product
from tests.conftest import MISSING_ID, token
from tests.test_products import product_payload

PATH = "/api/catalog/products"
RESERVATIONS = f"{PATH}/reservations"
# Other services reserve with a service token; staff may too.
SERVICE = token("service")
STAFF = token("staff")
_numbers = itertools.count(7000)
_keys = itertools.count(1)


def new(client, stock: int) -> dict:
    payload = product_payload(client, next(_numbers)) | {"stock": stock}
    response = client.post(PATH, json=payload, headers=STAFF)
    assert response.status_code == 201, response.text
    return response.json()


def key() -> str:
    return f"order-test-{next(_keys):04d}"


def lines(*pairs: tuple[dict, int]) -> list[dict]:
    return [{"product_id": item["id"], "quantity": quantity} for item, quantity in pairs]


def left(client, item: dict) -> int:
    return client.get(f"{PATH}/{item['id']}", headers=STAFF).json()["stock"]


def test_a_reservation_takes_the_stock_and_copies_the_price(client):
    item = new(client, 5)
    response = client.post(RESERVATIONS, json={"key": key(), "lines": lines((item, 2))}, headers=SERVICE)
    assert response.status_code == 201, response.text
    assert response.json()["lines"] == [{"product_id": item["id"], "quantity": 2, "unit_price": item["price"]}]
    assert left(client, item) == 3


def test_the_same_key_again_reserves_nothing_more(client):
    item = new(client, 5)
    body = {"key": key(), "lines": lines((item, 2))}
    first = client.post(RESERVATIONS, json=body, headers=SERVICE)
    again = client.post(RESERVATIONS, json=body, headers=SERVICE)
    assert (first.status_code, again.status_code) == (201, 200), again.text
    assert again.json() == first.json()
    assert left(client, item) == 3
    other = client.post(RESERVATIONS, json=body | {"lines": lines((item, 1))}, headers=SERVICE)
    assert other.status_code == 409, other.text


def test_a_line_above_what_is_left_is_a_409_naming_it_and_nothing_is_reserved(client):
    plenty, short = new(client, 10), new(client, 1)
    response = client.post(RESERVATIONS, json={"key": key(), "lines": lines((plenty, 4), (short, 2))}, headers=SERVICE)
    assert response.status_code == 409, response.text
    assert f"product {short['id']} has 1 left" in response.json()["detail"]
    assert (left(client, plenty), left(client, short)) == (10, 1)


def test_the_last_units_go_to_as_many_buyers_as_there_are_units(client):
    item = new(client, 3)
    answers = [client.post(RESERVATIONS, json={"key": key(), "lines": lines((item, 1))}, headers=SERVICE).status_code for _ in range(5)]
    assert answers == [201, 201, 201, 409, 409]
    assert left(client, item) == 0


def test_lines_for_the_same_product_are_taken_together(client):
    item = new(client, 3)
    response = client.post(RESERVATIONS, json={"key": key(), "lines": lines((item, 2), (item, 2))}, headers=SERVICE)
    assert response.status_code == 409, response.text
    assert left(client, item) == 3


def test_an_unknown_product_is_a_422_naming_it(client):
    response = client.post(RESERVATIONS, json={"key": key(), "lines": [{"product_id": MISSING_ID, "quantity": 1}]}, headers=SERVICE)
    assert response.status_code == 422, response.text
    assert str(MISSING_ID) in response.text


@pytest.mark.parametrize("quantity", [0, -1, 2**40, 1.5, "2"])
def test_a_quantity_that_is_not_a_count_is_a_422(client, quantity):
    item = new(client, 5)
    response = client.post(RESERVATIONS, json={"key": key(), "lines": [{"product_id": item["id"], "quantity": quantity}]}, headers=SERVICE)
    assert response.status_code == 422, response.text
    assert left(client, item) == 5


@pytest.mark.parametrize("bad", ["short", "with space 123", "x" * 65, "semi;colon;"])
def test_a_key_must_be_a_plain_token(client, bad):
    item = new(client, 5)
    assert client.post(RESERVATIONS, json={"key": bad, "lines": lines((item, 1))}, headers=SERVICE).status_code == 422


def test_release_gives_the_stock_back_once(client):
    item = new(client, 5)
    body = {"key": key(), "lines": lines((item, 2))}
    assert client.post(RESERVATIONS, json=body, headers=SERVICE).status_code == 201
    assert client.delete(f"{RESERVATIONS}/{body['key']}", headers=SERVICE).status_code == 204
    assert client.delete(f"{RESERVATIONS}/{body['key']}", headers=SERVICE).status_code == 204
    assert left(client, item) == 5
    assert client.get(f"{RESERVATIONS}/{body['key']}", headers=SERVICE).json()["released"] is True


def test_an_unknown_reservation_is_a_404(client):
    assert client.get(f"{RESERVATIONS}/order-unknown", headers=SERVICE).status_code == 404
    assert client.delete(f"{RESERVATIONS}/order-unknown", headers=SERVICE).status_code == 404


def test_reserving_takes_a_role_that_may(client):
    item = new(client, 5)
    body = {"key": key(), "lines": lines((item, 1))}
    assert client.post(RESERVATIONS, json=body).status_code == 401
    assert client.post(RESERVATIONS, json=body, headers=token("customer")).status_code == 403
    assert client.delete(f"{RESERVATIONS}/{body['key']}", headers=token("customer")).status_code == 403
    assert left(client, item) == 5


def test_the_database_itself_refuses_a_stock_below_zero(client):
    item = new(client, 1)
    with client.app.state.session_factory() as session:
        with pytest.raises(IntegrityError):
            session.execute(update(Product).where(Product.id == item["id"]).values(stock=-1))
            session.commit()
    assert left(client, item) == 1
