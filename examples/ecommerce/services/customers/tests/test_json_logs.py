"""Structured logs: the service's log lines are JSON objects a log collector can index."""

import json
import logging
import sys

import app.main  # noqa: F401  (configures logging as the running service does)
from app.json_logs import JsonFormatter


def test_the_service_logs_json_lines():
    assert any(isinstance(handler.formatter, JsonFormatter) for handler in logging.getLogger().handlers)


def test_the_servers_own_lines_are_json_too():
    from app.json_logs import configure_logging

    # As uvicorn leaves its loggers before it loads the application: plain text handlers of their own.
    server_log = logging.getLogger("uvicorn.error")
    server_log.handlers[:] = [logging.StreamHandler(sys.stderr)]
    server_log.propagate = False
    configure_logging("customers")
    assert server_log.handlers == [] and server_log.propagate


def test_a_record_becomes_one_json_object_with_its_fields():
    record = logging.makeLogRecord({"name": "access", "levelname": "INFO", "msg": "GET %s %d", "args": ("/health", 200), "request_id": "abc-1"})
    line = JsonFormatter("customers").format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["service"] == "customers" and entry["level"] == "INFO" and entry["logger"] == "access"
    assert entry["message"] == "GET /health 200" and entry["request_id"] == "abc-1"
    assert entry["time"].endswith("+00:00")


def test_an_exception_is_kept_in_the_same_line():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("app").makeRecord("app", logging.ERROR, __file__, 1, "failed", (), exc_info=sys.exc_info())
    entry = json.loads(JsonFormatter("customers").format(record))
    assert "ValueError: boom" in entry["exception"]
