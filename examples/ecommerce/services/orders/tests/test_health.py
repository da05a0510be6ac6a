import time

import jwt
import pytest

from tests.conftest import SECRET


def test_health_reports_ok(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.parametrize("missing", ["exp", "iat", "sub", "role"])
def test_a_token_without_a_required_claim_is_refused(client, missing):
    now = int(time.time())
    claims = {"sub": "1", "role": "admin", "iat": now, "exp": now + 600}
    headers = {"Authorization": f"Bearer {jwt.encode(claims, SECRET, algorithm='HS256')}"}
    assert client.post("/api/orders/purchase_orders", json={}, headers=headers).status_code != 401
    del claims[missing]
    headers = {"Authorization": f"Bearer {jwt.encode(claims, SECRET, algorithm='HS256')}"}
    assert client.post("/api/orders/purchase_orders", json={}, headers=headers).status_code == 401
