"""Calls from browsers on other origins: only those ALLOWED_ORIGINS names get an answer a browser accepts."""

from fastapi.testclient import TestClient

from app import migrate
from app.config import Settings
from app.main import create_app
from tests.conftest import SECRET

ALLOWED = "https://shop.example"
ELSEWHERE = "https://elsewhere.example"
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type"}


def test_only_the_configured_origins_may_call_from_a_browser(tmp_path):
    url = f"sqlite:///{tmp_path / 'cors.sqlite'}"
    migrate.apply(url)
    with TestClient(create_app(Settings(database_url=url, jwt_secret=SECRET, allowed_origins=(ALLOWED,)))) as client:
        allowed = client.options("/health", headers=PREFLIGHT | {"Origin": ALLOWED})
        assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == ALLOWED
        refused = client.options("/health", headers=PREFLIGHT | {"Origin": ELSEWHERE})
        assert "access-control-allow-origin" not in refused.headers
        assert "access-control-allow-origin" not in client.get("/health", headers={"Origin": ELSEWHERE}).headers


def test_with_no_origins_configured_no_other_origin_is_answered(tmp_path):
    url = f"sqlite:///{tmp_path / 'cors.sqlite'}"
    migrate.apply(url)
    with TestClient(create_app(Settings(database_url=url, jwt_secret=SECRET))) as client:
        assert "access-control-allow-origin" not in client.options("/health", headers=PREFLIGHT | {"Origin": ALLOWED}).headers
