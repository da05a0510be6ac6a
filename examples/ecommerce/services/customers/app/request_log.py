"""One access-log line per request, under a request id: the one the gateway passed on in X-Request-ID,
or a new one. The answer carries the id back (a 500 too), every line the service logs while serving
the request names it, and calls to other services pass it on, so one id follows a request through
every service it touches."""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# An id from outside is kept only when it is short and plain, so it cannot forge a log line.
ACCEPTABLE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

current_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

access_log = logging.getLogger("access")

_make_record = logging.getLogRecordFactory()


def _record_with_request_id(*args, **kwargs) -> logging.LogRecord:
    """Every record made while a request is served carries its id (a JSON log line shows it as a field)."""
    record = _make_record(*args, **kwargs)
    request_id = current_request_id.get()
    if request_id is not None:
        record.request_id = request_id
    return record


logging.setLogRecordFactory(_record_with_request_id)


class RequestLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        # This log says what uvicorn's access log would, with the request id: one line per request.
        logging.getLogger("uvicorn.access").disabled = True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if ACCEPTABLE_ID.fullmatch(given) else uuid.uuid4().hex
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        status = 500
        answered = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, answered
            if message["type"] == "http.response.start":
                status, answered = message["status"], True
                message = {**message, "headers": [*message.get("headers", []), (b"x-request-id", request_id.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            # An error nothing handled: the 500 is answered here, with the id, before the server
            # logs the error (its own answer would lack the id).
            if not answered:
                await send_with_id({"type": "http.response.start", "status": 500, "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
                await send({"type": "http.response.body", "body": b"Internal Server Error"})
            raise
        finally:
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            # The path as it came, still percent-encoded: a decoded one could carry a line break
            # and forge a log line.
            path = scope.get("raw_path", b"").decode("latin-1") or scope["path"].encode("unicode_escape").decode("ascii")
            access_log.info(
                "%s %s %d %.1fms request_id=%s",
                scope["method"],
                path,
                status,
                duration_ms,
                request_id,
                extra={"method": scope["method"], "path": path, "status": status, "duration_ms": duration_ms},
            )
            current_request_id.reset(token)


def pass_request_id(request) -> None:
    """An httpx request hook: a call made while serving a request carries that request's id."""
    request_id = current_request_id.get()
    if request_id is not None:
        request.headers["X-Request-ID"] = request_id
