"""Products: every endpoint, and the status codes clients rely on."""

import itertools
import json
from decimal import Decimal

import pytest
from sqlalchemy import text

from app import paging
from tests.conftest import MISSING_ID, token

PATH = "/api/catalog/products"
WRITER = token("staff")
READER = token("customer")
# The trigram index q= searches (SQLite FTS5), kept by triggers.
SEARCH_TABLE = "products_search"
_numbers = itertools.count(1000)
WRITER_CATEGORY = token("staff")
WRITER_PRODUCT = token("staff")


def category_payload(client, number: int) -> dict:
    return {
        "name": (lambda n: ("Category name " + str(n))[-80:].strip())(number),
        "description": (lambda n: "Notes about category 1.")(number),
        "featured": (lambda n: True)(number),
    }


def new_category(client) -> dict:
    payload = category_payload(client, next(_numbers))
    headers = WRITER_CATEGORY
    response = client.post("/api/catalog/categories", json=payload, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def product_payload(client, number: int) -> dict:
    return {
        "sku": (lambda n: ("Product sku " + str(n))[-32:].strip())(number),
        "name": (lambda n: ("Product name " + str(n))[-120:].strip())(number),
        "description": (lambda n: "Notes about product 1.")(number),
        "price": (lambda n: f'{Decimal("0") + n + Decimal("0.5"):.2f}')(number),
        "stock": (lambda n: 0 + n)(number),
        "status": (lambda n: "active")(number),
        "category_id": new_category(client)["id"],
    }


def new_product(client) -> dict:
    payload = product_payload(client, next(_numbers))
    headers = WRITER_PRODUCT
    response = client.post("/api/catalog/products", json=payload, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def create(client, number: int = 1) -> dict:
    response = client.post(PATH, json=product_payload(client, number), headers=WRITER)
    assert response.status_code == 201, response.text
    return response.json()


def test_create_returns_201_with_the_stored_fields(client):
    payload = product_payload(client, 1)
    response = client.post(PATH, json=payload, headers=WRITER)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["id"] > 0
    assert body["sku"] == payload["sku"]
    assert body["name"] == payload["name"]
    assert body["description"] == payload["description"]
    assert body["price"] == payload["price"]
    assert body["stock"] == payload["stock"]
    assert body["status"] == payload["status"]


def test_get_returns_the_item(client):
    created = create(client)
    response = client.get(f"{PATH}/{created['id']}", headers={})
    assert response.status_code == 200
    assert response.json()["id"] == created["id"]


def test_get_unknown_id_returns_404(client):
    assert client.get(f"{PATH}/{MISSING_ID}", headers={}).status_code == 404


def test_numbers_beyond_the_database_return_422(client):
    assert client.get(f"{PATH}/{2**63}", headers={}).status_code == 422
    assert client.get(PATH, params={"page": 2**62}, headers={}).status_code == 422


def test_text_with_a_nul_character_returns_422(client):
    assert client.get(PATH, params={"q": "a\x00b"}, headers={}).status_code == 422


def test_list_is_paged(client):
    for number in range(1, 4):
        create(client, number)
    first = client.get(PATH, params={"page": 1, "page_size": 2}, headers={}).json()
    second = client.get(PATH, params={"page": 2, "page_size": 2}, headers={}).json()
    assert first["total"] == 3 and second["total"] == 3
    assert first["total_exact"] and second["total_exact"]
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert {item["id"] for item in first["items"]}.isdisjoint(item["id"] for item in second["items"])


def test_a_long_list_is_counted_only_so_far_past_the_page(client, monkeypatch):
    # One record past a page's end is counted; more makes the total a lower bound, said as such.
    monkeypatch.setattr(paging, "COUNT_AHEAD", 1)
    for number in range(1, 5):
        create(client, number)
    first = client.get(PATH, params={"page": 1, "page_size": 2}, headers={}).json()
    assert (first["total"], first["total_exact"]) == (3, False)
    assert len(first["items"]) == 2
    second = client.get(PATH, params={"page": 2, "page_size": 2}, headers={}).json()
    assert (second["total"], second["total_exact"]) == (4, True)


def test_list_filters_by_sku(client):
    created = create(client, 1)
    create(client, 2)
    value = created["sku"]
    body = client.get(PATH, params={"sku": value}, headers={}).json()
    assert body["total"] >= 1
    assert all(item["sku"] == value for item in body["items"])


def test_list_searches_text(client):
    created = create(client, 7)
    body = client.get(PATH, params={"q": created["sku"]}, headers={}).json()
    assert created["id"] in [item["id"] for item in body["items"]]


@pytest.mark.parametrize("wildcard", ["%", "_"])
def test_search_matches_wildcards_only_as_text(client, wildcard):
    create(client, 7)
    body = client.get(PATH, params={"q": wildcard}, headers={}).json()
    for item in body["items"]:
        assert any(wildcard in str(item[name] or "") for name in ("sku", "name", "description", )), item


def test_search_finds_text_anywhere_in_any_case(client):
    created = create(client, 8)
    value = str(created["sku"])
    # Three characters or more are looked up in the trigram index: from inside the value, case swapped.
    for part in {value[1:5].swapcase(), value[-3:].upper(), value.lower()}:
        if len(part.strip()) < 3:
            continue
        body = client.get(PATH, params={"q": part}, headers={}).json()
        assert created["id"] in [item["id"] for item in body["items"]], part
        for item in body["items"]:
            assert any(part.lower() in str(item[name] or "").lower() for name in ("sku", "name", "description", )), item


def test_the_search_index_holds_what_is_created(client):
    created = create(client, 8)
    phrase = '"' + str(created["sku"])[:4].replace('"', '""') + '"'
    with client.app.state.session_factory() as session:
        found = session.execute(text(f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :phrase"), {"phrase": phrase}).scalars().all()
    assert created["id"] in found


@pytest.mark.parametrize("typed", ['"', 'ab" OR "cd', "NEAR(abc def)", "abc*", "^abc", "a'b'c", "-abc", "abc:def"])
def test_search_takes_index_syntax_as_text(client, typed):
    create(client, 9)
    answer = client.get(PATH, params={"q": typed}, headers={})
    assert answer.status_code == 200, answer.text
    for item in answer.json()["items"]:
        assert any(typed.lower() in str(item[name] or "").lower() for name in ("sku", "name", "description", )), item


def test_replace_updates_the_item(client):
    created = create(client, 1)
    payload = product_payload(client, 2)
    response = client.put(f"{PATH}/{created['id']}", json=payload, headers=WRITER)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == created["id"]


def test_replace_unknown_id_returns_404(client):
    assert client.put(f"{PATH}/{MISSING_ID}", json=product_payload(client, 1), headers=WRITER).status_code == 404


def test_delete_returns_204_then_the_item_is_gone(client):
    created = create(client)
    assert client.delete(f"{PATH}/{created['id']}", headers=WRITER).status_code == 204
    assert client.get(f"{PATH}/{created['id']}", headers={}).status_code == 404
    assert client.delete(f"{PATH}/{created['id']}", headers=WRITER).status_code == 404


def test_unknown_fields_are_rejected_with_422(client):
    payload = product_payload(client, 1) | {"not_a_field": 1}
    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422


def test_writing_without_a_token_returns_401(client):
    assert client.post(PATH, json=product_payload(client, 1)).status_code == 401


def test_missing_required_field_returns_422(client):
    payload = product_payload(client, 1)
    del payload["sku"]
    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422


def test_a_price_that_is_not_a_finite_number_returns_422(client):
    for value in (float("nan"), float("inf"), 1e20):
        payload = product_payload(client, 1) | {"price": value}
        response = client.post(PATH, content=json.dumps(payload), headers=WRITER | {"Content-Type": "application/json"})
        assert response.status_code == 422, response.text


def test_an_amount_is_exact_text_with_its_decimal_places(client):
    payload = product_payload(client, 1)
    amount = payload["price"]
    as_number = client.post(PATH, json=payload | {"price": float(amount)}, headers=WRITER)
    assert as_number.status_code == 201, as_number.text
    assert as_number.json()["price"] == amount
    for finer in (str(Decimal(amount) + Decimal("1E-3")), str(Decimal(amount) + Decimal("1E-7")), float(amount) + 5e-3):
        refused = client.post(PATH, json=product_payload(client, 2) | {"price": finer}, headers=WRITER)
        assert refused.status_code == 422, f"{finer!r}: {refused.text}"


def test_duplicate_sku_returns_409(client):
    payload = product_payload(client, 1)
    assert client.post(PATH, json=payload, headers=WRITER).status_code == 201
    second = product_payload(client, 2) | {"sku": payload["sku"]}
    assert client.post(PATH, json=second, headers=WRITER).status_code == 409


def test_a_role_without_write_access_gets_403(client):
    response = client.post(PATH, json=product_payload(client, 1), headers=token("customer"))
    assert response.status_code == 403


def test_anyone_may_read(client):
    create(client)
    assert client.get(PATH).status_code == 200


def test_unknown_category_id_returns_422(client):
    payload = product_payload(client, 1) | {"category_id": MISSING_ID}
    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422


def test_price_below_its_minimum_returns_422(client):
    payload = product_payload(client, 1) | {"price": -1}
    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422
