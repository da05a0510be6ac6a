"""Request ids: every answer carries one, the gateway's is kept, and the access log names it."""

import logging
import re


def test_the_request_id_given_is_answered_and_logged(client, caplog):
    with caplog.at_level(logging.INFO, logger="access"):
        response = client.get("/health", headers={"X-Request-ID": "gateway-7f3a.1"})
    assert response.headers["x-request-id"] == "gateway-7f3a.1"
    lines = [record for record in caplog.records if record.name == "access"]
    assert [(record.request_id, record.method, record.path, record.status) for record in lines] == [("gateway-7f3a.1", "GET", "/health", 200)]
    assert "request_id=gateway-7f3a.1" in lines[0].getMessage()
    assert logging.getLogger("uvicorn.access").disabled, "one access line per request, not uvicorn's as well"


def test_a_line_logged_while_serving_a_request_names_its_id(caplog):
    from app import request_log

    token = request_log.current_request_id.set("gateway-7f3a.2")
    try:
        with caplog.at_level(logging.INFO, logger="app"):
            logging.getLogger("app").info("working on it")
    finally:
        request_log.current_request_id.reset(token)
    logging.getLogger("app").info("between requests")
    assert [getattr(record, "request_id", None) for record in caplog.records if record.name == "app"] == ["gateway-7f3a.2", None]


def test_an_error_nothing_handled_is_a_500_with_the_id():
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from app.request_log import RequestLogMiddleware

    failing = FastAPI()
    failing.add_middleware(RequestLogMiddleware)

    @failing.get("/fails")
    def fails():
        raise RuntimeError("unexpected")

    response = TestClient(failing, raise_server_exceptions=False).get("/fails", headers={"X-Request-ID": "gateway-7f3a.3"})
    assert response.status_code == 500 and response.headers["x-request-id"] == "gateway-7f3a.3"


def test_a_request_without_an_id_gets_a_new_one(client):
    first = client.get("/health").headers["x-request-id"]
    second = client.get("/health").headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and re.fullmatch(r"[0-9a-f]{32}", second) and first != second


def test_a_path_that_could_forge_a_log_line_is_logged_as_it_came(client, caplog):
    with caplog.at_level(logging.INFO, logger="access"):
        client.get("/x%0A2026-01-01 INFO forged request_id=1")
    [line] = [record.getMessage() for record in caplog.records if record.name == "access"]
    assert "\n" not in line and "/x%0A2026-01-01%20INFO%20forged" in line


def test_an_id_that_could_forge_a_log_line_is_replaced(client):
    response = client.get("/health", headers={"X-Request-ID": "x\" status=200 forged"})
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])
