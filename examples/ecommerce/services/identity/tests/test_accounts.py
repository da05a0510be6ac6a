"""Accounts: registration, sign-in, tokens and the bootstrap administrator."""

import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import jwt
from sqlalchemy import select

from app.models import SignInFailure
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


def test_the_wait_ends_when_the_window_of_failures_does(client):
    now = [datetime(2026, 1, 1, 12, 0)]
    throttle = SignInThrottle(max_failures=2, window=timedelta(seconds=60), clock=lambda: now[0])
    with client.app.state.session_factory() as session:
        assert throttle.attempt(session, "a@example.com") == 0
        now[0] += timedelta(seconds=30)
        assert throttle.attempt(session, "a@example.com") == 0
        assert throttle.attempt(session, "a@example.com") == 30
        assert throttle.attempt(session, "b@example.com") == 0
        now[0] += timedelta(seconds=30.5)
        assert throttle.attempt(session, "a@example.com") == 0


def test_parallel_guesses_cannot_pass_the_check_together(client):
    throttle = SignInThrottle(max_failures=5)
    start = threading.Barrier(20)

    def guess(_):
        with client.app.state.session_factory() as session:
            start.wait()
            return throttle.attempt(session, "a@example.com")

    with ThreadPoolExecutor(max_workers=20) as pool:
        waits = list(pool.map(guess, range(20)))
    assert waits.count(0) == 5


def test_ended_windows_are_deleted_and_a_locked_out_account_is_not(client):
    now = [datetime(2026, 1, 1, 12, 0)]
    throttle = SignInThrottle(max_failures=2, window=timedelta(seconds=60), clock=lambda: now[0])
    with client.app.state.session_factory() as session:
        for number in range(20):
            throttle.attempt(session, f"junk{number}@example.com")
        now[0] += timedelta(seconds=50)
        for _ in range(3):
            throttle.attempt(session, "victim@example.com")
        now[0] += timedelta(seconds=20)
        assert throttle.attempt(session, "fresh@example.com") == 0
        kept = set(session.scalars(select(SignInFailure.email)))
        assert kept == {"victim@example.com", "fresh@example.com"}
        assert throttle.attempt(session, "victim@example.com") > 0


def test_failures_count_in_every_worker_process(client):
    """uvicorn runs a worker process per core, each with memory of its own: five failures served
    by one make the account wait in another, as they are counted in the database."""
    client.post(f"{PREFIX}/register", json=ACCOUNT)
    for _ in range(5):
        assert _sign_in(client, "wrong password").status_code == 401
    other_worker = (
        "import sys\n"
        "from fastapi.testclient import TestClient\n"
        "from app.config import Settings\n"
        "from app.main import create_app\n"
        "with TestClient(create_app(Settings(database_url=sys.argv[1], jwt_secret=sys.argv[2]))) as other:\n"
        "    print(other.post(sys.argv[3], json={'email': sys.argv[4], 'password': sys.argv[5]}).status_code)\n"
    )
    settings = client.app.state.settings
    answer = subprocess.run(
        [sys.executable, "-c", other_worker, settings.database_url, SECRET, f"{PREFIX}/login", ACCOUNT["email"], ACCOUNT["password"]],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.split()[-1] == "429"


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
