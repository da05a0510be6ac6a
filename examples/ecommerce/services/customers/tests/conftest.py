"""Fixtures: a fresh database with the migrations applied, stubs for other services, and tokens."""

import secrets
import time

import httpx
import jwt
import pytest
from fastapi.testclient import TestClient

from app import migrate
from app.config import Settings
from app.main import create_app

SECRET = secrets.token_hex(32)
ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = secrets.token_urlsafe(16)
MISSING_ID = 999_999
# Ids the stand-in services answer about as a real service might: not an id it takes (422),
# failing (500), and not there at all.
REFUSED_ID = 999_998
FAILING_ID = 999_997
UNREACHABLE_ID = 999_996


def token(role: str, subject: str = "1", email: str | None = None) -> dict[str, str]:
    now = int(time.time())
    claims = {"sub": subject, "role": role, "iat": now, "exp": now + 600} | ({"email": email} if email else {})
    return {"Authorization": f"Bearer {jwt.encode(claims, SECRET, algorithm='HS256')}"}


def _other_services(request: httpx.Request) -> httpx.Response:
    """Stands in for the services this one calls: every record exists but the ids above."""
    last = request.url.path.rsplit("/", 1)[-1]
    if last == str(UNREACHABLE_ID):
        raise httpx.ConnectError("connection refused", request=request)
    statuses = {str(MISSING_ID): 404, str(REFUSED_ID): 422, str(FAILING_ID): 500}
    return httpx.Response(statuses.get(last, 200), json={})


@pytest.fixture()
def client(tmp_path):
    url = f"sqlite:///{tmp_path / 'test.sqlite'}"
    migrate.apply(url)
    settings = Settings(database_url=url, jwt_secret=SECRET)
    with TestClient(create_app(settings, transport=httpx.MockTransport(_other_services))) as test_client:
        yield test_client
