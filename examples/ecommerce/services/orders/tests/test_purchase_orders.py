"""Purchase orders: every endpoint, and the status codes clients rely on."""

import itertools

import pytest

from app import paging
from tests.conftest import FAILING_ID, MISSING_ID, OWN_ID, REFUSED_ID, UNREACHABLE_ID, token

PATH = "/api/orders/purchase_orders"
WRITER = token("customer")
READER = token("customer")
_numbers = itertools.count(1000)
WRITER_PURCHASE_ORDER = token("customer")


def purchase_order_payload(client, number: int) -> dict:
    return {
        "notes": (lambda n: "Notes about purchase_order 1.")(number),
        "customer_id": number,
        "shipping_address_id": number,
        "lines": [{"product_id": number, "quantity": 1 + number % 3}],
    }


def new_purchase_order(client) -> dict:
    payload = purchase_order_payload(client, next(_numbers))
    headers = WRITER_PURCHASE_ORDER
    response = client.post("/api/orders/purchase_orders", json=payload, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def create(client, number: int = 1) -> dict:
    response = client.post(PATH, json=purchase_order_payload(client, number), headers=WRITER)
    assert response.status_code == 201, response.text
    return response.json()


def test_create_returns_201_with_the_stored_fields(client):
    payload = purchase_order_payload(client, 1)
    response = client.post(PATH, json=payload, headers=WRITER)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["id"] > 0
    assert body["notes"] == payload["notes"]
    assert body["customer_id"] == payload["customer_id"]
    assert body["shipping_address_id"] == payload["shipping_address_id"]


def test_get_returns_the_item(client):
    created = create(client)
    response = client.get(f"{PATH}/{created['id']}", headers=READER)
    assert response.status_code == 200
    assert response.json()["id"] == created["id"]


def test_get_unknown_id_returns_404(client):
    assert client.get(f"{PATH}/{MISSING_ID}", headers=READER).status_code == 404


def test_numbers_beyond_the_database_return_422(client):
    assert client.get(f"{PATH}/{2**63}", headers=READER).status_code == 422
    assert client.get(PATH, params={"page": 2**62}, headers=READER).status_code == 422


def test_text_with_a_nul_character_returns_422(client):
    assert client.get(PATH, params={"q": "a\x00b"}, headers=READER).status_code == 422


def test_list_is_paged(client):
    for number in range(1, 4):
        create(client, number)
    first = client.get(PATH, params={"page": 1, "page_size": 2}, headers=READER).json()
    second = client.get(PATH, params={"page": 2, "page_size": 2}, headers=READER).json()
    assert first["total"] == 3 and second["total"] == 3
    assert first["total_exact"] and second["total_exact"]
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert {item["id"] for item in first["items"]}.isdisjoint(item["id"] for item in second["items"])


def test_a_long_list_is_counted_only_so_far_past_the_page(client, monkeypatch):
    # One record past a page's end is counted; more makes the total a lower bound, said as such.
    monkeypatch.setattr(paging, "COUNT_AHEAD", 1)
    for number in range(1, 5):
        create(client, number)
    first = client.get(PATH, params={"page": 1, "page_size": 2}, headers=READER).json()
    assert (first["total"], first["total_exact"]) == (3, False)
    assert len(first["items"]) == 2
    second = client.get(PATH, params={"page": 2, "page_size": 2}, headers=READER).json()
    assert (second["total"], second["total_exact"]) == (4, True)


def test_list_filters_by_status(client):
    created = create(client, 1)
    create(client, 2)
    value = created["status"]
    body = client.get(PATH, params={"status": value}, headers=READER).json()
    assert body["total"] >= 1
    assert all(item["status"] == value for item in body["items"])


def test_unknown_fields_are_rejected_with_422(client):
    payload = purchase_order_payload(client, 1) | {"not_a_field": 1}
    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422


def test_writing_without_a_token_returns_401(client):
    assert client.post(PATH, json=purchase_order_payload(client, 1)).status_code == 401


def test_an_account_sees_and_changes_only_its_own_records(client):
    payload = purchase_order_payload(client, 1)
    mine, theirs, staff = token("customer", "1"), token("customer", "2"), token("admin")
    created = client.post(PATH, json=payload, headers=mine)
    assert created.status_code == 201, created.text
    item = f"{PATH}/{created.json()['id']}"
    assert client.get(item, headers=theirs).status_code == 404
    assert created.json()["id"] not in [row["id"] for row in client.get(PATH, headers=theirs).json()["items"]]
    assert client.get(item, headers=mine).status_code == 200
    assert client.get(item, headers=staff).status_code == 200


def test_an_account_of_the_owning_role_may_leave_out_customer_id_meaning_its_own(client):
    payload = purchase_order_payload(client, 1)
    del payload["customer_id"]
    created = client.post(PATH, json=payload, headers=token("customer", "1"))
    assert created.status_code == 201, created.text
    assert created.json()["customer_id"] == OWN_ID
    for_someone = client.post(PATH, json=payload, headers=token("admin"))
    assert for_someone.status_code == 422 and "customer_id" in for_someone.text, for_someone.text


def test_reading_without_a_token_returns_401(client):
    assert client.get(PATH).status_code == 401


def test_customer_id_is_checked_with_the_customers_service(client):
    payload = purchase_order_payload(client, 1) | {"customer_id": MISSING_ID}
    response = client.post(PATH, json=payload, headers=WRITER)
    assert response.status_code == 422
    assert "customers" in response.json()["detail"]


@pytest.mark.parametrize("reference", [0, -5])
def test_customer_id_that_is_not_an_id_returns_422_without_asking(client, reference):
    payload = purchase_order_payload(client, 1) | {"customer_id": reference}
    response = client.post(PATH, json=payload, headers=WRITER)
    assert response.status_code == 422
    assert "customer_id" in response.text


def test_customer_id_refused_by_the_customers_service_is_a_422_not_a_5xx(client):
    payload = purchase_order_payload(client, 1) | {"customer_id": REFUSED_ID}
    response = client.post(PATH, json=payload, headers=WRITER)
    assert response.status_code == 422, response.text
    assert "customer_id" in response.json()["detail"]


@pytest.mark.parametrize("reference", [FAILING_ID, UNREACHABLE_ID])
def test_customer_id_when_the_customers_service_is_down_is_a_503_naming_it(client, reference):
    payload = purchase_order_payload(client, 1) | {"customer_id": reference}
    response = client.post(PATH, json=payload, headers=WRITER)
    assert response.status_code == 503
    assert "customers" in response.json()["detail"]
    assert "http" not in response.text and "/api/" not in response.text, "no internal address in an answer"
