"""Purchase orders: how a purchase_order's status moves, who may move it, and from where."""

import itertools

import pytest

from tests.conftest import MISSING_ID, token
from tests.test_purchase_orders import purchase_order_payload

PATH = "/api/orders/purchase_orders"
# Accounts of this role act as account 1, which creates every purchase_order here; other roles act as account 9.
OWNER_ROLE = "customer"
_numbers = itertools.count(5000)


def as_role(role: str) -> dict[str, str]:
    return token(role, "1" if role == OWNER_ROLE else "9")


def new(client) -> dict:
    response = client.post(PATH, json=purchase_order_payload(client, next(_numbers)), headers=as_role("customer"))
    assert response.status_code == 201, response.text
    return response.json()


def walk(client, item: dict, steps: list[tuple[str, str]]) -> dict:
    """Takes each (transition, role) step in turn; every one must succeed."""
    for transition, role in steps:
        response = client.post(f"{PATH}/{item['id']}/{transition}", headers=as_role(role))
        assert response.status_code == 200, f"{transition} as {role}: {response.text}"
        item = response.json()
    return item


def test_a_new_purchase_order_is_pending(client):
    assert new(client)["status"] == "pending"


@pytest.mark.parametrize("field", ["status", "paid_by"])
def test_a_client_may_not_set_a_field_the_server_owns(client, field):
    payload = purchase_order_payload(client, 1) | {field: "pending"}
    response = client.post(PATH, json=payload, headers=as_role("customer"))
    assert response.status_code == 422, response.text
    assert field in response.text


def test_it_is_never_replaced_or_deleted(client):
    item = f"{PATH}/{new(client)['id']}"
    assert client.put(item, json=purchase_order_payload(client, 2), headers=as_role("admin")).status_code == 405
    assert client.delete(item, headers=as_role("admin")).status_code == 405


def test_moving_an_unknown_purchase_order_is_404(client):
    assert client.post(f"{PATH}/{MISSING_ID}/pay", headers=as_role("staff")).status_code == 404


def test_an_account_may_not_move_another_accounts_purchase_order(client):
    item = new(client)
    response = client.post(f"{PATH}/{item['id']}/cancel", headers=token(OWNER_ROLE, "2"))
    assert response.status_code == 404, response.text
    assert client.get(f"{PATH}/{item['id']}", headers=as_role(OWNER_ROLE)).json()["status"] == "pending"


def test_pay_moves_it_to_paid(client):
    item = walk(client, new(client), [("pay", "staff")])
    assert item["status"] == "paid"
    assert item["paid_by"] == "9", "the account that took it is kept"


def test_pay_by_staff_from_paid_is_a_409_naming_the_state(client):
    item = walk(client, new(client), [("pay", "staff")])
    response = client.post(f"{PATH}/{item['id']}/pay", headers=as_role("staff"))
    assert response.status_code == 409, response.text
    assert "paid" in response.json()["detail"] and "Allowed now" in response.json()["detail"]
    assert client.get(f"{PATH}/{item['id']}", headers=as_role("staff")).json()["status"] == "paid"


def test_pay_by_customer_is_403(client):
    item = new(client)
    response = client.post(f"{PATH}/{item['id']}/pay", headers=as_role("customer"))
    assert response.status_code == 403, response.text


def test_ship_moves_it_to_shipped(client):
    item = walk(client, new(client), [("pay", "staff"), ("ship", "staff")])
    assert item["status"] == "shipped"


def test_ship_by_staff_from_pending_is_a_409_naming_the_state(client):
    item = walk(client, new(client), [])
    response = client.post(f"{PATH}/{item['id']}/ship", headers=as_role("staff"))
    assert response.status_code == 409, response.text
    assert "pending" in response.json()["detail"] and "Allowed now" in response.json()["detail"]
    assert client.get(f"{PATH}/{item['id']}", headers=as_role("staff")).json()["status"] == "pending"


def test_ship_by_customer_is_403(client):
    item = new(client)
    response = client.post(f"{PATH}/{item['id']}/ship", headers=as_role("customer"))
    assert response.status_code == 403, response.text


def test_deliver_moves_it_to_delivered(client):
    item = walk(client, new(client), [("pay", "staff"), ("ship", "staff"), ("deliver", "staff")])
    assert item["status"] == "delivered"


def test_deliver_by_staff_from_pending_is_a_409_naming_the_state(client):
    item = walk(client, new(client), [])
    response = client.post(f"{PATH}/{item['id']}/deliver", headers=as_role("staff"))
    assert response.status_code == 409, response.text
    assert "pending" in response.json()["detail"] and "Allowed now" in response.json()["detail"]
    assert client.get(f"{PATH}/{item['id']}", headers=as_role("staff")).json()["status"] == "pending"


def test_deliver_by_customer_is_403(client):
    item = new(client)
    response = client.post(f"{PATH}/{item['id']}/deliver", headers=as_role("customer"))
    assert response.status_code == 403, response.text


def test_cancel_moves_it_to_cancelled(client):
    item = walk(client, new(client), [("cancel", "customer")])
    assert item["status"] == "cancelled"


def test_cancel_by_customer_from_shipped_is_a_409_naming_the_state(client):
    item = walk(client, new(client), [("pay", "staff"), ("ship", "staff")])
    response = client.post(f"{PATH}/{item['id']}/cancel", headers=as_role("customer"))
    assert response.status_code == 409, response.text
    assert "shipped" in response.json()["detail"] and "Allowed now" in response.json()["detail"]
    assert client.get(f"{PATH}/{item['id']}", headers=as_role("customer")).json()["status"] == "shipped"


def test_cancel_by_customer_from_paid_is_a_409_naming_the_state(client):
    item = walk(client, new(client), [("pay", "staff")])
    response = client.post(f"{PATH}/{item['id']}/cancel", headers=as_role("customer"))
    assert response.status_code == 409, response.text
    assert "paid" in response.json()["detail"] and "Allowed now" in response.json()["detail"]
    assert client.get(f"{PATH}/{item['id']}", headers=as_role("customer")).json()["status"] == "paid"
