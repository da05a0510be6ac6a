"""Accounts: registration, sign-in, tokens and the bootstrap administrator."""

import threading
from concurrent.futures import ThreadPoolExecutor

import jwt

from app.routes import accounts
from app.throttle import SignInThrottle
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, SECRET

PREFIX = "/api/auth"
ACCOUNT = {"email": "ada@example.com", "password": "correct horse battery", "display_name": "Ada"}


def test_register_returns_201_without_the_password(client):
    response = client.post(f"{PREFIX}/register", json=ACCOUNT)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["email"] == "ada@example.com"
    assert body["role"] == "customer"
    assert "password" not in body and "password_hash" not in body


def test_registering_the_same_email_twice_returns_409(client):
    assert client.post(f"{PREFIX}/register", json=ACCOUNT).status_code == 201
    assert client.post(f"{PREFIX}/register", json=ACCOUNT | {"email": "ADA@example.com"}).status_code == 409


def test_a_short_password_returns_422(client):
    assert client.post(f"{PREFIX}/register", json=ACCOUNT | {"password": "short"}).status_code == 422


def test_a_name_of_spaces_returns_422_and_an_email_is_kept_trimmed_and_lowercased(client):
    assert client.post(f"{PREFIX}/register", json=ACCOUNT | {"display_name": "   "}).status_code == 422
    created = client.post(f"{PREFIX}/register", json=ACCOUNT | {"email": "  Ada@Example.COM "})
    assert created.status_code == 201, created.text
    assert created.json()["email"] == "ada@example.com"


def test_login_issues_a_token_carrying_the_role(client):
    client.post(f"{PREFIX}/register", json=ACCOUNT)
    response = client.post(f"{PREFIX}/login", json={"email": ACCOUNT["email"], "password": ACCOUNT["password"]})
    assert response.status_code == 200
    claims = jwt.decode(response.json()["access_token"], SECRET, algorithms=["HS256"])
    assert claims["role"] == "customer"


def test_a_wrong_password_returns_401(client):
    client.post(f"{PREFIX}/register", json=ACCOUNT)
    assert client.post(f"{PREFIX}/login", json={"email": ACCOUNT["email"], "password": "wrong password"}).status_code == 401


def _sign_in(client, password, email=ACCOUNT["email"]):
    return client.post(f"{PREFIX}/login", json={"email": email, "password": password})


def test_repeated_wrong_passwords_make_the_account_wait(client):
    client.post(f"{PREFIX}/register", json=ACCOUNT)
    for _ in range(5):
        assert _sign_in(client, "wrong password").status_code == 401
    refused = _sign_in(client, ACCOUNT["password"])
    assert refused.status_code == 429, refused.text
    assert 0 < int(refused.headers["Retry-After"]) <= 15 * 60
    assert _sign_in(client, ACCOUNT["password"], email="ADA@example.com").status_code == 429
    assert _sign_in(client, ADMIN_PASSWORD, email=ADMIN_EMAIL).status_code == 200


def test_a_successful_sign_in_clears_the_failures(client):
    client.post(f"{PREFIX}/register", json=ACCOUNT)
    for _ in range(4):
        _sign_in(client, "wrong password")
    assert _sign_in(client, ACCOUNT["password"]).status_code == 200
    for _ in range(4):
        assert _sign_in(client, "wrong password").status_code == 401
    assert _sign_in(client, ACCOUNT["password"]).status_code == 200


def test_the_wait_ends_when_the_failures_are_old_enough():
    now = [1000.0]
    throttle = SignInThrottle(max_failures=2, window_seconds=60, clock=lambda: now[0])
    assert throttle.attempt("a@example.com") == 0
    now[0] += 30
    assert throttle.attempt("a@example.com") == 0
    assert throttle.attempt("a@example.com") == 30
    assert throttle.attempt("b@example.com") == 0
    now[0] += 30.5
    assert throttle.attempt("a@example.com") == 0


def test_parallel_guesses_cannot_pass_the_check_together():
    throttle = SignInThrottle(max_failures=5)
    start = threading.Barrier(40)

    def guess(_):
        start.wait()
        return throttle.attempt("a@example.com")

    with ThreadPoolExecutor(max_workers=40) as pool:
        waits = list(pool.map(guess, range(40)))
    assert waits.count(0) == 5


def test_failures_on_other_emails_do_not_unlock_an_account():
    throttle = SignInThrottle(max_failures=2, tracked=3)
    throttle.attempt("victim@example.com")
    throttle.attempt("victim@example.com")
    for number in range(20):
        throttle.attempt(f"junk{number}@example.com")
    assert throttle.attempt("victim@example.com") > 0
    for number in range(2):
        throttle.attempt(f"junk{number}@example.com")
        throttle.attempt(f"junk{number}@example.com")
    assert throttle.attempt("fresh@example.com") > 0, "with every entry locked out, a new email waits"


def test_an_unknown_email_costs_a_password_check_like_a_known_one(client, monkeypatch):
    checks = []
    real = accounts.verify_password
    monkeypatch.setattr(accounts, "verify_password", lambda password, stored: checks.append(stored) or real(password, stored))
    assert _sign_in(client, "whatever password", email="nobody@example.com").status_code == 401
    assert checks == [accounts.UNKNOWN_ACCOUNT_HASH]


def test_me_needs_a_token_and_returns_the_account(client):
    client.post(f"{PREFIX}/register", json=ACCOUNT)
    assert client.get(f"{PREFIX}/me").status_code == 401
    token = client.post(f"{PREFIX}/login", json={"email": ACCOUNT["email"], "password": ACCOUNT["password"]}).json()["access_token"]
    response = client.get(f"{PREFIX}/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["display_name"] == "Ada"


def test_the_administrator_is_created_from_the_environment(client):
    response = client.post(f"{PREFIX}/login", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    assert response.status_code == 200
    assert response.json()["role"] == "admin"


def _signed_in(client, email, password):
    token = client.post(f"{PREFIX}/login", json={"email": email, "password": password}).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def test_the_administrator_lists_accounts_and_sets_roles(client):
    account = client.post(f"{PREFIX}/register", json=ACCOUNT).json()
    admin = _signed_in(client, ADMIN_EMAIL, ADMIN_PASSWORD)
    assert [row["email"] for row in client.get(f"{PREFIX}/accounts", headers=admin).json()] == [ADMIN_EMAIL, ACCOUNT["email"]]
    changed = client.put(f"{PREFIX}/accounts/{account['id']}/role", json={"role": "admin"}, headers=admin)
    assert changed.status_code == 200, changed.text
    assert client.post(f"{PREFIX}/login", json={"email": ACCOUNT["email"], "password": ACCOUNT["password"]}).json()["role"] == "admin"


def test_only_the_administrator_manages_accounts(client):
    account = client.post(f"{PREFIX}/register", json=ACCOUNT).json()
    user = _signed_in(client, ACCOUNT["email"], ACCOUNT["password"])
    admin = _signed_in(client, ADMIN_EMAIL, ADMIN_PASSWORD)
    assert client.get(f"{PREFIX}/accounts").status_code == 401
    assert client.get(f"{PREFIX}/accounts", headers=user).status_code == 403
    assert client.put(f"{PREFIX}/accounts/{account['id']}/role", json={"role": "admin"}, headers=user).status_code == 403
    assert client.put(f"{PREFIX}/accounts/999999/role", json={"role": "admin"}, headers=admin).status_code == 404
    assert client.put(f"{PREFIX}/accounts/{account['id']}/role", json={"role": "no-such-role"}, headers=admin).status_code == 422
    me = client.get(f"{PREFIX}/me", headers=admin).json()
    assert client.put(f"{PREFIX}/accounts/{me['id']}/role", json={"role": "customer"}, headers=admin).status_code == 409
