"""Every endpoint of the catalog service, fed input of any shape: none may answer 5xx.

Hypothesis draws the bodies, query strings and ids; `derandomize` makes each run try the same ones.
"""

import itertools
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings, strategies as st

from tests.conftest import token

ADMIN = token("admin")
# JSON of every shape a careless or hostile client might send.
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=3),
    max_leaves=6,
)
# What may stand where an id goes in a path: numbers of any size, and any text.
IDS = st.integers() | st.text(max_size=20)
FUZZ = settings(
    derandomize=True,
    deadline=None,
    max_examples=25,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_numbers = itertools.count(100_000)


def bodies(fields: list[str]):
    """Objects with the endpoint's own field names and any values, and anything else JSON can be."""
    return st.fixed_dictionaries({}, optional={name: VALUES for name in fields}) | VALUES


def at(path: str, item) -> str:
    return f"{path}/{quote(str(item), safe='')}"


def assert_no_5xx(response) -> None:
    assert response.status_code < 500, f"{response.request.method} {response.request.url}: {response.status_code} {response.text[:300]}"


CATEGORIES = "/api/catalog/categories"
CATEGORIES_FIELDS = ["name", "description", "featured"]


@FUZZ
@given(body=bodies(CATEGORIES_FIELDS))
def test_categories_create_never_answers_5xx(client, body):
    assert_no_5xx(client.post(CATEGORIES, json=body, headers=ADMIN))


@FUZZ
@given(field=st.sampled_from(CATEGORIES_FIELDS), value=VALUES)
def test_categories_create_with_one_field_changed_never_answers_5xx(client, field, value):
    from tests.test_categories import category_payload

    body = category_payload(client, next(_numbers)) | {field: value}
    assert_no_5xx(client.post(CATEGORIES, json=body, headers=ADMIN))


@FUZZ
@given(item=IDS, body=bodies(CATEGORIES_FIELDS))
def test_categories_replace_never_answers_5xx(client, item, body):
    assert_no_5xx(client.put(at(CATEGORIES, item), json=body, headers=ADMIN))


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["page", "page_size", "q", "name", "featured"]), st.text(max_size=30) | st.integers().map(str), max_size=4))
def test_categories_list_never_answers_5xx(client, params):
    assert_no_5xx(client.get(CATEGORIES, params=params, headers=ADMIN))


@FUZZ
@given(item=IDS)
def test_categories_read_and_delete_never_answer_5xx(client, item):
    assert_no_5xx(client.get(at(CATEGORIES, item), headers=ADMIN))
    assert_no_5xx(client.delete(at(CATEGORIES, item), headers=ADMIN))


PRODUCTS = "/api/catalog/products"
PRODUCTS_FIELDS = ["sku", "name", "description", "price", "stock", "status", "category_id"]


@FUZZ
@given(body=bodies(PRODUCTS_FIELDS))
def test_products_create_never_answers_5xx(client, body):
    assert_no_5xx(client.post(PRODUCTS, json=body, headers=ADMIN))


@FUZZ
@given(field=st.sampled_from(PRODUCTS_FIELDS), value=VALUES)
def test_products_create_with_one_field_changed_never_answers_5xx(client, field, value):
    from tests.test_products import product_payload

    body = product_payload(client, next(_numbers)) | {field: value}
    assert_no_5xx(client.post(PRODUCTS, json=body, headers=ADMIN))


@FUZZ
@given(item=IDS, body=bodies(PRODUCTS_FIELDS))
def test_products_replace_never_answers_5xx(client, item, body):
    assert_no_5xx(client.put(at(PRODUCTS, item), json=body, headers=ADMIN))


@FUZZ
@given(
    body=bodies(["key", "lines"])
    | st.fixed_dictionaries({"key": st.text(max_size=70), "lines": st.lists(bodies(["product_id", "quantity"]), max_size=4)})
    | st.fixed_dictionaries({"key": st.from_regex(r"[a-z0-9-]{8,20}", fullmatch=True), "lines": st.lists(st.fixed_dictionaries({"product_id": st.integers(), "quantity": st.integers()}), max_size=4)}),
    key=IDS,
)
def test_products_reservations_never_answer_5xx(client, body, key):
    assert_no_5xx(client.post(PRODUCTS + "/reservations", json=body, headers=ADMIN))
    assert_no_5xx(client.get(at(PRODUCTS + "/reservations", key), headers=ADMIN))
    assert_no_5xx(client.delete(at(PRODUCTS + "/reservations", key), headers=ADMIN))


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["page", "page_size", "q", "sku", "name", "stock", "status", "category_id"]), st.text(max_size=30) | st.integers().map(str), max_size=4))
def test_products_list_never_answers_5xx(client, params):
    assert_no_5xx(client.get(PRODUCTS, params=params, headers=ADMIN))


@FUZZ
@given(item=IDS)
def test_products_read_and_delete_never_answer_5xx(client, item):
    assert_no_5xx(client.get(at(PRODUCTS, item), headers=ADMIN))
    assert_no_5xx(client.delete(at(PRODUCTS, item), headers=ADMIN))
