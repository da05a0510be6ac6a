"""The identity service: Accounts, sign-in and tokens."""

import logging
from contextlib import asynccontextmanager

import httpx
from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import DataError, OperationalError

from app.clients import make_clients
from app.config import Settings, load_settings
from app.database import make_engine, make_session_factory, thread_budget
from app.docs import install as install_docs
from app.json_logs import configure_logging
from app.request_log import RequestLogMiddleware
from app.routes import accounts

configure_logging("identity")


def create_app(settings: Settings | None = None, transport: httpx.BaseTransport | None = None) -> FastAPI:
    """Builds the application; run it with: uvicorn --factory app.main:create_app"""
    settings = settings or load_settings()
    engine = make_engine(settings.database_url, settings.database_pool_size)
    threads = thread_budget(engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if threads is not None:
            to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    # The description and the docs page are under the service's prefix, where the gateway routes to it.
    app = FastAPI(
        title="Gravity Shop: identity", version="1.0.0", openapi_url="/api/auth/openapi.json", docs_url=None, redoc_url=None, lifespan=lifespan
    )
    install_docs(app, "/api/auth")
    app.state.settings = settings
    app.state.session_factory = make_session_factory(engine)
    app.state.clients = make_clients(settings, transport)
    # Only the origins the configuration names get answers a browser on another origin accepts.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.allowed_origins),
        allow_methods=["GET", "POST", "PUT", "DELETE"],
        allow_headers=["Authorization", "Content-Type"],
    )
    # Outermost, so the access line has the status even of an answer the CORS layer gave.
    app.add_middleware(RequestLogMiddleware)
    app.include_router(accounts.router)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        # Where and why, without echoing the input: a NaN in it cannot even be written as JSON.
        problems = [{"loc": list(item["loc"]), "msg": item["msg"], "type": item["type"]} for item in error.errors()]
        return JSONResponse({"detail": problems}, status_code=422)

    @app.exception_handler(OperationalError)
    async def database_unavailable(request: Request, error: OperationalError):
        # A database that cannot be reached or written (a full disk, a read-only directory) is
        # the service's trouble, said as such; its own words go to the log.
        logging.getLogger(__name__).error("database: %s", error.orig)
        return JSONResponse({"detail": "the database is unavailable; try again later"}, status_code=503)

    @app.exception_handler(DataError)
    async def value_out_of_range(request: Request, error: DataError):
        # A value the schema let through but the column cannot hold (PostgreSQL checks what
        # SQLite does not): the request's fault, said without the database's words.
        logging.getLogger(__name__).info("422: %s", error.orig)
        return JSONResponse({"detail": "a value does not fit its column"}, status_code=422)

    @app.get("/health", tags=["health"])
    def health():
        # Healthy means the database takes a write: the one row of health_probe (a table made once),
        # written and committed, so a read-only disk shows here, not in a user's request. Committed,
        # because a write rolled back may never reach the disk: SQLite's write-ahead log takes pages
        # only at commit.
        try:
            with engine.connect() as connection:
                with connection.begin():
                    connection.execute(text("CREATE TABLE IF NOT EXISTS health_probe (id INTEGER PRIMARY KEY)"))
                with connection.begin():
                    connection.execute(text("DELETE FROM health_probe"))
                    connection.execute(text("INSERT INTO health_probe (id) VALUES (1)"))
        except Exception as error:  # the database is what health means here
            logging.getLogger(__name__).error("health: %s", error)
            return JSONResponse({"status": "unavailable", "service": "identity", "error": "the database cannot be written"}, status_code=503)
        return {"status": "ok", "service": "identity"}

    accounts.prepare(app)
    return app
