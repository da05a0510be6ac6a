"""Addresses: every endpoint, and the status codes clients rely on."""

import itertools

import pytest
from sqlalchemy import text

from app import paging
from tests.conftest import MISSING_ID, token

PATH = "/api/customers/addresses"
WRITER = token("customer")
READER = token("customer")
# The trigram index q= searches (SQLite FTS5), kept by triggers.
SEARCH_TABLE = "addresses_search"
_numbers = itertools.count(1000)
WRITER_CUSTOMER = token("customer")
WRITER_ADDRESS = token("customer")


def customer_payload(client, number: int) -> dict:
    return {
        "email": (lambda n: f"customer{n}@example.com")(number),
        "full_name": (lambda n: ("Customer full name " + str(n))[-120:].strip())(number),
        "phone": (lambda n: ("Customer phone " + str(n))[-32:].strip())(number),
        "marketing_opt_in": (lambda n: True)(number),
        "joined_on": (lambda n: "2026-01-02")(number),
    }


def new_customer(client) -> dict:
    payload = customer_payload(client, next(_numbers))
    headers = token("customer", "1", email=payload["email"])
    response = client.post("/api/customers/customers", json=payload, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def address_payload(client, number: int) -> dict:
    return {
        "label": (lambda n: ("Address label " + str(n))[-40:].strip())(number),
        "line1": (lambda n: ("Address line1 " + str(n))[-120:].strip())(number),
        "city": (lambda n: ("Address city " + str(n))[-80:].strip())(number),
        "postal_code": (lambda n: ("Address postal code " + str(n))[-16:].strip())(number),
        "country_code": (lambda n: ("Address country code " + str(n))[-2:].strip())(number),
        "customer_id": new_customer(client)["id"],
    }


def new_address(client) -> dict:
    payload = address_payload(client, next(_numbers))
    headers = WRITER_ADDRESS
    response = client.post("/api/customers/addresses", json=payload, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def create(client, number: int = 1) -> dict:
    response = client.post(PATH, json=address_payload(client, number), headers=WRITER)
    assert response.status_code == 201, response.text
    return response.json()


def test_create_returns_201_with_the_stored_fields(client):
    payload = address_payload(client, 1)
    response = client.post(PATH, json=payload, headers=WRITER)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["id"] > 0
    assert body["label"] == payload["label"]
    assert body["line1"] == payload["line1"]
    assert body["city"] == payload["city"]
    assert body["postal_code"] == payload["postal_code"]
    assert body["country_code"] == payload["country_code"]


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


def test_list_filters_by_label(client):
    created = create(client, 1)
    create(client, 2)
    value = created["label"]
    body = client.get(PATH, params={"label": value}, headers=READER).json()
    assert body["total"] >= 1
    assert all(item["label"] == value for item in body["items"])


def test_list_searches_text(client):
    created = create(client, 7)
    body = client.get(PATH, params={"q": created["label"]}, headers=READER).json()
    assert created["id"] in [item["id"] for item in body["items"]]


@pytest.mark.parametrize("wildcard", ["%", "_"])
def test_search_matches_wildcards_only_as_text(client, wildcard):
    create(client, 7)
    body = client.get(PATH, params={"q": wildcard}, headers=READER).json()
    for item in body["items"]:
        assert any(wildcard in str(item[name] or "") for name in ("label", "line1", "city", "postal_code", "country_code", )), item


def test_search_finds_text_anywhere_in_any_case(client):
    created = create(client, 8)
    value = str(created["label"])
    # Three characters or more are looked up in the trigram index: from inside the value, case swapped.
    for part in {value[1:5].swapcase(), value[-3:].upper(), value.lower()}:
        if len(part.strip()) < 3:
            continue
        body = client.get(PATH, params={"q": part}, headers=READER).json()
        assert created["id"] in [item["id"] for item in body["items"]], part
        for item in body["items"]:
            assert any(part.lower() in str(item[name] or "").lower() for name in ("label", "line1", "city", "postal_code", "country_code", )), item


def test_the_search_index_holds_what_is_created(client):
    created = create(client, 8)
    phrase = '"' + str(created["label"])[:4].replace('"', '""') + '"'
    with client.app.state.session_factory() as session:
        found = session.execute(text(f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :phrase"), {"phrase": phrase}).scalars().all()
    assert created["id"] in found


@pytest.mark.parametrize("typed", ['"', 'ab" OR "cd', "NEAR(abc def)", "abc*", "^abc", "a'b'c", "-abc", "abc:def"])
def test_search_takes_index_syntax_as_text(client, typed):
    create(client, 9)
    answer = client.get(PATH, params={"q": typed}, headers=READER)
    assert answer.status_code == 200, answer.text
    for item in answer.json()["items"]:
        assert any(typed.lower() in str(item[name] or "").lower() for name in ("label", "line1", "city", "postal_code", "country_code", )), item


def test_replace_updates_the_item(client):
    created = create(client, 1)
    payload = address_payload(client, 2)
    response = client.put(f"{PATH}/{created['id']}", json=payload, headers=WRITER)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == created["id"]


def test_replace_unknown_id_returns_404(client):
    assert client.put(f"{PATH}/{MISSING_ID}", json=address_payload(client, 1), headers=WRITER).status_code == 404


def test_delete_returns_204_then_the_item_is_gone(client):
    created = create(client)
    assert client.delete(f"{PATH}/{created['id']}", headers=WRITER).status_code == 204
    assert client.get(f"{PATH}/{created['id']}", headers=READER).status_code == 404
    assert client.delete(f"{PATH}/{created['id']}", headers=WRITER).status_code == 404


def test_unknown_fields_are_rejected_with_422(client):
    payload = address_payload(client, 1) | {"not_a_field": 1}
    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422


def test_writing_without_a_token_returns_401(client):
    assert client.post(PATH, json=address_payload(client, 1)).status_code == 401


def test_missing_required_field_returns_422(client):
    payload = address_payload(client, 1)
    del payload["line1"]
    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422


def test_an_account_sees_and_changes_only_its_own_records(client):
    payload = address_payload(client, 1)
    mine, theirs, staff = token("customer", "1"), token("customer", "2"), token("admin")
    created = client.post(PATH, json=payload, headers=mine)
    assert created.status_code == 201, created.text
    item = f"{PATH}/{created.json()['id']}"
    assert client.get(item, headers=theirs).status_code == 404
    assert created.json()["id"] not in [row["id"] for row in client.get(PATH, headers=theirs).json()["items"]]
    assert client.put(item, json=payload, headers=theirs).status_code == 404
    assert client.delete(item, headers=theirs).status_code == 404
    assert client.get(item, headers=mine).status_code == 200
    assert client.get(item, headers=staff).status_code == 200


def test_an_account_of_the_owning_role_may_leave_out_customer_id_meaning_its_own(client):
    payload = address_payload(client, 1)
    own = payload["customer_id"]  # made by account 1
    del payload["customer_id"]
    created = client.post(PATH, json=payload, headers=token("customer", "1"))
    assert created.status_code == 201, created.text
    assert created.json()["customer_id"] == own
    for_someone = client.post(PATH, json=payload, headers=token("admin"))
    assert for_someone.status_code == 422 and "customer_id" in for_someone.text, for_someone.text


def test_a_record_another_account_owns_cannot_be_referenced(client):
    payload = address_payload(client, 1)  # what it refers to was made by account 1
    refused = client.post(PATH, json=payload, headers=token("customer", "2"))
    assert refused.status_code == 422, refused.text
    assert "customer_id" in refused.json()["detail"]
    assert client.post(PATH, json=payload, headers=token("admin")).status_code == 201


def test_reading_without_a_token_returns_401(client):
    assert client.get(PATH).status_code == 401


def test_unknown_customer_id_returns_422(client):
    payload = address_payload(client, 1) | {"customer_id": MISSING_ID}
    assert client.post(PATH, json=payload, headers=WRITER).status_code == 422
