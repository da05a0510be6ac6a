"""Every endpoint of the orders service, fed input of any shape: none may answer 5xx.

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


PURCHASE_ORDERS = "/api/orders/purchase_orders"
PURCHASE_ORDERS_FIELDS = ["notes", "customer_id", "shipping_address_id", "lines"]


@FUZZ
@given(body=bodies(PURCHASE_ORDERS_FIELDS))
def test_purchase_orders_create_never_answers_5xx(client, body):
    assert_no_5xx(client.post(PURCHASE_ORDERS, json=body, headers=ADMIN))


@FUZZ
@given(field=st.sampled_from(PURCHASE_ORDERS_FIELDS), value=VALUES)
def test_purchase_orders_create_with_one_field_changed_never_answers_5xx(client, field, value):
    from tests.test_purchase_orders import purchase_order_payload

    body = purchase_order_payload(client, next(_numbers)) | {field: value}
    assert_no_5xx(client.post(PURCHASE_ORDERS, json=body, headers=ADMIN))


@FUZZ
@given(lines=st.lists(st.fixed_dictionaries({"product_id": st.integers(), "quantity": st.integers()}), max_size=4))
def test_purchase_orders_placed_with_any_counts_never_answers_5xx(client, lines):
    from tests.test_purchase_orders import purchase_order_payload

    body = purchase_order_payload(client, next(_numbers)) | {"lines": lines}
    assert_no_5xx(client.post(PURCHASE_ORDERS, json=body, headers=ADMIN))


@FUZZ
@given(item=IDS, transition=st.sampled_from(["pay", "ship", "deliver", "cancel"]))
def test_purchase_orders_transitions_never_answer_5xx(client, item, transition):
    assert_no_5xx(client.post(f"{at(PURCHASE_ORDERS, item)}/{transition}", headers=ADMIN))


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["page", "page_size", "q", "status", "customer_id", "shipping_address_id"]), st.text(max_size=30) | st.integers().map(str), max_size=4))
def test_purchase_orders_list_never_answers_5xx(client, params):
    assert_no_5xx(client.get(PURCHASE_ORDERS, params=params, headers=ADMIN))


@FUZZ
@given(item=IDS)
def test_purchase_orders_read_never_answers_5xx(client, item):
    assert_no_5xx(client.get(at(PURCHASE_ORDERS, item), headers=ADMIN))


ORDER_LINES = "/api/orders/order_lines"
@FUZZ
@given(params=st.dictionaries(st.sampled_from(["page", "page_size", "q", "quantity", "product_name", "purchase_order_id", "product_id"]), st.text(max_size=30) | st.integers().map(str), max_size=4))
def test_order_lines_list_never_answers_5xx(client, params):
    assert_no_5xx(client.get(ORDER_LINES, params=params, headers=ADMIN))


@FUZZ
@given(item=IDS)
def test_order_lines_read_never_answers_5xx(client, item):
    assert_no_5xx(client.get(at(ORDER_LINES, item), headers=ADMIN))
