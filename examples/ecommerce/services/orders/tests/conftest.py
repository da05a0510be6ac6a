"""Fixtures: a fresh database with the migrations applied, stubs for other services, and tokens."""

import json
import secrets
import time
from decimal import Decimal

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
# The record the stand-in services list as the caller's own (a customer's profile).
OWN_ID = 999_990


def token(role: str, subject: str = "1", email: str | None = None) -> dict[str, str]:
    now = int(time.time())
    claims = {"sub": subject, "role": role, "iat": now, "exp": now + 600} | ({"email": email} if email else {})
    return {"Authorization": f"Bearer {jwt.encode(claims, SECRET, algorithm='HS256')}"}


# A record of another service with nothing left of its stock.
SOLD_OUT_ID = 999_995


def stand_in_price(record: int) -> Decimal:
    """The price the stand-in services reserve a record's stock at: a different one per record, with
    as many decimal places as the currency has."""
    return Decimal(record % 90 + 10) + Decimal("0.99")


def _other_services(request: httpx.Request) -> httpx.Response:
    """Stands in for the services this one calls: every record exists but the ids above, and every
    reservation of their stock, or movement of their balance, is granted but for those ids."""
    if request.method == "POST" and request.url.path.endswith("/reservations"):
        return _reserve(request)
    if request.method == "POST" and request.url.path.endswith("/movements"):
        return _move(request)
    if "/reservations/" in request.url.path or "/movements/" in request.url.path:
        return httpx.Response(204 if request.method == "DELETE" else 200, json={})
    last = request.url.path.rsplit("/", 1)[-1]
    if request.method == "GET" and not last.isdigit():
        return httpx.Response(200, json={"items": [{"id": OWN_ID}], "total": 1, "total_exact": True, "page": 1, "page_size": 2})
    if last == str(UNREACHABLE_ID):
        raise httpx.ConnectError("connection refused", request=request)
    statuses = {str(MISSING_ID): 404, str(REFUSED_ID): 422, str(FAILING_ID): 500}
    return httpx.Response(statuses.get(last, 200), json={})


def _refusal(request: httpx.Request, reference: str, record: int, asked: str) -> httpx.Response | None:
    """How the stand-in refuses to take or move something of `record`, if it does."""
    if record == UNREACHABLE_ID:
        raise httpx.ConnectError("connection refused", request=request)
    if record == FAILING_ID:
        return httpx.Response(500, json={})
    if record == MISSING_ID:
        return httpx.Response(422, json={"detail": f"{reference}: no {reference[:-3]} {record}"})
    if record == SOLD_OUT_ID:
        return httpx.Response(409, json={"detail": f"{reference[:-3]} {record} has 0 left; {asked} asked. Nothing was taken"})
    return None


def _reserve(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    granted = []
    for line in body["lines"]:
        reference, record = next((name, value) for name, value in line.items() if name.endswith("_id"))
        refused = _refusal(request, reference, record, str(line["quantity"]))
        if refused is not None:
            return refused
        granted.append(line | {"unit_price": str(stand_in_price(record))})
    return httpx.Response(201, json={"key": body["key"], "released": False, "lines": granted})


def _move(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    reference, record = next((name, value) for name, value in body.items() if name.endswith("_id"))
    refused = _refusal(request, reference, record, body["amount"])
    if refused is not None:
        return refused
    signed = Decimal(body["amount"]) * (-1 if body["direction"] == "debit" else 1)
    return httpx.Response(201, json={"key": body["key"], reference: record, "amount": str(signed), "reversed": False})


@pytest.fixture()
def client(tmp_path):
    url = f"sqlite:///{tmp_path / 'test.sqlite'}"
    migrate.apply(url)
    settings = Settings(database_url=url, jwt_secret=SECRET, customers_service_url="http://customers.test", catalog_service_url="http://catalog.test")
    calls: list[httpx.Request] = []
    outages: dict[str, str] = {}

    def other_services(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        for fragment, kind in outages.items():
            if fragment in request.url.path:
                if kind == "unreachable":
                    raise httpx.ConnectError("connection refused", request=request)
                return httpx.Response(500, json={})
        return _other_services(request)

    with TestClient(create_app(settings, transport=httpx.MockTransport(other_services))) as test_client:
        # What this service asked the others, for tests of what it takes and gives back.
        test_client.calls = calls
        # Paths of the other services to fail from now on ("unreachable" or "failing"), for an outage mid-way.
        test_client.outages = outages
        yield test_client
