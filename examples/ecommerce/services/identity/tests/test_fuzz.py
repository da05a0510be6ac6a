"""Every endpoint of the identity service, fed input of any shape: none may answer 5xx.

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


PREFIX = "/api/auth"
ACCOUNT_FIELDS = ["email", "password", "display_name"]


@FUZZ
@given(body=bodies(ACCOUNT_FIELDS))
def test_register_and_sign_in_never_answer_5xx(client, body):
    assert_no_5xx(client.post(f"{PREFIX}/register", json=body))
    assert_no_5xx(client.post(f"{PREFIX}/login", json=body))


@FUZZ
@given(item=IDS, body=bodies(["role"]))
def test_role_changes_never_answer_5xx(client, item, body):
    assert_no_5xx(client.put(f"{at(PREFIX + '/accounts', item)}/role", json=body, headers=ADMIN))
