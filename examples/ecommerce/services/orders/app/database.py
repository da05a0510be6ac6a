"""Database engine and sessions over DATABASE_URL (SQLite or PostgreSQL)."""

import functools
from collections.abc import AsyncIterator

from fastapi import Depends, Request
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker


# How long a write waits for another to finish before it gives up, in milliseconds.
BUSY_TIMEOUT_MS = 5000
# SQLite connections kept open, so that a request finds one made and configured rather than making
# its own; more are opened when more are asked for at once (SQLite has no connection limit).
SQLITE_POOL_SIZE = 10


class Base(DeclarativeBase):
    pass


def sqlalchemy_url(url: str) -> str:
    """A plain postgresql:// URL, as orchestrators hand out, means the psycopg 3 driver installed here."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def make_engine(url: str, pool_size: int) -> Engine:
    """An engine over `url`; on PostgreSQL with at most `pool_size` connections (DATABASE_POOL_SIZE,
    which the deployment works out from PostgreSQL's max_connections and the service's processes)."""
    url = sqlalchemy_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, pool_size=SQLITE_POOL_SIZE, max_overflow=-1)

        @event.listens_for(engine, "connect")
        def _configure(connection, _record) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")  # SQLite leaves them off by default
            # Write-ahead logging: readers never hold up a writer, nor a writer the readers. A writer
            # that finds another at work waits for it (up to 5 s) instead of failing at once.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            # In write-ahead mode, NORMAL syncs the log to disk at checkpoints rather than at every
            # commit: a commit survives the service crashing, and only a power cut or an operating
            # system crash may take back the last ones (PostgreSQL, in production, syncs each commit).
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    # Never more than the budget: the service's thread pool is one smaller (see thread_budget), so
    # the event loop, which may be what would give a connection back, always finds one free.
    return create_engine(url, pool_pre_ping=True, pool_size=pool_size, max_overflow=0)


def thread_budget(engine: Engine) -> int | None:
    """How many threads FastAPI's thread pool may run at once (each holds at most one connection),
    or None to keep its 40: on PostgreSQL one fewer than the pool, leaving one for the event loop."""
    return None if engine.dialect.name == "sqlite" else max(1, engine.pool.size() - 1)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# `async def`: opening a session touches no database (a connection is taken at its first query), and
# FastAPI would run a plain `def` in its thread pool, a hand-off there and back for each request.
async def get_session(request: Request) -> AsyncIterator[Session]:
    with request.app.state.session_factory() as session:
        yield session


# What a route asks for its session. scope="function": the session closes as soon as the route
# returns, so its connection is back in the pool before the answer is sent, not after.
route_session = Depends(get_session, scope="function")


def closes_its_session(route):
    """For a route that is a plain `def` (it calls another service, or hashes a password, so FastAPI
    runs it in its thread pool): its session is closed in that thread as the route returns or
    raises, so no connection stays checked out once the thread is free, waiting for the event loop
    to give it back. What the route returns stays readable: its fields were loaded before."""

    @functools.wraps(route)
    def run(*args, **kwargs):
        try:
            return route(*args, **kwargs)
        finally:
            kwargs["session"].close()

    return run
