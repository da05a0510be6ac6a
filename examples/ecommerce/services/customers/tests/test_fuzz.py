"""Every endpoint of the customers service, fed input of any shape: none may answer 5xx.

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


CUSTOMERS = "/api/customers/customers"
CUSTOMERS_FIELDS = ["email", "full_name", "phone", "marketing_opt_in", "joined_on"]


@FUZZ
@given(body=bodies(CUSTOMERS_FIELDS))
def test_customers_create_never_answers_5xx(client, body):
    assert_no_5xx(client.post(CUSTOMERS, json=body, headers=ADMIN))


@FUZZ
@given(field=st.sampled_from(CUSTOMERS_FIELDS), value=VALUES)
def test_customers_create_with_one_field_changed_never_answers_5xx(client, field, value):
    from tests.test_customers import customer_payload

    body = customer_payload(client, next(_numbers)) | {field: value}
    assert_no_5xx(client.post(CUSTOMERS, json=body, headers=ADMIN))


@FUZZ
@given(item=IDS, body=bodies(CUSTOMERS_FIELDS))
def test_customers_replace_never_answers_5xx(client, item, body):
    assert_no_5xx(client.put(at(CUSTOMERS, item), json=body, headers=ADMIN))


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["page", "page_size", "q", "email", "full_name", "phone", "marketing_opt_in"]), st.text(max_size=30) | st.integers().map(str), max_size=4))
def test_customers_list_never_answers_5xx(client, params):
    assert_no_5xx(client.get(CUSTOMERS, params=params, headers=ADMIN))


@FUZZ
@given(item=IDS)
def test_customers_read_and_delete_never_answer_5xx(client, item):
    assert_no_5xx(client.get(at(CUSTOMERS, item), headers=ADMIN))
    assert_no_5xx(client.delete(at(CUSTOMERS, item), headers=ADMIN))


ADDRESSES = "/api/customers/addresses"
ADDRESSES_FIELDS = ["label", "line1", "city", "postal_code", "country_code", "customer_id"]


@FUZZ
@given(body=bodies(ADDRESSES_FIELDS))
def test_addresses_create_never_answers_5xx(client, body):
    assert_no_5xx(client.post(ADDRESSES, json=body, headers=ADMIN))


@FUZZ
@given(field=st.sampled_from(ADDRESSES_FIELDS), value=VALUES)
def test_addresses_create_with_one_field_changed_never_answers_5xx(client, field, value):
    from tests.test_addresses import address_payload

    body = address_payload(client, next(_numbers)) | {field: value}
    assert_no_5xx(client.post(ADDRESSES, json=body, headers=ADMIN))


@FUZZ
@given(item=IDS, body=bodies(ADDRESSES_FIELDS))
def test_addresses_replace_never_answers_5xx(client, item, body):
    assert_no_5xx(client.put(at(ADDRESSES, item), json=body, headers=ADMIN))


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["page", "page_size", "q", "label", "line1", "city", "postal_code", "country_code", "customer_id"]), st.text(max_size=30) | st.integers().map(str), max_size=4))
def test_addresses_list_never_answers_5xx(client, params):
    assert_no_5xx(client.get(ADDRESSES, params=params, headers=ADMIN))


@FUZZ
@given(item=IDS)
def test_addresses_read_and_delete_never_answer_5xx(client, item):
    assert_no_5xx(client.get(at(ADDRESSES, item), headers=ADMIN))
    assert_no_5xx(client.delete(at(ADDRESSES, item), headers=ADMIN))
